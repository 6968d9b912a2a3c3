"""The project's own article-level PLOVER gold on 40 IndiaPoliceEvents articles, made into a gold
file for ``eventwire evaluate``.

``benchmarks/annotations/ipe_articles.jsonl`` holds the annotations: for each article (by the
corpus's id) the events an analyst must find, each with its PLOVER type, the character offsets of
its trigger, source and target in the corpus's ``docs.jsonl`` text, and the actors' countries. No
article text is in the repository; this script joins the annotations with the shared corpus and
writes the gold file outside it, with the text as the reader stores it (``clean_text``: mojibake
repaired, spaces squeezed) and every offset carried over:

    .venv/bin/python benchmarks/article_gold.py --out /tmp/ipe_gold.jsonl
    .venv/bin/eventwire evaluate /tmp/ipe_gold.jsonl --task extract

How the articles were chosen and annotated is in docs/evaluation.md ("Article-level gold").
``--sources`` also prints how many of the coder's events on these articles have a source.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from police_events import DEFAULT_DIR, to_cleaned

from eventwire.ingest.readers import clean_text
from eventwire.pipeline import Coder
from eventwire.schema import Article

ANNOTATIONS = Path(__file__).parent / "annotations" / "ipe_articles.jsonl"


def gold_records(corpus: Path, annotations: Path = ANNOTATIONS) -> list[dict[str, object]]:
    """Gold records in the evaluation format (docs/evaluation.md), text included."""
    docs = {}
    for line in (corpus / "docs.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        docs[row["id"]] = row
    out = []
    for line in annotations.open(encoding="utf-8"):
        ann = json.loads(line)
        doc = docs[ann["id"]]
        text = clean_text(doc["text"])
        convert = to_cleaned(doc["text"], text)

        def actor(a: dict | None, text: str = text, convert=convert) -> dict | None:  # type: ignore[no-untyped-def]
            if a is None:
                return None
            start, end = convert(a["span"][0]), convert(a["span"][1])
            return {"text": text[start:end], "spans": [[start, end]], "country": a["country"]}

        events = [{"type": e["type"], "source": actor(e["source"]), "target": actor(e["target"])}
                  for e in ann["events"]]
        out.append({"id": ann["id"], "date": doc["date"][:10], "text": text, "events": events})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=DEFAULT_DIR)
    parser.add_argument("--out", type=Path, required=True, help="Where to write the gold file "
                        "(outside the repository: it holds the articles' text).")
    parser.add_argument("--sources", action="store_true",
                        help="Also code the articles and count events without a source.")
    args = parser.parse_args()
    records = gold_records(args.corpus)
    with args.out.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record) + "\n")
    print(f"{len(records)} articles, {sum(len(r['events']) for r in records)} gold events "  # type: ignore[arg-type]
          f"-> {args.out}")
    if args.sources:
        from datetime import date as Date

        articles = [Article(text=str(r["text"]), id=str(r["id"]), date=Date.fromisoformat(str(r["date"])))
                    for r in records]
        events = [e for _, evs in Coder().code(articles) for e in evs]
        print(f"coder: {len(events)} events, {sum(e.source is None for e in events)} without a source")


if __name__ == "__main__":
    main()
