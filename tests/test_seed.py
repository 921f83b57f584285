"""The seed page through the default pipeline: what issues #2 and #3 ask of it."""

from __future__ import annotations

import pytest

import cleanpipe

RELATED = [
    "Trump Uses 1 Rather Bizarre Word As He Ponders Why 'Everyone Hates Russia'",
    "Russian Forces Have Sustained A Million Losses In Ukraine War, UK Says",
    (
        "Putin Ambassador Accuses UK Of Helping Ukraine Attack Russia – And Comes Up "
        "With A Bizarre British Motive"
    ),
]


@pytest.fixture(scope="module")
def seed_doc(seed_text: str) -> cleanpipe.Document:
    return cleanpipe.run(seed_text)


@pytest.mark.parametrize(
    "repaired",
    [
        "Kursk region. More than half",
        "according to the UK. North Korea",
        "region.” The British",
        "assaults”. North Korean",
        "June 15, 2025 The update comes",
        "https://t.co/1vB3QSA41N #StandWithUkraine",
    ],
)
def test_glued_sentences_are_split(seed_doc: cleanpipe.Document, repaired: str) -> None:
    assert repaired in seed_doc.text


@pytest.mark.parametrize(
    "intact", ["pic.twitter.com/E8DnAa64eZ", "Kim Jong Un", "Russian-Ukrainian"]
)
def test_what_was_right_stays(seed_doc: cleanpipe.Document, intact: str) -> None:
    assert intact in seed_doc.text


def test_related_links_are_split_off(seed_doc: cleanpipe.Document) -> None:
    assert seed_doc.metadata["related_links"] == RELATED
    for piece in ("Related", "Trump Uses", "Russian Forces Have", "Putin Ambassador"):
        assert piece not in seed_doc.text


def test_chrome_goes_and_the_article_stays(
    seed_doc: cleanpipe.Document, seed_text: str
) -> None:
    title = "More Than Half Of North Korean Troops Sent To Russia Injured Or Killed"
    assert seed_doc.text.startswith(title)
    for chrome in ("cupure logo", "israeldaytrumpindia", "Comments", "Breaking news"):
        assert chrome not in seed_doc.text
    assert seed_doc.text.endswith("which began in 2022.")
    removed = {r["text"] for r in seed_doc.metadata["header_footer"]["removed"]}
    assert any("cupure logo" in text for text in removed)
    assert cleanpipe.replay(seed_text, seed_doc.edits) == seed_doc.text
