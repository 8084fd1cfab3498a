"""Outside evaluation data, read where it lies: the folder it is in, and how a corpus there becomes gold.

Corpora and test suites written by other projects (MEANTIME, FiNER-ORD,
CoNLL-2003, TempEval-3, the peer money and number suites, Wikinews) are never
copied into the project: their terms let us read them in place. The folder is
`$FACTWIRE_DATA`, else `../shared/data` beside the working directory (the
checkout). A baseline names an outside gold set as `$FACTWIRE_DATA/<path>`,
with the importer that reads it and the split it scores.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.gold.annotation_tools import import_gold
from pipeline.gold.format import GoldArticle, load_gold

DATA_ENV = "FACTWIRE_DATA"
DATA_PREFIX = f"${DATA_ENV}/"


class DataMissing(FileNotFoundError):
    """The outside data folder, or a file in it, is not there; the message names it."""


def data_folder(checkout: str | Path | None = None) -> Path:
    """`$FACTWIRE_DATA`, else `shared/data` beside the checkout (default: the working directory)."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    return Path(checkout or Path.cwd()).resolve().parent / "shared" / "data"


def data_path(relative: str, folder: Path | None = None) -> Path:
    """A file of the outside data folder (default: `data_folder()`); DataMissing naming what is absent."""
    folder = folder or data_folder()
    if not folder.is_dir():
        raise DataMissing(f"outside data folder {folder} is missing (set {DATA_ENV})")
    path = folder / relative
    if not path.exists():
        raise DataMissing(f"{path} is missing from the outside data folder")
    return path


def is_outside(location: str) -> bool:
    """Whether a gold location names the outside data folder ('$FACTWIRE_DATA/corpora/...')."""
    return location.startswith(DATA_PREFIX)


def load_gold_set(location: str, root: Path, importer: str | None = None, split: str | None = None,
                  data: Path | None = None) -> dict[str, GoldArticle]:
    """The gold articles a baseline names: project gold under `root`, or an outside corpus read in place.

    An outside corpus is converted on the fly by its importer (`meantime`,
    `conll`, ...), and only the articles of `split` are kept when it has splits.
    """
    if not is_outside(location):
        return load_gold(root / location)
    path = data_path(location.removeprefix(DATA_PREFIX), data or data_folder(root))
    groups = import_gold(importer or "meantime", path, [])
    chosen = groups[split] if split else [a for articles in groups.values() for a in articles]
    return {article.id: article for article in chosen}
