"""The ``mojibake`` step: repair text whose UTF-8 was decoded as another encoding.

``Putinâ€™s`` becomes ``Putin’s``. ftfy does the repair; by default the step
fixes only what is broken and keeps every character that is not mojibake
(curly quotes, full-width CJK punctuation, ligatures, the normalization form),
as corpus builders do for multilingual text. Each of ftfy's other fixes is an
option, named as ftfy names it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import zlib
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import attrs

import cleanpipe

if TYPE_CHECKING:
    import ftfy

# ftfy is imported where the step first needs it, not when the plugin loads:
# every run loads every installed plugin, and importing ftfy takes ~0.1 s.

__all__ = ["Options", "fix_mojibake"]

_ENCODINGS = ("latin-1", "cp1252", "mac_roman")


def _decoded(first: int, last: int, encodings: Sequence[str] = _ENCODINGS) -> str:
    """The characters that bytes ``first`` to ``last`` stand for in ``encodings``."""
    chars = set()
    for byte in range(first, last + 1):
        for encoding in encodings:
            try:
                chars.add(bytes([byte]).decode(encoding))
            except UnicodeDecodeError:
                continue
    return "".join(sorted(chars))


# UTF-8 read as a one-byte encoding turns each multi-byte sequence into a lead
# character (from bytes C2-F4) followed by continuation characters (bytes
# 80-BF). A line with no such pair, no C1 control, no surrogate and no U+FFFD
# holds no mojibake ftfy could fix: it is left as it is.
_SUSPECT = re.compile(
    f"[{re.escape(_decoded(0xC2, 0xF4))}][{re.escape(_decoded(0x80, 0xBF))} \ufffd]"
    "|[\x80-\x9f\ud800-\udfff\ufffd]"
)


# A line that _SUSPECT finds may still be clean: "café ", "’ " and "– " pair a
# lead character with a space or a continuation character, as accented and
# typeset text does. With only the encoding repairs on, ftfy changes a line only
# if its badness test fires (fix_encoding) or it holds a C1 control or a
# surrogate (fix_c1_controls, fix_surrogates); any other line it returns as it
# is, with an empty plan, so it is not asked.
_FIXABLE_ALONE = re.compile("[\x80-\x9f\ud800-\udfff]")


def _ftfy_may_change(line: str) -> bool:
    """Whether ftfy, with only the encoding repairs on, may change ``line``."""
    return _FIXABLE_ALONE.search(line) is not None or _is_bad(line)


# Every match of ftfy's badness pattern holds a non-ASCII character and is at
# most this long; the pattern has no look-around, and its one "^" matches only
# at the start of the line, so searching the stretches around the non-ASCII
# runs finds what searching the line finds. On a line of ASCII prose with a few
# curly quotes that is a few short searches instead of one slow one (the
# pattern cannot skip ahead: many of its branches start with a letter).
_BAD_WIDTH = 7
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# Beyond this many runs (text in another script), one search of the line is cheaper.
_MAX_RUNS = 32


def _is_bad(line: str) -> bool:
    """``ftfy.badness.is_bad(line)``, searching only near non-ASCII characters."""
    from ftfy.badness import BADNESS_RE, is_bad

    runs = _NON_ASCII.findall(line)
    if len(runs) > _MAX_RUNS:
        return is_bad(line)
    reach = _BAD_WIDTH - 1
    lo, hi = 0, -1  # the stretch to search, once a run is found
    position = 0
    for run in runs:
        start = line.index(run, position)
        position = start + len(run)
        if hi < 0:
            lo = max(0, start - reach)
        elif start - reach > hi:
            if BADNESS_RE.search(line, lo, hi):
                return True
            lo = start - reach
        hi = min(len(line), position + reach)
    return hi >= 0 and BADNESS_RE.search(line, lo, hi) is not None


# The pre-check. With only the encoding repairs on, a line changes only where
# ftfy's badness pattern matches in it or it holds a C1 control or a surrogate
# (see _ftfy_may_change), or where the lone-symbol repair finds a run that
# starts with a UTF-8 lead character followed by a continuation character of
# the same encoding (see _decoded_symbol). _candidates finds all of those places
# in one search of the text, and few others.
#
# ftfy's pattern cannot be searched fast: most of its branches start with a
# letter or a space, so it is tried at every position. Here each branch is
# anchored instead on one of its characters that clean text rarely holds (a
# "bad" character, an accented capital, a currency sign, ...): the pattern
# starts with the class of every anchor, which the regex engine scans for in a
# tight loop, and look-behinds (of fixed width) check the rest of the branch
# around the anchor. All of it stays linear: each check spans a few characters.

#: ftfy's badness pattern that _badness_branches mirrors: the CRC-32 of its
#: source, in ftfy 6.3. With another pattern, every _SUSPECT line is checked.
_MIRRORED_BADNESS = frozenset({1455352246})


def _badness_branches(cat: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """ftfy's badness pattern, branch by branch, as ``(before, anchor, after)``.

    ``anchor`` is the body of a character class; ``before`` and ``after`` are
    patterns of fixed width (empty if none). A branch matches where one
    character of ``anchor`` has ``before`` just before it and ``after`` just
    after it. Where ftfy's branch begins with letters, spaces or the start of
    the line, that part may be left out: the check then finds a little more.
    """
    bad, c1, law, box = cat["bad"], cat["c1"], cat["law"], cat["box"]
    cur, num, kao = cat["currency"], cat["numeric"], cat["kaomoji"]
    sp, ep = cat["start_punctuation"], cat["end_punctuation"]
    ua, la = cat["upper_accented"], cat["lower_accented"]
    uc, lc = cat["upper_common"], cat["lower_common"]
    arabic = f"[{cat['common']}{cur}{bad}{num}{sp}ŸŠ®°µ»]"
    return [
        ("", c1, ""),
        (f"[{bad}{la}{ua}{box}{sp}{ep}{cur}{num}{law}]", bad, ""),
        (f"[a-zA-Z][{lc}{uc}]", bad, ""),
        ("", bad, f"[{la}{ua}{box}{sp}{ep}{cur}{num}{law}]"),
        (f"[{la}{lc}{box}{ep}{cur}{num}]", ua, ""),
        ("", box + ep + cur + num, f"[{la}]"),
        (f"[{la}{box}{ep}]", cur, ""),
        (rf"\s[{ua}]", cur, ""),
        (f"[{ua}{box}]", num + law, ""),
        (f"[{la}{ua}{box}{cur}{ep}][{sp}]", num, ""),
        (f"[{la}{ua}{cur}{num}{box}{law}]", ep, f"[{sp}]"),
        ("", cur + num + box, f"[{sp}]"),
        ("[a-z]", ua, f"[{sp}{cur}]"),
        ("", box, f"[{kao}]"),
        (f"[{la}{ua}{cur}{num}{sp}{ep}{law}]", box, ""),
        ("", box, f"[{ep}]"),
        (f"[{la}{ua}]", sp + ep, r"\w"),
        ("", "Œœ", "[^A-Za-z]"),
        ("", ua, "°"),
        ("", "ÂÃÎÐ", f"[€œŠš¢£Ÿž\xa0\xad®©°·»{sp}{ep}–—´]"),
        ("×", "²³", ""),
        ("", "ØÙ", f"{arabic}[ØÙ]{arabic}"),
        ("à", "²µ¹¼½¾", ""),
        ("", "√", "[±∂†≠®™´≤≥¥µø]"),
        ("", "≈", "[°¢]"),
        ("‚", "Ä", "[ìîïòôúùû†°¢π]"),
        ("", "‚", "[âó][àä°ê]"),
        ("в", "Ђ", ""),
        ("[ВГРС]", f"{c1}{bad}{sp}{ep}{cur}°µ", "[ВГРС]"),
        ("ГўВ", "Ђ", "В.[A-Za-z ]"),
        ("", "Ã", "[\xa0¡]"),
        ("", "ÃÂ", " "),  # "[a-z]\s?[ÃÂ][ ]" and "^[ÃÂ][ ]"
        (f"[a-z.,?!{ep}]", "Â", f"[ {sp}{ep}]"),
        ("β", "€", "[™\xa0Ά\xad®°]"),
        ("[ΒΓΞΟ]", f"{c1}{bad}{sp}{ep}{cur}°", "[ΒΓΞΟ]"),
        ("ā", "€", ""),
    ]


def _lone_symbol_starts() -> list[tuple[str, str, str]]:
    """Where a run that _decoded_symbol changes starts, as ``(before, anchor, after)``.

    The run is the UTF-8 of characters from U+2000 up, read as cp1252 (or
    latin-1, for the bytes cp1252 leaves undefined) or as MacRoman: it starts
    with a lead byte E2-F4 and a continuation byte 80-BF of one encoding.
    """
    return [
        (
            "",
            re.escape(_decoded(0xE2, 0xF4, encodings)),
            f"[{re.escape(_decoded(0x80, 0xBF, encodings))}]",
        )
        for encodings in (("cp1252", "latin-1"), ("mac_roman",))
    ]


def _candidate_pattern(branches: Sequence[tuple[str, str, str]]) -> str:
    """One pattern for ``branches``: an anchor, then a branch it belongs to.

    The regex engine tries the branches in turn at each anchor it finds, and
    skips at once a branch that starts with a character class the next
    character is not in; so a branch with an ``after`` is written as ``after``
    followed by a look-behind over the whole branch. The branches that end at
    their anchor share one look-behind that rules them all out together.
    """
    anchors = "".join(anchor for _, anchor, _ in branches)
    ending = [(before, anchor) for before, anchor, after in branches if not after]
    checks = [
        "(?<=[{}])(?:{})".format(
            "".join(anchor for _, anchor in ending),
            "|".join(f"(?<={before}[{anchor}])" for before, anchor in ending),
        )
    ]
    checks += [
        f"{after}(?<={before}[{anchor}]{after})"
        for before, anchor, after in branches
        if after
    ]
    return f"[{anchors}](?:{'|'.join(checks)})"


@functools.cache
def _candidates() -> re.Pattern[str]:
    """The pre-check's pattern, built once, when the step first runs."""
    import ftfy.bad_codecs  # noqa: F401 - registers sloppy-windows-1252
    from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES

    if zlib.crc32(BADNESS_RE.pattern.encode()) not in _MIRRORED_BADNESS:
        return _SUSPECT
    branches = [
        *_badness_branches(MOJIBAKE_CATEGORIES),
        ("", "\ud800-\udfff", ""),
        *_lone_symbol_starts(),
    ]
    return re.compile(_candidate_pattern(branches))


# Runs of the characters that bytes 80-FF become in cp1252 and MacRoman.
_LONE_SYMBOL = re.compile(f"[{re.escape(_decoded(0x80, 0xFF))}]{{2,12}}")
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
    #: Not ftfy's: also repair a lone symbol that ftfy leaves, such as
    #: ``â‚©`` (₩) or ``‚Äã`` (a zero-width space read as MacRoman).
    fix_lone_symbols: bool = True

    def ftfy_config(self) -> ftfy.TextFixerConfig:
        """These options as ftfy's configuration."""
        import ftfy

        fields = attrs.asdict(self)
        del fields["fix_lone_symbols"]
        return ftfy.TextFixerConfig(**fields)

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
    encoding_only = options.encoding_only()
    if encoding_only and doc.text.isascii():  # O(1): Python knows it already
        return doc
    lines = _candidate_lines(doc.text) if encoding_only else _lines(doc.text)
    config = None
    changes: list[cleanpipe.Change] = []
    for offset, line in lines:
        if not encoding_only or _ftfy_may_change(line):
            import ftfy

            config = config or options.ftfy_config()
            fixed, plan = ftfy.fix_and_explain(line, config)
        else:
            fixed, plan = line, []
        rule = _rule(plan or [])
        if options.fix_lone_symbols and options.fix_encoding:
            fixed, symbols = _LONE_SYMBOL.subn(_decoded_symbol, fixed)
            rule = rule if not symbols else f"{rule}+lone-symbol".removeprefix("ftfy+")
        if fixed != line:
            changes += [
                c._replace(start=c.start + offset, end=c.end + offset)
                for c in cleanpipe.diff_changes(line, fixed, rule)
            ]
    return doc.apply(changes)


# Lines are split at "\n" only: str.splitlines() also splits at U+0085 and
# U+001C-1E, which are themselves pieces of mojibake ("ë\x85\x80" is "녀" read
# as latin-1). A line keeps its "\n".


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Every line of ``text`` and its offset."""
    for match in _LINE.finditer(text):
        yield match.start(), match.group()


def _candidate_lines(text: str) -> Iterator[tuple[int, str]]:
    """The lines of ``text`` that the encoding repairs may change, and their offsets.

    One search of the text for what could be mojibake (see _candidates), not
    one per line: most lines are clean, and no match spans a line break. Of
    the lines it finds, those without a _SUSPECT pair are left as they are.
    """
    candidates = _candidates()
    match = candidates.search(text)
    while match is not None:
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.start()) + 1 or len(text)
        line = text[start:end]
        if _SUSPECT.search(line):
            yield start, line
        match = candidates.search(text, end)


def _decoded_symbol(match: re.Match[str]) -> str:
    """The symbol a run of mojibake stands for, or the run unchanged.

    ftfy leaves a lone multi-byte symbol alone when the bytes are too few to
    be sure. A whole run that is the UTF-8 of symbols, punctuation or format
    characters from U+2000 up (``₩``, a zero-width space, an emoji) is
    mojibake all the same: no text writes ``â‚©`` on purpose. Letters are
    never produced, so accented words stay as they are.
    """
    run = match.group()
    for encoding in ("sloppy-windows-1252", "mac_roman"):
        try:
            decoded = run.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
        if all(ord(c) >= 0x2000 and _symbol_like(c) for c in decoded):
            return decoded
    return run


def _symbol_like(char: str) -> bool:
    return unicodedata.category(char)[0] in "SPZ" or unicodedata.category(char) == "Cf"


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
