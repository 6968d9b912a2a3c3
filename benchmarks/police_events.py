"""Sentence-level questions about police actions on real news: the IndiaPoliceEvents dev half
(Halterman, Keith, Sarwar and O'Connor, "Corpus-Level Evaluation for Event QA: The
IndiaPoliceEvents Corpus Covering the 2002 Gujarat Violence", Findings of ACL 2021), kept outside
the repo in ../shared/benchmarks/real/india_police_events/.

Each article is coded whole, as ``eventwire extract`` would (read by the article reader: mojibake
repaired, lower case recased for tagging, datelines and page furniture marked); each of the
corpus's sentences (found in the corpus text, its offsets carried over to the cleaned text) is
then answered from the events whose trigger lies in it, with a police source: sector COP, and
(unless ``--police-only``) Indian forces of sector MIL too, the army and the paramilitary
forces that the corpus counts as police when they keep order at home (of the
corpus's sentences that name the army, paramilitary or security forces and no police, 53-71%
are labelled ANY_ACTION; India's "paramilitary" forces are by law central armed police):

- ANY_ACTION: any such event; also a MOBILIZE that moved police (``attributes.forces``: "500
  policemen were deployed by the state"), and a quotation whose speaker in the sentence is police
  (``article.quotes``: the corpus counts "the superintendent of police said ..." as an action);
- ARREST: COERCE with mode ``arrest`` (arrests, detentions);
- FORCE: ASSAULT, or COERCE with a force mode (crowd control, curfew);
- KILL: an ASSAULT whose trigger is a killing or shooting, or whose clause counts the killed;
- FAIL: a police act that is negated or refused (a REJECT).

Precision, recall and F1 per label over all sentences, next to the paper's keyword baseline
rule (slanglab/IndiaPoliceEvents, archived_code/models/keyword_matching.py): a police word and an
action word in the same sentence, and for ANY_ACTION a police word alone; the word lists are this
script's, not the paper's. Only counts are printed.

    .venv/bin/python benchmarks/police_events.py [DIR] [--limit N] [--json] [--police-only] [--actors FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from datetime import date as Date
from difflib import SequenceMatcher
from pathlib import Path

from eventwire.codebook import Codebook
from eventwire.evaluate import prf
from eventwire.ingest.readers import clean_text
from eventwire.pipeline import Coder
from eventwire.schema import Actor, Article, Event

LABELS = ("KILL", "ARREST", "FAIL", "FORCE", "ANY_ACTION")
DEFAULT_DIR = Path("../shared/benchmarks/real/india_police_events")

_KILL_TRIGGERS = re.compile(r"^(kill|shot|shoot|gunn|murder|slay|slain|die|died|perish|succumb)", re.I)
_FORCE_MODES = {"crowd-control", "curfew", "martial-law"}

# The keyword baseline: a police word and an action word in one sentence.
_POLICE_WORDS = re.compile(r"\b(police|policem[ae]n|cops?|constables?|sub-inspectors?|inspectors?"
                           r"|officers?|rapid action force|raf|srp|crpf|paramilitary)\b", re.I)
_ACTION_WORDS = {
    "KILL": r"\b(kill\w*|shot dead|shoot\w*|firing|fired|dead|died)\b",
    "ARREST": r"\b(arrest\w*|detain\w*|held|round(ed)? up|nabbed|custody)\b",
    "FAIL": r"\b(fail\w*|did not|didn't|refus\w*|mute spectators?|inaction|stood by)\b",
    "FORCE": r"\b(lathi\w*|tear ?gas|fir(ed|ing)|shoot\w*|shot|baton|charged|beat\w*|curfew)\b",
}


#: The sectors the corpus's "police" covers (``--police-only``: COP alone).
POLICE_SECTORS = {"COP", "MIL"}
#: Forces of other states are no police in an Indian story.
HOME = {None, "IND"}


def _police(actor: Actor | None) -> bool:
    return actor is not None and actor.sector in POLICE_SECTORS and (
        actor.sector == "COP" or actor.country in HOME)


def event_labels(event: Event) -> set[str]:
    """The questions an event answers yes to."""
    if event.type == "MOBILIZE" and POLICE_SECTORS & set(event.attributes.get("forces", [])):
        return {"ANY_ACTION"}  # police were sent, posted or withdrawn, whoever sent them
    if not _police(event.source):
        return set()
    labels = {"ANY_ACTION"}
    if event.negated or event.type == "REJECT":
        labels.add("FAIL")
    if event.type == "COERCE" and event.mode == "arrest":
        labels.add("ARREST")
    if event.type == "ASSAULT" or (event.type == "COERCE" and event.mode in _FORCE_MODES):
        labels.add("FORCE")
    killed = any(a.get("kind") == "killed" for a in event.attributes.get("amounts", []))
    if event.type == "ASSAULT" and (_KILL_TRIGGERS.match(event.trigger.text) or killed):
        labels.add("KILL")
    return labels


def keyword_labels(sentence: str) -> set[str]:
    """The paper's rule: a police word and an action word; for ANY_ACTION, a police word."""
    if not _POLICE_WORDS.search(sentence):
        return set()
    return {"ANY_ACTION"} | {label for label, pattern in _ACTION_WORDS.items()
                             if re.search(pattern, sentence, re.I)}


def quote_labels(article: Article, span: tuple[int, int]) -> set[str]:
    """A police officer's statement is something the police did (the corpus counts "the
    superintendent of police said ..." as an action): any quotation, direct or reported, whose
    speaker (in this sentence) is police."""
    return {"ANY_ACTION"} if any(
        q.speaker is not None and _police(q.speaker) and span[0] <= q.speaker.start < span[1]
        for q in article.quotes) else set()


def sentence_spans(text: str, sentences: list[str]) -> list[tuple[int, int] | None]:
    """Each corpus sentence's character span in the article (found in order)."""
    spans: list[tuple[int, int] | None] = []
    pos = 0
    for sent in sentences:
        at = text.find(sent, pos)
        if at < 0:
            at = text.find(sent.strip(), pos)
        if at < 0:
            spans.append(None)
            continue
        spans.append((at, at + len(sent)))
        pos = at + len(sent)
    return spans


def to_cleaned(original: str, cleaned: str) -> Callable[[int], int]:
    """Offsets in the text as stored in the corpus -> offsets in the text the reader cleaned
    (mojibake repaired, spaces squeezed), through the blocks the two have in common."""
    blocks = SequenceMatcher(None, original, cleaned, autojunk=False).get_matching_blocks()
    starts = [b.a for b in blocks]

    def convert(i: int) -> int:
        n = max(bisect_right(starts, i) - 1, 0)
        a, b, size = blocks[n]
        return b + min(i - a, size)

    return convert


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path, nargs="?", default=DEFAULT_DIR)
    parser.add_argument("--limit", type=int, default=0, help="Only the first N articles.")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--police-only", action="store_true",
                        help="Count sector COP alone as police (not the army and paramilitary).")
    parser.add_argument("--actors", type=Path, action="append", default=[],
                        help="A user's actor file over the shipped tables (repeatable), as --actors.")
    args = parser.parse_args()
    if args.police_only:
        POLICE_SECTORS.discard("MIL")
    docs = [json.loads(line) for line in (args.dir / "docs.jsonl").open(encoding="utf-8")]
    if args.limit:
        docs = docs[:args.limit]
    sents: dict[str, list[dict]] = {}
    for line in (args.dir / "sents.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        sents.setdefault(row["id"], []).append(row)
    coder = Coder(codebook=Codebook.of(args.actors) if args.actors else None)
    originals = {d["id"]: d["text"] for d in docs}
    articles = [Article(text=clean_text(d["text"]), id=d["id"],
                        date=Date.fromisoformat(d["date"][:10]) if d.get("date") else None)
                for d in docs]
    gold: list[set[str]] = []
    ours: list[set[str]] = []
    keywords: list[set[str]] = []
    unaligned = 0
    start = time.perf_counter()
    for article, events in coder.code(articles):
        rows = sorted(sents.get(article.id, []), key=lambda r: r["sent_id"])
        convert = to_cleaned(originals[article.id], article.text)
        spans = [(convert(a), convert(b)) if (a, b) != (-1, -1) else None
                 for a, b in (span or (-1, -1) for span in
                              sentence_spans(originals[article.id], [r["text"] for r in rows]))]
        for row, span in zip(rows, spans, strict=True):
            found: set[str] = set()
            if span is None:
                unaligned += 1
            else:
                for e in events:
                    if span[0] <= e.trigger.start < span[1]:
                        found |= event_labels(e)
                found |= quote_labels(article, span)
            gold.append(set(row["labels"]))
            ours.append(found)
            keywords.append(keyword_labels(row["text"]))
    seconds = time.perf_counter() - start
    report: dict[str, object] = {"articles": len(articles), "sentences": len(gold),
                                 "unaligned_sentences": unaligned, "seconds": round(seconds, 1)}
    for name, pred in (("eventwire", ours), ("keywords", keywords)):
        per_label = {}
        for label in LABELS:
            tp = sum(label in g and label in p for g, p in zip(gold, pred, strict=True))
            per_label[label] = {**prf(tp, sum(label in p for p in pred),
                                      sum(label in g for g in gold)),
                                "gold": sum(label in g for g in gold)}
        report[name] = per_label
    if args.json:
        print(json.dumps(report))
        return
    print(f"{report['articles']} articles, {report['sentences']} sentences "
          f"({unaligned} not found in their article), {report['seconds']} s")
    print(f"{'label':<11} {'gold':>5}  {'eventwire P/R/F1':>20}  {'keywords P/R/F1':>20}")
    for label in LABELS:
        a, b = report["eventwire"][label], report["keywords"][label]  # type: ignore[index]
        print(f"{label:<11} {a['gold']:>5}  {a['precision']:.3f}/{a['recall']:.3f}/{a['f1']:.3f}"
              f"     {b['precision']:.3f}/{b['recall']:.3f}/{b['f1']:.3f}")
    counts = Counter(label for g in gold for label in g)
    print("gold label counts:", dict(counts), file=sys.stderr)


if __name__ == "__main__":
    main()
