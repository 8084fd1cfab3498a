from datetime import date

import pytest

from pipeline.normalize.dates import date_parts, is_iso_value, normalize_date


@pytest.mark.parametrize(("text", "value", "granularity"), [
    ("the year 2018", "2018", "year"),
    ("2017", "2017", "year"),
    ("in 2017", "2017", "year"),
    ("March 31, 2018", "2018-03-31", "day"),
    ("31 March 2018", "2018-03-31", "day"),
    ("March 2019", "2019-03", "month"),
    ("the end of the year 2018", "2018", "year"),
    ("early 2019", "2019", "year"),
    ("the first quarter of 2019", "2019-Q1", "quarter"),
    ("Q3 2020", "2020-Q3", "quarter"),
    ("Friday, March 18, 2005", "2005-03-18", "day"),
    ("2005-03-18", "2005-03-18", "day"),
])
def test_absolute_dates(text, value, granularity):
    assert normalize_date(text) == (value, granularity)


@pytest.mark.parametrize(("text", "value"), [
    ("yesterday", "2005-03-17"),
    ("last year", "2004"),
    ("last month", "2005-02"),
    ("Wednesday", "2005-03-16"),
    ("today", "2005-03-18"),
])
def test_relative_dates_use_the_article_date(text, value):
    assert normalize_date(text, date(2005, 3, 18))[0] == value


@pytest.mark.parametrize("text", [
    "these years", "annual", "the year", "three years", "the past two years", "12 months", "the 1990s",
    "recent years", "yesterday", "last year", "Tuesday", "2018-19",
])
def test_vague_or_unanchored_dates_give_none(text):
    assert normalize_date(text) is None


RESULTS_DAY = date(1989, 11, 2)  # a Thursday, in the reporting season after the third quarter


@pytest.mark.parametrize(("text", "value", "granularity"), [
    ("the first half of 2024", "2024-H1", "half"),  # a half year is written as TIMEX3 writes it, never the bare year
    ("the second half of fiscal 2025", "2025-H2", "half"),
    ("the 1988 second quarter", "1988-Q2", "quarter"),  # a year written before the quarter
    ("the October-December quarter of 2023", "2023-Q4", "quarter"),  # three months that make a quarter
    ("nineteen ninety-six", "1996", "year"),  # D9: years spelled out
    ("January nineteen ninety-seven", "1997-01", "month"),
    ("the year two thousand", "2000", "year"),
])
def test_absolute_dates_of_the_new_forms(text, value, granularity):
    assert normalize_date(text) == (value, granularity)


@pytest.mark.parametrize("text", [
    "a third straight quarter", "the second consecutive year", "the third consecutive month",  # counts of periods
    "the second day", "the first days",  # D7: an ordinal is a quarter only with "quarter"
    "his 30s", "this century", "the 20th century",  # D6: ages and centuries
    "0735",  # D6: a clock time is not the year 735
    "year", "fiscal year",  # a bare unit names no period
])
def test_not_dates_even_with_the_article_date(text):
    assert normalize_date(text, RESULTS_DAY) is None


@pytest.mark.parametrize(("text", "kwargs", "value"), [
    ("this fiscal year", {}, "1989"),
    ("the end of the year", {}, "1989"),
    ("late last July", {}, "1989-07"),
    ("earlier this month", {}, "1989-11"),  # D4: earlier / later X is X
    ("later this year", {}, "1989"),
    ("Earlier Sunday", {}, "1989-10-29"),
    ("a year earlier", {"topic": "1989-Q3"}, "1988-Q3"),  # D1: the period under discussion one year back
    ("a year ago", {"topic": "1989-09-30"}, "1988-09-30"),
    ("year-earlier", {"topic": "1989"}, "1988"),
    ("the year-ago quarter", {}, "1988-Q3"),  # no quarter named: the last that ended, a year back
    ("the year-earlier third quarter", {}, "1988-Q3"),
    ("a year earlier", {}, "1988"),
    ("the latest quarter", {}, "1989-Q3"),  # D5: the last quarter that ended before the article date
    ("the quarter", {"topic": "1989-Q2"}, "1989-Q2"),  # ... or the quarter the story is about
    ("this quarter", {}, "1989-Q4"),
    ("that year", {"topic": "1987-05"}, "1987"),
    ("almost four years ago", {}, "1985"),
    ("third-quarter", {"tense": "future"}, "1989-Q3"),  # a quarter is reported after it ends
    ("Thanksgiving", {"tense": "future"}, "1989-11-23"),  # D8: holidays by their calendar rule
    ("Christmas", {"tense": "past"}, "1988-12-25"),
    ("Monday, Oct. 30", {}, "1989-10-30"),  # the year in which that day is that weekday
    ("Wednesday, March eighth", {}, "1989-03-08"),
])
def test_relative_dates_read_from_the_period_under_discussion(text, kwargs, value):
    assert normalize_date(text, RESULTS_DAY, **kwargs)[0] == value


@pytest.mark.parametrize(("text", "tense", "value"), [
    ("August", "past", "2012-08"),  # "was fired in August", dated March 2013
    ("August", "future", "2013-08"),  # "will open in August"
    ("Thursday", None, "2013-02-28"),  # a weekday with no tense cue: the latest up to the article date
    ("Thursday", "future", "2013-03-07"),  # "planned to leave on Thursday"
    ("Tuesday", "future", "2013-03-05"),  # the article's own weekday is that day
    ("early March", "future", "2013-03"),
    ("Oct. 23", "past", "2012-10-23"),
    ("Oct. 23", "future", "2013-10-23"),
    ("the fourth quarter", "past", "2012-Q4"),
    ("the first half", "past", "2013-H1"),
])
def test_the_tense_says_which_way_a_date_without_its_year_lies(text, tense, value):
    assert normalize_date(text, date(2013, 3, 5), tense=tense)[0] == value  # a Tuesday


@pytest.mark.parametrize(("text", "parts"), [
    ("from Sept. 14 to Thursday", ["Sept. 14", "Thursday"]),
    ("today through Nov. 9", ["today", "Nov. 9"]),
    ("April 24 and 25", ["April 24", "April 25"]),
    ("the quarter ended Sept. 30", ["Sept. 30"]),  # a period ended at a date gives the date
    ("the quarter to Dec. 31", ["Dec. 31"]),
    ("the third quarter ended Sept. 30", ["the third quarter", "Sept. 30"]),
    ("the first nine months of 1997", ["1997"]),
    ("1957-58", ["1957", "1958"]),
    ("between 2024 and 2028", ["2024", "2028"]),
    ("the first quarter of 2019", ["the first quarter of 2019"]),
    ("2005-03-18", ["2005-03-18"]),
    ("April-June", ["April-June"]),
])
def test_one_expression_gives_each_date_it_holds(text, parts):
    assert [read for _, _, read in date_parts(text)] == parts


def test_values_are_iso_forms():
    assert [is_iso_value(v) for v in ("2024-H2", "2019-Q1", "2005-W22", "735", "1998-SU")] == [True, True, True,
                                                                                             False, False]


@pytest.mark.parametrize(("text", "value"), [
    ("the week of Nov. 13", "1989-W46"),  # the ISO week holding the day
    ("the day before last Friday", "1989-10-26"),
    ("the day after Christmas", "1989-12-26"),  # the nearest Christmas
    ("two", None), ("twenty-five", None),  # a count word alone ("two to six days") names no month
    ("the day after his arrest", None),  # the anchor is no day
])
def test_a_week_or_day_anchored_to_a_day_and_bare_counts(text, value):
    found = normalize_date(text, RESULTS_DAY)
    assert (found[0] if found else None) == value
