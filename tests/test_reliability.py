"""Hostile input, failing plugins and interrupted runs: nothing lost, no tracebacks."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from cleanpipe.decoding import binary_kind, decode_text
from conftest import Cli

PROSE = "Le café de la gare était fermé ce matin, à cause de la grève générale.\n"
JAPANESE = (
    "東京都は十五日、新しい感染症対策を発表した。専門家は慎重な対応を求めている。\n"
)


def _clean(cli: Cli, *files: Path) -> subprocess.CompletedProcess[str]:
    return cli("run", "--plugins", "mojibake", *map(str, files))


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1252", PROSE),
        ("latin-1", PROSE),
        ("shift_jis", JAPANESE * 3),
        ("gb18030", "中华人民共和国国务院今天发布了新的经济政策。" * 3),
    ],
)
def test_files_in_other_encodings_are_detected(
    cli: Cli, tmp_path: Path, encoding: str, text: str
) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(text.encode(encoding))
    result = _clean(cli, page)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == text.strip()


def test_invalid_bytes_inside_utf8_are_replaced_not_fatal(
    cli: Cli, tmp_path: Path
) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(PROSE.encode() + b"broken \xff byte, \xc3 and more caf\xc3\xa9\n")
    result = _clean(cli, page)
    assert result.returncode == 0
    assert result.stdout == PROSE + "broken \ufffd byte, \ufffd and more café\n"


def test_utf16_with_bom(tmp_path: Path) -> None:
    assert decode_text("ünïcode".encode("utf-16")) == ("ünïcode", "utf-16")


def _png(path: Path) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return path


def test_binary_files_are_refused_by_name_and_the_run_goes_on(
    cli: Cli, tmp_path: Path
) -> None:
    good = tmp_path / "a.txt"
    good.write_text("Fine text.")
    nul = tmp_path / "b.txt"
    nul.write_bytes(b"data\x00\x00\x00\x01\x02" * 100)
    result = _clean(cli, _png(tmp_path / "image.txt"), good, nul)
    assert result.returncode == 1
    assert result.stdout == "Fine text.\n"
    assert f"{tmp_path / 'image.txt'}: PNG image, not text; skipped" in result.stderr
    assert f"{nul}: binary data (NUL bytes), not text; skipped" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "head", [b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"%PDF-1.7", b"\x7fELF"]
)
def test_binary_signatures(head: bytes) -> None:
    assert binary_kind(head + b"rest") is not None


@pytest.mark.parametrize(
    "text", ["plain text", "tab\tand\r\nnewlines\x0c", "ünïcode ✓", ""]
)
def test_text_is_not_binary(text: str) -> None:
    assert binary_kind(text.encode()) is None


def test_empty_and_blank_files_give_empty_output(cli: Cli, tmp_path: Path) -> None:
    empty, blank = tmp_path / "empty.txt", tmp_path / "blank.txt"
    empty.write_text("")
    blank.write_text("  \n\t\n")
    result = cli("run", str(empty), str(blank), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "empty.txt").read_text() == ""
    assert (tmp_path / "out" / "blank.txt").read_text() == ""


def test_oversized_documents_are_reported_not_copied(cli: Cli, tmp_path: Path) -> None:
    corpus, errors = tmp_path / "c.jsonl", tmp_path / "errors.jsonl"
    corpus.write_text(
        json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": "small"}) + "\n"
    )
    options = ["--plugins", "mojibake", "--max-bytes", "1K", "--errors", str(errors)]
    result = cli("run", *options, str(corpus))
    assert result.returncode == 1
    assert result.stdout == '{"text": "small"}\n'
    assert (
        f"{corpus}:1: rejected: larger than the limit of 1,024 bytes" in result.stderr
    )
    # It is never read whole, so nothing of it (not even a blank line) goes to
    # the errors file: the report says where it is.
    assert errors.read_text() == ""


def test_non_string_text_and_lone_surrogates(cli: Cli, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": 5}\n{"text": "a\\ud800b"}\n')
    result = cli("run", "--plugins", "sentence-split", str(corpus))
    assert result.returncode == 1
    assert f"{corpus}:1: rejected: has a non-string field 'text'" in result.stderr
    assert result.stdout == '{"text": "a\\ud800b"}\n'
    repaired = cli("run", "--plugins", "mojibake", str(corpus))
    assert repaired.stdout == '{"text": "a\ufffdb"}\n'


def test_unwritable_output_is_one_line(cli: Cli, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = cli("run", "-", "-o", str(blocker / "out.txt"), stdin="text")
    assert result.returncode == 1
    assert "cleanpipe: error:" in result.stderr
    assert "Traceback" not in result.stderr


def test_killed_run_leaves_no_half_written_output(
    cli_with: Callable[..., Cli], plugin_site: Callable[..., Path], tmp_path: Path
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(json.dumps({"text": t}) + "\n" for t in ["fast", "fast", "slow"])
    )
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n")
    env = {"PYTHONPATH": str(plugin_site("cleanpipe-explodes"))}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cleanpipe",
            "run",
            "--plugins",
            "slow",
            str(corpus),
            "-o",
            str(out),
        ],
        env={**__import__("os").environ, **env},
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while not list(tmp_path.glob(".out.jsonl.*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob(".out.jsonl.*")), "the run never started writing"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert out.read_text() == "previous run\n"
