"""Argument roles of a trigger: which phrases give an event its actors and recipients (subjects,
objects, datives, possessives, light verbs, prepositions), as the lexicon lists them per sense.
Mixed into the events coder (:mod:`tidings.pipeline.events`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from tidings.model import Actor
from tidings.pipeline.events_args import Args, governor
from tidings.pipeline.events_lexicon import Lexicon, Sense
from tidings.pipeline.events_modality import predicate

if TYPE_CHECKING:
    from tidings.pipeline.events_select import Selector, Trigger


class Roles:
    doc: Doc
    lex: Lexicon
    args: Args
    sel: "Selector"
    _own: dict[tuple[int, int], tuple[list[Actor], list[Actor]]]

    def role(self, trig: Trigger, role: str) -> list[Actor]:
        a, tok, kind = self.args, trig.tok, trig.kind
        heads: list[Token] = []
        if role == "subj":
            pred = tok if kind == "verb" else predicate(tok)
            heads = a.subjects(pred) or (a.subjects(tok) if pred.i != tok.i else [])
            if not heads and trig.sense and trig.sense.role in ("intent", "agree", "refuse"):
                # "Vietnam is committed to ...", "Israel is opposed to ...": adjectival passives
                heads = [c for n in (tok, pred) for c in n.children if c.dep_ == "nsubjpass"]
        elif role == "obj":
            heads = a.prep_objects(tok, "of") if kind == "noun" else a.objects(tok)
        elif role == "dative":
            heads = [c for c in tok.children if c.dep_ == "dative" and c.pos_ != "ADP"]
        elif role in ("poss", "mod"):
            deps = ("poss",) if role == "poss" else ("compound", "amod", "nmod")
            if role == "mod" and self.lex.in_class(tok.lemma_.lower(), ["TREATY"]) and any(
                    c.dep_ in deps and c.ent_id_.startswith("seat:") for c in tok.children):
                return []  # "the Pretoria agreement": named for where it was signed, not by whom
            for c in tok.children:
                if c.dep_ in deps and not (trig.start <= c.i < trig.end):
                    found = a.np_actors(c)
                    if found:
                        return found
            return a.adjective_actors(tok) if role == "mod" else []
        elif role == "light":
            gov, prep = governor(tok)
            rel = next((c for c in tok.children if c.dep_ == "relcl" and a.objects(c) == [tok] and (
                self.lex.lemma(c) in self.lex.light or self._listed_gov(trig, c))), None)
            if gov is None and rel is not None:  # "the ceasefire that Moscow declared"
                gov, prep = rel, None
            if gov is not None and (self.sel.light_governor(gov, prep) or self._listed_gov(trig, gov)):
                if self.lex.lemma(gov) in self.lex.reverse:
                    return []
                heads = a.subjects(gov)
                if not heads and prep:  # "Serb forces were engaged in ethnic cleansing"
                    heads = [c for c in gov.children if c.dep_ == "nsubjpass"]
            elif gov is not None and trig.sense and trig.sense.visit and prep:
                heads = a.subjects(gov)  # "during a meeting with X, Choe said": Choe met X
        elif role == "obj_owner":  # "dismissed the Pakistani account", "rejected Kyiv's claims"
            out = []
            for o in a.objects(tok) if kind == "verb" else []:
                own = [x for c in o.children if c.dep_ == "poss" for x in a.np_actors(c)]
                out += [x for x in own or a.adjective_actors(o) if x not in out]
            return out
        elif role == "speaker":  # "the spokesman said the accusation was baseless": who judges it
            say = self.speech_head(tok)
            heads = a.subjects(say) if say is not None else []
        elif role == "gov_subj":  # "the council met at the request of France"
            gov, _ = governor(tok)
            heads = a.subjects(gov) if gov is not None and kind == "noun" else []
        elif role == "gov_obj":  # "would join X for joint patrols"
            gov, _ = governor(tok)
            heads = a.objects(gov) if gov is not None and kind == "noun" else []
        elif role == "between":
            heads = [h for p in a.prep_objects(tok, "between") for h in (p, *p.conjuncts)]
        elif role == "comp_subj":
            heads = [s for c in tok.children if c.dep_ in ("ccomp", "xcomp") for s in c.children
                     if s.dep_ in ("nsubj", "nsubjpass")]
        else:
            heads = a.prep_objects(tok, role)
            if not heads and role == "against":  # "mobilized reservists for a war against Iraq"
                heads = [h for p in a.prep_objects(tok, ("for", "in", "to")) for h in a.prep_objects(p, role)]
            if not heads and kind == "noun":
                gov, _ = governor(tok)
                if gov is not None:  # the governor's phrase, not the one the noun itself heads
                    heads = [h for h in a.prep_objects(gov, role) if h.i != tok.i]
            elif not heads and kind == "verb":
                for o in a.objects(tok):
                    heads += a.prep_objects(o, role)
        out: list[Actor] = []
        for h in heads:
            out += [x for x in a.np_actors(h) if x not in out]
        if not out and role == "subj" and kind == "verb" and tok.dep_ == "conj" and tok.head.dep_ == "ccomp" \
                and (tok.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "dobj" for c in tok.children)):
            # "the spokesman said the charge was false and called on Niger to ...": the parser
            # hung the second verb on the reported clause; it belongs to the speaker
            out = [x for h in a.subjects(tok.head.head) for x in a.np_actors(h)]
        return out

    def _listed_gov(self, trig: Trigger, gov: Token) -> bool:
        g = trig.sense.cond("gov") if trig.sense else None
        return bool(g) and self.lex.in_class(self.lex.lemma(gov), g)

    def own_args(self, trig: Trigger, sense: Sense | None = None) -> tuple[list[Actor], list[Actor]]:
        sense = sense or trig.sense
        assert sense is not None
        key = (trig.tok.i, sense.index)
        if key in self._own:
            return self._own[key]
        saved, trig.sense = trig.sense, sense
        kind = "noun" if trig.kind == "noun" else "verb"
        aroles = sense.actor_roles or self.lex.actor_roles[kind]
        actors: list[Actor] = []
        for r in aroles:
            actors = self.role(trig, r)
            if actors:
                break
        recips: list[Actor] = []
        for r in sense.recipient_roles or self.lex.recipients[sense.type]:
            recips = [x for x in self.role(trig, r) if x not in actors]
            if recips:
                break
        if sense.role == "evaluate":
            actors, recips = self.evaluation(trig)
        gov, _ = governor(trig.tok)
        if trig.kind == "noun" and gov is not None and self.lex.lemma(gov) in self.lex.reverse:
            recips = [x for h in self.args.subjects(gov) for x in self.args.np_actors(h)]
            actors = self.role(trig, "from") or self.role(trig, "by")
        if sense.role == "host":
            actors, recips = recips, actors
        trig.sense = saved
        self._own[key] = (actors, recips)
        return actors, recips

