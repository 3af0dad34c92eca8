"""The alliance knowledge base: integrity of alliances.json, obligations on a date, merging with the store, CLI."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from tidings import resources
from tidings.store import Store
from tidings.store.treaties import (OBLIGATION_TYPES, day, kb_obligations, knowledge_base, match_kb,
                                    query_obligations, query_treaties)

KB = knowledge_base()
STATES = {s["code"] for s in resources.load("states.json")}
IGOS = {o["code"]: o for o in resources.load("igos.json") if not o.get("organ")}
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
NATO = {m["code"] for e in KB if e["id"] == "nato-1949" for m in e["members"]}


# -- integrity ----------------------------------------------------------------------------

def test_ids_and_names_are_unique():
    assert len({e["id"] for e in KB}) == len(KB)
    assert len({e["name"] for e in KB}) == len(KB)


@pytest.mark.parametrize("entry", KB, ids=[e["id"] for e in KB])
def test_entry(entry):
    for key in ("signed", "in_force", "ended"):
        assert entry[key] is None or ISO.match(entry[key]), key
    assert entry["signed"], "every entry is dated at least by its signature"
    if entry["in_force"]:
        assert entry["signed"] <= entry["in_force"]
    assert entry["source"]
    codes = {m["code"] for m in entry["members"]}
    assert codes <= STATES and set(entry["parties"]) <= STATES
    for m in entry["members"]:
        assert ISO.match(m["joined"]) and (m["left"] is None or ISO.match(m["left"])), m
        assert m["left"] is None or day(m["joined"]) < day(m["left"]), m
    current = {m["code"] for m in entry["members"] if m["left"] is None}
    assert set(entry["parties"]) == (current if not entry["ended"] else codes)
    for ob in entry["obligations"]:
        assert ob["type"] in OBLIGATION_TYPES
        assert bool(ob.get("mutual")) != bool(ob.get("obligors") or ob.get("beneficiaries")), ob
        assert set(ob.get("obligors", [])) | set(ob.get("beneficiaries", [])) <= codes
    for s in entry.get("suspended", []):
        assert set(s["between"]) <= codes and ISO.match(s["from"])


@pytest.mark.parametrize("required", ["nato-1949", "cst-1992", "usa-jpn-1960", "usa-kor-1953", "usa-phl-1951",
                                      "anzus-1951", "rio-1947", "chn-prk-1961", "rus-prk-2024", "eu-teu-42-7"])
def test_coverage(required):
    assert any(e["id"] == required for e in KB)


@pytest.mark.parametrize("treaty_id, igo", [("nato-1949", "NATO"), ("eu-teu-42-7", "EU")])
def test_current_members_match_the_igo_table(treaty_id, igo):
    entry = next(e for e in KB if e["id"] == treaty_id)
    assert set(entry["parties"]) == set(IGOS[igo]["members"])


# -- obligations on a date ------------------------------------------------------------------

def _obligors(rows, type_="defense"):
    return {r["obligor"] for r in rows if r["type"] == type_}


def test_who_defends_north_korea():
    rows = query_obligations(None, beneficiary="PRK", on="2025-01-01")
    assert _obligors(rows) == {"RUS", "CHN"}
    assert {r["treaty_id"] for r in rows if r["obligor"] == "RUS"} == {"rus-prk-2024"}


def test_russia_north_korea_treaty_binds_from_entry_into_force():
    assert not _obligors(query_obligations(None, beneficiary="PRK", on="2024-11-01")) & {"RUS"}


def test_nato_allies_defend_estonia():
    rows = query_obligations(None, beneficiary="EST", on="2025-01-01", type="defense")
    nato = {r["obligor"] for r in rows if r["treaty_id"] == "nato-1949"}
    assert nato == NATO - {"EST"}


@pytest.mark.parametrize("member, before, after", [("FIN", "2023-04-03", "2023-04-04"),
                                                    ("SWE", "2024-03-06", "2024-03-07")])
def test_membership_dates(member, before, after):
    def bound(on):
        return any(r["treaty_id"] == "nato-1949" for r in kb_obligations(on, obligor=member, beneficiary="EST"))

    assert not bound(before) and bound(after)


def test_anzus_suspension():
    anzus = [r for r in kb_obligations("2000-01-01", type="defense") if r["treaty_id"] == "anzus-1951"]
    pairs = {(r["obligor"], r["beneficiary"]) for r in anzus}
    assert ("AUS", "NZL") in pairs and ("USA", "AUS") in pairs
    assert ("USA", "NZL") not in pairs and ("NZL", "USA") not in pairs
    assert ("USA", "NZL") in {(r["obligor"], r["beneficiary"]) for r in kb_obligations(
        "1980-01-01", obligor="USA", beneficiary="NZL")}


def test_one_sided_guarantees():
    jpn = kb_obligations("2025-01-01", obligor="JPN", beneficiary="USA", type="defense")
    usa = kb_obligations("2025-01-01", obligor="USA", beneficiary="JPN", type="defense")
    assert [r["limited"] for r in jpn] == [True] and [r["limited"] for r in usa] == [False]
    assert not kb_obligations("2025-01-01", obligor="PLW", beneficiary="USA")


@pytest.mark.parametrize("obligor, beneficiary, on, bound", [
    ("USA", "TWN", "1979-06-01", True), ("USA", "TWN", "1980-06-01", False),   # terminated 1980
    ("MEX", "USA", "2000-01-01", True), ("MEX", "USA", "2010-01-01", False),   # left the Rio Treaty
    ("UZB", "RUS", "2010-01-01", True), ("UZB", "RUS", "2015-01-01", False),   # CSTO twice, then out
])
def test_treaties_and_members_that_ended(obligor, beneficiary, on, bound):
    assert bool(kb_obligations(on, obligor=obligor, beneficiary=beneficiary, type="defense")) == bound


# -- merging with treaties extracted into a store ------------------------------------------

def _record(aid, published, treaty):
    return {"schema": "tidings/1", "article": {"id": aid, "published": published, "language": "en"},
            "actors": [], "events": [], "quotes": [], "claims": [], "treaties": [treaty]}


def _treaty(parties, signed, pairs, name=None, type_="defense"):
    return {"id": "t1", "name": name, "parties": parties, "signed": signed, "in_force": None, "ratified": [],
            "evidence": [[0, 40]], "obligations": [{"obligor": a, "beneficiary": b, "type": type_,
                                                    "trigger": None, "scope": None} for a, b in pairs]}


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "tidings.sqlite")
    s.put(_record("art-1", "2024-11-01", _treaty(["PRK", "RUS"], "2024-06", [("RUS", "PRK"), ("PRK", "RUS")])),
          "text one")
    s.put(_record("art-2", "2025-03-07", _treaty(["POL", "LTU"], "2025-03-03", [("POL", "LTU"), ("LTU", "POL")])),
          "text two")
    yield s
    s.close()


@pytest.mark.parametrize("treaty, expected", [
    ({"name": None, "parties": ["RUS", "PRK"], "signed": "2024-06"}, "rus-prk-2024"),
    ({"name": "Treaty on Comprehensive Strategic Partnership", "parties": [], "signed": None}, "rus-prk-2024"),
    ({"name": "Rio Treaty", "parties": ["BRA"], "signed": None}, "rio-1947"),
    ({"name": None, "parties": ["CHN", "PRK"], "signed": "1961"}, "chn-prk-1961"),
    ({"name": None, "parties": ["CHN", "PRK"], "signed": "2001"}, None),       # another year: another treaty
    ({"name": None, "parties": ["POL", "LTU"], "signed": "2025-03-03"}, None),
    ({"name": "Treaty on Comprehensive Strategic Partnership", "parties": ["RUS", "IRN"], "signed": None},
     "rus-irn-2025"),  # the same words, other parties
])
def test_match_kb(treaty, expected):
    entry = match_kb(treaty)
    assert (entry["id"] if entry else None) == expected


def test_extracted_evidence_joins_the_knowledge_base(store):
    rows = query_obligations(store, beneficiary="PRK", on="2025-01-01", type="defense")
    rus = [r for r in rows if r["obligor"] == "RUS"]
    assert len(rus) == 1 and rus[0]["source"] == "knowledge base" and rus[0]["evidence"] == ["art-1"]


def test_knowledge_base_dates_win_over_an_article(store):
    rows = query_obligations(store, obligor="RUS", beneficiary="PRK", on="2024-11-05")
    assert rows == []  # signed in June, in force only from 2024-12-04


def test_unknown_treaty_comes_from_its_articles(store):
    rows = query_obligations(store, obligor="POL", beneficiary="LTU", on="2025-06-01")
    extracted = [r for r in rows if r["source"] == "articles"]
    assert len(extracted) == 1 and extracted[0]["evidence"] == ["art-2"]
    assert not [r for r in query_obligations(store, obligor="POL", beneficiary="LTU", on="2025-01-01")
                if r["source"] == "articles"]  # not yet signed then


def test_query_treaties_merges(store):
    rows = query_treaties(store, party="PRK")
    by_id = {r["id"]: r for r in rows}
    assert [e["article"] for e in by_id["rus-prk-2024"]["evidence"]] == ["art-1"]
    assert by_id["chn-prk-1961"]["evidence"] == []
    lit = [r for r in query_treaties(store, party="LTU") if r["source"] == "articles"]
    assert len(lit) == 1 and set(lit[0]["parties"]) == {"POL", "LTU"}


# -- the commands ------------------------------------------------------------------------------

def _run(*args):
    from tidings.cli import main

    return CliRunner().invoke(main, list(args))


def test_cli_obligations_without_a_store(tmp_path):
    res = _run("obligations", "--db", str(tmp_path / "absent.sqlite"), "--beneficiary", "PRK", "--on", "2025-01-01",
               "--type", "defense", "--format", "jsonl")
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    assert {r["obligor"] for r in rows} == {"RUS", "CHN"}


def test_cli_treaties_with_a_store(store):
    res = _run("treaties", "--db", store.path, "--party", "LTU", "--format", "csv")
    assert res.exit_code == 0, res.output
    assert "art-2" in res.stdout and "North Atlantic Treaty" in res.stdout


def test_cli_rejects_a_bad_date():
    res = _run("obligations", "--on", "2025-13-01")
    assert res.exit_code == 2 and "ISO date" in res.output
