"""Doc -> records, and the public entry points `extract` and `extract_folder` over `nlp.pipe`."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp.load import load
from pipeline.normalize.dates import calendar_date_in, normalize_date, years_in_range
from pipeline.normalize.orgs import group_mentions
from pipeline.batch.engines import Engine, run_batches
from pipeline.inputs.formats import ReadOptions, read_articles
from pipeline.inputs.files import InputFile, Skipped, UnreadableFile, find_inputs
from pipeline.records import Article, Count, DateFact, Mention, Money, Organization
from pipeline.inputs.segment import describe_header, split_long

log = logging.getLogger(__name__)
BATCH_SIZE = 32
FILES_PER_TASK = 16
ARTICLES_PER_ZONE = 256


@dataclass(frozen=True)
class ArticleContext:
    """What travels with a text through `nlp.pipe`: the record fields that are not facts."""

    id: str
    path: str | None
    index: int
    title: str | None
    source: str | None
    published: str | None
    encoding: str | None
    metadata_ranges: tuple[tuple[int, int], ...] = ()


def extract(text: str, *, id: str = "text#1", title: str | None = None, source: str | None = None,
            published: str | None = None, model: str | None = None) -> Article:
    """Extract the facts of one article given as a string; offsets point into `text` as given.

    Headline and dateline are read from the text when not passed.
    """
    header = describe_header(text)
    context = ArticleContext(id=id, path=None, index=1, title=title or header.title, source=source or header.source,
                             published=published or header.published, encoding=None,
                             metadata_ranges=header.metadata_ranges)
    return next(_articles(load(model), [(text, context)]))


def extract_texts(texts: Iterable[tuple[str, str]], *, model: str | None = None,
                  batch_size: int = BATCH_SIZE) -> Iterator[Article]:
    """Extract many (text, id) pairs through `nlp.pipe`; each text is one article, as in `extract`."""
    def contexts() -> Iterator[tuple[str, ArticleContext]]:
        for text, article_id in texts:
            header = describe_header(text)
            yield text, ArticleContext(id=article_id, path=None, index=1, title=header.title, source=header.source,
                                       published=header.published, encoding=None,
                                       metadata_ranges=header.metadata_ranges)

    yield from _articles(load(model), contexts(), batch_size)


def extract_folder(*paths: str | Path, model: str | None = None, batch_size: int = BATCH_SIZE,
                   on_skip: Callable[[Skipped], None] | None = None, workers: int = 1,
                   options: ReadOptions = ReadOptions(), engine: Engine | None = None) -> Iterator[Article]:
    """Extract every article of every readable file under `paths`, in file order.

    Files that cannot be read or decoded (and malformed records of JSON dumps)
    are passed to `on_skip` (logged by default) and left out; everything else
    is still processed. With `workers` > 1, files are shared among that many
    processes, each loading the model once; `engine` runs them elsewhere (a
    Dask cluster). `options` says which files to leave out, how JSON dumps
    name their fields and how large a file may be.
    """
    report = on_skip or (lambda skipped: log.warning("skipped %s: %s", skipped.path, skipped.reason))
    inputs = []
    for item in find_inputs(paths, options.exclude):
        if isinstance(item, Skipped):
            report(item)
        else:
            inputs.append(item)
    yield from extract_inputs(inputs, model=model, batch_size=batch_size, on_skip=report,
                              options=options, engine=engine or Engine(workers=workers))


def extract_inputs(inputs: list[InputFile], *, model: str | None = None, batch_size: int = BATCH_SIZE,
                   on_skip: Callable[[Skipped], None], options: ReadOptions = ReadOptions(),
                   engine: Engine = Engine()) -> Iterator[Article]:
    """Extract the articles of already found input files, in order (see `extract_folder`)."""
    if not engine.parallel:
        yield from _articles(load(model), _article_texts(inputs, on_skip, options), batch_size)
        return
    for line in extract_lines(inputs, model=model, batch_size=batch_size, on_skip=on_skip, options=options,
                              engine=engine):
        yield Article.model_validate_json(line)


def extract_lines(inputs: list[InputFile], *, model: str | None = None, batch_size: int = BATCH_SIZE,
                  on_skip: Callable[[Skipped], None], options: ReadOptions = ReadOptions(),
                  engine: Engine = Engine()) -> Iterator[str]:
    """As `extract_inputs`, but each record as its JSON line: what batch runs write, without a second validation."""
    if not engine.parallel:
        for article in _articles(load(model), _article_texts(inputs, on_skip, options), batch_size):
            yield article.model_dump_json()
        return
    batches = [inputs[i:i + FILES_PER_TASK] for i in range(0, len(inputs), FILES_PER_TASK)]
    work = partial(extract_files, model=model, batch_size=batch_size, options=options)
    for records, skipped in run_batches(work, batches, engine, model):
        for problem in skipped:
            on_skip(problem)
        yield from records


def extract_files(files: list[InputFile], model: str | None = None, batch_size: int = BATCH_SIZE,
                  options: ReadOptions = ReadOptions()) -> tuple[list[str], list[Skipped]]:
    """Extract a batch of files to (JSON records, skipped files): the pure unit of work a worker runs."""
    skipped: list[Skipped] = []
    texts = _article_texts(files, skipped.append, options)
    records = [a.model_dump_json() for a in _articles(load(model), texts, batch_size)]
    return records, skipped


def _articles(nlp: Language, texts: Iterable[tuple[str, ArticleContext]], batch_size: int = BATCH_SIZE) -> Iterator[Article]:
    """Run (text, context) pairs through `nlp.pipe` and build their records.

    Texts go in groups of `ARTICLES_PER_ZONE`, each inside `nlp.memory_zone()`,
    which frees the strings and lexemes its texts added once their records are
    built, so memory stays flat over long runs. A text longer than the model's
    `max_length` is cut at paragraph ends, processed in pieces and joined back
    into one Doc, so offsets still point into the whole article.
    """
    group: list[tuple[str, ArticleContext]] = []
    for item in texts:
        group.append(item)
        if len(group) == ARTICLES_PER_ZONE:
            with nlp.memory_zone():
                yield from _group_articles(nlp, group, batch_size)
            group = []
    if group:
        with nlp.memory_zone():
            yield from _group_articles(nlp, group, batch_size)


def _group_articles(nlp: Language, texts: list[tuple[str, ArticleContext]], batch_size: int) -> Iterator[Article]:
    def pieces() -> Iterator[tuple[str, tuple[ArticleContext, int]]]:
        for text, context in texts:
            cuts = split_long(text, nlp.max_length)
            for start, end in cuts:
                yield text[start:end], (context, len(cuts))

    waiting: list[Doc] = []
    for doc, (context, total) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        waiting.append(doc)
        if len(waiting) == total:
            whole = waiting[0] if total == 1 else Doc.from_docs(waiting, ensure_whitespace=False)
            waiting = []
            yield doc_to_article(whole, context)


def _article_texts(inputs: Iterable[InputFile | Skipped], report: Callable[[Skipped], None],
                   options: ReadOptions) -> Iterator[tuple[str, ArticleContext]]:
    for item in inputs:
        if isinstance(item, Skipped):
            report(item)
            continue
        try:
            found = read_articles(item.path, options)
        except UnreadableFile as err:
            report(Skipped(item.path, str(err)))
            continue
        for problem in found.problems:  # a malformed record of a dump: the others still count
            report(Skipped(item.path, problem))
        for article in found.articles:
            yield article.text, ArticleContext(
                id=f"{item.relative}#{article.index}", path=item.relative, index=article.index, title=article.title,
                source=article.source, published=article.published, encoding=found.encoding,
                metadata_ranges=article.metadata_ranges)


def _in_metadata(span: Span, context: ArticleContext) -> bool:
    return any(start <= span.start_char < end for start, end in context.metadata_ranges)


def _mention(span: Span) -> dict:
    return {"text": span.text, "start": span.start_char, "end": span.end_char}


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _base_date(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published) if published else None
    except ValueError:
        return None


def _date_facts(doc: Doc, ent: Span, base: date | None) -> list[DateFact]:
    """Date records of one DATE entity: itself, its explicit calendar part, or both ends of a year range."""
    parts = [(ent.start_char + s, ent.start_char + e) for s, e in years_in_range(ent.text)]
    inner = calendar_date_in(ent.text)
    if not parts:  # "the year to March 31, 2024": the date is the explicit part
        parts = [(ent.start_char + inner[0], ent.start_char + inner[1])] if inner else [(ent.start_char, ent.end_char)]
    facts = []
    for start, end in parts:
        span = doc.char_span(start, end, alignment_mode="expand")
        normalized = normalize_date(span.text, base)
        if normalized is not None:
            facts.append(DateFact(**_mention(span), value=normalized[0], granularity=normalized[1]))
    return facts


def doc_to_article(doc: Doc, context: ArticleContext) -> Article:
    """Build the validated Article record from a processed Doc."""
    entities, text = doc.ents, doc.text  # both are built afresh on every access
    org_spans = [e for e in entities if e.label_ == "ORG" and not _in_metadata(e, context)]
    groups = group_mentions([(e.text, e.start_char, e.end_char, e.id_ or None) for e in org_spans], text)
    organizations = [
        Organization(name=g.name, mentions=[Mention(text=t, start=s, end=e) for t, s, e in g.mentions])
        for g in groups
    ]
    money = [Money(**_mention(span), **span._.money) for span in doc.spans.get("money", [])
             if not _in_metadata(span, context)]
    counts = []
    for span in doc.spans.get("counts", []):
        if _in_metadata(span, context):
            continue
        fact = span._.count
        counts.append(Count(**_mention(span), value=_number(fact["value"]), item=fact["item"],
                            item_text=fact["item_text"], qualifier=fact["qualifier"]))
    base = _base_date(context.published)
    dates = []
    for ent in entities:
        if ent.label_ != "DATE" or _in_metadata(ent, context):
            continue
        dates += _date_facts(doc, ent, base)
    return Article(
        id=context.id, path=context.path, index=context.index, title=context.title, source=context.source,
        published=context.published, encoding=context.encoding, text=text,
        organizations=organizations, money=money, counts=counts, dates=dates,
    )
