"""The seed article (../shared/dev): the events the issue names, and the scorer's event F1."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.model

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _scorer() -> Any:
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip("../shared/eval is not beside this checkout")
    spec = importlib.util.spec_from_file_location("tidings_score_seed", path)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _find(rec: dict, etype: str, actor: set[str], recipient: set[str]) -> list[dict]:
    return [e for e in rec["events"] if e["type"] == etype and {a["code"] for a in e["actor"]} == actor
            and {a["code"] for a in e["recipient"]} == recipient]


@pytest.mark.parametrize("etype, actor, recipient, factuality", [
    ("CONSULT", {"PRK"}, {"RUS"}, "asserted"),          # the meeting in Moscow
    ("AGREE", {"PRK"}, {"RUS"}, "asserted"),            # the pledge
    ("SUPPORT", {"RUS"}, {"PRK"}, "asserted"),          # Lavrov's praise and thanks
    ("ACCUSE", {"UKR", "WEST"}, {"PRK"}, "asserted"),   # the accusation
    ("AID", {"PRK"}, {"RUS"}, "alleged"),               # the troops it alleges
    ("REJECT", {"PRK"}, {"UKR", "WEST"}, "asserted"),   # the denial, answering the accusers
])
def test_seed_events(seed_record: dict, etype: str, actor: set[str], recipient: set[str], factuality: str) -> None:
    found = _find(seed_record, etype, actor, recipient)
    assert found, [(e["type"], e["actor"], e["recipient"]) for e in seed_record["events"]]
    assert found[0]["factuality"] == factuality


def test_seed_meeting_is_a_visit(seed_record: dict) -> None:
    assert _find(seed_record, "CONSULT", {"PRK"}, {"RUS"})[0]["mode"] == "visit"


def test_no_comment_is_not_an_event(seed_record: dict, seed_text: str) -> None:
    for e in seed_record["events"]:
        trigger = seed_text[e["evidence"]["trigger"][0]:e["evidence"]["trigger"][1]]
        assert trigger.lower() not in ("denied", "confirmed"), e


def test_alleged_event_points_at_its_accusation(extractor: Any, seed_text: str) -> None:
    from tidings.article import make_article

    doc = extractor.nlp(extractor._doc(make_article(seed_text, published="2024-11-01")))
    alleged = [e for e in doc._.events if e.factuality == "alleged"]
    assert alleged and alleged[0].reported_by is not None
    assert alleged[0].reported_by.type == "ACCUSE"
    assert {a.code for a in alleged[0].reported_by.actor} == {"UKR", "WEST"}


def test_seed_event_f1(seed_record: dict) -> None:
    score = _scorer()
    gold = score.load_gold(SHARED / "dev" / "seed-rt-2024-11-01.gold.json")
    result = score.score(gold, {seed_record["article"]["id"]: json.loads(json.dumps(seed_record))})
    assert result["events"]["f1"] >= 0.75, result["events"]
    assert result["event_factuality_accuracy"] >= 0.8
