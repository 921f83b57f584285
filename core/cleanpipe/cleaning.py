"""Cleaning one batch: decode, parse, run the pipeline, format, count.

This is all the work a worker process does, and what ``--jobs 1`` does in
the main process: the same function, so both give the same output, the same
messages and the same counts. The caller writes what it returns, in order.
"""

from __future__ import annotations

import contextlib
import signal
from typing import Literal

import attrs

from cleanpipe.batches import Batch
from cleanpipe.errors import StepError
from cleanpipe.explain import explain
from cleanpipe.files import MAX_BYTES, Record, format_record, parse_record
from cleanpipe.pipeline import Pipeline, Recipe
from cleanpipe.stats import Stats

__all__ = [
    "BatchResult",
    "Handling",
    "OnError",
    "Outcome",
    "clean_batch",
    "clean_in_worker",
    "start_worker",
    "warm_up",
]

#: What to do with a document whose step fails: keep its text as it was,
#: stop the run, or leave the document out of the output.
OnError = Literal["keep", "fail", "skip"]


@attrs.frozen
class Handling:
    """How documents are handled, beyond the pipeline itself."""

    text_field: str = "text"
    on_error: OnError = "keep"
    #: Whether to describe each document's edits (``--explain``).
    explain: bool = False
    #: Whether that description is coloured for a terminal.
    color: bool = False
    #: The JSONL field to write each document's metadata to, if any.
    metadata_field: str | None = None
    #: Documents larger than this are rejected (``--max-bytes``).
    max_bytes: int = MAX_BYTES


@attrs.frozen
class Outcome:
    """What became of one document, for the caller to write and report in order."""

    #: The output line(s), in UTF-8; ``None`` when the document is left out.
    output: bytes | None = None
    #: A problem to report.
    report: str | None = None
    #: The raw record to keep in the ``--errors`` file.
    kept: str | None = None
    #: What ``--explain`` says about the document.
    explained: str | None = None
    #: The failure that stops the run (``--on-error fail``).
    stop: StepError | None = None


@attrs.frozen
class BatchResult:
    """The outcomes of a batch, in order, with the batch's bookkeeping."""

    batch: Batch
    outcomes: tuple[Outcome, ...]
    stats: Stats


def clean_batch(pipeline: Pipeline, handling: Handling, batch: Batch) -> BatchResult:
    """Clean every document of ``batch``; stop at a failure if told to."""
    stats = Stats()
    outcomes = []
    for line, data in batch.records:
        record = parse_record(
            batch.name,
            batch.format,
            line,
            data,
            handling.text_field,
            handling.max_bytes,
        )
        stats.documents += 1
        stats.bytes_in += len(data)
        outcome = _clean_record(pipeline, handling, record, stats)
        outcomes.append(outcome)
        if outcome.stop is not None:
            break
    # The result goes back without the records: nothing needs them any more,
    # and from a worker they would double the bytes sent between processes.
    return BatchResult(attrs.evolve(batch, records=()), tuple(outcomes), stats)


def _clean_record(
    pipeline: Pipeline, handling: Handling, record: Record, stats: Stats
) -> Outcome:
    if record.text is None:
        stats.rejected += 1
        report = f"{record.where}: rejected: {record.error}"
        # An oversized document is never read whole: its place in the report
        # is all there is to keep (a blank line would only pad the file).
        kept = None if record.raw is None else _raw(record)
        return Outcome(report=report, kept=kept)
    failure = None
    try:
        doc = pipeline.run(
            record.document(handling.text_field), timings=stats.step_seconds
        )
    except StepError as exc:
        stats.failed += 1
        if handling.on_error == "fail":
            return Outcome(stop=exc)
        if handling.on_error == "skip":
            return Outcome(report=f"{exc} (document left out)", kept=_raw(record))
        failure = f"{exc} (document kept as it was)"
        doc = record.document(handling.text_field)
    stats.count_edits(doc)
    metadata = (
        None
        if handling.metadata_field is None
        else (handling.metadata_field, doc.metadata)
    )
    output = format_record(record, doc.text, handling.text_field, metadata)
    stats.written += 1
    stats.bytes_out += len(output)
    explained = (
        explain(record.text, doc, color=handling.color) if handling.explain else None
    )
    return Outcome(output=output, report=failure, explained=explained)


def _raw(record: Record) -> str:
    if record.raw is not None:
        raw = record.raw.decode("utf-8", errors="replace")
    else:
        raw = record.text or ""
    return raw if raw.endswith("\n") else raw + "\n"


#: A short text that makes the built-in steps load what they load on first use:
#: sentence-split's word frequencies ("saidThe" is a join they judge) and
#: related-links' letter-case patterns (a label run into three headlines).
_WARM_UP_TEXT = (
    "Home\nShare\nThe officials saidThe troops left.More news Ã© here.\n"
    "Related ArticlesPrices Rise Again in MayWhy the Vote Was DelayedTen New Parks Open"
)


def warm_up(pipeline: Pipeline) -> None:
    """Run ``pipeline`` once on a short text, to load what steps load on first use.

    In a worker that is before its first batch; in the main process, before it
    forks its workers, which then share the data instead of each loading it. A
    step that fails on the text is left to fail on the documents.
    """
    with contextlib.suppress(StepError):
        pipeline.run(_WARM_UP_TEXT)


#: The pipeline and handling of this worker process, set by :func:`start_worker`.
_worker: tuple[Pipeline, Handling] | None = None


def start_worker(recipe: Recipe, handling: Handling) -> None:
    """Set up a worker process: build its pipeline once, from the recipe, and warm it."""
    global _worker  # one pipeline per worker process, built once
    # Ctrl-C reaches every process of the terminal's group: the main process
    # stops the pool, the workers must not each print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pipeline = recipe.build()
    warm_up(pipeline)
    _worker = (pipeline, handling)


def clean_in_worker(batch: Batch) -> BatchResult:
    """Clean ``batch`` in a worker process set up by :func:`start_worker`."""
    if _worker is None:
        msg = "clean_in_worker runs only in a process set up by start_worker"
        raise RuntimeError(msg)
    return clean_batch(*_worker, batch)
