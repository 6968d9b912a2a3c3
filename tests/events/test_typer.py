"""The learned typer on the real pipeline: what it records, what it changes and what it leaves.
The models here are built by hand, so the tests say what the component does, not what the
shipped model happens to answer."""

from __future__ import annotations

import numpy as np
import pytest

from eventwire.events.learned import LearnedTyper, LinearModel
from eventwire.events.typer import typer_model
from eventwire.ontology.plover import cameo_code, quad_class
from eventwire.pipeline import Coder
from eventwire.schema import Article, Event

pytestmark = pytest.mark.slow

TEXT = ("Turkey sent humanitarian aid to Gaza on Monday. India accused Pakistan of shelling "
        "villages in Kashmir. Russia withdrew its troops from the border.")


def _learned_part(event: Event) -> str:
    """The typer's part of the rule: the coding's last, before the argument rule (and the
    place's, when a place was found)."""
    parts = event.rule.split("; ")
    tail = parts[-3:] if parts[-1].startswith("place:") else parts[-2:]
    return tail[0]


def _always(label: str, split: str | None = None) -> LearnedTyper:
    """A model that answers ``label`` for every pair (the bias alone decides)."""
    types = LinearModel([label, "OTHER"], {}, np.array([[4.0, 0.0]], dtype=np.float32))
    parts = None
    if split:
        other = "RETREAT" if split == "CONCEDE" else "CONCEDE"
        parts = LinearModel(sorted([split, other]), {},
                            np.array([[4.0, 0.0] if split < other else [0.0, 4.0]],
                                     dtype=np.float32))
    return LearnedTyper(types, parts)


def _code(coder: Coder, text: str = TEXT) -> list:
    return next(coder.code([Article(text=text)]))[1]


def test_the_shipped_model_types_every_event_and_says_so(coder: Coder) -> None:
    events = _code(coder)
    assert len(events) >= 3
    for e in events:
        name, label, p = _learned_part(e).split(":")
        assert name == "learned" and label == e.type
        assert 0.0 < e.confidence <= float(p) + 0.005


def test_the_model_decides_and_a_changed_type_loses_its_mode(coder: Coder) -> None:
    with typer_model(coder.nlp, None):
        rules = _code(coder)
    with typer_model(coder.nlp, _always("PROTEST")):
        learned = _code(coder)
        doc = next(coder.docs([Article(text=TEXT)]))[1]
    assert [e.type for e in learned] == ["PROTEST"] * len(rules)
    assert all(e.mode is None for e in learned)
    # Same actors and triggers: only the type (and what follows from it) changed.
    assert [(e.source, e.target, e.trigger) for e in learned] == \
        [(e.source, e.target, e.trigger) for e in rules]
    assert {(e.quad, e.cameo) for e in learned} == {(quad_class("PROTEST"), cameo_code("PROTEST"))}
    # The classify task reads the rule layer's candidates, untouched by the typer.
    assert "PROTEST" not in {c.trigger.type for c in doc._.candidates}


def test_confidence_is_the_type_probability_times_the_actors_certainty(coder: Coder) -> None:
    model = _always("ACCUSE")
    p = model.types.predict([])[1]
    with typer_model(coder.nlp, model):
        doc = next(coder.docs([Article(text=TEXT)]))[1]
    for ev in doc._.events:
        assert ev.confidence == round(p * ev.actor_certainty, 2)
    assert any(ev.actor_certainty < 1.0 for ev in doc._.events) or \
        all(ev.source and ev.target for ev in doc._.events)


def test_a_yield_is_split_into_concede_or_retreat(coder: Coder) -> None:
    with typer_model(coder.nlp, _always("YIELD", split="RETREAT")):
        events = _code(coder, "Russia apologised to Georgia.")
    # The rule layer's own CONCEDE wins over the split model where it named one.
    assert [e.type for e in events] == ["CONCEDE"]
    with typer_model(coder.nlp, _always("YIELD", split="RETREAT")):
        events = _code(coder, "India accused Pakistan of shelling villages.")
    assert [e.type for e in events] == ["RETREAT"]


def test_min_confidence_leaves_out_the_less_certain_events(coder: Coder) -> None:
    every = _code(coder)
    floor = sorted(e.confidence for e in every)[len(every) // 2]
    sure = _code(Coder(nlp=coder.nlp, min_confidence=floor))
    assert (sure and len(sure) < len(every)) or all(e.confidence == floor for e in every)
    assert all(e.confidence >= floor for e in sure)
    assert {e.id for e in sure} <= {e.id for e in every}


def test_an_unsure_model_leaves_the_rule_type(coder: Coder) -> None:
    """The model overrules the rule layer only at ``OVERRULE_AT`` or more; below it the rule
    type stands, with the model's probability of that type."""
    from eventwire.events.typer import OVERRULE_AT

    unsure = LearnedTyper(LinearModel(["PROTEST", "OTHER"], {},
                                      np.array([[0.1, 0.0]], dtype=np.float32)))
    assert unsure.types.predict([])[1] < OVERRULE_AT
    with typer_model(coder.nlp, None):
        rules = _code(coder)
    with typer_model(coder.nlp, unsure):
        kept = _code(coder)
    assert [e.type for e in kept] == [e.type for e in rules]
    assert all(_learned_part(e).startswith(f"learned:{e.type}:") for e in kept)
