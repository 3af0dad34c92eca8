"""Allegations as the text states them, for the claims component: "X accused Y of ...",
"allegations that ...", "X reportedly ...", "is reported to ...", "according to intelligence",
"intelligence officials believe ...", and "..., a claim X denied"."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from tidings.model import Actor, Claim, Event
from tidings.pipeline.actors import actors_of
from tidings.pipeline.quotes_cues import VERBAL, cues, negated, sentence_of, speaker_of, subject_of

LIGHT = {"make", "level", "raise", "repeat", "voice", "issue", "publish", "file", "bring", "press", "renew"}


@dataclass
class Frame:
    """An allegation in the text: the tokens ``lo:hi`` of what is alleged, and by whom."""

    lo: int
    hi: int
    cue: Token
    holders: list[Actor] = field(default_factory=list)
    accused: list[Actor] = field(default_factory=list)  # "accused X of ...": X, for repeats of a claim
    events: list[Event] = field(default_factory=list)  # the coded events of what is alleged
    claims: list[Claim] = field(default_factory=list)


class FrameReader:
    """Reads the allegation frames of a doc from the cue positions the claims component found."""

    def __init__(self, doc: Doc, found: dict[str, list[tuple[int, int]]], declined: set[int]) -> None:
        self.doc, self.found, self.declined = doc, found, declined

    def frames(self) -> list[Frame]:
        """Every allegation frame of the doc, in the order of the cue kinds."""
        doc, out = self.doc, []
        for s, _ in self.found.get("alleges", []):
            tok = doc[s]
            if tok.pos_ not in VERBAL or negated(tok) or s in self.declined:
                continue
            span = self.accused_content(tok)
            if span is not None:
                accused = [a for c in tok.children if c.dep_ == "dobj" for a in actors_of(doc, c)]
                out.append(Frame(*span, tok, self.holders(subject_of(tok), passive_ok=False), accused))
        for s, _ in self.found.get("assessing", []):
            frame = self.assessment(doc[s])
            if frame is not None:
                out.append(frame)
        for s, _ in self.found.get("claim_noun", []):
            noun = doc[s]
            clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp")
                           and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
            if clause is not None:
                out.append(Frame(clause.left_edge.i, clause.right_edge.i + 1, noun, self.issuers(noun)))
            elif noun.head.pos_ in VERBAL and noun.i > noun.head.i and doc[noun.left_edge.i - 1].text == ",":
                # "X has supplied shells to Y, a claim both governments have denied"
                head = noun.head
                out.append(Frame(head.left_edge.i, noun.left_edge.i - 1, noun,
                                  self.holders(subject_of(head.head)) if head.dep_ == "ccomp" else []))
        for s, _ in self.found.get("hedge", []):
            verb = doc[s].head
            out.append(Frame(verb.left_edge.i, verb.right_edge.i + 1, doc[s]))
        for s, e in self.found.get("reported", []):
            verb = doc[s + 1]
            comp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
            if comp is not None:
                out.append(Frame(comp.left_edge.i, comp.right_edge.i + 1, verb))
        for s, e in self.found.get("according", []):
            obj = next((t for t in doc[e - 1].children if t.dep_ == "pobj"), None)
            if obj is None or not ({obj.lemma_.lower(), *(c.lemma_.lower() for c in obj.children)}
                                   & cues().report_sources):
                continue
            sent = sentence_of(doc, s)
            out.append(Frame(sent.start, sent.end, doc[s], self.holders(obj)))
        return out

    def assessment(self, verb: Token) -> Frame | None:
        """"Intelligence officials believe X did Y", "a spy agency said X did Y"."""
        comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        subj = subject_of(verb)
        if comp is None or subj is None or negated(verb):
            return None
        holders = self.holders(subj)
        words = {t.lemma_.lower() for t in subj.subtree}
        if not (words & cues().assessors or any(a.sector == "SPY" for a in holders)):
            return None
        return Frame(comp.left_edge.i, comp.right_edge.i + 1, verb, holders)

    def accused_content(self, verb: Token) -> tuple[int, int] | None:
        """What an accusation verb alleges: "of/for ..." after accuse/blame, the clause after allege."""
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "over"):
                return c.i + 1, c.right_edge.i + 1
            if c.dep_ in ("ccomp", "xcomp"):
                return c.left_edge.i, c.right_edge.i + 1
        return None

    def holders(self, subj: Token | None, *, passive_ok: bool = True) -> list[Actor]:
        if subj is None or not passive_ok and subj.dep_ == "nsubjpass":
            return []
        out: list[Actor] = []
        for t in [subj, *subj.conjuncts]:
            spk = speaker_of(self.doc, t)
            if spk.actor is not None and spk.actor not in out:
                out.append(spk.actor)
        return out

    def issuers(self, noun: Token) -> list[Actor]:
        """Who makes "the allegations that ...": a possessor, "by/from X", or a light verb's subject."""
        for c in noun.children:
            if c.dep_ == "poss":
                return actors_of(self.doc, c)
            if c.dep_ == "prep" and c.lower_ in ("by", "from", "in"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return self.holders(obj)
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT:
            return self.holders(subject_of(noun.head), passive_ok=False)
        return []
