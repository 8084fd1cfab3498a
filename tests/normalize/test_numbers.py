from decimal import Decimal

import pytest

from pipeline.normalize.numbers import decimal_string, parse_number


@pytest.mark.parametrize(("text", "value"), [
    ("1,953", "1953"),
    ("1000", "1000"),
    ("7.9 billion", "7900000000"),
    ("1.16 billion", "1160000000"),
    ("14.4 million", "14400000"),
    ("1.2bn", "1200000000"),
    ("460m", "460000000"),
    ("3.5 mn", "3500000"),
    ("10k", "10000"),
    ("2 trillion", "2000000000000"),
    ("two million", "2000000"),
    ("three", "3"),
    ("twenty-five", "25"),
    ("three hundred and forty two", "342"),
    ("a dozen", "12"),
    ("half a billion", "500000000"),
    ("one and a half million", "1500000"),
    ("5 lakh", "500000"),
    ("500 crore", "5000000000"),
    ("1.5-billion", "1500000000"),
    ("a billion", "1000000000"),
])
def test_parse_number(text, value):
    assert decimal_string(parse_number(text)) == value


@pytest.mark.parametrize("text", ["", "suspects", "m", "bn", "1,2,3", "fourth", "12,34"])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


def test_decimal_string_has_no_exponent():
    assert decimal_string(Decimal("1E+9")) == "1000000000"
