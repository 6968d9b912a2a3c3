"""Training and cross-validation of the learned typer (``events/learned.py`` does inference).

Two kinds of training data, in the gold JSONL format:

- **real** sentences (e.g. the PLV training split of the evaluation sets): folds split them by
  record, and they are what the cross-validated figures are measured on;
- the project's own **examples** (``data/training/``, written from templates): folds hold whole
  templates out, they count with a weight chosen on cross-validation, and they alone teach the
  CONCEDE/RETREAT split (real sets mark both as YIELD).

Every text is parsed once; the folds refit only the linear models. ``cross_validate_extract``
types each fold's records with the model trained without them, so extract is measured with no
leakage. Fixed seeds make ``train`` write the same bytes from the same inputs.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.codebook import Codebook
from eventwire.evaluate import accuracy, extract_chunk, extract_scores, macro_f1, per_type_scores
from eventwire.events.classifiers import WEAK_EVIDENCE
from eventwire.events.classify import char_span, classify_pair
from eventwire.events.learned import YIELD_PARTS, LearnedTyper, LinearModel, pair_features, softmax
from eventwire.events.typer import typer_model
from eventwire.gold import GoldRecord, load_gold
from eventwire.ontology.plover import normalize_type
from eventwire.pipeline import Coder

FOLDS = 5
SEED = 7
#: The weight of one project-written example against one real sentence. The templates follow
#: the PLOVER definitions where the real sentences' annotators (and their scarce MOBILIZE,
#: COOPERATE and PROTEST examples) do not; at 0.01 they restore most of the held-out template
#: accuracy (0.740 -> 0.807) for 0.005 of real-sentence CV macro-F1 (docs/evaluation.md).
EXAMPLES_WEIGHT = 0.01
_TEMPERATURES = np.round(np.arange(0.5, 3.01, 0.05), 2)


@dataclass(frozen=True)
class Example:
    """One gold pair as the model sees it."""

    group: str  # what a fold holds out together: the record (real) or its template (examples)
    real: bool
    features: list[str]
    label: str  # the gold type (CONCEDE/RETREAT kept where the data have them)
    rule_type: str  # the rule layer's decision
    rule_how: str  # how the rule layer decided (event, path, nearest, fallback ...)


def examples_from_records(records: Sequence[GoldRecord], coder: Coder, real: bool) -> list[Example]:
    """Features of every gold pair; each record is parsed once."""
    out = []
    docs = coder.docs(r.article() for r in records)
    for record, (_, doc) in zip(records, docs, strict=True):
        group = record.id if real else record.id.rsplit("-", 1)[0]
        for ev in record.events:
            s, t = ev.given_spans()
            decision = classify_pair(doc, s, t)
            feats = pair_features(doc, char_span(doc, *s) if s else None,
                                  char_span(doc, *t) if t else None, decision)
            out.append(Example(group, real, feats, ev.type, decision.type,
                               decision.how))
    return out


def design_matrix(features: Sequence[list[str]], vocab: dict[str, int]) -> np.ndarray:
    """One row per example: 1.0 for each known feature present, and a last column of 1.0 (bias)."""
    x = np.zeros((len(features), len(vocab) + 1), dtype=np.float32)
    for n, feats in enumerate(features):
        for f in feats:
            j = vocab.get(f)
            if j is not None:
                x[n, j] = 1.0
        x[n, -1] = 1.0
    return x


def softmax_regression(x: np.ndarray, y: np.ndarray, weights: np.ndarray, epochs: int = 300,
                       l2: float = 3e-4, lr: float = 0.1, seed: int = 0) -> np.ndarray:
    """Weights (columns of ``x``, classes) by full-batch Adam on the weighted softmax
    cross-entropy with L2; ``y`` is one-hot, ``weights`` one per example."""
    sw = (weights / weights.mean())[:, None].astype(np.float32)
    rng = np.random.default_rng(seed)
    w = rng.normal(0, 0.01, (x.shape[1], y.shape[1])).astype(np.float32)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, epochs + 1):
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ ((p - y) * sw) / len(x) + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= lr * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w


def fit_linear(data: Sequence[tuple[list[str], str, float]], epochs: int = 300, l2: float = 3e-4,
               lr: float = 0.1, min_count: int = 2, seed: int = 0) -> LinearModel:
    """Softmax regression on (features, label, weight); features seen in fewer than
    ``min_count`` examples are dropped, and so are examples of weight 0."""
    data = [d for d in data if d[2] > 0]
    counts: dict[str, int] = {}
    for feats, _, _ in data:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    classes = sorted({label for _, label, _ in data})
    y = one_hot([label for _, label, _ in data], classes)
    w = softmax_regression(design_matrix([f for f, _, _ in data], vocab), y,
                           np.array([wt for _, _, wt in data], dtype=np.float32),
                           epochs, l2, lr, seed)
    return LinearModel(classes, vocab, w)


def one_hot(labels: Sequence[str], classes: list[str]) -> np.ndarray:
    y = np.zeros((len(labels), len(classes)), dtype=np.float32)
    y[np.arange(len(labels)), [classes.index(label) for label in labels]] = 1.0
    return y


def fit_typer(examples: Iterable[Example], examples_weight: float = EXAMPLES_WEIGHT,
              temperature: float = 1.0) -> LearnedTyper:
    """The type model (YIELD merged) and, where the data have CONCEDE/RETREAT, the split model."""
    examples = list(examples)
    types = fit_linear([(e.features, normalize_type(e.label), 1.0 if e.real else examples_weight)
                        for e in examples])
    types.temperature = temperature
    parts = [(e.features, e.label, 1.0) for e in examples if e.label in YIELD_PARTS]
    split = fit_linear(parts) if len({label for _, label, _ in parts}) == 2 else None
    return LearnedTyper(types, split)


def fold_of(examples: Sequence[Example], folds: int = FOLDS, seed: int = SEED) -> list[int]:
    """The fold of each example: groups shuffled by a fixed seed, dealt out in turn (real records
    and example templates each spread evenly)."""
    rng = np.random.default_rng(seed)
    assign: dict[tuple[bool, str], int] = {}
    for real in (True, False):
        groups = sorted({e.group for e in examples if e.real == real})
        for n, i in enumerate(rng.permutation(len(groups))):
            assign[(real, groups[i])] = n % folds
    return [assign[(e.real, e.group)] for e in examples]


def _calibration(probs: list[float], right: list[bool], bins: int = 10) -> float:
    """Expected calibration error: |confidence - accuracy| averaged over equal-width bins."""
    p = np.array(probs)
    ok = np.array(right, dtype=float)
    edges = np.minimum((p * bins).astype(int), bins - 1)
    return round(float(sum(abs(p[edges == b].mean() - ok[edges == b].mean()) * (edges == b).sum()
                           for b in range(bins) if (edges == b).any()) / len(p)), 4)


def _logits(model: LinearModel, features: list[str], classes: list[str]) -> np.ndarray:
    """The model's scores laid out over ``classes`` (-inf for a class the model lacks)."""
    out = np.full(len(classes), -np.inf)
    for c, v in zip(model.classes, model.scores(features), strict=True):
        out[classes.index(c)] = v
    return out


def _best_temperature(logits: list[np.ndarray], gold: list[int]) -> float:
    """The temperature that minimises the negative log-likelihood of out-of-fold predictions."""
    z = np.stack(logits)
    idx = np.arange(len(gold))

    def nll(t: float) -> float:
        s = z / t
        s = s - s.max(axis=1, keepdims=True)
        return float(-(s[idx, gold] - np.log(np.exp(s).sum(axis=1))).mean())

    return float(min(_TEMPERATURES, key=nll))


def fold_models(examples: Sequence[Example], folds: int = FOLDS, seed: int = SEED,
                examples_weight: float = EXAMPLES_WEIGHT) -> Iterator[tuple[int, LearnedTyper]]:
    """Each fold with the model fitted on the other folds."""
    fold = fold_of(examples, folds, seed)
    for k in range(folds):
        yield k, fit_typer((e for e, f in zip(examples, fold, strict=True) if f != k),
                           examples_weight)


@dataclass(frozen=True)
class Prediction:
    """The type a fold's model gave a held-out example."""

    example: Example
    type: str  # as the typer answers it (CONCEDE/RETREAT split)
    probability: float
    logits: np.ndarray | None  # over every type of the data; None if the fold lacked the gold type


def out_of_fold(examples: Sequence[Example], folds: int = FOLDS, seed: int = SEED,
                examples_weight: float = EXAMPLES_WEIGHT) -> list[Prediction]:
    """One prediction per example, from the model trained without its fold (in example order)."""
    fold = fold_of(examples, folds, seed)
    all_types = sorted({normalize_type(e.label) for e in examples})
    out: dict[int, Prediction] = {}
    for k, model in fold_models(examples, folds, seed, examples_weight):
        for n, e in enumerate(examples):
            if fold[n] != k:
                continue
            label, p = model.predict(e.features, e.rule_type)
            known = normalize_type(e.label) in model.types.classes
            out[n] = Prediction(e, label, p,
                                _logits(model.types, e.features, all_types) if known else None)
    return [out[n] for n in range(len(examples))]


def cross_validate(examples: Sequence[Example], folds: int = FOLDS, seed: int = SEED,
                   examples_weight: float = EXAMPLES_WEIGHT) -> dict[str, Any]:
    """Out-of-fold macro-F1 and accuracy on the real pairs, for the rule layer, the layered
    strategy and the learned typer; the per-fold spread; the calibration of the probabilities
    and the temperature that calibrates them; accuracy on the held-out example templates."""
    all_types = sorted({normalize_type(e.label) for e in examples})
    fold = fold_of(examples, folds, seed)
    predictions = out_of_fold(examples, folds, seed, examples_weight)
    strategies = ("rules", "layered", "learned")
    by_fold: list[dict[str, list[tuple[str, str]]]] = [{s: [] for s in strategies}
                                                       for _ in range(folds)]
    own: list[bool] = []
    for pred, k in zip(predictions, fold, strict=True):
        e = pred.example
        gold, learned, rule = (normalize_type(x) for x in (e.label, pred.type, e.rule_type))
        if not e.real:
            own.append(learned == gold)
            continue
        weak = e.rule_how in WEAK_EVIDENCE
        by_fold[k]["rules"].append((gold, rule))
        by_fold[k]["layered"].append((gold, learned if weak else rule))
        by_fold[k]["learned"].append((gold, learned))
    real = [p for p in predictions if p.example.real]
    right = [normalize_type(p.type) == normalize_type(p.example.label) for p in real]
    known = [(p.logits, all_types.index(normalize_type(p.example.label)), ok)
             for p, ok in zip(real, right, strict=True) if p.logits is not None]
    temperature = _best_temperature([z for z, _, _ in known], [g for _, g, _ in known]) \
        if known else 1.0
    report: dict[str, Any] = {"folds": folds, "seed": seed, "examples_weight": examples_weight,
                              "real_pairs": len(real), "example_pairs": len(own)}
    for name in strategies:
        pooled = [pair for f in by_fold for pair in f[name]]
        spread = [macro_f1(f[name]) for f in by_fold]
        report[name] = {"macro_f1": macro_f1(pooled), "accuracy": accuracy(pooled),
                        "fold_macro_f1": spread, "fold_sd": round(float(np.std(spread)), 4)}
    report["learned"]["per_type"] = per_type_scores([pair for f in by_fold for pair in f["learned"]])
    report["examples_accuracy"] = round(sum(own) / len(own), 4) if own else None
    report["calibration_error"] = {
        "raw": _calibration([p.probability for p in real], right) if real else None,
        "calibrated": _calibration([float(softmax(z, temperature).max()) for z, _, _ in known],
                                   [ok for _, _, ok in known]) if known else None}
    report["temperature"] = temperature
    return report


def record_folds(examples: Sequence[Example], folds: int = FOLDS, seed: int = SEED
                 ) -> dict[str, int]:
    """The fold of each real record (by id)."""
    fold = fold_of(examples, folds, seed)
    return {e.group: f for e, f in zip(examples, fold, strict=True) if e.real}


def cross_validate_extract(records: Sequence[GoldRecord], examples: Sequence[Example],
                           coder: Coder, folds: int = FOLDS, seed: int = SEED,
                           examples_weight: float = EXAMPLES_WEIGHT) -> dict[str, Any]:
    """Extract on the real records, each fold typed by the model trained without it, next to the
    rule layer alone. A record with no gold event has no fold: fold 0 types it."""
    of = record_folds(examples, folds, seed)
    start = time.perf_counter()
    with typer_model(coder.nlp, None):
        rules = extract_scores(extract_chunk(records, coder=coder), time.perf_counter() - start, 1)
    start = time.perf_counter()
    rows: list[dict[str, Any]] = []
    for k, model in fold_models(examples, folds, seed, examples_weight):
        with typer_model(coder.nlp, model):
            rows.extend(extract_chunk([r for r in records if of.get(r.id, 0) == k], coder=coder))
    learned = extract_scores(rows, time.perf_counter() - start, 1)
    keys = ("precision", "recall", "f1", "type_f1", "dyad_f1", "predicted", "per_type")
    return {"rules": {k: rules[k] for k in keys}, "learned": {k: learned[k] for k in keys}}


def read_ids(path: Path) -> frozenset[str]:
    """Record ids listed one a line (``#`` starts a comment line), e.g. a blind split."""
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def load_examples(real: Iterable[Path], examples: Iterable[Path], coder: Coder,
                  exclude: frozenset[str] = frozenset()) -> tuple[list[GoldRecord], list[Example]]:
    """The real records (less those whose id is in ``exclude``: a blind split no model or fold
    may see) and every example (real first), parsed once."""
    real_records = [r for path in real for r in load_gold(path, keep_yield_parts=True)
                    if r.id not in exclude]
    own = [r for path in examples for r in load_gold(path, keep_yield_parts=True)]
    return real_records, (examples_from_records(real_records, coder, real=True)
                          + examples_from_records(own, coder, real=False))


def train(real: Sequence[Path], examples: Sequence[Path], out: Path, cv: bool = True,
          cv_extract: bool = False, examples_weight: float = EXAMPLES_WEIGHT,
          coder: Coder | None = None, blind: frozenset[str] = frozenset(),
          score_blind: bool = False, codebook: Codebook | None = None) -> dict[str, Any]:
    """Cross-validate (optionally extract too), fit on everything but the ``blind`` records with
    the calibrated temperature, and write the model file. With ``score_blind`` the blind records
    are classified by that model and only the figures are reported. ``codebook`` (the user's
    files) codes the sentences where no ``coder`` is given."""
    coder = coder or Coder(prefilter=False, codebook=codebook)
    records, data = load_examples(real, examples, coder, exclude=blind)
    if not any(e.real for e in data):
        raise ValueError(f"no gold events to train on in {', '.join(map(str, real)) or 'no file'}")
    report: dict[str, Any] = {"real_records": len(records), "pairs": len(data)}
    temperature = 1.0
    if cv:
        report["cv"] = cross_validate(data, examples_weight=examples_weight)
        temperature = report["cv"]["temperature"]
    if cv_extract:
        scored = [r for path in real for r in load_gold(path)  # types as the scorer reads them
                  if r.id not in blind]
        report["cv_extract"] = cross_validate_extract(scored, data,
                                                      Coder(nlp=coder.nlp, codebook=coder.codebook),
                                                      examples_weight=examples_weight)
    model = fit_typer(data, examples_weight, temperature)
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    report["features"] = len(model.types.vocab)
    report["blind_records_left_out"] = sum(1 for path in real for r in load_gold(path) if r.id in blind)
    if score_blind:
        report["blind"] = score_held_out(model, real, blind, coder)
    return report


def score_held_out(model: LearnedTyper, real: Sequence[Path], ids: frozenset[str], coder: Coder
                   ) -> dict[str, Any]:
    """Classify macro-F1 and accuracy of the records ``ids`` (which the model did not see), for
    the model and for the rule layer alone: figures only, no pair is reported."""
    held = [r for path in real for r in load_gold(path, keep_yield_parts=True) if r.id in ids]
    pairs = examples_from_records(held, coder, real=True)
    learned = [(normalize_type(e.label), normalize_type(model.predict(e.features, e.rule_type)[0]))
               for e in pairs]
    rules = [(normalize_type(e.label), normalize_type(e.rule_type)) for e in pairs]
    return {"records": len(held), "pairs": len(pairs),
            "learned": {"macro_f1": macro_f1(learned), "accuracy": accuracy(learned)},
            "rules": {"macro_f1": macro_f1(rules), "accuracy": accuracy(rules)}}
