from __future__ import annotations

import types

import attrs
import pytest

import cleanpipe
from cleanpipe import Document, OptionError, Pipeline, SpecError, StepError
from cleanpipe.pipeline import parse_spec
from cleanpipe.plugins import load_registry

KNOWN = dict.fromkeys(
    ["mojibake", "related-links", "sentence-split", "header-footer", "shout"]
)


def test_default_expands_to_the_fixed_order() -> None:
    assert parse_spec("default", KNOWN) == cleanpipe.DEFAULT_STEPS


def test_spec_adds_removes_and_keeps_order() -> None:
    assert parse_spec("default,-related-links,shout", KNOWN) == (
        "mojibake",
        "header-footer",
        "sentence-split",
        "shout",
    )
    assert parse_spec("shout,mojibake", KNOWN) == ("shout", "mojibake")
    assert parse_spec("", KNOWN) == ()


def test_unknown_step_lists_the_known_ones() -> None:
    with pytest.raises(
        SpecError, match=r"unknown step 'nope'.*available: header-footer, mojibake"
    ):
        parse_spec("default,nope", KNOWN)


def test_a_step_named_twice_is_an_error() -> None:
    with pytest.raises(SpecError, match="appears twice"):
        parse_spec("mojibake,shout,mojibake", KNOWN)


def test_run_text_equals_clean(seed_text: str) -> None:
    doc = cleanpipe.run(seed_text)
    assert doc.text == cleanpipe.clean(seed_text)
    assert cleanpipe.replay(seed_text, doc.edits) == doc.text
    assert {e.step for e in doc.edits} <= set(cleanpipe.DEFAULT_STEPS)


def test_options_are_checked_by_name_and_value() -> None:
    with pytest.raises(
        OptionError, match=r"has no option 'nope'; its options are: fix_encoding: bool"
    ):
        cleanpipe.clean("x", plugins="mojibake", mojibake={"nope": True})
    with pytest.raises(OptionError, match="takes bool, which 'maybe' is not"):
        Pipeline.from_spec("mojibake", {"mojibake": {"uncurl_quotes": "maybe"}})


def test_options_change_what_a_step_does() -> None:
    text = "“quoted”"
    assert cleanpipe.clean(text, plugins="mojibake") == text
    assert (
        cleanpipe.clean(text, plugins="mojibake", mojibake={"uncurl_quotes": True})
        == '"quoted"'
    )


@attrs.frozen
class _Limit:
    most: int = 3


def _registered(*steps: tuple[str, object, type | None]) -> types.SimpleNamespace:
    def cleanpipe_register_steps(register: cleanpipe.Register) -> None:
        for name, function, options in steps:
            register(name, function, options=options)

    return types.SimpleNamespace(
        cleanpipe_register_steps=cleanpipe.hookimpl(cleanpipe_register_steps)
    )


def test_text_and_document_steps_and_their_options() -> None:
    def cut(text: str, options: _Limit) -> str:
        return text[: options.most]

    def tag(doc: Document) -> Document:
        return doc.apply([(0, 0, ">", "mark")]).with_metadata(tagged=True)

    registry = load_registry(
        plugins=[_registered(("cut", cut, _Limit), ("tag", tag, None))], autoload=False
    )
    pipeline = Pipeline.from_spec("cut,tag", {"cut": {"most": "4"}}, steps=registry)
    doc = pipeline.run("abcdefg")
    assert doc.text == ">abcd"
    assert doc.metadata == {"tagged": True}
    assert [(e.step, e.rule, e.before) for e in doc.edits] == [
        ("cut", "diff", "efg"),
        ("tag", "mark", ""),
    ]


def test_a_failing_step_is_named_with_its_package() -> None:
    def bad(text: str) -> str:
        raise RuntimeError("kaput")

    registry = load_registry(plugins=[_registered(("bad", bad, None))], autoload=False)
    with pytest.raises(
        StepError,
        match=r"step 'bad' \(not installed\) failed on doc-7: RuntimeError: kaput",
    ):
        Pipeline.from_spec("bad", steps=registry).run(Document("x", id="doc-7"))


def test_a_step_returning_the_wrong_type_is_its_error() -> None:
    registry = load_registry(
        plugins=[_registered(("count", len, None))], autoload=False
    )
    with pytest.raises(StepError, match="returned int, expected str"):
        Pipeline.from_spec("count", steps=registry).run("abc")


def test_a_plugin_that_fails_to_register_is_reported_and_others_load() -> None:
    def cleanpipe_register_steps(register: cleanpipe.Register) -> None:
        register("Bad Name", str.upper)

    bad = types.SimpleNamespace(
        cleanpipe_register_steps=cleanpipe.hookimpl(cleanpipe_register_steps)
    )
    good = _registered(("ok", str.lower, None))
    registry = load_registry(plugins=[bad, good], autoload=False)
    assert list(registry.steps) == ["ok"]
    assert "must be lower case words" in str(registry.problems[0])


def test_builtins_win_a_name_clash() -> None:
    registry = load_registry(plugins=[_registered(("mojibake", str.upper, None))])
    assert registry.steps["mojibake"].package.startswith("cleanpipe ")
    assert any("already registers" in str(p) for p in registry.problems)


def test_collection_and_float_options_from_text_and_toml() -> None:
    from_cli = Pipeline.from_spec(
        "header-footer,sentence-split",
        {
            "header-footer": {"extra_chrome": "Sign up, Log in"},
            "sentence-split": {"min_part_zipf": "3"},
        },
    )
    (_, chrome), (_, split) = from_cli.steps
    assert chrome.extra_chrome == frozenset({"sign up", "log in"})
    assert split.min_part_zipf == 3.0
    from_toml = Pipeline.from_spec(
        "sentence-split",
        {"sentence-split": {"min_part_zipf": 3, "languages": ["en", "de"]}},
    )
    assert from_toml.steps[0][1].languages == ("en", "de")
