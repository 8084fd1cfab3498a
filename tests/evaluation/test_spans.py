"""Span-level scoring on real gold and edited predictions: SemEval schemes, pairing, value accuracy."""

from pipeline.evaluation import pair_spans, score_spans
from pipeline.gold import LabeledSpan, to_spans
from pipeline.records import Count, DateFact, Mention, Organization


def test_span_scores_count_the_miss_and_the_false_alarm(edited_seed):
    gold, predicted = edited_seed
    spans = score_spans({gold.id: gold}, {gold.id: predicted})
    money, dates = spans.by_label["MONEY"]["strict"], spans.by_label["DATE"]["strict"]
    assert (money.correct, money.missed, money.spurious) == (1, 1, 0)
    assert (dates.correct, dates.missed, dates.spurious) == (2, 0, 1)
    assert spans.by_label["ORG"]["strict"].f1 == 1.0 and spans.value_accuracy["MONEY"] == (1, 1)
    assert abs(spans.macro["strict"].f1 - (1 + 2 * 0.5 / 1.5 + 1 + 0.8) / 4) < 1e-9
    described = [m.describe() for m in spans.matches[gold.id] if not (m.gold and m.predicted)]
    miss, alarm = gold.text.index("7.9 billion Yuan"), gold.text.index("Alibaba")
    assert described == [f"span false alarm DATE: 'Alibaba' {alarm}-{alarm + 7} [2004]",
                         f"span miss MONEY: '7.9 billion Yuan' {miss}-{miss + 16} [7900000000 CNY]"]


def test_a_gold_article_without_prediction_misses_every_span(edited_seed):
    gold, _ = edited_seed
    spans = score_spans({gold.id: gold}, {})
    assert spans.micro["strict"].recall == 0.0 and all(m.predicted is None for m in spans.matches[gold.id])
    assert spans.micro["strict"].missed == len([s for s in to_spans(gold) if s.label != "IGNORE"])


def date_span(start, end, label="DATE"):
    fact = DateFact(text="x" * (end - start), start=start, end=end, value="2017", granularity="year")
    return LabeledSpan(start, end, label, {"value": "2017"}, text=fact.text, fact=fact)


def test_pairing_prefers_the_same_extent_then_the_largest_overlap():
    gold = [date_span(10, 20)]
    predicted = [date_span(5, 15), date_span(10, 20), date_span(12, 30), date_span(10, 20, label="MONEY")]
    matches = pair_spans(gold, predicted)
    assert [(m.gold is not None, m.predicted.start, m.predicted.label) for m in matches] == [
        (False, 5, "DATE"), (True, 10, "DATE"), (False, 10, "MONEY"), (False, 12, "DATE")]  # in text order
    assert (matches[1].gold, matches[1].predicted, matches[1].value_ok) == (gold[0], predicted[1], True)
    [paired, alone] = pair_spans([date_span(10, 20)], [date_span(5, 15), date_span(15, 30)])
    assert (paired.gold.start, paired.predicted.start, alone.gold, alone.predicted.start) == (10, 5, None, 15)


def count_span(start, item, value=12):
    fact = Count(text="x" * 5, start=start, end=start + 5, value=value, item=item, item_text=None)
    return LabeledSpan(start, start + 5, "COUNT", {"value": value, "item": item}, text=fact.text, fact=fact)


def test_value_accuracy_uses_the_one_same_value_rule():
    """A count keeps its value when the number and, where gold names one, the counted noun agree."""
    pairs = pair_spans([count_span(0, None), count_span(10, "shop"), count_span(20, "shop")],
                       [count_span(0, "store"), count_span(10, "store"), count_span(20, "shop", value=12.0)])
    assert [m.value_ok for m in pairs] == [True, False, True]
    assert pairs[1].describe() == "wrong value COUNT: gold 'xxxxx' 10-15 [12 shop], predicted 'xxxxx' 10-15 [12 store]"


def org_span(text, name, start=0):
    mention = Mention(text=text, start=start, end=start + len(text))
    return LabeledSpan(start, start + len(text), "ORG", {"name": name}, text=text,
                       fact=Organization(name=name, mentions=[mention]))


def test_an_organization_mention_keeps_its_value_by_name_or_by_the_same_written_name():
    pairs = [pair_spans([gold], [predicted])[0].value_ok for gold, predicted in (
        (org_span("Kmart", "Kmart Holding Corp."), org_span("Kmart", "Kmart Holding Corp")),  # same name
        (org_span("Kmart Corp.", "Sears Holdings"), org_span("Kmart Corp.", "Kmart")),  # a name is the other's mention
        (org_span("RAF", "Royal Air Force (RAF)"), org_span("RAF", "Royal Air Force")),  # the same written name
        (org_span("Air Force", "USAF"), org_span("Force", "Pentagon", start=4)),  # neither
    )]
    assert pairs == [True, True, True, False]
