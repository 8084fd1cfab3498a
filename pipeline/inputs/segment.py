"""Split a file's text into articles and find each one's headline, dateline and source.

Pure text work, offsets kept: a file can hold several articles, each closed by
a "Source: <outlet>" line; an article opens with short headline lines (a
kicker, the headline) and maybe a dateline before its body.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import accumulate

from pipeline.inputs.datelines import dateline_line, is_byline, opening_dateline
from pipeline.normalize.dates import normalize_date

# the outlet runs to the line's last character that is not a space or tab; written greedy, not lazy, so that a
# long run of spaces is scanned once rather than once per character before it
_SOURCE_LINE = re.compile(r"^[ \t]*Source:[ \t]*(?P<source>\S(?:[^\n]*[^ \t\n])?)[ \t]*$", re.MULTILINE)
# credit lines: metadata wherever they stand; right after a "Source:" line they still close that article
_CREDIT = r"[ \t]*(?:Editor|Editors|Edited by|Reporter|Reporting by|Writing by|Translated by|Photo)[ \t]*:[ \t]*\S[^\n]*"
_CREDIT_LINE = re.compile(rf"^{_CREDIT}$", re.MULTILINE)
_CLOSING = re.compile(rf"{_SOURCE_LINE.pattern}(?:\n(?:[ \t]*\n)*{_CREDIT}$)*", re.MULTILINE)
_LINE = re.compile(r"[^\n]*")
_BODY_END = re.compile(r"[.!?:;,…\"”’)]$")
MAX_HEADLINE_CHARS = 200
MAX_HEADER_LINES = 4


@dataclass(frozen=True)
class Header:
    """An article's metadata, from reading to record: headline, outlet, publication date, and the stretches of
    its text that are metadata (datelines, "Source:" and credit lines), where no fact is taken."""

    title: str | None = None
    source: str | None = None
    published: str | None = None
    metadata_ranges: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Piece:
    """One article of a file's text: where it starts and ends, and its header (ranges relative to `start`)."""

    start: int
    end: int
    header: Header


def split_articles(text: str) -> list[Piece]:
    """Articles of a file, in order; blank stretches give none.

    >>> raw = "Kicker\\n\\nBig headline\\n\\nBody one.\\n\\nSource: A.com\\n\\nSecond title\\n\\nBody two.\\n\\nSource: B.com"
    >>> [(raw[a.start:a.end], a.header.title, a.header.source) for a in split_articles(raw)]
    [('Kicker\\n\\nBig headline\\n\\nBody one.', 'Big headline', 'A.com'), ('Second title\\n\\nBody two.', 'Second title', 'B.com')]
    >>> raw = "Title one\\n\\nBody one.\\nSource: Xinhua\\nEditor: Liu Wei\\n\\nTitle two\\n\\nBody two.\\nSource: Xinhua"
    >>> [(a.header.title, a.header.source) for a in split_articles(raw)]
    [('Title one', 'Xinhua'), ('Title two', 'Xinhua')]
    """
    articles = []
    position = 0
    chunks = []
    for match in _CLOSING.finditer(text):
        chunks.append((position, match.start(), match.group("source")))
        position = match.end()
    chunks.append((position, len(text), None))
    for start, end, source in chunks:
        body = text[start:end]
        if not body.strip():
            continue
        start += len(body) - len(body.lstrip())
        end -= len(body) - len(body.rstrip())
        header = describe_header(text[start:end])
        articles.append(Piece(start, end, replace(header, source=source or header.source)))
    return articles


def describe_header(text: str) -> Header:
    """Headline, dateline and metadata ranges of one article's text (offsets relative to it).

    >>> h = describe_header("Irish mobile rate hits 94%\\n2005-03-18\\n\\nAccording to a report, rates rose.")
    >>> h.title, h.published, h.metadata_ranges
    ('Irish mobile rate hits 94%', '2005-03-18', ((27, 37),))
    >>> describe_header("Shares rose 5% on Monday. Apple said so.").title is None
    True
    >>> describe_header("Apple rose.\\nSource: Reuters.com").source
    'Reuters.com'
    >>> describe_header("HONG KONG, June 12 (Reuters) - Huarun Land said it would sell assets.").metadata_ranges
    ((0, 31),)
    >>> h = describe_header("EU rejects German call to boycott British lamb .\\nLONDON 1996-08-22\\nThe European Commission said")
    >>> h.title, h.published, h.metadata_ranges
    ('EU rejects German call to boycott British lamb .', '1996-08-22', ((49, 66),))
    >>> h = describe_header("Shops to Close\\nBy Jane Doe, City Editor\\n\\nLONDON, March 5, 2024 (Reuters) - Acme plc said")
    >>> h.title, h.published, h.source, h.metadata_ranges
    ('Shops to Close', '2024-03-05', 'Reuters', ((15, 39), (41, 75)))
    """
    title = published = agency = None
    ranges: list[tuple[int, int]] = []
    header_lines, dated = 0, False
    lines = _first_lines(text)
    for number, match in enumerate(lines):
        line = match.group().strip()
        own = dateline_line(match.group())
        if own is not None or re.fullmatch(_CREDIT, line) or header_lines < MAX_HEADER_LINES and is_byline(line):
            ranges.append(match.span())  # "LONDON 1996-08-30", "Editor: Liu Wei", "By Jane Doe, City Editor"
            published = published or (own.published if own is not None else None)
            dated = dated or own is not None  # the body follows a dateline line
            continue
        dateline = opening_dateline(text, match.start())  # the body opens with it: metadata, not facts
        if dateline is not None:
            ranges.append((dateline.start, dateline.end))
            published, agency = published or dateline.published, dateline.source
            break
        if dated or header_lines >= MAX_HEADER_LINES or len(line) > MAX_HEADLINE_CHARS or _BODY_END.search(line):
            if header_lines == 0 and number + 1 < len(lines) and dateline_line(lines[number + 1].group()):
                title, header_lines = line, 1  # a headline ending in a full stop, above a dateline line
                continue
            break
        header_lines += 1
        date = normalize_date(line) if len(line) <= 40 else None
        if date is not None and date[1] in {"day", "month"}:
            published = date[0]
            ranges.append(match.span())
        else:
            title = line
    sources = list(_SOURCE_LINE.finditer(text))  # a "Source:" line inside the text is metadata too
    ranges += [m.span() for m in sources] + [m.span() for m in _CREDIT_LINE.finditer(text)]
    source = sources[-1].group("source") if sources else agency
    return Header(title, source, published, tuple(sorted(set(ranges))))


def _first_lines(text: str) -> list[re.Match]:
    """The first non-blank lines of a text, as many as a header and the line after it can take."""
    found = []
    for match in _LINE.finditer(text):
        if match.group().strip():
            found.append(match)
            if len(found) > 2 * MAX_HEADER_LINES:
                break
    return found


def outside_ranges(ranges: tuple[tuple[int, int], ...]) -> Callable[[int], bool]:
    """Whether an offset lies outside every (start, end) range: a binary search over the ranges' starts, since
    an article may have as many metadata ranges as lines."""
    ordered = sorted(ranges)
    starts = [start for start, _ in ordered]
    reach = list(accumulate((end for _, end in ordered), max))  # the furthest end among the ranges so far

    def outside(offset: int) -> bool:
        k = bisect_right(starts, offset)
        return k == 0 or reach[k - 1] <= offset

    return outside
