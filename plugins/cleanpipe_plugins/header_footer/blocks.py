"""Split page text into blocks and measure each block's shape.

Scrapers hand us a page either with a line per block element (``html_text``) or with
block elements run together (BeautifulSoup ``get_text()``: ``"region.More than"``,
``"BusinessCultureGear"``).  Chrome can only be judged block by block, so this module
recovers the block boundaries that ``get_text()`` erased, cuts blocks into sentences,
and measures the language-independent signals the header/footer step scores: length,
sentence punctuation, share of lowercase-initial words, numbers, glue.

Every pattern is a single pass with fixed-width lookarounds, and the two that read a
block's end only look at its last characters: linear in the input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import NamedTuple

__all__ = ["Block", "describe", "normalize", "split_blocks", "split_weak"]


def _char_class(pred: Callable[[str], bool]) -> str:
    """Regex character-class body of the BMP characters satisfying ``pred``."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF or not pred(chr(code)):
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


# Python's re has no \p{Lu} or \p{Ll}: the classes are built once, at import.
_UP = _char_class(str.isupper)
_LOW = _char_class(str.islower)
# Class bodies of punctuation, escaped so that lookalike quotes stay visible.
# Closing: straight and curly double quote, curly single quote (not the apostrophe),
# guillemet, parenthesis, bracket.
_CLOSE = '"\u201d\u2019\u00bb)\\]'
# Opening: their counterparts, and the inverted marks that open Spanish sentences.
_OPEN = '"\u201c\u2018\u00ab(\\[\u00bf\u00a1'
_STOP = ".!?\u2026"  # . ! ? …
_WIDE_STOP = "\u3002\uff01\uff1f"  # CJK full stop, exclamation and question marks

# Block separators inside a line.  Every one follows a stop, a closing mark or a
# blank, so one pattern finds them all: it consumes that trigger character (a
# character class first lets the regex engine skip ahead fast), then tests which
# separator, if any, follows.  Group 1 is a glue point, groups 2 and 3 the blanks
# after a sentence end; without a group, the whole match is a gap.
_TRIGGER = rf"[{_STOP}{_WIDE_STOP}{_CLOSE}:;\s]"
# A run of 2+ blanks (often NBSP) or a tab: the indentation between two elements.
_GAP = r"(?<=[^\S\n])[^\S\n]+|(?<=\t)"
# Strong glue: a sentence ends and the next block starts with no space between.  This
# hardly ever happens inside a paragraph, so it always cuts.
_STRONG_GLUE = (
    rf"((?=[{_UP}])(?:"
    # "region.More", "Ama…Mensagens", "Conditions).This", "assaults”.North"
    rf"(?<=[{_LOW}0-9%.{_CLOSE}][{_STOP}:;])"
    # "Jong Un.”It's": a sentence end and a closing quote.
    rf"|(?<=[{_STOP}][{_CLOSE}]))"
    # "Bluetooth...by Anmol": a truncated teaser runs into the next one.
    r"|(?<=\w\.\.\.)(?=\w)|(?<=\w\u2026)(?=\w))"
)
# A sentence end: the blanks after ". " before a word that does not start lowercase
# (a capital, a digit, Hangul, Han).  "Mr. Smith", "U.S. Army" and "Gov. Noem" are
# not ends; a CJK full stop ends a sentence with or without a blank.
_SENTENCE = (
    rf"(?:(?<=[{_STOP}])(?<![{_UP}][.])(?<!\b[{_UP}][{_LOW}][.])"
    rf"(?<!\b[{_UP}][{_LOW}]{{2}}[.])"
    rf"|(?<=[{_STOP}][{_CLOSE}]))"
    rf"(\s+)(?=[{_OPEN}]?(?![{_LOW}_])\w)"
    rf"|(?<=[{_WIDE_STOP}])(\s*)(?=\S)"
)
_SPLIT = re.compile(rf"{_TRIGGER}(?:{_GAP}|{_SENTENCE})")
_SPLIT_GLUED = re.compile(rf"{_TRIGGER}(?:{_GAP}|{_STRONG_GLUE}|{_SENTENCE})")
_LINE = re.compile(r"[^\n]+")
# Weak glue: a change of case inside a word.  Between menu items ("BusinessCulture",
# "contentOpen", "SUBSCRIBESubscribe", "2025The", "daily)Germany") it is a boundary,
# but inside prose it is usually a name ("MacBook", "GiveWell"), so only blocks that
# do not read as prose are cut there (see split_weak).  Two lowercase letters before
# the capital spare "WeWork", "McDonald" and "iPhone".
_WEAK_GLUE = re.compile(
    rf"(?=[{_UP}])(?:"
    rf"(?<=[{_LOW}]{{2}})"
    rf"|(?<=[0-9])(?=[{_UP}][{_LOW}])"
    rf"|(?<=[{_UP}]{{2}})(?=[{_UP}][{_LOW}]{{2}})"
    r"|(?<=[)\]])"
    ")"
)

_WORD = re.compile(r"\w+")
# A link or an address is one word, however many \w+ runs it holds.  Both branches
# may only start a token, so a long token is scanned once.
_URL = re.compile(
    r"(?:https?://|(?<!\S)www\.)\S*+"
    r"|(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++"
)
# Scripts written without spaces: two characters count as one word.
_CJK = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]"
)
_INNER_STOP = re.compile(rf"[.!?][{_CLOSE}]*\s|[{_WIDE_STOP}]")
# How far from a block's end the final stop is looked for.
_TAIL = 12
# Closing quotes, emoji and the like may follow the final stop ("soon! 🙂").
_END_STOP = re.compile(rf"[{_STOP}{_WIDE_STOP}:;][^\w\s]*$")
# "...to contrac..." or "Ass…": a teaser cut short.
_TRUNCATED = re.compile(rf"(?:\.\.|\u2026)[{_CLOSE}]*$")
_COMMAS = (",", "\uff0c", "\u3001")  # and the two CJK commas
# "\b\d[\d.,:]*\b", starting with the digit so that the engine skips ahead to it.
_NUMBER = re.compile(r"\d(?<!\w\d)[\d.,:]*\b")
_NON_LETTER = re.compile(r"[\W\d_]+")
# normalize() of ASCII text: letters lowercased, everything else a blank.
_ASCII_KEY = str.maketrans(
    {chr(c): chr(c).lower() if chr(c).isalpha() else " " for c in range(128)}
)


def normalize(text: str) -> str:
    """Key for comparing block texts: casefolded letters, single spaces.

    Digits and punctuation are dropped (as CCNet normalizes lines), so that
    "3 Comments" and "12 Comments", or "Share:" and "Share", compare equal.
    """
    if text.isascii():
        # One translation lowercases the letters and blanks the rest.
        return " ".join(text.translate(_ASCII_KEY).split())
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NON_LETTER.sub(" ", folded).strip()


class Block(NamedTuple):
    """One block of the page: an exact span of the input and its shape.

    A named tuple, not an attrs class: a page has hundreds of blocks, and a
    tuple is several times cheaper to make.

    Attributes:
        start, end: the span of ``text`` in the input.
        words: word count; links count as one word, two CJK characters as one.
        lower_share: share of cased words that start lowercase (high in running
            prose, low in menus and Title Case headlines); ``None`` under two cased
            words or in scripts without case.
        stops: sentence ends inside the block.
        ends_stop: the block ends like a sentence (closing quotes or emoji may follow).
        truncated: the block ends in ".." or "…": a teaser cut short.
        commas: commas (any script).
        number_share: share of words that are numbers.
        short_share: share of words of at most three letters: in running prose,
            mostly function words ("the", "of", "um"); rare in tag clouds.
        glue_points: changes of case inside words, where :func:`split_weak` cuts.
        key: :func:`normalize` of the text.
    """

    start: int
    end: int
    text: str
    words: int
    lower_share: float | None
    stops: int
    ends_stop: bool
    truncated: bool
    commas: int
    number_share: float
    short_share: float
    glue_points: int
    key: str


#: Shapes of short blocks already described, by text: menus, labels and footers
#: repeat within a page and across the pages of a site. Bounded: emptied when full.
_SHAPES: dict[
    str, tuple[int, float | None, int, bool, bool, int, float, float, int, str]
]
_SHAPES = {}
_SHAPES_MAX = 20_000
#: Longer blocks are prose, which hardly repeats: they are not kept.
_SHAPE_MAX_CHARS = 100


def describe(text: str, start: int, end: int) -> Block:
    """The block of ``text[start:end]``; the span should be stripped already."""
    chunk = text[start:end]
    if len(chunk) > _SHAPE_MAX_CHARS:
        return Block(start, end, chunk, *_shape(chunk))
    shape = _SHAPES.get(chunk)
    if shape is None:
        if len(_SHAPES) >= _SHAPES_MAX:
            _SHAPES.clear()
        shape = _SHAPES[chunk] = _shape(chunk)
    return Block(start, end, chunk, *shape)


def _shape(
    chunk: str,
) -> tuple[int, float | None, int, bool, bool, int, float, float, int, str]:
    """The fields of the block of ``chunk`` after its span and text, in order."""
    plain, links = chunk, 0
    if "://" in chunk or "@" in chunk or "www." in chunk:
        plain, links = _URL.subn(" ", chunk)
    tokens = _WORD.findall(plain)
    # The initial of every word: counted with map() rather than a loop.
    initials = "".join([token[0] for token in tokens])
    cjk = 0 if plain.isascii() else len(_CJK.findall(plain))
    words = len(initials) + cjk // 2 + links
    # No character is both lowercase and uppercase, nor cased and a digit.
    lower = sum(map(str.islower, initials))
    cased = lower + sum(map(str.isupper, initials))
    short = sum(map(str.isalpha, [token for token in tokens if len(token) <= 3]))
    # "2.8", "11:03" and "1,500" are one number each.
    numbers = len(_NUMBER.findall(plain)) if any(map(str.isdigit, initials)) else 0
    glued = len(_WEAK_GLUE.findall(plain))
    # Each glued capital starts a word too: "GlobalGermanySpain" is three.
    cased += glued
    tail = chunk[-_TAIL:]
    return (
        words,
        lower / cased if cased >= 2 else None,
        len(_INNER_STOP.findall(chunk)),
        _END_STOP.search(tail) is not None,
        _TRUNCATED.search(tail) is not None,
        _commas(chunk),
        numbers / max(words, 1),
        short / max(len(tokens), 1),
        glued,
        normalize(chunk),
    )


def _commas(chunk: str) -> int:
    """Commas in ``chunk``, of any script."""
    if chunk.isascii():
        return chunk.count(",")
    return sum(chunk.count(comma) for comma in _COMMAS)


def _cut(text: str, start: int, end: int, separator: re.Pattern[str]) -> list[Block]:
    """Blocks of ``text[start:end]`` between the separators that ``separator`` finds.

    A match's last group, or the whole match if it has none, is the separator.

    Blocks are stripped of surrounding whitespace; blank pieces are skipped.
    """
    blocks: list[Block] = []
    for match in separator.finditer(text, start, end):
        cut, after = match.span(match.lastindex or 0)
        if cut > start:
            _add(blocks, text, start, cut)
        start = after
    if end > start:
        _add(blocks, text, start, end)
    return blocks


def _add(blocks: list[Block], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece.rstrip())
    if trail > lead:
        blocks.append(describe(text, start + lead, start + trail))


def split_blocks(text: str, *, glue: bool = True) -> list[Block]:
    """Split ``text`` into blocks: sentences of lines, in order.

    Line breaks, runs of blanks and sentence ends separate blocks; with ``glue`` (the
    default) so do sentence ends followed by a capital with no space between
    ("region.More").  Blocks are stripped; blank pieces are skipped.
    """
    separator = _SPLIT_GLUED if glue else _SPLIT
    blocks: list[Block] = []
    for line in _LINE.finditer(text):
        blocks += _cut(text, line.start(), line.end(), separator)
    return blocks


def split_weak(text: str, block: Block) -> list[Block]:
    """Cut ``block`` of ``text`` at changes of case inside words ("BusinessCulture").

    Meant for blocks that do not read as prose; returns ``[block]`` when there is
    nothing to cut.
    """
    if not block.glue_points:
        return [block]
    return _cut(text, block.start, block.end, _WEAK_GLUE)
