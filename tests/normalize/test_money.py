import pytest

from pipeline.normalize.money import cldr_currency_forms, currency_table
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
