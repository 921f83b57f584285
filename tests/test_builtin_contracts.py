"""Every built-in step keeps the step contract that cleanpipe.testing checks."""

from __future__ import annotations

import pytest
from hypothesis import given

import cleanpipe
from cleanpipe.testing import check_step, scraped_text
from conftest import SEED

# A page with each step's defect, so the contract is checked where it works.
PAGES = {
    "mojibake": "Putinâ€™s troops, the cafÃ© and the naÃ¯ve “meat-grinderâ€",
    "related-links": "The war began in 2022.\nRelated...Trump Uses 1 Rather Bizarre "
    "WordPutin Accuses UK Of Helping Ukraine\nComments",
    "sentence-split": "in the Kursk region.More than half of the troops.So they left.",
    "header-footer": "cupure logo\nMenu\n\nA Title Of The Article Here\n\n"
    + "A paragraph of the article that runs on for long enough. " * 5
    + "\n\nComments\n\nBreaking news",
}


def test_every_built_in_step_has_a_page() -> None:
    assert set(PAGES) == set(cleanpipe.DEFAULT_STEPS)


@pytest.mark.parametrize("step", cleanpipe.DEFAULT_STEPS)
def test_keeps_the_contract_on_its_page_and_the_seed(step: str) -> None:
    doc = check_step(step, PAGES[step])
    assert doc.edits, f"{step} found nothing to fix on its page"
    check_step(step, SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize("step", cleanpipe.DEFAULT_STEPS)
@given(text=scraped_text())
def test_keeps_the_contract_on_scraped_text(step: str, text: str) -> None:
    check_step(step, text, clean=())


@pytest.mark.parametrize(
    "text",
    ["Related: OneTwo\nRelated: ThreeFour", "Related...A\nRelated...B\nRelated...C"],
)
def test_related_links_is_idempotent_with_several_labels(text: str) -> None:
    # The first version split only the last label's run, so a second run
    # split the one before it.
    check_step("related-links", text)
