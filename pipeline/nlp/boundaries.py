"""Lines and entity boundaries: news never runs a name across a line break, and headlines are lines of their own.

The `factwire_boundaries` component splits model entities at line breaks
(en_core_web_sm merges "Xinhuanet.com\n\nRichemont" into one ORG); the line
helpers serve every later rule that must stop at a line end (organization
names, counted nouns) and the headline check of the organizations room.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans


def ends_line(token: Token) -> bool:
    """Whether a line break is in or right after the token."""
    return "\n" in token.text or "\n" in token.whitespace_


def split_at_line_breaks(doc: Doc, spans: Iterable[Span]) -> list[Span]:
    """Cut spans at line breaks and trim blank or punctuation edges.

    The small model happily merges "Xinhuanet.com\\n\\nRichemont" into one ORG;
    a name never runs across a line break in news text.
    """
    pieces: list[Span] = []
    for span in spans:
        start = span.start
        for token in span:
            last_of_piece = token.i == span.end - 1 or ends_line(token)
            if not last_of_piece:
                continue
            end = token.i + 1
            while start < end and (doc[start].is_space or doc[start].is_punct and doc[start].text not in "&$"):
                start += 1
            while end > start and (doc[end - 1].is_space or doc[end - 1].text in {",", ";", ":", "(", "-", "—"}):
                end -= 1
            if end > start:
                pieces.append(Span(doc, start, end, label=span.label, kb_id=span.kb_id, span_id=span.id))
            start = token.i + 1
    return pieces


def line_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the text's lines (a line ends with a token followed by a line break)."""
    lines, start = [], 0
    for token in doc:
        if ends_line(token):
            lines.append((start, token.i + 1))
            start = token.i + 1
    if start < len(doc):
        lines.append((start, len(doc)))
    return lines


def title_case_lines(doc: Doc, lines: list[tuple[int, int]], small_words: frozenset[str]) -> set[tuple[int, int]]:
    """Lines written in Title Case or capitals: at least three words besides small ones, nearly all capitalized."""
    found = set()
    for start, end in lines:
        words = [t for t in doc[start:end] if t.is_alpha and t.lower_ not in small_words]
        capitalized = sum(1 for t in words if t.text[0].isupper())
        if len(words) >= 3 and capitalized >= 0.8 * len(words):
            found.add((start, end))
    return found


class EntityBoundaries:
    """Split model entities at line breaks, so no entity crosses a paragraph or article."""

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = filter_spans(split_at_line_breaks(doc, doc.ents))
        return doc


@Language.factory("factwire_boundaries")
def make_boundaries(nlp: Language, name: str) -> EntityBoundaries:
    return EntityBoundaries()
