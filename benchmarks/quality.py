"""Quality benchmark: every task of score.py on the dev data, with the peers beside it.

    python benchmarks/quality.py            # all tasks, Markdown table on stdout
    python benchmarks/quality.py --no-peers # cleanpipe only

The data in benchmarks/data/ comes from the article-extraction benchmark (MIT,
see LICENSE-article-extraction-benchmark there). score.py is the reference
scorer. Peers (datatrove's C4 line filter, jusText) run when installed:
``pip install datatrove justext``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import tempfile
from pathlib import Path

import cleanpipe
import score
from cleanpipe_plugins.header_footer.sites import SiteProfiles, site_key

DATA = Path(__file__).resolve().parent / "data"

#: (task, data file, plugins, variant, the figures to show)
RUNS = [
    ("mojibake", "mojibake.jsonl", "mojibake", "lines", ["pass_rate"]),
    (
        "missing-space",
        "missing-space.jsonl",
        "sentence-split",
        "lines",
        ["junction_recall", "false_per_100k"],
    ),
    (
        "related-links",
        "related-links.jsonl",
        "related-links",
        "lines",
        ["exact", "items"],
    ),
    (
        "boilerplate",
        "boilerplate.jsonl",
        "default",
        "glued",
        ["f1", "precision", "recall", "spaced_f1"],
    ),
    (
        "boilerplate",
        "boilerplate.jsonl",
        "default",
        "lines",
        ["f1", "precision", "recall", "spaced_f1"],
    ),
]


def measure(
    task: str, data: str, plugins: str, variant: str, peers: bool
) -> dict[str, dict[str, float]]:
    """Run score.py on one task; return system -> figures."""
    argv = [
        task,
        str(DATA / data),
        "--plugins",
        plugins,
        "--variant",
        variant,
        "--json",
    ]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        score.main(argv + (["--peers"] if peers else []))
    return json.loads(out.getvalue())


def corpus_run(variant: str) -> dict[str, float]:
    """The default pipeline over the pages as one corpus, with site profiles.

    Profiles are learned over all pages (their ``url`` names the site), as
    ``cleanpipe sites learn`` does, then each page is cleaned with them, as
    ``cleanpipe run -O header-footer.profiles=FILE`` does.
    """
    rows = [
        json.loads(line) for line in (DATA / "boilerplate.jsonl").open(encoding="utf-8")
    ]
    profiles = SiteProfiles()
    for row in rows:
        profiles.add(site_key(row["url"]), row[variant])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "profiles.json"
        profiles.save(path)
        pipeline = cleanpipe.Pipeline.from_spec(
            "default", {"header-footer": {"profiles": str(path)}}
        )
        by_text = {
            row[variant]: pipeline.run(
                cleanpipe.Document(row[variant], fields={"url": row["url"]})
            ).text
            for row in rows
        }
    return score.boilerplate(rows, by_text.__getitem__, variant)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-peers", action="store_true", help="run cleanpipe only")
    args = parser.parse_args()
    print("| task | variant | system | figures | seconds |")
    print("| --- | --- | --- | --- | --- |")
    for task, data, plugins, variant, keys in RUNS:
        for system, figures in measure(
            task, data, plugins, variant, not args.no_peers
        ).items():
            shown = ", ".join(f"{k} {figures[k]:.3f}" for k in keys if k in figures)
            shown_variant = variant if task == "boilerplate" else ""
            print(
                f"| {task} | {shown_variant} | {system} | {shown} | {figures['seconds']:.1f} |"
            )


if __name__ == "__main__":
    main()
