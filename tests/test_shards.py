"""The shard: one input into one output, atomically, marked finished; --shard I/N."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from cleanpipe.files import UsageError
from cleanpipe.markers import marker_path
from cleanpipe.shards import clean_shard, parse_shard
from conftest import Cli, tree


def _write_jsonl(path: Path, texts: list[str]) -> None:
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts))


def test_clean_shard_writes_the_output_and_a_marker_then_skips(tmp_path: Path) -> None:
    source = tmp_path / "part-0.jsonl"
    _write_jsonl(source, ["one.Two", "three.Four", "{bad"])
    source.write_text(source.read_text() + "{bad\n")
    output = tmp_path / "out" / "part-0.jsonl.gz"
    first = clean_shard(source, output, "sentence-split")
    assert not first.skipped
    lines = gzip.decompress(output.read_bytes()).decode().splitlines()
    assert [json.loads(line)["text"] for line in lines] == [
        "one. Two",
        "three. Four",
        "{bad",
    ]
    (report,) = first.reports
    assert report.startswith(f"{source}:4: rejected: not valid JSON")
    assert (first.stats.documents, first.stats.written) == (4, 3)
    marker = json.loads(marker_path(output).read_text())
    assert marker["stats"]["documents"]["rejected"] == 1

    written = output.stat().st_mtime_ns
    again = clean_shard(source, output, "sentence-split")
    assert again.skipped
    # The rerun does no work but still owns up to the record the output lacks.
    assert again.reports == (
        (
            f"{output}: skipped: an earlier run finished it with 1 rejected record, "
            "reported then (--force cleans it again)"
        ),
    )
    assert again.stats.rejected == 1
    assert again.stats.exit_code != 0
    assert output.stat().st_mtime_ns == written

    clean = tmp_path / "clean.jsonl"
    _write_jsonl(clean, ["one.Two"])
    clean_shard(clean, tmp_path / "out" / "clean.jsonl", "sentence-split")
    rerun = clean_shard(clean, tmp_path / "out" / "clean.jsonl", "sentence-split")
    assert (rerun.skipped, rerun.reports, rerun.stats.exit_code) == (True, (), 0)


@pytest.mark.parametrize(
    "change",
    ["other steps", "other options", "force", "input changed", "output removed"],
)
def test_a_shard_is_cleaned_again_when_what_it_depends_on_changes(
    tmp_path: Path, change: str
) -> None:
    source = tmp_path / "part.jsonl"
    _write_jsonl(source, ["Putinâ€™s region.More"])
    output = tmp_path / "out.jsonl"
    clean_shard(source, output, "mojibake")
    plugins, options, force = "mojibake", {}, False
    if change == "other steps":
        plugins = "mojibake,sentence-split"
    elif change == "other options":
        options = {"mojibake": {"uncurl_quotes": True}}
    elif change == "force":
        force = True
    elif change == "input changed":
        _write_jsonl(source, ["“Putinâ€™s” region.More"])
    else:
        output.unlink()
    result = clean_shard(source, output, plugins, options, force=force)
    assert not result.skipped
    assert result.stats.documents == 1


def test_an_unreadable_shard_is_not_marked(tmp_path: Path) -> None:
    source = tmp_path / "part.jsonl.gz"
    source.write_bytes(gzip.compress(b'{"text": "a"}\n' * 100)[:-12])
    output = tmp_path / "out.jsonl"
    result = clean_shard(source, output)
    assert result.stats.unreadable == 1
    assert result.reports[0].startswith(f"cannot read {source}")
    assert not marker_path(output).exists()
    assert clean_shard(source, output).stats.unreadable == 1


def test_a_shard_is_one_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="a shard is one file"):
        clean_shard(tmp_path, tmp_path / "out.jsonl")


def test_the_shards_of_a_run_add_up_to_the_whole_run(
    cli: Cli, corpus: Path, tmp_path: Path
) -> None:
    whole = tmp_path / "whole"
    cli("run", str(corpus), "-o", str(whole))
    parts = tmp_path / "parts"
    for index in range(3):
        result = cli("run", "--shard", f"{index}/3", str(corpus), "-o", str(parts))
        assert result.returncode in (0, 1), result.stderr
        if index == 0:
            # Sorted inputs a, c, empty, page, sub/b: shard 0 takes a and page.
            assert sorted(tree(parts)) == ["a.jsonl", "page.txt"]
    assert tree(parts) == tree(whole)


@pytest.mark.parametrize("shard", ["3/3", "-1/3", "1", "a/b", "1/0"])
def test_bad_shard_values_are_usage_errors(
    cli: Cli, tmp_path: Path, shard: str
) -> None:
    result = cli("run", f"--shard={shard}", str(tmp_path), "-o", str(tmp_path / "o"))
    assert result.returncode == 2
    assert "argument --shard: a shard is I/N with 0 <= I < N" in result.stderr
    assert parse_shard("2/3") == (2, 3)


def test_a_rerun_skips_finished_inputs_and_redoes_the_rest(
    cli: Cli, corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = cli("run", str(corpus), "-o", str(out))
    assert first.returncode == 1  # the corpus has rejected records
    (out / "page.txt").unlink()
    page = corpus / "page.txt"
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))
    stats = tmp_path / "stats.json"
    again = cli("run", str(corpus), "-o", str(out), "--stats", str(stats))
    counts = json.loads(stats.read_text())
    assert counts["inputs"] == {"cleaned": 1, "skipped": 4, "unreadable": 0}
    # The skipped JSONL outputs lack the records the first run rejected: the
    # rerun says so, a line per shard, and still exits 1.
    assert again.returncode == 1
    rejected = first.stderr.count(": rejected: ")
    assert again.stderr.splitlines() == [
        f"cleanpipe: error: {out / name}: skipped: an earlier run finished it with "
        f"{n} rejected record{'s' * (n > 1)}, reported then (--force cleans it again)"
        for name, n in [("a.jsonl", 5), ("c.jsonl.gz", 5), ("sub/b.jsonl.zst", 1)]
    ]
    assert counts["documents"]["rejected"] == rejected == 11
    assert (out / "page.txt").exists()
    forced = cli("run", "--force", str(corpus), "-o", str(out), "--stats", str(stats))
    assert forced.stderr == first.stderr
    assert json.loads(stats.read_text())["inputs"]["cleaned"] == 5
