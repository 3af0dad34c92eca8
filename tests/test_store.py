"""The store: one transaction per article, re-ingest replaces, a crash leaves it consistent."""
from __future__ import annotations

import sqlite3

import pytest

from tidings.errors import StoreError
from tidings.store import Store


def record(aid="art-1", events=1):
    return {
        "schema": "tidings/1",
        "article": {"id": aid, "url": None, "outlet": "Example", "published": "2025-01-02", "title": "T",
                    "language": "en"},
        "actors": [
            {"id": "a1", "name": "Chile", "kind": "state", "code": "CHL", "sector": "GOV", "role": None,
             "mentions": [[0, 5]]},
            {"id": "a2", "name": "Dara Olsen", "kind": "person", "code": "DNK", "sector": "GOV",
             "role": "trade minister", "source": "text", "mentions": [[10, 20]]},
        ],
        "events": [{"id": f"e{n}", "type": "CONSULT", "mode": "visit", "context": [],
                    "actor": [{"ref": "a2", "code": "DNK", "sector": "GOV"}],
                    "recipient": [{"ref": "a1", "code": "CHL", "sector": "GOV"}],
                    "date": "2025-01-01", "date_precision": "day", "location": None,
                    "factuality": "asserted", "claim": None,
                    "evidence": {"start": 0, "end": 30, "trigger": [21, 26]}, "cameo": "042",
                    "goldstein": 1.9, "confidence": 0.8} for n in range(1, events + 1)],
        "quotes": [{"id": "q1", "speaker": "a2", "speaker_text": "she", "cue": "said", "kind": "direct",
                    "content": "We agree.", "start": 31, "end": 40, "source_of": None}],
        "claims": [], "treaties": [],
    }


TEXT = "Chile and Dara Olsen visited... 'We agree.' she said."


def test_put_and_read_back(tmp_path):
    with Store(tmp_path / "s.sqlite") as st:
        st.put(record(), TEXT)
        assert st.record("art-1")["actors"][1]["name"] == "Dara Olsen"
        assert st.count("events") == 1 and st.count("quotes") == 1
        assert st.is_current("art-1", TEXT) and not st.is_current("art-1", TEXT + "!")
        assert [a["name"] for a in st.actors(code="DNK")] == ["Dara Olsen"]
        assert st.learned_people()[0]["name"] == "Dara Olsen"


def test_reingest_replaces_rows(tmp_path):
    with Store(tmp_path / "s.sqlite") as st:
        st.put(record(events=3), TEXT)
        st.put(record(events=2), TEXT)
        assert st.count("events") == 2
        assert st.count("articles") == 1
        n = st.db.execute("SELECT count(*) FROM event_actors").fetchone()[0]
        assert n == 4


def test_failed_write_leaves_previous_version(tmp_path):
    with Store(tmp_path / "s.sqlite") as st:
        st.put(record(events=2), TEXT)
        bad = record(events=1)
        bad["events"][0]["type"] = None  # NOT NULL violation half-way through the article
        with pytest.raises(StoreError):
            st.put(bad, TEXT)
        assert st.count("events") == 2
        assert len(st.record("art-1")["events"]) == 2


def test_wal_mode(tmp_path):
    with Store(tmp_path / "s.sqlite") as st:
        assert st.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_readonly_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        Store(tmp_path / "none.sqlite", readonly=True)


def test_not_a_database(tmp_path):
    p = tmp_path / "junk.sqlite"
    p.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(p)


def test_schema_documents_every_table(tmp_path):
    from importlib import resources

    schema = resources.files("tidings.store").joinpath("schema.sql").read_text()
    with Store(tmp_path / "s.sqlite") as st:
        tables = {r[0] for r in st.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for t in tables:
        assert f"CREATE TABLE IF NOT EXISTS {t} (" in schema
    assert {"articles", "actors", "mentions", "people", "events", "quotes", "claims", "treaties"} <= tables
    sqlite3.connect(":memory:").executescript(schema)
