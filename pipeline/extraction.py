"""The library's entry points, and the last stage of the data flow: processed Doc -> validated Article.

`extract` (one string), `extract_texts` (many) and `extract_folder` (files)
all end in `articles_of`: every `SourceArticle` becomes a Doc through
`nlp.pipe` (with the article on `doc._.article`, so relative dates have their
anchor), and every Doc an `Article` whose facts are the components' hits
(`pipeline.nlp.base`) minus those inside the article's metadata (datelines,
"Source:" lines), with organization mentions grouped into organizations.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import accumulate, islice
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.inputs.files import Skipped
from pipeline.inputs.formats import ReadOptions, SourceArticle
from pipeline.inputs.pieces import PIECE_CHARS, split_long
from pipeline.nlp.base import CountHit, DateHit, MoneyHit
from pipeline.nlp.counts import COUNTS
from pipeline.nlp.dates import DATES
from pipeline.nlp.loader import load
from pipeline.nlp.money import MONEY
from pipeline.normalize.orgs import group_mentions
from pipeline.records import Article, Count, DateFact, Mention, Money, Organization

if TYPE_CHECKING:
    from pipeline.batch.engines import Engine

log = logging.getLogger(__name__)
BATCH_SIZE = 32
ARTICLES_PER_ZONE = 256


def extract(text: str, *, id: str = "text#1", title: str | None = None, source: str | None = None,
            published: str | None = None, model: str | None = None) -> Article:
    """Extract the facts of one article given as a string; offsets point into `text` as given.

    Headline and dateline are read from the text when not passed. A blank
    text ("") is an article without facts. A failure inside the pipeline is
    raised as `ExtractionError` naming the article and the cause.
    """
    article = SourceArticle.of_text(text, id, title=title, source=source, published=published)
    return next(articles_of(load(model), [article]))


def extract_texts(texts: Iterable[tuple[str, str]], *, model: str | None = None, batch_size: int = BATCH_SIZE,
                  on_error: Callable[[ExtractionError], None] | None = None) -> Iterator[Article]:
    """Extract many (text, id) pairs through `nlp.pipe`; each text is one article, as in `extract`.

    A text whose extraction fails is left out and passed to `on_error` (logged
    by default) as an `ExtractionError`; the others are still extracted.
    """
    report = on_error or (lambda err: log.warning("%s", err))
    yield from articles_of(load(model), (SourceArticle.of_text(text, article_id) for text, article_id in texts),
                           batch_size, on_error=report)


def extract_folder(*paths: str | Path, model: str | None = None, batch_size: int = BATCH_SIZE,
                   on_skip: Callable[[Skipped], None] | None = None, workers: int = 1,
                   options: ReadOptions = ReadOptions(), engine: Engine | None = None) -> Iterator[Article]:
    """Extract every article of every readable file under `paths`, in file order.

    Files that cannot be read or decoded (and malformed records of JSON dumps)
    are passed to `on_skip` (logged by default) and left out; so is an article
    whose extraction fails; everything else is still processed. With `workers`
    > 1, files are shared among that many processes, each loading the model
    once; `engine` runs them elsewhere (a Dask cluster). `options` says which
    files to leave out, how JSON dumps name their fields and how large a file
    may be.
    """
    from pipeline.batch.engines import Engine  # the batch room runs files; it builds on this module
    from pipeline.batch.work import extract_paths

    yield from extract_paths(paths, model=model, batch_size=batch_size, on_skip=on_skip, options=options,
                             engine=engine or Engine(workers=workers))


def articles_of(nlp: Language, sources: Iterable[SourceArticle], batch_size: int = BATCH_SIZE,
                on_error: Callable[[ExtractionError], None] | None = None) -> Iterator[Article]:
    """Run articles through `nlp.pipe` and build their records, in order.

    Each article goes in pieces of at most `PIECE_CHARS` characters
    (`pipeline.inputs.pieces`: cut at a paragraph, line or sentence end), and
    only the facts of a piece are kept once it is processed, so time and
    memory follow the piece, not the article; offsets still point into the
    whole article. Texts go in groups of `ARTICLES_PER_ZONE`, each inside
    `nlp.memory_zone()`, which frees the strings and lexemes its texts added.
    An article whose extraction fails is passed to `on_error` and left out
    (without `on_error` the error is raised); the others are not affected.
    """
    group: list[SourceArticle] = []
    for source in sources:
        group.append(source)
        if len(group) == ARTICLES_PER_ZONE:
            with nlp.memory_zone():
                yield from _group_articles(nlp, group, batch_size, on_error)
            group = []
    if group:
        with nlp.memory_zone():
            yield from _group_articles(nlp, group, batch_size, on_error)


_WORD_CHARACTER = re.compile(r"[^\W_]")  # a piece without a letter or digit ("$$$$", "((((") holds no fact: not parsed


def _group_articles(nlp: Language, sources: list[SourceArticle], batch_size: int,
                    on_error: Callable[[ExtractionError], None] | None) -> Iterator[Article]:
    """The records of a group of articles, each as soon as its last piece is processed (a blank text has none)."""
    limit = min(nlp.max_length, PIECE_CHARS)
    pieces = [(n, start, end) for n, source in enumerate(sources) if source.text.strip()
              for start, end in split_long(source.text, limit) if _WORD_CHARACTER.search(source.text, start, end)]
    per_article = Counter(n for n, _, _ in pieces)
    processed = _processed(nlp, sources, pieces, batch_size)
    for n, source in enumerate(sources):
        facts = _PieceFacts()
        for (_, start, _), doc in islice(processed, per_article[n]):
            facts.take(doc, start)
        try:
            article = facts.article(source)
        except Exception as err:  # noqa: BLE001 - a failure inside one article is that article's error
            failure = ExtractionError(source.id, err, source.path)
            if on_error is None:
                raise failure from err
            on_error(failure)
            continue
        yield article


def _processed(nlp: Language, sources: list[SourceArticle], pieces: list[tuple[int, int, int]],
               batch_size: int) -> Iterator[tuple[tuple[int, int, int], Doc | Exception]]:
    """Each piece with its processed Doc, in order, a batch at a time; when a batch fails, its pieces are run
    one by one, so only the piece that fails gives its exception."""
    for batch in _batches(pieces, batch_size):
        try:
            docs = list(nlp.pipe((_piece_doc(nlp, sources[n], start, end) for n, start, end in batch),
                                 batch_size=batch_size))
        except Exception:  # noqa: BLE001 - find the piece that fails
            docs = [_alone(nlp, sources[n], start, end) for n, start, end in batch]
        yield from zip(batch, docs)


def _batches(pieces: list[tuple[int, int, int]], batch_size: int) -> Iterator[list[tuple[int, int, int]]]:
    """Pieces in batches of at most `batch_size` pieces and `PIECE_CHARS` characters (one piece at least): the
    parser's memory follows the characters in flight, so ten 100,000-character pieces are never parsed together.

    >>> [len(b) for b in _batches([(0, 0, 60_000), (0, 60_000, 120_000), (1, 0, 10), (2, 0, 10)], 32)]
    [1, 3]
    """
    batch: list[tuple[int, int, int]] = []
    size = 0
    for piece in pieces:
        length = piece[2] - piece[1]
        if batch and (len(batch) == batch_size or size + length > PIECE_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += length
    if batch:
        yield batch


def _piece_doc(nlp: Language, source: SourceArticle, start: int, end: int) -> Doc:
    doc = nlp.make_doc(source.text[start:end])
    doc._.article = source
    return doc


def _alone(nlp: Language, source: SourceArticle, start: int, end: int) -> Doc | Exception:
    try:
        return nlp(_piece_doc(nlp, source, start, end))
    except Exception as err:  # noqa: BLE001
        return err


class ExtractionError(Exception):
    """The extraction of one article failed; `article_id` (and `path`) say which, the message why, in one line."""

    def __init__(self, article_id: str, cause: BaseException, path: str | None = None) -> None:
        self.article_id, self.path = article_id, path
        super().__init__(f"{article_id}: extraction failed: {one_line(cause)}")


def one_line(err: BaseException, limit: int = 200) -> str:
    """An exception as one short line: its type and the first `limit` characters of its message (a message may
    quote a 15,001-digit number).

    >>> one_line(ValueError("bad\\nvalue " + "9" * 300), 20)
    'ValueError: bad value 9999999999...'
    """
    reason = " ".join(str(err).split()) or "no message"
    return f"{type(err).__name__}: {reason[:limit] + '...' if len(reason) > limit else reason}"


@dataclass
class _PieceFacts:
    """The facts of an article's processed pieces, offsets into the whole article, until the article is built."""

    orgs: list[tuple[str, int, int, str | None]] = field(default_factory=list)
    money: list[tuple[dict, MoneyHit]] = field(default_factory=list)
    counts: list[tuple[dict, CountHit]] = field(default_factory=list)
    dates: list[tuple[dict, DateHit]] = field(default_factory=list)
    error: Exception | None = None

    def take(self, doc: Doc | Exception, offset: int) -> None:
        """Keep a processed piece's facts, or the first failure of the article's pieces."""
        if self.error is not None:
            return
        if isinstance(doc, Exception):
            self.error = doc
            return
        try:
            self._add(doc, offset)
        except Exception as err:  # noqa: BLE001
            self.error = err

    def _add(self, doc: Doc, offset: int) -> None:
        """A processed piece's facts (a money range's `related` index shifted past earlier pieces')."""
        shift = len(self.money)
        self.orgs += [(e.text, e.start_char + offset, e.end_char + offset, e.id_ or None)
                      for e in doc.ents if e.label_ == "ORG"]
        self.money += [(_mention(span, offset), hit if not shift or hit.related is None
                        else replace(hit, related=hit.related + shift))
                       for span in doc.spans.get(MONEY, []) if (hit := span._.money) is not None]
        self.counts += [(_mention(span, offset), hit) for span in doc.spans.get(COUNTS, [])
                        if (hit := span._.count) is not None]
        self.dates += [(_mention(span, offset), hit) for span in doc.spans.get(DATES, [])
                       if (hit := span._.date) is not None]

    def article(self, source: SourceArticle) -> Article:
        """The validated Article record: the facts outside the article's metadata (datelines, "Source:" lines);
        the pieces' failure, if any, is raised."""
        if self.error is not None:
            raise self.error
        outside = _outside(source.header.metadata_ranges)
        orgs = [m for m in self.orgs if outside(m[1])]
        groups = group_mentions(orgs, source.text)
        organizations = [Organization(name=g.name, mentions=[Mention(text=t, start=s, end=e) for t, s, e in g.mentions])
                         for g in groups]
        money = [Money(**at, amount=hit.amount, currency=hit.currency, currency_basis=hit.basis,
                       qualifier=hit.qualifier, per_unit=hit.per_unit, relation=hit.relation, related=hit.related)
                 for at, hit in self.money if outside(at["start"])]
        counts = [Count(**at, value=_number(hit.value), item=hit.item, item_text=hit.item_text,
                        qualifier=hit.qualifier) for at, hit in self.counts if outside(at["start"])]
        dates = [DateFact(**at, value=hit.value, granularity=hit.granularity)
                 for at, hit in self.dates if outside(at["start"])]
        header = source.header
        return Article(id=source.id, path=source.path, index=source.index, title=header.title, source=header.source,
                       published=header.published, encoding=source.encoding, text=source.text,
                       organizations=organizations, money=money, counts=counts, dates=dates)


def _outside(ranges: tuple[tuple[int, int], ...]) -> Callable[[int], bool]:
    """Whether an offset lies outside every (start, end) range: a binary search over the ranges' starts, since
    an article may have as many metadata ranges as lines."""
    ordered = sorted(ranges)
    starts = [start for start, _ in ordered]
    reach = list(accumulate((end for _, end in ordered), max))  # the furthest end among the ranges so far

    def outside(offset: int) -> bool:
        k = bisect_right(starts, offset)
        return k == 0 or reach[k - 1] <= offset

    return outside


def _mention(span: Span, offset: int) -> dict:
    return {"text": span.text, "start": span.start_char + offset, "end": span.end_char + offset}


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
