"""The long fuzzing run of docs/reliability.md: generated hostile JSONL batches (random bytes,
wrong encodings, lone surrogates, NULs, deep nesting, wrong-typed fields, odd dates) through
the readers, the pipeline and a real DuckDB file, with the property of tests/test_fuzz.py.

    .venv/bin/python benchmarks/fuzz_inputs.py --batches 10000

Prints one JSON line: batches, lines, stored, rejected, crashes (must be 0) and the reasons
seen, most common first."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo root: tests/

from tests.fuzz_strategies import batch
from tests.test_fuzz import check_batch

from eventwire.ingest.readers import ReadError, read_jsonl
from eventwire.pipeline import Coder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--batches", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    coder = Coder()
    totals: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    started = time.perf_counter()

    @settings(max_examples=args.batches, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(batch)
    def run(lines: list[bytes]) -> None:
        import io

        with tempfile.TemporaryDirectory() as tmp:
            try:
                stored, rejected = check_batch(lines, coder, Path(tmp))
            except Exception:
                totals["crashes"] += 1
                raise
        totals["batches"] += 1
        totals["lines"] += len(lines)
        totals["stored"] += stored
        totals["rejected"] += rejected
        for item in read_jsonl(io.BytesIO(b"\n".join(lines) + b"\n"), "f", None):
            if isinstance(item, ReadError):
                reasons[item.reason.split("(")[0].split(":")[0][:60].strip()] += 1

    run._hypothesis_internal_use_seed = args.seed  # type: ignore[attr-defined]
    run()
    print(json.dumps({**totals, "crashes": totals["crashes"],
                      "seconds": round(time.perf_counter() - started, 1),
                      "reasons": reasons.most_common(15)}))


if __name__ == "__main__":
    main()
