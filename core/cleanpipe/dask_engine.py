"""``--engine dask``: the shards of a run as tasks on a Dask distributed cluster.

Each task is :func:`cleanpipe.shards.clean_shard` on one input file, so a
cluster run writes what a local run writes, and skips what a local run would
skip. The workers need cleanpipe and the same plugins installed, and must
see the inputs and the output directory at the same paths (a shared file
system).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

import attrs

from cleanpipe.files import Input, UsageError
from cleanpipe.runner import Runner
from cleanpipe.shards import clean_shard
from cleanpipe.stats import Stats

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["DaskRunner"]


@attrs.define
class DaskRunner(Runner):
    """A :class:`Runner` whose shards run on a Dask cluster.

    :ivar scheduler: the scheduler's address (``tcp://host:8786``); ``None``
        starts a cluster on this machine with ``jobs`` worker processes.
    """

    scheduler: str | None = None

    def run_shards(self, shards: Sequence[tuple[Input, Path]]) -> Stats:
        """Clean each ``(input, output)`` as one task; report and count in order."""
        recipe = self.pipeline.recipe
        if recipe is None:
            msg = "--engine dask runs pipelines built from a spec"
            raise UsageError(msg)
        if any(source.path is None for source, _ in shards):
            msg = "--engine dask reads files, not standard input"
            raise UsageError(msg)
        color = self._explain_color()
        with self.stats.timed(), _client(self.scheduler, self.jobs) as client:
            futures = [
                client.submit(
                    clean_shard,
                    os.fspath(source.path or ""),
                    os.fspath(target),
                    recipe.plugins,
                    recipe.options,
                    format=source.format,
                    text_field=self.text_field,
                    on_error=self.on_error,
                    errors_path=_beside(target, "errors") if self.errors_to else None,
                    explain_path=_beside(target, "explain")
                    if self.explain_to
                    else None,
                    explain_color=color,
                    force=self.force,
                    pure=False,
                )
                for source, target in shards
            ]
            try:
                for (source, target), future in zip(shards, futures, strict=True):
                    result = future.result()
                    for report in result.reports:
                        self.report(report)
                    _move(_beside(target, "errors"), self.errors_to)
                    _move(_beside(target, "explain"), self.explain_to)
                    self.stats.add(result.stats)
                    if self.progress is not None:
                        size = (source.path or Path()).stat().st_size
                        if result.skipped:
                            self.progress.skip(size)
                        else:
                            self.progress.advance(result.stats, size)
            finally:
                client.cancel(futures)
        return self.stats


def _move(path: Path, stream: IO[str] | None) -> None:
    """Move what a task wrote to ``path`` (rejected records, explanations) to ``stream``."""
    if stream is None:
        return
    with contextlib.suppress(FileNotFoundError):
        stream.write(path.read_text(encoding="utf-8"))
        path.unlink()


def _beside(target: Path, what: str) -> Path:
    # Beside the output: the one place a worker and this process both see.
    return target.with_name(f".{target.name}.{what}")


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Client]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        msg = "--engine dask needs Dask: pip install 'cleanpipe[dask]'"
        raise UsageError(msg) from None
    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            # The scheduler's HTTP endpoints (health, metrics) on a free port:
            # not 8787, which another cluster may hold (it warns, and moves).
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
