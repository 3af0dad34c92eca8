"""The ``tidings_events`` component: PLOVER events from a trigger lexicon and the parse.

Steps, per article: find trigger words (``data/triggers.toml``) with a ``Matcher``; give each
the first sense whose conditions hold on the parse (:mod:`.events_select`); link triggers to
the triggers in their complement ("pledged to support" is one AGREE, "accused X of sending
troops" an ACCUSE plus an alleged AID); find actors and recipients (:mod:`.events_roles`,
:mod:`.events_args`, :mod:`.events_implied`); read factuality from the clause
(:mod:`.events_modality`), turning announced events into AGREE or THREATEN and refusals into
REJECT; read what the whole story implies (:mod:`.events_story`); then keep and merge
(:mod:`.events_merge`).
Writes ``doc._.events`` (:class:`tidings.model.Event`); dates and places are filled later.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from tidings.model import Actor, Event
from tidings.pipeline.events_args import Args, governor
from tidings.pipeline.events_implied import Implied
from tidings.pipeline.events_lexicon import Lexicon, Sense, cameo_code, goldstein, lexicon
from tidings.pipeline.events_merge import clean, codes, merge
from tidings.pipeline.events_modality import modality
from tidings.pipeline.events_roles import Roles
from tidings.pipeline.events_select import Selector, Trigger, absorbing, candidates, choose
from tidings.pipeline.events_story import Story

CONTAINER_DEPS = ("relcl", "acl", "appos")
# verbs whose object event is a separate event ("condemned the attack", "welcomed the talks")
SEPARATE_OBJECTS = ("ACCUSE", "SUPPORT", "REJECT", "PROTEST", "REQUEST", "CONSULT", "AGREE")
MODAL_REQUEST = Sense(index=-1, type="REQUEST", cameo="100", role="request")


@Language.factory("tidings_events")
def make_events(nlp: Language, name: str) -> "EventCoder":
    return EventCoder(nlp)


class EventCoder:
    def __init__(self, nlp: Language, lex: Lexicon | None = None) -> None:
        self.lex = lex or lexicon()
        self.matcher = self.lex.matcher(nlp.vocab)
        modals = list(self.lex.modality["obligation_modals"])
        self.matcher.add("EV_MODAL", [[{"LOWER": {"IN": modals}, "DEP": "aux"}]])

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = _Coder(doc, self).run() if doc._.actors is not None else []
        return doc


@dataclass(eq=False)
class Draft:
    trig: Trigger
    type: str
    mode: str | None
    actor: list[Actor]
    recipient: list[Actor]
    factuality: str = "asserted"
    converted_from: str | None = None
    accusation: "Draft | None" = None
    denial: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


class _Coder(Roles, Implied, Story):
    def __init__(self, doc: Doc, comp: EventCoder) -> None:
        self.doc, self.lex = doc, comp.lex
        self.args = Args(doc, self.lex)
        self.sel = Selector(doc, self.lex, self.args)
        self.comp = comp
        self.matches = comp.matcher(doc)
        self._own: dict[int, tuple[list[Actor], list[Actor]]] = {}

    # -- detection --------------------------------------------------------------------
    def triggers(self) -> dict[int, Trigger]:
        doc, sel = self.doc, self.sel
        found: dict[int, Trigger] = {}
        consumed: set[int] = set()
        for i, opts in candidates(doc, self.lex, self.matches).items():
            trig = Trigger(doc[i], [])
            trig.options = [(s, a, b) for s, a, b in opts if sel.lexical_ok(s, doc[i], trig.kind)]
            if trig.options:
                found[i] = trig
                _, a, b = trig.options[0]
                consumed.update(j for j in range(a, b) if j != i)
        for j in consumed:
            found.pop(j, None)
        for _ in range(2):  # complements decide senses, senses decide what is a trigger
            for trig in list(found.values()):
                comps = sel.complement_heads(trig, found)
                chosen = choose(trig, sel, comps)
                chosen = chosen if chosen is None or self.args_ok(trig, chosen[0]) else self.fallback(trig, comps)
                if chosen is None:
                    found.pop(trig.tok.i, None)
                    continue
                trig.sense, trig.start, trig.end = chosen
        for trig in found.values():
            gov, prep = governor(trig.tok) if trig.kind == "noun" else (None, None)
            head = found.get(gov.i) if gov is not None and prep is None else None
            if head is not None and head.sense and head.sense.role is None and \
                    head.sense.type not in SEPARATE_OBJECTS:
                trig.absorbed = True
            tok = trig.tok
            # "a roadside bombing killed two soldiers", "attacked a garrison, killing 40 soldiers": one attack
            same = (trig.kind == "noun" and tok.dep_ == "nsubj") or (
                tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass")
                                                                                for c in tok.children))
            verb = found.get(tok.head.i) if same else None
            if verb is not None and verb.sense and trig.sense and verb.sense.type == trig.sense.type:
                trig.absorbed = True
        for trig in found.values():
            if trig.sense and (absorbing(trig.sense) or trig.sense.role in ("accuse", "deny")):
                trig.complements = [c for c in sel.complement_heads(trig, found) if c.parent is None]
                for c in trig.complements:
                    c.parent = trig
                if absorbing(trig.sense):
                    self.absorb_subtree(trig, found)
        return found

    def fallback(self, trig: Trigger, comps: list[Trigger]) -> tuple[Sense, int, int] | None:
        rest = Trigger(trig.tok, [o for o in trig.options if not self.needs_args(o[0]) or
                                  self.args_ok(trig, o[0])])
        return choose(rest, self.sel, comps)

    @staticmethod
    def needs_args(sense: Sense) -> bool:
        return any(k in sense.conditions for k in ("parties", "recipient_required", "foreign"))

    def args_ok(self, trig: Trigger, sense: Sense) -> bool:
        if not self.needs_args(sense):
            return True
        actors, recips = self.own_args(trig, sense)
        c = sense.conditions
        if c.get("recipient_required") and not codes(recips):
            return False
        if c.get("foreign") and not (set(codes(recips)) - set(codes(actors))):
            return False
        if c.get("parties"):
            parties = set(codes(actors)) | set(codes(self.role(trig, "with") + self.role(trig, "between") +
                                                     self.role(trig, "gov_obj")))
            if len(parties) < int(c["parties"]):
                return False
        return True

    def absorb_subtree(self, trig: Trigger, found: dict[int, Trigger]) -> None:
        """Everything in an absorbed complement is its content, not a separate event."""
        stack = [c.tok for c in trig.complements]
        while stack:
            t = stack.pop()
            for ch in t.children:
                if ch.dep_ in CONTAINER_DEPS:
                    continue
                sub = found.get(ch.i)
                if sub is not None and sub.parent is None and sub is not trig:
                    sub.parent = trig
                stack.append(ch)

    # -- drafts -------------------------------------------------------------------------
    def draft(self, trig: Trigger) -> Draft | None:
        sense = trig.sense
        assert sense is not None
        actors, recips = self.own_args(trig)
        d = Draft(trig, sense.type, sense.mode, list(actors), list(recips))
        comp = trig.complements[0] if trig.complements else None
        if comp is not None and comp.sense is not None and absorbing(sense):
            self.from_complement(d, comp)
        parent = trig.parent
        if parent is not None and parent.sense is not None and parent.sense.role == "deny" and \
                sense.type == "ACCUSE" and self.reported_before(trig, parent):
            parent = None
        if parent is not None and parent.sense is not None and parent.sense.role in ("accuse", "deny"):
            p_actors, p_recips = self.own_args(parent)
            if parent.sense.role == "accuse":
                d.factuality, d.extra["accuser"] = "alleged", parent
                if not d.actor:
                    d.actor = list(p_recips)
            elif sense.type == "ACCUSE":
                return None  # "refuted these allegations": what is denied, not an event
            else:
                d.factuality = "denied"
                if not d.actor:
                    d.actor = list(p_actors)
        if not d.actor and d.type in self.lex.modality["speaker_agent_types"]:
            d.actor = self.speaker_agent(trig)
        if sense.role == "accuse" and not d.recipient and comp is not None and comp.sense is not None:
            d.recipient = [x for x in self.own_args(comp)[0] if x not in d.actor]
        if sense.role == "deny":
            d.denial = True
        if sense.role in ("request", "order") and not d.recipient and any(
                c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN", "PRON") for c in trig.tok.children):
            return None  # an addressee we cannot resolve: the event would be half coded
        return d

    def from_complement(self, d: Draft, comp: Trigger) -> None:
        role, ct = d.trig.sense.role, comp.sense.type  # type: ignore[union-attr]
        cneg = modality(comp.tok, self.lex).negated
        if role == "intent":
            d.type = self.lex.refusal[ct] if cneg else self.lex.intent[ct]
            d.converted_from = ct
            d.mode = comp.sense.mode if d.type == ct else (
                self.lex.threaten_mode.get(ct) if d.type == "THREATEN" else None)
        elif role == "refuse":
            d.mode, d.converted_from = self.lex.complement_mode.get(ct), ct
        elif role in ("request", "order"):
            d.mode, d.converted_from = self.lex.complement_mode.get(ct), ct
        elif role == "threaten":
            d.mode, d.converted_from = self.lex.threaten_mode.get(ct) or d.mode, ct
        if d.recipient:
            return
        c_actors, c_recips = self.own_args(comp)
        if role in ("request", "order"):
            d.recipient = [x for x in c_actors if x not in d.actor]
        elif role != "absorb_only":
            same = not c_actors or set(codes(c_actors)) <= set(codes(d.actor))
            d.recipient = [x for x in (c_recips if same else c_actors) if x not in d.actor]

    def factuality(self, d: Draft) -> bool:
        """Set factuality and the modal type conversions; False when the event is not one."""
        m = modality(d.trig.tok, self.lex)
        if m.treaty:
            return False
        if d.denial and m.negated:
            return False  # "has not confirmed or denied": a no-comment stance, not an event
        if d.factuality in ("alleged", "denied"):
            return True
        role = d.trig.sense.role if d.trig.sense else None
        ended = self.lex.modality["terminated"].get(d.type) if m.terminated and not m.negated else None
        if ended:
            d.converted_from, d.type = d.type, ended
            d.mode = "discontinue" if ended == "SANCTION" else None
        if m.obligation and d.trig.parent is None:
            return False  # "X must withdraw": a demand's content, coded only as the REQUEST
        if m.unless and (m.future or role == "intent") and self.lex.intent[d.type] == "AGREE":
            d.converted_from, d.type, d.mode = d.type, "THREATEN", None  # "will withdraw unless ..."
            return True
        if m.conditional:
            d.factuality = "hypothetical"
        elif m.alleged and not (role == "deny" and d.trig.sense and d.trig.sense.actor_roles == ("speaker",)):
            d.factuality = "alleged"  # (a speaker "claiming" a report is fabricated does deny it)
        elif m.negated and (m.future or role == "intent"):
            d.converted_from, d.type, d.mode = d.type, self.lex.refusal[d.type], None
        elif m.negated:
            d.factuality = "negated"
        elif (m.future or m.planned) and role not in ("intent", "accuse", "deny"):
            # "is due to meet", "a scheduled visit": future CONSULT/AID... is AGREE (CODEBOOK rule 5)
            new = self.lex.intent[d.type]
            if new != d.type:
                d.mode = self.lex.threaten_mode.get(d.type) if new == "THREATEN" else None
                d.converted_from, d.type = d.type, new
            if d.type != "THREATEN":  # a threat is made now; an announced meeting is yet to be
                d.factuality = "future"
        elif m.modal:
            d.factuality = "hypothetical"
        return True

    def modal_requests(self, found: dict[int, Trigger]) -> list[Trigger]:
        """"X said Y must do Z": a REQUEST by X to Y (Z, if a trigger, is its content)."""
        out = []
        speech = set(self.lex.modality["speech_verbs"])
        for key, s, _ in self.matches:
            if self.doc.vocab.strings[key] != "EV_MODAL":
                continue
            verb = self.doc[s].head
            say = verb.head
            if verb.dep_ != "ccomp" or self.lex.lemma(say) not in speech or say.i in found:
                continue
            trig = Trigger(say, [], sense=MODAL_REQUEST, start=s, end=s + 1)
            inner = found.get(verb.i)
            if inner is not None and inner.parent is None:
                inner.parent, trig.complements = trig, [inner]
            elif inner is None:
                trig.complements = []
            heads = [c for c in verb.children if c.dep_ == "nsubj"]
            recips = [x for h in heads for x in self.args.np_actors(h)]
            actors = [x for h in self.args.subjects(say) for x in self.args.np_actors(h)]
            if recips and actors and set(codes(recips)) != set(codes(actors)):
                self._own[(say.i, MODAL_REQUEST.index)] = (actors, recips)
                out.append(trig)
        return out

    # -- assembly -----------------------------------------------------------------------
    def run(self) -> list[Event]:
        found = self.triggers()
        trigs = sorted([*found.values(), *self.modal_requests(found)], key=lambda t: t.tok.i)
        drafts: list[Draft] = []
        for trig in trigs:
            if trig.sense is None or trig.absorbed:
                continue
            if trig.parent is not None and absorbing(trig.parent.sense) and not self.transparent(trig.parent):
                continue
            if trig.sense.role == "order" and self.transparent(trig):
                continue
            d = self.draft(trig)
            if d is not None and self.factuality(d):
                drafts.append(d)
        events, by_trig = [], {}
        for d in drafts:
            e = self.event(d)
            if e is not None:
                events.append(e)
                by_trig[id(d.trig)] = e
        for d in drafts:
            accuser = d.extra.get("accuser")
            if accuser is not None and id(d.trig) in by_trig:
                by_trig[id(d.trig)].reported_by = by_trig.get(id(accuser))
        self.denial_recipients(drafts, by_trig)
        self.denied_accounts(drafts, by_trig, events)
        self.object_event_recipients(events)
        self.context_recipients(events)
        return merge(clean(events))

    def transparent(self, trig: Trigger) -> bool:
        """An order with no addressee ("ordered air strikes") is its content, done by the orderer."""
        if trig.sense is None or trig.sense.role != "order" or not trig.complements:
            return False
        if any(c.dep_ in ("dobj", "dative") for c in trig.tok.children if c.i not in
               {x.tok.i for x in trig.complements}):
            return False
        actors, recips = self.own_args(trig)
        if recips:
            return False
        for c in trig.complements:
            c_actors, _ = self.own_args(c)
            if c_actors and set(codes(c_actors)) - set(codes(actors)):
                return False
            if not c_actors:
                self._own[(c.tok.i, c.sense.index)] = (actors, self.own_args(c)[1])  # type: ignore[union-attr]
        return True

    def event(self, d: Draft) -> Event | None:
        if not any(a.code for a in d.actor) and d.type in self.lex.modality.get("placed_attackers", ()):
            d.actor = self.attackers_at(d)  # "killed in a car bombing in central Baghdad"
        if not d.actor:
            return None
        doc, trig, lex = self.doc, d.trig, self.lex
        sent = trig.tok.sent
        s_end = sent.start_char + len(sent.text.rstrip())
        first, last = doc[trig.start], doc[trig.end - 1]
        if "CONSULT" in (d.type, d.converted_from) and trig.sense and (
                trig.sense.visit or trig.sense.role == "host" or self.trip(trig.tok)):
            self.visit(d)
        pairs = {(a.code, a.sector) for a in d.actor}
        if d.recipient and all((r.code, r.sector) in pairs for r in d.recipient):
            d.recipient = []  # "the Turkish authorities imposed a curfew in Turkey": who is under it?
        self.where_they_act(d)  # before the implied recipient: a protest targets where it is held
        if not d.recipient:
            self.implicit_recipient(d)
            self.where_they_act(d)
        if d.type == "ASSAULT" and not d.mode:
            d.mode = self.instrument(trig)
        own = trig.sense.cameo if trig.sense and not d.converted_from and d.mode == trig.sense.mode else None
        code = cameo_code(lex, d.type, d.mode, own, d.converted_from)
        conf = 0.55 + 0.1 * (trig.kind == "verb") + 0.1 * bool(d.recipient) - 0.1 * bool(d.converted_from) \
            - 0.15 * bool(d.extra.get("guessed"))
        return Event(type=d.type, actor=d.actor, recipient=d.recipient, mode=d.mode,
                     context=self.contexts(trig), factuality=d.factuality,
                     sentence=(sent.start_char, s_end), trigger=(first.idx, last.idx + len(last)),
                     trigger_token=trig.tok.i, cameo=code, goldstein=goldstein(lex, code, d.type),
                     confidence=round(min(conf, 0.9), 2))
