"""Integrity of the cue lexicon (data/cues.toml) and the quotation-mark scanner; no model needed."""
from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher

from tidings import resources
from tidings.pipeline.quotes_cues import cues, phrase_pattern
from tidings.pipeline.quotes_marks import find_quotes

DATA = resources.load("cues.toml")
STANCES = {"alleges", "denies", "declines", "confirms", "asserts"}


def _lists(node, path=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _lists(v, (*path, k))
    elif isinstance(node, list):
        yield ".".join(path), node


@pytest.mark.parametrize("path, items", list(_lists(DATA)), ids=[p for p, _ in _lists(DATA)])
def test_lists_are_clean(path, items):
    assert items, f"{path} is empty"
    assert all(isinstance(x, str) and x == x.strip() and x for x in items), path
    assert len(items) == len(set(items)), f"{path} repeats {sorted({x for x in items if items.count(x) > 1})}"
    if not path.endswith("phrases"):
        assert all(x == x.lower() for x in items), f"{path}: lemmas are lower case"


def test_sections_and_stances():
    assert {"speech", "relay", "documents", "stance"} <= set(DATA)
    assert set(DATA["stance"]) == STANCES
    c = cues()
    assert c.clause <= c.speech, sorted(c.clause - c.speech)
    assert {"say", "tell", "state", "add", "stress", "emphasize", "warn", "insist", "note", "claim"} <= c.clause
    assert "according to" in c.according
    assert not c.texts & c.issued


def test_decline_phrases_compile():
    nlp = spacy.blank("en")
    m = Matcher(nlp.vocab)
    for p in cues().decline_phrases:
        pattern = phrase_pattern(p)
        assert pattern and all(isinstance(t, dict) for t in pattern)
        m.add("X", [pattern])


@pytest.mark.parametrize("text, contents", [
    ("“We will stay,” she said.", ["We will stay,"]),
    ('"We will stay," she said, "as long as needed."', ["We will stay,", "as long as needed."]),
    ("He called it a ‘red line’ and left.", ["red line"]),
    ("Ships left 'without delay' on Friday.", ["without delay"]),
    ("The crew’s boat and the sailors’ flags.", []),
    ("“Nested ‘inner’ words” here.", ["Nested ‘inner’ words"]),
    ("She said «bonjour» twice.", ["bonjour"]),
    ("He wrote:\"no spaces\"and went.", ["no spaces"]),
])
def test_quoted_spans(text, contents):
    assert [text[q.start:q.end] for q in find_quotes(text)] == contents


def test_quote_over_two_paragraphs_is_one():
    text = "She said: “First we rebuild.\n“Then we talk,” she added."
    (q,) = find_quotes(text)
    assert text[q.start:q.end] == "First we rebuild.\n“Then we talk," and q.paragraphs == 2


def test_unclosed_quote_ends_with_its_paragraph():
    text = "He said “this never closes\nA new paragraph begins here."
    (q,) = find_quotes(text)
    assert text[q.start:q.end] == "this never closes" and q.close == -1


def test_closing_mark_without_opening_quotes_from_paragraph_start():
    text = "Intro line.\nWe will not leave,” the mayor said."
    (q,) = find_quotes(text)
    assert text[q.start:q.end] == "We will not leave," and q.open == -1


@pytest.mark.parametrize("text", ['"', "“”", "''", '""""', "He said “", "” ” “", "'a' 'b", "\n\n“\n”\n", ""])
def test_odd_marks_never_crash(text):
    for q in find_quotes(text):
        assert 0 <= q.start <= q.end <= len(text)
