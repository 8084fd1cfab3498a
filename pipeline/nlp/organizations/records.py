"""Organization entities as `Organization` records: mentions grouped, a key, and the evidence.

Grouping and naming are pure functions of the names (`normalize.orgs`); what
this adds is what only the Doc knows: which mentions the model, a cue or a
defined acronym vouched for (`doc.spans["org_evidence"]`). A reviewer filters
on `evidence` ("only the model said so") and joins on `key` across articles.
An article is processed in pieces, so the mentions are taken from each
piece's Doc (`org_mentions`) and grouped once the article is complete
(`organizations_from`).
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc

from pipeline.nlp.organizations.merge import EVIDENCE
from pipeline.normalize.orgs import (
    OrgGroup,
    clean_name,
    display_name,
    fold_accents,
    group_mentions,
    is_acronym,
    name_key,
    org_key,
)
from pipeline.records import Mention, Organization


class OrgMention(NamedTuple):
    """One ORG entity: its text and offsets in the article, its gazetteer name, and what vouched for it."""

    text: str
    start: int
    end: int
    known: str | None
    kinds: frozenset[str]


def org_mentions(doc: Doc, offset: int = 0) -> list[OrgMention]:
    """The ORG entities of a processed Doc (a piece starting at `offset` of its article)."""
    vouched: dict[int, set[str]] = {}
    for span in doc.spans.get(EVIDENCE, []):
        for i in range(span.start, span.end):
            vouched.setdefault(i, set()).add(span.label_)
    return [OrgMention(e.text, e.start_char + offset, e.end_char + offset, e.id_ or None,
                       _shared(frozenset(kind for i in range(e.start, e.end) for kind in vouched.get(i, ()))))
            for e in doc.ents if e.label_ == "ORG"]


_KINDS: dict[frozenset[str], frozenset[str]] = {}


def _shared(kinds: frozenset[str]) -> frozenset[str]:
    """One object per set of kinds (there are a few dozen): one long article keeps 300,000 mentions."""
    return _KINDS.setdefault(kinds, kinds)


def organizations_from(mentions: list[OrgMention], text: str) -> list[Organization]:
    """One record per organization of an article's ORG mentions, in order of first mention."""
    groups = group_mentions([(m.text, m.start, m.end, m.known) for m in mentions], text)
    by_start = {m.start: m for m in mentions}
    return [Organization(name=group.name, mentions=[Mention(text=t, start=s, end=e) for t, s, e in group.mentions],
                         key=org_key(group.name, group.canonical),
                         evidence=_evidence(group, [by_start[start] for _, start, _ in group.mentions]))
            for group in groups]


def _evidence(group: OrgGroup, mentions: list[OrgMention]) -> list[str]:
    """The kinds of evidence of any mention; 'gazetteer' when the organization is known by its gazetteer name,
    'legal_form' when a mention is written with one ("Inc."), 'alias' when a mention is another name for it (a
    short form or a tail: "Kress" of "Kress Automation") and 'acronym' when one is its acronym."""
    kinds = {kind for mention in mentions for kind in mention.kinds}
    if group.canonical:
        kinds.add("gazetteer")
    names = [clean_name(text) for text, _, _ in group.mentions]
    if any(display_name(name) != name for name in names):
        kinds.add("legal_form")
    keys = {fold_accents(name_key(text)) for text, _, _ in group.mentions if not is_acronym(clean_name(text))}
    if len(keys) > 1:
        kinds.add("alias")
    if any(is_acronym(text) for text, _, _ in group.mentions) and keys:
        kinds.add("acronym")
    return sorted(kinds)
