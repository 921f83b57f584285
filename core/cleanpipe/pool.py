"""A process pool that maps a function over a stream, in order, a few items ahead."""

from __future__ import annotations

import collections
import contextlib
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from cleanpipe.errors import CleanpipeError

__all__ = ["WorkerError", "available_cores", "forks_workers", "ordered_map"]

T = TypeVar("T")
R = TypeVar("R")

#: Items submitted per worker before the oldest result is awaited: enough to
#: keep every worker busy while the main process writes, few enough that
#: memory stays a few batches per worker.
_AHEAD = 2


class WorkerError(CleanpipeError):
    """A worker process died (killed, or out of memory) before it finished."""


def available_cores() -> int:
    """The cores this process may run on (a Slurm or cgroup limit included)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows: no affinity, all cores
        return os.cpu_count() or 1


def _context() -> multiprocessing.context.BaseContext:
    # Fork starts workers in milliseconds, with the plugins already imported,
    # but is safe only in a process with one thread: a lock that another
    # thread holds at the fork stays locked forever in the child. Linux counts
    # every thread, native ones included; elsewhere, or with threads (a Dask
    # worker, an application using cleanpipe), start clean processes instead.
    if _single_threaded():
        return multiprocessing.get_context("fork")
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context(
        "forkserver" if "forkserver" in methods else "spawn"
    )


def forks_workers() -> bool:
    """Whether :func:`ordered_map` forks its workers from this process as it is now
    (so they start with what this process has loaded)."""
    return _context().get_start_method() == "fork"


def _single_threaded() -> bool:
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc: not Linux
        return False


@contextlib.contextmanager
def _frozen_heap(forking: bool) -> Iterator[None]:
    """Keep the collector off what exists now, for as long as workers are forked.

    A forked worker shares this process's memory until it writes to it, and
    the cyclic collector writes to every object it traverses: without this,
    each worker's first full collections copy the pages of the plugins, word
    lists and caches it inherited (Python's docs on ``gc.freeze``).
    """
    if not forking:
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def ordered_map(
    function: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[R]:
    """Yield ``function(item)`` for each item, in the order of ``items``.

    The calls run in ``jobs`` worker processes, each set up once by
    ``initializer(*initargs)`` if given. At most ``_AHEAD * jobs`` items are taken from
    ``items`` before their results are yielded, so a lazy ``items`` is read
    only as fast as the results are used. Closing the iterator early cancels
    the calls not started. Raises :class:`WorkerError` if a worker dies.
    """
    window: collections.deque[Future[R]] = collections.deque()
    context = _context()
    with (
        _frozen_heap(context.get_start_method() == "fork"),
        ProcessPoolExecutor(
            jobs, mp_context=context, initializer=initializer, initargs=initargs
        ) as pool,
    ):
        try:
            for item in items:
                window.append(pool.submit(function, item))
                if len(window) >= _AHEAD * jobs:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        except BrokenProcessPool as exc:
            msg = "a worker process died (killed, or out of memory?); the run stopped"
            raise WorkerError(msg) from exc
        finally:
            for future in window:
                future.cancel()
