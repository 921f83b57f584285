from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from conftest import SEED, Cli

TITLE = (
    "More Than Half Of North Korean Troops Sent To Russia Injured Or Killed, UK Says"
)


def test_seed_is_cleaned(cli: Cli) -> None:
    result = cli("run", "--plugins", "default", str(SEED))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(TITLE + "\n")
    for chrome in ("cupure logo", "israeldaytrumpindia", "Comments", "Breaking news"):
        assert chrome not in result.stdout
    assert "which began in 2022." in result.stdout
    assert result.stderr == ""


def test_empty_plugins_runs_no_step(cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("one.Two")
    result = cli("run", "--plugins", "", str(page))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "one.Two\n"


def test_file_stdin_and_jsonl_give_the_same_text(
    cli: Cli, seed_text: str, tmp_path: Path
) -> None:
    from_file = cli("run", str(SEED)).stdout
    from_stdin = cli("run", "-", stdin=seed_text).stdout
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": 7, "text": seed_text, "url": "u"}) + "\n")
    record = json.loads(cli("run", str(corpus)).stdout)
    assert from_file == from_stdin == record["text"] + "\n"
    assert record["id"] == 7
    assert list(record) == ["id", "text", "url"]


def test_jsonl_keeps_order_fields_and_reports_bad_lines(
    cli: Cli, tmp_path: Path
) -> None:
    corpus = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"body": "first.Second", "n": 1}),
        "{not json",
        json.dumps({"n": 3}),
        json.dumps({"body": "third.Fourth", "n": 4}),
    ]
    corpus.write_text("\n".join(lines) + "\n")
    errors = tmp_path / "rejected.jsonl"
    result = cli(
        "run",
        "--plugins",
        "sentence-split",
        "--text-field",
        "body",
        "--errors",
        str(errors),
        str(corpus),
    )
    assert result.returncode == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out == [{"body": "first. Second", "n": 1}, {"body": "third. Fourth", "n": 4}]
    assert f"{corpus}:2: rejected: not valid JSON" in result.stderr
    assert f"{corpus}:3: rejected: has no field 'body'" in result.stderr
    assert errors.read_text().splitlines() == lines[1:3]
    assert "Traceback" not in result.stderr


def test_gzip_jsonl_in_and_out(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "in" / "part.jsonl.gz"
    source.parent.mkdir()
    with gzip.open(source, "wt") as stream:
        stream.write(json.dumps({"text": "one.Two"}) + "\n")
    result = cli(
        "run",
        "--plugins",
        "sentence-split",
        str(source.parent),
        "-o",
        str(tmp_path / "out"),
    )
    assert result.returncode == 0, result.stderr
    with gzip.open(tmp_path / "out" / "part.jsonl.gz", "rt") as stream:
        assert json.loads(stream.read()) == {"text": "one. Two"}


def test_directory_in_directory_out(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text("one.Two")
    (tmp_path / "in" / "sub" / "b.txt").write_text("three.Four")
    (tmp_path / "in" / "ignored.md").write_text("x.Y")
    result = cli(
        "run",
        "--plugins",
        "sentence-split",
        str(tmp_path / "in"),
        "-o",
        str(tmp_path / "out"),
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "a.txt").read_text() == "one. Two\n"
    assert (tmp_path / "out" / "sub" / "b.txt").read_text() == "three. Four\n"
    assert not (tmp_path / "out" / "ignored.md").exists()


def test_output_file_and_refusing_to_overwrite_an_input(
    cli: Cli, tmp_path: Path
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("one.Two")
    out = tmp_path / "clean.txt"
    assert (
        cli("run", "--plugins", "sentence-split", str(page), "-o", str(out)).returncode
        == 0
    )
    assert out.read_text() == "one. Two\n"
    refused = cli("run", str(page), "-o", str(page))
    assert refused.returncode == 2
    assert "use --in-place" in refused.stderr
    assert page.read_text() == "one.Two"
    in_place = cli(
        "run", "--plugins", "sentence-split", "--in-place", str(page), "-o", str(page)
    )
    assert in_place.returncode == 0
    assert page.read_text() == "one. Two\n"


def test_explain_goes_to_stderr_and_leaves_stdout_alone(cli: Cli) -> None:
    plain = cli("run", str(SEED))
    explained = cli("run", "--explain", str(SEED))
    assert explained.stdout == plain.stdout
    assert "-- sentence-split:" in explained.stderr
    assert "region.[' ' → ' ']" not in explained.stderr
    assert "[''" in explained.stderr
    assert "→ ' ']More than half" in explained.stderr
    assert "-- header-footer:" in explained.stderr
    assert "cupure logo" in explained.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "--plugins", "default,nope", "x"], "unknown step 'nope'"),
        (["run", "-O", "mojibake.nope=1", str(SEED)], "has no option 'nope'"),
        (["run", "-O", "oops", str(SEED)], "must look like STEP.OPTION=VALUE"),
        (["run", "no/such/file.txt"], "no such file or directory"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    cli: Cli, args: list[str], message: str
) -> None:
    result = cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_config_file_sets_plugins_and_options(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cleanpipe]\nplugins = "mojibake"\n'
        "[tool.cleanpipe.options.mojibake]\nuncurl_quotes = true\n"
    )
    (tmp_path / "page.txt").write_text("“Putinâ€™s” region.More")
    result = cli("run", "page.txt", cwd=tmp_path)
    assert result.stdout == '"Putin\'s" region.More\n'
    overridden = cli(
        "run", "-O", "mojibake.uncurl_quotes=false", "page.txt", cwd=tmp_path
    )
    assert overridden.stdout == "“Putin’s” region.More\n"
    (tmp_path / "cleanpipe.toml").write_text("colour = 1\n")
    bad = cli("run", "page.txt", cwd=tmp_path)
    assert bad.returncode == 2
    assert "unknown key(s) colour" in bad.stderr


def test_version_and_help_explain_each_option(cli: Cli) -> None:
    assert cli("--version").stdout.startswith("cleanpipe ")
    help_text = cli("run", "--help").stdout
    for option in (
        "--plugins",
        "-O",
        "--config",
        "-o",
        "--format",
        "--text-field",
        "--explain",
        "--on-error",
        "--errors",
        "--in-place",
        "--traceback",
        "--jobs",
        "--batch-size",
        "--stats",
        "--shard",
        "--force",
        "--engine",
        "--scheduler",
    ):
        assert f"{option} " in help_text or f"{option}," in help_text


def test_plugins_lists_builtins_with_package_and_default(cli: Cli) -> None:
    rows = json.loads(cli("plugins", "--json").stdout)
    names = [row["name"] for row in rows]
    assert names[:4] == ["mojibake", "related-links", "header-footer", "sentence-split"]
    assert all(
        row["default"] and row["package"].startswith("cleanpipe ") for row in rows[:4]
    )
    assert all(row["description"] for row in rows)


def test_metadata_field_keeps_what_steps_split_off(
    cli: Cli, seed_text: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"text": seed_text}) + "\n")
    record = json.loads(cli("run", "--metadata-field", "cleanpipe", str(corpus)).stdout)
    removed = record["cleanpipe"]["header_footer"]["removed"]
    assert {"rule": "before-article", "text": "cupure logo"} in removed or any(
        "cupure logo" in r["text"] for r in removed
    )
    assert record["cleanpipe"]["related_links"]
    assert "cleanpipe" not in json.loads(cli("run", str(corpus)).stdout)
