"""Bytes to text: UTF-8 first, a detected encoding when it fails, binary refused."""

from __future__ import annotations

import codecs
import re

__all__ = ["binary_kind", "decode_text"]

# Signatures of binary formats a scraper's output folder tends to collect.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"BZh91AY&SY", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that text never holds (tab, newlines, form feed, escape and
# backspace are left out: scraped text does contain those).
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\f\x1b\x08")
_SNIFF = 8192
_DECODED_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")


def binary_kind(head: bytes) -> str | None:
    """What binary data ``head`` (a file's first bytes) is, or ``None`` for text."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[4:8] == b"ftyp" or (head.startswith(b"RIFF") and head[8:12] == b"WEBP"):
        return "media file"
    sample = head[:_SNIFF]
    if not sample or any(sample.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in sample:
        return "binary data (NUL bytes)"
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if controls > len(sample) // 10:
        return "binary data (control bytes)"
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a document's bytes; return the text and the encoding used.

    A byte-order mark decides first. Then UTF-8: text that is UTF-8 with a
    few invalid sequences (a truncated or spliced file) keeps its UTF-8 and
    gets U+FFFD for the bad bytes. Only text with no valid multi-byte UTF-8
    at all goes to charset-normalizer (cp1252, Shift-JIS, GB18030, …).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    if _mostly_utf8(data, text):
        return text, "utf-8 (invalid bytes replaced)"
    # Imported here: it costs ~25 ms, and most runs never read a non-UTF-8 file.
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return text, "utf-8 (invalid bytes replaced)"
    return str(best), best.encoding


def _mostly_utf8(data: bytes, text: str) -> bool:
    """Whether the non-ASCII bytes mostly form valid UTF-8 sequences."""
    replaced = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = len(_DECODED_NON_ASCII.findall(text))
    return multibyte > 0 and replaced <= max(2, multibyte // 50)
