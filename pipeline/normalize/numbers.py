"""Parse numbers as news writes them: digits, decimals, scale words and number words; and a count span's text.

Values are `Decimal` so that "7.9 billion" is exactly 7900000000, never a float
rounding of it. `read_count` reads a whole count span as written ("nearly
3,500 retail stores"): what gold importers fill a count span's value with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pipeline.normalize.qualifiers import qualified_readings

UNITS = {
    "zero": 0, "naught": 0, "nought": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
FRACTIONS = {"half": Decimal("0.5"), "quarter": Decimal("0.25")}
FRACTION_PLURALS = {"halves": Decimal("0.5"), "quarters": Decimal("0.25")}
#: Scale words and the abbreviations business news uses after digits.
SCALES = {
    "thousand": 10**3, "k": 10**3, "grand": 10**3,
    "lakh": 10**5, "lakhs": 10**5, "lac": 10**5,
    "million": 10**6, "millions": 10**6, "m": 10**6, "mn": 10**6, "mln": 10**6, "mil": 10**6,
    "crore": 10**7, "crores": 10**7, "cr": 10**7,
    "billion": 10**9, "billions": 10**9, "bn": 10**9, "b": 10**9, "bln": 10**9,
    "trillion": 10**12, "trillions": 10**12, "tn": 10**12, "trn": 10**12, "tr": 10**12,
    "quadrillion": 10**15, "quintillion": 10**18, "sextillion": 10**21,
}
#: The scale abbreviations news writes glued to digits ("$460m", "1.2bn", "Rs 5cr"), split off by the tokenizer.
GLUED_SCALES = ("bn", "mn", "mln", "bln", "mil", "tn", "trn", "k", "m", "b", "cr", "K", "M", "B", "BN", "MN")
#: Words that are numbers only inside a phrase ("a couple", "a pair"), never on their own in text.
PHRASE_NUMBERS = {"couple": 2, "pair": 2}
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | {"hundred", "dozen"} | frozenset(SCALES)

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+|[a-z]+")
_SIGN = re.compile(r"^\s*[-−]\s*(?=\d)")
_SPACED_THOUSANDS = re.compile(r"(?<=\b\d{1})\s(?=\d{3}\b)|(?<=\b\d{2})\s(?=\d{3}\b)|(?<=\b\d{3})\s(?=\d{3}\b)")
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$|^\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?$")


def parse_digits(text: str) -> Decimal | None:
    """Read one written number with optional thousands commas.

    >>> parse_digits("1,953")
    Decimal('1953')
    >>> parse_digits("1.16")
    Decimal('1.16')
    >>> parse_digits("12,34") is None
    True
    """
    if not _DIGITS.match(text):
        return None
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def parse_number(text: str) -> Decimal | None:
    """Parse a number phrase to a Decimal, or None when it is not one.

    >>> parse_number("1,953")
    Decimal('1953')
    >>> str(parse_number("7.9 billion"))
    '7900000000.0'
    >>> parse_number("1.2bn") == 1_200_000_000
    True
    >>> parse_number("two million")
    Decimal('2000000')
    >>> parse_number("three hundred and forty-two")
    Decimal('342')
    >>> parse_number("half a billion")
    Decimal('500000000.0')
    >>> parse_number("a dozen")
    Decimal('12')
    >>> parse_number("1 lakh crore")
    Decimal('1000000000000')
    >>> parse_number("70 000")
    Decimal('70000')
    >>> parse_number("5 crore")
    Decimal('50000000')
    >>> parse_number("twenty")
    Decimal('20')
    >>> parse_number("one and a half million")
    Decimal('1500000.0')
    >>> parse_number("suspects") is None
    True
    >>> parse_number("-15"), parse_number("billion twenty three million"), parse_number("a couple of")
    (Decimal('-15'), Decimal('1023000000'), Decimal('2'))
    >>> parse_number("one point three"), parse_number("1 point 1")
    (Decimal('1.3'), Decimal('1.1'))
    >>> parse_number("three quarters billion")
    Decimal('750000000.00')
    """
    negative = bool(_SIGN.match(text))
    text = _SIGN.sub("", text)
    tokens = _TOKEN.findall(_SPACED_THOUSANDS.sub("", text.lower()).replace("-", " "))
    if not tokens:
        return None
    value = _parse_tokens(tokens)
    return -value if negative and value is not None else value


def _parse_tokens(tokens: list[str]) -> Decimal | None:
    total = Decimal(0)
    current: Decimal | None = None
    seen_number = False
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok[0].isdigit() or tok[0] == ".":
            value = parse_digits(tok)
            if value is None or (current is not None and current != 0):
                return None
            current = value
        elif tok in UNITS:
            current = (current or 0) + UNITS[tok]
        elif tok in TENS:
            current = (current or 0) + TENS[tok]
        elif tok in FRACTIONS:
            current = (current or 0) + FRACTIONS[tok]
        elif tok in FRACTION_PLURALS and current is not None:
            current *= FRACTION_PLURALS[tok]  # "three quarters"
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in {"dozen", "dozens"}:
            current = (current or 1) * 12
        elif tok in PHRASE_NUMBERS and i > 0 and tokens[i - 1] == "a":
            current = Decimal(PHRASE_NUMBERS[tok])
        elif tok == "point" and current is not None and nxt is not None and (nxt.isdigit() or nxt in UNITS):
            digits = ""
            for k in range(i + 1, len(tokens)):  # "1 point 1", "one point three five"
                if tokens[k].isdigit() or UNITS.get(tokens[k], 10) < 10:
                    digits += tokens[k] if tokens[k].isdigit() else str(UNITS[tokens[k]])
                    tokens[k] = "and"  # consumed
                else:
                    break
            current += Decimal("0." + digits)
        elif tok in SCALES:
            if not seen_number and len(tok) <= 3:
                return None  # "m", "bn" alone are not numbers; "million" alone is one million
            if current is None and i > 0 and tokens[i - 1] in SCALES:
                total *= SCALES[tok]  # "1 lakh crore", "a thousand million"
            else:
                total += (current if current is not None else 1) * SCALES[tok]
            current = None
        elif tok == "a" and nxt is not None and (nxt in SCALES or nxt in {"hundred", "dozen", "half"} | set(PHRASE_NUMBERS)):
            if nxt == "half":
                continue
            current = current if current is not None else Decimal(1)
            if current != 1:  # "one and a half": the "a" starts the fraction
                continue
        elif tok == "and" and seen_number:
            continue
        elif tok == "of" and nxt is None and seen_number:
            continue  # "a couple of", "a dozen of"
        else:
            return None
        seen_number = True
    if not seen_number:
        return None
    return total + (current or 0)


def decimal_string(value: Decimal) -> str:
    """Format a Decimal as a plain decimal string: no exponent, no trailing zeros.

    >>> decimal_string(Decimal("7900000000.0"))
    '7900000000'
    >>> decimal_string(Decimal("14.40"))
    '14.4'
    """
    text = format(value.normalize(), "f")
    return text


@dataclass(frozen=True)
class CountReading:
    """The value of a count span: the number, the counted phrase after it (None when none), the hedge before it."""

    value: int | float
    item_text: str | None = None
    qualifier: str | None = None


def read_count(text: str) -> CountReading | None:
    """The number (the longest that parses), counted phrase and qualifier of a whole count span, or None.

    >>> read_count("nearly 3,500 retail stores")
    CountReading(value=3500, item_text='retail stores', qualifier='nearly')
    >>> read_count("two"), read_count("1.5 million people").value, read_count("jobs")
    (CountReading(value=2, item_text=None, qualifier=None), 1500000, None)
    """
    for hedge, words in qualified_readings(text.split()):
        for cut in range(len(words), 0, -1):
            number = parse_number(" ".join(words[:cut]))
            if number is not None:
                value = int(number) if number == number.to_integral_value() else float(number)
                return CountReading(value, " ".join(words[cut:]) or None, hedge)
    return None
