"""Tests of the header/footer step: rule tables on real page text, and properties."""

# Real page text is full of typographic quotes and dashes.

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanpipe_plugins.header_footer.blocks import normalize, split_blocks
from cleanpipe_plugins.header_footer.chrome import Change, Options, Result, find_chrome
from cleanpipe_plugins.header_footer.sites import SiteProfiles, site_key


def apply(text: str, changes: tuple[Change, ...]) -> str:
    out, pos = [], 0
    for start, end, replacement, _rule in changes:
        out += [text[pos:start], replacement]
        pos = end
    return "".join([*out, text[pos:]])


def clean(text: str, **options: object) -> str:
    return apply(text, find_chrome(text, Options(**options)).changes)  # type: ignore[arg-type]


def removed(result: Result, text: str) -> dict[str, list[str]]:
    """Removed text per rule, whitespace-normalized."""
    out: dict[str, list[str]] = {}
    for start, end, _replacement, rule in result.changes:
        out.setdefault(rule, []).append(" ".join(text[start:end].split()))
    return out


# The seed page (shortened): a scraped news page with a logo line, a trending bar,
# blocks run together by get_text(), an embedded tweet, related links, a footer.
SEED = (
    "cupure logo\n"
    "israeldaytrumpindiairanfathersairfathers dayminnesotacrash\n\n"
    "More Than Half Of North Korean Troops Sent To Russia Injured Or Killed, UK Says"
    "\n\n"
    "Russian Defence Ministry image of a Russian soldier fires a gun toward a "
    "Ukrainian position in the Russian-Ukrainian border area in the Kursk region."
    "More than half of the North Korean troops sent to fight on Vladimir Putin’s "
    "behalf in Russia have been injured or killed, according to the UK."
    "North Korea’s leader Kim Jong Un signed a mutual defence pact with the Russian "
    "president last year, meaning they would each send troops to the other if "
    "attacked by a third party."
    "Ukrainian troops launched a surprise incursion across the Russian border last "
    "August, an act of retaliation years after Putin first invaded Ukraine."
    "So North Korean soldiers were deployed to the Russian region of Kursk to fight "
    "alongside the Russians."
    "The MoD previously warned: “The two forces do not share a common language and "
    "DPRK troops almost certainly have difficulties integrating into Russia’s "
    "command and control structure.”"
    "Latest Defence Intelligence update on the situation in Ukraine - June 15 2025."
    "Find out more about Defence Intelligence's use of language: "
    "https://t.co/1vB3QSA41N#StandWithUkraine 🇺🇦 pic.twitter.com/E8DnAa64eZ— "
    "Ministry of Defence 🇬🇧 (@DefenceHQ) June 15, 2025"
    "The update comes amid ongoing attempts by the US to broker a peace deal between "
    "Russia and Ukraine in a bid to end the war, which began in 2022."
    "Related...Trump Uses 1 Rather Bizarre Word As He Ponders Why 'Everyone Hates "
    "Russia'Russian Forces Have Sustained A Million Losses In Ukraine War, UK Says"
    "Putin Ambassador Accuses UK Of Helping Ukraine Attack Russia – And Comes Up "
    "With A Bizarre British Motive\n\n"
    "Comments\n\n"
    "Breaking news"
)
SEED_TITLE = (
    "More Than Half Of North Korean Troops Sent To Russia Injured Or Killed, UK Says"
)

PROSE = [
    (
        "The council voted on Tuesday to expand the bus network, adding three routes "
        "that will serve the northern suburbs from next spring."
    ),
    (
        "Officials said the plan would cost about $12 million, most of it paid by a "
        "state grant, and that fares would not rise this year."
    ),
    (
        "Residents who spoke at the meeting were mostly in favour, although some asked "
        "why the new routes would not run on Sundays."
    ),
    (
        "The transport director said weekend service would be reviewed once the first "
        "six months of ridership figures are in."
    ),
]
ARTICLE = "\n\n".join(PROSE)
NAV = "Home\nNews\nSport\nWeather\nBusiness\nCulture\nSign in\nSubscribe\n"
FOOTER = "\nMost Popular\nAbout us\nContact us\nPrivacy Policy\n© 2019 Example Media"


def test_seed_keeps_title_and_every_body_sentence() -> None:
    result = find_chrome(SEED)
    out = apply(SEED, result.changes)
    assert result.article_found
    assert out.startswith(SEED_TITLE + "\n")
    body = SEED[SEED.index("Russian Defence") : SEED.index("Related...")]
    assert body in out
    assert "cupure logo" not in out
    assert "israelday" not in out
    assert "Comments" not in out
    assert "Breaking news" not in out
    assert "Bizarre" not in out


def test_seed_rules() -> None:
    result = find_chrome(SEED)
    by_rule = removed(result, SEED)
    assert by_rule["before-article"] == [
        "cupure logo israeldaytrumpindiairanfathersairfathers dayminnesotacrash"
    ]
    assert by_rule["after-article"][0].startswith("Related...Trump Uses")
    assert by_rule["after-article"][0].endswith("Comments Breaking news")


@pytest.mark.parametrize(
    ("page", "gone", "rule"),
    [
        # Navigation and a footer around an article, a line per block.
        (NAV + "\n" + ARTICLE + "\n" + FOOTER, "Weather", "before-article"),
        (NAV + "\n" + ARTICLE + "\n" + FOOTER, "Example Media", "after-article"),
        # The same, glued by get_text().
        (
            NAV.replace("\n", "") + ARTICLE.replace("\n\n", ""),
            "Weather",
            "before-article",
        ),
        # A label between two paragraphs, on its own line and glued.
        (
            PROSE[0] + "\nAdvertisement\n" + PROSE[1] + "\n" + PROSE[2],
            "Advert",
            "inline-chrome",
        ),
        (PROSE[0] + "Advertisement" + PROSE[1] + PROSE[2], "Advert", "inline-chrome"),
        (
            PROSE[0] + "\nShare this article\n" + PROSE[1] + PROSE[2],
            "Share",
            "inline-chrome",
        ),
        # Labels in other languages.
        (PROSE[0] + "\nLeia também\n" + PROSE[1] + PROSE[2], "Leia", "inline-chrome"),
        (
            PROSE[0] + "\nPubblicità\n" + PROSE[1] + PROSE[2],
            "Pubblicit",
            "inline-chrome",
        ),
        (PROSE[0] + "\nBaca juga\n" + PROSE[1] + PROSE[2], "Baca", "inline-chrome"),
        (PROSE[0] + "\n광고\n" + PROSE[1] + PROSE[2], "광고", "inline-chrome"),
        # Other stories' headlines after a section label.
        (
            ARTICLE + "\nRelated stories\nMayor Opens New Library Wing\n"
            "City Council Approves Budget For Parks\nLocal Team Wins Title",
            "Mayor Opens",
            "after-article",
        ),
        # A truncated teaser after the article.
        (
            ARTICLE + "\nMore from the city desk\nThe mayor said the library would "
            "open its new wing in May after a long delay caused by...",
            "library",
            "after-article",
        ),
    ],
)
def test_chrome_is_removed(page: str, gone: str, rule: str) -> None:
    result = find_chrome(page)
    out = apply(page, result.changes)
    assert gone not in out
    assert any(gone in text for text in removed(result, page).get(rule, []))
    for paragraph in PROSE[:3]:
        assert paragraph in out


def test_comment_section_ends_the_article() -> None:
    comments = "".join(
        f"\nreader{n}\n{n + 1}:0{n} pm\n" + PROSE[n % 4].replace("council", "club")
        for n in range(6)
    )
    page = ARTICLE + "\n12 Comments" + comments
    out = clean(page)
    assert out.rstrip().endswith(PROSE[-1])


def test_comments_button_under_the_headline_does_not_end_the_article() -> None:
    page = "City expands its bus network\nComment\n" + ARTICLE
    assert ARTICLE in clean(page)


@pytest.mark.parametrize(
    "page",
    [
        # Prose only: nothing to remove.
        ARTICLE,
        PROSE[0] + PROSE[1] + PROSE[2],
        # An article that discusses a privacy policy and copyright.
        ARTICLE + "\n\nThe company said its privacy policy had been updated to "
        "explain how personal data is shared with advertisers.",
        # Names glued by design stay whole ("MacBook", "YouTube").
        "The new MacBook Pro has a redesigned keyboard, and YouTube said the video "
        "was watched a million times in a day. " + ARTICLE,
        # A list-only page has no article: left alone.
        NAV + "Weather\nTraffic\nObituaries\n",
        "",
        "\n\n  \n",
    ],
)
def test_no_chrome_no_change(page: str) -> None:
    assert clean(page) == page


def test_no_article_is_reported() -> None:
    result = find_chrome(NAV)
    assert result == Result(changes=(), article_found=False, article=None)


def test_article_span() -> None:
    page = NAV + ARTICLE + FOOTER
    result = find_chrome(page)
    assert result.article is not None
    assert page[slice(*result.article)] == ARTICLE


def test_title_from_the_html_title_line() -> None:
    page = (
        "City expands its bus network - Example News\nHome\nNews\n"
        "City expands its bus network\nBy Jane Doe\nNov 19, 2019\nShare\n" + ARTICLE
    )
    out = clean(page)
    assert out.startswith("City expands its bus network\n")
    assert "Jane Doe" not in out


def test_keep_title_off() -> None:
    page = "Home\nCity expands its bus network\n" + ARTICLE
    assert clean(page, keep_title=False) == ARTICLE


def test_extra_chrome_and_keep_phrases() -> None:
    page = PROSE[0] + "\nGet the Daily Bulletin\n" + PROSE[1] + "\n" + PROSE[2]
    assert "Bulletin" in clean(page)
    assert "Bulletin" not in clean(page, extra_chrome={"Get the daily bulletin"})
    labelled = PROSE[0] + "\nRead more\n" + PROSE[1] + "\n" + PROSE[2]
    assert "Read more" in clean(labelled, keep_phrases={"read more"})


def test_glued_removal_leaves_a_line_break() -> None:
    page = PROSE[0] + "Advertisement" + PROSE[1] + PROSE[2]
    result = find_chrome(page)
    assert result.changes == (
        (len(PROSE[0]), len(PROSE[0]) + len("Advertisement"), "\n", "inline-chrome"),
    )


def test_site_chrome() -> None:
    page = PROSE[0] + "\nWeekly Digest\n" + PROSE[1] + "\n" + PROSE[2]
    result = find_chrome(page, site_chrome={"weekly digest"})
    assert removed(result, page) == {"site-chrome": ["Weekly Digest"]}
    # A repeated line that reads as a sentence is kept.
    assert find_chrome(page, site_chrome={normalize(PROSE[1])}).changes == (
        find_chrome(page).changes
    )


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        ("Kursk region.More than half", ["Kursk region.", "More than half"]),
        ("Jong Un.”It’s also", ["Jong Un.”", "It’s also"]),
        (
            "Mr. Smith met U.S. Army staff. Then",
            ["Mr. Smith met U.S. Army staff.", "Then"],
        ),
        ("Home\n\nNews  Sport", ["Home", "News", "Sport"]),
        ("Related...Trump Uses", ["Related...", "Trump Uses"]),
        ("안녕하세요. 반갑습니다.", ["안녕하세요.", "반갑습니다."]),
        ("区域。更多", ["区域。", "更多"]),
    ],
)
def test_split_blocks(text: str, blocks: list[str]) -> None:
    assert [b.text for b in split_blocks(text)] == blocks


def test_glue_off_keeps_glued_blocks_whole() -> None:
    assert [b.text for b in split_blocks("region.More", glue=False)] == ["region.More"]


def test_menus_run_together_are_cut() -> None:
    page = "BusinessCultureGearIdeasScienceSecurity\n" + ARTICLE
    result = find_chrome(page)
    assert removed(result, page) == {
        "before-article": ["BusinessCultureGearIdeasScienceSecurity"]
    }


@pytest.mark.parametrize(
    ("field", "value"),
    [("block_penalty", 0), ("min_lower_share", 1.5), ("min_prose_words", 0)],
)
def test_options_are_validated(field: str, value: float) -> None:
    with pytest.raises(ValueError, match=field):
        Options(**{field: value})  # type: ignore[arg-type]


def test_phrases_must_be_a_collection() -> None:
    with pytest.raises(TypeError, match="collection"):
        Options(extra_chrome="Get the Daily Bulletin")


# ---------------------------------------------------------------- site profiles


def test_site_key() -> None:
    assert site_key("https://www.Example.com/a/b?c=1") == "example.com"
    assert site_key("not a url") == ""


def test_profiles_learn_lines_repeated_on_a_site() -> None:
    profiles = SiteProfiles()
    for paragraph in PROSE[:3]:
        profiles.add("example.com", NAV + paragraph)
    profiles.add("other.org", NAV)
    assert profiles.pages("example.com") == 3
    assert "weather" in profiles.chrome("example.com")
    assert normalize(PROSE[0]) not in profiles.chrome("example.com")
    assert profiles.chrome("other.org") == frozenset()
    assert profiles.chrome("unknown.net") == frozenset()


def test_profiles_round_trip(tmp_path: Path) -> None:
    profiles = SiteProfiles(min_share=0.6)
    profiles.add("example.com", NAV + PROSE[0])
    profiles.add("example.com", NAV + PROSE[1])
    path = tmp_path / "profiles.json"
    profiles.save(path)
    loaded = SiteProfiles.load(path)
    assert loaded.min_share == 0.6
    assert loaded.chrome("example.com") == profiles.chrome("example.com")
    assert loaded.pages("example.com") == 2


@pytest.mark.parametrize(
    "content",
    [
        "[]",
        json.dumps({"format": "other"}),
        json.dumps({"format": "cleanpipe.header_footer.site_profiles", "version": 9}),
        json.dumps({"format": "cleanpipe.header_footer.site_profiles", "version": 1}),
    ],
)
def test_profiles_load_rejects_other_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.json"):
        SiteProfiles.load(path)


# ---------------------------------------------------------------- properties

WORDS = st.sampled_from(
    [
        *("the", "of", "and", "a", "to", "in", "is", "was", "said", "council"),
        *("city", "new", "bus", "route", "plan", "year", "Home", "News", "Sport"),
        *("Share", "Comments", "Advertisement", "Related", "Read", "more", "12:30"),
        *("2019", "MacBook", "region.More", "Privacy", "©", "Subscribe»."),
    ]
)
BLOCKS = st.one_of(
    st.sampled_from(PROSE),
    st.lists(WORDS, min_size=1, max_size=12).map(" ".join),
    st.sampled_from(
        ["Advertisement", "Comments", "Share", "Related stories", "© 2019"]
    ),
)
PAGES = st.builds(
    lambda blocks, sep: sep.join(blocks),
    st.lists(BLOCKS, max_size=25),
    st.sampled_from(["\n", "\n\n", "", " ", "\u00a0\u00a0"]),
)
TEXTS = st.one_of(PAGES, st.text(max_size=300))


def _check_changes(text: str, result: Result) -> None:
    pos = 0
    for start, end, replacement, rule in result.changes:
        assert pos <= start < end <= len(text)
        assert replacement in ("", "\n", "\n\n")
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule)
        pos = end


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_never_raises_and_changes_are_well_formed(text: str) -> None:
    result = find_chrome(text)
    _check_changes(text, result)
    if result.article is None:
        assert result.changes == ()
        assert not result.article_found
    else:
        assert result.article_found
        assert 0 <= result.article[0] < result.article[1] <= len(text)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_nothing_invented(text: str) -> None:
    """Every output line is an input line or a part of one, in order."""
    out = clean(text)
    pos = 0
    for line in out.split("\n"):
        if line.strip():
            found = text.find(line, pos)
            assert found >= 0
            pos = found + len(line)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_idempotent(text: str) -> None:
    once = clean(text)
    assert clean(once) == once


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(PROSE), min_size=2, max_size=8),
    st.sampled_from(["\n", "\n\n", ""]),
)
def test_prose_only_is_unchanged(paragraphs: list[str], sep: str) -> None:
    text = sep.join(paragraphs)
    assert clean(text) == text
