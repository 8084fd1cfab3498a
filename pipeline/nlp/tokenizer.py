"""Tokenizer rules for money as news writes it: currency forms and scale abbreviations split off digits.

spaCy's English tokenizer knows a few currency prefixes only: "HK$2 billion",
"RMB100m" and "$460m" come out as one token or split in the wrong place. The
rules here come from the currency table (CLDR through Babel, plus local
forms) and the scale table of `pipeline.normalize.numbers`; `pipeline.nlp.load`
applies them, and a saved pipeline keeps them in its tokenizer.
"""

from __future__ import annotations

import re
import unicodedata

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from pipeline.normalize.money import currency_table
from pipeline.normalize.numbers import GLUED_SCALES


def teach_tokenizer(nlp: Language) -> None:
    """Split currency forms and scale abbreviations off digits ("HK$2bn" -> "HK$", "2", "bn"), a currency
    symbol off the dash of a range ("US$500-$600"), and a full stop off a name like "AT&T."."""
    table = currency_table()
    glued = [w for w in table.words if w.endswith("$")]  # "nzd$15"
    symbols = sorted([*table.symbols, *glued], key=len, reverse=True)
    currency_prefix = "(?:" + "|".join(re.escape(s) for s in symbols) + r")(?=[-−]?[0-9.])"
    after_digits = sorted([*(s for s in table.symbols if len(s) > 1 or not s.isalpha() or not s.isascii()), "¢", "c"],
                          key=len, reverse=True)
    currency_suffix = r"(?<=[0-9kKmMbB])(?:" + "|".join(re.escape(s) for s in after_digits) + r")"  # "115USD", "10k$"
    scale_suffix = r"(?<=[0-9])(?:" + "|".join(GLUED_SCALES) + r")"
    ampersand_name_stop = r"(?<=[A-Z]&[A-Z])\."  # "AT&T." closing a sentence: the name and a full stop
    tokenizer = nlp.tokenizer
    tokenizer.prefix_search = compile_prefix_regex([currency_prefix, *nlp.Defaults.prefixes]).search
    tokenizer.suffix_search = compile_suffix_regex([currency_suffix, scale_suffix, ampersand_name_stop,
                                                    *nlp.Defaults.suffixes]).search
    in_range = "[" + "".join(re.escape(s) for s in sorted(_range_symbols(table.symbols))) + "]"
    symbol_in_range = rf"(?<=[0-9])[-–—](?={in_range})|(?<=[0-9][-–—]){in_range}(?=[0-9])"  # "US$500-$600"
    tokenizer.infix_finditer = compile_infix_regex([symbol_in_range, *nlp.Defaults.infixes]).finditer


def _range_symbols(symbols: dict) -> set[str]:
    """The one-character currency signs ("$", "€", "£", "¥", "₹"; Unicode's currency symbols), which may open
    either end of a range."""
    return {s for s in symbols if len(s) == 1 and unicodedata.category(s) == "Sc"}
