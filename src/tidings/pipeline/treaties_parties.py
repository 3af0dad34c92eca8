"""Which states a phrase names as parties to a treaty: names, adjectives, seats, counted groups."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.pipeline.actors import actors_at
from tidings.pipeline.treaties_clauses import is_party
from tidings.timeexpr import NUMBERS

LIST_JOINERS = {",", "and", "&"}


def state_codes(doc: Doc, t: Token) -> list[str]:
    codes = [a.code for a in actors_at(doc, t) if is_party(a.code, a.kind)]
    kind, _, key = t.ent_id_.partition(":")
    if not codes and kind in ("state", "adj"):
        codes = [key]
    return [c for c in codes if c]


def counted_group(doc: Doc, tok: Token, reach: int = 400) -> list[str]:
    """ "The three governments" after "Mali, Niger and Chad": the last listing of that many states."""
    nums = [c for c in tok.children if c.dep_ == "nummod"]
    if tok.tag_ != "NNS" or len(nums) != 1 or not any(c.lower_ == "the" for c in tok.children):
        return []
    n = NUMBERS.get(nums[0].lower_) or (int(nums[0].text) if nums[0].text.isdigit() else 0)
    if n < 2:
        return []
    found: list[str] = []
    run: list[str] = []  # codes of the listing being read: states joined by commas and "and"
    for t in doc[max(0, tok.i - reach):tok.i]:
        codes = state_codes(doc, t) if t.ent_id_ else []
        if codes:
            run += [c for c in codes if c not in run]
        elif t.lower_ not in LIST_JOINERS:
            found = run if len(run) == n else found
            run = []
    return run if len(run) == n else found
