"""Claims: disputed propositions, and where every party the article mentions stands on them.

The events component codes an accusation as an ACCUSE event plus the event it alleges
(factuality ``alleged``, ``reported_by`` the ACCUSE). This component makes one
:class:`~tidings.model.Claim` per alleged event and gathers the stances on it from the
text itself (``data/cues.toml``): who alleges it ("accused X of ...", "according to
intelligence"), who denies it ("refuted these allegations", "dismissed them as
fabricated", "said the accusation was baseless"), who declines ("has not confirmed or
denied", "declined to comment"), confirms or asserts it. An accusation frame the events
component left asserted ("accused North Korea of sending troops") turns the event it
introduces alleged. Writes ``doc._.claims`` and each proposition's ``event.claim``.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from functools import partial

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from tidings.model import Actor, Claim, Event, Stance
from tidings.pipeline.quotes_cues import (VERBAL, cues, is_cue, negated, phrase_pattern, sentence_of,
                                          sentence_starts, subject_of, text_of, WordSets)
from tidings.pipeline.quotes_frames import Frame, FrameReader

PRONOUNS = {"it", "them", "this", "these", "that", "those", "they", "which"}
REPORTED = ["report", "believe", "say", "suspect", "understand", "think", "allege", "rumour", "rumor",
            "estimate", "know"]
PHRASE_WINDOW = 9  # longest cue phrase, in tokens
LOOKBACK = 6  # sentences a stance may lie after its claim ("these allegations" two paragraphs on)
NOT_PROPOSITIONS = ("ACCUSE", "REJECT")
ACT_LOOKBACK = 12  # sentences back to the denier's act a bare denial answers (often the lead's)
OPENING = ("denies", "declines")  # stances that open a claim of their own when none is there


@Language.factory("tidings_claims")
def make_claims(nlp: Language, name: str) -> "ClaimFinder":
    return ClaimFinder(nlp)


class ClaimFinder:
    def __init__(self, nlp: Language) -> None:
        c = cues()
        sets: dict[str, tuple[str, Iterable[str]]] = {
            stance: ("LEMMA", c.stance_verbs[stance]) for stance in ("alleges", "denies", "confirms", "asserts")}
        sets.update(hedge=("LOWER", c.hedges), assessing=("LEMMA", c.assessing), label=("LEMMA", c.deny_labels),
                    claim_noun=("LEMMA", c.claim_nouns))
        self.words = WordSets(nlp.vocab, sets)
        # phrases: a Matcher, run only on a few words from where their first word occurs
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("declines", [phrase_pattern(p) for p in c.decline_phrases])
        self.matcher.add("according", [[{"LOWER": w} for w in p.split()] for p in c.according])
        firsts = {w for p in c.decline_phrases for w in p.split()[0].split("|")}
        self.firsts = WordSets(nlp.vocab, {"phrase": ("LEMMA", firsts), "according": (
            "LOWER", {p.split()[0] for p in c.according}), "reported": ("LEMMA", REPORTED)})

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = _Claims(doc, self).run() if doc._.events is not None else []
        return doc


class _Claims:
    def __init__(self, doc: Doc, comp: ClaimFinder) -> None:
        self.doc = doc
        self.events: list[Event] = list(doc._.events or [])
        self.found: dict[str, list[tuple[int, int]]] = {
            name: [(i, i + 1) for i in hits] for name, hits in comp.words(doc).items()}
        self.found["claim_noun"] = [(s, e) for s, e in self.found["claim_noun"] if doc[s].pos_ == "NOUN"]
        self.found["assessing"] = [(s, e) for s, e in self.found["assessing"] if doc[s].pos_ == "VERB"]
        firsts = comp.firsts(doc)
        seen: set[tuple[str, int, int]] = set()
        for i in firsts["phrase"] + firsts["according"]:
            for key, s, e in comp.matcher(doc[i:i + PHRASE_WINDOW]):
                if s == 0:
                    seen.add((doc.vocab.strings[key], i, i + e))
        for name, s, e in sorted(seen, key=lambda x: x[1]):
            self.found.setdefault(name, []).append((s, e))
        self.found["reported"] = [(i - 1, i + 2) for i in firsts["reported"]  # "is reported to"
                                  if 0 < i < len(doc) - 1 and doc[i].tag_ == "VBN" and doc[i - 1].lemma_ == "be"
                                  and doc[i + 1].lower_ == "to"]
        self.sent_starts = sentence_starts(doc)
        self.text = text_of(doc)
        self.declined = {i for s, e in self.found.get("declines", []) for i in range(s, e)}
        self.frames_found: list[Frame] = []
        self.reader = FrameReader(doc, self.found, self.declined)
        self.holders = self.reader.holders

    def run(self) -> list[Claim]:
        frames = self.reader.frames()
        for f in frames:
            self.promote(f)
        claims: list[Claim] = []
        for e in self.events:
            if e.factuality == "alleged" and e.type not in NOT_PROPOSITIONS:
                claim = Claim(proposition=e)
                e.claim = claim
                claims.append(claim)
                rep = e.reported_by
                if rep is not None and rep.type == "ACCUSE":
                    for a in rep.actor:
                        self.add(claim, a, "alleges", self.text[rep.trigger[0]:rep.trigger[1]], rep.sentence)
        self.frames_found = frames
        self.frame_stances(claims)
        self.stances(claims)
        self.frame_stances(claims)  # accusations repeated against a claim a stance cue opened
        for c in claims:
            c.stances.sort(key=lambda s: (s.stance != "alleges", s.evidence))
        return claims

    def frame_stances(self, claims: list[Claim]) -> None:
        for f in self.frames_found:
            if not f.claims:
                f.claims = [e.claim for e in f.events if e.claim is not None] or self.repeated(claims, f)
            for claim in f.claims:
                for a in f.holders:
                    self.add(claim, a, "alleges", f.cue.text, self.evidence(f.cue))

    def promote(self, f: Frame) -> None:
        """The event an allegation introduces is alleged, whatever its clause looked like."""
        accuser = next((e for e in self.events if e.trigger_token == f.cue.i), None)
        lo, hi = self.doc[f.lo].idx, self.doc[f.hi - 1].idx + len(self.doc[f.hi - 1])
        for e in self.events:
            if e.trigger_token == f.cue.i or e.type in NOT_PROPOSITIONS:
                continue
            first = f.lo <= e.trigger_token < f.hi
            if first and e.factuality == "asserted" or e.factuality == "denied" and any(
                    lo <= t < hi for t in self.triggers(e)):
                e.factuality = "alleged"  # accused, and denied: a disputed event
            if first or any(lo <= t < hi for t in self.triggers(e)):
                f.events.append(e)
        if not f.events:
            denied = self.denied_match(f)
            if denied is not None:
                denied.factuality = "alleged"
                f.events.append(denied)
        for e in f.events:
            if e.factuality == "alleged" and e.reported_by is None and accuser is not None:
                e.reported_by = accuser

    def denied_match(self, f: Frame) -> Event | None:
        """A denied event told elsewhere ("Iran denies supplying drones") that an allegation with
        no coded content of its own is about: the same party, within a few sentences."""
        parties = list(f.accused)
        if not parties:
            head = next((t for t in self.doc[f.lo:f.hi] if t.dep_ in ("ccomp", "acl", "pcomp", "xcomp")
                         and t.head.i == f.cue.i or t.head.i == f.cue.i and t.dep_ == "acl"), None)
            subj = subject_of(head) if head is not None and head.pos_ in VERBAL else None
            parties = self.holders(subj) if subj is not None else []
        codes = {a.code for a in parties if a.code}
        here = self.sentence_index(f.cue.i)
        for e in self.events:
            if e.factuality == "denied" and codes & {a.code for a in e.actor} and \
                    abs(self.sentence_index(self.trigger_token_of(e)) - here) <= 3:
                return e
        return None

    def claims_in(self, claims: list[Claim], lo: int, hi: int) -> list[Claim]:
        if hi <= lo:
            return []
        s, e = self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1])
        return [c for c in claims if any(s <= t < e for t in self.triggers(c.proposition))]

    def repeated(self, claims: list[Claim], f: Frame) -> list[Claim]:
        """An accusation whose content was not coded ("accused Tehran of arming Moscow") repeats
        a nearby claim against the same party."""
        if not f.accused or not f.holders:
            return []
        here = self.sentence_index(f.cue.i)
        codes = {a.code for a in f.accused if a.code}
        near = [c for c in claims if self.distance(c, here) <= LOOKBACK and codes & {a.code for a in c.proposition.actor}]
        return sorted(near, key=lambda c: self.distance(c, here))[:1]

    def distance(self, c: Claim, here: int, *, before: bool = False) -> int:
        """Sentences between ``here`` and the nearest mention of the claim: its proposition,
        or a stance already taken on it (a refusal to comment right after a denial is about
        what was denied, however far back the event was told)."""
        best = 10**6
        for t in self.triggers(c.proposition) + [s.evidence[0] for s in c.stances]:
            span = self.doc.char_span(t, t + 1, alignment_mode="expand")
            if span is None:
                continue
            at = self.sentence_index(span.start)
            if before and at > here:
                continue
            best = min(best, abs(here - at))
        return best

    def trigger_token(self, c: Claim) -> int:
        return self.trigger_token_of(c.proposition)

    def trigger_token_of(self, e: Event) -> int:
        if e.trigger_token >= 0:
            return e.trigger_token
        span = self.doc.char_span(e.trigger[0], e.trigger[1], alignment_mode="expand")
        return span.start if span is not None else 0

    @staticmethod
    def triggers(e: Event) -> list[int]:
        return [e.trigger[0], *(x["trigger"][0] for x in e.extra_evidence if x.get("trigger"))]

    # -- stances -------------------------------------------------------------------------
    def stances(self, claims: list[Claim]) -> None:
        """Every stance cue, in text order: a cue may open the claim a later one refers back to."""
        doc = self.doc
        todo: list[tuple[int, int, Callable[[], None]]] = []
        for s, e in self.found.get("declines", []):
            verb = next((t for t in doc[s:e] if t.pos_ == "VERB"), doc[s])
            lo = s - 1 if s > 0 and doc[s - 1].pos_ == "AUX" else s
            todo.append((s, 0, partial(self.stance_at, claims, verb, "declines", doc[lo:e].text, anaphoric=True)))
        for stance in ("denies", "confirms", "asserts"):
            for s, _ in self.found.get(stance, []):
                tok = doc[s]
                if tok.pos_ in VERBAL and s not in self.declined and not negated(tok):
                    todo.append((s, 1, partial(self.verb_stance, claims, tok, stance)))
        for s, _ in self.found.get("label", []):
            todo.append((s, 2, partial(self.label_stance, claims, doc[s])))
        for e in self.events:
            if e.type == "REJECT" and e.trigger_token >= 0 and e.trigger_token not in self.declined:
                tok = doc[e.trigger_token]
                if tok.lemma_.lower() in cues().stance_verbs["denies"] and not negated(tok) \
                        and not self.describing(tok) and self.about_claim(tok):
                    todo.append((tok.i, 3, partial(self.reject_stance, claims, e, tok)))
        for _, _, job in sorted(todo, key=lambda x: x[:2]):
            job()

    def reject_stance(self, claims: list[Claim], e: Event, tok: Token) -> None:
        claim = self.target(claims, tok, anaphoric=True, stance="denies", holders=e.actor)
        for a in e.actor if claim is not None else []:
            self.add(claim, a, "denies", tok.text, self.evidence(tok))

    def verb_stance(self, claims: list[Claim], verb: Token, stance: str) -> None:
        if self.describing(verb):
            return
        if not self.about_claim(verb):
            return
        anaphoric = stance == "denies" or self.anaphoric_object(verb)
        self.stance_at(claims, verb, stance, verb.text, anaphoric=anaphoric)

    @staticmethod
    def describing(verb: Token) -> bool:
        """A participle describing a thing, not a party's stance: "a valley disputed by both
        states", "the disputed shoal" (but "the claims, denied by Moscow, ...")."""
        if verb.head.lemma_.lower() in cues().claim_nouns:
            return False
        bare = verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        return verb.dep_ in ("acl", "amod") or verb.dep_ == "advcl" and bare

    def about_claim(self, verb: Token) -> bool:
        """The verb's object is a claim, a pronoun for one, a clause, or nothing ("X denies")."""
        if verb.dep_ == "relcl" and verb.head.lemma_.lower() in cues().claim_nouns:
            return True  # "..., an allegation Cotonou denied"
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if not objs:
            return True
        return any(o.lemma_.lower() in cues().claim_nouns or o.lower_ in PRONOUNS for o in objs)

    def anaphoric_object(self, verb: Token) -> bool:
        return any(c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in cues().claim_nouns or c.lower_ in PRONOUNS)
                   for c in verb.children) or verb.dep_ == "relcl"

    def label_stance(self, claims: list[Claim], label: Token) -> None:
        """"said the accusation was baseless", "dismissed the claims as fabricated"."""
        node = label
        for _ in range(4):
            if node.pos_ in VERBAL or node.head.i == node.i:
                break
            node = node.head
        if node.pos_ not in VERBAL:
            return
        if node.lemma_ == "be":
            subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
            holder_verb = node.head if node.dep_ == "ccomp" and is_cue(node.head, cues().speech) else None
        else:
            subj = next((c for c in node.children if c.dep_ in ("dobj", "nsubjpass")), None)
            holder_verb = node
        if subj is None or holder_verb is None or not (subj.lemma_.lower() in cues().claim_nouns
                                                       or subj.lower_ in PRONOUNS):
            return
        # the label's subject ("the accusation") is what it is about, not the rest of the clause
        self.stance_at(claims, holder_verb, "denies", label.text, anaphoric=True, asked_ok=False)

    def stance_at(self, claims: list[Claim], verb: Token, stance: str, cue: str, *, anaphoric: bool,
                  asked_ok: bool = True) -> None:
        holders = self.holders(subject_of(verb))
        claim = self.target(claims, verb, anaphoric=anaphoric, stance=stance, holders=holders, asked_ok=asked_ok)
        if claim is None:
            return
        for a in holders:
            self.add(claim, a, stance, cue, self.evidence(verb))

    def target(self, claims: list[Claim], verb: Token, *, anaphoric: bool, stance: str = "",
               holders: Iterable[Actor] = (), asked_ok: bool = True) -> Claim | None:
        """The claim a stance is about: one whose proposition lies in the cue's object, else
        (for "these allegations", "declined to comment") the latest claim made before it. A
        denial or a refusal to comment with no such claim opens one (:meth:`opened`)."""
        # a coordinated predicate ("... was baseless and called on Niger to ...") is not its object,
        # a coordinated cue is ("neither confirmed nor denied that ...")
        parts = [c for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass", "csubj", "aux", "neg", "punct", "cc")
                 and not (c.dep_ == "conj" and not any(x.dep_ == "ccomp" for x in c.children))]
        for p in parts:
            lo, hi = p.left_edge.i, p.right_edge.i + 1
            inside = self.claims_in(claims, lo, hi)
            if inside:
                return inside[0]
            framed = [f for f in self.frames_found if lo <= f.cue.i < hi]
            if framed and framed[0].claims:
                return framed[0].claims[0]
        asked = [e for p in parts for e in self.events_in(p.left_edge.i, p.right_edge.i + 1)
                 if not (self.trigger_token_of(e) == p.i and p.lemma_.lower() in cues().questions)]
        if asked and asked_ok and stance in OPENING:
            return self.opened(claims, stance, holders, asked=asked)
        if not anaphoric or not self.refers_back(verb, parts):
            return None
        here = self.sentence_index(verb.i)
        near = [(self.distance(c, here, before=True), n, c) for n, c in enumerate(claims)]
        near = [x for x in near if x[0] <= LOOKBACK]
        if near:
            return min(near, key=lambda x: (x[0], -x[1]))[2]
        return self.opened(claims, stance, holders, before=verb.i) if stance == "denies" else None

    def events_in(self, lo: int, hi: int) -> list[Event]:
        """Events (not accusations or denials) whose trigger lies in tokens ``lo:hi``."""
        return [e for e in self.events if e.type not in NOT_PROPOSITIONS and lo <= self.trigger_token_of(e) < hi]

    def opened(self, claims: list[Claim], stance: str, holders: Iterable[Actor], *,
               asked: list[Event] | None = None, before: int = -1) -> Claim | None:
        """A claim a stance cue opens when the article has none for it: on the event the cue
        is about ("declined to comment on whether X had ..."; that event is not vouched for,
        so alleged), or, for a denial with no object of its own ("flatly denied it"), on the
        denier's latest act before the accusation it answers, or before it (which keeps its
        factuality)."""
        codes = {a.code for a in holders if a.code}
        if stance not in OPENING or not codes:
            return None
        if asked:
            event = asked[0]
            if event.factuality == "asserted":
                event.factuality = "alleged"
        else:
            here = self.sentence_index(before)
            acts = [e for e in self.events if e.type not in NOT_PROPOSITIONS and codes & {a.code for a in e.actor}
                    and self.trigger_token_of(e) < before
                    and here - self.sentence_index(self.trigger_token_of(e)) <= ACT_LOOKBACK]
            accused = [f.cue.i for f in self.frames_found if f.cue.i < before and codes & {a.code for a in f.accused}]
            if accused:  # an act told after the accusation's sentence is not what it was about
                end = sentence_of(self.doc, max(accused)).end
                acts = [e for e in acts if self.trigger_token_of(e) < end] or acts
            if not acts:
                return None
            event = max(acts, key=self.trigger_token_of)
        if event.claim is None:
            event.claim = Claim(proposition=event)
            claims.append(event.claim)
        return event.claim

    def refers_back(self, verb: Token, parts: list[Token]) -> bool:
        """The cue's object points back to a claim ("these allegations", "them", "the reports",
        nothing at all), rather than naming something else ("any combat role")."""
        if verb.dep_ == "relcl" and verb.head.lemma_.lower() in cues().claim_nouns:
            return True
        nouns = []
        parts = parts + [c for p in parts if p.dep_ == "conj" for c in p.children
                         if c.dep_ not in ("nsubj", "aux", "neg", "punct", "cc")]
        for p in parts:
            if p.dep_ in ("dobj", "nsubjpass"):
                nouns.append(p)
            elif p.dep_ in ("prep", "xcomp", "ccomp"):
                for t in p.subtree:
                    if t.dep_ in ("pobj", "dobj") and t.head.i in (p.i, *(c.i for c in p.children)):
                        nouns.append(t)
        return all(self.anaphor(n) for n in nouns)

    def anaphor(self, noun: Token) -> bool:
        if any(c.dep_ in ("acl", "ccomp", "relcl") for c in noun.children):
            return False  # "reports that AES aircraft crossed ...": a claim of its own
        if noun.lemma_.lower() in cues().claim_nouns or noun.lower_ in PRONOUNS:
            return True
        return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in noun.children)

    def sentence_index(self, i: int) -> int:
        return bisect_right(self.sent_starts, i) - 1

    # -- helpers ------------------------------------------------------------------------
    def add(self, claim: Claim, holder: Actor, stance: str, cue: str, evidence: tuple[int, int]) -> None:
        if any(s.holder is holder and s.stance == stance for s in claim.stances):
            return
        claim.stances.append(Stance(holder=holder, stance=stance, cue=cue, evidence=evidence))

    def evidence(self, tok: Token) -> tuple[int, int]:
        sent: Span = sentence_of(self.doc, tok.i)
        text = self.text
        end = sent.end_char
        while end > sent.start_char and text[end - 1].isspace():
            end -= 1
        return sent.start_char, end
