"""The record contract: frozen Pydantic models, the single source of truth for the JSON Schema.

One `Article` per article; every fact carries `text`, `start`, `end` into
`Article.text`, and the model refuses a record whose offsets do not point at
its text. `schema_text` is the JSON Schema committed in `schemas/` (the gold
format's too, from its model).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

SCHEMA_VERSION = "1.1"

Qualifier = Literal["about", "nearly", "over", "at least", "up to", "under", "exactly", "between"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Mention(_Record):
    """A stretch of the article text."""

    text: str = Field(description="The text as written; equals article.text[start:end].")
    start: int = Field(ge=0, description="Start character offset into article.text.")
    end: int = Field(ge=0, description="End character offset (exclusive) into article.text.")

    @model_validator(mode="after")
    def _ordered(self) -> Mention:
        if self.end < self.start:
            raise ValueError(f"mention end {self.end} is before start {self.start}")
        return self


class Organization(_Record):
    """One organization of the article with every mention of it."""

    name: str = Field(description="Canonical name: the gazetteer's name (accented as the article writes it), else the fullest mention without 'the', possessive or legal form ('Siemens Energy AG' -> 'Siemens Energy'); a name ending in 's keeps it.")
    mentions: list[Mention] = Field(min_length=1, description="Every mention, in text order.")
    key: str | None = Field(default=None, description="Stable identity across articles and runs: 'gz:<gazetteer id slug>' for a known organization, else 'name:<normalized name slug>'; null in gold.")
    evidence: list[Literal["gazetteer", "legal_form", "organization_word", "cue", "model", "acronym", "alias",
                           "headline"]] = Field(
        default_factory=list, description="What recognized the organization: the gazetteer, a legal form ('Inc.'), a "
        "word only organizations' names have ('Group', 'Ministry', 'Grupo'), a cue in the text ('shares of X'), the "
        "model, an acronym or alias of a longer name, a headline the text backs; empty in gold.")


class Money(Mention):
    """One stated monetary amount."""

    amount: str = Field(pattern=r"^-?\d+(\.\d+)?$", description="Exact amount in the currency's major unit, as a decimal string.")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code.")
    currency_basis: Literal["explicit", "default", "context"] = Field(
        default="explicit", description="How the currency was decided: written unambiguously ('US$', 'yuan'), an "
        "ambiguous form read its usual way ('$' -> USD), or an ambiguous form read from a country the article "
        "names ('Rs' in a Pakistani story -> PKR).")
    qualifier: Qualifier | None = Field(default=None, description="Hedge written before the amount ('more than' -> 'over').")
    per_unit: str | None = Field(default=None, description="What a price is per ('$5 a share' -> 'share'), else null.")
    relation: Literal["range_low", "range_high", "equivalent"] | None = Field(
        default=None, description="Role of this amount in a range or an equivalence with another amount.")
    related: int | None = Field(default=None, ge=0, description="Index in `money` of the other end / the equivalent amount.")


class Count(Mention):
    """A number of things: the number and the thing counted."""

    value: float | int = Field(description="The number counted.")
    item: str | None = Field(description="Lemma of the counted noun ('suspect'), or null when unknown.")
    item_text: str | None = Field(description="The counted phrase as written ('counterfeiting suspects').")
    qualifier: Qualifier | None = Field(default=None, description="Hedge written before the number ('over 1000' -> 'over').")


class DateFact(Mention):
    """A date expression and its ISO 8601 value at the granularity written."""

    value: str | None = Field(
        pattern=r"^\d{4}(-(\d{2}(-\d{2})?|Q[1-4]|H[12]|W\d{2}))?$",
        description="ISO 8601, partial allowed ('2018', '2018-03', '2018-03-31', '2019-Q1', '2005-W22'), and a half "
        "year as TIMEX3 writes it ('2024-H1'); null when vague.")
    granularity: Literal["year", "half", "quarter", "month", "week", "day"] | None = Field(
        description="What the value is precise to; null when the value is null.")


EventType = Literal["acquisition", "investment", "job_cuts", "hiring", "financial_result", "penalty", "contract",
                    "enforcement", "partnership"]
EventStatus = Literal["completed", "announced", "planned", "negated"]

#: Each event type's roles, core roles first (`CORE_ROLES`); `articles/gold/GUIDELINES.md` says what each means.
EVENT_ROLES: dict[str, tuple[str, ...]] = {
    "acquisition": ("acquirer", "target", "seller", "value", "date"),
    "investment": ("recipient", "value", "investor", "date"),
    "job_cuts": ("company", "count", "date"),
    "hiring": ("company", "count", "date"),
    "financial_result": ("company", "value", "metric", "period"),
    "penalty": ("penalized", "value", "authority", "date"),
    "contract": ("buyer", "supplier", "value", "count", "date"),
    "enforcement": ("count", "value", "authority", "helper", "date"),
    "partnership": ("member", "partner", "date"),
}
#: The roles a frame must get right to be right (contract: buyer and supplier; enforcement: count and value).
CORE_ROLES: dict[str, tuple[str, ...]] = {
    "acquisition": ("acquirer", "target"), "investment": ("recipient", "value"), "job_cuts": ("company", "count"),
    "hiring": ("company", "count"), "financial_result": ("company", "value"), "penalty": ("penalized", "value"),
    "contract": ("buyer", "supplier"), "enforcement": ("count", "value"), "partnership": ("member", "partner"),
}
#: The list of the article a role's filler comes from; every other role (but `metric`) names an organization.
ROLE_LISTS = {"value": "money", "count": "counts", "date": "dates", "period": "dates"}
METRICS = ("revenue", "sales", "profit", "net_profit", "operating_profit", "net_loss", "operating_loss", "earnings",
           "ebitda", "orders")


class EventRole(_Record):
    """One participant of an event: a fact of the article (by reference), or a metric's value."""

    role: str = Field(description="The role ('acquirer', 'target', 'value', 'count', 'date', 'metric', ...).")
    ref: str | None = Field(default=None, pattern=r"^(organizations|money|counts|dates)/\d+$",
                            description="The fact filling the role: '<list>/<0-based index>' into the article's lists.")
    value: str | None = Field(default=None, description="Only for role 'metric': 'revenue', 'net_profit', ...")


class Event(_Record):
    """Something the article states happened (or will, or will not): its type, trigger words and participants."""

    type: EventType = Field(description="What kind of event.")
    trigger: Mention = Field(description="The words that state the event ('buy', 'laid off', 'the takeover of').")
    status: EventStatus = Field(
        description="Done, decided but not done, intended or considered, or denied / called off.")
    roles: list[EventRole] = Field(description="Participants, each a fact of the article or a metric.")


class Article(_Record):
    """All facts of one article."""

    schema_version: Literal["1.0", "1.1"] = Field(default=SCHEMA_VERSION, description="Version of this record contract.")
    id: str = Field(description="'<path relative to the input root>#<n>', n the 1-based article number in the file.")
    path: str | None = Field(default=None, description="Input file, relative to the input root.")
    index: int = Field(default=1, ge=1, description="1-based article number within the file.")
    title: str | None = Field(default=None, description="Headline.")
    source: str | None = Field(default=None, description="Outlet named by a 'Source:' line.")
    published: str | None = Field(default=None, description="Publication date (ISO 8601) from a dateline, when written.")
    encoding: str | None = Field(default=None, description="How the input file was decoded ('utf-8', 'utf-16', ...).")
    text: str = Field(description="The article text that every offset points into.")
    organizations: list[Organization] = Field(default_factory=list)
    money: list[Money] = Field(default_factory=list)
    counts: list[Count] = Field(default_factory=list)
    dates: list[DateFact] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    @model_validator(mode="after")
    def _offsets_point_at_text(self) -> Article:
        mentions = [m for org in self.organizations for m in org.mentions]
        mentions += [*self.money, *self.counts, *self.dates, *(event.trigger for event in self.events)]
        for mention in mentions:
            if self.text[mention.start:mention.end] != mention.text:
                raise ValueError(
                    f"{self.id}: mention {mention.text!r} does not match text[{mention.start}:{mention.end}]"
                    f" = {self.text[mention.start:mention.end]!r}")
        for event in self.events:
            for role in event.roles:
                _check_role(self, event, role)
        return self


def _check_role(article: Article, event: Event, role: EventRole) -> None:
    """A role the event's type has, filled by a fact of the list its kind comes from that exists, or a metric."""
    where = f"{article.id}: {event.type} role {role.role}"
    if role.role not in EVENT_ROLES[event.type]:
        raise ValueError(f"{where}: {event.type} has no such role (it has {', '.join(EVENT_ROLES[event.type])})")
    if role.role == "metric":
        if role.ref is not None or role.value not in METRICS:
            raise ValueError(f"{where}: a metric is a value, one of {', '.join(METRICS)} (got {role.value!r})")
        return
    if role.ref is None:
        raise ValueError(f"{where}: no ref (only 'metric' holds a plain value)")
    kind, index = role.ref.split("/")
    if kind != ROLE_LISTS.get(role.role, "organizations"):
        raise ValueError(f"{where} refers to {role.ref}: a {role.role} is one of the article's "
                         f"{ROLE_LISTS.get(role.role, 'organizations')}")
    if int(index) >= len(getattr(article, kind)):
        raise ValueError(f"{where} refers to {role.ref}, but the article has {len(getattr(article, kind))} {kind}")


def schema_text(model: type[BaseModel] = Article) -> str:
    """The JSON Schema of a record model (the article record by default), as committed in `schemas/`."""
    return json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema(folder: Path, model: type[BaseModel] = Article, name: str = "article.schema.json") -> Path:
    """Write a record model's JSON Schema into the folder (made if missing) as `name`; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    target.write_text(schema_text(model), encoding="utf-8")
    return target


@cache
def _article_json() -> TypeAdapter[Article]:
    return TypeAdapter(Article)


def record_json(article: Article) -> bytes:
    """The record as UTF-8 JSON, serialized straight to bytes, the same as `model_dump_json()` encoded (the str
    and its encoded copy would hold the JSON twice: 111 MB each for one 60 MB article)."""
    return _article_json().dump_json(article)
