"""Running a pipeline over inputs: reading, cleaning, reporting, writing."""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable, Generator, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import attrs

from cleanpipe.batches import BATCH_RECORDS, read_batches
from cleanpipe.cleaning import (
    BatchResult,
    Handling,
    OnError,
    clean_batch,
    clean_in_worker,
    start_worker,
    warm_up,
)
from cleanpipe.errors import CleanpipeError, ExitCode
from cleanpipe.explain import wants_color
from cleanpipe.files import (
    MAX_BYTES,
    Input,
    UsageError,
    atomic_binary_output,
    atomic_output,
)
from cleanpipe.markers import finished_problems, mark_finished, shard_key
from cleanpipe.pipeline import Pipeline
from cleanpipe.progress import Progress
from cleanpipe.stats import Stats

__all__ = ["OnError", "Runner"]


@attrs.define
class Runner:
    """Cleans inputs with a pipeline and writes them where they belong.

    Outputs, messages and counts come in input order, whatever ``jobs`` is:
    the worker processes clean batches, this process writes their results
    in order.

    :ivar report: receives one line per problem (a step that failed, a
        record that was rejected, an input that could not be read).
    :ivar jobs: worker processes; 1 cleans in this process.
    :ivar batch_size: documents per batch, the unit of work of a worker.
    :ivar force: clean inputs whose output is marked finished, too.
    :ivar progress: the progress display, told of each batch once written.
    :ivar explain_color: whether ``--explain`` is coloured; ``None`` decides
        by ``explain_to`` (a terminal, ``NO_COLOR``, ``FORCE_COLOR``).
    """

    pipeline: Pipeline
    report: Callable[[str], None]
    text_field: str = "text"
    on_error: OnError = "keep"
    explain_to: IO[str] | None = None
    explain_color: bool | None = None
    errors_to: IO[str] | None = None
    jobs: int = 1
    batch_size: int = BATCH_RECORDS
    max_bytes: int = MAX_BYTES
    metadata_field: str | None = None
    force: bool = False
    progress: Progress | None = None
    stats: Stats = attrs.field(factory=Stats)

    def run(
        self, inputs: Sequence[Input], output: Path | None, into_directory: bool
    ) -> Stats:
        """Clean every input: to standard output, to one file, or into a directory.

        Into a directory, each input is a shard: its own output file, with a
        marker once complete, and skipped when an earlier run completed it.
        """
        if into_directory and output is not None:
            return self.run_shards([(s, output / s.relative) for s in inputs])
        with (
            self.stats.timed(),
            atomic_binary_output(output) as stream,
            contextlib.closing(self._results(inputs)) as results,
        ):
            for result in results:
                self._write(result, stream)
        return self.stats

    def run_shards(self, shards: Sequence[tuple[Input, Path]]) -> Stats:
        """Clean each input into its own output file, given as ``(input, output)``."""
        with self.stats.timed():
            todo = self._unfinished(shards)
            with contextlib.closing(self._results([s for s, _, _ in todo])) as results:
                for _, target, key in todo:
                    shard = Stats()
                    with shard.timed(), atomic_binary_output(target) as stream:
                        for result in results:
                            shard.add(self._write(result, stream))
                            if result.batch.last:
                                break
                    if key is not None and not shard.unreadable:
                        mark_finished(target, key, shard.to_json())
        return self.stats

    def _unfinished(
        self, shards: Sequence[tuple[Input, Path]]
    ) -> list[tuple[Input, Path, dict[str, Any] | None]]:
        """The shards to clean, with their marker keys; count the others skipped."""
        todo = []
        for source, target in shards:
            key = shard_key(source, self.pipeline, self._handling())
            found = None
            if key is not None and not self.force:
                found = finished_problems(target, key)
            if found is None:
                todo.append((source, target, key))
                continue
            self.stats.skipped += 1
            self._carry_over(target, *found)
            if self.progress is not None and key is not None:
                self.progress.skip(key["size"])
        return todo

    def _carry_over(self, target: Path, failed: int, rejected: int) -> None:
        """Count and report the problems of a shard an earlier run finished.

        The problems were reported by that run; counting them again keeps the
        exit status of a rerun true to the output it leaves.
        """
        if not failed and not rejected:
            return
        self.stats.failed += failed
        self.stats.rejected += rejected
        counts = [
            f"{n} {what}{'s' if n > 1 else ''}"
            for n, what in ((failed, "failed document"), (rejected, "rejected record"))
            if n
        ]
        self.report(
            f"{target}: skipped: an earlier run finished it with "
            f"{' and '.join(counts)}, reported then (--force cleans it again)"
        )

    def _explain_color(self) -> bool:
        if self.explain_to is None:
            return False
        if self.explain_color is not None:
            return self.explain_color
        return wants_color(self.explain_to)

    def _handling(self) -> Handling:
        return Handling(
            self.text_field,
            self.on_error,
            explain=self.explain_to is not None,
            color=self._explain_color(),
            max_bytes=self.max_bytes,
            metadata_field=self.metadata_field,
        )

    def _results(self, inputs: Sequence[Input]) -> Generator[BatchResult, None, None]:
        handling = self._handling()
        batches = read_batches(
            inputs, records=self.batch_size, max_bytes=self.max_bytes
        )
        if self.jobs == 1:
            yield from map(
                functools.partial(clean_batch, self.pipeline, handling), batches
            )
            return
        if self.pipeline.recipe is None:
            msg = (
                "a pipeline not built by Pipeline.from_spec cannot be rebuilt in "
                "worker processes: run it with one job"
            )
            raise UsageError(msg)
        # Imported here: multiprocessing and concurrent.futures cost ~20 ms
        # of start-up that a run in one process does not need.
        from cleanpipe.pool import forks_workers, ordered_map

        if forks_workers():
            # Loaded once here, shared by every forked worker.
            warm_up(self.pipeline)
        yield from ordered_map(
            clean_in_worker,
            batches,
            jobs=self.jobs,
            initializer=start_worker,
            initargs=(self.pipeline.recipe, handling),
        )

    def _write(self, result: BatchResult, stream: IO[bytes]) -> Stats:
        """Write and report what became of a batch's documents; its stats."""
        stats = result.stats
        for outcome in result.outcomes:
            if outcome.stop is not None:
                raise outcome.stop
            if outcome.report is not None:
                self.report(outcome.report)
            if outcome.kept is not None and self.errors_to is not None:
                self.errors_to.write(outcome.kept)
            if outcome.explained is not None and self.explain_to is not None:
                self.explain_to.write(outcome.explained)
            if outcome.output is not None:
                stream.write(outcome.output)
        batch = result.batch
        if batch.error is not None:
            stats.unreadable += 1
            self.report(batch.error)
        elif batch.last:
            stats.inputs += 1
        self.stats.add(stats)
        if self.progress is not None:
            self.progress.advance(stats, batch.read)
        return stats


@contextlib.contextmanager
def optional_output(path: Path | None) -> Iterator[IO[str] | None]:
    """A text output such as the ``--errors`` file, written atomically, or ``None``."""
    if path is None:
        yield None
        return
    with atomic_output(path) as stream:
        yield stream


def check_outputs(
    inputs: list[Input], output: Path | None, into_directory: bool, in_place: bool
) -> None:
    """Refuse an output that would overwrite one of the inputs.

    Raises :class:`UsageError` when ``-o`` names one of the inputs, unless
    ``in_place``.
    """
    if output is None or in_place:
        return
    for source in inputs:
        target = output / source.relative if into_directory else output
        with contextlib.suppress(OSError):
            if source.path is not None and target.samefile(source.path):
                msg = f"output {target} is the input {source.name}; use --in-place to allow it"
                raise UsageError(msg)


def print_error(message: str) -> None:
    """Report one problem on standard error, as ``cleanpipe: error: ...``."""
    print(f"cleanpipe: error: {message}", file=sys.stderr)


def fail(exc: CleanpipeError) -> ExitCode:
    """Report an error that ends the run, and return its exit code."""
    print_error(str(exc))
    return exc.exit_code
