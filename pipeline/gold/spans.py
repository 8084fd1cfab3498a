"""Labelled spans <-> gold articles: the label mapping, and values filled by factwire's normalizers.

Annotation tools give text, offsets and a label; the gold format needs values
too. `to_gold` checks every span (label known, offsets inside the text and on
its text, no two spans of one label overlapping) and raises one `GoldError`
listing every bad span with its location. Values written in the source (span
attributes, Prodigy / Label Studio meta) win; missing ones come from the
normalizers: money from the amount and currency written, counts from the number
and the counted noun, dates from dateparser against the article's date,
organization names from the mentions' grouping. A span that cannot be
normalized is reported and kept as an ignore region, so a prediction there
counts neither way.

Label mapping (case-insensitive): ORG / ORGANIZATION / ORGANISATION -> ORG;
MONEY -> MONEY; COUNT -> COUNT; CARDINAL and QUANTITY -> COUNT when the span
holds a counted noun after the number or gives `item` (else an ignore region:
a bare number is not a count); DATE -> DATE; IGNORE -> an ignore region.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import ValidationError

from pipeline.gold.format import GoldArticle, GoldError, IgnoreRegion, granularity_of
from pipeline.normalize.dates import normalize_date
from pipeline.normalize.money import currency_table, money_amount
from pipeline.normalize.numbers import parse_number
from pipeline.normalize.orgs import group_mentions, name_key
from pipeline.normalize.qualifiers import qualifier
from pipeline.records import Article, Count, DateFact, Mention, Money, Organization
from pipeline.inputs.segment import describe_header

LABELS = ("ORG", "MONEY", "COUNT", "DATE")
IGNORE = "IGNORE"
LABEL_ALIASES = {"ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG", "MONEY": "MONEY", "COUNT": "COUNT",
                 "CARDINAL": "COUNT", "QUANTITY": "COUNT", "DATE": "DATE", IGNORE: IGNORE}
FACT_TYPE_OF = {"ORG": "organizations", "MONEY": "money", "COUNT": "counts", "DATE": "dates"}
VALUE_FIELDS = {"ORG": ("name",), "MONEY": tuple(f for f in Money.model_fields if f not in Mention.model_fields),
                "COUNT": tuple(f for f in Count.model_fields if f not in Mention.model_fields),
                "DATE": tuple(f for f in DateFact.model_fields if f not in Mention.model_fields), IGNORE: ("reason",)}
META_FIELDS = ("id", "path", "index", "title", "source", "published")
_ATTACHED_SYMBOL = re.compile(r"^([^\d\s-]+)(\d.*)$")


@dataclass(frozen=True)
class LabeledSpan:
    """One annotated stretch: offsets, label, the values the source gives, and where it was read."""

    start: int
    end: int
    label: str
    values: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    where: str = field(default="", compare=False)
    text: str | None = field(default=None, compare=False)


@dataclass
class AnnotatedText:
    """One document of an annotation file: text, spans, article metadata (id, published, ...), location."""

    text: str
    spans: list[LabeledSpan]
    meta: dict[str, Any]
    where: str


def values_of(label: str, attributes: dict[str, Any]) -> dict[str, Any]:
    """The value fields of `label` found among a source span's attributes."""
    return {k: attributes[k] for k in VALUE_FIELDS.get(LABEL_ALIASES.get(label.upper(), ""), ()) if k in attributes}


def to_spans(article: Article) -> list[LabeledSpan]:
    """Every fact of an article (and a gold article's ignore regions) as labelled spans, in text order."""
    spans = [LabeledSpan(m.start, m.end, "ORG", {"name": org.name}, text=m.text)
             for org in article.organizations for m in org.mentions]
    for label in ("MONEY", "COUNT", "DATE"):
        spans += [LabeledSpan(f.start, f.end, label, f.model_dump(include=set(VALUE_FIELDS[label])), text=f.text)
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
    parsed = count_value(text)
    return bool(values.get("item")) or (parsed is not None and parsed[1] is not None)


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
        parsed = money_value(span.text)
        filled = dict(zip(("amount", "currency", "qualifier"), parsed)) if parsed else {}
        values = {**filled, **given}
        return Money(**mention, **values) if {"amount", "currency"} <= values.keys() else None
    if span.label == "COUNT":
        parsed = count_value(span.text)
        filled = dict(zip(("value", "item_text", "qualifier"), parsed)) if parsed else {}
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


def _words(text: str) -> list[str]:
    """Words of an amount, a currency symbol glued to its number split off ("US$40" -> "US$", "40")."""
    words = []
    for word in text.split():
        glued = _ATTACHED_SYMBOL.match(word)
        words += [glued.group(1), glued.group(2)] if glued and currency_table().lookup(glued.group(1)) else [word]
    return words


def _qualified(words: list[str]) -> list[tuple[str | None, list[str]]]:
    """(qualifier, rest) for no qualifier and for every leading qualifier phrase of the words."""
    readings: list[tuple[str | None, list[str]]] = [(None, words)]
    for size in (1, 2, 3):
        found = qualifier([w.lower() for w in words[:size]]) if len(words) > size else None
        if found:
            readings.append((found, words[size:]))
    return readings


def money_value(text: str) -> tuple[str, str, str | None] | None:
    """(amount, ISO currency, qualifier) of a money span, or None.

    >>> money_value("US$40 billion"), money_value("7.9 billion yuan"), money_value("more than $5m")
    (('40000000000', 'USD', None), ('7900000000', 'CNY', None), ('5000000', 'USD', 'over'))
    >>> money_value("26 cents"), money_value("$99 (USD")
    (('0.26', 'USD', None), None)
    """
    table = currency_table()
    for hedge, words in _qualified(_words(text)):
        for cut in range(1, len(words)):
            left, right = " ".join(words[:cut]), " ".join(words[cut:])
            for form, number in ((left, right), (right, left)):
                currency = table.lookup(form)
                amount = money_amount(number, currency) if currency else None
                if amount is not None:
                    return amount, currency.code, hedge
    return None


def count_value(text: str) -> tuple[int | float, str | None, str | None] | None:
    """(value, counted phrase or None, qualifier) of a count span, the longest number first, or None.

    >>> count_value("nearly 3,500 retail stores"), count_value("two"), count_value("jobs")
    ((3500, 'retail stores', 'nearly'), (2, None, None), None)
    """
    for hedge, words in _qualified(text.split()):
        for cut in range(len(words), 0, -1):
            number = parse_number(" ".join(words[:cut]))
            if number is not None:
                value = int(number) if number == number.to_integral_value() else float(number)
                return value, " ".join(words[cut:]) or None, hedge
    return None


@cache
def parsing_model():
    """The bare model without its entity recognizer: lemmas and parses for reading counted nouns."""
    import spacy

    from pipeline.nlp.load import model_name
    return spacy.load(model_name(), exclude=["ner"])


def item_lemma(item_text: str) -> str:
    """Lemma of the counted head noun (the last noun of the counted phrase), lower case."""
    doc = parsing_model()(item_text)
    nouns = [t for t in doc if t.pos_ in ("NOUN", "PROPN")] or list(doc)
    return nouns[-1].lemma_.lower()


def same_value(label: str, gold: dict[str, Any], predicted: dict[str, Any], gold_text: str, predicted_text: str) -> bool:
    """Whether a matched prediction has the gold value: amount + currency, value (+ item when gold has one),
    ISO date, or an organization name equal (by grouping key) to the other's name or text."""
    if label == "MONEY":
        return Decimal(gold["amount"]) == Decimal(predicted["amount"]) and gold["currency"] == predicted["currency"]
    if label == "COUNT":
        return Decimal(str(gold["value"])) == Decimal(str(predicted["value"])) \
            and gold.get("item") in (None, predicted.get("item"))
    if label == "DATE":
        return gold["value"] == predicted["value"]
    return bool({name_key(gold["name"]), name_key(gold_text)} & {name_key(predicted["name"]), name_key(predicted_text)})
