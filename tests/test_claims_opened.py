"""Claims that a stance cue opens when no alleged event is there for it: a denial of the
denier's own act told earlier, a refusal to comment on the event it was asked about.
Sentences of our own; events are put on the doc by hand as in ``test_claims``."""
from __future__ import annotations

import pytest

from tests.test_claims import event, pairs, run_claims, upstream

pytestmark = pytest.mark.model

STRIKE = "Turkey struck a convoy near the Syrian border on Monday. "
FILLER = ("The convoy was carrying fuel. The road had been closed for a week. Traders said prices rose. "
          "Aid groups counted the trucks. The weather was cold. Markets stayed shut. ")


@pytest.mark.parametrize("rest, expected", [
    ("Turkey flatly denied that any civilians had been killed.", {("TUR", "denies")}),
    ("Syria accused Turkey of reckless aggression. Turkey rejected the charge.",
     {("SYR", "alleges"), ("TUR", "denies")}),
    ("Turkey denied it. It refused to say whether more raids were planned.",
     {("TUR", "denies"), ("TUR", "declines")}),
    # the refusal is about what was just denied, though the strike was told sentences before
    (FILLER + "Turkey denied that anyone had died. It refused to say whether more raids were planned.",
     {("TUR", "denies"), ("TUR", "declines")}),
])
def test_a_denial_opens_a_claim_on_the_deniers_act(extractor, rest, expected):
    doc = upstream(extractor, STRIKE + rest)
    strike = event(doc, "ASSAULT", "struck", ["TUR"], ["SYR"])
    events = [strike]
    if "accused" in rest:
        events.append(event(doc, "ACCUSE", "accused", ["SYR"], ["TUR"]))
    doc = run_claims(extractor, doc, events)
    (claim,) = doc._.claims
    assert claim.proposition is strike and strike.claim is claim
    assert strike.factuality == "asserted"  # the article vouches for the strike itself
    assert pairs(claim) == expected


@pytest.mark.parametrize("text", [
    "Asked whether Egypt had shipped rifles to the militia, a spokesman for Egypt declined to comment.",
    "Egypt declined to comment on whether it had shipped rifles to the militia.",
    "Egypt has neither confirmed nor denied that it shipped rifles to the militia.",
])
def test_a_refusal_opens_a_claim_on_the_event_asked_about(extractor, text):
    doc = upstream(extractor, text)
    shipped = event(doc, "AID", "shipped", ["EGY"])
    doc = run_claims(extractor, doc, [shipped])
    (claim,) = doc._.claims
    assert claim.proposition is shipped and shipped.factuality == "alleged"
    assert pairs(claim) == {("EGY", "declines")}


def test_the_question_is_not_what_it_asks_about(extractor):
    doc = upstream(extractor, "Asked about the reports, a spokesman for Egypt declined to comment.")
    asked = event(doc, "REQUEST", "Asked", ["EGY"])  # a question coded as an event upstream
    doc = run_claims(extractor, doc, [asked])
    assert doc._.claims == [] and asked.factuality == "asserted"


@pytest.mark.parametrize("text, word, code", [
    ("Chile and Peru signed a trade deal. Bolivia denied it.", "signed", "CHL"),  # not Bolivia's act
    ("Chile and Peru signed a trade deal. Bolivia declined to comment.", "signed", "CHL"),
    ("Chile signed a trade deal. Peru refused to comment on the tariffs.", "signed", "CHL"),
])
def test_no_claim_without_a_proposition(extractor, text, word, code):
    doc = upstream(extractor, text)
    ev = event(doc, "SUPPORT", word, [code])
    doc = run_claims(extractor, doc, [ev])
    assert doc._.claims == [] and ev.claim is None and ev.factuality == "asserted"


@pytest.mark.parametrize("text", [
    "Syria shelled a village in a valley disputed by Syria and Iraq.",
    "Syria shelled the Orontes valley, a region disputed by Syria and Iraq.",
    "Syria shelled a village in the Orontes valley, disputed by Syria and Iraq.",
])
def test_a_participle_describing_a_thing_is_no_denial(extractor, text):
    doc = upstream(extractor, text)
    shelled = event(doc, "ASSAULT", "shelled", ["SYR"])
    doc = run_claims(extractor, doc, [shelled])
    assert doc._.claims == [] and shelled.claim is None


def test_the_act_a_denial_answers_came_before_the_accusation(extractor):
    text = ("Turkey struck a convoy near the Syrian border on Monday. Syria accused Turkey of reckless aggression. "
            "Turkey later hosted talks with Iraq. Turkey rejected the charge.")
    doc = upstream(extractor, text)
    strike = event(doc, "ASSAULT", "struck", ["TUR"], ["SYR"])
    accuse = event(doc, "ACCUSE", "accused", ["SYR"], ["TUR"])
    hosted = event(doc, "CONSULT", "hosted", ["TUR"], ["IRQ"])
    doc = run_claims(extractor, doc, [strike, accuse, hosted])
    (claim,) = doc._.claims
    assert claim.proposition is strike and hosted.claim is None
    assert pairs(claim) == {("SYR", "alleges"), ("TUR", "denies")}


def test_the_act_may_follow_the_cue_in_the_accusations_sentence(extractor):
    text = ("Turkey hosted talks with Iraq on Monday. Syria accused Turkey of arming the rebels, and Turkey "
            "then struck a convoy. Turkey rejected the charge.")
    doc = upstream(extractor, text)
    hosted = event(doc, "CONSULT", "hosted", ["TUR"], ["IRQ"])
    accuse = event(doc, "ACCUSE", "accused", ["SYR"], ["TUR"])
    strike = event(doc, "ASSAULT", "struck", ["TUR"])
    doc = run_claims(extractor, doc, [hosted, accuse, strike])
    (claim,) = doc._.claims
    assert claim.proposition is strike and hosted.claim is None
