"""Shared fixtures: the seed, the command line, and real plugin packages."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import zstandard
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_9801730edea96100.txt"
PLUGIN_PACKAGES = Path(__file__).resolve().parent / "plugin_packages"

# Shared 2-core machines: no deadlines, a bounded number of examples.
settings.register_profile(
    "ci", deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None, max_examples=60)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

Cli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def _run_cli(
    env: dict[str, str], *args: str, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cleanpipe", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
    )


@pytest.fixture
def cli() -> Cli:
    """Run ``cleanpipe`` in a subprocess with only cleanpipe's own plugins."""
    env = {**os.environ}
    env.pop("PYTHONPATH", None)
    return lambda *args, **kw: _run_cli(env, *args, **kw)


@pytest.fixture(scope="session")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """Install test plugin packages with pip into a folder, once per session.

    The packages are real distributions (built by their own pyproject.toml),
    so cleanpipe finds them through their entry points, as it would in use.
    """
    installed: dict[tuple[str, ...], Path] = {}

    def install(*names: str) -> Path:
        if names not in installed:
            target = tmp_path_factory.mktemp("site")
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--no-deps",
                    "--no-build-isolation",
                    "--disable-pip-version-check",
                    "--target",
                    str(target),
                    *(str(PLUGIN_PACKAGES / n) for n in names),
                ],
                check=True,
                capture_output=True,
            )
            installed[names] = target
        return installed[names]

    return install


@pytest.fixture
def cli_with(plugin_site: Callable[..., Path]) -> Callable[..., Cli]:
    """``cli_with("cleanpipe-shout")``: run ``cleanpipe`` with those packages installed."""

    def make(*names: str) -> Cli:
        env = {**os.environ, "PYTHONPATH": str(plugin_site(*names))}
        return lambda *args, **kw: _run_cli(env, *args, **kw)

    return make


def _corpus_records(seed_text: str) -> list[str]:
    """JSONL lines of every kind a corpus holds, problems included."""
    lines = []
    for n in range(40):
        if n % 13 == 5:
            lines.append("{not json")
        elif n % 11 == 7:
            lines.append(json.dumps({"id": n, "body": "no text field"}))
        elif n % 9 == 4:
            lines.append(json.dumps({"id": n, "text": f"boom {n}.It fails"}))
        elif n % 7 == 3:
            lines.append(json.dumps({"id": n, "text": seed_text}, ensure_ascii=False))
        else:
            text = f"Record {n} of the Kursk region.More Putinâ€™s “quote”"
            lines.append(json.dumps({"id": n, "text": text}, ensure_ascii=False))
    return lines


@pytest.fixture
def corpus(tmp_path: Path, seed_text: str) -> Path:
    """A directory with an input of every kind: JSONL plain, gzip and zstd, text.

    Its records include ones that are not JSON, lack the text field, or make
    the ``explode`` step of the cleanpipe-explodes test plugin fail ('boom').
    """
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    lines = _corpus_records(seed_text)
    (root / "a.jsonl").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    with gzip.open(root / "c.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.write("\n".join(reversed(lines)) + "\n")
    data = ("\n".join(lines[::2]) + "\n").encode()
    (root / "sub" / "b.jsonl.zst").write_bytes(zstandard.compress(data))
    (root / "page.txt").write_text(seed_text, encoding="utf-8")
    (root / "empty.jsonl").write_text("")
    return root


def tree(root: Path) -> dict[str, bytes]:
    """Every file below ``root`` but the finished markers, by relative path."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.endswith(".done")
    }
