"""Resumable, incremental runs: each input file's records are kept as a part keyed by its content.

A part is named by a hash of the file's relative path, its bytes and the
pipeline version, and is written atomically once the file is done. A run
that is interrupted keeps the parts it finished; the next run reuses every
part whose file is unchanged, redoes the others, and writes the output by
joining the parts in input order (then renaming it into place), so it equals
an uninterrupted run record for record.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, partial
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from pathlib import Path

from pipeline.batch.engines import Engine
from pipeline.batch.work import extract_inputs
from pipeline.batch.writers import record_sink, write_errors
from pipeline.extraction import BATCH_SIZE
from pipeline.inputs.files import InputFile, Skipped, find_inputs, supported
from pipeline.inputs.formats import ReadOptions
from pipeline.nlp.loader import model_name
from pipeline.records import Article


@cache
def pipeline_version(model: str) -> str:
    """What the records depend on: factwire's version, the model, and the packaged rules and config."""
    digest = hashlib.sha256(model.encode())
    try:
        digest.update(version("factwire").encode())
    except PackageNotFoundError:
        digest.update(b"source")
    for resource in sorted(files("pipeline").joinpath("patterns").iterdir(), key=lambda r: r.name):
        if resource.name.endswith((".json", ".jsonl")):
            digest.update(resource.read_bytes())
    digest.update(files("pipeline.nlp").joinpath("config.cfg").read_bytes())
    return digest.hexdigest()[:16]


class Parts:
    """The finished files of an output, in a `<output>.parts/` folder beside it."""

    def __init__(self, output: Path, model: str) -> None:
        self.folder = output.with_name(output.name + ".parts")
        self.version = pipeline_version(model)
        self._paths: dict[InputFile, Path] = {}

    def _path(self, item: InputFile) -> Path:
        """The part's file name: a hash of the relative path, the version and the bytes (each file read once)."""
        if item not in self._paths:
            digest = hashlib.sha256(f"{item.relative}|{self.version}|".encode())
            digest.update(item.path.read_bytes())
            self._paths[item] = self.folder / f"{digest.hexdigest()[:32]}.jsonl"
        return self._paths[item]

    def done(self, item: InputFile) -> bool:
        try:
            return self._path(item).exists()
        except OSError:
            return False  # unreadable now: let the run report it

    def write(self, item: InputFile, articles: Iterable[Article]) -> None:
        """Keep one file's records, atomically."""
        self.folder.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.folder, suffix=".tmp", delete=False)
        with handle:
            handle.writelines(article.model_dump_json() + "\n" for article in articles)
        os.replace(handle.name, self._path(item))

    def articles(self, item: InputFile) -> list[Article]:
        """The records kept for one file (none if its part is gone)."""
        try:
            lines = self._path(item).read_text(encoding="utf-8").splitlines()
        except OSError:
            return []
        return [Article.model_validate_json(line) for line in lines if line]

    def prune(self, keep: Iterable[InputFile]) -> None:
        """Forget parts of files that are gone or changed, so the folder does not grow without end."""
        wanted = set()
        for item in keep:
            try:
                wanted.add(self._path(item).name)
            except OSError:
                continue
        for part in self.folder.glob("*.jsonl"):
            if part.name not in wanted:
                part.unlink()


FACT_TYPES = ("organizations", "money", "counts", "dates")


@dataclass
class RunSummary:
    """What a run did, for its report: files and articles written, facts found, files skipped, parts reused."""

    output: str
    output_format: str
    files: set[str] = field(default_factory=set)
    articles: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    problems: list[Skipped] = field(default_factory=list)
    unsupported: Counter[str] = field(default_factory=Counter)
    reused: int = 0
    errors_file: Path | None = None
    seconds: float = 0.0

    def count(self, article: Article) -> None:
        self.articles += 1
        self.files.add(article.path or article.id)
        for fact_type in FACT_TYPES:
            self.facts[fact_type] += len(getattr(article, fact_type))

    def skip(self, skipped: Skipped) -> None:
        if skipped.kind == "unsupported":
            self.unsupported[skipped.path.suffix or "(none)"] += 1
        else:
            self.problems.append(skipped)

    def lines(self) -> list[str]:
        """The report: files of other formats, parts reused, the totals, then every problem."""
        lines = []
        if self.unsupported:
            kinds = ", ".join(f"{suffix}: {n}" for suffix, n in sorted(self.unsupported.items()))
            lines.append(f"skipped {sum(self.unsupported.values())} files of unsupported formats ({kinds}); "
                         f"supported: {supported()}")
        if self.reused:
            lines.append(f"{self.reused} unchanged files reused from {self.output}.parts/")
        where = "stdout" if self.output == "-" else f"{self.output} ({self.output_format})"
        if self.errors_file is not None:
            where += f", errors in {self.errors_file}"
        lines.append(f"{len(self.files)} files, {self.articles} articles, "
                     + ", ".join(f"{self.facts[t]} {t}" for t in FACT_TYPES)
                     + f", {len(self.problems)} errors, {self.seconds:.1f} s -> {where}")
        return lines


def extract_to_output(paths: Iterable[str | Path], output: str, *, output_format: str = "jsonl", resume: bool = True,
                      model: str | None = None, batch_size: int = BATCH_SIZE, engine: Engine = Engine(),
                      options: ReadOptions = ReadOptions(), on_skip: Callable[[Skipped], None] = lambda _: None,
                      on_article: Callable[[Article], None] = lambda _: None) -> RunSummary:
    """Extract `paths` into `output` (`-`: stdout, JSONL) and say what was done.

    With `resume`, every file's records are kept as a part beside the output
    and a later run reuses the parts of unchanged files. `on_skip` sees every
    file left out as it happens, `on_article` every record written, reused or
    new; unreadable files are also listed in `OUTPUT.errors.tsv`.
    """
    started = time.perf_counter()
    summary = RunSummary(output, output_format)

    def skipped(item: Skipped) -> None:
        summary.skip(item)
        on_skip(item)

    def written(article: Article) -> None:
        summary.count(article)
        on_article(article)

    inputs: list[InputFile] = []
    for item in find_inputs(paths, options.exclude):
        if isinstance(item, Skipped):
            skipped(item)
        else:
            inputs.append(item)
    if inputs:  # nothing to read: leave any previous output alone
        extract = partial(extract_inputs, model=model, batch_size=batch_size, on_skip=skipped, options=options,
                          engine=engine)
        summary.reused = _write(inputs, output, output_format, resume, model, extract, written)
    if output != "-":
        summary.errors_file = write_errors(Path(output), summary.problems)
    summary.seconds = time.perf_counter() - started
    return summary


def _write(inputs: list[InputFile], output: str, output_format: str, resume: bool, model: str | None,
           extract: Callable[[list[InputFile]], Iterator[Article]], written: Callable[[Article], None]) -> int:
    """Extract and write the records; returns how many files were reused from the parts of earlier runs."""
    if output == "-" or not resume:
        with record_sink(output, output_format) as add:
            for article in extract(inputs):
                add(article)
                written(article)
        return 0
    parts = Parts(Path(output), model_name(model))
    todo = [item for item in inputs if not parts.done(item)]
    for item, articles in _by_file(extract(todo) if todo else iter(()), todo):
        parts.write(item, articles)
    with record_sink(output, output_format) as add:
        for item in inputs:
            for article in parts.articles(item):
                add(article)
                written(article)
    parts.prune(inputs)
    return len(inputs) - len(todo)


def _by_file(articles: Iterator[Article], files: list[InputFile]) -> Iterator[tuple[InputFile, list[Article]]]:
    """The articles of a run grouped by the file they came from (they arrive in file order)."""
    by_path = {item.relative: item for item in files}
    current: str | None = None
    group: list[Article] = []
    for article in articles:
        if article.path != current and current is not None:
            yield by_path[current], group
            group = []
        current = article.path
        group.append(article)
    if current is not None:
        yield by_path[current], group
