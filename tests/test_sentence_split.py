"""Tests for the missing-space step (sentence_split)."""

# The cases are typographic quotes and dashes on purpose.

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanpipe_plugins.sentence_split import Change, Options, find_missing_spaces
from conftest import SEED


def repair(text: str, options: Options | None = None) -> str:
    """Apply the changes the way the framework does: left to right."""
    changes = (
        find_missing_spaces(text)
        if options is None
        else find_missing_spaces(text, options)
    )
    return apply(text, changes)


def apply(text: str, changes: list[Change]) -> str:
    out, last = [], 0
    for start, end, replacement, _rule in changes:
        out += [text[last:start], replacement]
        last = end
    return "".join([*out, text[last:]])


def rules(text: str) -> list[str]:
    return [rule for *_, rule in find_missing_spaces(text)]


# ---------------------------------------------------------------- must change

# (glued input, repaired output, rule); real junctions from the seed and the
# missing-space benchmark pages, cut to the few words around the junction.
MUST_SPLIT = [
    # sentence-punct
    (
        "in the Kursk region.More than half",
        "in the Kursk region. More than half",
        "sentence-punct",
    ),
    (
        "according to the UK.North Korea’s leader",
        "according to the UK. North Korea’s leader",
        "sentence-punct",
    ),
    (
        "dismounted assaults”.North Korean",
        "dismounted assaults”. North Korean",
        "sentence-punct",
    ),
    (
        "an oxygen bar in Delhi?The answer is YES!",
        "an oxygen bar in Delhi? The answer is YES!",
        "sentence-punct",
    ),
    (
        "that suits you 100%.Here’s why",
        "that suits you 100%. Here’s why",
        "sentence-punct",
    ),
    (
        "has been moving to.GateHouse hasn’t",
        "has been moving to. GateHouse hasn’t",
        "sentence-punct",
    ),
    (
        "hurt U.S. farmers.U.S. agricultural exports",
        "hurt U.S. farmers. U.S. agricultural exports",
        "sentence-punct",
    ),
    (
        "go on sale.FORD MUSTANG MACH E",
        "go on sale. FORD MUSTANG MACH E",
        "sentence-punct",
    ),
    (
        "to make decisions regardless.Q: How do you",
        "to make decisions regardless. Q: How do you",
        "sentence-punct",
    ),
    (
        "declined to comment.A spokesperson said",
        "declined to comment. A spokesperson said",
        "sentence-punct",
    ),
    (
        "published it in 1980.*After that",
        "published it in 1980.* After that",
        "sentence-punct",
    ),
    (
        "the course of your life.Really.How to",
        "the course of your life. Really. How to",
        "sentence-punct",
    ),
    (
        "com 36 corridas.www.autoracing.com.br",
        "com 36 corridas. www.autoracing.com.br",
        "sentence-punct",
    ),
    (
        "막장극의 덫이 되어가는 중이다.결국 어쩔 수",
        "막장극의 덫이 되어가는 중이다. 결국 어쩔 수",
        "sentence-punct",
    ),
    ("в Москве.Как отмечается", "в Москве. Как отмечается", "sentence-punct"),
    (
        "Mais pourquoi ?Bonjour à tous",
        "Mais pourquoi ? Bonjour à tous",
        "sentence-punct",
    ),
    # ellipsis
    (
        "which began in 2022.Related...Trump Uses",
        "which began in 2022. Related... Trump Uses",
        "ellipsis",
    ),
    (
        "confirmed this in a statement…When streaming",
        "confirmed this in a statement… When streaming",
        "ellipsis",
    ),
    # closing-quote
    (
        "deployed to the Kursk region.”The British",
        "deployed to the Kursk region.” The British",
        "closing-quote",
    ),
    (
        "from the use of “We.”A spokeswoman",
        "from the use of “We.” A spokeswoman",
        "closing-quote",
    ),
    (
        "in the 'space-time continuum.'Think about it",
        "in the 'space-time continuum.' Think about it",
        "closing-quote",
    ),
    (
        'players is what has attracted me."Tottenham said in a statement: "Jose is',
        'players is what has attracted me." Tottenham said in a statement: "Jose is',
        "closing-quote",
    ),
    (
        'service for enterprise.""We really took',
        'service for enterprise." "We really took',
        "closing-quote",
    ),
    # opening-quote
    (
        "Letitia James.“We received an inquiry",
        "Letitia James. “We received an inquiry",
        "opening-quote",
    ),
    (
        "the following statement:“South Dakota",
        "the following statement: “South Dakota",
        "opening-quote",
    ),
    (
        "absolutely not true.”“Not the U.S.",
        "absolutely not true.” “Not the U.S.",
        "opening-quote",
    ),
    (
        'such passionate supporters."The quality in both the squad excites me."',
        'such passionate supporters. "The quality in both the squad excites me."',
        "opening-quote",
    ),
    (
        "this Incubation Grant.(More)Our plans",
        "this Incubation Grant. (More) Our plans",
        "opening-quote",
    ),
    ("Stadia delivers.[ Engadget ]", "Stadia delivers. [ Engadget ]", "opening-quote"),
    (
        "– Man**“Very talented people!",
        "– Man** “Very talented people!",
        "opening-quote",
    ),
    # closing-bracket
    (
        "which are packed with them.)Enter South Dakota",
        "which are packed with them.) Enter South Dakota",
        "closing-bracket",
    ),
    (
        "[ The Verge ]Even when Stadia",
        "[ The Verge ] Even when Stadia",
        "closing-bracket",
    ),
    # colon
    (
        "Senate resolves to:Observe a minute silence",
        "Senate resolves to: Observe a minute silence",
        "colon",
    ),
    (
        "some of the highlights:NISSAN SENTRA",
        "some of the highlights: NISSAN SENTRA",
        "colon",
    ),
    # dash
    (
        "pic.twitter.com/E8DnAa64eZ— Ministry of Defence",
        "pic.twitter.com/E8DnAa64eZ — Ministry of Defence",
        "dash",
    ),
    (
        "https://t.co/XPxUJuyIAC— Robert Maguire",
        "https://t.co/XPxUJuyIAC — Robert Maguire",
        "dash",
    ),
    (
        "#TodayInSenatePlenary— The Nigerian Senate",
        "#TodayInSenatePlenary — The Nigerian Senate",
        "dash",
    ),
    # rule-line
    (
        "is increasingly likely.___HOW WILL OBAMA PLAY?",
        "is increasingly likely. ___ HOW WILL OBAMA PLAY?",
        "rule-line",
    ),
    (
        'dence of market participants."US stock futures',
        'dence of market participants." US stock futures',
        "closing-quote",
    ),
    (
        "declined to publicly confirm that.)NASA’s plans",
        "declined to publicly confirm that.) NASA’s plans",
        "closing-bracket",
    ),
    # url-start
    (
        "Ticketingwww.jeongdongtheater.com",
        "Ticketing www.jeongdongtheater.com",
        "url-start",
    ),
    # zero-width
    (
        "elegant side!\u200b\u200bNext up is",
        "elegant side! \u200b\u200b Next up is",
        "zero-width",
    ),
    (
        "the start of the performance!\u200bThank you all",
        "the start of the performance! \u200b Thank you all",
        "zero-width",
    ),
    # emoji
    (
        "We hope to see you soon! 🙂Jeongdong Theater",
        "We hope to see you soon! 🙂 Jeongdong Theater",
        "emoji",
    ),
    # url-hashtag
    (
        "language: https://t.co/1vB3QSA41N#StandWithUkraine 🇺🇦",
        "language: https://t.co/1vB3QSA41N #StandWithUkraine 🇺🇦",
        "url-hashtag",
    ),
    # caps-heading
    (
        "NISSAN SENTRANissan is hoping a sleek redesign",
        "NISSAN SENTRA Nissan is hoping a sleek redesign",
        "caps-heading",
    ),
    (
        "GIRLS BASKETBALLPalm Bay d. Rockledge",
        "GIRLS BASKETBALL Palm Bay d. Rockledge",
        "caps-heading",
    ),
    # digit-upper
    (
        "(@DefenceHQ) June 15, 2025The update comes",
        "(@DefenceHQ) June 15, 2025 The update comes",
        "digit-upper",
    ),
    (
        "MacBook models from $700Today only",
        "MacBook models from $700 Today only",
        "digit-upper",
    ),
    (
        "INC. 113.40 -1.62 -1.41%The home-improvement",
        "INC. 113.40 -1.62 -1.41% The home-improvement",
        "digit-upper",
    ),
    (
        "Viera d. Rockledge 3-1Viera (4-0): K. Hupfer",
        "Viera d. Rockledge 3-1 Viera (4-0): K. Hupfer",
        "digit-upper",
    ),
    # lower-upper
    (
        "Ukraine War, UK SaysPutin Ambassador Accuses",
        "Ukraine War, UK Says Putin Ambassador Accuses",
        "lower-upper",
    ),
    ("a man tried to stabWeston and", "a man tried to stab Weston and", "lower-upper"),
    (
        "as Volkswagen bets on electricAs VW ID.3 production",
        "as Volkswagen bets on electric As VW ID.3 production",
        "lower-upper",
    ),
    (
        "regulations.Power and PerformanceIn Europe, there’ll",
        "regulations. Power and Performance In Europe, there’ll",
        "lower-upper",
    ),
    (
        "The Rukban campThe Rukban camp, also known",
        "The Rukban camp The Rukban camp, also known",
        "lower-upper",
    ),
    (
        "Story continues below galleryA Bartholomew County",
        "Story continues below gallery A Bartholomew County",
        "lower-upper",
    ),
    (
        "Uber Eats, and Cape Town, South AfricaQ: Most memorable",
        "Uber Eats, and Cape Town, South Africa Q: Most memorable",
        "lower-upper",
    ),
    ("ages 48 months and aboveSTAFF", "ages 48 months and above STAFF", "lower-upper"),
    (
        "who are hungry to hear from meMy books are",
        "who are hungry to hear from me My books are",
        "lower-upper",
    ),
    (
        "Match report…ResultsThe team won",
        "Match report… Results The team won",
        "lower-upper",
    ),
    (
        "Our rulingMcKinley said that",
        "Our ruling McKinley said that",
        "lower-upper",
    ),
    # lower-digit
    (
        "Audi e-tron GT Concept Story Timeline2020 VW ID.3 official",
        "Audi e-tron GT Concept Story Timeline 2020 VW ID.3 official",
        "lower-digit",
    ),
]


@pytest.mark.parametrize(("glued", "repaired", "rule"), MUST_SPLIT)
def test_must_split(glued: str, repaired: str, rule: str) -> None:
    assert repair(glued) == repaired
    assert rule in rules(glued)


# ---------------------------------------------------------------- must not change

MUST_KEEP = [
    # URLs, domains, e-mail, file names
    "pic.twitter.com/E8DnAa64eZ",
    "Visit example.com.Then go",
    "Dear Abby at www.DearAbby.com or P.O. Box 69440",
    "PanARMENIAN.Net - Verified video footage",
    "https://en.wikipedia.org/wiki/Kursk#History of the region",
    "see https://example.com/News.Today?Id=3&Page=Two",
    "mail john.Smith@Example.com today",
    "Open report.PDF and notes.TXT now",
    "open README.MD first",
    "— 9to5Mac.com (@9to5mac) November 4, 2019",
    # versions, decimals, numbers
    "version 3.5 and v1.2.3 and 802.11ac.",
    "up 0.4% to 225.86 and -12.99",
    # abbreviations and initials
    "The U.S. Army and the U.S.Army and e.g.The and i.e.This",
    "J.K. Rowling and J.K.Rowling wrote",
    "Rep. David McKinley, R-W.Va., visited the U.S.-Mexico border",
    "at 10 p.m.Authorities said",
    # brand names and code
    "iPhone YouTube McDonald's Node.js PlayStation MacBook OpenAI eBay JavaScript",
    "the 9to5Mac BundleHunt delivers",
    "Rather than leather, there’s AppleSkin, a faux-leather",
    "Marvel Entertainment, Lucasfilm and BamTech, the",
    "In reading the SportsBusiness Journal, it was noted",
    "such as StackAdapt, built-in direct campaigns",
    "it was due to MinnesotaCare, a health benefit",
    "on ecobee’s latest SmartThermostat with Voice Control",
    "InstaSteam is like having a dry cleaner",
    "call Console.WriteLine and Math.Max(a, b) or System.Collections.Generic",
    "use setTimeout, getName, isValid, onClick, innerHTML and parseJSON",
    "the camelCaseIdentifier and HTMLParser and XMLHttpRequest",
    "the ASP.NET stack and the IQ.LIGHT LED headlamps",
    "ID. SPACE VIZZION 4Motion would offer",
    "a 3D printer with 4K video, 5Ghz Wi-Fi, 100Mbps, 3Com and 1Password",
    "DeShawn, LeBron, O’Neill and (s)He",
    # hashtags and handles
    "#StandWithUkraine #MethWeAreOnIt @DefenceHQ @NGRSenate",
    # namespaces, schemes, times
    "Category:Living people and Re:Zero and C:Windows at 10:30AM",
    # quotes and apostrophes
    "Hates Russia'Russian Forces and O'Neill's",
    "“…The report said",
    'He said "yes."',
    # dashes written by the writer
    "even—heaven help us— booyah!",
    # other scripts without spaces
    "日本語の文章です。次の文。Chinese text。中文",
    "北京.上海",
    "super\u200bcalifragilistic and https://x.com/a\u200bB",
    "visit awww.com and newwww.site",
    "use .NET framework and .Net Core",
    "Now the Agency's SciSpacE team",
    # already spaced
    "Kursk region. More than half. “The British” said",
]


@pytest.mark.parametrize("text", MUST_KEEP)
def test_must_keep(text: str) -> None:
    assert find_missing_spaces(text) == []


def test_seed_document() -> None:
    text = repair(SEED.read_text(encoding="utf-8"))
    for wanted in (
        "Kursk region. More than half",
        "according to the UK. North Korea",
        "region.” The British",
        "assaults”. North Korean",
        "June 15, 2025 The update comes",
        "https://t.co/1vB3QSA41N #StandWithUkraine",
        "pic.twitter.com/E8DnAa64eZ",
        "Kim Jong Un",
        "Russian-Ukrainian",
    ):
        assert wanted in text


def test_changes_are_sorted_tagged_insertions() -> None:
    text = SEED.read_text(encoding="utf-8")
    changes = find_missing_spaces(text)
    offsets = [start for start, *_ in changes]
    assert offsets == sorted(set(offsets))
    for start, end, replacement, rule in changes:
        assert start == end
        assert replacement == " "
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule)


def test_word_evidence_can_be_switched_off() -> None:
    options = Options(use_word_evidence=False)
    assert (
        repair("UK SaysPutin Ambassador.More", options)
        == "UK SaysPutin Ambassador. More"
    )
    assert repair("June 15, 2025The update", options) == "June 15, 2025The update"


def test_languages_are_evidence() -> None:
    assert repair("Die Firma kaufteHaus und") == "Die Firma kaufteHaus und"
    assert (
        repair("Die Firma kaufteHaus und", Options(languages=("en", "de")))
        == "Die Firma kaufte Haus und"
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"languages": ()},
        {"languages": ["en"]},
        {"languages": ("English",)},
        {"languages": ("ko",)},
        {"min_part_zipf": 9.0},
        {"min_part_zipf": 3},
        {"max_joined_zipf": -1.0},
        {"use_word_evidence": "yes"},
    ],
)
def test_options_are_validated(kwargs: dict[str, object]) -> None:
    with pytest.raises((TypeError, ValueError)):
        Options(**kwargs)  # type: ignore[arg-type]


def test_options_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        Options().min_part_zipf = 1.0  # type: ignore[misc]


# ---------------------------------------------------------------- properties

# Pieces that meet at junctions: marks, quotes, capitals, digits, URLs, scripts.
JUNCTION_PIECES = (
    "a the region Says Putin More The A I Q: UK U.S NISSAN SENTRA Nissan iPhone "
    "YouTube 2025 3 % $ . .. ... … ! ? : ; , * ** ___ - — – \" ' ” “ ’ ‘ ( ) [ ] "
    "https://t.co/x1 #Tag @user www. .com 🙂 다 中"
)
PIECES = st.sampled_from([*JUNCTION_PIECES.split(), " ", "  ", "\n", "\u200b"])
GLUED_TEXT = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=())))
def test_never_raises_and_only_inserts_spaces(text: str) -> None:
    changes = find_missing_spaces(text)
    for start, end, replacement, _rule in changes:
        assert 0 < start == end < len(text)
        assert replacement == " "
    repaired = apply(text, changes)
    assert _remove_at(repaired, changes) == text


@settings(max_examples=500, deadline=None)
@given(GLUED_TEXT)
def test_nothing_invented_and_idempotent(text: str) -> None:
    changes = find_missing_spaces(text)
    repaired = apply(text, changes)
    assert _remove_at(repaired, changes) == text
    assert find_missing_spaces(repaired) == []


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_idempotent_on_any_text(text: str) -> None:
    repaired = repair(text)
    assert repair(repaired) == repaired


@pytest.mark.parametrize("text", ["Says)SaysSays", "___AQ:Says", 'x."Y."Z "a" b."C'])
def test_idempotent_regressions(text: str) -> None:
    repaired = repair(text)
    assert repair(repaired) == repaired


def _remove_at(repaired: str, changes: list[Change]) -> str:
    """Undo the insertions: drop the character each change put in."""
    drop = {start + k for k, (start, *_) in enumerate(changes)}
    return "".join(ch for i, ch in enumerate(repaired) if i not in drop)
