"""Events for the API and the pages: checked filters and the API's row shape over ``tidings.store.events``.

The SQL lives in :mod:`tidings.store.events`, shared with the CLI; this module only maps
an :class:`EventFilter` (checked values, see ``params``) to its keyword filters and adds
what the API shows besides the stored event (its quad class and reader link).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from tidings.api.vocab import quad
from tidings.store import Store
from tidings.store import events as store_events


def marks(n: int) -> str:
    return ",".join("?" * n)


def reader_link(article_id: str, anchor: str | None = None) -> str:
    """The article reader's address for an article, at a record's ``#id`` when given."""
    return f"/articles/{quote(article_id, safe='')}" + (f"#{quote(anchor, safe='')}" if anchor else "")


@dataclass
class EventFilter:
    """Which events: every field narrows the set; lists mean any of their values.

    ``party`` codes must all take part (on either side); ``key`` is an actor key of the
    store and the side (``actor`` or ``recipient``) it must be on. Dates bound the event's own date.
    """

    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    party: list[str] = field(default_factory=list)
    type: list[str] = field(default_factory=list)
    since: str | None = None
    until_before: str | None = None  # exclusive bound: see params.date_upper
    factuality: list[str] = field(default_factory=list)
    article: str | None = None
    quad: str | None = None
    key: tuple[str, str] | None = None

    def filters(self) -> dict[str, Any]:
        """The keyword filters of ``tidings.store.events`` that select the same events."""
        return {"actor": self.actor, "recipient": self.recipient, "party": self.party, "type": self.type,
                "own_since": self.since, "own_before": self.until_before, "factuality": self.factuality,
                "article": self.article, "quad": self.quad, "key": self.key}


def event_row(r: dict[str, Any]) -> dict[str, Any]:
    """A row of ``store.events.query_events`` in the API's shape: the record's event plus where it came from."""
    keep = ("article", "id", "type", "mode", "context", "factuality", "date", "date_precision", "location",
            "actor", "recipient", "cameo", "goldstein", "confidence", "claim", "evidence")
    return {**{k: r[k] for k in keep}, "quad": quad(r["type"], r["goldstein"]),
            "sentence": r["sentence"], "trigger_text": r["trigger_text"],
            "article_title": r["title"], "published": r["published"], "link": reader_link(r["article"], r["id"])}


def query_events(store: Store, f: EventFilter, *, limit: int, offset: int = 0,
                 order: str = "-date") -> list[dict[str, Any]]:
    rows = store_events.query_events(store, **f.filters(), limit=limit, offset=offset, own_order=order)
    return [event_row(r) for r in rows]


def count_events(store: Store, f: EventFilter) -> int:
    return store_events.count_events(store, **f.filters())


def get_event(store: Store, article_id: str, event_id: str) -> dict[str, Any] | None:
    rows = store_events.query_events(store, article=article_id, event=event_id, limit=1, own_order="date")
    return event_row(rows[0]) if rows else None


def event_counts(store: Store, f: EventFilter, bucket: str) -> tuple[list[dict[str, Any]], int]:
    """Events per period, type and quad class; and how many matching events were too vaguely dated to place."""
    return store_events.event_counts(store, bucket, **f.filters())


def dyads(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    """Pairs of actor codes with their event counts by quad class (see ``store.events.dyads``)."""
    return store_events.dyads(store, **f.filters())
