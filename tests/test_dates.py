"""Event dates: phrase shapes resolved against the publication date, and which phrase governs an event."""
from __future__ import annotations

import datetime as dt

import pytest

from tidings.model import Actor, Event
from tidings.timeexpr import parse_iso, resolve

FRIDAY = dt.date(2024, 11, 1)  # a Friday


@pytest.mark.parametrize("phrase, prefer, date, precision", [
    # weekdays: the publication's own weekday is that day; others the last one before it
    ("on Friday", "past", "2024-11-01", "day"),
    ("Friday", "future", "2024-11-01", "day"),
    ("on Tuesday", "past", "2024-10-29", "day"),
    ("on Tuesday", "future", "2024-11-05", "day"),
    ("last Friday", "past", "2024-10-25", "day"),
    ("Wednesday night", "past", "2024-10-30", "day"),
    ("next Monday", "future", "2024-11-04", "day"),
    # weeks are written as the date of their Monday
    ("last week", "past", "2024-10-21", "week"),
    ("this week", "past", "2024-10-28", "week"),
    ("earlier this week", "past", "2024-10-28", "week"),
    ("next week", "future", "2024-11-04", "week"),
    ("three weeks ago", "past", "2024-10-07", "week"),
    # months
    ("in June", "past", "2024-06", "month"),
    ("in June", "future", "2025-06", "month"),
    ("in December", "past", "2023-12", "month"),
    ("in December", "nearest", "2024-12", "month"),
    ("in mid-June", "past", "2024-06", "month"),
    ("earlier this month", "past", "2024-11", "month"),
    ("last month", "past", "2024-10", "month"),
    ("a month ago", "past", "2024-10", "month"),
    ("in March 2023", "past", "2023-03", "month"),
    # days of the calendar
    ("on Nov. 1", "past", "2024-11-01", "day"),
    ("on November 1", "future", "2024-11-01", "day"),
    ("on Dec. 6", "past", "2023-12-06", "day"),
    ("on 14 December 2023", "past", "2023-12-14", "day"),
    ("Oct. 28, 2024", "past", "2024-10-28", "day"),
    ("2024-06-19", "past", "2024-06-19", "day"),
    ("the 14th of October", "past", "2024-10-14", "day"),
    # relative days
    ("two days ago", "past", "2024-10-30", "day"),
    ("yesterday", "past", "2024-10-31", "day"),
    ("today", "past", "2024-11-01", "day"),
    ("tomorrow", "future", "2024-11-02", "day"),
    ("a few days ago", "past", "2024-10-28", "week"),
    # years
    ("in 1961", "past", "1961", "year"),
    ("last year", "past", "2023", "year"),
    ("earlier this year", "past", "2024", "year"),
    ("two years ago", "past", "2022", "year"),
    ("in early 2023", "past", "2023", "year"),
    ("the summer of 2021", "past", "2021", "year"),
])
def test_phrase_shapes(phrase, prefer, date, precision):
    when = resolve(phrase, FRIDAY, prefer=prefer)
    assert when is not None and (when.date, when.precision) == (date, precision)


@pytest.mark.parametrize("phrase", [
    "two years", "decades", "the 1990s", "the victory day", "15", "weekly", "next week", "in 2026",
])
def test_no_date_for_durations_or_past_events_after_publication(phrase):
    # "next week" and "in 2026" for a past-tense event would land after the report: no date
    assert resolve(phrase, FRIDAY, prefer="past") is None


def test_the_previous_day_counts_from_its_anchor():
    when = resolve("the previous day", FRIDAY, anchor=dt.date(2024, 10, 29))
    assert when is not None and when.date == "2024-10-28"


def test_weeks_satisfy_a_month_prefix():
    when = resolve("last week", FRIDAY)
    assert when is not None and when.date.startswith("2024-10")


def test_parse_iso_partial_dates():
    assert parse_iso("2024") == dt.date(2024, 1, 1)
    assert parse_iso("2024-06") == dt.date(2024, 6, 1)
    assert parse_iso(None) is None


# -- which phrase governs an event (needs the parse) -----------------------------------

def _doc(extractor, text, published):
    from tidings.article import make_article

    return extractor.nlp(extractor._doc(make_article(text, published=published)))


def _token(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, published, date, precision", [
    ("The ministers met in Ankara on Friday to discuss grain exports.", "met", "2024-11-01", "2024-11-01", "day"),
    ("The ministers met in Ankara on Tuesday to discuss grain exports.", "met", "2024-11-01", "2024-10-29", "day"),
    ("Parliament ratified the accord last week after a long debate.", "ratified", "2024-11-01", "2024-10-21", "week"),
    ("The two governments signed a trade agreement in June.", "signed", "2024-11-01", "2024-06", "month"),
    ("Rebels attacked a convoy on Nov. 1, officials said.", "attacked", "2024-11-05", "2024-11-01", "day"),
    ("Rebels attacked a convoy two days ago, officials said.", "attacked", "2024-11-05", "2024-11-03", "day"),
    ("Earlier this month, the navy seized a tanker in the strait.", "seized", "2024-11-20", "2024-11", "month"),
    ("The alliance was founded in 1961 by five states.", "founded", "2024-11-20", "1961", "year"),
    ("Kenya will host the summit next week.", "host", "2024-11-20", "2024-11-25", "week"),
    ("Protesters gathered outside the embassy in December, police said.", "gathered", "2024-11-20", "2023-12", "month"),
    ("The foreign minister visited Hanoi last month.", "visited", "2024-11-20", "2024-10", "month"),
    # a phrase in the clause above dates the event when its own clause has none
    ("The president said on Monday that troops had shelled the village.", "shelled", "2024-11-20", "2024-11-18", "day"),
    # a nominal trigger takes the phrase attached to it
    ("During talks with his counterpart in Rome on Wednesday, the envoy spoke warmly.", "talks", "2024-11-22",
     "2024-11-20", "day"),
    # no phrase of its own: the publication date stands in
    ("Officials praised the deal, which was signed in March.", "praised", "2024-11-20", "2024-11-20", "published"),
    ("The army has fought the insurgents since 2019.", "fought", "2024-11-22", "2024-11-22", "published"),
    # a date inside someone else's quotation does not date the speech act around it
    ("“We met on Friday,” the envoy said.", "said", "2024-11-22", "2024-11-22", "published"),
])
def test_governing_phrase(extractor, text, trigger, published, date, precision):
    from tidings.pipeline.dates import date_for

    doc = _doc(extractor, text, published)
    assert date_for(doc, _token(doc, trigger), published) == (date, precision)


@pytest.mark.model
def test_relative_clause_date_belongs_to_its_own_verb(extractor):
    from tidings.pipeline.dates import date_for

    doc = _doc(extractor, "Officials praised the deal, which was signed in March.", "2024-11-20")
    assert date_for(doc, _token(doc, "signed"), "2024-11-20") == ("2024-03", "month")


@pytest.mark.model
def test_no_publication_date_keeps_only_dates_with_their_year(extractor):
    from tidings.pipeline.dates import date_for

    doc = _doc(extractor, "The envoys met on 3 March 2025 and again on Friday.", None)
    assert date_for(doc, _token(doc, "met"), None) == ("2025-03-03", "day")


@pytest.mark.model
def test_component_sets_every_event(extractor):
    doc = _doc(extractor, "Egypt's foreign minister visited Amman on Monday. The two sides talked for hours.",
               "2025-02-05")
    state = Actor("Egypt", "state", "EGY")
    visit, talk = (Event("CONSULT", [state], trigger_token=_token(doc, w).i) for w in ("visited", "talked"))
    doc._.events = [visit, talk]
    extractor.nlp.get_pipe("dates")(doc)
    assert (visit.date, visit.date_precision) == ("2025-02-03", "day")
    # the lead's undated act happens on the day the lead names (a later paragraph's would not)
    assert (talk.date, talk.date_precision) == ("2025-02-03", "day")


@pytest.mark.model
def test_future_event_looks_ahead(extractor):
    doc = _doc(extractor, "The leaders plan to meet in Jakarta in March.", "2025-11-12")
    ev = Event("AGREE", [Actor("Kenya", "state", "KEN")], factuality="future",
               trigger_token=_token(doc, "meet").i)
    doc._.events = [ev]
    extractor.nlp.get_pipe("dates")(doc)
    assert (ev.date, ev.date_precision) == ("2026-03", "month")


# -- a phrase that counts from an earlier date of the text -------------------------------

@pytest.mark.model
@pytest.mark.parametrize("text, trigger, published, date, precision", [
    ("On 4 March, floods hit the coastal province. Two days later, the governor requested federal aid.",
     "requested", "2025-03-20", "2025-03-06", "day"),
    ("The talks opened in Nairobi on 2 April. The next day, the delegations signed a ceasefire.",
     "signed", "2025-04-20", "2025-04-03", "day"),
    ("Rebels seized the border town on 10 May. A week later, the army retook it.",
     "retook", "2025-06-01", "2025-05-12", "week"),
    # the earlier phrase names no single day: "later" cannot count from it
    ("In March the ports closed. Two days later, the unions called a strike.",
     "called", "2025-05-10", "2025-05-10", "published"),
])
def test_later_counts_from_the_date_before_it(extractor, text, trigger, published, date, precision):
    from tidings.pipeline.dates import date_for

    doc = _doc(extractor, text, published)
    assert date_for(doc, _token(doc, trigger), published) == (date, precision)


# -- merged mentions: a headline takes the date of its lead --------------------------------

def _merged(doc, first, later):
    ev = Event("ASSAULT", [Actor("Ruritania", "state", "RUR")], trigger_token=_token(doc, first).i)
    tok = _token(doc, later)
    ev.extra_evidence.append({"start": tok.sent.start_char, "end": tok.sent.end_char,
                              "trigger": [tok.idx, tok.idx + len(tok)]})
    doc._.events = [ev]
    return ev


@pytest.mark.model
def test_headline_mention_takes_the_date_of_the_lead(extractor):
    text = ("Navy ships ram fishing boat near disputed atoll\n"
            "Navy ships rammed a fishing boat near the disputed atoll on Tuesday, injuring two sailors.")
    doc = _doc(extractor, text, "2025-06-05")
    ev = _merged(doc, "ram", "rammed")
    extractor.nlp.get_pipe("dates")(doc)
    assert (ev.date, ev.date_precision) == ("2025-06-03", "day")


@pytest.mark.model
def test_later_mention_does_not_redate_a_body_mention(extractor):
    text = ("The envoy praised the partnership. Its parliament ratified the partnership pact last week, "
            "and the envoy praised it again.")
    doc = _doc(extractor, text, "2025-06-05")
    ev = _merged(doc, "praised", "ratified")
    extractor.nlp.get_pipe("dates")(doc)
    assert (ev.date, ev.date_precision) == ("2025-06-05", "published")


@pytest.mark.model
@pytest.mark.parametrize("text, is_headline", [
    ("Storm floods coastal towns\nA storm flooded the coast on Monday.", True),
    ("A storm flooded the coast on Monday.\nResidents fled inland.", False),
    ("A storm flooded the coast on Monday.", False),
])
def test_headline_end(extractor, text, is_headline):
    from tidings.pipeline.dates import headline_end

    doc = _doc(extractor, text, "2025-06-05")
    assert headline_end(doc) == (text.index("\n") if is_headline else 0)


@pytest.mark.model
def test_the_lead_s_undated_acts_happen_on_its_day(extractor):
    text = ("Fighting flares on the border\nKenyan troops shelled positions near Mandera on Tuesday, and Somalia "
            "condemned the attack.\nLater, Somalia thanked Ethiopia.")
    rec = extractor.extract(text, published="2025-03-06")
    by_type = {e["type"]: e for e in rec["events"]}
    assert by_type["ACCUSE"]["date"] == "2025-03-04"
    assert by_type["SUPPORT"]["date"] == "2025-03-06"  # a later paragraph keeps the publication date
