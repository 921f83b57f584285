"""Running a pipeline over inputs: reading, cleaning, reporting, writing."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Literal

import attrs

from cleanpipe.document import Document
from cleanpipe.errors import CleanpipeError, ExitCode, StepError
from cleanpipe.explain import explain, wants_color
from cleanpipe.files import (
    MAX_BYTES,
    Input,
    InputError,
    Record,
    UsageError,
    atomic_output,
    format_record,
    read_records,
)
from cleanpipe.pipeline import Pipeline

__all__ = ["OnError", "Runner", "Summary"]

#: What to do with a document whose step fails: keep its text as it was,
#: stop the run, or leave the document out of the output.
OnError = Literal["keep", "fail", "skip"]


@attrs.define
class Summary:
    """What a run did, for the exit status and the closing message."""

    documents: int = 0
    failed: int = 0
    rejected: int = 0
    unreadable: int = 0

    @property
    def exit_code(self) -> ExitCode:
        """``OK`` only if every document of every input was cleaned."""
        problems = self.failed + self.rejected + self.unreadable
        return ExitCode.FAILED if problems else ExitCode.OK


@attrs.define
class Runner:
    """Cleans inputs with a pipeline and writes them where they belong.

    :ivar report: receives one line per problem (a step that failed, a
        record that was rejected, an input that could not be read).
    """

    pipeline: Pipeline
    report: Callable[[str], None]
    text_field: str = "text"
    max_bytes: int = MAX_BYTES
    on_error: OnError = "keep"
    explain_to: IO[str] | None = None
    errors_to: IO[str] | None = None
    summary: Summary = attrs.field(factory=Summary)

    def run(
        self, inputs: list[Input], output: Path | None, into_directory: bool
    ) -> Summary:
        """Clean every input: to standard output, to one file, or into a directory."""
        if into_directory and output is not None:
            for source in inputs:
                with atomic_output(output / source.relative) as stream:
                    self._clean_input(source, stream)
        else:
            with atomic_output(output) as stream:
                for source in inputs:
                    self._clean_input(source, stream)
        return self.summary

    def _clean_input(self, source: Input, stream: IO[str]) -> None:
        try:
            for record in read_records(source, self.text_field, self.max_bytes):
                self._clean_record(record, stream)
        except InputError as exc:
            self.summary.unreadable += 1
            self.report(str(exc))

    def _clean_record(self, record: Record, stream: IO[str]) -> None:
        if record.text is None:
            self.summary.rejected += 1
            self.report(f"{record.where}: rejected: {record.error}")
            self._keep_rejected(record)
            return
        self.summary.documents += 1
        try:
            doc = self.pipeline.run(Document(record.text, id=record.where))
        except StepError as exc:
            self.summary.failed += 1
            if self.on_error == "fail":
                raise
            self.report(str(exc) + _consequence(self.on_error))
            if self.on_error == "skip":
                self._keep_rejected(record)
                return
            doc = Document(record.text, id=record.where)
        if self.explain_to is not None:
            self.explain_to.write(
                explain(record.text, doc, color=wants_color(self.explain_to))
            )
        stream.write(format_record(record, doc.text, self.text_field))

    def _keep_rejected(self, record: Record) -> None:
        if self.errors_to is not None:
            raw = record.raw if record.raw is not None else record.text or ""
            self.errors_to.write(raw if raw.endswith("\n") else raw + "\n")


def _consequence(on_error: OnError) -> str:
    if on_error == "skip":
        return " (document left out)"
    return " (document kept as it was)"


@contextlib.contextmanager
def errors_file(path: Path | None) -> Iterator[IO[str] | None]:
    """The ``--errors`` file, written atomically, or ``None``."""
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
