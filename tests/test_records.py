import pytest
from pydantic import ValidationError

from pipeline.records import Article, Money, Organization


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
