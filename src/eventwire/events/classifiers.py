"""The classify strategies behind one Protocol, chosen by name: ``rules`` (the rule layer),
``layered`` (rules, with the learned model only where no trigger links the pair) and ``learned``
(the learned typer decides every pair, with the rule decision among its features; the default,
chosen on cross-validation: docs/evaluation.md)."""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc

from eventwire.events.classify import Decision, char_span, classify_pair
from eventwire.events.learned import LearnedTyper, pair_features

#: Rule decisions with no trigger linking the pair: here the ``layered`` strategy asks the model.
WEAK_EVIDENCE = ("fallback", "nearest")
CLASSIFIERS = ("learned", "layered", "rules")


class TypeClassifier(Protocol):
    """What the classify task (and any caller with given actors) needs: one type per pair."""

    def classify(self, doc: Doc, source: tuple[int, int] | None,
                 target: tuple[int, int] | None) -> Decision: ...


class RuleClassifier:
    """The rule layer alone: lexicon triggers, argument structure, dependency path."""

    def classify(self, doc: Doc, source: tuple[int, int] | None,
                 target: tuple[int, int] | None) -> Decision:
        return classify_pair(doc, source, target)


class LearnedClassifier:
    """The learned typer over the rule decision's features; ``weak_only`` keeps the rule
    decision wherever a trigger links the pair (the ``layered`` strategy). The rule that
    decided is recorded in ``Decision.rule`` as ``learned:TYPE:P|<rule decision>``."""

    def __init__(self, model: LearnedTyper | None = None, weak_only: bool = False) -> None:
        self.model = model or LearnedTyper.load()
        self.weak_only = weak_only

    def classify(self, doc: Doc, source: tuple[int, int] | None,
                 target: tuple[int, int] | None) -> Decision:
        decision = classify_pair(doc, source, target)
        if self.weak_only and decision.how not in WEAK_EVIDENCE:
            return decision
        src = char_span(doc, *source) if source else None
        tgt = char_span(doc, *target) if target else None
        label, p = self.model.predict(pair_features(doc, src, tgt, decision), decision.type)
        mode = decision.mode if label == decision.type else None
        return Decision(label, mode, "learned", (f"{label}:{p:.2f}", decision.rule),
                        decision.trigger, p, decision.trigger_i)


def make_classifier(name: str = "learned", model: LearnedTyper | None = None) -> TypeClassifier:
    """The classifier a config names (one of ``CLASSIFIERS``)."""
    if name == "rules":
        return RuleClassifier()
    if name in ("learned", "layered"):
        return LearnedClassifier(model, weak_only=name == "layered")
    raise ValueError(f"unknown classifier {name!r} ({', '.join(CLASSIFIERS)})")
