"""Plugin subcommands (cleanpipe_register_commands), and the built-in ``sites``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import Cli

NAV = "Home\nNews\nSport\nWeather\nSubscribe now\n"
FOOTER = "\nContact us\nTerms of use\n"
MORE = (
    " Residents who spoke to reporters said they had waited a long time for the "
    "news, and most of them welcomed it, though some worried about the cost."
)
ARTICLES = [
    "The council approved a new budget for the city's libraries on Tuesday, "
    "after months of debate about opening hours and staff." + MORE,
    "Heavy rain flooded several streets near the river overnight, and the fire "
    "service pumped water out of basements until the morning." + MORE,
    "The school board said the new term would start a week later than planned, "
    "because the building works on the east wing are not finished." + MORE,
]


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "pages.jsonl"
    lines = [
        {
            "url": f"https://www.example.com/story/{i}",
            "text": f"{NAV}\n{body}\n{FOOTER}",
        }
        for i, body in enumerate(ARTICLES)
    ]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return corpus


def test_hook_cleanpipe_register_commands_sites_learn_show_and_use(
    cli: Cli, tmp_path: Path
) -> None:
    corpus, profiles = _corpus(tmp_path), tmp_path / "profiles.json"
    learned = cli("sites", "learn", str(corpus), "-o", str(profiles))
    assert learned.returncode == 0, learned.stderr
    assert "learned 1 site(s) from 3 page(s)" in learned.stdout
    shown = json.loads(cli("sites", "show", str(profiles)).stdout)
    assert shown["site"] == "example.com"
    assert shown["pages"] == 3
    assert {"home", "weather", "terms of use"} <= set(shown["chrome"])
    result = cli(
        "run",
        "--plugins",
        "header-footer",
        "-O",
        f"header-footer.profiles={profiles}",
        str(corpus),
    )
    assert result.returncode == 0, result.stderr
    texts = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    assert texts == ARTICLES


def test_bad_profiles_file_is_an_option_error(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    result = cli("run", "-O", f"header-footer.profiles={bad}", str(_corpus(tmp_path)))
    assert result.returncode == 2
    assert "not a site-profiles file" in result.stderr
    assert "Traceback" not in result.stderr


def test_third_party_command_runs_and_reports_errors(
    cli_with: Callable[..., Cli],
) -> None:
    run = cli_with("cleanpipe-explodes")
    assert run("hello", "world").stdout == "hello, world\n"
    failed = run("hello", "nobody")
    assert failed.returncode == 1
    assert "cleanpipe: error: there is nobody to greet" in failed.stderr
    assert "Traceback" not in failed.stderr


def test_a_command_clash_is_reported_and_run_still_works(
    cli_with: Callable[..., Cli],
) -> None:
    result = cli_with("cleanpipe-clash")(
        "run", "--plugins", "mojibake", "-", stdin="cafÃ©"
    )
    assert result.stdout == "café\n"
    assert "plugin 'clash' could not add its commands" in result.stderr
