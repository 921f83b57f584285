"""Shared fixtures: the seed, the command line, and real plugin packages."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
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
