"""Input formats: one file -> its articles (text plus header metadata); knows nothing of spaCy.

- `.txt` and `.md`: one or more articles, each closed by a "Source:" line;
  Markdown is first rendered to plain text by markdown-it-py (headings become
  headline lines, links their text, code and raw HTML are dropped).
- `.html` / `.htm`: one page; trafilatura extracts its main text (no menus,
  footers or comments), title, site name and publication date.
- `.json` (an object or a list of them) and `.jsonl` (one object per line):
  dumps whose text / title / date / source field names are configurable. A
  malformed or text-less record is reported with its line or number and the
  other records are still read.

A file's articles are made one at a time (`ArticleStream`): a dump of a
million records holds its text and one record at a time, not a million
articles.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pipeline.inputs.files import MAX_FILE_MB, UnreadableFile, read_text
from pipeline.inputs.segment import Header, describe_header, split_articles
from pipeline.normalize.dates import normalize_date

MAX_PROBLEMS_PER_FILE = 10


@dataclass(frozen=True)
class RecordFields:
    """Field names of an article in `.json` / `.jsonl` dumps."""

    text: str = "text"
    title: str = "title"
    date: str = "date"
    source: str = "source"


@dataclass(frozen=True)
class ReadOptions:
    """Which files are read and how: patterns left out (as in `.factwireignore`), the field names of JSON
    dumps, the size over which a file is refused, and the publication date of articles that give none
    (relative dates such as "last year" need one)."""

    exclude: tuple[str, ...] = ()
    fields: RecordFields = RecordFields()
    max_bytes: int | None = MAX_FILE_MB * 1_000_000
    published: str | None = None


@dataclass(frozen=True)
class SourceArticle:
    """One article as read: its id, the text every offset will point into, and its header.

    The id is `<path relative to the input root>#<n>`, n the 1-based article
    (or record, or line) number in the file; an article given as a string has
    no path.
    """

    id: str
    path: str | None
    index: int
    text: str
    header: Header
    encoding: str | None = None

    @classmethod
    def of_text(cls, text: str, id: str = "text#1", **given: str | None) -> SourceArticle:
        """A string as one article: its header read from the text, where `given` (title, source, published) is not."""
        header = describe_header(text)
        return cls(id, None, 1, text, replace(header, **{k: v or getattr(header, k) for k, v in given.items()}))


_Read = tuple[int, str, Header]  # what a format reader gives per article: its number, text and header


@dataclass(frozen=True)
class FileArticles:
    """What a file gave: its articles, its encoding, and the parts of it left out (with where and why)."""

    articles: list[SourceArticle]
    encoding: str
    problems: list[str]


class ArticleStream:
    """The articles of one file, by its suffix, made one at a time as they are iterated, their ids under
    `relative` (default: the file name). The file is read (UnreadableFile) when the stream is made; iterating
    raises UnreadableFile at the end when the file gave no article. `problems` holds, once iterated, the parts
    left out: at most MAX_PROBLEMS_PER_FILE, the last saying how many more there were."""

    def __init__(self, path: Path, relative: str | None = None, options: ReadOptions = ReadOptions()) -> None:
        self.text, self.encoding = read_text(path, options.max_bytes)
        self.reader = _READERS[path.suffix.lower()]
        self.relative, self.options = relative or path.name, options
        self.problems: list[str] = []
        self._more = 0  # problems past the limit, only counted: a dump's every bad line is not news

    def _problem(self, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS_PER_FILE - 1:
            self.problems.append(message)
        else:
            self._more += 1
            self._last = message

    def __iter__(self) -> Iterator[SourceArticle]:
        given, relative, count = self.options.published, self.relative, 0
        for index, body, header in self.reader(self.text, self.options.fields, self._problem):
            count += 1
            yield SourceArticle(f"{relative}#{index}", relative, index, body,
                                header if header.published or not given else replace(header, published=given),
                                self.encoding)
        self.text = ""  # read through: the file's text is not kept while later files are extracted
        total = len(self.problems) + self._more
        if self._more:
            self.problems.append(self._last if self._more == 1 else f"and {self._more} more like these")
        if not count:
            shown = self.problems if total <= 3 else [*self.problems[:2], f"and {total - 2} more like these"]
            raise UnreadableFile(f"no article text ({'; '.join(shown)})" if shown else "no article text")


def read_articles(path: Path, relative: str | None = None, options: ReadOptions = ReadOptions()) -> FileArticles:
    """The articles of one file all at once (see `ArticleStream`); UnreadableFile when the file gives none."""
    stream = ArticleStream(path, relative, options)
    return FileArticles(list(stream), stream.encoding, stream.problems)


def _plain(text: str, fields: RecordFields, problem: Callable[[str], None]) -> Iterator[_Read]:
    for n, piece in enumerate(split_articles(text), start=1):
        yield n, text[piece.start:piece.end], piece.header


def _markdown(text: str, fields: RecordFields, problem: Callable[[str], None]) -> Iterator[_Read]:
    return _plain(markdown_to_text(text), fields, problem)


def markdown_to_text(source: str) -> str:
    """Markdown as plain text: one paragraph (or heading, or list item) per block, blocks apart by a blank line.

    >>> markdown_to_text("# Acme buys Foo\\n\\n*Acme Corp.* paid [$2 billion](http://x.com)\\nfor Foo.\\n\\n```\\ncode\\n```")
    'Acme buys Foo\\n\\nAcme Corp. paid $2 billion for Foo.'
    """
    from markdown_it import MarkdownIt  # imported on first use, as trafilatura is

    blocks = []
    for token in MarkdownIt("commonmark").parse(source):
        if token.type == "inline" and token.children is not None:
            pieces = []
            for child in token.children:
                if child.type in {"text", "code_inline"}:
                    pieces.append(child.content)
                elif child.type == "softbreak":
                    pieces.append(" ")  # a wrapped line, not a line break
                elif child.type == "hardbreak":
                    pieces.append("\n")
            blocks.append("".join(pieces).strip())
    return "\n\n".join(block for block in blocks if block)


def _html(text: str, fields: RecordFields, problem: Callable[[str], None]) -> list[_Read]:
    import trafilatura  # imported on first use: it loads lxml and its language data

    page = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, include_tables=False)
    body = (page.text or "").strip() if page is not None else ""
    if not body:
        problem("no main text found in the page")
        return []
    header = describe_header(body)
    return [(1, body, replace(header, title=page.title or header.title, source=page.sitename or page.hostname,
                              published=_iso_date(page.date) or header.published))]


def _json(text: str, fields: RecordFields, problem: Callable[[str], None]) -> Iterator[_Read]:
    try:
        data = _loads(text)
    except (ValueError, RecursionError) as err:  # nesting too deep is a RecursionError
        problem(f"invalid JSON: {_why(err)}")
        return
    records = data if isinstance(data, list) else [data]
    for n, record in enumerate(records, start=1):
        if (article := _record(n, record, fields, f"record {n}", problem)) is not None:
            yield article


def _jsonl(text: str, fields: RecordFields, problem: Callable[[str], None]) -> Iterator[_Read]:
    """One record per line, each parsed only when the one before has been taken."""
    for number, line in _numbered_lines(text):
        try:
            record = _loads(line)
        except (ValueError, RecursionError) as err:
            problem(f"line {number}: invalid JSON: {_why(err)}")
            continue
        if (article := _record(number, record, fields, f"line {number}", problem)) is not None:
            yield article


def _loads(text: str) -> Any:
    """JSON with integers read as Decimal: Python refuses to convert an integer of over 4,300 digits, and such a
    number in a field factwire does not read must not lose the record.

    >>> _loads('{"views": ' + "9" * 5000 + ', "text": "Acme hired 5 people."}')["text"]
    'Acme hired 5 people.'
    """
    return json.loads(text, parse_int=Decimal)


def _why(err: Exception) -> str:
    """A JSON error in one line; a RecursionError's own message does not say it was the JSON's nesting.

    >>> _why(RecursionError("maximum recursion depth exceeded"))
    'nested too deeply'
    """
    return "nested too deeply" if isinstance(err, RecursionError) else str(err)


def _numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    """The non-blank lines and their numbers, cut from the text one at a time (no list of a million lines).

    >>> list(_numbered_lines("a\\n\\n b\\nc"))
    [(1, 'a'), (3, ' b'), (4, 'c')]
    """
    start, number = 0, 1
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            yield number, text[start:end]
        start, number = end + 1, number + 1


def _record(index: int, record: Any, fields: RecordFields, where: str,
            problem: Callable[[str], None]) -> _Read | None:
    """One dumped record as an article; its number (record or line) is its index, so ids stay put."""
    if not isinstance(record, dict):
        problem(f"{where}: not a JSON object")
        return None
    text = record.get(fields.text)
    if not isinstance(text, str) or not text.strip():
        problem(f"{where}: no text in field {fields.text!r}")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    header = describe_header(text)
    title, source = record.get(fields.title), record.get(fields.source)
    return index, text, replace(header, title=title if isinstance(title, str) else header.title,
                                source=source if isinstance(source, str) else header.source,
                                published=_iso_date(record.get(fields.date)) or header.published)


def _iso_date(value: Any) -> str | None:
    """A publication date as YYYY-MM-DD, from ISO dates and timestamps or a written date ("May 1, 2024").

    >>> _iso_date("2024-05-01T10:00:00Z"), _iso_date("May 1, 2024"), _iso_date("soon"), _iso_date(None)
    ('2024-05-01', '2024-05-01', None, None)
    """
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        parsed = normalize_date(value)
        return parsed[0] if parsed is not None and parsed[1] == "day" else None


_READERS: dict[str, Callable[[str, RecordFields, Callable[[str], None]], Iterable[_Read]]] = {
    ".txt": _plain, ".md": _markdown, ".markdown": _markdown, ".html": _html, ".htm": _html,
    ".json": _json, ".jsonl": _jsonl,
}