"""Records -> files: JSONL, one JSON file per article, or typed tables (Parquet, CSV, DuckDB: `pipeline.tables`).

Output goes to a temporary file (or folder) renamed into place when the run
succeeds, so it is never half-written and a failed run leaves the previous
output as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, BinaryIO

from pipeline.batch.parts import Part, current_umask
from pipeline.inputs.files import SUPPORTED_SUFFIXES, Skipped, factwire_records
from pipeline.records import Article, record_json


@contextmanager
def atomic_file(path: str | Path, binary: bool = False) -> Iterator[IO]:
    """Write to a temp file beside `path` and rename it over `path` only if the block succeeds.

    `-` means standard output (written as it goes). Text is UTF-8; `binary` gives a handle for bytes.
    """
    if str(path) == "-":
        stream = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile("wb" if binary else "w", encoding=None if binary else "utf-8",
                                         dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False)
    try:
        with handle:
            yield handle
        os.chmod(handle.name, 0o666 & ~current_umask())  # a temporary file is private (0600); the output is not
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
        if root in target.parents and target.is_file() and target.suffix.lower() in SUPPORTED_SUFFIXES \
                and not _own_output(target):
            raise OutputRefused(f"{output} is an input file under {given}, not an earlier factwire output: "
                                f"write the output elsewhere")
    if output_format not in FOLDER_FORMATS:
        if target.is_dir():
            raise OutputRefused(f"{output} is a folder; --format {output_format} writes a file")
        return
    if target.exists() and not target.is_dir():
        raise OutputRefused(f"{output} is a file; --format {output_format} writes a folder of files")
    if target.is_dir() and not force and not (target / OUTPUT_MARK).exists() and any(target.iterdir()):
        raise OutputRefused(f"{output} holds files factwire did not write; choose a new folder, "
                            f"or pass --force to replace it whole")



GENERATOR = '<meta name="generator" content="factwire show">'  # in a `show` page: a later run knows it as its own


def _own_output(path: Path) -> bool:
    """Whether an existing file under an input folder is factwire's own output (JSONL records, a `show` page, or
    empty), so a later run may replace it; anything else there is an input the user would lose.

    Only the file's start is read.
    """
    with path.open("rb") as handle:
        head = handle.read(4096)
    if not head.strip():
        return True
    if path.suffix.lower() in (".html", ".htm"):
        return GENERATOR.encode() in head
    return factwire_records(path)


@contextmanager
def record_sink(path: str | Path, output_format: str = "jsonl") -> Iterator[Callable[[Article], None]]:
    """A function taking each record; the output appears whole, and only if the block succeeds.

    `jsonl` writes the lines (`-` is standard output); `json` a folder with one
    pretty-printed `<article id>.json` per article; `parquet`, `csv` and
    `duckdb` the typed tables of `pipeline.tables` (a folder of files, a folder
    of files, a database).
    """
    if output_format == "jsonl":
        with atomic_file(path, binary=True) as out:
            yield JsonlSink(out)
    elif output_format == "json":
        with atomic_folder(Path(path)) as folder:
            (folder / OUTPUT_MARK).write_text("written by factwire extract --format json\n", encoding="utf-8")
            yield _JsonFolder(folder)
    elif output_format in ("parquet", "csv", "duckdb"):
        from pipeline.tables.sinks import table_sink  # imported here: pipeline.tables builds on this module

        with table_sink(Path(path), output_format) as add:
            yield add
    else:
        raise ValueError(f"unknown output format {output_format!r}; known: {', '.join(OUTPUT_FORMATS)}")


class JsonlSink:
    """JSONL records written as bytes, serialized once (a str and its encoded copy would hold a record twice); a
    resume part's lines are copied as they are."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out

    def __call__(self, article: Article) -> None:
        self.out.write(record_json(article))
        self.out.write(b"\n")

    def copy(self, part: Part) -> None:
        part.copy_to(self.out)


class _JsonFolder:
    """One pretty-printed `<article id>.json` per article; ids that give the same file name once sanitized
    ("a/b.txt#1", "a_b.txt#1", "a b.txt#1") or a name too long for the file system get a short hash of the id."""

    MAX_NAME = 200  # bytes; file systems allow 255

    def __init__(self, folder: Path) -> None:
        self.folder, self.used = folder, set()

    def __call__(self, article: Article) -> None:
        record = article.model_dump(mode="json")
        (self.folder / self.name(article.id)).write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n",
                                                        encoding="utf-8")

    def name(self, article_id: str) -> str:
        """ "wikinews/a.txt#2" -> "wikinews_a.txt_2.json", else with a hash of the id when taken or too long.

        >>> names = _JsonFolder(Path("."))
        >>> [names.name(i) for i in ("a/b.txt#1", "a_b.txt#1", "a b.txt#1", ".x#1")]
        ['a_b.txt_1.json', 'a_b.txt_1-3e53bc91.json', 'a_b.txt_1-66e2271a.json', 'x_1.json']
        >>> len(names.name("n" * 250 + ".txt#1"))
        164
        """
        stem = re.sub(r"[^\w.-]+", "_", article_id).lstrip(".") or "_"
        stem = "_" + stem if stem.startswith("-") else stem
        if len(stem.encode()) > self.MAX_NAME or f"{stem}.json" in self.used:
            digest = hashlib.sha256(article_id.encode()).hexdigest()[:8]
            stem = f"{stem.encode()[:150].decode(errors='ignore')}-{digest}"
        self.used.add(f"{stem}.json")
        return f"{stem}.json"


@contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """A temporary folder beside `target` that replaces it when the block succeeds; the folder replaced is
    removed, leaving nothing hidden behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    try:
        yield folder
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    for made in [folder, *folder.rglob("*")]:  # mkdtemp makes it private (0700); an output is the user's
        if made.is_dir():
            os.chmod(made, 0o777 & ~current_umask())
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
        os.replace(target, old / target.name)
    os.replace(folder, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def output_paths(output: Path) -> list[Path]:
    """What a run writes at `output`: the output, its parts folder, its errors list and its lock."""
    return [output, *(output.with_name(output.name + suffix) for suffix in (".parts", ".errors.tsv", ".lock"))]


def write_errors(output: Path, problems: list[Skipped]) -> Path | None:
    """Write `<output>.errors.tsv` (path, reason) when files were skipped, else remove a stale one; returns its path."""
    target = output.with_name(output.name + ".errors.tsv")
    if not problems:
        target.unlink(missing_ok=True)
        return None
    with atomic_file(target) as out:
        out.write("path\treason\n")
        out.writelines(f"{problem.path}\t{problem.reason}\n" for problem in problems)
    return target
