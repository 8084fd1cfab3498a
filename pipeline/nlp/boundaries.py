"""Lines and entity boundaries: news never runs a name across a line break, and headlines are lines of their own.

The `factwire_line_starts` component, before the parser, starts a sentence
where the layout does: after a blank line, at a list item ("- Revenue of
$412.6 million") and after a line that closes a sentence; the parser left to
itself runs a headline into the dateline below it and one list item into the
next. The `factwire_boundaries` component splits model entities at line
breaks (en_core_web_sm merges "Xinhuanet.com\n\nRichemont" into one ORG); the
line helpers serve every later rule that must stop at a line end
(organization names, counted nouns) and the headline check of the
organizations room.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy
from spacy.attrs import IDX, IS_ALPHA, IS_SPACE, LOWER, SHAPE
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.nlp.base import doc_text, header_ranges, string_ids

_LINE_BREAK = re.compile("\n")
LIST_MARKERS = frozenset({"-", "–", "—", "•", "*", "·", "▪"})
SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", "”", "\"", "’"})


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
    """Token ranges of the text's lines (a line ends with a token followed by a line break): each line break of the
    text is found in the token that holds it or before whose whitespace it stands, by its offset (no Token made)."""
    starts = doc.to_array(IDX)
    ends = sorted({int(i) for i in numpy.searchsorted(starts, [m.start() for m in _LINE_BREAK.finditer(doc_text(doc))],
                                                       side="right") - 1})
    lines, start = [], 0
    for last in ends:
        lines.append((start, last + 1))
        start = last + 1
    if start < len(doc):
        lines.append((start, len(doc)))
    return lines


def title_case_lines(doc: Doc, lines: list[tuple[int, int]], small_words: frozenset[str]) -> set[tuple[int, int]]:
    """Lines written in Title Case or capitals: at least three words besides small ones, all capitalized (one
    lower-case word allowed in a long line), not closed by a full stop after a lower-case word (a sentence), and not
    a row of names and numbers (a results table: "Hartford 4 BOSTON 2"), nor a reporter's sign-off."""
    found = set()
    for start, end in _lines_of_capitals(doc, lines, small_words):
        line = doc[start:end]
        words = [t for t in line if t.is_alpha and t.lower_ not in small_words]
        lowered = sum(1 for t in words if not t.text[0].isupper())
        sentence = len(line) > 1 and line[-1].text == "." and line[-2].is_lower
        scores = line[-1].like_num and sum(t.like_num and t.i > start and doc[t.i - 1].is_alpha
                                           and doc[t.i - 1].text[:1].isupper() for t in line) >= 2
        sign_off = line[0].text in {"--", "-", "—"}  # "-- Jim Ballantyne, London Newsroom +44 171 542 8062"
        if len(words) >= 3 and lowered <= (len(words) >= 8) and not sentence and not scores and not sign_off:
            found.add((start, end))
    return found


def _lines_of_capitals(doc: Doc, lines: list[tuple[int, int]], small_words: frozenset[str]) -> list[tuple[int, int]]:
    """The lines with three words or more besides small ones, at most one of them not capitalized: read from the
    Doc's arrays, so the Tokens of the article's body are never made (a line of prose fails at once)."""
    if not lines:
        return []
    shapes = doc.to_array(SHAPE)
    capital_shapes = [shape for shape in numpy.unique(shapes).tolist() if doc.vocab.strings[shape][:1] == "X"]
    words = doc.to_array(IS_ALPHA).astype(bool) & ~numpy.isin(doc.to_array(LOWER), string_ids(small_words))
    lowered = words & ~numpy.isin(shapes, numpy.array(capital_shapes, dtype="uint64"))
    word_sums = numpy.concatenate(([0], numpy.cumsum(words))).tolist()
    lowered_sums = numpy.concatenate(([0], numpy.cumsum(lowered))).tolist()
    return [(start, end) for start, end in lines
            if word_sums[end] - word_sums[start] >= 3 and lowered_sums[end] - lowered_sums[start] <= 1]


class LineStarts:
    """Mark the first word of a line as a sentence start when a blank line, a list marker or the end of a sentence
    above says so; other lines (a paragraph wrapped at a fixed width) are left to the parser."""

    def __call__(self, doc: Doc) -> Doc:
        words = numpy.flatnonzero(doc.to_array(IS_SPACE) == 0)  # the tokens that are not whitespace
        if not len(words):
            return doc
        starts = doc.to_array(IDX)[words]
        breaks = [m.start() for m in _LINE_BREAK.finditer(doc_text(doc))]
        after, counts = numpy.unique(numpy.searchsorted(starts, breaks), return_counts=True)  # the word after each
        for k, count in zip(after.tolist(), counts.tolist()):
            if 0 < k < len(words):
                token, previous = doc[int(words[k])], doc[int(words[k - 1])]
                if count > 1 or token.text in LIST_MARKERS or previous.text[-1] in SENTENCE_ENDS:
                    token.is_sent_start = True
        # the body after a dateline ("SEOUL, Dec. 5, 2023 (Bloomberg) - Hanwha Ocean won"): left to itself, the
        # parser makes the city the subject and the company its apposition
        for _, end in header_ranges(doc):
            k = int(numpy.searchsorted(starts, end))
            if 0 < k < len(words):
                doc[int(words[k])].is_sent_start = True
        return doc


@Language.factory("factwire_line_starts")
def make_line_starts(nlp: Language, name: str) -> LineStarts:
    return LineStarts()


class EntityBoundaries:
    """Split model entities at line breaks, so no entity crosses a paragraph or article."""

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = filter_spans(split_at_line_breaks(doc, doc.ents))
        return doc


@Language.factory("factwire_boundaries")
def make_boundaries(nlp: Language, name: str) -> EntityBoundaries:
    return EntityBoundaries()
