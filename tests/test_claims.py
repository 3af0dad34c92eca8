"""Claims and stances on sentences of our own.

The events component is upstream of claims; to test this component alone, each test runs
the pipeline up to ``claims``, puts hand-made events on the doc (what the events component
promises: an ACCUSE event and the event it alleges, ``reported_by`` linking them), then
runs ``claims``. The seed article is checked end to end.
"""
from __future__ import annotations

import json

import pytest

from tidings.article import make_article
from tidings.model import Event
from tests.conftest import SEED_GOLD

pytestmark = pytest.mark.model


def upstream(extractor, text, published="2025-03-10"):
    doc = extractor.nlp.make_doc(text)
    doc._.article = make_article(text, published=published)
    for name, proc in extractor.nlp.pipeline:
        if name == "claims":
            break
        doc = proc(doc)
    return doc


def actor(doc, code):
    found = [a for a in doc._.actors if a.code == code]
    assert found, f"no actor {code} in {[a.name for a in doc._.actors]}"
    return sorted(found, key=lambda a: a.kind == "person")[0]


def event(doc, type_, word, actors, recipients=(), factuality="asserted", reported_by=None):
    tok = next(t for t in doc if t.text == word)
    sent = tok.sent
    return Event(type=type_, actor=[actor(doc, c) for c in actors],
                 recipient=[actor(doc, c) for c in recipients], factuality=factuality,
                 sentence=(sent.start_char, sent.end_char), trigger=(tok.idx, tok.idx + len(tok)),
                 trigger_token=tok.i, reported_by=reported_by)


def run_claims(extractor, doc, events):
    doc._.events = events
    return extractor.nlp.get_pipe("claims")(doc)


def pairs(claim):
    return {(s.holder.code, s.stance) for s in claim.stances}


BALTIC = ("Poland and Lithuania have accused Belarus of sending migrants across the border. "
          "Belarus has rejected these accusations as fabricated. Russia declined to comment.")


def test_claim_from_the_events_contract(extractor):
    doc = upstream(extractor, BALTIC)
    accuse = event(doc, "ACCUSE", "accused", ["POL", "LTU"], ["BLR"])
    sent = event(doc, "MOBILIZE", "sending", ["BLR"], factuality="alleged", reported_by=accuse)
    doc = run_claims(extractor, doc, [accuse, sent])
    (claim,) = doc._.claims
    assert claim.proposition is sent and sent.claim is claim
    assert pairs(claim) == {("POL", "alleges"), ("LTU", "alleges"), ("BLR", "denies"), ("RUS", "declines")}
    cues = {s.holder.code: s.cue for s in claim.stances}
    assert cues["POL"] == "accused" and cues["RUS"] == "declined to comment"
    s, e = next(x.evidence for x in claim.stances if x.stance == "denies")
    assert doc.text[s:e] == "Belarus has rejected these accusations as fabricated."


def test_an_accusation_makes_the_event_it_introduces_alleged(extractor):
    doc = upstream(extractor, BALTIC)
    accuse = event(doc, "ACCUSE", "accused", ["POL", "LTU"], ["BLR"])
    sent = event(doc, "MOBILIZE", "sending", ["BLR"])
    doc = run_claims(extractor, doc, [accuse, sent])
    assert sent.factuality == "alleged" and sent.reported_by is accuse
    assert pairs(doc._.claims[0]) >= {("POL", "alleges"), ("BLR", "denies")}


ESTONIA = "Estonia has accused Russia of jamming satellite signals over the Baltic Sea. "


@pytest.mark.parametrize("second, expected", [
    ("Russia dismissed the claims as baseless.", {("RUS", "denies")}),
    ("Moscow refuted the allegations.", {("RUS", "denies")}),
    ("Russia called the accusations lies.", {("RUS", "denies")}),
    ("The Kremlin said the accusation was false.", {("RUS", "denies")}),
    ("Russia and Belarus denied the reports.", {("RUS", "denies"), ("BLR", "denies")}),
    ("Russia has neither confirmed nor denied the reports.", {("RUS", "declines")}),
    ("Russia would not comment.", {("RUS", "declines")}),
    ("Russia declined to comment on the accusation.", {("RUS", "declines")}),
    ("Finland confirmed the reports.", {("FIN", "confirms")}),
    ("Finland reiterated the allegations.", {("FIN", "asserts")}),
    # not stances on the claim
    ("Russia rejected a proposal for new talks.", set()),
    ("Russia denied entry to the inspectors.", set()),
    ("Finland did not deny the reports.", set()),
    ("Finland declined to comment on reports that its navy had left the port.", set()),
])
def test_stances(extractor, second, expected):
    doc = upstream(extractor, ESTONIA + second)
    accuse = event(doc, "ACCUSE", "accused", ["EST"], ["RUS"])
    jam = event(doc, "COERCE", "jamming", ["RUS"], factuality="alleged", reported_by=accuse)
    doc = run_claims(extractor, doc, [accuse, jam])
    (claim,) = doc._.claims
    assert pairs(claim) - {("EST", "alleges")} == expected


@pytest.mark.parametrize("text, word, code, expected", [
    ("Russia reportedly moved missiles to Belarus. The Kremlin declined to comment.", "moved", "RUS",
     {("RUS", "declines")}),
    ("Ukrainian intelligence believes that Russia has moved missiles to Belarus.", "moved", "RUS",
     {("UKR", "alleges")}),
    ("Kyiv has accused Minsk of hosting the missiles. Minsk denied it.", "hosting", "BLR",
     {("UKR", "alleges"), ("BLR", "denies")}),
])
def test_allegations_read_from_the_text(extractor, text, word, code, expected):
    doc = upstream(extractor, text)
    ev = event(doc, "MOBILIZE", word, [code])
    doc = run_claims(extractor, doc, [ev])
    (claim,) = doc._.claims
    assert ev.factuality == "alleged" and claim.proposition is ev
    assert pairs(claim) == expected


def test_no_alleged_event_no_claim(extractor):
    doc = upstream(extractor, "Chile and Peru signed a trade deal. Bolivia declined to comment.")
    signed = event(doc, "SUPPORT", "signed", ["CHL", "PER"])
    doc = run_claims(extractor, doc, [signed])
    assert doc._.claims == [] and signed.claim is None


def test_seed_claim_stances(seed_record):
    gold = json.loads(SEED_GOLD.read_text())
    want = {(s["code"], s["stance"]) for c in gold["claims"] for s in c["stances"]}
    got = {(s["code"], s["stance"]) for c in seed_record["claims"] for s in c["stances"]}
    assert got == want
    for c in seed_record["claims"]:
        prop = next(e for e in seed_record["events"] if e["id"] == c["proposition"])
        assert prop["factuality"] == "alleged" and prop["claim"] == c["id"]
