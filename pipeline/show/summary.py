"""Corpus figures for the page: facts per kind, top organizations, money by currency per year, events by type.

Computed from the table rows (`pipeline.tables.rows`), so the page and the
tables agree: organizations are counted by key, years are the articles'
publication years (None for undated articles), USD values are the tables'.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from pipeline.tables.rows import Rows

FACT_KINDS = ("organizations", "mentions", "money", "counts", "dates", "events")


@dataclass(frozen=True)
class TopOrganization:
    """An organization key, the name most articles give it, and how widely it appears."""

    key: str
    name: str
    articles: int
    mentions: int


@dataclass(frozen=True)
class CurrencyYear:
    """The amounts of one currency in the articles of one year."""

    currency: str
    year: int | None
    amounts: int
    total_usd: Decimal | None  # None when none of the amounts could be converted


@dataclass(frozen=True)
class Summary:
    """What the page's corpus section shows."""

    articles: int
    facts: dict[str, int]
    top_organizations: list[TopOrganization]
    money: list[CurrencyYear]
    events: list[tuple[str, int]]


def summarize(all_rows: Iterable[Rows], top: int = 20) -> Summary:
    """Aggregate the rows of every article.

    >>> from datetime import date
    >>> from pipeline.tables.columns import ArticleRow, MoneyRow, OrganizationRow
    >>> def article(n, year, org, amount):
    ...     day = date(year, 1, 2)
    ...     rows = Rows(articles=[ArticleRow(f"a#{n}", None, 1, None, None, day, None, 9, 1, 2, 1, 0, 0, 0)])
    ...     rows.organizations.append(OrganizationRow(f"a#{n}", 0, "gz:acme", org, (), 2))
    ...     rows.money.append(MoneyRow(f"a#{n}", 0, "$5", 0, 2, Decimal(amount), "USD", "default", None, None, None,
    ...                                None, Decimal(amount), None, None))
    ...     return rows
    >>> s = summarize([article(1, 2018, "Acme", 5), article(2, 2018, "Acme Corp", 7), article(3, 2019, "Acme", 1)])
    >>> s.top_organizations, s.facts["money"]
    ([TopOrganization(key='gz:acme', name='Acme', articles=3, mentions=6)], 3)
    >>> [(m.currency, m.year, m.amounts, m.total_usd) for m in s.money]
    [('USD', 2018, 2, Decimal('12')), ('USD', 2019, 1, Decimal('1'))]
    """
    articles = 0
    facts: Counter[str] = Counter()
    names: defaultdict[str, Counter[str]] = defaultdict(Counter)
    org_articles: Counter[str] = Counter()
    org_mentions: Counter[str] = Counter()
    money: dict[tuple[str, int | None], list] = {}
    events: Counter[str] = Counter()
    for rows in all_rows:
        articles += 1
        facts.update({kind: len(getattr(rows, kind)) for kind in FACT_KINDS})
        published = rows.articles[0].published if rows.articles else None
        for org in rows.organizations:
            names[org.org_key][org.name] += 1
            org_articles[org.org_key] += 1
            org_mentions[org.org_key] += org.mentions
        for amount in rows.money:
            entry = money.setdefault((amount.currency, published.year if published else None), [0, None])
            entry[0] += 1
            if amount.amount_usd is not None:
                entry[1] = (entry[1] or Decimal(0)) + amount.amount_usd
        events.update(event.type for event in rows.events)
    ranked = sorted(org_articles, key=lambda key: (-org_articles[key], -org_mentions[key], key))[:top]
    tops = [TopOrganization(key, min(names[key].most_common(), key=lambda n: (-n[1], n[0]))[0], org_articles[key],
                            org_mentions[key]) for key in ranked]
    by_currency = [CurrencyYear(currency, year, count, total)
                   for (currency, year), (count, total) in sorted(money.items(), key=lambda i: (i[0][0], i[0][1] or 0))]
    return Summary(articles, dict(facts), tops, by_currency, sorted(events.items(), key=lambda e: (-e[1], e[0])))


def currency_totals(money: list[CurrencyYear]) -> list[tuple[str, int, Decimal | None]]:
    """Amounts and USD total per currency over all years, most amounts first (None: nothing converted).

    >>> currency_totals([CurrencyYear("USD", 2018, 2, Decimal(3)), CurrencyYear("EUR", 2018, 1, Decimal(1)),
    ...                  CurrencyYear("USD", 2019, 1, Decimal(1)), CurrencyYear("NGN", 2019, 1, None)])
    [('USD', 3, Decimal('4')), ('EUR', 1, Decimal('1')), ('NGN', 1, None)]
    """
    totals: dict[str, list] = {}
    for entry in money:
        total = totals.setdefault(entry.currency, [0, None])
        total[0] += entry.amounts
        if entry.total_usd is not None:
            total[1] = (total[1] or Decimal(0)) + entry.total_usd
    return sorted(((c, n, usd) for c, (n, usd) in totals.items()), key=lambda t: (-t[1], t[0]))
