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


# What the pre-check may skip: ftfy's badness test, searched near non-ASCII runs
# only, must agree with ftfy's own on every line.
_BADNESS_ALPHABET = (
    "abcxyzABC .,?!-'\"\t09ÂÃÎÐ×²³ØÙàµ¹¼½¾√±∂†≠®™´≤≥¥ø≈°¢‚Äìîïòôúùûπâóäêв"
    "ЂВГРСўβ€Ά\xadΒΓΞΟāŒœŠš£Ÿž\xa0©·»–—“”‘’éèÉ\x85\x9c█▒"
)


@given(st.text(alphabet=_BADNESS_ALPHABET, max_size=80))
def test_badness_near_non_ascii_is_ftfy_badness(text: str) -> None:
    from ftfy.badness import is_bad

    from cleanpipe_plugins.mojibake import _is_bad

    assert _is_bad(text) == is_bad(text)


def test_badness_near_non_ascii_on_the_benchmark() -> None:
    from ftfy.badness import is_bad

    from cleanpipe_plugins.mojibake import _is_bad

    with DATA.open(encoding="utf-8") as stream:
        rows = [json.loads(line) for line in stream]
    lines = [line for row in rows for line in row["original"].split("\n")]
    assert [_is_bad(line) for line in lines] == [is_bad(line) for line in lines]


def test_clean_typography_is_not_sent_to_ftfy(monkeypatch: pytest.MonkeyPatch) -> None:
    import ftfy

    calls: list[str] = []
    real = ftfy.fix_and_explain

    def counting(text: str, *args: object, **kwargs: object) -> object:
        calls.append(text)
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ftfy, "fix_and_explain", counting)
    text = "The café’s “menu” – open 9–5 — isn’t it? Ça va.\nNext line é "
    assert fix(text) == text
    assert calls == []
    assert fix("Putinâ€™s behalf") == "Putin’s behalf"
    assert calls == ["Putinâ€™s behalf"]
