"""The date finder: DATE entities to ISO values, relative ones read against the article the Doc belongs to."""

from pipeline.inputs.formats import SourceArticle
from pipeline.nlp.base import DateHit


def dates(nlp, text, published=None):
    doc = nlp.make_doc(text)
    doc._.article = SourceArticle.of_text(text, published=published)
    doc = nlp(doc)
    return [(s.text, s._.date) for s in doc.spans["dates"]]


def test_relative_dates_need_the_articles_date(nlp):
    text = "Sales rose last year and fell on Wednesday, the company said in March 2019."
    assert dates(nlp, text) == [("March 2019", DateHit("2019-03", "month"))]
    assert dates(nlp, text, published="2004-11-19") == [("last year", DateHit("2003", "year")),
                                                        ("Wednesday", DateHit("2004-11-17", "day")),
                                                        ("March 2019", DateHit("2019-03", "month"))]


def test_a_year_range_gives_both_years_and_a_long_expression_its_calendar_date(nlp):
    found = dates(nlp, "Output will grow between 2024 and 2028. Profit for the six months ended Sept. 30, 2023 rose.")
    assert [(text, hit.value) for text, hit in found] == [("2024", "2024"), ("2028", "2028"), ("Sept. 30, 2023", "2023-09-30")]


def test_a_text_on_its_own_has_no_article(nlp):
    doc = nlp("It closed on Friday.")
    assert doc._.article is None and list(doc.spans["dates"]) == []
