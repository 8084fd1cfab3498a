"""Value-level scores, and the one rule of what "the same value" is, which the span-level scores use too.

A fact counts as found when its *value* is right, wherever its span starts
(the README's "Quality" figures): money by amount and currency, counts by the
number and the counted noun, dates by ISO value, organizations by name.
`same_value` says when a prediction has a gold fact's value; it is the only
place that says so: `score_articles` pairs facts with it here, and
`pipeline.evaluation.spans` judges paired spans with it ("value accuracy").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from pipeline.evaluation.predictions import scoreable
from pipeline.normalize.numbers import decimal_string
from pipeline.normalize.orgs import name_key
from pipeline.records import Article, Count, DateFact, Money, Organization

FACT_TYPES = ("organizations", "money", "counts", "dates")
Fact = Money | Count | DateFact | Organization
F = TypeVar("F", Money, Count, DateFact, Organization)


def same_value(gold: Fact, predicted: Fact) -> bool:
    """Whether the prediction states the gold fact's value.

    Money: the same amount (as a number) and currency. Counts: the same
    number, and the same counted noun when gold names one. Dates: the same
    ISO value. Organizations: either's name equals (after `name_key`) the
    other's name or one of its mentions.

    >>> from pipeline.records import Mention
    >>> def count(value, item): return Count(text="x", start=0, end=1, value=value, item=item, item_text=None)
    >>> same_value(count(3500, "store"), count(3500.0, "store")), same_value(count(35, "store"), count(35, "shop"))
    (True, False)
    >>> same_value(count(12, None), count(12, "shop")), same_value(count(12, "shop"), count(12, None))
    (True, False)
    >>> def org(name, text): return Organization(name=name, mentions=[Mention(text=text, start=0, end=len(text))])
    >>> same_value(org("Kmart Holding Corp.", "Kmart"), org("Kmart", "Kmart")), same_value(org("Sears", "Sears"), org("Kmart", "Kmart"))
    (True, False)
    """
    if isinstance(gold, Organization):
        return name_key(predicted.name) in organization_keys(gold) or name_key(gold.name) in organization_keys(predicted)
    if isinstance(gold, Money):
        return Decimal(gold.amount) == Decimal(predicted.amount) and gold.currency == predicted.currency
    if isinstance(gold, Count):
        return Decimal(str(gold.value)) == Decimal(str(predicted.value)) and gold.item in (None, predicted.item)
    return gold.value == predicted.value


def organization_keys(organization: Organization) -> set[str]:
    """The grouping keys of an organization's name and of every mention of it."""
    return {name_key(organization.name)} | {name_key(m.text) for m in organization.mentions}


def describe(fact: Money | Count | DateFact) -> str:
    """A fact's value and where it is written, for error lists: "11000000000 USD ('US$11 billion' at 23)"."""
    if isinstance(fact, Money):
        value = f"{decimal_string(Decimal(fact.amount))} {fact.currency}"
    elif isinstance(fact, Count):
        value = f"{decimal_string(Decimal(str(fact.value)))} {fact.item}"
    else:
        value = str(fact.value)
    return f"{value} ({fact.text!r} at {fact.start})"


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


def unpaired(gold: list[F], predicted: list[F], from_the_end: bool = False) -> tuple[list[F], list[F]]:
    """The gold facts and the predictions left over when each gold fact takes the first free prediction of its value.

    `from_the_end` pairs from the last fact back, so that of several facts of
    one value the earliest are the ones left over (and listed as errors).
    """
    order = reversed if from_the_end else list
    free = list(order(predicted))
    left = []
    for fact in order(gold):
        match = next((p for p in free if same_value(fact, p)), None)
        if match is None:
            left.append(fact)
        else:
            free.remove(match)
    return list(order(left)), list(order(free))


def _tally(article_id: str, fact_type: str, gold: list, predicted: list, score: TypeScore) -> None:
    """Add one article's facts of one type to the score, listing each miss and false alarm.

    Organizations pair in text order (their rule is not transitive: the order
    decides the pairs); the other facts from the end.
    """
    organizations = fact_type == "organizations"
    missed, extra = unpaired(gold, predicted, from_the_end=not organizations)
    score.true_positives += len(gold) - len(missed)
    score.false_negatives += len(missed)
    score.false_positives += len(extra)
    if organizations:
        score.misses += [f"{article_id}: {o.name}" for o in missed]
        score.false_alarms += [f"{article_id}: {o.name} ({', '.join(sorted({m.text for m in o.mentions}))})"
                               for o in extra]
    else:
        score.misses += [f"{article_id}: {describe(f)}" for f in missed]
        score.false_alarms += [f"{article_id}: {describe(f)}" for f in extra]


def score_articles(gold: Mapping[str, Article], predicted: Mapping[str, Article],
                   fact_types: Iterable[str] = FACT_TYPES) -> dict[str, TypeScore]:
    """Micro-averaged scores per fact type over the gold articles; a gold article without prediction misses all.

    Predictions overlapping a gold article's ignore regions are left out.
    """
    scores = {t: TypeScore() for t in fact_types}
    for article_id, expected in gold.items():
        got = scoreable(expected, predicted.get(article_id))
        for fact_type, score in scores.items():
            predicted_facts = getattr(got, fact_type) if got is not None else []
            _tally(article_id, fact_type, getattr(expected, fact_type), predicted_facts, score)
    return scores
