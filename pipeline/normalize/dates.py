"""Normalize a DATE expression to ISO 8601 at the granularity it was written with.

dateparser does the parsing, only ever on a date span (never a whole text).
Everything that would make a date up is refused: durations ("three years"),
vague spans ("these years", "annual"), decades, and relative dates ("last
week", "March 3") when the article's own date is not known.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.normalize.numbers import TENS, UNITS

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d|21\d\d)\b")
_QUARTER = re.compile(
    # "[\s-]*(fiscal[\s-]*)?quarter", not "[\s-]*(fiscal)?[\s-]*quarter": two runs of the same characters side by
    # side are tried at every split of a long run of hyphens (quadratic); this reads the same strings
    r"\b(first|second|third|fourth|1st|2nd|3rd|4th|q1|q2|q3|q4)(?:[\s-]*(?:(?:fiscal|financial)[\s-]*)?quarter)?"
    r"(?:\s+(?:of\s+)?(?:(?:fiscal\s+|fy\s*)?'?(\d{4})|(this|last|next|the)\s+year))?\b",
    re.IGNORECASE,
)
_QUARTER_NUMBER = {"first": 1, "1st": 1, "q1": 1, "second": 2, "2nd": 2, "q2": 2,
                   "third": 3, "3rd": 3, "q3": 3, "fourth": 4, "4th": 4, "q4": 4}
_MODIFIERS = re.compile(
    r"^(?:(?:by|since|until|till|through|before|after|from|in|on|during|of|as of)\s+)?"
    r"(?:(?:the\s+)?(?:end|beginning|start|middle|rest|close|first half|second half|turn|course|spring|summer|autumn|fall|winter)\s+of\s+)?"
    r"(?:(?:early|late|mid|mid-|spring|summer|autumn|fall|winter|end-|end)\s*)?"
    r"(?:the\s+)?(?:(?:fiscal|financial|calendar|tax|business|school|model)\s+)?(?:year\s+)?",
    re.IGNORECASE,
)
_COUNT_WORDS = "|".join(sorted(set(UNITS) | set(TENS) | {"a", "an", "several", "few", "many", "couple of", "dozen",
                                                         "hundreds of", "thousands of", "hundred"}, key=len, reverse=True))
_DURATION = re.compile(
    r"^(?:the\s+)?(?:past|last|next|previous|coming|first|final|recent|about|some|over|nearly|almost|more than|up to)?\s*"
    r"(?:\d[\d,.]*|(?:" + _COUNT_WORDS + r")(?:-(?:" + _COUNT_WORDS + r"))?)"
    r"[\s-]+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?|centuries|century|quarters?|hours?|minutes?)\b(?!\s+ago)",
    re.IGNORECASE,
)
_DECADE = re.compile(r"\b\d{3}0'?s\b|\b(?:19|20)\d\d\s*[-–/]\s*\d{2}(?:\d{2})?\b(?![-/]\d)")
_VAGUE = re.compile(r"^(?:the\s+)?(?:these|those|recent|coming|past|several|many|some|few|annual|annually|yearly|"
                    r"monthly|weekly|daily|quarterly|year|the year|years|decades?|future|once|now|currently|then|"
                    r"the time|that time|this time|the day|the period|the season|seasonal|the same period)\b.*$|^\S*ly$",
                    re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_BARE_NUMBER = re.compile(r"^\d{1,3}$")
_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}
_LAST_OR_NEXT = re.compile(r"^(last|next)\s+(week|month|year)$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"^(?:(?:on|last|this|next)\s+)?(" + "|".join(_WEEKDAYS) + r")(?:\s+(?:morning|afternoon|evening|night))?$",
                      re.IGNORECASE)
_THIS = re.compile(r"^(?:(?:the\s+)?(?:beginning|start|end|middle|rest)\s+of\s+)?(?:this|the current|the)\s+"
                   r"(week|month|year|quarter)$", re.IGNORECASE)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_OF_YEAR = re.compile(r"^(?:(last|this|next)\s+)?(?:the\s+month\s+of\s+)?(" + "|".join(_MONTHS) +
                            r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?"
                            r"(?:,?\s+(last|this|next)\s+year)?$", re.IGNORECASE)
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_CALENDAR_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH},?\s+\d{{4}})(?!\w)")
_FORMATS = {"year": ("%Y", "year"), "month": ("%Y-%m", "month"), "day": ("%Y-%m-%d", "day"), "time": ("%Y-%m-%d", "day")}


def calendar_date_in(text: str) -> tuple[int, int] | None:
    """Offsets of an explicit calendar date inside a longer expression, or None.

    >>> t = "the six months ended Sept. 30, 2023"
    >>> start, end = calendar_date_in(t); t[start:end]
    'Sept. 30, 2023'
    >>> calendar_date_in("March 2019") is None  # the whole text already is one
    True
    """
    match = _CALENDAR_DATE.search(text)
    if match is None or match.span() == (0, len(text.rstrip(" .,"))):
        return None
    return match.span()


_YEAR_RANGE = re.compile(r"^(?:(?:between|from)\s+)?(?:the\s+years\s+)?((?:19|20)\d\d)\s*(?:and|to|through|until|-|–)\s*((?:19|20)\d\d)$",
                         re.IGNORECASE)


def years_in_range(text: str) -> list[tuple[int, int]]:
    """Offsets of both years of a year range ("between 2024 and 2028"), else [].

    >>> t = "between 2024 and 2028"
    >>> [t[s:e] for s, e in years_in_range(t)]
    ['2024', '2028']
    >>> years_in_range("2018-19")
    []
    """
    match = _YEAR_RANGE.match(text.strip())
    return [match.span(1), match.span(2)] if match else []


@lru_cache(maxsize=64)
def _parser(base: date | None) -> DateDataParser:
    """One parser per relative base; absolute dates all share the base-less one (dateparser is imported then)."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": [], "RETURN_TIME_AS_PERIOD": True}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=8192)
def normalize_date(text: str, base: date | None = None) -> tuple[str, str] | None:
    """ISO value and granularity of a date expression, or None when it names no calendar date.

    >>> normalize_date("the year 2018")
    ('2018', 'year')
    >>> normalize_date("March 31, 2018")
    ('2018-03-31', 'day')
    >>> normalize_date("March 2019")
    ('2019-03', 'month')
    >>> normalize_date("By the end of the year 2018")
    ('2018', 'year')
    >>> normalize_date("the first quarter of 2019")
    ('2019-Q1', 'quarter')
    >>> normalize_date("yesterday") is None  # relative, and the article date is unknown
    True
    >>> normalize_date("yesterday", date(2005, 3, 18))
    ('2005-03-17', 'day')
    >>> normalize_date("last year", date(2005, 3, 18))
    ('2004', 'year')
    >>> normalize_date("Wednesday", date(2004, 11, 17)), normalize_date("Q4", date(2006, 1, 20))
    (('2004-11-17', 'day'), ('2005-Q4', 'quarter'))
    >>> normalize_date("the beginning of the year", date(2008, 11, 28)), normalize_date("the year")
    (('2008', 'year'), None)
    >>> normalize_date("September last year", date(2006, 1, 20)), normalize_date("July 1", date(2009, 2, 18))
    (('2005-09', 'month'), ('2009-07-01', 'day'))
    >>> [normalize_date(t) for t in ("these years", "annual", "three years", "the 1990s", "the past two years", "2018-19")]
    [None, None, None, None, None, None]
    >>> normalize_date("2005-03-18")
    ('2005-03-18', 'day')
    >>> normalize_date("tomorrow", date(9999, 12, 31)), normalize_date("December", date(1, 1, 1))  # off the calendar
    (None, None)
    """
    text = " ".join(text.split()).strip(" ,.;:'\"()")
    vague = _VAGUE.match(text) and not any(ch.isdigit() for ch in text)
    if not text or vague or _BARE_NUMBER.match(text) or _DURATION.match(text) or _DECADE.search(text):
        return None
    if _YEAR.search(text):
        return _absolute_date(text)  # the article date plays no part: one parse per distinct string
    if base is None:
        return None
    quarter = _QUARTER.search(text)
    try:
        return _quarter(quarter, base) if quarter else _relative_to(text, base) or _parse(text, base)
    except (OverflowError, ValueError):  # "tomorrow" of 9999-12-31, "yesterday" of 0001-01-01: no calendar date
        return None


@lru_cache(maxsize=8192)
def _absolute_date(text: str) -> tuple[str, str] | None:
    """A date expression that writes its year."""
    numeric = _NUMERIC_DATE.fullmatch(_MODIFIERS.sub("", text, count=1))
    if numeric:  # "2018", "in 2018", "2005-03-18": no need for dateparser
        return _numeric_date(numeric)
    quarter = _QUARTER.search(text)
    if quarter and quarter.group(2):
        return _quarter(quarter, None)
    parsed = _parse(text, None)
    if parsed is not None and _YEAR.search(text).group(1) != parsed[0][:4]:
        return None  # dateparser read something else than the year written
    return parsed


def _numeric_date(match: re.Match) -> tuple[str, str] | None:
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return match.group(), "day" if day else "month" if month else "year"


def _parse(text: str, base: date | None) -> tuple[str, str] | None:
    """dateparser on the expression without its modifiers ("by the end of"), else on all of it."""
    core = _MODIFIERS.sub("", text, count=1) or text
    parsed = _parser(base).get_date_data(core)
    if parsed.date_obj is None and core != text:
        parsed = _parser(base).get_date_data(text)
    if parsed.date_obj is None:
        return None
    if parsed.period == "week":
        year, week, _ = parsed.date_obj.isocalendar()
        return f"{year}-W{week:02d}", "week"
    fmt, granularity = _FORMATS.get(parsed.period, _FORMATS["day"])
    return parsed.date_obj.strftime(fmt), granularity


def _quarter(match: re.Match, base: date | None) -> tuple[str, str]:
    """A quarter; without a year, the latest such quarter up to the article date (or of the year named)."""
    number = _QUARTER_NUMBER[match.group(1).lower()]
    if match.group(2):
        year = int(match.group(2))
    else:
        which = (match.group(3) or "").lower()
        year = base.year + {"last": -1, "next": 1}.get(which, 0)
        if not which and number > (base.month - 1) // 3 + 1:
            year -= 1
    return f"{year}-Q{number}", "quarter"


def _relative_to(text: str, base: date) -> tuple[str, str] | None:
    """The commonest relative dates, weekdays, 'this week/month/year' and month names without a year, read
    against the article date (the first two as dateparser reads them, without its cost).

    A weekday is the latest one up to the article date; a month (and day) with
    no year is the one nearest the article date unless 'last'/'next' says.

    >>> b = date(2005, 3, 18)
    >>> _relative_to("Yesterday", b), _relative_to("last week", b), _relative_to("next month", b)
    (('2005-03-17', 'day'), ('2005-W10', 'week'), ('2005-04', 'month'))
    """
    lowered = text.lower()
    if lowered in _DAY_WORDS:
        return (base + timedelta(days=_DAY_WORDS[lowered])).isoformat(), "day"
    shift = _LAST_OR_NEXT.match(lowered)
    if shift:
        step = -1 if shift.group(1) == "last" else 1
        if shift.group(2) == "year":
            return str(base.year + step), "year"
        if shift.group(2) == "month":
            month = base.year * 12 + base.month - 1 + step
            return f"{month // 12}-{month % 12 + 1:02d}", "month"
        year, week, _ = (base + timedelta(weeks=step)).isocalendar()
        return f"{year}-W{week:02d}", "week"
    weekday = _WEEKDAY.match(text)
    if weekday:
        back = (base.weekday() - _WEEKDAYS.index(weekday.group(1).lower())) % 7
        if text.lower().startswith("next"):
            back -= 7
        elif text.lower().startswith("last") and back == 0:
            back = 7
        return (base - timedelta(days=back)).isoformat(), "day"
    this = _THIS.match(text)
    if this:
        unit = this.group(1).lower()
        if unit == "week":
            year, week, _ = base.isocalendar()
            return f"{year}-W{week:02d}", "week"
        if unit == "quarter":
            return f"{base.year}-Q{(base.month - 1) // 3 + 1}", "quarter"
        return (base.strftime("%Y-%m"), "month") if unit == "month" else (str(base.year), "year")
    month = _MONTH_OF_YEAR.match(text)
    if month:
        number = next(i for i, name in enumerate(_MONTHS, start=1) if name.startswith(month.group(2).lower()[:3]))
        day = int(month.group(3)) if month.group(3) else None
        return _nearest_month(base, number, day, (month.group(1) or "").lower(), (month.group(4) or "").lower())
    return None


def _nearest_month(base: date, month: int, day: int | None, before: str, year_word: str) -> tuple[str, str] | None:
    """'last December', 'September last year', 'July 1': the year is said, or the nearest to the article date."""
    if year_word:
        year = base.year + {"last": -1, "next": 1}.get(year_word, 0)
    elif before == "last":
        year = base.year if month < base.month else base.year - 1
    elif before == "next":
        year = base.year if month > base.month else base.year + 1
    elif before == "this":
        year = base.year
    else:
        year = min((base.year - 1, base.year, base.year + 1),
                   key=lambda y: abs((date(y, month, 1) - base.replace(day=1)).days))
    if day is None:
        return f"{year}-{month:02d}", "month"
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def granularity_of(value: str) -> str:
    """The granularity an ISO value is written at.

    >>> [granularity_of(v) for v in ("2018", "2018-03", "2019-Q1", "2005-W22", "2018-03-31")]
    ['year', 'month', 'quarter', 'week', 'day']
    """
    if "Q" in value:
        return "quarter"
    if "W" in value:
        return "week"
    return {4: "year", 7: "month"}.get(len(value), "day")
