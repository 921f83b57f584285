"""The documentation is checked against the program it describes."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import cleanpipe
from cleanpipe.cli import main
from cleanpipe.pipeline import registry
from conftest import ROOT

DOCS = ROOT / "docs"


def _help(capsys: pytest.CaptureFixture[str], *command: str) -> str:
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    return capsys.readouterr().out


def _options(help_text: str) -> list[str]:
    """The option strings of a --help text: ``-o``, ``--output``, ..."""
    # argparse puts each option's invocation at an indent of two spaces, and
    # the help beside it or below, at a deeper indent.
    invocations = re.findall(r"^  (-\S.*?)(?:\s{2,}|$)", help_text, re.MULTILINE)
    return [part.split()[0] for line in invocations for part in line.split(", ")]


def test_cli_page_documents_every_command_and_option(
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = (DOCS / "cli.md").read_text()
    top = _help(
        capsys,
    )
    commands = re.findall(r"^    (\w[\w-]*)\s{2,}", top, re.MULTILINE)
    # cleanpipe's own commands, then the built-in header-footer plugin's.
    assert commands == ["run", "plugins", "sites"]
    missing = [option for option in _options(top) if f"`{option}" not in page]
    for command in [["run"], ["plugins"], ["sites", "learn"], ["sites", "show"]]:
        assert f"\n## cleanpipe {command[0]}\n" in page
        sub = _options(_help(capsys, *command))
        assert "--traceback" in sub or command[0] == "sites"
        missing += [f"{command} {o}" for o in sub if f"`{o}" not in page]
    assert not missing, f"options missing from docs/cli.md: {missing}"


def test_built_in_steps_page_documents_every_step_and_option() -> None:
    page = (DOCS / "plugins.md").read_text()
    for name in cleanpipe.DEFAULT_STEPS:
        assert f"\n## `{name}`\n" in page
        options = registry().steps[name].options
        fields = (
            []
            if options is None
            else [f.alias for f in attrs.fields(options) if f.init]
        )
        missing = [f for f in fields if f"`{f}`" not in page]
        assert not missing, f"options of {name} missing from docs/plugins.md: {missing}"


def _guide_files() -> dict[str, str]:
    """The files that writing-plugins.md shows, each at its last version."""
    guide = (DOCS / "writing-plugins.md").read_text()
    blocks = re.findall(
        r'^```\w+ title="([^"]+)"\n(.*?)^```$', guide, re.MULTILINE | re.DOTALL
    )
    return dict(blocks)


def test_every_version_of_the_guides_python_files_is_valid() -> None:
    guide = (DOCS / "writing-plugins.md").read_text()
    for code in re.findall(
        r"^```python[^\n]*\n(.*?)^```$", guide, re.MULTILINE | re.DOTALL
    ):
        ast.parse(code)


def test_writing_plugins_guide_gives_a_working_tested_plugin(
    tmp_path: Path, plugin_site: Callable[..., Path]
) -> None:
    files = _guide_files()
    assert set(files) == {
        "pyproject.toml",
        "cleanpipe_invisible.py",
        "tests/test_invisible.py",
    }
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content)
    # plugin_site joins names to tests/plugin_packages; an absolute path stays.
    env = {**os.environ, "PYTHONPATH": str(plugin_site(str(tmp_path)))}

    def run(*args: str, stdin: str | None = None, cwd: Path = tmp_path) -> str:
        return subprocess.run(
            [sys.executable, *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            cwd=cwd,
            check=True,
        ).stdout

    # Run from the project's root, to share its .hypothesis folder: hypothesis
    # caches its Unicode tables there, which take seconds to build anew.
    config = ("-c", str(tmp_path / "pyproject.toml"), "--rootdir", str(tmp_path))
    pytest_run = ("-m", "pytest", "-q", "-p", "no:cacheprovider", *config)
    tests = run(*pytest_run, str(tmp_path / "tests"), cwd=ROOT)
    assert "3 passed" in tests
    # The guide's point about order, through the installed entry point.
    order = (
        "import cleanpipe\n"
        "glued = 'the Kursk region.\\u00adMore than half'\n"
        "for spec in ('invisible-chars,default', 'default,invisible-chars'):\n"
        "    print(cleanpipe.clean(glued, plugins=spec))\n"
    )
    assert run("-c", order).splitlines() == [
        "the Kursk region. More than half",
        "the Kursk region.More than half",
    ]
