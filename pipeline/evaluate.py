"""Score predicted articles against gold, per fact type; shared by the CLI and the tests.

A fact counts as found when its *value* is right, wherever its span starts:
money by (amount, currency), counts by (value, item), dates by ISO value, and
organizations by name, where a predicted organization matches a gold one when
the name of either equals (after `name_key`) the other's name or one of its
mentions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from pipeline.normalize.numbers import decimal_string
from pipeline.normalize.orgs import name_key
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


def score_articles(gold: Mapping[str, Article], predicted: Mapping[str, Article],
                   fact_types: Iterable[str] = FACT_TYPES) -> dict[str, TypeScore]:
    """Micro-averaged scores per fact type over the gold articles; a gold article without prediction misses all."""
    scores = {t: TypeScore() for t in fact_types}
    for article_id, expected in gold.items():
        got = predicted.get(article_id)
        for fact_type, score in scores.items():
            gold_facts = getattr(expected, fact_type)
            predicted_facts = getattr(got, fact_type) if got is not None else []
            if fact_type == "organizations":
                _score_orgs(article_id, gold_facts, predicted_facts, score)
            else:
                _score_values(article_id, fact_type, gold_facts, predicted_facts, score)
    return scores


def format_scores(scores: Mapping[str, TypeScore], errors: bool = True) -> str:
    """A plain-text table of P/R/F1 per type, then each miss and false alarm."""
    lines = [f"{'type':<14}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    for fact_type, s in scores.items():
        gold_n = s.true_positives + s.false_negatives
        pred_n = s.true_positives + s.false_positives
        lines.append(f"{fact_type:<14}{gold_n:>6}{pred_n:>6}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
    if errors:
        for fact_type, s in scores.items():
            lines += [f"  miss        {fact_type}: {m}" for m in s.misses]
            lines += [f"  false alarm {fact_type}: {m}" for m in s.false_alarms]
    return "\n".join(lines)
