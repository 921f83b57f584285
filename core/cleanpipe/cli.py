"""The ``cleanpipe`` command."""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

import cleanpipe
from cleanpipe.batches import BATCH_BYTES, BATCH_RECORDS
from cleanpipe.config import Settings, find_settings, read_settings
from cleanpipe.errors import CleanpipeError, ExitCode, StepError
from cleanpipe.files import MAX_BYTES, Input, UsageError, expand_inputs
from cleanpipe.options import describe_options, parse_assignment
from cleanpipe.pipeline import DEFAULT_STEPS, Pipeline, registry
from cleanpipe.progress import Progress
from cleanpipe.runner import Runner, check_outputs, fail, optional_output, print_error
from cleanpipe.shards import parse_shard, select_shard
from cleanpipe.stats import Stats

__all__ = ["main"]

_EPILOG = """\
examples:
  cleanpipe run page.txt                      clean one file to standard output
  cleanpipe run --plugins default,-related-links pages/ -o clean/
  cleanpipe run corpus.jsonl.gz -o clean.jsonl.gz --text-field body
  cleanpipe run --jobs auto --stats stats.json corpus/ -o clean/
  cleanpipe run --shard $SLURM_ARRAY_TASK_ID/64 corpus/ -o clean/
  cleanpipe run --engine dask --scheduler tcp://head:8786 corpus/ -o clean/
  cleanpipe run --explain page.txt > /dev/null   see what would change, and why
  cleanpipe plugins                           list the installed steps

exit status: 0 all cleaned; 1 some documents or inputs failed (each reported);
2 usage, plugin spec, option or config error.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanpipe",
        description="Turn text scraped from web pages into normalized article text.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {cleanpipe.__version__}"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--traceback",
        action="store_true",
        help="on an error, show the full Python traceback (for bug reports)",
    )
    run = commands.add_parser(
        "run",
        parents=[common],
        help="clean files, directories, JSONL corpora or standard input",
        description="Clean each INPUT with the steps that --plugins names, in order.",
    )
    run.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="a file, a directory (its *.txt, *.jsonl, *.jsonl.gz and *.jsonl.zst "
        "files, recursively) or - for standard input",
    )
    run.add_argument(
        "--plugins",
        metavar="SPEC",
        help="comma list of steps, run in that order; 'default' is "
        f"{','.join(DEFAULT_STEPS)}; '-name' removes a step "
        "(e.g. default,-related-links,shout); default: the config file's, "
        "else 'default'",
    )
    run.add_argument(
        "-O",
        "--option",
        dest="options",
        action="append",
        default=[],
        metavar="STEP.OPTION=VALUE",
        help="set a step option (repeatable), e.g. -O related-links.min_items=3; "
        "'cleanpipe plugins' lists each step's options",
    )
    run.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="read plugins and options from FILE (TOML) instead of ./cleanpipe.toml "
        "or [tool.cleanpipe] in ./pyproject.toml",
    )
    run.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help="write to the file OUT, or into the directory OUT (one file per input, "
        "same name) when OUT is a directory, ends with '/', or there are several "
        "inputs or a directory input; default: standard output",
    )
    run.add_argument(
        "--format",
        choices=("auto", "text", "jsonl"),
        default="auto",
        help="input format; 'auto' reads *.jsonl, *.jsonl.gz and *.jsonl.zst as "
        "JSONL, anything else as text (default: auto)",
    )
    run.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help="the JSONL field holding the text; other fields are kept (default: text)",
    )
    run.add_argument(
        "--metadata-field",
        metavar="NAME",
        help="JSONL output: also write each document's metadata (what steps split "
        "off or removed, e.g. related_links, header_footer) to the field NAME",
    )
    run.add_argument(
        "--max-bytes",
        type=_byte_size,
        default=MAX_BYTES,
        metavar="SIZE",
        help="refuse (and report) a document larger than SIZE: a text file or a "
        "JSONL line; K, M and G suffixes allowed (default: 64M)",
    )
    run.add_argument(
        "--explain",
        action="store_true",
        help="write to standard error, per document and step, each change made: "
        "rule, position, before -> after; the output is unchanged",
    )
    run.add_argument(
        "--on-error",
        choices=("keep", "fail", "skip"),
        default="keep",
        help="when a step fails on a document: keep the document as it was and go "
        "on, stop the run, or leave the document out; the exit status is 1 "
        "in every case (default: keep)",
    )
    run.add_argument(
        "--errors",
        type=Path,
        metavar="FILE",
        help="write rejected JSONL lines and left-out documents to FILE, untouched",
    )
    run.add_argument(
        "--in-place",
        action="store_true",
        help="allow -o to name an input file (it is replaced atomically)",
    )
    run.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="clean in N worker processes, output still in input order; "
        "0 or 'auto': one per available core (default: 1)",
    )
    run.add_argument(
        "--batch-size",
        type=_positive,
        default=BATCH_RECORDS,
        metavar="N",
        help="documents per batch, the unit of work of a worker process; a batch "
        f"also ends at {BATCH_BYTES // 2**10} KB (default: {BATCH_RECORDS})",
    )
    run.add_argument(
        "--stats",
        type=Path,
        metavar="FILE",
        help="write what the run did as JSON to FILE: documents in/out/failed, "
        "bytes, time and edits by rule per step",
    )
    run.add_argument(
        "--shard",
        type=_shard,
        metavar="I/N",
        help="clean only every N-th input file, from the I-th (0 <= I < N), "
        "e.g. --shard $SLURM_ARRAY_TASK_ID/64",
    )
    run.add_argument(
        "--force",
        action="store_true",
        help="into a directory, also clean inputs whose output is marked "
        "finished (OUTPUT.done) by an earlier run with the same steps",
    )
    run.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="'dask' runs each input file as a task on a Dask cluster (needs "
        "pip install 'cleanpipe[dask]' and -o DIR) (default: local)",
    )
    run.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask, the scheduler to use (tcp://host:8786); "
        "default: a cluster on this machine with --jobs workers",
    )
    listing = commands.add_parser(
        "plugins",
        parents=[common],
        help="list the installed steps",
        description="List every installed step: its package, what it does, "
        "its options and whether 'default' runs it.",
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    _plugin_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "plugins":
            return _plugins(args)
        if args.command == "run":
            return _run(args)
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except CleanpipeError as exc:
        if getattr(args, "traceback", False):
            _print_traceback(exc)
        return fail(exc)
    except KeyboardInterrupt:
        print_error("interrupted")
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as other tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitCode.FAILED
    except OSError as exc:
        # Outputs that cannot be written: a full disk, a missing permission.
        print_error(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
        return ExitCode.FAILED
    except Exception as exc:  # noqa: BLE001 - a bug of ours: one line, no traceback
        if getattr(args, "traceback", False):
            traceback.print_exc()
        print_error(
            f"internal error: {type(exc).__name__}: {exc} "
            "(rerun with --traceback and report it)"
        )
        return ExitCode.FAILED


def _print_traceback(exc: CleanpipeError) -> None:
    """The traceback of ``exc``, or of its cause in the worker process that raised it."""
    remote = getattr(exc, "remote_traceback", None)
    if remote is None:
        traceback.print_exc()
        return
    print(remote, end="", file=sys.stderr)
    print("(raised in a worker process)", file=sys.stderr)


def _byte_size(text: str) -> int:
    units = {"K": 1024, "M": 1024**2, "G": 1024**3}
    number, unit = (text[:-1], text[-1].upper()) if text[-1:].isalpha() else (text, "")
    try:
        size = int(number) * units[unit] if unit else int(number)
    except (KeyError, ValueError):
        msg = f"{text!r} is not a size such as 1000, 512K, 64M or 1G"
        raise argparse.ArgumentTypeError(msg) from None
    if size <= 0:
        msg = "the size must be positive"
        raise argparse.ArgumentTypeError(msg)
    return size


def _plugin_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Let each plugin add its subcommands; a clash or a failure is reported."""
    for plugin, add in registry().commands:
        known = set(commands.choices)
        try:
            add(commands)
        except (argparse.ArgumentError, ValueError, TypeError) as exc:
            print(
                f"cleanpipe: warning: plugin {plugin!r} could not add its commands: {exc}",
                file=sys.stderr,
            )
            continue
        for name in set(commands.choices) - known:
            commands.choices[name].set_defaults(plugin=plugin)


def _warn_plugin_problems() -> None:
    for problem in registry().problems:
        print(f"cleanpipe: warning: {problem}", file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    settings = read_settings(args.config) if args.config else find_settings(Path.cwd())
    _warn_plugin_problems()
    # An empty --plugins '' is a spec too: it runs no step (see parse_spec).
    spec = next(
        (s for s in (args.plugins, settings.plugins) if s is not None), "default"
    )
    pipeline = Pipeline.from_spec(spec, _options(settings, args.options))
    forced = None if args.format == "auto" else args.format
    inputs = expand_inputs(args.inputs, forced)
    if args.shard:
        inputs = select_shard(inputs, *args.shard)
    output: Path | None = args.output
    into_directory = output is not None and (
        output.is_dir()
        or str(output).endswith(("/", os.sep))
        or len(args.inputs) > 1
        or any(Path(a).is_dir() for a in args.inputs if a != "-")
    )
    if args.engine == "dask" and not into_directory:
        msg = "--engine dask writes into a directory: give -o DIR"
        raise UsageError(msg)
    if args.scheduler and args.engine != "dask":
        msg = "--scheduler is the address of a Dask scheduler: add --engine dask"
        raise UsageError(msg)
    check_outputs(inputs, output, into_directory, args.in_place)
    progress = _progress(inputs) if sys.stderr.isatty() and not args.explain else None

    def report(message: str) -> None:
        if progress is not None:
            progress.clear()
        print_error(message)

    with optional_output(args.errors) as errors_to:
        runner = _runner(args, pipeline, report, errors_to, progress)
        try:
            stats = runner.run(inputs, output, into_directory)
        except StepError as exc:
            if args.traceback:
                _print_traceback(exc)
            print_error(f"{exc} (stopping: --on-error fail)")
            return ExitCode.FAILED
        finally:
            if progress is not None:
                progress.clear()
            _report_stats(runner.stats, args.stats, summary=progress is not None)
    return stats.exit_code


def _runner(
    args: argparse.Namespace,
    pipeline: Pipeline,
    report: Callable[[str], None],
    errors_to: IO[str] | None,
    progress: Progress | None,
) -> Runner:
    """The runner of the engine that ``--engine`` names, set up from the options."""
    if args.engine == "local":
        runner = Runner
    else:
        from cleanpipe.dask_engine import DaskRunner

        runner = DaskRunner
    return runner(
        pipeline,
        report=report,
        text_field=args.text_field,
        on_error=args.on_error,
        explain_to=sys.stderr if args.explain else None,
        errors_to=errors_to,
        jobs=args.jobs,
        batch_size=args.batch_size,
        max_bytes=args.max_bytes,
        metadata_field=args.metadata_field,
        force=args.force,
        progress=progress,
        **({"scheduler": args.scheduler} if args.engine == "dask" else {}),
    )


def _jobs(text: str) -> int:
    if text in {"0", "auto"}:
        from cleanpipe.pool import available_cores  # multiprocessing: only for jobs

        return available_cores()
    return _positive(text)


def _shard(text: str) -> tuple[int, int]:
    try:
        return parse_shard(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(text: str) -> int:
    if text.isdigit() and int(text) > 0:
        return int(text)
    msg = f"takes a whole number above 0, not {text!r}"
    raise argparse.ArgumentTypeError(msg)


def _progress(inputs: list[Input]) -> Progress:
    sizes = [source.path.stat().st_size if source.path else None for source in inputs]
    total = None if None in sizes else sum(s or 0 for s in sizes)
    return Progress(sys.stderr, total)


def _report_stats(stats: Stats, path: Path | None, *, summary: bool) -> None:
    """Write ``--stats FILE``; on a terminal, also print the summary."""
    if path is not None:
        path.write_text(json.dumps(stats.to_json(), indent=2) + "\n", encoding="utf-8")
    if summary:
        print(f"cleanpipe: {stats.describe()}", file=sys.stderr)


def _options(settings: Settings, assignments: list[str]) -> dict[str, dict[str, Any]]:
    options = {step: dict(values) for step, values in settings.options.items()}
    for assignment in assignments:
        step, name, value = parse_assignment(assignment)
        options.setdefault(step, {})[name] = value
    return options


def _plugins(args: argparse.Namespace) -> int:
    _warn_plugin_problems()
    steps = registry().steps
    rows = [
        {
            "name": step.name,
            "package": step.package,
            "plugin": step.plugin,
            "default": step.name in DEFAULT_STEPS,
            "description": step.description,
            "options": describe_options(step.options),
        }
        for step in sorted(steps.values(), key=_listing_order)
    ]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return ExitCode.OK
    for row in rows:
        default = "  [default]" if row["default"] else ""
        print(f"{row['name']}  ({row['package']}){default}")
        print(f"    {row['description']}")
        print(f"    options: {row['options']}")
    return ExitCode.OK


def _listing_order(step: cleanpipe.Step) -> tuple[int, str]:
    if step.name in DEFAULT_STEPS:
        return DEFAULT_STEPS.index(step.name), ""
    return len(DEFAULT_STEPS), step.name
