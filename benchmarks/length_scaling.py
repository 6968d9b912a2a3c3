"""Coding time and memory against article length, on real-shaped text: time per character should
stay flat (aim: within 1.5x) and peak memory under 1 GB from 10k to 2M characters.

    nice -n 10 .venv/bin/python benchmarks/length_scaling.py \
        [--sizes 10000,30000,100000,300000,1000000,2000000] [--text news|dense]

Each text is one generated article (``benchmarks/news.py``, ``long_article``: a dateline,
paragraphs that mix events, placed events, quotations, coordinated actors and pronouns with
background sentences, some paragraphs opening with datelines of their own) of at least the size,
coded once in a fresh subprocess after a warm-up: CPU seconds of the coding, and the process's
peak resident memory (the pipeline's own load included). Texts over ``limits.WINDOW_CHARS`` are
coded in windows of sentences (``windows.py``); ``windows`` says how many."""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def dense_text(size: int, seed: int = 3) -> str:
    """Token-dense text of at least ``size`` characters: short words, names and punctuation,
    about one token per three characters (news prose has about one per five)."""
    import random

    rng = random.Random(seed)
    words = ["a", "I", "to", "Iran", "Turkey", "hit", "met", ",", ";", "-", "(", ")", "1", "22",
             "of", "it"]
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(" ".join(rng.choice(words) for _ in range(rng.randint(6, 14))) + ".")
        total += len(parts[-1]) + 1
    return " ".join(parts)


def one(size: int, kind: str = "news") -> dict[str, object]:
    """Code one article of ``size`` characters in this process."""
    from news import long_article

    from eventwire.limits import WINDOW_CHARS, WINDOW_CONTEXT_CHARS
    from eventwire.pipeline import Coder
    from eventwire.schema import Article
    from eventwire.windows import windows

    text = long_article(size) if kind == "news" else dense_text(size)
    coder = Coder()
    list(coder.code([Article(text="Turkey attacked Iran in Paris.", id="warm-up")]))
    started = time.process_time()
    ((_, events),) = coder.code([Article(text=text, id=f"n{size}")])
    cpu = time.process_time() - started
    return {"characters": len(text), "cpu_s": round(cpu, 2),
            "us_per_char": round(cpu / len(text) * 1e6, 1), "events": len(events),
            "windows": len(windows(text, WINDOW_CHARS, WINDOW_CONTEXT_CHARS)),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,30000,100000,300000,1000000,2000000")
    parser.add_argument("--text", choices=("news", "dense"), default="news",
                        help="news: long_article; dense: short tokens and punctuation")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the subprocess's own run
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.text)))
        return
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(size), "--text", args.text], check=True,
                             capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    per_char = [float(r["us_per_char"]) for r in rows]  # type: ignore[arg-type]
    print(json.dumps({"max_over_min_per_char": round(max(per_char) / min(per_char), 2),
                      "max_peak_rss_mb": max(int(r["peak_rss_mb"]) for r in rows)}))  # type: ignore[call-overload]


if __name__ == "__main__":
    main()
