"""A Doc's organization entities as `Organization` records: mentions grouped, a key, and the evidence.

Grouping and naming are pure functions of the names (`normalize.orgs`); what
this adds is what only the Doc knows: which mentions the gazetteer, a legal
form, the model, a cue or a defined acronym vouched for. A reviewer filters
on `evidence` ("only the model said so") and joins on `key` across articles.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

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


def organizations_of(doc: Doc, org_spans: list[Span]) -> list[Organization]:
    """One record per organization of `org_spans` (the article's ORG entities), in order of first mention."""
    groups = group_mentions([(e.text, e.start_char, e.end_char, e.id_ or None) for e in org_spans], doc.text)
    by_start = {e.start_char: e for e in org_spans}
    vouched = _evidence_by_token(doc)
    records = []
    for group in groups:
        spans = [by_start[start] for _, start, _ in group.mentions]
        records.append(Organization(
            name=group.name, mentions=[Mention(text=t, start=s, end=e) for t, s, e in group.mentions],
            key=org_key(group.name, group.canonical), evidence=_evidence(group, spans, vouched)))
    return records


def _evidence_by_token(doc: Doc) -> dict[int, set[str]]:
    """What the organization component noted for each token: the model, a cue, a defined acronym."""
    kinds: dict[int, set[str]] = {}
    for span in doc.spans.get(EVIDENCE, []):
        for i in range(span.start, span.end):
            kinds.setdefault(i, set()).add(span.label_)
    return kinds


def _evidence(group: OrgGroup, spans: list[Span], vouched: dict[int, set[str]]) -> list[str]:
    """The kinds of evidence of any mention; 'gazetteer' when the organization is known by its gazetteer name,
    'legal_form' when a mention is written with one ("Inc."), 'alias' when a mention is another name for it (a
    short form or a tail: "Kress" of "Kress Automation") and 'acronym' when one is its acronym."""
    kinds = {kind for span in spans for i in range(span.start, span.end) for kind in vouched.get(i, ())}
    if group.canonical:
        kinds.add("gazetteer")
    names = [clean_name(text) for text, _, _ in group.mentions]
    if any(display_name(name) != name for name in names):
        kinds.add("legal_form")
    keys = {fold_accents(name_key(text)) for text, _, _ in group.mentions if not is_acronym(text.rstrip("'’s "))}
    if len(keys) > 1:
        kinds.add("alias")
    if any(is_acronym(text) for text, _, _ in group.mentions) and keys:
        kinds.add("acronym")
    return sorted(kinds)
