"""The money finder and the tokenizer rules it needs, on spacy.blank("en"): no statistical model involved."""

import pytest
import spacy

from pipeline import extract
from pipeline.inputs.formats import SourceArticle
from pipeline.nlp.base import MoneyHit
from pipeline.nlp.tokenizer import teach_tokenizer


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    teach_tokenizer(nlp)
    nlp.add_pipe("factwire_numbers")
    nlp.add_pipe("factwire_money")
    return nlp


@pytest.mark.parametrize(("text", "tokens"), [
    ("HK$2bn", ["HK$", "2", "bn"]),
    ("$460m", ["$", "460", "m"]),
    ("RMB100 million", ["RMB", "100", "million"]),
    ("S$3.5mn", ["S$", "3.5", "mn"]),
    ("US$500-$600", ["US$", "500", "-", "$", "600"]),
    ("with AT&T.", ["with", "AT&T", "."]),
    ("2024--Acme", ["2024", "--", "Acme"]),
])
def test_tokenizer_splits_currency_scale_and_final_stop(blank, text, tokens):
    assert [t.text for t in blank.make_doc(text)] == tokens


@pytest.mark.parametrize(("text", "expected"), [
    ("It paid 7.9 billion Yuan or 1.16 billion US dollars.", [("7900000000", "CNY"), ("1160000000", "USD")]),
    ("fake goods worth $14.4 million", [("14400000", "USD")]),
    ("a HK$2bn deal", [("2000000000", "HKD")]),
    ("RMB 100 million", [("100000000", "CNY")]),
    ("US$ 40 billion", [("40000000000", "USD")]),
    ("Rs 500 crore", [("5000000000", "INR")]),
    ("two million dollars", [("2000000", "USD")]),
    ("€4bn per annum", [("4000000000", "EUR")]),
    ("CHF 12.5 million", [("12500000", "CHF")]),
    ("300 million EUR", [("300000000", "EUR")]),
    ("£1.2bn", [("1200000000", "GBP")]),
    ("¥1.5 trillion", [("1500000000000", "JPY")]),
    ("A$2.5 billion and C$3 million", [("2500000000", "AUD"), ("3000000", "CAD")]),
    ("a 1.5-billion-euro deal", [("1500000000", "EUR")]),
    ("$5-7 million", [("5000000", "USD"), ("7000000", "USD")]),
    ("between 5 and 7 million dollars", [("5000000", "USD"), ("7000000", "USD")]),
    ("from $500 to $1 million", [("500", "USD"), ("1000000", "USD")]),
    ("50 cents", [("0.5", "USD")]),
    ("3 dollars 50 cents", [("3.5", "USD")]),
    ("KD 5 million and 25 fils", [("5000000", "KWD"), ("0.025", "KWD")]),
    ("shares rose 5c", [("0.05", "USD")]),
    ("115USD and 10k$", [("115", "USD"), ("10000", "USD")]),
    ("hk $ 10.05 billion", [("10050000000", "HKD")]),
    ("c $ 16.4 million", [("16400000", "CAD")]),
    ("€10B", [("10000000000", "EUR")]),
    ("a loss of -15€", [("-15", "EUR")]),
    ("75 USD million", [("75000000", "USD")]),
    ("Rs 1 lakh crore", [("1000000000000", "INR")]),
    ("RM380mil", [("380000000", "MYR")]),
    ("KSh 35 trillion", [("35000000000000", "KES")]),
    ("R5bn but not R 5", [("5000000000", "ZAR")]),
    ("100 ₡ and 100₾", [("100", "CRC"), ("100", "GEL")]),
    ("three quarters billion us dollars", [("750000000", "USD")]),
    ("23 pounds of cocaine", []),
    ("1,953 suspects in 2018", []),
])
def test_money(blank, text, expected):
    doc = blank(text)
    assert [(s._.money.amount, s._.money.currency) for s in doc.spans["money"]] == expected


def test_range_ends_are_linked(blank):
    doc = blank("between $1.5 billion and $2 billion")
    low, high = (s._.money for s in doc.spans["money"])
    assert (low.relation, low.related, low.qualifier) == ("range_low", 1, "between")
    assert (high.relation, high.related) == ("range_high", 0)




def test_every_amount_carries_a_typed_hit(blank):
    doc = blank("It paid $5 a share, or about US$2 billion (€1.8 billion).")
    hits = [s._.money for s in doc.spans["money"]]
    assert all(isinstance(hit, MoneyHit) for hit in hits)
    assert [(h.amount, h.currency, h.per_unit, h.relation, h.related) for h in hits] == [
        ("5", "USD", "share", None, None), ("2000000000", "USD", None, "equivalent", 2),
        ("1800000000", "EUR", None, "equivalent", 1)]
    assert hits[1].qualifier == "about" and hits[0].basis == "default" and hits[1].basis == "explicit"


def amounts(doc):
    return [(s.text, s._.money.amount, s._.money.currency) for s in doc.spans["money"]]


@pytest.mark.parametrize(("text", "tokens"), [
    ("£22m.", ["£", "22", "m", "."]),  # the model's special case "m." (an initial) would keep "m." whole
    ("99c.", ["99", "c", "."]),
    ("rose 12p to 245p.", ["rose", "12", "p", "to", "245", "p", "."]),
    ("ANKARA 1996-08-27", ["ANKARA", "1996", "-", "08", "-", "27"]),  # no code "ARA" cut off a word
    ("( $ 1=80 naira )", ["(", "$", "1", "=", "80", "naira", ")"]),
    ("30 MUSD", ["30", "M", "USD"]),
])
def test_tokenizer_on_older_and_british_forms(blank, text, tokens):
    assert [t.text for t in blank.make_doc(text)] == tokens


@pytest.mark.parametrize(("text", "expected"), [
    # number words after a complete amount start a new expression
    ("The firm paid $1 billion seven years ago.", [("$1 billion", "1000000000", "USD")]),
    # a glued scale at the end of a sentence
    ("It raised almost £40m.", [("£40m", "40000000", "GBP")]),
    ("Analysts pencilled in profits of £22m. The board", [("£22m", "22000000", "GBP")]),
    # pence and cents written against the digits, pence in a story with pounds in it
    ("Profit was £5m; shares rose 12p to 245p, off the 2,450p peak, and pay 2.1p a share.",
     [("£5m", "5000000", "GBP"), ("12p", "0.12", "GBP"), ("245p", "2.45", "GBP"), ("2,450p", "24.5", "GBP"),
      ("2.1p", "0.021", "GBP")]),
    ("A can costs 99c.", [("99c", "0.99", "USD")]),
    ("a 1080p screen", []),
    ("The stock closed at 70.61 U.S. cents.", [("70.61 U.S. cents", "0.7061", "USD")]),
    # old wire forms and the names of replaced currencies
    ("Profit fell to 18 dlrs, dlrs 18 and stg 5 mln.",
     [("18 dlrs", "18", "USD"), ("dlrs 18", "18", "USD"), ("stg 5 mln", "5000000", "GBP")]),
    ("DM 5 million, 3.9 bln Ffr, SFr 10 and 4.5 billion Ecus",
     [("DM 5 million", "5000000", "DEM"), ("3.9 bln Ffr", "3900000000", "FRF"), ("SFr 10", "10", "CHF"),
      ("4.5 billion Ecus", "4500000000", "XEU")]),
    ("711 million guilders, 61.45 billion pesetas, 3.83 billion markka, 5 billion lire, 9 billion drachmas",
     [("711 million guilders", "711000000", "NLG"), ("61.45 billion pesetas", "61450000000", "ESP"),
      ("3.83 billion markka", "3830000000", "FIM"), ("5 billion lire", "5000000000", "ITL"),
      ("9 billion drachmas", "9000000000", "GRD")]),
    ("3 billion Swedish crowns, 2 billion Danish crowns and 1 billion Norwegian crowns",
     [("3 billion Swedish crowns", "3000000000", "SEK"), ("2 billion Danish crowns", "2000000000", "DKK"),
      ("1 billion Norwegian crowns", "1000000000", "NOK")]),
    ("a total of GH¢12.4 million", [("GH¢12.4 million", "12400000", "GHS")]),
    # what only looks like a currency beside a number
    ("Benin won 4-1 on aggregate, Owens won four gold medals and Milwaukee has won 10 of its last 15.", []),
    ("Euro 96 star Vladimir Smicer was sidelined for six Euro ties.", []),
    ("He has lost eight pounds ( 3.5 kilos ). The 7-pound , 4-ounce ( 3.3 kg ) girl", []),
    ("He carried 2.2 kg ( 4.8 pounds ) of cannabis and 42 kg (92 pounds) of drugs.", []),
    ("The 13-year-old scored 8 marks and won three crowns.", []),  # words, in a story of no mark or crown country
    ("ANKARA 1996-08-27", []),
    ("DUE : 11/1/96-11 SR MGR", []),
    ("P1020 ingot 75 cents / pound", [("75 cents", "0.75", "USD")]),
    ("The rate closed at T$ 27.482 against Wednesday's T$ 27.495.", []),  # the Tongan pa'anga in no Tongan story
    ("Year ended March 31 ( in million HK$ unless stated ). Total ( in billion rupiah ) 38.43", []),
    # one amount over a form on each side of the number
    ("regarding a USD$23 billion dollar deal", [("USD$23 billion dollar", "23000000000", "USD")]),
    ("It will cost $199 and $249 USD.", [("$199", "199", "USD"), ("$249 USD", "249", "USD")]),
    ("C$ 5 million dollars", [("C$ 5 million dollars", "5000000", "CAD")]),
    ("$ 20,000.00 $ 37,305.97 in expenses", [("$ 20,000.00", "20000", "USD"), ("$ 37,305.97", "37305.97", "USD")]),
    ("3 USD50 cards", [("USD50", "50", "USD")]),
    ("Shr C$ 0.04 C$ 0.08", [("C$ 0.04", "0.04", "CAD"), ("C$ 0.08", "0.08", "CAD")]),
    ("120 MEUR", [("120 MEUR", "120000000", "EUR")]),
])
def test_money_as_older_and_other_house_styles_write_it(blank, text, expected):
    assert amounts(blank(text)) == expected


def test_up_to_after_a_verb_of_motion_is_its_particle(blank):
    doc = blank("Revenue went up to $8.26 billion from $6.96 billion; the bank can be fined up to $10,000.")
    assert [s._.money.qualifier for s in doc.spans["money"]] == [None, None, "up to"]


def test_a_year_earlier_is_a_time_not_a_unit(blank):
    doc = blank("Revenue was $5 billion a year, up from $4 billion a year earlier and $3 billion a year ago.")
    assert [s._.money.per_unit for s in doc.spans["money"]] == ["year", None, None]


def test_a_year_on_a_purpose_is_a_unit_and_a_year_on_alone_a_time(nlp):
    doc = nlp("Orwell Media spends about £300 million a year on programmes. Profit was £5 million a year on, it said")
    assert [s._.money.per_unit for s in doc.spans["money"]] == ["year", None]


def test_equivalents_with_a_hedge_or_a_rate_are_linked(blank):
    doc = blank("It is worth 2.95 trillion yen (about 2.95 trillion U.S. dollars) or $1.9 billion (about Rs 16,000 crore).")
    hits = [s._.money for s in doc.spans["money"]]
    assert [(h.currency, h.relation, h.related) for h in hits] == [
        ("JPY", "equivalent", 1), ("USD", "equivalent", 0), ("USD", "equivalent", 3), ("INR", "equivalent", 2)]
    assert hits[1].qualifier == hits[3].qualifier == "about"
    doc = blank("( $ 1=80 naira )")
    rate = [(s.text, s._.money.relation) for s in doc.spans["money"]]
    assert rate == [("$ 1", "equivalent"), ("80 naira", "equivalent")]


def test_a_price_change_and_the_new_level_are_no_range(nlp):
    doc = nlp("Shares in the London group rose 12p to 245p, after a range of £1 to £2.")
    assert [s._.money.relation for s in doc.spans["money"]] == [None, None, "range_low", "range_high"]
    doc = nlp("Isbank gained 300 lira to 8,600. Petrol rose 5 to 10 cents. Sales rose 5 to 7 million dollars. "
              "Shares soared a further 4.10 guilders to 214.40.")
    assert [(s.text, s._.money.relation) for s in doc.spans["money"]] == [
        ("300 lira", None), ("5", "range_low"), ("10 cents", "range_high"), ("5", "range_low"),
        ("7 million dollars", "range_high"), ("4.10 guilders", None)]
    doc = nlp("Nickel rose by 500 to 39,200 rupees while tin fell by $5 to $80.")
    assert [(s.text, s._.money.relation) for s in doc.spans["money"]] == [("39,200 rupees", None), ("$5", None),
                                                                          ("$80", None)]


def test_a_bare_scaled_number_compared_with_an_amount_takes_its_currency(blank):
    doc = blank("Net profit was 3.385 million yuan, down from 14.956 million in the same period.")
    assert [(s.text, s._.money.currency, s._.money.basis) for s in doc.spans["money"]] == [
        ("3.385 million yuan", "CNY", "explicit"), ("14.956 million", "CNY", "context")]
    doc = blank("It asked for US$5 billion on top of the four billion it has received, from 2 million people.")
    assert amounts(doc) == [("US$5 billion", "5000000000", "USD"), ("four billion", "4000000000", "USD")]


def dated(blank, text, published):
    doc = blank.make_doc(text)
    doc._.article = SourceArticle.of_text(text, published=published)
    return [s._.money.currency for s in blank(doc).spans["money"]]


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("PARIS 1996-08-27\nThe Bank of France drained 3.9 billion francs.", "1996-08-27", "FRF"),
    ("PARIS 2024-08-27\nThe Bank of France drained 3.9 billion francs.", "2024-08-27", "CHF"),  # France: no franc
    ("BONN 1996-08-27\nDaimler earned 282 million marks.", "1996-08-27", "DEM"),
    ("HELSINKI 1996-08-27\nNokia earned 282 million marks.", "1996-08-27", "FIM"),
    ("ANKARA 1996-08-27\nVolume dropped to 7.2 trillion lira.", "1996-08-27", "TRL"),
    ("ANKARA 2024-08-27\nVolume dropped to 7.2 trillion lira.", "2024-08-27", "TRY"),
    ("BUCHAREST 1996-08-27\nSpending was 20.17 trillion lei.", "1996-08-27", "ROL"),
    ("PRAGUE 2024-05-02\nCEZ shares rose to 950 crowns.", "2024-05-02", "CZK"),
    ("COPENHAGEN, May 2 (Reuters) - Novo said profit rose to 5 billion kroner.", "2024-05-02", "DKK"),
    ("BONN, Aug 27 (Reuters) - Daimler earned 282 million marks.", None, "DEM"),  # an undated German story
])
def test_a_shared_name_is_the_currency_of_the_dateline_or_a_named_country_on_the_article_date(blank, text, published,
                                                                                              expected):
    assert dated(blank, text, published) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # the dateline's country counts first: the story's other places name Pakistan more often
    ("NEW DELHI, Aug 28, 2024 (PTI) - Karachi-based Lucky Cement will invest Rs 3 crore in a Pakistan plant, its "
     "Pakistani owners said.", [("Rs 3 crore", "30000000", "INR")]),
    ("Deportivo Coruna 1 Real Madrid 1", []),  # "Real" opens a name
])
def test_money_on_the_model(nlp, text, expected):
    assert [(m.text, m.amount, m.currency) for m in extract(text).money] == expected
