"""Reading the store: articles, actors, quotes, claims, treaties and obligations (events: ``queries``).

Quotes, claims and treaties are queried by ``tidings.store.speech`` and ``tidings.store.treaties``
(shared with the CLI); this module gives their rows the API's shape and reader links.

Every function takes checked values (see ``params``) and binds them as SQL parameters.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from tidings.api.queries import marks, reader_link
from tidings.store import Store, speech
from tidings.store.speech import like


def _where(parts: list[str]) -> str:
    return " AND ".join(parts) or "1=1"


# -- articles -------------------------------------------------------------------
@dataclass
class ArticleFilter:
    since: str | None = None
    until_before: str | None = None
    outlet: str | None = None
    actor: list[str] = field(default_factory=list)
    q: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        parts: list[str] = []
        args: list[Any] = []
        if self.since:
            parts.append("a.published >= ?")
            args.append(self.since)
        if self.until_before:
            parts.append("a.published < ?")
            args.append(self.until_before)
        if self.outlet:
            parts.append("a.outlet = ?")
            args.append(self.outlet)
        if self.actor:
            parts.append("a.id IN (SELECT m.article_id FROM mentions m JOIN actors x ON x.key = m.actor_key"
                         f" WHERE x.code IN ({marks(len(self.actor))}))")
            args += self.actor
        if self.q:
            parts.append("(a.title LIKE ? ESCAPE '\\' OR a.id LIKE ? ESCAPE '\\')")
            args += [like(self.q), like(self.q)]
        return _where(parts), args


_COUNTS = ", ".join(f"(SELECT count(*) FROM {t} x WHERE x.article_id = a.id) AS {t}"
                    for t in ("events", "quotes", "claims", "treaties"))


def list_articles(store: Store, f: ArticleFilter, *, limit: int, offset: int) -> list[dict[str, Any]]:
    where, args = f.where()
    rows = store.db.execute(
        f"SELECT a.id, a.title, a.published, a.outlet, a.url, a.language, length(a.text) AS chars, {_COUNTS}"
        f" FROM articles a WHERE {where} ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?",
        [*args, limit, offset]).fetchall()
    return [dict(r) | {"link": reader_link(r["id"])} for r in rows]


def count_articles(store: Store, f: ArticleFilter) -> int:
    where, args = f.where()
    return int(store.db.execute(f"SELECT count(*) FROM articles a WHERE {where}", args).fetchone()[0])


def get_article(store: Store, article_id: str) -> dict[str, Any] | None:
    row = store.db.execute("SELECT id, text, record, ingested_at, extracted_by FROM articles WHERE id = ?",
                           (article_id,)).fetchone()
    if row is None:
        return None
    return {"id": row["id"], "text": row["text"], "record": json.loads(row["record"]),
            "ingested_at": row["ingested_at"], "extracted_by": row["extracted_by"]}


def actor_keys(store: Store, article_id: str) -> dict[str, str]:
    """Local actor id -> store actor key, for one article."""
    return {r[0]: r[1] for r in store.db.execute(
        "SELECT local_id, actor_key FROM mentions WHERE article_id = ?", (article_id,))}


# -- actors ---------------------------------------------------------------------
def list_actors(store: Store, *, code: list[str], kind: str | None, q: str | None,
                limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    parts: list[str] = []
    args: list[Any] = []
    if code:
        parts.append(f"x.code IN ({marks(len(code))})")
        args += code
    if kind:
        parts.append("x.kind = ?")
        args.append(kind)
    if q:
        parts.append("x.name LIKE ? ESCAPE '\\'")
        args.append(like(q))
    where = _where(parts)
    rows = store.db.execute(
        "SELECT x.key, x.name, x.kind, x.code, x.sector, x.role,"
        " (SELECT count(*) FROM mentions m WHERE m.actor_key = x.key) AS articles"
        f" FROM actors x WHERE {where} ORDER BY articles DESC, x.name LIMIT ? OFFSET ?",
        [*args, limit, offset]).fetchall()
    total = store.db.execute(f"SELECT count(*) FROM actors x WHERE {where}", args).fetchone()[0]
    return [dict(r) for r in rows], int(total)


def get_actor(store: Store, key: str) -> dict[str, Any] | None:
    row = store.db.execute("SELECT key, name, kind, code, sector, role,"
                           " (SELECT count(*) FROM mentions m WHERE m.actor_key = x.key) AS articles"
                           " FROM actors x WHERE key = ?", (key,)).fetchone()
    return dict(row) if row else None


def code_known(store: Store, code: str) -> bool:
    return store.db.execute("SELECT 1 FROM actors WHERE code = ? UNION SELECT 1 FROM event_actors WHERE code = ?"
                            " LIMIT 1", (code, code)).fetchone() is not None


def code_actors(store: Store, code: str) -> list[dict[str, Any]]:
    """The store's actors coded ``code``: the state or body itself first, then its people and groups."""
    rows = store.db.execute(
        "SELECT x.key, x.name, x.kind, x.sector, x.role,"
        " (SELECT count(*) FROM mentions m WHERE m.actor_key = x.key) AS articles FROM actors x"
        " WHERE x.code = ? ORDER BY x.kind NOT IN ('state', 'igo', 'bloc'), articles DESC, x.name", (code,))
    return [dict(r) for r in rows]


# -- quotes and claims: the SQL is tidings.store.speech's, shared with the CLI ----------------------
def list_quotes(store: Store, *, speaker: list[str], article: str | None, q: str | None,
                key: str | None = None, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """Quotes in the API's shape (``speaker`` is the speaker's local actor id) and how many match."""
    filters: dict[str, Any] = {"speaker_codes": speaker, "article": article, "text": q, "speaker_key": key}
    rows = speech.query_quotes(store, **filters, limit=limit, offset=offset, order="stored")
    items = [{"article": x["article"], "id": x["id"], "speaker": x["speaker_id"], "speaker_name": x["speaker"],
              "speaker_code": x["speaker_code"], "speaker_text": x["speaker_text"], "source_of": x["source_id"],
              "kind": x["kind"], "cue": x["cue"], "content": x["content"], "start": x["start"], "end": x["end"],
              "article_title": x["title"], "published": x["published"], "link": reader_link(x["article"], x["id"])}
             for x in rows]
    return items, speech.count_quotes(store, **filters)


def list_claims(store: Store, *, actor: list[str], stance: list[str], article: str | None,
                key: str | None = None, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """Claims with their proposition event and every stance, holders named; and how many match."""
    filters: dict[str, Any] = {"holders": actor, "stances": stance, "holder_key": key, "article": article}
    out = []
    for c in speech.query_claims(store, **filters, limit=limit, offset=offset, order="stored"):
        stances = [{"holder": s["holder_id"], "code": s["code"], "stance": s["stance"], "cue": s["cue"],
                    "holder_name": s["holder"], "holder_key": s["holder_key"]} for s in c["stances"]]
        prop = None if c["type"] is None else {
            "id": c["proposition"], "type": c["type"], "actor": c["actor"], "recipient": c["recipient"],
            "date": c["date"], "factuality": c["factuality"], "sentence": c["evidence"],
            "link": reader_link(c["article"], c["proposition"])}
        out.append({"article": c["article"], "id": c["id"], "proposition": prop, "stances": stances,
                    "article_title": c["title"], "published": c["published"],
                    "link": reader_link(c["article"], c["id"])})
    return out, speech.count_claims(store, **filters)


# -- treaties and obligations: see tidings.store.treaties (knowledge base and store, merged) ----------------
def treaty_link(row: dict[str, Any]) -> str | None:
    """The reader of the first article that reports a treaty (rows of ``query_treaties``)."""
    ev = row.get("evidence") or []
    return reader_link(ev[0]["article"], ev[0]["treaty"]) if ev else None


def obligation_link(row: dict[str, Any]) -> str | None:
    """The first article that reports an obligation (rows of ``query_obligations``)."""
    ev = row.get("evidence") or []
    return reader_link(ev[0]) if ev else None


SOURCES = ("reported", "articles", "knowledge base", "all")


def select_obligations(store: Store, *, obligor: list[str], beneficiary: list[str], type: list[str],
                       on: str | None, source: str = "all", article: str | None = None) -> list[dict[str, Any]]:
    """Obligations in force on ``on`` (default today), from the alliance knowledge base and the store.

    ``source``: ``articles`` (extracted only), ``knowledge base``, ``reported`` (those any
    stored article reports: extracted ones, and standing ones an article names) or ``all``.
    Lists mean any of their values.
    """
    from tidings.store.treaties import query_obligations

    one = {"obligor": obligor[0] if len(obligor) == 1 else None,
           "beneficiary": beneficiary[0] if len(beneficiary) == 1 else None,
           "type": type[0] if len(type) == 1 else None}
    rows = query_obligations(store, on=on, **one)
    out = []
    for r in rows:
        if (obligor and r["obligor"] not in obligor or beneficiary and r["beneficiary"] not in beneficiary
                or type and r["type"] not in type or article and article not in r.get("evidence", [])):
            continue
        if source == "reported" and not r.get("evidence") or source in SOURCES[1:3] and r.get("source") != source:
            continue
        out.append(r | {"link": obligation_link(r)})
    return out


# -- overview -------------------------------------------------------------------
def overview(store: Store) -> dict[str, Any]:
    """Counts of everything, and the span of event dates."""
    counts = {t: store.count(t) for t in ("articles", "actors", "events", "quotes", "claims", "treaties")}
    first, last = store.db.execute("SELECT min(date), max(date) FROM events WHERE date IS NOT NULL").fetchone()
    types = [dict(r) for r in store.db.execute(
        "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")]
    return {"counts": counts, "first_event": first, "last_event": last, "types": types}
