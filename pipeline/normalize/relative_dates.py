"""Dates that name no year of their own, read against the article's date: weekdays, months, 'a year earlier'.

Pure functions. What the words alone cannot say comes from the caller (the
`factwire_dates` component reads it off the parse and the article):

- `tense`: which way a weekday, a month, a quarter or a holiday lies from the
  article date. "past" takes the latest one up to it ("was fired in August"),
  "future" the first one from it on ("will leave on Thursday", "planned for
  early March"); without either a weekday is the latest and a month the nearest.
- `topic`: the ISO value of the period the text was last talking about (the
  last date it wrote that is not itself read from another). "A year earlier",
  "the year-ago quarter", "that year" and "the quarter" are read from it; without
  one, "a year earlier" is the year before the article's and "the (latest)
  quarter" the last quarter that ended before the article date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.normalize.numbers import TENS, UNITS
from pipeline.patterns import load_json

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_DAY_PARTS = "|".join(load_json("date_rules.json")["day_parts"])
_HOLIDAYS = load_json("date_rules.json")["holidays"]
_MONTH_WORD = "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_LEAD = re.compile(r"^(?:(?:earlier|later|sometime|around|about|on|in|by|since|from|until|till|through|during|as of|"
                   r"early|late|mid|the end of|the beginning of|the start of|the middle of|the rest of)\s+|(?:mid|end)-)+")
_DAY_WORDS = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "tomorrow": 1}
_DAY_WORD = re.compile(rf"^(today|tonight|yesterday|tomorrow|this)(?:\s+(?:{_DAY_PARTS}))?$")
_SHIFT = re.compile(r"^(last|next|this|the|the current|the coming|this coming|the past)\s+"
                    r"(week|month|year|quarter|fiscal year|calendar year)$")
_COUNT = "|".join(sorted(set(UNITS) | set(TENS), key=len, reverse=True))
_AGO = re.compile(rf"^(?:(?:about|almost|nearly|some|more than|less than|over|just over|roughly|around)\s+)?"
                  rf"(\d{{1,3}}|an?|{_COUNT})\s+(year|month|week|day)s?\s+ago$")
_YEAR_BACK = re.compile(r"\b(?:(?:a|one)\s+year\s+(?:ago|earlier|before|previously)|year[- ](?:ago|earlier)|"
                        r"(?:last|previous|prior)[- ]year's\s+(?:\w+\s+)?(?:quarter|period)|prior[- ]year)\b")
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_THE_QUARTER = re.compile(r"^(?:that|the(?:\s+(?:latest|most recent|recent|just[- ]ended|just[- ]completed|same))?)"
                          r"\s+(?:fiscal\s+)?quarter$|^the\s+(?:latest|most recent)\s+(?:fiscal\s+)?period$")
_THE_YEAR = re.compile(r"^(?:the|this)\s+(?:(?:full|whole|entire|current|fiscal|financial|calendar)\s+)*year"
                       r"(?:[- ]end)?$|^(?:the\s+)?year(?:'s)?[- ]end$")
_LATEST_YEAR = re.compile(r"^(?:the\s+)?(?:latest|last|previous|prior|most recent)\s+(?:fiscal|financial)\s+year$")
_NARRATIVE = re.compile(r"^(?:that|the same|the following|the previous|the prior)\s+(year|month|day)$|"
                        r"^the\s+(year|month|day)\s+(?:before|after)$")
_WEEKDAY = re.compile(rf"^(?:(last|this|next|this coming|coming|past)\s+)?({'|'.join(WEEKDAYS)})"
                      rf"(?:,?\s+(?:({_MONTH_WORD})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?))?(?:\s+(?:{_DAY_PARTS}))?$")
_MONTH = re.compile(rf"^(?:(last|this|next|this coming|coming|past)\s+)?(?:the\s+month\s+of\s+)?({_MONTH_WORD})\.?"
                    rf"(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(last|this|next)\s+year)?(?:\s+month)?$")
_HALF = re.compile(r"^(?:the\s+)?(first|second|1st|2nd)[\s-]+half(?:\s+of\s+(?:the\s+year|(this|last|next)\s+year))?$")
MONTH_RANGE = re.compile(rf"\b({_MONTH_WORD})\.?\s*[-–]\s*({_MONTH_WORD})\b", re.IGNORECASE)
ANAPHORIC = re.compile(r"\b(?:ago|earlier|before|year-ago|year-earlier|that|same|latest|most recent|following|"
                       r"previous|prior)\b|^(?:the\s+)?(?:fiscal\s+)?(?:quarter|year)$")


def relative_date(text: str, base: date, tense: str | None = None, topic: str | None = None) -> tuple[str, str] | None:
    """ISO value and granularity of a date written without its year, read against the article date `base`.

    >>> b = date(1989, 11, 2)  # a Thursday
    >>> relative_date("a year earlier", b, topic="1989-Q3"), relative_date("the year-ago quarter", b)
    (('1988-Q3', 'quarter'), ('1988-Q3', 'quarter'))
    >>> relative_date("the latest quarter", b), relative_date("earlier this month", b), relative_date("Earlier Sunday", b)
    (('1989-Q3', 'quarter'), ('1989-11', 'month'), ('1989-10-29', 'day'))
    >>> relative_date("Friday", b), relative_date("Friday", b, "future"), relative_date("August", b, "past")
    (('1989-10-27', 'day'), ('1989-11-03', 'day'), ('1989-08', 'month'))
    >>> relative_date("March", b), relative_date("March", b, "past"), relative_date("late last July", b)
    (('1990-03', 'month'), ('1989-03', 'month'), ('1989-07', 'month'))
    >>> relative_date("this fiscal year", b), relative_date("that year", b, topic="1987-05")
    (('1989', 'year'), ('1987', 'year'))
    """
    text = " ".join(text.lower().replace("’", "'").split())
    text = _LEAD.sub("", text) or text
    for rule in (_day_word, _year_back, _anaphora, _shifted, _ago, _weekday, _month, _quarter_or_half, _holiday,
                 _month_range):
        found = rule(text, base, tense, topic)
        if found is not None:
            return found
    return None


def _day_word(text: str, base: date, tense: str | None, topic: str | None) -> tuple[str, str] | None:
    """'today', 'yesterday afternoon', 'this morning'."""
    match = _DAY_WORD.match(text)
    if match is None or (match.group(1) == "this" and text == "this"):
        return None
    return (base + timedelta(days=_DAY_WORDS[match.group(1)])).isoformat(), "day"


def _shifted(text: str, base: date, tense: str | None, topic: str | None) -> tuple[str, str] | None:
    """'last week', 'next month', 'this year', 'the current quarter', 'last quarter'."""
    match = _SHIFT.match(text)
    if match is None:
        return None
    step = {"last": -1, "next": 1, "the past": -1}.get(match.group(1), 0)
    unit = match.group(2).split()[-1]
    if unit == "year":
        return str(base.year + step), "year"
    if unit == "month":
        return _month_value(base.year * 12 + base.month - 1 + step), "month"
    if unit == "quarter":
        return _quarter_value(base.year * 4 + (base.month - 1) // 3 + step), "quarter"
    return _week_value(base + timedelta(weeks=step)), "week"


def _ago(text: str, base: date, tense: str | None, topic: str | None) -> tuple[str, str] | None:
    """'two years ago', 'almost four years ago', 'six weeks ago', 'a month ago' (from the article date)."""
    match = _AGO.match(text)
    if match is None:
        return None
    count = int(match.group(1)) if match.group(1).isdigit() else {**UNITS, **TENS, "a": 1, "an": 1}[match.group(1)]
    unit = match.group(2)
    if unit == "year":
        return str(base.year - count), "year"
    if unit == "month":
        return _month_value(base.year * 12 + base.month - 1 - count), "month"
    if unit == "week":
        return _week_value(base - timedelta(weeks=count)), "week"
    return (base - timedelta(days=count)).isoformat(), "day"


def _year_back(text: str, base: date, tense: str | None, topic: str | None) -> tuple[str, str] | None:
    """'a year earlier / ago', 'year-earlier', 'the year-ago quarter', 'last year's quarter': the period under
    discussion (the topic; a quarter when the words say so) one year back."""
    if not _YEAR_BACK.search(text):
        return None
    ordinal = re.search(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b", text)
    if "quarter" in text and (topic is None or "Q" not in topic):
        topic = _quarter_value(base.year * 4 + (base.month - 1) // 3 - 1)  # the last quarter that ended
    if topic is None or ("ago" in text and "quarter" not in text and int(topic[:4]) < base.year - 1):
        return str(base.year - 1), "year"  # 'a year ago' is the article's year back when no recent topic
    year = int(topic[:4]) - 1
    if ordinal:
        return f"{year}-Q{_ORDINALS[ordinal.group(1)]}", "quarter"
    value = f"{year}{topic[4:]}"
    if value.endswith("-02-29"):
        value = value[:-2] + "28"
    return value, granularity_of(value)


def _anaphora(text: str, base: date, tense: str | None, topic: str | None) -> tuple[str, str] | None:
    """'the (latest) quarter', 'the fiscal year', 'year-end', 'the latest fiscal year', 'that year',
    'the following month'."""
    if _THE_QUARTER.match(text):
        if topic is not None and "Q" in topic:
            return topic, "quarter"
        return _quarter_value(base.year * 4 + (base.month - 1) // 3 - 1), "quarter"
    if _THE_YEAR.match(text):
        return str(base.year), "year"
    if _LATEST_YEAR.match(text):
        return str(base.year - 1), "year"
    match = _NARRATIVE.match(text)
    if match is None:
        return None
    unit = match.group(1) or match.group(2)
    if unit == "day" and not text.startswith(("that", "the same", "the following", "the previous")):
        return None  # "the day before" (an event) has no day under discussion
    step = 1 if re.search(r"following|next|after", text) else -1 if re.search(r"previous|prior|before", text) else 0
    if unit == "year":
        year = int(topic[:4]) if topic else base.year if step else None
        return (str(year + step), "year") if year is not None else None
    if topic is None or len(topic) < 7 or not topic[5:7].isdigit():
        return None
    if unit == "day":  # "earlier that day", "the following day": from the day under discussion
        return ((date.fromisoformat(topic) + timedelta(days=step)).isoformat(), "day") if len(topic) == 10 else None
    return _month_value(int(topic[:4]) * 12 + int(topic[5:7]) - 1 + step), "month"


def _weekday(text: str, base: date, tense: str | None, topic: str | None) -> tuple[str, str] | None:
    """'Wednesday', 'last Friday', 'Sunday night', 'Monday, Oct. 26': the tense says which way from the article."""
    match = _WEEKDAY.match(text)
    if match is None:
        return None
    which, name, month, day = match.groups()
    weekday = WEEKDAYS.index(name)
    if month:  # the year in which that day is that weekday, nearest the article date
        number = _month_number(month)
        years = [y for y in (base.year, base.year - 1, base.year + 1) if _valid(y, number, int(day))
                 and date(y, number, int(day)).weekday() == weekday]
        return (date(years[0], number, int(day)).isoformat(), "day") if years else None
    back = (base.weekday() - weekday) % 7
    if which in {"next", "this coming", "coming"} or (which is None and tense == "future"):
        back = back - 7 if back or which else 0
    elif which in {"last", "past"} and back == 0:
        back = 7
    return (base - timedelta(days=back)).isoformat(), "day"


def _month(text: str, base: date, tense: str | None, topic: str | None) -> tuple[str, str] | None:
    """'August', 'last December', 'September last year', 'July 1', 'Oct. 23'."""
    match = _MONTH.match(text)
    if match is None:
        return None
    before, name, day, year_word = match.groups()
    month, day = _month_number(name), int(day) if day else None
    if year_word:
        year = base.year + {"last": -1, "next": 1}.get(year_word, 0)
    elif before in {"last", "past"}:
        year = base.year if month < base.month else base.year - 1
    elif before in {"next", "coming", "this coming"}:
        year = base.year if month > base.month else base.year + 1
    elif before == "this":
        year = base.year
    else:
        year = _year_in_direction(base, month, day, tense)
    if day is None:
        return f"{year}-{month:02d}", "month"
    return (date(year, month, day).isoformat(), "day") if _valid(year, month, day) else None


def _year_in_direction(base: date, month: int, day: int | None, tense: str | None) -> int:
    """The year of a month (and day) with none written: the latest up to the article date in the past, the first
    from it on in the future, else the nearest."""
    key, now = (month, day or 0), (base.month, base.day if day else 0)
    if tense == "past":
        return base.year if key <= now else base.year - 1
    if tense == "future":
        return base.year if key >= now else base.year + 1
    if day is not None and not _valid(base.year, month, day):
        day = 28
    return min((base.year - 1, base.year, base.year + 1),
               key=lambda y: abs((date(y, month, day or 1) - (base if day else base.replace(day=1))).days))


def _quarter_or_half(text: str, base: date, tense: str | None, topic: str | None) -> tuple[str, str] | None:
    """'the fourth quarter', 'Q4', 'next year's first quarter', 'the second half of the year'."""
    half = _HALF.match(text)
    if half:
        number = _ORDINALS[half.group(1)]
        if "of" in text:
            return f"{base.year + {'last': -1, 'next': 1}.get(half.group(2), 0)}-H{number}", "half"
        return _in_direction(base, number, 2, tense, "H"), "half"
    match = re.search(r"\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:(?:fiscal|financial)[\s-]+)?quarter"
                      r"|q([1-4]))\b", text)
    if match is None:
        return None
    number = _ORDINALS[match.group(1)] if match.group(1) else int(match.group(2))
    year_word = re.search(r"\b(this|last|next)\s+year(?:'s)?\b|\bof\s+the\s+year\b", text)
    if year_word:
        return f"{base.year + {'last': -1, 'next': 1}.get(year_word.group(1) or '', 0)}-Q{number}", "quarter"
    return _in_direction(base, number, 4, tense, "Q"), "quarter"


def _in_direction(base: date, number: int, per_year: int, tense: str | None, letter: str) -> str:
    """The quarter or half `number` without a year: the latest begun by the article date, or in the future one
    still to come this year (a quarter is reported after it ends: 'will report third-quarter results')."""
    current = (base.month - 1) * per_year // 12 + 1
    return f"{base.year - (number > current and tense != 'future')}-{letter}{number}"


def month_range_quarter(text: str, base: date | None = None, tense: str | None = None) -> str | None:
    """The quarter three months from its first to its last make ('April-June', 'the July-September period'), with
    the year written or, from the article date, in the tense's direction.

    >>> month_range_quarter("the October-December quarter of 2023"), month_range_quarter("April-June", date(2024, 7, 23))
    ('2023-Q4', '2024-Q2')
    """
    match = MONTH_RANGE.search(text)
    if match is None:
        return None
    first, last = _month_number(match.group(1)), _month_number(match.group(2))
    if last - first != 2 or first % 3 != 1:
        return None
    year = re.search(r"\b(1[6-9]\d\d|20\d\d|21\d\d)\b", text)
    if year:
        return f"{year.group(1)}-Q{(first + 2) // 3}"
    return _in_direction(base, (first + 2) // 3, 4, tense, "Q") if base else None


def _month_range(text: str, base: date, tense: str | None, topic: str | None) -> tuple[str, str] | None:
    quarter = month_range_quarter(text, base, tense)
    return (quarter, "quarter") if quarter else None


def is_holiday(text: str) -> bool:
    """Whether a text names a holiday with a calendar rule.

    >>> is_holiday("last Thanksgiving"), is_holiday("the Olympics")
    (True, False)
    """
    return _holiday_rule(" ".join(text.lower().replace("’", "'").split())) is not None


def _holiday_rule(text: str) -> dict | None:
    return _HOLIDAYS.get(re.sub(r"^(?:this|last|next)\s+", "", text))


def _holiday(text: str, base: date, tense: str | None, topic: str | None) -> tuple[str, str] | None:
    """'Thanksgiving', 'Christmas Day', 'Election Day', 'Easter': the nearest in the tense's direction."""
    rule = _holiday_rule(text)
    if rule is None:
        return None
    days = [holiday_in(rule, year) for year in (base.year - 1, base.year, base.year + 1)]
    if text.startswith("last") or tense == "past":
        days = [d for d in days if d <= base][-1:]
    elif text.startswith("next") or tense == "future":
        days = [d for d in days if d >= base][:1]
    return min(days, key=lambda d: abs((d - base).days)).isoformat(), "day"  # a year either side: never empty


def holiday_in(rule: dict, year: int) -> date:
    """The day of a holiday in a year, from its calendar rule (`patterns/date_rules.json`).

    >>> holiday_in({"month": 11, "weekday": 3, "nth": 4}, 1998), holiday_in({"easter": 0}, 2000)
    (datetime.date(1998, 11, 26), datetime.date(2000, 4, 23))
    >>> holiday_in({"month": 11, "weekday": 1, "nth": 1, "from": 2}, 1998), holiday_in({"month": 5, "weekday": 0, "nth": -1}, 2024)
    (datetime.date(1998, 11, 3), datetime.date(2024, 5, 27))
    """
    if "easter" in rule:
        return _easter(year) + timedelta(days=rule["easter"])
    if "day" in rule:
        return date(year, rule["month"], rule["day"])
    if rule["nth"] < 0:
        last = date(year + rule["month"] // 12, rule["month"] % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - rule["weekday"]) % 7)
    first = date(year, rule["month"], rule.get("from", 1))
    return first + timedelta(days=(rule["weekday"] - first.weekday()) % 7 + 7 * (rule["nth"] - 1))


def _easter(year: int) -> date:
    """Easter Sunday (the Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    j = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * j) // 451
    month, day = divmod(h + j - 7 * m + 114, 31)
    return date(year, month, day + 1)


def granularity_of(value: str) -> str:
    """The granularity an ISO value is written at.

    >>> [granularity_of(v) for v in ("2018", "2018-03", "2019-Q1", "2024-H1", "2005-W22", "2018-03-31")]
    ['year', 'month', 'quarter', 'half', 'week', 'day']
    """
    if "Q" in value:
        return "quarter"
    if "H" in value:
        return "half"
    if "W" in value:
        return "week"
    return {4: "year", 7: "month"}.get(len(value), "day")


def _month_number(name: str) -> int:
    return next(i for i, month in enumerate(MONTHS, start=1) if month.startswith(name.lower()[:3]))


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _month_value(index: int) -> str:
    return f"{index // 12}-{index % 12 + 1:02d}"


def _quarter_value(index: int) -> str:
    return f"{index // 4}-Q{index % 4 + 1}"


def _week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
