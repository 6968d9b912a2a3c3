"""The events of ordinary-length articles, as a digest to compare across versions of the code: the
demo corpus (``src/eventwire/demo/corpus.jsonl``) and the own-gold articles
(``benchmarks/article_gold.py``, text from the shared IndiaPoliceEvents corpus). A change that
must not alter coding (a faster step, long articles coded in windows) gives the same digests:

    PYTHONPATH=OLD/src .venv/bin/python benchmarks/same_events.py --out /tmp/old.jsonl
    PYTHONPATH=NEW/src .venv/bin/python benchmarks/same_events.py --out /tmp/new.jsonl

``--out`` also writes every event (one JSON line each, outside the repository: the gold
articles' sentences are in them) for a ``diff`` when the digests differ.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from datetime import date as Date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from article_gold import gold_records
from police_events import DEFAULT_DIR

from eventwire.pipeline import Coder
from eventwire.schema import Article

DEMO = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "demo" / "corpus.jsonl"


def demo_articles() -> list[Article]:
    rows = [json.loads(line) for line in DEMO.open(encoding="utf-8")]
    return [Article(text=r["text"], id=r["id"], date=Date.fromisoformat(r["date"]),
                    title=r.get("title")) for r in rows]


def gold_articles(corpus: Path) -> list[Article]:
    return [Article(text=str(r["text"]), id=str(r["id"]), date=Date.fromisoformat(str(r["date"])))
            for r in gold_records(corpus)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=DEFAULT_DIR)
    parser.add_argument("--out", type=Path, help="Write every event here (outside the repo).")
    args = parser.parse_args()
    coder = Coder()
    lines: list[str] = []
    report = {}
    for name, articles in (("demo", demo_articles()), ("own_gold", gold_articles(args.corpus))):
        digest = hashlib.sha256()
        count = 0
        for article, events in coder.code(articles):
            record = json.dumps({"article": article.id,
                                 "quotes": [q.to_dict() for q in article.quotes],
                                 "events": [e.to_dict() for e in events]},
                                sort_keys=True, default=str)
            digest.update(record.encode())
            lines.append(record)
            count += len(events)
        report[name] = {"articles": len(articles), "events": count,
                        "sha256": digest.hexdigest()[:16]}
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
