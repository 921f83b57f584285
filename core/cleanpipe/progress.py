"""A one-line progress display for a terminal: documents, MB, rates, time left."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import IO

from cleanpipe.stats import Stats

__all__ = ["Progress"]


class Progress:
    """Redraws one line of ``stream`` as documents are cleaned.

    Made only when ``stream`` is a terminal: in a log file a redrawn line is
    noise. The time left is estimated from the bytes of the input files read
    so far (as stored, so compressed inputs count their compressed size)
    against ``total``, their size; ``None`` when it is unknown (standard
    input).
    """

    def __init__(
        self,
        stream: IO[str],
        total: int | None,
        *,
        every: float = 0.2,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.total = total
        self.every = every
        self.clock = clock
        self.documents = 0
        self.data = 0
        self.read = 0
        self.started = self.last_drawn = clock()
        self.visible = False

    def advance(self, stats: Stats, read: int) -> None:
        """Count a cleaned batch or shard: its stats, and the input bytes it read."""
        self.documents += stats.documents
        self.data += stats.bytes_in
        self.read += read
        now = self.clock()
        if now - self.last_drawn >= self.every:
            self.last_drawn = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()
            self.visible = True

    def skip(self, size: int) -> None:
        """Leave out of the estimate an input that will not be read."""
        if self.total is not None:
            self.total -= size

    def line(self, now: float) -> str:
        """What the display shows at time ``now``."""
        elapsed = max(now - self.started, 1e-9)
        shown = (
            f"{self.documents:,} docs  {self.data / 1e6:,.1f} MB  "
            f"{self.documents / elapsed:,.0f} docs/s  {self.data / elapsed / 1e6:,.1f} MB/s"
        )
        if self.total and self.read:
            left = max(self.total - self.read, 0) * elapsed / self.read
            minutes, seconds = divmod(round(left), 60)
            shown += f"  ETA {minutes // 60}:{minutes % 60:02}:{seconds:02}"
        return shown

    def clear(self) -> None:
        """Take the line away, before a message or at the end."""
        if self.visible:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.visible = False
