"""Coding time against article length: time per character must stay flat (within 2x) from 10k
to 1M characters, so one long document cannot hold a core for minutes.

    .venv/bin/python benchmarks/length_scaling.py [--sizes 10000,30000,100000,300000,1000000]

Each text is generated news (benchmarks/news.py: event and background sentences mixed, about
half events) cut to the size, coded once as one article after a warm-up. CPU seconds of this
process; peak resident memory is the process's high-water mark so far."""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from news import generate

from eventwire.pipeline import Coder
from eventwire.schema import Article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,30000,100000,300000,1000000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    paragraphs: list[str] = []
    while sum(len(p) + 2 for p in paragraphs) < max(sizes):
        paragraphs += generate(200, seed=len(paragraphs))
    corpus = "\n\n".join(paragraphs)
    coder = Coder()
    list(coder.code([Article(text=corpus[:5000], id="warm-up")]))
    rows = []
    for size in sizes:
        text = corpus[:size]
        started = time.process_time()
        ((_, events),) = coder.code([Article(text=text, id=f"n{size}")])
        cpu = time.process_time() - started
        rows.append({"characters": size, "cpu_s": round(cpu, 2),
                     "us_per_char": round(cpu / size * 1e6, 1), "events": len(events),
                     "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024})
        print(json.dumps(rows[-1]), flush=True)
    per_char = [r["us_per_char"] for r in rows]
    print(json.dumps({"max_over_min_per_char": round(max(per_char) / min(per_char), 2)}))


if __name__ == "__main__":
    main()
