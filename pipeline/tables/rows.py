"""One `Article` record -> its rows in every table (`columns.py`), typed: dates as `date`, amounts as `Decimal`.

A pure function of the record (and of the packaged gazetteer and ECB rates),
so the same record gives the same rows whatever else is in the run and in
whatever order: organization keys, money in USD / EUR and period starts
depend on the record alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache

from pipeline.normalize.fx import convert
from pipeline.normalize.orgs import org_key
from pipeline.patterns import load_jsonl
from pipeline.records import Article, Event, Organization
from pipeline.tables.columns import (
    DECIMAL_PRECISION,
    DECIMAL_SCALE,
    ArticleRow,
    CountRow,
    DateRow,
    EventRoleRow,
    EventRow,
    MentionRow,
    MoneyRow,
    OrganizationRow,
)

_SCALE = Decimal(1).scaleb(-DECIMAL_SCALE)
_LIMIT = Decimal(10) ** (DECIMAL_PRECISION - DECIMAL_SCALE)
_PERIOD = re.compile(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])|W(\d{2})))?")


@dataclass
class Rows:
    """The rows one article adds to each table, by table name."""

    articles: list[ArticleRow] = field(default_factory=list)
    organizations: list[OrganizationRow] = field(default_factory=list)
    mentions: list[MentionRow] = field(default_factory=list)
    money: list[MoneyRow] = field(default_factory=list)
    counts: list[CountRow] = field(default_factory=list)
    dates: list[DateRow] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    event_roles: list[EventRoleRow] = field(default_factory=list)


def period_start(value: str | None) -> date | None:
    """The first day of the period an ISO value names, or None.

    >>> [period_start(v) for v in ("2019-Q2", "2018", "2019-03", "2018-03-31")]
    [datetime.date(2019, 4, 1), datetime.date(2018, 1, 1), datetime.date(2019, 3, 1), datetime.date(2018, 3, 31)]
    >>> period_start("2005-W22"), period_start("2004-W53"), period_start("2005-W53"), period_start(None)
    (datetime.date(2005, 5, 30), datetime.date(2004, 12, 27), None, None)
    >>> period_start("2024-H1"), period_start("2024-H2")
    (datetime.date(2024, 1, 1), datetime.date(2024, 7, 1))
    """
    match = _PERIOD.fullmatch(value or "")
    if not match:
        return None
    year, month, day, quarter, half, week = match.groups()
    try:
        if week:
            return date.fromisocalendar(int(year), int(week), 1)
        if quarter:
            return date(int(year), 3 * int(quarter) - 2, 1)
        if half:
            return date(int(year), 6 * int(half) - 5, 1)
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


def published_day(published: str | None) -> date | None:
    """The article's day when `published` names one ('2005-03-18', '2024-05-01T09:30:00Z'); a month alone is None.

    >>> published_day("2024-05-01T09:30:00Z"), published_day("2005-03"), published_day(None)
    (datetime.date(2024, 5, 1), None, None)
    """
    match = re.match(r"\d{4}-\d{2}-\d{2}", published or "")
    try:
        return date.fromisoformat(match.group()) if match else None
    except ValueError:
        return None


def table_decimal(value: Decimal | str | None) -> Decimal | None:
    """A value as the tables' DECIMAL(38, 6): 6 decimals (rounded half even), None when too large to hold.

    >>> table_decimal("14400000"), table_decimal("0.0000005"), table_decimal("1e40")
    (Decimal('14400000.000000'), Decimal('0.000000'), None)
    """
    try:
        number = Decimal(value) if value is not None else None
    except InvalidOperation:
        return None
    if number is None or not number.is_finite() or abs(number) >= _LIMIT:
        return None
    return number.quantize(_SCALE)


@cache
def _gazetteer_names() -> frozenset[str]:
    """Canonical names of the gazetteer's organizations (its ids), for records written before keys existed."""
    return frozenset(entry["id"] for entry in load_jsonl("organizations.jsonl"))


def key_of(organization: Organization) -> str:
    """The organization's key: the record's own, else computed from its name (a gazetteer name is a 'gz:' key).

    >>> from pipeline.records import Mention
    >>> mention = [Mention(text="Kmart Corp.", start=0, end=11)]
    >>> key_of(Organization(name="Kmart Corp.", mentions=mention)), key_of(Organization(name="3M", mentions=mention))
    ('name:kmart', 'gz:3m')
    >>> key_of(Organization(name="Kmart Corp.", mentions=mention, key="gz:kmart"))
    'gz:kmart'
    """
    if organization.key:
        return organization.key
    known = organization.name if organization.name in _gazetteer_names() else None
    return org_key(organization.name, known)


def article_rows(article: Article) -> Rows:
    """Every table's rows for one article."""
    rows = Rows()
    keys = [key_of(org) for org in article.organizations]
    rows.articles.append(ArticleRow(
        article.id, article.path, article.index, article.title, article.source, published_day(article.published),
        article.encoding, len(article.text), len(article.organizations),
        sum(len(org.mentions) for org in article.organizations), len(article.money), len(article.counts),
        len(article.dates), len(article.events)))
    for index, (org, key) in enumerate(zip(article.organizations, keys)):
        rows.organizations.append(OrganizationRow(article.id, index, key, org.name, tuple(org.evidence),
                                                  len(org.mentions)))
        rows.mentions += [MentionRow(article.id, index, key, m.text, m.start, m.end) for m in org.mentions]
    day = published_day(article.published)
    for index, money in enumerate(article.money):
        converted = convert(Decimal(money.amount), money.currency, day)
        rows.money.append(MoneyRow(
            article.id, index, money.text, money.start, money.end, table_decimal(money.amount), money.currency,
            money.currency_basis, money.qualifier, money.relation, money.related, money.per_unit,
            table_decimal(converted.usd), table_decimal(converted.eur), converted.rate_date))
    rows.counts += [CountRow(article.id, index, c.text, c.start, c.end, float(c.value), c.item, c.item_text,
                             c.qualifier) for index, c in enumerate(article.counts)]
    rows.dates += [DateRow(article.id, index, d.text, d.start, d.end, d.value, d.granularity, period_start(d.value))
                   for index, d in enumerate(article.dates)]
    for index, event in enumerate(article.events):
        rows.events.append(EventRow(article.id, index, event.type, event.status, event.trigger.text,
                                    event.trigger.start, event.trigger.end))
        rows.event_roles += _role_rows(article, index, event, keys)
    return rows


def _role_rows(article: Article, event_index: int, event: Event, keys: list[str]) -> list[EventRoleRow]:
    """An event's roles with their fillers' text and value: org name, amount, count value or ISO date."""
    result = []
    for role_index, role in enumerate(event.roles):
        text = value = key = ref_list = ref_index = None
        if role.ref is not None:
            ref_list, number = role.ref.split("/")
            ref_index = int(number)
            fact = getattr(article, ref_list)[ref_index]
            if ref_list == "organizations":
                text, value, key = fact.mentions[0].text, fact.name, keys[ref_index]
            else:
                text = fact.text
                value = {"money": lambda: fact.amount, "counts": lambda: _number(fact.value),
                         "dates": lambda: fact.value}[ref_list]()
        result.append(EventRoleRow(article.id, event_index, role_index, role.role, ref_list, ref_index, text, value,
                                   key, role.value))
    return result


def _number(value: float | int) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))
