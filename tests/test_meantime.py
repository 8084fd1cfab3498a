"""The MEANTIME importer on two source documents (tests/data/meantime/source_sample.jsonl, CC BY 4.0)."""

from pathlib import Path

from pipeline.gold_formats import import_gold

DATA = Path(__file__).resolve().parent / "data" / "meantime"


def test_meantime_conversion_choices():
    notes = []
    groups = import_gold("meantime", DATA / "source_sample.jsonl", notes)
    [stock] = groups["test"]
    [gm] = groups["dev"]
    # FIN spans (the Dow) count neither way; the rest of the text after annotated_end is ignored
    reasons = {(stock.text[r.start:r.end], r.reason) for r in stock.ignore}
    assert ("The Dow Jones Industrial Average", "FIN: a stock index or fund") in reasons
    assert any(r.reason == "after MEANTIME's annotated region" and r.end == len(stock.text) for r in stock.ignore)
    # the dateline is metadata; TIMEX3 values are kept
    assert stock.published == "2008-09-04"
    assert [(d.text, d.value) for d in stock.dates] == [("Thursday", "2008-09-04"), ("Thursday", "2008-09-04"),
                                                        ("last week", "2008-W35")]
    # "340 points" is a measure, not a count; "15,000" has no counted noun: ignored
    assert stock.counts == []
    assert ("15,000", "QUANTITY without a counted noun") in reasons
    # innermost ORG spans, named by entity_name
    assert [m.text for o in gm.organizations for m in o.mentions] == ["GM", "General Motors", "GM"]
    # nested MONEY: the innermost amounts, read by the money normalizer; an unreadable one is reported and ignored
    assert [(m.text, m.amount, m.currency) for m in gm.money] == [
        ("$6 billion", "6000000000", "USD"), ("US$6 billion", "6000000000", "USD"), ("$9.66", "9.66", "USD"),
        ("$381 million", "381000000", "USD"), ("$0.67", "0.67", "USD"), ("over $6.7 billion", "6700000000", "USD"),
        ("$11.05", "11.05", "USD")]
    assert any("cannot normalize MONEY 'net $5.9 billion dollars'" in n for n in notes)
    assert [d.value for d in gm.dates] == ["2009-Q1", "2008-Q1"]


def test_shipped_corpus_matches_the_sample():
    """The converted corpus in tests/data/meantime holds the sample documents as the importer converts them."""
    from pipeline.gold import load_gold
    shipped = {**load_gold(DATA / "test.jsonl"), **load_gold(DATA / "dev.jsonl")}
    assert len(shipped) == 120
    for split, articles in import_gold("meantime", DATA / "source_sample.jsonl", []).items():
        for article in articles:
            assert shipped[article.id] == article
