"""The `factwire_dates` component: the model's DATE entities as ISO 8601 values at the granularity written.

dateparser reads only these spans, never a whole text (`pipeline.normalize.dates`).
One entity may hold several dates: both ends of a range ("from Sept. 14 to
Thursday", "between 2024 and 2028", "1957-58") or a period ended at a date
("the six months ended Sept. 30, 2023" gives the date). Relative dates
("Wednesday", "last year") are read against the publication date of the
article the Doc belongs to (`doc._.article`), and are left out when it is not
known; the parse gives what their words cannot:

- the tense and year of the clause (`date_clauses`): "was fired in August"
  is the latest August up to the article date, "agreed to meet Monday" the
  first Monday from it on, and "fiscal 2024, which ends in September" is
  September 2024;
- the period under discussion: the last quarter named before that had ended
  by the article date (what a results story reports; the same quarter a
  year back is its comparison, not a new topic), else the last date written
  before that is not itself read from another, for "a year earlier", "the
  year-ago quarter", "that year", "the quarter".

The day of a TIME entity ("Sunday night", "later today"), a holiday the model
calls an event ("Thanksgiving Day"), a "today", "FY24", weekday, holiday, month
and day or "the latest period" it left untagged, the "this" or "last" it left
out of "this year's", and a quarter or half written with its year in a
title-case headline ("Reports First Quarter 2024 Results") are dates too; of
"five months last year" only "last year" is. "As soon as" / "as early as" put a
date ahead. Not dates: four digits before a time zone ("0735 GMT"), a recurring
weekday ("each Thursday", "Monday nights"), a title ("This is VOA Today",
'"This Week"'), "today" as nowadays ("today's youth"). Each span in
`doc.spans["dates"]` carries its `DateHit` (`span._.date`).
"""

from __future__ import annotations

import re
from datetime import date

import numpy
from spacy.attrs import ENT_TYPE, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp.base import DateHit, OnDemandLemmas, doc_text, string_ids
from pipeline.nlp.date_clauses import clause_tense, in_year, year_of_clause
from pipeline.normalize.dates import date_parts, is_bare_month, normalize_date
from pipeline.normalize.relative_dates import ANAPHORIC, WEEKDAYS, is_holiday
from pipeline.patterns import load_json

DATES = "dates"  # the key of doc.spans
_RULES = load_json("date_rules.json")
_GENERIC_NOUNS = frozenset(_RULES["generic_today_nouns"])
_FUTURE_LEAD = re.compile(rf"\b(?:{'|'.join(map(re.escape, _RULES['future_leads']))})\s*$", re.IGNORECASE)
_FUTURE_TAIL = re.compile(rf"^,?\s*(?:{'|'.join(map(re.escape, _RULES['future_leads']))})\b", re.IGNORECASE)
_FUTURE_HEAD = re.compile(rf"^(?:{'|'.join(map(re.escape, _RULES['future_leads']))})\s+", re.IGNORECASE)
_RECURRENCE = frozenset(_RULES["recurrence_words"])
_TIME_ZONES = frozenset(_RULES["time_zones"])
_DAY_PARTS = "|".join(_RULES["day_parts"])
_DAY_OF_TIME = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)})(?:\s+(?:{_DAY_PARTS}))?\b", re.IGNORECASE)
_DAY_WORD_OF_TIME = re.compile(r"\b(?:(?:earlier|later|early|late)\s+)?(?:today|tonight|yesterday|tomorrow)\b",
                               re.IGNORECASE)
_DAY_WORD_IDS = string_ids({"today", "tonight"})
_PERIOD_UNITS = frozenset({"year", "quarter", "month", "week"})
_PLACING = frozenset({"this", "last", "next", "that"})
_MORE_THAN_A_WEEKDAY = re.compile(  # a number, a month, a recurrence or an ordinal: not just the weekday's words
    r"\d|\b(?:every|each|first|second|third|fourth|fifth|last|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)",
    re.IGNORECASE)
_JOINING_WORDS = frozenset({"and", "to", "through", "until", "till", "-", "–"})
_YEAR_IN = re.compile(r"\b(?:1[89]|20)\d\d\b")
_WEEKDAY_IDS = string_ids({day.title() for day in WEEKDAYS})
_HOLIDAY = re.compile(r"\b(?:(?:last|next|this)\s+)?(?:"
                      + "|".join(sorted((re.escape(name) for name in _RULES["holidays"]), key=len, reverse=True))
                      + r")\b", re.IGNORECASE)
_LATEST_PERIOD = re.compile(r"\b[Tt]he (?:latest|most recent) (?:fiscal )?(?:period|quarter)\b|"
                            r"\b(?:(?:[Ff]iscal|financial)[\s-])?(?:first|second|third|fourth)[\s-]quarter\b")
_MONTH_DAY = re.compile(r"\b(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.\s\d{1,2}\b(?!,? \d{4})|"
                        r"\b(?:January|February|March|April|June|July|August|September|October|November|December)"
                        r"\s\d{1,2}(?:st|nd|rd|th)?\b(?![,.]?\s?\d)")
_FISCAL_YEAR = re.compile(r"^FY'?(?:\d{2}|\d{4})$")
_FISCAL_YEAR_IN_TEXT = re.compile(r"FY'?(?:\d{4}|\d{2})(?!\d)")
_YEAR = r"(?:FY\s?'?\d{2}|(?:fiscal\s+)?(?:19|20)\d\d)"
_PERIOD_WITH_YEAR = re.compile(  # "First Quarter 2024", "Q1 2024", "2024 Q1", "H1 2024": a headline's period
    rf"\b(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?(?:quarter|half)(?:\s+of)?,?"
    rf"|[QH][1-4])\s+{_YEAR}\b|\b(?:19|20)\d\d\s+[QH][1-4]\b", re.IGNORECASE)


class DateFinder:
    """Normalize every DATE entity (or its dated parts) against the article's publication date and the clause."""

    def __init__(self, nlp: Language) -> None:
        self.lemma = OnDemandLemmas(nlp)

    def __call__(self, doc: Doc) -> Doc:
        base = publication_date(doc)
        found: list[tuple[Span, DateHit]] = []
        topic = quarter = None  # the period under discussion; the last ended quarter named, which results are about
        text = doc_text(doc)
        for ent in _date_spans(doc, text):
            if _in_a_name(ent) or _nowadays(ent):
                continue
            ent, ahead = _led_ahead(ent, text)
            tense = "future" if ahead else clause_tense(ent, self.lemma)
            year = year_of_clause(ent, self.lemma)
            for span, hit in self._dated_parts(doc, ent, base, tense, quarter or topic):
                hit = in_year(hit, year) if year and not re.search(r"\d{4}", span.text) else hit
                found.append((span, hit))
                if _sets_topic(span.text, hit) and not _compared(hit, quarter):
                    topic = hit.value
                    quarter = hit.value if hit.granularity == "quarter" and _ended(hit.value, base) else quarter
        doc.spans[DATES] = [span for span, _ in found]
        for span, (_, hit) in zip(doc.spans[DATES], found):
            span._.date = hit
        return doc

    @staticmethod
    def _dated_parts(doc: Doc, ent: Span, base: date | None, tense: str | None,
                     topic: str | None) -> list[tuple[Span, DateHit]]:
        """Date values of one entity: itself, or each date it holds."""
        found = []
        parts = date_parts(ent.text)
        for start, end, text in parts:
            span = doc.char_span(ent.start_char + start, ent.start_char + end, alignment_mode="expand")
            if span is None or (len(parts) > 1 and span.text != ent.text[start:end]):
                continue  # a part inside one token ("2024/25"): no span of its own
            normalized = normalize_date(text, base, tense=tense, topic=topic)
            day = _DAY_OF_TIME.search(text) if normalized is None and len(parts) == 1 and \
                not _MORE_THAN_A_WEEKDAY.search(text) else None
            if day is not None:  # "During the day Friday": the weekday the words around it do not change
                span = doc.char_span(ent.start_char + start + day.start(), ent.start_char + start + day.end())
                normalized = normalize_date(day.group(), base, tense=tense) if span is not None else None
            if normalized is not None:
                found.append((span, DateHit(*normalized)))
        return found


def _date_spans(doc: Doc, text: str) -> list[Span]:
    """What may name a date, in text order: DATE entities that are not clock times or recurrences, the day of a
    TIME entity ("the early hours of Thursday morning"), holidays the model calls events ("Thanksgiving Day"),
    and 'today' / 'tonight' / 'FY24' the model left out."""
    spans = _joined([_with_determiner(ent) for ent in doc.ents if ent.label_ == "DATE" and _is_date(ent)])
    for ent in doc.ents:
        day = _day_of_time(ent) if ent.label_ == "TIME" else None
        if day is not None:
            spans.append(doc.char_span(ent.start_char + day.start(), ent.start_char + day.end()))
        elif ent.label_ == "EVENT" and is_holiday(ent.text):
            spans.append(ent)
    words = set(_unlabelled(doc, LOWER, _DAY_WORD_IDS)) | set(_fiscal_years(doc, text))  # the model: "FY'24" an ORG
    spans += [doc[i:i + 1] for i in sorted(words)]
    spans += _dates_left_out(doc, text)
    periods = _periods_left_out(doc, text)
    spans = [span for span in spans if span is not None and not any(
        period.start <= span.start and span.end <= period.end for period in periods)] + periods
    return sorted(spans, key=lambda span: span.start)


def _joined(spans: list[Span]) -> list[Span]:
    """"between March and | May 2025", "August | and | September of 2004": a date the model ended on its joining
    word, or a month it split from the year written after the next one, is one expression with the date after it,
    so that both ends are read and share that year."""
    joined: list[Span] = []
    for span in spans:
        before = joined[-1] if joined else None
        gap = span.doc[before.end:span.start] if before is not None else None
        if gap is not None and (not gap and before[-1].lower_ in _JOINING_WORDS or len(gap) == 1 and gap.text in
                                _JOINING_WORDS and is_bare_month(before.text) and _YEAR_IN.search(span.text)):
            joined[-1] = span.doc[before.start:span.end]
        else:
            joined.append(span)
    return joined


def _unlabelled(doc: Doc, attr: int, words: numpy.ndarray) -> list[int]:
    """Where one of the words (their `string_ids`) stands outside every entity, read from the Doc's arrays."""
    table = doc.to_array([attr, ENT_TYPE])
    return numpy.flatnonzero(numpy.isin(table[:, 0], words) & (table[:, 1] == 0)).tolist()


def _fiscal_years(doc: Doc, text: str) -> list[int]:
    """Tokens written "FY24" / "FY'24" / "FY2024" that the model did not call a date."""
    found = []
    for match in _FISCAL_YEAR_IN_TEXT.finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1 and _FISCAL_YEAR.match(span.text) and span[0].ent_type_ != "DATE":
            found.append(span.start)
    return found


def _with_determiner(ent: Span) -> Span:
    """A period the model tagged without the word that places it: 'this' in "this year's election", 'last' in
    "last quarter's loss"."""
    before = ent.doc[ent.start - 1] if ent.start else None
    if before is not None and ent[0].lower_ in _PERIOD_UNITS and before.lower_ in _PLACING:
        return ent.doc[ent.start - 1:ent.end]
    return ent


def _dates_left_out(doc: Doc, text: str) -> list[Span]:
    """Dates the model tags as nothing: a weekday on its own ("resumed work Friday") or a holiday ("last
    Thanksgiving"), not in a name ("Black Friday", "A Christmas Carol"); "the latest period" of a results story or
    a quarter ("after a flat second quarter", where the model sees an ordinal); a month and day ("Aug. 7").
    Inside another entity a date is part of a name ("the September 11 attacks")."""
    spans = [doc[i:i + 1] for i in _unlabelled(doc, ORTH, _WEEKDAY_IDS)]
    spans = [span for span in spans if _is_date(span) and not _in_a_title(span)]
    for pattern in (_LATEST_PERIOD, _MONTH_DAY, _HOLIDAY):
        for match in pattern.finditer(text):
            span = doc.char_span(match.start(), match.end())
            if span is None or any(token.ent_type_ not in {"", "ORDINAL", "CARDINAL"} for token in span):
                continue
            if pattern is not _HOLIDAY or (span[-1].is_title and not _in_a_title(span)):
                spans.append(span)
    return spans


def _in_a_title(span: Span) -> bool:
    """Whether a capitalized word stands in a name: another capitalized word (not the sentence's first) before it,
    or one after it."""
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    named_before = before is not None and before.is_title and not before.is_sent_start and before.pos_ == "PROPN"
    return (span[0].is_title and named_before) or (
        after is not None and after.is_title and after.pos_ == "PROPN")


def _day_of_time(ent: Span) -> re.Match | None:
    """The day a TIME entity names: its weekday ("Sunday night", "9 a.m. Tuesday"), or 'today' / 'tonight' when
    no clock time goes with it ("later today"; "16:00 UTC today" is a time of day)."""
    day = _DAY_OF_TIME.search(ent.text)
    if day is None and not any(ch.isdigit() for ch in ent.text):
        day = _DAY_WORD_OF_TIME.search(ent.text)
    return day


def _periods_left_out(doc: Doc, text: str) -> list[Span]:
    """Quarters and halves written with their year that no DATE entity holds whole: in title-case headlines
    ("Reports First Quarter 2024 Financial Results") the model misses them or takes the year alone."""
    spans = []
    dates: list[Span] | None = None  # read once, at the first match: `doc.ents` builds a Span per entity each time
    for match in _PERIOD_WITH_YEAR.finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is None:
            continue
        if dates is None:
            dates = [ent for ent in doc.ents if ent.label_ == "DATE"]
        overlapping = [ent for ent in dates if ent.start < span.end and span.start < ent.end]
        if all(span.start <= ent.start and ent.end <= span.end and len(ent) < len(span) for ent in overlapping):
            spans.append(span)
    return spans


def _is_date(ent: Span) -> bool:
    """A DATE entity that is not a clock time ("0735 GMT") or a recurrence ("each Thursday", "Monday nights")."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if after is not None and after.text.upper() in _TIME_ZONES and ent.text[:1].isdigit():
        return False
    recurring = ent[0].lower_ in _RECURRENCE or (before is not None and before.lower_ in _RECURRENCE)
    plural = any(token.lower_[:-1] in WEEKDAYS for token in ent)  # "Mondays"
    nights = after is not None and after.lower_[:-1] in _DAY_PARTS.split("|") and after.lower_.endswith("s")
    weekday = any(token.lower_ in WEEKDAYS for token in ent)
    return not (plural or (weekday and (recurring or nights)))


def _led_ahead(ent: Span, text: str) -> tuple[Span, bool]:
    """'as soon as Tuesday', 'as early as next week', 'Friday at the earliest': ahead of the article date, whatever
    the tense of the clause ('officials said he could leave as early as Tuesday'). The date without the lead when
    the entity holds it, and whether it is led so."""
    head = _FUTURE_HEAD.match(ent.text)
    inner = ent.doc.char_span(ent.start_char + head.end(), ent.end_char) if head else None
    if inner is not None:
        return inner, True
    return ent, bool(_FUTURE_LEAD.search(text, max(0, ent.start_char - 20), ent.start_char)
                     or _FUTURE_TAIL.match(text[ent.end_char:ent.end_char + 20]))


def _nowadays(ent: Span) -> bool:
    """'today' or 'tomorrow' as an age, not a day: "today's youth", "many of today's computers", "the people of
    tomorrow"."""
    if ent.text.lower() not in {"today", "tomorrow", "today's", "tomorrow's"}:
        return False
    doc = ent.doc
    after = [token for token in doc[ent.end:ent.end + 4] if token.lower_ not in {"'s", "’s"}]
    noun = next((token for token in after if token.pos_ in {"NOUN", "PROPN"}), None)
    possessive = ent.end < len(doc) and doc[ent.end].lower_ in {"'s", "’s"}
    of_a_noun = ent.start > 1 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in _GENERIC_NOUNS
    return (possessive and noun is not None and noun.lower_ in _GENERIC_NOUNS) or of_a_noun


def _in_a_name(ent: Span) -> bool:
    """A capitalized 'Today' or 'This Week' after a name ('VOA Today') or quoted on its own: a title; a month
    opening a name ('the annual March for Life', 'the March of Dimes')."""
    first, doc = ent[0], ent.doc
    after = doc[ent.end:ent.end + 2]
    if len(ent) == 1 and len(after) == 2 and after[0].lower_ in ("for", "of") and after[1].is_title \
            and ent.start > 0 and doc[ent.start - 1].lower_ in ("the", "annual"):
        return True
    if not first.is_title or first.is_sent_start or first.lower_ not in {"today", "tonight", "tomorrow", "this"}:
        return False
    before = doc[ent.start - 1]
    after = doc[ent.end:ent.end + 2]
    quoted = before.is_quote and any(token.is_quote for token in after)
    return quoted or before.pos_ == "PROPN"


def _ended(quarter: str, base: date | None) -> bool:
    """Whether a quarter had ended by the article date: results are reported for those, plans name the others."""
    year, number = int(quarter[:4]), int(quarter[-1])
    return base is None or (year, number * 3) < (base.year, base.month)


def _compared(hit: DateHit, quarter: str | None) -> bool:
    """Whether a quarter is the one under discussion a year back ("compared with $349.7 million in the first
    quarter of 2023" in a story on the first quarter of 2024): a comparison, not a new topic."""
    return quarter is not None and hit.granularity == "quarter" and hit.value == f"{int(quarter[:4]) - 1}{quarter[4:]}"


def _sets_topic(text: str, hit: DateHit) -> bool:
    """Whether a date names the period under discussion: written in its own right, and not just a day of the
    week or 'today'."""
    if ANAPHORIC.search(text.lower()):
        return False
    return hit.granularity != "day" or any(ch.isdigit() for ch in text)


def publication_date(doc: Doc) -> date | None:
    """The date of the article the Doc belongs to, when it is known and valid."""
    article = doc._.article
    published = article.header.published if article is not None else None
    try:
        return date.fromisoformat(published) if published else None
    except ValueError:
        return None


@Language.factory("factwire_dates")
def make_dates(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp)
