"""Golden outputs: prove that a speed-up leaves every output as it was.

    git stash                                     # or check out main
    python benchmarks/golden.py record ref.json.gz
    git stash pop                                 # back to the change
    python benchmarks/golden.py check ref.json.gz

``record`` runs every built-in step alone and ``default`` over about 6,000
texts and keeps, for each, the output text, the edits and the metadata;
``check`` runs them again and lists what differs (exit status 1 if anything
does). The texts: the benchmark pages (glued, lines and gold), every row of
the other benchmark sets, the seed, and seeded random slices, mixtures of
page pieces and strings of awkward characters. Takes about 30 s per run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cleanpipe

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
SEEDS = HERE.parent / "seeds"
SPECS = ("mojibake", "related-links", "header-footer", "sentence-split", "default")
# Characters that trip the steps: stops, quotes, mojibake, scripts without
# case, dotted and dotless i, zero-width space, URL pieces, chrome labels.
_AWKWARD = (
    "aZ .!?\n\t\u00a0\u2019\u201c\u201d\"'()[]\u2026:;,0123456789\u00c3\u00e2"
    "\u00e9\u00c9\u20ac\u2122\u017e\u0153\u200b\ud55c\u56fd\u4e2d\u00df\u0130"
    "\u0131\u01c5\u3002@/www.http://Related ArticlesShareCommentsAdvertisement\u00a9"
)


def _rows(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def cases() -> Iterator[str]:
    """The texts, always the same ones in the same order."""
    pages = _rows("boilerplate.jsonl")
    for page in pages:
        yield from (page["glued"], page["lines"], page["gold"])
    for row in _rows("missing-space.jsonl"):
        yield from (sep.join(row["paragraphs"]) for sep in ("", " ", "\n"))
    for row in _rows("mojibake.jsonl"):
        yield from (row["original"], row["fixed"])
    for row in _rows("related-links.jsonl"):
        run = row["label"] + "".join(row["items"])
        yield from (run, f"Some article text ends here.\n{run}\nFooter")
    yield from (path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*")))
    rnd = random.Random(1234)
    texts = [page["glued"] for page in pages] + [page["lines"] for page in pages]
    for _ in range(1500):
        text = rnd.choice(texts)
        start = rnd.randrange(len(text))
        yield text[start : start + rnd.randrange(1, 3000)]
    for _ in range(1500):
        yield "".join(rnd.choice(_AWKWARD) for _ in range(rnd.randrange(400)))
    for _ in range(500):
        pieces = []
        for _ in range(rnd.randrange(1, 120)):
            text = rnd.choice(texts)
            start = rnd.randrange(len(text))
            pieces.append(text[start : start + rnd.randrange(1, 60)])
        yield rnd.choice(["", " ", "\n", "."]).join(pieces)


def outputs() -> list[list[Any]]:
    """``[text, {spec: [output, edits, metadata]}]`` per case, as JSON values."""
    results = []
    for text in cases():
        entry = {}
        for spec in SPECS:
            doc = cleanpipe.run(text, plugins=spec)
            edits = [list(edit) for edit in doc.edits]
            metadata = json.loads(json.dumps(doc.metadata, default=str))
            entry[spec] = [doc.text, edits, metadata]
        results.append([text, entry])
    return results


def check(reference: list[list[Any]], current: list[list[Any]]) -> int:
    """Print the differences (the first ten in full); their number."""
    if [text for text, _ in reference] != [text for text, _ in current]:
        print("the cases differ: record the reference with this version of golden.py")
        return 1
    differences = 0
    for index, ((text, want), (_, got)) in enumerate(
        zip(reference, current, strict=True)
    ):
        for spec in SPECS:
            if want[spec] == got[spec]:
                continue
            differences += 1
            if differences <= 10:
                parts = [
                    part
                    for k, part in enumerate(("text", "edits", "metadata"))
                    if want[spec][k] != got[spec][k]
                ]
                print(f"case {index}, {spec}: {', '.join(parts)} differ: {text[:60]!r}")
    print(f"{len(current)} texts x {len(SPECS)} pipelines: {differences} differences")
    return differences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["record", "check"])
    parser.add_argument("reference", type=Path, help="the .json.gz file")
    args = parser.parse_args()
    current = outputs()
    if args.mode == "record":
        with gzip.open(args.reference, "wt", encoding="utf-8") as stream:
            json.dump(current, stream)
        print(f"{len(current)} texts x {len(SPECS)} pipelines recorded")
        return 0
    with gzip.open(args.reference, "rt", encoding="utf-8") as stream:
        reference = json.load(stream)
    return 1 if check(reference, current) else 0


if __name__ == "__main__":
    sys.exit(main())
