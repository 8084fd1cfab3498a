"""Span-level scores: each mention a labelled span, scored under the SemEval-2013 schemes, plus value accuracy.

Every mention of a gold article and of its prediction is a labelled span (ORG,
MONEY, COUNT, DATE), scored by nervaluate under the SemEval-2013 schemes
(strict: same offsets and label; exact: same offsets; partial: overlap, half
credit; type: overlap and same label), per label, micro and macro averaged.
Each gold span is also paired with a prediction of its label overlapping it
(`pair_spans`), and *value accuracy* counts the pairs whose prediction has the
gold value by the one rule of `pipeline.evaluation.values.same_value`.
Predictions overlapping a gold article's ignore regions are left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from nervaluate import Evaluator

from pipeline.evaluation.predictions import scoreable
from pipeline.evaluation.values import same_value
from pipeline.gold.format import GoldArticle
from pipeline.gold.spans import LABELS, LabeledSpan, to_spans
from pipeline.normalize.orgs import name_key
from pipeline.records import Article

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


def same_span_value(gold: LabeledSpan, predicted: LabeledSpan) -> bool:
    """Whether a paired prediction has the gold span's value: `same_value` on the facts the spans stand for.

    An ORG span stands for its organization named by that one mention, and
    keeps its value also when both spans write the same name (after `name_key`).
    """
    return same_value(gold.fact, predicted.fact) or gold.label == "ORG" and name_key(gold.text) == name_key(predicted.text)


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
        matches.append(SpanMatch(span, best, same_span_value(span, best)))
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
