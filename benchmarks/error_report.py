"""Write the classify confusion matrix, per-type scores and the commonest error patterns, and the
extract task's error breakdown, to a Markdown file, from a gold JSONL set of real sentences (for
example the dev set in ../shared/benchmarks/dev/). The learned typer is trained on that set, so
every prediction here comes from the cross-validation model that did not see its sentence
(``eventwire train``'s folds and seed).

Only counts and trigger lemmas are written, never sentences, so a report on a set that must stay
outside the repo can be committed.

    .venv/bin/python benchmarks/error_report.py ../shared/benchmarks/dev/plv_train.jsonl \
        --out docs/dev-errors.md
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from eventwire.evaluate import actor_matches, matched_pairs, per_type_scores
from eventwire.events.typer import typer_model
from eventwire.gold import GoldEvent, GoldRecord, load_gold
from eventwire.ontology.plover import normalize_type
from eventwire.pipeline import Coder, doc_events
from eventwire.schema import Event
from eventwire.training import Example, fold_models, load_examples, out_of_fold, record_folds


def collect(examples: list[Example]) -> tuple[list[tuple[str, str]], Counter[tuple[str, str, str]]]:
    """Out-of-fold (gold, predicted) pairs of the real examples and error patterns keyed by
    (gold, predicted, trigger)."""
    pairs: list[tuple[str, str]] = []
    patterns: Counter[tuple[str, str, str]] = Counter()
    for pred in out_of_fold(examples):
        if not pred.example.real:
            continue
        gold, predicted = normalize_type(pred.example.label), normalize_type(pred.type)
        pairs.append((gold, predicted))
        if predicted != gold:
            trigger = next((f[5:] for f in pred.example.features if f.startswith("trig=")), None)
            key = f"trigger '{trigger}'" if trigger else "no trigger found"
            patterns[(gold, predicted, key)] += 1
    return pairs, patterns


def _miss_kind(gold: GoldEvent, preds: list[Event]) -> str:
    """Why a gold event found no matching prediction: the closest miss among the predictions."""
    if not preds:
        return "no event found in the sentence"
    best = set()
    for p in preds:
        same_type = normalize_type(p.type) == gold.type
        src, tgt = actor_matches(p.source, gold.source), actor_matches(p.target, gold.target)
        best.add((same_type, src, tgt))
    for want, label in (((True, True, False), "right type and source, wrong recipient"),
                        ((False, True, True), "right actors, wrong type"),
                        ((True, False, True), "right type and recipient, wrong source")):
        if want in best:
            return label
    if any(t for t, _, _ in best):
        return "right type, both actors wrong"
    return "events found, none close"


def collect_extract(records: list[GoldRecord], examples: list[Example], coder: Coder
                    ) -> tuple[Counter[str], Counter[str], int, int]:
    """Missed gold events by kind, unmatched predictions by kind, and the totals; each fold's
    records typed by the model trained without them."""
    of = record_folds(examples)
    coded = []
    for k, model in fold_models(examples):
        held = [r for r in records if of.get(r.id, 0) == k]
        with typer_model(coder.nlp, model):
            coded += [(r, a, d) for r, (a, d) in zip(held, coder.docs(r.article() for r in held),
                                                     strict=True)]
    missed: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    n_gold = n_pred = 0
    for record, article, doc in coded:
        preds = doc_events(doc, article)
        n_gold += len(record.events)
        n_pred += len(preds)
        pairs = matched_pairs(preds, record.events, use_type=True)
        used = set(pairs.values())
        for gi, g in enumerate(record.events):
            if gi not in pairs:
                missed[_miss_kind(g, preds)] += 1
        for i, p in enumerate(preds):
            if i in used:
                continue
            if p.target is None:
                extra["no recipient (gold always names one)"] += 1
            elif used and any(preds[j].trigger == p.trigger for j in used):
                extra["same trigger as a matched event (a coordinated actor split off)"] += 1
            elif used:
                extra["another trigger in a sentence whose event matched"] += 1
            else:
                extra["in a sentence where nothing matched"] += 1
    return missed, extra, n_gold, n_pred


def render_extract(missed: Counter[str], extra: Counter[str], n_gold: int, n_pred: int) -> str:
    out = ["", "## Extract errors", "",
           f"{n_gold} gold events, {n_pred} predicted; {n_gold - sum(missed.values())} matched.", "",
           "| gold events not matched | count |", "|---|---|"]
    out += [f"| {k} | {c} |" for k, c in missed.most_common()]
    out += ["", "| predictions not matched | count |", "|---|---|"]
    out += [f"| {k} | {c} |" for k, c in extra.most_common()]
    return "\n".join(out) + "\n"


def render(gold: Path, pairs: list[tuple[str, str]], patterns: Counter[tuple[str, str, str]]) -> str:
    per_type = per_type_scores(pairs)
    types = sorted({g for g, _ in pairs} | {p for _, p in pairs})
    n = len(pairs)
    acc = sum(g == p for g, p in pairs) / n if n else 0.0
    macro = sum(s["f1"] for s in per_type.values()) / len(per_type) if per_type else 0.0
    out = [f"# Classify errors on `{gold.name}`", "",
           f"{n} pairs; accuracy {acc:.3f}; macro-F1 {macro:.3f}.", "",
           "Generated by `benchmarks/error_report.py` from out-of-fold predictions (each sentence "
           "typed by the cross-validation model that did not see it); counts only (no "
           "sentences).", "",
           "## Per type", "", "| type | P | R | F1 | support |", "|---|---|---|---|---|"]
    for t, s in per_type.items():
        out.append(f"| {t} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
                   f"{s['support']} |")
    cells = Counter(pairs)
    out += ["", "## Confusion matrix (rows gold, columns predicted)", "",
            "| gold \\ pred | " + " | ".join(t[:5] for t in types) + " |",
            "|---" * (len(types) + 1) + "|"]
    for g in types:
        out.append(f"| {g} | " + " | ".join(str(cells[(g, p)] or "") for p in types) + " |")
    out += ["", "## Commonest error patterns", "", "| gold | predicted | evidence | count |",
            "|---|---|---|---|"]
    for (g, p, key), c in patterns.most_common(10):
        out.append(f"| {g} | {p} | {key} | {c} |")
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--out", type=Path, default=Path("docs/dev-errors.md"))
    parser.add_argument("--examples", type=Path, nargs="*",
                        default=[Path("data/training/plover_train.jsonl")])
    args = parser.parse_args()
    _, examples = load_examples([args.gold], args.examples, Coder(prefilter=False))
    pairs, patterns = collect(examples)
    extract = collect_extract(load_gold(args.gold), examples, Coder())
    report = render(args.gold, pairs, patterns) + render_extract(*extract)
    args.out.write_text(report, encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
