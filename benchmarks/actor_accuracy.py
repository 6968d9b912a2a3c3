"""Country and sector accuracy of actor resolution on a mention set
(default: the project's data/actors/actor_mentions.jsonl).

    .venv/bin/python benchmarks/actor_accuracy.py [FILE] [--json] [--errors] [--actors FILE]

Each sentence is coded by the real pipeline; the mention's head token is resolved with the same
function events use (``actors.resolver.actor_for_token``).
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from eventwire.actors.resolver import actor_for_token
from eventwire.codebook import Codebook
from eventwire.nlp import get_pipeline, make_doc

DEFAULT = Path(__file__).resolve().parent.parent / "data" / "actors" / "actor_mentions.jsonl"


def score(path: Path, actors: list[Path] | None = None) -> dict[str, object]:
    nlp = get_pipeline(None, Codebook.of(actors) if actors else None)
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    docs = nlp.pipe(make_doc(nlp, r["text"], date.fromisoformat(r["date"])) for r in rows)
    country_ok = sector_ok = sector_n = 0
    errors = []
    for row, doc in zip(rows, docs, strict=True):
        span = doc.char_span(row["start"], row["end"], alignment_mode="expand")
        match = actor_for_token(span.root) if span is not None else None
        got_country = match.info.country if match else None
        got_sector = match.info.sector if match else None
        ok = got_country == row["country"]
        country_ok += ok
        if row["sector"] is not None:
            sector_n += 1
            sector_ok += got_sector == row["sector"]
        if not ok or (row["sector"] is not None and got_sector != row["sector"]):
            errors.append({"mention": row["mention"], "expected": [row["country"], row["sector"]],
                           "got": [got_country, got_sector]})
    return {"mentions": len(rows), "country_accuracy": round(country_ok / len(rows), 4),
            "sector_accuracy": round(sector_ok / sector_n, 4) if sector_n else None,
            "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--actors", type=Path, action="append", default=[],
                        help="A user's actor file over the shipped tables (repeatable), as --actors.")
    args = parser.parse_args()
    result = score(args.path, args.actors)
    if not args.errors:
        result.pop("errors")
    print(json.dumps(result) if args.json else json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
