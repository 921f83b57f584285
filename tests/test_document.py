from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanpipe import Change, Document, Edit, diff_changes, replay


def test_apply_records_each_change_with_its_rule_and_offset() -> None:
    doc = Document("region.More here.Then").apply(
        [Change(7, 7, " ", "sentence-punct"), (17, 17, " ", "sentence-punct")]
    )
    assert doc.text == "region. More here. Then"
    assert doc.edits == (
        Edit("", "sentence-punct", 7, "", " "),
        Edit("", "sentence-punct", 17, "", " "),
    )


def test_apply_refuses_overlapping_or_unsorted_changes() -> None:
    doc = Document("abcdef")
    with pytest.raises(ValueError, match="out of order"):
        doc.apply([(3, 4, "x", "r"), (1, 2, "y", "r")])
    with pytest.raises(ValueError, match="outside the text"):
        doc.apply([(5, 9, "", "r")])


def test_no_op_changes_are_not_recorded() -> None:
    doc = Document("same")
    assert doc.apply([(0, 4, "same", "r")]) is doc


def test_document_is_frozen_and_its_metadata_read_only() -> None:
    doc = Document("text").with_metadata(related_links=["a"])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.text = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        doc.metadata["x"] = 1  # type: ignore[index]
    assert doc.with_metadata(x=1).metadata == {"related_links": ["a"], "x": 1}


def test_text_must_be_str() -> None:
    with pytest.raises(TypeError, match="must be <class 'str'>"):
        Document(b"bytes")  # type: ignore[arg-type]


def test_replay_rebuilds_the_output_step_by_step() -> None:
    edits = (
        Edit("a", "r", 0, "ab", "x"),  # "abc" -> "xc"
        Edit("b", "r", 1, "c", "yz"),  # "xc" -> "xyz"
    )
    assert replay("abc", edits) == "xyz"


def test_replay_refuses_edits_that_do_not_match() -> None:
    with pytest.raises(ValueError, match="does not match"):
        replay("abc", [Edit("a", "r", 0, "zz", "")])


@given(st.text(), st.text())
def test_diff_changes_turn_one_text_into_the_other(before: str, after: str) -> None:
    assert Document(before).apply(diff_changes(before, after)).text == after


def test_diff_changes_locate_small_changes_precisely() -> None:
    assert diff_changes(
        "the Kursk region.More than", "the Kursk region. More than"
    ) == [Change(17, 17, " ", "diff")]


def test_diff_changes_stay_line_based_on_large_rewrites() -> None:
    before = "line of text\n" * 50_000
    changes = diff_changes(before, before.upper())
    assert Document(before).apply(changes).text == before.upper()
