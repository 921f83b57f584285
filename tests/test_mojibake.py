from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

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


# The pre-check must find every line the encoding repairs may change: where
# ftfy's badness pattern matches, a C1 control or a surrogate, and the start of
# every run the lone-symbol repair changes.


def _may_change(text: str) -> bool:
    from ftfy.badness import is_bad

    return is_bad(text) or any(
        "\x80" <= c <= "\x9f" or "\ud800" <= c <= "\udfff" for c in text
    )


def _pre_check_alphabet() -> list[str]:
    """Every non-ASCII character ftfy's badness pattern names, two of each of its
    categories' ranges, and ASCII letters, digits, spaces and punctuation."""
    import re

    from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES

    chars = {c for c in BADNESS_RE.pattern if not c.isascii()}
    for body in MOJIBAKE_CATEGORIES.values():
        members = [
            chr(i) for i in range(0x80, 0x3000) if re.fullmatch(f"[{body}]", chr(i))
        ]
        chars.update(members[:2] + members[-2:])
    return sorted(chars) + list("aZ0 \t\n.,?!_-'") + ["\ud800", "한"]


def test_the_pre_check_uses_the_mirror_of_the_installed_ftfy() -> None:
    from cleanpipe_plugins.mojibake import _SUSPECT, _candidates

    # If this fails, ftfy's badness pattern changed: update _badness_branches
    # (until then every _SUSPECT line is checked, correct but slower).
    assert _candidates() is not _SUSPECT


def test_the_pre_check_finds_every_pair_ftfy_judges_bad() -> None:
    from cleanpipe_plugins.mojibake import _candidates

    alphabet = _pre_check_alphabet()
    missed = [
        a + b
        for a in alphabet
        for b in alphabet
        if _may_change(a + b) and not _candidates().search(a + b)
    ]
    assert missed == []


@given(st.text(alphabet=_BADNESS_ALPHABET + "\ud800ĀǅЂў", max_size=40))
def test_the_pre_check_finds_what_ftfy_judges_bad(text: str) -> None:
    from cleanpipe_plugins.mojibake import _candidates

    assert not _may_change(text) or _candidates().search(text)


def test_the_pre_check_finds_every_lone_symbol() -> None:
    from cleanpipe_plugins.mojibake import _LONE_SYMBOL, _candidates, _decoded_symbol

    missed = []
    for code in [
        *range(0x2000, 0xD800),
        *range(0xE000, 0x10000),
        *range(0x1F300, 0x1FB00),
    ]:
        for encoding in ("sloppy-windows-1252", "mac_roman"):
            try:
                text = chr(code).encode("utf-8").decode(encoding)
            except UnicodeDecodeError:
                continue
            changed = _LONE_SYMBOL.sub(_decoded_symbol, text) != text
            if changed and not _candidates().search(text):
                missed.append(text)
    assert missed == []


def _branch_examples() -> list[str]:
    """Strings that each branch of ftfy's badness pattern matches: every
    position of a branch takes each character its class allows (a sample of
    large classes), the other positions keep one character of theirs.

    Reads the pattern with the standard library's own regex parser.
    """
    from re import _constants as sre
    from re import _parser

    from ftfy.badness import BADNESS_RE

    universe = [chr(i) for i in [*range(0x3000), 0xF8FF, 0xFB01, 0xFB02, 0xFFFD]]

    def members(op: object, av: Any) -> list[str]:
        if op is sre.LITERAL:
            return [chr(av)]
        if op is sre.ANY:
            return ["x"]
        if op is sre.AT:  # "^": the example starts there
            return [""]
        if op is sre.MAX_REPEAT:  # "\s?"
            return ["", " ", "\t"]
        assert op is sre.IN, op
        pattern = re.compile(f"[{_class_source(av)}]")
        found = [c for c in universe if pattern.fullmatch(c)]
        return found if len(found) < 400 else found[:: len(found) // 200]

    (op, (_, branches)) = _parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags).data[0]
    assert op is sre.BRANCH
    examples = []
    for branch in branches:
        positions = [members(op, av) for op, av in branch]
        fixed = [chars[0] for chars in positions]
        for i, chars in enumerate(positions):
            examples += ["".join([*fixed[:i], c, *fixed[i + 1 :]]) for c in chars]
    return examples


def _class_source(items: Any) -> str:
    """The body of a character class that the regex parser read as ``items``."""
    from re import _constants as sre

    parts = []
    for op, av in items:
        if op is sre.NEGATE:
            parts.insert(0, "^")
        elif op is sre.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is sre.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        else:
            assert op is sre.CATEGORY, op
            parts.append({sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_WORD: r"\w"}[av])
    return "".join(parts)


def test_the_pre_check_finds_every_branch_of_ftfys_badness() -> None:
    from ftfy.badness import is_bad

    from cleanpipe_plugins.mojibake import _candidates

    examples = _branch_examples()
    assert len(examples) > 1000
    missed = [t for t in examples if is_bad(t) and not _candidates().search(t)]
    assert missed == []
