"""Normalize a DATE expression to ISO 8601 at the granularity it was written with.

dateparser does the parsing, only ever on a date span (never a whole text).
Everything that would make a date up is refused: durations ("three years"),
vague spans ("these years", "annual"), decades and centuries, ages ("his
30s"), and relative dates ("last week", "March 3") when the article's own date
is not known. Those are read by `pipeline.normalize.relative_dates`, with the
clause's tense and the period under discussion when the caller knows them.

Values are ISO 8601 calendar forms: "2018", "2018-03", "2018-03-31",
"2019-Q1", "2005-W22", and TIMEX3's "2024-H1" for a half year (granularity
"half"); `is_iso_value` says whether a value is one of them.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.normalize.numbers import TENS, UNITS
from pipeline.normalize.relative_dates import MONTH_RANGE, granularity_of, month_range_quarter, relative_date

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["date_parts", "granularity_of", "is_bare_month", "is_iso_value", "normalize_date"]

ISO_VALUE = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12]|W\d{2}))?$")
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d|21\d\d)\b")
_QUARTER = re.compile(r"\b(?:(first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?:(?:fiscal|financial)[\s-]+)?"
                      r"quarter|q([1-4]))\b", re.IGNORECASE)
_QUARTER_NUMBER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4,
                   "last": 4}
_HALF = re.compile(r"\b(?:(first|second|1st|2nd)[\s-]+half|h([12]))\b", re.IGNORECASE)
_MODIFIERS = re.compile(
    r"^(?:(?:by|since|until|till|through|before|after|from|in|on|during|of|as of)\s+)?"
    r"(?:(?:the\s+)?(?:end|beginning|start|middle|rest|close|turn|course|spring|summer|autumn|fall|winter)\s+of\s+)?"
    r"(?:(?:early|late|mid|mid-|spring|summer|autumn|fall|winter|end-|end)\s*)?"
    r"(?:the\s+)?(?:(?:fiscal|financial|calendar|tax|business|school|model)\s+)?(?:year\s+)?",
    re.IGNORECASE,
)
_COUNT_WORDS = "|".join(sorted(set(UNITS) | set(TENS) | {"a", "an", "several", "few", "many", "couple of", "dozen",
                                                         "hundreds of", "thousands of", "hundred"}, key=len, reverse=True))
_DURATION = re.compile(
    r"^(?:the\s+)?(?:past|last|next|previous|coming|first|final|recent|about|some|over|nearly|almost|more than|up to)?\s*"
    r"(?:(?!(?:1[6-9]|20|21)\d\d\b)\d[\d,.]*|(?:" + _COUNT_WORDS + r")(?:-(?:" + _COUNT_WORDS + r"))?)"
    r"[\s-]+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?|centuries|century|quarters?|hours?|minutes?)\b"
    r"(?!\s+(?:ago|earlier|before))",
    re.IGNORECASE,
)
_DURATION_THEN_DATE = re.compile(  # "five months last year": how long, then when; the date is the second part
    r"^(?:(?:about|nearly|almost|some|more than|over)\s+)?(?:\d[\d,.]*|" + _COUNT_WORDS + r")\s+"
    r"(?:days?|weeks?|months?|years?)\s+(?=(?:last|this|next|in)\s)", re.IGNORECASE)
_DECADE = re.compile(r"\b\d{3}0'?s\b|(?:^|\s)'?\d0'?s\b|\b(?:19|20)\d\d\s*[-–/]\s*\d{2}(?:\d{2})?\b(?![-/]\d)|"
                     r"\bcentur(?:y|ies)\b|\bmillenni(?:um|a)\b")
_VAGUE = re.compile(r"^(?:the\s+)?(?:these|those|recent|coming|past|several|many|some|few|annual|annually|yearly|"
                    r"monthly|weekly|daily|quarterly|years|decades?|future|once|now|currently|then|"
                    r"the time|that time|this time|the day|the period|the season|seasonal|the same period)\b.*$|"
                    r"^(?!july\b)\S*ly$|^year-?long\b|^the\s+next\b", re.IGNORECASE)
_ANCHORED = re.compile(r"^(?:the\s+)?(week|day)\s+(of|before|after)\s+(?!the\b)(.+)$", re.IGNORECASE)
_FISCAL_YEAR = re.compile(r"\bFY\s?'?(\d{4}|\d{2})\b", re.IGNORECASE)  # "FY24" is fiscal 2024, written "2024"
_NUMERIC_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_BARE_NUMBER = re.compile(rf"^(?:\d{{1,3}}|(?:{'|'.join(sorted(set(UNITS) | set(TENS), key=len, reverse=True))})"
                          rf"(?:[\s-](?:{'|'.join(UNITS)}))?)$", re.IGNORECASE)  # "two" in "two to six days": a count
_FORMATS = {"year": ("%Y", "year"), "month": ("%Y-%m", "month"), "day": ("%Y-%m-%d", "day"), "time": ("%Y-%m-%d", "day")}
_TEENS = {word: n for word, n in UNITS.items() if 11 <= n <= 19} | {"twenty": 20}
_TWO_DIGITS = (rf"(?:(?:{'|'.join(TENS)})(?:[\s-](?:{'|'.join(w for w, n in UNITS.items() if 1 <= n <= 9)}))?|"
               rf"{'|'.join(w for w, n in UNITS.items() if 10 <= n <= 19)}|o(?:h)?[\s-](?:"
               rf"{'|'.join(w for w, n in UNITS.items() if 1 <= n <= 9)})|hundred)")
_SPELLED_YEAR = re.compile(rf"\b({'|'.join(_TEENS)})[\s-]({_TWO_DIGITS})\b|\btwo thousand(?:\s+(?:and\s+)?"
                           rf"({_TWO_DIGITS}|{'|'.join(w for w, n in UNITS.items() if 1 <= n <= 9)}))?\b", re.IGNORECASE)
_ORDINAL_DAYS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                 "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
                 "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
                 "twentieth": 20, "thirtieth": 30}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_CALENDAR_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH},?\s+\d{{4}})(?!\w)")
_ORDINAL_DAY = re.compile(rf"\b({_MONTH})\s+(?:(twenty|thirty)[\s-])?({'|'.join(_ORDINAL_DAYS)})\b", re.IGNORECASE)


def spelled_out(text: str) -> str:
    """Years and days of the month written in words, in digits.

    >>> spelled_out("January nineteen ninety-seven"), spelled_out("the year two thousand")
    ('January 1997', 'the year 2000')
    >>> spelled_out("nineteen oh five"), spelled_out("Sunday, March eighth"), spelled_out("May twenty-first")
    ('1905', 'Sunday, March 8', 'May 21')
    """
    def year(match: re.Match) -> str:
        if match.group(1):
            return str(_TEENS[match.group(1).lower()] * 100 + _two_digits(match.group(2)))
        return str(2000 + (_two_digits(match.group(3)) if match.group(3) else 0))

    def day(match: re.Match) -> str:
        tens = {"twenty": 20, "thirty": 30}.get((match.group(2) or "").lower(), 0)
        return f"{match.group(1)} {tens + _ORDINAL_DAYS[match.group(3).lower()]}"

    return _ORDINAL_DAY.sub(day, _SPELLED_YEAR.sub(year, text))


def _two_digits(words: str) -> int:
    if words.lower() == "hundred":
        return 0
    parts = re.split(r"[\s-]", words.lower())
    return sum({**UNITS, **TENS}.get(part, 0) for part in parts)


def is_iso_value(value: str | None) -> bool:
    """Whether a value is one of the ISO 8601 calendar forms dates are written in.

    >>> [is_iso_value(v) for v in ("2018", "2018-03-31", "2019-Q1", "2024-H1", "2005-W22", "735", "1998-SU", None)]
    [True, True, True, True, True, False, False, False]
    """
    return bool(value) and ISO_VALUE.match(value) is not None


_YEAR_RANGE = re.compile(r"\b((?:1[6-9]|20|21)\d\d)\s*(?:[-–/]|\s(?:and|to|through|until)\s)\s*((?:1[6-9]|20|21)?\d\d)\b"
                         r"(?![-/]\d)", re.IGNORECASE)
_YEAR_LIST = re.compile(r"\d{4},\s+\d{4}\b")
_BARE_MONTH = re.compile(rf"{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?", re.IGNORECASE)
_JOINT = re.compile(r"\s+(to|through|thru|until|till|and|ended|ending|of)\s+|\s+[-–]\s+|(?<=\d{4}),\s+(?=\d{4}\b)")
_PERIOD_HEAD = re.compile(r"\b(?:quarter|year|half|months?|weeks?|days?|period|season)$", re.IGNORECASE)
_RANGE_LEAD = re.compile(r"^(?:from|between|since|both|either|its|their|his|her|our|at least|no later than|"
                         r"no earlier than)\s+", re.IGNORECASE)
_MEASURED = re.compile(r"\b(?:months|weeks|days|years)$", re.IGNORECASE)


def date_parts(text: str) -> list[tuple[int, int, str]]:
    """The dates one expression holds, each as (start, end, text to read): both ends of a range, the date of a
    period ended at one, both years of '1957-58', the calendar date written inside a longer expression.

    >>> t = "the six months ended Sept. 30, 2023"
    >>> [t[s:e] for s, e, _ in date_parts(t)]
    ['Sept. 30, 2023']
    >>> [(t[s:e], r) for t in ("1957-58",) for s, e, r in date_parts(t)]
    [('1957', '1957'), ('58', '1958')]
    >>> [r for _, _, r in date_parts("from Sept. 14 to Thursday")], [r for _, _, r in date_parts("April-June")]
    (['Sept. 14', 'Thursday'], ['April-June'])
    >>> [r for _, _, r in date_parts("the end of March 2025")], [r for _, _, r in date_parts("five months last year")]
    (['March 2025'], ['last year'])
    """
    lead = _DURATION_THEN_DATE.match(text)
    if lead:
        return [(lead.end() + start, lead.end() + end, part) for start, end, part in date_parts(text[lead.end():])]
    years = _YEAR_RANGE.search(text)
    if years and not _YEAR_LIST.search(text):  # "1994, 1995 and 1997": a list, read below
        first, second = years.group(1), years.group(2)
        if len(second) == 2:  # "1957-58", "1999-00"; not "2018-03", a month
            second = str(int(first) + (int(second) - int(first[2:])) % 100)
        if int(first) < int(second) <= int(first) + 9 or (len(years.group(2)) == 4 and int(first) < int(second)):
            return [(*years.span(1), first), (*years.span(2), second)]
    cuts = [] if MONTH_RANGE.search(text) else list(_JOINT.finditer(text))
    inner = _CALENDAR_DATE.search(text)
    if inner and all((cut.group(1) or "").lower() == "of" for cut in cuts):  # "the end of March 2025": the date
        return [(*inner.span(), inner.group())]
    parts, start = [], 0
    for cut in [*cuts, None]:
        end = cut.start() if cut else len(text)
        joint = (cut.group(1) or "-").lower() if cut else ""
        lead = _RANGE_LEAD.match(text[start:end])
        begin = start + (lead.end() if lead else 0)
        piece = text[begin:end]
        if joint == "of" and not _MEASURED.search(piece):
            continue  # "the first quarter of 2019" is one date; "the first nine months of 1997" gives the year
        if not (joint in {"ended", "ending", "to", "through", "thru", "of"} and _PERIOD_HEAD.search(piece)
                and not _QUARTER.search(piece)):  # "the quarter ended Sept. 30": the date; "the third quarter" too
            if re.fullmatch(r"\d{1,2}(?:,?\s+\d{4})?", piece) and parts and \
                    re.search(r"[A-Za-z]\.? \d{1,2}$", parts[-1][2]):  # "April 24 and 25(, 2023)": the same month
                piece = re.sub(r"\d+$", lambda _: piece, parts[-1][2])
            parts.append((begin, end, piece))
        start = cut.end() if cut else end
    year = re.search(r"\b(?:1[89]|20)\d\d$", parts[-1][2]) if len(parts) > 1 else None
    if year:  # "August and September of 2004", "June 3 and July 4, 2023": the year written last is every month's
        parts = [(s, e, f"{piece} {year.group()}" if _BARE_MONTH.fullmatch(piece) else piece) for s, e, piece in parts]
    return parts


def is_bare_month(text: str) -> bool:
    """A month, or a month and day, with no year: "August", "June 3"."""
    return _BARE_MONTH.fullmatch(text) is not None


@lru_cache(maxsize=64)
def _parser(base: date | None) -> DateDataParser:
    """One parser per relative base; absolute dates all share the base-less one (dateparser is imported then)."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": [], "RETURN_TIME_AS_PERIOD": True}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=8192)
def normalize_date(text: str, base: date | None = None, *, tense: str | None = None,
                   topic: str | None = None) -> tuple[str, str] | None:
    """ISO value and granularity of a date expression, or None when it names no calendar date.

    `tense` ("past", "future") and `topic` (the ISO value of the period under
    discussion) read dates without a year of their own (`relative_dates`).

    >>> normalize_date("the year 2018"), normalize_date("March 31, 2018"), normalize_date("March 2019")
    (('2018', 'year'), ('2018-03-31', 'day'), ('2019-03', 'month'))
    >>> normalize_date("By the end of the year 2018"), normalize_date("the first quarter of 2019")
    (('2018', 'year'), ('2019-Q1', 'quarter'))
    >>> normalize_date("the first half of 2024"), normalize_date("the 1988 second quarter")
    (('2024-H1', 'half'), ('1988-Q2', 'quarter'))
    >>> normalize_date("yesterday") is None  # relative, and the article date is unknown
    True
    >>> normalize_date("yesterday", date(2005, 3, 18)), normalize_date("last year", date(2005, 3, 18))
    (('2005-03-17', 'day'), ('2004', 'year'))
    >>> normalize_date("Wednesday", date(2004, 11, 17)), normalize_date("Q4", date(2006, 1, 20))
    (('2004-11-17', 'day'), ('2005-Q4', 'quarter'))
    >>> normalize_date("the beginning of the year", date(2008, 11, 28)), normalize_date("the year")
    (('2008', 'year'), None)
    >>> normalize_date("September last year", date(2006, 1, 20)), normalize_date("July 1", date(2009, 2, 18))
    (('2005-09', 'month'), ('2009-07-01', 'day'))
    >>> normalize_date("August", date(2013, 3, 5), tense="past"), normalize_date("nineteen ninety-six")
    (('2012-08', 'month'), ('1996', 'year'))
    >>> normalize_date("FY24"), normalize_date("the next year", date(2024, 4, 16))
    (('2024', 'year'), None)
    >>> [normalize_date(t) for t in ("these years", "annual", "three years", "the 1990s", "the past two years", "2018-19")]
    [None, None, None, None, None, None]
    >>> [normalize_date(t, date(1998, 3, 1)) for t in ("a third straight quarter", "the second consecutive year",
    ...                                              "the second day", "his 30s", "this century", "0735")]
    [None, None, None, None, None, None]
    >>> normalize_date("2005-03-18")
    ('2005-03-18', 'day')
    >>> normalize_date("tomorrow", date(9999, 12, 31)), normalize_date("December", date(1, 1, 1))  # off the calendar
    (None, None)
    """
    text = spelled_out(re.sub(r"['’]s$", "", " ".join(text.split()).strip(" ,.;:'\"()")))
    anchored = _ANCHORED.match(text)
    if anchored:
        return _next_to(anchored, base, tense, topic)
    vague = _VAGUE.match(text) and not any(ch.isdigit() for ch in text)
    if not text or vague or _BARE_NUMBER.match(text) or _DURATION.match(text) or _DECADE.search(text):
        return None
    if re.search(r"\b(?:straight|consecutive|successive|running|row)\b", text, re.IGNORECASE):
        return None  # "a third straight quarter": a count of periods, not one
    text = _FISCAL_YEAR.sub(lambda m: f"fiscal {m.group(1) if len(m.group(1)) == 4 else '20' + m.group(1)}", text)
    period = re.fullmatch(r"the (\d{4}) (?:quarter|period)", text, re.IGNORECASE)
    if period and topic and "Q" in topic:  # "the 1988 quarter": the quarter under discussion, in 1988
        found = (f"{period.group(1)}{topic[4:]}", "quarter")
    elif _YEAR.search(text):
        found = _absolute_date(text)  # the article date plays no part: one parse per distinct string
    elif base is None:
        return None
    else:
        try:
            found = relative_date(text, base, tense, topic) or _parse(text, base)
        except (OverflowError, ValueError):  # an article date at the end of the calendar ("9999-12-31")
            return None
    return found if found is not None and is_iso_value(found[0]) else None


def _next_to(match: re.Match, base: date | None, tense: str | None, topic: str | None) -> tuple[str, str] | None:
    """The week holding a day, or the day before or after it: 'the week of March 6', 'the day before last
    Tuesday'. Nothing when the anchor is no day ('the day after his death')."""
    anchor = normalize_date(match.group(3), base, tense=tense, topic=topic)
    if anchor is None or anchor[1] != "day":
        return None
    day = date.fromisoformat(anchor[0])
    unit, relation = match.group(1).lower(), match.group(2).lower()
    if unit == "week":
        year, week, _ = day.isocalendar()
        return (f"{year}-W{week:02d}", "week") if relation == "of" else None
    if relation == "of":
        return None
    try:
        return (day + timedelta(days=1 if relation == "after" else -1)).isoformat(), "day"
    except OverflowError:
        return None


@lru_cache(maxsize=8192)
def _absolute_date(text: str) -> tuple[str, str] | None:
    """A date expression that writes its year."""
    numeric = _NUMERIC_DATE.fullmatch(_MODIFIERS.sub("", text, count=1))
    if numeric:  # "2018", "in 2018", "2005-03-18": no need for dateparser
        return _numeric_date(numeric)
    year = _YEAR.search(text).group(1)
    quarter, half = _QUARTER.search(text), _HALF.search(text)
    if month_range_quarter(text):
        return month_range_quarter(text), "quarter"
    if quarter:
        number = _QUARTER_NUMBER[quarter.group(1).lower()] if quarter.group(1) else int(quarter.group(2))
        return f"{year}-Q{number}", "quarter"
    if half:
        return f"{year}-H{_QUARTER_NUMBER[half.group(1).lower()] if half.group(1) else half.group(2)}", "half"
    parsed = _parse(text, None)
    if parsed is not None and year != parsed[0][:4]:
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
