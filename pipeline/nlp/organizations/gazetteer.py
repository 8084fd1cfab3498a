"""The `factwire_gazetteer` component: the organization gazetteer's names found as spans, as spaCy's `span_ruler`
finds phrase patterns, at a fraction of its loading cost.

spaCy's span ruler gives every pattern its own match key (a vocabulary entry
each) and a Doc; for 5,666 names that was the largest part of factwire's
start-up. This component keeps one `PhraseMatcher` key for all names, makes
the phrases' keys from their strings (`pipeline.nlp.phrases`), and finds a
match's names by its words. The spans are the span ruler's: label and `id`
from the pattern, one span per distinct (start, end, label, id), sorted, put
in `doc.spans[spans_key]` (added to what is there unless `overwrite`), through
an optional `spans_filter(existing, matches)`. Patterns are saved with the
pipeline (`patterns.jsonl`), so `spacy.load` of a saved pipeline reads them back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from pipeline.nlp.phrases import PhraseKeys

SpansFilter = Callable[[Iterable[Span], Iterable[Span]], Iterable[Span]]
PATTERNS_FILE = "patterns.jsonl"


class Gazetteer:
    """Phrase patterns (`{"label", "pattern", "id"}`, the pattern a string) matched on ORTH or LOWER."""

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
