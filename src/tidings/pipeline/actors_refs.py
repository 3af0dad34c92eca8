"""Descriptions and references back to what an article named: titles without a name ("the
minister", "a Pakistani official"), group nouns ("Hungarian officials"), "the two countries",
"the three states", "the North", "the court", and personal pronouns. Mixed into the actor resolver
(:mod:`tidings.pipeline.actors`), which it reads through ``mentions`` and ``taken``.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span, Token

from tidings.model import Actor, Mention

if TYPE_CHECKING:
    from tidings.knowledge import Knowledge

PRONOUNS = {"she": "f", "her": "f", "hers": "f", "herself": "f",
            "he": "m", "him": "m", "his": "m", "himself": "m"}
COLLECTIVES = {"countries", "nations", "sides", "states", "neighbours", "neighbors", "allies", "governments",
               "juntas", "members", "capitals", "parties"}
COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
PAIR_NOUNS = {"countries", "nations", "sides", "states", "neighbours", "neighbors", "allies"}
LIST_JOINERS = {",", "and", "&"}
LISTING_REACH = 3000  # tokens back to look for the listing "the three states" counts
# "the court" after "the International Court of Justice": an organization named by its head noun
BODY_NOUNS = {"court", "council", "commission", "tribunal", "bank", "agency", "assembly", "fund",
              "parliament", "alliance", "bloc", "organisation", "organization", "union", "body", "group"}


def title_role(entry: dict[str, Any]) -> str:
    """A title's office, the same for its gendered forms ("spokesman" -> "spokesperson")."""
    return str(entry.get("role") or entry["term"])


class References:
    doc: Doc
    kb: "Knowledge"
    mentions: list[Mention]
    taken: set[int]
    matches: list[tuple[int, int, int]]
    date: str | None

    # actor(), state(), person(), mention() and code_of_token() come from the resolver

    def descriptions(self) -> None:
        doc = self.doc
        matches = sorted(self.matches, key=lambda m: (m[1], -(m[2] - m[1])))
        last_end = -1
        for key, s, e in matches:
            if s < last_end or any(i in self.taken for i in range(s, e)):
                continue
            last_end = e
            phrase = doc[s:e]
            head = doc[e - 1]
            mods = [t for t in doc[max(head.left_edge.i, s - 4):s] if t.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod")
                    or t.ent_id_ or t.ent_type_ in ("GPE", "NORP")]
            mods += [t for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "for") for t in c.subtree]
            if key != self.comp.title_key:  # "officials in Beijing" speak for China
                mods += [t for c in head.children if c.dep_ == "prep" and c.lower_ == "in" for t in c.subtree
                         if t.ent_id_.startswith(("seat:", "state:"))]
            if key == self.comp.title_key:
                self.title_mention(phrase, head, self.country_of(mods), self.body_sector(mods))
            else:
                entry = self.kb.groups[phrase.text.lower()]
                by_code = {}
                for t in mods:
                    by_code.setdefault(self.code_of_token(t), t)
                by_code.pop(None, None)
                codes = list(by_code)
                first = min([s, *(t.i for t in mods if t.i < s)])
                if doc[first].lower_ in ("the", "a", "an"):
                    first += 1
                for code in codes:  # "Hungarian and Romanian officials": one group each
                    name = doc[first:e].text if len(codes) == 1 else f"{by_code[code].text} {phrase.text}"
                    a = self.actor(("group", code, entry["sector"], entry["term"]), name=name, kind="group",
                                   code=code, sector=entry["sector"], source="text")
                    self.mention(s, e, a, "group")

    def body_sector(self, tokens: list[Token]) -> str | None:
        """The sector of a non-state body named among ``tokens``: "an RSF spokesman" speaks for rebels."""
        for t in tokens:
            for m in self.mentions:
                if m.start <= t.i < m.end and m.actor.kind in ("group", "organization") and m.actor.sector:
                    return m.actor.sector
        return None

    def title_mention(self, phrase: Span, head: Token, code: str | None, body_sector: str | None = None) -> None:
        """A title without a name: "the minister", "the Russian president"."""
        doc = self.doc
        nxt = doc[phrase.end] if phrase.end < len(doc) else None
        if nxt is not None and nxt.i in self.taken:
            return  # a title in front of a name: already read by context_of_name
        if any(c.dep_ == "appos" and c.i in self.taken for c in head.children) or head.dep_ == "appos":
            return
        entry = self.kb.titles[phrase.text.lower()]
        role = title_role(entry)
        target: Actor | None = None
        if code:
            p = self.kb.holder_of(code, role, self.date)
            if p:
                target = self.person(p)
        if target is None and phrase.start > 0 and doc[phrase.start - 1].lower_ in ("the", "this"):
            for m in reversed(self.mentions):
                a = m.actor
                if m.start < phrase.start and a.kind == "person" and a.role and (
                        role in a.role or a.role in role or head.lower_ in a.role):
                    if code is None or a.code == code:
                        target = a
                        break
        if target is None and code:  # "a Pakistani official", "a Polish defence ministry spokesman"
            first = head.left_edge.i if head.left_edge.i >= phrase.start - 5 else phrase.start
            if doc[first].lower_ in ("a", "an", "the", "one", "another"):
                first += 1
            target = self.actor(("anonymous", code, role, phrase.start), name=doc[first:phrase.end].text,
                                kind="person", code=code, sector=body_sector or entry.get("sector"), role=role,
                                gender=entry.get("gender"), source="text")
        if target is not None:
            self.mention(phrase.start, phrase.end, target, "description")

    def pairs(self) -> None:
        """Definite references back to what the article named: "the two countries" and "the three
        states" (the states it is most about), "the North" (North Korea, where it is named), "the
        court" (the International Court of Justice named before)."""
        doc = self.doc
        counts = Counter(m.actor.code for m in self.mentions if m.actor.kind == "state")
        named = {self.kb.state_name(c): c for c in counts}
        for t in doc:
            if t.i == 0 or t.i in self.taken or doc[t.i - 1].lower_ not in ("the", "both", "all"):
                if not (t.i > 0 and doc[t.i - 1].lower_ in COUNTS and t.lower_ in COLLECTIVES):
                    continue
            prev = doc[t.i - 1].lower_
            if t.lower_ in COLLECTIVES and prev in COUNTS:
                n = COUNTS[prev]
                # two: the pair the article is about; more: the last listing of that many states
                group = [c for c, _ in counts.most_common(2)] if n == 2 and t.lower_ in PAIR_NOUNS \
                    else last_listing(doc[max(0, t.i - 1 - LISTING_REACH):t.i - 1], n, _gazetteer_states)
                if len(group) == n:
                    for code in group:
                        self.mention(t.i - 1, t.i + 1, self.state(code), "description")
            elif t.text in ("North", "South") and (t.i + 1 == len(doc) or not doc[t.i + 1].text[:1].isupper()):
                match = [c for name, c in named.items() if name and name.startswith(t.text + " ")]
                if len(match) == 1:
                    self.mention(t.i, t.i + 1, self.state(match[0]), "description")
            elif t.lower_ in BODY_NOUNS and t.pos_ == "NOUN" and not any(c.dep_ == "compound" for c in t.children):
                body = self.named_body(t)
                if body is not None:
                    self.mention(t.i, t.i + 1, body, "description")

    def named_body(self, t: Token) -> Actor | None:
        """The latest organization named before ``t`` whose name holds the noun ``t``."""
        for m in sorted(self.mentions, key=lambda m: -m.start):
            a = m.actor
            if m.start < t.i and m.kind == "name" and a.kind in ("igo", "organization", "bloc") and \
                    t.lower_ in a.name.lower().split():
                return a
        return None

    def pronouns(self) -> None:
        persons = sorted((m for m in self.mentions if m.actor.kind == "person"), key=lambda m: m.start)
        if not persons:
            return
        sent_of = [0] * len(self.doc)  # sentence number of each token
        for n, sent in enumerate(self.doc.sents):
            sent_of[sent.start:sent.end] = [n] * (sent.end - sent.start)
        for t in self.doc:
            gender = PRONOUNS.get(t.lower_)
            if not gender or t.i in self.taken:
                continue
            target = None
            fits = [m for m in persons if m.start < t.i and sent_of[t.i] - 2 <= sent_of[m.start]
                    and m.actor.gender in (None, gender)]  # this and the two sentences before
            # in its own sentence a pronoun prefers the subject ("X held talks with Y before flying to
            # Z, where he met ..."); across sentences, the latest mention
            here = [m for m in fits if sent_of[m.start] == sent_of[t.i] and m.actor.kind == "person"
                    and self.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")]
            if here and len({id(m.actor) for m in fits if sent_of[m.start] == sent_of[t.i]}) > 1:
                target = here[-1].actor
            elif fits:
                target = fits[-1].actor
            if target is not None:
                target.gender = target.gender or gender
                persons.append(self.mention(t.i, t.i + 1, target, "pronoun"))
                persons.sort(key=lambda m: m.start)


def last_listing(tokens: Span, n: int, codes_of: Callable[[Token], list[str]]) -> list[str]:
    """The codes of the last run of ``n`` states named one after another among ``tokens`` ("Mali,
    Niger and Chad"), read with ``codes_of``; [] when no run has that many."""
    found: list[str] = []
    run: list[str] = []  # codes of the listing being read: states joined by commas and "and"
    for t in tokens:
        codes = codes_of(t)
        if codes:
            run += [c for c in codes if c not in run]
        elif t.lower_ not in LIST_JOINERS:
            found = run if len(run) == n else found
            run = []
    return run if len(run) == n else found


def _gazetteer_states(t: Token) -> list[str]:
    """The state a token names by the gazetteer ruler (its name, seat or adjective)."""
    kind, _, key = t.ent_id_.partition(":")
    return [key] if kind in ("state", "seat", "adj") and key else []
