"""Crash tests of docs/reliability.md: kill -9 the driver of ``ingest`` and ``batch`` (local
with 2 workers, and on a local Ray) at random points, again and again in the same output,
then finish the run and compare with a clean run; after every kill, check that no process the
driver started is still running 30 s later.

    .venv/bin/python benchmarks/crash_runs.py [--kills 20] [--modes ingest,local,ray]

Prints one JSON line per mode: kills, kills that landed mid-run, survivors (must be 0) and
whether the final output equals the clean run's (must be true)."""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))

from news import generate

from eventwire.reaper import descendants, still_running

EXE = str(Path(sys.executable).with_name("eventwire"))
DELAYS = {"ingest": (0.5, 8.0), "local": (1.0, 10.0), "ray": (3.0, 20.0)}


def command(mode: str, corpus: Path, out: Path) -> list[str]:
    if mode == "ingest":
        return [EXE, "ingest", str(corpus), "--db", str(out)]
    engine = ["--engine", "ray"] if mode == "ray" else []
    return [EXE, "batch", str(corpus), "--out", str(out), "--workers", "2", "--unit-docs", "40",
            *engine]


def result(mode: str, out: Path) -> Any:
    """What a finished run leaves, in a comparable form."""
    if mode == "ingest":
        con = duckdb.connect(str(out), read_only=True)
        try:
            return (con.execute("SELECT id, content_hash, n_events FROM articles ORDER BY id")
                    .fetchall(),
                    con.execute("SELECT id, article_id, type FROM events ORDER BY id").fetchall())
        finally:
            con.close()
    parts = {str(p.relative_to(out)): pq.read_table(p).to_pylist()
             for p in sorted(out.glob("*/pub_date=*/part-*.parquet"))}
    return parts, (out / "summary.json").read_text(), (out / "errors.jsonl").read_text()


def crash_mode(mode: str, corpus: Path, folder: Path, kills: int, rng: random.Random
               ) -> dict[str, Any]:
    clean = folder / f"clean-{mode}" if mode != "ingest" else folder / "clean.duckdb"
    subprocess.run(command(mode, corpus, clean), check=True, capture_output=True)
    target = folder / f"killed-{mode}" if mode != "ingest" else folder / "killed.duckdb"
    landed = survivors = 0
    for _ in range(kills):
        proc = subprocess.Popen(command(mode, corpus, target), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + rng.uniform(*DELAYS[mode])
        children: dict[int, int] = {}
        while time.monotonic() < deadline and proc.poll() is None:
            children.update(descendants(proc.pid))
            time.sleep(0.1)
        if proc.poll() is None:
            landed += 1
            children.update(descendants(proc.pid))
            proc.kill()
        proc.wait()
        wait_until = time.monotonic() + 30
        while still_running(children) and time.monotonic() < wait_until:
            time.sleep(0.2)
        left = still_running(children)
        survivors += len(left)
        for pid in left:  # what was left, for the report
            with contextlib.suppress(OSError):
                name = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")[:80]
                print(f"left running: {pid} {name.decode(errors='replace')}", file=sys.stderr)
    subprocess.run(command(mode, corpus, target), check=True, capture_output=True)
    return {"mode": mode, "kills": kills, "landed_mid_run": landed, "survivors": survivors,
            "same_as_clean": result(mode, target) == result(mode, clean)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--modes", default="ingest,local,ray")
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl"
        corpus.write_text("".join(
            json.dumps({"id": f"c{i}", "date": f"2025-0{1 + i % 9}-1{i % 10}", "text": text}) + "\n"
            for i, text in enumerate(generate(args.articles, seed=args.seed))), encoding="utf-8")
        for mode in args.modes.split(","):
            print(json.dumps(crash_mode(mode, corpus, folder, args.kills, rng)), flush=True)


if __name__ == "__main__":
    main()
