"""Streaming corpus I/O: JSONL plain, gzip and zstd, in and out, in batches."""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import zstandard

import cleanpipe
from cleanpipe.batches import read_batches
from cleanpipe.files import expand_inputs
from conftest import Cli

RECORDS = [
    {"id": n, "text": f"Record {n}.Putinâ€™s region.More", "lang": "en"}
    for n in range(30)
]


def _jsonl(records: list[dict[str, object]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def _records(data: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in data.decode().splitlines()]


def test_zstd_and_gzip_round_trips_keep_records_and_order(
    cli: Cli, tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl.zst"
    source.write_bytes(zstandard.compress(_jsonl(RECORDS)))
    chain = ["in.jsonl.zst", "a.jsonl.gz", "b.jsonl.zst", "c.jsonl"]
    for before, after in itertools.pairwise(chain):
        result = cli("run", str(tmp_path / before), "-o", str(tmp_path / after))
        assert result.returncode == 0, result.stderr
    with gzip.open(tmp_path / "a.jsonl.gz") as stream:
        first = _records(stream.read())
    decompressor = zstandard.ZstdDecompressor()
    with decompressor.stream_reader((tmp_path / "b.jsonl.zst").open("rb")) as stream:
        second = _records(stream.read())
    expected = [{**r, "text": cleanpipe.clean(str(r["text"]))} for r in RECORDS]
    assert first == second == _records((tmp_path / "c.jsonl").read_bytes()) == expected
    assert "Putin’s" in str(expected[3]["text"])


def test_a_zstd_file_of_several_frames_is_read_to_the_end(
    cli: Cli, tmp_path: Path
) -> None:
    # Parallel compressors (pzstd, zstd -T) and appending jobs write many frames.
    source = tmp_path / "frames.jsonl.zst"
    source.write_bytes(
        zstandard.compress(_jsonl(RECORDS[:10]))
        + zstandard.compress(_jsonl(RECORDS[10:]))
    )
    result = cli("run", "--plugins", "", str(source))
    assert [r["id"] for r in _records(result.stdout.encode())] == list(range(30))


def test_a_truncated_compressed_input_is_reported_and_the_rest_still_cleaned(
    cli: Cli, tmp_path: Path
) -> None:
    (tmp_path / "in").mkdir()
    whole = zstandard.compress(_jsonl(RECORDS))
    (tmp_path / "in" / "a.jsonl.zst").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "in" / "b.jsonl.gz").write_bytes(gzip.compress(_jsonl(RECORDS)))
    result = cli("run", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert f"cannot read {tmp_path / 'in' / 'a.jsonl.zst'}" in result.stderr
    assert "Traceback" not in result.stderr
    assert (
        len(_records(gzip.decompress((tmp_path / "out/b.jsonl.gz").read_bytes()))) == 30
    )


def test_compressed_outputs_are_the_same_bytes_every_run(
    cli: Cli, tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(_jsonl(RECORDS))
    for name in ("out.jsonl.gz", "out.jsonl.zst"):
        first = cli("run", str(source), "-o", str(tmp_path / name))
        data = (tmp_path / name).read_bytes()
        again = cli("run", str(source), "-o", str(tmp_path / name))
        assert first.returncode == again.returncode == 0
        assert (tmp_path / name).read_bytes() == data


def test_batches_close_at_the_record_or_the_byte_limit(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "x" * 90}) + "\n" for _ in range(25)]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(lines[:10]) + "\n  \n" + "".join(lines[10:]))
    inputs = expand_inputs([str(source), str(source)])
    by_records = list(read_batches(inputs, records=10, size=10**6))
    assert [len(b.records) for b in by_records] == [10, 10, 5] * 2
    assert [b.last for b in by_records] == [False, False, True] * 2
    assert [b.index for b in by_records] == [0, 0, 0, 1, 1, 1]
    assert sum(b.read for b in by_records) == 2 * source.stat().st_size
    # Blank lines are skipped, and line numbers count them.
    assert by_records[1].records[0][0] == 13
    by_bytes = list(read_batches(inputs[:1], records=100, size=4 * len(lines[0])))
    assert [len(b.records) for b in by_bytes] == [4] * 6 + [1]


def test_reading_is_lazy(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(_jsonl(RECORDS) * 1000)
    batches = read_batches(expand_inputs([str(source)]), records=10)
    first = next(batches)
    # Only what the first batch needed was read (and a read-ahead buffer).
    assert first.read < source.stat().st_size // 100
