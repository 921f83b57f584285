"""Reading inputs (text files, JSONL, standard input) and writing outputs atomically."""

from __future__ import annotations

import codecs
import contextlib
import gzip
import io
import json
import os
import sys
import typing
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Literal

import attrs
import zstandard

from cleanpipe.decoding import binary_kind, decode_text
from cleanpipe.document import Document
from cleanpipe.errors import CleanpipeError, ExitCode

__all__ = [
    "MAX_BYTES",
    "Input",
    "InputError",
    "Record",
    "atomic_binary_output",
    "atomic_output",
    "expand_inputs",
    "format_record",
    "parse_record",
    "read_raw",
]

Format = Literal["text", "jsonl"]

#: The largest document (a text file, or a JSONL line) read by default.
MAX_BYTES = 64 * 1024 * 1024
_SNIFF = 8192
_SKIP = 1024 * 1024

#: The file names read as JSONL (unless --format says otherwise).
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst")

#: The file names a directory input contributes.
_SUFFIXES = (".txt", *_JSONL_SUFFIXES)

#: zstd level 3 (zstd's own default): several times faster than gzip's 6 at a
#: better ratio; the write side must keep up with the cleaning.
_ZSTD_LEVEL = 3

#: gzip's own default; Python's 9 is several times slower for a few % smaller.
_GZIP_LEVEL = 6


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
    #: The line as read, kept so a rejected record is never lost. Bytes: as a
    #: ``str`` it could take four times the room (one emoji makes every
    #: character four bytes wide), and it is only decoded if written out.
    raw: bytes | None = None
    error: str | None = None

    def document(self, text_field: str) -> Document:
        """The record as a document: its text, and its other fields."""
        fields = {k: v for k, v in (self.fields or {}).items() if k != text_field}
        return Document(self.text or "", id=self.where, fields=fields)


def _format_of(path: Path, forced: Format | None) -> Format:
    if forced:
        return forced
    return "jsonl" if path.name.endswith(_JSONL_SUFFIXES) else "text"


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


@contextlib.contextmanager
def _opened(source: Input) -> Iterator[tuple[IO[bytes], IO[bytes]]]:
    """The decompressed bytes of ``source``, and the file they come from."""
    if source.path is None:
        yield sys.stdin.buffer, sys.stdin.buffer
        return
    with source.path.open("rb") as raw:
        if source.path.name.endswith(".gz"):
            with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                yield typing.cast(IO[bytes], unzipped), raw
        elif source.path.name.endswith(".zst"):
            with io.BufferedReader(_ZstdReader(raw), 1 << 16) as unzipped:
                yield typing.cast(IO[bytes], unzipped), raw
        else:
            yield raw, raw


class _ZstdReader(io.RawIOBase):
    """The decompressed bytes of a zstd stream: every frame, and no silent cut.

    zstandard's own ``stream_reader`` ends quietly where a truncated file
    ends (a shard cut short by a full disk or a killed copy): this reader
    raises ``EOFError`` there, so the input is reported as unreadable.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._decompressor = zstandard.ZstdDecompressor()
        self._frame: zstandard.ZstdDecompressionObj | None = None
        self._pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: typing.Any) -> int:
        while not self._pending:
            chunk = self._raw.read(1 << 16)
            if not chunk:
                if self._frame is not None and not self._frame.eof:
                    msg = "compressed data ended in the middle of a zstd frame"
                    raise EOFError(msg)
                return 0
            self._pending = memoryview(self._decompress(chunk))
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def _decompress(self, chunk: bytes) -> bytes:
        parts = []
        while chunk:
            if self._frame is None or self._frame.eof:
                self._frame = self._decompressor.decompressobj()
            parts.append(self._frame.decompress(chunk))
            chunk = self._frame.unused_data if self._frame.eof else b""
        return b"".join(parts)


def _position(raw: IO[bytes]) -> int:
    try:
        return raw.tell()
    except OSError:  # a pipe: no position, progress shows no ETA for it
        return 0


def read_raw(
    source: Input, max_bytes: int = MAX_BYTES
) -> Iterator[tuple[int, bytes, int]]:
    """Yield the documents of ``source`` as bytes, not decoded yet.

    Each is ``(line, data, position)``: the line number in a JSONL file (``0``
    for a text file, which is one document), the bytes of that line or file,
    and how far into the file on disk (compressed) reading has got, for
    progress. Blank JSONL lines are skipped. A document larger than
    ``max_bytes`` is cut to ``max_bytes + 1`` bytes, never read whole, for
    :func:`parse_record` to reject. Decoding and parsing are left to
    :func:`parse_record`, so they can run in the worker processes.

    Raises :class:`InputError` when the file cannot be read or is binary.
    """
    try:
        with _opened(source) as (stream, raw):
            if source.format == "text":
                data = stream.read(max_bytes + 1)
                _refuse_binary(source, data)
                yield 0, data, _position(raw)
                return
            number = 0
            while line := stream.readline(max_bytes + 1):
                number += 1
                if number == 1:
                    _refuse_binary(source, line)
                if len(line) > max_bytes and not line.endswith(b"\n"):
                    # The rest of an oversized line is skipped, not held.
                    while (rest := stream.readline(_SKIP)) and not rest.endswith(b"\n"):
                        pass
                if not line.isspace():
                    yield number, line, _position(raw)
    except (OSError, EOFError, gzip.BadGzipFile, zstandard.ZstdError) as exc:
        msg = f"cannot read {source.name}: {exc}"
        raise InputError(msg) from exc


def _refuse_binary(source: Input, head: bytes) -> None:
    kind = binary_kind(head[:_SNIFF])
    if kind is not None:
        msg = f"{source.name}: {kind}, not text; skipped"
        raise InputError(msg)


def parse_record(
    name: str,
    format: Format,
    line: int,
    data: bytes,
    text_field: str = "text",
    max_bytes: int = MAX_BYTES,
) -> Record:
    """The :class:`Record` of one document that :func:`read_raw` yielded.

    A line that is not a JSON object, or whose ``text_field`` is missing or
    not a string, or a document larger than ``max_bytes``, gives a record
    with an ``error`` (and its raw line, if whole), so the caller can report
    it and go on. A text file's encoding is detected when it is not UTF-8;
    JSON is UTF-8 (RFC 8259): a bad byte there is replaced, not fatal.
    """
    where = name if format == "text" else f"{name}:{line}"
    if len(data) > max_bytes:
        error = f"larger than the limit of {max_bytes:,} bytes (see --max-bytes)"
        return Record(where, None, error=error)
    if format == "text":
        return Record(where, decode_text(data)[0])
    return _json_record(where, data, text_field)


def _json_record(where: str, data: bytes, text_field: str) -> Record:
    try:
        fields = json.loads(data.decode("utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        return Record(where, None, raw=data, error=f"not valid JSON ({exc})")
    if not isinstance(fields, dict):
        return Record(where, None, raw=data, error="not a JSON object")
    text = fields.get(text_field)
    if not isinstance(text, str):
        problem = "has no" if text is None else "has a non-string"
        return Record(where, None, fields, data, f"{problem} field {text_field!r}")
    return Record(where, text, fields, data)


def format_record(
    record: Record,
    text: str,
    text_field: str,
    metadata: tuple[str, Mapping[str, Any]] | None = None,
) -> bytes:
    """The output for a cleaned record, in UTF-8: a text with a final newline,
    or a JSON line.

    A text that is only whitespace gives no output at all. ``metadata``, a
    field name and the document's metadata, adds that field to a JSON line.
    The output is encoded here, once: in a worker process, not in the one
    that writes, and its size is what ``len`` gives.
    """
    if record.fields is None:
        if not text.strip():
            return b""
        return (text if text.endswith("\n") else text + "\n").encode("utf-8")
    fields = {**record.fields, text_field: text}
    if metadata is not None:
        fields[metadata[0]] = dict(metadata[1])
    line = json.dumps(fields, ensure_ascii=False, default=_jsonable) + "\n"
    try:
        return line.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate ("\ud800" in the input) cannot be written as
        # UTF-8: keep it escaped, as the input had it.
        return (json.dumps(fields, default=_jsonable) + "\n").encode("utf-8")


def _jsonable(value: object) -> object:
    """JSON for what steps put in metadata: mappings, sets and tuples, else text."""
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return str(value)


@contextlib.contextmanager
def atomic_output(path: Path | None) -> Iterator[IO[str]]:
    """Write text to ``path`` through a temporary file renamed into place at the end.

    A run that is killed leaves the previous file (or none), never half a
    file. With ``path`` ``None``, write to standard output.
    """
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with (
        _atomic_file(path) as binary,
        io.TextIOWrapper(binary, encoding="utf-8", newline="") as stream,
    ):
        yield stream


@contextlib.contextmanager
def atomic_binary_output(path: Path | None) -> Iterator[IO[bytes]]:
    """:func:`atomic_output` for UTF-8 text that the caller has encoded.

    An uncompressed file and standard output get the bytes as they are. A
    compressed file gets them through the text layer: the compressors' output
    depends on how the data is cut into writes, and so the same input still
    gives the same compressed bytes as it always has.
    """
    if path is None:
        sys.stdout.flush()
        stream = _binary_stdout()
        yield stream
        stream.flush()
        return
    if path.name.endswith((".gz", ".zst")):
        with atomic_output(path) as text:
            yield typing.cast(IO[bytes], _Decoding(text))
        return
    with _atomic_file(path) as binary:
        yield binary


@contextlib.contextmanager
def _atomic_file(path: Path) -> Iterator[IO[bytes]]:
    """``path`` as a temporary file beside it, renamed into place at the end,
    and compressed as its name says."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = _temporary_beside(path)
    try:
        with contextlib.ExitStack() as stack:
            binary = _compressing(path, stack.enter_context(open(handle, "wb")))
            yield stack.enter_context(binary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _binary_stdout() -> IO[bytes]:
    """Standard output, for UTF-8 bytes.

    Its buffer, when its text layer would write the same bytes; else (another
    encoding, newlines translated, no buffer at all) through its text layer,
    as text written to it would go.
    """
    buffer = getattr(sys.stdout, "buffer", None)
    try:
        utf8 = codecs.lookup(sys.stdout.encoding).name == "utf-8"
    except (LookupError, TypeError, AttributeError):
        utf8 = False
    if buffer is not None and utf8 and os.linesep == "\n":
        return typing.cast(IO[bytes], buffer)
    return typing.cast(IO[bytes], _Decoding(sys.stdout))


class _Decoding(io.RawIOBase):
    """Bytes of UTF-8 text written on to a text stream."""

    def __init__(self, text: IO[str]) -> None:
        self._text = text

    def writable(self) -> bool:
        return True

    def write(self, data: typing.Any) -> int:
        self._text.write(bytes(data).decode("utf-8"))
        return len(data)

    def flush(self) -> None:
        self._text.flush()


def _temporary_beside(path: Path) -> tuple[int, str]:
    """Create a new hidden file next to ``path``; its descriptor and name.

    Unlike ``tempfile.mkstemp`` (mode 0600), the file gets the permissions
    the umask gives, as the output would if written directly: a corpus
    written by one account is read by the next stage under another.
    """
    while True:
        # os.urandom is what secrets.token_hex uses, without importing hashlib.
        temporary = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            return os.open(temporary, flags, 0o666), str(temporary)
        except FileExistsError:
            continue


def _compressing(path: Path, binary: IO[bytes]) -> IO[bytes]:
    """``binary``, compressed as the name of ``path`` says (closing it closes both).

    The same input cleaned twice gives the same bytes: gzip's header time is
    fixed at 0, so a rerun, another --jobs, or a cluster run can be compared
    byte for byte.
    """
    if path.name.endswith(".gz"):
        gz = gzip.GzipFile(
            fileobj=binary, mode="wb", compresslevel=_GZIP_LEVEL, mtime=0
        )
        return typing.cast(IO[bytes], gz)
    if path.name.endswith(".zst"):
        compressor = zstandard.ZstdCompressor(level=_ZSTD_LEVEL)
        return typing.cast(IO[bytes], compressor.stream_writer(binary))
    return binary
