from datetime import date

import pytest

from pipeline.normalize.money import cldr_currency_forms, currency_in_context, currency_table
from pipeline.patterns import load_json


@pytest.mark.parametrize(("form", "code"), [
    ("$", "USD"), ("US$", "USD"), ("HK$", "HKD"), ("S$", "SGD"), ("A$", "AUD"), ("C$", "CAD"),
    ("NZ$", "NZD"), ("NT$", "TWD"), ("R$", "BRL"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"),
    ("Rs", "INR"), ("Rs.", "INR"), ("₹", "INR"), ("RMB", "CNY"), ("CHF", "CHF"), ("USD", "USD"),
    ("EUR", "EUR"), ("JPY", "JPY"),
    ("yuan", "CNY"), ("Yuan", "CNY"), ("renminbi", "CNY"), ("dollars", "USD"), ("US dollars", "USD"),
    ("Hong Kong dollars", "HKD"), ("Australian dollars", "AUD"), ("euros", "EUR"), ("pounds", "GBP"),
    ("francs", "CHF"), ("Swiss francs", "CHF"), ("rupees", "INR"), ("won", "KRW"), ("yen", "JPY"),
    ("Singapore dollars", "SGD"), ("Canadian dollars", "CAD"), ("South African rand", "ZAR"),
])
def test_currency_forms(form, code):
    assert currency_table().lookup(form).code == code


@pytest.mark.parametrize(("form", "code"), [
    ("dlrs", "USD"), ("stg", "GBP"), ("DM", "DEM"), ("FFr", "FRF"), ("Ffr", "FRF"), ("SFr", "CHF"), ("SKr", "SEK"),
    ("Ecus", "XEU"), ("pesetas", "ESP"), ("French francs", "FRF"), ("guilders", "NLG"), ("Dutch guilders", "NLG"),
    ("lire", "ITL"), ("markka", "FIM"), ("Finnish marks", "FIM"), ("schillings", "ATS"), ("drachmas", "GRD"),
    ("Swedish crowns", "SEK"), ("Danish crowns", "DKK"), ("Norwegian crowns", "NOK"), ("Czech crowns", "CZK"),
    ("GH¢", "GHS"), ("U.S. cents", "USD"), ("Australian cents", "AUD"), ("p", "GBP"), ("riels", "KHR"),
    ("kyats", "MMK"), ("quetzales", "GTQ"), ("sucres", "ECS"),
])
def test_older_and_english_forms(form, code):
    assert currency_table().lookup(form).code == code


@pytest.mark.parametrize(("form", "countries", "on", "expected"), [
    ("francs", ["FR"], date(1996, 8, 27), ("FRF", "context")),
    ("francs", ["FR"], date(2024, 8, 27), ("CHF", "default")),  # France has no franc since 2002
    ("francs", ["BE"], date(1996, 8, 27), ("BEF", "context")),
    ("francs", ["BE", "CH"], date(1996, 8, 27), ("CHF", "default")),  # the default's home, when named, first
    ("marks", ["DE"], date(1996, 8, 27), ("DEM", "context")),
    ("marks", ["FI"], date(1996, 8, 27), ("FIM", "context")),
    ("lira", [], date(1996, 8, 27), ("TRL", "default")),  # the default's home on the day: the old Turkish lira
    ("lire", ["IT"], date(1996, 8, 27), ("ITL", "default")),
    ("kroner", ["DK"], None, ("DKK", "context")),
    ("crowns", ["CZ"], None, ("CZK", "context")),
    ("leva", [], date(1996, 8, 27), ("BGL", "default")),  # the lev before its 1999 redenomination
    ("marks", ["DE"], None, ("DEM", "context")),  # undated: the mark, gone today, is still the story's currency
])
def test_a_shared_name_is_the_currency_a_named_country_used_on_the_day(form, countries, on, expected):
    currency, basis = currency_in_context(form, currency_table().lookup(form), countries, on)
    assert (currency.code, basis) == expected


@pytest.mark.parametrize("form", ["crowns", "marks"])
def test_english_words_are_money_only_in_a_story_of_their_country(form):
    assert currency_in_context(form, currency_table().lookup(form), ["US", "GB"]) is None


def test_every_cldr_code_is_known():
    table = currency_table()
    assert len({c.code for c in table.symbols.values()}) > 250


@pytest.mark.parametrize("form", ["ALL", "TOP", "brands", "Mr"])
def test_non_currency_forms(form):
    assert currency_table().lookup(form) is None


def test_the_kept_cldr_forms_are_what_babel_gives():
    """patterns/cldr_currencies.json is current (else: python tools/build_currencies.py)."""
    kept = load_json("cldr_currencies.json")
    assert {k: kept[k] for k in ("symbols", "words")} == cldr_currency_forms(set(load_json("currencies.json")["codes_not_currency"]))
