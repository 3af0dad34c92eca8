"""Queries over stored quotes and claims: who said what, and who stands where on each claim.

Plain functions over a :class:`~tidings.store.sqlite.Store`, returning plain dicts; all
SQL is parameterised. The CLI commands ``tidings quotes`` / ``tidings claims`` and the
HTTP API call these.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from tidings.errors import StoreError
from tidings.store.sqlite import Store

_END = re.compile(r"[.!?…][\"”’»)]*(?=\s)|\n")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) of ``text`` that hold ``start:end``, for showing a quote in context."""
    if not text:
        return ""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    lo = 0
    for m in _END.finditer(text, 0, start):
        lo = m.end()
    m = _END.search(text, max(end - 1, lo))
    hi = m.end() if m else len(text)
    return text[lo:hi].strip()


QUOTE_ORDERS = {"published": "a.published DESC, q.article_id, q.start",
                "stored": "a.published DESC, q.article_id, q.rowid"}
CLAIM_ORDERS = {"published": "a.published DESC, c.article_id, c.local_id",
                "stored": "a.published DESC, c.article_id, c.rowid"}


def _order(orders: dict[str, str], order: str) -> str:
    if order not in orders:
        raise StoreError(f"order must be one of {', '.join(orders)}, not {order!r}")
    return orders[order]


def like(text: str) -> str:
    """A LIKE pattern (with ``ESCAPE '\\'``) that matches ``text`` literally anywhere."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _quote_filter(speaker: str | None, article: str | None, speaker_codes: Sequence[str], text: str | None,
                  speaker_key: str | None) -> tuple[str, list[Any]]:
    where, args = "", []
    if speaker:
        where += " AND (upper(q.speaker_code) = upper(?) OR q.speaker_name LIKE ? ESCAPE '\\')"
        args += [speaker, like(speaker)]
    if speaker_codes:
        where += f" AND q.speaker_code IN ({','.join('?' * len(speaker_codes))})"
        args += list(speaker_codes)
    if article:
        where += " AND q.article_id = ?"
        args.append(article)
    if text:
        where += " AND q.content LIKE ? ESCAPE '\\'"
        args.append(like(text))
    if speaker_key:
        where += (" AND q.speaker_id IN (SELECT m.local_id FROM mentions m"
                  " WHERE m.article_id = q.article_id AND m.actor_key = ?)")
        args.append(speaker_key)
    return where, args


def _names(store: Store, article_id: str) -> dict[str, dict[str, Any]]:
    """Local actor id -> name, code, kind and store key, for one article."""
    rows = store.db.execute(
        "SELECT m.local_id, a.name, a.code, a.kind, a.key FROM mentions m JOIN actors a ON a.key = m.actor_key"
        " WHERE m.article_id = ?", (article_id,))
    return {r["local_id"]: {"name": r["name"], "code": r["code"], "kind": r["kind"], "key": r["key"]} for r in rows}


def query_quotes(store: Store, *, speaker: str | None = None, article: str | None = None,
                 limit: int = 100, offset: int = 0, speaker_codes: Sequence[str] = (), text: str | None = None,
                 speaker_key: str | None = None, order: str = "published") -> list[dict[str, Any]]:
    """Quotes, newest article first; ``speaker`` is an actor code (``PRK``) or part of a name.

    ``speaker_codes``: exact speaker codes (any of); ``text``: words the quote contains (any case);
    ``speaker_key``: a store actor key; ``order``: a key of :data:`QUOTE_ORDERS` (ties within an
    article by position, or in stored order).
    """
    where, args = _quote_filter(speaker, article, speaker_codes, text, speaker_key)
    sql = ("SELECT q.article_id, q.local_id, q.speaker_id, q.speaker_name, q.speaker_code, q.speaker_text,"
           " q.source_of, q.kind, q.cue, q.content, q.start, q.\"end\", a.published, a.title, a.text"
           " FROM quotes q JOIN articles a ON a.id = q.article_id WHERE 1=1" + where +
           f" ORDER BY {_order(QUOTE_ORDERS, order)} LIMIT ? OFFSET ?")
    out = []
    names: dict[str, dict[str, dict[str, Any]]] = {}
    for r in store.db.execute(sql, [*args, int(limit), int(offset)]):
        aid = r["article_id"]
        source = None
        if r["source_of"]:
            known = names.setdefault(aid, _names(store, aid))
            source = (known.get(r["source_of"]) or {}).get("name")
        out.append({"article": aid, "published": r["published"], "title": r["title"], "id": r["local_id"],
                    "speaker": r["speaker_name"], "speaker_code": r["speaker_code"],
                    "speaker_id": r["speaker_id"], "speaker_text": r["speaker_text"], "kind": r["kind"],
                    "cue": r["cue"], "content": r["content"], "start": r["start"], "end": r["end"],
                    "source_of": source, "source_id": r["source_of"],
                    "evidence": sentence_around(r["text"], r["start"] or 0, r["end"] or 0)})
    return out


def count_quotes(store: Store, *, speaker: str | None = None, article: str | None = None,
                 speaker_codes: Sequence[str] = (), text: str | None = None, speaker_key: str | None = None) -> int:
    """How many quotes :func:`query_quotes` would return without a limit (same filters)."""
    where, args = _quote_filter(speaker, article, speaker_codes, text, speaker_key)
    return int(store.db.execute("SELECT count(*) FROM quotes q WHERE 1=1" + where, args).fetchone()[0])


def _claim_filter(actor: str | None, article: str | None, holders: Sequence[str] = (),
                  stances: Sequence[str] = (), holder_key: str | None = None) -> tuple[str, list[Any]]:
    where, args = "", []
    if actor:
        where += (" AND (EXISTS (SELECT 1 FROM stances s WHERE s.article_id = c.article_id"
                  " AND s.claim_id = c.local_id AND upper(s.code) = upper(?))"
                  " OR EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = c.article_id"
                  " AND x.event_id = c.proposition AND upper(x.code) = upper(?)))")
        args += [actor, actor]
    held: list[str] = []  # all on one stance
    if holders:
        held.append(f"s.code IN ({','.join('?' * len(holders))})")
        args += list(holders)
    if stances:
        held.append(f"s.stance IN ({','.join('?' * len(stances))})")
        args += list(stances)
    if holder_key:
        held.append("s.holder_id IN (SELECT m.local_id FROM mentions m"
                    " WHERE m.article_id = s.article_id AND m.actor_key = ?)")
        args.append(holder_key)
    if held:
        where += (" AND EXISTS (SELECT 1 FROM stances s WHERE s.article_id = c.article_id"
                  f" AND s.claim_id = c.local_id AND {' AND '.join(held)})")
    if article:
        where += " AND c.article_id = ?"
        args.append(article)
    return where, args


def query_claims(store: Store, *, actor: str | None = None, article: str | None = None,
                 limit: int = 100, offset: int = 0, holders: Sequence[str] = (), stances: Sequence[str] = (),
                 holder_key: str | None = None, order: str = "published") -> list[dict[str, Any]]:
    """Claims with their proposition (type, actor and recipient codes, date, factuality, evidence
    sentence) and the stances on them; ``actor`` (a code) keeps claims it holds a stance on or takes
    part in. ``holders`` (codes, any of), ``stances`` (any of) and ``holder_key`` (a store actor key)
    must all hold for one stance on the claim; ``order`` is a key of :data:`CLAIM_ORDERS`."""
    where, args = _claim_filter(actor, article, holders, stances, holder_key)
    sql = ("SELECT c.article_id, c.local_id, c.proposition, e.type, e.actor_codes, e.recipient_codes,"
           " e.date, e.factuality, e.sent_start, e.sent_end, a.published, a.title, a.text, a.record"
           " FROM claims c JOIN articles a ON a.id = c.article_id"
           " LEFT JOIN events e ON e.article_id = c.article_id AND e.local_id = c.proposition"
           " WHERE 1=1" + where + f" ORDER BY {_order(CLAIM_ORDERS, order)} LIMIT ? OFFSET ?")
    out = []
    for r in store.db.execute(sql, [*args, int(limit), int(offset)]):
        aid, cid = r["article_id"], r["local_id"]
        names = _names(store, aid)
        spans = _stance_spans(r["record"], cid)
        found = []
        rows = store.db.execute("SELECT holder_id, code, stance, cue FROM stances WHERE article_id = ? AND claim_id = ?"
                                " ORDER BY rowid", (aid, cid)).fetchall()
        for n, s in enumerate(rows):
            span = spans[n] if n < len(spans) else None
            holder = names.get(s["holder_id"]) or {}
            found.append({"holder": holder.get("name"), "holder_id": s["holder_id"], "holder_key": holder.get("key"),
                          "code": s["code"], "stance": s["stance"], "cue": s["cue"],
                          "evidence": r["text"][span[0]:span[1]] if span else None})
        text = r["text"] or ""
        evidence = text[r["sent_start"]:r["sent_end"]] if r["sent_start"] is not None else None
        out.append({"article": aid, "published": r["published"], "title": r["title"], "id": cid,
                    "proposition": r["proposition"], "type": r["type"],
                    "actor": _codes(r["actor_codes"]), "recipient": _codes(r["recipient_codes"]),
                    "date": r["date"], "factuality": r["factuality"], "evidence": evidence, "stances": found})
    return out


def count_claims(store: Store, *, actor: str | None = None, article: str | None = None,
                 holders: Sequence[str] = (), stances: Sequence[str] = (), holder_key: str | None = None) -> int:
    """How many claims :func:`query_claims` would return without a limit (same filters)."""
    where, args = _claim_filter(actor, article, holders, stances, holder_key)
    return int(store.db.execute("SELECT count(*) FROM claims c WHERE 1=1" + where, args).fetchone()[0])


def _codes(joined: str | None) -> list[str]:
    return [c for c in (joined or "").split("|") if c]


def _stance_spans(record: str | None, claim_id: str) -> list[list[int] | None]:
    """Evidence spans of a claim's stances, in order, from the stored record (the stances table has none)."""
    try:
        rec = json.loads(record or "{}")
    except ValueError:
        return []
    for c in rec.get("claims", []):
        if c.get("id") == claim_id:
            return [s.get("evidence") or None for s in c.get("stances", [])]
    return []
