"""Trigger detection: lexicon matches -> one sense per trigger, and which trigger is the
complement of which ("pledged to support", "accused X of sending troops").

A token may match several senses; the first (phrases before single words, then file order)
whose conditions hold on the parse wins. Conditions that look at arguments use
:class:`~tidings.pipeline.events_args.Args`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from tidings.pipeline.actors import actors_at
from tidings.pipeline.events_args import NONHUMAN_PRONOUNS, Args, governor
from tidings.pipeline.events_lexicon import Lexicon, Sense

COMPLEMENT_PREPS = ("to", "for", "on", "of", "into", "against", "at", "in", "from")
PARTICLES = ("out", "back", "off", "away", "down", "up")  # "pulled its forces out" (parsed as an adverb)
TARGET_PREPS = ("at", "on", "against", "into", "toward", "towards", "upon")
QUESTION_MARKS = ("whether", "if", "what", "why", "how", "when", "who", "which", "where")
ABSORBING = ("agree", "intent", "refuse", "request", "order", "threaten", "absorb_only")


@dataclass(eq=False)
class Trigger:
    tok: Token
    options: list[tuple[Sense, int, int]]  # (sense, token start, token end), in preference order
    sense: Sense | None = None
    start: int = 0
    end: int = 0
    complements: list["Trigger"] = field(default_factory=list)
    parent: "Trigger | None" = None  # the trigger this one is the complement of
    absorbed: bool = False  # the object of another trigger's event ("sent troops")

    @property
    def kind(self) -> str:
        pos = self.tok.pos_
        if pos in ("VERB", "AUX"):
            return "verb"
        if pos in ("NOUN", "PROPN", "NUM", "PRON"):
            return "noun"
        if pos == "ADJ":
            return "adj"
        return "other"


def span_root(doc: Doc, start: int, end: int) -> Token:
    roots = [t for t in doc[start:end] if t.head.i == t.i or not (start <= t.head.i < end)]
    for t in roots:
        if t.pos_ in ("VERB", "NOUN", "PROPN", "ADJ"):
            return t
    return roots[0] if roots else doc[start]


def candidates(doc: Doc, lex: Lexicon, matches: list[tuple[int, int, int]]
               ) -> dict[int, list[tuple[Sense, int, int]]]:
    """Token index -> senses it may carry, phrases (longest first) before single words."""
    phrase: dict[int, list[tuple[int, Sense, int, int]]] = {}
    single: dict[int, list[Sense]] = {}
    for key, s, e in matches:
        name = doc.vocab.strings[key]
        if name == "EV_PSTART":
            for text, ps, pe in lex.phrases_at(doc, s):
                root = span_root(doc, ps, pe)
                for sense in lex.phrases.get(text, ()):
                    phrase.setdefault(root.i, []).append((pe - ps, sense, ps, pe))
        elif name in ("EV_verbs", "EV_nouns", "EV_adjs"):
            tok, group = doc[s], name[3:]
            if tok.ent_type_ and tok.ent_type_ != "NORP":
                continue  # "March", "Memorandum of Understanding": part of a name, not a trigger
            senses = lex.words.get((group, tok.lemma_.lower()), []) + lex.words.get((group, tok.lower_), [])
            if not senses:
                senses = lex.words.get((group, lex.forms.get(tok.lower_, "")), [])
            single.setdefault(tok.i, []).extend(senses)
    out: dict[int, list[tuple[Sense, int, int]]] = {}
    for i in sorted(set(phrase) | set(single)):
        opts: list[tuple[Sense, int, int]] = []
        seen: set[tuple[int, int, int]] = set()
        for _, sense, s, e in sorted(phrase.get(i, []), key=lambda x: (-x[0], x[1].index)):
            if (sense.index, s, e) not in seen:
                seen.add((sense.index, s, e))
                opts.append((sense, s, e))
        for sense in sorted(set(single.get(i, [])), key=lambda x: x.index):
            if (sense.index, i, i + 1) not in seen:
                seen.add((sense.index, i, i + 1))
                opts.append((sense, i, i + 1))
        out[i] = opts
    return out



def _gerund(obj: Token, verb: Token) -> bool:
    """A clause, not an object: "denied supplying weapons" (the parser often makes the gerund a
    modifier of the noun after it)."""
    return obj.tag_ == "VBG" or any(c.dep_ == "amod" and c.tag_ == "VBG" and c.i == verb.i + 1
                                    for c in obj.children)

class Selector:
    """Checks sense conditions against the parse."""

    def __init__(self, doc: Doc, lex: Lexicon, args: Args) -> None:
        self.doc, self.lex, self.args = doc, lex, args

    # -- what the conditions look at ---------------------------------------------------
    def object_heads(self, tok: Token, kind: str) -> list[Token]:
        if kind == "noun":
            heads = self.args.prep_objects(tok, "of")
            return heads or [c for c in tok.children if c.dep_ == "compound"]
        heads = self.args.objects(tok)
        if not heads:
            heads = [p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        return heads

    def subject_heads(self, tok: Token, kind: str) -> list[Token]:
        if kind == "noun":
            heads = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
            heads += self.args.prep_objects(tok, "by")
            gov, _ = governor(tok)
            if gov is not None and self.lex.lemma(gov) in self.lex.light:
                heads += self.args.subjects(gov)
        else:
            pred = tok if kind == "verb" else tok.head
            heads = self.args.subjects(pred) or (self.args.subjects(tok) if pred.i != tok.i else [])
        return [self.args.antecedent(h) or h if h.lower_ in NONHUMAN_PRONOUNS else h for h in heads]

    def lemmas(self, heads: list[Token]) -> set[str]:
        out = set()
        for h in [x for h in heads for x in (h, *h.conjuncts)]:  # "cash and weapons"
            out.add(h.lemma_.lower())
            out.add(h.lower_)
            for c in h.children:
                if c.dep_ in ("compound", "amod", "nummod") or (c.dep_ == "prep" and c.lower_ == "of"):
                    out.add(c.lemma_.lower())
                    out.update(p.lemma_.lower() for p in c.children if p.dep_ == "pobj")
        return out

    def matches(self, names: list[str], heads: list[Token], *, heads_only: bool = False) -> bool:
        """Whether a head (or, unless ``heads_only``, its modifiers) is in ``names``."""
        words = {w for h in heads for w in (h.lemma_.lower(), h.lower_)} if heads_only else self.lemmas(heads)
        if any(self.lex.in_class(w, names) for w in words):
            return True
        for marker in ("@actor", "@person", "@igo", "@place", "@civilians"):
            if marker in names:
                for h in heads:
                    found = self.args.np_actors(h) if marker != "@person" else actors_at(self.doc, h)
                    if marker == "@actor" and any(a.code for a in found):
                        return True
                    if marker == "@person" and any(a.kind == "person" for a in found):
                        return True
                    if marker == "@civilians" and any(a.kind == "group" and a.sector in (None, "CVL", "OPP")
                                                      for a in found):
                        return True
                    if marker == "@igo" and any(a.kind == "igo" for a in found):
                        return True
                    if marker == "@place" and (h.ent_type_ in ("GPE", "LOC", "FAC") or any(
                            a.kind in ("state", "place") for a in found)):
                        return True
        return False

    # -- the test ------------------------------------------------------------------------
    def lexical_ok(self, sense: Sense, tok: Token, kind: str) -> bool:
        """Conditions that need only the parse (not arguments or complements)."""
        c = sense.conditions
        if c.get("obj") or c.get("not_obj") or c.get("no_object"):
            heads = self.args.objects(tok) if c.get("direct_obj") else self.object_heads(tok, kind)
            if c.get("obj") and not self.matches(c["obj"], heads):
                return False
            # idioms are told by their head ("took power", not "hit a power plant")
            if c.get("not_obj") and heads and self.matches(c["not_obj"], heads, heads_only=True):
                return False
            if c.get("no_object") and any(h.dep_ == "dobj" and not _gerund(h, tok) for h in heads):
                return False
        if c.get("subj") or c.get("not_subj"):
            heads = self.subject_heads(tok, kind)
            if c.get("subj") and not self.matches(c["subj"], heads):
                return False
            if c.get("not_subj") and heads and self.matches(c["not_subj"], heads):
                return False
        if c.get("prep") or c.get("not_prep"):
            preps = {ch.lower_ for ch in tok.children if ch.dep_ in ("prep", "prt", "agent") or (
                ch.dep_ == "advmod" and ch.lower_ in PARTICLES)}
            if c.get("prep") and not preps & set(c["prep"]):
                return False
            if c.get("not_prep") and preps & set(c["not_prep"]):
                return False
        if c.get("mod") and not any(ch.dep_ in ("amod", "compound", "advmod") and
                                    self.lex.in_class(ch.lemma_.lower(), c["mod"]) for ch in tok.children):
            return False
        if c.get("judges") and not self.matches(c["judges"], self.judged(tok), heads_only=True):
            return False  # "the accusation was baseless": what the label is said of
        if c.get("gov_prep") and governor(tok)[1] not in c["gov_prep"]:
            return False
        if c.get("threat_complement") and not self.threat_complement(tok):
            return False
        if c.get("no_target") and self.has_target(tok):
            return False
        if kind == "noun" and (c.get("gov") or c.get("not_gov") or c.get("light_only")):
            gov, prep = governor(tok)
            if gov is None:  # "the ceasefire that Moscow declared": the relative clause governs it
                gov = next((r for r in tok.children if r.dep_ == "relcl" and self.args.objects(r) == [tok]), None)
            glemma = self.lex.lemma(gov) if gov is not None else None
            if c.get("not_gov") and glemma and self.lex.in_class(glemma, c["not_gov"]):
                return False
            listed = bool(glemma) and c.get("gov") and self.lex.in_class(glemma, c["gov"])
            if c.get("gov") and not c.get("light_only") and not listed:
                return False
            if c.get("light_only") and not (listed or self.light_governor(gov, prep)):
                return False
        return True

    def judged(self, tok: Token) -> list[Token]:
        """What a predicate adjective is said of: "the accusation [was baseless]", "the footage [was
        fabricated]"."""
        if tok.dep_ in ("acomp", "attr"):
            return self.args.subjects(tok.head)
        return [x for x in tok.children if x.dep_ == "nsubjpass"]

    def threat_complement(self, tok: Token) -> bool:
        """A reported clause that holds a condition ("... if it attacked X") or a "would/will"
        with a word of retaliation ("would respond with force", "would be treated as a target")."""
        words = self.lex.modality["threat_words"]
        future = self.lex.modality["future_aux"]
        for c in tok.children:
            if c.dep_ != "ccomp":
                continue
            sub = list(c.subtree)
            if any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in sub):
                return True
            if any(t.dep_ == "aux" and t.lower_ in future for t in sub) and \
                    any(t.lemma_.lower() in words for t in sub):
                return True
        return False

    def has_target(self, tok: Token) -> bool:
        """Whether a weapon is aimed at something: a target phrase other than open water ("fired
        missiles into the sea" is a test, "fired rockets into Israel" an attack)."""
        for p in self.args.prep_objects(tok, TARGET_PREPS):
            if p.ent_type_ not in ("DATE", "TIME") and not self.lex.in_class(p.lemma_.lower(), ["OPEN_WATER"]):
                return True
        return False

    def light_governor(self, gov: Token | None, prep: str | None) -> bool:
        if gov is None:
            return False
        lemma = self.lex.lemma(gov)
        if lemma in self.lex.light or lemma in self.lex.reverse:
            return prep is None or prep in self.lex.light_preps
        return False

    def complement_heads(self, trig: Trigger, triggers: dict[int, Trigger]) -> list[Trigger]:
        """Triggers in the complement of ``trig``: its xcomp/ccomp, object noun, "to"/"of" phrase."""
        tok = trig.tok
        out: list[Trigger] = []
        pass_through = set(self.lex.modality["pass_through"]) | self.lex.light

        def take(x: Token, depth: int) -> None:
            t = triggers.get(x.i)
            if t is not None and t is not trig:
                for y in [x, *x.conjuncts]:
                    ty = triggers.get(y.i)
                    if ty is not None and ty not in out and ty is not trig:
                        out.append(ty)
                return
            if depth < 2 and self.lex.lemma(x) in pass_through:
                for c in x.children:
                    look(c, depth + 1)

        def look(c: Token, depth: int) -> None:
            if c.dep_ in ("xcomp", "ccomp", "dobj", "acl", "attr", "oprd", "acomp"):
                take(c, depth)
            elif c.dep_ == "prep" and c.lower_ in COMPLEMENT_PREPS:
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        take(p, depth)

        for c in tok.children:
            if trig.kind != "noun" and c.dep_ == "acl":
                continue
            look(c, 0)
        if trig.kind == "noun" and tok.dep_ == "dobj" and any(
                o[0].role in (*ABSORBING, "accuse") for o in trig.options):
            # "reiterated its demand that Israel ease ...": the parser hangs the that-clause on the verb
            for c in tok.head.children:
                if c.dep_ == "ccomp" and c.i > tok.i and any(m.dep_ == "mark" and m.lower_ == "that"
                                                             for m in c.children):
                    take(c, 0)
        if trig.kind in ("adj", "other") and tok.head.i != tok.i:
            for c in tok.head.children:
                if c.dep_ in ("xcomp", "ccomp") and c.i != tok.i:
                    take(c, 0)
        return out


def choose(trig: Trigger, sel: Selector, complements: list[Trigger]) -> tuple[Sense, int, int] | None:
    """The first option whose complement conditions hold (lexical ones were checked before)."""
    speech = sel.lex.classes["SPEECH"]
    for sense, s, e in trig.options:
        c = sense.conditions
        if c.get("requires_complement") and not complements:
            xcomps = [ch for ch in trig.tok.children if ch.dep_ in ("xcomp", "ccomp")]
            xcomps += [p for ch in trig.tok.children if ch.dep_ == "prep" and ch.lower_ == "to"
                       for p in ch.children if p.dep_ == "pcomp"]
            if not xcomps or sense.role not in ("refuse", "intent"):
                continue
            if any(x.lemma_.lower() in speech for x in xcomps):
                continue
        if c.get("no_complement") and complements:
            continue
        if sense.role == "request" and any(
                ch.dep_ == "ccomp" and any(m.lower_ in QUESTION_MARKS and m.i < ch.i for m in ch.children)
                for ch in trig.tok.children):
            continue  # "asked whether the delegations had discussed ...": a question, not a request
        if c.get("verbal_complement") and complements and not any(
                x.tok.pos_ in ("VERB", "AUX") for x in complements):
            if not any(ch.dep_ in ("xcomp", "ccomp") for ch in trig.tok.children):
                continue
        if c.get("not_complement"):
            xcomps = [ch for ch in trig.tok.children if ch.dep_ in ("xcomp", "ccomp")]
            if any(x.lemma_.lower() in speech for x in xcomps):
                continue
        return sense, s, e
    return None


def absorbing(sense: Sense | None) -> bool:
    return bool(sense and sense.role in ABSORBING)
