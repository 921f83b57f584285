"""--engine dask: the shards as tasks on a Dask cluster write what a local run does."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import Cli, tree

distributed = pytest.importorskip("distributed")

PLUGINS = "mojibake,sentence-split,explode,header-footer"


@pytest.fixture(scope="module")
def scheduler(plugin_site: Callable[..., Path]) -> Iterator[str]:
    """A two-worker cluster on 127.0.0.1 whose workers see the test plugins."""
    # Worker processes are spawned with this process's sys.path: the plugin
    # folder is on it only while they start, not for the other tests.
    sys.path.append(str(plugin_site("cleanpipe-explodes")))
    try:
        cluster = distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            memory_limit="1GiB",
        )
    finally:
        sys.path.pop()
    with cluster:
        yield cluster.scheduler_address


def _run(cli: Cli, out: Path, *extra: str, **kw: Any) -> tuple[int, str, bytes]:
    errors = out.parent / f"{out.name}-errors.jsonl"
    result = cli(*extra, "-o", str(out), "--errors", str(errors), **kw)
    return result.returncode, result.stderr, errors.read_bytes()


def test_a_dask_run_writes_the_bytes_of_a_local_run(
    cli_with: Callable[..., Cli], scheduler: str, corpus: Path, tmp_path: Path
) -> None:
    explodes = cli_with("cleanpipe-explodes")
    args = ("run", "--plugins", PLUGINS, str(corpus))
    local = _run(explodes, tmp_path / "local", *args)
    on_dask = _run(
        explodes, tmp_path / "dask", *args, "--engine", "dask", "--scheduler", scheduler
    )
    assert on_dask == local
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")
    returncode, stderr, errors = local
    assert returncode == 1
    assert "step 'explode' (cleanpipe-explodes 0.2.0) failed on" in stderr
    assert b"{not json" in errors
    assert len(tree(tmp_path / "local")) == 5
    # A rerun on the cluster finds every shard finished, and still names the
    # shards that hold failed or rejected documents, as a local rerun does.
    rerun = _run(
        explodes, tmp_path / "dask", *args, "--engine", "dask", "--scheduler", scheduler
    )
    local_rerun = _run(explodes, tmp_path / "local", *args)
    assert rerun[0] == local_rerun[0] == 1
    assert rerun[1] == local_rerun[1].replace(
        str(tmp_path / "local"), str(tmp_path / "dask")
    )
    assert rerun[2] == b""
    assert [line.split(": skipped: ")[0] for line in rerun[1].splitlines()] == [
        f"cleanpipe: error: {tmp_path / 'dask' / name}"
        for name in ("a.jsonl", "c.jsonl.gz", "sub/b.jsonl.zst")
    ]


def test_explain_on_dask_says_what_a_local_run_says(
    cli: Cli, scheduler: str, corpus: Path, tmp_path: Path
) -> None:
    args = ("run", "--explain", "--plugins", "mojibake,sentence-split", str(corpus))
    local = cli(*args, "-o", str(tmp_path / "local"))
    on_dask = cli(
        *args,
        "-o",
        str(tmp_path / "dask"),
        "--engine",
        "dask",
        "--scheduler",
        scheduler,
    )
    assert on_dask.returncode == local.returncode == 1

    def explained(stderr: str) -> list[str]:
        # A shard's reports come back before its explanations, which a local
        # run interleaves document by document.
        return [line for line in stderr.splitlines() if "cleanpipe: error:" not in line]

    assert explained(on_dask.stderr) == explained(local.stderr)
    assert "sentence-split" in on_dask.stderr
    # The explanations went through files beside the outputs; none is left.
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")


def test_without_a_scheduler_a_local_cluster_is_started(
    cli: Cli, corpus: Path, tmp_path: Path
) -> None:
    (corpus / "a.jsonl").unlink()
    (corpus / "c.jsonl.gz").unlink()
    local = cli("run", str(corpus), "-o", str(tmp_path / "local"))
    on_dask = cli("run", "--engine", "dask", str(corpus), "-o", str(tmp_path / "dask"))
    assert (on_dask.returncode, on_dask.stderr) == (local.returncode, local.stderr)
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")


def test_dask_usage_errors(cli: Cli, corpus: Path, tmp_path: Path) -> None:
    result = cli("run", "--engine", "dask", str(corpus / "a.jsonl"))
    assert result.returncode == 2
    assert "--engine dask writes into a directory: give -o DIR" in result.stderr
    result = cli(
        "run", "--scheduler", "tcp://127.0.0.1:1", str(corpus), "-o", str(tmp_path)
    )
    assert result.returncode == 2
    assert "add --engine dask" in result.stderr


def test_dask_is_not_imported_by_a_local_run() -> None:
    # The CLI imports the engine module; Dask itself only when it is used.
    code = "import sys, cleanpipe.cli; print('distributed' in sys.modules)"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    shown = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert shown.stdout.strip() == "False"
