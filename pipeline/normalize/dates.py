"""Normalize a DATE expression to ISO 8601 at the granularity it was written with.

dateparser does the parsing, only ever on a date span (never a whole text).
Everything that would make a date up is refused: durations ("three years"),
vague spans ("these years", "annual"), decades, and relative dates ("last
week", "March 3") when the article's own date is not known.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from dateparser.date import DateDataParser

_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d|21\d\d)\b")
_QUARTER = re.compile(
    r"\b(first|second|third|fourth|1st|2nd|3rd|4th|q1|q2|q3|q4)\s*(?:fiscal\s+|financial\s+)?(?:quarter)?\s*(?:of\s+)?(?:fiscal\s+|fy\s*)?'?(\d{4})\b",
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
_DURATION = re.compile(
    r"^(?:the\s+)?(?:past|last|next|previous|coming|first|final|recent|about|some|over|nearly|almost|more than|up to)?\s*"
    r"(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many|couple of|dozen|hundreds of|thousands of)"
    r"[\s-]+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?|centuries|century|quarters?|hours?|minutes?)\b",
    re.IGNORECASE,
)
_DECADE = re.compile(r"\b\d{3}0'?s\b|\b(?:19|20)\d\d\s*[-–/]\s*\d{2}(?:\d{2})?\b(?![-/]\d)")
_VAGUE = re.compile(r"^(?:the\s+)?(?:these|those|recent|coming|past|several|many|some|few|annual|annually|yearly|"
                    r"monthly|weekly|daily|quarterly|year|the year|years|decades?|future|once|now|currently|then|"
                    r"the time|that time|this time|the day|the period|the season|seasonal|the same period)\b.*$|^\S*ly$",
                    re.IGNORECASE)
_FORMATS = {"year": ("%Y", "year"), "month": ("%Y-%m", "month"), "day": ("%Y-%m-%d", "day"), "time": ("%Y-%m-%d", "day")}


@lru_cache(maxsize=64)
def _parser(base: date | None) -> DateDataParser:
    """One parser per relative base; absolute dates all share the base-less one."""
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
    >>> [normalize_date(t) for t in ("these years", "annual", "three years", "the 1990s", "the past two years", "2018-19")]
    [None, None, None, None, None, None]
    >>> normalize_date("2005-03-18")
    ('2005-03-18', 'day')
    """
    text = " ".join(text.split()).strip(" ,.;:'\"()")
    vague = _VAGUE.match(text) and not any(ch.isdigit() for ch in text)
    if not text or vague or _DURATION.match(text) or _DECADE.search(text):
        return None
    quarter = _QUARTER.search(text)
    if quarter:
        return f"{quarter.group(2)}-Q{_QUARTER_NUMBER[quarter.group(1).lower()]}", "quarter"
    has_year = bool(_YEAR.search(text))
    if not has_year and base is None:
        return None
    core = _MODIFIERS.sub("", text, count=1) or text
    parsed = _parser(None if has_year else base).get_date_data(core)
    if parsed.date_obj is None and core != text:
        parsed = _parser(None if has_year else base).get_date_data(text)
    if parsed.date_obj is None:
        return None
    if parsed.period == "week":
        year, week, _ = parsed.date_obj.isocalendar()
        return f"{year}-W{week:02d}", "week"
    fmt, granularity = _FORMATS.get(parsed.period, _FORMATS["day"])
    value = parsed.date_obj.strftime(fmt)
    if has_year and _YEAR.search(text).group(1) != value[:4]:
        return None  # dateparser read something else than the year written
    return value, granularity
