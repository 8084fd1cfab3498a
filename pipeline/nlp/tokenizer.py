"""The tokenizer factwire runs: the English model's, taught money as news writes it.

spaCy's English tokenizer knows a few currency prefixes only: "HK$2 billion",
"RMB100m" and "$460m" come out as one token or split in the wrong place; the
rules here come from the currency table (CLDR through Babel, plus local forms)
and the scale table of `pipeline.normalize.numbers`.

Filling a tokenizer with its 1,347 special cases is most of what a tokenizer
costs to load, and `spacy.load` fills two (the language's default, then the
model's stored one read over it). The loader builds this one in their place
(`news_tokenizer`, registered for a config's `[nlp.tokenizer]`) from the
language's settings, which are what the English models store; a model that
stores other ones gets them (`ModelTokenizing.stored`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from re import _parser as sre_parse  # the widths of the suffix patterns

import spacy
import srsly
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from pipeline.normalize.money import currency_table
from pipeline.normalize.numbers import GLUED_SCALES
from pipeline.patterns import load_json

NEWS_TOKENIZER = "factwire.news_tokenizer.v1"
#: The model's special cases for a lower-case letter and a full stop that are also a scale or a minor unit glued to
#: digits ("£22m.", "99c.", "2.1p."): left to the affix rules, which split them as "m", "."
_GLUED_INITIALS = frozenset({"m.", "k.", "b.", "c.", "p."})


@dataclass(frozen=True)
class ModelTokenizing:
    """What the taught tokenizer keeps of a model's own: its special cases, token and URL patterns and heuristics
    (the affix rules are the language's, with factwire's added)."""

    rules: dict
    token_match: str | None
    url_match: str | None
    faster_heuristics: bool = True

    @classmethod
    def of_language(cls, nlp: Language) -> ModelTokenizing:
        """The settings spaCy's default tokenizer for the pipeline's language starts from."""
        defaults = nlp.Defaults
        return cls(dict(defaults.tokenizer_exceptions), _pattern(defaults.token_match), _pattern(defaults.url_match))

    @classmethod
    def stored(cls, model: Path | None) -> ModelTokenizing | None:
        """The settings a saved model holds (spaCy's `tokenizer` file), or None when it holds none."""
        if model is None or not (Path(model) / "tokenizer").is_file():
            return None
        data = srsly.read_msgpack(Path(model) / "tokenizer")
        return cls(data.get("exceptions") or {}, data.get("token_match"), data.get("url_match"),
                   data.get("faster_heuristics", True))


@spacy.registry.tokenizers(NEWS_TOKENIZER)
def news_tokenizer() -> Callable[[Language], Tokenizer]:
    """The language's default tokenizer settings, taught money as news writes it."""
    return lambda nlp: taught_tokenizer(nlp, ModelTokenizing.of_language(nlp))


def teach_tokenizer(nlp: Language) -> None:
    """Give a pipeline (spacy.blank("en") in tests) the news tokenizer in place of its own."""
    nlp.tokenizer = taught_tokenizer(nlp, ModelTokenizing.of_language(nlp))


def taught_tokenizer(nlp: Language, base: ModelTokenizing) -> Tokenizer:
    """Split currency forms and scale abbreviations off digits ("HK$2bn" -> "HK$", "2", "bn"), a currency
    symbol off the dash of a range ("US$500-$600"), "=" between numbers ("$1=80 naira"), a major code off the
    scale before it ("30 MUSD"), a double dash off what it joins ("May 2, 2024--Acme"), and a full stop off a
    name like "AT&T." and off a glued scale or minor unit ("£22m." -> "£", "22", "m", ".": the model's special
    cases would keep "m." whole, as an initial). One tokenizer with all the rules: each rule set alone re-reads the
    special cases."""
    table = currency_table()
    glued = [w for w in table.words if w.endswith("$")]  # "nzd$15"
    symbols = sorted([*table.symbols, *glued], key=len, reverse=True)
    longest = max(map(len, symbols))  # the lookahead first: most tokens have no digit, and fail it at once
    currency_prefix = rf"(?=\D{{1,{longest + 1}}}[0-9.])(?:" + "|".join(re.escape(s) for s in symbols) + r")(?=[-−]?[0-9.])"
    after_digits = sorted([*(s for s in table.symbols if len(s) > 1 or not s.isalpha() or not s.isascii()), "¢", "c", "p"],
                          key=len, reverse=True)
    currency_suffix = r"(?:(?<=[0-9])|(?<=[0-9][kKmMbB]))(?:" + "|".join(re.escape(s) for s in after_digits) \
        + r")"  # "115USD", "10k$"; not the end of a word ("ANKARA")
    scale_suffix = r"(?<=[0-9])(?:" + "|".join(GLUED_SCALES) + r")"
    major_codes = "|".join(code.upper() for code in load_json("currencies.json")["lowercase_codes"])
    scaled_code = rf"(?<=^[mMkK])(?:{major_codes})"  # "30 MUSD", "120 kEUR": the scale glued before a code
    ampersand_name_stop = r"(?<=[A-Z]&[A-Z])\."  # "AT&T." closing a sentence: the name and a full stop
    in_range = "[" + "".join(re.escape(s) for s in sorted(_range_symbols(table.symbols))) + "]"
    symbol_in_range = rf"(?<=[0-9])[-–—](?={in_range})|(?<=[0-9][-–—]){in_range}(?=[0-9])"  # "US$500-$600"
    double_dash = r"(?<=[0-9A-Za-z)])--(?=[A-Za-z(])"  # "2024--Acme" (Business Wire): not "2024", "-", "-Acme"
    equals_between_numbers = r"(?<=[0-9])=(?=[0-9])"
    rules = {text: case for text, case in base.rules.items() if text not in _GLUED_INITIALS}
    return Tokenizer(
        nlp.vocab, rules=rules, token_match=_compiled(base.token_match), url_match=_compiled(base.url_match),
        faster_heuristics=base.faster_heuristics,
        prefix_search=compile_prefix_regex([currency_prefix, *nlp.Defaults.prefixes]).match,
        suffix_search=TailSearch([currency_suffix, scale_suffix, scaled_code, ampersand_name_stop,
                                  *nlp.Defaults.suffixes]).search,
        infix_finditer=compile_infix_regex([symbol_in_range, double_dash, equals_between_numbers,
                                            *nlp.Defaults.infixes]).finditer)


class TailSearch:
    """The suffix patterns searched in the end of a string only.

    spaCy's tokenizer searches the suffix pattern once per affix it strips,
    and a full search tries every position of the string with every
    pattern, so a run of 2,000 "$" took 10 s (quadratic). Each suffix
    pattern but a run of dots (`\\.\\.+`) matches at most `tail - 1`
    characters, so its match lies in the last `tail` characters; a match at
    the window's first character can only be such a run, and is searched
    again in the whole string. Same matches, in time independent of the
    string's length. (The prefix pattern is matched, not searched, for the
    same reason: each of its branches starts with "^".) `pattern` lets spaCy
    save the tokenizer as it saves a compiled pattern's `search`.
    """

    def __init__(self, pieces: list[str]) -> None:
        self.regex = compile_suffix_regex(pieces)
        self.pattern = self.regex.pattern
        self.tail = 1 + max(width for piece in pieces if (width := sre_parse.parse(piece).getwidth()[1]) < sre_parse.MAXREPEAT)

    def search(self, string: str) -> re.Match | None:
        window = max(len(string) - self.tail, 0)
        match = self.regex.search(string, window)
        if match is not None and window and match.start() == window:
            return self.regex.search(string)  # a run of dots may reach further left
        return match


def _pattern(match: Callable | None) -> str | None:
    """The pattern of a compiled regular expression's `match` (how spaCy stores token and URL matchers)."""
    return None if match is None else match.__self__.pattern


def _compiled(pattern: str | None) -> Callable | None:
    return None if pattern is None else re.compile(pattern).match


def _range_symbols(symbols: dict) -> set[str]:
    """The one-character currency signs ("$", "€", "£", "¥", "₹"; Unicode's currency symbols), which may open
    either end of a range."""
    return {s for s in symbols if len(s) == 1 and unicodedata.category(s) == "Sc"}
