"""What an event's text implies beyond its parse: visits, implied recipients, where groups act,
instruments, contexts, and who really acts (a speaker's passive, a judgement, an accusation
ahead of its denial). Mixed into the events coder (:mod:`tidings.pipeline.events`).
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from tidings.knowledge import knowledge
from tidings.model import Actor
from tidings.pipeline.actors import actors_at
from tidings.pipeline.events_args import STATE_ENT, governor, is_passive
from tidings.pipeline.events_merge import codes
from tidings.pipeline.events_modality import predicate

if TYPE_CHECKING:
    from tidings.pipeline.events import Draft
    from tidings.pipeline.events_args import Args
    from tidings.pipeline.events_lexicon import Lexicon
    from tidings.pipeline.events_select import Trigger


PLACE_NOUNS = ("town", "city", "village", "province", "region", "district", "port", "capital", "area")


def _same_clause(t: Token, pred: Token) -> bool:
    """Whether ``t`` belongs to the clause of ``pred`` (no other finite clause in between)."""
    node = t
    while node.i != pred.i:
        if node.pos_ in ("VERB", "AUX") and node.dep_ in ("ccomp", "conj", "parataxis", "relcl"):
            return False
        if node.dep_ == "prep" and node.lower_ == "as" and any(c.dep_ == "dobj" for c in node.head.children):
            return False  # "condemned the launch as a violation of UN resolutions": a label, not a party
        if node.head.i == node.i:
            return False
        node = node.head
    return True


@lru_cache(maxsize=4)
def _split_contexts(contexts: tuple) -> list[tuple[str, frozenset[str], tuple[str, ...]]]:
    """Context vocabularies split into single words (a set test) and phrases (a substring test)."""
    return [(name, frozenset(w for w in vocab if " " not in w), tuple(w for w in vocab if " " in w))
            for name, vocab in contexts]


class Implied:
    doc: Doc
    lex: "Lexicon"
    args: "Args"

    def visit(self, d: "Draft") -> None:
        """Visitor = actor, host = recipient (CODEBOOK CONSULT); a talk in the recipient's country is a visit."""
        if d.trig.sense and d.trig.sense.role == "host":
            d.mode = "visit"
            return
        if d.actor and all(a.kind in ("igo", "bloc") for a in d.actor):
            return  # "the Security Council met in New York": a body meets where it sits, no one's guest
        loc = None
        tok = d.trig.tok
        near = [*tok.children]
        if tok.dep_ in ("xcomp", "advcl"):  # "is due in Georgetown to discuss", "flies to Brussels to brief"
            before = [c for c in tok.head.children if c.i < tok.i]
            near += before + [x for c in before if c.dep_ == "acomp" for x in c.children]
        for t in tok.subtree if d.trig.kind == "noun" else near:
            if t.dep_ == "prep" and t.lower_ in ("in", "at", "to"):
                for p in t.children:
                    loc = loc or self.args.location_code(p)
        if loc is None:
            return
        acodes, rcodes = set(codes(d.actor)), set(codes(d.recipient))
        if loc not in acodes:
            if not d.recipient:
                d.recipient = [self.args.synth(loc, "GOV", d.trig.tok)]
                d.mode = "visit"
            elif loc in rcodes:
                d.mode = "visit"
        elif rcodes and loc not in rcodes and not d.trig.sense.mode:  # type: ignore[union-attr]
            d.actor, d.recipient, d.mode = d.recipient, d.actor, "visit"

    def implicit_recipient(self, d: "Draft") -> None:
        """Recipients the text implies: the party an "if/unless" clause names for a threat, the
        beneficiary of a purpose clause ("send material to help defend X"), the country where a
        protest or a crackdown happens, or the actor's own (``[implicit_recipient]``)."""
        trig, table = d.trig, self.lex.modality.get("implicit", {})
        tok = trig.tok
        pred = predicate(tok)
        own = set(codes(d.actor))
        # "will impose a curfew" (THREATEN from COERCE) falls on whom the curfew would
        kinds = {d.type, d.converted_from} - {None}
        sector = table["sector"].get(d.type) or table["sector"].get(d.converted_from or "", "GOV")
        if d.type in table.get("condition", ()):
            reported = [c for c in tok.children if c.dep_ == "ccomp"]  # "warned that ... if X attacks"
            for node in (tok, pred, *[c.tok for c in trig.complements], *reported):
                for c in node.children:
                    if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                                 for m in c.children):
                        subj = [x for h in self.args.subjects(c) for x in self.args.np_actors(h)]
                        d.recipient = [x for x in subj if x.code not in own]
                        if d.recipient:
                            return
        if d.type in table.get("purpose", ()):
            for c in [*tok.children, *(x for t in trig.complements for x in t.tok.children)]:
                if c.dep_ in ("xcomp", "advcl"):
                    for t in c.subtree:
                        if t.dep_ in ("dobj", "pobj") and t.i != tok.i:
                            d.recipient = [x for x in self.args.np_actors(t) if x.code not in own]
                            if d.recipient:
                                return
        if kinds & set(table.get("location", ())):
            # "fired shells at targets in Gaza": the object's own phrases place it too
            held = [c for o in self.args.objects(tok) for c in o.children] if trig.kind == "verb" else []
            for t in (*tok.children, *(pred.children if pred.i != tok.i else ()), *held):
                if t.dep_ == "prep" and t.lower_ in ("in", "at", "near", "outside", "inside", "across",
                                                      "throughout", "on", "against"):
                    for p in t.children:
                        code = self.place_code(p)
                        # a recipient equal to the actor would drop the event (events_merge.clean)
                        if code and (code, sector) not in {(a.code, a.sector) for a in d.actor}:
                            term = "government" if sector == "GOV" else None
                            d.recipient = [self.args.synth(code, sector, p, term=term)]
                            return
        if len(own) == 1 and self.domestic_target(d, next(iter(own)), table):
            return
        own_kind = d.type in table.get("own", ()) or d.converted_from in table.get("own", ())
        if own_kind and len(own) == 1 and (d.type in table.get("own", ()) or
                                           not self.other_state(tok.sent, next(iter(own)))):
            code = next(iter(own))
            if (code, sector) not in {(a.code, a.sector) for a in d.actor}:
                d.recipient = [self.args.synth(code, sector, tok)]
            return
        if d.type in table.get("clause", ()):
            # the first other party named in the trigger's own phrase ("rejected a demand from the
            # US president to ..."): the roles above did not reach it through the parse
            subj = {t.i for h in self.args.subjects(pred) for t in h.subtree}
            span = tok.subtree if trig.kind == "verb" else (pred.subtree if pred.i != tok.i else tok.subtree)
            for t in span:
                if t.i in subj or t.i <= tok.i and trig.kind == "verb" or not _same_clause(t, pred):
                    continue
                if t.head.i == tok.i and t.ent_id_.startswith("seat:") and t.dep_ in ("compound", "nmod"):
                    continue  # "the Nairobi agreement": where, not with whom
                found = [a for a in actors_at(self.doc, t) if a.code and a.code not in own]
                if found:
                    d.recipient = found[:1]
                    d.extra["guessed"] = True
                    return

    def where_they_act(self, d: "Draft") -> None:
        """A group active in several countries codes as the one this event happens in (CODEBOOK:
        a non-state group takes the code of the country where it acts): ISSP attacking a Nigerien
        garrison is NER, not its listed home MLI."""
        targets = set(codes(d.recipient))
        for n, a in enumerate(d.actor):
            kind, key = knowledge().surface.get(a.name, ("", None))
            if a.kind == "group" and a.sector == "CVL":  # "Serbs gathered in North Mitrovica": Kosovo's
                place = self.event_place(d.trig)
                here = [place] if place and place != a.code else []
            elif a.kind not in ("group", "organization") or kind != "org":
                continue
            else:
                here = [c for c in knowledge().orgs[key].get("also", ()) if c in targets and c != a.code]
            if here:
                moved = Actor(name=a.name, kind=a.kind, code=here[0], sector=a.sector, source=a.source,
                              mentions=list(a.mentions))
                self.doc._.actors.append(moved)
                d.actor[n] = moved

    def event_place(self, trig: "Trigger") -> str | None:
        """The state an "in/at/near X" phrase of the trigger or its predicate places the event in
        ("Back in North Mitrovica, Serbs gathered": the phrase may hang on an adverb)."""
        tok = trig.tok
        found = self.placed({tok.i: tok, predicate(tok).i: predicate(tok)}.values(),
                            ("in", "at", "near", "outside", "inside"), through_adverbs=True,
                            skip=("embassy", "consulate", "mission", "office"))  # the embassy of Senegal
        return found[0] if found else None

    def placed(self, nodes: Iterable[Token | None], preps: tuple[str, ...], *, through_adverbs: bool = False,
               skip: tuple[str, ...] = ()) -> tuple[str, Token] | None:
        """The first state a place phrase (one of ``preps``) on one of ``nodes`` names, with its head."""
        for node in nodes:
            if node is None:
                continue
            near = [*node.children]
            if through_adverbs:
                near += [x for c in node.children if c.dep_ == "advmod" for x in c.children]
            for t in near:
                if t.dep_ == "prep" and t.lower_ in preps:
                    for p in t.children:
                        code = None if p.lemma_.lower() in skip else self.place_code(p)
                        if code:
                            return code, p
        return None

    def attackers_at(self, d: "Draft") -> list[Actor]:
        """Unnamed attackers code as the country where they strike (CODEBOOK: a non-state group
        takes the code of the country where it acts), when the clause places the attack."""
        tok = d.trig.tok
        gov, _ = governor(tok) if d.trig.kind == "noun" else (None, None)
        # "a bombing near Samarra killed ...", "killed by a bomb outside Basra": the cause's phrases too
        causes = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")] + \
            [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        found = self.placed((tok, predicate(tok), gov, *causes), ("in", "near", "outside", "at", "inside", "across"))
        return [self.args.synth(found[0], None, found[1], kind="group", term="attackers")] if found else []

    def place_code(self, p: Token) -> str | None:
        """The state of a place phrase, also one level down: "the northern city of Kirkuk", "a jail
        in northern Israel", "targets in Jericho"."""
        code = self.args.location_code(p)
        if code or p.dep_ != "pobj":
            return code
        for c in p.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "in", "near"):
                for q in c.children:
                    if q.dep_ == "pobj":
                        code = self.args.location_code(q)
                        if code is None and c.lower_ == "of" and p.lemma_.lower() in PLACE_NOUNS and \
                                q.pos_ == "PROPN":  # "the town of Samarra", whatever the NER called it
                            from tidings.pipeline.places_geo import gazetteer

                            city = gazetteer().city(q.text, set())
                            code = city.code if city is not None else None
                        if code:
                            return code
        return None

    def domestic_target(self, d: "Draft", code: str, table: dict) -> bool:
        """A target named only as a group ("accused rebels of ...", "dispersed demonstrators") is
        of the actor's own country when the text near it names no other state (CODEBOOK: an unnamed
        group codes if its country is clear)."""
        trig = d.trig
        tok = trig.tok
        if trig.kind == "noun":
            heads = self.args.prep_objects(tok, ("of", "against", "on"))
        else:
            heads = self.args.objects(tok) or self.args.prep_objects(tok, ("against", "on"))
        heads = [x for h in heads for x in (h, *h.conjuncts)]
        skip = set(table.get("target_sectors_skip", ()))
        for h in heads:
            entry = self.args.group_entry(h)
            if entry is None or entry["sector"] in skip or any(a.code for a in self.args.np_actors(h)):
                continue
            if self.other_state(tok.sent, code):
                return False
            d.recipient = [self.args.synth(code, entry["sector"], h, kind="group", term=h.text)]
            return True
        return False

    def other_state(self, sent: Span, code: str) -> bool:
        """Whether the sentence or the two before it name a state, its people or a place in it,
        other than ``code`` (a story's other country is often named only in its lead)."""
        start = sent.start
        for _ in range(2):
            if start > 0:
                start = self.doc[start - 1].sent.start
        sent = self.doc[start:sent.end]
        for m in self.doc._.mentions or ():
            if sent.start <= m.start < sent.end and m.actor.code and m.actor.code != code:
                return True
        for ent in sent.ents:
            found = self.args.location_code(ent.root)
            if found and found != code:
                return True
        for t in sent:  # demonyms the actor layer left to the event arguments ("Chinese ships")
            kind, _, key = t.ent_id_.partition(":")
            if kind in STATE_ENT and key and key != code:
                return True
        return False

    def instrument(self, trig: "Trigger") -> str | None:
        pred = predicate(trig.tok)
        words = {t.lower_ for t in pred.subtree} | {t.lower_ for t in trig.tok.subtree}
        for mode, vocab in self.lex.instrument_modes:
            if words & vocab:
                return mode
        return None

    def contexts(self, trig: "Trigger") -> list[str]:
        sense = trig.sense
        out = list(sense.context) if sense else []
        pred = predicate(trig.tok)
        toks = list(pred.subtree)
        words = {t.lower_ for t in toks} | {t.lemma_.lower() for t in toks}
        text = " ".join(t.lower_ for t in toks)
        for name, single, multi in _split_contexts(self.lex.contexts):
            if name not in out and (words & single or any(w in text for w in multi)):
                out.append(name)
        return out

    def speaker_agent(self, trig: Trigger) -> list[Actor]:
        """"Ouagadougou announced that a battalion had been deployed to Niger", "police said 30 people
        were arrested": an authority reporting its own act in the passive is its agent."""
        tok = trig.tok
        if trig.kind != "verb" or not is_passive(tok) or any(c.dep_ == "agent" for c in tok.children):
            return []
        say = self.speech_head(tok)
        if say is None:
            return []
        found = [x for h in self.args.subjects(say) for x in self.args.np_actors(h)]
        return [x for x in found if x.kind in ("state", "person") or x.sector in ("GOV", "MIL", "COP")]

    def speech_head(self, tok: Token) -> Token | None:
        """The speech verb whose reported clause the trigger's predicate is ("said [it was ...]")."""
        pred = predicate(tok)
        say = pred.head if pred.dep_ == "ccomp" else None
        return say if say is not None and self.lex.lemma(say) in self.lex.modality["speech_verbs"] else None

    def trip(self, tok: Token) -> bool:
        """Talks a journey leads to: "is due in Georgetown to discuss", "flies to Brussels to brief"."""
        if tok.dep_ not in ("xcomp", "advcl"):
            return False
        words = set(self.lex.modality["travel_words"])
        head = tok.head
        return self.lex.lemma(head) in words or any(c.dep_ == "acomp" and c.lower_ in words for c in head.children)

    def evaluation(self, trig: Trigger) -> tuple[list[Actor], list[Actor]]:
        """"Rubio said China's actions were dangerous", "Seoul called the launch a reckless
        provocation": the speaker criticises whoever the judged phrase names (or did the act)."""
        a, tok = self.args, trig.tok
        pred = predicate(tok)
        judged = a.subjects(pred) if tok.dep_ in ("acomp", "attr") else []
        speaker = self.speech_head(tok)
        if tok.dep_ in ("oprd", "ccomp", "xcomp", "attr") and tok.head.pos_ == "VERB" and \
                self.lex.in_class(self.lex.lemma(tok.head), ["LABELLING"]):
            speaker = tok.head  # "called the move illegal", "described the strike as reckless"
            judged = a.objects(tok.head)
        if speaker is None:
            return [], []
        actors = [x for h in a.subjects(speaker) for x in a.np_actors(h)]
        recips = [x for h in judged for x in (a.np_actors(h) or [y for c in h.children if c.dep_ == "poss"
                                                                 for y in a.np_actors(c)])]
        return actors, [x for x in recips if x not in actors]

    def reported_before(self, trig: Trigger, denial: Trigger) -> bool:
        """"X accused Y of Z, a charge Y denies", which the parser often reads as "Y denies [X
        accused ...]": an accusation with a subject of its own, ahead of the denial, is asserted."""
        return trig.kind == "verb" and trig.tok.i < denial.tok.i and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in trig.tok.children) and set(
            codes(self.own_args(trig)[0])) != set(codes(self.own_args(denial)[0]))
