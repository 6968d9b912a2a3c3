"""Scaling of ``eventwire batch`` from 1 to 2 workers, local and Ray, on generated news.

    .venv/bin/python benchmarks/scaling.py [--articles 3000] [--json]

Efficiency = (articles/s with 2 workers) / (2 x articles/s with 1 worker); the target is >= 0.8.
Each run starts from an empty output folder; times include loading the pipeline in every worker
(and, for Ray, starting a local Ray), as a user would see them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from news import generate

from eventwire.batch.runner import iter_unit_results, run_batch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--engines", default="local,ray")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ew-scaling-"))
    corpus = work / "news.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(generate(args.articles)):
            fh.write(json.dumps({"id": f"n{i}", "date": f"2025-0{1 + i % 9}-15",
                                 "text": text}) + "\n")
    result: dict[str, object] = {"articles": args.articles}
    for engine in args.engines.split(","):
        rates = {}
        for workers in (1, 2):
            out = work / f"{engine}-{workers}"
            report = run_batch([str(corpus)], out, engine=engine, workers=workers)
            rates[workers] = report.articles / report.seconds
            rss = max(r.get("rss_mb", 0) for r in iter_unit_results(out))
            result[f"{engine}_{workers}_articles_per_second"] = round(rates[workers], 1)
            result[f"{engine}_{workers}_peak_rss_mb"] = rss
            shutil.rmtree(out)
        result[f"{engine}_efficiency"] = round(rates[2] / (2 * rates[1]), 3)
    shutil.rmtree(work)
    print(json.dumps(result) if args.json else json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
