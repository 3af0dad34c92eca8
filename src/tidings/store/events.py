"""Events in the store: filtered, paged, counted and aggregated, with their actors and evidence sentence.

Every filter is a bound parameter; the only text put into a statement comes from the
fixed tables here (the orders, the buckets). Two kinds of date bound: ``since``/``until``
compare the event's own date, or the article's publication date when the event has none,
and a partial date ("2024-06") matches a bound inside it, so ``since="2024-06-15"`` keeps
an event dated "2024-06"; ``own_since``/``own_before`` compare the event's own date only
(undated events never match), ``own_before`` exclusive. The CLI and the HTTP API call these.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from tidings import resources
from tidings.errors import StoreError

if TYPE_CHECKING:
    from tidings.store.sqlite import Store

_DAY = "COALESCE(e.date, a.published)"
_N = "CAST(substr(e.local_id, 2) AS INTEGER)"
ORDERS = {
    "date": f"{_DAY} ASC, e.article_id ASC, {_N} ASC",
    "-date": f"{_DAY} DESC, e.article_id ASC, {_N} ASC",
    "type": f"e.type ASC, {_DAY} ASC, {_N} ASC",
    "confidence": f"e.confidence DESC, {_DAY} ASC, {_N} ASC",
    "article": f"e.article_id ASC, {_N} ASC",
}
# the API's sorts: on the event's own columns only, ties in stored order
OWN_ORDERS = {"date": "e.date ASC, e.rowid ASC", "-date": "e.date DESC, e.rowid ASC",
              "type": "e.type ASC, e.date DESC, e.rowid ASC", "-type": "e.type DESC, e.date DESC, e.rowid ASC",
              "confidence": "e.confidence ASC, e.rowid ASC", "-confidence": "e.confidence DESC, e.rowid ASC",
              "article": "e.article_id ASC, e.rowid ASC", "-article": "e.article_id DESC, e.rowid ASC"}
FACTUALITY = ("asserted", "alleged", "denied", "negated", "future", "hypothetical")
BUCKETS = {"year": ("substr(e.date, 1, 4)", 4), "month": ("substr(e.date, 1, 7)", 7),
           "week": ("date(e.date, 'weekday 0', '-6 days')", 10), "day": ("e.date", 10)}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# row-value IN subqueries, so that the planner can start from the event_actors_code index
_SIDE = ("(e.article_id, e.local_id) IN (SELECT article_id, event_id FROM event_actors"
         " WHERE side = ? AND code IN ({marks}))")
_PARTY = "(e.article_id, e.local_id) IN (SELECT article_id, event_id FROM event_actors WHERE code = ?)"
_KEY = ("(e.article_id, e.local_id) IN (SELECT x.article_id, x.event_id FROM event_actors x"
        " JOIN mentions m ON m.article_id = x.article_id AND m.local_id = x.actor_id"
        " WHERE m.actor_key = ? AND x.side = ?)")
_JOIN = " JOIN articles a ON a.id = e.article_id"
# the page of events is chosen on the events table (its indexes, and articles only when a filter or sort
# needs them), then joined to its articles: left to itself the planner would scan articles first
_PAGE = ("SELECT e.*, a.published, a.title, a.outlet,"
         " substr(a.text, e.sent_start + 1, e.sent_end - e.sent_start) AS sentence,"
         " substr(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start) AS trigger_text"
         " FROM (SELECT e.rowid AS pick, row_number() OVER (ORDER BY {order}) AS n FROM events e{join}"
         " WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?) p"
         " JOIN events e ON e.rowid = p.pick JOIN articles a ON a.id = e.article_id ORDER BY p.n")
Codes = str | Iterable[str] | None


def quad_sql(alias: str = "e") -> tuple[str, list[str]]:
    """``cooperation`` or ``conflict`` as an SQL expression over ``alias``'s columns, with its parameters:
    by the Goldstein score's sign, else by the type (the rule of ``tidings.api.vocab.quad``)."""
    types = list(resources.load("quad.toml")["cooperation"])
    sql = (f"(CASE WHEN {alias}.goldstein > 0 THEN 'cooperation' WHEN {alias}.goldstein < 0 THEN 'conflict'"
           f" WHEN {alias}.type IN ({','.join('?' * len(types))}) THEN 'cooperation' ELSE 'conflict' END)")
    return sql, types


def _codes(value: Codes) -> list[str]:
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


def _where(actor: Codes = None, recipient: Codes = None, type: Codes = None, since: str | None = None,
           until: str | None = None, factuality: Codes = None, article: str | None = None, *,
           party: Codes = None, key: tuple[str, str] | None = None, quad: str | None = None,
           own_since: str | None = None, own_before: str | None = None,
           event: str | None = None) -> tuple[str, list[Any], bool]:
    """The WHERE clause, its parameters, and whether it reads the articles table (as ``a``)."""
    parts: list[str] = []
    args: list[Any] = []
    for side, value in (("actor", actor), ("recipient", recipient)):
        codes = _codes(value)
        if codes:
            parts.append(_SIDE.format(marks=",".join("?" * len(codes))))
            args += [side, *codes]
    for code in _codes(party):
        parts.append(_PARTY)
        args.append(code)
    if key:
        parts.append(_KEY)
        args += list(key)
    types = _codes(type)
    if types:
        parts.append(f"e.type IN ({','.join('?' * len(types))})")
        args += types
    facts = [f.lower() for f in _codes(factuality)]
    if facts:
        parts.append(f"e.factuality IN ({','.join('?' * len(facts))})")
        args += facts
    since, until = _date(since, "since"), _date(until, "until")
    if since:
        parts.append(f"({_DAY} >= ? OR ? LIKE {_DAY} || '%')")
        args += [since, since]
    if until:
        parts.append(f"{_DAY} <= ?")
        args.append(until + "~")  # "~" sorts after digits: "2024-06" and "2024-06-30" are <= "2024-06~"
    for test, value in (("e.date >= ?", own_since), ("e.date < ?", own_before), ("e.article_id = ?", article),
                        ("e.local_id = ?", event)):
        if value:
            parts.append(test)
            args.append(value)
    if quad:
        expr, qargs = quad_sql("e")
        parts.append(f"{expr} = ?")
        args += [*qargs, quad]
    return " AND ".join(parts) or "1=1", args, bool(since or until)


def _sides(store: "Store", keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], dict[str, list[dict[str, Any]]]]:
    out: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}
    for start in range(0, len(keys), 400):
        chunk = keys[start:start + 400]
        values = ",".join("(?,?)" for _ in chunk)
        rows = store.db.execute(
            f"WITH k(a, e) AS (VALUES {values}) SELECT x.article_id, x.event_id, x.side, x.actor_id, x.code,"
            " x.sector FROM k JOIN event_actors x ON x.article_id = k.a AND x.event_id = k.e ORDER BY x.rowid",
            [x for k in chunk for x in k])
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


def query_events(store: "Store", *, actor: Codes = None, recipient: Codes = None, type: Codes = None,
                 since: str | None = None, until: str | None = None, factuality: Codes = None,
                 article: str | None = None, limit: int = 100, offset: int = 0, order: str = "date",
                 party: Codes = None, key: tuple[str, str] | None = None, quad: str | None = None,
                 own_since: str | None = None, own_before: str | None = None, event: str | None = None,
                 own_order: str | None = None) -> list[dict[str, Any]]:
    """Stored events matching every given filter, as plain rows (the record's event fields, its
    actor and recipient lists and codes, and the evidence sentence and trigger text).

    Codes and types may be one value, a comma-separated string or a list (any of them
    matches); ``party`` codes must all take part, on either side; ``key`` is a store actor
    key and the side (``actor`` or ``recipient``) it must be on; ``quad`` is ``cooperation``
    or ``conflict``; ``event`` a local event id. ``order`` is one of :data:`ORDERS`;
    ``own_order``, when given, one of :data:`OWN_ORDERS` instead.
    """
    sort = OWN_ORDERS.get(own_order) if own_order is not None else ORDERS.get(order)
    if sort is None:
        allowed = OWN_ORDERS if own_order is not None else ORDERS
        raise StoreError(f"order must be one of {', '.join(allowed)}, not {own_order or order!r}")
    if limit < 0 or offset < 0:
        raise StoreError("limit and offset must not be negative")
    where, args, dated = _where(actor, recipient, type, since, until, factuality, article, party=party, key=key,
                                quad=quad, own_since=own_since, own_before=own_before, event=event)
    join = _JOIN if dated or own_order is None else ""
    rows = store.db.execute(_PAGE.format(order=sort, where=where, join=join), [*args, limit, offset]).fetchall()
    sides = _sides(store, [(r["article_id"], r["local_id"]) for r in rows])
    return [_row(r, sides.get((r["article_id"], r["local_id"]), {})) for r in rows]


def count_events(store: "Store", **filters: Any) -> int:
    """How many stored events :func:`query_events` would return without a limit (same filters)."""
    where, args, dated = _where(**filters)
    return int(store.db.execute(f"SELECT count(*) FROM events e{_JOIN if dated else ''} WHERE {where}",
                                args).fetchone()[0])


def event_counts(store: "Store", bucket: str, **filters: Any) -> tuple[list[dict[str, Any]], int]:
    """Events per period of their own date (a key of :data:`BUCKETS`), type and quad class; and how many
    matching events were too vaguely dated to place."""
    expr, width = BUCKETS[bucket]
    where, args, dated = _where(**filters)
    src = f"events e{_JOIN if dated else ''}"
    qexpr, qargs = quad_sql("e")
    rows = store.db.execute(
        f"SELECT {expr} AS period, e.type, {qexpr} AS quad, count(*) AS n FROM {src}"
        f" WHERE {where} AND length(e.date) >= ? GROUP BY period, e.type, quad ORDER BY period",
        [*qargs, *args, width]).fetchall()
    vague = store.db.execute(f"SELECT count(*) FROM {src} WHERE {where} AND (e.date IS NULL OR length(e.date) < ?)",
                             [*args, width]).fetchone()[0]
    return [dict(r) for r in rows], int(vague)


def date_range(store: "Store", *, share: int = 0, **filters: Any) -> tuple[str | None, str | None, int, str | None]:
    """The first and last own dates of the matching dated events, how many (n) they are, and the date of
    the one at offset ``n // share`` in date order (the first when ``share`` is 0; None when there are none)."""
    where, args, dated = _where(**filters)
    src = f"events e{_JOIN if dated else ''}"
    first, last, n = store.db.execute(f"SELECT min(e.date), max(e.date), count(*) FROM {src} WHERE {where}"
                                      " AND e.date IS NOT NULL", args).fetchone()
    if not n:
        return first, last, 0, None
    at = store.db.execute(f"SELECT e.date FROM {src} WHERE {where} AND e.date IS NOT NULL ORDER BY e.date"
                          " LIMIT 1 OFFSET ?", [*args, n // share if share else 0]).fetchone()[0]
    return first, last, int(n), at


def dyads(store: "Store", **filters: Any) -> list[dict[str, Any]]:
    """Pairs of actor codes with the number of events between them, by quad class.

    An event with recipients links each actor to each recipient (``directed``); one
    without (a meeting of equals) links its actors to each other. One scan of the
    events table, grouped by its joined code columns, then split into pairs here.
    """
    where, args, dated = _where(**filters)
    qexpr, qargs = quad_sql("e")
    counts: dict[tuple[str, str, int, str], int] = {}
    for actors, recipients, q_, n in store.db.execute(
            f"SELECT e.actor_codes, e.recipient_codes, {qexpr} AS quad, count(*) FROM events e{_JOIN if dated else ''}"
            f" WHERE {where} GROUP BY e.actor_codes, e.recipient_codes, quad", [*qargs, *args]):
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
