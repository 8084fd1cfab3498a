"""The MEANTIME importer: its choices on a sample the project wrote in MEANTIME's aligned format
(tests/data/gold_formats/meantime_sample.jsonl), and the real corpus read in place."""

import json
from pathlib import Path

from pipeline.gold import import_gold

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "gold_formats" / "meantime_sample.jsonl"


def test_meantime_conversion_choices():
    notes = []
    groups = import_gold("meantime", SAMPLE, notes)
    [stock] = groups["test"]
    [carmaker] = groups["dev"]
    # FIN spans (the index) count neither way; the rest of the text after annotated_end is ignored
    reasons = {(stock.text[r.start:r.end], r.reason) for r in stock.ignore}
    assert ("The FTSE 100 Index", "FIN: a stock index or fund") in reasons
    assert any(r.reason == "after MEANTIME's annotated region" and r.end == len(stock.text) for r in stock.ignore)
    # the dateline is metadata; TIMEX3 values are kept
    assert stock.published == "2015-03-12"
    assert [(d.text, d.value) for d in stock.dates] == [("Thursday", "2015-03-12"), ("Thursday", "2015-03-12"),
                                                        ("last week", "2015-W10")]
    # "210 points" is a measure, not a count; "12,000" has no counted noun: ignored
    assert stock.counts == []
    assert ("12,000", "QUANTITY without a counted noun") in reasons
    # innermost ORG spans, named by entity_name
    assert [m.text for o in carmaker.organizations for m in o.mentions] == ["OMG", "Ostrava Motors Group", "OMG", "OMG"]
    assert {o.name for o in carmaker.organizations} == {"Ostrava Motors Group"}
    # nested MONEY: the innermost amounts, read by the money normalizer; an unreadable one is reported and ignored
    assert [(m.text, m.amount, m.currency) for m in carmaker.money] == [
        ("$2 billion", "2000000000", "USD"), ("US$2 billion", "2000000000", "USD"), ("$4.20", "4.2", "USD"),
        ("$215 million", "215000000", "USD"), ("$0.48", "0.48", "USD"), ("over $9.1 billion", "9100000000", "USD"),
        ("$20.35", "20.35", "USD")]
    assert any("cannot normalize MONEY 'net $1.8 billion dollars'" in n for n in notes)
    assert [d.value for d in carmaker.dates] == ["2015-04-30", "2015-Q1", "2014-Q1"]


def test_quantities_are_counts_only_of_countable_nouns_by_factwire_parse(tmp_path):
    """A number modifying a noun is a count of it; of a measure noun, nothing; with no noun, an ignore region.

    The text is parsed by factwire's own pipeline, whose tokenizer splits "$460m" as the extraction does.
    """
    text = "Airbus to cut 1,600 jobs\n\nAirbus will cut 1,600 jobs after a $460m loss. Its index fell 3 points; 3,700 in Germany."
    spans = [{"start": text.index(q, text.index(after)), "end": text.index(q, text.index(after)) + len(q), "label": "QUANTITY"}
             for q, after in (("1,600", "will"), ("3", "fell"), ("3,700", "3,700"))]
    record = {"id": "airbus#1", "title": "Airbus to cut 1,600 jobs", "date": "2015-04-30", "split": "dev", "text": text,
              "annotated_end": len(text), "spans": spans}
    path = tmp_path / "meantime.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [[article]] = import_gold("meantime", path, []).values()
    assert [(c.text, c.value, c.item, c.item_text) for c in article.counts] == [("1,600", 1600, "job", "jobs")]
    assert [(text[r.start:r.end], r.reason) for r in article.ignore] == [("3,700", "QUANTITY without a counted noun")]


def test_the_corpus_read_in_place_converts_whole(data_dir):
    """All 120 MEANTIME documents convert (69 dev, 51 test) with no bad span."""
    groups = import_gold("meantime", data_dir / "corpora" / "meantime_aligned.jsonl", [])
    assert {split: len(articles) for split, articles in groups.items()} == {"dev": 69, "test": 51}
    assert sum(len(o.mentions) for a in groups["test"] for o in a.organizations) == 132
    assert [sum(len(a.counts) for a in groups[split]) for split in ("dev", "test")] == [74, 19]
