"""Reading inputs (text files, JSONL, standard input) and writing outputs atomically."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import re
import sys
import tempfile
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal

import attrs

from cleanpipe.decoding import binary_kind, decode_text
from cleanpipe.errors import CleanpipeError, ExitCode

__all__ = [
    "MAX_BYTES",
    "Input",
    "InputError",
    "Record",
    "atomic_output",
    "expand_inputs",
    "format_record",
    "read_records",
]

Format = Literal["text", "jsonl"]

#: The largest document (a text file, or a JSONL line) read by default.
MAX_BYTES = 64 * 1024 * 1024
_SNIFF = 8192
_SKIP = 1024 * 1024
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

#: The file names a directory input contributes.
_SUFFIXES = (".txt", ".jsonl", ".jsonl.gz")


class InputError(CleanpipeError):
    """An input that cannot be read, or a record in it that cannot be used."""


class UsageError(CleanpipeError):
    """Inputs and outputs that do not fit together."""

    exit_code = ExitCode.USAGE


@attrs.frozen
class Input:
    """One input: a file, or standard input when ``path`` is ``None``."""

    path: Path | None
    format: Format
    #: Where its output goes inside an output directory.
    relative: Path

    @property
    def name(self) -> str:
        """The name used in messages."""
        return "<stdin>" if self.path is None else str(self.path)


@attrs.frozen
class Record:
    """One document read from an input, or the error that stopped it."""

    #: ``file`` or ``file:line``, for messages.
    where: str
    text: str | None
    #: The whole JSON object for JSONL input; ``None`` for text input.
    fields: dict[str, Any] | None = None
    #: The raw line, kept so a rejected record is never lost.
    raw: str | None = None
    error: str | None = None


def _format_of(path: Path, forced: Format | None) -> Format:
    if forced:
        return forced
    return "jsonl" if path.name.endswith((".jsonl", ".jsonl.gz")) else "text"


def expand_inputs(arguments: list[str], forced: Format | None = None) -> list[Input]:
    """Turn command-line inputs into files: directories give their matching files.

    Raises :class:`UsageError` for a path that does not exist.
    """
    inputs = []
    for argument in arguments:
        if argument == "-":
            inputs.append(Input(None, forced or "text", Path("stdin")))
            continue
        path = Path(argument)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.name.endswith(_SUFFIXES)
            )
            inputs += [
                Input(p, _format_of(p, forced), p.relative_to(path)) for p in found
            ]
        elif path.exists():
            inputs.append(Input(path, _format_of(path, forced), Path(path.name)))
        else:
            msg = f"no such file or directory: {argument}"
            raise UsageError(msg)
    return inputs


def _open_binary(source: Input) -> io.BufferedReader:
    """A buffered byte stream, so its first bytes can be looked at in place."""
    if source.path is None:
        return typing.cast(io.BufferedReader, sys.stdin.buffer)
    if source.path.name.endswith(".gz"):
        return io.BufferedReader(gzip.open(source.path, "rb"))
    return source.path.open("rb")


def read_records(
    source: Input, text_field: str = "text", max_bytes: int = MAX_BYTES
) -> Iterator[Record]:
    """Yield the documents of ``source``, one per file or per JSONL line.

    A line that is not a JSON object, or whose ``text_field`` is missing or
    not a string, or a document larger than ``max_bytes``, is yielded as a
    :class:`Record` with an ``error`` (and its raw line when it has one), so
    the caller can report it and go on. Binary data is refused whole, with
    :class:`InputError`.
    """
    try:
        with contextlib.ExitStack() as stack:
            stream = _open_binary(source)
            if source.path is not None:
                stack.enter_context(stream)
            kind = binary_kind(stream.peek(_SNIFF)[:_SNIFF])
            if kind is not None:
                msg = f"{source.name}: {kind}, not text; skipped"
                raise InputError(msg)
            if source.format == "text":
                yield _text_record(source.name, stream, max_bytes)
                return
            yield from _jsonl_records(source.name, stream, text_field, max_bytes)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        msg = f"cannot read {source.name}: {exc}"
        raise InputError(msg) from exc


def _text_record(name: str, stream: IO[bytes], max_bytes: int) -> Record:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return Record(name, None, error=_too_large(max_bytes))
    text, _ = decode_text(data)
    return Record(name, text)


def _jsonl_records(
    name: str, stream: IO[bytes], text_field: str, max_bytes: int
) -> Iterator[Record]:
    number = 0
    while line := stream.readline(max_bytes + 1):
        number += 1
        where = f"{name}:{number}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            # Skip the rest of the line without holding it in memory.
            while (rest := stream.readline(_SKIP)) and not rest.endswith(b"\n"):
                pass
            yield Record(where, None, error=_too_large(max_bytes))
        elif line.strip():
            # JSON text is UTF-8 (RFC 8259); a bad byte is replaced, not fatal.
            yield _json_record(
                where, line.decode("utf-8", errors="replace"), text_field
            )


def _too_large(max_bytes: int) -> str:
    return f"larger than the limit of {max_bytes:,} bytes (see --max-bytes)"


def _json_record(where: str, line: str, text_field: str) -> Record:
    try:
        fields = json.loads(line)
    except json.JSONDecodeError as exc:
        return Record(where, None, raw=line, error=f"not valid JSON ({exc})")
    if not isinstance(fields, dict):
        return Record(where, None, raw=line, error="not a JSON object")
    text = fields.get(text_field)
    if not isinstance(text, str):
        problem = "has no" if text is None else "has a non-string"
        return Record(where, None, fields, line, f"{problem} field {text_field!r}")
    return Record(where, text, fields, line)


def format_record(record: Record, text: str, text_field: str) -> str:
    """The output for a cleaned record: a text with a final newline, or a JSON line.

    A text that is only whitespace gives no output at all.
    """
    if record.fields is None:
        if not text.strip():
            return ""
        return text if text.endswith("\n") else text + "\n"
    line = json.dumps({**record.fields, text_field: text}, ensure_ascii=False)
    if _LONE_SURROGATE.search(line):
        # A lone surrogate ("\\ud800" in the input) cannot be written as UTF-8:
        # keep it escaped, as the input had it.
        line = json.dumps({**record.fields, text_field: text})
    return line + "\n"


@contextlib.contextmanager
def atomic_output(path: Path | None) -> Iterator[IO[str]]:
    """Write to ``path`` through a temporary file renamed into place at the end.

    A run that is killed leaves the previous file (or none), never half a
    file. With ``path`` ``None``, write to standard output.
    """
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with contextlib.ExitStack() as stack:
            binary: IO[bytes] = stack.enter_context(open(handle, "wb"))
            if path.name.endswith(".gz"):
                compressed = gzip.GzipFile(fileobj=binary, mode="wb")
                binary = typing.cast(IO[bytes], stack.enter_context(compressed))
            stream = stack.enter_context(
                io.TextIOWrapper(binary, encoding="utf-8", newline="")
            )
            yield stream
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
