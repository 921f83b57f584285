"""Finished-shard markers: a file beside an output saying it is complete, and for what.

A rerun skips an input whose output has a marker made from the same input
file (path, size, modification time) with the same steps, step packages and
options: a changed input, an upgraded plugin or another option cleans it again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cleanpipe.cleaning import Handling
from cleanpipe.files import Input, atomic_output
from cleanpipe.pipeline import Pipeline

__all__ = [
    "MARKER_SUFFIX",
    "finished_problems",
    "mark_finished",
    "marker_path",
    "shard_key",
]

#: Appended to an output's name to name its marker: ``part-0.jsonl.zst.done``.
MARKER_SUFFIX = ".done"


def marker_path(output: Path) -> Path:
    """Where the marker of ``output`` is."""
    return output.with_name(output.name + MARKER_SUFFIX)


def shard_key(
    source: Input, pipeline: Pipeline, handling: Handling
) -> dict[str, Any] | None:
    """What the output of ``source`` depends on; ``None`` for standard input."""
    if source.path is None:
        return None
    stat = source.path.stat()
    return {
        "input": str(source.path.resolve()),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "format": source.format,
        # repr of an options instance lists every value, defaults included.
        "steps": [[s.name, s.package, repr(options)] for s, options in pipeline.steps],
        "text_field": handling.text_field,
        "on_error": handling.on_error,
        "metadata_field": handling.metadata_field,
        "max_bytes": handling.max_bytes,
    }


def finished_problems(output: Path, key: dict[str, Any]) -> tuple[int, int] | None:
    """``(failed, rejected)`` of the run that finished ``output`` for ``key``.

    ``None`` if ``output`` is missing or its marker was not written for ``key``:
    the shard is to be cleaned.
    """
    try:
        marker = json.loads(marker_path(output).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(marker, dict) or marker.get("key") != key:
        return None
    if not output.exists():
        return None
    try:
        documents = marker["stats"]["documents"]
        return int(documents["failed"]), int(documents["rejected"])
    except (KeyError, TypeError, ValueError):
        # A marker without readable counts proves nothing: clean again.
        return None


def mark_finished(output: Path, key: dict[str, Any], stats: dict[str, Any]) -> None:
    """Write the marker of ``output``, with the shard's stats for the curious."""
    with atomic_output(marker_path(output)) as stream:
        json.dump({"key": key, "stats": stats}, stream, indent=1)
        stream.write("\n")
