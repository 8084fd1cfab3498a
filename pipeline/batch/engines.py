"""Where batches of files are extracted: a local process pool, or a Dask cluster.

Every engine runs the same pure function on batches of files
(`extract.extract_files`: files in, JSON records and skipped files out) and
gives the results back in input order, so a run writes the same records
whatever engine ran it. Workers load the model once each (`nlp.load` is
cached per process) and are sent the model's name, never a pickled pipeline.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from pipeline.nlp.loader import load

Batch = TypeVar("Batch")
Result = TypeVar("Result")
ENGINES = ("local", "dask")


class EngineUnavailable(RuntimeError):
    """The engine asked for is not installed or cannot be reached."""


@dataclass(frozen=True)
class Engine:
    """How to run: `local` with `workers` processes (1: this process), or `dask` on `scheduler`
    (an address such as tcp://10.0.0.5:8786; none starts a local cluster of `workers` processes)."""

    kind: str = "local"
    workers: int = 1
    scheduler: str | None = None

    @property
    def parallel(self) -> bool:
        return self.kind == "dask" or self.workers > 1


def run_batches(work: Callable[[Batch], Result], batches: Sequence[Batch], engine: Engine,
                model: str | None) -> Iterator[Result]:
    """`work` applied to every batch on the engine's workers; results in batch order."""
    if engine.kind == "dask":
        yield from _on_dask(work, batches, engine)
        return
    with multiprocessing.get_context("fork").Pool(engine.workers, initializer=load, initargs=(model,)) as pool:
        yield from pool.imap(work, batches)


def _on_dask(work: Callable[[Batch], Result], batches: Sequence[Batch], engine: Engine) -> Iterator[Result]:
    """Submit the batches to a Dask cluster, a few per worker at a time, and yield their results in order."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        raise EngineUnavailable("the dask engine needs the dask extra: pip install 'factwire[dask]'") from err
    cluster = None
    try:
        if engine.scheduler:
            client = Client(engine.scheduler, timeout="30s")
        else:
            cluster = LocalCluster(n_workers=engine.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    except OSError as err:
        raise EngineUnavailable(f"cannot reach the Dask scheduler {engine.scheduler}: {err}") from err
    try:
        in_flight: deque = deque()
        limit = 2 * max(len(client.scheduler_info()["workers"]), 1)
        for batch in batches:
            in_flight.append(client.submit(work, batch, pure=False))
            if len(in_flight) >= limit:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
