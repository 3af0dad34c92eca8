"""Events in the store: filtered, paged and counted, with their actors and evidence sentence.

Every filter is a bound parameter; the only text put into a statement comes from the
fixed tables here (the orders). Dates compare as ISO strings on the event's own date,
or the article's publication date when the event has none; a partial date ("2024-06")
matches a bound inside it, so ``since="2024-06-15"`` keeps an event dated "2024-06".
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from tidings.errors import StoreError

if TYPE_CHECKING:
    from tidings.store.sqlite import Store

ORDERS = {
    "date": "d ASC, e.article_id ASC, n ASC",
    "-date": "d DESC, e.article_id ASC, n ASC",
    "type": "e.type ASC, d ASC, n ASC",
    "confidence": "e.confidence DESC, d ASC, n ASC",
    "article": "e.article_id ASC, n ASC",
}
FACTUALITY = ("asserted", "alleged", "denied", "negated", "future", "hypothetical")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SIDE = ("EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = e.article_id AND x.event_id = e.local_id"
         " AND x.side = ? AND x.code IN ({marks}))")
_SELECT = ("SELECT e.*, COALESCE(e.date, a.published) AS d, CAST(substr(e.local_id, 2) AS INTEGER) AS n,"
           " a.published, a.title, a.outlet,"
           " substr(a.text, e.sent_start + 1, e.sent_end - e.sent_start) AS sentence,"
           " substr(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start) AS trigger_text"
           " FROM events e JOIN articles a ON a.id = e.article_id")


def _codes(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [c.strip().upper() for c in items if c and c.strip()]


def _date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    if not _DATE.match(value):
        raise StoreError(f"{name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), not {value!r}")
    return value


def _where(actor: str | Iterable[str] | None, recipient: str | Iterable[str] | None,
           type: str | Iterable[str] | None, since: str | None, until: str | None,
           factuality: str | Iterable[str] | None, article: str | None) -> tuple[str, list[Any]]:
    parts: list[str] = []
    args: list[Any] = []
    for side, value in (("actor", actor), ("recipient", recipient)):
        codes = _codes(value)
        if codes:
            parts.append(_SIDE.format(marks=",".join("?" * len(codes))))
            args += [side, *codes]
    types = _codes(type)
    if types:
        parts.append(f"e.type IN ({','.join('?' * len(types))})")
        args += types
    facts = [f.lower() for f in _codes(factuality)]
    if facts:
        parts.append(f"e.factuality IN ({','.join('?' * len(facts))})")
        args += facts
    since, until = _date(since, "since"), _date(until, "until")
    day = "COALESCE(e.date, a.published)"
    if since:
        parts.append(f"({day} >= ? OR ? LIKE {day} || '%')")
        args += [since, since]
    if until:
        parts.append(f"{day} <= ?")
        args.append(until + "~")  # "~" sorts after digits: "2024-06" and "2024-06-30" are <= "2024-06~"
    if article:
        parts.append("e.article_id = ?")
        args.append(article)
    return " AND ".join(parts) or "1=1", args


def _sides(store: "Store", keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], dict[str, list[dict[str, Any]]]]:
    out: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}
    for start in range(0, len(keys), 300):
        chunk = keys[start:start + 300]
        cond = " OR ".join("(article_id = ? AND event_id = ?)" for _ in chunk)
        rows = store.db.execute(f"SELECT article_id, event_id, side, actor_id, code, sector FROM event_actors"
                                f" WHERE {cond} ORDER BY rowid", [x for k in chunk for x in k])
        for r in rows:
            side = out.setdefault((r[0], r[1]), {"actor": [], "recipient": []})
            side[r[2]].append({"ref": r[3], "code": r[4], "sector": r[5]})
    return out


def _row(r: Any, sides: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    actors, recipients = sides.get("actor", []), sides.get("recipient", [])
    return {
        "article": r["article_id"], "id": r["local_id"], "type": r["type"], "mode": r["mode"],
        "context": json.loads(r["context"]) if r["context"] else [], "factuality": r["factuality"],
        "date": r["date"], "date_precision": r["date_precision"],
        "location": json.loads(r["location"]) if r["location"] else None,
        "actor": actors, "recipient": recipients,
        "actor_codes": [a["code"] for a in actors if a["code"]],
        "recipient_codes": [a["code"] for a in recipients if a["code"]],
        "cameo": r["cameo"], "goldstein": r["goldstein"], "confidence": r["confidence"], "claim": r["claim_id"],
        "evidence": {"start": r["sent_start"], "end": r["sent_end"], "trigger": [r["trigger_start"], r["trigger_end"]]},
        "sentence": r["sentence"], "trigger_text": r["trigger_text"],
        "published": r["published"], "title": r["title"], "outlet": r["outlet"],
    }


def query_events(store: "Store", *, actor: str | Iterable[str] | None = None,
                 recipient: str | Iterable[str] | None = None, type: str | Iterable[str] | None = None,
                 since: str | None = None, until: str | None = None,
                 factuality: str | Iterable[str] | None = None, article: str | None = None,
                 limit: int = 100, offset: int = 0, order: str = "date") -> list[dict[str, Any]]:
    """Stored events matching every given filter, as plain rows (the record's event fields, its
    actor and recipient lists and codes, and the evidence sentence text).

    Codes and types may be one value, a comma-separated string or a list (any of them
    matches); ``order`` is one of :data:`ORDERS`.
    """
    if order not in ORDERS:
        raise StoreError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
    if limit < 0 or offset < 0:
        raise StoreError("limit and offset must not be negative")
    where, args = _where(actor, recipient, type, since, until, factuality, article)
    rows = store.db.execute(f"{_SELECT} WHERE {where} ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?",
                            [*args, limit, offset]).fetchall()
    sides = _sides(store, [(r["article_id"], r["local_id"]) for r in rows])
    return [_row(r, sides.get((r["article_id"], r["local_id"]), {})) for r in rows]


def count_events(store: "Store", *, actor: str | Iterable[str] | None = None,
                 recipient: str | Iterable[str] | None = None, type: str | Iterable[str] | None = None,
                 since: str | None = None, until: str | None = None,
                 factuality: str | Iterable[str] | None = None, article: str | None = None) -> int:
    """How many stored events :func:`query_events` would return without a limit."""
    where, args = _where(actor, recipient, type, since, until, factuality, article)
    sql = f"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE {where}"
    return int(store.db.execute(sql, args).fetchone()[0])
