"""Tests for the related-links step: split tables, block edges, options, properties."""

# Real titles carry curly quotes, dashes and Cyrillic on purpose.

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import cleanpipe
from cleanpipe_plugins import related_links as rl
from cleanpipe_plugins.related_links import (
    DEFAULT_LABELS,
    Change,
    Options,
    find_related_links,
)
from conftest import ROOT, SEED

DEV = ROOT / "benchmarks" / "data" / "related-links.jsonl"


def apply(text: str, changes: list[Change]) -> str:
    out, at = [], 0
    for start, end, replacement, _ in changes:
        out += [text[at:start], replacement]
        at = end
    return "".join(out) + text[at:]


def headlines(text: str, options: Options | None = None) -> list[str]:
    return find_related_links(text, options)[1]


# ----------------------------------------------------------------- glue points
# (rule, glued run after "Related...", the headlines it holds)
MUST_SPLIT = [
    (
        "lower-upper",
        (
            "Russian Forces Have Sustained A Million Losses In Ukraine War, UK Says"
            "Putin Ambassador Accuses UK Of Helping Ukraine Attack Russia"
        ),
        [
            "Russian Forces Have Sustained A Million Losses In Ukraine War, UK Says",
            "Putin Ambassador Accuses UK Of Helping Ukraine Attack Russia",
        ],
    ),
    (
        "closing-quote",
        (
            "Trump Uses 1 Rather Bizarre Word As He Ponders Why 'Everyone Hates Russia'"
            "Russian Forces Have Sustained A Million Losses"
        ),
        [
            (
                "Trump Uses 1 Rather Bizarre Word As He Ponders Why "
                "'Everyone Hates Russia'"
            ),
            "Russian Forces Have Sustained A Million Losses",
        ],
    ),
    (
        "closing-quote",
        (
            "Tim Cook On Apple Being ‘Pulled Into The Enterprise’Chinese hunter catches "
            "bubonic plague"
        ),
        [
            "Tim Cook On Apple Being ‘Pulled Into The Enterprise’",
            "Chinese hunter catches bubonic plague",
        ],
    ),
    (
        "opening-quote",
        (
            "'Meth. We're On It': South Dakota campaign is working Kristi Noem says"
            "'We had some issues,' exec says on Disney+ glitches"
        ),
        [
            "'Meth. We're On It': South Dakota campaign is working Kristi Noem says",
            "'We had some issues,' exec says on Disney+ glitches",
        ],
    ),
    (
        "punct-upper",
        (
            "Does Marie Yovanovitch Have a Net Worth of $17 Million?Apple Stops Signing "
            "iOS 13.2"
        ),
        [
            "Does Marie Yovanovitch Have a Net Worth of $17 Million?",
            "Apple Stops Signing iOS 13.2",
        ],
    ),
    (
        "punct-upper",
        "Só quem se Ama...New York man pleads guilty to threatening to kill Omar",
        ["Só quem se Ama...", "New York man pleads guilty to threatening to kill Omar"],
    ),
    (
        "letter-digit",
        (
            "Hibernating astronauts would need smaller spacecraft13-Inch MacBook Pro "
            "With Scissor Keyboard"
        ),
        [
            "Hibernating astronauts would need smaller spacecraft",
            "13-Inch MacBook Pro With Scissor Keyboard",
        ],
    ),
    (
        "digit-upper",
        "Calendário Stock Car 2018Classificação NASCAR",
        ["Calendário Stock Car 2018", "Classificação NASCAR"],
    ),
    (
        "digit-upper",
        "Expected in First Half of 2020A Man Develops 'Feather-Duvet Lung'",
        ["Expected in First Half of 2020", "A Man Develops 'Feather-Duvet Lung'"],
    ),
    (
        "acronym-word",
        "PUTTING A PRICE TAG ON LIFEChinese hunter catches bubonic plague",
        ["PUTTING A PRICE TAG ON LIFE", "Chinese hunter catches bubonic plague"],
    ),
    (
        "caps-digit",
        "A TALE OF ONE CITY3 Cows Swept Out to Sea by Hurricane Dorian",
        ["A TALE OF ONE CITY", "3 Cows Swept Out to Sea by Hurricane Dorian"],
    ),
    (
        "script-change",
        (
            "New York State Attorney General reportedly investigating WeWork"
            "엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유"
        ),
        [
            "New York State Attorney General reportedly investigating WeWork",
            "엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유",
        ],
    ),
    (
        "script-change",
        (
            "악녀의 덫에 걸린 이유리, 의외로 막장극 어울리는 남상미"
            "Star Trek 4 eyes Fargo, Legion creator Noah Hawley to direct"
        ),
        [
            "악녀의 덫에 걸린 이유리, 의외로 막장극 어울리는 남상미",
            "Star Trek 4 eyes Fargo, Legion creator Noah Hawley to direct",
        ],
    ),
    (
        "bracket",
        (
            "Son of former German president stabbed to death in Berlin"
            "[The Palace: Tale of Jang Noksu] More Reviews from KLOOK Visitors!"
        ),
        [
            "Son of former German president stabbed to death in Berlin",
            "[The Palace: Tale of Jang Noksu] More Reviews from KLOOK Visitors!",
        ],
    ),
    (
        "symbol-upper",
        "A creative Korean dance with Korean tunes 🙂Happy Birthday Sushmita Sen",
        ["A creative Korean dance with Korean tunes 🙂", "Happy Birthday Sushmita Sen"],
    ),
    (
        "dash-upper",
        "Previous Auto News -Finally, A New Half Life Game Is Coming Out?!",
        ["Previous Auto News -", "Finally, A New Half Life Game Is Coming Out?!"],
    ),
    (
        "lower-upper",  # "callin" is in word lists, but not common enough
        "Speaking to someone on a video callIn the Works: a new studio",
        ["Speaking to someone on a video call", "In the Works: a new studio"],
    ),
    (
        "year-number",
        "Calendário Stock Car 201813-Inch MacBook Pro With Scissor Keyboard",
        ["Calendário Stock Car 2018", "13-Inch MacBook Pro With Scissor Keyboard"],
    ),
    (
        "letter-digit",
        "Saraki, Melaye Drag IGP Idris to Court, Demand N500m13-Inch MacBook Pro",
        ["Saraki, Melaye Drag IGP Idris to Court, Demand N500m", "13-Inch MacBook Pro"],
    ),
    (
        "lower-upper",  # the glue sits before the "i" of a brand
        "Get our daily Entertainment newsletteriPad mini 5 review",
        ["Get our daily Entertainment newsletter", "iPad mini 5 review"],
    ),
]


@pytest.mark.parametrize(("rule", "run", "expected"), MUST_SPLIT)
def test_glue_point_is_cut(rule: str, run: str, expected: list[str]) -> None:
    changes, found = find_related_links("Related..." + run)
    assert found == expected
    assert rule in {change[3] for change in changes}


# Single headlines whose inner capitals, quotes, digits and scripts must survive.
MUST_KEEP = [
    "13-Inch MacBook Pro With Scissor Keyboard Expected in First Half of 2020",
    "MacBook sale at Amazon from $700, AirPods, more",
    "iPhone SE 2 and the new iPad Pro leak on YouTube",
    "McDonald's PlayStation deal shows LinkedIn and JavaScript skills",
    "New York State Attorney General reportedly investigating WeWork",
    "9to5Mac Gift Guide: What do you buy for the person who already has it?",
    "Native Ad Platform my6sense Names Mobile Marketing Pioneer",
    "What is the value of drugs that come to the U.S. border?",
    "New SUVs and electric vehicles highlight L.A. Auto Show",
    "Stadia Falls Short of 4K at Launch, Destiny 2 Runs at a Native 1080p",
    "2020 Audi e-tron Sportback revealed as electric 4-door coupe",
    "Opening Bell 11.18.19",
    "Shaquille O'Neill says he CAN'T GO OVER IT",
    "Column: The Gannett/GateHouse merger sends a dismal signal",
    "South Dakota doubles down on ‘Meth. We’re on it.’ They just might be.",
    "Fact Check: Is An 'Oxygen Bar' In Delhi Offering Fresh Air For Rs 300?",
    "Gov. DeSantis and Sen. McConnell meet LeBron",
    "Angus McFarquhar and Joost VanDerbeek win the cup",
    "엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유",
    "삼성SDS 주가 급등, LG전자 신제품 발표",
    "苹果公司发布新款iPhone并使用Windows系统测试",
    "Скайрим скорость бега как увеличить",
    "As VW ID.3 production begins, Volkswagen bets it all on an electric future",
    "Microsoft release Windows 10 20H1 Insider Preview Build 19028 to the Fast Ring",
    "Hwajeontae Dance (花前態舞) opens the festival",
    "TOYOTA RAV4 PRIME goes on sale",
    "Who wins the 1080p60 test on LinkedIn",
]


@pytest.mark.parametrize("headline", MUST_KEEP)
def test_headline_survives_whole(headline: str) -> None:
    assert headlines("Related..." + headline) == [headline]


# ----------------------------------------------------------------- blocks
@pytest.mark.skipif(not SEED.exists(), reason="seed document not available")
def test_seed_document() -> None:
    text = SEED.read_text(encoding="utf-8")
    changes, found = find_related_links(text)
    assert found == [
        "Trump Uses 1 Rather Bizarre Word As He Ponders Why 'Everyone Hates Russia'",
        "Russian Forces Have Sustained A Million Losses In Ukraine War, UK Says",
        (
            "Putin Ambassador Accuses UK Of Helping Ukraine Attack Russia – And Comes Up "
            "With A Bizarre British Motive"
        ),
    ]
    body = apply(text, changes)
    assert "Related..." not in body
    assert not any(headline[:30] in body for headline in found)
    assert "which began in 2022.\n" in body
    assert body.rstrip().endswith("Comments\n\nBreaking news")


NO_BLOCK = [
    "The two cases are related to each other, officials said.",
    "Read more about it in the report published on Monday.",
    "Armenia has been named the most popular destination among Russians.",
    "Trending topics on Monday included the election and the weather.",
    "We love it. Recommended products include the kettle and the toaster.",
    "READ MORE ON FOX BUSINESS BY CLICKING HERE",
    "Some are unrelated.Others are not.",
    "Related...",
    # A number is not a word: this is no two-word headline.
    "Related: 0. Aa",
    "Related: the two were seen together in Berlin last week.",
    (
        "Read MoreUS stock futures were last trading slightly positive during Asian "
        "trading hours after recording small losses earlier.A breakthrough in the "
        "US-China trade deal has remained just out of reach for quite some time."
    ),
    "Nothing to see here at all, just an ordinary paragraph of text.",
    "",
]


@pytest.mark.parametrize("text", NO_BLOCK)
def test_no_block_leaves_text_alone(text: str) -> None:
    assert find_related_links(text) == ([], [])


def test_run_stops_before_article_text() -> None:
    text = (
        "Supernova explosions changed the galaxies.Related: The 15 Weirdest Galaxies "
        "in Our UniverseAs their galaxies continued to flatten into well-ordered "
        "rotating disks, another phenomenon began to emerge, researchers said."
    )
    changes, found = find_related_links(text)
    assert found == ["The 15 Weirdest Galaxies in Our Universe"]
    assert apply(text, changes) == (
        "Supernova explosions changed the galaxies.\nAs their galaxies continued "
        "to flatten into well-ordered rotating disks, another phenomenon began to "
        "emerge, researchers said."
    )


def test_sentence_cut_off_the_article_stays() -> None:
    text = (
        "Related: From Big Bang to Present: Snapshots of Our Universe Through Time"
        "TNG50 is the latest simulation created by the IllustrisTNG Project, which "
        "aims to build a complete picture of how our universe evolved since the Big "
        "Bang by producing a large-scale universe simulation and many more words."
    )
    changes, found = find_related_links(text)
    assert found == ["From Big Bang to Present: Snapshots of Our Universe Through Time"]
    assert apply(text, changes).startswith("TNG50 is the latest simulation")


def test_lone_word_after_run_ends_it() -> None:
    text = "Body.Related...Putin Ambassador Accuses UK Of Helping UkraineComments"
    changes, found = find_related_links(text)
    assert found == ["Putin Ambassador Accuses UK Of Helping Ukraine"]
    assert apply(text, changes) == "Body.\nComments"


@pytest.mark.parametrize(
    ("glued", "headlines"),
    [
        ("Read more: Dogs.Cats\n", ["Dogs.Cats"]),
        ("Related: Watch.Trump Says He Will Run\n", ["Watch.Trump Says He Will Run"]),
        ("RELATED\u201cFoo\u201dBar", ["\u201cFoo\u201dBar"]),
        ("RELATEDAa)Aa", ["Aa)Aa"]),
        ('RELATEDAa"Aa', ['Aa"Aa']),
    ],
)
def test_a_missing_space_changes_no_run(glued: str, headlines: list[str]) -> None:
    # sentence-split puts the space in ("Dogs. Cats"): the run is the same
    # before and after it, so a second run of the pipeline finds nothing new.
    spaced = cleanpipe.clean(glued, plugins="sentence-split")
    assert spaced != glued
    assert find_related_links(glued)[1] == headlines
    assert len(find_related_links(spaced)[1]) == len(headlines)


@pytest.mark.parametrize(
    "text",
    ["RELATEDA.Aa", "RELATEDAa\u2014DogsA\n", "RELATEDNissanhttp://x.y"],
)
def test_default_is_idempotent_where_a_space_is_missing(text: str) -> None:
    once = cleanpipe.clean(text)
    assert cleanpipe.clean(once) == once


def test_two_blocks_and_languages() -> None:
    text = (
        "Primeiro parágrafo.Leia também:Calendário Stock Car 2018Classificação NASCAR"
        "\nZweiter Absatz.Mehr zum ThemaJose Mourinho agrees deal to replace Pochettino"
        "\n두 번째.관련기사악녀의 덫에 걸린 이유리, 의외로 막장극 어울리는 남상미"
    )
    changes, found = find_related_links(text)
    assert found == [
        "Calendário Stock Car 2018",
        "Classificação NASCAR",
        "Jose Mourinho agrees deal to replace Pochettino",
        "악녀의 덫에 걸린 이유리, 의외로 막장극 어울리는 남상미",
    ]
    assert apply(text, changes) == "Primeiro parágrafo.\nZweiter Absatz.\n두 번째."


def test_changes_are_sorted_disjoint_and_named() -> None:
    text = "Intro.Related...Home Depot sales miss, shares plungeCPD arrests six\nEnd"
    changes, _ = find_related_links(text)
    assert [c[3] for c in changes] == ["related-label", "lower-upper", "line-end"]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(changes))
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", c[3]) for c in changes)


# ----------------------------------------------------------------- options
RUN = "Related:Home Depot sales miss, shares plungeThree Cases of Plague Diagnosed"
TWO = ["Home Depot sales miss, shares plunge", "Three Cases of Plague Diagnosed"]


def test_min_items() -> None:
    assert headlines(RUN, Options(min_items=2)) == TWO
    assert find_related_links(RUN, Options(min_items=3)) == ([], [])


def test_max_items_leaves_the_rest() -> None:
    changes, found = find_related_links(RUN, Options(max_items=1))
    assert found == TWO[:1]
    assert apply(RUN, changes) == TWO[1]


def test_extra_and_replaced_labels() -> None:
    text = "Body.Also on our site:Home Depot sales miss, shares plunge"
    assert headlines(text) == []
    assert headlines(text, Options(extra_labels=("Also on our site",))) == TWO[:1]
    only_spanish = Options(labels=("Más noticias",))
    assert headlines(RUN, only_spanish) == []
    assert headlines("MÁS NOTICIAS:" + RUN[8:], only_spanish) == TWO


def test_label_alone_on_its_line() -> None:
    text = "Body.\nRelated\n\nHome Depot sales miss, shares plungeThree Cases\nEnd"
    assert headlines(text) == []
    changes, found = find_related_links(text, Options(label_alone=True))
    assert found == ["Home Depot sales miss, shares plunge", "Three Cases"]
    assert apply(text, changes) == "Body.\n\nEnd"


def test_word_evidence_options() -> None:
    text = "Related...Why we love the new WeWork offices"
    assert headlines(text) == ["Why we love the new WeWork offices"]
    assert headlines(text, Options(min_zipf=3.0)) == [
        "Why we love the new We",
        "Work offices",
    ]


def test_document_vouches_for_a_name() -> None:
    run = "Related...Reviewed by SlashGear editors this week"
    assert headlines(run) == ["Reviewed by Slash", "Gear editors this week"]
    page = "SlashGear tested the phone for a week.\n" + run
    assert headlines(page) == ["Reviewed by SlashGear editors this week"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"min_items": 0},
        {"min_items": 3, "max_items": 2},
        {"max_headline_chars": 5},
        {"languages": ("xx",)},
        {"languages": "en"},
        {"labels": ("  ",)},
        {"labels": "Related"},
        {"min_zipf": -1},
        {"label_alone": "yes"},
    ],
)
def test_options_are_validated(kwargs: dict[str, object]) -> None:
    with pytest.raises((TypeError, ValueError)):
        Options(**kwargs)  # type: ignore[arg-type]


def test_default_labels_normalised() -> None:
    options = Options(labels=("Read more: ", "Related..."))
    assert options.labels == ("Read more", "Related")
    assert "Related" in DEFAULT_LABELS


# ----------------------------------------------------------------- dev data
@pytest.mark.skipif(not DEV.exists(), reason="dev data not available")
def test_dev_data_exact_share() -> None:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
    exact = sum(
        headlines(row["label"] + "".join(row["items"]))
        == [item.strip() for item in row["items"]]
        for row in rows
    )
    assert exact / len(rows) >= 0.9


# ----------------------------------------------------------------- properties
PIECES = st.sampled_from(
    [
        "Related...",
        "Read more:",
        "READ MORE",
        "관련기사",
        "Related ",
        "related",
        "Says",
        "Putin",
        "'",
        "’",
        '"',
        "“",
        ".",
        "?",
        "...",
        "2020",
        "13",
        "A",
        "iPhone",
        "MacBook",
        "NASA",
        "이유",
        "中文",
        " ",
        "\n",
        "🙂",
        "(",
        "[",
        "-",
        "aA",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=60).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
# "A0A" and "AAa" are one word each, as sentence-split leaves them: counted as
# two, each was a headline whose removal let "RELATED" take "READ MOREa" on a
# second pass.
@example("RELATEDREAD MOREaRELATEDA0A")
@example("RELATEDREAD MOREaRELATEDAAa")
# "READ MORE" was a label only while "aR" ("a" + the next label) looked like
# "iPhone"; once the block after the next label was gone, "RELATED" took it.
@example("RELATEDREAD MOREaRELATEDaA")
@example("RELATEDREAD MOREaRELATEDDogs Cats")
def test_properties(text: str) -> None:
    changes, found = find_related_links(text)
    # Sorted, disjoint, inside the text, removing only.
    assert all(0 <= s <= e <= len(text) for s, e, _, _ in changes)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(changes))
    assert all(rep in ("", "\n") for _, _, rep, _ in changes)
    # Nothing invented: each headline is exactly one removed piece, stripped; the
    # other removed pieces are labels.
    pieces = [text[s:e] for s, e, _, rule in changes if rule != "related-label"]
    assert [piece.strip() for piece in pieces] == found
    assert all(headline and headline in text for headline in found)
    folded = text.lower()
    for s, e, _, rule in changes:
        if rule == "related-label":
            assert any(label.lower() in folded[s:e] for label in DEFAULT_LABELS)
    # Idempotent: the cleaned text has nothing more to give.
    assert find_related_links(apply(text, changes)) == ([], [])


# ----------------------------------------------------------------- the label scan
# _label_scan finds labels from a quick scan for candidates instead of matching
# the whole folded text; it must find exactly what the plain way finds.
def _labels_the_plain_way(text: str, options: Options) -> list[rl._Label]:
    found = []
    matches = list(rl._label_pattern(options.all_labels).finditer(rl._fold(text)))
    stops = [match.start() for match in matches[1:]] + [len(text)] if matches else []
    for match, stop in zip(matches, stops, strict=True):
        start, end, term = match.start(), match.end(), match.group("term")
        label = text[start : match.end("label")]
        if rl._fits_before(text, start, label) and not rl._goes_on(
            text, label, end, term, stop
        ):
            run = rl._run_start(text, label, end, term, options.label_alone, stop)
            found.append(rl._Label(start, run))
    return found


SCAN_OPTIONS = [
    Options(),
    Options(label_alone=True),
    Options(labels=("Read more", "Most read", "More news"), min_items=2),
    # A label that starts with a symbol, one with a digit, letters beyond Latin-1
    # with unusual capitals (Kelvin sign, Ohm sign), and a Greek sigma, which is
    # scanned the plain way.
    Options(extra_labels=("» Más", "Top 10", "kelvin K", "ωmega", "σχετικά")),
    # Label sets without a lower-case first letter, without a capital one, none.
    Options(labels=("関連記事", "관련기사")),
    Options(labels=("» más", "#hot")),
    Options(labels=()),
]
LABEL_PIECES = st.sampled_from(
    [
        "Related",
        "RELATED",
        "related",
        "rElAtEd",
        "unrelated",
        "almost",
        "Read more",
        "read  more",
        "READ\tMORE",
        "Most read",
        "most Read more",
        "More news",
        "İlgili haberler",
        "ILGILI HABERLER",
        "Читайте также",
        "관련기사",
        "関連記事",
        "À lire aussi",
        "Top 10",
        "TOP 10",
        "» más",
        "\u212aelvin \u212a",
        "Kelvin k",
        "\u2126mega",
        "ΩMEGA",
        "ΣΧΕΤΙΚΆ",
        "σχετικάς",
        "Trump Says",
        "iPhone",
        "NASA",
        "2020",
        ":",
        "...",
        "…",
        "»",
        "|",
        ".",
        "'",
        "’",
        "“",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\t",
        "\xa0",
        "\u2003",
        "-",
        ",",
        "x",
        "X",
    ]
)
SCAN_TEXTS = st.lists(st.one_of(LABEL_PIECES, st.text(max_size=4)), max_size=40).map(
    "".join
)


SCAN_CASES = [
    "Story ends.\nrelated: Two Pieces Of News",
    "Story ends \nrelated: Two Pieces",
    "Story ends ·related: Two Pieces",
    "Story ends .related: Two Pieces",
    "Story ends. \t related... Two Pieces",
    "Story's related: Two Pieces",
    "  related: Two Pieces",
    "Related\nTwo Pieces",
    "x\u2003Related: Two Pieces",
    "saysRelated Two Pieces",
    "UNRELATED: Two Pieces",
    "the Related: Two Pieces",
    "Most read more: Two Pieces",
    "most Read More: Two Pieces",
    # "most read" inside "almost" hides the label that starts inside it.
    "almost\u2003READ MORE: Two Pieces",
    "Text.  READ  MORE  Saraki Says",
    "İLGİLİ HABERLER: Two Pieces",
    "Ilgili haberler Two Pieces",
    "관련기사삼성 주가",
    "End.» más: Two Pieces",
    "End. top 10: Two Pieces",
    "x \u212aelvin \u212a: Two Pieces",
    "\u2126MEGA: Two Pieces",
    "ΣΧΕΤΙΚΆ: Two Pieces",
    "End.\n関連記事: Two Pieces",
    "Story. #hot: Two Pieces",
    "2019 related" + " " * 50 + "more",
]


@pytest.mark.parametrize("text", SCAN_CASES)
def test_label_scan_cases(text: str) -> None:
    for options in SCAN_OPTIONS:
        assert _outcome(rl._labels, text, options) == _outcome(
            _labels_the_plain_way, text, options
        )


def _outcome(
    labels: Callable[[str, Options], list[rl._Label]], text: str, options: Options
) -> object:
    try:
        return labels(text, options)
    except IndexError:  # with no labels at all, as the plain way
        return IndexError


@settings(max_examples=400, deadline=None)
@given(SCAN_TEXTS)
def test_label_scan_finds_what_the_plain_way_finds(text: str) -> None:
    for options in SCAN_OPTIONS:
        assert _outcome(rl._labels, text, options) == _outcome(
            _labels_the_plain_way, text, options
        )


PAGES = ROOT / "benchmarks" / "data" / "boilerplate.jsonl"


@pytest.mark.skipif(not PAGES.exists(), reason="page data not available")
def test_label_scan_on_real_pages() -> None:
    with PAGES.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    for text in [row[key] for row in rows for key in ("lines", "glued")]:
        assert rl._labels(text, Options()) == _labels_the_plain_way(text, Options())


def test_case_tables_cover_unicode() -> None:
    """What the scan assumes of lower case: every character that ``_fold`` turns
    into another single BMP character is in the BMP and listed by
    ``_folded_from``, and sre's ``IGNORECASE`` matches it against that character."""
    sources = rl._folded_from()
    for low, chars in sources.items():
        for ch in chars:
            assert low in (rl._fold(ch), "ς")
    everything = "".join(map(chr, range(0x110000)))
    for ch in everything:
        low = rl._fold(ch)
        if len(low) != 1 or low == ch:
            continue
        assert ord(low) > 0xFFFF or (ord(ch) <= 0xFFFF and ch in sources[low])
        assert re.fullmatch(f"(?i:{re.escape(low)})", ch), ch
