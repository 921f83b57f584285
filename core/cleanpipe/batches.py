"""Inputs read as batches of raw documents: the unit of work of a worker process."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from cleanpipe.files import MAX_BYTES, Format, Input, InputError, read_raw

__all__ = ["BATCH_BYTES", "BATCH_RECORDS", "Batch", "read_batches"]

#: A batch is closed at this many documents or bytes, whichever comes first
#: (a larger document is a batch of its own). Big enough that sending it to a
#: worker costs little next to cleaning it; small enough that a few per worker
#: in flight keep memory low and the workers evenly busy to the end.
BATCH_RECORDS = 256
BATCH_BYTES = 256 * 1024


@attrs.frozen
class Batch:
    """Documents of one input, read but not decoded: cheap to send to a worker."""

    #: The input's position in the run's list of inputs.
    index: int
    #: The input's name, for messages.
    name: str
    format: Format
    #: ``(line number, bytes)`` per document, in input order.
    records: tuple[tuple[int, bytes], ...]
    #: Bytes of the input file (as stored, maybe compressed) read for this batch.
    read: int
    #: Whether this is the input's last batch: every input has one, even
    #: an empty input, so its output file is always made.
    last: bool
    #: Why the input could not be read past this batch.
    error: str | None = None


def read_batches(
    inputs: Sequence[Input],
    *,
    records: int = BATCH_RECORDS,
    size: int = BATCH_BYTES,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Batch]:
    """Yield the documents of ``inputs`` in batches, input after input, in order.

    Reading is lazy: only the batches the caller holds are in memory. An
    input that cannot be read ends with a batch that carries the error.
    """
    for index, source in enumerate(inputs):
        yield from _input_batches(index, source, records, size, max_bytes)


def _input_batches(
    index: int, source: Input, records: int, size: int, max_bytes: int
) -> Iterator[Batch]:
    pending: list[tuple[int, bytes]] = []
    pending_bytes = done = position = 0
    error = None

    def batch(last: bool) -> Batch:
        return Batch(
            index,
            source.name,
            source.format,
            tuple(pending),
            position - done,
            last,
            error,
        )

    try:
        for line, data, position in read_raw(source, max_bytes):
            pending.append((line, data))
            pending_bytes += len(data)
            if len(pending) >= records or pending_bytes >= size:
                yield batch(last=False)
                pending, pending_bytes, done = [], 0, position
    except InputError as exc:
        error = str(exc)
    yield batch(last=True)
