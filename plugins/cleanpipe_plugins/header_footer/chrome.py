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
from collections.abc import Collection, Sequence

import attrs

from cleanpipe_plugins.header_footer.blocks import (
    Block,
    describe,
    normalize,
    split_blocks,
    split_weak,
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


_CHROME_KINDS = frozenset(
    {Kind.LABEL, Kind.SECTION, Kind.COMMENTS, Kind.LEGAL, Kind.SITE}
)
_SENTENCE_KINDS = frozenset({Kind.PROSE, Kind.SENTENCE})
_TEXT_KINDS = frozenset({Kind.PROSE, Kind.SENTENCE, Kind.OTHER})

_LEGAL_MAX_WORDS = 100
_LEGAL_MAX_CHARS = 2000
# "[©ⓒ]|\(c\)\s*\d{4}|^copyright\b|\bcopyright \d{4}" under re.IGNORECASE, spelled
# out so that every branch starts with a character the engine can skip ahead to:
# each class holds the characters that match the letter under re.IGNORECASE (the
# dotted and dotless i, the capital circled C), "^" is "no two characters before
# the c" and "\b" is "no word character before the c".
_COPYRIGHT_REST = "[oO][pP][yY][rR][iI\u0130\u0131][gG][hH][tT]"
_COPYRIGHT = re.compile(
    r"[\u00a9\u24b8\u24d2]|\([cC]\)\s*\d{4}"
    rf"|[cC](?:(?<![\s\S]{{2}}){_COPYRIGHT_REST}\b|(?<!\w[cC]){_COPYRIGHT_REST} \d{{4}})"
)


def _trie(phrases: Collection[str]) -> str:
    """A regex matching exactly ``phrases``, as a trie: one branch per first letter.

    An alternation of many phrases is tried phrase by phrase at every position;
    the trie is tried letter by letter, and skips ahead to a possible first letter.
    """
    tree: dict[str, dict[str, object]] = {}
    for phrase in phrases:
        node = tree
        for char in phrase:
            node = node.setdefault(char, {})  # type: ignore[assignment]
        node[""] = {}
    return _trie_regex(tree)


def _trie_regex(node: dict[str, dict[str, object]]) -> str:
    ends = "" in node
    branches = [
        re.escape(char) + _trie_regex(child)  # type: ignore[arg-type]
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


_LEGAL = re.compile(_trie(LEGAL_MARKS))
_NOTICE = re.compile(_trie(NOTICE_MARKS))
_MARKS = re.compile(_trie((*LEGAL_MARKS, *NOTICE_MARKS)))
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


def _lower_floor(block: Block, options: Options) -> float:
    """Share of lowercase words that ``block`` needs to read as prose.

    A few words say little ("Thanks KLOOK!!" is a sentence), and a block ending in a
    full stop may be full of names ("Senator Dino Melaye and Senator Ben ... to
    court."): headlines and menus hardly ever end in one.
    """
    if block.words < 5:
        return 0.0
    if block.text.endswith("."):
        return options.min_lower_share * 2 / 3
    return options.min_lower_share


def _fine_print(block: Block) -> Kind | None:
    """LEGAL for a copyright line, NOTICE for a privacy or newsletter notice."""
    if block.words > _LEGAL_MAX_WORDS or len(block.text) > _LEGAL_MAX_CHARS:
        return None
    if _COPYRIGHT.search(block.text):
        return Kind.LEGAL
    # One search for both lists: most blocks hold neither.
    if not _MARKS.search(block.key):
        return None
    if _LEGAL.search(block.key):
        return Kind.LEGAL
    return Kind.NOTICE


#: Chrome kinds of short blocks already judged, by text and extra phrases: labels
#: and menus repeat. Bounded: emptied when full.
_CHROME_SEEN: dict[tuple[str, frozenset[str]], Kind | None] = {}
_CHROME_SEEN_MAX = 20_000
_CHROME_SEEN_CHARS = 100


def _chrome_kind(block: Block, options: Options) -> Kind | None:
    """The chrome kind of ``block`` by the phrase lists, if any."""
    if len(block.text) > _CHROME_SEEN_CHARS:
        return _phrase_kind(block.key, options) or _fine_print(block)
    seen = (block.text, options.extra_chrome)
    try:
        return _CHROME_SEEN[seen]
    except KeyError:
        pass
    if len(_CHROME_SEEN) >= _CHROME_SEEN_MAX:
        _CHROME_SEEN.clear()
    kind = _CHROME_SEEN[seen] = _phrase_kind(block.key, options) or _fine_print(block)
    return kind


def _shape_kind(block: Block, options: Options) -> Kind:
    """The kind of ``block`` by its shape alone."""
    if block.truncated:
        return Kind.OTHER
    if block.words <= _META_MAX_WORDS and _STAMP.search(block.text):
        return Kind.META
    if block.words >= 3 and block.number_share >= _TABLE_NUMBER_SHARE:
        return Kind.TABLE
    if block.lower_share is not None and block.lower_share < _lower_floor(
        block, options
    ):
        return Kind.OTHER
    if block.words >= options.min_prose_words and (block.ends_stop or block.stops):
        return Kind.PROSE
    # Long, lowercase and full of short function words reads as prose even without
    # a final stop ("...the scent of fall~"); a tag cloud has few short words, or a
    # comma every few words.
    if (
        block.words >= 3 * options.min_prose_words // 2
        and (block.lower_share or 0) >= 0.6
        and block.short_share >= 0.25
        and block.commas < block.words / 5
    ):
        return Kind.PROSE
    if block.words >= 2 and block.ends_stop:
        return Kind.SENTENCE
    return Kind.OTHER


def _classify(block: Block, options: Options, site_chrome: Collection[str]) -> Kind:
    if block.words == 0:
        return Kind.BLANK
    if block.key in options.keep_phrases:
        return _shape_kind(block, options)
    chrome = _chrome_kind(block, options)
    if chrome is not None:
        return chrome
    shape = _shape_kind(block, options)
    # A site's repeated lines are chrome unless they read as sentences: two pages
    # of a site may well share a short sentence of their articles.
    if shape not in _SENTENCE_KINDS and block.key in site_chrome:
        return Kind.SITE
    return shape


def _score(block: Block, kind: Kind, options: Options) -> float:
    if kind is Kind.PROSE:
        return float(block.words)
    if kind is Kind.SENTENCE:
        return block.words / 2
    if kind in (Kind.BLANK, Kind.TABLE):
        # Tables sit in articles and in tickers alike.
        return 0.0
    if kind in (Kind.SECTION, Kind.COMMENTS, Kind.LEGAL, Kind.NOTICE):
        return -options.section_penalty
    if kind in (Kind.LABEL, Kind.META, Kind.SITE):
        return -options.label_penalty
    return -options.block_penalty - block.words / 4


def _read_blocks(
    text: str, options: Options, site_chrome: Collection[str]
) -> tuple[list[Block], list[Kind]]:
    """Blocks of ``text`` and their kinds.

    Blocks that do not read as prose are cut again at case changes inside words, as
    menus run together that way ("BusinessCultureGear"); prose is only cut where a
    label runs into it ("AdvertisementIn fact, ...").
    """
    blocks: list[Block] = []
    kinds: list[Kind] = []
    for block in split_blocks(text, glue=options.glue):
        kind = _classify(block, options, site_chrome)
        if not options.glue or not block.glue_points:
            parts = [(block, kind)]
        elif _reads_whole(block, kind):
            parts = _peel_labels(text, block, kind, options, site_chrome)
        else:
            parts = [
                (p, _classify(p, options, site_chrome)) for p in split_weak(text, block)
            ]
        for part, sub in parts:
            blocks.append(part)
            # A "Comments" cut out of a share bar does not open a comment section.
            glued = len(parts) > 1 and sub is Kind.COMMENTS
            kinds.append(Kind.LABEL if glued else sub)
    return blocks, kinds


def _reads_whole(block: Block, kind: Kind) -> bool:
    """Whether ``block`` is prose with at most a name or two glued in ("MacBook")."""
    return (
        kind in _SENTENCE_KINDS
        and block.glue_points * _GLUE_DENSITY < block.words
        and block.words <= _LONGEST_SENTENCE
    )


def _peel_labels(
    text: str, block: Block, kind: Kind, options: Options, site_chrome: Collection[str]
) -> list[tuple[Block, Kind]]:
    """Cut the chrome labels off the start of a prose block they ran into."""
    parts = split_weak(text, block)
    peeled: list[tuple[Block, Kind]] = []
    for part in parts[:-1]:
        part_kind = _classify(part, options, site_chrome)
        if part_kind not in _CHROME_KINDS:
            break
        peeled.append((part, part_kind))
    if not peeled:
        return [(block, kind)]
    rest = describe(text, parts[len(peeled)].start, block.end)
    return [*peeled, (rest, _classify(rest, options, site_chrome))]


def _grow_gaps(scores: Sequence[float], growth: float) -> list[float]:
    """Make each further negative score in a row cost more than the one before.

    Inside an article the gaps are short (a caption, an "Advertisement"); between the
    article and other prose (teasers, a newsletter blurb) they are long menus and
    lists.  Growing costs let the run cross the first and not the second.
    """
    shaped: list[float] = []
    streak = 0
    for score in scores:
        if score < 0:
            shaped.append(score * (1 + growth * streak))
            streak += 1
        else:
            shaped.append(score)
            if score > 0:
                streak = 0
    return shaped


def _opens_comments(kinds: Sequence[Kind], label: int) -> bool:
    """Whether the comment label at ``label`` opens comments: time stamps follow.

    A "Comments" button under a headline is followed by the article instead.
    """
    window = kinds[label + 1 : label + 1 + _COMMENT_WINDOW]
    return sum(kind is Kind.META for kind in window) >= 2


def _article_run(
    kinds: Sequence[Kind], scores: Sequence[float], min_total: float
) -> tuple[int, int, float]:
    """The maximum-sum run ``[start, end)`` of ``scores`` and its total (Kadane).

    Comments are prose too, and often outweigh a short article, so once a run worth
    ``min_total`` has been read, the first comment section ends the search (as
    boilerpipe's terminating blocks do).
    """
    best = (0, 0, 0.0)
    start, total = 0, 0.0
    for i, score in enumerate(scores):
        if (
            kinds[i] is Kind.COMMENTS
            and best[2] >= min_total
            and _opens_comments(kinds, i)
        ):
            break
        if total <= 0:
            start, total = i, 0.0
        total += score
        if total > best[2]:
            best = (start, i + 1, total)
    return best


def _title_shaped(block: Block) -> bool:
    """A headline: a few words, no glue, not ending like a sentence or a lead-in."""
    return (
        _TITLE_WORDS[0] <= block.words <= _TITLE_WORDS[1]
        and block.glue_points == 0
        and not block.text.endswith((".", ",", ":", ";"))
    )


def _find_title(
    blocks: Sequence[Block], kinds: Sequence[Kind], first: int, options: Options
) -> int | None:
    """Index of the article's title among the text blocks above ``first``.

    Labels, dates and other chrome between title and article are looked through.
    The title is the headline the page's first line (the HTML <title>, "Headline -
    Site") starts with, else a headline right above the article.
    """
    above = [i for i in range(first - 1, -1, -1) if kinds[i] in _TEXT_KINDS]
    candidates = [i for i in above[: options.title_window] if _title_shaped(blocks[i])]
    head = blocks[0].key
    for i in candidates:
        if i > 0 and blocks[i].key and head.startswith(blocks[i].key):
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
    text: str, blocks: Sequence[Block], keep: Sequence[bool], rules: Sequence[str]
) -> list[Change]:
    """Turn each run of removed blocks into changes on ``text``, one per rule.

    A run between two kept blocks goes from the end of the kept block before it to
    the start of the kept block after it and leaves a separator (see _separator).
    The first run takes the top of the page and the last the bottom, whole.
    """
    changes: list[Change] = []
    i, n = 0, len(blocks)
    while i < n:
        if keep[i]:
            i += 1
            continue
        j = i
        while j < n and not keep[j]:
            j += 1
        start = blocks[i - 1].end if i > 0 else 0
        end = blocks[j].start if j < n else len(text)
        span = text[start:end]
        # The top and the bottom of the page go whole: the article text
        # neither starts nor ends with a line break it did not have.
        separator = "" if i == 0 or j == n else _separator(span)
        # One change per rule; the separator goes with the last one.
        cuts = [k for k in range(i + 1, j) if rules[k] != rules[k - 1]]
        bounds = [start, *(blocks[k].start for k in cuts), end]
        firsts = [i, *cuts]
        for m, k in enumerate(firsts):
            last = m == len(firsts) - 1
            changes.append(
                (bounds[m], bounds[m + 1], separator if last else "", rules[k])
            )
        i = j
    return changes


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
    blocks, kinds = _read_blocks(text, options, site_chrome)
    scores = _grow_gaps(
        [_score(b, k, options) for b, k in zip(blocks, kinds, strict=True)],
        options.gap_growth,
    )
    first, last, total = _article_run(kinds, scores, options.min_article_words)
    if total < options.min_article_words:
        return Result(changes=(), article_found=False, article=None)
    keep = [first <= i < last and k not in _CHROME_KINDS for i, k in enumerate(kinds)]
    title = _find_title(blocks, kinds, first, options) if options.keep_title else None
    if title is not None:
        keep[title] = True
    rules = [_rule(i, first, last, kind) for i, kind in enumerate(kinds)]
    kept = [block for block, k in zip(blocks, keep, strict=True) if k]
    return Result(
        changes=tuple(_changes(text, blocks, keep, rules)),
        article_found=True,
        article=(kept[0].start, kept[-1].end),
    )
