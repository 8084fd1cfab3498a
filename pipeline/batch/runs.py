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
from collections.abc import Callable, Iterable, Iterator
from functools import cache, partial
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from pathlib import Path

from pipeline.batch.engines import Engine
from pipeline.batch.work import extract_inputs
from pipeline.extraction import BATCH_SIZE
from pipeline.inputs.formats import ReadOptions
from pipeline.nlp.load import model_name
from pipeline.inputs.files import InputFile, Skipped, find_inputs
from pipeline.batch.writers import record_sink
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


def extract_to_output(paths: Iterable[str | Path], output: str, *, output_format: str = "jsonl", resume: bool = True,
                      model: str | None = None, batch_size: int = BATCH_SIZE, engine: Engine = Engine(),
                      options: ReadOptions = ReadOptions(), on_skip: Callable[[Skipped], None],
                      on_article: Callable[[Article], None]) -> int:
    """Extract `paths` into `output` (`-`: stdout, JSONL); returns how many files were reused from earlier runs.

    With `resume`, every file's records are kept as a part beside the output
    and a later run reuses the parts of unchanged files. `on_article` sees
    every record written, reused or new.
    """
    inputs: list[InputFile] = []
    for item in find_inputs(paths, options.exclude):
        if isinstance(item, Skipped):
            on_skip(item)
        else:
            inputs.append(item)
    if not inputs:
        return 0  # nothing to read: leave any previous output alone
    extract = partial(extract_inputs, model=model, batch_size=batch_size, on_skip=on_skip, options=options,
                      engine=engine)
    if output == "-" or not resume:
        with record_sink(output, output_format) as add:
            for article in extract(inputs):
                add(article)
                on_article(article)
        return 0
    parts = Parts(Path(output), model_name(model))
    todo = [item for item in inputs if not parts.done(item)]
    for item, articles in _by_file(extract(todo) if todo else iter(()), todo):
        parts.write(item, articles)
    with record_sink(output, output_format) as add:
        for item in inputs:
            for article in parts.articles(item):
                add(article)
                on_article(article)
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
