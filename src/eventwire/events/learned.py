"""The learned typer: inference only (training lives in ``eventwire.training``).

A multinomial logistic regression over sparse string features of a (sentence, source, target)
triple. The rules are its features, not its rivals: the rule layer's decision and the rule parts
that fired, the trigger and the other triggers of the sentence, the lemmas and dependency labels
on the path between the actors, the words around the trigger and the actors' sectors. It was
trained on real news sentences (see docs/coder.md, "The learned typer", for how the shipped file
was made) and decides the type of every pair; its probability, sharpened or softened by a
temperature fitted on out-of-fold predictions, is the event's type confidence.

Real sentences carry YIELD for CONCEDE and RETREAT together; a second small model, fitted on the
project's own examples, splits a YIELD into the two, unless the rule layer already named one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span, Token

from eventwire.events.classify import Decision, path_between
from eventwire.events.coding import TriggerCoding
from eventwire.spans import actor_at

MODEL_FILE = "learned.npz"
YIELD_PARTS = ("CONCEDE", "RETREAT")
_CONTENT_POS = {"NOUN", "VERB", "ADJ", "ADV", "PROPN"}
_DIGITS = re.compile(r"\d")


def rule_parts(decision: Decision) -> list[str]:
    """The rules behind a decision without their numbers ("cameo:0351" -> "cameo:"), so that
    features generalise over codes; a pattern's alternatives count one by one ("file
    [lawsuit|suit]" -> "verb:file [lawsuit", "suit]")."""
    return [_DIGITS.sub("", p) for part in decision.parts for p in part.split("|") if p]


def pair_features(doc: Doc, src: Span | None, tgt: Span | None, decision: Decision,
                  sentence_triggers: Sequence[TriggerCoding] | None = None) -> list[str]:
    """Sparse string features of one pair (either span may be None). ``sentence_triggers``, the
    triggers of the pair's sentence, may be given by a caller that indexed them once per Doc."""
    how = decision.how
    feats = [f"rule={decision.type}", f"how={how}", f"rule|how={decision.type}|{how}"]
    feats += [f"rp={p}" for p in rule_parts(decision)]
    if decision.trigger:
        feats.append(f"trig={decision.trigger.lower()}")
    anchor = src if src is not None else tgt
    if anchor is None:
        return feats
    in_actor = {t.i for s in (src, tgt) if s is not None for t in s}
    sent = anchor.root.sent
    other = tgt.root if (tgt is not None and src is not None) else anchor.root.head
    for tok in path_between(anchor.root, other):
        if tok.i not in in_actor:
            feats.append(f"pdep={tok.dep_}")
            if tok.is_alpha:
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
    if sentence_triggers is None:
        sentence_triggers = [c for c in doc._.triggers or () if c.token.sent.start == sent.start]
    for c in sentence_triggers:
        feats.append(f"stl={c.token.lemma_.lower()}|{c.type}")
        if not c.dropped:
            feats.append(f"st={c.type}")
    if decision.trigger_i is not None:
        trigger = doc[decision.trigger_i]
        feats += _window(trigger, sent)
        feats += _argument_structure(trigger)
    for role, span in (("s", src), ("t", tgt)):
        feats += _actor_features(role, span)
    return feats


def _window(trigger: Token, sent: Span) -> list[str]:
    """Lemma bigrams from two words before the trigger to two after it."""
    lemmas = [t.lemma_.lower() for t in sent.doc[max(sent.start, trigger.i - 2):
                                                 min(sent.end, trigger.i + 3)]]
    return [f"wbi={a}_{b}" for a, b in itertools.pairwise(lemmas)]


def _argument_structure(trigger: Token) -> list[str]:
    """What the trigger acts on and how: its object's lemma ("deployed *warships*" is not
    "deployed *peacekeepers*"), and the prepositions it governs ("*near* the border", "*to*
    Sudan")."""
    lemma = trigger.lemma_.lower()
    out = []
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            out += [f"obj={child.lemma_.lower()}", f"trig|obj={lemma}|{child.lemma_.lower()}"]
        elif child.dep_ in ("prep", "agent", "dative"):
            out.append(f"prep={child.lower_}")
    return out


def _actor_features(role: str, span: Span | None) -> list[str]:
    if span is None:
        return [f"{role}none"]
    info = span._.actor
    if info is None:
        inside = actor_at(span.root)
        info = inside._.actor if inside is not None else None
    out = [f"{role}dep={span.root.dep_}"]
    if info is None:
        return [*out, f"{role}pos={span.root.pos_}", f"{role}sec=NA", f"{role}kind=NA"]
    return [*out, f"{role}sec={info.sector}", f"{role}kind={info.kind}"]


def softmax(z: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """Probabilities from scores (-inf scores get 0)."""
    e = np.exp((z - z.max()) / temperature)
    return e / e.sum()


@dataclass
class LinearModel:
    """Softmax regression over string features; the vocabulary is kept with the weights."""

    classes: list[str]
    vocab: dict[str, int]
    weights: np.ndarray  # (features + 1 bias, classes)
    temperature: float = 1.0

    def scores(self, feats: Iterable[str]) -> np.ndarray:
        """Raw class scores: the weights of the features present (each once), plus the bias."""
        rows = sorted({j for f in feats if (j := self.vocab.get(f)) is not None})
        return self.weights[rows].sum(axis=0) + self.weights[-1]

    def proba(self, feats: Iterable[str]) -> dict[str, float]:
        """Class probabilities: the softmax of the scores at the model's temperature."""
        p = softmax(self.scores(feats), self.temperature)
        return {c: float(v) for c, v in zip(self.classes, p, strict=True)}

    def predict(self, feats: Iterable[str]) -> tuple[str, float]:
        probs = self.proba(feats)
        best = max(probs, key=probs.__getitem__)
        return best, probs[best]

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        inverse = sorted(self.vocab, key=self.vocab.__getitem__)
        return {f"{prefix}classes": np.array(self.classes), f"{prefix}vocab": np.array(inverse),
                f"{prefix}weights": self.weights.astype(np.float16),
                f"{prefix}temperature": np.array([self.temperature], dtype=np.float32)}

    @classmethod
    def from_arrays(cls, data: dict[str, np.ndarray] | np.lib.npyio.NpzFile,
                    prefix: str) -> LinearModel:
        vocab = {str(f): i for i, f in enumerate(data[f"{prefix}vocab"])}
        return cls([str(c) for c in data[f"{prefix}classes"]], vocab,
                   data[f"{prefix}weights"].astype(np.float32),
                   float(data[f"{prefix}temperature"][0]))


@dataclass
class LearnedTyper:
    """The type model (YIELD merged) and the CONCEDE/RETREAT split model."""

    types: LinearModel
    split: LinearModel | None = None

    @property
    def classes(self) -> list[str]:
        return self.types.classes

    def predict(self, feats: Sequence[str], rule_type: str | None = None) -> tuple[str, float]:
        """The type and its probability; a YIELD becomes CONCEDE or RETREAT (the rule layer's
        choice where it made one, else the split model's)."""
        label, p = self.types.predict(feats)
        if label != "YIELD":
            return label, p
        if rule_type in YIELD_PARTS:
            return rule_type, p
        if self.split is not None:
            return self.split.predict(feats)[0], p
        return "CONCEDE", p

    def probability(self, feats: Sequence[str], event_type: str) -> float:
        """The model's probability of one type (CONCEDE and RETREAT: of YIELD)."""
        probs = self.types.proba(feats)
        return probs.get("YIELD" if event_type in YIELD_PARTS else event_type, 0.0)

    def save(self, path: Path) -> None:
        arrays = self.types.arrays("")
        if self.split is not None:
            arrays |= self.split.arrays("split_")
        np.savez_compressed(path, **arrays)  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: Path | None = None) -> LearnedTyper:
        """The model shipped in the package (read once per process), or one at ``path``."""
        return _load(path)

    @classmethod
    def read(cls, path: Path | None = None) -> LearnedTyper:
        source = path or Path(str(resources.files("eventwire.events").joinpath("data", MODEL_FILE)))
        with np.load(source, allow_pickle=False) as data:
            split = LinearModel.from_arrays(data, "split_") if "split_vocab" in data else None
            return cls(LinearModel.from_arrays(data, ""), split)


@lru_cache(maxsize=4)
def _load(path: Path | None) -> LearnedTyper:
    return LearnedTyper.read(path)
