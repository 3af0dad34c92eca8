"""Obligation clauses of treaties: ATOP type, direction, trigger and scope.

A sentence holds a clause when it has an obligation phrase of
``data/treaty_terms.toml`` ("military assistance", "mutual defence", "remain
neutral", "consult each other", or "defend"/"consult" under an obliging verb or
modal) and belongs to a treaty: one is mentioned in it, or it carries a clause
cue ("stipulates", "Article 6", "under it") a few sentences after one.

Direction: a mutual cue ("mutual", "each other", "if one side is invaded, the
other ...") binds every party to every other. Otherwise the obligor is who is
obliged (the subject, or the object of "obliges") and the beneficiary whom the
clause protects (the object of "defend", "assistance to X", "X's defence"); a
clause naming one side leaves the other parties as the other side, and a clause
naming neither binds all parties both ways. Negated clauses ("does not include a
mutual defence clause") give nothing.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from tidings.model import Obligation
from tidings.pipeline.actors import actors_of
from tidings.pipeline.dates_clause import clause_head
from tidings.pipeline.treaties_parties import fill_parties, is_party

if TYPE_CHECKING:
    from tidings.pipeline.treaties import Draft, _Reader

OBLIGATION_TYPES = ("defense", "offense", "neutrality", "nonaggression", "consultation")
SCOPE_CHARS = 200
_QUOTE_MARKS = "“”\"‘’'"


class ClauseReader:
    def __init__(self, nlp: Language, terms: dict[str, Any]) -> None:
        ob = terms["obligations"]
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        for typ in OBLIGATION_TYPES:
            if ob.get(typ):
                self.phrases.add(typ, list(nlp.tokenizer.pipe(ob[typ])))
        self.verbs = Matcher(nlp.vocab)
        for typ in OBLIGATION_TYPES:
            if ob.get(f"{typ}_lemmas"):
                self.verbs.add(typ, [[{"LEMMA": {"IN": ob[f"{typ}_lemmas"]}, "POS": "VERB"}]])
        self.verbs.add("defense", [[{"LEMMA": "come"}, {"LOWER": "to"}, {"OP": "{0,4}"},
                                    {"LOWER": {"IN": ob.get("defense_come_to", [])}}],
                                   [{"LEMMA": "guarantee", "POS": "VERB"}, {"OP": "{0,4}"},
                                    {"LOWER": {"IN": ob.get("defense_guarantee", [])}}]])
        self.prose = _prose_matcher(nlp, ob)
        self.mutual = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.mutual.add("MUTUAL", list(nlp.tokenizer.pipe(terms["mutual"]["phrases"])))
        self.frames = set(terms["frames"]["lemmas"])
        self.modals = set(terms["frames"]["modals"])
        self.cues = set(terms["clause_cues"]["lemmas"])
        self.triggers: dict[str, str] = terms["triggers"]
        self.labels = {nlp.vocab.strings[t]: t for t in OBLIGATION_TYPES}

    def read(self, doc: Doc, reader: "_Reader") -> None:
        hits: list[Span] = [Span(doc, s, e, label=self.labels[k]) for k, s, e in self.phrases(doc)]
        hits += [Span(doc, s, e, label=self.labels[k]) for k, s, e in self.verbs(doc)
                 if self._obliged(doc[s])]
        prose = [Span(doc, s, e, label=self.labels[k]) for k, s, e in self.prose(doc)]
        hits += [sp for sp in prose if self._obliged(sp.root)]
        by_sentence: dict[int, list[Span]] = {}
        for span in filter_spans(hits):
            by_sentence.setdefault(span.sent.start, []).append(span)
        names = [m.extent for m in reader.mentions if m.name]
        chain: tuple[int, "Draft"] | None = None  # the clause sentence just read: "Article 1 ... Article 3 ..."
        for spans in by_sentence.values():
            sent = spans[0].sent
            # "the Mutual Defense Treaty commits Washington to ...": a clause beats the treaty's name
            in_name = [s for s in spans if any(s.start in r for r in names)]
            clause = [s for s in spans if s not in in_name]
            spans = clause or in_name
            spans = [sp for sp in spans if self._treaty_for(reader, sent, sp, chain) is not None]
            if not spans:
                continue
            draft = self._treaty_for(reader, sent, spans[0], chain)
            spans = [sp for sp in spans if self._treaty_for(reader, sent, sp, chain) is draft]
            mutual = any(not any(s in r for r in names) for _, s, _ in self.mutual(sent))
            if not clause:
                mutual = mutual or bool(self.mutual(sent))
            trigger = self._trigger(sent, [s for s in spans if s.label_ in ("nonaggression", "neutrality")])
            found = False
            spans = [sp for sp in spans if not _negated(sp)]
            # who each clause binds and protects, read before any pairing: "commits X to ... and obliges Y
            # not to attack X" names both sides only between its two clauses
            sides = [([], []) if mutual else (_obligors(doc, sp), _beneficiaries(doc, sp)) for sp in spans]
            for obligors, beneficiaries in sides:
                draft.add_parties(obligors + beneficiaries)
            if mutual and len(draft.treaty.parties) < 2:
                draft.add_parties(fill_parties(doc, sent, draft.treaty.parties,
                                               [c for sp in spans for c in _obligors(doc, sp)]))
            for span, (obligors, beneficiaries) in zip(spans, sides):
                scope = _scope(span) if clause else None
                cause = None if span.label_ == "nonaggression" else trigger  # a duty to abstain has no trigger
                for a, b in _direction(draft.treaty.parties, obligors, beneficiaries, mutual):
                    found = True
                    self._add(draft, Obligation(a, b, span.label_, cause, scope))
            if found:
                draft.treaty.evidence.append((sent.start_char, sent.end_char))
                chain = (sent.end, draft)

    def _obliged(self, tok: Token) -> bool:
        """ "shall defend", "is obliged to defend", "pledged to come to the aid of": a duty, not a deed."""
        if tok.lemma_.lower() in self.frames or any(c.dep_ == "aux" and c.lower_ in self.modals for c in tok.children):
            return True  # "guarantees the security of", "shall defend"
        t = tok
        for _ in range(3):
            if t.head.i == t.i:
                return False
            t = t.head
            if t.lemma_.lower() in self.frames:
                return True
        return False

    def _treaty_for(self, reader: "_Reader", sent: Span, span: Span,
                    chain: "tuple[int, Draft] | None" = None) -> "Draft | None":
        """The treaty whose clause ``span`` is: one it is said of in this sentence, one just named, or that of
        the clause in the sentence just before (``chain``: where that sentence ends, its treaty)."""
        here = [m for m in reader.mentions if sent.start <= m.head.i < sent.end]
        if here:
            related = [m for m in here if _said_of(span, m.head)]
            return min(related, key=lambda m: abs(m.head.i - span.root.i)).treaty if related else None
        if any(t.lemma_.lower() in self.cues or t.lower_ == "it" and (
                t.dep_ == "nsubj" or t.dep_ == "pobj" and t.head.i < t.i and t.head.lower_ in ("in", "by"))
               for t in sent):
            return reader.recent(span.root) or (chain[1] if chain and chain[0] == sent.start else None)
        return None

    def _trigger(self, sent: Span, skip: list[Span]) -> str | None:
        """What sets the duty off, from the clause's condition ("if one side is invaded")."""
        conditional = [t for t in sent if t.dep_ == "mark" and t.lower_ in ("if", "should", "when", "whenever")
                       or t.lower_ in ("case", "event") and t.head.lower_ == "in"]
        pool = [t for c in conditional for t in c.head.subtree] or [
            t for t in sent if not any(s.start <= t.i < s.end for s in skip)]  # "non-aggression" sets off nothing
        for t in pool:
            hit = self.triggers.get(t.lower_) or self.triggers.get(t.lemma_.lower())
            if hit:
                return hit
        return None

    @staticmethod
    def _add(draft: "Draft", ob: Obligation) -> None:
        for old in draft.treaty.obligations:
            if (old.obligor, old.beneficiary, old.type) == (ob.obligor, ob.beneficiary, ob.type):
                old.trigger = old.trigger or ob.trigger
                old.scope = old.scope or ob.scope
                return
        draft.treaty.obligations.append(ob)


def _direction(parties: list[str], obligors: list[str], beneficiaries: list[str],
               mutual: bool) -> list[tuple[str, str]]:
    """Ordered (obligor, beneficiary) pairs: every party to every other for a mutual clause or one naming
    no side; else the named side against the other parties."""
    if mutual or not obligors and not beneficiaries:
        return [(a, b) for a in parties for b in parties if a != b]
    if not beneficiaries:
        beneficiaries = [p for p in parties if p not in obligors]
    if not obligors:
        obligors = [p for p in parties if p not in beneficiaries]
    return [(a, b) for a in obligors for b in beneficiaries if a != b]


def _prose_matcher(nlp: Language, ob: dict[str, Any]) -> Matcher:
    """Duties as news prose words them: "refrain from the threat or use of force", "not to attack X",
    "settle their differences through negotiations" (vocabulary in ``[obligations]``)."""
    m = Matcher(nlp.vocab)
    m.add("nonaggression", [
        [{"LEMMA": {"IN": ob.get("nonaggression_abstain", [])}}, {"OP": "{0,6}"},
         {"LOWER": {"IN": ob.get("nonaggression_abstain_objects", [])}}],
        [{"LOWER": {"IN": ["not", "never", "n't"]}}, {"LOWER": "to", "OP": "?"},
         {"LEMMA": {"IN": ob.get("nonaggression_not", [])}, "POS": "VERB"}],
        [{"LOWER": {"IN": ["not", "never", "n't"]}}, {"LOWER": "to", "OP": "?"}, {"LEMMA": {"IN": ["use", "employ"]}},
         {"LOWER": {"IN": ob.get("nonaggression_use_objects", [])}}]])
    m.add("consultation", [
        [{"LEMMA": {"IN": ob.get("consultation_settle", [])}, "POS": "VERB"}, {"OP": "{0,6}"},
         {"LOWER": {"IN": ["through", "by", "via"]}}, {"OP": "{0,3}"},
         {"LOWER": {"IN": ob.get("consultation_means", [])}}]])
    return m


def _said_of(span: Span, head: Token) -> bool:
    """Whether the clause ``span`` is part of treaty ``head``: inside its phrase ("a treaty that guarantees
    mutual support"), or in a clause the treaty governs ("the treaty stipulates that ...", "under the treaty")."""
    if head.left_edge.i <= span.start and span.end - 1 <= head.right_edge.i:
        return True
    v = clause_head(span.root)
    for t in [v, *v.ancestors]:
        for c in t.children:
            if c.i == head.i or c.dep_ == "prep" and any(g.i == head.i for g in c.children):
                return True
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that") and head.i < c.i:
                return True  # ", which commits each party to ...": a relative clause parsed loose
    return False


def _codes(doc: Doc, tok: Token) -> list[str]:
    return [a.code for a in actors_of(doc, tok) if a.code and is_party(a.code, a.kind)]


def _obligors(doc: Doc, span: Span) -> list[str]:
    """Who is bound: the subject of the duty's verb, or the object of "obliges"/"commits"."""
    v = clause_head(span.root)
    out: list[str] = []
    for t in (v, v.head if v.dep_ in ("xcomp", "pcomp", "advcl", "ccomp") else None,
              v.head.head if v.dep_ == "pcomp" else None):
        if t is None:
            continue
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass") or c.dep_ == "dobj" and t.i != v.i:
                out += _codes(doc, c)
        if out:
            break
    return list(dict.fromkeys(out))


def _beneficiaries(doc: Doc, span: Span) -> list[str]:
    """Whom the duty protects: "defend Japan", "assistance to Armenia", "Japan's defence", "aid of Manila"."""
    out: list[str] = []
    abstain = span.label_ == "nonaggression"  # "not use force against X"
    for t in span:
        for c in t.children:
            if c.dep_ == "poss" or c.dep_ == "dobj" and t.pos_ == "VERB":
                out += _codes(doc, c)
            elif c.dep_ == "prep" and (c.lower_ in ("to", "for", "of") or c.lower_ == "against" and abstain):
                for obj in c.children:
                    if obj.dep_ == "pobj":
                        out += _codes(doc, obj)
    return list(dict.fromkeys(out))


def _negated(span: Span) -> bool:
    """Whether the clause denies the duty; a negation inside the phrase ("not attack each other") is its content."""
    v = clause_head(span.root)
    if any(c.dep_ == "neg" and not span.start <= c.i < span.end for c in v.children):
        return True
    if span.root.head.lower_ == "without":
        return True
    return any(c.lower_ == "no" for t in span for c in t.children) or span.root.head.lower_ == "no"


def _scope(span: Span) -> str:
    """What the duty is: the phrase and the rest of its verb phrase, as the article words it."""
    doc = span.doc
    root = span.root
    start = min(span.start, root.left_edge.i) if root.left_edge.i >= span.start - 3 else span.start
    v = clause_head(root)
    end = v.right_edge.i + 1 if root.head.i == v.i or root.i == v.i else root.right_edge.i + 1
    end = max(end, span.end)
    if doc[start].lower_ == "to" and doc[start].dep_ == "aux":
        start += 1
    text = doc[start:end].text.strip().strip(_QUOTES_AND_PUNCT)
    return text[:SCOPE_CHARS]


_QUOTES_AND_PUNCT = _QUOTE_MARKS + ".,;: "
