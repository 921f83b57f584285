"""Invariants of the whole pipeline and of each built-in step, on any text."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import cleanpipe

STEPS = [*cleanpipe.DEFAULT_STEPS, "default"]

# Text shaped like a scraped page: words, glued sentences, chrome lines, URLs.
_word = st.sampled_from(
    [
        "the",
        "Kursk",
        "region",
        "UK",
        "More",
        "iPhone",
        "Related",
        "news",
        "Comments",
        "Putinâ€™s",
        "café",
        "2025",
        "https://t.co/x",
        "#Tag",
        "pic.twitter.com/E8",
        "뉴스",
        "“quoted”",
    ]
)
_sep = st.sampled_from([" ", " ", " ", ".", ". ", "\n", "\n\n", "...", "'", ", "])
page_like = st.lists(st.tuples(_word, _sep), max_size=60).map(
    lambda parts: "".join(w + s for w, s in parts)
)
any_text = st.one_of(st.text(), page_like)


@pytest.mark.parametrize("plugins", STEPS)
@given(text=any_text)
# sentence-split made "RELATED0. Aa", which related-links then took for a run.
@example(text="RELATED0.Aa")
# related-links cut "A.|Aa" into two one-word pieces; "A. Aa" is one headline.
@example(text="RELATEDA.Aa")
def test_never_raises_and_is_idempotent(plugins: str, text: str) -> None:
    once = cleanpipe.clean(text, plugins=plugins)
    assert cleanpipe.clean(once, plugins=plugins) == once


@pytest.mark.parametrize("plugins", STEPS)
@given(text=any_text)
def test_edits_replay_to_the_output(plugins: str, text: str) -> None:
    doc = cleanpipe.run(text, plugins=plugins)
    assert cleanpipe.replay(text, doc.edits) == doc.text


@given(text=any_text)
def test_sentence_split_only_adds_whitespace(text: str) -> None:
    doc = cleanpipe.run(text, plugins="sentence-split")
    assert all(e.before == "" and e.after.isspace() for e in doc.edits)


@pytest.mark.parametrize("plugins", [s for s in STEPS if s != "mojibake"])
@given(text=any_text)
def test_invents_no_word(plugins: str, text: str) -> None:
    # Steps repair characters, split glued tokens and remove chrome: every
    # word of the output stands in the input, once its mojibake is repaired.
    source = cleanpipe.clean(text, plugins="mojibake") if plugins == "default" else text
    output = cleanpipe.clean(text, plugins=plugins)
    assert all(word in source for word in output.split())
