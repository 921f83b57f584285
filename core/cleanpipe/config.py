"""Settings from ``cleanpipe.toml`` or ``[tool.cleanpipe]`` in ``pyproject.toml``.

::

    # cleanpipe.toml                    # pyproject.toml
    plugins = "default,-related-links"  # [tool.cleanpipe]
    [options.related-links]             # plugins = "default"
    min_items = 3                       # [tool.cleanpipe.options.related-links]

The command line wins over the file, the file over the steps' defaults.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from cleanpipe.errors import OptionError

__all__ = ["Settings", "find_settings", "read_settings"]

_KEYS = {"plugins", "options"}


@attrs.frozen
class Settings:
    """What a config file sets: the plugin spec and per-step options."""

    plugins: str | None = None
    options: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)
    source: Path | None = None


def find_settings(directory: Path) -> Settings:
    """Read ``cleanpipe.toml``, else ``[tool.cleanpipe]`` of ``pyproject.toml``.

    Both are looked for in ``directory`` only; with neither, the settings
    are empty.
    """
    own = directory / "cleanpipe.toml"
    if own.is_file():
        return read_settings(own)
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file():
        return read_settings(pyproject)
    return Settings()


def read_settings(path: Path) -> Settings:
    """Read the settings of one file; ``OptionError`` if they are malformed."""
    import tomllib  # here: most runs have no config file to read

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        msg = f"cannot read config {path}: {exc}"
        raise OptionError(msg) from exc
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("cleanpipe", {})
    table = f"{path}" + (" [tool.cleanpipe]" if path.name == "pyproject.toml" else "")
    unknown = set(data) - _KEYS
    if unknown:
        msg = f"{table}: unknown key(s) {', '.join(sorted(unknown))}; allowed: plugins, options"
        raise OptionError(msg)
    plugins = data.get("plugins")
    options = data.get("options", {})
    if plugins is not None and not isinstance(plugins, str):
        msg = f"{table}: 'plugins' must be a string such as \"default,-related-links\""
        raise OptionError(msg)
    if not isinstance(options, dict) or not all(
        isinstance(v, dict) for v in options.values()
    ):
        msg = f"{table}: 'options' must hold one table per step, [options.STEP]"
        raise OptionError(msg)
    return Settings(plugins=plugins, options=options, source=path)
