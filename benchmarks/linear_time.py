"""Linear-time check: every built-in step on pathological inputs at 0.1, 1 and 10 MB.

    python benchmarks/linear_time.py [--steps mojibake,...] [--sizes 0.1,1,10]

Catastrophic regex backtracking and quadratic loops are a known class of
denial-of-service bug in text tools. For each step and each input this prints
the seconds per size and the ratio time(10 MB) / (10 x time(1 MB)); a linear
step stays near 1. The verdict takes each step's worst input, the one it is
slowest on, where super-linear work would show first: its ratio must be <= 1.5.
(On fast inputs the ratio also measures caches: 1 MB fits in them, 10 MB not.)
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable

import cleanpipe

MB = 1_000_000


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


#: name -> a function giving that input at a size in characters.
INPUTS: dict[str, Callable[[int], str]] = {
    "dots": _repeat("."),
    "capitals": _repeat("A"),
    "capital words": _repeat("ABC DEF "),
    "glued sentences": _repeat("a.B"),
    "glued words": _repeat("wordWord"),
    "quotes": _repeat("'\"“”’"),
    "quote joins": _repeat("Hates Russia'Russian "),
    "url without end": lambda size: "https://" + "a" * (size - 8),
    "url path": _repeat("http://x.com/a/b.c?d=e#f"),
    "zero width": _repeat("a\u200b"),
    "nul": _repeat("\x00"),
    "related labels": _repeat("Related..."),
    "headline run": _repeat("Trump Uses A Rather Bizarre WordPutin Says Hello"),
    "short lines": _repeat("Menu\n"),
    "one long line": _repeat("word "),
    "mojibake": _repeat("Putinâ€™s cafÃ© "),
    "prose": _repeat("The officials said the troops were deployed. Then they left.\n"),
}


def seconds(pipeline: cleanpipe.Pipeline, text: str, repeats: int) -> float:
    """The best of ``repeats`` timings of one run, in CPU seconds.

    CPU time, not wall time: on a shared machine, other processes stretch the
    wall time of a long run more than that of a short one.
    """
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        start = time.process_time()
        pipeline.run(text)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", default=",".join(cleanpipe.DEFAULT_STEPS))
    parser.add_argument(
        "--sizes", default="0.1,1,10", help="in MB; the last two give the ratio"
    )
    parser.add_argument(
        "--inputs", default=",".join(INPUTS), help="comma list of input names"
    )
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    inputs = args.inputs.split(",")
    verdict = True
    for step in args.steps.split(","):
        pipeline = cleanpipe.Pipeline.from_spec(step)
        print(f"\n## {step}\n")
        print("| input | " + " | ".join(f"{s:g} MB s" for s in sizes) + " | ratio |")
        print("| --- |" + " --- |" * (len(sizes) + 1))
        slowest = (0.0, 0.0, "")
        for name in inputs:
            timings = [
                seconds(
                    pipeline, INPUTS[name](int(size * MB)), 3 if size < sizes[-1] else 2
                )
                for size in sizes
            ]
            ratio = timings[-1] / (timings[-2] * sizes[-1] / sizes[-2])
            slowest = max(slowest, (timings[-1], ratio, name))
            shown = " | ".join(f"{t:.4f}" for t in timings)
            print(f"| {name} | {shown} | {ratio:.2f} |", flush=True)
        _, ratio, name = slowest
        ok = ratio <= 1.5
        verdict &= ok
        verdict_text = "PASS" if ok else "FAIL"
        print(f"\n{step}: worst input {name!r}, ratio {ratio:.2f} -> {verdict_text}")
    print(f"\noverall: {'PASS' if verdict else 'FAIL'}")


if __name__ == "__main__":
    main()
