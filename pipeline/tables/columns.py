"""The tables and their columns, defined once: each table is a frozen dataclass, each field a typed column.

Every sink (Parquet, CSV, DuckDB) and every test reads the columns from here
(`columns(table)`), so a column added to a row type appears everywhere with
the same name and type. A field's Python type is its column's kind: `str`
text, `int` integer, `float` double, `Decimal` a DECIMAL(38, 6), `date` a
DATE, `tuple[str, ...]` a list of text; `| None` makes it nullable. Indexes
(`org_index`, `money_index`, ...) are 0-based positions in the record's
lists, the numbers event roles refer to ("money/2").
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from functools import cache
from types import UnionType
from typing import Literal

Kind = Literal["text", "int", "double", "decimal", "date", "text_list"]

DECIMAL_PRECISION, DECIMAL_SCALE = 38, 6  # DuckDB's widest DECIMAL; amounts keep 6 decimals (fractions of a cent)

DUCKDB_TYPES: dict[Kind, str] = {"text": "VARCHAR", "int": "BIGINT", "double": "DOUBLE",
                                 "decimal": f"DECIMAL({DECIMAL_PRECISION}, {DECIMAL_SCALE})", "date": "DATE",
                                 "text_list": "VARCHAR[]"}
LIST_SEPARATOR = ";"  # a list in a CSV cell: "gazetteer;cue"


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One article: its metadata and how many facts of each kind it has."""

    article_id: str
    path: str | None
    article_index: int
    title: str | None
    source: str | None
    published: date | None
    encoding: str | None
    chars: int
    n_organizations: int
    n_mentions: int
    n_money: int
    n_counts: int
    n_dates: int
    n_events: int


@dataclass(frozen=True, slots=True)
class OrganizationRow:
    """One organization of one article, under its stable key."""

    article_id: str
    org_index: int
    org_key: str
    name: str
    evidence: tuple[str, ...]
    mentions: int


@dataclass(frozen=True, slots=True)
class MentionRow:
    """One mention of an organization, with its offsets."""

    article_id: str
    org_index: int
    org_key: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class MoneyRow:
    """One stated amount, exact, and in USD and EUR at the ECB rates of the article's day."""

    article_id: str
    money_index: int
    text: str
    start: int
    end: int
    amount: Decimal | None
    currency: str
    currency_basis: str
    qualifier: str | None
    relation: str | None
    related: int | None
    per_unit: str | None
    amount_usd: Decimal | None
    amount_eur: Decimal | None
    rate_date: date | None


@dataclass(frozen=True, slots=True)
class CountRow:
    """A number of things."""

    article_id: str
    count_index: int
    text: str
    start: int
    end: int
    value: float
    item: str | None
    item_text: str | None
    qualifier: str | None


@dataclass(frozen=True, slots=True)
class DateRow:
    """A date expression, its ISO value and the first day of the period it names."""

    article_id: str
    date_index: int
    text: str
    start: int
    end: int
    value: str | None
    granularity: str | None
    period_start: date | None


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event: type, status and the words that state it."""

    article_id: str
    event_index: int
    type: str
    status: str
    trigger_text: str
    trigger_start: int
    trigger_end: int


@dataclass(frozen=True, slots=True)
class EventRoleRow:
    """One role of an event: the fact filling it (list and index, its text and value) or a metric."""

    article_id: str
    event_index: int
    role_index: int
    role: str
    ref_list: str | None
    ref_index: int | None
    filler_text: str | None
    filler_value: str | None
    filler_key: str | None
    metric: str | None


TABLES: dict[str, type] = {
    "articles": ArticleRow, "organizations": OrganizationRow, "mentions": MentionRow, "money": MoneyRow,
    "counts": CountRow, "dates": DateRow, "events": EventRow, "event_roles": EventRoleRow,
}

_KINDS: dict[object, Kind] = {str: "text", int: "int", float: "double", Decimal: "decimal", date: "date",
                              tuple[str, ...]: "text_list"}


@dataclass(frozen=True)
class Column:
    """A column: its name, its kind, and whether it may be null."""

    name: str
    kind: Kind
    nullable: bool


@cache
def columns(table: str) -> tuple[Column, ...]:
    """The columns of a table, in order, read from its row type.

    >>> [(c.name, c.kind, c.nullable) for c in columns("dates")][-3:]
    [('value', 'text', True), ('granularity', 'text', True), ('period_start', 'date', True)]
    >>> columns("organizations")[4]
    Column(name='evidence', kind='text_list', nullable=False)
    """
    row_type = TABLES[table]
    hints = typing.get_type_hints(row_type)
    result = []
    for field in fields(row_type):
        hint, nullable = hints[field.name], False
        if isinstance(hint, UnionType) or typing.get_origin(hint) is typing.Union:
            options = [a for a in typing.get_args(hint) if a is not type(None)]
            hint, nullable = options[0], len(options) < len(typing.get_args(hint))
        result.append(Column(field.name, _KINDS[hint], nullable))
    return tuple(result)


def duckdb_ddl(table: str) -> str:
    """CREATE TABLE for one table, typed from its columns (names quoted: `end` is an SQL keyword).

    >>> duckdb_ddl("mentions")[-72:]
    '"text" VARCHAR NOT NULL, "start" BIGINT NOT NULL, "end" BIGINT NOT NULL)'
    """
    parts = [f'"{c.name}" {DUCKDB_TYPES[c.kind]}{"" if c.nullable else " NOT NULL"}' for c in columns(table)]
    return f"CREATE TABLE {table} ({', '.join(parts)})"


def csv_cell(value: object) -> str:
    """A value as CSV text: null is an empty cell, decimals in plain notation, dates in ISO, lists joined by ';'.

    >>> [csv_cell(v) for v in (None, Decimal("1.5E+9"), date(2019, 4, 1), 3.0, 2.5, ("gazetteer", "cue"))]
    ['', '1500000000', '2019-04-01', '3', '2.5', 'gazetteer;cue']
    """
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, tuple):
        return LIST_SEPARATOR.join(value)
    return str(value)
