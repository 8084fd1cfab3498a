"""Labelled spans <-> gold articles: the label mapping, and values filled by factwire's normalizers and parse.

Annotation tools give text, offsets and a label; the gold format needs values
too. `to_gold` checks every span (label known, offsets inside the text and on
its text, no two spans of one label overlapping) and raises one `GoldError`
listing every bad span with its location. Values written in the source (span
attributes, Prodigy / Label Studio meta) win; missing ones come from the
normalizers (`read_money`, `read_count`): money from the amount and currency
written, counts from the number and the counted noun, dates from dateparser
against the article's date, organization names from the mentions' grouping.
The counted noun's lemma comes from factwire's own pipeline (`parse`, with
its tokenizer, and the lemmatizer asked per token as the extraction asks it),
so the process holds one model, not a second bare one. A span that cannot be
normalized is reported and kept as an ignore region, so a prediction there
counts neither way.

Label mapping (case-insensitive): ORG / ORGANIZATION / ORGANISATION -> ORG;
MONEY -> MONEY; COUNT -> COUNT; CARDINAL and QUANTITY -> COUNT when the span
holds a counted noun after the number or gives `item` (else an ignore region:
a bare number is not a count); DATE -> DATE; IGNORE -> an ignore region.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from typing import Any

from pydantic import ValidationError
from spacy.tokens import Doc, Token

from pipeline.gold.format import GoldArticle, GoldError, IgnoreRegion
from pipeline.inputs.segment import describe_header
from pipeline.nlp.base import OnDemandLemmas
from pipeline.nlp.loader import load
from pipeline.normalize.dates import granularity_of, normalize_date
from pipeline.normalize.money import read_money
from pipeline.normalize.numbers import read_count
from pipeline.normalize.orgs import group_mentions
from pipeline.records import Article, Count, DateFact, Mention, Money, Organization

LABELS = ("ORG", "MONEY", "COUNT", "DATE")
IGNORE = "IGNORE"
LABEL_ALIASES = {"ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG", "MONEY": "MONEY", "COUNT": "COUNT",
                 "CARDINAL": "COUNT", "QUANTITY": "COUNT", "DATE": "DATE", IGNORE: IGNORE}
FACT_TYPE_OF = {"ORG": "organizations", "MONEY": "money", "COUNT": "counts", "DATE": "dates"}
VALUE_FIELDS = {"ORG": ("name",), "MONEY": tuple(f for f in Money.model_fields if f not in Mention.model_fields),
                "COUNT": tuple(f for f in Count.model_fields if f not in Mention.model_fields),
                "DATE": tuple(f for f in DateFact.model_fields if f not in Mention.model_fields), IGNORE: ("reason",)}
META_FIELDS = ("id", "path", "index", "title", "source", "published")
#: The components of factwire's pipeline that tag and parse: what reading a counted noun needs.
PARSING_COMPONENTS = ("tok2vec", "tagger", "parser", "factwire_attributes")


@dataclass(frozen=True)
class LabeledSpan:
    """One annotated stretch: offsets, label, the values the source gives, and where it was read."""

    start: int
    end: int
    label: str
    values: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    where: str = field(default="", compare=False)
    text: str | None = field(default=None, compare=False)
    fact: Money | Count | DateFact | Organization | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Link:
    """One relation of an annotation file: the head's and the child's offsets, its label, where it was read."""

    head: tuple[int, int]
    child: tuple[int, int]
    label: str
    where: str


@dataclass
class AnnotatedText:
    """One document of an annotation file: text, spans, article metadata (id, published, ...), location, and
    its events as trigger spans and relations (`pipeline.gold.relations`)."""

    text: str
    spans: list[LabeledSpan]
    meta: dict[str, Any]
    where: str
    triggers: list[LabeledSpan] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def values_of(label: str, attributes: dict[str, Any]) -> dict[str, Any]:
    """The value fields of `label` found among a source span's attributes."""
    return {k: attributes[k] for k in VALUE_FIELDS.get(LABEL_ALIASES.get(label.upper(), ""), ()) if k in attributes}


def to_spans(article: Article) -> list[LabeledSpan]:
    """Every fact of an article (and a gold article's ignore regions) as labelled spans, in text order.

    Each span keeps the fact it stands for; an ORG span, its organization named by that one mention.
    """
    spans = [LabeledSpan(m.start, m.end, "ORG", {"name": org.name}, text=m.text,
                         fact=Organization(name=org.name, mentions=[m]))
             for org in article.organizations for m in org.mentions]
    for label in ("MONEY", "COUNT", "DATE"):
        spans += [LabeledSpan(f.start, f.end, label, f.model_dump(include=set(VALUE_FIELDS[label])), text=f.text, fact=f)
                  for f in getattr(article, FACT_TYPE_OF[label])]
    spans += [LabeledSpan(r.start, r.end, IGNORE, {"reason": r.reason}, text=article.text[r.start:r.end])
              for r in getattr(article, "ignore", [])]
    return sorted(spans, key=lambda s: (s.start, s.end, s.label))


def article_meta(article: Article) -> dict[str, Any]:
    """The article fields an export carries beside text and spans."""
    return {k: v for k in META_FIELDS if (v := getattr(article, k)) is not None}


def check_spans(doc: AnnotatedText) -> list[LabeledSpan]:
    """The spans with canonical labels; raises GoldError listing every unknown label, bad offset and overlap."""
    errors, good = [], []
    for span in doc.spans:
        label = LABEL_ALIASES.get(span.label.upper())
        if label is None:
            errors.append(f"{span.where}: unknown label {span.label!r} (known: {', '.join(LABEL_ALIASES)})")
        elif not 0 <= span.start < span.end <= len(doc.text):
            errors.append(f"{span.where}: {span.label} span {span.start}-{span.end} is outside the text "
                          f"(length {len(doc.text)})")
        elif span.text is not None and doc.text[span.start:span.end] != span.text:
            errors.append(f"{span.where}: {span.label} span {span.text!r} does not match "
                          f"text[{span.start}:{span.end}] = {doc.text[span.start:span.end]!r}")
        else:
            good.append((label, span))
    for label in {label for label, _ in good} - {IGNORE}:
        same = sorted((s for lab, s in good if lab == label), key=lambda s: (s.start, s.end))
        for before, after in zip(same, same[1:]):
            if after.start < before.end:
                errors.append(f"{after.where}: {label} spans overlap: {doc.text[before.start:before.end]!r} "
                              f"({before.start}-{before.end}) and {doc.text[after.start:after.end]!r} "
                              f"({after.start}-{after.end})")
    if errors:
        raise GoldError("\n".join(errors))
    checked = []
    for label, span in good:
        text = doc.text[span.start:span.end]
        if label == "COUNT" and span.label.upper() != "COUNT" and not _counted(span.values, text):
            label, span = IGNORE, LabeledSpan(span.start, span.end, IGNORE,
                                              {"reason": f"{span.label} without a counted noun"}, span.where)
        checked.append(LabeledSpan(span.start, span.end, label, span.values, span.where, text))
    return checked


def _counted(values: dict[str, Any], text: str) -> bool:
    """A CARDINAL / QUANTITY span is a count when it gives its item or writes a noun after its number."""
    parsed = read_count(text)
    return bool(values.get("item")) or (parsed is not None and parsed.item_text is not None)


def to_gold(doc: AnnotatedText, notes: list[str]) -> GoldArticle:
    """The gold article of an annotated document; spans that cannot be normalized are noted and ignored."""
    spans = check_spans(doc)
    header = describe_header(doc.text)
    published = doc.meta.get("published") or header.published
    base = date.fromisoformat(published[:10]) if published and len(published) >= 10 else None
    ignore = [IgnoreRegion(start=s.start, end=s.end, reason=s.values.get("reason", "ignored"))
              for s in spans if s.label == IGNORE]
    facts: dict[str, list] = {"MONEY": [], "COUNT": [], "DATE": []}
    errors = []
    for span in spans:
        if span.label not in facts:
            continue
        try:
            fact = _fact(span, base)
        except ValidationError as err:
            errors.append(f"{span.where}: {span.label} {span.text!r}: {err}")
            continue
        if fact is None:
            notes.append(f"{span.where}: cannot normalize {span.label} {span.text!r}: kept as an ignore region")
            ignore.append(IgnoreRegion(start=span.start, end=span.end, reason=f"{span.label} without a value"))
        else:
            facts[span.label].append(fact)
    if errors:
        raise GoldError("\n".join(errors))
    org_spans = [s for s in spans if s.label == "ORG"]
    groups = group_mentions([(s.text, s.start, s.end, s.values.get("name")) for s in org_spans], doc.text)
    organizations = [Organization(name=g.name, mentions=[Mention(text=t, start=s, end=e) for t, s, e in g.mentions])
                     for g in groups]
    meta = {k: doc.meta[k] for k in META_FIELDS if doc.meta.get(k) is not None}
    meta.setdefault("title", header.title)
    meta["published"] = published
    try:
        return GoldArticle(**meta, text=doc.text, organizations=organizations, money=facts["MONEY"],
                           counts=facts["COUNT"], dates=facts["DATE"], ignore=sorted(ignore, key=lambda r: r.start))
    except ValidationError as err:
        raise GoldError(f"{doc.where}: {err}") from err


def _fact(span: LabeledSpan, base: date | None) -> Money | Count | DateFact | None:
    """The record of one MONEY / COUNT / DATE span: given values first, normalizers for the rest."""
    mention = {"text": span.text, "start": span.start, "end": span.end}
    given = span.values
    if span.label == "MONEY":
        parsed = read_money(span.text)
        filled = asdict(parsed) if parsed else {}
        values = {**filled, **given}
        return Money(**mention, **values) if {"amount", "currency"} <= values.keys() else None
    if span.label == "COUNT":
        parsed = read_count(span.text)
        filled = asdict(parsed) if parsed else {}
        values = {**filled, **given}
        if "value" not in values:
            return None
        if "item" not in values:
            values["item"] = item_lemma(values["item_text"]) if values.get("item_text") else None
        values.setdefault("item_text", None)
        return Count(**mention, **values)
    value = given.get("value")
    if value is None:
        parsed = normalize_date(span.text, base)
        if parsed is None:
            return None
        return DateFact(**mention, value=parsed[0], granularity=given.get("granularity", parsed[1]))
    return DateFact(**mention, value=value, granularity=given.get("granularity", granularity_of(value)))


def parse(text: str, model: str | None = None) -> Doc:
    """The text tagged and parsed by factwire's own pipeline (its tokenizer, tagger, parser and attributes)."""
    nlp = load(model)
    return nlp(text, disable=[name for name in nlp.pipe_names if name not in PARSING_COMPONENTS])


@cache
def _lemmas(model: str | None) -> OnDemandLemmas:
    return OnDemandLemmas(load(model))


def lemma(token: Token, model: str | None = None) -> str:
    """A token's lemma in lower case, from the pipeline's lemmatizer (asked per token, as the extraction does)."""
    return _lemmas(model)(token).lower()


def item_lemma(item_text: str) -> str:
    """Lemma of the counted head noun (the last noun of the counted phrase), lower case."""
    doc = parse(item_text)
    nouns = [t for t in doc if t.pos_ in ("NOUN", "PROPN")] or list(doc)
    return lemma(nouns[-1])
