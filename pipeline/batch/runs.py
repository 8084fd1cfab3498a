"""Resumable, incremental runs: each input file's records are kept as a part keyed by its content.

A part (`pipeline.batch.parts`) is named by a hash of the file's id, its
bytes and the pipeline version, and is written atomically once the file is
done. A run that is interrupted keeps the parts it finished; the next run
reuses every part whose file is unchanged and whose part checks out, redoes
the others, and writes the output by joining the parts in input order (then
renaming it into place), so it equals an uninterrupted run record for
record. The output is locked for the run, and never read as an input.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from itertools import groupby
from pathlib import Path

from pipeline.batch.engines import Engine
from pipeline.batch.parts import FACT_TYPES, OutputLock, Part, PartInvalid, Parts
from pipeline.batch.work import extract_inputs
from pipeline.batch.writers import JsonlSink, output_paths, record_sink, write_errors
from pipeline.extraction import BATCH_SIZE
from pipeline.inputs.files import InputFile, Skipped, find_inputs, supported
from pipeline.inputs.formats import ReadOptions
from pipeline.nlp.loader import model_name
from pipeline.records import Article


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
    left_out: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    reused: int = 0
    errors_file: Path | None = None
    seconds: float = 0.0

    def count(self, article: Article) -> None:
        self.articles += 1
        self.files.add(article.path or article.id)
        for fact_type in FACT_TYPES:
            self.facts[fact_type] += len(getattr(article, fact_type))

    def count_part(self, item: InputFile, part: Part) -> None:
        """A part's records, counted from its header (they are copied, never parsed)."""
        self.articles += part.records
        if part.records:
            self.files.add(item.relative)
        self.facts.update(part.facts)

    def skip(self, skipped: Skipped) -> None:
        if skipped.kind == "unsupported":
            self.unsupported[skipped.path.suffix or "(none)"] += 1
        elif skipped.kind == "output":
            self.left_out.append(skipped)
        else:
            self.problems.append(skipped)

    def lines(self) -> list[str]:
        """The report: files of other formats, parts reused, the totals, then every problem."""
        lines = []
        if self.unsupported:
            kinds = ", ".join(f"{suffix}: {n}" for suffix, n in sorted(self.unsupported.items()))
            lines.append(f"skipped {sum(self.unsupported.values())} files of unsupported formats ({kinds}); "
                         f"supported: {supported()}")
        if self.left_out:
            shown = ", ".join(str(s.path) for s in self.left_out[:3]) + (", ..." if len(self.left_out) > 3 else "")
            lines.append(f"left out {len(self.left_out)} of factwire's own outputs (this run's, or resume parts) "
                         f"found under the inputs ({shown})")
        lines += self.notes
        if self.reused:
            lines.append(f"{self.reused} unchanged files reused from {self.output}.parts/")
        where = "stdout" if self.output == "-" else f"{self.output} ({self.output_format})"
        if self.errors_file is not None:
            where += f", errors in {self.errors_file}"
        lines.append(f"{len(self.files)} files, {self.articles} articles, "
                     + ", ".join(f"{self.facts[t]} {t}" for t in FACT_TYPES)
                     + f", {len(self.problems)} errors, {self.seconds:.1f} s -> {where}")
        return lines


class RunProgress:
    """What a run tells as it goes (nothing, here): the files and bytes to do, then each file done and each
    record written. `pipeline.batch.progress` draws it."""

    def start(self, files: int, size: int, reused: int, reused_size: int) -> None:
        """The run's files and bytes, and how many of them are reused from parts (done already)."""

    def file_done(self, item: InputFile) -> None:
        """A file extracted (or given up)."""

    def article(self, article: Article) -> None:
        """A record extracted."""


@dataclass(frozen=True)
class RunOptions:
    """How a run extracts: resumable or not, the model, batch size, engine, input options, links followed."""

    resume: bool = True
    model: str | None = None
    batch_size: int = BATCH_SIZE
    engine: Engine = Engine()
    read: ReadOptions = ReadOptions()
    follow_symlinks: bool = False


def extract_to_output(paths: Iterable[str | Path], output: str, *, output_format: str = "jsonl",
                      options: RunOptions = RunOptions(), on_skip: Callable[[Skipped], None] = lambda _: None,
                      progress: RunProgress = RunProgress()) -> RunSummary:
    """Extract `paths` into `output` (`-`: stdout, JSONL) and say what was done.

    With `options.resume`, every file's records are kept as a part beside the
    output and a later run reuses the parts of unchanged files. `on_skip` sees
    every file left out as it happens; unreadable files are also listed in
    `OUTPUT.errors.tsv`.
    The output (its parts, errors and lock files) is never read as an input,
    and is locked for the run (`OutputBusy` when another run holds it).
    """
    started = time.perf_counter()
    summary = RunSummary(output, output_format)

    def skipped(item: Skipped) -> None:
        summary.skip(item)
        on_skip(item)

    inputs: list[InputFile] = []
    avoid = output_paths(Path(output)) if output != "-" else []
    with OutputLock(Path(output)) if output != "-" else nullcontext():
        for item in find_inputs(paths, options.read.exclude, outputs=avoid, follow_symlinks=options.follow_symlinks):
            if isinstance(item, Skipped):
                skipped(item)
            else:
                inputs.append(item)
        if inputs:  # nothing to read: leave any previous output alone
            run = _Run(inputs, output, output_format, options, summary, progress, skipped)
            summary.reused = run.write()
        if output != "-":
            summary.errors_file = write_errors(Path(output), summary.problems)
    summary.seconds = time.perf_counter() - started
    return summary


class _Run:
    """One run's extraction and writing: parts reused or redone, the records written in input order."""

    def __init__(self, inputs: list[InputFile], output: str, output_format: str, options: RunOptions,
                 summary: RunSummary, progress: RunProgress, skipped: Callable[[Skipped], None]) -> None:
        self.inputs, self.output, self.output_format, self.options = inputs, output, output_format, options
        self.summary, self.progress, self.skipped = summary, progress, skipped
        self.file_problems: dict[Path, list[Skipped]] = {}
        self._track([])

    def _track(self, files: list[InputFile]) -> None:
        self.tracked, self.finished = files, 0  # files before `finished` are done
        self.index = {item.path: k for k, item in enumerate(files)}
        self.by_relative = {item.relative: k for k, item in enumerate(files)}

    def extract(self, files: list[InputFile]) -> Iterator[Article]:
        """The records of `files`, with progress: a file is done once a later file is heard of."""
        self._track(files)
        o = self.options
        for article in extract_inputs(files, model=o.model, batch_size=o.batch_size, on_skip=self._skip,
                                      options=o.read, engine=o.engine):
            self._reach(self.by_relative.get(article.path or ""))
            self.progress.article(article)
            yield article
        self._reach(len(files))

    def _skip(self, item: Skipped) -> None:
        self._reach(self.index.get(item.path))
        if item.kind in ("malformed", "failed"):  # kept with the file's part, told again when it is reused
            self.file_problems.setdefault(item.path, []).append(item)
        self.skipped(item)

    def _reach(self, k: int | None) -> None:
        if k is None:
            return
        for item in self.tracked[self.finished:k]:
            self.progress.file_done(item)
        self.finished = max(self.finished, k)

    def write(self) -> int:
        """Extract and write the records; returns how many files were reused from the parts of earlier runs."""
        total = sum(item.size for item in self.inputs)
        if self.output == "-" or not self.options.resume:
            self.progress.start(len(self.inputs), total, 0, 0)
            with record_sink(self.output, self.output_format) as add:
                for article in self.extract(self.inputs):
                    add(article)
                    self.summary.count(article)
            return 0
        return self._resumed(total)

    def _resumed(self, total: int) -> int:
        """Reuse the parts that check out, extract the other files into parts, write the output from the parts."""
        parts = Parts(Path(self.output), model_name(self.options.model), self.options.read.max_bytes)
        todo = [item for item in self.inputs if not parts.done(item)]
        fresh = set(todo)
        self.progress.start(len(self.inputs), total, len(self.inputs) - len(todo),
                            sum(item.size for item in self.inputs if item not in fresh))
        by_relative = {item.relative: item for item in todo}
        for relative, articles in groupby(self.extract(todo) if todo else iter(()), key=lambda a: a.path):
            item = by_relative[relative]
            parts.write(item, articles, self.file_problems.setdefault(item.path, []))
        reused = 0
        with record_sink(self.output, self.output_format) as add:
            for item in self.inputs:
                part = self._part(parts, item, item in fresh)
                reused += item not in fresh and part.reused
                if isinstance(add, JsonlSink):
                    add.copy(part)
                    self.summary.count_part(item, part)
                    continue
                for article in part.articles():
                    add(article)
                    self.summary.count(article)
        parts.prune(self.inputs)
        return reused

    def _part(self, parts: Parts, item: InputFile, fresh: bool) -> Part:
        """A file's part; a part that does not check out is reported and its file redone."""
        try:
            part = parts.read(item)
        except PartInvalid as err:
            if fresh and not parts.done(item):
                return Part([], reused=False)  # extracted now without records: its problems were told
            self.summary.notes.append(f"the part of {item.relative} in {parts.folder} is {err}: redone")
            self.file_problems.pop(item.path, None)
            parts.write(item, self.extract([item]), self.file_problems.setdefault(item.path, []))
            try:
                return replace(parts.read(item), problems=[], reused=False)
            except PartInvalid:
                return Part([], reused=False)  # not kept (the file turned unreadable): its problems were told
        if not fresh:
            for problem in part.problems:
                self.skipped(problem)
        return part

