"""Scoring against gold JSONL, in the format docs/evaluation.md describes.

classify: the gold actors are given; the coder answers one type per gold event.
extract: only text and date are given; the coder finds the events itself.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from eventwire.codebook import Codebook
from eventwire.events.classifiers import make_classifier
from eventwire.gold import GoldActor, GoldEvent, GoldRecord, load_gold
from eventwire.ontology.plover import normalize_type
from eventwire.parallel import map_chunks
from eventwire.pipeline import Coder, doc_events
from eventwire.schema import Actor, Event


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def per_type_scores(pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Per-type P/R/F1 and support from (gold, predicted) pairs, for the gold types present."""
    pairs = list(pairs)
    gold = Counter(g for g, _ in pairs)
    pred = Counter(p for _, p in pairs)
    hit = Counter(g for g, p in pairs if g == p)
    return {t: {**prf(hit[t], pred[t], gold[t]), "support": gold[t]} for t in sorted(gold)}


def _classify_chunk(records: Sequence[GoldRecord], classifier_name: str = "learned",
                    model: str | None = None, codebook: Codebook | None = None
                    ) -> list[tuple[str, str, int]]:
    """(gold type, predicted type, sentences) per gold event of a chunk of records."""
    coder = Coder(model, prefilter=False, codebook=codebook)  # the given actors may sit in any sentence
    classifier = make_classifier(classifier_name)
    out: list[tuple[str, str, int]] = []
    articles = (r.article() for r in records)
    for record, (_, doc) in zip(records, coder.docs(articles), strict=True):
        sentences = sum(1 for _ in doc.sents)
        for ev in record.events:
            decision = classifier.classify(doc, *ev.given_spans())
            out.append((ev.type, normalize_type(decision.type), sentences))
            sentences = 0  # count each record's sentences once
        if not record.events:
            out.append(("", "", sentences))
    return out


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Mean F1 over the gold types present in (gold, predicted) pairs."""
    scores = per_type_scores(pairs)
    return round(sum(s["f1"] for s in scores.values()) / len(scores), 4) if scores else 0.0


def accuracy(pairs: list[tuple[str, str]]) -> float:
    return round(sum(g == p for g, p in pairs) / len(pairs), 4) if pairs else 0.0


def evaluate_classify(records: list[GoldRecord], classifier: str = "learned",
                      workers: int = 1, model: str | None = None,
                      codebook: Codebook | None = None) -> dict[str, Any]:
    """Accuracy and macro-F1 of the type given the gold source and target spans."""
    start = time.perf_counter()
    rows = list(map_chunks(partial(_classify_chunk, classifier_name=classifier, model=model,
                                   codebook=codebook),
                           records, workers))
    seconds = time.perf_counter() - start
    pairs = [(g, p) for g, p, _ in rows if g]
    sentences = sum(n for _, _, n in rows)
    confusion = Counter(pairs)
    per_type = per_type_scores(pairs)
    n = len(pairs)
    return {
        "task": "classify", "records": len(records), "events": n,
        "accuracy": accuracy(pairs),
        "macro_f1": macro_f1(pairs),
        "per_type": per_type,
        "confusion": {f"{g}->{p}": c for (g, p), c in confusion.most_common() if g != p},
        "classifier": classifier, "workers": workers,
        "seconds": round(seconds, 2),
        "items_per_second": round(n / seconds, 1) if seconds else 0.0,
        "sentences_per_second": round(sentences / seconds, 1) if seconds else 0.0,
    }


def actor_matches(pred: Actor | None, gold: GoldActor | None) -> bool:
    """The extract task's actor match: spans overlap, or the gold country is the predicted one;
    a null gold actor matches only a null prediction."""
    if gold is None:
        return pred is None
    if pred is None:
        return False
    if any(pred.start < e and s < pred.end for s, e in gold.spans):
        return True
    return gold.country is not None and pred.country == gold.country


def matched_pairs(preds: list[Event], golds: list[GoldEvent], use_type: bool) -> dict[int, int]:
    """Gold index -> index of the prediction matched to it; each prediction matches at most once.
    A maximum matching (augmenting paths), so that a gold event is not left unmatched because
    an earlier one took the only prediction it fits while another would have done: with country
    matches, one article's many same-country events fit each other loosely."""
    fits = [[i for i, p in enumerate(preds)
             if not (use_type and normalize_type(p.type) != g.type)
             and actor_matches(p.source, g.source) and actor_matches(p.target, g.target)]
            for g in golds]
    owner: dict[int, int] = {}  # prediction -> gold

    def augment(gi: int, seen: set[int]) -> bool:
        for i in fits[gi]:
            if i not in seen:
                seen.add(i)
                if i not in owner or augment(owner[i], seen):
                    owner[i] = gi
                    return True
        return False

    for gi in range(len(golds)):
        augment(gi, set())
    return {gi: i for i, gi in owner.items()}


def directed(preds: list[Event]) -> list[Event]:
    """The predictions with each reciprocal event also read the other way round: the coder
    writes a mutual act once with both parties (PLOVER's actor list); a gold that writes it as
    two directed events ("mutual": "directed") is matched against both directions, and each
    direction counts as a prediction (the copy read the other way round is marked
    ``read_reversed``: it makes no claim of direction of its own)."""
    out: list[Event] = []
    for p in preds:
        out.append(p)
        if p.attributes.get("reciprocal") and p.source is not None and p.target is not None:
            out.append(replace(p, source=p.target, target=p.source,
                               attributes={**p.attributes, "read_reversed": True}))
    return out


def _match(preds: list[Event], golds: list[GoldEvent], use_type: bool) -> int:
    return len(matched_pairs(preds, golds, use_type))


def extract_chunk(records: Sequence[GoldRecord], model: str | None = None,
                  coder: Coder | None = None, codebook: Codebook | None = None
                  ) -> list[dict[str, Any]]:
    """Per-record match counts for the extract task."""
    coder = coder or Coder(model, codebook=codebook)
    out = []
    articles = (r.article() for r in records)
    for record, (article, doc) in zip(records, coder.docs(articles), strict=True):
        preds = coder.kept(article, doc_events(doc, article))  # the user's discards too
        if record.mutual_directed:
            preds = directed(preds)
        out.append({
            "sentences": sum(1 for _ in doc.sents), "pred": len(preds), "gold": len(record.events),
            "tp": _match(preds, record.events, use_type=True),
            "tp_dyad": _match(preds, record.events, use_type=False),
            "pred_types": sorted({normalize_type(p.type) for p in preds}),
            "gold_types": sorted({g.type for g in record.events}),
        })
    return out


def evaluate_extract(records: list[GoldRecord], workers: int = 1,
                     model: str | None = None, codebook: Codebook | None = None
                     ) -> dict[str, Any]:
    """Triple, type and dyad precision/recall/F1 of the events the coder finds on its own."""
    start = time.perf_counter()
    rows = list(map_chunks(partial(extract_chunk, model=model, codebook=codebook), records, workers))
    return extract_scores(rows, time.perf_counter() - start, workers)


def extract_scores(rows: list[dict[str, Any]], seconds: float, workers: int) -> dict[str, Any]:
    """The extract report from per-record match counts (``extract_chunk`` rows, which callers
    may pool across runs, e.g. the folds of a cross-validation)."""
    n_pred = sum(r["pred"] for r in rows)
    n_gold = sum(r["gold"] for r in rows)
    tp = sum(r["tp"] for r in rows)
    tp_dyad = sum(r["tp_dyad"] for r in rows)
    type_tp = sum(len(set(r["pred_types"]) & set(r["gold_types"])) for r in rows)
    type_pred = sum(len(r["pred_types"]) for r in rows)
    type_gold = sum(len(r["gold_types"]) for r in rows)
    type_pairs = [(g, g if g in r["pred_types"] else "MISSED") for r in rows
                  for g in r["gold_types"]]
    sentences = sum(r["sentences"] for r in rows)
    return {
        "task": "extract", "records": len(rows), "events": n_gold, "predicted": n_pred,
        **prf(tp, n_pred, n_gold),
        "type_f1": prf(type_tp, type_pred, type_gold)["f1"],
        "type": prf(type_tp, type_pred, type_gold),
        "dyad_f1": prf(tp_dyad, n_pred, n_gold)["f1"],
        "dyad": prf(tp_dyad, n_pred, n_gold),
        "per_type": per_type_scores(type_pairs),
        "workers": workers,
        "seconds": round(seconds, 2),
        "items_per_second": round(len(rows) / seconds, 1) if seconds else 0.0,
        "sentences_per_second": round(sentences / seconds, 1) if seconds else 0.0,
    }


def evaluate(path: str | Path, task: str, classifier: str = "learned", workers: int = 1,
             model: str | None = None, codebook: Codebook | None = None) -> dict[str, Any]:
    """Score the coder on a gold file for one task (``classifier``: learned, layered or rules;
    ``workers`` processes share the records)."""
    records = load_gold(path)
    if task == "classify":
        return evaluate_classify(records, classifier, workers, model, codebook)
    if task == "extract":
        return evaluate_extract(records, workers, model, codebook)
    raise ValueError("task must be 'classify' or 'extract'")


def format_report(result: dict[str, Any]) -> str:
    """A readable table of a result."""
    lines = [f"task: {result['task']}   records: {result['records']}   events: {result['events']}"]
    if result["task"] == "classify":
        lines.append(f"accuracy: {result['accuracy']:.3f}   macro-F1: {result['macro_f1']:.3f}")
    else:
        lines.append(f"triple P/R/F1: {result['precision']:.3f} / {result['recall']:.3f} / "
                     f"{result['f1']:.3f}   type F1: {result['type_f1']:.3f}   "
                     f"dyad F1: {result['dyad_f1']:.3f}   predicted: {result['predicted']}")
    lines.append(f"{'type':<11} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
    for t, s in result["per_type"].items():
        lines.append(f"{t:<11} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
                     f"{s['support']:>5}")
    lines.append(f"{result['seconds']:.1f} s, {result['items_per_second']:.1f} items/s, "
                 f"{result['sentences_per_second']:.1f} sentences/s")
    return "\n".join(lines)
