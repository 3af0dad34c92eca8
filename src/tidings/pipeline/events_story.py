"""What the story around an event implies, once every event of the article is coded: whom a
denial answers, which denied account was an accusation, which event a reaction is about, and
recipients from the order of the story. Mixed into the events coder (:mod:`tidings.pipeline.events`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from tidings.model import Event
from tidings.pipeline.events_lexicon import cameo_code, goldstein
from tidings.pipeline.events_merge import codes

if TYPE_CHECKING:
    from tidings.pipeline.events import Draft
    from tidings.pipeline.events_args import Args
    from tidings.pipeline.events_lexicon import Lexicon

REACTION_PREPS = ("over", "about", "at", "on", "against", "for", "of")


class Story:
    doc: Doc
    lex: "Lexicon"
    args: "Args"

    def denial_recipients(self, drafts: list["Draft"], by_trig: dict[int, Event]) -> None:
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
            # an allegation told after the denial is its answer only in the same sentence
            after = [ae for ae in against if ae.trigger_token > e.trigger_token and
                     self.doc[ae.trigger_token].sent.start == self.doc[e.trigger_token].sent.start]
            best = before[-1] if before else (after[0] if after else None)
            if best is not None:
                e.recipient = [a for a in best.actor if a not in e.actor]

    def denied_accounts(self, drafts: list["Draft"], by_trig: dict[int, Event], events: list[Event]) -> None:
        """A denial with no accusation to answer answers the account it denies: "Danon told
        reporters that Iran was smuggling weapons ... Iran rejected the accusation" makes the
        telling an ACCUSE by Israel against Iran, its content alleged (CODEBOOK rule 2)."""
        speech = set(self.lex.modality["speech_verbs"])
        for d in drafts:
            e = by_trig.get(id(d.trig))
            if not d.denial or e is None or e.recipient:
                continue
            mine = set(codes(e.actor))
            here = e.trigger_token
            for x in sorted(events, key=lambda x: -x.trigger_token):
                if x.trigger_token >= here or x.type in ("ACCUSE", "REJECT") or not mine & set(codes(x.actor)):
                    continue
                if self.doc[x.trigger_token].sent.start < self.doc[here].sent.start - 120:
                    break
                say = self.reporting_verb(self.doc[x.trigger_token], speech)
                tellers = [a for h in self.args.subjects(say) for a in self.args.np_actors(h)] if say else []
                tellers = [a for a in tellers if a.code and a.code not in mine]
                if not tellers:
                    continue
                sent, code = say.sent, cameo_code(self.lex, "ACCUSE", "allege", None, None)
                acc = Event(type="ACCUSE", actor=tellers, recipient=list(x.actor), mode="allege",
                            context=list(x.context), sentence=(sent.start_char, sent.end_char),
                            trigger=(say.idx, say.idx + len(say)), trigger_token=say.i, cameo=code,
                            goldstein=goldstein(self.lex, code, "ACCUSE"), confidence=0.5)
                events.append(acc)
                x.factuality, x.reported_by = "alleged", acc
                e.recipient = [a for a in tellers if a not in e.actor]
                break

    def reporting_verb(self, tok: Token, speech: set[str]) -> Token | None:
        """The speech verb whose reported clause holds ``tok`` ("said [the rockets had been fired by ...]")."""
        node, reported = tok, False
        for _ in range(5):
            # "told reporters outside the chamber that Iran was ...": the parser may hang the
            # that-clause on a noun; a clause opened by "that" is reported all the same
            reported = reported or node.dep_ == "ccomp" or any(
                c.dep_ == "mark" and c.lower_ == "that" for c in node.children)
            if reported and node.head.pos_ == "VERB" and node.head.lemma_.lower() in speech:
                return node.head
            if node.head.i == node.i:
                return None
            node = node.head
        return None

    def object_event_recipients(self, events: list[Event]) -> None:
        """A reaction to an event named by its noun is aimed at that event's actor: "expressed concern
        over the drills" (China's), "welcomed the deal", "condemned the strikes"."""
        by_token = {e.trigger_token: e for e in events}
        for e in events:
            if e.type not in ("ACCUSE", "SUPPORT", "REJECT", "REQUEST"):
                continue
            tok = self.doc[e.trigger_token]
            objs = [c for c in tok.children if c.dep_ == "dobj"] + [
                p for c in tok.children if c.dep_ == "prep" and c.lower_ in REACTION_PREPS
                for p in c.children if p.dep_ == "pobj"]
            mine = set(codes(e.actor))
            for o in objs:
                x = by_token.get(o.i)
                if x is None:  # "concern over the drills": the drills told before
                    lemma = o.lemma_.lower()
                    same = [y for y in events if y.trigger_token < o.i and
                            self.doc[y.trigger_token].lemma_.lower() == lemma]
                    x = max(same, key=lambda y: y.trigger_token) if same else None
                if x is not None and x is not e and set(codes(x.actor)) and not mine & set(codes(x.actor)):
                    e.recipient = list(x.actor)
                    break

    def context_recipients(self, events: list[Event]) -> None:
        """Recipients a story's order implies when a sentence names none: a protest, demand or
        threat answers the latest hostile act by another party ("Japan lodged a protest" after
        North Korea's launch); a pledge or help answers the latest request made to its actor
        ("Mali pledged air support" after Niger asked Bamako for reinforcements)."""
        table = self.lex.modality.get("context_recipient", {})
        answers, after_request = set(table.get("hostile_answers", ())), set(table.get("request_answers", ()))
        hostile = set(table.get("hostile_acts", ()))
        for e in sorted(events, key=lambda x: x.trigger_token):
            if e.recipient or not e.actor:
                continue
            mine = set(codes(e.actor))
            if e.type in answers:
                pool = [x for x in events if x.type in hostile and x.factuality in ("asserted", "alleged")]
            elif e.type in after_request:
                pool = [x for x in events if x.type == "REQUEST" and mine & set(codes(x.recipient))]
            else:
                continue
            prior = [x for x in pool if x.trigger_token < e.trigger_token and set(codes(x.actor)) and
                     not mine & set(codes(x.actor))]
            if prior:
                e.recipient = list(max(prior, key=lambda x: x.trigger_token).actor)
                e.confidence = round(max(0.3, e.confidence - 0.15), 2)
