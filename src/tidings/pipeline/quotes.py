"""Who said what: direct, mixed and indirect quotes with speakers resolved to the article's actors.

Quoted spans come from the quotation marks (:mod:`quotes_marks`); each is
attributed, in order of reliability, to the cue right after it (``"...," she
said``), to the cue that governs it in the parse (``stating that they had
reached "..."``), to a cue right before it (``she said: "..."``), or, when it
stands alone, to the speaker of the quote it continues. Indirect quotes are the
clauses of reporting verbs (``Choe emphasized that ...``) and of ``according
to X``. Writes ``doc._.quotes``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from tidings.model import Quote
from tidings.pipeline.quotes_cues import (NOBODY, VERBAL, Speaker, cues, is_cue, negated,
                                          own_subject, sentence_of, speaker_of, subject_of, surface, text_of, WordSets)
from tidings.pipeline.quotes_marks import Marked, find_quotes, paragraphs

STOP = ("conj", "relcl", "acl", "advcl", "parataxis")  # a clause with its own subject ends the climb
ATTRIBUTION_END = {".", "!", "?", ";"}
OPEN_ENDED = (",", "?", "!", "…", "—", "–", "-", ":")
MAX_WINDOW = 10
# "GENEVA, March 14 (Reuters) - ": the place and agency line before a wire story's first sentence
DATELINE = re.compile(r"(?:[A-Z][A-Z .'’/-]+(?:, [A-Z][a-z]+\.? \d{1,2})?(?: \([^)]*\))?"
                      r"|\d{1,2}[:.]\d{2}(?: ?[A-Z]{2,4})?) ?[-–—]+ ")
HEARERS = {"tell", "inform", "brief", "assure", "warn", "remind", "caution", "promise"}


@Language.factory("tidings_quotes")
def make_quotes(nlp: Language, name: str) -> "QuoteFinder":
    return QuoteFinder(nlp)


class QuoteFinder:
    def __init__(self, nlp: Language) -> None:
        c = cues()
        self.words = WordSets(nlp.vocab, {"clause": ("LEMMA", c.clause),
                                          "according": ("LOWER", {p.split()[0] for p in c.according})})
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("ACCORDING", [[{"LOWER": w} for w in p.split()] for p in c.according])

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = _Quotes(doc, self).run()
        return doc


@dataclass
class _Found:
    speaker: Speaker
    cue: str | None
    kind: str
    source: Speaker = NOBODY


class _Quotes:
    def __init__(self, doc: Doc, comp: QuoteFinder) -> None:
        self.doc, self.comp = doc, comp
        self.text = text_of(doc)
        self.paras = [lo for lo, _ in paragraphs(self.text)]
        self.marks: list[tuple[Marked, Span]] = []
        for m in find_quotes(self.text):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and len(span):
                self.marks.append((m, span))
        self.opens = {m.open for m, _ in self.marks if m.open >= 0}
        hits = comp.words(doc)
        self.cue_hits = hits["clause"]
        self.according = [(i, i + e) for i in hits["according"] for _, s, e in comp.matcher(doc[i:i + 4]) if s == 0]

    def run(self) -> list[Quote]:
        quotes = self.marked()
        covered = [(q.start, q.end) for q in quotes] + [(m.start, m.end) for m, _ in self.marks]
        quotes += self.indirect(covered)
        quotes.sort(key=lambda q: q.start)
        return quotes

    # -- quotation marks -----------------------------------------------------------
    def marked(self) -> list[Quote]:
        out: list[Quote] = []
        last: tuple[int, Speaker] | None = None  # paragraph and speaker of the latest attributed quote
        prev_close = -1
        for m, span in self.marks:
            found = (self.after(m, span) or self.governing(span) or self.before(m, span, prev_close))
            para = self.paragraph(m.start)
            if found is None and last is not None and para - last[0] <= 1 and self.standalone(span):
                found = _Found(last[1], None, "direct")
            prev_close = self.token_at(m.close) if m.close >= 0 else span.end
            if (found is None or not found.speaker.found) and _scare(span):
                continue
            if found is None:
                found = _Found(NOBODY, None, "direct" if self.standalone(span) else "mixed")
            if found.speaker.found or found.cue is not None:  # a quote by someone unknown ends a run
                last = (para, found.speaker)
            src = found.source.actor
            out.append(Quote(kind=found.kind, content=self.text[m.start:m.end], start=m.start, end=m.end,
                             speaker=found.speaker.actor, speaker_text=surface(self.doc, found.speaker.token),
                             cue=found.cue,
                             source_of=src if src is not found.speaker.actor else None))
        return out

    def token_at(self, char: int) -> int:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else -1

    def paragraph(self, char: int) -> int:
        return bisect_right(self.paras, char) - 1

    def standalone(self, span: Span) -> bool:
        """The quote is a whole sentence (or more): nothing outside it but its marks."""
        sent = sentence_of(self.doc, span.start)
        outside = [t for t in sent if not (span.start <= t.i < span.end) and not t.is_punct and not t.is_space]
        return not outside or span.end >= sent.end and span.start <= sent.start + 1

    def after(self, m: Marked, span: Span) -> _Found | None:
        """``"...," she said`` / ``"...," said the minister``."""
        if m.close < 0:
            return None
        doc = self.doc
        content = self.text[m.start:m.end]
        j = self.token_at(m.close) + 1
        window: list[Token] = []
        while j < len(doc) and len(window) < MAX_WINDOW:
            t = doc[j]
            if "\n" in t.text or t.idx in self.opens or t.text in ATTRIBUTION_END:
                break
            window.append(t)
            j += 1
        if not window or not content.endswith(OPEN_ENDED) and window[0].text != ",":
            return None  # the quote ends its sentence: what follows is not its attribution
        for t in window:
            if is_cue(t, cues().speech) and not negated(t):
                subj = subject_of(t)
                spk = speaker_of(doc, subj) if subj is not None and not (span.start <= subj.i < span.end) else NOBODY
                if not spk.found:
                    spk = self.named_in(window)
                return _Found(spk, t.text, "direct")
            if t.pos_ in ("VERB", "SCONJ", "CCONJ") or t.dep_ == "mark" or t.is_punct and t.text != ",":
                return None
        return None

    def named_in(self, tokens: list[Token]) -> Speaker:
        for t in tokens:
            spk = speaker_of(self.doc, t)
            if spk.actor is not None:
                return spk
        return NOBODY

    def before(self, m: Marked, span: Span, prev_close: int) -> _Found | None:
        """``she said: "..."`` / ``..., the minister said, "..."``."""
        if m.open < 0:
            return None
        doc = self.doc
        oi = self.token_at(m.open)
        if oi <= 0:
            return None
        sent = sentence_of(doc, oi - 1)
        lo = max(sent.start, prev_close + 1, oi - 20)
        window = [t for t in doc[lo:oi] if not t.is_space]
        if not window or window[-1].text not in (":", ",") and not is_cue(window[-1], cues().speech):
            return None
        for t in reversed(window):
            if is_cue(t, cues().speech) and not negated(t):
                subj = subject_of(t)
                spk = speaker_of(doc, subj) if subj is not None else NOBODY
                return _Found(spk, t.text, "direct")
        return None

    def governing(self, span: Span) -> _Found | None:
        """The cue (or else the clause) whose subject the quoted fragment is part of."""
        doc = self.doc
        inside = range(span.start - 1, span.end + 1)
        roots = [t for t in span if (t.head.i not in inside or t.head.i == t.i) and not t.is_punct]
        if not roots:
            return None
        root = min(roots, key=_depth)
        if root.head.i == root.i:
            return None
        chain: list[tuple[Token, Speaker, bool]] = []  # verb, its subject's speaker, whether it is a cue
        node = root.head
        nominal: Speaker | None = None
        while True:
            if node.pos_ in VERBAL and node.i not in inside:
                subj = subject_of(node)
                spk = speaker_of(doc, subj) if subj is not None and subj.i not in inside else NOBODY
                chain.append((node, spk, is_cue(node, cues().speech)))
                own = own_subject(node)
                if own is not None and own.i not in inside and node.dep_ in STOP:
                    break
            elif node.pos_ in ("NOUN", "PROPN") and node.lower_ in cues().nouns and node.i not in inside:
                nominal = self.noun_speaker(node)
                if nominal is not None:
                    break
            if node.head.i == node.i:
                break
            node = node.head
        according = self.according_in(sentence_of(doc, span.start),
                                      {v.i for v, _, _ in chain} | set(range(span.start, span.end)))
        kind = "mixed"
        if according is not None:
            return _Found(according[0], according[1], kind)
        if nominal is not None:
            return _Found(nominal, None, kind)
        cued = [(v, s) for v, s, cue in chain if cue and s.found]
        pick = cued[-1] if cued else next(((v, s) for v, s, _ in reversed(chain) if s.found), None)
        if pick is None:
            return None
        verb, spk = pick
        # the cue nearest the quote among those of the same speaker ("said ... but stressed that")
        verb = next(v for v, s, cue in chain if cue and s.actor is spk.actor and s.document == spk.document) \
            if cued else verb
        source = NOBODY
        for v, s, _ in chain:
            if v.i == verb.i:
                break
            if s.actor is not None and s.actor is not spk.actor and v.lemma_.lower() in cues().relay:
                source = s
        if span[0].is_title and root.dep_ == "ccomp" and root.head.i == verb.i:
            kind = "direct"
        return _Found(spk, verb.text, kind, source)

    def noun_speaker(self, noun: Token) -> Speaker | None:
        for ch in noun.children:
            if ch.dep_ == "poss" or ch.dep_ == "prep" and ch.lower_ in ("by", "from", "of"):
                target = ch if ch.dep_ == "poss" else next((g for g in ch.children if g.dep_ == "pobj"), None)
                if target is not None:
                    spk = speaker_of(self.doc, target)
                    if spk.actor is not None:
                        return spk
        return None

    def according_in(self, sent: Span, verbs: set[int]) -> tuple[Speaker, str] | None:
        """``According to X`` attached to one of ``verbs`` or to the sentence's root."""
        for s, e in self.according:
            if not sent.start <= s < sent.end:
                continue
            first = self.doc[s]
            obj = next((t for t in self.doc[e - 1].children if t.dep_ == "pobj"), None)
            anchor = first.head
            if obj is None or anchor.i not in verbs and anchor.head.i != anchor.i:
                continue
            spk = speaker_of(self.doc, obj)
            if spk.found:
                return spk, self.doc[s:e].text.lower()
        return None

    # -- reported clauses ----------------------------------------------------------
    def indirect(self, covered: list[tuple[int, int]]) -> list[Quote]:
        doc = self.doc
        found: list[tuple[int, int, Quote]] = []
        for s, e, according in [*((i, i + 1, False) for i in self.cue_hits), *((s, e, True) for s, e in self.according)]:
            q = self.according_quote(doc[s:e]) if according else self.clause_quote(doc[s])
            if q is None or _overlaps(q.start, q.end, covered):
                continue
            found.append((q.start, q.end, q))
        found.sort(key=lambda x: x[0] - x[1])  # longest first: a clause inside another is not a second quote
        out: list[Quote] = []
        for start, end, q in found:
            if not _overlaps(start, end, [(o.start, o.end) for o in out]):
                out.append(q)
        return out

    def clause_quote(self, cue: Token) -> Quote | None:
        if not is_cue(cue, cues().clause) or negated(cue):
            return None
        comp = next((c for c in cue.children if c.dep_ == "ccomp"), None)
        if comp is None or comp.pos_ not in VERBAL or any(
                c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in comp.children):
            return None
        if any(c.dep_ == "dobj" and c.i < comp.i for c in cue.children) and cue.lemma_.lower() not in HEARERS:
            return None  # "claimed the sea since ...": an object, not a report
        subj = subject_of(cue)
        if subj is None or comp.left_edge.i <= subj.i <= comp.right_edge.i:
            return None
        if comp.i > cue.i and comp.left_edge.i - cue.i > 12:
            return None
        if comp.i < cue.i and (cue.dep_ != "ROOT" or self.doc[max(subj.left_edge.i - 1, 0)].text != ","
                               or any(t.lemma_.lower() in cues().claim_nouns for t in subj.subtree)):
            return None  # "..., an allegation Cotonou denied": the clause is not what the cue reports
        spk = speaker_of(self.doc, subj)
        if spk.actor is None:
            return None
        end = self.clause_end(comp)
        nxt = self.doc[end] if end < len(self.doc) else None
        if nxt is not None and (nxt.idx in self.opens or nxt.i + 1 < len(self.doc) and nxt.is_space
                                and self.doc[nxt.i + 1].idx in self.opens):
            return None  # the clause runs into quoted words: they are its quote
        return self.clause(comp.left_edge.i, end, spk, cue.text)

    def clause_end(self, comp: Token) -> int:
        """Where a reported clause ends: before a coordinated part that is quoted or has its own
        cue ("..., adding that ...", "... and that his government would 'not accept ...'")."""
        end = comp.right_edge.i + 1
        for c in comp.children:
            if c.i < comp.i or c.dep_ not in ("conj", "advcl", "parataxis"):
                continue
            lo, hi = c.left_edge.i, c.right_edge.i + 1
            quoted = any(lo <= self.token_at(o) < hi for o in self.opens)
            if quoted or is_cue(c, cues().speech):
                while lo > comp.i and (self.doc[lo - 1].is_punct or self.doc[lo - 1].dep_ == "cc"):
                    lo -= 1
                end = min(end, lo)
        return end

    def according_quote(self, phrase: Span) -> Quote | None:
        obj = next((t for t in phrase[-1].children if t.dep_ == "pobj"), None)
        if obj is None:
            return None
        spk = speaker_of(self.doc, obj)
        if spk.actor is None:
            return None
        sent = sentence_of(self.doc, phrase.start)
        sub = phrase[0].subtree
        idx = [t.i for t in sub]
        lo, hi = min(idx), max(idx) + 1
        if lo <= sent.start + 1:
            return self.clause(hi, sent.end, spk, phrase.text.lower())
        if hi >= sent.end - 2:
            return self.clause(sent.start, lo, spk, phrase.text.lower())
        return self.clause(sent.start, sent.end, spk, phrase.text.lower())

    def clause(self, start: int, end: int, spk: Speaker, cue: str) -> Quote | None:
        doc = self.doc
        while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "mark"
                               and doc[start].lower_ == "that"):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                               or doc[end - 1].pos_ in ("CCONJ", "SCONJ")):
            end -= 1
        words = [t for t in doc[start:end] if not t.is_punct]
        if len(words) < 3:
            return None
        s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        dateline = DATELINE.match(self.text, s, e)
        if dateline:
            s = dateline.end()
        return Quote(kind="indirect", content=self.text[s:e], start=s, end=e, speaker=spk.actor,
                     speaker_text=surface(doc, spk.token), cue=cue)


def _depth(tok: Token) -> int:
    n = 0
    while tok.head.i != tok.i and n < 50:
        tok = tok.head
        n += 1
    return n


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _scare(span: Span) -> bool:
    """A short quoted name or term with no speaker ("the so-called 'Iron Dome'"), not a quote."""
    words = [t for t in span if not t.is_punct]
    return len(words) <= 3
