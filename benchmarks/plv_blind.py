"""The PLV blind fifth: a fixed, stratified fifth of the PLV training split that no rule is written
from and no model or cross-validation fold sees (``eventwire train`` leaves these ids out by
default). Writes ``benchmarks/annotations/plv_blind.txt`` (ids and the seed only, no text):

    .venv/bin/python benchmarks/plv_blind.py ../shared/benchmarks/dev/plv_train.jsonl

Stratified by type: the records are grouped by the type of their first event (YIELD as the set
gives it), each group is shuffled by the seed and its first fifth (rounded) taken. The figure is
scored, never its errors: ``eventwire train PLV --score-blind --out /tmp/m.npz`` fits the model
without the fifth and prints the fifth's classify macro-F1 and accuracy (docs/evaluation.md).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).parent / "annotations" / "plv_blind.txt"
SEED = 28
SHARE = 0.2


def blind_ids(path: Path, seed: int = SEED, share: float = SHARE) -> list[str]:
    """A stratified ``share`` of the records' ids, by the type of each record's first event."""
    groups: dict[str, list[str]] = defaultdict(list)
    for line in path.open(encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            events = row.get("events") or []
            groups[events[0]["type"] if events else "NONE"].append(str(row["id"]))
    rng = random.Random(seed)
    out: list[str] = []
    for kind in sorted(groups):
        ids = sorted(groups[kind])
        rng.shuffle(ids)
        out += ids[:round(len(ids) * share)]
    return sorted(out, key=lambda i: (len(i), i))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plv", type=Path, help="The PLV training split (gold JSONL).")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    ids = blind_ids(args.plv)
    args.out.write_text(f"# PLV blind fifth: {len(ids)} record ids of {args.plv.name}, stratified by "
                        f"type, seed {SEED}; written by benchmarks/plv_blind.py\n"
                        + "".join(f"{i}\n" for i in ids), encoding="utf-8")
    print(f"{len(ids)} blind ids -> {args.out}")


if __name__ == "__main__":
    main()
