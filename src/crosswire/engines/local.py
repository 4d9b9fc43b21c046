"""The local engine: this process for small batches, else a process pool over the machine's cores.

Each pool worker builds its resources and pipeline once, in the pool's initializer (the models load
once per worker, ~3 s); reports go out in small chunks and come back in input order, and the caller
alone writes them to the store, in batches.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import multiprocessing.pool
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from ..model import Article
from ..pipeline import Pipeline, Reject
from .base import WorkerSpec, analyse_one, error_for

MIN_POOL_BATCH = 24  # fewer reports than this are analysed here: loading models in workers costs more
CHUNK = 2  # reports per task sent to a worker

# One pipeline per pool worker process, set by its initializer: a worker's whole state.
_worker_pipeline: Pipeline | None = None


def _init_worker(spec: WorkerSpec) -> None:
    global _worker_pipeline
    _die_with_parent()
    _worker_pipeline = spec.pipeline()


PR_SET_PDEATHSIG = 1  # prctl(2) option: the signal this process gets when its parent ends


def _die_with_parent() -> None:
    """Ask Linux to end this worker the moment the process that started it ends, however it ends: a
    killed run then leaves no worker analysing for nobody, or printing a broken pipe's traceback as it
    finds its parent gone. Elsewhere a worker still ends at its next read from the closed pool."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # no prctl in this libc: the fallback above holds
        return
    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() != parent.pid:  # the parent ended before the request was made
        os._exit(1)


def _work(article: Article) -> Article | Reject:
    assert _worker_pipeline is not None, "pool worker used before its initializer ran"
    return analyse_one(_worker_pipeline, article, "skip")


class _Worker(multiprocessing.context.SpawnProcess):
    """A pool worker that ends quietly when its results have no one to go to (the run was killed):
    the broken pipe is the run's end, not an error to print."""

    def run(self) -> None:
        try:
            super().run()
        except (BrokenPipeError, ConnectionResetError, EOFError):
            os._exit(1)


class _Pool(multiprocessing.pool.Pool):
    @staticmethod
    def Process(ctx: Any, *args: Any, **kwds: Any) -> _Worker:  # noqa: N802 (the name Pool calls)
        return _Worker(*args, **kwds)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class LocalEngine:
    name = "local"

    def __init__(self, spec: WorkerSpec, pipeline: Pipeline, workers: int = 0, policy: str = "skip",
                 min_pool_batch: int | None = None) -> None:
        """`pipeline`: this process's analysing pipeline; `workers` 0 means one per core."""
        self.spec, self.pipeline, self.policy = spec, pipeline, policy
        self.workers = workers or default_workers()
        self.min_pool_batch = MIN_POOL_BATCH if min_pool_batch is None else min_pool_batch
        self._pool: Any = None

    def map(self, articles: Sequence[Article]) -> Iterator[Article | Reject]:
        if self.workers <= 1 or (self._pool is None and len(articles) < self.min_pool_batch):
            for article in articles:
                yield analyse_one(self.pipeline, article, self.policy)
            return
        if self._pool is None:
            context = multiprocessing.get_context("spawn")  # no fork of a process holding models or locks
            self._pool = _Pool(self.workers, initializer=_init_worker, initargs=(self.spec,), context=context)
        for result in self._pool.imap(_work, articles, chunksize=CHUNK):
            if isinstance(result, Reject) and self.policy == "raise":
                raise error_for(result)
            yield result

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
