"""--stats, the closing summary, the progress line and step timings."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import cleanpipe
from cleanpipe import Pipeline
from cleanpipe.progress import Progress
from cleanpipe.stats import Stats
from conftest import Cli

TEXTS = ["one.Two", "Putinâ€™s", "three.Four five.Six", "clean"]


def _corpus(path: Path) -> bytes:
    data = "".join(json.dumps({"text": t}) + "\n" for t in TEXTS) + "[1]\n"
    path.write_text(data, encoding="utf-8")
    return data.encode()


def test_stats_file_counts_documents_bytes_and_edits_by_rule(
    cli: Cli, tmp_path: Path
) -> None:
    data = _corpus(tmp_path / "in.jsonl")
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    result = cli(
        "run",
        "--plugins",
        "mojibake,sentence-split",
        str(tmp_path / "in.jsonl"),
        "-o",
        str(out),
        "--stats",
        str(stats),
    )
    assert result.returncode == 1  # the '[1]' record is rejected
    counts = json.loads(stats.read_text())
    assert counts["documents"] == {"in": 5, "out": 4, "failed": 0, "rejected": 1}
    assert counts["inputs"] == {"cleaned": 1, "skipped": 0, "unreadable": 0}
    assert counts["bytes"] == {"in": len(data), "out": out.stat().st_size}
    assert list(counts["steps"]) == ["mojibake", "sentence-split"]
    splits = counts["steps"]["sentence-split"]
    assert (splits["edits"], list(splits["rules"].values())) == (3, [3])
    assert counts["steps"]["mojibake"]["edits"] >= 1
    assert all(step["seconds"] >= 0 for step in counts["steps"].values())
    assert counts["seconds"] > 0
    # Quiet when standard error is not a terminal: only the rejection.
    assert result.stderr.count("\n") == 1


def test_on_a_terminal_the_run_ends_with_a_summary(tmp_path: Path) -> None:
    _corpus(tmp_path / "in.jsonl")
    controller, terminal = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    with os.fdopen(controller, "rb") as screen:
        process = subprocess.run(
            [sys.executable, "-m", "cleanpipe", "run", str(tmp_path / "in.jsonl")],
            stderr=terminal,
            stdout=subprocess.PIPE,
            env=env,
            check=False,
        )
        os.close(terminal)
        shown = screen.read1(65536).decode()
    assert process.returncode == 1
    assert "rejected:" in shown
    assert "5 documents in, 4 out, 0 failed, 1 rejected" in shown
    assert "sentence-split" in shown


def test_progress_line_shows_counts_rates_and_time_left() -> None:
    now = [100.0]
    screen = io.StringIO()
    progress = Progress(screen, total=4_000_000, clock=lambda: now[0])
    batch = Stats(documents=500, bytes_in=2_000_000)
    now[0] += 0.1
    progress.advance(batch, read=1_000_000)
    assert screen.getvalue() == ""  # not redrawn more than every 0.2 s
    now[0] += 0.9
    progress.advance(batch, read=1_000_000)
    line = screen.getvalue()
    assert line.startswith("\r1,000 docs  4.0 MB  1,000 docs/s  4.0 MB/s  ETA 0:00:01")
    progress.skip(1_000_000)
    assert progress.line(now[0]).endswith("ETA 0:00:00")
    progress.clear()
    assert screen.getvalue().endswith("\r\x1b[K")
    assert not Progress(io.StringIO(), None).line(1.0).count("ETA")


def test_pipeline_run_adds_each_step_time() -> None:
    pipeline = Pipeline.from_spec("mojibake,sentence-split")
    timings: dict[str, float] = {"mojibake": 1.0}
    doc = pipeline.run("one.Two", timings=timings)
    assert doc.text == cleanpipe.clean("one.Two", plugins="mojibake,sentence-split")
    assert list(timings) == ["mojibake", "sentence-split"]
    assert timings["mojibake"] > 1.0
    assert timings["sentence-split"] > 0.0


def test_stats_add_up() -> None:
    total = Stats(documents=2, step_seconds={"a": 1.0}, edits={"a": {"r": 1}})
    total.add(
        Stats(
            documents=3,
            step_seconds={"a": 0.5, "b": 2.0},
            edits={"a": {"r": 2, "s": 1}},
        )
    )
    assert (total.documents, total.step_seconds) == (5, {"a": 1.5, "b": 2.0})
    assert total.edits == {"a": {"r": 3, "s": 1}}
    assert total.to_json()["steps"]["a"]["edits"] == 4
