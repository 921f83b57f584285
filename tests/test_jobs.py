"""--jobs: worker processes give the output, messages and counts of one job."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cleanpipe import Pipeline, StepError
from cleanpipe.pool import ordered_map
from conftest import Cli, tree

PLUGINS = "mojibake,sentence-split,explode,header-footer"


@pytest.fixture
def explodes(cli_with: Callable[..., Cli]) -> Cli:
    return cli_with("cleanpipe-explodes")


@pytest.mark.parametrize("on_error", ["keep", "skip", "fail"])
def test_two_jobs_write_and_report_what_one_job_does(
    explodes: Cli, corpus: Path, tmp_path: Path, on_error: str
) -> None:
    runs = {}
    for jobs in ("1", "2"):
        errors = tmp_path / f"errors-{jobs}.jsonl"
        stats = tmp_path / f"stats-{jobs}.json"
        result = explodes(
            "run",
            "--plugins",
            PLUGINS,
            "--on-error",
            on_error,
            "--jobs",
            jobs,
            "--batch-size",
            "3",
            "--errors",
            str(errors),
            "--stats",
            str(stats),
            str(corpus / "a.jsonl"),
        )
        counts = json.loads(stats.read_text())
        del counts["seconds"]
        for step in counts["steps"].values():
            del step["seconds"]
        runs[jobs] = (result.returncode, result.stdout, result.stderr, counts)
        if on_error != "fail":
            runs[jobs] += (errors.read_text(),)
    assert runs["1"] == runs["2"]
    returncode, stdout, stderr, counts, *_ = runs["1"]
    assert returncode == 1
    assert f"step 'explode' (cleanpipe-explodes 0.2.0) failed on {corpus}" in stderr
    assert "Traceback" not in stderr
    if on_error == "fail":
        # Stopped at the first 'boom' (line 5), after writing the lines before it.
        assert len(stdout.splitlines()) == 4
        assert stderr.count("cleanpipe: error:") == 1
        assert "(stopping: --on-error fail)" in stderr
    else:
        assert f"{corpus / 'a.jsonl'}:6: rejected: not valid JSON" in stderr
        assert counts["documents"]["in"] == 40
        assert counts["documents"]["failed"] == 3


def test_two_jobs_fill_a_directory_and_explain_as_one_job_does(
    explodes: Cli, corpus: Path, tmp_path: Path
) -> None:
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        result = explodes(
            "run",
            "--plugins",
            PLUGINS,
            "-j",
            jobs,
            "--batch-size",
            "2",
            "--explain",
            str(corpus),
            "-o",
            str(out),
        )
        outputs[jobs] = (result.returncode, result.stderr, tree(out))
    assert outputs["1"] == outputs["2"]
    returncode, stderr, files = outputs["1"]
    assert returncode == 1
    assert stderr.count("-- sentence-split:") > 10
    assert sorted(files) == [
        "a.jsonl",
        "c.jsonl.gz",
        "empty.jsonl",
        "page.txt",
        "sub/b.jsonl.zst",
    ]
    assert files["empty.jsonl"] == b""


def test_jobs_auto_and_bad_values(cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("one.Two")
    for jobs in ("auto", "0"):
        result = cli("run", "--plugins", "sentence-split", "-j", jobs, str(page))
        assert (result.returncode, result.stdout) == (0, "one. Two\n")
    bad = cli("run", "-j", "many", str(page))
    assert bad.returncode == 2
    assert "takes a whole number above 0, not 'many'" in bad.stderr


def test_a_step_error_survives_the_trip_from_a_worker() -> None:
    error = StepError("explode", "cleanpipe-explodes 0.2.0", "a.jsonl:5", "boom")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.step, copy.package, copy.source, str(copy)) == (
        error.step,
        error.package,
        error.source,
        str(error),
    )


def test_traceback_shows_where_a_worker_raised(explodes: Cli, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": "fine"}\n{"text": "boom"}\n')
    args = ("run", "--plugins", "explode", "--on-error", "fail", "--traceback")
    result = explodes(*args, "--jobs", "2", "--batch-size", "1", str(corpus))
    assert result.returncode == 1
    # The step's own frame, formatted in the worker, not the main process's.
    assert 'cleanpipe_explodes.py", line' in result.stderr
    assert "ValueError: cannot stand 'boom'" in result.stderr
    assert "(raised in a worker process)" in result.stderr
    assert result.stderr.rstrip().endswith("(stopping: --on-error fail)")


def test_workers_rebuild_the_pipeline_from_its_recipe() -> None:
    pipeline = Pipeline.from_spec(
        "default,-related-links", {"mojibake": {"uncurl_quotes": "true"}}
    )
    assert pipeline.recipe is not None
    rebuilt = pickle.loads(pickle.dumps(pipeline.recipe)).build()
    assert rebuilt == pipeline
    assert rebuilt.run("“Putinâ€™s” region.More").text == '"Putin\'s" region. More'


def test_the_pool_reads_only_a_few_items_ahead() -> None:
    pulled = []

    def items() -> Iterator[str]:
        for n in range(100):
            pulled.append(n)
            yield "x" * n

    results = ordered_map(len, items(), jobs=2)
    assert next(results) == 0
    assert len(pulled) <= 5  # two per worker in flight, and the one asked for
    assert list(results) == list(range(1, 100))


def test_warm_up_loads_what_the_built_in_steps_load_on_first_use() -> None:
    # In a fresh interpreter: this one's steps have long been warm. Forked
    # workers share what the main process loaded here, instead of each
    # loading it on its first batch.
    code = """
import cleanpipe_plugins.related_links as related
import cleanpipe_plugins.words as words
from cleanpipe import Pipeline
from cleanpipe.cleaning import warm_up
warm_up(Pipeline.from_spec("default"))
print(related._case_regexes.cache_info().currsize, words._word_list.cache_info().currsize)
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    case_regexes, word_lists = map(int, done.stdout.split())
    assert case_regexes == 1
    assert word_lists == 1


def test_forked_workers_leave_the_heap_they_inherit_to_the_main_process() -> None:
    # In a fresh, single-threaded interpreter, where workers are forked. A
    # worker's collector skips the objects it inherited (so it does not copy
    # their pages); the main process's collector has them back afterwards.
    code = """
import gc
from cleanpipe.pool import forks_workers, ordered_map
assert forks_workers()
def frozen(_):
    return gc.get_freeze_count()
in_workers = set(ordered_map(frozen, [1, 2], jobs=2))
print(min(in_workers), gc.get_freeze_count())
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    in_worker, after = map(int, done.stdout.split())
    assert in_worker > 1000
    assert after == 0
