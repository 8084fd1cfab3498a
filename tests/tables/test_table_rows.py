"""Article -> typed rows, on hand-written records that carry keys, evidence and events (tests/data/tables/)."""

from __future__ import annotations

import random
from dataclasses import fields
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.normalize.orgs import org_key
from pipeline.records import Article
from pipeline.tables.columns import TABLES, columns
from pipeline.tables.rows import article_rows

HAND = Path(__file__).parents[1] / "data" / "tables" / "hand_records.jsonl"


@pytest.fixture(scope="module")
def hand() -> list[Article]:
    return [Article.model_validate_json(line) for line in HAND.read_text(encoding="utf-8").splitlines()]


def test_every_table_has_its_row_type_and_the_rows_fill_every_column(hand):
    rows = article_rows(hand[0])
    for table, row_type in TABLES.items():
        assert [c.name for c in columns(table)] == [f.name for f in fields(row_type)]
        assert getattr(rows, table), f"the hand record has no {table} rows"


def test_article_row_counts_each_kind_of_fact(hand):
    row = article_rows(hand[0]).articles[0]
    assert (row.published, row.n_organizations, row.n_mentions, row.n_money, row.n_counts, row.n_dates,
            row.n_events) == (date(2018, 3, 5), 2, 8, 3, 3, 5, 3)


def test_money_is_decimal_and_converted_at_the_articles_day(hand):
    usd, gbp, eur = article_rows(hand[0]).money
    assert usd.amount == Decimal("2500000000") and usd.amount_usd == Decimal("2500000000")
    assert usd.rate_date == date(2018, 3, 5) and usd.amount_eur is not None
    assert gbp.currency == "GBP" and gbp.amount_usd is not None and gbp.amount_usd > gbp.amount
    assert eur.amount_eur == Decimal("310000000") and (usd.relation, usd.related) == ("equivalent", 1)
    (undated,) = article_rows(hand[2]).money
    assert (undated.amount_usd, undated.amount_eur, undated.rate_date) == (None, None, None)


def test_easter_monday_uses_thursdays_rates(hand):
    (money,) = article_rows(hand[1]).money
    assert money.rate_date == date(2011, 4, 21) and money.amount_usd == Decimal("5000000")


def test_dates_start_on_the_first_day_of_their_period(hand):
    starts = {d.value: d.period_start for d in article_rows(hand[0]).dates}
    assert starts == {"2018-03-05": date(2018, 3, 5), "2019-Q2": date(2019, 4, 1), "2017": date(2017, 1, 1),
                      "2005-W22": date(2005, 5, 30), "2018-03": date(2018, 3, 1)}
    assert date(2005, 5, 30).isoweekday() == 1


def test_counts_keep_fractions(hand):
    (count,) = article_rows(hand[2]).counts
    assert count.value == 2.5 and isinstance(count.value, float)


def test_event_roles_name_their_fillers(hand):
    rows = article_rows(hand[0])
    assert [(e.type, e.status, e.trigger_text) for e in rows.events] == [
        ("acquisition", "announced", "buy"), ("job_cuts", "announced", "cut"),
        ("financial_result", "completed", "reported")]
    roles = {(r.event_index, r.role_index): r for r in rows.event_roles}
    acquirer, value, date_role = roles[0, 0], roles[0, 2], roles[0, 4]
    assert (acquirer.ref_list, acquirer.ref_index, acquirer.filler_value, acquirer.filler_key) == (
        "organizations", 0, "Acme", "gz:acme")
    assert (value.filler_text, value.filler_value, value.filler_key) == ("$2.5 billion", "2500000000", None)
    assert date_role.filler_value == "2018-03-05"
    assert roles[1, 1].filler_value == "1200" and roles[1, 1].filler_text == "1,200 jobs"
    metric = roles[2, 2]
    assert (metric.role, metric.metric, metric.ref_list, metric.filler_text) == ("metric", "revenue", None, None)


def test_keys_come_from_the_record_else_from_the_name(hand):
    acme = article_rows(hand[0])
    assert [o.org_key for o in acme.organizations] == ["gz:acme", "name:widget"]
    assert {m.org_key for m in acme.mentions} == {"gz:acme", "name:widget"}
    assert acme.organizations[0].evidence == ("gazetteer", "legal_form")
    undated = article_rows(hand[2])
    assert [o.org_key for o in undated.organizations] == ["gz:alibaba", "name:intime"]  # Alibaba is in the gazetteer


def test_rows_do_not_depend_on_what_else_is_in_the_run_or_its_order(hand):
    alone = [article_rows(article) for article in hand]
    shuffled = list(hand)
    random.Random(7).shuffle(shuffled)
    again = {article.id: article_rows(article) for article in reversed(shuffled)}
    assert [again[article.id] for article in hand] == alone


def test_org_key_depends_on_the_name_only():
    names = ["Toyota Motor Corp.", "the Toyota Motor Corporation's", "TOYOTA MOTOR", "Nestlé S.A.", "NESTLÉ",
             "Deutsche Bank AG", "Deutsche Bank", "Alibaba Group Holding Ltd."]
    first = {name: org_key(name) for name in names}
    for seed in range(5):
        order = list(names)
        random.Random(seed).shuffle(order)
        assert {name: org_key(name) for name in order} == first
    assert len({first[n] for n in names}) == 4
