"""Value-level scoring, and the one rule of "the same value" that both views of scoring use."""

from pathlib import Path

import pytest

from pipeline.evaluation import same_value, score_articles, score_spans
from pipeline.gold import GoldArticle, IgnoreRegion, load_gold
from pipeline.records import Article, Count, DateFact, Mention, Money, Organization

ROOT = Path(__file__).resolve().parents[2]
SEED_GOLD = ROOT / "articles" / "gold" / "000_7262c0a3e9177b2d.jsonl"
TEXT = "In 2017 Nike cut 12 shops. In 2017 it paid $5 million. Adidas cut 12 shops in 2017."


def fact(kind, text, occurrence=1, **values):
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(text, start + 1)
    return kind(text=text, start=start, end=start + len(text), **values)


def count(item, occurrence=1, value=12):
    return fact(Count, "12 shops", occurrence, value=value, item=item, item_text="shops")


def date(occurrence):
    return fact(DateFact, "2017", occurrence, value="2017", granularity="year")


def org(name, text, occurrence=1):
    return Organization(name=name, mentions=[Mention(**fact(Mention, text, occurrence).model_dump())])


@pytest.mark.parametrize("gold, predicted, same", [
    (fact(Money, "$5 million", amount="5000000", currency="USD"), fact(Money, "$5 million", amount="5000000.0", currency="USD"), True),
    (fact(Money, "$5 million", amount="5000000", currency="USD"), fact(Money, "$5 million", amount="5000000", currency="CAD"), False),
    (fact(Money, "$5 million", amount="5000000", currency="USD"), fact(Money, "$5 million", amount="500000", currency="USD"), False),
    (count("shop"), count("shop", value=12.0), True),
    (count("shop"), count("store"), False),
    (count(None), count("store"), True),
    (count("shop"), count(None), False),
    (count("shop"), count("shop", value=13), False),
    (date(1), date(2), True),
    (date(1), fact(DateFact, "2017", value="2017-03", granularity="month"), False),
    (org("Nike Inc.", "Nike"), org("Nike", "Nike"), True),
    (org("Nike", "Nike"), org("Adidas", "Adidas"), False),
], ids=["money by number", "money currency", "money amount", "count by number", "count item", "gold names no item",
        "prediction names no item", "count number", "date", "date value", "organization name", "other organization"])
def test_same_value(gold, predicted, same):
    assert same_value(gold, predicted) is same


def article(**facts):
    return Article(id="t#1", text=TEXT, **facts)


def test_of_equal_values_the_earliest_are_listed_and_every_type_is_scored():
    gold = article(organizations=[org("Nike", "Nike"), org("Adidas", "Adidas")], counts=[count("shop", 1), count("shop", 2)],
                   dates=[date(1), date(2), date(3)])
    predicted = article(organizations=[org("Nike", "Nike"), org("Reebok", "Nike", 1)], counts=[count("shop", 2), count("store", 1)],
                        dates=[date(3)])
    scores = score_articles({"t#1": gold}, {"t#1": predicted})
    assert [(s.true_positives, s.false_positives, s.false_negatives) for s in scores.values()] == [
        (1, 1, 1), (0, 0, 0), (1, 1, 1), (1, 0, 2)]
    assert scores["organizations"].misses == ["t#1: Adidas"]
    assert scores["organizations"].false_alarms == ["t#1: Reebok (Nike)"]
    assert scores["counts"].misses == [f"t#1: 12 shop ('12 shops' at {TEXT.index('12 shops')})"]
    assert scores["counts"].false_alarms == [f"t#1: 12 store ('12 shops' at {TEXT.index('12 shops')})"]
    assert scores["dates"].misses == ["t#1: 2017 ('2017' at 3)", f"t#1: 2017 ('2017' at {TEXT.index('2017', 4)})"]
    assert scores["dates"].precision == 1.0 and abs(scores["dates"].recall - 1 / 3) < 1e-9
    assert abs(scores["dates"].f1 - 0.5) < 1e-9


def test_one_rule_in_both_views():
    """A gold count naming no counted noun is found by a prediction that names one, at value and at span level."""
    gold = {"t#1": article(counts=[count(None)], money=[fact(Money, "$5 million", amount="5000000", currency="USD")])}
    predicted = {"t#1": article(counts=[count("shop")], money=[fact(Money, "$5 million", amount="5000000", currency="CAD")])}
    values, spans = score_articles(gold, predicted), score_spans(gold, predicted)
    assert (values["counts"].true_positives, spans.value_accuracy["COUNT"]) == (1, (1, 1))
    assert (values["money"].true_positives, spans.value_accuracy["MONEY"]) == (0, (0, 1))


def test_predictions_in_ignore_regions_count_neither_way():
    ignore = [IgnoreRegion(start=TEXT.index("Adidas"), end=len(TEXT), reason="not annotated")]
    gold = GoldArticle(id="t#1", text=TEXT, dates=[date(1)], ignore=ignore)
    predicted = article(dates=[date(1), date(3)], organizations=[org("Adidas", "Adidas")])
    scores = score_articles({"t#1": gold}, {"t#1": predicted})
    assert (scores["dates"].false_positives, scores["organizations"].false_positives) == (0, 0)
    assert scores["dates"].f1 == 1.0


def test_a_gold_article_without_prediction_misses_everything():
    gold = load_gold(SEED_GOLD)
    scores = score_articles(gold, {})
    assert all(s.recall == 0.0 and s.true_positives == 0 for s in scores.values())
    assert scores["money"].false_negatives == sum(len(a.money) for a in gold.values())
    assert score_articles(gold, gold)["money"].f1 == 1.0
