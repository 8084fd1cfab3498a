"""Labelled spans <-> gold articles: the checks, the values filled by the normalizers, and factwire's own parse."""

from pathlib import Path

import pytest

from pipeline.gold import (
    IGNORE,
    AnnotatedText,
    GoldError,
    LabeledSpan,
    check_spans,
    item_lemma,
    load_gold,
    to_gold,
    to_spans,
)
from pipeline.gold.spans import parse
from pipeline.nlp.loader import load
from pipeline.records import Count, Organization

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Nike Inc. said on Wednesday it would cut nearly 3,500 retail jobs and pay about US$40 billion; 12 stayed."


def span(label, text, occurrence=0, **values):
    start = TEXT.index(text) if not occurrence else TEXT.index(text, TEXT.index(text) + 1)
    return LabeledSpan(start, start + len(text), label, values, where="doc.jsonl:1")


def test_every_fact_becomes_a_span_that_keeps_its_fact():
    second = load_gold(ROOT / "articles" / "gold")["000_7262c0a3e9177b2d.txt#2"]
    spans = to_spans(second)
    assert [s.label for s in spans].count("ORG") == sum(len(o.mentions) for o in second.organizations)
    assert spans == sorted(spans, key=lambda s: (s.start, s.end, s.label))
    money = next(s for s in spans if s.label == "MONEY")
    assert money.fact == second.money[0] and money.values["amount"] == second.money[0].amount
    org = next(s for s in spans if s.label == "ORG")
    assert org.fact == Organization(name=org.values["name"], mentions=[m for o in second.organizations
                                                                       for m in o.mentions if m.start == org.start])
    assert all(s.text == second.text[s.start:s.end] for s in spans)


def test_values_are_read_from_the_span_text_and_given_ones_win():
    doc = AnnotatedText(TEXT, [span("ORG", "Nike Inc."), span("COUNT", "nearly 3,500 retail jobs"),
                               span("MONEY", "about US$40 billion"), span("DATE", "Wednesday"),
                               span("COUNT", "12", value=12, item="shop")],
                        {"id": "n#1", "published": "2024-05-03"}, "doc.jsonl")
    article = to_gold(doc, notes := [])
    assert notes == []
    assert [(c.value, c.item, c.item_text, c.qualifier) for c in article.counts] == [
        (3500, "job", "retail jobs", "nearly"), (12, "shop", None, None)]
    assert [(m.amount, m.currency, m.qualifier) for m in article.money] == [("40000000000", "USD", "about")]
    assert [(d.value, d.granularity) for d in article.dates] == [("2024-05-01", "day")]
    assert [o.name for o in article.organizations] == ["Nike"]


def test_a_cardinal_is_a_count_only_with_a_counted_noun():
    doc = AnnotatedText(TEXT, [span("CARDINAL", "3,500 retail jobs"), span("CARDINAL", "12")], {"id": "n#1"}, "d")
    checked = check_spans(doc)
    assert [(s.label, s.text) for s in checked] == [("COUNT", "3,500 retail jobs"), (IGNORE, "12")]
    assert checked[1].values == {"reason": "CARDINAL without a counted noun"}


def test_every_bad_span_is_listed_at_once():
    doc = AnnotatedText(TEXT, [span("COMPANY", "Nike Inc."), span("MONEY", "US$40 billion"),
                               span("MONEY", "40 billion")], {"id": "n#1"}, "d")
    with pytest.raises(GoldError) as raised:
        check_spans(doc)
    assert str(raised.value).splitlines() == [
        "doc.jsonl:1: unknown label 'COMPANY' (known: ORG, ORGANIZATION, ORGANISATION, MONEY, COUNT, CARDINAL, "
        "QUANTITY, DATE, IGNORE)",
        f"doc.jsonl:1: MONEY spans overlap: 'US$40 billion' ({TEXT.index('US$')}-{TEXT.index(';')}) and '40 billion' "
        f"({TEXT.index('40 b')}-{TEXT.index(';')})"]


@pytest.mark.parametrize("item_text, lemma", [("retail stores", "store"), ("counterfeiting suspects", "suspect"),
                                              ("founding member brands", "brand"), ("factories", "factory"),
                                              ("men", "man"), ("Boeing 737 jets", "jet")])
def test_the_counted_noun_is_the_lemma_of_the_last_noun(item_text, lemma):
    assert item_lemma(item_text) == lemma


def test_parses_come_from_the_factwire_pipeline_itself():
    """One model in the process: the gold side tags and parses with factwire's pipeline and tokenizer, without NER."""
    doc = parse("Huarun paid HK$2bn for 12 shops.")
    assert doc.vocab is load(None).vocab  # the cached pipeline extraction uses
    assert [t.text for t in doc][2:5] == ["HK$", "2", "bn"]  # factwire's tokenizer rules, not the bare model's
    assert doc.has_annotation("DEP") and doc.has_annotation("POS") and not doc.ents
    shops = doc[-2]
    assert (shops.pos_, shops.head.text, doc[-3].dep_) == ("NOUN", "for", "nummod")


def test_unnormalizable_spans_are_noted_and_ignored():
    doc = AnnotatedText("They paid lots of money.", [LabeledSpan(10, 23, "MONEY", {}, "odd.jsonl:1")], {"id": "o#1"}, "odd")
    article = to_gold(doc, notes := [])
    assert notes == ["odd.jsonl:1: cannot normalize MONEY 'lots of money': kept as an ignore region"]
    assert article.money == [] and [(r.start, r.end, r.reason) for r in article.ignore] == [(10, 23, "MONEY without a value")]
    assert not any(isinstance(f, Count) for f in article.counts)
