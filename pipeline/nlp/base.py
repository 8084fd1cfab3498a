"""What factwire's components share: the typed values they put on spans (the hand-off from the spaCy pipeline to
the records), lemmas on demand, and how a component that derives its state from other parts is rebuilt when a saved
pipeline is loaded.

The money, count and date finders put their spans in `doc.spans["money"]`,
`["counts"]` and `["dates"]` and the value of each on the span
(`span._.money`, `span._.count`, `span._.date`), computed by the normalizers
once; `pipeline.extraction` only copies them into records. The events
component puts each event's trigger in `doc.spans["events"]` with its
`EventHit` (`span._.event`): the roles hold the fact spans themselves, and
the extraction turns each into a reference to the record's lists. The article a Doc
belongs to travels as `doc._.article` (its publication date anchors relative
dates; None when a text is processed on its own).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal
from weakref import WeakKeyDictionary

from spacy.language import Language
from spacy.lookups import Table
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Span, Token

Relation = Literal["range_low", "range_high", "equivalent"]
Basis = Literal["explicit", "default", "context"]


@dataclass(frozen=True)
class MoneyHit:
    """One stated amount: exact decimal string in the major unit, ISO code, and how it relates to its neighbours."""

    amount: str
    currency: str
    basis: Basis
    qualifier: str | None = None
    per_unit: str | None = None
    relation: Relation | None = None
    related: int | None = None


@dataclass(frozen=True)
class CountHit:
    """A number of things: the number, the lemma of the counted noun and the counted phrase as written."""

    value: Decimal
    item: str | None
    item_text: str | None
    qualifier: str | None = None


@dataclass(frozen=True)
class DateHit:
    """A calendar date or period: ISO 8601 value at the granularity written."""

    value: str
    granularity: str


@dataclass(frozen=True)
class RoleHit:
    """One participant of an event: a fact's span (an ORG entity, a money, count or date span), or a metric's name."""

    role: str
    filler: Span | None = None
    value: str | None = None


@dataclass(frozen=True)
class EventHit:
    """An event: its type, the trigger words, its status and its participants (`pipeline.nlp.events`)."""

    type: str
    trigger: Span
    status: str
    roles: tuple[RoleHit, ...]


Span.set_extension("money", default=None, force=True)
Span.set_extension("count", default=None, force=True)
Span.set_extension("date", default=None, force=True)
Span.set_extension("event", default=None, force=True)
Doc.set_extension("article", default=None, force=True)


class RebuiltOnLoad:
    """A component whose state comes from package data and the loaded tokenizer or model, not from its own files.

    `spacy.load` builds every component before it reads the saved tokenizer and
    the model's own components back; such a component therefore builds itself
    again in `from_disk`, when they are there, and saves nothing of its own.
    """

    def build(self) -> None:
        """Make the component's state from its settings (called on creation and after loading)."""

    def to_disk(self, path, *, exclude=()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path, *, exclude=()) -> RebuiltOnLoad:
        self.build()
        return self


class OnDemandLemmas:
    """Lemmas for the few tokens that need one (counted nouns, price units).

    `pipeline.nlp.loader` disables the lemmatizer, which would otherwise spend
    about a tenth of the run lemmatizing every token; this asks it per token.
    """

    def __init__(self, nlp: Language) -> None:
        self.lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.component_names else None

    def __call__(self, token: Token) -> str:
        if token.lemma_ or self.lemmatizer is None:  # lemmatized already, or by the attribute ruler's exceptions
            return token.lemma_ or token.lower_
        return indexed(self.lemmatizer).lemmatize(token)[0]


_COPIES: WeakKeyDictionary[Lemmatizer, tuple[tuple[Table, ...], Lemmatizer]] = WeakKeyDictionary()


def indexed(lemmatizer: Lemmatizer) -> Lemmatizer:
    """The copy of `_with_set_index` for the lemmatizer's current tables (a saved pipeline loads them after its
    components are made), made once and shared by every component."""
    tables = tuple(lemmatizer.lookups.get_table(name) for name in lemmatizer.lookups.tables)
    known = _COPIES.get(lemmatizer)
    if known is None or len(known[0]) != len(tables) or any(a is not b for a, b in zip(known[0], tables)):
        known = _COPIES[lemmatizer] = (tables, _with_set_index(lemmatizer))
    return known[1]


def _with_set_index(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A copy of the model's lemmatizer whose word index is a set per part of speech.

    The rule lemmatizer tests each candidate form against the index, a list of
    thousands of words: about 3 ms per new word form, and a run meets new
    forms to its end. A set gives the same answers (same rules, same
    order of forms) at once. The model's own lemmatizer and its tables stay
    as they are (they are saved with the pipeline).
    """
    if lemmatizer.mode != "rule":
        return lemmatizer
    copy = type(lemmatizer)(lemmatizer.vocab, lemmatizer.model, lemmatizer.name, mode=lemmatizer.mode)
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        copy.lookups.add_table(name, {key: frozenset(value) if name == "lemma_index" else value
                                      for key, value in table.items()})
    return copy
