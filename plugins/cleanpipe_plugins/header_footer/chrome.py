"""Header/footer step: cut site chrome around (and inside) the article of a page.

The input is page text without HTML: a line per block, or blocks run together as
BeautifulSoup's ``get_text()`` leaves them.  After jusText, boilerpipe and CCNet, the
method trusts language-independent signals first:

1. Split the text into blocks (sentences of lines), recovering the boundaries that
   ``get_text()`` erased (:mod:`.blocks`).
2. Score each block.  Running prose (punctuated, mostly lowercase words) is worth its
   length in words; any other block costs a penalty, and each further one in a row
   costs more; chrome labels ("Share", "Advertisement"), section labels ("Related",
   "Comments") and legal notices (:mod:`.phrases`) cost more still, as
   do lines a site profile knows to repeat on the site's pages
   (:mod:`.sites`).
3. The article is the contiguous run of blocks with the largest total score (a
   maximum-sum segment, linear time), ended early by a comment section, and widened
   to its title.
4. Everything before and after the run is removed, and so are the chrome labels
   inside it.  If no run is worth ``Options.min_article_words``, nothing is removed
   and the result says so.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Collection, Sequence

import attrs

from cleanpipe_plugins.header_footer.blocks import (
    SHAPE_MAX_CHARS,
    Shape,
    block_cuts,
    normalize,
    shape,
    weak_spans,
)
from cleanpipe_plugins.header_footer.phrases import (
    COMMENTS,
    LABELS,
    LEGAL_MARKS,
    MAX_EXTRA_WORDS,
    NOTICE_MARKS,
    SECTIONS,
)

__all__ = ["Change", "Options", "Result", "find_chrome"]

Change = tuple[int, int, str, str]
"""A change on the input text: ``(start, end, replacement, rule)``."""


def _phrase_set(phrases: Collection[str]) -> frozenset[str]:
    """Normalized keys of ``phrases`` (a collection of strings, not one string)."""
    if isinstance(phrases, str):
        raise TypeError(f"expected a collection of phrases, got the string {phrases!r}")
    return frozenset(key for phrase in phrases if (key := normalize(phrase)))


def _positive(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if value <= 0:
        raise ValueError(f"{attribute.name} must be > 0, got {value!r}")


@attrs.frozen
class Options:
    """Settings of the header/footer step; the defaults suit news and blog pages.

    Attributes:
        min_prose_words: a block of at least this many words that reads like running
            prose (a sentence end, mostly lowercase words) counts as article text.
        min_lower_share: share of lowercase-initial words under which a block reads as
            a headline or a menu rather than prose (a third less is enough for a
            block that ends in a full stop; scripts without case are not checked).
        block_penalty: cost, in words of prose, of a block that is not prose.
        gap_growth: each further non-prose block in a row costs this share more (0.1:
            the eleventh costs twice the first), so the article run crosses a caption
            or an ad but not the long lists between the article and other prose.
        label_penalty: cost of a chrome label ("Share", "Advertisement", "Menu"), a
            time stamp, or a line the site profile knows.
        section_penalty: cost of a section label ("Related stories", "Comments") or
            of a legal or privacy notice: the article rarely goes on past one.
        min_article_words: the best run must be worth this much, or the page is
            judged to have no article and is left unchanged.
        title_window: how many text blocks above the article (labels and dates not
            counted) to search for the headline the page's first line (its HTML
            <title>) starts with.
        keep_title: keep the article's title when one is found.
        glue: recover block boundaries that ``get_text()`` erased ("region.More",
            "BusinessCulture"); turn off for text known to have a line per block.
        extra_chrome: more chrome labels (any language), matched like the built-in
            ones: a block that is the phrase, give or take two words.
        keep_phrases: blocks whose text is one of these are never taken for chrome
            labels or site lines (they are still cut with the rest of the page
            around the article).
    """

    min_prose_words: int = attrs.field(default=10, validator=attrs.validators.ge(1))
    min_lower_share: float = attrs.field(
        default=0.45, validator=[attrs.validators.ge(0.0), attrs.validators.le(1.0)]
    )
    block_penalty: float = attrs.field(default=6.0, validator=_positive)
    gap_growth: float = attrs.field(default=0.1, validator=attrs.validators.ge(0.0))
    label_penalty: float = attrs.field(default=10.0, validator=_positive)
    section_penalty: float = attrs.field(default=40.0, validator=_positive)
    min_article_words: int = attrs.field(default=30, validator=attrs.validators.ge(1))
    title_window: int = attrs.field(default=40, validator=attrs.validators.ge(0))
    keep_title: bool = True
    glue: bool = True
    extra_chrome: frozenset[str] = attrs.field(
        default=frozenset(), converter=_phrase_set
    )
    keep_phrases: frozenset[str] = attrs.field(
        default=frozenset(), converter=_phrase_set
    )
    _extra_words: int = attrs.field(init=False, repr=False, eq=False)
    _first_words: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    @_extra_words.default
    def _longest_extra(self) -> int:
        """Words in the longest ``extra_chrome`` phrase."""
        return max((phrase.count(" ") + 1 for phrase in self.extra_chrome), default=0)

    @_first_words.default
    def _phrase_starts(self) -> frozenset[str]:
        """The first word of every phrase, built-in or in ``extra_chrome``."""
        return _FIRST_WORDS | {phrase.split(" ")[0] for phrase in self.extra_chrome}


@attrs.frozen
class Result:
    """What the step found.

    Attributes:
        changes: sorted, non-overlapping changes that remove the chrome; each rule is
            ``before-article``, ``after-article``, ``inline-chrome`` (a label inside
            the article) or ``site-chrome`` (a line the site profile knows, inside
            the article).
        article_found: whether an article was found; if not, ``changes`` is empty.
        article: the ``(start, end)`` span of the kept text (title included), or
            ``None``.
    """

    changes: tuple[Change, ...]
    article_found: bool
    article: tuple[int, int] | None


class Kind(enum.Enum):
    """What a block is, judged from its shape and the phrase lists."""

    BLANK = "blank"  # no word at all: neutral
    PROSE = "prose"
    SENTENCE = "sentence"  # a short sentence
    TABLE = "table"  # mostly numbers: neutral
    OTHER = "other"  # headline, menu item, byline, caption
    META = "meta"  # a short line with a time or a numeric date
    LABEL = "label"
    SECTION = "section"
    COMMENTS = "comments"  # the label of a comment section
    LEGAL = "legal"  # a copyright line
    NOTICE = "notice"  # the site's privacy, cookie or newsletter notice
    SITE = "site"  # a line the site profile knows


# Tuples, not sets: "in" tests them by identity first, while an Enum member's
# hash is computed in Python.
_CHROME_KINDS = (Kind.LABEL, Kind.SECTION, Kind.COMMENTS, Kind.LEGAL, Kind.SITE)
_SENTENCE_KINDS = (Kind.PROSE, Kind.SENTENCE)
_TEXT_KINDS = (Kind.PROSE, Kind.SENTENCE, Kind.OTHER)
# Kinds (as judged without the site profile) that a site line turns into SITE.
_SITE_KINDS = (Kind.OTHER, Kind.META, Kind.TABLE)

_LEGAL_MAX_WORDS = 100
_LEGAL_MAX_CHARS = 2000
# "[©ⓒ]|\(c\)\s*\d{4}|^copyright\b|\bcopyright \d{4}" under re.IGNORECASE, spelled
# out so that the pattern starts with one character class, of the first characters
# of all branches, which the engine skips ahead to; the branch is then chosen by
# the character consumed.  Each class holds the characters that match the letter
# under re.IGNORECASE (the dotted and dotless i, the capital circled C), "^" is "no
# two characters before the c" and "\b" is "no word character before the c".
# © and the circled capital and small c (spelled out in _has_copyright too).
_COPYRIGHT_SIGNS = "\u00a9\u24b8\u24d2"
_COPYRIGHT_REST = "[oO][pP][yY][rR][iI\u0130\u0131][gG][hH][tT]"
_COPYRIGHT = re.compile(
    rf"[{_COPYRIGHT_SIGNS}(cC](?:(?<=[{_COPYRIGHT_SIGNS}])|(?<=\()[cC]\)\s*\d{{4}}"
    rf"|(?<=[cC])(?:(?<![\s\S]{{2}}){_COPYRIGHT_REST}\b"
    rf"|(?<!\w[cC]){_COPYRIGHT_REST} \d{{4}}))"
)


def _trie(phrases: Collection[str], *, from_rare: bool = False) -> str:
    """A regex matching exactly ``phrases``, as a trie: one branch per first letter.

    An alternation of many phrases is tried phrase by phrase at every position;
    the trie is tried letter by letter, and skips ahead to a possible first letter.

    With ``from_rare``, a phrase is matched from its rarest letter on and then
    checked whole by a lookbehind: a search finds the same phrases, but skips
    ahead to a few rare letters of the text rather than to the many letters that
    start a phrase.
    """
    tree: _Trie = {}
    for phrase in phrases:
        start = _rarest(phrase) if from_rare else 0
        node = tree
        for char in phrase[start:]:
            node = node.setdefault(char, {})
        # The end mark holds the phrases that end here, as lookbehinds ("" if
        # the path read is the whole phrase).
        ends = node.setdefault("", {})
        ends[f"(?<={re.escape(phrase)})" if start else ""] = {}
    return _trie_regex(tree)


def _is_latin1(text: str) -> bool:
    return all(char <= "\xff" for char in text)


# Letters from the most to the least frequent in running text (English); any other
# character is rarer still.
_LETTER_FREQUENCY = " etaoinsrhldcumfpgwybvkxjqz"


def _rarest(phrase: str) -> int:
    """Index of the rarest letter of ``phrase`` (the first, if several are)."""

    def rarity(index: int) -> int:
        found = _LETTER_FREQUENCY.find(phrase[index])
        return len(_LETTER_FREQUENCY) if found < 0 else found

    return max(range(len(phrase)), key=rarity)


_Trie = dict[str, "_Trie"]


def _trie_regex(node: _Trie) -> str:
    ends = node.get("")
    branches = [
        re.escape(char) + _trie_regex(child)
        for char, child in sorted(node.items())
        if char
    ]
    # Where a phrase may end: always, or if a lookbehind finds it whole.
    end = None if ends is None else "" if "" in ends else "|".join(sorted(ends))
    if not branches:
        return f"(?:{end})" if end else ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end is None:
        return body
    if end == "":
        return f"(?:{body})?"
    return f"(?:{body}|{end})"


_LEGAL = re.compile(_trie(LEGAL_MARKS))
# The marks in Latin-1, whose rare letters the engine skips ahead to fast, and the
# others (Cyrillic, Hangul, Han), only looked for in keys beyond Latin-1.
_MARKS = re.compile(
    _trie(
        [mark for mark in (*LEGAL_MARKS, *NOTICE_MARKS) if _is_latin1(mark)],
        from_rare=True,
    )
)
_WIDE_MARKS = re.compile(
    _trie([mark for mark in (*LEGAL_MARKS, *NOTICE_MARKS) if not _is_latin1(mark)])
)
# A clock time or a numeric date: the stamps of posts and comments. That is
# "\b\d{1,2}:\d\d\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b", written to start with
# the digit (the engine skips ahead to it) and to test the "\b" behind it.
_STAMP = re.compile(r"\d(?<!\w\d)(?:\d?:\d\d\b|\d{0,3}[./-]\d{1,2}[./-]\d{2,4}\b)")
_META_MAX_WORDS = 12
_TABLE_NUMBER_SHARE = 0.3
# Prose may hold a glued name or two ("MacBook"); one glue point in fewer words
# means menu items run together, even if a sentence ends the block.
_GLUE_DENSITY = 8
# A "sentence" longer than this has lost its boundaries: cut it at glue too.
_LONGEST_SENTENCE = 60
# A comment label opens real comments if this many of the blocks after it hold
# at least two time stamps.
_COMMENT_WINDOW = 40
_PHRASES = {
    **{phrase: Kind.SECTION for phrase in SECTIONS},
    **{phrase: Kind.COMMENTS for phrase in COMMENTS},
    **{phrase: Kind.LABEL for phrase in LABELS},
}
_FIRST_WORDS = frozenset(phrase.split(" ")[0] for phrase in _PHRASES)
_TITLE_WORDS = (4, 30)
# Longest block that can match a phrase: the longest phrase and the extra words.
_PHRASE_MAX_WORDS = max(p.count(" ") + 1 for p in _PHRASES) + 2 * MAX_EXTRA_WORDS
# Failing the <title> test, the title is one of the two text blocks right above the
# article (a byline or a caption may come between).
_NEAR_TITLE = 2


def _phrase_kind(key: str, options: Options) -> Kind | None:
    """The chrome kind of a block that is a listed phrase, give or take a few words.

    "3 comments" is a comment label and "share on whatsapp" a chrome label.  When
    parts of a block match phrases of several kinds, a chrome label wins.
    """
    if not key or key.count(" ") >= max(_PHRASE_MAX_WORDS, options._extra_words):
        return None
    words = key.split(" ")
    n = len(words)
    starts = range(min(n, MAX_EXTRA_WORDS + 1))
    # Most blocks start with no phrase's first word: nothing to look up.
    firsts = options._first_words
    if not any(words[a] in firsts for a in starts):
        return None
    found: Kind | None = None
    for a in starts:
        for b in range(max(a + 1, n - MAX_EXTRA_WORDS), n + 1):
            phrase = " ".join(words[a:b])
            kind = (
                Kind.LABEL if phrase in options.extra_chrome else _PHRASES.get(phrase)
            )
            if kind is Kind.LABEL:
                return kind
            if kind is not None and (found is None or kind is Kind.COMMENTS):
                found = kind
    return found


def _lower_floor(chunk: str, words: int, options: Options) -> float:
    """Share of lowercase words that block text ``chunk`` needs to read as prose.

    A few words say little ("Thanks KLOOK!!" is a sentence), and a block ending in a
    full stop may be full of names ("Senator Dino Melaye and Senator Ben ... to
    court."): headlines and menus hardly ever end in one.
    """
    if words < 5:
        return 0.0
    if chunk.endswith("."):
        return options.min_lower_share * 2 / 3
    return options.min_lower_share


def _fine_print(chunk: str, form: Shape) -> Kind | None:
    """LEGAL for a copyright line, NOTICE for a privacy or newsletter notice."""
    if form.words > _LEGAL_MAX_WORDS or len(chunk) > _LEGAL_MAX_CHARS:
        return None
    if _has_copyright(chunk, form.key):
        return Kind.LEGAL
    # One search for both lists: most blocks hold neither.
    if not (
        _MARKS.search(form.key)
        or (not form.key.isascii() and _WIDE_MARKS.search(form.key))
    ):
        return None
    if _LEGAL.search(form.key):
        return Kind.LEGAL
    return Kind.NOTICE


def _has_copyright(chunk: str, key: str) -> bool:
    """Whether ``_COPYRIGHT`` matches in block text ``chunk`` of key ``key``.

    Most blocks hold none of the substrings that every match holds: "opyr" in the
    key (lowercased, and whatever the i of "copyright" is), "(c" or "(C", or a
    copyright sign beyond ASCII.  A few substring tests spare them the search.
    """
    # Spelled out, signs included: a generator costs more than these searches,
    # and a search for one character ("(", a sign) is the fastest there is.
    if not (
        "opyr" in key
        or ("(" in chunk and ("(c" in chunk or "(C" in chunk))
        or (
            not chunk.isascii()
            and ("\u00a9" in chunk or "\u24b8" in chunk or "\u24d2" in chunk)
        )
    ):
        return False
    return _COPYRIGHT.search(chunk) is not None


def _shape_kind(chunk: str, form: Shape, options: Options) -> Kind:
    """The kind of the block of text ``chunk`` by its shape alone."""
    if form.truncated:
        return Kind.OTHER
    if form.words <= _META_MAX_WORDS and _STAMP.search(chunk):
        return Kind.META
    if (
        form.words >= 3
        # No more numbers than words that start with a digit: a cheap test first.
        and form.numeric_share >= _TABLE_NUMBER_SHARE
        and form.number_share >= _TABLE_NUMBER_SHARE
    ):
        return Kind.TABLE
    if form.lower_share is not None and form.lower_share < _lower_floor(
        chunk, form.words, options
    ):
        return Kind.OTHER
    if form.words >= options.min_prose_words and (form.ends_stop or form.stops):
        return Kind.PROSE
    # Long, lowercase and full of short function words reads as prose even without
    # a final stop ("...the scent of fall~"); a tag cloud has few short words, or a
    # comma every few words.
    if (
        form.words >= 3 * options.min_prose_words // 2
        and (form.lower_share or 0) >= 0.6
        and form.short_share >= 0.25
        and form.commas < form.words / 5
    ):
        return Kind.PROSE
    if form.words >= 2 and form.ends_stop:
        return Kind.SENTENCE
    return Kind.OTHER


def _classify(chunk: str, form: Shape, options: Options) -> Kind:
    """The kind of the block of text ``chunk``, site profile aside (see _on_site)."""
    if form.words == 0:
        return Kind.BLANK
    if form.key in options.keep_phrases:
        return _shape_kind(chunk, form, options)
    return (
        _phrase_kind(form.key, options)
        or _fine_print(chunk, form)
        or _shape_kind(chunk, form, options)
    )


def _score(words: int, kind: Kind, options: Options) -> float:
    if kind is Kind.PROSE:
        return float(words)
    if kind is Kind.SENTENCE:
        return words / 2
    if kind in (Kind.BLANK, Kind.TABLE):
        # Tables sit in articles and in tickers alike.
        return 0.0
    if kind in (Kind.SECTION, Kind.COMMENTS, Kind.LEGAL, Kind.NOTICE):
        return -options.section_penalty
    if kind in (Kind.LABEL, Kind.META, Kind.SITE):
        return -options.label_penalty
    return -options.block_penalty - words / 4


Judgement = tuple[Shape, Kind, float]
"""A block's shape, kind and score, site profile aside."""

Row = tuple[int, int, Shape, Kind, float]
"""A block of the page: its span, shape, kind and score."""


@attrs.define
class _Memo:
    """What was judged under one Options, of short texts by text: labels and menus
    repeat within a page and across the pages of a site.

    Attributes:
        blocks: the judgements of short blocks, site profile aside.
        glued: the parts of short blocks cut at glue points, as rows with spans
            relative to the block (site profile aside).
    """

    blocks: dict[str, Judgement] = attrs.Factory(dict)
    glued: dict[str, list[Row]] = attrs.Factory(dict)


#: One memo per Options; each table of a memo is emptied when full.
_MEMOS: dict[Options, _Memo] = {}
_MEMO_MAX = 20_000
_MEMOS_MAX = 16


def _memo(options: Options) -> _Memo:
    """The memo of the judgements made under ``options``."""
    memo = _MEMOS.get(options)
    if memo is None:
        if len(_MEMOS) >= _MEMOS_MAX:
            _MEMOS.clear()
        memo = _MEMOS[options] = _Memo()
    return memo


def _judge(chunk: str, options: Options, judged: dict[str, Judgement]) -> Judgement:
    """The judgement of the block of text ``chunk``, from ``judged`` if short."""
    if len(chunk) > SHAPE_MAX_CHARS:
        form = shape(chunk)
        kind = _classify(chunk, form, options)
        return form, kind, _score(form.words, kind, options)
    found = judged.get(chunk)
    if found is None:
        if len(judged) >= _MEMO_MAX:
            judged.clear()
        form = shape(chunk)
        kind = _classify(chunk, form, options)
        found = judged[chunk] = (form, kind, _score(form.words, kind, options))
    return found


def _on_site(
    judgement: Judgement, options: Options, site_chrome: Collection[str]
) -> Judgement:
    """The judgement of a block, given the lines its site repeats.

    A site's repeated lines are chrome unless they read as sentences (two pages of a
    site may well share a short sentence of their articles), are chrome already, or
    are to be kept.
    """
    form, kind, _ = judgement
    if (
        kind in _SITE_KINDS
        and form.key in site_chrome
        and form.key not in options.keep_phrases
    ):
        return form, Kind.SITE, -options.label_penalty
    return judgement


@attrs.frozen
class _Blocks:
    """The blocks of a page, as parallel sequences: spans, shapes, kinds, scores."""

    starts: Sequence[int] = ()
    ends: Sequence[int] = ()
    shapes: Sequence[Shape] = ()
    kinds: Sequence[Kind] = ()
    scores: Sequence[float] = ()


def _read_blocks(text: str, options: Options, site_chrome: Collection[str]) -> _Blocks:
    """Blocks of ``text``, with their shapes, kinds and scores.

    Blocks that do not read as prose are cut again at case changes inside words, as
    menus run together that way ("BusinessCultureGear"); prose is only cut where a
    label runs into it ("AdvertisementIn fact, ...").
    """
    memo = _memo(options)
    judged = memo.blocks
    rows: list[Row] = []
    add = rows.append
    glue = options.glue
    # One loop over the separators (as block_spans' loop, see there) cuts,
    # judges and adds each block: it runs once per block, and short blocks are
    # looked up here.
    start, cuts = block_cuts(text, glue=glue)
    for last, after in cuts:
        chunk = text[start : last + 1].rstrip()
        if chunk:
            judgement = judged.get(chunk)
            if judgement is None:
                judgement = _judge(chunk, options, judged)
            if site_chrome:
                judgement = _on_site(judgement, options, site_chrome)
            if glue and judgement[0].glue_points:
                rows += _glued(
                    text, start, chunk, judgement, options, site_chrome, memo
                )
            else:
                add((start, start + len(chunk)) + judgement)  # noqa: RUF005 (faster)
        start = after
    if not rows:
        return _Blocks()
    # One list of rows is cheaper to build than five lists.
    return _Blocks(*zip(*rows, strict=True))


def _glued(
    text: str,
    start: int,
    chunk: str,
    judgement: Judgement,
    options: Options,
    site_chrome: Collection[str],
    memo: _Memo,
) -> list[Row]:
    """The parts of the block ``chunk`` at ``start`` in ``text``, which has glue.

    Short blocks are cut once: the cuts read the block alone (a block never starts
    after a letter or a digit, so the text before it does not matter).
    """
    if site_chrome or len(chunk) > SHAPE_MAX_CHARS:
        span = (start, start + len(chunk))
        return _cut_glued(text, span, judgement, options, memo, site_chrome)
    parts = memo.glued.get(chunk)
    if parts is None:
        if len(memo.glued) >= _MEMO_MAX:
            memo.glued.clear()
        parts = memo.glued[chunk] = _cut_glued(
            chunk, (0, len(chunk)), judgement, options, memo
        )
    return [
        (start + a, start + b, form, kind, score) for a, b, form, kind, score in parts
    ]


def _cut_glued(
    text: str,
    span: tuple[int, int],
    judgement: Judgement,
    options: Options,
    memo: _Memo,
    site_chrome: Collection[str] = (),
) -> list[Row]:
    """The parts of the block of ``text`` at ``span``, which has glue points."""

    def judge(chunk: str) -> Judgement:
        part = memo.blocks.get(chunk) or _judge(chunk, options, memo.blocks)
        return _on_site(part, options, site_chrome) if site_chrome else part

    if _reads_whole(judgement):
        parts = _peel_labels(text, span, judgement, judge)
    else:
        parts = [
            (start, end, *judge(chunk)) for start, end, chunk in weak_spans(text, *span)
        ]
    if len(parts) == 1:
        return parts
    # A "Comments" cut out of a share bar does not open a comment section.
    return [
        (start, end, form, Kind.LABEL, -options.label_penalty)
        if kind is Kind.COMMENTS
        else (start, end, form, kind, score)
        for start, end, form, kind, score in parts
    ]


def _reads_whole(judgement: Judgement) -> bool:
    """Whether a block is prose with at most a name or two glued in ("MacBook")."""
    form, kind, _ = judgement
    return (
        kind in _SENTENCE_KINDS
        and form.glue_points * _GLUE_DENSITY < form.words
        and form.words <= _LONGEST_SENTENCE
    )


def _peel_labels(
    text: str,
    span: tuple[int, int],
    judgement: Judgement,
    judge: Callable[[str], Judgement],
) -> list[Row]:
    """Cut the chrome labels off the start of a prose block they ran into."""
    start, end = span
    parts = weak_spans(text, start, end)
    peeled: list[Row] = []
    for part_start, part_end, chunk in parts[:-1]:
        part = judge(chunk)
        if part[1] not in _CHROME_KINDS:
            break
        peeled.append((part_start, part_end, *part))
    if not peeled:
        return [(*span, *judgement)]
    rest = parts[len(peeled)][0]
    return [*peeled, (rest, end, *judge(text[rest:end]))]


def _opens_comments(kinds: Sequence[Kind], label: int) -> bool:
    """Whether the comment label at ``label`` opens comments: time stamps follow.

    A "Comments" button under a headline is followed by the article instead.
    """
    window = kinds[label + 1 : label + 1 + _COMMENT_WINDOW]
    return window.count(Kind.META) >= 2


def _article_run(blocks: _Blocks, options: Options) -> tuple[int, int, float]:
    """The maximum-sum run ``[start, end)`` of the block scores and its total.

    Kadane's algorithm, over scores that make each further negative score in a row
    cost more than the one before: inside an article the gaps are short (a caption,
    an "Advertisement"); between the article and other prose (teasers, a newsletter
    blurb) they are long menus and lists.  Growing costs let the run cross the
    first and not the second.

    Comments are prose too, and often outweigh a short article, so once a run worth
    ``min_article_words`` has been read, the first comment section ends the search
    (as boilerpipe's terminating blocks do).
    """
    # The loop runs once per block: everything it reads is local.
    kinds, growth, enough = blocks.kinds, options.gap_growth, options.min_article_words
    comments = Kind.COMMENTS
    best_start, best_end, best_total = 0, 0, 0.0
    start, total, streak = 0, 0.0, 0
    for i, score in enumerate(blocks.scores):
        if kinds[i] is comments and best_total >= enough and _opens_comments(kinds, i):
            break
        if score < 0:
            score *= 1 + growth * streak
            streak += 1
        elif score > 0:
            streak = 0
        if total <= 0:
            start, total = i, 0.0
        total += score
        if total > best_total:
            best_start, best_end, best_total = start, i + 1, total
    return best_start, best_end, best_total


def _title_shaped(form: Shape, last_char: str) -> bool:
    """A headline: a few words, no glue, not ending like a sentence or a lead-in."""
    return (
        _TITLE_WORDS[0] <= form.words <= _TITLE_WORDS[1]
        and form.glue_points == 0
        and last_char not in ".,:;"
    )


def _find_title(text: str, blocks: _Blocks, first: int, options: Options) -> int | None:
    """Index of the article's title among the text blocks above ``first``.

    Labels, dates and other chrome between title and article are looked through.
    The title is the headline the page's first line (the HTML <title>, "Headline -
    Site") starts with, else a headline right above the article.
    """
    kinds, shapes, ends = blocks.kinds, blocks.shapes, blocks.ends
    above: list[int] = []
    for i in range(first - 1, -1, -1):
        if len(above) == options.title_window:
            break
        if kinds[i] in _TEXT_KINDS:
            above.append(i)
    candidates = [i for i in above if _title_shaped(shapes[i], text[ends[i] - 1])]
    head = shapes[0].key
    for i in candidates:
        if i > 0 and shapes[i].key and head.startswith(shapes[i].key):
            return i
    near = set(above[:_NEAR_TITLE])
    return next((i for i in candidates if i in near), None)


def _rule(i: int, first: int, last: int, kind: Kind) -> str:
    if i < first:
        return "before-article"
    if i >= last:
        return "after-article"
    return "site-chrome" if kind is Kind.SITE else "inline-chrome"


def _separator(span: str) -> str:
    """What replaces a removed ``span`` between two kept blocks.

    Line breaks stay (one, or two for a blank line); a removal inside a line leaves
    a line break too, so that every output line is a part of an input line and
    blocks that ran together stay apart.
    """
    return "\n\n" if "\n\n" in span else "\n"


def _changes(
    text: str, blocks: _Blocks, keep: Sequence[bool], first: int, last: int
) -> list[Change]:
    """Turn each run of removed blocks into changes on ``text``, one per rule.

    A run between two kept blocks goes from the end of the kept block before it to
    the start of the kept block after it and leaves a separator (see _separator).
    The first run takes the top of the page and the last the bottom, whole.
    """
    starts, ends, kinds = blocks.starts, blocks.ends, blocks.kinds
    n = len(starts)
    # A kept block past the end, so that every run of removed blocks ends.
    keep = [*keep, True]
    changes: list[Change] = []
    i = _find(keep, False, 0)
    while i < n:
        j = keep.index(True, i)
        start = ends[i - 1] if i > 0 else 0
        end = starts[j] if j < n else len(text)
        span = text[start:end]
        # The top and the bottom of the page go whole: the article text
        # neither starts nor ends with a line break it did not have.
        separator = "" if i == 0 or j == n else _separator(span)
        # One change per rule; the separator goes with the last one.  The article
        # starts and ends with kept blocks: a run is before, inside or after it.
        if j <= first or i >= last:
            rules = [_rule(i, first, last, kinds[i])] * (j - i)
        else:
            rules = [_rule(k, first, last, kinds[k]) for k in range(i, j)]
        cuts = [k for k in range(i + 1, j) if rules[k - i] != rules[k - i - 1]]
        bounds = [start, *(starts[k] for k in cuts), end]
        firsts = [i, *cuts]
        for m, k in enumerate(firsts):
            is_last = m == len(firsts) - 1
            changes.append(
                (bounds[m], bounds[m + 1], separator if is_last else "", rules[k - i])
            )
        i = _find(keep, False, j)
    return changes


def _find(items: list[bool], value: bool, start: int) -> int:
    """Index of the first ``value`` in ``items`` from ``start`` on, or the length."""
    try:
        return items.index(value, start)
    except ValueError:
        return len(items)


def find_chrome(
    text: str,
    options: Options | None = None,
    site_chrome: Collection[str] = frozenset(),
) -> Result:
    """Find the article in page ``text`` and the chrome around it and inside it.

    ``site_chrome`` holds the normalized lines that repeat across the pages of the
    text's site (:meth:`.sites.SiteProfiles.chrome`); they count as
    chrome unless they read as sentences.  Never raises on any ``str``.
    """
    options = options or Options()
    blocks = _read_blocks(text, options, site_chrome)
    kinds = blocks.kinds
    first, last, total = _article_run(blocks, options)
    if total < options.min_article_words:
        return Result(changes=(), article_found=False, article=None)
    # Only the blocks of the article run (and its title) are kept.
    keep = [False] * len(kinds)
    keep[first:last] = [kind not in _CHROME_KINDS for kind in kinds[first:last]]
    title = _find_title(text, blocks, first, options) if options.keep_title else None
    if title is not None:
        keep[title] = True
    first_kept = keep.index(True)
    last_kept = len(keep) - 1 - keep[::-1].index(True)
    return Result(
        changes=tuple(_changes(text, blocks, keep, first, last)),
        article_found=True,
        article=(blocks.starts[first_kept], blocks.ends[last_kept]),
    )
