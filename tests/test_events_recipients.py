"""Recipients the text implies (events_implied): a group target of the actor's own country, and
the target of an announced crackdown; neither when another state is named nearby."""
from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def coded(extractor: Any, text: str) -> list[tuple[str, list[str], list[str]]]:
    rec = extractor.extract(text, published="2024-05-01")
    return [(e["type"], sorted(a["code"] for a in e["actor"] if a["code"]),
             sorted(a["code"] for a in e["recipient"] if a["code"])) for e in rec["events"]]


@pytest.mark.parametrize("text, etype, code", [
    # a target named only by a group noun belongs to the actor's country
    ("The Ethiopian government accused rebels of attacking a convoy.", "ACCUSE", "ETH"),
    ("Peruvian police dispersed demonstrators with tear gas.", "COERCE", "PER"),
    ("The Ghanaian government banned opposition newspapers.", "COERCE", "GHA"),
    # an announced or threatened crackdown falls on the actor's own people
    ("The Bolivian president threatened to impose a curfew.", "THREATEN", "BOL"),
    ("The Zambian government warned that it would impose martial law.", "THREATEN", "ZMB"),
])
def test_domestic_recipient(extractor: Any, text: str, etype: str, code: str) -> None:
    events = coded(extractor, text)
    assert (etype, [code], [code]) in events, events


@pytest.mark.parametrize("text, etype, code", [
    ("Kenya condemned the raid in Somalia. Kenyan officials later accused militants of planning more "
     "attacks.", "ACCUSE", "KEN"),
    ("Venezuela closed its border with Colombia on Monday. The Venezuelan president said he would "
     "impose a curfew.", "THREATEN", "VEN"),
])
def test_no_domestic_recipient_when_another_state_is_near(extractor: Any, text: str, etype: str,
                                                          code: str) -> None:
    events = coded(extractor, text)
    assert any(t == etype and a == [code] for t, a, _ in events), events
    assert (etype, [code], [code]) not in events, events


@pytest.mark.parametrize("text, etype, actor, recipient", [
    # the place of a protest or an attack, one phrase down ("a jail in northern Uganda")
    ("Kenyan prisoners rioted at a jail in northern Uganda.", "PROTEST", "KEN", "UGA"),
    ("Malian students demonstrated outside the embassy of Senegal.", "PROTEST", "MLI", "SEN"),
    # an idiom's object word inside a target phrase does not undo the trigger ("power plant")
    ("Russian missiles hit a power plant in western Ukraine.", "ASSAULT", "RUS", "UKR"),
])
def test_place_of_the_event(extractor: Any, text: str, etype: str, actor: str, recipient: str) -> None:
    events = coded(extractor, text)
    assert (etype, [actor], [recipient]) in events, events


def test_idiom_still_not_an_attack(extractor: Any) -> None:
    events = coded(extractor, "The Chadian opposition leader said the general had taken power by force.")
    assert not any(t == "ASSAULT" for t, _, _ in events), events


def test_denial_of_a_gerund_answers_the_accuser(extractor: Any) -> None:
    # the parser makes "supplying" a modifier of "weapons"; it is still a denial, not a cut in supplies
    events = coded(extractor, "Sudan accused the UAE of arming the rebels. The UAE has repeatedly denied "
                              "supplying weapons to either side.")
    assert ("REJECT", ["ARE"], ["SDN"]) in events, events
    assert not any(t == "SANCTION" for t, _, _ in events), events


@pytest.mark.parametrize("text, expected", [
    ("Asked about the Chinese reports, the Japanese minister declined to comment.", False),
    ("Japan asked China to release the sailors.", True),
])
def test_a_question_is_not_a_request(extractor: Any, text: str, expected: bool) -> None:
    events = coded(extractor, text)
    assert any(t == "REQUEST" for t, _, _ in events) is expected, events
