"""cleanpipe.testing: the contract check catches each breach, the strategy covers the defects."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import Phase, find, given, settings

import cleanpipe
from cleanpipe.testing import CLEAN_PROSE, check_step, scraped_text


def shout(text: str) -> str:
    return text.upper()


@attrs.frozen
class Suffix:
    mark: str = "!"


def add_suffix_once(doc: cleanpipe.Document, options: Suffix) -> cleanpipe.Document:
    if doc.text.endswith(options.mark):
        return doc
    end = len(doc.text)
    return doc.apply([(end, end, options.mark, "suffix")])


def test_a_good_step_passes_and_its_document_is_returned() -> None:
    doc = check_step("sentence-split", "region.More than half")
    assert doc.text == "region. More than half"
    assert [(e.step, e.rule) for e in doc.edits] == [
        ("sentence-split", "sentence-punct")
    ]


def test_a_step_function_with_options_is_checked_without_installing_it() -> None:
    doc = check_step(add_suffix_once, "Done", options=Suffix("?"), clean=())
    assert doc.text == "Done?"
    assert doc.edits[0].rule == "suffix"


def test_option_values_for_an_installed_step_are_built_and_checked() -> None:
    doc = check_step("mojibake", "Putinâ€™s", options={"uncurl_quotes": True}, clean=())
    assert doc.text == "Putin's"
    with pytest.raises(cleanpipe.OptionError, match="no option 'nope'"):
        check_step("mojibake", "x", options={"nope": True})


def test_a_step_that_raises_fails_the_check_showing_the_input() -> None:
    def explode(text: str) -> str:
        raise ValueError("cannot stand it")

    with pytest.raises(AssertionError, match=r"raised on 'boom'.*cannot stand it"):
        check_step(explode, "boom")


def test_a_step_that_is_not_idempotent_fails_the_check() -> None:
    def exclaim(text: str) -> str:
        return text + "!"

    with pytest.raises(AssertionError, match="not idempotent"):
        check_step(exclaim, "Hi", clean=())


def test_a_document_step_that_edits_without_recording_fails_the_check() -> None:
    def sneaky(doc: cleanpipe.Document) -> cleanpipe.Document:
        return doc.evolve(text=doc.text.strip())

    with pytest.raises(AssertionError, match="beyond its recorded edits"):
        check_step(sneaky, "  padded  ", clean=())


def test_edits_without_a_rule_fail_the_check() -> None:
    def anonymous(doc: cleanpipe.Document) -> cleanpipe.Document:
        return doc.apply([(0, len(doc.text), doc.text.strip(), "")])

    with pytest.raises(AssertionError, match="without a rule"):
        check_step(anonymous, " x ", clean=())


def test_a_step_that_changes_clean_prose_fails_the_check() -> None:
    with pytest.raises(AssertionError, match="changed clean text"):
        check_step(shout, "HELLO")
    assert check_step(shout, "hello", clean=("ALREADY LOUD",)).text == "HELLO"


def test_clean_prose_is_left_alone_by_the_steps_that_keep_the_contract() -> None:
    for sample in CLEAN_PROSE:
        assert cleanpipe.clean(sample, plugins="mojibake,sentence-split") == sample


def test_unknown_steps_and_mapping_options_for_functions_are_usage_errors() -> None:
    with pytest.raises(cleanpipe.SpecError, match="unknown step 'no-such-step'"):
        check_step("no-such-step", "x")
    with pytest.raises(TypeError, match="instance of its options class"):
        check_step(add_suffix_once, "x", options={"mark": "?"})
    with pytest.raises(
        TypeError, match="options are for one step, and 'default' names 4"
    ):
        check_step("default", "x", options={"uncurl_quotes": True})


def test_a_spec_checks_its_steps_together() -> None:
    doc = check_step("mojibake,sentence-split", "cafÃ© is open.Come in")
    assert doc.text == "café is open. Come in"
    assert [e.step for e in doc.edits] == ["mojibake", "sentence-split"]


@given(scraped_text(max_blocks=0))
def test_scraped_text_with_no_blocks_is_the_empty_page(text: str) -> None:
    assert text == ""


@pytest.mark.parametrize(
    "defect",
    [
        re.compile(r"[a-z][.!?][A-Z][a-z]"),  # glued sentences
        re.compile(r"Ã|â€|Â"),  # mojibake
        re.compile(r"https?://|pic\.twitter\.com"),  # URLs
        re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]"),  # CJK
        re.compile(
            r"^(Comments|Menu|Breaking news|Advertisement)$", re.MULTILINE
        ),  # chrome
        re.compile(r"We use cookies"),  # a block the step author supplies
    ],
)
def test_scraped_text_produces_each_defect(defect: re.Pattern[str]) -> None:
    pages = scraped_text(extra_blocks=["We use cookies."])
    # No shrinking: finding one page with the defect is the point, and is quick.
    quick = settings(phases=[Phase.generate], database=None, max_examples=500)
    page = find(pages, lambda t: defect.search(t) is not None, settings=quick)
    assert defect.search(page)
