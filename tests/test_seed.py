"""Acceptance on the seed file: two articles, every money amount, count, organization, date and event."""

from decimal import Decimal

import pytest

from pipeline import extract_folder
from pipeline.normalize.orgs import name_key


@pytest.fixture(scope="module")
def seed_articles(nlp, seed_file):
    return list(extract_folder(seed_file))


def test_two_articles_with_title_and_source(seed_articles):
    assert [(a.id, a.title, a.source) for a in seed_articles] == [
        ("000_7262c0a3e9177b2d.txt#1", "Alibaba helps in catching 1,953 counterfeiting suspects", "Xinhuanet.com"),
        ("000_7262c0a3e9177b2d.txt#2", "Richemont joins Alibaba’s anti-counterfeiting alliance", "WWD.com"),
    ]
    assert seed_articles[0].text.startswith("counterfeiting suspects\n\nAlibaba helps")
    assert "Source:" not in seed_articles[0].text + seed_articles[1].text


def test_money(seed_articles):
    money = [(m.text, Decimal(m.amount), m.currency) for a in seed_articles for m in a.money]
    assert money == [
        ("7.9 billion Yuan", Decimal("7900000000"), "CNY"),
        ("1.16 billion US dollars", Decimal("1160000000"), "USD"),
        ("$14.4 million", Decimal("14400000"), "USD"),
    ]
    first = seed_articles[0].money
    assert (first[0].relation, first[0].related, first[1].relation, first[1].related) == ("equivalent", 1, "equivalent", 0)


def test_counts_with_counted_noun(seed_articles):
    counts = [(c.value, c.item, c.item_text, c.qualifier) for a in seed_articles for c in a.counts]
    assert counts == [
        (1953, "suspect", "counterfeiting suspects", None),
        (1953, "suspect", "suspects", None),
        (1634, "tip", "tips", None),
        (1000, "brand", "brands", "over"),
        (121, "brand", "brands", None),
        (16, "country", "countries and regions", None),
        (30, "brand", "founding member brands", None),
    ]


@pytest.mark.parametrize("name", [
    "Alibaba", "Richemont", "McDonald's", "General Motors", "New Balance", "Louis Vuitton", "AACA", "Mr Porter", "YNAP",
])
def test_named_organizations(seed_articles, name):
    keys = {name_key(text) for a in seed_articles for org in a.organizations
            for text in [org.name, *(m.text for m in org.mentions)]}
    assert name_key(name) in keys


def test_no_junk_organizations(seed_articles):
    texts = [m.text for a in seed_articles for org in a.organizations for m in org.mentions]
    assert "IP" not in texts and "JV" not in texts
    assert not any("\n" in t or "Xinhuanet" in t or "WWD" in t for t in texts)


def test_one_record_per_organization(seed_articles):
    second = seed_articles[1]
    alibaba = [org for org in second.organizations if org.name == "Alibaba"]
    assert len(alibaba) == 1 and len(alibaba[0].mentions) == 8
    for article in seed_articles:
        names = [name_key(org.name) for org in article.organizations]
        assert len(names) == len(set(names))


def test_dates(seed_articles):
    assert [(d.text, d.value, d.granularity) for a in seed_articles for d in a.dates] == [
        ("the year 2018", "2018", "year"),
        ("the end of the year 2018", "2018", "year"),
        ("2017", "2017", "year"),
    ]


def _events(article):
    def filler(ref):
        kind, index = ref.split("/")
        fact = getattr(article, kind)[int(index)]
        return getattr(fact, "name", None) or fact.text
    return [(e.type, e.trigger.text, e.status, sorted(f"{r.role}={filler(r.ref)}" for r in e.roles))
            for e in article.events]


def test_events_with_all_their_roles(seed_articles):
    """The seed's events as its text states them (issue 14): the police catches helped by Alibaba, the
    alliance joined by Richemont and the brands, the Louis Vuitton-Alibaba investigation, the YNAP venture."""
    first, second = seed_articles
    assert _events(first) == [
        ("enforcement", "catching", "completed", ["count=1,953 counterfeiting suspects", "helper=Alibaba"]),
        ("enforcement", "catching", "completed", ["count=1,953 suspects", "date=the year 2018", "helper=Alibaba",
                                                  "value=1.16 billion US dollars", "value=7.9 billion Yuan"]),
        ("partnership", "joined", "completed", ["date=the end of the year 2018", "partner=Alibaba"]),
    ]
    assert _events(second) == [
        ("partnership", "joins", "completed", ["member=Richemont", "partner=Alibaba"]),
        ("partnership", "joined", "completed", ["member=Richemont", "partner=Alibaba"]),
        ("partnership", "join", "completed", ["member=General Motors", "member=McDonald's", "member=New Balance",
                                              "member=Richemont", "partner=Alibaba"]),
        ("enforcement", "confiscation", "completed", ["helper=Alibaba", "helper=Louis Vuitton", "value=$14.4 million"]),
        ("partnership", "JV", "completed", ["member=Yoox Net-a-Porter", "partner=Alibaba"]),
    ]
