"""The project's wire-copy gold (real international wire, agency, ministry and embassy stories),
made into a gold file for ``eventwire evaluate``, with must-event recall and wrong-direction counts.

``benchmarks/annotations/wire_stories.jsonl`` holds the annotations, one story a line: id, the
search query and URL the story was found with, title, publication date, genre, split (``dev`` or
``blind``), the sha256 of the story's text and its events (PLOVER type, ``must`` or may, source
and target as written with country, actor code and character span, and the trigger with its
span). No story text is in the repository: it lives in a git-ignored cache, one JSON file a story
(``.cache/wire/<id>.json`` with at least ``text``), rebuilt from each story's query and URL (see
docs/evaluation.md, "wire-copy gold"). This script joins the two and writes the gold file outside
the repository:

    .venv/bin/python benchmarks/wire_gold.py --split dev --out /tmp/wire_dev.jsonl
    .venv/bin/eventwire evaluate /tmp/wire_dev.jsonl --task extract
    .venv/bin/python benchmarks/wire_gold.py --split dev --score      # must recall, wrong direction
    .venv/bin/python benchmarks/wire_gold.py --split dev --score --actors FILE  # a user's actors
    .venv/bin/python benchmarks/wire_gold.py --split dev --score --errors   # dev stories read

The gold file holds the must events only (``--with-may`` adds the may events). ``--score`` codes
the stories itself and reports: must events recalled (a predicted event with the gold type whose
source and target match, by the scorer's actor match), wrong-direction predictions (the gold type
with source and target swapped, not also a right match), and how many predictions match some gold
event, must or may. For the blind split only the figures are printed, never an event.
``--assign-split`` gives stories without a split one (stratified; see ``assign_splits``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "benchmarks" / "annotations" / "wire_stories.jsonl"
CACHE = ROOT / ".cache" / "wire"
SPLITS = ("dev", "blind")
SEED = 28


def read_annotations(path: Path = ANNOTATIONS) -> list[dict[str, Any]]:
    """The annotation lines; a malformed one is reported (file and line) and skipped."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row.get("id"), str) or not isinstance(row.get("events"), list):
                    raise ValueError("needs an id and a list of events")
            except ValueError as exc:
                print(f"{path}:{lineno}: bad annotation ({exc}), skipped", file=sys.stderr)
                continue
            out.append(row)
    return out


def story_text(ann: dict[str, Any], cache: Path) -> str | None:
    """The cached text of a story, or None (with a one-line message) when it is missing or is
    not the text the annotations were written on (its sha256 differs)."""
    path = cache / f"{ann['id']}.json"
    try:
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(f"{path}: no cached text for story {ann['id']} ({exc.__class__.__name__}), skipped; "
              f"rebuild it from {ann.get('url')}", file=sys.stderr)
        return None
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != ann.get("sha256"):
        print(f"{path}: text differs from the annotated one (sha256), story {ann['id']} skipped",
              file=sys.stderr)
        return None
    return str(text)


def _actor(a: dict[str, Any] | None, text: str) -> dict[str, Any] | None:
    if a is None:
        return None
    start, end = a["span"]
    return {"text": text[start:end], "spans": [[start, end]], "country": a.get("country"),
            "code": a.get("code")}


def _iso_date(value: object) -> str | None:
    """A full ISO date, or None where the page gives only a month or nothing."""
    return value if isinstance(value, str) and len(value) == 10 else None


def gold_records(annotations: Iterable[dict[str, Any]], cache: Path = CACHE, split: str = "all",
                 with_may: bool = False) -> list[dict[str, Any]]:
    """Gold records in the evaluation format (text included), of one split or all. Each event
    keeps ``must`` (ignored by the scorer)."""
    out = []
    for ann in annotations:
        if split != "all" and ann.get("split") != split:
            continue
        text = story_text(ann, cache)
        if text is None:
            continue
        events = [{"type": e["type"], "must": bool(e.get("must")),
                   "source": _actor(e.get("source"), text), "target": _actor(e.get("target"), text)}
                  for e in ann["events"] if with_may or e.get("must")]
        # (the guidelines write a mutual act as two directed events: see evaluate.directed)
        out.append({"id": ann["id"], "date": _iso_date(ann.get("date")), "text": text,
                    "mutual": "directed", "events": events})
    return out


def _stratum(ann: dict[str, Any]) -> tuple[str, str, str]:
    date = str(ann.get("date") or "")
    decade = date[:3] + "0s" if date[:3].isdigit() else "undated"
    main = next((e["type"] for e in ann["events"] if e.get("must")), "NONE")
    return (str(ann.get("genre")), decade, main)


def assign_splits(annotations: Sequence[dict[str, Any]], seed: int = SEED) -> int:
    """Give each story without a split one, in place; returns how many were assigned. The new
    stories are ordered by stratum (genre, decade, main type: the type of the first must event)
    and id, then dealt in groups of three, one of each group (chosen by the seeded generator)
    blind, so that every stratum is cut about two to one. Stories that have a split keep it."""
    new = sorted((a for a in annotations if a.get("split") not in SPLITS),
                 key=lambda a: (_stratum(a), a["id"]))
    rng = random.Random(seed + len(annotations) - len(new))  # a later batch gets its own draw
    for i in range(0, len(new), 3):
        group = new[i:i + 3]
        blind = rng.randrange(3)
        for j, ann in enumerate(group):
            ann["split"] = "blind" if j == blind else "dev"
    return len(new)


def score(records: Sequence[dict[str, Any]], all_events: dict[str, list[dict[str, Any]]],
          actors: Sequence[Path] = (), report: Any = None) -> dict[str, Any]:
    """Code the stories and count must events recalled, wrong-direction predictions and
    predictions that match some gold event (must or may). ``report`` (dev only) is called with
    each story, its gold events (scorer form and as annotated) and its predictions."""
    from datetime import date as Date

    from eventwire.codebook import Codebook
    from eventwire.evaluate import actor_matches, directed, matched_pairs
    from eventwire.gold import GoldActor, GoldEvent
    from eventwire.ontology.plover import normalize_type
    from eventwire.pipeline import Coder
    from eventwire.schema import Article

    def gold_event(e: dict[str, Any]) -> GoldEvent:
        def actor(a: dict[str, Any] | None) -> GoldActor | None:
            return None if a is None else GoldActor(a["text"], [tuple(s) for s in a["spans"]],
                                                    a.get("country"))
        return GoldEvent(normalize_type(e["type"]), actor(e["source"]), actor(e["target"]))

    articles = [Article(text=str(r["text"]), id=str(r["id"]),
                        date=Date.fromisoformat(r["date"]) if r["date"] else None) for r in records]
    must = recalled = predicted = acceptable = wrong_direction = 0
    coder = Coder(codebook=Codebook.of(list(actors)) if actors else None)
    for record, (_, coded) in zip(records, coder.code(articles), strict=True):
        preds = directed(coded)  # a mutual act, coded once, stands for both directions
        if report is not None:
            report(record, [gold_event(e) for e in all_events[str(record["id"])]],
                   all_events[str(record["id"])], preds)
        golds = [gold_event(e) for e in all_events[str(record["id"])]]
        musts = [g for g, e in zip(golds, all_events[str(record["id"])], strict=True) if e["must"]]
        must += len(musts)
        recalled += len(matched_pairs(preds, musts, use_type=True))
        predicted += len(preds)
        hits = set(matched_pairs(preds, golds, use_type=True).values())
        acceptable += len(hits)
        for i, p in enumerate(preds):
            if i in hits or p.source is None or p.target is None \
                    or p.attributes.get("read_reversed"):
                continue  # (a mutual act read the other way round claims no direction)
            if any(normalize_type(p.type) == g.type and actor_matches(p.source, g.target)
                   and actor_matches(p.target, g.source)
                   and not (actor_matches(p.source, g.source) and actor_matches(p.target, g.target))
                   for g in golds):
                wrong_direction += 1
    return {"stories": len(records), "must_events": must, "must_recalled": recalled,
            "must_recall": round(recalled / must, 3) if must else 0.0,
            "predicted": predicted, "predicted_matching_gold": acceptable,
            "wrong_direction": wrong_direction}


def print_errors(record: dict[str, Any], golds: list[Any], annotated: list[dict[str, Any]],
                 preds: list[Any]) -> None:
    """One dev story as an analyst reads it: the text, each gold event (recalled or missed),
    each prediction (matching a must or may event, or not) with its rule."""
    from eventwire.evaluate import matched_pairs

    hits = matched_pairs(preds, golds, use_type=True)
    by_pred = {i: gi for gi, i in hits.items()}
    print(f"=== {record['id']}  {record.get('date')}")
    print(record["text"])
    print("--- gold")
    for gi, e in enumerate(annotated):
        def who(a: dict[str, Any] | None) -> str:
            return "-" if a is None else f"{a['text']!r}/{a.get('country')}"
        mark = "ok  " if gi in hits else ("MISS" if e.get("must") else "may ")
        print(f"  {mark} {e['type']:<9} {who(e.get('source'))} -> {who(e.get('target'))}"
              f"  [{(e.get('trigger') or {}).get('text')}]")
    print("--- predicted")
    for i, p in enumerate(preds):
        def who(a: Any) -> str:
            return "-" if a is None else f"{a.text!r}/{a.country}/{a.sector}"
        mark = (("ok  " if annotated[by_pred[i]].get("must") else "may ") if i in by_pred
                else "XX  ")
        print(f"  {mark} {p.type:<9} {who(p.source)} -> {who(p.target)}  [{p.trigger.text}]"
              f"  {p.rule}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", type=Path, default=ANNOTATIONS)
    parser.add_argument("--cache", type=Path, default=CACHE, help="Folder of <id>.json texts.")
    parser.add_argument("--split", choices=("dev", "blind", "all"), default="dev")
    parser.add_argument("--out", type=Path, help="Gold file to write (outside the repository).")
    parser.add_argument("--with-may", action="store_true", help="Put the may events in the file too.")
    parser.add_argument("--score", action="store_true", help="Code the stories and print the figures.")
    parser.add_argument("--actors", type=Path, action="append", default=[],
                        help="A user's actor file over the shipped tables (repeatable), as --actors.")
    parser.add_argument("--errors", action="store_true",
                        help="With --score on the dev split: print each story, its gold and "
                             "the predictions (refused for blind and all).")
    parser.add_argument("--assign-split", action="store_true",
                        help="Give stories without a split one and rewrite the annotations.")
    args = parser.parse_args()
    if args.errors and args.split != "dev":
        parser.error("--errors reads dev stories only: the blind third is scored, never read")
    annotations = read_annotations(args.annotations)
    if args.assign_split:
        n = assign_splits(annotations)
        with args.annotations.open("w", encoding="utf-8") as fh:
            for ann in annotations:
                fh.write(json.dumps(ann, ensure_ascii=False) + "\n")
        print(f"{n} stories given a split -> {args.annotations}")
        return
    records = gold_records(annotations, args.cache, args.split, args.with_may)
    if args.out:
        with args.out.open("w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{len(records)} stories, {sum(len(r['events']) for r in records)} gold events "
              f"-> {args.out}")
    if args.score:
        every = {str(r["id"]): r["events"]
                 for r in gold_records(annotations, args.cache, args.split, with_may=True)}
        print(json.dumps(score(records, every, args.actors,
                               print_errors if args.errors else None)))


if __name__ == "__main__":
    main()
