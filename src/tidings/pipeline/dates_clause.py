"""Which clause a modifier belongs to: shared by the dates, places and treaties components.

A date or place phrase governs an event when it hangs off the event's trigger,
or off the verb whose clause the trigger is in; a phrase inside another verb's
clause ("the treaty signed in June") or inside a quotation the trigger is not in
belongs to something else.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from tidings.pipeline.quotes_cues import text_of

VERBAL = {"VERB", "AUX"}
NOT_CLAUSE = {"aux", "auxpass", "neg", "prt"}
NOMINAL_MOD = {"compound", "amod", "nummod", "poss", "nmod", "det"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "’ll"}
PERFECT_AUX = {"has", "have", "had", "'ve", "’ve", "'d", "’d"}
FUTURE_HEADS = {"plan", "expect", "schedule", "set", "due", "intend", "aim", "prepare", "go", "hope", "want"}
_QUOTES = re.compile(r"“[^”]{1,3000}”|\"[^\"\n]{1,3000}\"|‘[^’]{20,3000}’")


NOMINAL_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "csubj"}


def is_clause_verb(tok: Token) -> bool:
    """A verb that heads a clause; a gerund used as a noun ("Fighting continued") is none."""
    if tok.pos_ not in VERBAL or tok.dep_ in NOT_CLAUSE:
        return False
    return not (tok.tag_ == "VBG" and tok.dep_ in NOMINAL_ROLES)


def clause_head(tok: Token) -> Token:
    """The verb heading the clause ``tok`` is in (``tok`` itself when it is one); the root at worst."""
    t = tok
    while not is_clause_verb(t) and t.head.i != t.i:
        t = t.head
    return t


def attachment(mod: Token, trigger: Token) -> int | None:
    """How closely the phrase rooted at ``mod`` governs ``trigger``, lower is closer.

    0: it modifies the trigger (perhaps through nouns: "a meeting with Lavrov in
    Moscow"); 1: it modifies the verb of the trigger's clause; 2: a clause above
    that one ("said on Monday that ... had struck"); None: another clause.
    """
    # spaCy makes a new Token object on every access: compare indices, never identity
    if mod.dep_ in NOMINAL_MOD and mod.head.i != trigger.i:
        return None  # "the 1961 treaty", "Kharkiv's mayor": a modifier of another noun
    t = mod.head
    while t.i != trigger.i and not is_clause_verb(t) and t.head.i != t.i:
        t = t.head
    if t.i == trigger.i:
        return 0
    head = clause_head(trigger)
    if t.i == head.i:
        return 1
    if any(a.i == t.i for a in head.ancestors):
        return 2
    return None


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the quotations in ``doc`` (cached on it)."""
    spans = doc.user_data.get("tidings_quote_spans")
    if spans is None:
        spans = [m.span() for m in _QUOTES.finditer(text_of(doc))]
        doc.user_data["tidings_quote_spans"] = spans
    return spans


def quote_of(doc: Doc, char: int) -> tuple[int, int] | None:
    for s, e in quote_spans(doc):
        if s <= char < e:
            return (s, e)
    return None


def same_voice(doc: Doc, a: Token | Span, b: Token) -> bool:
    """Whether ``a`` and ``b`` are both outside quotation marks, or inside the same quotation."""
    start = a.idx if isinstance(a, Token) else a.start_char
    return quote_of(doc, start) == quote_of(doc, b.idx)


def tense(trigger: Token) -> str:
    """``past``, ``future`` or ``nearest`` (present or unknown) for the clause of ``trigger``."""
    v = clause_head(trigger)
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & FUTURE_AUX or any(a.lower_ == "going" for a in auxes):
        return "future"
    if v.head.i != v.i and v.dep_ in ("xcomp", "ccomp") and v.head.lemma_ in FUTURE_HEADS:
        return "future"
    if lowers & PERFECT_AUX or any(a.tag_ == "VBD" for a in auxes) or v.tag_ == "VBD":
        return "past"
    if v.tag_ == "VBN" and not auxes:
        return "past"  # a reduced relative: "the treaty, ratified last week,"
    return "nearest"
