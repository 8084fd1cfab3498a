"""What stands beside a number like a currency and is not one: each rule a function of the Doc around a number run.

- A currency name that is also an English word stands after its number
  ("300 billion won"); before a number it is that word: "won 4-2" (the verb),
  "Euro 96" (the championship), "real 5" (the adjective). Symbols and codes
  stand on either side ("$5", "5 USD", "dlrs 18").
- "six Euro ties": the capitalized "Euro" before a noun is the championship.
- Weights: "eight pounds ( 3.5 kilos )", "2.2 kg ( 4.8 pounds )", "a 7-pound , 4-ounce girl".
- Table unit notes: "( in million HK$ unless stated )" is the scale and
  currency of the table's numbers, not an amount.
- Product codes: a one-letter symbol glued to a number that names a thing
  ("P1020 ingot", "N95 masks").
- A form after a number that opens the next one ("3 USD50 cards").
"""

from __future__ import annotations

import unicodedata

from spacy.tokens import Doc, Span, Token

from pipeline.normalize.money import CurrencyTable
from pipeline.normalize.numbers import SCALES


def word_before_number(table: CurrencyTable, mention: Span, words: frozenset[str]) -> bool:
    """A currency name that is also an English word (`words`: "won", "real", "euro"), written before a number."""
    return mention.text not in table.symbols and mention.text.lower() in words


def opens_next_number(doc: Doc, mention: Span, signed: bool) -> bool:
    """A form after a number that belongs to the next one: glued to it ("3 USD50 cards"), or a sign ("$", "C$")
    after a number that has its own sign before it ("$ 20,000.00 $ 37,305.97", "Shr C$ 0.04 C$ 0.08"; but
    "10 $ 30 $")."""
    after = doc[mention.end] if mention.end < len(doc) else None
    if after is None or not after.text[0].isdigit():
        return False
    return not mention[-1].whitespace_ or signed and any(unicodedata.category(ch) == "Sc" for ch in mention.text)


def championship(doc: Doc, mention: Span, run: Span) -> bool:
    """"six Euro ties": "Euro" capitalized, after a number without scale and before a word (not "per"), is the
    tournament."""
    after = doc[mention.end] if mention.end < len(doc) else None
    return mention.text == "Euro" and after is not None and after.is_alpha and not after.is_stop \
        and after.lower_ not in SCALES and not any(t.lower_ in SCALES for t in run)


def weight(doc: Doc, run: Span, mention: Span, table: CurrencyTable, weight_words: frozenset[str]) -> bool:
    """"pounds" as a weight: "23 pounds of", next to another weight ("eight pounds ( 3.5 kilos )", "8 pounds , 4
    ounces", "2.2 kg ( 4.8 pounds )"), or hyphenated before what it weighs ("a 7-pound baby") when the number has
    no scale."""
    if mention.text.lower() not in table.weight_units:
        return False
    after = doc[mention.end:mention.end + 5]
    if after[:1].text == "of" or any(t.like_num and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in weight_words
                                     for t in after):
        return True
    if run.start >= 3 and doc[run.start - 1].text == "(" and doc[run.start - 2].lower_ in weight_words \
            and doc[run.start - 3].like_num:
        return True  # the weight first, its pounds in parentheses
    return mention.start > run.end and doc[run.end].text == "-" and not any(t.lower_ in SCALES for t in run)


def unit_note(doc: Doc, run: Span) -> bool:
    """"( in million HK$ unless stated )", "Total ( in billion rupiah )": a lone scale word after "(" or "in"."""
    return len(run) == 1 and run[0].lower_ in SCALES and run.start > 0 and doc[run.start - 1].lower_ in {"(", "in"}


def product_code(doc: Doc, run: Span, mention: Span) -> bool:
    """A one-letter symbol glued to a whole number without scale that names a thing: "P1020 ingot", "N95 masks"."""
    after = doc[run.end] if run.end < len(doc) else None
    return len(mention.text) == 1 and mention.text.isalpha() and len(run) == 1 and run[0].text.isdigit() \
        and after is not None and names_a_thing(after)


def names_a_thing(token: Token) -> bool:
    """A noun by the tagger, or on a pipeline without one a word that is no stop word nor scale ("ingot", "people")."""
    if token.pos_:
        return token.pos_ in {"NOUN", "PROPN"} and token.lower_ not in SCALES
    return token.is_alpha and not token.is_stop and token.lower_ not in SCALES
