"""Reading the store for the API and the pages: events, with filters, counts and aggregates.

All SQL here is parameterised; the only text put into a statement is chosen from
fixed tables in this module (column orders, sides), never taken from a request.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from tidings.api.vocab import quad, quad_sql
from tidings.store import Store

_ORDERS = {"date": "e.date ASC, e.rowid ASC", "-date": "e.date DESC, e.rowid ASC",
           "type": "e.type ASC, e.date DESC, e.rowid ASC", "-type": "e.type DESC, e.date DESC, e.rowid ASC",
           "confidence": "e.confidence ASC, e.rowid ASC", "-confidence": "e.confidence DESC, e.rowid ASC",
           "article": "e.article_id ASC, e.rowid ASC", "-article": "e.article_id DESC, e.rowid ASC"}
_IN_SIDE = ("(e.article_id, e.local_id) IN (SELECT article_id, event_id FROM event_actors"
            " WHERE side = ? AND code IN ({marks}))")
_IN_ANY = "(e.article_id, e.local_id) IN (SELECT article_id, event_id FROM event_actors WHERE code = ?)"
_IN_KEY = ("(e.article_id, e.local_id) IN (SELECT x.article_id, x.event_id FROM event_actors x"
           " JOIN mentions m ON m.article_id = x.article_id AND m.local_id = x.actor_id"
           " WHERE m.actor_key = ? AND x.side = ?)")


def marks(n: int) -> str:
    return ",".join("?" * n)


def reader_link(article_id: str, anchor: str | None = None) -> str:
    """The article reader's address for an article, at a record's ``#id`` when given."""
    return f"/articles/{quote(article_id, safe='')}" + (f"#{quote(anchor, safe='')}" if anchor else "")


@dataclass
class EventFilter:
    """Which events: every field narrows the set; lists mean any of their values.

    ``party`` codes must all take part (on either side); ``key`` is an actor key of the
    store and the side (``actor`` or ``recipient``) it must be on.
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

    def where(self) -> tuple[str, list[Any]]:
        parts: list[str] = []
        args: list[Any] = []
        for side, cs in (("actor", self.actor), ("recipient", self.recipient)):
            if cs:
                parts.append(_IN_SIDE.format(marks=marks(len(cs))))
                args += [side, *cs]
        for c in self.party:
            parts.append(_IN_ANY)
            args.append(c)
        if self.key:
            parts.append(_IN_KEY)
            args += list(self.key)
        if self.type:
            parts.append(f"e.type IN ({marks(len(self.type))})")
            args += self.type
        if self.since:
            parts.append("e.date >= ?")
            args.append(self.since)
        if self.until_before:
            parts.append("e.date < ?")
            args.append(self.until_before)
        if self.factuality:
            parts.append(f"e.factuality IN ({marks(len(self.factuality))})")
            args += self.factuality
        if self.article:
            parts.append("e.article_id = ?")
            args.append(self.article)
        if self.quad:
            expr, qargs = quad_sql("e")
            parts.append(f"{expr} = ?")
            args += [*qargs, self.quad]
        return (" AND ".join(parts) or "1=1"), args


_EVENT_COLS = ("SELECT e.rowid AS rid, e.*, a.title AS article_title, a.published,"
               " substr(a.text, e.sent_start + 1, e.sent_end - e.sent_start) AS sentence,"
               " substr(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start) AS trigger_text"
               " FROM events e JOIN articles a ON a.id = e.article_id")
# the page of events is chosen on the events table alone (its indexes), then joined to its articles:
# left to itself the planner would scan articles first and sort every event
_EVENT_PAGE = ("SELECT e.rowid AS rid, e.*, a.title AS article_title, a.published,"
               " substr(a.text, e.sent_start + 1, e.sent_end - e.sent_start) AS sentence,"
               " substr(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start) AS trigger_text"
               " FROM (SELECT e.rowid AS pick, row_number() OVER (ORDER BY {order}) AS n FROM events e"
               " WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?) p"
               " JOIN events e ON e.rowid = p.pick JOIN articles a ON a.id = e.article_id ORDER BY p.n")


def _loads(value: str | None, default: Any) -> Any:
    return json.loads(value) if value else default


def event_row(r: Any, sides: dict[tuple[str, str], dict[str, list[dict[str, Any]]]]) -> dict[str, Any]:
    """One ``events`` row (with its sides) in the API's shape: the record's event plus where it came from."""
    s = sides.get((r["article_id"], r["local_id"]), {})
    return {
        "article": r["article_id"], "id": r["local_id"], "type": r["type"], "mode": r["mode"],
        "context": _loads(r["context"], []), "factuality": r["factuality"],
        "date": r["date"], "date_precision": r["date_precision"], "location": _loads(r["location"], None),
        "actor": s.get("actor", []), "recipient": s.get("recipient", []),
        "cameo": r["cameo"], "goldstein": r["goldstein"], "confidence": r["confidence"], "claim": r["claim_id"],
        "evidence": {"start": r["sent_start"], "end": r["sent_end"], "trigger": [r["trigger_start"], r["trigger_end"]]},
        "quad": quad(r["type"], r["goldstein"]),
        "sentence": r["sentence"], "trigger_text": r["trigger_text"],
        "article_title": r["article_title"], "published": r["published"],
        "link": reader_link(r["article_id"], r["local_id"]),
    }


def _sides(store: Store, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], dict[str, list[dict[str, Any]]]]:
    out: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}
    for chunk in range(0, len(keys), 400):
        part = keys[chunk:chunk + 400]
        values = ",".join("(?,?)" for _ in part)
        args = [x for k in part for x in k]
        for r in store.db.execute(
                f"WITH k(a, e) AS (VALUES {values}) SELECT x.article_id, x.event_id, x.side, x.actor_id, x.code,"
                " x.sector FROM k JOIN event_actors x ON x.article_id = k.a AND x.event_id = k.e ORDER BY x.rowid",
                args):
            bucket = out.setdefault((r[0], r[1]), {"actor": [], "recipient": []})
            bucket[r[2]].append({"ref": r[3], "code": r[4], "sector": r[5]})
    return out


def query_events(store: Store, f: EventFilter, *, limit: int, offset: int = 0,
                 order: str = "-date") -> list[dict[str, Any]]:
    where, args = f.where()
    rows = store.db.execute(_EVENT_PAGE.format(order=_ORDERS[order], where=where),
                            [*args, limit, offset]).fetchall()
    sides = _sides(store, [(r["article_id"], r["local_id"]) for r in rows])
    return [event_row(r, sides) for r in rows]


def count_events(store: Store, f: EventFilter) -> int:
    where, args = f.where()
    return int(store.db.execute(f"SELECT count(*) FROM events e WHERE {where}", args).fetchone()[0])


def get_event(store: Store, article_id: str, event_id: str) -> dict[str, Any] | None:
    rows = store.db.execute(f"{_EVENT_COLS} WHERE e.article_id = ? AND e.local_id = ?",
                            (article_id, event_id)).fetchall()
    if not rows:
        return None
    return event_row(rows[0], _sides(store, [(article_id, event_id)]))


_BUCKETS = {"year": ("substr(e.date, 1, 4)", 4), "month": ("substr(e.date, 1, 7)", 7),
            "week": ("date(e.date, 'weekday 0', '-6 days')", 10), "day": ("e.date", 10)}


def event_counts(store: Store, f: EventFilter, bucket: str) -> tuple[list[dict[str, Any]], int]:
    """Events per period, type and quad class; and how many matching events were too vaguely dated to place."""
    expr, width = _BUCKETS[bucket]
    where, args = f.where()
    qexpr, qargs = quad_sql("e")
    rows = store.db.execute(
        f"SELECT {expr} AS period, e.type, {qexpr} AS quad, count(*) AS n FROM events e"
        f" WHERE {where} AND length(e.date) >= ? GROUP BY period, e.type, quad ORDER BY period",
        [*qargs, *args, width]).fetchall()
    vague = store.db.execute(
        f"SELECT count(*) FROM events e WHERE {where} AND (e.date IS NULL OR length(e.date) < ?)",
        [*args, width]).fetchone()[0]
    return [dict(r) for r in rows], int(vague)


def dyads(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    """Pairs of actor codes with the number of events between them, by quad class.

    An event with recipients links each actor to each recipient (``directed``); one
    without (a meeting of equals) links its actors to each other. One scan of the
    events table, grouped by its joined code columns, then split into pairs here.
    """
    where, args = f.where()
    qexpr, qargs = quad_sql("e")
    counts: dict[tuple[str, str, int, str], int] = {}
    for actors, recipients, q_, n in store.db.execute(
            f"SELECT e.actor_codes, e.recipient_codes, {qexpr} AS quad, count(*) FROM events e WHERE {where}"
            " GROUP BY e.actor_codes, e.recipient_codes, quad", [*qargs, *args]):
        sources = sorted({c for c in (actors or "").split("|") if c and c != "?"})
        targets = sorted({c for c in (recipients or "").split("|") if c and c != "?"})
        if recipients:
            pairs = [(a, b, 1) for a in sources for b in targets if a != b]
        else:
            pairs = [(a, b, 0) for i, a in enumerate(sources) for b in sources[i + 1:]]
        for a, b, directed in pairs:
            counts[(a, b, directed, q_)] = counts.get((a, b, directed, q_), 0) + n
    return [{"source": a, "target": b, "directed": bool(d), "quad": q_, "n": n}
            for (a, b, d, q_), n in sorted(counts.items())]
