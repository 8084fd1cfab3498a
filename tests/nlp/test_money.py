"""The money finder and the tokenizer rules it needs, on spacy.blank("en"): no statistical model involved."""

import pytest
import spacy

from pipeline.nlp.base import MoneyHit
from pipeline.nlp.loader import teach_tokenizer


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
