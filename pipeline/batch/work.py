"""Files in, records out: the unit of work every engine runs, and the order-keeping loop over it.

A run reads its files into `SourceArticle`s, reports what cannot be read, and
extracts the rest through `pipeline.extraction.articles_of`. In one process
that is one stream; with workers or Dask, batches of files go to
`extract_files`, a pure function (files in, records and skipped files out)
that each worker runs with its own model, and the results come back in input
order, so every engine writes the same records.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from pipeline.batch.engines import Engine, run_batches
from pipeline.extraction import BATCH_SIZE, ExtractionError, articles_of, one_line
from pipeline.inputs.files import InputFile, Skipped, UnreadableFile, find_inputs
from pipeline.inputs.formats import ArticleStream, ReadOptions, SourceArticle
from pipeline.nlp.loader import load
from pipeline.records import Article

log = logging.getLogger(__name__)
FILES_PER_TASK = 16


def extract_paths(paths: Iterable[str | Path], *, model: str | None = None, batch_size: int = BATCH_SIZE,
                  on_skip: Callable[[Skipped], None] | None = None, options: ReadOptions = ReadOptions(),
                  engine: Engine = Engine(), outputs: Iterable[Path] = ()) -> Iterator[Article]:
    """Every article of every readable file under `paths`, in file order (see `pipeline.extract_folder`)."""
    report = on_skip or (lambda skipped: log.warning("skipped %s: %s", skipped.path, skipped.reason))
    inputs = []
    for item in find_inputs(paths, options.exclude, outputs=outputs):
        if isinstance(item, Skipped):
            report(item)
        else:
            inputs.append(item)
    yield from extract_inputs(inputs, model=model, batch_size=batch_size, on_skip=report, options=options,
                              engine=engine)


def extract_inputs(inputs: list[InputFile], *, model: str | None = None, batch_size: int = BATCH_SIZE,
                   on_skip: Callable[[Skipped], None], options: ReadOptions = ReadOptions(),
                   engine: Engine = Engine()) -> Iterator[Article]:
    """The articles of already found input files, in order, extracted where the engine says."""
    if not engine.parallel:
        yield from articles_of(load(model), source_articles(inputs, on_skip, options), batch_size,
                               on_error=failed_article(inputs, on_skip))
        return
    batches = [inputs[i:i + FILES_PER_TASK] for i in range(0, len(inputs), FILES_PER_TASK)]
    work = partial(extract_files, model=model, batch_size=batch_size, options=options)
    for records, skipped in run_batches(work, batches, engine, model):
        for problem in skipped:
            on_skip(problem)
        yield from records


def extract_files(files: list[InputFile], model: str | None = None, batch_size: int = BATCH_SIZE,
                  options: ReadOptions = ReadOptions()) -> tuple[list[Article], list[Skipped]]:
    """Extract a batch of files to (records, skipped files): the pure unit of work a worker runs."""
    skipped: list[Skipped] = []
    records = list(articles_of(load(model), source_articles(files, skipped.append, options), batch_size,
                               on_error=failed_article(files, skipped.append)))
    return records, skipped


def failed_article(inputs: list[InputFile], report: Callable[[Skipped], None]) -> Callable[[ExtractionError], None]:
    """Report an article whose extraction failed as a problem of its file; the run goes on."""
    by_relative = {item.relative: item.path for item in inputs}
    return lambda err: report(Skipped(by_relative.get(err.path or "", Path(err.path or err.article_id)), str(err),
                                      "failed"))


def source_articles(inputs: Iterable[InputFile], report: Callable[[Skipped], None],
                    options: ReadOptions) -> Iterator[SourceArticle]:
    """The articles of each file in turn; an unreadable file, and each malformed record of a dump, is reported."""
    for item in inputs:
        try:
            stream = ArticleStream(item.path, item.relative, options)
            yield from stream  # one article at a time: a dump of a million records is never held whole
        except UnreadableFile as err:
            report(Skipped(item.path, str(err)))
            continue
        except Exception as err:  # noqa: BLE001 - whatever one file does, the run goes on
            report(Skipped(item.path, f"reading failed: {one_line(err)}"))
            continue
        for problem in stream.problems:  # a malformed record of a dump: the others still count
            report(Skipped(item.path, problem, "malformed"))
