"""Queries over stored quotes and claims: who said what, and who stands where on each claim.

Plain functions over a :class:`~tidings.store.sqlite.Store`, returning plain dicts; all
SQL is parameterised. The CLI commands ``tidings quotes`` / ``tidings claims`` and the
HTTP API call these.
"""
from __future__ import annotations

import json
import re
from typing import Any

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


def _speaker_clause(speaker: str | None) -> tuple[str, list[Any]]:
    if not speaker:
        return "", []
    return (" AND (upper(q.speaker_code) = upper(?) OR q.speaker_name LIKE ? ESCAPE '\\')",
            [speaker, f"%{_like(speaker)}%"])


def _like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _names(store: Store, article_id: str) -> dict[str, dict[str, Any]]:
    """Local actor id -> name and code, for one article."""
    rows = store.db.execute(
        "SELECT m.local_id, a.name, a.code, a.kind FROM mentions m JOIN actors a ON a.key = m.actor_key"
        " WHERE m.article_id = ?", (article_id,))
    return {r["local_id"]: {"name": r["name"], "code": r["code"], "kind": r["kind"]} for r in rows}


def query_quotes(store: Store, *, speaker: str | None = None, article: str | None = None,
                 limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Quotes, newest article first; ``speaker`` is an actor code (``PRK``) or part of a name."""
    where, args = _speaker_clause(speaker)
    if article:
        where += " AND q.article_id = ?"
        args.append(article)
    sql = ("SELECT q.article_id, q.local_id, q.speaker_id, q.speaker_name, q.speaker_code, q.speaker_text,"
           " q.source_of, q.kind, q.cue, q.content, q.start, q.\"end\", a.published, a.title, a.text"
           " FROM quotes q JOIN articles a ON a.id = q.article_id WHERE 1=1" + where +
           " ORDER BY a.published DESC, q.article_id, q.start LIMIT ? OFFSET ?")
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
                    "source_of": source,
                    "evidence": sentence_around(r["text"], r["start"] or 0, r["end"] or 0)})
    return out


def count_quotes(store: Store, *, speaker: str | None = None, article: str | None = None) -> int:
    where, args = _speaker_clause(speaker)
    if article:
        where += " AND q.article_id = ?"
        args.append(article)
    return int(store.db.execute("SELECT count(*) FROM quotes q WHERE 1=1" + where, args).fetchone()[0])


def _claim_filter(actor: str | None, article: str | None) -> tuple[str, list[Any]]:
    where, args = "", []
    if actor:
        where += (" AND (EXISTS (SELECT 1 FROM stances s WHERE s.article_id = c.article_id"
                  " AND s.claim_id = c.local_id AND upper(s.code) = upper(?))"
                  " OR EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = c.article_id"
                  " AND x.event_id = c.proposition AND upper(x.code) = upper(?)))")
        args += [actor, actor]
    if article:
        where += " AND c.article_id = ?"
        args.append(article)
    return where, args


def query_claims(store: Store, *, actor: str | None = None, article: str | None = None,
                 limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Claims with their proposition (type, actor and recipient codes, evidence sentence) and
    the stances on them; ``actor`` (a code) keeps claims it holds a stance on or takes part in."""
    where, args = _claim_filter(actor, article)
    sql = ("SELECT c.article_id, c.local_id, c.proposition, e.type, e.actor_codes, e.recipient_codes,"
           " e.sent_start, e.sent_end, a.published, a.title, a.text, a.record"
           " FROM claims c JOIN articles a ON a.id = c.article_id"
           " LEFT JOIN events e ON e.article_id = c.article_id AND e.local_id = c.proposition"
           " WHERE 1=1" + where + " ORDER BY a.published DESC, c.article_id, c.local_id LIMIT ? OFFSET ?")
    out = []
    for r in store.db.execute(sql, [*args, int(limit), int(offset)]):
        aid, cid = r["article_id"], r["local_id"]
        names = _names(store, aid)
        spans = _stance_spans(r["record"], cid)
        stances = []
        rows = store.db.execute("SELECT holder_id, code, stance, cue FROM stances WHERE article_id = ? AND claim_id = ?",
                                (aid, cid)).fetchall()
        for n, s in enumerate(rows):
            span = spans[n] if n < len(spans) else None
            stances.append({"holder": (names.get(s["holder_id"]) or {}).get("name"), "holder_id": s["holder_id"],
                            "code": s["code"], "stance": s["stance"], "cue": s["cue"],
                            "evidence": r["text"][span[0]:span[1]] if span else None})
        text = r["text"] or ""
        evidence = text[r["sent_start"]:r["sent_end"]] if r["sent_start"] is not None else None
        out.append({"article": aid, "published": r["published"], "title": r["title"], "id": cid,
                    "proposition": r["proposition"], "type": r["type"],
                    "actor": _codes(r["actor_codes"]), "recipient": _codes(r["recipient_codes"]),
                    "evidence": evidence, "stances": stances})
    return out


def count_claims(store: Store, *, actor: str | None = None, article: str | None = None) -> int:
    where, args = _claim_filter(actor, article)
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
