"""What a run did: documents and bytes in and out, and where time and edits went."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import Any

import attrs

from cleanpipe.document import Document
from cleanpipe.errors import ExitCode

__all__ = ["Stats"]


@attrs.define
class Stats:
    """Counts of one run, one shard or one batch; :meth:`add` merges them.

    Step times are the time spent inside each step, summed over documents
    (and so over worker processes: with ``--jobs 4`` they add up to about
    four times the wall time).
    """

    #: Documents read, usable or not.
    documents: int = 0
    #: Documents written to the output.
    written: int = 0
    #: Documents on which a step failed (kept as they were, or left out).
    failed: int = 0
    #: Records that could not be used (not JSON, no text field).
    rejected: int = 0
    #: Inputs cleaned.
    inputs: int = 0
    #: Inputs not read because their output was marked finished by an earlier run.
    skipped: int = 0
    #: Inputs that could not be read (to the end).
    unreadable: int = 0
    #: Bytes of the documents read (after decompression) and written.
    bytes_in: int = 0
    bytes_out: int = 0
    #: Wall-clock time of the run, set by whoever ran it.
    seconds: float = 0.0
    #: Step name → seconds inside it.
    step_seconds: dict[str, float] = attrs.field(factory=dict)
    #: Step name → rule → number of edits.
    edits: dict[str, dict[str, int]] = attrs.field(factory=dict)

    @property
    def exit_code(self) -> ExitCode:
        """``OK`` only if every document of every input was cleaned."""
        problems = self.failed + self.rejected + self.unreadable
        return ExitCode.FAILED if problems else ExitCode.OK

    @contextlib.contextmanager
    def timed(self) -> Iterator[None]:
        """Add the wall-clock time of the ``with`` block to :attr:`seconds`."""
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds += time.perf_counter() - started

    def count_edits(self, doc: Document) -> None:
        """Add the edits of ``doc`` to the counts by step and rule."""
        for edit in doc.edits:
            rules = self.edits.setdefault(edit.step, {})
            rules[edit.rule] = rules.get(edit.rule, 0) + 1

    def add(self, other: Stats) -> None:
        """Add the counts of ``other`` (a batch, a shard) to these."""
        for field in _COUNTS:
            setattr(self, field, getattr(self, field) + getattr(other, field))
        for step, seconds in other.step_seconds.items():
            self.step_seconds[step] = self.step_seconds.get(step, 0.0) + seconds
        for step, rules in other.edits.items():
            mine = self.edits.setdefault(step, {})
            for rule, count in rules.items():
                mine[rule] = mine.get(rule, 0) + count

    def to_json(self) -> dict[str, Any]:
        """The stats as the JSON object that ``--stats FILE`` holds."""
        steps = dict.fromkeys([*self.step_seconds, *self.edits])
        return {
            "documents": {
                "in": self.documents,
                "out": self.written,
                "failed": self.failed,
                "rejected": self.rejected,
            },
            "inputs": {
                "cleaned": self.inputs,
                "skipped": self.skipped,
                "unreadable": self.unreadable,
            },
            "bytes": {"in": self.bytes_in, "out": self.bytes_out},
            "seconds": round(self.seconds, 3),
            "steps": {
                step: {
                    "seconds": round(self.step_seconds.get(step, 0.0), 3),
                    "edits": sum(self.edits.get(step, {}).values()),
                    "rules": dict(sorted(self.edits.get(step, {}).items())),
                }
                for step in steps
            },
        }

    def describe(self) -> str:
        """A few lines for people: the totals, then a line per step."""
        rate = self.bytes_in / self.seconds / 1e6 if self.seconds > 0 else 0.0
        totals = (
            f"{self.documents:,} documents in, {self.written:,} out, "
            f"{self.failed:,} failed, {self.rejected:,} rejected; "
            f"{self.bytes_in / 1e6:,.1f} MB in, {self.bytes_out / 1e6:,.1f} MB out; "
            f"{self.seconds:,.1f} s ({rate:,.1f} MB/s)"
        )
        lines = [totals]
        if self.skipped:
            lines.append(f"{self.skipped:,} input(s) skipped: already cleaned")
        for step, row in self.to_json()["steps"].items():
            rules = ", ".join(f"{rule} {n:,}" for rule, n in row["rules"].items())
            lines.append(
                f"  {step:<20} {row['seconds']:>9,.2f} s {row['edits']:>9,} edits"
                + (f"  ({rules})" if rules else "")
            )
        return "\n".join(lines)


#: What :meth:`Stats.add` sums (the wall time is not a sum: its owner sets it).
_COUNTS = (
    "documents",
    "written",
    "failed",
    "rejected",
    "inputs",
    "skipped",
    "unreadable",
    "bytes_in",
    "bytes_out",
)
