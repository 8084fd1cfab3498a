"""The count finder on the real model: the counted noun from the parse, its lemma on demand, what is no count."""

import pytest

from pipeline.nlp.base import CountHit


def counts(nlp, text):
    doc = nlp(text)
    return [(s.text, int(s._.count.value), s._.count.item, s._.count.qualifier) for s in doc.spans["counts"]]


def test_lemmas_on_demand(nlp):
    """The lemmatizer does not run over every token; counted nouns still get their lemma."""
    doc = nlp("The company closed 40 factories and 12 stores.")
    assert "lemmatizer" not in nlp.pipe_names
    assert all(isinstance(span._.count, CountHit) for span in doc.spans["counts"])
    assert [(span._.count.value, span._.count.item) for span in doc.spans["counts"]] == [(40, "factory"), (12, "store")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Police caught 1,953 counterfeiting suspects.", [("1,953 counterfeiting suspects", 1953, "suspect", None)]),
    ("It runs more than 3,500 retail stores.", [("3,500 retail stores", 3500, "store", "over")]),
    ("Revenue came from 140 stores, up from 120 a year earlier.",
     [("140 stores", 140, "store", None), ("120", 120, "store", None)]),
    ("Dozens of shops closed.", [("Dozens of shops", 12, "shop", "at least")]),
    ("From 15 to 20 people were hurt.", [("15", 15, "person", None), ("20 people", 20, "person", None)]),
    ("It ordered ten Boeing 737 jets.", [("ten Boeing 737 jets", 10, "jet", None)]),
    ("The 800 jobs go by June.", [("800 jobs", 800, "job", None)]),  # "the" + number + plural: no model name
])
def test_counts(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Sales rose 12% in 2018.",
    "The 52-year-old chief sold 30 tonnes of steel.",
    "It ordered Boeing 737 jets for $5 million.",
    "It was the fourth time in three years.",
    "The 737 is a jet, and the 2008 elections were close.",
])
def test_no_count(nlp, text):
    assert counts(nlp, text) == []


@pytest.mark.xfail(strict=True, reason="the model reads 'Between 15 and 20' as a DATE, whose numbers are never counts")
def test_a_range_opened_by_between(nlp):
    assert counts(nlp, "Between 15 and 20 people were hurt.") == [("15", 15, "person", None), ("20 people", 20, "person", None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Police seized half a million fake trainers.", [("half a million fake trainers", 500000, "trainer", None)]),
    ("The DRI seized 3.2 lakh counterfeit smartphone batteries.",
     [("3.2 lakh counterfeit smartphone batteries", 320000, "battery", None)]),
    ("The deals leave it with about 400 brands, down from more than 1,000 a decade ago.",
     [("400 brands", 400, "brand", "about"), ("1,000", 1000, "brand", "over")]),
    ("Kenya Power will buy 600,000 smart meters.", [("600,000 smart meters", 600000, "meter", None)]),
    ("Officers searched 18 premises.", [("18 premises", 18, "premises", None)]),
    ("The network will grow to 80-100 million new lines.",
     [("80", 80000000, "line", None), ("100 million new lines", 100000000, "line", None)]),
    ("Libya refused to hand over two suspects.", [("two suspects", 2, "suspect", None)]),
])
def test_counts_house_styles_write(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Volvo earned 3 billion Swedish crowns.",  # money, not a count of crowns
    "The road is 600 meters long.",
    "Shares rose 2p to 2,450p on a 1080p screen.",  # pence or a resolution, never a count of "p"
    "Ford plans to cut its roster of tier-one suppliers.",
    "Six months to June 30 ( million markka unless stated ) .",
    "Govt securities outstanding 463.73 +1.660 +10.436",
    "AMT : 1,200,000 DATE : 09/05/96 NYC Time : 1600 CUSIP : 072261",
    "Ericsson says wins 1.2 bln SKR China order .",
])
def test_no_count_in_money_or_measures(nlp, text):
    assert counts(nlp, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The city ordered 24 tram-trains.", [("24 tram-trains", 24, "tram-train", None)]),
    ("Customs seized 9,000 fake T-shirts.", [("9,000 fake T-shirts", 9000, "t-shirt", None)]),
    ("The council bought 40 e-bikes.", [("40 e-bikes", 40, "e-bike", None)]),
    ("The line runs 12 high-speed trains.", [("12 high-speed trains", 12, "train", None)]),
], ids=["a compound noun", "a letter and a noun", "a compound the parse splits", "a compound adjective"])
def test_a_noun_glued_by_a_hyphen_is_one_counted_word(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The chain will close 22 of its 70 stores.", [("22 of its 70 stores", 22, "store", None)]),
    ("The bank will cut 500 of the 3,000 staff at its call centres.", [("500 of the 3,000 staff", 500, "staff", None)]),
    ("One of its 11 plants will close.", [("11 plants", 11, "plant", None)]),
    ("The retailer said it would close 155 of its locations.", [("155 of its locations", 155, "location", None)]),
    ("Three of the companies were fined.", [("Three of the companies", 3, "company", None)]),
])
def test_a_part_taken_out_of_a_counted_whole_counts_the_part(nlp, text, expected):
    """"22 of its 70 stores" closes 22 stores, not 70; "155 of its locations" 155 of them; "one of" stays no count."""
    assert counts(nlp, text) == expected
