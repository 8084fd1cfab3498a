"""The library's entry points, and the last stage of the data flow: processed Doc -> validated Article.

`extract` (one string), `extract_texts` (many) and `extract_folder` (files)
all end in `articles_of`: every `SourceArticle` becomes a Doc through
`nlp.pipe` (with the article on `doc._.article`, so relative dates have their
anchor), and every Doc an `Article` whose facts are the components' hits
(`pipeline.nlp.base`) minus those inside the article's metadata (datelines,
"Source:" lines), with organization mentions grouped into organizations, and
whose events refer to those facts by their place in the record's lists.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakSet

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.inputs.files import Skipped
from pipeline.inputs.formats import ReadOptions, SourceArticle
from pipeline.inputs.pieces import PIECE_CHARS, split_long
from pipeline.nlp.loader import load, one_blas_thread
from pipeline.piece_facts import PieceFacts
from pipeline.records import Article

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
                   options: ReadOptions = ReadOptions(), engine: Engine | None = None,
                   outputs: Iterable[Path] = ()) -> Iterator[Article]:
    """Extract every article of every readable file under `paths`, in file order.

    Files that cannot be read or decoded (and malformed records of JSON dumps)
    are passed to `on_skip` (logged by default) and left out; so is an article
    whose extraction fails; everything else is still processed. With `workers`
    > 1, files are shared among that many processes, each loading the model
    once; `engine` runs them elsewhere (a Dask cluster). `options` says which
    files to leave out, how JSON dumps name their fields and how large a file
    may be. `outputs` are files the caller is writing: under an input folder, they are left out (and passed to
    `on_skip`), never read back as articles.
    """
    from pipeline.batch.engines import Engine  # the batch room runs files; it builds on this module
    from pipeline.batch.work import extract_paths

    yield from extract_paths(paths, model=model, batch_size=batch_size, on_skip=on_skip, options=options,
                             engine=engine or Engine(workers=workers), outputs=outputs)


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
            with _zone(nlp):
                yield from _group_articles(nlp, group, batch_size, on_error)
            group = []
    if group:
        with _zone(nlp):
            yield from _group_articles(nlp, group, batch_size, on_error)


_WARMED: WeakSet[Language] = WeakSet()  # the pipelines whose first group of articles ran outside a memory zone


def _zone(nlp: Language) -> AbstractContextManager:
    """A memory zone for a group of articles, but for a pipeline's very first group (once per process).

    spaCy's tokenizer remembers how it split a word only outside memory
    zones: inside one, every word goes through the prefix, suffix and infix
    patterns again, in every zone. The first group's words stay remembered
    (with their strings and lexemes: one group's worth, so memory still does
    not grow with the run), which covers most words of later articles. Same
    tokens either way.
    """
    if nlp in _WARMED:
        return nlp.memory_zone()
    _WARMED.add(nlp)
    return nullcontext()


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
        try:
            article = _article(source, islice(processed, per_article[n]))
        except Exception as err:  # noqa: BLE001 - a failure inside one article is that article's error
            failure = ExtractionError(source.id, err, source.path)
            if on_error is None:
                raise failure from err
            on_error(failure)
            continue
        yield article


def _article(source: SourceArticle, processed: Iterable[tuple[tuple[int, int, int], Doc | Exception]]) -> Article:
    """An article's record from its processed pieces; their facts are let go on return, before the record is
    written (for one long article they are as large as the record)."""
    facts = PieceFacts()
    for (_, start, _), doc in processed:
        facts.take(doc, start)
    return facts.article(source)


def _processed(nlp: Language, sources: list[SourceArticle], pieces: list[tuple[int, int, int]],
               batch_size: int) -> Iterator[tuple[tuple[int, int, int], Doc | Exception]]:
    """Each piece with its processed Doc, in order, a batch at a time; when a batch fails, its pieces are run
    one by one, so only the piece that fails gives its exception."""
    for batch in _batches(pieces, batch_size):
        with one_blas_thread():
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
