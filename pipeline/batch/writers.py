"""Records -> files: JSONL, one JSON file per article, or typed tables (Parquet, CSV, DuckDB: `pipeline.tables`).

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


OUTPUT_FORMATS = ("jsonl", "json", "parquet", "csv", "duckdb")
FOLDER_FORMATS = ("json", "parquet", "csv")


class OutputUnavailable(RuntimeError):
    """The output format asked for needs an optional extra that is not installed."""


class OutputRefused(ValueError):
    """Writing the output would destroy something that is not factwire's own output; the message says what."""


OUTPUT_MARK = ".factwire-output"  # in an output folder: the folder is factwire's, and may be replaced whole


def check_output_target(output: str, output_format: str, inputs: Iterable[str | Path], force: bool = False) -> None:
    """Refuse, before any work, an output that would overwrite or empty what the user did not ask to replace.

    An output is never an input file, never an input folder or a folder
    holding one; an output folder (`json`, `parquet`, `csv`) is created new or
    replaces an earlier factwire output folder, and replaces any other folder
    only with `force`.
    """
    if output == "-":
        return
    target = Path(output).resolve()
    for given in inputs:
        root = Path(given).resolve()
        if target == root or target in root.parents:
            raise OutputRefused(f"{output} is (or holds) the input {given}: write the output elsewhere")
    if output_format not in FOLDER_FORMATS:
        if target.is_dir():
            raise OutputRefused(f"{output} is a folder; --format {output_format} writes a file")
        return
    if target.exists() and not target.is_dir():
        raise OutputRefused(f"{output} is a file; --format {output_format} writes a folder of files")
    if target.is_dir() and not force and not (target / OUTPUT_MARK).exists() and any(target.iterdir()):
        raise OutputRefused(f"{output} holds files factwire did not write; choose a new folder, "
                            f"or pass --force to replace it whole")



@contextmanager
def record_sink(path: str | Path, output_format: str = "jsonl") -> Iterator[Callable[[Article], None]]:
    """A function taking each record; the output appears whole, and only if the block succeeds.

    `jsonl` writes the lines (`-` is standard output); `json` a folder with one
    pretty-printed `<article id>.json` per article; `parquet`, `csv` and
    `duckdb` the typed tables of `pipeline.tables` (a folder of files, a folder
    of files, a database).
    """
    if output_format == "jsonl":
        with atomic_text_file(path) as out:
            yield lambda article: out.write(article.model_dump_json() + "\n")
    elif output_format == "json":
        with atomic_folder(Path(path)) as folder:
            (folder / OUTPUT_MARK).write_text("written by factwire extract --format json\n", encoding="utf-8")
            yield lambda article: _write_json(folder, article)
    elif output_format in ("parquet", "csv", "duckdb"):
        from pipeline.tables.sinks import table_sink  # imported here: pipeline.tables builds on this module

        with table_sink(Path(path), output_format) as add:
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
