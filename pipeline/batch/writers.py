"""Records -> files: JSONL, one JSON file per article, or a Parquet fact table.

Output goes to a temporary file (or folder) renamed into place when the run
succeeds, so it is never half-written and a failed run leaves the previous
output as it was.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from pipeline.inputs.files import Skipped
from pipeline.records import Article


@contextmanager
def atomic_text_file(path: str | Path) -> Iterator[TextIO]:
    """Write to a temp file beside `path` and rename it over `path` only if the block succeeds.

    `-` means standard output (written as it goes).
    """
    if str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent,
                                         prefix=f".{target.name}.", suffix=".tmp", delete=False)
    try:
        with handle:
            yield handle
        os.replace(handle.name, target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


OUTPUT_FORMATS = ("jsonl", "json", "parquet")


class OutputUnavailable(RuntimeError):
    """The output format asked for needs an optional extra that is not installed."""


class OutputRefused(ValueError):
    """Writing the output would destroy something that is not factwire's own output; the message says what."""


OUTPUT_MARK = ".factwire-output"  # in a --format json folder: the folder is factwire's, and may be replaced whole


def check_output_target(output: str, output_format: str, inputs: Iterable[str | Path], force: bool = False) -> None:
    """Refuse, before any work, an output that would overwrite or empty what the user did not ask to replace.

    An output is never an input file, never an input folder or a folder
    holding one; a `json` output folder is created new or replaces an earlier
    factwire output folder, and replaces any other folder only with `force`.
    """
    if output == "-":
        return
    target = Path(output).resolve()
    for given in inputs:
        root = Path(given).resolve()
        if target == root or target in root.parents:
            raise OutputRefused(f"{output} is (or holds) the input {given}: write the output elsewhere")
    if output_format != "json":
        if target.is_dir():
            raise OutputRefused(f"{output} is a folder; --format {output_format} writes a file")
        return
    if target.exists() and not target.is_dir():
        raise OutputRefused(f"{output} is a file; --format json writes a folder of files")
    if target.is_dir() and not force and not (target / OUTPUT_MARK).exists() and any(target.iterdir()):
        raise OutputRefused(f"{output} holds files factwire did not write; choose a new folder, "
                            f"or pass --force to replace it whole")

PARQUET_ROWS_PER_GROUP = 50_000
FACT_COLUMNS = ("article_id", "type", "text", "start", "end", "value", "currency", "item", "name", "qualifier")


@contextmanager
def record_sink(path: str | Path, output_format: str = "jsonl") -> Iterator[Callable[[Article], None]]:
    """A function taking each record; the output appears whole, and only if the block succeeds.

    `jsonl` writes the lines (`-` is standard output); `json` a folder with one
    pretty-printed `<article id>.json` per article; `parquet` a flat table of
    facts (see `fact_rows`).
    """
    if output_format == "jsonl":
        with atomic_text_file(path) as out:
            yield lambda article: out.write(article.model_dump_json() + "\n")
    elif output_format == "json":
        with atomic_folder(Path(path)) as folder:
            (folder / OUTPUT_MARK).write_text("written by factwire extract --format json\n", encoding="utf-8")
            yield lambda article: _write_json(folder, article)
    elif output_format == "parquet":
        with _parquet_sink(Path(path)) as add:
            yield add
    else:
        raise ValueError(f"unknown output format {output_format!r}; known: {', '.join(OUTPUT_FORMATS)}")


def _write_json(folder: Path, article: Article) -> None:
    name = re.sub(r"[^\w.-]+", "_", article.id) + ".json"  # "wikinews/a.txt#2" -> "wikinews_a.txt_2.json"
    record = article.model_dump(mode="json")
    (folder / name).write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """A temporary folder beside `target` that replaces it when the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    try:
        yield folder
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(target, old)
    os.replace(folder, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def fact_rows(article: Article) -> Iterator[dict]:
    """One flat row per fact of an article record: organizations give a row per mention.

    >>> from pipeline.records import Mention, Money, Organization
    >>> a = Article(id="a#1", text="Acme Corp. paid $5.", money=[Money(text="$5", start=16, end=18, amount="5", currency="USD")],
    ...             organizations=[Organization(name="Acme", mentions=[Mention(text="Acme Corp.", start=0, end=10)])])
    >>> [(row["type"], row["text"], row["value"], row["currency"], row["name"]) for row in fact_rows(a)]
    [('organization', 'Acme Corp.', None, None, 'Acme'), ('money', '$5', '5', 'USD', None)]
    """
    base = dict.fromkeys(FACT_COLUMNS)
    base["article_id"] = article.id
    for org in article.organizations:
        for mention in org.mentions:
            yield {**base, "type": "organization", "text": mention.text, "start": mention.start, "end": mention.end,
                   "name": org.name}
    for money in article.money:
        yield {**base, "type": "money", "text": money.text, "start": money.start, "end": money.end,
               "value": money.amount, "currency": money.currency, "qualifier": money.qualifier}
    for count in article.counts:
        yield {**base, "type": "count", "text": count.text, "start": count.start, "end": count.end,
               "value": str(count.value), "item": count.item, "qualifier": count.qualifier}
    for fact in article.dates:
        yield {**base, "type": "date", "text": fact.text, "start": fact.start, "end": fact.end, "value": fact.value}


@contextmanager
def _parquet_sink(target: Path) -> Iterator[Callable[[Article], None]]:
    """Write fact rows to a Parquet file in row groups, so memory does not grow with the run."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise OutputUnavailable("Parquet output needs the parquet extra: pip install 'factwire[parquet]'") from err
    schema = pa.schema([(name, pa.int64() if name in {"start", "end"} else pa.string()) for name in FACT_COLUMNS])
    rows: list[dict] = []
    with atomic_text_file(target) as handle:
        handle.close()  # pyarrow writes the file itself, by name
        with pq.ParquetWriter(handle.name, schema) as writer:
            def flush() -> None:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows.clear()

            def add(article: Article) -> None:
                rows.extend(fact_rows(article))
                if len(rows) >= PARQUET_ROWS_PER_GROUP:
                    flush()

            yield add
            if rows:
                flush()


def write_errors(output: Path, problems: list[Skipped]) -> Path | None:
    """Write `<output>.errors.tsv` (path, reason) when files were skipped, else remove a stale one; returns its path."""
    target = output.with_name(output.name + ".errors.tsv")
    if not problems:
        target.unlink(missing_ok=True)
        return None
    with atomic_text_file(target) as out:
        out.write("path\treason\n")
        out.writelines(f"{problem.path}\t{problem.reason}\n" for problem in problems)
    return target
