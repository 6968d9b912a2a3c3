"""The learned layer: a multinomial logistic regression over parse features of a (sentence,
source, target) triple, trained only on the project's own examples (data/training/).

It refines the rule layer rather than replacing it: its features include the rule decision, the
trigger, the lemmas on the dependency path between the actors and the sentence's content words.
``classify.LayeredClassifier`` says when it is asked (see there).

Train (writes the small model that ships in the package):

    eventwire train data/training/plover_train.jsonl
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from spacy.tokens import Doc, Span

from eventwire.events.classify import Decision, path_between

if TYPE_CHECKING:
    from eventwire.pipeline import Coder

MODEL_FILE = "learned.npz"
_CONTENT_POS = {"NOUN", "VERB", "ADJ", "ADV", "PROPN"}


def pair_features(doc: Doc, src: Span | None, tgt: Span | None, decision: Decision) -> list[str]:
    """Sparse string features of one pair (both spans may be None)."""
    how = decision.rule.split(":", 1)[0]
    feats = [f"rule={decision.type}", f"how={how}", f"rule|how={decision.type}|{how}"]
    if decision.trigger:
        feats.append(f"trig={decision.trigger.lower()}")
    in_actor = {t.i for s in (src, tgt) if s is not None for t in s}
    anchor = src if src is not None else tgt
    if anchor is not None:
        sent = anchor.root.sent
        other = tgt.root if (tgt is not None and src is not None) else anchor.root.head
        for tok in path_between(anchor.root, other):
            if tok.i not in in_actor and tok.is_alpha:
                feats.append(f"path={tok.lemma_.lower()}")
        for tok in sent:
            if tok.i in in_actor:
                continue
            if tok.pos_ in _CONTENT_POS and tok.is_alpha and not tok.is_stop:
                feats.append(f"w={tok.lemma_.lower()}")
            if tok.dep_ == "neg":
                feats.append("neg")
            if tok.dep_ == "aux" and tok.lower_ in ("will", "would", "must", "should", "could"):
                feats.append(f"aux={tok.lower_}")
        for role, span in (("s", src), ("t", tgt)):
            if span is not None and span._.actor is None:
                feats.append(f"{role}pos={span.root.pos_}")
    return feats


@dataclass
class LearnedTyper:
    """A softmax regression over hashed-free string features (vocabulary kept with the model)."""

    classes: list[str]
    vocab: dict[str, int]
    weights: np.ndarray  # (features + 1 bias, classes)

    def _row(self, feats: Iterable[str]) -> np.ndarray:
        x = np.zeros(len(self.vocab) + 1, dtype=np.float32)
        x[-1] = 1.0
        for f in feats:
            j = self.vocab.get(f)
            if j is not None:
                x[j] = 1.0
        return x

    def proba(self, feats: Iterable[str]) -> dict[str, float]:
        z = self._row(feats) @ self.weights
        z = np.exp(z - z.max())
        p = z / z.sum()
        return {c: float(v) for c, v in zip(self.classes, p, strict=True)}

    def predict(self, feats: Iterable[str]) -> tuple[str, float]:
        probs = self.proba(feats)
        best = max(probs, key=probs.__getitem__)
        return best, probs[best]

    def save(self, path: Path) -> None:
        inverse = sorted(self.vocab, key=self.vocab.__getitem__)
        np.savez_compressed(path, classes=np.array(self.classes), vocab=np.array(inverse),
                            weights=self.weights.astype(np.float16))

    @classmethod
    def load(cls, path: Path | None = None) -> LearnedTyper:
        """The model shipped in the package (read once per process), or one at ``path``."""
        return _load(path)

    @classmethod
    def read(cls, path: Path | None = None) -> LearnedTyper:
        source = path or Path(str(resources.files("eventwire.events").joinpath("data", MODEL_FILE)))
        with np.load(source, allow_pickle=False) as data:
            vocab = {str(f): i for i, f in enumerate(data["vocab"])}
            return cls([str(c) for c in data["classes"]], vocab,
                       data["weights"].astype(np.float32))


@lru_cache(maxsize=4)
def _load(path: Path | None) -> LearnedTyper:
    return LearnedTyper.read(path)


def fit(examples: Sequence[tuple[list[str], str]], epochs: int = 300, l2: float = 1e-3,
        lr: float = 0.1, min_count: int = 2, seed: int = 0) -> LearnedTyper:
    """Full-batch gradient descent (Adam) on the softmax cross-entropy with L2."""
    counts: dict[str, int] = {}
    for feats, _ in examples:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    classes = sorted({label for _, label in examples})
    cidx = {c: i for i, c in enumerate(classes)}
    x = np.zeros((len(examples), len(vocab) + 1), dtype=np.float32)
    y = np.zeros((len(examples), len(classes)), dtype=np.float32)
    for n, (feats, label) in enumerate(examples):
        for f in feats:
            j = vocab.get(f)
            if j is not None:
                x[n, j] = 1.0
        x[n, -1] = 1.0
        y[n, cidx[label]] = 1.0
    rng = np.random.default_rng(seed)
    w = rng.normal(0, 0.01, (x.shape[1], len(classes))).astype(np.float32)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, epochs + 1):
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ (p - y) / len(examples) + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= lr * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return LearnedTyper(classes, vocab, w)


def examples_from_gold(path: Path, coder: Coder) -> list[tuple[str, list[str], str]]:
    """(group, features, label) for every gold event; the group is the template an example
    came from (its id without the last part), so cross-validation can hold templates out."""
    from eventwire.evaluate import load_gold
    from eventwire.events.classify import char_span, classify_pair

    records = load_gold(path, keep_yield_parts=True)
    out = []
    docs = coder.docs(r.article() for r in records)
    for record, (_, doc) in zip(records, docs, strict=True):
        for ev in record.events:
            s, t = ev.given_spans()
            decision = classify_pair(doc, s, t)
            feats = pair_features(doc, char_span(doc, *s) if s else None,
                                  char_span(doc, *t) if t else None, decision)
            out.append((record.id.rsplit("-", 1)[0], feats, ev.type))
    return out


def cross_validate(examples: list[tuple[str, list[str], str]], folds: int = 5) -> dict[str, float]:
    """Accuracy of the rule layer alone and of the layered decision, holding whole templates out."""
    from eventwire.events.classify import WEAK_EVIDENCE

    groups = sorted({g for g, _, _ in examples})
    rng = np.random.default_rng(7)
    order = rng.permutation(len(groups))
    fold_of = {groups[i]: n % folds for n, i in enumerate(order)}
    rule_ok = layered_ok = 0
    for k in range(folds):
        train = [(f, y) for g, f, y in examples if fold_of[g] != k]
        model = fit(train)
        for g, f, y in examples:
            if fold_of[g] != k:
                continue
            rule_type = next(x.split("=", 1)[1] for x in f if x.startswith("rule="))
            weak = any(x.startswith("how=") and x[4:].startswith(WEAK_EVIDENCE) for x in f)
            rule_ok += rule_type == y
            layered_ok += (model.predict(f)[0] if weak else rule_type) == y
    n = len(examples)
    return {"examples": n, "rules_accuracy": round(rule_ok / n, 4),
            "layered_accuracy": round(layered_ok / n, 4)}


def train(path: Path, out: Path, coder: Coder | None = None) -> dict[str, float]:
    """Cross-validate, then fit on everything and write the model."""
    from eventwire.pipeline import Coder as _Coder

    examples = examples_from_gold(path, coder or _Coder(prefilter=False))
    report = cross_validate(examples)
    model = fit([(f, y) for _, f, y in examples])
    model.save(out)
    report["features"] = len(model.vocab)
    return report
