"""Currency forms to ISO 4217 codes, amounts to exact decimal strings, and a money span's text to its value.

Currency knowledge comes from CLDR through Babel (every ISO code, its English
names and plurals, its English symbol), plus the local forms in
`patterns/currencies.json` that news uses and CLDR does not list ("US$", "RMB",
"yuan", a bare "dollars"). `read_money` reads a whole span as written ("about
US$40 billion"): what gold importers fill a money span's value with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.numbers import (
    get_currency_name,
    get_currency_precision,
    get_currency_symbol,
    get_territory_currencies,
    list_currencies,
)

from pipeline.normalize.numbers import decimal_string, parse_number
from pipeline.normalize.qualifiers import qualified_readings
from pipeline.patterns import load_json

_ATTACHED_SYMBOL = re.compile(r"^([^\d\s-]+)(\d.*)$")
_YEARS = re.compile(r"\s*\(.*\)")
_SINCE = date(1946, 1, 1)  # the currencies of post-war news, not the Reichsmark's


@dataclass(frozen=True)
class Currency:
    """A resolved currency form: its ISO code, and for a minor unit ("cents") the currencies it can divide."""

    code: str
    minor_of: tuple[str, ...] = ()

    @property
    def is_minor(self) -> bool:
        return bool(self.minor_of)

    def after(self, previous: str | None) -> Currency:
        """A minor unit belongs to the amount written before it when it can divide that currency.

        >>> currency_table().lookup("fils").after("KWD").code, currency_table().lookup("pence").after("USD").code
        ('KWD', 'GBP')
        """
        if self.is_minor and previous in self.minor_of:
            return Currency(previous, self.minor_of)
        return self


@dataclass
class CurrencyTable:
    """Case-sensitive symbols/codes and lower-cased currency words, each to a Currency."""

    symbols: dict[str, Currency] = field(default_factory=dict)
    words: dict[str, Currency] = field(default_factory=dict)
    weight_units: frozenset[str] = frozenset()
    attached_only: frozenset[str] = frozenset()
    needs_country: frozenset[str] = frozenset()
    read_as_default: frozenset[str] = frozenset()

    def lookup(self, text: str) -> Currency | None:
        """Resolve one written currency form.

        >>> table = currency_table()
        >>> table.lookup("HK$").code, table.lookup("Yuan").code, table.lookup("US dollars").code
        ('HKD', 'CNY', 'USD')
        >>> table.lookup("cents").code, table.lookup("cents").is_minor
        ('USD', True)
        >>> table.lookup("Australian dollars").code, table.lookup("CHF").code
        ('AUD', 'CHF')
        >>> table.lookup("Swedish crowns").code, table.lookup("U.S. cents"), table.lookup("dlrs").code
        ('SEK', Currency(code='USD', minor_of=('USD',)), 'USD')
        """
        text = " ".join(text.split())
        return self.symbols.get(text) or self.words.get(text.lower())


@cache
def currency_table() -> CurrencyTable:
    """Build the table once: CLDR's names and symbols (kept in `patterns/cldr_currencies.json`), local news forms
    on top."""
    data = load_json("currencies.json")
    not_currency = set(data["codes_not_currency"])
    cldr = load_json("cldr_currencies.json")
    table = CurrencyTable(symbols={form: Currency(code) for form, code in cldr["symbols"].items()},
                          words={form: Currency(code) for form, code in cldr["words"].items()},
                          weight_units=frozenset(data["also_weight_units"]),
                          attached_only=frozenset(data["attached_only"]),
                          needs_country=frozenset(data["needs_country"]),
                          read_as_default=frozenset(data["read_as_default"]))
    for symbol, code in data["symbols"].items():
        table.symbols[symbol] = Currency(code)
    for code in data["lowercase_codes"]:
        table.words.setdefault(code, Currency(code.upper() if code != "rmb" else "CNY"))
    for prefix, code in data["spaced_prefixes"].items():
        table.words[f"{prefix} $"] = Currency(code)
    for code in list_currencies():
        if code.endswith(("D", "N")) and code not in not_currency:  # dollars and pesos: "cad$", "mxn$"
            table.words.setdefault(f"{code.lower()}$", Currency(code))
    for word, code in data["words"].items():
        table.words[word] = Currency(code)
    for word, unit in data["minor_units"].items():
        table.words[word] = Currency(unit["default"], tuple(unit["of"]))
    _add_english_names(table.words, data["english_names"])
    return table


def _add_english_names(words: dict[str, Currency], english: dict[str, str]) -> None:
    """Names news writes in English for a currency CLDR names in its own language ("Swedish crowns" for "Swedish
    kronor", "Finnish marks"), and the cents of each named dollar ("U.S. cents", "Australian cents")."""
    for form, currency in list(words.items()):
        *qualifier, last = form.split()
        if qualifier and last in english:
            words.setdefault(" ".join([*qualifier, english[last]]), currency)
        if qualifier and last in {"dollar", "dollars"} and not currency.is_minor:
            cents = "cent" if last == "dollar" else "cents"
            words.setdefault(" ".join([*qualifier, cents]), Currency(currency.code, (currency.code,)))


def cldr_currency_forms(not_currency: set[str]) -> dict[str, dict[str, str]]:
    """What CLDR (through Babel) says about writing currencies, as form -> ISO code: every code (but those
    `not_currency` names, which are also words) and its English symbol, names and plurals, then each country's own
    symbol ("₡", "₾") and "<country> <currency word>" ("malaysia ringgit").

    Reading every territory's locale data takes longer than the rest of loading, so
    `tools/build_currencies.py` keeps the result in `patterns/cldr_currencies.json`; a test checks it is current.
    """
    symbols: dict[str, str] = {}
    words: dict[str, str] = {}
    for code in list_currencies():
        if code not in not_currency:
            symbols[code] = code
        symbol = get_currency_symbol(code, locale="en")
        if symbol != code and not symbol.isalpha():
            symbols.setdefault(symbol, code)
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en").lower()
            if "(" not in name:
                words.setdefault(name, code)
    _add_local_forms(symbols, words)
    return {"symbols": symbols, "words": words}


def _name_word(code: str) -> str:
    """The last word of a currency's English name, without CLDR's years ("Turkish Lira (1922–2005)" -> "lira")."""
    return _YEARS.sub("", get_currency_name(code, locale="en")).lower().split()[-1]


@cache
def _family_currency(country: str, families: tuple[str, ...], on: date | None, ever: bool = False) -> str | None:
    """The currency of one of `families` that `country` used on a date (today when None), per CLDR; with `ever`,
    the latest it has used since the Second World War (an undated story: "marks" from Bonn are DEM)."""
    try:
        codes = get_territory_currencies(country, start_date=on) if not ever else \
            get_territory_currencies(country, start_date=_SINCE, end_date=date.today())[::-1]
    except (ValueError, KeyError):
        return None
    return next((code for code in codes if _name_word(code) in families), None)


def currency_in_context(form: str, currency: Currency, countries: list[str],
                        on: date | None = None) -> tuple[Currency, str] | None:
    """Resolve an ambiguous form with the countries an article names, most named first, on the article's date.

    Returns the currency and how it was decided: "explicit" (the form names
    one currency), "default" (an ambiguous form read its usual way: a bare
    "$" is USD whatever the story's country), or "context" (the currency of
    the form's family that a named country used on the article's date: the
    default's home country first when it is named, "francs" in a French story
    of 1996 are French francs). A form that is also an English word
    ("crowns", "marks") is money only so: None when no named country used
    such a currency.

    >>> table = currency_table()
    >>> currency_in_context("Rs", table.lookup("Rs"), ["PK"])[0].code
    'PKR'
    >>> currency_in_context("Rs", table.lookup("Rs"), ["PK", "IN"])
    (Currency(code='INR', minor_of=()), 'default')
    >>> currency_in_context("$", table.lookup("$"), ["AU"]), currency_in_context("HK$", table.lookup("HK$"), ["AU"])[1]
    ((Currency(code='USD', minor_of=()), 'default'), 'explicit')
    >>> [currency_in_context("francs", table.lookup("francs"), ["FR"], on)[0].code for on in (date(1996, 8, 27), None)]
    ['FRF', 'CHF']
    >>> currency_in_context("crowns", table.lookup("crowns"), ["DK"])[0].code, currency_in_context("crowns", table.lookup("crowns"), [])
    ('DKK', None)
    >>> currency_in_context("marks", table.lookup("marks"), ["DE"])
    (Currency(code='DEM', minor_of=()), 'context')
    """
    data = load_json("currencies.json")
    families = data["families"].get(form) or data["families"].get(form.lower())
    if not families:
        return currency, "default" if form in data["read_as_default"] or form.lower() in data["read_as_default"] else "explicit"
    home = currency.code[:2]
    ever = on is None and form.lower() in data["context_only"]  # undated: an English word needs its country's past
    for country in ([home] if home in countries else []) + [c for c in countries if c != home]:
        local = _family_currency(country, tuple(families), on) or (_family_currency(country, tuple(families), on, ever)
                                                                   if ever else None)
        if local is not None:
            decided = local != currency.code or form.lower() in data["context_only"]
            return Currency(local, currency.minor_of), "context" if decided else "default"
    if form.lower() in data["context_only"]:
        return None
    dated = _family_currency(home, tuple(families), on) if on is not None else None  # "lei" in 1996: ROL
    return Currency(dated or currency.code, currency.minor_of), "default"


def _add_local_forms(symbols: dict[str, str], words: dict[str, str]) -> None:
    """Each country's own symbol for its currency ("₡", "₾") and "<country> <currency word>" ("malaysia ringgit")."""
    names = Locale("en").territories
    for territory, codes in get_global("territory_currencies").items():
        current = [c[0] for c in codes if c[2] is None and c[3]]  # (code, start, end, tender)
        if len(current) != 1 or territory not in names:
            continue
        code = current[0]
        try:
            local = Locale.parse(f"und_{territory}")
        except (ValueError, UnknownLocaleError):
            continue
        symbol = get_currency_symbol(code, locale=local)
        if symbol != code and not symbol.isalnum():
            symbols.setdefault(symbol, code)
        for count in (1, 2):
            word = get_currency_name(code, count=count, locale="en").lower().split()[-1]
            words.setdefault(f"{names[territory].lower()} {word}", code)


def money_amount(number_text: str, currency: Currency) -> str | None:
    """The amount of a written number in the currency's major unit, as a decimal string.

    >>> money_amount("7.9 billion", Currency("CNY"))
    '7900000000'
    >>> money_amount("14.4 million", Currency("USD"))
    '14400000'
    >>> money_amount("50", Currency("USD", ("USD",)))
    '0.5'
    >>> money_amount("25", Currency("KWD", ("KWD",)))  # the dinar has 1000 fils (CLDR digits: 3)
    '0.025'
    >>> money_amount("lots", Currency("USD")) is None
    True
    """
    value = parse_number(number_text)
    if value is None:
        return None
    if currency.is_minor:
        value *= Decimal(10) ** -get_currency_precision(currency.code)
    return decimal_string(value)


@dataclass(frozen=True)
class MoneyReading:
    """The value of a money span: amount (decimal string, major unit), ISO currency, and the hedge before it."""

    amount: str
    currency: str
    qualifier: str | None = None


def _amount_words(text: str) -> list[str]:
    """Words of an amount, a currency symbol glued to its number split off ("US$40" -> "US$", "40")."""
    words = []
    for word in text.split():
        glued = _ATTACHED_SYMBOL.match(word)
        words += [glued.group(1), glued.group(2)] if glued and currency_table().lookup(glued.group(1)) else [word]
    return words


def read_money(text: str) -> MoneyReading | None:
    """The amount, currency and qualifier of a whole money span, or None when it states no single amount.

    >>> read_money("US$40 billion"), read_money("7.9 billion yuan")
    (MoneyReading(amount='40000000000', currency='USD', qualifier=None), MoneyReading(amount='7900000000', currency='CNY', qualifier=None))
    >>> read_money("more than $5m")
    MoneyReading(amount='5000000', currency='USD', qualifier='over')
    >>> read_money("26 cents"), read_money("$99 (USD"), read_money("lots of money")
    (MoneyReading(amount='0.26', currency='USD', qualifier=None), None, None)
    """
    table = currency_table()
    for hedge, words in qualified_readings(_amount_words(text)):
        for cut in range(1, len(words)):
            left, right = " ".join(words[:cut]), " ".join(words[cut:])
            for form, number in ((left, right), (right, left)):
                currency = table.lookup(form)
                amount = money_amount(number, currency) if currency else None
                if amount is not None:
                    return MoneyReading(amount, currency.code, hedge)
    return None
