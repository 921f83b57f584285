"""Reading documents from the command line's kinds of input, for library users."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cleanpipe.document import Document
from cleanpipe.errors import CleanpipeError
from cleanpipe.files import Format, expand_inputs, parse_record, read_raw

__all__ = ["read_documents"]


def read_documents(
    inputs: Sequence[str], *, text_field: str = "text", format: Format | None = None
) -> Iterator[Document]:
    """Yield a :class:`Document` per text file or JSONL record of ``inputs``.

    ``inputs`` are what ``cleanpipe run`` takes: files, directories, ``-``.
    A JSONL record's other fields become the document's ``fields``. Raises
    :class:`CleanpipeError` on the first input or record that cannot be used.
    """
    for source in expand_inputs(list(inputs), format):
        for line, data, _ in read_raw(source):
            record = parse_record(source.name, source.format, line, data, text_field)
            if record.text is None:
                msg = f"{record.where}: rejected: {record.error}"
                raise CleanpipeError(msg)
            yield record.document(text_field)
