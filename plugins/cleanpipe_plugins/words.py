"""Word frequencies for the built-in steps: wordfreq's numbers, read fast.

:func:`zipf` returns exactly what ``wordfreq.zipf_frequency(word, lang)``
returns.  Importing wordfreq costs about 0.12 s (langcodes, regex, ...; ftfy
is already loaded) and its first look-up 0.22 s more (a dict of its 321,000
English words, built word by word), which every ``cleanpipe run`` process paid
before its first document; reading the list here takes about 0.12 s.

Most words the steps look up are plain: lower-case letters of the Latin,
Greek and Cyrillic blocks and ASCII digits (``saysputin``, ``2019the``).
wordfreq's tokenizer provably leaves such a word as it is, one token, in every
language of :data:`_FAST_LANGUAGES` (tests/test_words.py checks each premise
against wordfreq's own code), so its frequency is read here from wordfreq's
packaged word list, with wordfreq's arithmetic.  Any other word or language is
handed to wordfreq itself, imported on first need.
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import itertools
import math
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import msgpack

__all__ = ["languages", "zipf"]

# Languages whose word lists are read here.  wordfreq tokenizes each with its
# plain regex tokenizer, without transliteration; left out: ja and ko (MeCab),
# zh (jieba, and simplified lookup), sh (Serbian transliteration).  Their other
# preprocessing (NFKC, Turkish dotted i, Arabic marks, s/t with cedillas or
# commas) leaves a plain word as it is, given :func:`_plain_letters`.
_FAST_LANGUAGES: Final = frozenset(
    {
        *("ar", "bg", "bn", "ca", "cs", "da", "de", "el", "en", "es", "fa", "fi"),
        *("fil", "fr", "he", "hi", "hu", "id", "is", "it", "lt", "lv", "mk", "ms"),
        *("nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sv", "ta", "tr", "uk"),
        *("ur", "vi"),
    }
)


def _plain_letters() -> str:
    """The letters of a plain word: wordfreq's preprocessing keeps each as it is.

    Lower-case letters (``Ll``: word-break class ALetter, so a run of them and
    of digits is one token) of the Latin, Greek and Cyrillic blocks that case
    folding and NFKC keep, except s and t with a cedilla or a comma below,
    which wordfreq swaps in Romanian and Turkish.
    """
    blocks = itertools.chain(range(0xC0, 0x500), range(0x1E00, 0x1F00))
    return "".join(
        c
        for c in map(chr, blocks)
        if unicodedata.category(c) == "Ll"
        and c.casefold() == c
        and unicodedata.normalize("NFKC", c) == c
        and c not in "şţșț"
    )


# Empty included: wordfreq finds no token in it and returns its floor, as for
# an unknown word.
_PLAIN_WORD: Final = re.compile(f"[0-9a-z{_plain_letters()}]*")
_DIGIT_RUN: Final = re.compile(r"[0-9]{2,}")


def _log10(x: float) -> float:
    """wordfreq's logarithm: ``math.log(x, 10)``, which is not ``math.log10(x)``.

    ``log(x) / log(10)`` can differ from ``log10(x)`` in the last bit, and
    wordfreq rounds the result: the same call gives the same numbers.
    """
    return math.log(x, 10)  # noqa: FURB163


# wordfreq.zipf_frequency(minimum=0.0) looks words up with this frequency floor.
_MINIMUM: Final = 10**0.0 / 1e9
# A word not in the list gets the floor as it is (no rounding to 3 digits).
_UNKNOWN_ZIPF: Final = round(_log10(_MINIMUM) + 9, 2)


# One bounded cache for both steps: words ("you", "tube") recur page after page.
@functools.lru_cache(maxsize=1 << 16)
def zipf(word: str, lang: str) -> float:
    """``wordfreq.zipf_frequency(word, lang)``, read from the word list if plain."""
    if lang in _FAST_LANGUAGES and _PLAIN_WORD.fullmatch(word):
        word_list = _word_list(lang)
        if word_list is not None:
            return word_list.zipf(word)
    return _wordfreq_zipf(word, lang)


def _wordfreq_zipf(word: str, lang: str) -> float:
    """Ask wordfreq itself: a word or a language not read here."""
    import wordfreq  # about 0.12 s, then 0.22 s for its first look-up

    return float(wordfreq.zipf_frequency(word, lang))


@functools.cache
def _word_list(lang: str) -> _WordList | None:
    """``lang``'s word list, read on its first look-up; None if not found.

    A list this module cannot read (another wordfreq's format) is left to
    wordfreq too: slower, never wrong.
    """
    path = _word_list_path(lang)
    if path is None:
        return None
    try:
        return _WordList(path)
    except (OSError, ValueError, TypeError, IndexError, msgpack.UnpackException):
        return None


def _word_list_path(lang: str) -> Path | None:
    """wordfreq's "best" list for ``lang``: the large one where there is one."""
    data = _data_dir()
    for size in ("large", "small"):
        path = data / f"{size}_{lang}.msgpack.gz"
        if path.is_file():
            return path
    return None


@functools.cache
def languages() -> frozenset[str]:
    """The languages wordfreq has a word list for (its ``available_languages()``)."""
    names = (path.name.split(".")[0] for path in _data_dir().glob("*.msgpack.gz"))
    return frozenset(
        name.split("_")[1] for name in names if name.startswith(("small_", "large_"))
    )


@functools.cache
def _data_dir() -> Path:
    """wordfreq's data folder, found without importing wordfreq."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("wordfreq is not installed", name="wordfreq")
    return Path(next(iter(spec.submodule_search_locations)), "data")


class _WordList:
    """A wordfreq word list: the centibel bucket of each word.

    The file (wordfreq's ``read_cBpack``) is gzipped msgpack: a header, then one
    list of words per centibel; the words of list ``i`` have frequency
    ``10 ** (-i / 100)``.

    The words go into a few dicts (word -> bucket) of about
    :data:`WORDS_PER_DICT` words each, not into one: one dict of the 321,000
    English words takes about 0.15 s to build (as long as wordfreq's own loop),
    its 5 MB table missing the CPU cache at each word; sixteen dicts small
    enough for the cache take half as long.  A look-up asks each in turn, about
    10 us for a word in none.
    """

    WORDS_PER_DICT: Final = 20_000

    def __init__(self, path: Path) -> None:
        data = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
        header, buckets = data[0], data[1:]
        if header != {"format": "cB", "version": 1}:
            raise ValueError(f"{path}: unexpected header {header!r}")
        # The last dict first: where a word is listed twice, the later bucket
        # wins, as in wordfreq's get_frequency_dict.
        self._dicts = list(_dicts(buckets, self.WORDS_PER_DICT))[::-1]
        self._zipfs = [_zipf_of(_bucket_freq(i)) for i in range(len(buckets))]

    def zipf(self, word: str) -> float:
        """The Zipf frequency of a plain word (see :data:`_PLAIN_WORD`)."""
        smashed = _DIGIT_RUN.sub(_zeroes, word)
        index = self._bucket(smashed)
        if index is None:
            return _UNKNOWN_ZIPF
        if smashed == word:
            return self._zipfs[index]
        # wordfreq lists numbers as zeroes ("0000s") and spreads the frequency
        # over the digits it stands for.
        return _zipf_of(_bucket_freq(index) * _digit_freq(word))

    def _bucket(self, word: str) -> int | None:
        """The index of the bucket that lists ``word``; None if none does."""
        for bucket_of in self._dicts:
            index = bucket_of.get(word)
            if index is not None:
                return index
        return None


def _dicts(buckets: list[list[str]], size: int) -> Iterator[dict[str, int]]:
    """Each word with its bucket index, in dicts of consecutive buckets.

    A dict closes once it holds ``size`` words; within one, a later bucket
    wins.  Built by C loops (``dict.fromkeys``), not a Python step a word.
    """
    bucket_of: dict[str, int] = {}
    for index, words in enumerate(buckets):
        bucket_of.update(dict.fromkeys(words, index))
        if len(bucket_of) >= size:
            yield bucket_of
            bucket_of = {}
    if bucket_of:
        yield bucket_of


def _bucket_freq(index: int) -> float:
    """wordfreq's ``cB_to_freq(-index)``: the frequency of bucket ``index``."""
    return 10 ** (-index / 100)


def _zipf_of(freq: float) -> float:
    """wordfreq's ``zipf_frequency`` of a one-token word of frequency ``freq``.

    Same operations in the same order (``_word_frequency``): the combination
    ``1 / (1 / f)`` of one token, the floor, three significant digits, then the
    Zipf scale to two decimals.
    """
    one_over_result = 0.0
    one_over_result += 1.0 / freq
    unrounded = max(1.0 / one_over_result, _MINIMUM)
    leading_zeroes = math.floor(-_log10(unrounded))
    return round(_log10(round(unrounded, leading_zeroes + 3)) + 9, 2)


def _zeroes(match: re.Match[str]) -> str:
    """wordfreq's ``smash_numbers``: a run of two or more digits as zeroes."""
    return "0" * len(match[0])


def _digit_freq(word: str) -> float:
    """wordfreq's ``digit_freq``: how likely the digits of each run are."""
    freq = 1.0
    for digits in _DIGIT_RUN.findall(word):
        freq *= _year_freq(digits) if len(digits) == 4 else _benford_freq(digits)
    return freq


# wordfreq's DIGIT_FREQS: how often a number starts with 0, 1, ..., 9.
_DIGIT_FREQS: Final = (
    0.009,
    0.300,
    0.175,
    0.124,
    0.096,
    0.078,
    0.066,
    0.057,
    0.050,
    0.045,
)


def _benford_freq(digits: str) -> float:
    """wordfreq's ``benford_freq``: Benford's law for the leading digit."""
    scale: int = 10 ** (len(digits) - 1)
    return _DIGIT_FREQS[int(digits[0])] / scale


def _year_freq(digits: str) -> float:
    """wordfreq's ``year_freq``: four digits are often a year, most often 2019-2039."""
    year = int(digits)
    if year <= 2019:
        year_log_freq = -1.9185 - 0.0083 * (2019 - year)
    elif year <= 2019 + 20:
        year_log_freq = -1.9185
    else:
        year_log_freq = -1.9185 - 0.2 * (year - (2019 + 20))
    year_prob: float = 10.0**year_log_freq
    return year_prob + 0.1 * _benford_freq(digits)
