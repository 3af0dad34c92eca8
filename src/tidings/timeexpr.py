"""Date phrases ("on Friday", "last week", "in June", "two days ago") resolved against a base date.

:func:`resolve` reads one phrase, such as the text of a DATE entity, and returns a
:class:`When`: an ISO date written at its precision, following CODEBOOK ``tidings/1``:

=========  ==========================  ===========================================
precision  written as                  example (published Friday 2024-11-01)
=========  ==========================  ===========================================
day        ``YYYY-MM-DD``              "on Friday" -> 2024-11-01
week       ``YYYY-MM-DD`` of its Monday "last week" -> 2024-10-21
month      ``YYYY-MM``                 "in June" -> 2024-06
year       ``YYYY``                    "in 1961" -> 1961
published  ``YYYY-MM-DD``              no phrase: the publication date stands in
=========  ==========================  ===========================================

A week is written as the date of its Monday, so a prefix check against a gold
month (``2024-10``) or day holds for the weeks that start in them.

``prefer`` says where an underspecified phrase falls: ``past`` (past-tense
events: the most recent June, the last Friday; never later than the base),
``future`` (announced events) or ``nearest`` (present tense: a weekday within
three days either side). A weekday that is the base's own weekday is the base
day. Relative phrases are read here; explicit calendar dates ("Nov. 1",
"14 December 2024") go to dateparser, which is never given raw text.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

PRECISIONS = ("day", "week", "month", "year", "published")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MONTH_ABBR = {m[:3]: i for i, m in enumerate(MONTHS, 1)} | {"sept": 9}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "a couple of": 2, "a few": 3, "few": 3, "several": 3}
_FUZZY = {"a few", "few", "several"}

_NUM = r"(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a few|few|several)"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_PART = r"(?:morning|afternoon|evening|night)"
_EDGE = r"(?:(?:early|mid|late|the (?:end|beginning|start|middle) of|end of|beginning of|start of)[\s-]+)?"
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"

RX = {
    "today": re.compile(rf"^(?:earlier |later )?(?:today|tonight|this {_PART}|(?:earlier|later) in the day)$"),
    "yesterday": re.compile(rf"^(?:yesterday(?: {_PART})?|last night)$"),
    "before_yesterday": re.compile(r"^day before yesterday$"),
    "tomorrow": re.compile(rf"^tomorrow(?: {_PART})?$"),
    "day_before": re.compile(r"^(?:(?:previous|preceding|prior) day|day before|a day (?:earlier|before))$"),
    "day_after": re.compile(r"^(?:(?:next|following) day|day after|a day later)$"),
    "weekday": re.compile(rf"^(?:(?P<rel>last|this|next|past|coming) )?(?P<wd>{'|'.join(WEEKDAYS)})(?:'s)?(?: {_PART})?$"),
    "weekend": re.compile(r"^(?:(?P<rel>last|this|next|past|coming) )?weekend$"),
    "relative": re.compile(r"^(?:(?P<edge>earlier|later|early|late|the (?:end|beginning|start|middle) of|end of|start of) )?"
                           r"(?P<rel>last|this past|this|next|past|previous|coming) (?P<unit>week|month|year)$"),
    "ago": re.compile(rf"^(?:about |some |nearly |almost |more than |over |just )?{_NUM} {_UNIT} (?P<dir>ago|earlier|before|later)$"),
    "month": re.compile(rf"^{_EDGE}{_MON}(?:,? (?P<year>\d{{4}}|last year|this year|next year))?$"),
    "year": re.compile(rf"^{_EDGE}(?:(?:spring|summer|autumn|fall|winter)(?: of)? )?(?P<year>(?:1[89]|20)\d\d)$"),
    "season": re.compile(r"^this (?:spring|summer|autumn|fall|winter)$"),
}
_NOISE = re.compile(r"^(?:on|in|at|during|the|of|around|about)\s+")
_DURATION = re.compile(rf"^(?:the )?(?:past |last |next |coming |first |final )?{_NUM}? ?{_UNIT}$|decades?|centur|annual|daily|weekly|monthly|yearly|every |each |\d{{4}}s\b|'\d0s")
_HAS_DIGIT = re.compile(r"\d")
_MON_ANY = _MON.replace("?P<mon>", "?:")
_DAY_SHAPE = re.compile(rf"\b\d{{1,2}}\b.*{_MON_ANY}|{_MON_ANY}.*\b\d{{1,2}}\b|\d{{4}}-\d{{2}}-\d{{2}}|\d/\d")


@dataclass(frozen=True)
class When:
    """A resolved date: ``date`` written at ``precision`` (see the module table)."""

    date: str
    precision: str
    start: dt.date  # first day of the period, for comparisons

    @classmethod
    def of(cls, day: dt.date, precision: str) -> "When":
        if precision == "week":
            day = day - dt.timedelta(days=day.weekday())
            return cls(day.isoformat(), "week", day)
        if precision == "month":
            return cls(f"{day.year:04d}-{day.month:02d}", "month", day.replace(day=1))
        if precision == "year":
            return cls(f"{day.year:04d}", "year", day.replace(month=1, day=1))
        return cls(day.isoformat(), precision, day)


def parse_iso(value: str | None) -> dt.date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` to the first day it names, or None."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def normalise(phrase: str) -> str:
    s = " ".join(phrase.lower().replace("’", "'").split()).strip(" ,.;:")
    for _ in range(3):
        s = _NOISE.sub("", s)
    return s.removesuffix("'s")


def resolve(phrase: str, base: dt.date, *, prefer: str = "past", anchor: dt.date | None = None) -> When | None:
    """The date ``phrase`` names, read against ``base`` (the publication date), or None.

    ``anchor`` is the day that "the previous day" counts from (default ``base``).
    Durations ("two years", "decades", "since 2022" once stripped to "2022" is the
    caller's business) and decades give None.
    """
    s = normalise(phrase)
    if not s:
        return None
    when = _relative(s, base, prefer, anchor or base)
    if when is None and not _DURATION.search(s):
        when = _calendar(s, base, prefer)
    if when is not None and prefer == "past" and when.start > base:
        return None  # a past event cannot be dated after its own report
    return when


def _relative(s: str, base: dt.date, prefer: str, anchor: dt.date) -> When | None:
    day = dt.timedelta(days=1)
    if RX["today"].match(s):
        return When.of(base, "day")
    if RX["yesterday"].match(s):
        return When.of(base - day, "day")
    if RX["before_yesterday"].match(s):
        return When.of(base - 2 * day, "day")
    if RX["tomorrow"].match(s):
        return When.of(base + day, "day")
    if RX["day_before"].match(s):
        return When.of(anchor - day, "day")
    if RX["day_after"].match(s):
        return When.of(anchor + day, "day")
    if m := RX["weekday"].match(s):
        return When.of(_weekday(WEEKDAYS.index(m.group("wd")), m.group("rel"), base, prefer), "day")
    if m := RX["weekend"].match(s):
        sat = _weekday(5, m.group("rel"), base, prefer if m.group("rel") in (None, "this") else "past")
        if m.group("rel") in ("next", "coming"):
            sat = _weekday(5, "next", base, "future")
        return When.of(sat, "week")
    if m := RX["relative"].match(s):
        return _unit_shift(m.group("unit"), {"last": -1, "past": -1, "this past": -1, "previous": -1, "this": 0,
                                            "next": 1, "coming": 1}[m.group("rel")], base)
    if m := RX["ago"].match(s):
        n = NUMBERS.get(m.group("n")) or int(m.group("n"))
        unit = m.group("unit")
        sign = 1 if m.group("dir") == "later" else -1
        ref = base if m.group("dir") == "ago" else anchor
        if unit == "day":
            target = ref + sign * n * day
            return When.of(target, "week" if m.group("n") in _FUZZY else "day")
        if unit == "week":
            return When.of(ref + sign * 7 * n * day, "month" if m.group("n") in _FUZZY else "week")
        if unit == "month":
            return When.of(_add_months(ref, sign * n), "year" if m.group("n") in _FUZZY else "month")
        return When.of(ref.replace(year=ref.year + sign * n, day=min(ref.day, 28)), "year")
    if m := RX["month"].match(s):
        month = _MONTH_ABBR[m.group("mon")[:4] if m.group("mon").startswith("sept") else m.group("mon")[:3]]
        year = m.group("year")
        if year:
            y = {"last year": base.year - 1, "this year": base.year, "next year": base.year + 1}.get(year)
            return When.of(dt.date(y or int(year), month, 1), "month")
        return When.of(dt.date(_year_for_month(month, base, prefer), month, 1), "month")
    if m := RX["year"].match(s):
        return When.of(dt.date(int(m.group("year")), 1, 1), "year")
    if RX["season"].match(s):
        return When.of(base, "year")
    return None


def _weekday(target: int, rel: str | None, base: dt.date, prefer: str) -> dt.date:
    back = (base.weekday() - target) % 7  # days since the last such weekday (0: today)
    ahead = (target - base.weekday()) % 7
    if rel in ("last", "past"):
        return base - dt.timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return base + dt.timedelta(days=ahead or 7)
    if rel == "this":
        monday = base - dt.timedelta(days=base.weekday())
        return monday + dt.timedelta(days=target)
    if prefer == "future":
        return base + dt.timedelta(days=ahead)
    if prefer == "nearest" and ahead < back and ahead <= 3:
        return base + dt.timedelta(days=ahead)
    return base - dt.timedelta(days=back)


def _unit_shift(unit: str, n: int, base: dt.date) -> When:
    if unit == "week":
        return When.of(base + dt.timedelta(days=7 * n), "week")
    if unit == "month":
        return When.of(_add_months(base, n), "month")
    return When.of(dt.date(base.year + n, 1, 1), "year")


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    return dt.date(d.year + y, m + 1, 1)


def _year_for_month(month: int, base: dt.date, prefer: str) -> int:
    if prefer == "future":
        return base.year if month >= base.month else base.year + 1
    if prefer == "nearest" and month > base.month and month - base.month < 12 - (month - base.month):
        return base.year  # present tense: "leaves office in January" said in November is next January
    if prefer == "nearest" and month < base.month and base.month - month > 12 - (base.month - month):
        return base.year + 1
    return base.year if month <= base.month else base.year - 1


def _year_for_day(day: dt.date, base: dt.date, prefer: str) -> dt.date:
    if prefer == "nearest":
        cands = []
        for year in (base.year - 1, base.year, base.year + 1):
            try:
                cands.append(day.replace(year=year))
            except ValueError:  # 29 February
                continue
        return min(cands, key=lambda c: (abs((c - base).days), c > base)) if cands else day
    for year in (base.year, base.year - 1, base.year + 1):
        try:
            cands = [day.replace(year=year)]
        except ValueError:  # 29 February
            continue
        c = cands[0]
        if prefer == "future" and c >= base and c - base < dt.timedelta(days=366):
            return c
        if prefer != "future" and c <= base and base - c < dt.timedelta(days=366):
            return c
    return day


@lru_cache(maxsize=1)
def _dateparser() -> Any:
    from dateparser.date import DateDataParser  # slow import: only when a calendar date needs it

    return DateDataParser


@lru_cache(maxsize=4096)
def _parse_calendar(s: str, base: dt.date, prefer: str) -> tuple[dt.date, str] | None:
    parser = _dateparser()(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "future" if prefer == "future" else "past",
        "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    try:
        data = parser.get_date_data(s)
    except Exception:  # dateparser raises a zoo of types on odd input
        return None
    if data.date_obj is None:
        return None
    period = data.period if data.period in ("day", "month", "year") else "day"
    return data.date_obj.date(), period


def _calendar(s: str, base: dt.date, prefer: str) -> When | None:
    """Explicit calendar dates: "Nov. 1", "14 December 2024", "2024-06-19", "Monday, Nov. 4"."""
    if not _HAS_DIGIT.search(s):
        return None
    s = re.sub(rf"^(?:{'|'.join(WEEKDAYS)}),? ", "", s)
    s = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", s)
    s = re.sub(r"^(?:the )?(\d{1,2}) of ", r"\1 ", s)
    s = re.sub(r"\b(this|last|next) year$", lambda m: str(base.year + {"this": 0, "last": -1, "next": 1}[m.group(1)]), s)
    if not re.search(r"[a-z]{3}|\d{4}|\d{1,2}/\d{1,2}/\d{2,4}", s):
        return None  # a bare number ("15") is not a date
    got = _parse_calendar(s, base, prefer)
    if got is None:
        return None
    day, period = got
    if period == "day" and not re.search(r"\d{4}", s):  # "Nov. 1": the year is ours to choose
        day = _year_for_day(day, base, prefer)
    if period == "day" and not _DAY_SHAPE.search(s):
        period = "month" if re.search(_MON_ANY, s) else "year"
    return When.of(day, period)
