"""Treaties as objects: agreements an article names or describes, with parties, dates and obligations.

A mention is a noun phrase headed by a treaty noun of ``data/treaty_terms.toml``
("a strategic partnership treaty", "the Treaty on Comprehensive Strategic
Partnership", "the North Korea-Russia treaty"). Mentions of one treaty in one
article are one :class:`~tidings.model.Treaty`: a later mention joins an earlier
one when their names match, when they share a descriptive word ("strategic
partnership"), or when it is a definite description ("the treaty", "the pact")
whose parties do not contradict. Parties come from the phrase ("North
Korea-Russia", "between X and Y", "with X") and from who signs or ratifies it;
``signed``, ``ratified`` and ``in_force`` from the verbs that govern it, dated by
the dates component (written as there: a week is the date of its Monday). The
obligation clauses are read by :mod:`tidings.pipeline.treaties_clauses`.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from tidings import resources
from tidings.model import Treaty
from tidings.pipeline.actors import actors_at, actors_of
from tidings.pipeline.dates import DocDates, build_matcher, published_of
from tidings.pipeline.dates_clause import tense
from tidings.pipeline.treaties_clauses import ClauseReader, is_party
from tidings.pipeline.treaties_parties import capital_word as _capital_word, compatible as _compatible
from tidings.pipeline.treaties_parties import counted_group, state_codes, unique as _unique
from tidings.pipeline.treaties_parties import fold as _fold, paired as _paired, state_word as _state_word

UNREAL = {"will", "would", "shall", "should", "could", "may", "might", "must", "can", "'ll", "’ll", "wo"}
BACK_REFERENCE = {"the", "this", "that", "its", "their", "these", "those"}
POINTERS = {"it", "which", "text", "document", "deal", "agreement", "treaty", "pact", "accord"}
REPEAT_NOT = {"with", "up", "through"}  # "followed with a statement", "followed up on": another act
NEAR_SENTENCES = 3  # a pronoun or "the text" points back at most this many sentences
GENERIC = {"new", "landmark", "historic", "bilateral", "first", "latest", "so-called", "proposed", "draft",
           "comprehensive", "final", "the", "a", "an"}


def terms() -> dict[str, Any]:
    return resources.load("treaty_terms.toml")  # type: ignore[no-any-return]


@dataclass(eq=False)
class Mention:
    head: Token
    name: str | None
    words: set[str]  # descriptive words: "strategic", "partnership", "defence"
    parties: list[str]
    definite: bool
    treaty: "Draft | None" = None
    year: str | None = None
    extent: range = range(0)  # token indices of the phrase with its name
    weak: bool = False  # "the truce": a treaty only if the article states a clause of it


@dataclass(eq=False)
class Draft:
    """A treaty being assembled from its mentions."""

    mentions: list[Mention] = field(default_factory=list)
    treaty: Treaty = field(default_factory=lambda: Treaty(name=None))
    words: set[str] = field(default_factory=set)
    noun: str = ""

    def add_parties(self, codes: list[str]) -> None:
        for c in codes:
            if c not in self.treaty.parties:
                self.treaty.parties.append(c)


@Language.factory("tidings_treaties")
def make_treaties(nlp: Language, name: str) -> "TreatyDetector":
    return TreatyDetector(nlp)


class TreatyDetector:
    """Writes ``doc._.treaties``."""

    def __init__(self, nlp: Language) -> None:
        t = terms()
        self.always = set(t["nouns"]["always"])
        self.named = set(t["nouns"]["named"])
        self.joiners = set(t["nouns"]["name_joiners"])
        self.not_treaty = set(t["nouns"]["not_treaty"])
        self.weak = set(t["nouns"].get("clause_only", []))
        self.verbs = {kind: set(words) for kind, words in t["verbs"].items()}
        self.nouns = Matcher(nlp.vocab)
        self.nouns.add("TREATY", [[{"LOWER": {"IN": sorted(self.always | self.named | self.weak)}}]])
        self.actions = Matcher(nlp.vocab)
        self.actions.add("ACTION", [[{"LEMMA": {"IN": sorted(set().union(*self.verbs.values()))}}]])
        self.clauses = ClauseReader(nlp, t)
        self.date_matcher = build_matcher(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        doc._.treaties = _Reader(doc, self).run()
        return doc


class _Reader:
    def __init__(self, doc: Doc, comp: TreatyDetector) -> None:
        self.doc, self.comp = doc, comp
        self.published = published_of(doc)
        self.dates = DocDates.of(doc, comp.date_matcher)
        self.drafts: list[Draft] = []
        self.mentions: list[Mention] = []
        self.sent_starts: list[int] | None = None

    def run(self) -> list[Treaty]:
        doc = self.doc
        heads = sorted({doc[s].i for _, s, _ in self.comp.nouns(doc)})
        for i in heads:
            m = self.mention(doc[i])
            if m is not None:
                self.attach(m)
        if not self.drafts:
            return []
        for _, s, _ in self.comp.actions(doc):
            self.action(doc[s])
        self.comp.clauses.read(doc, self)
        out = []
        for d in self.drafts:
            t = d.treaty
            if not (t.name or t.parties) or all(m.weak for m in d.mentions) and not t.obligations:
                continue
            t.evidence = sorted({(m.head.sent.start_char, m.head.sent.end_char) for m in d.mentions} | set(t.evidence))
            out.append(t)
        return out

    # -- mentions -----------------------------------------------------------------
    def mention(self, head: Token) -> Mention | None:
        comp = self.comp
        if head.pos_ not in ("NOUN", "PROPN") or head.dep_ == "compound" and head.head.lower_ in comp.always:
            return None
        lefts = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod", "det", "poss", "nummod")]
        if any(t.lower_ in comp.not_treaty for t in lefts):
            return None
        name, extent = self.name_of(head)
        words = {t.lemma_.lower() for t in head.subtree if t.i < head.i and t.pos_ in ("ADJ", "NOUN")
                 and t.dep_ in ("amod", "compound") and t.lower_ not in GENERIC and not t.ent_type_}
        if name:
            words |= {w.lower() for w in name.split() if w[:1].isupper() and w.lower() not in GENERIC}
            words -= {head.lower_, head.lemma_.lower()}
        definite = any(t.lower_ in BACK_REFERENCE or t.dep_ == "poss" for t in lefts)
        if head.lower_ in comp.named and not name and not (definite and self.named_before(head)):
            return None
        # "the 1961 treaty": the year it was signed
        year = next((t.text for t in lefts if t.dep_ in ("nummod", "compound", "amod") and t.shape_ == "dddd"
                     and t.text[:2] in ("18", "19", "20")), None)
        return Mention(head, name, words, self.codes_in_phrase(head), definite, year=year,
                       extent=range(min(head.left_edge.i, extent.start), max(head.i + 1, extent.stop)),
                       weak=head.lower_ in comp.weak and not name)

    def name_of(self, head: Token) -> tuple[str | None, range]:
        """A proper name around ``head`` and its tokens: "Treaty on Comprehensive Strategic Partnership"."""
        doc = self.doc
        start = head.i
        while start > head.sent.start and _capital_word(doc[start - 1]) and not _state_word(doc[start - 1]):
            start -= 1
        end = head.i + 1
        if head.text[:1].isupper():
            j = end
            while j < head.sent.end:
                t = doc[j]
                if _state_word(t):
                    break  # "the Treaty of Aachen and Germany ...": a party, not the name
                if _capital_word(t):
                    end = j = j + 1
                elif t.lower_ in self.comp.joiners and j + 1 < head.sent.end and (
                        _capital_word(doc[j + 1]) or doc[j + 1].lower_ in self.comp.joiners):
                    j += 1
                else:
                    break
        if end - start == 1 and (not head.text[:1].isupper() or head.is_sent_start):
            return None, range(0)
        if end - start == 1 and head.lower_ in self.comp.always | self.comp.named:
            return None, range(0)  # a bare capitalised "Treaty" is no name
        return doc[start:end].text, range(start, end)

    def named_before(self, head: Token) -> bool:
        return any(d.noun == head.lemma_.lower() and d.treaty.name for d in self.drafts)

    def codes_in_phrase(self, head: Token) -> list[str]:
        """Parties a treaty phrase names: "North Korea-Russia treaty", "pact between X and Y", "Russia's treaty with Z"."""
        codes: list[str] = []
        for t in head.lefts:
            if t.dep_ in ("compound", "nmod", "amod", "poss"):
                for s in t.subtree:
                    if s.ent_id_.startswith("seat:") and not _paired(s):
                        continue  # "the Budapest Memorandum" is named after a city, not signed by it
                    codes += state_codes(self.doc, s)
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("between", "with", "among"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        codes += [a.code for a in actors_of(self.doc, obj) if is_party(a.code, a.kind)]
        return _unique(codes)

    def attach(self, m: Mention) -> None:
        target = self.antecedent(m)
        if target is None:
            target = Draft(noun=m.head.lemma_.lower())
            self.drafts.append(target)
        target.mentions.append(m)
        target.words |= m.words
        target.add_parties(m.parties)
        if m.year and not target.treaty.signed:
            target.treaty.signed = m.year
        if m.name and (not target.treaty.name or len(m.name) > len(target.treaty.name)):
            target.treaty.name = m.name
            target.noun = m.head.lemma_.lower()
        m.treaty = target
        self.mentions.append(m)

    def antecedent(self, m: Mention) -> Draft | None:
        for d in reversed(self.drafts):
            if m.weak != all(x.weak for x in d.mentions):
                continue  # a truce and a treaty do not corefer by description alone
            if not _compatible(m.parties, d.treaty.parties):
                continue
            if m.name and d.treaty.name and _fold(m.name) == _fold(d.treaty.name):
                return d
            if m.name and d.treaty.name:
                continue  # two different names: two treaties
            if m.words and d.words and m.words & d.words:
                return d
            if m.definite and not m.name and not (m.words and d.words):
                return d
        return None

    def recent(self, tok: Token) -> Draft | None:
        """The treaty mentioned last before ``tok``, within a few sentences."""
        if self.sent_starts is None:
            self.sent_starts = [s.start for s in self.doc.sents]
        index = bisect.bisect_right(self.sent_starts, tok.i) - 1
        floor = self.sent_starts[max(0, index - NEAR_SENTENCES)]
        best = [m for m in self.mentions if not m.weak and (floor <= m.head.i <= tok.i
                                                             or m.head.sent.start == tok.sent.start)]
        return best[-1].treaty if best else None

    def draft_at(self, tok: Token) -> Draft | None:
        for m in self.mentions:
            if m.head.i == tok.i:
                return m.treaty
        return None

    # -- signing, ratification, entry into force ------------------------------------
    def action(self, tok: Token) -> None:
        verbs, lemma = self.comp.verbs, tok.lemma_.lower()
        if lemma in verbs["in_force"]:
            self.entry_into_force(tok)
            return
        if lemma in verbs["repeat"]:
            self.repeat(tok)
            return
        draft = self.object_of(tok)
        if draft is None or not self.done(tok):
            return
        subject = self.agents(tok)
        if lemma in verbs["sign"]:
            draft.add_parties(subject)
            when = self.dates.when_for(tok, self.published, prefer="past")
            old = draft.treaty.signed
            if when is not None and (not old or when.date.startswith(old) and len(when.date) > len(old)):
                draft.treaty.signed = when.date
        elif lemma in verbs["ratify"] or lemma in verbs["approve"] and self.legislative(tok):
            draft.add_parties(subject)
            self.ratification(draft, tok, subject)

    def repeat(self, tok: Token) -> None:
        """ "Spain followed in June" after a ratification (or signing): the same act by the subject."""
        if not self.done(tok) or any(c.dep_ == "dobj" and c.lower_ != "suit" or c.dep_ == "prep"
                                     and c.lower_ in REPEAT_NOT for c in tok.children):
            return
        by = _unique([c for s in tok.children if s.dep_ == "nsubj" for c in self.codes_of(s)])
        model = self.repeated(tok) if by else None
        if model is None:
            return
        draft, kind = model
        draft.add_parties(by)
        if kind == "ratify":
            self.ratification(draft, tok, by)

    def repeated(self, tok: Token) -> tuple[Draft, str] | None:
        """The nearest signing or ratification before ``tok``, in its sentence or the one before."""
        doc, verbs = self.doc, self.comp.verbs
        start = tok.sent.start
        first = doc[start - 1].sent.start if start > 0 else start
        for j in range(tok.i - 1, first - 1, -1):
            lemma = doc[j].lemma_.lower()
            kind = "sign" if lemma in verbs["sign"] else "ratify" if lemma in verbs["ratify"] else None
            if kind is None or doc[j].pos_ not in ("VERB", "NOUN"):
                continue
            draft = self.object_of(doc[j])
            if draft is not None and self.done(doc[j]):
                return draft, kind
        return None

    def done(self, tok: Token) -> bool:
        """A signing or ratification that took place: not "would not ratify", "plans to sign", "for ratification"."""
        if tok.pos_ in ("NOUN", "PROPN"):
            governed = tok.head.lower_ in ("for", "pending", "toward", "towards") or tok.head.lemma_ in ("await", "seek")
            return not governed and any(c.dep_ == "poss" or c.lower_ == "by" for c in tok.children)
        if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in UNREAL for c in tok.children):
            return False
        return tok.dep_ != "xcomp" and tense(tok) != "future"

    def object_of(self, tok: Token) -> Draft | None:
        """The treaty a signing or ratifying word acts on: its object, its passive subject, its noun."""
        for child in tok.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                d = self.draft_at(child) or (self.recent(tok) if child.lower_ in POINTERS else None)
                if d is not None:
                    return d
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    d = self.draft_at(obj)
                    if obj.dep_ == "pobj" and d is not None:
                        return d
        if tok.dep_ in ("acl", "relcl"):
            d = self.draft_at(tok.head)
            if d is not None:
                return d
        if tok.dep_ == "conj" and tok.head.i != tok.i:  # "initialled in August and signed in February"
            return self.object_of(tok.head)
        return None

    def agents(self, tok: Token) -> list[str]:
        """States behind a signing or ratifying: subject, "by" agent, "with" partner, possessor.

        A verb with no subject of its own ("since signing a treaty") takes its governing verb's.
        """
        codes: list[str] = []
        has_subject = False
        for child in tok.children:
            if child.dep_ in ("nsubj", "poss"):
                has_subject = True
                codes += self.codes_of(child)
            elif child.dep_ == "agent" or child.dep_ == "prep" and child.lower_ in ("with", "by"):
                has_subject = has_subject or child.dep_ == "agent" or child.lower_ == "by"
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        codes += self.codes_of(obj)
        up = tok.head.head if tok.head.dep_ == "prep" else tok.head
        if not has_subject and tok.dep_ in ("pcomp", "advcl", "xcomp", "conj") and up.i != tok.i:
            codes += [c for s in up.children if s.dep_ == "nsubj" for c in self.codes_of(s)]
        return _unique(codes)

    def codes_of(self, tok: Token) -> list[str]:
        codes = [a.code for a in actors_of(self.doc, tok) if is_party(a.code, a.kind)]
        if not codes:
            codes = counted_group(self.doc, tok)
        if not codes:  # "the legislatures of Mali and Burkina Faso"
            for t in tok.subtree:
                if t.dep_ not in ("relcl", "acl"):
                    codes += state_codes(self.doc, t)
        return _unique(codes)

    def legislative(self, tok: Token) -> bool:
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "agent")]
        return any(a.sector == "LEG" for s in subj for t in s.subtree for a in actors_at(self.doc, t))

    def ratification(self, draft: Draft, tok: Token, by: list[str]) -> None:
        when = self.dates.when_for(tok, self.published, prefer="past")
        if when is not None:
            date, precision = when.date, when.precision
        elif self.published is not None:
            date, precision = self.published.isoformat(), "published"
        else:
            date, precision = None, None
        for code in by:  # a ratification by no one we can name says little: left out
            if not any(r.get("by") == code for r in draft.treaty.ratified):
                draft.treaty.ratified.append({"by": code, "date": date, "precision": precision})

    def entry_into_force(self, tok: Token) -> None:
        """ "entered into force on 1 June", "took effect last month", "became effective in 2024"."""
        head = tok.head
        verb = head.head if head.lower_ == "into" else head
        if verb.pos_ not in ("VERB", "AUX") or tok.lower_ == "force" and head.lower_ != "into":
            return
        draft = None
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                draft = self.draft_at(child) or (self.recent(verb) if child.lower_ in POINTERS else None)
        if draft is None and verb.dep_ in ("relcl", "acl"):
            draft = self.draft_at(verb.head)
        if draft is None or draft.treaty.in_force:
            return
        when = self.dates.when_for(verb, self.published)
        draft.treaty.in_force = when.date if when else None
