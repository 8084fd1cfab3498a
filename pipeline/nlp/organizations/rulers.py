"""The organization rulers: what the gazetteer (also in capitals) and the legal-form patterns match, and the
gazetteer's component.

The legal-form ruler is spaCy's `span_ruler`; the gazetteer rulers are
`factwire_gazetteer` (below: the span ruler's phrase matching, cheap to load).
`pipeline.nlp.loader` fills them through their `initialize` with the patterns
the registered functions here build from the data files named in
`config.cfg` (`[initialize.components.*]`), and a saved pipeline keeps them
(`to_disk` / `from_disk`). The legal-form ruler's `spans_filter` drops the
word mixtures the grouped patterns let through.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import spacy
import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from pipeline.nlp.base import PhraseKeys
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
            if sum(map(str.isalpha, p["pattern"])) >= 4 and p["pattern"].upper() not in known
            and p["pattern"] not in also_words}


def _plain(pattern: dict) -> bool:
    """ASCII letters, digits and single spaces only: tokenized the same whatever the case."""
    return all(word.isascii() and word.isalnum() for word in pattern["pattern"].split(" "))


@spacy.registry.misc("factwire.legal_form_patterns.v1")
def legal_form_patterns(rules: str) -> Callable[[Language], list[dict]]:
    """Token patterns for names closed by a legal form or an organization word (they need the tokenizer)."""
    return lambda nlp: legal_suffix_patterns(nlp, rules)


def legal_suffix_patterns(nlp: Language, rules: str) -> list[dict]:
    """Token patterns for names closed by a legal form or an organization word, or opened by one ("Grupo Bimbo").

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
    opening_word = [{"ORTH": {"IN": data["opening_words"]}}]  # "Grupo Bimbo", "Banco Santander"
    joiner = [{"LOWER": {"IN": data["name_joiners"]}, "OP": "+"}]  # "Superintendencia del Mercado de Valores"
    patterns = [{"pattern": [*proper, *closing_word]}, {"pattern": [*joined, *institution]},
                {"pattern": [*opening_word, *proper]}, {"pattern": [*opening_word, *joiner, *proper]},
                {"pattern": [*opening_word, *proper, *joiner, *proper]},
                {"pattern": [*opening_word, *joiner, *proper, *joiner, *proper]}]
    for length, forms in sorted(by_length.items()):
        # one pattern per form length, each position taking any form's word there: a few patterns instead of
        # one per form keeps the matcher fast; `legal_form_spans` drops the mixtures that are no real form
        legal = [{"ORTH": {"IN": sorted({words[k] for words in forms})}} for k in range(length)]
        for pattern in ([*name, comma, *legal], [*joined, comma, *legal], [*proper, *closing_word, comma, *legal]):
            patterns.append({"pattern": pattern, "id": f"{LEGAL_FORM_ID}{length}" if length > 1 else ""})
    return [{"label": "ORG", **pattern} for pattern in patterns]


OTHER_NAMES = frozenset({"LAW", "EVENT", "WORK_OF_ART"})


@spacy.registry.misc("factwire.legal_form_spans.v1")
def legal_form_spans(rules: str) -> Callable[[Iterable[Span], Iterable[Span]], list[Span]]:
    """A span-ruler filter keeping matches whose closing words are a real legal form, written as in the data, and
    that do not end inside the model's name of a law, event or work."""
    forms = {re.sub(r"\s+", "", form) for form in load_json(rules)["legal_suffixes"]}

    def keep_real_forms(existing: Iterable[Span], matches: Iterable[Span]) -> list[Span]:
        kept: dict[tuple[int, int, int], Span] = {}
        for span in matches:
            following = span.doc[span.end] if span.end < len(span.doc) else None
            if following is not None and following.ent_iob_ == "I" and following.ent_type_ in OTHER_NAMES:
                continue  # "Clean Air Act": the model's law (event, work) goes on past the organization word
            if span.id_.startswith(LEGAL_FORM_ID):
                length = int(span.id_.removeprefix(LEGAL_FORM_ID))
                if re.sub(r"\s+", "", span[-length:].text) not in forms:
                    continue
                span = Span(span.doc, span.start, span.end, label=span.label)
            kept.setdefault((span.start, span.end, span.id), span)
        return list(kept.values())

    return keep_real_forms


SpansFilter = Callable[[Iterable[Span], Iterable[Span]], Iterable[Span]]
PATTERNS_FILE = "patterns.jsonl"


class Gazetteer:
    """Phrase patterns (`{"label", "pattern", "id"}`, the pattern a string) matched on ORTH or LOWER.

    spaCy's span ruler gives every pattern its own match key (a vocabulary entry
    each) and a Doc; for 5,666 names that was the largest part of factwire's
    start-up. This component keeps one `PhraseMatcher` key for all names, makes
    the phrases' keys from their strings (`PhraseKeys`), and finds a
    match's names by its words. The spans are the span ruler's: label and `id`
    from the pattern, one span per distinct (start, end, label, id), sorted, put
    in `doc.spans[spans_key]` (added to what is there unless `overwrite`), through
    an optional `spans_filter(existing, matches)`. Patterns are saved with the
    pipeline (`patterns.jsonl`), so `spacy.load` of a saved pipeline reads them back.
    """

    def __init__(self, nlp: Language, name: str, spans_key: str, attr: str, overwrite: bool,
                 spans_filter: SpansFilter | None) -> None:
        self.nlp, self.name, self.key, self.attr = nlp, name, spans_key, attr
        self.overwrite, self.spans_filter = overwrite, spans_filter
        self.clear()

    def clear(self) -> None:
        self.patterns: list[dict] = []
        self.matcher = PhraseMatcher(self.nlp.vocab, attr=self.attr)
        self._names: dict[tuple[int, ...], dict[tuple[str, str], None]] = {}  # words -> (label, id), in order

    def initialize(self, get_examples: Callable | None = None, *, nlp: Language | None = None,
                   patterns: Sequence[dict] = ()) -> None:
        self.clear()
        self.add_patterns(patterns)

    def add_patterns(self, patterns: Sequence[dict]) -> None:
        keys = PhraseKeys(self.nlp.tokenizer, self.nlp.vocab, self.attr)
        added = []
        for pattern in patterns:
            label, phrase, span_id = pattern.get("label"), pattern.get("pattern"), pattern.get("id", "")
            if not (isinstance(label, str) and isinstance(phrase, str) and phrase.strip() and isinstance(span_id, str)):
                raise ValueError(f"{self.name}: a pattern needs a string label, phrase and id, not {pattern!r}")
            key = keys.key(phrase)
            self._names.setdefault(key, {})[(label, span_id)] = None
            added.append(key)
            self.patterns.append(pattern)
        self.matcher.add(self.name, added)

    def __call__(self, doc: Doc) -> Doc:
        words = doc.to_array(self.attr).tolist() if len(doc) else []
        matches = sorted({Span(doc, start, end, label=label, span_id=span_id)
                          for _, start, end in self.matcher(doc)
                          for label, span_id in self._names[tuple(words[start:end])]})
        spans = [] if self.overwrite or self.key not in doc.spans else list(doc.spans[self.key])
        spans.extend(self.spans_filter(spans, matches) if self.spans_filter else matches)
        doc.spans[self.key] = spans
        return doc

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / PATTERNS_FILE, self.patterns)

    def from_disk(self, path, *, exclude=()) -> Gazetteer:
        self.clear()
        self.add_patterns(list(srsly.read_jsonl(Path(path) / PATTERNS_FILE)))
        return self


@Language.factory("factwire_gazetteer",
                  default_config={"spans_key": "org_gazetteer", "attr": "ORTH", "overwrite": True, "spans_filter": None})
def make_gazetteer(nlp: Language, name: str, spans_key: str, attr: str, overwrite: bool,
                   spans_filter: SpansFilter | None) -> Gazetteer:
    return Gazetteer(nlp, name, spans_key, attr, overwrite, spans_filter)
