"""Event dates: the date phrase that governs each event, resolved against the publication date.

Candidates are the DATE and TIME entities of the sentence, plus weekday, month
and "last week"-shaped phrases the small model leaves unlabelled. The phrase in
the trigger's own clause wins over one in the clause above it; phrases in other
clauses, in quotations the trigger is not part of, or after "since", "until",
"by" ... do not date the event. Phrases are read by :func:`tidings.timeexpr.resolve`
(past-tense events never land after publication); "two days later", "the next
day" count from the nearest date phrase before them. A merged event is dated by
its first mention, or, when that is in the headline and has no phrase, by the
next mention that has one (the lead's). With no phrase the event takes
the publication date with ``date_precision: "published"``. An article without a
publication date keeps only phrases that give their year ("on 3 March 2025");
its other events get no date.

Dates are written as in :mod:`tidings.timeexpr`: day ``YYYY-MM-DD``, week the
``YYYY-MM-DD`` of its Monday, month ``YYYY-MM``, year ``YYYY``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from tidings.pipeline.dates_clause import attachment, same_voice, tense
from tidings.pipeline.quotes_cues import text_of
from tidings.timeexpr import MONTHS, WEEKDAYS, When, parse_iso, resolve

# a date after these words bounds a span of time or sets a deadline; it does not say when
NOT_WHEN = {"since", "until", "till", "til", "through", "by", "from", "before", "after", "within",
            "between", "throughout", "ahead", "prior"}
_MONTH_WORDS = [m.capitalize() for m in MONTHS] + ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
                                                   "Sept", "Oct", "Nov", "Dec"]
_AMBIGUOUS_MONTHS = {"May", "March", "Mar"}  # a modal and a verb as well
_TIME_CUES = {"in", "on", "since", "early", "late", "mid", "last", "next", "this", "of", "until", "by", "from",
              "during", "end", "-"}


@dataclass
class Candidate:
    span: Span
    when: dict[str, When | None]  # prefer -> resolution, filled lazily


@Language.factory("tidings_dates")
def make_dates(nlp: Language, name: str) -> "DateResolver":
    return DateResolver(nlp)


class DateResolver:
    """Sets ``date`` and ``date_precision`` on every event of ``doc._.events``."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = build_matcher(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        events = doc._.events or []
        if not events:
            return doc
        dates = DocDates.of(doc, self.matcher)
        published = published_of(doc)
        for ev in events:
            toks = mention_triggers(doc, ev)
            if not toks:
                continue
            prefer = "future" if ev.factuality == "future" else None
            ev.date, ev.date_precision = dates.date_for_mentions(toks, published, prefer=prefer)
        self.story_day(doc, events, published)
        return doc

    @staticmethod
    def story_day(doc: Doc, events: list, published: dt.date | None) -> None:
        """Undated past events of the headline and lead happened on the day the lead puts its news
        on ("Israeli warplanes struck ... on Wednesday, killing ..."), when that is in the week before
        publication. Later paragraphs keep the publication date: there an undated act is as often
        the day's statement as the lead's news."""
        if published is None:
            return
        lead_end = _lead_end(doc)
        day = None
        for ev in sorted(events, key=lambda e: e.trigger_token):
            if ev.trigger_token < lead_end and ev.date_precision == "day" and ev.date:
                d = parse_iso(ev.date)
                if d is not None and dt.timedelta(0) < published - d <= dt.timedelta(days=7):
                    day = ev.date
                break
        if day is None:
            return
        for ev in events:
            if ev.date_precision == "published" and ev.factuality != "future" and ev.trigger_token < lead_end:
                ev.date, ev.date_precision = day, "day"


def build_matcher(vocab: Vocab) -> Matcher:
    """Date phrases the small model leaves unlabelled: weekdays, months, "last week", "two days ago"."""
    matcher = Matcher(vocab)
    rel = {"LOWER": {"IN": ["last", "this", "next", "past", "coming"]}, "OP": "?"}
    part = {"LOWER": {"IN": ["morning", "afternoon", "evening", "night"]}, "OP": "?"}
    matcher.add("WEEKDAY", [[rel, {"LOWER": {"IN": list(WEEKDAYS)}}, part]])
    matcher.add("MONTH", [[{"LOWER": {"IN": ["early", "mid", "late"]}, "OP": "?"},
                           {"TEXT": {"IN": _MONTH_WORDS}}, {"IS_PUNCT": True, "OP": "?"},
                           {"IS_DIGIT": True, "OP": "?"}]])
    units = ["day", "days", "week", "weeks", "month", "months", "year", "years"]
    matcher.add("RELATIVE", [[{"LOWER": {"IN": ["last", "this", "next", "earlier", "later", "past"]}},
                              {"LOWER": {"IN": ["week", "month", "year", "weekend"]}}],
                             [{"LIKE_NUM": True}, {"LOWER": {"IN": units}}, {"LOWER": "ago"}]])
    matcher.add("YEAR", [[{"LOWER": {"IN": ["in", "early", "late", "mid"]}}, {"SHAPE": "dddd"}]])
    return matcher


_MATCHERS: dict[int, Matcher] = {}
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# phrases that count from a day named before them ("two days later", "the previous day")
_ANCHORED = re.compile(r"\b(?:later|earlier|before|after|previous|preceding|prior|following|next day)\b")
NO_BASE = dt.date(9000, 1, 1)  # stands in for an unknown publication date: only years that are given count


def _lead_end(doc: Doc) -> int:
    """The token where the lead (the first paragraph after the headline) ends."""
    start = headline_end(doc)
    text = text_of(doc)
    cut = text.find("\n", start + 1)
    cut = len(text) if cut < 0 else cut
    for t in doc:
        if t.idx >= cut:
            return t.i
    return len(doc)


def published_of(doc: Doc) -> dt.date | None:
    art = doc._.article
    return parse_iso(art.published) if art is not None and art.published else None


def trigger_of(doc: Doc, ev: object) -> Token | None:
    """The trigger token of an event: its ``trigger_token``, else the token at its trigger span."""
    i = getattr(ev, "trigger_token", -1)
    if 0 <= i < len(doc):
        return doc[i]
    start, end = getattr(ev, "trigger", (0, 0))
    if end > start:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            return span.root
    return None


_END_PUNCT = (".", "!", "?", "\"", "”", "’", ":")


def headline_end(doc: Doc) -> int:
    """Where the headline ends (a char offset), 0 when the text opens with none.

    The headline is the first line when it is the article's title, or a short line
    without the closing punctuation of a sentence.
    """
    cached = doc.user_data.get("tidings_headline_end")
    if cached is None:
        text = text_of(doc)
        first = text.split("\n", 1)[0]
        title = getattr(doc._.article, "title", None) if doc._.article is not None else None
        line = first.strip()
        is_head = bool(line) and "\n" in text and (
            (title and line == title.strip()) or (not line.endswith(_END_PUNCT) and len(line.split()) <= 25))
        cached = doc.user_data["tidings_headline_end"] = len(first) if is_head else 0
    return cached


def mention_triggers(doc: Doc, ev: object) -> list[Token]:
    """The trigger tokens of every mention of a merged event, its first mention first."""
    first = trigger_of(doc, ev)
    out = [first] if first is not None else []
    for extra in getattr(ev, "extra_evidence", None) or []:
        span = extra.get("trigger") if isinstance(extra, dict) else None
        if not span or len(span) != 2 or span[1] <= span[0]:
            continue
        got = doc.char_span(span[0], span[1], alignment_mode="expand")
        if got is not None and all(t.i != got.root.i for t in out):
            out.append(got.root)
    return out


class DocDates:
    """The date phrases of one doc, resolved on demand and cached."""

    def __init__(self, doc: Doc, spans: list[Span]) -> None:
        self.doc = doc
        self.cands = [Candidate(s, {}) for s in sorted(spans, key=lambda s: s.start)]

    @classmethod
    def of(cls, doc: Doc, matcher: Matcher | None = None) -> "DocDates":
        """The date phrases of ``doc``: its DATE and TIME entities and what ``matcher`` adds."""
        spans = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
        if matcher is not None:
            taken = {i for s in spans for i in range(s.start, s.end)}
            found = sorted(matcher(doc, as_spans=True), key=lambda s: (s.start, -len(s)))
            for s in found:
                if any(i in taken for i in range(s.start, s.end)) or not _plausible(s):
                    continue
                if s.label_ == "YEAR" or s[0].lower_ == "in":
                    s = doc[s.end - 1:s.end]
                spans.append(s)
                taken.update(range(s.start, s.end))
        return cls(doc, spans)  # not cached on the doc: it would tie the doc in a reference cycle

    def in_sentence(self, tok: Token) -> list[Candidate]:
        sent = tok.sent
        return [c for c in self.cands if sent.start <= c.span.start < sent.end]

    def resolve(self, cand: Candidate, published: dt.date | None, prefer: str) -> When | None:
        """The date ``cand`` names; with no publication date, only phrases that give their year."""
        key = prefer if published is not None else "absolute"
        if key not in cand.when:
            before = self.doc[cand.span.start - 1] if cand.span.start > 0 else None
            if before is not None and before.lower_ in NOT_WHEN:
                cand.when[key] = None
            elif published is None:
                absolute = _YEAR.search(cand.span.text)
                cand.when[key] = resolve(cand.span.text, NO_BASE, prefer="past") if absolute else None
            else:
                anchored = _ANCHORED.search(cand.span.text.lower())
                cand.when[key] = resolve(cand.span.text, published, prefer=prefer,
                                         anchor=self.anchor(cand, published) if anchored else None)
        return cand.when[key]

    def anchor(self, cand: Candidate, published: dt.date) -> dt.date:
        """The last day named before ``cand``: what "the previous day", "two days later" count from.

        The nearest earlier phrase that names a date decides; when it names no single day
        (a month, a week), or no phrase comes before, the publication date stands in.
        """
        for other in reversed(self.cands):
            if other.span.start >= cand.span.start:
                continue
            w = self.resolve(other, published, "past") or self.resolve(other, published, "nearest")
            if w is None:
                continue
            return w.start if w.precision == "day" else published
        return published

    def governing(self, tok: Token) -> list[tuple[int, int, Candidate]]:
        """Candidates of ``tok``'s sentence that govern it, closest first."""
        out = []
        for c in self.in_sentence(tok):
            rank = attachment(c.span.root, tok)
            if rank is None or not same_voice(self.doc, c.span, tok):
                continue
            out.append((rank, abs(c.span.root.i - tok.i), c))
        return sorted(out, key=lambda x: (x[0], x[1]))

    def when_for(self, tok: Token, published: dt.date | None, *, prefer: str | None = None) -> When | None:
        """The date of the phrase that governs ``tok``, or None; see :meth:`resolve` for no ``published``."""
        prefer = prefer or tense(tok)
        for _, _, cand in self.governing(tok):
            when = self.resolve(cand, published, prefer)
            if when is not None:
                return when
        return None

    def date_for_mentions(self, toks: list[Token], published: dt.date | None, *,
                          prefer: str | None = None) -> tuple[str | None, str | None]:
        """``(date, precision)`` of an event mentioned at each of ``toks`` (first mention first).

        The first mention dates the event. A headline gives no date ("Navy ships blast fishing
        boat"): a first mention there takes the date of the next mention that has a phrase,
        the lead's. Later mentions never override a first mention in the body, which may
        report another occasion of the same act.
        """
        end = headline_end(self.doc)
        for tok in toks:
            when = self.when_for(tok, published, prefer=prefer)
            if when is not None:
                return when.date, when.precision
            if tok.idx >= end:
                break
        if published is None:
            return None, None
        return published.isoformat(), "published"

    def date_for(self, tok: Token, published: dt.date | None, *,
                 prefer: str | None = None) -> tuple[str | None, str | None]:
        """``(date, precision)`` for the event whose trigger is ``tok``; the publication date as fallback."""
        when = self.when_for(tok, published, prefer=prefer)
        if when is not None:
            return when.date, when.precision
        if published is None:
            return None, None
        return published.isoformat(), "published"


def _plausible(span: Span) -> bool:
    """A capitalised "May" or "March" is a month only next to a number or after a time word."""
    word = next((t for t in span if t.text in _AMBIGUOUS_MONTHS), None)
    if word is None:
        return True
    doc = span.doc
    prev = doc[word.i - 1] if word.i > 0 else None
    nxt = doc[word.i + 1] if word.i + 1 < len(doc) else None
    return bool(nxt is not None and nxt.like_num or prev is not None and prev.lower_ in _TIME_CUES)


def date_for(doc: Doc, tok: Token, published: str | dt.date | None, *,
             prefer: str | None = None) -> tuple[str | None, str | None]:
    """``(date, precision)`` of an event triggered by ``tok`` in a processed ``doc``."""
    base = parse_iso(published) if isinstance(published, str) else published
    matcher = _MATCHERS.get(id(doc.vocab))
    if matcher is None:
        matcher = _MATCHERS[id(doc.vocab)] = build_matcher(doc.vocab)
    return DocDates.of(doc, matcher).date_for(tok, base, prefer=prefer)
