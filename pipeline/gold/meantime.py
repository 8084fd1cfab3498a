"""MEANTIME (NewsReader English, CC BY 4.0) -> the gold format: which of its annotations factwire is scored on.

Read from the aligned JSONL (one document per line, character offsets, the
source's labels; see tests/data/meantime/NOTICE.md). Choices, each so that a
prediction is scored only where MEANTIME says something about it:

- Only the headline, dateline and first sentences are annotated: the text
  after `annotated_end` is an ignore region.
- Spans nest (ORG marks full noun phrases, "Airbus parent EADS", with the
  names inside; MONEY marks "$381 million, or $0.67" and both amounts): only
  the innermost span of each label is kept.
- ORG: named by MEANTIME's `entity_name`. FIN spans (stock indices, funds) are ignore regions, and an
  ORG inside one is dropped: "Dow Jones" in "Dow Jones Industrial Average"
  counts neither way.
- MONEY: every MONEY span, its amount and currency read by factwire's money
  normalizer (MEANTIME gives no values); an unreadable one is ignored.
- DATE: the TIMEX3 value when it is a calendar value of the guidelines' forms
  (2008, 2008-03, 2008-03-01, 2009-Q1, 2008-W10); other values (PRESENT_REF,
  XXXX-XX-XX, seasons, FY2008) are vague dates by factwire's guidelines and
  ignored; the dateline's creation time is the article's `published`, and its
  span is ignored (datelines are metadata).
- COUNT: a QUANTITY whose number modifies a noun (factwire's own parse:
  `nummod` of a following noun on the same line) that is not a measure ("points",
  "mark", "inch") or a currency is a count of that noun; a QUANTITY with a
  measure or currency noun is not a count (a
  predicted count there is a false alarm); a QUANTITY with no counted noun
  ("3,700 in Germany", index levels "4907.20") is ignored. The span stays
  MEANTIME's, usually the number alone, so counts compare under the partial
  and type schemes, not strict.
- PER, LOC, PRO, PERCENT, DURATION, TIME, SET are not factwire's types and are
  not scored (an organization predicted on a product is a false alarm).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from pipeline.gold.spans import IGNORE, AnnotatedText, LabeledSpan, lemma, parse
from pipeline.normalize.money import currency_table

CALENDAR_VALUE = re.compile(r"^\d{4}(-(\d{2}(-\d{2})?|Q[1-4]|W\d{2}))?$")
MEASURE_NOUNS = frozenset({"point", "mark", "percent", "inch", "gb", "magnitude", "cent", "th", "level", "degree"})


def read_meantime(path: Path, notes: list[str]) -> Iterator[AnnotatedText]:
    """Each MEANTIME document as labelled spans (see the module docstring); `meta["split"]` keeps dev / test."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield _document(json.loads(line), f"{path}:{number}")


def _document(record: dict, where: str) -> AnnotatedText:
    text, end = record["text"], record["annotated_end"]
    annotated = _innermost([s for s in record["spans"] if s["end"] <= end and s["label"] != "FIN"])
    spans = [LabeledSpan(end, len(text), IGNORE, {"reason": "after MEANTIME's annotated region"}, where)] \
        if end < len(text) else []
    fin = [s for s in record["spans"] if s["end"] <= end and s["label"] == "FIN"]
    spans += [LabeledSpan(s["start"], s["end"], IGNORE, {"reason": "FIN: a stock index or fund"}, where) for s in fin]
    spans += _orgs(annotated, fin, where)
    spans += [LabeledSpan(s["start"], s["end"], "MONEY", {}, where) for s in annotated if s["label"] == "MONEY"]
    spans += [_date(s, where) for s in annotated if s["label"] == "DATE"]
    quantities = [s for s in annotated if s["label"] == "QUANTITY"]
    if quantities:
        doc = parse(text[:end])
        spans += [span for s in quantities if (span := _quantity(doc, s, where)) is not None]
    meta = {"id": record["id"], "title": record["title"], "published": record["date"], "split": record["split"]}
    return AnnotatedText(text, spans, meta, where)


def _innermost(spans: list[dict]) -> list[dict]:
    """One span per label and extent, and only those holding no other span of their label."""
    extents = {(s["label"], s["start"], s["end"]): s for s in spans}
    return [s for (label, start, end), s in extents.items()
            if not any(other == label and (a, b) != (start, end) and start <= a and b <= end for other, a, b in extents)]


def _orgs(spans: list[dict], fin: list[dict], where: str) -> list[LabeledSpan]:
    """ORG spans outside FIN spans, named by MEANTIME's entity_name."""
    return [LabeledSpan(s["start"], s["end"], "ORG", {"name": s["entity_name"]} if s.get("entity_name") else {}, where)
            for s in spans if s["label"] == "ORG" and not any(f["start"] < s["end"] and s["start"] < f["end"] for f in fin)]


def _date(span: dict, where: str) -> LabeledSpan:
    """A DATE with a calendar TIMEX3 value; the dateline and vague values become ignore regions."""
    if span.get("function_in_document") == "CREATION_TIME":
        return LabeledSpan(span["start"], span["end"], IGNORE, {"reason": "dateline: the article's published date"}, where)
    if not CALENDAR_VALUE.match(span["value"]):
        return LabeledSpan(span["start"], span["end"], IGNORE,
                           {"reason": f"DATE with TIMEX3 value {span['value']}: not a calendar date"}, where)
    return LabeledSpan(span["start"], span["end"], "DATE", {"value": span["value"]}, where)


def _quantity(doc, span: dict, where: str) -> LabeledSpan | None:
    """A count when the number modifies a countable noun after it; None for a measure; else an ignore region."""
    tokens = doc.char_span(span["start"], span["end"], alignment_mode="expand")
    root = tokens.root
    noun = root.head
    same_line = noun.i >= tokens.end and "\n" not in doc.text[tokens.end_char:noun.idx]
    if root.dep_ == "nummod" and same_line and noun.pos_ in ("NOUN", "PROPN"):
        item = lemma(noun)
        if item in MEASURE_NOUNS or currency_table().lookup(noun.text):
            return None
        item_text = doc.text[tokens.end_char:noun.idx + len(noun)].strip()
        return LabeledSpan(span["start"], span["end"], "COUNT", {"item": item, "item_text": item_text},
                           where)
    return LabeledSpan(span["start"], span["end"], IGNORE, {"reason": "QUANTITY without a counted noun"}, where)
