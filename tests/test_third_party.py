"""Third-party plugins, installed with pip as real packages."""

from __future__ import annotations

import json
from collections.abc import Callable

from conftest import SEED, Cli


def test_minimal_plugin_is_listed_selectable_and_leaves_default_alone(
    cli: Cli, cli_with: Callable[..., Cli]
) -> None:
    with_shout = cli_with("cleanpipe-shout")
    rows = {
        row["name"]: row for row in json.loads(with_shout("plugins", "--json").stdout)
    }
    assert rows["shout"]["package"] == "cleanpipe-shout 0.1.0"
    assert rows["shout"]["description"] == "Upper-case the text."
    assert not rows["shout"]["default"]
    default = cli("run", "--plugins", "default", str(SEED)).stdout
    assert with_shout("run", "--plugins", "default", str(SEED)).stdout == default
    shouted = with_shout("run", "--plugins", "default,shout", str(SEED))
    assert shouted.returncode == 0
    assert shouted.stdout == default.upper()


def test_a_step_that_raises_names_itself_without_traceback(
    cli_with: Callable[..., Cli],
) -> None:
    run = cli_with("cleanpipe-explodes")
    result = run("run", "--plugins", "explode", "-", stdin="boom")
    assert result.returncode == 1
    assert (
        "step 'explode' (cleanpipe-explodes 0.2.0) failed on <stdin>: "
        "ValueError: cannot stand 'boom'"
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == "boom\n"  # kept as it was
    traced = run(
        "run",
        "--traceback",
        "--on-error",
        "fail",
        "--plugins",
        "explode",
        "-",
        stdin="boom",
    )
    assert traced.returncode == 1
    assert "Traceback" in traced.stderr
    assert traced.stdout == ""


def test_on_error_skip_leaves_the_document_out(
    cli_with: Callable[..., Cli], tmp_path
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": "fine"}\n{"text": "boom"}\n{"text": "also fine"}\n')
    result = cli_with("cleanpipe-explodes")(
        "run", "--plugins", "explode", "--on-error", "skip", str(corpus)
    )
    assert result.returncode == 1
    assert [json.loads(x)["text"] for x in result.stdout.splitlines()] == [
        "fine",
        "also fine",
    ]
    assert f"{corpus}:2" in result.stderr
    assert "left out" in result.stderr


def test_wrong_return_type_is_the_steps_error(cli_with: Callable[..., Cli]) -> None:
    result = cli_with("cleanpipe-explodes")(
        "run", "--plugins", "wrong-type", "-", stdin="x"
    )
    assert result.returncode == 1
    assert (
        "step 'wrong-type' (cleanpipe-explodes 0.2.0) failed on <stdin>: returned int, expected str"
        in result.stderr
    )


def test_a_package_that_fails_to_import_does_not_stop_the_others(
    cli_with: Callable[..., Cli],
) -> None:
    run = cli_with("cleanpipe-broken", "cleanpipe-shout")
    result = run("run", "--plugins", "default,shout", str(SEED))
    assert result.returncode == 0
    assert result.stdout.startswith("MORE THAN HALF")
    assert (
        "warning: plugin 'broken' (cleanpipe-broken 0.3.0) failed to load: "
        "ModuleNotFoundError"
    ) in result.stderr
    assert "Traceback" not in result.stderr
