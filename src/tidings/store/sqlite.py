"""SQLite backend of the store."""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from tidings.article import content_id
from tidings.errors import StoreError
from tidings.version import __version__

DEFAULT_NAME = "tidings.sqlite"


def default_path() -> Path:
    """``$TIDINGS_DB`` if set, else ``tidings.sqlite`` in the current directory."""
    return Path(os.environ.get("TIDINGS_DB") or DEFAULT_NAME)


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def actor_key(a: dict[str, Any]) -> str:
    name = a.get("name") or ""
    if a.get("kind") in ("state", "bloc"):
        name = ""
    return "|".join([a.get("kind") or "", a.get("code") or "", a.get("sector") or "" if a.get("kind") == "group" else "", name])


class Store:
    """A tidings store at ``path`` (created on first use). ``:memory:`` gives a throwaway one."""

    def __init__(self, path: str | Path | None = None, *, readonly: bool = False) -> None:
        self.path = str(path or default_path())
        try:
            if readonly:
                if self.path != ":memory:" and not Path(self.path).exists():
                    raise StoreError(f"no store at {self.path}; create one with `tidings ingest`")
                uri = f"file:{self.path}?mode=ro" if self.path != ":memory:" else ":memory:"
                self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                if self.path != ":memory:":
                    Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, check_same_thread=False)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.executescript(resources.files("tidings.store").joinpath("schema.sql").read_text())
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.row_factory = sqlite3.Row
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------
    def is_current(self, article_id: str, text: str) -> bool:
        """Whether this article, with this text, was already extracted by this version."""
        row = self.db.execute("SELECT content_hash, extracted_by FROM articles WHERE id = ?",
                              (article_id,)).fetchone()
        return bool(row) and row[0] == content_id(text) and row[1] == __version__

    def put(self, record: dict[str, Any], text: str) -> None:
        """Write one article's record, replacing any earlier version of it, atomically."""
        art = record["article"]
        aid = art["id"]
        try:
            with self.db:  # one transaction: all of this article's rows or none
                self.db.execute("DELETE FROM articles WHERE id = ?", (aid,))
                self.db.execute(
                    "INSERT INTO articles (id, url, outlet, published, title, language, text, content_hash,"
                    " record, extracted_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (aid, art.get("url"), art.get("outlet"), art.get("published"), art.get("title"),
                     art.get("language"), text, content_id(text), _json(record), __version__))
                self._put_actors(aid, record.get("actors", []))
                self._put_events(aid, record.get("events", []))
                self._put_quotes(aid, record)
                self._put_claims(aid, record.get("claims", []))
                self._put_treaties(aid, record.get("treaties", []))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot write article {aid}: {exc}", article_id=aid) from exc

    def _put_actors(self, aid: str, actors: list[dict[str, Any]]) -> None:
        for a in actors:
            key = actor_key(a)
            self.db.execute(
                "INSERT INTO actors (key, name, kind, code, sector, role) VALUES (?,?,?,?,?,?)"
                " ON CONFLICT(key) DO UPDATE SET role = COALESCE(excluded.role, actors.role)",
                (key, a["name"], a["kind"], a.get("code"), a.get("sector"), a.get("role")))
            self.db.execute("INSERT INTO mentions (article_id, local_id, actor_key, spans) VALUES (?,?,?,?)",
                            (aid, a["id"], key, _json(a.get("mentions", []))))
            if a.get("kind") == "person" and a.get("source") == "text" and a.get("code") and a.get("sector"):
                self.db.execute(
                    "INSERT INTO people (name, code, sector, role, gender, first_article) VALUES (?,?,?,?,?,?)"
                    " ON CONFLICT(name) DO UPDATE SET articles = people.articles + 1",
                    (a["name"], a["code"], a["sector"], a.get("role"), a.get("gender"), aid))

    def _put_events(self, aid: str, events: list[dict[str, Any]]) -> None:
        for e in events:
            ev, loc = e.get("evidence") or {}, e.get("location")
            trig = ev.get("trigger") or [None, None]
            self.db.execute(
                "INSERT INTO events (article_id, local_id, type, mode, context, factuality, date, date_precision,"
                " location, location_code, actor_codes, recipient_codes, cameo, goldstein, confidence, claim_id,"
                " sent_start, sent_end, trigger_start, trigger_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (aid, e["id"], e["type"], e.get("mode"), _json(e.get("context") or []), e.get("factuality"),
                 e.get("date"), e.get("date_precision"), _json(loc), (loc or {}).get("code"),
                 "|".join(a.get("code") or "?" for a in e.get("actor", [])),
                 "|".join(a.get("code") or "?" for a in e.get("recipient", [])),
                 e.get("cameo"), e.get("goldstein"), e.get("confidence"), e.get("claim"),
                 ev.get("start"), ev.get("end"), trig[0], trig[1]))
            for side in ("actor", "recipient"):
                for a in e.get(side, []):
                    self.db.execute("INSERT INTO event_actors VALUES (?,?,?,?,?,?)",
                                    (aid, e["id"], side, a.get("ref"), a.get("code"), a.get("sector")))

    def _put_quotes(self, aid: str, record: dict[str, Any]) -> None:
        actors = {a["id"]: a for a in record.get("actors", [])}
        for q in record.get("quotes", []):
            spk = actors.get(q.get("speaker")) or {}
            self.db.execute(
                "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (aid, q["id"], q.get("speaker"), spk.get("name"), spk.get("code"), q.get("speaker_text"),
                 q.get("source_of"), q.get("kind"), q.get("cue"), q.get("content"), q.get("start"), q.get("end")))

    def _put_claims(self, aid: str, claims: list[dict[str, Any]]) -> None:
        for c in claims:
            self.db.execute("INSERT INTO claims VALUES (?,?,?)", (aid, c["id"], c.get("proposition")))
            for s in c.get("stances", []):
                self.db.execute("INSERT INTO stances VALUES (?,?,?,?,?,?)",
                                (aid, c["id"], s.get("holder"), s.get("code"), s["stance"], s.get("cue")))

    def _put_treaties(self, aid: str, treaties: list[dict[str, Any]]) -> None:
        for t in treaties:
            self.db.execute("INSERT INTO treaties VALUES (?,?,?,?,?,?,?,?)",
                            (aid, t["id"], t.get("name"), _json(t.get("parties", [])), t.get("signed"),
                             t.get("in_force"), _json(t.get("ratified", [])), _json(t.get("evidence", []))))
            for o in t.get("obligations", []):
                self.db.execute("INSERT INTO obligations VALUES (?,?,?,?,?,?,?)",
                                (aid, t["id"], o["obligor"], o["beneficiary"], o["type"], o.get("trigger"),
                                 o.get("scope")))

    # -- reading -----------------------------------------------------------------
    def records(self) -> Iterator[dict[str, Any]]:
        """Every stored article's ``tidings/1`` record, oldest publication first."""
        for (rec,) in self.db.execute("SELECT record FROM articles ORDER BY published, id"):
            yield json.loads(rec)

    def record(self, article_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def article_text(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def count(self, table: str) -> int:
        if table not in {"articles", "actors", "events", "quotes", "claims", "treaties", "people"}:
            raise StoreError(f"no table {table!r}")
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def actors(self, code: str | None = None, kind: str | None = None) -> list[dict[str, Any]]:
        """Known actors with the number of articles that mention each."""
        sql = ("SELECT a.key, a.name, a.kind, a.code, a.sector, a.role, count(m.article_id) AS articles"
               " FROM actors a LEFT JOIN mentions m ON m.actor_key = a.key WHERE 1=1")
        args: list[Any] = []
        if code:
            sql += " AND a.code = ?"
            args.append(code.upper())
        if kind:
            sql += " AND a.kind = ?"
            args.append(kind)
        sql += " GROUP BY a.key ORDER BY articles DESC, a.name"
        return [dict(r) for r in self.db.execute(sql, args)]

    def learned_people(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute("SELECT * FROM people ORDER BY name")]
