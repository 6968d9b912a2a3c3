"""Real sentences: ACE 2005 / WikiEvents argument pairs. Does the coder link the two marked
participants of an event, in the right direction and with the right polarity?

``../shared/benchmarks/dev/aw_train.jsonl`` (its README gives the format) holds sentences with
one or more marked argument pairs of an event (source and target spans, their ACE/WikiEvents
roles, and whether the event is conflict). The sentences stay in ``../shared/``; the repository
holds only the ids of the blind third (``benchmarks/annotations/aw_blind.txt``), fixed once:

    .venv/bin/python benchmarks/aw_pairs.py --make-split          # writes the blind ids
    .venv/bin/python benchmarks/aw_pairs.py --split dev           # figures
    .venv/bin/python benchmarks/aw_pairs.py --split dev --errors  # + each unlinked dev pair
    .venv/bin/python benchmarks/aw_pairs.py --split blind         # figures only, never errors

A pair is **linked** when some coded event has a source overlapping one of the pair's spans and
a target overlapping the other (either way round); **directed** when the event's source
overlaps the pair's source and its target the pair's target (counted over pairs whose two roles
differ: Entity/Entity or Participant/Participant claim no direction). A reciprocal event stands
for both directions (``evaluate.directed``). The **polarity** of a linked pair is right when
the linking event's quad class (3 or 4: conflict) agrees with the pair's ``conflict`` flag.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.schema import Actor, Event

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "benchmarks" / "dev" / "aw_train.jsonl"
BLIND = ROOT / "benchmarks" / "annotations" / "aw_blind.txt"
SEED = 28
SHARE = 1 / 3


@dataclass(frozen=True)
class PairResult:
    """What the coder made of one marked pair."""

    linked: bool
    directed: bool | None  # None: the pair's roles claim no direction
    conflict_right: bool | None  # None: not linked
    source_seen: bool  # the pair's source is some event's actor
    target_seen: bool


def read_records(path: Path) -> list[dict[str, Any]]:
    """The records of an AW file; a malformed line is reported (file and line) and skipped."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row.get("text"), str) or not isinstance(row.get("pairs"), list):
                    raise ValueError("needs a text and a list of pairs")
                for p in row["pairs"]:
                    for side in ("source", "target"):
                        if not all(len(s) == 2 for s in p[side]["spans"]):
                            raise ValueError(f"a {side} span is not [start, end)")
            except (ValueError, KeyError, TypeError) as exc:
                print(f"{path}:{lineno}: bad record ({exc}), skipped", file=sys.stderr)
                continue
            out.append(row)
    return out


def _stratum(record: dict[str, Any]) -> tuple[str, bool]:
    pairs = record["pairs"]
    return (str(record.get("corpus")), bool(pairs and pairs[0].get("conflict")))


def blind_ids(records: Sequence[dict[str, Any]], seed: int = SEED, share: float = SHARE
              ) -> list[str]:
    """A stratified ``share`` of the record ids, by corpus and the first pair's ``conflict``:
    each group sorted, shuffled by the seed, its first share (rounded) taken."""
    groups: dict[tuple[str, bool], list[str]] = defaultdict(list)
    for r in records:
        groups[_stratum(r)].append(str(r["id"]))
    rng = random.Random(seed)
    out: list[str] = []
    for key in sorted(groups):
        ids = sorted(groups[key])
        rng.shuffle(ids)
        out += ids[:round(len(ids) * share)]
    return sorted(out)


def read_blind(path: Path = BLIND) -> set[str]:
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def _overlaps(actor: Actor | None, spans: Sequence[Sequence[int]]) -> bool:
    return actor is not None and any(actor.start < e and s < actor.end for s, e in spans)


def score_pair(pair: dict[str, Any], events: Sequence[Event]) -> PairResult:
    """One marked pair against the events coded in its sentence (reciprocal events already
    read both ways round, as ``evaluate.directed`` gives them)."""
    src, tgt = pair["source"]["spans"], pair["target"]["spans"]
    forward = [e for e in events if _overlaps(e.source, src) and _overlaps(e.target, tgt)]
    backward = [e for e in events if _overlaps(e.source, tgt) and _overlaps(e.target, src)]
    linking = forward + backward
    claims = pair["source"].get("role") != pair["target"].get("role")
    seen = [a for e in events for a in (e.source, e.target)]
    return PairResult(
        linked=bool(linking),
        directed=bool(forward) if claims else None,
        conflict_right=None if not linking else (linking[0].quad in (3, 4)) == bool(pair["conflict"]),
        source_seen=any(_overlaps(a, src) for a in seen),
        target_seen=any(_overlaps(a, tgt) for a in seen))


def summarize(results: Sequence[PairResult]) -> dict[str, Any]:
    """The figures over many pairs."""
    n = len(results)
    linked = [r for r in results if r.linked]
    claims = [r for r in results if r.directed is not None]

    def share(k: int, of: int) -> float:
        return round(k / of, 3) if of else 0.0

    return {
        "pairs": n, "linked": len(linked), "linked_share": share(len(linked), n),
        "direction_pairs": len(claims),
        "directed": sum(1 for r in claims if r.directed),
        "directed_share": share(sum(1 for r in claims if r.directed), len(claims)),
        "linked_conflict_right": share(sum(1 for r in linked if r.conflict_right), len(linked)),
        "source_seen_share": share(sum(1 for r in results if r.source_seen), n),
        "target_seen_share": share(sum(1 for r in results if r.target_seen), n),
    }


def code_records(records: Sequence[dict[str, Any]]) -> list[list[Event]]:
    """Each record's events as ``eventwire code`` gives them, reciprocal ones read both ways."""
    from eventwire.evaluate import directed
    from eventwire.pipeline import Coder
    from eventwire.schema import Article

    coder = Coder()
    articles = [Article(text=str(r["text"]), id=str(r["id"])) for r in records]
    return [directed(events) for _, events in coder.code(articles)]


def print_errors(record: dict[str, Any], events: Sequence[Event],
                 results: Sequence[PairResult]) -> None:
    """A dev record with an unlinked or misdirected pair: the text, its pairs, the events."""
    if all(r.linked and r.directed is not False for r in results):
        return
    text = record["text"]
    print(f"=== {record['id']} ({record.get('corpus')})")
    print(text)
    for p, r in zip(record["pairs"], results, strict=True):
        mark = "ok  " if r.linked and r.directed is not False else (
            "REV " if r.linked else "MISS")
        seen = ("s" if r.source_seen else "-") + ("t" if r.target_seen else "-")
        print(f"  {mark} {seen} {p['event_type']:<24} {p['source']['text']!r}/{p['source']['role']}"
              f" -> {p['target']['text']!r}/{p['target']['role']}  [{p['trigger']['text']}]"
              f" conflict={p['conflict']}")
    for e in events:
        def who(a: Actor | None) -> str:
            return "-" if a is None else repr(a.text)
        print(f"  pred {e.type:<9} {who(e.source)} -> {who(e.target)}  [{e.trigger.text}]  {e.rule}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="The AW file (aw_train.jsonl).")
    parser.add_argument("--blind-file", type=Path, default=BLIND)
    parser.add_argument("--split", choices=("dev", "blind"), default="dev")
    parser.add_argument("--make-split", action="store_true",
                        help="Write the blind third's ids (ids only) and stop.")
    parser.add_argument("--errors", action="store_true",
                        help="Print each dev record with a pair not linked or linked the wrong "
                             "way (refused for blind).")
    args = parser.parse_args()
    if args.errors and args.split != "dev":
        parser.error("--errors reads dev records only: the blind third is scored, never read")
    records = read_records(args.data)
    if args.make_split:
        ids = blind_ids(records)
        args.blind_file.write_text(
            f"# AW blind third: {len(ids)} record ids of {args.data.name}, stratified by corpus "
            f"and conflict, seed {SEED}; written by benchmarks/aw_pairs.py --make-split\n"
            + "".join(f"{i}\n" for i in ids), encoding="utf-8")
        print(f"{len(ids)} blind ids -> {args.blind_file}")
        return
    blind = read_blind(args.blind_file)
    chosen = [r for r in records if (str(r["id"]) in blind) == (args.split == "blind")]
    results: list[PairResult] = []
    by_corpus: dict[str, list[PairResult]] = defaultdict(list)
    for record, events in zip(chosen, code_records(chosen), strict=True):
        rs = [score_pair(p, events) for p in record["pairs"]]
        results += rs
        by_corpus[str(record.get("corpus"))] += rs
        if args.errors:
            print_errors(record, events, rs)
    out = {"split": args.split, "records": len(chosen), **summarize(results),
           "by_corpus": {c: summarize(rs)["linked_share"] for c, rs in sorted(by_corpus.items())}}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
