"""The cookie-banners step, tested with cleanpipe.testing as any plugin can be."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given

import cleanpipe
from cleanpipe.testing import check_step, scraped_text

ARTICLE = (
    "More Than Half Of North Korean Troops Sent To Russia Injured, UK Says\n\n"
    "More than half of the North Korean troops sent to fight on Vladimir Putin’s "
    "behalf in Russia have been injured or killed, according to the UK."
)

BANNERS = {
    "en": "🍪 We use cookies to give you the best experience. By continuing you "
    "agree to our cookie policy.\nAccept all cookies\nReject all\n\u00d7\n\n",
    "de": "Wir verwenden Cookies, um unsere Website für Sie zu optimieren.\n"
    "Alle akzeptieren\nEinstellungen\n\n",
    "fr": "Nous et nos partenaires utilisons des cookies pour mesurer l’audience.\n"
    "Tout accepter\nContinuer sans accepter\n",
    "es": "Utilizamos cookies propias y de terceros. Si continúa navegando, "
    "acepta su uso.\nAceptar\nConfigurar\n",
    "it": "Questo sito utilizza cookie tecnici e di profilazione.\n"
    "Accetta tutto\nRifiuta\n",
    "nl": "Wij gebruiken cookies om de website te verbeteren.\nAlles accepteren\n",
    "pt": "Utilizamos cookies para melhorar a sua experiência.\nAceitar todos\n",
}

# Lines a scraper leaves around banners, for the generated pages below.
BANNER_LINES = [line for banner in BANNERS.values() for line in banner.splitlines()]


@pytest.mark.parametrize("language", sorted(BANNERS))
def test_removes_a_banner_in_each_language(language: str) -> None:
    doc = check_step("cookie-banners", BANNERS[language] + ARTICLE)
    assert doc.text == ARTICLE
    assert doc.metadata["cookie_banner"] == [
        line for line in BANNERS[language].splitlines() if line.strip()
    ]


def test_each_removal_is_recorded_with_its_rule() -> None:
    doc = check_step("cookie-banners", BANNERS["en"] + ARTICLE)
    assert [(e.rule, e.before) for e in doc.edits] == [
        ("cookie-notice", BANNERS["en"].split("\n")[0] + "\n"),
        ("cookie-control", "Accept all cookies\n"),
        ("cookie-button", "Reject all\n"),
        ("cookie-button", "\u00d7\n\n"),
    ]
    assert {e.step for e in doc.edits} == {"cookie-banners"}


def test_a_banner_after_the_article_goes_and_the_article_stays() -> None:
    doc = check_step("cookie-banners", ARTICLE + "\n\n" + BANNERS["de"])
    assert doc.text == ARTICLE + "\n\n"


@pytest.mark.parametrize(
    "text",
    [
        # A button label away from any banner is article text.
        "Steps to follow:\nAccept\nThen sign the form.",
        # Opens like a notice but says nothing of cookies or consent.
        "By using a new technique, researchers measured the ice sheet.",
        # Mentions cookies, but does not open like a banner.
        (
            "The EU law means most sites greet visitors with a banner asking "
            "them to accept cookies."
        ),
        # Opens like a notice, but is as long as a paragraph of the article.
        "We use cookies in this recipe, " + "and butter, flour and sugar, " * 25,
    ],
)
def test_leaves_article_text_alone(text: str) -> None:
    assert check_step("cookie-banners", text).text == text


def test_languages_option_limits_the_phrases() -> None:
    page = BANNERS["de"] + BANNERS["fr"] + ARTICLE
    doc = check_step("cookie-banners", page, options={"languages": ("fr",)})
    assert doc.text == BANNERS["de"] + ARTICLE
    with pytest.raises(cleanpipe.OptionError, match=r"unknown language.*xx.*known: en"):
        check_step("cookie-banners", page, options={"languages": ("xx",)})


def test_extra_phrases_catch_a_site_s_own_wording() -> None:
    page = "Hinweis zu Cookies: diese Seite speichert Daten.\nOK\n" + ARTICLE
    assert check_step("cookie-banners", page).text == page
    doc = check_step(
        "cookie-banners", page, options={"extra_phrases": ("hinweis zu cookies",)}
    )
    assert doc.text == ARTICLE
    assert [e.rule for e in doc.edits] == ["cookie-extra", "cookie-button"]


def test_max_line_chars_keeps_long_lines() -> None:
    page = BANNERS["nl"] + ARTICLE
    # The notice is longer than 20 chars, so it stays, and its button with it.
    doc = check_step("cookie-banners", page, options={"max_line_chars": 20})
    assert doc.text == page


@given(scraped_text(extra_blocks=BANNER_LINES))
def test_keeps_the_step_contract_on_scraped_pages(text: str) -> None:
    check_step("cookie-banners", text, clean=())


def _cleanpipe(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cleanpipe", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
    )


def test_installed_it_is_listed_and_selectable_by_name() -> None:
    rows = {
        row["name"]: row for row in json.loads(_cleanpipe("plugins", "--json").stdout)
    }
    assert rows["cookie-banners"]["package"] == "cleanpipe-cookie-banners 0.1.0"
    assert not rows["cookie-banners"]["default"]
    assert "extra_phrases" in rows["cookie-banners"]["options"]
    page = BANNERS["en"] + ARTICLE
    cleaned = _cleanpipe("run", "--plugins", "cookie-banners,default", "-", stdin=page)
    assert cleaned.stdout == cleanpipe.clean(ARTICLE) + "\n"
    default = _cleanpipe("run", "--plugins", "default", "-", stdin=page)
    assert default.stdout == cleanpipe.clean(page) + "\n"
