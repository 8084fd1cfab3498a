"""What the two organization span rulers match: the gazetteer (also in capitals) and names closed by a legal form.

The legal-form ruler is spaCy's `span_ruler`, the gazetteer rulers
`factwire_gazetteer` (`pipeline.nlp.organizations.gazetteer`, the span ruler's
phrase matching, cheap to load); `pipeline.nlp.loader` fills them through
their `initialize` with the patterns the registered functions here build from
the data files named in `config.cfg` (`[initialize.components.*]`), and a
saved pipeline keeps them (`to_disk` / `from_disk`). The legal-form ruler's
`spans_filter` drops the word mixtures the grouped patterns let through.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Span

from pipeline.patterns import load_json, load_jsonl

LEGAL_FORM_ID = "legal form of length "


@spacy.registry.misc("factwire.gazetteer_patterns.v1")
def gazetteer_patterns(gazetteer: str, rules: str) -> list[dict]:
    """The gazetteer's phrase patterns (label ORG, the canonical name as `id`), and in capitals those names whose
    capitals the case-blind ruler cannot match (see `gazetteer_capitals`)."""
    patterns = load_jsonl(gazetteer)
    sources = capital_sources(patterns, set(load_json(rules)["names_also_words"]))
    return patterns + [{**p, "pattern": upper} for upper, p in sources.items() if not _plain(p)]


@spacy.registry.misc("factwire.gazetteer_capitals.v1")
def gazetteer_capitals(gazetteer: str, rules: str) -> list[dict]:
    """The names a case-blind ruler finds in capitals ("GOLDMAN SACHS"): names of plain words tokenize the same in
    any case, so their own patterns serve, and no new word enters the vocabulary (what loading the rulers costs)."""
    sources = capital_sources(load_jsonl(gazetteer), set(load_json(rules)["names_also_words"]))
    return [p for p in sources.values() if _plain(p)]


@spacy.registry.misc("factwire.capitals_only.v1")
def capitals_only() -> Callable[[Iterable[Span], Iterable[Span]], list[Span]]:
    """A span-ruler filter keeping the case-blind matches written in capitals."""
    return lambda existing, matches: [span for span in matches if span.text.isupper()]


def capital_sources(patterns: list[dict], also_words: set[str]) -> dict[str, dict]:
    """The names matched in capitals as well, as wire headlines and bullet points write them: capitals -> pattern.

    Left out: names shorter than four letters (in capitals they read as
    acronyms), one-word names that are English words too ("VISA RULES"), and
    names whose capitals are a pattern already; of two names with the same
    capitals, the later.

    >>> names = [{"label": "ORG", "pattern": n, "id": n} for n in ("Toshiba", "Sky", "Visa", "ASOS")]
    >>> list(capital_sources(names, {"Visa"}))
    ['TOSHIBA']
    """
    known = {p["pattern"] for p in patterns}
    return {p["pattern"].upper(): p for p in patterns
            if sum(ch.isalpha() for ch in p["pattern"]) >= 4 and p["pattern"].upper() not in known
            and p["pattern"] not in also_words}


def _plain(pattern: dict) -> bool:
    """ASCII letters, digits and single spaces only: tokenized the same whatever the case."""
    return all(word.isascii() and word.isalnum() for word in pattern["pattern"].split(" "))


@spacy.registry.misc("factwire.legal_form_patterns.v1")
def legal_form_patterns(rules: str) -> Callable[[Language], list[dict]]:
    """Token patterns for names closed by a legal form or an organization word (they need the tokenizer)."""
    return lambda nlp: legal_suffix_patterns(nlp, rules)


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
