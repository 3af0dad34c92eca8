"""Quotes and claims in the store, their queries, and the ``tidings quotes`` / ``claims`` commands.
Records are written by hand here, so no model is needed."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.store import Store
from tidings.store.speech import count_claims, count_quotes, query_claims, query_quotes, sentence_around

TEXT = ("Kestria and Dovania met on Monday. \"We want calm,\" said Ana Roves. Dovania's envoy said the "
        "border was quiet. Kestria accused Dovania of moving troops. Dovania denied it.")


def _span(s):
    i = TEXT.index(s)
    return i, i + len(s)


def record(article_id="art-1", published="2025-04-02"):
    q1, q2 = _span("We want calm,"), _span("the border was quiet")
    accuse, move = _span("Kestria accused Dovania of moving troops."), _span("moving")
    deny = _span("Dovania denied it.")
    return {
        "schema": "tidings/1",
        "article": {"id": article_id, "published": published, "title": "Border calm", "outlet": "test"},
        "actors": [
            {"id": "a1", "name": "Kestria", "kind": "state", "code": "KST", "sector": "GOV", "mentions": [[0, 7]]},
            {"id": "a2", "name": "Dovania", "kind": "state", "code": "DOV", "sector": "GOV", "mentions": [[12, 19]]},
            {"id": "a3", "name": "Ana Roves", "kind": "person", "code": "KST", "sector": "GOV", "mentions": [[55, 64]]},
        ],
        "events": [
            {"id": "e1", "type": "ACCUSE", "actor": [{"ref": "a1", "code": "KST"}], "recipient": [{"ref": "a2", "code": "DOV"}],
             "factuality": "asserted", "claim": None, "evidence": {"start": accuse[0], "end": accuse[1], "trigger": [0, 0]}},
            {"id": "e2", "type": "MOBILIZE", "actor": [{"ref": "a2", "code": "DOV"}], "recipient": [],
             "factuality": "alleged", "claim": "c1",
             "evidence": {"start": accuse[0], "end": accuse[1], "trigger": list(move)}},
        ],
        "quotes": [
            {"id": "q1", "speaker": "a3", "speaker_text": "Ana Roves", "cue": "said", "kind": "direct",
             "content": "We want calm,", "start": q1[0], "end": q1[1], "source_of": None},
            {"id": "q2", "speaker": "a2", "speaker_text": "envoy", "cue": "said", "kind": "indirect",
             "content": "the border was quiet", "start": q2[0], "end": q2[1], "source_of": "a3"},
        ],
        "claims": [{"id": "c1", "proposition": "e2", "stances": [
            {"holder": "a1", "code": "KST", "stance": "alleges", "cue": "accused", "evidence": list(accuse)},
            {"holder": "a2", "code": "DOV", "stance": "denies", "cue": "denied", "evidence": list(deny)}]}],
        "treaties": [],
    }


@pytest.fixture
def store():
    s = Store(":memory:")
    s.put(record(), TEXT)
    s.put(record("art-2", "2025-04-01"), TEXT)
    yield s
    s.close()


@pytest.mark.parametrize("speaker, expected", [
    (None, 4), ("KST", 2), ("kst", 2), ("Roves", 2), ("ana", 2), ("Dovania", 2), ("DOV", 2), ("Nobody", 0),
    ("%", 0), ("_", 0),
])
def test_quotes_by_speaker(store, speaker, expected):
    rows = query_quotes(store, speaker=speaker)
    assert len(rows) == expected == count_quotes(store, speaker=speaker)


def test_quote_rows(store):
    rows = query_quotes(store, article="art-1")
    assert [r["id"] for r in rows] == ["q1", "q2"]
    first, second = rows
    assert first["speaker"] == "Ana Roves" and first["evidence"] == '"We want calm," said Ana Roves.'
    assert second["source_of"] == "Ana Roves" and second["evidence"].startswith("Dovania's envoy said")
    assert [r["article"] for r in query_quotes(store, limit=2)] == ["art-1", "art-1"]  # newest first
    assert [r["article"] for r in query_quotes(store, limit=2, offset=2)] == ["art-2", "art-2"]


@pytest.mark.parametrize("actor, expected", [(None, 2), ("KST", 2), ("dov", 2), ("XYZ", 0)])
def test_claims_by_actor(store, actor, expected):
    assert len(query_claims(store, actor=actor)) == expected == count_claims(store, actor=actor)


def test_claim_rows(store):
    (c,) = query_claims(store, article="art-1")
    assert (c["type"], c["actor"], c["recipient"]) == ("MOBILIZE", ["DOV"], [])
    assert c["evidence"] == "Kestria accused Dovania of moving troops."
    assert [(s["holder"], s["stance"], s["cue"]) for s in c["stances"]] == [
        ("Kestria", "alleges", "accused"), ("Dovania", "denies", "denied")]
    assert c["stances"][1]["evidence"] == "Dovania denied it."


def test_reingest_does_not_duplicate(store):
    store.put(record(), TEXT)
    assert count_quotes(store) == 4 and count_claims(store) == 2


@pytest.mark.parametrize("start, end, expected", [
    (0, 7, "Kestria and Dovania met on Monday."),
    (TEXT.index("the border"), TEXT.index("the border") + 5, "Dovania's envoy said the border was quiet."),
    (len(TEXT) - 3, len(TEXT), "Dovania denied it."),
])
def test_sentence_around(start, end, expected):
    assert sentence_around(TEXT, start, end) == expected


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "t.sqlite"
    with Store(path) as s:
        s.put(record(), TEXT)
    return str(path)


def test_cli_quotes(db):
    res = CliRunner().invoke(main, ["quotes", "--db", db, "--speaker", "Roves", "--format", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert [(r["speaker"], r["content"]) for r in rows] == [("Ana Roves", "We want calm,")]
    assert rows[0]["evidence"] == '"We want calm," said Ana Roves.'


def test_cli_claims(db):
    res = CliRunner().invoke(main, ["claims", "--db", db, "--actor", "DOV"])
    assert res.exit_code == 0, res.output
    assert "alleges" in res.output and "denies" in res.output and "MOBILIZE DOV" in res.output
    res = CliRunner().invoke(main, ["claims", "--db", db, "--format", "jsonl"])
    (claim,) = [json.loads(line) for line in res.output.splitlines()]
    assert {s["code"]: s["stance"] for s in claim["stances"]} == {"KST": "alleges", "DOV": "denies"}


def test_cli_without_store_is_one_clear_error(tmp_path):
    res = CliRunner().invoke(main, ["quotes", "--db", str(tmp_path / "missing.sqlite")])
    assert res.exit_code == 1 and "no store" in res.output
