"""Checks on the project itself: hooks documented and tested, plugins decoupled."""

from __future__ import annotations

import ast
import inspect
import re
import tomllib
from pathlib import Path

import pytest

import cleanpipe
from cleanpipe import hookspecs

ROOT = Path(__file__).resolve().parent.parent
HOOKS = [name for name in dir(hookspecs) if name.startswith("cleanpipe_")]


def test_there_are_hooks() -> None:
    assert HOOKS == ["cleanpipe_register_commands", "cleanpipe_register_steps"]


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented_with_its_signature(hook: str) -> None:
    signature = str(inspect.signature(getattr(hookspecs, hook))).split(" -> ")[0]
    parameters = re.sub(r": [^,)]+", "", signature)
    assert f"## {hook}{parameters}" in (ROOT / "docs" / "hooks.md").read_text()


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_test(hook: str) -> None:
    tests = "".join(
        p.read_text()
        for p in (ROOT / "tests").glob("test_*.py")
        if p.name != "test_meta.py"
    )
    assert hook in tests


def test_builtins_are_entry_points_of_this_package_and_the_default_set() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    entry_points = project["project"]["entry-points"]["cleanpipe"]
    assert tuple(entry_points) == cleanpipe.DEFAULT_STEPS
    package = ROOT / "plugins" / "cleanpipe_plugins"
    modules = {p.stem for p in package.glob("*.py")} | {
        p.parent.name for p in package.glob("*/__init__.py")
    }
    # The modules the steps share: every other module is a plugin.
    shared = {"__init__", "words"}
    assert {v.rpartition(".")[2] for v in entry_points.values()} == modules - shared


def test_builtins_use_only_the_public_api() -> None:
    for path in (ROOT / "plugins" / "cleanpipe_plugins").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("cleanpipe."), (
                    f"{path.name}: {node.module}"
                )
            if isinstance(node, ast.Import):
                assert all(not a.name.startswith("cleanpipe.") for a in node.names), (
                    path.name
                )


def test_core_and_plugins_hold_only_their_package() -> None:
    assert sorted(p.name for p in (ROOT / "core").iterdir()) == ["cleanpipe"]
    assert sorted(p.name for p in (ROOT / "plugins").iterdir()) == ["cleanpipe_plugins"]


def test_public_api_is_documented() -> None:
    for name in cleanpipe.__all__:
        obj = getattr(cleanpipe, name)
        if callable(obj):
            assert inspect.getdoc(obj), name
