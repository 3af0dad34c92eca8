"""Events in the store: query_events / count_events filters, and the `tidings events` command."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.errors import StoreError
from tidings.store import Store
from tidings.store.events import count_events, query_events

TEXT_A = "Atlantis praised Borealis on Monday. Borealis shelled a town in Atlantis."
TEXT_B = "Caspia accused Atlantis of hiding weapons."


def _actor(aid: str, code: str, name: str) -> dict:
    return {"id": aid, "name": name, "kind": "state", "code": code, "sector": "GOV", "role": None,
            "source": "gazetteer", "mentions": [[0, 3]]}


def _event(eid: str, etype: str, actor: tuple[str, str], recipient: tuple[str, str] | None, date: str | None,
           sent: tuple[int, int], trigger: tuple[int, int], factuality: str = "asserted") -> dict:
    return {"id": eid, "type": etype, "mode": None, "context": [], "actor": [{"ref": actor[0], "code": actor[1],
            "sector": "GOV"}], "recipient": [{"ref": recipient[0], "code": recipient[1], "sector": "GOV"}]
            if recipient else [], "date": date, "date_precision": "day" if date else None, "location": None,
            "factuality": factuality, "claim": None, "evidence": {"start": sent[0], "end": sent[1],
            "trigger": list(trigger)}, "cameo": None, "goldstein": None, "confidence": 0.7}


def _records() -> list[tuple[dict, str]]:
    a = {"schema": "tidings/1", "article": {"id": "art-a", "published": "2024-03-04", "title": "A"},
         "actors": [_actor("a1", "ATL", "Atlantis"), _actor("a2", "BOR", "Borealis")],
         "events": [_event("e1", "SUPPORT", ("a1", "ATL"), ("a2", "BOR"), "2024-03-04", (0, 36), (9, 16)),
                    _event("e2", "ASSAULT", ("a2", "BOR"), ("a1", "ATL"), "2024-02", (37, 73), (46, 53))],
         "quotes": [], "claims": [], "treaties": []}
    b = {"schema": "tidings/1", "article": {"id": "art-b", "published": "2024-05-01", "title": "B"},
         "actors": [_actor("a1", "CAS", "Caspia"), _actor("a2", "ATL", "Atlantis")],
         "events": [_event("e1", "ACCUSE", ("a1", "CAS"), ("a2", "ATL"), None, (0, 42), (7, 14)),
                    _event("e2", "MOBILIZE", ("a2", "ATL"), None, None, (0, 42), (27, 33), "alleged")],
         "quotes": [], "claims": [], "treaties": []}
    return [(a, TEXT_A), (b, TEXT_B)]


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "events.sqlite"
    with Store(path) as store:
        for rec, text in _records():
            store.put(rec, text)
    return path


@pytest.fixture()
def store(store_path: Path):  # type: ignore[no-untyped-def]
    with Store(store_path, readonly=True) as s:
        yield s


@pytest.mark.parametrize("filters, expected", [
    ({}, [("art-a", "e2"), ("art-a", "e1"), ("art-b", "e1"), ("art-b", "e2")]),
    ({"actor": "ATL"}, [("art-a", "e1"), ("art-b", "e2")]),
    ({"actor": "atl,bor"}, [("art-a", "e2"), ("art-a", "e1"), ("art-b", "e2")]),
    ({"recipient": "ATL"}, [("art-a", "e2"), ("art-b", "e1")]),
    ({"type": "assault"}, [("art-a", "e2")]),
    ({"type": ["SUPPORT", "ACCUSE"]}, [("art-a", "e1"), ("art-b", "e1")]),
    ({"since": "2024-03-01"}, [("art-a", "e1"), ("art-b", "e1"), ("art-b", "e2")]),
    ({"since": "2024-02-15"}, [("art-a", "e2"), ("art-a", "e1"), ("art-b", "e1"), ("art-b", "e2")]),
    ({"until": "2024-02"}, [("art-a", "e2")]),
    ({"until": "2024-03-04"}, [("art-a", "e2"), ("art-a", "e1")]),
    ({"factuality": "alleged"}, [("art-b", "e2")]),
    ({"article": "art-b"}, [("art-b", "e1"), ("art-b", "e2")]),
    ({"actor": "CAS", "recipient": "ATL", "type": "ACCUSE"}, [("art-b", "e1")]),
])
def test_filters(store: Store, filters: dict, expected: list[tuple[str, str]]) -> None:
    rows = query_events(store, **filters)
    assert [(r["article"], r["id"]) for r in rows] == expected
    assert count_events(store, **filters) == len(expected)


def test_rows_carry_codes_and_evidence_text(store: Store) -> None:
    row = query_events(store, article="art-a", type="SUPPORT")[0]
    assert row["actor_codes"] == ["ATL"] and row["recipient_codes"] == ["BOR"]
    assert row["sentence"] == "Atlantis praised Borealis on Monday."
    assert row["trigger_text"] == "praised"
    assert row["actor"][0]["ref"] == "a1"


def test_paging_and_order(store: Store) -> None:
    first = query_events(store, limit=2, order="-date")
    rest = query_events(store, limit=2, offset=2, order="-date")
    assert len(first) == 2 and len(rest) == 2
    assert not {(r["article"], r["id"]) for r in first} & {(r["article"], r["id"]) for r in rest}


@pytest.mark.parametrize("kwargs", [{"order": "rowid; DROP TABLE events"}, {"since": "last week"},
                                    {"limit": -1}])
def test_bad_arguments_are_refused(store: Store, kwargs: dict) -> None:
    with pytest.raises(StoreError):
        query_events(store, **kwargs)


def test_cli_table_csv_and_jsonl(store_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["events", "--db", str(store_path), "--actor", "ATL"])
    assert out.exit_code == 0, out.output
    assert "SUPPORT" in out.output and "Atlantis praised Borealis" in out.output
    csv_out = runner.invoke(main, ["events", "--db", str(store_path), "--type", "ASSAULT", "--format", "csv"])
    assert csv_out.output.splitlines()[0].startswith("id,article,date,type")
    assert "BOR,ATL" in csv_out.output
    jl = runner.invoke(main, ["events", "--db", str(store_path), "--recipient", "ATL", "--format", "jsonl"])
    rows = [json.loads(line) for line in jl.output.splitlines()]
    assert {r["type"] for r in rows} == {"ASSAULT", "ACCUSE"}


@pytest.mark.parametrize("args", [["--since", "yesterday"], ["--type", "DANCE"]])
def test_cli_refuses_bad_options(store_path: Path, args: list[str]) -> None:
    out = CliRunner().invoke(main, ["events", "--db", str(store_path), *args])
    assert out.exit_code != 0
