"""The `factwire_dates` component: the model's DATE entities as ISO 8601 values at the granularity written.

dateparser reads only these spans, never a whole text (`pipeline.normalize.dates`).
A year range ("between 2024 and 2028") gives both years; a longer
expression holding an explicit calendar date ("the six months ended Sept. 30,
2023") gives that date. Relative dates ("Wednesday", "last year") are read
against the publication date of the article the Doc belongs to
(`doc._.article`), and are left out when it is not known. Each span in
`doc.spans["dates"]` carries its `DateHit` (`span._.date`).
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp.base import DateHit
from pipeline.normalize.dates import calendar_date_in, normalize_date, years_in_range

DATES = "dates"  # the key of doc.spans


class DateFinder:
    """Normalize every DATE entity (or its dated parts) against the article's publication date."""

    def __call__(self, doc: Doc) -> Doc:
        base = publication_date(doc)
        found = [(span, hit) for ent in doc.ents if ent.label_ == "DATE" for span, hit in self._dated_parts(doc, ent, base)]
        doc.spans[DATES] = [span for span, _ in found]
        for span, (_, hit) in zip(doc.spans[DATES], found):
            span._.date = hit
        return doc

    @staticmethod
    def _dated_parts(doc: Doc, ent: Span, base: date | None) -> list[tuple[Span, DateHit]]:
        """Date values of one DATE entity: itself, its explicit calendar part, or both ends of a year range."""
        parts = [(ent.start_char + s, ent.start_char + e) for s, e in years_in_range(ent.text)]
        inner = calendar_date_in(ent.text)
        if not parts:  # "the year to March 31, 2024": the date is the explicit part
            parts = [(ent.start_char + inner[0], ent.start_char + inner[1])] if inner else [(ent.start_char, ent.end_char)]
        found = []
        for start, end in parts:
            span = doc.char_span(start, end, alignment_mode="expand")
            normalized = normalize_date(span.text, base)
            if normalized is not None:
                found.append((span, DateHit(*normalized)))
        return found


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
    return DateFinder()
