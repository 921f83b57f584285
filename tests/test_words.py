"""Tests for cleanpipe_plugins.words: exactly wordfreq's Zipf frequencies, faster.

Each premise of the fast path is checked against wordfreq itself: the languages
it serves, the words it serves (one token, left as they are), and its numbers
on samples of the word lists, on unknown words, on numbers and on any text.
"""

from __future__ import annotations

import gzip
import random
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import msgpack
import pytest
import regex
import wordfreq
from hypothesis import given
from hypothesis import strategies as st
from wordfreq.language_info import get_language_info
from wordfreq.tokens import lossy_tokenize

from cleanpipe_plugins import words
from cleanpipe_plugins.words import zipf

ROOT = Path(__file__).resolve().parent.parent
PLAIN_LETTERS = words._plain_letters()
# Languages of the samples: English (a large list, 321,000 words) and small
# lists (Russian's large one takes 0.8 s to read): Cyrillic (bg), Latin (da),
# Turkish dotted and dotless i and cedillas (tr).
SAMPLED = ("en", "bg", "da", "tr")


def outcome(lookup: Callable[[str, str], float], word: str, lang: str) -> object:
    """The value, or the kind of error: what a caller of ``lookup`` sees."""
    try:
        return lookup(word, lang)
    except Exception as error:  # noqa: BLE001 - compared, not swallowed
        return type(error)


def assert_as_wordfreq(sample: list[str], lang: str) -> None:
    """Every word of ``sample`` has wordfreq's Zipf frequency in ``lang``."""
    differ = [
        (w, zipf(w, lang), wordfreq.zipf_frequency(w, lang))
        for w in sample
        if zipf(w, lang) != wordfreq.zipf_frequency(w, lang)
    ]
    assert differ == []


def plain(sample: list[str]) -> list[str]:
    return [w for w in sample if words._PLAIN_WORD.fullmatch(w)]


def listed(lang: str) -> list[str]:
    return list(wordfreq.iter_wordlist(lang))


# ------------------------------------------------------------ the premises
def test_fast_languages_are_the_plain_regex_ones() -> None:
    """Every served language is tokenized by wordfreq's regex alone, unchanged."""
    for lang in words._FAST_LANGUAGES:
        info = get_language_info(lang)
        assert info["tokenizer"] == "regex", lang
        assert info["transliteration"] is None, lang
        assert info["lookup_transliteration"] is None, lang
    # ... and the others need a tokenizer or a transliteration of their own.
    others = set(wordfreq.available_languages()) - words._FAST_LANGUAGES
    assert others == {"ja", "ko", "zh", "sh"}
    for lang in others:
        info = get_language_info(lang)
        assert info["tokenizer"] != "regex" or info["transliteration"] is not None


def test_the_word_list_read_is_wordfreqs_best() -> None:
    best = wordfreq.available_languages()
    assert words.languages() == set(best)
    for lang in words._FAST_LANGUAGES:
        path = words._word_list_path(lang)
        assert path is not None
        assert path.samefile(best[lang]), lang


def test_a_plain_word_is_one_token_as_it_is() -> None:
    """wordfreq keeps a run of plain letters and digits as one unchanged token.

    A plain word is a string of these characters; per character, case folding
    and wordfreq's per-language maps keep them (the tokenize calls below); NFC
    and NFKC keep every pair (so every string); and Unicode word breaks never
    fall between two ALetter or Numeric characters (UAX #29, WB5 and WB8-10).
    """
    assert all(regex.fullmatch(r"\p{Word_Break=ALetter}", c) for c in PLAIN_LETTERS)
    assert regex.fullmatch(r"\p{Word_Break=Numeric}+", "0123456789")
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyz" + PLAIN_LETTERS
    assert len(set(alphabet)) == len(alphabet)
    pairs = "".join(a + b for a in alphabet for b in alphabet)
    assert unicodedata.is_normalized("NFC", pairs)
    assert unicodedata.is_normalized("NFKC", pairs)
    for lang in words._FAST_LANGUAGES:
        assert lossy_tokenize(alphabet, lang) == [alphabet], lang
    # Characters left out on purpose are not kept by some language.
    assert lossy_tokenize("ş", "ro") == ["ș"]
    assert lossy_tokenize("ß", "de") == ["ss"]


def test_looking_up_a_plain_word_does_not_import_wordfreq() -> None:
    code = (
        "import sys\n"
        "from cleanpipe_plugins.words import zipf\n"
        "assert zipf('the', 'en') == 7.73 and zipf('saysputin', 'en') == 0.0\n"
        "assert zipf('2019the', 'en') == 0.14\n"
        "assert 'wordfreq' not in sys.modules and 'langcodes' not in sys.modules\n"
    )
    paths = [str(ROOT / "core"), str(ROOT / "plugins")]
    env = {"PYTHONPATH": ":".join(paths)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


# ------------------------------------------------------------- the numbers
def test_every_bucket_of_the_english_list() -> None:
    """The first and last plain word of each centibel bucket."""
    buckets = wordfreq.get_frequency_list("en")
    sample = [w for b in buckets for w in {*plain(b[:1]), *plain(b[-1:])}]
    assert len(sample) > 500
    assert_as_wordfreq(sample, "en")


@pytest.mark.parametrize(
    ("lang", "size"), [("en", 20_000), *((x, 3_000) for x in SAMPLED[1:])]
)
def test_a_random_sample_of_the_word_list(lang: str, size: int) -> None:
    sample = random.Random(f"words-{lang}").sample(listed(lang), size)
    assert len(plain(sample)) > size * 0.7  # the fast path is what is tested
    assert_as_wordfreq(sample, lang)


@pytest.mark.parametrize("size", [1, 2, 10**9])
def test_a_word_listed_twice_takes_the_later_bucket(
    tmp_path: Path, size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As wordfreq's get_frequency_dict does, however the words are split in dicts."""
    buckets = [[], ["a", "the"], ["b"], ["a", "c"], []]
    path = tmp_path / "small_xx.msgpack.gz"
    header = {"format": "cB", "version": 1}
    path.write_bytes(gzip.compress(msgpack.packb([header, *buckets])))
    monkeypatch.setattr(words._WordList, "WORDS_PER_DICT", size)
    word_list = words._WordList(path)
    found = {w: word_list._bucket(w) for w in ("a", "the", "b", "c", "d")}
    assert found == {"a": 3, "the": 1, "b": 2, "c": 3, "d": None}


@pytest.mark.parametrize(
    "content",
    [
        b"not gzip",
        gzip.compress(b"\xc1"),
        gzip.compress(msgpack.packb([{"format": "cB", "version": 2}])),
    ],
    ids=["not-gzip", "not-msgpack", "another-format"],
)
def test_a_list_it_cannot_read_is_left_to_wordfreq(
    tmp_path: Path, content: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another wordfreq's format: the answers stay wordfreq's, only slower."""
    path = tmp_path / "large_en.msgpack.gz"
    path.write_bytes(content)
    monkeypatch.setattr(words, "_word_list_path", lambda lang: path)
    words._word_list.cache_clear()
    words.zipf.cache_clear()
    try:
        assert zipf("the", "en") == wordfreq.zipf_frequency("the", "en")
        assert words._word_list("en") is None
    finally:
        words._word_list.cache_clear()
        words.zipf.cache_clear()


def test_the_split_into_dicts_changes_no_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = words._word_list_path("da")
    assert path is not None
    monkeypatch.setattr(words._WordList, "WORDS_PER_DICT", 10**9)
    one = words._WordList(path)
    monkeypatch.setattr(words._WordList, "WORDS_PER_DICT", 1)
    per_bucket = words._WordList(path)
    assert len(one._dicts) == 1
    assert len(per_bucket._dicts) > 100
    rng = random.Random("dicts")
    sample = rng.sample(listed("da"), 2000) + [w + "q" for w in listed("da")[:500]]
    assert [one.zipf(w) for w in sample] == [per_bucket.zipf(w) for w in sample]


@pytest.mark.parametrize("lang", SAMPLED)
def test_words_not_in_the_list(lang: str) -> None:
    rng = random.Random(f"absent-{lang}")
    letters = "abcdefghijklmnopqrstuvwxyz" + PLAIN_LETTERS
    made_up = ["".join(rng.choices(letters, k=rng.randint(1, 12))) for _ in range(2000)]
    extended = [w + "q" for w in rng.sample(listed(lang), 1000)]
    sample = [*made_up, *extended, ""]
    known = set(listed(lang))
    assert sum(w not in known for w in sample) > 2500
    assert_as_wordfreq(sample, lang)


def test_numbers() -> None:
    """Digit runs: years, Benford's law, and words such as '1990s' or '2019the'."""
    rng = random.Random("digits")
    years = [f"{n:04}" for n in [*range(1800, 2100), *rng.sample(range(10_000), 300)]]
    runs = [
        "".join(rng.choices("0123456789", k=rng.randint(1, 30))) for _ in range(300)
    ]
    with_zeroes = [w for w in listed("en") if "00" in w]
    assert len(with_zeroes) > 500
    digits = [
        "".join(c if c != "0" else rng.choice("0123456789") for c in w)
        for w in rng.sample(with_zeroes, 1000)
    ]
    glued = ["2019the", "41the", "100delivering", "a1b2", "00", "4th", "1990s", "x00"]
    assert_as_wordfreq([*years, *runs, *with_zeroes, *digits, *glued], "en")
    assert_as_wordfreq(rng.sample(years, 100) + glued, "tr")


@pytest.mark.parametrize("lang", SAMPLED)
def test_words_wordfreq_itself_answers(lang: str) -> None:
    """Capitals, apostrophes, marks, other scripts: wordfreq's answer, as it is."""
    sample = [
        *("The", "SAID", "Don't", "don't", "l'arc", "it’s", "o'clock", "rock'n'roll"),
        *("straße", "STRASSE", "ΛΈΞΙΣ", "λέξις", "naïve", "nai\u0308ve", "ﬁne"),
        *("İstanbul", "istanbul", "ılık", "şi", "și", "țară", "ţară", "бензинamnesty"),
        *("東京", "ソニー", "서울", "كتاب", "כתב", "हिन्दी", "ไทย", "e-mail", "U.S."),
        *("covid-19", "1,000", "3.14", "١٢٣", "٣", "x²", "½", "🙂", "a b", " the "),
    ]
    for word in sample:
        assert outcome(zipf, word, lang) == outcome(wordfreq.zipf_frequency, word, lang)


@given(st.text(), st.sampled_from(SAMPLED))
def test_any_text(text: str, lang: str) -> None:
    assert outcome(zipf, text, lang) == outcome(wordfreq.zipf_frequency, text, lang)


PLAIN_TEXT = st.text(alphabet="0123456789abcdefghijklmnopqrstuvwxyz" + PLAIN_LETTERS)


@given(st.lists(PLAIN_TEXT | st.sampled_from(listed("en")[:5000]), max_size=3))
def test_plain_words_and_their_joins(parts: list[str]) -> None:
    word = "".join(parts)
    for lang in SAMPLED:
        assert zipf(word, lang) == wordfreq.zipf_frequency(word, lang)
