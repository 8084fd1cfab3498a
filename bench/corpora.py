"""Where the benchmark corpora are, and the small scoring helpers the benchmarks share.

The corpora are read in place from the data folder: `$FACTWIRE_DATA`, else
`../shared/data` beside the checkout; never copied into the repository (see
that folder's `corpora/README.md` for formats, licences and splits).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.evaluation.corpora import DATA_ENV
from pipeline.evaluation.corpora import data_folder as outside_data_folder

CHECKOUT = Path(__file__).resolve().parents[1]


def data_folder() -> Path:
    """The data folder (`pipeline.evaluation.corpora.data_folder`); exits with one line naming it when missing."""
    folder = outside_data_folder(CHECKOUT)
    if not folder.is_dir():
        sys.exit(f"factwire bench: data folder {folder} not found (set {DATA_ENV} to the folder holding corpora/)")
    return folder


def corpus_file(name: str | Path) -> Path:
    """A corpus file: a path as given when it exists, else that name inside the data folder's corpora/."""
    path = Path(name)
    if path.is_file():
        return path
    found = data_folder() / "corpora" / path.name
    if not found.is_file():
        sys.exit(f"factwire bench: corpus file {found} not found")
    return found


def read_jsonl(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 when undefined).

    >>> prf(8, 2, 2)
    (0.8, 0.8, 0.8)
    """
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 10), round(recall, 10), round(f1, 10)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def in_context(text: str, span: tuple[int, int], words: int = 6) -> str:
    """The span marked [[...]] with a few words either side, on one line (terminal output only)."""
    start, end = span
    before = text[:start].replace("\n", " | ").split(" ")[-words - 1:]
    after = text[end:].replace("\n", " | ").split(" ")[:words + 1]
    return (" ".join(before) + "[[" + text[start:end].replace("\n", " | ") + "]]" + " ".join(after)).strip()


@contextmanager
def timed(label: str) -> Iterator[None]:
    """Print how long the block took, on stderr."""
    began = time.perf_counter()
    yield
    print(f"[{label}: {time.perf_counter() - began:.1f} s]", file=sys.stderr)
