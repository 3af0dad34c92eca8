"""Which states a phrase names as parties to a treaty: names, adjectives, seats, counted groups."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from tidings.pipeline.actors import actors_at
from tidings.pipeline.actors_refs import last_listing
from tidings.timeexpr import NUMBERS

GROUP_NOUNS = {"countries", "sides", "parties", "states", "governments", "nations", "neighbours", "neighbors"}


def is_party(code: str | None, kind: str | None = None) -> bool:
    """Treaty parties are states (ISO3), or an organization that signs for its members (EU)."""
    if not code or kind == "bloc":
        return False
    return len(code) == 3 and code.isupper() or kind == "igo"


def fill_parties(doc: Doc, sent: Span, have: list[str], subjects: list[str]) -> list[str]:
    """Parties of a mutual clause whose treaty names fewer than two: "the two countries", "both sides".

    In order: who the clause's frame names ("X and Y agreed that ..."), a counted group resolved to the
    listing before it ("the three states"), then the states the article mentions most up to the clause.
    """
    out = list(dict.fromkeys([*have, *subjects]))
    want = 2
    for t in sent:
        if t.lower_ in GROUP_NOUNS:
            group = counted_group(doc, t)
            want = max(want, len(group))
            out += [c for c in group if c not in out]
    if len(out) >= want:
        return out
    counts: Counter[str] = Counter()
    for m in doc._.mentions:
        if m.start < sent.end and m.actor.kind != "igo" and is_party(m.actor.code, m.actor.kind):
            counts[m.actor.code] += 1
    for code, _ in counts.most_common():
        if len(out) >= want:
            break
        if code not in out:
            out.append(code)
    return out


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
    return last_listing(doc[max(0, tok.i - reach):tok.i], n, lambda t: state_codes(doc, t) if t.ent_id_ else [])


def capital_word(t: Token) -> bool:
    return t.text[:1].isupper() and t.is_alpha and (not t.is_sent_start or t.pos_ == "PROPN")


def paired(t: Token) -> bool:
    """A seat joined to another party by a hyphen or slash: "the Moscow-Pyongyang treaty"."""
    doc = t.doc
    return any(0 <= j < len(doc) and doc[j].text in ("-", "–", "/") for j in (t.i - 1, t.i + 1))


def state_word(t: Token) -> bool:
    """A country's name or adjective: a party, not part of the treaty's name."""
    return t.ent_id_.split(":")[0] in ("state", "adj", "people")


def compatible(a: list[str], b: list[str]) -> bool:
    return not a or not b or set(a) <= set(b) or set(b) <= set(a)


def fold(name: str) -> str:
    return " ".join(name.lower().removeprefix("the ").split())


def unique(codes: list[str]) -> list[str]:
    return list(dict.fromkeys(c for c in codes if c))
