"""The facts of an article's processed pieces, gathered until the article is complete, then its `Article` record.

An article goes through spaCy in pieces (`pipeline.inputs.pieces`); only
the facts of a piece are kept once it is processed, with offsets moved into
the whole article, so time and memory follow the piece. When the last piece
is in, organization mentions are grouped, facts inside the article's
metadata (datelines, "Source:" lines) are left out, and each event's roles
become refs to the facts they cover.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import accumulate
from typing import NamedTuple

from spacy.tokens import Doc, Span

from pipeline.inputs.formats import SourceArticle
from pipeline.inputs.segment import outside_ranges
from pipeline.nlp.base import CountHit, DateHit, MoneyHit
from pipeline.nlp.counts import COUNTS
from pipeline.nlp.dates import DATES
from pipeline.nlp.events import EVENTS
from pipeline.nlp.money import MONEY
from pipeline.nlp.organizations.records import OrgMention, org_mentions, organizations_from
from pipeline.records import ROLE_LISTS, Article, Count, DateFact, Event, EventRole, Mention, Money


class At(NamedTuple):
    """Where a fact of a piece is in the article: its text and offsets (a tuple: a long article keeps hundreds of
    thousands of them until its record is built, and a record model is several times larger)."""

    text: str
    start: int
    end: int


class EventFacts(NamedTuple):
    """An event of a piece, offsets in the article: each role a filler's (start, end) or a metric's value."""

    type: str
    trigger: At
    status: str
    roles: tuple[tuple[str, tuple[int, int] | None, str | None], ...]


@dataclass
class PieceFacts:
    """The facts of an article's processed pieces, offsets into the whole article, until the article is built."""

    orgs: list[OrgMention] = field(default_factory=list)
    money: list[tuple[At, MoneyHit]] = field(default_factory=list)
    counts: list[tuple[At, CountHit]] = field(default_factory=list)
    dates: list[tuple[At, DateHit]] = field(default_factory=list)
    events: list[EventFacts] = field(default_factory=list)
    error: Exception | None = None

    def take(self, doc: Doc | Exception, offset: int) -> None:
        """Keep a processed piece's facts, or the first failure of the article's pieces."""
        if self.error is not None:
            return
        if isinstance(doc, Exception):
            self.error = doc
            return
        try:
            self._add(doc, offset)
        except Exception as err:  # noqa: BLE001
            self.error = err

    def _add(self, doc: Doc, offset: int) -> None:
        """A processed piece's facts (a money range's `related` index shifted past earlier pieces')."""
        shift = len(self.money)
        self.orgs += org_mentions(doc, offset)
        self.money += [(_at(span, offset), hit if not shift or hit.related is None
                        else replace(hit, related=hit.related + shift))
                       for span in doc.spans.get(MONEY, []) if (hit := span._.money) is not None]
        self.counts += [(_at(span, offset), hit) for span in doc.spans.get(COUNTS, [])
                        if (hit := span._.count) is not None]
        self.dates += [(_at(span, offset), hit) for span in doc.spans.get(DATES, [])
                       if (hit := span._.date) is not None]
        for span in doc.spans.get(EVENTS, []):
            if (hit := span._.event) is not None:
                roles = tuple((r.role, None if r.filler is None else (r.filler.start_char + offset,
                                                                       r.filler.end_char + offset), r.value)
                              for r in hit.roles)
                self.events.append(EventFacts(hit.type, _at(span, offset), hit.status, roles))

    def article(self, source: SourceArticle) -> Article:
        """The validated Article record: the facts outside the article's metadata; the pieces' failure, if any,
        is raised. Built once: each kind of the pieces' facts is let go as its records are made, so one long
        article does not hold both at once."""
        if self.error is not None:
            raise self.error
        outside = outside_ranges(source.header.metadata_ranges)
        organizations = organizations_from([m for m in self.orgs if outside(m.start)], source.text)
        self.orgs = []
        money = [Money(**at._asdict(), amount=hit.amount, currency=hit.currency, currency_basis=hit.basis,
                       qualifier=hit.qualifier, per_unit=hit.per_unit, relation=hit.relation, related=hit.related)
                 for at, hit in self.money if outside(at.start)]
        self.money = []
        counts = [Count(**at._asdict(), value=_number(hit.value), item=hit.item, item_text=hit.item_text,
                        qualifier=hit.qualifier) for at, hit in self.counts if outside(at.start)]
        self.counts = []
        dates = [DateFact(**at._asdict(), value=hit.value, granularity=hit.granularity)
                 for at, hit in self.dates if outside(at.start)]
        self.dates = []
        refs = {"organizations": Refs([(m.start, m.end, i) for i, org in enumerate(organizations)
                                       for m in org.mentions]),
                **{kind: Refs([(f.start, f.end, i) for i, f in enumerate(facts)])
                   for kind, facts in (("money", money), ("counts", counts), ("dates", dates))}}
        events = [_event(event, refs) for event in self.events if outside(event.trigger.start)]
        header = source.header
        return Article(id=source.id, path=source.path, index=source.index, title=header.title, source=header.source,
                       published=header.published, encoding=source.encoding, text=source.text,
                       organizations=organizations, money=money, counts=counts, dates=dates, events=events)


class Refs:
    """The facts of one list (in the record's order: an organization's mentions come grouped by organization, not
    in text order) by their offsets, for the first of them that overlaps a range. Sorted by start, with the
    furthest end reached so far, a look-up reads only the facts that may overlap (a scan of the list for each
    role was quadratic)."""

    def __init__(self, facts: list[tuple[int, int, int]]) -> None:
        self.facts = sorted(facts)  # (start, end, place in the record's list)
        self.starts = [start for start, _, _ in self.facts]
        self.reach = list(accumulate((end for _, end, _ in self.facts), max))

    def first_overlapping(self, start: int, end: int) -> int | None:
        """The smallest place of a fact with start < `end` and `start` < its end, or None."""
        found = None
        k = bisect_left(self.starts, end) - 1  # the facts from here back start before `end`
        while k >= 0 and self.reach[k] > start:  # some fact from here back ends after `start`
            s, e, place = self.facts[k]
            if e > start and (found is None or place < found):
                found = place
            k -= 1
        return found


def _event(event: EventFacts, refs: dict[str, Refs]) -> Event:
    """The record of an event: each filler becomes the ref of the fact it covers, roles without one left out. An
    organization's mention may be shorter than its entity ("the", a possessive stripped): found by overlap."""
    roles: list[EventRole] = []
    for role, filler, value in event.roles:
        if filler is None:
            roles.append(EventRole(role=role, value=value))
            continue
        kind = ROLE_LISTS.get(role, "organizations")
        start, end = filler
        index = refs[kind].first_overlapping(start, end)
        ref = f"{kind}/{index}" if index is not None else None
        if ref is not None and not any(r.role == role and r.ref == ref for r in roles):
            roles.append(EventRole(role=role, ref=ref))
    return Event(type=event.type, trigger=Mention(**event.trigger._asdict()), status=event.status, roles=roles)


def _at(span: Span, offset: int) -> At:
    return At(span.text, span.start_char + offset, span.end_char + offset)


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
