"""Records -> files. Output goes to a temporary file renamed into place, so it is never half-written."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from pipeline.reader import Skipped
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


def jsonl_line(article: Article) -> str:
    """One article as one JSON line."""
    return article.model_dump_json() + "\n"


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
