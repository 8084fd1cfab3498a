import json
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from pipeline.records import Article, Event, EventRole, Mention, Money, Organization, schema_text, write_schema

ROOT = Path(__file__).resolve().parents[1]


def _article(**facts):
    return Article(id="t.txt#1", text="Alibaba paid $5 million.", **facts)


def test_offsets_must_point_at_the_text():
    good = Money(text="$5 million", start=13, end=23, amount="5000000", currency="USD")
    assert _article(money=[good]).money[0].amount == "5000000"
    shifted = Money(text="$5 million", start=12, end=22, amount="5000000", currency="USD")
    with pytest.raises(ValidationError, match="does not match"):
        _article(money=[shifted])


def _paid(*roles, trigger=Mention(text="paid", start=8, end=12)):
    alibaba = Organization(name="Alibaba", mentions=[Mention(text="Alibaba", start=0, end=7)])
    money = Money(text="$5 million", start=13, end=23, amount="5000000", currency="USD")
    event = Event(type="penalty", trigger=trigger, status="completed", roles=list(roles))
    return _article(organizations=[alibaba], money=[money], events=[event])


def test_event_refs_point_at_existing_facts_of_the_right_list_and_the_trigger_at_the_text():
    article = _paid(EventRole(role="penalized", ref="organizations/0"), EventRole(role="value", ref="money/0"))
    assert [r.ref for r in article.events[0].roles] == ["organizations/0", "money/0"]
    bad = [
        ((EventRole(role="value", ref="money/1"),), "the article has 1 money"),
        ((EventRole(role="value", ref="organizations/0"),), "a value is one of the article's money"),
        ((EventRole(role="buyer", ref="organizations/0"),), "penalty has no such role"),
        ((EventRole(role="penalized"),), "no ref"),
    ]
    with pytest.raises(ValidationError, match="should match pattern"):
        EventRole(role="penalized", ref="orgs/0")
    for roles, message in bad:
        with pytest.raises(ValidationError, match=message):
            _paid(*roles)
    with pytest.raises(ValidationError, match="does not match"):
        _paid(trigger=Mention(text="paid", start=7, end=11))


def test_a_metric_is_a_value_from_the_list():
    article = Article(id="t.txt#1", text="Alibaba reported revenue.", events=[Event(
        type="financial_result", trigger=Mention(text="reported", start=8, end=16), status="completed",
        roles=[EventRole(role="metric", value="revenue")])])
    assert article.events[0].roles[0].value == "revenue"
    with pytest.raises(ValidationError, match="a metric is a value"):
        article.model_validate({**article.model_dump(), "events": [{
            **article.events[0].model_dump(), "roles": [{"role": "metric", "value": "turnover"}]}]})


def test_records_are_frozen_and_closed():
    article = _article()
    with pytest.raises(ValidationError):
        article.title = "changed"
    with pytest.raises(ValidationError):
        Article(id="x#1", text="", unexpected=1)


@pytest.mark.parametrize(("amount", "currency"), [("5e6", "USD"), ("5000000", "usd"), ("5,000", "USD")])
def test_money_amount_is_a_plain_decimal_and_currency_an_iso_code(amount, currency):
    with pytest.raises(ValidationError):
        Money(text="x", start=0, end=1, amount=amount, currency=currency)


def test_organization_needs_a_mention():
    with pytest.raises(ValidationError):
        Organization(name="Alibaba", mentions=[])


def test_committed_schema_matches_the_models(tmp_path):
    committed = ROOT / "schemas" / "article.schema.json"
    assert committed.read_text(encoding="utf-8") == schema_text(), "run `factwire schema` and commit schemas/"
    assert write_schema(tmp_path / "new").read_text(encoding="utf-8") == schema_text()


def test_schema_command_writes_the_schema(tmp_path):
    result = subprocess.run([sys.executable, "-m", "pipeline", "schema", "-o", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"factwire: wrote {tmp_path / 'article.schema.json'}\n"
    assert json.loads((tmp_path / "article.schema.json").read_text(encoding="utf-8"))["title"] == "Article"
    assert (tmp_path / "article.schema.json").read_text(encoding="utf-8") == schema_text()
