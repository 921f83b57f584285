"""The ``mojibake`` step: repair text whose UTF-8 was decoded as another encoding.

``Putinâ€™s`` becomes ``Putin’s``. ftfy does the repair; by default the step
fixes only what is broken and keeps every character that is not mojibake
(curly quotes, full-width CJK punctuation, ligatures, the normalization form),
as corpus builders do for multilingual text. Each of ftfy's other fixes is an
option, named as ftfy names it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

import attrs
import ftfy

import cleanpipe

__all__ = ["Options", "fix_mojibake"]

_ENCODINGS = ("latin-1", "cp1252", "mac_roman")


def _decoded(first: int, last: int) -> str:
    chars = set()
    for byte in range(first, last + 1):
        for encoding in _ENCODINGS:
            try:
                chars.add(bytes([byte]).decode(encoding))
            except UnicodeDecodeError:
                continue
    return "".join(sorted(chars))


# UTF-8 read as a one-byte encoding turns each multi-byte sequence into a lead
# character (from bytes C2-F4) followed by continuation characters (bytes
# 80-BF). Text with no such pair, no C1 control, no surrogate and no U+FFFD
# holds no mojibake ftfy could fix, so ftfy is not asked (most text is clean).
_SUSPECT = re.compile(
    f"[{re.escape(_decoded(0xC2, 0xF4))}][{re.escape(_decoded(0x80, 0xBF))} \ufffd]"
    "|[\x80-\x9f\ud800-\udfff\ufffd]"
)


_LINE = re.compile(r"[^\n]*\n|[^\n]+")


@attrs.frozen(kw_only=True)
class Options:
    """Which of ftfy's fixes to apply; the names are ftfy's own.

    The encoding repairs are on; the fixes that change text that is not
    broken are off, so that quotes, widths, ligatures and the Unicode
    normalization form of clean text stay as they were.
    """

    fix_encoding: bool = True
    restore_byte_a0: bool = True
    replace_lossy_sequences: bool = True
    decode_inconsistent_utf8: bool = True
    fix_c1_controls: bool = True
    fix_surrogates: bool = True
    unescape_html: bool = False
    remove_terminal_escapes: bool = False
    fix_latin_ligatures: bool = False
    fix_character_width: bool = False
    uncurl_quotes: bool = False
    fix_line_breaks: bool = False
    remove_control_chars: bool = False
    normalization: Literal["NFC", "NFKC", "NFD", "NFKD"] | None = None

    def ftfy_config(self) -> ftfy.TextFixerConfig:
        """These options as ftfy's configuration."""
        return ftfy.TextFixerConfig(**attrs.asdict(self))

    def encoding_only(self) -> bool:
        """Whether only the encoding repairs are on (so clean lines can be skipped)."""
        changes_clean_text = (
            self.unescape_html,
            self.remove_terminal_escapes,
            self.fix_latin_ligatures,
            self.fix_character_width,
            self.uncurl_quotes,
            self.fix_line_breaks,
            self.remove_control_chars,
            self.normalization,
        )
        return not any(changes_clean_text)


def fix_mojibake(doc: cleanpipe.Document, options: Options) -> cleanpipe.Document:
    """Repair mojibake with ftfy, recording each repair and how it was found."""
    if options.encoding_only() and not _SUSPECT.search(doc.text):
        return doc
    config = options.ftfy_config()
    changes: list[cleanpipe.Change] = []
    offset = 0
    # Split at "\n" only: str.splitlines() also splits at U+0085 and U+001C-1E,
    # which are themselves pieces of mojibake ("ë\x85\x80" is "녀" read as latin-1).
    for line in _LINE.findall(doc.text):
        if not options.encoding_only() or _SUSPECT.search(line):
            fixed, plan = ftfy.fix_and_explain(line, config)
            if fixed != line:
                rule = _rule(plan or [])
                changes += [
                    c._replace(start=c.start + offset, end=c.end + offset)
                    for c in cleanpipe.diff_changes(line, fixed, rule)
                ]
        offset += len(line)
    return doc.apply(changes)


def _rule(plan: Sequence[tuple[str, str]]) -> str:
    """Name the repair after ftfy's plan: ``utf8-as-sloppy-windows-1252``, ..."""
    encodings = [param for action, param in plan if action == "encode"]
    fixers = [param.replace("_", "-") for action, param in plan if action == "apply"]
    names = [f"utf8-as-{e}" for e in dict.fromkeys(encodings)] + fixers
    return "+".join(dict.fromkeys(names)) or "ftfy"


@cleanpipe.hookimpl
def cleanpipe_register_steps(register: cleanpipe.Register) -> None:
    register(
        "mojibake",
        fix_mojibake,
        description="Repair mojibake (UTF-8 read as cp1252, latin-1, MacRoman) with ftfy.",
        options=Options,
    )
