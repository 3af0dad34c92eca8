"""The reporting-cue lexicon (``data/cues.toml``) and the parse walks shared by quotes and claims:
who is the subject of a cue, and which actor of the article a subject phrase is."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.vocab import Vocab

from spacy.tokens import Doc, Span, Token

from tidings import resources
from tidings.model import Actor
from tidings.pipeline.actors import actors_at, actors_of, mention_index

RELATIVE = {"who", "that", "which", "whom"}
SUBJECTS = ("nsubj", "csubj")
INHERITS = ("advcl", "conj", "xcomp")  # participles and conjuncts share the subject of their head
ANAPHORS = {"it": ("state", "igo", "bloc", "group", "organization"),
            "they": ("state", "igo", "bloc", "group", "organization", "person")}
VERBAL = ("VERB", "AUX")


@dataclass(frozen=True)
class Cues:
    speech: frozenset[str]
    clause: frozenset[str]
    particles: dict[str, str]
    nouns: frozenset[str]
    according: tuple[str, ...]
    quoted_as: frozenset[str]
    relay: frozenset[str]
    texts: frozenset[str]
    issued: frozenset[str]
    stance_verbs: dict[str, frozenset[str]]  # stance -> verb lemmas
    claim_nouns: frozenset[str]
    hedges: frozenset[str]
    report_sources: frozenset[str]
    assessors: frozenset[str]
    assessing: frozenset[str]
    deny_labels: frozenset[str]
    decline_phrases: tuple[str, ...]
    questions: frozenset[str] = frozenset()  # "Asked whether ...": the verb that puts a question


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue lexicon, parsed once per process."""
    data = resources.load("cues.toml")
    sp, st = data["speech"], data["stance"]
    return Cues(
        speech=frozenset(sp["verbs"]), clause=frozenset(sp["clause_verbs"]),
        particles=dict(sp.get("particles", {})), nouns=frozenset(sp["nouns"]),
        according=tuple(sp["according"]), quoted_as=frozenset(sp["quoted_as"]),
        relay=frozenset(data["relay"]["verbs"]), texts=frozenset(data["documents"]["texts"]),
        issued=frozenset(data["documents"]["issued"]),
        stance_verbs={name: frozenset(st[name].get("verbs", [])) for name in st},
        claim_nouns=frozenset(st["alleges"]["nouns"]), hedges=frozenset(st["alleges"]["adverbs"]),
        report_sources=frozenset(st["alleges"]["sources"]),
        assessors=frozenset(st["alleges"]["assessors"]), assessing=frozenset(st["alleges"]["assessing"]),
        deny_labels=frozenset(st["denies"]["labels"]),
        decline_phrases=tuple(st["declines"]["phrases"]), questions=frozenset(st["declines"]["questions"]))


class WordSets:
    """Tokens whose lemma (or lower-case form) is in one of several word sets, found with one
    array lookup per doc rather than a Matcher pass over every token for each set."""

    def __init__(self, vocab: Vocab, sets: dict[str, tuple[str, Iterable[str]]]) -> None:
        self.sets = {name: (0 if attr == "LEMMA" else 1,
                            numpy.array(sorted(vocab.strings.add(w) for w in words), dtype="uint64"))
                     for name, (attr, words) in sets.items()}

    def __call__(self, doc: Doc) -> dict[str, list[int]]:
        if not len(doc):
            return {name: [] for name in self.sets}
        arr = doc.to_array([LEMMA, LOWER]).reshape(len(doc), 2)
        return {name: numpy.flatnonzero(numpy.isin(arr[:, col], hashes)).tolist()
                for name, (col, hashes) in self.sets.items()}


def text_of(doc: Doc) -> str:
    """The doc's text, cached: ``Doc.text`` joins every token anew on each access."""
    text = doc.user_data.get("tidings_text")
    if text is None:
        art = doc._.article
        size = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        # the doc was made from the article's text, which the tokenizer keeps whole
        text = art.text if art is not None and len(getattr(art, "text", "")) == size else doc.text
        doc.user_data["tidings_text"] = text
    return text


def sentence_starts(doc: Doc) -> list[int]:
    """Token index where each sentence starts (cached on the doc, as plain ints)."""
    starts = doc.user_data.get("tidings_sent_starts")
    if starts is None:
        starts = doc.user_data["tidings_sent_starts"] = [s.start for s in doc.sents]
    return starts


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence holding token ``i``; ``Token.sent`` walks the whole doc on every call."""
    starts = sentence_starts(doc)
    n = bisect_right(starts, i) - 1
    end = starts[n + 1] if n + 1 < len(starts) else len(doc)
    return doc[starts[n]:end]


def phrase_pattern(phrase: str) -> list[dict[str, object]]:
    """A Matcher pattern from the lexicon's phrase syntax: ``a|b`` either lemma, ``?`` one optional word."""
    out: list[dict[str, object]] = []
    for item in phrase.split():
        if item == "?":
            out.append({"OP": "?", "IS_PUNCT": False})
        else:
            out.append({"LEMMA": {"IN": item.split("|")}})
    return out


def is_cue(tok: Token, lemmas: frozenset[str]) -> bool:
    """``tok`` is a verb of ``lemmas`` (with its particle where the lexicon asks for one)."""
    lemma = tok.lemma_.lower()
    if lemma not in lemmas or tok.pos_ not in VERBAL and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN"):
        return False
    particle = cues().particles.get(lemma)
    return particle is None or any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children)


def negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def own_subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in SUBJECTS:
            return c
    return None


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The phrase that does ``verb``: its subject, the one quoted ("X was quoted as saying"),
    a passive agent, or the subject it inherits ("..., adding that", "who said")."""
    c = cues()
    if verb.lemma_.lower() in c.quoted_as:
        for ch in verb.children:
            if ch.dep_ in ("dobj", "nsubjpass"):
                return ch
    subj = own_subject(verb)
    if subj is not None:
        if subj.lower_ in RELATIVE and verb.dep_ == "relcl":
            return verb.head
        return subj
    for ch in verb.children:
        if ch.dep_ == "agent":
            for g in ch.children:
                if g.dep_ == "pobj":
                    return g
    if depth > 4 or verb.head.i == verb.i:
        return None
    head = verb.head
    if verb.dep_ in INHERITS and head.pos_ in VERBAL:
        return subject_of(head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in VERBAL:  # "quoted as saying"
        return subject_of(head.head, depth + 1)
    if verb.dep_ == "pcomp" and head.lower_ == "as" and head.head.pos_ in ("PROPN", "NOUN"):
        return head.head  # the same, misparsed: "quoted leader Kim as saying" with Kim as the head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):  # "a statement saying"
        return head
    return None


@dataclass(frozen=True)
class Speaker:
    """Who a subject phrase names: an actor, a document (no speaker), or nobody known."""

    actor: Actor | None
    token: Token | None
    document: bool = False

    @property
    def found(self) -> bool:
        return self.actor is not None or self.document


NOBODY = Speaker(None, None)


def speaker_of(doc: Doc, tok: Token) -> Speaker:
    c = cues()
    lemma = tok.lemma_.lower()
    found = actors_at(doc, tok)
    if not found and lemma in c.texts | c.issued:
        if lemma in c.issued:
            issuer = _issuer(doc, tok)
            if issuer is not None:
                return issuer
        return Speaker(None, tok, document=True)
    persons = [a for a in found if a.kind == "person"]
    if persons:
        return Speaker(persons[0], tok)
    for ch in tok.children:
        if ch.dep_ == "appos":
            people = [a for a in actors_of(doc, ch) if a.kind == "person"]
            if people:
                return Speaker(people[0], ch)
    found = found or actors_of(doc, tok)
    if not found:  # "a spokesman for the foreign ministry", "officials in Kyiv"
        for ch in tok.children:
            if ch.dep_ == "prep" and ch.lower_ in ("for", "of", "at", "in", "from"):
                obj = next((g for g in ch.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    found = actors_of(doc, obj)
                    if found:
                        break
    if found:
        people = [a for a in found if a.kind == "person"]
        return Speaker((people or found)[0], tok)
    if tok.lower_ in ANAPHORS:
        a = _antecedent(doc, tok, ANAPHORS[tok.lower_])
        if a is not None:
            return Speaker(a, tok)
    if tok.lower_ in ("he", "she") and tok.i > 0:
        # "An RSF spokesman rejected the charges. He said ...": a person the resolver has no
        # name for, so no pronoun link; the subject of the sentence before stands in
        prev = sentence_of(doc, sentence_of(doc, tok.i).start - 1) if sentence_of(doc, tok.i).start > 0 else None
        root = prev.root if prev is not None else None
        subj = own_subject(root) if root is not None else None
        if subj is not None and subj.lower_ not in ("he", "she", "it", "they"):
            spk = speaker_of(doc, subj)
            if spk.actor is not None:
                return Speaker(spk.actor, tok)
    return NOBODY


def _issuer(doc: Doc, tok: Token) -> Speaker | None:
    """"The ministry's statement", "a statement by/from the ministry"."""
    for ch in tok.children:
        if ch.dep_ in ("poss", "compound", "nmod", "amod"):
            found = actors_of(doc, ch)
            if found:
                return Speaker(found[0], ch)
        if ch.dep_ == "prep" and ch.lower_ in ("by", "from", "of"):
            for g in ch.children:
                if g.dep_ == "pobj":
                    found = actors_of(doc, g)
                    if found:
                        return Speaker(found[0], g)
    return None


def _antecedent(doc: Doc, tok: Token, kinds: tuple[str, ...]) -> Actor | None:
    """The last actor of ``kinds`` that was a subject shortly before ``tok`` ("it said", "they said")."""
    sent = sentence_of(doc, tok.i)
    floor = sentence_of(doc, sent.start - 1).start if sent.start > 0 else 0
    for m in reversed(doc._.mentions or []):
        if m.start >= tok.i:
            continue
        if m.start < floor:
            break
        head = doc[m.end - 1]
        if m.actor.kind in kinds and head.dep_ in ("nsubj", "nsubjpass"):
            return m.actor
    return None


def surface(doc: Doc, tok: Token | None) -> str | None:
    """The words of the mention at ``tok`` ("she", "Choe Son-hui"), else the token itself."""
    if tok is None:
        return None
    ms = mention_index(doc).get(tok.i)
    if ms:
        m = ms[0]
        return doc[m.start:m.end].text
    return tok.text
