"""Sentences per second of the full eventwire pipeline and of the raw spaCy model, on the same
generated news text, in one run (issue: full pipeline >= 1.0x raw spaCy on 2 cores).

    .venv/bin/python benchmarks/throughput.py [--articles 400] [--workers 2] [--json]

Both sides use the same worker processes (pipelines loaded before timing) over the same texts;
the raw side is ``nlp.pipe`` of the model alone (tagger, parser, lemmatizer, NER). Sentences are
counted once, with the same rule-based splitter, so both rates have the same numerator. The two
sides alternate ``--repeat`` times and the best run of each is reported (the machine is shared and
noisy); ``cpu_ratio`` compares CPU seconds, which other load barely disturbs. Peak RSS is the
largest resident set of any worker.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from news import generate


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _raw(texts: list[str]) -> tuple[float, int]:
    from eventwire.nlp import DEFAULT_MODEL

    nlp = _loaded(DEFAULT_MODEL)
    cpu = _cpu()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return _cpu() - cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _full(texts: list[str]) -> tuple[float, int]:
    from eventwire.pipeline import Coder
    from eventwire.schema import Article

    coder = Coder()
    cpu = _cpu()
    for _ in coder.code(Article(text=t) for t in texts):
        pass
    return _cpu() - cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


_MODELS: dict[str, object] = {}


def _loaded(name: str):  # type: ignore[no-untyped-def]
    import spacy

    if name not in _MODELS:
        _MODELS[name] = spacy.load(name)
    return _MODELS[name]


def _warm(_: int) -> int:
    from eventwire.nlp import DEFAULT_MODEL, get_pipeline

    _loaded(DEFAULT_MODEL)
    get_pipeline()
    time.sleep(0.5)  # let every worker finish loading before any starts timing
    return 0


def timed(pool: object, func: object, texts: list[str], workers: int
          ) -> tuple[float, float, int]:
    """Wall seconds and total CPU seconds to run ``func`` over the texts split across the
    workers (pipelines already loaded), and the peak RSS in MB of any worker."""
    chunks = [texts[i::workers] for i in range(workers)]
    start = time.perf_counter()
    results = pool.map(func, chunks)  # type: ignore[attr-defined]
    seconds = time.perf_counter() - start
    return seconds, sum(cpu for cpu, _ in results), max(rss for _, rss in results) // 1024


def count_sentences(texts: list[str]) -> int:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return sum(len(list(doc.sents)) for doc in nlp.pipe(texts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3,
                        help="Alternating runs of each side; the best of each is reported.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    texts = generate(args.articles)
    sentences = count_sentences(texts)
    runs: dict[str, list[tuple[float, float, int]]] = {"raw": [], "full": []}
    with mp.get_context("spawn").Pool(args.workers) as pool:
        pool.map(_warm, range(args.workers))
        for _ in range(args.repeat):
            runs["raw"].append(timed(pool, _raw, texts, args.workers))
            runs["full"].append(timed(pool, _full, texts, args.workers))
    raw_s, full_s = (min(r[0] for r in runs[k]) for k in ("raw", "full"))
    raw_cpu, full_cpu = (min(r[1] for r in runs[k]) for k in ("raw", "full"))
    full_rss = max(r[2] for r in runs["full"])
    result = {
        "articles": len(texts), "sentences": sentences, "workers": args.workers,
        "repeat": args.repeat,
        "sentences_per_second": round(sentences / full_s, 1),
        "raw_spacy_sentences_per_second": round(sentences / raw_s, 1),
        "ratio": round(raw_s / full_s, 3),
        "cpu_ratio": round(raw_cpu / full_cpu, 3),
        "peak_rss_mb": max(full_rss, max(r[2] for r in runs["raw"])),
        "full_peak_rss_mb": full_rss,
        "seconds": {"full": round(full_s, 2), "raw": round(raw_s, 2),
                    "full_cpu": round(full_cpu, 2), "raw_cpu": round(raw_cpu, 2)},
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>32}: {value}")


if __name__ == "__main__":
    main()
