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

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.inputs.files import Skipped
from pipeline.inputs.formats import ReadOptions, SourceArticle
from pipeline.inputs.segment import split_long
from pipeline.nlp.base import EventHit
from pipeline.nlp.counts import COUNTS
from pipeline.nlp.dates import DATES
from pipeline.nlp.events import EVENTS
from pipeline.nlp.loader import load
from pipeline.nlp.money import MONEY
from pipeline.nlp.organizations.records import organizations_of
from pipeline.records import ROLE_LISTS, Article, Count, DateFact, Event, EventRole, Mention, Money

if TYPE_CHECKING:
    from pipeline.batch.engines import Engine

BATCH_SIZE = 32
ARTICLES_PER_ZONE = 256


def extract(text: str, *, id: str = "text#1", title: str | None = None, source: str | None = None,
            published: str | None = None, model: str | None = None) -> Article:
    """Extract the facts of one article given as a string; offsets point into `text` as given.

    Headline and dateline are read from the text when not passed.
    """
    article = SourceArticle.of_text(text, id, title=title, source=source, published=published)
    return next(articles_of(load(model), [article]))


def extract_texts(texts: Iterable[tuple[str, str]], *, model: str | None = None,
                  batch_size: int = BATCH_SIZE) -> Iterator[Article]:
    """Extract many (text, id) pairs through `nlp.pipe`; each text is one article, as in `extract`."""
    yield from articles_of(load(model), (SourceArticle.of_text(text, article_id) for text, article_id in texts),
                           batch_size)


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
    from pipeline.batch.engines import Engine  # the batch room runs files; it builds on this module
    from pipeline.batch.work import extract_paths

    yield from extract_paths(paths, model=model, batch_size=batch_size, on_skip=on_skip, options=options,
                             engine=engine or Engine(workers=workers))


def articles_of(nlp: Language, sources: Iterable[SourceArticle], batch_size: int = BATCH_SIZE) -> Iterator[Article]:
    """Run articles through `nlp.pipe` and build their records, in order.

    Texts go in groups of `ARTICLES_PER_ZONE`, each inside `nlp.memory_zone()`,
    which frees the strings and lexemes its texts added once their records are
    built, so memory stays flat over long runs. A text longer than the model's
    `max_length` is cut at paragraph ends, processed in pieces and joined back
    into one Doc, so offsets still point into the whole article.
    """
    group: list[SourceArticle] = []
    for source in sources:
        group.append(source)
        if len(group) == ARTICLES_PER_ZONE:
            with nlp.memory_zone():
                yield from _group_articles(nlp, group, batch_size)
            group = []
    if group:
        with nlp.memory_zone():
            yield from _group_articles(nlp, group, batch_size)


def _group_articles(nlp: Language, sources: list[SourceArticle], batch_size: int) -> Iterator[Article]:
    def pieces() -> Iterator[tuple[Doc, tuple[SourceArticle, int]]]:
        for source in sources:
            cuts = split_long(source.text, nlp.max_length)
            for start, end in cuts:
                doc = nlp.make_doc(source.text[start:end])
                doc._.article = source
                yield doc, (source, len(cuts))

    waiting: list[Doc] = []
    for doc, (source, total) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        waiting.append(doc)
        if len(waiting) == total:
            whole = waiting[0] if total == 1 else Doc.from_docs(waiting, ensure_whitespace=False)
            waiting = []
            yield doc_to_article(whole, source)


def doc_to_article(doc: Doc, source: SourceArticle) -> Article:
    """The validated Article record of a processed Doc: the hits outside the article's metadata."""
    ranges = source.header.metadata_ranges

    def kept(spans: Iterable[Span]) -> list[Span]:
        return [span for span in spans if not any(start <= span.start_char < end for start, end in ranges)]

    entities, text = doc.ents, doc.text  # both are built afresh on every access
    org_spans = kept(e for e in entities if e.label_ == "ORG")
    organizations = organizations_of(doc, org_spans)
    money = [Money(**_mention(span), amount=hit.amount, currency=hit.currency, currency_basis=hit.basis,
                   qualifier=hit.qualifier, per_unit=hit.per_unit, relation=hit.relation, related=hit.related)
             for span in kept(doc.spans.get(MONEY, [])) if (hit := span._.money) is not None]
    counts = [Count(**_mention(span), value=_number(hit.value), item=hit.item, item_text=hit.item_text,
                    qualifier=hit.qualifier)
              for span in kept(doc.spans.get(COUNTS, [])) if (hit := span._.count) is not None]
    dates = [DateFact(**_mention(span), value=hit.value, granularity=hit.granularity)
             for span in kept(doc.spans.get(DATES, [])) if (hit := span._.date) is not None]
    refs = {"organizations": [(m.start, m.end, i) for i, org in enumerate(organizations) for m in org.mentions],
            **{kind: [(f.start, f.end, i) for i, f in enumerate(facts)]
               for kind, facts in (("money", money), ("counts", counts), ("dates", dates))}}
    events = [_event(span, hit, refs) for span in kept(doc.spans.get(EVENTS, [])) if (hit := span._.event) is not None]
    header = source.header
    return Article(id=source.id, path=source.path, index=source.index, title=header.title, source=header.source,
                   published=header.published, encoding=source.encoding, text=text,
                   organizations=organizations, money=money, counts=counts, dates=dates, events=events)


def _event(span: Span, hit: EventHit, refs: dict[str, list[tuple[int, int, int]]]) -> Event:
    """The record of an event: each filler span becomes the ref of the fact it covers, roles without one left out.

    An organization's mention may be shorter than its entity ("the", a
    possessive stripped), so it is found by overlap. A Doc joined from pieces
    (`Doc.from_docs`) keeps the hit's spans in their piece: the trigger's move
    gives their offsets in the whole text.
    """
    shift = span.start_char - hit.trigger.start_char
    roles = []
    for role in hit.roles:
        if role.filler is None:
            roles.append(EventRole(role=role.role, value=role.value))
            continue
        kind = ROLE_LISTS.get(role.role, "organizations")
        start, end = role.filler.start_char + shift, role.filler.end_char + shift
        index = next((i for s, e, i in refs[kind] if s < end and start < e), None)
        ref = f"{kind}/{index}" if index is not None else None
        if ref is not None and not any(r.role == role.role and r.ref == ref for r in roles):
            roles.append(EventRole(role=role.role, ref=ref))
    return Event(type=hit.type, trigger=Mention(**_mention(span)), status=hit.status, roles=roles)


def _mention(span: Span) -> dict:
    return {"text": span.text, "start": span.start_char, "end": span.end_char}


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
