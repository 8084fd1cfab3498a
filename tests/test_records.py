import json
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from pipeline.records import Article, Money, Organization, schema_text, write_schema

ROOT = Path(__file__).resolve().parents[1]


def _article(**facts):
    return Article(id="t.txt#1", text="Alibaba paid $5 million.", **facts)


def test_offsets_must_point_at_the_text():
    good = Money(text="$5 million", start=13, end=23, amount="5000000", currency="USD")
    assert _article(money=[good]).money[0].amount == "5000000"
    shifted = Money(text="$5 million", start=12, end=22, amount="5000000", currency="USD")
    with pytest.raises(ValidationError, match="does not match"):
        _article(money=[shifted])


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
