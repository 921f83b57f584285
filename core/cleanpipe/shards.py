"""The shard as the unit of work: one input file cleaned into one output file.

:func:`clean_shard` is what a Slurm array task, a cron job or a Dask task
runs; :func:`select_shard` is how ``--shard I/N`` splits a list of inputs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs

from cleanpipe.cleaning import OnError
from cleanpipe.files import Format, UsageError, expand_inputs
from cleanpipe.pipeline import Pipeline
from cleanpipe.runner import Runner, optional_output
from cleanpipe.stats import Stats

__all__ = ["ShardResult", "clean_shard", "parse_shard", "select_shard"]

T = TypeVar("T")


@attrs.frozen
class ShardResult:
    """What :func:`clean_shard` did."""

    output: Path
    stats: Stats
    #: One line per problem, as ``cleanpipe run`` would print them.
    reports: tuple[str, ...]

    @property
    def skipped(self) -> bool:
        """Whether an earlier run had finished this shard, so nothing was done."""
        return self.stats.skipped > 0


def clean_shard(
    input_path: str | os.PathLike[str],
    output_path: str | os.PathLike[str],
    plugins: str = "default",
    options: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    format: Format | None = None,
    text_field: str = "text",
    on_error: OnError = "keep",
    errors_path: str | os.PathLike[str] | None = None,
    explain_path: str | os.PathLike[str] | None = None,
    explain_color: bool | None = None,
    force: bool = False,
    jobs: int = 1,
) -> ShardResult:
    """Clean one input file into one output file, atomically, and mark it finished.

    The output (``.jsonl``, ``.jsonl.gz``, ``.jsonl.zst`` or text) appears
    whole or not at all; then a marker, ``OUTPUT.done``, records what it was
    made from. Called again with the same input, steps and options, it skips
    the work (unless ``force``). Problems with documents are handled as by
    ``cleanpipe run`` and returned in :attr:`ShardResult.reports`; with
    ``on_error="fail"`` a failing step raises :class:`StepError`.
    ``errors_path`` receives rejected records and left-out documents;
    ``explain_path`` what ``--explain`` says of each document (coloured if
    ``explain_color``; ``None`` decides as ``cleanpipe run`` does for a file).
    """
    inputs = expand_inputs([os.fspath(input_path)], format)
    if len(inputs) != 1 or inputs[0].path != Path(input_path):
        msg = f"a shard is one file, not a directory: {os.fspath(input_path)}"
        raise UsageError(msg)
    reports: list[str] = []
    with (
        optional_output(
            None if errors_path is None else Path(errors_path)
        ) as errors_to,
        optional_output(
            None if explain_path is None else Path(explain_path)
        ) as explain_to,
    ):
        runner = Runner(
            Pipeline.from_spec(plugins, options),
            report=reports.append,
            text_field=text_field,
            on_error=on_error,
            errors_to=errors_to,
            explain_to=explain_to,
            explain_color=explain_color,
            jobs=jobs,
            force=force,
        )
        stats = runner.run_shards([(inputs[0], Path(output_path))])
    return ShardResult(Path(output_path), stats, tuple(reports))


def parse_shard(text: str) -> tuple[int, int]:
    """``"I/N"`` as ``(I, N)``, with ``0 <= I < N``; else ``ValueError``."""
    index, slash, count = text.partition("/")
    try:
        shard = int(index), int(count)
    except ValueError:
        shard = (-1, 0)
    if not slash or not 0 <= shard[0] < shard[1]:
        msg = f"a shard is I/N with 0 <= I < N (e.g. 3/16), not {text!r}"
        raise ValueError(msg)
    return shard


def select_shard(items: Sequence[T], index: int, count: int) -> list[T]:
    """Every ``count``-th item, from the ``index``-th: shard ``index`` of ``count``.

    >>> select_shard(["a", "b", "c", "d", "e"], 1, 2)
    ['b', 'd']
    """
    return list(items[index::count])
