"""Every mistake of a `factwire extract` command found before any work, each said in one line.

A run that fails after an hour because a path was mistyped, the output
folder is read-only or an optional package is missing wastes the hour; so
all that can be checked without extracting is checked first: the input
paths, the output (not an input, the right kind of path, writable), the
format's and engine's packages, the number of workers and the model.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from importlib.util import find_spec
from pathlib import Path

from pipeline.batch.writers import OutputRefused, check_output_target
from pipeline.nlp.loader import ModelNotFound, model_name

WORKERS_PER_CPU = 4  # each worker loads the model (about 200 MB) and wants a CPU: more only waits and swaps


class RunRefused(ValueError):
    """A command that cannot run as given; the message says what to change."""


def max_workers() -> int:
    """The most worker processes a run may start: a few per CPU.

    >>> max_workers() >= WORKERS_PER_CPU
    True
    """
    return WORKERS_PER_CPU * (os.cpu_count() or 1)


def check_run(paths: Iterable[Path], output: str, output_format: str, *, engine: str = "local", workers: int = 1,
              model: str | None = None, force: bool = False) -> None:
    """Raise `RunRefused` (one line) for the first mistake in a run's arguments; return when it can start."""
    paths = list(paths)
    missing = [str(p) for p in paths if not os.path.lexists(p)]
    if missing:
        raise RunRefused(f"no such file or folder: {', '.join(missing)}")
    if not 1 <= workers <= max_workers():
        raise RunRefused(f"--workers is between 1 and {max_workers()} ({WORKERS_PER_CPU} per CPU; each worker "
                         f"loads the model, about 200 MB), got {workers}")
    if engine == "dask" and (find_spec("dask") is None or find_spec("distributed") is None):
        raise RunRefused("--engine dask needs the dask extra: pip install 'factwire[dask]'")
    try:
        check_output_target(output, output_format, paths, force)
    except OutputRefused as err:
        raise RunRefused(str(err)) from None
    if output != "-":
        _check_writable(Path(output))
    _check_model(model)


def _check_writable(output: Path) -> None:
    """The folder the output goes in (or its nearest existing parent) must take new files."""
    folder = output.absolute().parent
    while not folder.exists():
        folder = folder.parent
    if not folder.is_dir():
        raise RunRefused(f"cannot write {output}: {folder} is a file, not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise RunRefused(f"cannot write {output}: {folder} is read-only or not yours")


def _check_model(model: str | None) -> None:
    """The model must be an installed package or a saved pipeline's folder."""
    try:
        name = model_name(model)
    except ModelNotFound as err:
        raise RunRefused(str(err)) from None
    if Path(name).is_dir() or find_spec(name.replace("-", "_")) is not None:
        return
    raise RunRefused(f"unknown model {name!r}: install it (pip install ...) or give a saved pipeline's folder")
