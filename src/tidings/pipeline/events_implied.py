"""What an event's text implies beyond its parse: visits, implied recipients, instruments, contexts,
and whom a denial answers. Mixed into the events coder (:mod:`tidings.pipeline.events`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from tidings.pipeline.actors import actors_at
from tidings.pipeline.events_merge import codes
from tidings.pipeline.events_modality import predicate

if TYPE_CHECKING:
    from tidings.model import Event
    from tidings.pipeline.events import Draft
    from tidings.pipeline.events_args import Args
    from tidings.pipeline.events_lexicon import Lexicon
    from tidings.pipeline.events_select import Trigger


def _same_clause(t: Token, pred: Token) -> bool:
    """Whether ``t`` belongs to the clause of ``pred`` (no other finite clause in between)."""
    node = t
    while node.i != pred.i:
        if node.pos_ in ("VERB", "AUX") and node.dep_ in ("ccomp", "conj", "parataxis", "relcl"):
            return False
        if node.head.i == node.i:
            return False
        node = node.head
    return True


class Implied:
    doc: Doc
    lex: "Lexicon"
    args: "Args"

    def visit(self, d: "Draft") -> None:
        """Visitor = actor, host = recipient (CODEBOOK CONSULT); a talk in the recipient's country is a visit."""
        if d.trig.sense and d.trig.sense.role == "host":
            d.mode = "visit"
            return
        loc = None
        for t in d.trig.tok.subtree if d.trig.kind == "noun" else [*d.trig.tok.children]:
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
        if d.type in table.get("condition", ()):
            for node in (tok, pred, *[c.tok for c in trig.complements]):
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
        if d.type in table.get("location", ()):
            for t in (*tok.children, *(pred.children if pred.i != tok.i else ())):
                if t.dep_ == "prep" and t.lower_ in ("in", "at", "near", "outside", "inside", "across",
                                                      "throughout"):
                    for p in t.children:
                        code = self.args.location_code(p)
                        if code:
                            d.recipient = [self.args.synth(code, table["sector"].get(d.type, "GOV"), p, term="government" if table["sector"].get(d.type, "GOV") == "GOV" else None)]
                            return
        if d.type in table.get("own", ()) and len(own) == 1:
            code = next(iter(own))
            sector = table["sector"].get(d.type, "GOV")
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
                found = [a for a in actors_at(self.doc, t) if a.code and a.code not in own]
                if found:
                    d.recipient = found[:1]
                    d.extra["guessed"] = True
                    return

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
        for name, vocab in self.lex.contexts:
            if name not in out and any((w in text) if " " in w else (w in words) for w in vocab):
                out.append(name)
        return out

    def denial_recipients(self, drafts: list["Draft"], by_trig: dict[int, "Event"]) -> None:
        """A denial's recipient is whoever made the allegation it answers (nearest earlier first)."""
        accusations = [(d, by_trig[id(d.trig)]) for d in drafts
                       if d.type == "ACCUSE" and id(d.trig) in by_trig]
        for d in drafts:
            e = by_trig.get(id(d.trig))
            if not d.denial or e is None or e.recipient:
                continue
            mine = set(codes(e.actor))
            against = [ae for _, ae in accusations if set(codes(ae.recipient)) & mine]
            before = [ae for ae in against if ae.trigger_token < e.trigger_token]
            after = [ae for ae in against if ae.trigger_token > e.trigger_token]
            best = before[-1] if before else (after[0] if after else None)
            if best is not None:
                e.recipient = [a for a in best.actor if a not in e.actor]
