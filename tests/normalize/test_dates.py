from datetime import date

import pytest

from pipeline.normalize.dates import normalize_date


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
