from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleanpipe

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "mojibake.jsonl"


def fix(text: str, **options: object) -> str:
    return cleanpipe.clean(text, plugins="mojibake", mojibake=options)


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Putinâ€™s behalf", "Putin’s behalf"),  # UTF-8 read as cp1252
        ("cafÃ© au lait", "café au lait"),  # read as latin-1
        ("Toyota‚Äö√Ñ√¥s", "Toyota’s"),  # read as MacRoman, twice
        (
            "ì\x82¬ì\x8b¤ ë\x82¨ë\x85\x80",
            "사실 남녀",
        ),  # U+0085 inside: not a line break
        ("line one â€”\nline twoâ€¦", "line one —\nline two…"),
    ],
)
def test_repairs_mojibake(broken: str, fixed: str) -> None:
    assert fix(broken) == fixed


@pytest.mark.parametrize(
    "clean",
    [
        "“Curly quotes” and ‘single’ ones",
        "全角：カッコ（）と句読点。",
        "ﬁnancial ligature",
        unicodedata.normalize("NFD", "décomposé"),
        "Ａｂｃ full width",
        "a &amp; b",
        "Naïve São Paulo, Zürich, Ελληνικά, Русский",
    ],
)
def test_keeps_what_is_not_mojibake(clean: str) -> None:
    assert fix(clean) == clean


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("S : 40,000â‚©", "S : 40,000₩"),  # cp1252
        ("R : 50,000‚Ç©", "R : 50,000₩"),  # MacRoman
        ("a‚Äãb", "a\u200bb"),  # zero-width space read as MacRoman
        ("soon! \uf8ffüôÇ", "soon! 🙂"),  # what ftfy leaves of an emoji read twice
    ],
)
def test_repairs_lone_symbols_ftfy_leaves(broken: str, fixed: str) -> None:
    doc = cleanpipe.run(broken, plugins="mojibake")
    assert doc.text == fixed
    assert doc.edits[0].rule.endswith("lone-symbol")
    assert fix(broken, fix_lone_symbols=False) == broken


@pytest.mark.parametrize(
    "clean", ["«quote»", "Ñandú", "smile üôÇ now", "±5 °C", "§ 12 ¶ 3"]
)
def test_lone_symbol_rule_leaves_real_text(clean: str) -> None:
    assert fix(clean) == clean


def test_other_ftfy_fixes_are_options() -> None:
    assert fix("“q” ﬁ", uncurl_quotes=True, fix_latin_ligatures=True) == '"q" fi'
    assert fix("a &amp; b", unescape_html=True) == "a & b"
    assert fix(unicodedata.normalize("NFD", "é"), normalization="NFC") == "é"


def test_each_repair_is_recorded_with_how_it_was_found() -> None:
    doc = cleanpipe.run("He said Putinâ€™s, cafÃ©.", plugins="mojibake")
    assert doc.text == "He said Putin’s, café."
    assert {e.rule for e in doc.edits} == {"utf8-as-sloppy-windows-1252"}
    assert [(e.before, e.after) for e in doc.edits] == [("â€™", "’"), ("Ã©", "é")]


def test_the_benchmark_cases() -> None:
    rows = [
        json.loads(line)
        for line in DATA.read_text(encoding="utf-8").split("\n")
        if line
    ]
    passed = sum(
        fix(r["original"]).strip()
        in {r["fixed"].strip(), r.get("fixed-encoding", "").strip()}
        for r in rows
    )
    assert passed / len(rows) >= 0.995


@given(st.text())
def test_only_touches_non_ascii(text: str) -> None:
    for edit in cleanpipe.run(text, plugins="mojibake").edits:
        assert not edit.before.isascii()
