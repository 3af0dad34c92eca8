"""Quotes on sentences of our own, one table per shape; and the seed article against its gold."""
from __future__ import annotations

import importlib.util
import json
import tempfile
from pathlib import Path

import pytest

from tests.conftest import SEED_GOLD, SHARED

pytestmark = pytest.mark.model


def quotes(extractor, text, published="2025-03-10"):
    rec = extractor.extract(text, published=published)
    names = {a["id"]: a for a in rec["actors"]}
    return rec, [(q, names.get(q["speaker"])) for q in rec["quotes"]]


def find(found, fragment):
    hits = [(q, a) for q, a in found if fragment in q["content"]]
    assert hits, f"no quote with {fragment!r} in {[q['content'] for q, _ in found]}"
    return hits[0]


@pytest.mark.parametrize("text, fragment, speaker, kind", [
    # direct, attribution after the quote (straight and curly marks, inverted order)
    ('"We will keep the border open," Penny Wong said on Tuesday.', "keep the border open", "Penny Wong", "direct"),
    ("“Talks will resume next week,” said Wang Yi.", "Talks will resume", "Wang Yi", "direct"),
    ('"Is this what they call peace?" Abbas Araghchi asked reporters.', "call peace", "Abbas Araghchi", "direct"),
    # attribution before the quote
    ('Abbas Araghchi told reporters: "Our position has not changed."', "position has not changed", "Abbas Araghchi",
     "direct"),
    # a pronoun speaker resolved to the person
    ('Javier Milei arrived in Madrid on Monday. "This visit opens a new chapter," he said.', "new chapter",
     "Javier Milei", "direct"),
    # a fragment inside reported speech
    ("Mao Ning said the patrols were “entirely lawful” and would continue.", "entirely lawful", "Mao Ning", "mixed"),
    ("Narendra Modi thanked Japan for its “steadfast friendship” during the visit.", "steadfast friendship",
     "Narendra Modi", "mixed"),
    ('Wang Yi accused Manila of "stirring up trouble" in the region.', "stirring up trouble", "Wang Yi", "mixed"),
])
def test_marked_quote_shapes(extractor, text, fragment, speaker, kind):
    _, found = quotes(extractor, text)
    q, actor = find(found, fragment)
    assert actor is not None and actor["name"] == speaker
    assert q["kind"] == kind
    assert text[q["start"]:q["end"]] == q["content"]


def test_speaker_text_is_the_surface_form(extractor):
    _, found = quotes(extractor, 'Javier Milei arrived in Madrid. "We came to listen," he said.')
    q, actor = find(found, "came to listen")
    assert q["speaker_text"] == "he" and q["cue"] == "said" and actor["name"] == "Javier Milei"


def test_split_quote_around_the_cue(extractor):
    text = '"We are ready," Wang Yi said, "but the other side must move first."'
    _, found = quotes(extractor, text)
    first, a1 = find(found, "We are ready")
    second, a2 = find(found, "other side must move")
    assert first is not second and a1["name"] == a2["name"] == "Wang Yi"


def test_quote_continued_in_next_sentence_and_paragraph(extractor):
    text = ('Penny Wong spoke after the meeting. "The region deserves stability," she said. '
            '"Nobody gains from another crisis."\n"Our partners know where we stand."')
    _, found = quotes(extractor, text)
    for fragment in ("deserves stability", "Nobody gains", "partners know"):
        assert find(found, fragment)[1]["name"] == "Penny Wong"


def test_quote_over_two_paragraphs(extractor):
    text = ('Narendra Modi spoke at length. "The first part of the answer is simple.\n'
            '"The second part takes longer," he said.')
    _, found = quotes(extractor, text)
    q, actor = find(found, "first part")
    assert "second part" in q["content"] and actor["name"] == "Narendra Modi"


def test_relayed_words_name_their_source(extractor):
    text = 'Wang Yi said Xi Jinping had instructed the ministry to "build bridges, not walls."'
    rec, found = quotes(extractor, text)
    q, actor = find(found, "build bridges")
    source = next(a for a in rec["actors"] if a["id"] == q["source_of"])
    assert actor["name"] == "Wang Yi" and source["name"] == "Xi Jinping"


def test_treaty_clause_has_no_speaker(extractor):
    text = ("Peru and Chile signed a border agreement on Monday. The agreement states that each party "
            '"shall refrain from any use of force against the other."')
    _, found = quotes(extractor, text)
    q, actor = find(found, "refrain from any use of force")
    assert q["speaker"] is None and actor is None


def test_scare_quotes_are_not_quotes(extractor):
    _, found = quotes(extractor, 'The so-called "peace plan" was never published.')
    assert not found


def test_unbalanced_marks_do_not_crash(extractor):
    text = 'Volodymyr Zelensky said the offer was "not serious.\nThe talks ended early." Nobody spoke.'
    _, found = quotes(extractor, text)
    q, actor = find(found, "not serious")
    assert actor["name"] == "Volodymyr Zelensky"


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("Penny Wong said Australia would send more aid to the region.",
     "Australia would send more aid to the region", "Penny Wong", "said"),
    ("Talks with the rebels had stalled, Wang Yi said.", "Talks with the rebels had stalled", "Wang Yi", "said"),
    ("Abbas Araghchi stressed that Iran wanted a fair deal.", "Iran wanted a fair deal", "Abbas Araghchi", "stressed"),
    ("According to Abbas Araghchi, the talks in Oman made real progress.",
     "the talks in Oman made real progress", "Abbas Araghchi", "according to"),
    ("The talks in Oman made real progress, according to Abbas Araghchi.",
     "The talks in Oman made real progress", "Abbas Araghchi", "according to"),
    ("Narendra Modi praised the deal, adding that trade between the two countries would double.",
     "trade between the two countries would double", "Narendra Modi", "adding"),
    ("State media quoted Xi Jinping as saying that the economy would keep growing.",
     "the economy would keep growing", "Xi Jinping", "saying"),
    ("Penny Wong told parliament that the embassy would reopen in May.",
     "the embassy would reopen in May", "Penny Wong", "told"),
])
def test_indirect_quotes(extractor, text, content, speaker, cue):
    _, found = quotes(extractor, text)
    q, actor = find(found, content)
    assert q["content"] == content and q["kind"] == "indirect" and q["cue"] == cue
    assert actor["name"] == speaker


@pytest.mark.parametrize("text, content", [
    ("GENEVA, May 2 (Wire) - Talks on the grain corridor will resume next week, Wang Yi said.",
     "Talks on the grain corridor will resume next week"),
    ("14:20 GMT – Australia will send more aid to the islands, Penny Wong said.",
     "Australia will send more aid to the islands"),
])
def test_dateline_is_not_content(extractor, text, content):
    _, found = quotes(extractor, text)
    assert [q["content"] for q, _ in found] == [content]


def test_spokesman_for_a_body_speaks_for_it(extractor):
    _, found = quotes(extractor, "A spokesman for the Indian foreign ministry said the border talks had been useful.")
    q, actor = find(found, "border talks had been useful")
    assert actor["code"] == "IND"


def test_he_after_an_unnamed_official_is_that_official(extractor):
    # the resolver links "he" to no one when the subject before it has no name
    text = 'Ukraine\'s military rejected the claims on Monday. "We have nothing to hide," he said.'
    _, found = quotes(extractor, text)
    q, actor = find(found, "nothing to hide")
    assert actor["code"] == "UKR" and q["speaker_text"] == "he"


def test_according_to_a_statement_names_its_issuer(extractor):
    text = ('The two armies agreed to "strictly observe the truce" along the border, according to a statement '
            "from the Indian Army.")
    _, found = quotes(extractor, text)
    q, actor = find(found, "strictly observe the truce")
    assert actor["code"] == "IND" and q["cue"] == "according to"


@pytest.mark.parametrize("text", [
    "Nine killed in strikes; Kremlin rejects criticism; Australia announces new aid.",
    "Wang Yi did not say whether the visit would go ahead.",
    "Penny Wong claimed the seat in 2019 after a long campaign.",
    "Javier Milei visited the port and toured a factory.",
])
def test_not_quotes(extractor, text):
    _, found = quotes(extractor, text)
    assert not [q for q, _ in found if q["kind"] == "indirect"]


def test_reported_clause_with_a_quoted_fragment_is_one_quote(extractor):
    text = 'Mao Ning said that relations had reached "a new height."'
    _, found = quotes(extractor, text)
    assert [(q["kind"], q["content"]) for q, _ in found] == [("mixed", "a new height.")]


def _scorer():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip("../shared/eval is not beside this checkout")
    spec = importlib.util.spec_from_file_location("tidings_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_seed_quotes_and_speakers(seed_record):
    score = _scorer()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "pred.jsonl"
        out.write_text(json.dumps(seed_record) + "\n")
        res = score.score(score.load_gold(SEED_GOLD), score.load_pred(out))
    assert res["quotes"]["recall"] >= 0.9, res["quotes"]
    assert res["quote_speaker_accuracy"] >= 0.9
    assert res["quotes"]["precision"] >= 0.9


def test_seed_relayed_quote_names_kim(seed_record):
    names = {a["id"]: a["name"] for a in seed_record["actors"]}
    relayed = [q for q in seed_record["quotes"] if q["source_of"]]
    assert [(names[q["speaker"]], names[q["source_of"]]) for q in relayed] == [("Choe Son-hui", "Kim Jong-un")]
