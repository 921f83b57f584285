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

import itertools
import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from cleanpipe_plugins import char_class

__all__ = [
    "Block",
    "Shape",
    "Span",
    "block_cuts",
    "block_spans",
    "describe",
    "normalize",
    "shape",
    "split_blocks",
    "split_weak",
    "weak_spans",
]


# Python's re has no \p{Lu} or \p{Ll}: the classes are built once per process,
# shared with the other steps.
_UP = char_class(str.isupper)
_LOW = char_class(str.islower)
# Class bodies of punctuation, escaped so that lookalike quotes stay visible.
# Closing: straight and curly double quote, curly single quote (not the apostrophe),
# guillemet, parenthesis, bracket.
_CLOSE = '"\u201d\u2019\u00bb)\\]'
# Opening: their counterparts, and the inverted marks that open Spanish sentences.
_OPEN = '"\u201c\u2018\u00ab(\\[\u00bf\u00a1'
_STOP = ".!?\u2026"  # . ! ? …
_WIDE_STOP = "\u3002\uff01\uff1f"  # CJK full stop, exclamation and question marks

# Block separators.  Every one follows a stop, a closing mark or a blank, so one
# pattern finds them all in one pass over the page: it consumes that trigger
# character (a character class first lets the regex engine skip ahead fast), then
# tests which separator, if any, follows.  The cut is the rest of the match: the
# trigger stays with the block before it.
#
# The plain space is no trigger: it is every sixth character of a page, and the
# engine would stop at each one.  A run of blanks holding no other kind of blank
# is found as the tabs that block_spans() puts in place of its spaces (see there).
_BLANKS = (
    "\t\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
)
_TRIGGER = rf"[{_STOP}{_WIDE_STOP}{_CLOSE}:;\n{_BLANKS}]"
# A line break, and the blanks and blank lines after it.
_LINE_BREAK = r"(?<=\n)\s*"
# A run of 2+ blanks (often NBSP) or a tab: the indentation between two elements.
# The trigger is a blank that a blank follows or precedes, or a tab.
_GAP = r"(?<=[^\S\n])(?:[^\S\n]+|(?<=[^\S\n]{2})|(?<=\t))"
# Strong glue: a sentence ends and the next block starts with no space between.  This
# hardly ever happens inside a paragraph, so it always cuts.
_STRONG_GLUE = (
    rf"(?=[{_UP}])(?:"
    # "region.More", "Ama…Mensagens", "Conditions).This", "assaults”.North"
    rf"(?<=[{_LOW}0-9%.{_CLOSE}][{_STOP}:;])"
    # "Jong Un.”It's": a sentence end and a closing quote.
    rf"|(?<=[{_STOP}][{_CLOSE}]))"
    # "Bluetooth...by Anmol": a truncated teaser runs into the next one.
    r"|(?<=\w\.\.\.)(?=\w)|(?<=\w\u2026)(?=\w)"
)
# A sentence end: the blanks after ". " before a word that does not start lowercase
# (a capital, a digit, Hangul, Han).  "Mr. Smith", "U.S. Army" and "Gov. Noem" are
# not ends; a CJK full stop ends a sentence with or without a blank.
_SENTENCE = (
    rf"(?:(?<=[{_STOP}])(?<![{_UP}][.])(?<!\b[{_UP}][{_LOW}][.])"
    rf"(?<!\b[{_UP}][{_LOW}]{{2}}[.])"
    rf"|(?<=[{_STOP}][{_CLOSE}]))"
    rf"\s+(?=[{_OPEN}]?(?![{_LOW}_])\w)"
    rf"|(?<=[{_WIDE_STOP}])\s*(?=\S)"
)
_SPLIT = re.compile(rf"{_TRIGGER}(?:{_LINE_BREAK}|{_GAP}|{_SENTENCE})")
_SPLIT_GLUED = re.compile(
    rf"{_TRIGGER}(?:{_LINE_BREAK}|{_GAP}|{_STRONG_GLUE}|{_SENTENCE})"
)
# Weak glue: a change of case inside a word.  Between menu items ("BusinessCulture",
# "contentOpen", "SUBSCRIBESubscribe", "2025The", "daily)Germany") it is a boundary,
# but inside prose it is usually a name ("MacBook", "GiveWell"), so only blocks that
# do not read as prose are cut there (see split_weak).  Two lowercase letters before
# the capital spare "WeWork", "McDonald" and "iPhone".  The match is the capital,
# consumed first so that the engine skips ahead to it; the cut is before it.
_WEAK_GLUE = re.compile(
    rf"[{_UP}](?:"
    rf"(?<=[{_LOW}]{{2}}.)"
    rf"|(?<=[0-9].)(?=[{_LOW}])"
    rf"|(?<=[{_UP}]{{3}})(?=[{_LOW}]{{2}})"
    r"|(?<=[)\]].)"
    ")"
)

_WORD = re.compile(r"\w+")
# Besides Latin-1, the general punctuation (typographic quotes and dashes, the
# ellipsis): characters that are neither word characters, nor CJK, nor letters
# under NFKC.  Text without any other character takes the fast paths below.
_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff\u2000-\u206f]")
# A word character beyond Latin-1: such text takes the general paths below.
_WIDE_WORD = re.compile(r"[^\W\x00-\xff]")
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
# "[.!?][CLOSE]*\s|[WIDE_STOP]", starting with one class so that the engine skips
# ahead to a stop.
_INNER_STOP = re.compile(
    rf"[.!?{_WIDE_STOP}](?:(?<=[.!?])[{_CLOSE}]*\s|(?<=[{_WIDE_STOP}]))"
)
# How far from a block's end the final stop is looked for.
_TAIL = 12
# Closing quotes, emoji and the like may follow the final stop ("soon! 🙂").
_END_STOP = re.compile(rf"[{_STOP}{_WIDE_STOP}:;][^\w\s]*$")
_END_STOP_CHARS = f"{_STOP}{_WIDE_STOP}:;"
# "...to contrac..." or "Ass…": a teaser cut short.
_TRUNCATED = re.compile(rf"(?:\.\.|\u2026)[{_CLOSE}]*$")
_COMMAS = (",", "\uff0c", "\u3001")  # and the two CJK commas
# "\b\d[\d.,:]*\b", starting with the digit so that the engine skips ahead to it.
_NUMBER = re.compile(r"\d(?<!\w\d)[\d.,:]*\b")
_NON_LETTER = re.compile(r"[\W\d_]+")
# A letter (as _NON_LETTER counts letters) beyond Latin-1.
_WIDE_LETTER = re.compile(r"[^\W\d_\x00-\xff]")


def _latin1_key_byte(code: int) -> int:
    """The byte of :func:`normalize` of Latin-1 character ``code`` alone."""
    key = _NON_LETTER.sub(" ", unicodedata.normalize("NFKC", chr(code)).casefold())
    key = key.strip()
    return ord(key) if len(key) == 1 and ord(key) < 0x100 else 0x20


# normalize() of Latin-1 text as one byte translation: each character becomes its
# casefolded letter or a blank (as do the other characters, encoded as "?").  This
# holds character by character, as NFKC composes no Latin-1 character with another,
# except for the two characters whose key is not one Latin-1 letter ("ss", "μ").
_LATIN1_KEY = bytes(_latin1_key_byte(code) for code in range(256))
_LATIN1_KEY_EXCEPTIONS = ("\u00df", "\u00b5")  # ß µ


def normalize(text: str) -> str:
    """Key for comparing block texts: casefolded letters, single spaces.

    Digits and punctuation are dropped (as CCNet normalizes lines), so that
    "3 Comments" and "12 Comments", or "Share:" and "Share", compare equal.
    """
    if text.isascii() or not (_BEYOND_LATIN1.search(text) or _has_key_exception(text)):
        return _latin1_key(text)
    folded = unicodedata.normalize("NFKC", text).casefold()
    if _WIDE_LETTER.search(folded):
        return _NON_LETTER.sub(" ", folded).strip()
    # Only Latin-1 letters, already casefolded.
    return _latin1_key(folded)


def _has_key_exception(text: str) -> bool:
    # Spelled out: a generator over _LATIN1_KEY_EXCEPTIONS costs more than the
    # two searches for one character.
    return "\u00df" in text or "\u00b5" in text


def _latin1_key(text: str) -> str:
    """:func:`normalize` of text of Latin-1 letters (but "ß" and "µ") and others."""
    data = text.encode("latin-1", "replace").translate(_LATIN1_KEY)
    return b" ".join(data.split()).decode("latin-1")


def _latin1_class(char: str) -> bytes:
    if not _WORD.match(char):
        return b")" if char in ")]" else b" "
    if char.islower():
        return b"a"
    if char.isupper():
        return b"A"
    return b"0" if char in "0123456789" else b"_"


# The class of each Latin-1 character, for _latin1_words: "a" a lowercase word
# character, "A" an uppercase one, "0" an ASCII digit, "_" another word character
# ("_", "½"), ")" a closing parenthesis or bracket, " " any other character (as
# are the characters beyond Latin-1, encoded as "?").
_LATIN1_CLASSES = b"".join(_latin1_class(chr(code)) for code in range(256))
# For counting words: word characters and the others, by what they start with.
_WORD_CLASSES = bytes.maketrans(b")_", b" 0")
# _WEAK_GLUE on the classes of Latin-1 text.
_LATIN1_GLUE = re.compile(rb"A(?:(?<=aaA)|(?<=0A)(?=a)|(?<=AAA)(?=aa)|(?<=\)A))")


def _latin1_words(plain: str) -> tuple[int, int, int, int, int]:
    r"""The words (``\w+`` runs) of ``plain``, whose word characters are Latin-1.

    Words, and those that start lowercase, uppercase, or otherwise (with a digit,
    as a rule); and the glue points (see ``_WEAK_GLUE``), if all cased characters
    are Latin-1 too.  Without a Python step per word: the characters are translated
    to their classes, the classes after a blank counted, and the glue points found
    on the classes.
    """
    classes = plain.encode("latin-1", "replace").translate(_LATIN1_CLASSES)
    glued = len(_LATIN1_GLUE.findall(classes))
    classes = b" " + classes.translate(_WORD_CLASSES)
    lower = classes.count(b" a")
    upper = classes.count(b" A")
    other = classes.count(b" 0")
    return lower + upper + other, lower, upper, other, glued


class Shape:
    """What a block's text looks like: the measures the chrome is judged by.

    Most long blocks are judged without some of the measures, so those (marked
    "on first use") are only computed when read.

    Attributes:
        words: word count; links count as one word, two CJK characters as one.
        lower_share: share of cased words that start lowercase (high in running
            prose, low in menus and Title Case headlines); ``None`` under two cased
            words or in scripts without case.
        ends_stop: the block ends like a sentence (closing quotes or emoji may follow).
        truncated: the block ends in ".." or "…": a teaser cut short.
        glue_points: changes of case inside words, where :func:`split_weak` cuts.
        key: :func:`normalize` of the text.
        numeric_share: share of words that start with a digit (or, in Latin-1 text,
            with any character but a letter): at least the ``number_share``.
        stops: sentence ends inside the block (on first use).
        commas: commas of any script (on first use).
        number_share: share of words that are numbers (on first use).
        short_share: share of words of at most three letters: in running prose,
            mostly function words ("the", "of", "um"); rare in tag clouds (on first
            use).
    """

    __slots__ = (
        "_chunk",
        "_plain",
        "ends_stop",
        "glue_points",
        "key",
        "lower_share",
        "numeric_share",
        "truncated",
        "words",
    )

    def __init__(self, chunk: str) -> None:
        """Measure the block of text ``chunk`` (stripped, not blank)."""
        self._chunk = chunk
        latin1 = chunk.isascii() or not _BEYOND_LATIN1.search(chunk)
        plain, links = chunk, 0
        if "://" in chunk or "@" in chunk or "www." in chunk:
            plain, links = _URL.subn(" ", chunk)
        self._plain = plain
        cjk = 0
        if plain is not chunk:
            latin1 = plain.isascii() or not _BEYOND_LATIN1.search(plain)
        if latin1 or not _WIDE_WORD.search(plain):
            tokens, lower, upper, numeric, glued = _latin1_words(plain)
            if not latin1:
                # Beyond Latin-1 and general punctuation, some characters are
                # cased though not word characters (Ⓒ): glue may be found at them.
                glued = len(_WEAK_GLUE.findall(plain))
        else:
            tokens, lower, upper, numeric = self._general_counts()
            glued = len(_WEAK_GLUE.findall(plain))
        if not latin1:
            cjk = len(_CJK.findall(plain))
        self.words = words = tokens + cjk // 2 + links
        self.numeric_share = numeric / max(words, 1)
        self.glue_points = glued
        # Each glued capital starts a word too: "GlobalGermanySpain" is three.
        cased = lower + upper + glued
        self.lower_share = lower / cased if cased >= 2 else None
        if chunk[-1] in _END_STOP_CHARS:
            # The pattern tests below, worked out for this common case.
            self.ends_stop = True
            self.truncated = chunk.endswith(("..", "\u2026"))
        else:
            tail = chunk[-_TAIL:]
            self.ends_stop = _END_STOP.search(tail) is not None
            # A truncated block ends in a stop, closing quotes aside.
            self.truncated = self.ends_stop and _TRUNCATED.search(tail) is not None
        # normalize(), without testing the characters again.
        if chunk.isascii() or (
            plain is chunk and latin1 and not _has_key_exception(chunk)
        ):
            self.key = _latin1_key(chunk)
        else:
            self.key = normalize(chunk)

    def _general_counts(self) -> tuple[int, int, int, int]:
        tokens = _WORD.findall(self._plain)
        initials = "".join([token[0] for token in tokens])
        # No character is both lowercase and uppercase, nor cased and a digit.
        return (
            len(tokens),
            sum(map(str.islower, initials)),
            sum(map(str.isupper, initials)),
            sum(map(str.isdigit, initials)),
        )

    @property
    def stops(self) -> int:
        return len(_INNER_STOP.findall(self._chunk))

    @property
    def commas(self) -> int:
        chunk = self._chunk
        if chunk.isascii():
            return chunk.count(",")
        return sum(chunk.count(comma) for comma in _COMMAS)

    @property
    def number_share(self) -> float:
        if not self.numeric_share:
            return 0.0
        # "2.8", "11:03" and "1,500" are one number each.
        return len(_NUMBER.findall(self._plain)) / max(self.words, 1)

    @property
    def short_share(self) -> float:
        tokens = _WORD.findall(self._plain)
        short = sum(map(str.isalpha, [token for token in tokens if len(token) <= 3]))
        return short / max(len(tokens), 1)


class Block(NamedTuple):
    """One block of the page: an exact span of the input and its :class:`Shape`.

    A named tuple, not an attrs class: a page has hundreds of blocks, and a
    tuple is several times cheaper to make.

    Attributes:
        start, end: the span of ``text`` in the input.
        text: the block's text.
        words, ..., key: the measures of its :class:`Shape`.
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


#: Shapes of short blocks already measured, by text: menus, labels and footers
#: repeat within a page and across the pages of a site. Bounded: emptied when full.
_SHAPES: dict[str, Shape] = {}
_SHAPES_MAX = 20_000
#: Longer blocks are prose, which hardly repeats: they are not kept.
SHAPE_MAX_CHARS = 100


def shape(chunk: str) -> Shape:
    """The :class:`Shape` of a block's text ``chunk`` (stripped, not blank)."""
    if len(chunk) > SHAPE_MAX_CHARS:
        return Shape(chunk)
    found = _SHAPES.get(chunk)
    if found is None:
        if len(_SHAPES) >= _SHAPES_MAX:
            _SHAPES.clear()
        found = _SHAPES[chunk] = Shape(chunk)
    return found


def describe(text: str, start: int, end: int) -> Block:
    """The block of ``text[start:end]``; the span should be stripped already."""
    return _block((start, end, text[start:end]))


Span = tuple[int, int, str]
"""A block's ``(start, end, text)`` in the page: the text is stripped."""


def _stripped(text: str, start: int, end: int, spans: list[Span]) -> None:
    """Add the span of ``text[start:end]`` stripped to ``spans``, unless blank."""
    piece = text[start:end]
    chunk = piece.strip()
    if chunk:
        if len(chunk) < len(piece):
            start += len(piece) - len(piece.lstrip())
        spans.append((start, start + len(chunk), chunk))


def block_cuts(
    text: str, *, glue: bool = True
) -> tuple[int, Iterator[tuple[int, int]]]:
    """Where the blocks of ``text`` start and end, before stripping their ends.

    The start of the first block, and for each block its ``(last, next)``: the
    index of its last character and the start of the block after it.  The block
    is ``text[start : last + 1].rstrip()`` (skipped if blank), as in
    :func:`block_spans`; callers that do more per block run this loop themselves
    rather than make a list of spans first.
    """
    # Runs of plain spaces, which the separators do not stop at, become tabs in
    # a copy of the same length: every separator treats a tab as a blank, like
    # a space, except that a tab is a gap in itself.
    scan = text.replace("  ", "\t\t") if "  " in text else text
    separator = _SPLIT_GLUED if glue else _SPLIT
    # Every separator ends with the blanks after it, so a block only starts with
    # blanks at the start of the text.
    start = len(text) - len(text.lstrip())
    # The trigger character ends the block before the cut; the last block ends
    # where the text does.
    cuts = itertools.chain(
        map(re.Match.span, separator.finditer(scan)), [(len(text) - 1, 0)]
    )
    return start, cuts


def block_spans(text: str, *, glue: bool = True) -> list[Span]:
    """The spans of the blocks of ``text``, in order (see :func:`split_blocks`)."""
    spans: list[Span] = []
    add = spans.append
    start, cuts = block_cuts(text, glue=glue)
    # This loop runs once per block.
    for last, after in cuts:
        chunk = text[start : last + 1].rstrip()
        if chunk:
            add((start, start + len(chunk), chunk))
        start = after
    return spans


def weak_spans(text: str, start: int, end: int) -> list[Span]:
    """The spans of ``text[start:end]`` cut at changes of case inside words."""
    spans: list[Span] = []
    for match in _WEAK_GLUE.finditer(text, start, end):
        cut = match.start()
        _stripped(text, start, cut, spans)
        start = cut
    _stripped(text, start, end, spans)
    return spans


def _block(span: Span) -> Block:
    start, end, chunk = span
    form = shape(chunk)
    return Block(
        start,
        end,
        chunk,
        form.words,
        form.lower_share,
        form.stops,
        form.ends_stop,
        form.truncated,
        form.commas,
        form.number_share,
        form.short_share,
        form.glue_points,
        form.key,
    )


def split_blocks(text: str, *, glue: bool = True) -> list[Block]:
    """Split ``text`` into blocks: sentences of lines, in order.

    Line breaks, runs of blanks and sentence ends separate blocks; with ``glue`` (the
    default) so do sentence ends followed by a capital with no space between
    ("region.More").  Blocks are stripped; blank pieces are skipped.
    """
    return [_block(span) for span in block_spans(text, glue=glue)]


def split_weak(text: str, block: Block) -> list[Block]:
    """Cut ``block`` of ``text`` at changes of case inside words ("BusinessCulture").

    Meant for blocks that do not read as prose; returns ``[block]`` when there is
    nothing to cut.
    """
    if not block.glue_points:
        return [block]
    return [_block(span) for span in weak_spans(text, block.start, block.end)]
