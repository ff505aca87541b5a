"""Run a per-document function over many inputs: in this process, a process pool or Dask.

Every backend is a :class:`Executor` whose :meth:`Executor.map` takes a picklable
module-level function and an iterable of picklable inputs and yields the results **in
input order**, keeping at most ``window`` inputs in flight; so memory holds the documents
being worked on, not the corpus, and the results do not depend on which worker took which
input. The caller reduces the results (see :mod:`aligner.corpus`).

- :class:`Serial`: this process (``--jobs 1``).
- :class:`ProcessPool`: :class:`concurrent.futures.ProcessPoolExecutor` (``--jobs N``).
- :class:`DaskExecutor`: a ``dask.distributed`` cluster (``--dask tcp://host:8786``) or a
  LocalCluster of ``jobs`` single-threaded worker processes on 127.0.0.1 (``--dask local``).
  Workers need aligner installed (the same version: the function is sent by reference).
"""

from __future__ import annotations

import gc
import os
from collections import deque
from typing import Callable, Iterable, Iterator

from aligner.errors import UsageError


# The garbage collector's thresholds for a checking process: Python's default (700, 10, 10)
# runs a collection every 700 new containers, and checking makes millions (tokens, mentions,
# tuples) that mostly live as long as their document; 10,000 cut CPU by ~10 % on the
# engine bench with the same findings (garbage cycles are still collected, later).
# 100,000 saved ~0.15 CPU s per MB but raised a worker's peak on 50 MB with --jobs 2 from
# 474 to 629 MB (garbage cycles wait for much rarer full collections): not worth it.
GC_THRESHOLDS = (10_000, 10, 10)


def tune_process() -> None:
    """Settings for a process that checks documents (the CLI's, each pool worker's):
    :data:`GC_THRESHOLDS`, and one BLAS thread. The aligner's matrix products are small
    (blocks of a document), and OpenBLAS's threads spinning for them cost 0.4 CPU s per MB
    (a quarter of the alignment search) and crowd the other workers' cores."""
    gc.set_threshold(*GC_THRESHOLDS)
    import numpy  # noqa: F401  (OpenBLAS must be loaded for threadpoolctl to find it)
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Executor:
    """Maps a function over inputs in order; a context manager that frees its workers."""

    name = "serial"
    workers = 1

    def map(self, function: Callable, items: Iterable) -> Iterator:
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers this executor started."""


class Serial(Executor):
    """One input after the other, in this process."""

    def map(self, function: Callable, items: Iterable) -> Iterator:
        for item in items:
            yield function(item)


def _ordered(submit: Callable, items: Iterable, window: int) -> Iterator:
    """Submit up to ``window`` inputs ahead; yield each future's result in input order."""
    pending: deque = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class ProcessPool(Executor):
    """``jobs`` worker processes on this machine."""

    name = "process pool"

    def __init__(self, jobs: int, window: int | None = None):
        from concurrent.futures import ProcessPoolExecutor

        self.workers = jobs
        self.window = window or 2 * jobs
        self._pool = ProcessPoolExecutor(max_workers=jobs, initializer=tune_process)

    def map(self, function: Callable, items: Iterable) -> Iterator:
        return _ordered(lambda item: self._pool.submit(function, item), items, self.window)

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


class DaskExecutor(Executor):
    """A dask.distributed cluster: a scheduler address, or ``"local"`` for a LocalCluster."""

    name = "dask"

    def __init__(self, address: str, jobs: int, window: int | None = None, timeout: float = 30):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise UsageError("--dask needs dask.distributed: pip install 'dask[distributed]'") from None
        self._cluster = None
        if address == "local":
            self._cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                         host="127.0.0.1", dashboard_address=None)
            self._client = Client(self._cluster)
            self._client.run(tune_process)  # workers this run started (a cluster's own are left as they are)
        else:
            try:
                self._client = Client(address, timeout=timeout)
            except (OSError, TimeoutError, ValueError) as error:
                raise UsageError(f"--dask {address}: cannot reach the scheduler ({error})") from None
        threads = self._client.nthreads()
        self.workers = sum(threads.values()) or 1
        self.window = window or 2 * self.workers
        self.name = f"dask {self._client.scheduler.address}"

    def map(self, function: Callable, items: Iterable) -> Iterator:
        return _ordered(lambda item: self._client.submit(function, item, pure=False), items, self.window)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def executor(jobs: int | None = None, dask: str | None = None) -> Executor:
    """The backend for ``--jobs`` and ``--dask``: Dask when an address (or "local") is
    given, a process pool for more than one job, else this process."""
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, got {jobs}")
    if dask:
        return DaskExecutor(dask, jobs)
    if jobs > 1:
        return ProcessPool(jobs)
    return Serial()
