"""The ``related-links`` step: split a glued run of related headlines off the body.

A scraper that reads a list of links with BeautifulSoup's ``get_text()`` glues the
headlines together::

    ...which began in 2022.Related...Trump Uses 1 Rather Bizarre Word As He Ponders
    Why 'Everyone Hates Russia'Russian Forces Have Sustained A Million Losses In
    Ukraine War, UK SaysPutin Ambassador Accuses UK Of Helping Ukraine Attack Russia

:func:`find_related_links` finds such a block after a label ("Related...",
"Read more:", "Leia também", "관련기사", ...), cuts the run where one headline was
glued to the next (``SaysPutin``, ``Russia'Russian``, ``2020?Apple``,
``Keyboard13-Inch``) while keeping words with inner capitals (``MacBook``,
``iPhone``, ``McDonald's``), and returns the changes that remove the block from the
body together with the headlines.

Where only evidence can decide whether ``lowerUpper`` is a glue point, the word
frequencies of :mod:`wordfreq` decide (``YouTube`` is a word, ``SaysPutin`` is not),
helped by the document itself (a camel-case word that also stands alone elsewhere in
the page is a name).  Every regular expression is linear, every scan is bounded by
the next label, the end of the line and ``max_items * max_headline_chars``.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import compress
from typing import Any, NamedTuple

import attrs

import cleanpipe
from cleanpipe_plugins import SPACE_MARKS, char_class
from cleanpipe_plugins.words import languages, zipf

__all__ = [
    "DEFAULT_LABELS",
    "Change",
    "Options",
    "find_related_links",
    "split_related_links",
]

Change = tuple[int, int, str, str]
"""``(start, end, replacement, rule)`` on the input text."""

DEFAULT_LABELS: tuple[str, ...] = (
    # English
    "Related", "Related articles", "Related stories", "Related posts", "Related news",
    "Related content", "Related coverage", "Related links", "Related reading",
    "Related videos", "Read more", "Read also", "Read next", "Also read", "See also",
    "More on this story", "More on this topic", "More from this section",
    "More stories", "More news", "More headlines", "More like this", "Recommended",
    "Recommended for you", "Recommended stories", "Recommended articles",
    "Recommended reading", "We recommend", "You may also like", "You might also like",
    "You may be interested in", "You might be interested in", "Most popular",
    "Most read", "Most viewed", "Most shared", "Popular stories", "Popular posts",
    "Trending", "Trending now", "Trending stories", "Top stories", "Latest stories",
    "Further reading", "Don't miss", "Editor's picks", "Editors' picks", "Up next",
    "Keep reading", "What to read next", "You may also be interested in",
    "You might also be interested in", "Most watched", "Popular now", "Related reads",
    "More to explore", "Top picks", "Editor's choice", "Editors' choice",
    # Portuguese
    "Leia também", "Leia mais", "Veja também", "Veja mais", "Saiba mais",
    "Notícias relacionadas", "Matérias relacionadas", "Artigos relacionados",
    "Conteúdo relacionado", "Relacionadas", "Relacionados", "Mais lidas", "Mais lidos",
    "Mais vistos", "Recomendados", "Você também pode gostar", "Você pode gostar",
    "Mais notícias", "Outras notícias",
    # Spanish
    "Leer más", "Lee también", "Lea también", "Te puede interesar",
    "Te podría interesar", "También te puede interesar", "Quizás te interese",
    "Noticias relacionadas", "Artículos relacionados", "Relacionado", "Relacionada",
    "Lo más leído", "Lo más visto", "Más leídas", "Más leídos", "Recomendado",
    "Te recomendamos", "Ver también", "Notas relacionadas", "Artículos recomendados",
    # French
    "Lire aussi", "À lire aussi", "A lire aussi", "À lire également", "Lire la suite",
    "Voir aussi", "À voir aussi", "Sur le même sujet", "Articles similaires",
    "Articles liés", "Les plus lus", "Les plus populaires", "Vous aimerez aussi",
    "Vous aimerez peut-être", "Dans la même rubrique", "Tendances",
    # German
    "Mehr zum Thema", "Lesen Sie auch", "Lesen Sie mehr", "Auch interessant",
    "Das könnte Sie auch interessieren", "Das könnte dich auch interessieren",
    "Weitere Artikel", "Verwandte Artikel", "Ähnliche Artikel", "Meistgelesen",
    "Meistgelesene Artikel", "Empfohlen", "Empfehlungen", "Weiterlesen", "Mehr dazu",
    "Passend zum Thema",
    # Italian
    "Leggi anche", "Leggi di più", "Articoli correlati", "Notizie correlate",
    "Correlati", "Potrebbe interessarti", "Ti potrebbe interessare", "I più letti",
    "Più letti", "Più lette", "Consigliati", "Da non perdere", "Leggi pure",
    # Dutch
    "Lees ook", "Lees meer", "Meer nieuws", "Gerelateerde artikelen", "Meest gelezen",
    "Aanbevolen",
    # Indonesian
    "Baca juga", "Baca selengkapnya", "Berita terkait", "Artikel terkait",
    "Berita lainnya", "Berita populer", "Terpopuler", "Rekomendasi", "Lihat juga",
    "Simak juga", "Artikel lainnya",
    # Russian, Polish, Turkish
    "Читайте также", "Смотрите также", "Похожие статьи", "Популярное", "Рекомендуем",
    "Czytaj także", "Zobacz też", "Zobacz także", "İlgili haberler",
    # Korean, Japanese, Chinese
    "관련기사", "관련 기사", "관련뉴스", "관련 뉴스", "많이 본 뉴스", "많이 본 기사",
    "추천 기사", "인기 기사", "인기 뉴스", "함께 보면 좋은 뉴스", "関連記事",
    "関連ニュース", "関連リンク", "あわせて読みたい",
    "おすすめ記事",
    "相关阅读", "相关新闻", "相关文章", "相关链接", "推荐阅读", "延伸阅读", "猜你喜欢",
    "相關新聞", "延伸閱讀",
)  # fmt: skip


def _clean_labels(value: object) -> tuple[str, ...]:
    """Normalise labels: trimmed, inner spaces collapsed, trailing ``:``/``...`` cut.

    The terminator is matched separately, so "Read more:" and "Read more" are one label.
    """
    if isinstance(value, str) or not isinstance(value, (tuple, list)):
        raise TypeError("labels must be a tuple or list of strings")
    out = []
    for label in value:
        if not isinstance(label, str):
            raise TypeError(f"label {label!r} is not a string")
        cleaned = " ".join(label.split()).rstrip(":.…»›>| ")
        if not cleaned:
            raise ValueError(f"label {label!r} is empty once trimmed")
        out.append(cleaned)
    return tuple(out)


def _to_tuple(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (tuple, list)):
        raise TypeError("expected a tuple or list of strings")
    return tuple(value)


def _check_languages(
    _: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    if not isinstance(value, tuple) or not value:
        raise ValueError(
            f"{attribute.name} must be a non-empty tuple of language codes"
        )
    known = languages()  # its data folder's names, without importing wordfreq
    for lang in value:
        if lang not in known:
            raise ValueError(
                f"{attribute.name}: wordfreq has no word list for {lang!r}"
            )


def _check_max_items(
    instance: Options, attribute: attrs.Attribute[int], value: int
) -> None:
    if value < instance.min_items:
        raise ValueError(
            f"{attribute.name} ({value}) < min_items ({instance.min_items})"
        )


_INT = attrs.validators.instance_of(int)
_POSITIVE = [_INT, attrs.validators.ge(1)]


@attrs.frozen
class Options:
    """Settings of the related-links step.

    Attributes:
        labels: label phrases that open a related-links block; replaces the defaults
            (:data:`DEFAULT_LABELS`, several languages). Matched case-insensitively;
            a trailing ``:``, ``...``, ``…``, ``»``, ``|`` in the text is part of the
            label.
        extra_labels: label phrases added to ``labels``.
        min_items: fewest headlines for a block to count; a label followed by fewer
            is left alone.
        max_items: most headlines taken from one block; text after them stays.
        max_headline_chars: a longer piece is article text, not a headline.
        min_headline_words: a shorter piece ("Comments") ends the run.
        label_alone: also take a label that ends its line ("Related\\n"), with the
            next non-blank line as its run. Off by default: in text extracted a line
            per block, such a label is as often a menu item before the article's
            own title.
        languages: wordfreq languages whose word lists vouch for a joined word such as
            ``YouTube`` (kept whole) against a glue point such as ``SaysPutin``.
        min_zipf: Zipf frequency from which a joined word counts as known.
    """

    labels: tuple[str, ...] = attrs.field(
        default=DEFAULT_LABELS, converter=_clean_labels
    )
    extra_labels: tuple[str, ...] = attrs.field(default=(), converter=_clean_labels)
    min_items: int = attrs.field(default=1, validator=_POSITIVE)
    max_items: int = attrs.field(default=20, validator=[*_POSITIVE, _check_max_items])
    max_headline_chars: int = attrs.field(
        default=250, validator=[_INT, attrs.validators.ge(20)]
    )
    min_headline_words: int = attrs.field(default=2, validator=_POSITIVE)
    label_alone: bool = attrs.field(
        default=False, validator=attrs.validators.instance_of(bool)
    )
    languages: tuple[str, ...] = attrs.field(
        default=("en",), converter=_to_tuple, validator=_check_languages
    )
    min_zipf: float = attrs.field(
        default=1.0,
        converter=float,
        validator=[attrs.validators.ge(0.0), attrs.validators.le(8.0)],
    )

    @property
    def all_labels(self) -> tuple[str, ...]:
        """The labels in effect: ``labels`` plus ``extra_labels``."""
        return self.labels + self.extra_labels


# ----------------------------------------------------------------- character classes
def _is_uncased(ch: str) -> bool:
    """A letter of a script without case (Hangul, Han, Kana, Thai, Arabic, ...)."""
    return ch.isalpha() and not ch.isupper() and not ch.islower()


def _is_cased(ch: str) -> bool:
    return ch.isupper() or ch.islower()


class _CaseRegexes(NamedTuple):
    """The regexes made of Unicode letter-case classes (``re`` has no ``\\p{Lu}``).

    Building the classes and compiling these costs about 0.2 s, which only a text
    with a run to split needs: :func:`_case_regexes` builds them on first use.
    """

    event: re.Pattern[str]
    uncased: re.Pattern[str]
    lower: re.Pattern[str]
    camel_word: re.Pattern[str]
    missing_space: re.Pattern[str]
    word_break: re.Pattern[str]


@functools.cache
def _case_regexes() -> _CaseRegexes:
    lu, ll, lo = (
        char_class(str.isupper),
        char_class(str.islower),
        char_class(_is_uncased),
    )
    # Glue candidates: every transition where one headline may end and the next
    # begin. All alternatives are zero-width and look at most two characters
    # around the position, so finditer is linear; the exact decision is made in
    # Python. The first lookahead rejects most positions (lowercase letters,
    # spaces) at once.
    event = re.compile(
        f"(?=[{re.escape(_QUOTES)}{lu}{lo}0-9(\\[])(?:"
        f"(?=[{re.escape(_QUOTES)}])"
        f"|(?<=[{ll}])(?=[{lu}0-9])"
        f"|(?<=[0-9])(?=[{lu}])"
        f"|(?<=[{lu}]{{2}})(?=[{lu}][{ll}]{{2}})"
        f"|(?<=[.!?…)\\]])(?=[{lu}{lo}0-9(\\[])"
        f"|(?<=[{lo}])(?=[{lu}0-9])"
        f"|(?<=[^\\s{lo}])(?=[{lo}])"
        f"|(?<=[^\\s(\\[])(?=[(\\[][{lu}])"
        f"|(?<=[{lu}])(?=[0-9])"
        f"|(?<=[^\\w\\s])(?=[{lu}][{ll}])"
        ")"
        # After a year that starts a longer number: "First Half of 2020" + "7 key"
        "|(?<=(?<![0-9.,])(?:19|20)[0-9]{2})(?=[0-9])"
    )
    # A standalone word with an inner lower→Upper step ("WeWork"); the lookbehind
    # pins each attempt to the start of a letter run, which keeps the lazy scan
    # linear.
    camel_word = re.compile(
        f"(?<![{lu}{ll}{lo}])[{lu}{ll}{lo}]*?[{ll}][{lu}][{lu}{ll}{lo}]*"
    )
    # Where sentence-split may put a missing space (a superset of its places):
    # after one of its marks, before a capital, Hangul, an opening quote or
    # bracket, or a link ("region.More").
    missing_space = (
        f'(?<=[{SPACE_MARKS}])(?=[{lu}\uac00-\ud7a3“„‘"(\\[]|https?://|www\\.)'
    )
    # Or inside a word, where sentence-split's word joins may put one: before a
    # word after a lowercase letter ("SaysPutin"; "DogsA" at the end too, as
    # pieces are stripped), before a capitalised word after a digit ("2025The")
    # or after two capitals ("SENTRANissan"), or before a link ("Nissanhttps://").
    word_join = (
        f"(?<=[{ll}])(?=[{lu}](?:[{ll}]|:\\s)|[AI](?:\\s|$)|I['’])"
        f"|(?<=[0-9])(?=[{lu}][{ll}])|(?<=[{lu}]{{2}})(?=[{lu}][{ll}]{{2}})"
        "|(?<=.)(?=https?://|www\\.)"
    )
    return _CaseRegexes(
        event,
        re.compile(f"[{lo}]"),
        re.compile(f"[{ll}]"),
        camel_word,
        re.compile(missing_space),
        re.compile(f"\\s+|{missing_space}|{word_join}"),
    )


_SENTENCE_END = ".!?…"
_OPENERS = "‘“„‚«"
_CLOSERS = "’”»"
_QUOTES = "'\"" + _OPENERS + _CLOSERS
_QUOTE_FAMILY = {"'": 0, "‘": 0, "’": 0, "‚": 0, '"': 1, "“": 1, "”": 1, "„": 1}
_QUOTE_FAMILY |= {"«": 2, "»": 2}
_LEADERS = "([$€£¥#"  # may start a headline before its first letter or digit
_BEFORE_LABEL = _SENTENCE_END + ":;)]|•·–—" + _QUOTES

_NEXT_WORD = re.compile(r"[^\W\d_]+")
_SPACE = re.compile(r"\s")
_BLANK = re.compile(r"\s*")
_HORIZONTAL = " \t\xa0\r"
_HSPACE = re.compile(r"[^\S\n]*")  # a lone "\r" is no line break here

# fmt: off
# Surname particles written glued to a capitalised name: McKinley, DeSantis, LaToya.
_NAME_PREFIXES = frozenset({
    "mc", "mac", "de", "di", "da", "du", "le", "la", "van", "von", "der", "del",
    "della", "dos", "fitz",
})
# A period after these ends an abbreviation, not a headline ("Dr.Owen", "No.1").
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "mt", "ft", "gov", "sen", "rep", "gen",
    "lt", "col", "sgt", "capt", "rev", "hon", "pres", "no", "nr", "vol", "pp", "p",
    "v", "vs", "ch", "op", "art", "fig", "ep", "ed", "sec",
})
# Capitalised articles and question words start titles, not brand names: "toThe"
# is in word lists only as a typo.
_TITLE_STARTERS = frozenset({
    "the", "a", "an", "o", "os", "as", "um", "uma", "el", "la", "los", "las", "le",
    "les", "un", "une", "der", "die", "das", "ein", "eine", "il",
    "how", "why", "what", "when", "where", "who", "which",
})
# Short function words join many words into list entries ("callin", "wayout"), so a
# name ending in one (LinkedIn, LogIn) must be a common word to be kept whole.
_FUNCTION_WORDS = frozenset({
    "in", "on", "out", "up", "off", "at", "to", "for", "with", "by", "of", "and",
    "but", "or", "from", "over", "into", "after", "before",
})
# Contractions written in capitals: CAN'T, IT'S, WE'LL.
_CONTRACTIONS = frozenset({"T", "S", "LL", "RE", "VE", "D", "M"})
# fmt: on
# Symbols that end a title when a word follows them glued: emoji (and the variation
# selector after one), currency signs after an amount, ©.
_SYMBOL_CATEGORIES = frozenset({"So", "Sc", "Mn"})
# One-letter words that may start a headline glued after a number ("2020A Man").
_ONE_LETTER_WORDS = frozenset("AIOÀ")
# Zipf frequency of a common word (once per million words): far above the typos
# and glued pairs that word lists also hold.
_COMMON_ZIPF = 3.0
_MAX_WORD = 40  # letters looked at around a glue point: bounds the work per point
_MAX_WORDS = 40  # a piece with more words is article text
_LOOKAHEAD = 80  # characters read after a script change
# Cuts made on word evidence, which can split an unknown name ("Slash|Gear").
_WEAK_CUTS = frozenset({"lower-upper", "acronym-word", "digit-upper", "letter-digit"})


# ----------------------------------------------------------------- labels
def _fold(text: str) -> str:
    """Lower case with one character per character, so offsets stay valid.

    Matching labels in folded text is several times faster than ``re.IGNORECASE``;
    "İ" is the only character whose lower case is longer.
    """
    return text.replace("İ", "I").lower()


def _trie(words: list[str]) -> str:
    """A regex matching any of ``words``, factored by common prefixes.

    An alternation of a hundred labels tries each one at every position; the trie
    fails at the first character that no label continues with.
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [
            (r"[^\S\n]+" if ch == " " else re.escape(ch)) + build(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return build(root)


@functools.lru_cache(maxsize=32)
def _label_pattern(labels: tuple[str, ...]) -> re.Pattern[str]:
    """All labels (case-folded, longest first), then an optional terminator."""
    return re.compile(
        f"(?P<label>{_trie(sorted({_fold(label) for label in labels}))})"
        r"(?P<term>[^\S\n]*(?:\.{2,}|…|:|»+|›|>+|\|))?"
    )


# Characters of a label that the candidate scan reads: more rule out more words
# early, fewer keep its regex quick to compile.
_SCAN_DEPTH = 10
_TERM_CHARS = ".…:»›>|"  # what the terminator of _label_pattern is made of
# First letters of capitalised words, most frequent first: the scan tries a
# capital's alternative in this order (any order gives the same result).
_CAPITALS_BY_FREQUENCY = "TASCMPBIDHRFWNLEGOJKUVYQZX"


@functools.cache
def _folded_from() -> dict[str, str]:
    """For each lower-case character, the BMP characters that ``_fold`` turns into it.

    Lower case is per character except one rule: a final capital sigma becomes
    "ς" and any other "σ", so "Σ" stands for both. No character outside the BMP
    lowers into the BMP (``tests/test_related_links.py`` checks this).
    """
    codes = array("I", range(0x10000)).tobytes()
    bmp = codes.decode("utf-32-le", "surrogatepass").replace("İ", "")
    # One C call: "İ", the one character whose lower case is longer, is left out.
    lowered = bmp.lower()
    if len(lowered) != len(bmp):  # a later Unicode: lower each character alone
        lowered = "".join(ch if len(low := ch.lower()) != 1 else low for ch in bmp)
    changed = list(map(operator.ne, bmp, lowered))
    sources: dict[str, str] = {"i": "İ"}
    changes = zip(compress(bmp, changed), compress(lowered, changed), strict=True)
    for char, lower in changes:
        sources[lower] = sources.get(lower, "") + char
    for sigma in "σς":  # whichever the context above gave
        if "Σ" not in sources.get(sigma, ""):
            sources[sigma] = sources.get(sigma, "") + "Σ"
    return sources


class _LabelScan:
    """Finds the matches of ``_label_pattern`` that can be labels, without folding
    and matching the whole text.

    Matching the folded text tries the label trie at almost every letter (about
    0.1 s a megabyte). Here a scan of the original text first finds candidates,
    a superset of the places where a label that ``_fits_before`` accepts can
    start: a capital (or caseless) letter that starts the first ``_SCAN_DEPTH``
    characters of a label in any case, unless it follows a word and a space; or
    a line break or sentence end (``_BEFORE_LABEL``), horizontal space and any
    other first letter of a label (a lower-case one, as a rule). The start of
    the text is checked apart. Most pages have a few candidates or none.

    The label regex then runs on the stretch around each candidate that
    characters a match can hold fill. No match holds the character before or
    after the stretch, so on the stretch ``finditer`` finds exactly the matches
    it finds there when it scans the whole folded text.
    """

    def __init__(self, labels: tuple[str, ...]) -> None:
        self.pattern = _label_pattern(labels)
        folded = {_fold(label) for label in labels}
        alphabet = set("".join(folded)) - {" "}
        # Scanned as a whole, as before: no labels, labels beyond the BMP, and
        # Greek sigmas, whose folding depends on the letters around them.
        self.whole = (
            not alphabet
            or any(ord(ch) > 0xFFFF for ch in alphabet)
            or bool(alphabet & {"σ", "ς"})
        )
        if self.whole:
            return
        sources = _folded_from()

        def any_case(ch: str) -> str:
            return ch + sources.get(ch, "")

        spaces = "".join(filter(str.isspace, map(chr, range(0x3001))))
        holds = (
            "".join(map(any_case, alphabet)) + spaces.replace("\n", "") + _TERM_CHARS
        )
        self.matchable = frozenset(holds)
        self.stretch_end = re.compile(f"[^{re.escape(holds)}]")
        self.openers = frozenset("".join(any_case(label[0]) for label in folded))
        self.starts = self._starts(sorted(folded), any_case)

    @staticmethod
    def _starts(folded: list[str], any_case: Callable[[str], str]) -> re.Pattern[str]:
        """The candidate scan: matches the first character of a capital candidate,
        or the line break or sentence end before a lower-case one.

        sre skips in C to the next capital or ``_BEFORE_LABEL`` character, then
        drops it in a few steps when no label can start there: each alternative
        of ``rejected`` recognises one kind of such character.
        """

        rests: dict[str, list[str]] = {}
        for word in folded:
            rests.setdefault(word[0], []).append(word[1:_SCAN_DEPTH])
        capitals: list[tuple[str, str]] = []
        others: list[tuple[str, str]] = []
        for first, words in rests.items():
            # No match for the rest of the word: the letter starts no label.
            # Case-insensitive from the second letter on: sre matches a character
            # whose lower case is the letter (tests/test_related_links.py checks
            # that this covers _fold), and compiles this much faster than classes.
            rest = _trie(words)
            reject = f"(?!(?i:{rest}))" if rest else "(?!)"
            for variant in any_case(first):
                capital = variant.isupper() or _is_uncased(variant)
                (capitals if capital else others).append((variant, reject))
        capitals.sort(
            key=lambda pair: (_CAPITALS_BY_FREQUENCY + pair[0]).index(pair[0])
        )
        before = re.escape("\n" + _BEFORE_LABEL)
        space = re.escape(_HORIZONTAL)
        lower = re.escape("".join(variant for variant, _ in others))
        heads = re.escape("".join(variant for variant, _ in capitals))
        # A line or sentence end not followed by a lower-case label.
        after_end = f"[{before}]"
        if others:
            after_end += f"[{space}]*+(?:[^{lower}]|\\Z"
            after_end += "".join(f"|{re.escape(v)}{reject}" for v, reject in others)
            after_end += ")"
        by_capital = [f"{re.escape(v)}{reject}" for v, reject in capitals]
        rejected = "|".join([after_end, *by_capital])
        # A capital after a word and a space: _fits_before refuses it.
        midline = f"(?<![^{before}{space}][{space}][{heads}])" if heads else ""
        return re.compile(f"[{before}{heads}]{midline}(?<=(?!{rejected})(?s:.))")

    def stretches(self, text: str) -> Iterator[tuple[int, Iterator[re.Match[str]]]]:
        """The stretches around the candidates, in order: the offset of each in
        ``text`` and the matches of ``_label_pattern`` in it, the very matches
        that ``finditer`` finds there in ``_fold(text)``; every label is one."""
        if self.whole:
            yield 0, self.pattern.finditer(_fold(text))
            return
        done = 0
        first = _skip(_HSPACE, text, 0)
        at = first if first < len(text) and text[first] in self.openers else -1
        while True:
            if at < 0:
                candidate = self.starts.search(text, done)
                if candidate is None:
                    return
                # A capital starts the label; after a line or sentence end the
                # label comes after horizontal space, in the same stretch.
                at = candidate.start()
                if text[at] == "\n" or text[at] in _BEFORE_LABEL:
                    at += 1
            start, end = self._stretch(text, at, done)
            yield start, self.pattern.finditer(_fold(text[start:end]))
            done, at = max(end, at + 1), -1

    def _stretch(self, text: str, at: int, floor: int) -> tuple[int, int]:
        """The characters a match can hold around ``at`` (from ``floor`` on)."""
        start = at
        while start > floor and text[start - 1] in self.matchable:
            start -= 1
        stop = self.stretch_end.search(text, at)
        return start, len(text) if stop is None else stop.start()


@functools.lru_cache(maxsize=32)
def _label_scan(labels: tuple[str, ...]) -> _LabelScan:
    return _LabelScan(labels)


class _Label(NamedTuple):
    start: int
    run_start: int | None


def _fits_before(text: str, start: int, label: str) -> bool:
    """The label starts a line, follows a sentence end, or is glued to a word.

    "...are related to" and "the most popular" are prose, not labels.
    """
    i = start
    while i > 0 and text[i - 1] in _HORIZONTAL:
        i -= 1
    if i == 0 or text[i - 1] == "\n" or text[i - 1] in _BEFORE_LABEL:
        return True
    if i < start:
        return False
    prev, first = text[i - 1], label[0]
    # Glued without a space: case (or a change of script) shows where the label
    # starts, after a word, a number or a symbol ("...says🙂Related").
    if first.isupper():
        return True
    return _is_uncased(first) and not _is_uncased(prev)


def _starts_headline(text: str, k: int, stop: int) -> bool:
    """Whether a title can start at ``k``: capital, digit, quote, caseless letter.

    The character after ``k`` counts only before ``stop``.
    """
    ch = text[k]
    nxt = text[k + 1] if k + 1 < stop else ""
    if ch.isupper() or ch.isdigit() or _is_uncased(ch):
        return True
    if nxt and (ch in _QUOTES or ch in _LEADERS):
        return nxt.isupper() or nxt.isdigit() or _is_uncased(nxt) or nxt in "$€£¥#"
    return ch.islower() and nxt.isupper()  # iPhone, eBay


def _run_start(
    text: str, label: str, end: int, term: str | None, label_alone: bool, stop: int
) -> int | None:
    """Where the headline run after a label (and ``term``, ending at ``end``)
    starts, or None if none follows; what lies from ``stop`` on is not read,
    but for a run that starts right there (labels in a row)."""
    k = _skip(_HSPACE, text, end)
    if k == len(text):
        return None
    if text[k] == "\n":
        if not label_alone:
            return None
        k = _skip(_BLANK, text, k)
        if k == len(text):
            return None
    elif k > end and not term and not _shouted_then_title(text, label, k, stop):
        return None  # "Recommended products include ..." is a sentence
    if k == stop:
        stop = len(text)
    return k if _starts_headline(text, k, stop) else None


def _skip(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """End of ``pattern`` (which matches the empty string) matched at ``pos``."""
    match = pattern.match(text, pos)
    return pos if match is None else match.end()


def _shouted_then_title(text: str, label: str, k: int, stop: int) -> bool:
    """A label in capitals, then a title not in capitals: "READ MORE Saraki, ...".

    "READ MORE ON FOX BUSINESS" goes on in capitals: a sentence, not a label.
    """
    if not label.isupper():
        return False
    word = _NEXT_WORD.match(text, k, stop)
    return word is not None and not word.group().isupper()


def _labels(text: str, options: Options) -> list[_Label]:
    """The labels in place, each ending the run of the label before it.

    A label ends the run before it unless a sentence goes on after it ("Top
    stories in Nation"), whether or not a run of its own follows: what stops a
    run then does not change once the text after a label is removed, which keeps
    the step idempotent. For the same reason, each label is judged on the text
    before the next one only ("READ MOREa|RELATED..." once the block after
    RELATED is gone).
    """
    found = [
        (offset + m.start(), offset + m.end(), offset + m.end("label"), m.group("term"))
        for offset, matches in _label_scan(options.all_labels).stretches(text)
        for m in matches
    ]
    labels: list[_Label] = []
    stops = [start for start, _, _, _ in found[1:]] + [len(text)] if found else []
    for (start, end, label_end, term), stop in zip(found, stops, strict=True):
        label = text[start:label_end]
        if _fits_before(text, start, label) and not _goes_on(
            text, label, end, term, stop
        ):
            run_start = _run_start(text, label, end, term, options.label_alone, stop)
            labels.append(_Label(start, run_start))
    return labels


def _goes_on(text: str, label: str, end: int, term: str | None, stop: int) -> bool:
    """The label's words go on as a sentence or a title: "Most read stories"."""
    k = _skip(_HSPACE, text, end)
    if k == len(text):
        return False
    if text[k].islower() and not _starts_headline(text, k, stop):
        return True  # "Trending topics", "Related: the two"
    spaced = k > end and not term
    return spaced and label.isupper() and not _shouted_then_title(text, label, k, stop)


# ----------------------------------------------------------------- word evidence
def _zipf(word: str, languages: tuple[str, ...]) -> float:
    """The Zipf frequency of ``word`` in the language where it is most common."""
    return max(zipf(word, lang) for lang in languages)


class _Evidence:
    """What the word lists and the document say about a joined word."""

    def __init__(self, text: str, options: Options, labels: list[_Label]) -> None:
        self._text = text
        self._options = options
        self._labels = labels
        self._document: Counter[str] | None = None

    def known(self, word: str) -> bool:
        """Whether ``word`` (letters only) is a word of the configured languages."""
        return word.isalpha() and (
            _zipf(word.lower(), self._options.languages) >= self._options.min_zipf
        )

    def common(self, word: str) -> bool:
        """Whether ``word`` is common: a word, not a typo that made it into a list."""
        frequency = _zipf(word.lower(), self._options.languages)
        return word.isalpha() and frequency >= _COMMON_ZIPF

    def seen_elsewhere(self, word: str) -> bool:
        """Whether ``word`` stands alone in the document outside every label's run."""
        if self._document is None:
            self._document = self._count_outside_runs()
        return self._document[word] > 0

    def _count_outside_runs(self) -> Counter[str]:
        """Camel-case words of the text, leaving out what follows each label.

        A glue point repeated in another related block ("UK SaysPutin" twice on a
        page) is no evidence, and removing a block must not change the evidence.
        """
        text, options = self._text, self._options
        reach = (options.max_items + 1) * options.max_headline_chars
        counts: Counter[str] = Counter()
        camel_word = _case_regexes().camel_word
        at = 0
        for label in self._labels:
            counts.update(m.group() for m in camel_word.finditer(text, at, label.start))
            run = label.start if label.run_start is None else label.run_start
            at = max(at, _line_end(text, run, min(len(text), run + reach)))
        counts.update(m.group() for m in camel_word.finditer(text, at))
        return counts


# ----------------------------------------------------------------- splitting a run
class _Cut(NamedTuple):
    at: int
    rule: str


class _FirstIn:
    """First match of a one-character pattern in the current piece, found lazily.

    Each character of a piece is searched at most once, however many glue points
    ask: this keeps a piece with many candidate points linear.
    """

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self._pattern, self._text = pattern, text
        self._found: int | None = None
        self._scanned = 0

    def reset(self, start: int) -> None:
        self._found, self._scanned = None, start

    def before(self, p: int) -> bool:
        """Whether the piece has a match before ``p``."""
        if self._found is None and self._scanned < p:
            match = self._pattern.search(self._text, self._scanned, p)
            self._scanned = p
            if match is not None:
                self._found = match.start()
        return self._found is not None and self._found < p


class _Splitter:
    """Finds the glue points in ``text[start:end]``, left to right.

    Quotes are tracked per piece so that a straight quote glued to a capital can be
    told apart: closing (``Russia'Russian``: cut after it) or opening (``says'We``:
    cut before it).
    """

    def __init__(
        self, text: str, start: int, end: int, evidence: _Evidence, longest: int
    ) -> None:
        self.text, self.start, self.end = text, start, end
        self.evidence = evidence
        self.longest = longest
        self.piece_start = start
        self.depth = [0, 0, 0]
        self.caseless = _FirstIn(_case_regexes().uncased, text)
        self.lowercase = _FirstIn(_case_regexes().lower, text)
        self.space = _FirstIn(_SPACE, text)
        self._new_piece(start)

    def cuts(self) -> Iterator[_Cut]:
        for match in _case_regexes().event.finditer(self.text, self.start, self.end):
            p = match.start()
            if p - self.piece_start > self.longest:
                return  # a piece this long is article text: the run ends in it
            ch = self.text[p]
            if ch in _QUOTES:
                cut = self._quote(p)
            elif ch.isdigit() and self._char(p - 1).isdigit():
                cut = self._year_number(p)
            else:
                cut = self._transition(p)
            if cut is None or cut.at <= self.piece_start:
                continue
            self._new_piece(cut.at)
            if cut.rule == "opening-quote":
                self.depth[_QUOTE_FAMILY[self.text[p]]] = 1
            yield cut

    def _new_piece(self, at: int) -> None:
        self.piece_start = at
        self.depth = [0, 0, 0]
        for first in (self.caseless, self.lowercase, self.space):
            first.reset(at)

    def _char(self, q: int) -> str:
        """The character at ``q``; a space before the piece or after the run."""
        return self.text[q] if self.piece_start <= q < self.end else " "

    def _starts_token(self, q: int) -> bool:
        return not self._char(q - 1).isalnum()

    def _letters_before(self, p: int) -> int:
        """Start of the cased-letter run ending at ``p`` in the piece (bounded)."""
        q = p
        floor = max(self.piece_start, p - _MAX_WORD)
        while q > floor and _is_cased(self.text[q - 1]):
            q -= 1
        return q

    def _letters_after(self, p: int, upper: bool) -> int:
        """End of the run of capitals (or of lowercase letters) starting at ``p``."""
        q = p
        ceiling = min(self.end, p + _MAX_WORD)
        in_case = str.isupper if upper else str.islower
        while q < ceiling and in_case(self.text[q]):
            q += 1
        return q

    def _right_hump_end(self, p: int) -> int:
        """End of the word part starting with the capital at ``p``."""
        if self._char(p + 1).isupper():
            end = self._letters_after(p, upper=True)
            if self._char(end).islower():
                end -= 1  # NASALaunches: the last capital starts a word
            return end
        return self._letters_after(p + 1, upper=False)

    # -- quotes
    def _quote(self, p: int) -> _Cut | None:
        q, before, after = self.text[p], self._char(p - 1), self._char(p + 1)
        family = _QUOTE_FAMILY[q]
        if before.isalpha() and after.isalpha() and self._is_apostrophe(p):
            return None
        if q in _CLOSERS or (q not in _OPENERS and self.depth[family] > 0):
            self.depth[family] = max(0, self.depth[family] - 1)
            closing = True
        elif q in _OPENERS or before.isspace() or before in "([" or not after.isspace():
            self.depth[family] += 1
            closing = False
        else:
            return None  # teachers' union: a possessive
        if before.isspace() or not _starts_after_quote(after):
            return None
        if closing:
            return _Cut(p + 1, "closing-quote")
        if before in _OPENERS or before in "([":
            return None
        return _Cut(p, "opening-quote")  # the quote starts the next piece

    def _is_apostrophe(self, p: int) -> bool:
        """We're, Trump's, O'Neill, d'Ivoire, CAN'T; not Russia'Russian."""
        if self.text[p + 1].islower():
            return True
        if self._starts_token(p - 1):
            return True  # an elision after one letter
        tail = self.text[p + 1 : self._letters_after(p + 1, upper=True)]
        return not self._char(p + 1 + len(tail)).isalpha() and tail in _CONTRACTIONS

    # -- other transitions
    def _transition(self, p: int) -> _Cut | None:
        if p == self.start:
            return None
        a, b = self.text[p - 1], self.text[p]
        if a.isspace() or b.isspace() or a in _QUOTES:
            return None
        if a.islower() and b.isupper():
            return self._camel(p)
        if b in "([":
            return self._bracket(p)
        if a in _SENTENCE_END:
            return self._after_punct(p)
        if _is_uncased(b):
            return None if _is_uncased(a) else self._to_caseless(p)
        if _is_uncased(a):
            return self._from_caseless(p)
        if a.islower():
            return self._letter_digit(p) if b.isdigit() else None
        if a.isdigit():
            return self._digit_upper(p) if b.isupper() else None
        if a.isupper():
            return self._caps_digit(p) if b.isdigit() else self._acronym_word(p)
        if a in ")]":
            return _Cut(p, "bracket")  # (Buy Now)Next, (Dropdown)1 hour ago
        return self._after_symbol(p)

    def _bracket(self, p: int) -> _Cut | None:
        """...Berlin[The Palace; not Korea(100-120) or 1909(November."""
        a, b = self.text[p - 1], self.text[p]
        if a in "([" or (a.isdigit() and b == "(") or not self._char(p + 1).isupper():
            return None
        return _Cut(p, "bracket")

    def _camel(self, p: int) -> _Cut | None:
        """``lowerUpper`` at ``p``: inside one word (MacBook, iPhone) or a glue point.

        The glue may also sit one letter earlier, before a brand's ``i``/``e``
        ("newsletteriPad").
        """
        word_start = self._letters_before(p)
        word = self.text[word_start:p]
        right = self.text[p : self._right_hump_end(p)]
        if self._char(word_start - 1) in "'’":
            return _Cut(p, "lower-upper")  # Trump'sHow: a possessive ends a word
        if right in _ONE_LETTER_WORDS and not self._char(p + 1).isalpha():
            return _Cut(p, "lower-upper")  # JordanA Massive: a one-letter word
        if len(word) == 1 and self._starts_token(word_start):
            return None  # iPhone, eBay
        if self._one_word(_last_hump(word), right):
            return None
        evidence = self.evidence
        base, prefix = word[:-1], word[-1]
        if (
            prefix in "ie"
            and base
            and not evidence.known(word)
            and (base[-1].isupper() or evidence.common(base))
            and evidence.common(prefix + right)
        ):
            return _Cut(p - 1, "lower-upper")
        return _Cut(p, "lower-upper")

    def _one_word(self, hump: str, right: str) -> bool:
        """Whether two humps glued as ``hump + right`` make one word or name."""
        if hump.lower() in _NAME_PREFIXES and hump[0].isupper() and len(right) >= 3:
            return True  # McKinley, DeSantis
        joined = hump + right
        if self.evidence.seen_elsewhere(joined):
            return True
        # "toThe" is in word lists as a typo: a capital article or question word
        # after a lowercase letter starts a new title.
        starter = right.lower()
        if starter in _TITLE_STARTERS:
            return False
        if starter in _FUNCTION_WORDS:
            return self.evidence.common(joined)
        return self.evidence.known(joined)

    def _letter_digit(self, p: int) -> _Cut | None:
        word_start = self._letters_before(p)
        word = self.text[word_start:p]
        if self._number_then_word(p):
            return _Cut(p, "letter-digit")  # Demand N500m13-Inch MacBook
        if self._char(word_start - 1).isdigit():
            return None  # 9to5, 1080p60: one alphanumeric token
        if len(word) < 3 and not (word.istitle() and self.evidence.known(word)):
            return None  # my6sense, mp3; but It7 key
        return _Cut(p, "letter-digit")

    def _number_then_word(self, p: int) -> bool:
        """A number joined to a capitalised word starts at ``p``: 13-Inch, 10-Year."""
        end = p
        while end < self.end and end - p <= 4 and self.text[end].isdigit():
            end += 1
        return (
            self._char(end) == "-"
            and self._char(end + 1).isupper()
            and self._char(end + 2).islower()
        )

    def _digit_upper(self, p: int) -> _Cut | None:
        text = self.text
        q = p
        while q > self.start and q > p - _MAX_WORD and text[q - 1].isdigit():
            q -= 1
        after = self._char(p + 1)
        if self._char(q - 1).isalpha():
            # A model number before a word (Mirage G4The Daily), but 9to5Mac and
            # H1N1 are one token.
            token_start = self._letters_before(q)
            model = self._starts_token(token_start) and after.islower()
            return (
                _Cut(p, "digit-upper")
                if model and self._char(p + 2).islower()
                else None
            )
        number = text[q:p]
        if len(number) == 4 and number[:2] in ("19", "20") and not after.isdigit():
            return _Cut(p, "digit-upper")  # 2019NASA, 2019U.S., 2020A Man
        if after.islower():
            return _Cut(p, "digit-upper")  # 18Hunter
        if text[p] in _ONE_LETTER_WORDS and after.isspace():
            return _Cut(p, "digit-upper")  # 5A Man, not 4K or 5G
        return None

    def _year_number(self, p: int) -> _Cut | None:
        """A year glued to the next title's number: 20182019 Audi, 201813-Inch.

        Only a second year, or a number joined to a capitalised word, tells the
        digits apart from a long number such as "Build 19028".
        """
        end = p
        while end < self.end and end - p < 5 and self.text[end].isdigit():
            end += 1
        rest = self.text[p:end]
        second_year = len(rest) == 4 and rest[:2] in ("19", "20")
        joined_word = self._char(end) == "-" and self._char(end + 1).isupper()
        if end - p > 4 or not (second_year or joined_word):
            return None
        return _Cut(p, "year-number")

    def _caps_digit(self, p: int) -> _Cut | None:
        """A TALE OF ONE CITY3 Cows: the end of an all-capitals title."""
        if self._number_then_word(p):
            return _Cut(p, "caps-digit")  # MotoGP16-Inch MacBook
        word_start = self._letters_before(p)
        if p - word_start < 2 or not self.text[word_start:p].isupper():
            return None
        if self.lowercase.before(p) or not self.space.before(p):
            return None  # LC500, COVID19, Radeon RX580
        # The next title starts in lower case after its number ("3 Cows"), where
        # a capitals title would go on ("TOYOTA RAV4 PRIME").
        stop = min(self.end, p + _MAX_WORD)
        word = _NEXT_WORD.search(self.text, p, stop)
        if word is None or not _case_regexes().lower.search(word.group()):
            return None
        return _Cut(p, "caps-digit")

    def _after_punct(self, p: int) -> _Cut | None:
        text = self.text
        a, b, after = text[p - 1], text[p], self._char(p + 1)
        if a == ".":
            word = text[self._letters_before(p - 1) : p - 1]
            if b.isupper() and after == "." and len(word) <= 1:
                return None  # U.S, N.Y.C: an initialism goes on
            if word.lower() in _ABBREVIATIONS:
                return None  # Dr.Owen, No.1
            short = len(word) < 2 or word.isupper()
            if not b.isupper() and self._char(p - 2).isalnum() and short:
                return None  # 11.18.19, v.2, VW ID.3, 3.5亿
        return _Cut(p, "punct-upper")

    def _after_symbol(self, p: int) -> _Cut | None:
        """After a symbol or dash that ends a title: 400%Post, tunes 🙂Happy, A -Fin."""
        a, b = self.text[p - 1], self.text[p]
        if not (b.isupper() and self._char(p + 1).islower()):
            return None
        if a in "-–—":
            return _Cut(p, "dash-upper") if self._char(p - 2).isspace() else None
        if a == "$":
            return None
        if a not in "%‰" and unicodedata.category(a) not in _SYMBOL_CATEGORIES:
            return None
        return _Cut(p, "symbol-upper")

    def _acronym_word(self, p: int) -> _Cut | None:
        text = self.text
        if not (self._char(p - 2).isupper() and self._char(p + 2).islower()):
            return None  # CEOs, PhD, GHz
        word = text[self._letters_before(p) : self._letters_after(p + 1, upper=False)]
        if self.evidence.known(word) or self.evidence.seen_elsewhere(word):
            return None
        return _Cut(p, "acronym-word")

    # -- scripts without case
    def _from_caseless(self, p: int) -> _Cut | None:
        """이유New York man...: a Latin title after a Korean or Chinese one.

        Korean and Chinese write Latin names inside their titles ("삼성SDS 주가",
        "使用Windows系统"), so the Latin side must be a phrase of its own.
        """
        stop = min(self.end, p + _LOOKAHEAD)
        caseless = _case_regexes().uncased.search(self.text, p, stop)
        words = len(self.text[p : caseless.start() if caseless else stop].split())
        if caseless is None:
            follows = words >= 2
        else:
            follows = words >= 5 and self.text[caseless.start() - 1].isspace()
        return _Cut(p, "script-change") if follows else None

    def _to_caseless(self, p: int) -> _Cut | None:
        """...WeWork엘제이: a Korean title after a Latin one (not Apple의)."""
        a = self.text[p - 1]
        ends = a.isalnum() or a in _SENTENCE_END or a in _CLOSERS or a in ")]"
        if not ends or self.caseless.before(p) or not self.space.before(p):
            return None  # Dance (花前態舞)
        return _Cut(p, "script-change")


def _last_hump(word: str) -> str:
    """The part of ``word`` from its last capital on: "Mac" of "WeWorkMac"."""
    for q in range(len(word) - 1, -1, -1):
        if word[q].isupper():
            return word[q:]
    return word


def _starts_after_quote(ch: str) -> bool:
    return (
        ch.isupper()
        or ch.isdigit()
        or _is_uncased(ch)
        or ch in _QUOTES
        or ch in _LEADERS
    )


# ----------------------------------------------------------------- headline shape
_LETTER = re.compile(r"[^\W\d_]")


def _words(piece: str) -> list[str]:
    """The words of ``piece``, also where a space may be missing: "Dogs.Cats"
    and "DogsCats" are two.

    The default pipeline runs this step before sentence-split, which puts those
    spaces in: counted so, a headline has as many words before as after it,
    and a second run of the pipeline finds the runs the first one found.
    """
    return [word for word in _case_regexes().word_break.split(piece) if word]


def _missing_space_at(text: str, at: int) -> bool:
    """Whether sentence-split may put a missing space at ``at`` in ``text``, or
    right after a straight quote there (which this step may take for an opening
    quote, 'Aa|"Aa', and sentence-split for a closing one, 'Aa" Aa')."""
    missing_space = _case_regexes().missing_space
    if missing_space.match(text, at):
        return True
    return text.startswith(('"', "'"), at) and bool(missing_space.match(text, at + 1))


def _word_count(piece: str) -> int:
    """Words with a letter; a caseless-script word counts one per two letters.

    Numbers are not words here: "0. Aa" is not a two-word headline.
    """
    words = [word for word in _words(piece) if _LETTER.search(word)]
    uncased = _case_regexes().uncased
    if uncased.search(piece) is None:
        return len(words)
    count = 0
    for word in words:
        caseless = len(uncased.findall(word))
        count += max(1, (caseless + 1) // 2)
    return count


def _is_sentence(piece: str) -> bool:
    """Ends with one period after a lowercase word: how article sentences end."""
    return (
        piece.endswith(".")
        and not piece.endswith("..")
        and len(piece) >= 2
        and piece[-2].islower()
    )


def _is_prose(piece: str, words: int) -> bool:
    """A piece of article text: too many words, or a plain sentence."""
    if words > _MAX_WORDS:
        return True
    return _is_sentence(piece) and words >= 10 and _capital_share(piece) < 0.34


def _capital_share(piece: str) -> float:
    """Share of the cased words that start with a capital: high in Title Case."""
    cased = [w for w in _words(piece) if any(ch.isupper() or ch.islower() for ch in w)]
    if not cased:
        return 1.0
    capitals = sum(1 for w in cased if next(ch for ch in w if ch.isalpha()).isupper())
    return capitals / len(cased)


class _Piece(NamedTuple):
    start: int
    end: int
    rule: str  # how the piece ends


def _pieces(
    text: str, span: tuple[int, int], evidence: _Evidence, end_rule: str, longest: int
) -> Iterator[_Piece]:
    """The pieces of the run, lazily: reading stops when the run does."""
    start, end = span
    at = start
    splitter = _Splitter(text, start, end, evidence, longest)
    for cut in splitter.cuts():
        yield _Piece(at, cut.at, cut.rule)
        at = cut.at
    yield _Piece(at, end, end_rule)


def _headlines(text: str, pieces: Iterator[_Piece], options: Options) -> list[_Piece]:
    """The leading pieces that are headlines; the run ends at the first that is not."""
    taken: list[_Piece] = []
    carried: _Piece | None = None
    prose = False
    for next_piece in pieces:
        piece = next_piece
        if carried is not None:
            piece = _Piece(carried.start, piece.end, piece.rule)
            carried = None
        stripped = text[piece.start : piece.end].strip()
        words = _word_count(stripped)
        if words < options.min_headline_words:
            if piece.rule not in _WEAK_CUTS and not _missing_space_at(text, piece.end):
                break
            # A lone word cut off by a weak cut is half of an unknown name
            # ("Slash|Gear Reviews"): glue it back to what follows. So is one
            # cut off where sentence-split will put a space ("Dogs.|Cats"),
            # which a second run of the pipeline would find glued by the space.
            carried = piece
            continue
        if len(stripped) > options.max_headline_chars or _is_prose(stripped, words):
            prose = True
            break
        taken.append(piece)
        if len(taken) == options.max_items:
            break
    if prose:
        # Before article text, a sentence, or a sentence-case piece cut off it on
        # word evidence ("TNG50 is the latest simulation by the Illustris|TNG
        # Project, which ..."), is the start of the article's paragraph.
        while taken and _starts_paragraph(
            text[taken[-1].start : taken[-1].end], taken[-1].rule
        ):
            taken.pop()
    return taken


def _starts_paragraph(piece: str, rule: str) -> bool:
    piece = piece.strip()
    if _is_sentence(piece):
        return True
    return (
        rule in _WEAK_CUTS and _word_count(piece) >= 4 and _capital_share(piece) < 0.34
    )


# ----------------------------------------------------------------- blocks
def _at_line_end(text: str, pos: int) -> bool:
    return pos == len(text) or text.startswith(("\n", "\r\n"), pos)


def _line_end(text: str, start: int, stop: int) -> int:
    newline = text.find("\n", start, stop)
    if newline < 0:
        return stop
    return newline - 1 if newline > start and text[newline - 1] == "\r" else newline


def _read_block(
    text: str,
    label: _Label,
    bounds: tuple[int, int],
    evidence: _Evidence,
    options: Options,
) -> list[Change]:
    """The changes removing one block, or [] when no headline run follows the label.

    ``bounds`` are the end of the block before and the start of the label after.
    """
    floor, limit = bounds
    run_start = label.run_start
    if run_start is None or run_start >= limit:
        return []
    cap = run_start + (options.max_items + 1) * options.max_headline_chars
    end = _line_end(text, run_start, min(limit, cap))
    if end == len(text):
        end_rule = "text-end"
    elif _at_line_end(text, end):
        end_rule = "line-end"
    else:
        end_rule = "before-label" if end == limit else "run-end"
    span = (run_start, end)
    pieces = _pieces(text, span, evidence, end_rule, options.max_headline_chars)
    taken = _headlines(text, pieces, options)
    if len(taken) < options.min_items:
        return []
    block_end = taken[-1].end
    start = label.start
    if _at_line_end(text, block_end):
        while start > floor and text[start - 1] in _HORIZONTAL:
            start -= 1
    changes = [(start, run_start, "", "related-label")]
    changes += [(p.start, p.end, "", p.rule) for p in taken]
    return changes


def _close_gap(text: str, block: list[Change]) -> list[Change]:
    """Put a newline where removing the block would glue the text around it."""
    start, end = block[0][0], block[-1][1]
    glued_before = start > 0 and text[start - 1] != "\n"
    glued_after = not _at_line_end(text, end)
    if glued_before and glued_after:
        last_start, last_end, _, rule = block[-1]
        block[-1] = (last_start, last_end, "\n", rule)
    return block


def find_related_links(
    text: str, options: Options | None = None
) -> tuple[list[Change], list[str]]:
    """Find related-links blocks in ``text`` and split their glued headlines.

    Returns ``(changes, headlines)``: ``changes`` are sorted, non-overlapping
    ``(start, end, replacement, rule)`` tuples that remove each block from the text
    (one for the label, rule ``related-label``, then one per headline whose rule
    says how the headline's end was found, e.g. ``lower-upper`` or
    ``closing-quote``); the last one puts a newline back when text would otherwise
    be glued. ``headlines`` are the stripped headlines in order, each a substring of
    ``text``. Text without a label comes back with no changes.
    """
    options = options or Options()
    found = _labels(text, options)
    if all(label.run_start is None for label in found):
        return [], []  # no label has a run: nothing to read
    evidence = _Evidence(text, options, found)
    blocks: list[list[Change]] = []
    headlines: list[str] = []
    stacked: int | None = None  # start of labels right before this one
    labels = iter(found)
    current = next(labels, None)
    while current is not None:
        following = next(labels, None)
        limit = following.start if following is not None else len(text)
        floor = blocks[-1][-1][1] if blocks else 0
        block = _read_block(text, current, (floor, limit), evidence, options)
        if block:
            headlines += [text[start:end].strip() for start, end, _, _ in block[1:]]
            if stacked is not None:
                # "Related...READ MORE...": labels in a row go with the run.
                _, label_end, _, rule = block[0]
                block[0] = (stacked, label_end, "", rule)
            if blocks and blocks[-1][-1][1] == block[0][0]:
                blocks[-1] += block  # a block right after another: one block
            else:
                blocks.append(block)
            stacked = None
        elif current.run_start == limit:
            stacked = current.start if stacked is None else stacked
        else:
            stacked = None
        current = following
    changes = [change for block in blocks for change in _close_gap(text, block)]
    return changes, headlines


def split_related_links(
    doc: cleanpipe.Document, options: Options
) -> cleanpipe.Document:
    """Move the headlines glued after a related-links label to metadata."""
    changes, headlines = find_related_links(doc.text, options)
    return doc.apply(changes).with_metadata(related_links=headlines)


@cleanpipe.hookimpl
def cleanpipe_register_steps(register: cleanpipe.Register) -> None:
    register(
        "related-links",
        split_related_links,
        description="Split a glued run of related headlines after a label "
        "('Related...', 'Read more:') off the body, into metadata['related_links'].",
        options=Options,
    )
