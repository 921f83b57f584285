"""--explain: an inline diff per edit, removed blocks as lines, colour only for a terminal."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

import cleanpipe
from cleanpipe.cli import main
from cleanpipe.explain import explain, wants_color
from conftest import SEED

ESC = "\x1b["


@pytest.fixture
def seed_explained(seed_text: str) -> str:
    return explain(seed_text, cleanpipe.run(seed_text).evolve(id="seed.txt"))


def test_plain_account_names_each_step_rule_and_change(seed_explained: str) -> None:
    lines = seed_explained.splitlines()
    doc = cleanpipe.run(SEED.read_text(encoding="utf-8"))
    steps = {e.step for e in doc.edits}
    assert lines[0] == f"== seed.txt: {len(doc.edits)} edits by {len(steps)} steps"
    split = sum(e.step == "sentence-split" for e in doc.edits)
    assert f"-- sentence-split: {split} edits" in lines
    assert any(
        line.startswith("   sentence-punct @")
        and line.endswith(
            ": …rea in the Kursk region.['' → ' ']More than half of the No…"
        )
        for line in lines
    )
    assert ESC not in seed_explained


def test_removed_blocks_show_their_lines_under_their_rule(seed_explained: str) -> None:
    lines = seed_explained.splitlines()
    start = lines.index("   before-article @0: removed 2 lines, 72 chars:")
    assert lines[start + 1 : start + 3] == [
        "   │ cupure logo",
        "   │ israeldaytrumpindiairanfathersairfathers dayminnesotacrash",
    ]
    (end,) = (
        i
        for i, line in enumerate(lines)
        if line.startswith("   after-article @")
        and line.endswith(": removed 2 lines, 25 chars:")
    )
    assert lines[end + 1 : end + 3] == ["   │ Comments", "   │ Breaking news"]


def test_a_long_block_is_cut_to_its_first_lines() -> None:
    page = "".join(f"chrome line {n}\n" for n in range(20)) + "body"
    doc = cleanpipe.Document(page).apply([(0, len(page) - 4, "", "chrome")])
    lines = explain(page, _stamped(doc, "chrome")).splitlines()
    assert lines[1] == "-- chrome: 1 edit"
    assert lines[2] == "   chrome @0: removed 20 lines, 290 chars:"
    assert lines[3] == "   │ chrome line 0"
    assert lines[-1] == "   │ … 12 more lines"


def test_colour_marks_deletions_red_and_insertions_green_with_visible_space() -> None:
    doc = cleanpipe.run("Putinâ€™s region.More", plugins="mojibake,sentence-split")
    coloured = explain("Putinâ€™s region.More", doc, color=True)
    assert f"{ESC}31mâ€™{ESC}0m{ESC}32m’{ESC}0m" in coloured
    assert f"{ESC}32m␣{ESC}0m" in coloured
    assert "[" not in coloured.replace(ESC, "")


@pytest.mark.parametrize(
    ("environment", "tty", "expected"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"TERM": "dumb"}, True, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"FORCE_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, True, False),
    ],
)
def test_colour_only_for_a_terminal_and_never_with_no_color(
    monkeypatch: pytest.MonkeyPatch,
    environment: dict[str, str],
    tty: bool,
    expected: bool,
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)

    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return tty

    assert wants_color(Stream()) is expected


def test_the_command_colours_a_terminal_and_not_a_pipe(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    assert main(["run", "--explain", str(SEED)]) == 0
    assert ESC not in capsys.readouterr().err
    primary, replica = os.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["TERM"] = "xterm"
    run = [sys.executable, "-m", "cleanpipe", "run", "--explain", "-"]
    try:
        result = subprocess.run(
            run,
            input=b"region.More",
            stdout=subprocess.PIPE,
            stderr=replica,
            env=env,
            check=True,
        )
        os.close(replica)
        on_terminal = os.read(primary, 4096).decode()
    finally:
        os.close(primary)
    assert result.stdout == b"region. More\n"
    assert f"{ESC}32m␣{ESC}0m" in on_terminal


def _stamped(doc: cleanpipe.Document, step: str) -> cleanpipe.Document:
    return doc.evolve(edits=[e._replace(step=step) for e in doc.edits])


def test_a_removed_line_is_a_block_and_a_removed_space_is_inline() -> None:
    text = "Menu\nText  here"
    doc = cleanpipe.Document(text).apply([(0, 5, "", "chrome"), (9, 10, "", "space")])
    lines = explain(text, _stamped(doc, "tidy")).splitlines()
    assert lines[2:] == [
        "   chrome @0: removed 1 line, 5 chars:",
        "   │ Menu",
        "   space @9: …Menu⏎Text[' ' → ''] here…",
    ]
