"""Score predicted articles against gold, per fact type; shared by the CLI, the baselines and the tests.

Two views of the same comparison:

- value level (`score_articles`, the README's figures): a fact counts as found
  when its *value* is right, wherever its span starts: money by (amount,
  currency), counts by (value, item), dates by ISO value, and organizations by
  name, where a predicted organization matches a gold one when the name of
  either equals (after `name_key`) the other's name or one of its mentions.
- span level (`score_spans`): every mention as a labelled span (ORG, MONEY,
  COUNT, DATE) scored by nervaluate under the SemEval-2013 schemes (strict:
  same offsets and label; exact: same offsets; partial: overlap, half credit;
  type: overlap and same label), per label, micro and macro averaged, plus
  value accuracy on the spans matched (same label, overlapping).

Predictions overlapping a gold article's ignore regions are left out of both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from nervaluate import Evaluator

from pipeline.extraction import extract_folder, extract_texts
from pipeline.gold.format import GoldArticle
from pipeline.gold.spans import LABELS, LabeledSpan, same_value, to_spans
from pipeline.normalize.numbers import decimal_string
from pipeline.normalize.orgs import name_key
from pipeline.inputs.files import Skipped
from pipeline.records import Article, Organization

FACT_TYPES = ("organizations", "money", "counts", "dates")


@dataclass
class TypeScore:
    """Counts and errors of one fact type."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _value_key(fact_type: str, fact) -> tuple:
    if fact_type == "money":
        return Decimal(fact.amount).normalize(), fact.currency
    if fact_type == "counts":
        return Decimal(str(fact.value)).normalize(), fact.item
    return (fact.value,)


def _describe(fact_type: str, fact) -> str:
    key = " ".join(decimal_string(p) if isinstance(p, Decimal) else str(p) for p in _value_key(fact_type, fact))
    return f"{key} ({fact.text!r} at {fact.start})"


def _org_keys(org: Organization) -> set[str]:
    return {name_key(org.name)} | {name_key(m.text) for m in org.mentions}


def _score_orgs(article_id: str, gold: list[Organization], predicted: list[Organization], score: TypeScore) -> None:
    unmatched = list(predicted)
    for org in gold:
        keys = _org_keys(org)
        match = next((p for p in unmatched if name_key(p.name) in keys or name_key(org.name) in _org_keys(p)), None)
        if match is None:
            score.false_negatives += 1
            score.misses.append(f"{article_id}: {org.name}")
        else:
            unmatched.remove(match)
            score.true_positives += 1
    for org in unmatched:
        score.false_positives += 1
        score.false_alarms.append(f"{article_id}: {org.name} ({', '.join(sorted({m.text for m in org.mentions}))})")


def _score_values(article_id: str, fact_type: str, gold: list, predicted: list, score: TypeScore) -> None:
    gold_keys = Counter(_value_key(fact_type, f) for f in gold)
    predicted_keys = Counter(_value_key(fact_type, f) for f in predicted)
    hits = gold_keys & predicted_keys
    score.true_positives += sum(hits.values())
    missing, extra = gold_keys - hits, predicted_keys - hits
    score.false_negatives += sum(missing.values())
    score.false_positives += sum(extra.values())
    for facts, left, errors in ((gold, missing, score.misses), (predicted, extra, score.false_alarms)):
        for fact in facts:
            key = _value_key(fact_type, fact)
            if left[key] > 0:
                left[key] -= 1
                errors.append(f"{article_id}: {_describe(fact_type, fact)}")


def predict_for_gold(expected: Mapping[str, Article], root: Path, model: str | None,
                     on_skip: Callable[[Skipped], None] | None = None) -> dict[str, Article]:
    """Extract the gold articles afresh: from their files under `root`, or from their own text when they have no file."""
    predicted: dict[str, Article] = {}
    if any(a.path for a in expected.values()):
        predicted.update((a.id, a) for a in extract_folder(root, model=model, on_skip=on_skip or (lambda _: None))
                         if a.id in expected)
    inline = [(a.text, a.id) for a in expected.values() if not a.path]
    predicted.update((a.id, a) for a in extract_texts(inline, model=model))
    return predicted


def scoreable(gold: Article, predicted: Article | None) -> Article | None:
    """The prediction without the facts that overlap the gold article's ignore regions."""
    regions = [(r.start, r.end) for r in getattr(gold, "ignore", [])]
    if predicted is None or not regions:
        return predicted

    def kept(fact) -> bool:
        return not any(fact.start < end and start < fact.end for start, end in regions)

    organizations = [org.model_copy(update={"mentions": [m for m in org.mentions if kept(m)]})
                     for org in predicted.organizations]
    return predicted.model_copy(update={
        "organizations": [org for org in organizations if org.mentions],
        **{t: [f for f in getattr(predicted, t) if kept(f)] for t in ("money", "counts", "dates")}})


def score_articles(gold: Mapping[str, Article], predicted: Mapping[str, Article],
                   fact_types: Iterable[str] = FACT_TYPES) -> dict[str, TypeScore]:
    """Micro-averaged scores per fact type over the gold articles; a gold article without prediction misses all."""
    scores = {t: TypeScore() for t in fact_types}
    for article_id, expected in gold.items():
        got = scoreable(expected, predicted.get(article_id))
        for fact_type, score in scores.items():
            gold_facts = getattr(expected, fact_type)
            predicted_facts = getattr(got, fact_type) if got is not None else []
            if fact_type == "organizations":
                _score_orgs(article_id, gold_facts, predicted_facts, score)
            else:
                _score_values(article_id, fact_type, gold_facts, predicted_facts, score)
    return scores


SCHEMES = {"strict": "strict", "exact": "exact", "partial": "partial", "type": "ent_type"}


@dataclass(frozen=True)
class SchemeScore:
    """nervaluate's counts and P / R / F1 for one label (or an average) under one scheme."""

    precision: float
    recall: float
    f1: float
    correct: int = 0
    incorrect: int = 0
    partial: int = 0
    missed: int = 0
    spurious: int = 0


@dataclass(frozen=True)
class SpanMatch:
    """A gold span and the prediction paired with it (same label, overlapping), or either alone."""

    gold: LabeledSpan | None
    predicted: LabeledSpan | None
    value_ok: bool | None = None

    @property
    def label(self) -> str:
        return (self.gold or self.predicted).label

    def describe(self) -> str:
        """One line naming the fact, for reports and baseline diffs."""
        def show(span: LabeledSpan) -> str:
            value = " ".join(str(v) for k, v in span.values.items() if k in _SHOWN and v is not None)
            return f"{span.text!r} {span.start}-{span.end}" + (f" [{value}]" if value else "")
        if self.predicted is None:
            return f"span miss {self.label}: {show(self.gold)}"
        if self.gold is None:
            return f"span false alarm {self.label}: {show(self.predicted)}"
        if not self.value_ok:
            return f"wrong value {self.label}: gold {show(self.gold)}, predicted {show(self.predicted)}"
        return f"found {self.label}: {show(self.gold)}"


_SHOWN = ("name", "amount", "currency", "value", "item")


@dataclass
class SpanScores:
    """Span-level results: per scheme and label, micro / macro averages, value accuracy, per-article matches."""

    by_label: dict[str, dict[str, SchemeScore]]
    micro: dict[str, SchemeScore]
    macro: dict[str, SchemeScore]
    value_accuracy: dict[str, tuple[int, int]]
    matches: dict[str, list[SpanMatch]]


def pair_spans(gold: list[LabeledSpan], predicted: list[LabeledSpan]) -> list[SpanMatch]:
    """Pair each gold span with an unpaired prediction of its label that overlaps it, the same extent first."""
    unpaired = list(predicted)
    matches = []
    for span in gold:
        candidates = [p for p in unpaired if p.label == span.label and p.start < span.end and span.start < p.end]
        if not candidates:
            matches.append(SpanMatch(span, None))
            continue
        best = max(candidates, key=lambda p: ((p.start, p.end) == (span.start, span.end),
                                              min(p.end, span.end) - max(p.start, span.start)))
        unpaired.remove(best)
        matches.append(SpanMatch(span, best, same_value(span.label, span.values, best.values, span.text, best.text)))
    return sorted(matches + [SpanMatch(None, p) for p in unpaired],
                  key=lambda m: ((m.gold or m.predicted).start, m.gold is None))


def _scheme_score(result) -> SchemeScore:
    return SchemeScore(result.precision, result.recall, result.f1, result.correct, result.incorrect,
                       result.partial, result.missed, result.spurious)


def score_spans(gold: Mapping[str, GoldArticle], predicted: Mapping[str, Article]) -> SpanScores:
    """SemEval-2013 scores (nervaluate) per label and scheme, averages, value accuracy and per-article matches."""
    true_docs, predicted_docs, matches = [], [], {}
    for article_id, expected in gold.items():
        got = scoreable(expected, predicted.get(article_id))
        gold_spans = [s for s in to_spans(expected) if s.label in LABELS]
        predicted_spans = [s for s in to_spans(got) if s.label in LABELS] if got is not None else []
        true_docs.append([{"label": s.label, "start": s.start, "end": s.end - 1} for s in gold_spans])
        predicted_docs.append([{"label": s.label, "start": s.start, "end": s.end - 1} for s in predicted_spans])
        matches[article_id] = pair_spans(gold_spans, predicted_spans)
    results = Evaluator(true_docs, predicted_docs, tags=list(LABELS), loader="dict").evaluate()
    empty = SchemeScore(0.0, 0.0, 0.0)
    by_label = {label: {scheme: _scheme_score(results["entities"][label][name]) if label in results["entities"] else empty
                        for scheme, name in SCHEMES.items()} for label in LABELS}
    present = [label for label in LABELS if label in results["entities"]]
    micro = {scheme: _scheme_score(results["overall"][name]) if name in results["overall"] else empty
             for scheme, name in SCHEMES.items()}
    macro = {scheme: SchemeScore(*(sum(getattr(by_label[label][scheme], m) for label in present) / max(len(present), 1)
                                   for m in ("precision", "recall", "f1"))) for scheme in SCHEMES}
    paired = [m for article in matches.values() for m in article if m.gold and m.predicted]
    accuracy = {label: (sum(1 for m in paired if m.label == label and m.value_ok),
                        sum(1 for m in paired if m.label == label)) for label in LABELS}
    return SpanScores(by_label, micro, macro, accuracy, matches)
