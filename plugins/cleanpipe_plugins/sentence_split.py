"""The ``sentence-split`` step: put back the space lost between glued blocks.

``BeautifulSoup.get_text()`` and similar extractors join block elements with no
separator, so a page reads ``"...in the Kursk region.More than half..."`` or
``"...June 15, 2025The update comes..."``.  This module finds such junctions and
proposes one inserted space for each, tagged with the rule that found it.

Only whitespace is ever added.  Text written that way on purpose stays: URLs,
domains and e-mail addresses, dotted abbreviations and initials, decimals and
versions, brand names and code identifiers with inner capitals, hashtags and
handles, and scripts written without spaces (Chinese, Japanese).

Where punctuation cannot decide (``SaysPutin`` against ``YouTube``), word
frequencies from :mod:`wordfreq` do: a join without punctuation is split only
when the joined form is unknown as one word and both halves are common words.

Every pattern starts with a single character class and looks ahead a bounded
distance, and every look-around in Python is bounded, so the scan is linear in
the length of the text.

Entry point: :func:`find_missing_spaces`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator
from typing import Final

import attrs

import cleanpipe
from cleanpipe_plugins import EMOJI as _EMOJI
from cleanpipe_plugins import SPACE_MARKS as _MARKS
from cleanpipe_plugins import char_class
from cleanpipe_plugins.words import zipf

__all__ = ["Change", "Options", "find_missing_spaces", "split_sentences"]

#: ``(start, end, replacement, rule)``; here always an insertion (start == end).
Change = tuple[int, int, str, str]


_UP: Final = f"[{char_class(str.isupper)}]"
_LO: Final = f"[{char_class(str.islower)}]"

_CLOSERS: Final = "”’\"')]"
_OPENERS: Final = "“„‘\"'([{«"
_DASHES: Final = "-–—"
_CURRENCY: Final = "$€£¥₩"
# What a word standing alone may follow, besides whitespace: "(More", "—More".
_WORD_OPENERS: Final = _OPENERS + _DASHES + _CURRENCY
# What may follow a number before a glued word: "-1.41%The", "40,000₩Inquiry".
_NUMBER_SUFFIXES: Final = "%₩€£¥"
# Zero-width space, word joiner, and the byte-order mark used as one.
_ZERO_WIDTHS: Final = "\u200b\u2060\ufeff"
_SENTENCE_END: Final = ".!?"
# What ends the sentence or label before a Title Case heading.
_HEADING_END: Final = _SENTENCE_END + ":…"
# Generic top-level domains that are not also sentence-initial words, so that
# "PanARMENIAN.Net" and "Example.Com" stay whole.
_TLDS: Final = frozenset({"com", "net", "org", "edu", "gov", "info", "biz"})
# File name extensions written in capitals ("report.PDF").
_FILE_EXTENSIONS: Final = frozenset(
    {
        *("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "csv", "rtf"),
        *("jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "svg", "webp", "heic"),
        *("mp3", "mp4", "wav", "avi", "mov", "mkv", "zip", "rar", "exe", "dll"),
        *("iso", "htm", "html", "xml", "json", "js", "css", "md", "py", "bat"),
    }
)
_SHORTENER_HOSTS: Final = frozenset(
    {
        *("t.co", "bit.ly", "goo.gl", "ow.ly", "buff.ly", "dlvr.it", "fb.me"),
        *("youtu.be", "tinyurl.com", "lnkd.in", "trib.al", "amzn.to", "wp.me"),
        *("ift.tt", "is.gd", "spoti.fi"),
    }
)
# Zipf frequency of function words ("but" 6.6, "these" 6.0, "your" 6.5, "it" 7.0):
# they open sentences and rarely end a brand name ("BamTech", "AppleSkin").
_FUNCTION_ZIPF: Final = 6.0
# Two-letter capitalised tails are units or name parts ("Hz", "Mo") unless common.
_SHORT_TAIL_ZIPF: Final = 5.0
# How far back a Title Case heading is followed, in words.
_MAX_TITLE_WORDS: Final = 8
# Look-around bounds: each candidate costs O(1), so every scan stays linear.
_MAX_WORD: Final = 40
_MAX_RUN: Final = 8
_MAX_TOKEN: Final = 253
# Passes over the text until no rule finds a new space (two in practice).
_MAX_PASSES: Final = 4
# How far after a space a rule's reading can change: a Title Case heading of
# eight words, or a hashtag, a handle or a bare URL.
_REACH: Final = max(_MAX_TITLE_WORDS * (_MAX_WORD + 1), _MAX_TOKEN) + _MAX_WORD
# How far before a space a rule's reading can change: two words and a mark.
_REACH_BACK: Final = 2 * _MAX_WORD + _MAX_RUN
# The longest look-ahead of a trigger pattern ("https://"), past a window's end.
_LOOKAHEAD: Final = 16

# Every scan below starts with one character class and looks ahead a bounded
# distance; the rule functions read the run of characters around the match.
_URL = re.compile(r"(?:https?://|www\.|HTTPS?://|WWW\.)[^\s<>\"“”‘’«»]*")
# A superset of the characters for which str.islower() holds: a cheap filter in
# a pattern, whose candidates the rule still checks with islower().
_MAYBE_LOWER: Final = f"{_LO[1:-1]}\U00010000-\U0010ffff"
# The trigger characters other than capitals.
_OTHER_TRIGGERS: Final = f"{_MARKS}–—12"
# The one scan behind the rules that start at a mark, a dash, a capital or a
# year.  It starts with one character class, so the regex engine skips at C speed
# to the next such character (the trigger); then one alternative per kind keeps
# only that rule's candidates and an empty group names the kind (lastindex).
# Most alternatives open with the character after the trigger, which the engine
# tests before entering them: a capital followed by a lowercase letter, the
# commonest trigger, is turned down by one look-behind.  A match may run past its
# trigger, so the scan resumes right after the trigger (see _Triggers).  A
# trigger that is not one of _OTHER_TRIGGERS is a capital: testing that small
# class instead of _UP again keeps the pattern quick to compile.
_TRIGGER = re.compile(
    f"[{_OTHER_TRIGGERS}{_UP[1:-1]}]"
    "(?:"
    # _caps_headings: two capitals, then a capital and two lowercase letters
    # ("SENTRANissan").
    f"{_UP}(?={_UP}{_LO}{{2}})(?<![{_OTHER_TRIGGERS}].)()"
    # _word_joins: a capital after a lowercase letter ("SaysPutin"), or after a
    # number and before a lowercase letter ("2025The", "-1.41%The").
    f"|(?<=[{_LO[1:-1]}\\d{_NUMBER_SUFFIXES}][^{_OTHER_TRIGGERS}])"
    f"(?:(?<![\\d{_NUMBER_SUFFIXES}].)|(?=[{_MAYBE_LOWER}]))()"
    # _marks: a mark before a capital, Hangul, an opening quote or bracket, or
    # a link ("region.More", "said.“We", "다.결국", "here:https://").  A
    # lowercase "h" or "w" matters only there: every rule wants a capital.
    f'|[{_UP[1:-1]}\uac00-\ud7a3“„‘"(\\[](?<=[{_MARKS}].)()'
    f"|htt(?=ps?://)(?<=[{_MARKS}]htt)()"
    f"|ww(?=w\\.)(?<=[{_MARKS}]ww)()"
    # _dashes: a dash glued to what precedes it, before whitespace.
    r"|\s(?<=\S[–—]\s)()"
    # _years: "19xx" or "20xx" after a lowercase letter, before whitespace.
    f"|[90](?<=[{_MAYBE_LOWER}](?:19|20))(?=\\d\\d\\s)()"
    ")"
)
# What can start the glued-on block: "More", "North", the words "A" and "I",
# and an interview's "Q:"/"A:".  Each pattern below only answers whether it
# matches at an offset; each capital class in one costs a millisecond to compile.
_RIGHT_AT = re.compile(rf"{_UP}(?:{_LO}|(?=:\s))|[AI](?=\s)|I(?=['’])")
# Or two capitals ("FORD"), an initialism ("U.S.") or a link.
_BLOCK_START_AT = re.compile(
    rf"{_UP}(?:[{_LO[1:-1]}{_UP[1:-1]}]|(?=:\s)|\.{_UP}\.)|[AI](?=\s)|I(?=['’])"
    r"|https?://|www\.|HTTPS?://|WWW\."
)
_OPENER_AT = re.compile(rf"[“„‘\"](?=[^\W_]|…)|[(\[](?=\s?{_UP})")
# Or two capitals ("NISSAN").
_COLON_RIGHT_AT = re.compile(
    rf"{_UP}(?:[{_LO[1:-1]}{_UP[1:-1]}]|(?=:\s))|[AI](?=\s)|I(?=['’])"
)
_RULE_LINE = re.compile(r"___+")
_HASH_IN_URL = re.compile(r"#(?=[^\W\d_])")
_CAMEL_NAME = re.compile(rf"(?:{_UP}{_LO}+){{2,}}")
_EMOJI_CHAR = re.compile(f"[{_EMOJI}]")


# wordfreq 3.x languages that need no extra tokenizer: Japanese, Korean and
# Chinese need MeCab or jieba, and their scripts have no letter case anyway.
_WORDFREQ_LANGUAGES: Final = frozenset(
    {
        *("ar", "bg", "bn", "ca", "cs", "da", "de", "el", "en", "es", "fa", "fi"),
        *("fil", "fr", "he", "hi", "hu", "id", "is", "it", "lt", "lv", "mk", "ms"),
        *("nb", "nl", "pl", "pt", "ro", "ru", "sh", "sk", "sl", "sv", "ta", "tr"),
        *("uk", "ur", "vi"),
    }
)


@attrs.frozen(kw_only=True)
class Options:
    """Settings of the missing-space step.

    Attributes:
        languages: wordfreq language codes (``"en"``, ``"de"``, ...) used as
            evidence for joins without punctuation (``SaysPutin``).  A join is
            split only if the joined form is unknown in every language and both
            halves are common in one.  Each language costs up to 30 MB and 0.1 s
            when it is first needed.
        min_part_zipf: how common (Zipf scale: "the" is 7.7, "stab" 3.8, a word
            seen once per 100 million words is 2) each half of a join must be.
        max_joined_zipf: the joined form must be rarer than this; 1.0 means "not
            in the word list at all" ("youtube" is 4.7, "saysputin" 0).
        use_word_evidence: run the rules that need word frequencies
            (``lower-upper``, ``digit-upper``, ``lower-digit``); without them no
            wordfreq data is loaded.
    """

    languages: tuple[str, ...] = attrs.field(
        default=("en",),
        validator=attrs.validators.deep_iterable(
            attrs.validators.in_(_WORDFREQ_LANGUAGES),
            attrs.validators.and_(
                attrs.validators.instance_of(tuple), attrs.validators.min_len(1)
            ),
        ),
    )
    min_part_zipf: float = attrs.field(
        default=3.0,
        validator=[
            attrs.validators.instance_of(float),
            attrs.validators.ge(0.0),
            attrs.validators.le(8.0),
        ],
    )
    max_joined_zipf: float = attrs.field(
        default=1.0,
        validator=[
            attrs.validators.instance_of(float),
            attrs.validators.ge(0.0),
            attrs.validators.le(8.0),
        ],
    )
    use_word_evidence: bool = attrs.field(
        default=True, validator=attrs.validators.instance_of(bool)
    )


_DEFAULT_OPTIONS: Final = Options()


def find_missing_spaces(text: str, options: Options = _DEFAULT_OPTIONS) -> list[Change]:
    """Return the spaces to insert into ``text``, each as a tagged change.

    Every change is ``(offset, offset, " ", rule)``: insert a space before
    ``text[offset]``.  The list is sorted, with at most one change per offset.

    Rules that read punctuation and layout:

    - ``sentence-punct``: ``region.More``, ``UK.North``, ``Delhi?The``
    - ``ellipsis``: ``Related...Trump``
    - ``closing-quote``: ``region.”The``, ``said."The``
    - ``opening-quote``: ``said.“We``, ``grant.(More)``
    - ``closing-bracket``: ``(More)Our``
    - ``colon``: ``resolves to:Observe``
    - ``dash``: ``pic.twitter.com/x7Q— Name``
    - ``rule-line``: ``likely.___HOW``
    - ``zero-width``: a block that held only a zero-width space
    - ``emoji``: ``soon! 🙂We``
    - ``url-hashtag``: ``https://t.co/x#Tag``
    - ``url-start``: ``Ticketingwww.site.com``
    - ``caps-heading``: ``NISSAN SENTRANissan is``

    Rules that read word frequencies (``Options.use_word_evidence``):

    - ``digit-upper``: ``June 15, 2025The``
    - ``lower-upper``: ``SaysPutin``, ``electricAs``
    - ``lower-digit``: ``Story Timeline2020 VW``
    """
    found: dict[int, str] = {}
    current = text
    near: list[tuple[int, int]] | None = None
    # A space can change what its neighbours read ("Says) SaysSays" now starts a
    # word), so the rules run again on the repaired text, near the new spaces,
    # until nothing is new: the step is idempotent by construction.  On real
    # pages the second pass finds nothing; it costs a fraction of the first.
    first: _Scan | None = None
    for _ in range(_MAX_PASSES):
        scan = _find_once(current, options, near, first)
        first = first or scan
        new = scan.found
        if not new:
            break
        new = _to_original(sorted(found), new)
        found.update(new)
        current = _insert_spaces(text, found)
        near = _windows(_to_repaired(sorted(found), new), len(current))
    return [(offset, offset, " ", found[offset]) for offset in sorted(found)]


def _find_once(
    text: str,
    options: Options,
    near: list[tuple[int, int]] | None,
    first: _Scan | None,
) -> _Scan:
    """One pass of every rule over ``text`` (or the windows ``near``).

    Its :attr:`_Scan.found` maps offset -> rule for each space to add.  ``first``
    is the scan of the first pass, over the text before any repair.
    """
    scan = _Scan(text, options, near, first)
    finders = _FINDERS + _WORD_FINDERS if options.use_word_evidence else _FINDERS
    for finder in finders:
        for offset, rule in finder(scan):
            if 0 < offset < len(text) and not scan.spaced(offset):
                scan.found[offset] = rule
    return scan


def _to_original(inserted: list[int], new: dict[int, str]) -> dict[int, str]:
    """Map offsets in the repaired text back to the text the caller gave.

    ``inserted`` holds the offsets (in the caller's text, sorted) of the spaces
    already in the repaired text; each one shifts what follows it by one.
    """
    # The k-th inserted space sits at repaired offset inserted[k] + k.
    shifted = [offset + k for k, offset in enumerate(inserted)]
    return {
        offset - bisect.bisect_left(shifted, offset): rule
        for offset, rule in new.items()
    }


def _to_repaired(inserted: list[int], offsets: dict[int, str]) -> list[int]:
    """Where the spaces at ``offsets`` (of the caller's text) sit once inserted."""
    return [offset + bisect.bisect_left(inserted, offset) for offset in offsets]


def _windows(spaces: list[int], length: int) -> list[tuple[int, int]]:
    """Merged stretches of text whose reading a space at ``spaces`` can change.

    A rule reads at most a few words back and two forward (see the bounds
    above), so a space matters to candidates from ``_REACH_BACK`` before it to
    ``_REACH`` after it.
    """
    merged: list[tuple[int, int]] = []
    for space in sorted(spaces):
        lo, hi = max(0, space - _REACH_BACK), min(length, space + _REACH)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _insert_spaces(text: str, found: dict[int, str]) -> str:
    parts, last = [], 0
    for offset in sorted(found):
        parts += [text[last:offset], " "]
        last = offset
    parts.append(text[last:])
    return "".join(parts)


class _Triggers:
    """The candidates of the rules that start at a mark, dash, capital or year.

    One :data:`_TRIGGER` scan over the text (or the windows near new spaces)
    fills one sorted list of offsets per rule: the candidates that a scan per
    rule would find, less some that no rule can accept.
    """

    __slots__ = ("caps", "dashes", "marks", "words", "years")

    def __init__(self, text: str, near: list[tuple[int, int]] | None) -> None:
        self.marks: list[int] = []
        self.dashes: list[int] = []
        #: Where two capitals before a capitalised word start.
        self.caps: list[int] = []
        #: Capitals glued to a lowercase letter or a number.
        self.words: list[int] = []
        #: Where a year glued to a word starts.
        self.years: list[int] = []
        # The list of each group of _TRIGGER, by number.
        by_group: tuple[list[int], ...] = (
            *([], self.caps, self.words),
            *(self.marks, self.marks, self.marks, self.dashes, self.years),
        )
        search = _TRIGGER.search
        length = len(text)
        for lo, hi in [(0, length)] if near is None else near:
            # Near new spaces a candidate starts in [lo, hi), a word join in
            # (lo, hi]: a rule's trigger there is the character before it.
            end = min(length, hi + _LOOKAHEAD)
            match = search(text, lo, end)
            while match:
                i = match.start()
                kind = match.lastindex or 0
                if (kind == 2 or (kind == 1 and _glued_capital(text, i))) and (
                    lo < i <= hi
                ):
                    self.words.append(i)
                if kind != 2 and i < hi:
                    by_group[kind].append(i)
                match = search(text, i + 1, end)


def _glued_capital(text: str, i: int) -> bool:
    """Whether the capital at ``i`` (before a capital) is a word join's trigger."""
    return i > 0 and text[i - 1].islower() and text[i - 1] <= "\uffff"


class _Scan:
    """The text under repair, the spaces found so far, and facts computed once.

    Rules read :attr:`found` as whitespace wherever they ask "is there a space
    here", so later rules see the spaces that earlier ones put in.
    """

    def __init__(
        self,
        text: str,
        options: Options,
        near: list[tuple[int, int]] | None = None,
        first: _Scan | None = None,
    ) -> None:
        self.text = text
        self.options = options
        self.near = near
        # The first pass's scan: the repaired text is its text plus spaces, so
        # what that text lacks (a URL, a zero-width character) this one lacks.
        self._first = first
        self.found: dict[int, str] = {}
        self._urls: list[tuple[int, int]] | None = None
        self._zero_widths: list[int] | None = None
        self._quote_opens: dict[int, bool] | None = None
        self.triggers = _Triggers(text, near)

    def matches(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The matches of a trigger ``pattern`` in the text, or near new spaces."""
        if self.near is None:
            yield from pattern.finditer(self.text)
            return
        for lo, hi in self.near:
            end = min(len(self.text), hi + _LOOKAHEAD)
            for match in pattern.finditer(self.text, lo, end):
                if match.start() >= hi:
                    break
                yield match

    def char(self, offset: int) -> str:
        """The character at ``offset``; the edges of the text read as a space."""
        return self.text[offset] if 0 <= offset < len(self.text) else " "

    def spaced(self, offset: int) -> bool:
        """Whether whitespace precedes ``offset`` (in the text or as a repair)."""
        return offset <= 0 or self.text[offset - 1].isspace() or offset in self.found

    def run_start(self, end: int, chars: str) -> int:
        """Where the run of ``chars`` ending at ``end`` starts (at most 8 back)."""
        text = self.text
        start = end
        limit = max(0, end - _MAX_RUN)
        while start > limit and text[start - 1] in chars:
            start -= 1
        return start

    def urls(self) -> list[tuple[int, int]]:
        """Start and end of each URL written with a scheme or ``www.``.

        Bare domains are not listed; the rules keep them whole by refusing
        words that follow a dot.
        """
        if self._urls is None:
            if self._first is not None and not self._first.urls():
                self._urls = []
            else:
                self._urls = _find_urls(self.text)
        return self._urls

    def zero_widths(self) -> list[int]:
        """The offsets of the zero-width characters, in order."""
        if self._zero_widths is None:
            if self._first is not None and not self._first.zero_widths():
                self._zero_widths = []
            else:
                self._zero_widths = _positions(self.text, _ZERO_WIDTHS)
        return self._zero_widths

    def in_url(self, offset: int) -> bool:
        """Whether ``offset`` falls inside (or at the end of) a listed URL."""
        urls = self.urls()
        i = bisect.bisect_right(urls, (offset, len(self.text) + 1)) - 1
        return i >= 0 and offset <= urls[i][1]

    def left_word(self, end: int) -> tuple[int, str]:
        """The word (letters, digits, inner apostrophes) ending at ``end``."""
        text = self.text
        limit = max(0, end - _MAX_WORD)
        start = end
        while start > limit and text[start - 1].isalnum():
            start -= 1
        # "aren't", "Neumann’s": an apostrophe between letters stays in the word.
        while (
            start < end
            and start - 2 >= limit
            and text[start - 1] in "'’"
            and text[start - 2].isalnum()
        ):
            start -= 1
            while start > limit and text[start - 1].isalnum():
                start -= 1
        return start, text[start:end]

    def right_word(self, start: int) -> str:
        """The word starting at ``start``: a capital, then lowercase or capitals."""
        text = self.text
        end = start + 1
        limit = min(len(text), start + _MAX_WORD)
        if end < limit and text[end].islower():
            end += 1
            while end < limit and text[end].islower():
                end += 1
        else:
            while end < limit and text[end].isupper():
                end += 1
        return text[start:end]

    def stands_alone(self, start: int) -> bool:
        """Whether the word starting at ``start`` is not the tail of a chain.

        ``example.com``, ``U.S.``, ``user@host``, ``/path/file``, ``snake_case``
        and ``9to5Mac`` put a word right after a dot, slash, at sign, underscore or
        digit; such tokens stay whole.
        """
        if start <= 0:
            return True
        before = self.text[start - 1]
        return before.isspace() or start in self.found or before in _WORD_OPENERS

    def ends_plain(self, end: int) -> bool:
        """Whether the word ending at ``end`` is not followed by a path or code.

        ``Foo.Bar.baz``, ``Math.Max(``, ``Foo/Bar``, ``John.Smith@`` and ``Write``
        in ``WriteLine`` go on with a dot, bracket, slash, at sign or capital.
        """
        if not 0 <= end < len(self.text):
            return True  # the edges of the text read as a space
        after = self.text[end]
        if after.isspace() or end in self.found:
            return True
        if after.isupper() or after in "(/@_=\\<[{#&":
            return False
        return not (
            after in ".:" and self.char(end + 1).isalnum() and not self.spaced(end + 1)
        )

    def quote_opens(self, offset: int) -> bool:
        """Whether the straight double quote at ``offset`` opens a quotation."""
        if self._quote_opens is None:
            self._quote_opens = _straight_quote_roles(self.text)
        return self._quote_opens.get(offset, False)


def _find_urls(text: str) -> list[tuple[int, int]]:
    """The spans of ``_URL.finditer(text)``, found from where its prefixes occur.

    str.find skips to "://", "www." or "WWW." far faster than the regex engine
    tries every "h" and "w"; each match then starts at one of these prefixes.
    """
    starts = []
    for marker in ("://", "www.", "WWW."):
        i = text.find(marker)
        while i >= 0:
            if marker != "://":
                starts.append(i)
            else:  # "http://", "https://", "HTTP://", "HTTPS://"
                for scheme in ("http", "https", "HTTP", "HTTPS"):
                    if i >= len(scheme) and text.startswith(scheme, i - len(scheme)):
                        starts.append(i - len(scheme))
            i = text.find(marker, i + 1)
    spans = []
    resume = 0  # matches do not overlap: the next one starts after this one
    for start in sorted(starts):
        if start >= resume and (match := _URL.match(text, start)):
            spans.append(match.span())
            resume = match.end()
    return spans


def _straight_quote_roles(text: str) -> dict[int, bool]:
    """Decide for every ``"`` in ``text`` whether it opens (True) or closes.

    A quote after a space opens and one before a space or punctuation closes.
    One glued on both sides (``said."The``) is read from the right: it closes if
    the quotes after it start outside a quotation, and opens otherwise.  Reading
    from the right copes with multi-paragraph quotations, whose paragraphs open
    without closing (``supporters."The quality ... attracted me."Tottenham``).
    Curly quotes on the way (``“`` opens, ``”`` closes) count too: pages mix them.
    """
    roles: dict[int, bool] = {}
    inside = False  # whether the text just after the current quote is quoted
    for i in reversed(_positions(text, '"“”')):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if text[i] != '"':
            inside = text[i] == "”"
            continue
        if before.isspace() or before in "([{" or before in _DASHES:
            opens = True
        elif after.isspace() or after in ",.;:!?)]":
            opens = False
        else:
            opens = inside
        roles[i] = opens
        inside = not opens
    return roles


def _previous_token(scan: _Scan, start: int) -> tuple[int, str]:
    """The token before the one at ``start``, and where it starts.

    Tokens are delimited by whitespace and by the spaces found so far.
    """
    text = scan.text
    end = start
    while end > 0 and text[end - 1] == " ":
        end -= 1
    begin = end
    limit = max(0, end - _MAX_WORD)
    while begin > limit and not text[begin - 1].isspace():
        if begin != end and begin in scan.found:
            break
        begin -= 1
    return begin, text[begin:end]


# ---------------------------------------------------------------- punctuation rules

Check = Callable[[_Scan, int], "int | None"]
"""A rule's test of one candidate: the offset to insert a space at, or None."""


def _marks(scan: _Scan) -> Iterator[tuple[int, str]]:
    """Punctuation, quotes, brackets and emoji glued to the next block.

    One scan finds every mark followed by a capital, an opening quote or a
    bracket; the mark picks the rules that judge it.
    """
    text = scan.text
    for i in scan.triggers.marks:
        if text[i + 1] in _OPENING_MARKS:
            checks = _OPENER_CHECKS
        else:
            checks = _MARK_CHECKS.get(text[i], _SYMBOL_CHECKS)
        for rule, check in checks:
            offset = check(scan, i)
            if offset is not None:
                yield offset, rule
                break


def _sentence_punct(scan: _Scan, i: int) -> int | None:
    """``region.More``, ``UK.North``, ``Delhi?The``, ``assaults”.North``, ``다.결국``.

    Korean separates sentences with spaces; Chinese and Japanese end them with
    "。" and no space, which no rule here touches.
    """
    text = scan.text
    if _is_hangul(scan.char(i + 1)):
        return (
            i + 1 if text[i] in _SENTENCE_END and _is_hangul(scan.char(i - 1)) else None
        )
    if not _BLOCK_START_AT.match(text, i + 1):
        return None
    stars = scan.run_start(i + 1, "*")
    start = scan.run_start(stars, _SENTENCE_END)
    punct = text[start:stars]
    if not punct or "..." in punct or scan.char(start - 1) in _SENTENCE_END:
        return None  # no punctuation, an ellipsis (its own rule), or a long run
    return i + 1 if _after_punct_ok(scan, start, i + 1, dot=punct[0] == ".") else None


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _after_punct_ok(scan: _Scan, start: int, end: int, *, dot: bool) -> bool:
    """Whether a block may end with the punctuation at ``text[start:end]``."""
    text = scan.text
    left_end = scan.run_start(start, _CLOSERS + "%+")
    if left_end == start and scan.char(start - 1) == " " and text[start] in "?!":
        left_end -= 1  # French spacing: "quoi ?Bonjour" (but " .NET" stays)
    word_start, word = scan.left_word(left_end)
    if not word or not (
        scan.stands_alone(word_start) or scan.char(word_start - 1) == ","
    ):
        return False
    if dot and len(word) == 1 and word.isalpha() and left_end == start:
        return False  # initials and abbreviations: "J.K.", "U.S.Army", "e.g.The"
    if scan.in_url(start):
        return False
    if text.startswith(("http", "www.", "HTTP", "WWW."), end):
        return len(word) > 1 and word.isalpha()
    return _right_ok(scan, end, word)


def _right_ok(scan: _Scan, start: int, left: str) -> bool:
    """Whether the word at ``start`` can begin a new block after the word ``left``."""
    right = scan.right_word(start)
    end = start + len(right)
    if right.lower() in _TLDS:
        return False
    if scan.char(end).isupper():
        # "WeWork", "McCormick" start a sentence; "Console.WriteLine" is code.
        return not left.istitle() and bool(_known_name(scan, start))
    if len(right) == 1:
        # "I’m", or "A", "Q:", "U.S." after a word; not "Section 3.A", "Plan B.A".
        if scan.char(end) in "'’":
            return True
        if left.isalpha() and len(left) > 1:
            return scan.ends_plain(end) or _is_initialism(scan, start)
        return False
    if not scan.ends_plain(end) and not _sentence_follows(scan, end):
        return False
    if right.isupper():
        # A word in capitals opens a heading in capitals ("sale.FORD MUSTANG") or a
        # sentence ("sick.CBP's cells", "2020.US pricing"); "report.PDF",
        # "ASP.NET" and "Level.INFO" stay.
        return (left.islower() or left.isdigit()) and _opens_with_capitals(scan, start)
    if _sentence_follows(scan, end):
        # "life.Really.How": a chain of sentences, not "System.Collections.Generic".
        return not left.istitle()
    return True


def _is_initialism(scan: _Scan, start: int) -> bool:
    """Whether ``U.S.`` or ``U.K.`` (capital, dot, capital, dot) starts at ``start``."""
    chunk = scan.text[start : start + 4]
    return (
        len(chunk) == 4
        and chunk[1] == chunk[3] == "."
        and chunk[0].isupper()
        and chunk[2].isupper()
        and not scan.char(start + 4).isalnum()
    )


def _known_name(scan: _Scan, start: int) -> str:
    """The camel-case token at ``start`` if it is a known word (``WeWork``), or "".

    Every capital must start a lowercase run: "SpacE" is a typo, not a name.
    """
    text = scan.text
    end = start
    limit = min(len(text), start + _MAX_WORD)
    while end < limit and text[end].isalpha():
        end += 1
    if not scan.options.use_word_evidence or not scan.ends_plain(end):
        return ""
    name = text[start:end]
    if not _CAMEL_NAME.fullmatch(name) or not _is_known(name, scan.options):
        return ""
    return name


def _block_starts(scan: _Scan, start: int, *, after_sentence: bool) -> bool:
    """Whether a new block can start at ``start``, after a quote or bracket.

    After a whole sentence (``participants."US stock``, ``that.)NASA’s plans``)
    it may also start with a word in capitals.
    """
    if _RIGHT_AT.match(scan.text, start):
        return True
    return after_sentence and _opens_with_capitals(scan, start)


def _opens_with_capitals(scan: _Scan, start: int) -> bool:
    """Whether a word in capitals at ``start`` opens a heading or a sentence.

    ``FORD MUSTANG``, ``CBP's cells``, ``US pricing``; not ``PDF`` of a file name.
    """
    right = scan.right_word(start)
    end = start + len(right)
    if len(right) < 2 or not right.isupper() or right.lower() in _FILE_EXTENSIONS:
        return False
    if not scan.ends_plain(end):
        return False
    return _caps_token_follows(scan, end) or _lower_word_follows(scan, end)


def _caps_token_follows(scan: _Scan, end: int) -> bool:
    """Whether a space and another word in capitals (``MUSTANG``, ``RAV4``) follow.

    That word may run into the paragraph after it (``QUARANTINEDThe``).
    """
    if scan.char(end) != " ":
        return False
    i = end + 1
    limit = min(len(scan.text), i + _MAX_WORD)
    while i < limit and (scan.text[i].isupper() or scan.text[i].isdigit()):
        i += 1
    if scan.char(i).islower():
        i -= 1
    return i - end > 2


def _lower_word_follows(scan: _Scan, end: int) -> bool:
    """Whether ``'s`` or a space and a lowercase word follow (``CBP's cells``)."""
    after = scan.text[end : end + 2]
    return after in ("'s", "’s") or (after[:1] == " " and after[1:].islower())


def _sentence_follows(scan: _Scan, end: int) -> bool:
    """Whether sentence punctuation and a capitalised word follow (``.How``)."""
    return (
        scan.char(end) in _SENTENCE_END
        and not scan.spaced(end + 1)
        and scan.char(end + 1).isupper()
        and scan.char(end + 2).islower()
    )


def _ellipsis(scan: _Scan, i: int) -> int | None:
    """``Related...Trump``, ``say…Q:``, not a leading ellipsis as in ``“…The``."""
    text = scan.text
    if text[i] not in ".…" or not _RIGHT_AT.match(text, i + 1):
        return None
    start = i
    if text[i] == ".":
        start = scan.run_start(i + 1, ".")
        if i + 1 - start < 3:
            return None
    before = scan.char(start - 1)
    if before == " ":
        before = scan.char(start - 2)
    if (before.isalnum() or before in _CLOSERS) and not scan.in_url(start):
        return i + 1
    return None


def _closing_quote(scan: _Scan, i: int) -> int | None:
    """``region.”The``, ``said."The``, ``continuum.'Think``, ``enterprise.""We``.

    A straight quote that opens instead (``mutual."I love``) gets its space
    before it, from :func:`_opening_quote`.
    """
    text = scan.text
    start = scan.run_start(i + 1, "”’\"'")
    before = scan.char(start - 1)
    if before.isspace() or scan.in_url(start):
        return None
    if not _block_starts(scan, i + 1, after_sentence=before in _SENTENCE_END):
        return None
    if text[i] == '"':
        if scan.char(i - 1) == '"':
            return i  # one quotation closes, the next opens
        return None if scan.quote_opens(i) else i + 1
    if text[i] == "”" or before in ".!?,;:…":
        # "’" and "'" after a letter are apostrophes: "O’Neill", "Russia'Russian".
        return i + 1
    return None


def _opening_quote(scan: _Scan, i: int) -> int | None:
    """``said.“We``, ``following:“South``, ``mutual."I``, ``grant.(More)``."""
    text = scan.text
    punct = text[i]
    if punct not in ".!?:;…”’)]*" or not _OPENER_AT.match(text, i + 1):
        return None
    if text[i + 1] == '"' and not scan.quote_opens(i + 1):
        return None
    if punct in ".!?:;" and not _before_opener_ok(scan, i):
        return None
    if punct == "*" and not _ends_censored_word(scan, i + 1):
        return None
    return None if scan.in_url(i + 1) else i + 1


def _before_opener_ok(scan: _Scan, punct_at: int) -> bool:
    """The word before the punctuation must stand free: not ``e.g`` nor a path."""
    word_start, word = scan.left_word(punct_at)
    if not word:
        return scan.char(punct_at - 1) in _CLOSERS
    if len(word) == 1 and word.isalpha() and scan.text[punct_at] == ".":
        return False
    return scan.stands_alone(word_start)


def _ends_censored_word(scan: _Scan, end: int) -> bool:
    """``– Man**“Very``: asterisks that end a word, not ``**“bold”**`` markup."""
    return scan.char(scan.run_start(end, "*") - 1).isalpha()


def _closing_bracket(scan: _Scan, i: int) -> int | None:
    """``(More)Our``, ``them.)Enter``, ``[ Engadget ]Stadia``, not ``(s)He``."""
    after_sentence = scan.char(i - 1) in _SENTENCE_END
    if not _block_starts(scan, i + 1, after_sentence=after_sentence):
        return None
    if scan.char(i - 2) in "([" and scan.char(i - 1).isalpha():
        return None
    return None if scan.in_url(i) else i + 1


def _colon(scan: _Scan, i: int) -> int | None:
    """``to:Observe``, ``highlights:NISSAN``; not ``Category:Foo`` nor ``C:Windows``.

    A capitalised label reads as a namespace, scheme or subject tag (``Re:Zero``),
    so only lowercase and all-capitals labels qualify.
    """
    if scan.text[i] != ":" or not _COLON_RIGHT_AT.match(scan.text, i + 1):
        return None
    left_end = i - 1 if scan.char(i - 1) == " " else i
    word_start, word = scan.left_word(left_end)
    if len(word) < 2 or not word.isalpha() or not (word.islower() or word.isupper()):
        return None
    if not scan.stands_alone(word_start) or scan.in_url(i):
        return None
    right = scan.right_word(i + 1)
    after = scan.char(i + 1 + len(right))
    return i + 1 if after.isspace() or after in ",.;:!?'’)" else None


def _emoji(scan: _Scan, i: int) -> int | None:
    """``soon! 🙂Jeongdong``: a sentence closed by an emoji, then a new block."""
    if not _is_emoji(scan.text[i]) or not _RIGHT_AT.match(scan.text, i + 1):
        return None
    start = i
    while i - start < _MAX_RUN and _is_emoji(scan.char(start - 1)):
        start -= 1
    if scan.char(start - 1) == " " and scan.char(start - 2) in _SENTENCE_END:
        return i + 1
    return None


def _is_emoji(ch: str) -> bool:
    return _EMOJI_CHAR.fullmatch(ch) is not None


_OPENING_MARKS: Final = '“„‘"(['
_OPENER_CHECKS: Final[tuple[tuple[str, Check], ...]] = (
    ("opening-quote", _opening_quote),
)
_SYMBOL_CHECKS: Final[tuple[tuple[str, Check], ...]] = (("emoji", _emoji),)
_MARK_CHECKS: Final[dict[str, tuple[tuple[str, Check], ...]]] = {
    **dict.fromkeys(
        ".", (("sentence-punct", _sentence_punct), ("ellipsis", _ellipsis))
    ),
    **dict.fromkeys("!?*", (("sentence-punct", _sentence_punct),)),
    "…": (("ellipsis", _ellipsis),),
    **dict.fromkeys("”’\"'", (("closing-quote", _closing_quote),)),
    **dict.fromkeys(")]", (("closing-bracket", _closing_bracket),)),
    ":": (("colon", _colon),),
    ";": (),  # only before an opening quote
}


def _dashes(scan: _Scan) -> Iterator[tuple[int, str]]:
    """``/E8DnAa64eZ— Ministry``, ``said.”– Man``: a spaced dash missing its space.

    Only after the end of a sentence, quote, URL or hashtag: in ``even—heaven
    help us— booyah`` the writer's own slip stays.
    """
    text = scan.text
    for i in scan.triggers.dashes:
        before = text[i - 1]  # not whitespace: the trigger's look-behind
        if before in '.!?”"’)*' or scan.in_url(i - 1) or _ends_tag_or_url(scan, i):
            yield i, "dash"


def _ends_tag_or_url(scan: _Scan, end: int) -> bool:
    """Whether the token ending at ``end`` is a hashtag, handle or bare URL."""
    text = scan.text
    start = end
    limit = max(0, end - _MAX_TOKEN)
    while start > limit and not text[start - 1].isspace():
        start -= 1
    token = text[start:end]
    if len(token) > 1 and token[0] in "#@" and token[1:].replace("_", "").isalnum():
        return True
    host, slash, _ = token.partition("/")
    return (
        bool(slash) and "." in host and host.replace(".", "").replace("-", "").isalnum()
    )


def _rule_lines(scan: _Scan) -> Iterator[tuple[int, str]]:
    """``likely.___HOW``: a run of underscores drawn as a separator line."""
    if "___" not in scan.text:
        return
    for match in scan.matches(_RULE_LINE):
        before = scan.char(match.start() - 1)
        after = scan.char(match.end())
        if before in '.!?”"’)':
            yield match.start(), "rule-line"
            if not after.isspace():
                yield match.end(), "rule-line"
        elif before.isspace() and (after.isupper() or after.isdigit()):
            yield match.end(), "rule-line"


def _zero_widths(scan: _Scan) -> Iterator[tuple[int, str]]:
    """``performance!`` + zero-width spaces + ``Our team``: empty blocks between.

    Such a block (an "empty" paragraph) gets a space on both sides; a zero-width
    space inside a word or URL (a line-break hint) stays as it is.
    """
    for start, end in _zero_width_runs(scan):
        if not _RIGHT_AT.match(scan.text, end):
            continue
        before = scan.char(start - 1)
        if before.isalnum() or before == "_" or scan.in_url(start):
            continue
        if not before.isspace():
            yield start, "zero-width"
        yield end, "zero-width"


def _zero_width_runs(scan: _Scan) -> list[tuple[int, int]]:
    """The runs of zero-width characters in the text, or near new spaces.

    The spans that ``scan.matches`` would give for ``[\\u200b\\u2060\\ufeff]+``,
    found with str.find: the characters are rare, and a regex scan would test
    every character of the text.
    """
    text = scan.text
    runs: list[tuple[int, int]] = []
    for i in scan.zero_widths():
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    if scan.near is None:
        return runs
    # Near new spaces, a match starts in [lo, hi) and ends by the window's end.
    clipped = []
    ends = [end for _, end in runs]
    for lo, hi in scan.near:
        window_end = min(len(text), hi + _LOOKAHEAD)
        k = bisect.bisect_right(ends, lo)  # the first run that ends after lo
        while k < len(runs) and max(runs[k][0], lo) < hi:
            clipped.append((max(runs[k][0], lo), min(runs[k][1], window_end)))
            k += 1
    return clipped


def _positions(text: str, chars: str) -> list[int]:
    """The sorted offsets in ``text`` of any of ``chars`` (a few rare ones)."""
    found = []
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    return found


def _url_starts(scan: _Scan) -> Iterator[tuple[int, str]]:
    """``Ticketingwww.example.com``, ``de 2018https://…``: a link glued to a word."""
    for start, _ in scan.urls():
        word_start, word = scan.left_word(start)
        if len(word) < 3 or not scan.stands_alone(word_start):
            continue
        if word[-1] in "wW" and scan.text[start] in "wW":
            continue  # "awww.com", "newwww.site": the w's are one name
        yield start, "url-start"


def _url_hashtags(scan: _Scan) -> Iterator[tuple[int, str]]:
    """``https://t.co/1vB3QSA41N#StandWithUkraine``: a hashtag after a short link.

    Fragments of ordinary URLs (``/wiki/Kursk#History``) stay; a link shortener's
    URL has no fragment, so a ``#`` there starts the next hashtag.
    """
    if not scan.urls() or "#" not in scan.text:
        return
    for start, end in scan.urls():
        url = scan.text[start:end]
        host = url.split("://", 1)[-1].split("/", 1)[0].lower().removeprefix("www.")
        hit = _HASH_IN_URL.search(url) if host in _SHORTENER_HOSTS else None
        if hit:
            yield start + hit.start(), "url-hashtag"


def _caps_headings(scan: _Scan) -> Iterator[tuple[int, str]]:
    """``NISSAN SENTRANissan is``: a heading in capitals glued to its paragraph.

    The run of two or more capitals must follow another word in capitals, so
    acronyms in ``HTMLParser`` or ``the USAToday`` never qualify.
    """
    for capital in scan.triggers.caps:
        i = capital + 2
        start = i
        while i - start < _MAX_WORD and scan.char(start - 1).isupper():
            start -= 1
        if not scan.spaced(start) or scan.in_url(i):
            continue
        _, previous = _previous_token(scan, start)
        letters = [ch for ch in previous if ch.isalpha()]
        if len(letters) < 2 or not all(ch.isupper() for ch in letters):
            continue
        if previous[0].isalnum() and scan.ends_plain(i + len(scan.right_word(i))):
            yield i, "caps-heading"


# ---------------------------------------------------------------- word-evidence rules


def _word_joins(scan: _Scan) -> Iterator[tuple[int, str]]:
    """A lowercase letter or a number glued to a capital, judged by word frequency."""
    for end in scan.triggers.words:
        if scan.text[end - 1].islower():
            if _lower_upper(scan, end):
                yield end, "lower-upper"
        elif _digit_upper(scan, end):
            yield end, "digit-upper"


def _digit_upper(scan: _Scan, end: int) -> bool:
    """``June 15, 2025The``, ``$700Today``, ``-1.41%The``; not ``4K``, ``3Com``."""
    text = scan.text
    digits_end = end - 1 if text[end - 1] in _NUMBER_SUFFIXES else end
    start = scan.run_start(digits_end, "0123456789")
    if start == digits_end or not _number_stands_alone(scan, start, digits_end):
        return False
    right = scan.right_word(end)
    if (
        len(right) < 2
        or not right[1:].islower()
        or not scan.ends_plain(end + len(right))
    ):
        return False
    if scan.in_url(start):
        return False
    # Long capitalised words are names ("Rockledge"); short ones must be common
    # words, or units and brands like "Mbps", "Ghz", "100Thieves" would split.
    number = text[start:digits_end]
    return _is_two_words(
        number, right, scan.options, check_left=False, check_right=len(right) < 5
    )


def _number_stands_alone(scan: _Scan, start: int, end: int) -> bool:
    """Whether the digits ``text[start:end]`` are a number, not part of a name.

    A lone digit must continue a longer numeral (``3-1``, ``1,000``): ``3Com``,
    ``1Password`` and ``4Kids`` start with one.  Digits after letters or a dot
    (``A4Tech``, ``9to5Mac``, ``v1.2Beta``) belong to that token.
    """
    before = scan.char(start - 1)
    if end - start == 1:
        return before in "-–,:/" and scan.char(start - 2).isdigit()
    if before in ",." and scan.char(start - 2).isdigit():
        return True  # "113.40", "1,000"
    return scan.stands_alone(start)


def _lower_upper(scan: _Scan, end: int) -> bool:
    """``SaysPutin``, ``electricAs``, ``baseThe``, ``aboveSTAFF``; not ``YouTube``.

    The left word must be a plain word standing free, so ``McDonald``, ``eBay``,
    ``camelCaseName`` and ``#StandWithUkraine`` never qualify.  A capitalised
    left word joins a capitalised right word in brand names (``AppleSkin``), so
    it is split only at the end of a Title Case heading, or before a function
    word at the start of a block (``…ResultsThe team``).  Word frequencies decide
    the rest.
    """
    text = scan.text
    start = _plain_word_start(text, end)
    if end - start < 2:
        return False  # most candidates stop here: "iPhone", "WhatsAppEmail"
    left = text[start:end]
    right = scan.right_word(end)
    if len(right) > 1 and right[1].islower() and scan.char(end + len(right)).isupper():
        right = _known_name(scan, end)  # "rulingMcKinley said"
        if not right:
            return False
    if not scan.ends_plain(end + len(right)) or not scan.stands_alone(start):
        return False
    if len(right) == 1:
        # "galleryA few", "longI’m", "AfricaQ:" (not "planB" nor "typeX").
        if len(left) < 3 or not _RIGHT_AT.match(text, end):
            return False
        right = ""
    elif right.isupper() and len(right) < 5:
        return False  # code: "innerHTML", "parseJSON", "getURL"
    if not _is_two_words(left, right, scan.options, check_right=bool(right)):
        return False
    if left[0].isupper():
        heading = _title_context(scan, start)
        if heading is None:  # the word opens a block: only a function word follows
            heading = _is_function_word(right, scan.options)
        if not heading:
            return False
    return not scan.in_url(end)


def _plain_word_start(text: str, end: int) -> int:
    """Start of the plain word ("base", "Says") ending at ``end``, or ``end``.

    A plain word is lowercase letters after at most one capital, and is not the
    tail of a longer token (``camelCaseName``, ``Win10``, ``9to5Mac``).
    """
    start = end
    limit = end - _MAX_WORD if end > _MAX_WORD else 0
    while start > limit and text[start - 1].islower():
        start -= 1
    if start:
        before = text[start - 1]
        if before.isupper():
            start -= 1
            if start and text[start - 1].isalnum():
                return end
        elif before.isalnum():
            return end
    return start


def _title_context(scan: _Scan, start: int) -> bool | None:
    """Whether the capitalised word at ``start`` ends a Title Case heading.

    True if it follows a capitalised word ("UK SaysPutin", "Tuft CellsIn"),
    maybe across short connectives back to a sentence start ("Power and
    Performance").  None if it opens a sentence or the text: alone there, a
    capitalised word is no evidence either way ("SlashGear", "InstaSteam is").
    """
    seen_title_word = False
    for count in range(_MAX_TITLE_WORDS):
        start, previous = _previous_token(scan, start)
        if not previous or previous[-1] in _HEADING_END:
            return True if seen_title_word else None
        word = "".join(filter(str.isalnum, previous))
        if count == 0 and (word[:1].isupper() or word.isdigit()):
            return True
        if previous[-1] == ",":
            return False  # a list in a sentence: "Marvel, Lucasfilm and BamTech"
        if word[:1].isupper() or word.isdigit():
            seen_title_word = True
        elif not (word.islower() and len(word) <= 3):
            return False
    return seen_title_word


def _years(scan: _Scan) -> Iterator[tuple[int, str]]:
    """``Story Timeline2020 VW``: a heading glued to a paragraph opening with a year."""
    text = scan.text
    for year in scan.triggers.years:
        if not text[year - 1].islower():
            continue
        start, left = scan.left_word(year)
        if len(left) < 4 or not left.isalpha() or not left[1:].islower():
            continue
        if scan.stands_alone(start) and _is_two_words(
            left, text[year : year + 4], scan.options, check_right=False
        ):
            yield year, "lower-digit"


def _is_two_words(
    left: str,
    right: str,
    options: Options,
    *,
    check_left: bool = True,
    check_right: bool = True,
) -> bool:
    """Word-frequency evidence that ``left`` + ``right`` are two words, not one.

    The joined form must be unknown in every language, and the halves common in
    one of them.  A rare left word ("Gaiman") passes before a function word
    ("But"); a two-letter one ("it", "me") needs both halves to be function words,
    as "isValid" or "onClick" must stay.  A number, a year or a one-letter word
    ("A", "I", "Q:") is not looked up (``check_left``/``check_right`` false); an
    empty ``right`` stands for a one-letter word, which no join can contain.
    """
    return _two_words(
        left,
        right,
        options.languages,
        options.min_part_zipf,
        options.max_joined_zipf,
        check_left,
        check_right,
    )


# Bounded cache of the verdict on two short words: pairs such as "You" + "Tube"
# recur from page to page, and each verdict costs several look-ups.
@functools.lru_cache(maxsize=1 << 16)
def _two_words(
    left: str,
    right: str,
    languages: tuple[str, ...],
    min_part_zipf: float,
    max_joined_zipf: float,
    check_left: bool,
    check_right: bool,
) -> bool:
    """:func:`_is_two_words`, with the options it reads spelt out (hashable)."""
    if right:
        joined = (left + right).lower()
        if any(zipf(joined, lang) >= max_joined_zipf for lang in languages):
            return False
    for lang in languages:
        right_zipf = zipf(right.lower(), lang) if check_right else _FUNCTION_ZIPF
        if right_zipf < min_part_zipf:
            continue
        if len(right) == 2 and right_zipf < _SHORT_TAIL_ZIPF:
            continue
        if not check_left:
            return True
        left_zipf = zipf(left.lower(), lang)
        if len(left) == 2:
            if min(left_zipf, right_zipf) >= _FUNCTION_ZIPF:
                return True
        elif left_zipf >= min_part_zipf or right_zipf >= _FUNCTION_ZIPF:
            return True
    return False


def _is_function_word(word: str, options: Options) -> bool:
    """Whether ``word`` is as common as "but" or "these" in a configured language."""
    folded = word.lower()
    return any(zipf(folded, lang) >= _FUNCTION_ZIPF for lang in options.languages)


def _is_known(word: str, options: Options) -> bool:
    """Whether ``word`` is in the word list of any configured language."""
    folded = word.lower()
    return any(
        zipf(folded, lang) >= options.max_joined_zipf for lang in options.languages
    )


Finder = Callable[[_Scan], Iterator[tuple[int, str]]]
"""A scan of the whole text, yielding ``(offset, rule)`` for each space to insert."""

# Punctuation first, word evidence last: the later rules see the earlier spaces.
_FINDERS: Final[tuple[Finder, ...]] = (
    _url_hashtags,
    _url_starts,
    _marks,
    _zero_widths,
    _dashes,
    _rule_lines,
    _caps_headings,
)
_WORD_FINDERS: Final[tuple[Finder, ...]] = (_word_joins, _years)


def split_sentences(doc: cleanpipe.Document, options: Options) -> cleanpipe.Document:
    """Put back the spaces lost where blocks or sentences were glued."""
    return doc.apply(find_missing_spaces(doc.text, options))


@cleanpipe.hookimpl
def cleanpipe_register_steps(register: cleanpipe.Register) -> None:
    register(
        "sentence-split",
        split_sentences,
        description="Put back the space lost where two blocks or sentences were "
        "glued (region.More -> region. More).",
        options=Options,
    )
