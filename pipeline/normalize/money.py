"""Currency forms to ISO 4217 codes, and amounts to exact decimal strings.

Currency knowledge comes from CLDR through Babel (every ISO code, its English
names and plurals, its English symbol), plus the local forms in
`patterns/currencies.json` that news uses and CLDR does not list ("US$", "RMB",
"yuan", a bare "dollars").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from babel.numbers import get_currency_name, get_currency_symbol, list_currencies

from pipeline.normalize.numbers import decimal_string, parse_number
from pipeline.patterns import load_json


@dataclass(frozen=True)
class Currency:
    """A resolved currency form: ISO code and the factor to the major unit (0.01 for cents)."""

    code: str
    factor: Decimal = Decimal(1)


@dataclass
class CurrencyTable:
    """Case-sensitive symbols/codes and lower-cased currency words, each to a Currency."""

    symbols: dict[str, Currency] = field(default_factory=dict)
    words: dict[str, Currency] = field(default_factory=dict)
    weight_units: frozenset[str] = frozenset()
    attached_only: frozenset[str] = frozenset()

    def lookup(self, text: str) -> Currency | None:
        """Resolve one written currency form.

        >>> table = currency_table()
        >>> table.lookup("HK$").code, table.lookup("Yuan").code, table.lookup("US dollars").code
        ('HKD', 'CNY', 'USD')
        >>> table.lookup("cents")
        Currency(code='USD', factor=Decimal('0.01'))
        >>> table.lookup("Australian dollars").code, table.lookup("CHF").code
        ('AUD', 'CHF')
        """
        text = " ".join(text.split())
        return self.symbols.get(text) or self.words.get(text.lower())


@cache
def currency_table() -> CurrencyTable:
    """Build the table once: CLDR names and symbols first, local news forms on top."""
    data = load_json("currencies.json")
    not_currency = set(data["codes_not_currency"])
    table = CurrencyTable(weight_units=frozenset(data["also_weight_units"]),
                          attached_only=frozenset(data["attached_only"]))
    for code in list_currencies():
        currency = Currency(code)
        if code not in not_currency:
            table.symbols[code] = currency
        symbol = get_currency_symbol(code, locale="en")
        if symbol != code and not symbol.isalpha():
            table.symbols.setdefault(symbol, currency)
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en").lower()
            if "(" not in name:
                table.words.setdefault(name, currency)
    for symbol, code in data["symbols"].items():
        table.symbols[symbol] = Currency(code)
    for word, code in data["words"].items():
        table.words[word] = Currency(code)
    for word, unit in data["minor_units"].items():
        table.words[word] = Currency(unit["code"], Decimal(unit["factor"]))
    return table


def money_amount(number_text: str, currency: Currency) -> str | None:
    """The amount of a written number in the currency's major unit, as a decimal string.

    >>> money_amount("7.9 billion", Currency("CNY"))
    '7900000000'
    >>> money_amount("14.4 million", Currency("USD"))
    '14400000'
    >>> money_amount("50", Currency("USD", Decimal("0.01")))
    '0.5'
    >>> money_amount("lots", Currency("USD")) is None
    True
    """
    value = parse_number(number_text)
    if value is None:
        return None
    return decimal_string(value * currency.factor)
