"""Shared fixtures: the real pipeline (loaded once per session) and hand-built records."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from eventwire.ontology.plover import cameo_code
from eventwire.pipeline import Coder
from eventwire.schema import Actor, Event, TextSpan, event_id


@pytest.fixture(scope="session")
def nlp() -> Language:
    from eventwire.nlp import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def coder(nlp: Language) -> Coder:
    return Coder(nlp=nlp)


def make_event(article_id: str = "a1", type_: str = "ACCUSE", src: str | None = "IND",
               tgt: str | None = "TUR", day: date = date(2025, 5, 1), quad: int = 3,
               intensity: float = -3.0, start: int = 0, negated: bool = False,
               sentence: str = "India criticized Turkey.") -> Event:
    """An event record built by hand, for store and query tests."""
    source = Actor(src or "", 0, 5, src, "GOV") if src else None
    target = Actor(tgt or "", 16, 22, tgt, None) if tgt else None
    return Event(
        id=event_id(article_id, start, source, target, type_), article_id=article_id,
        type=type_, mode=None, context=None, quad=quad, cameo=cameo_code(type_),
        intensity=intensity,
        source=source, target=target, sentence=sentence,
        trigger=TextSpan("criticized", start, start + 10), date=day, date_source="article",
        negated=negated,
    )


def read_without_blocking(fifo: Path, read: Callable[[], list[Any]]) -> list[Any]:
    """What ``read`` returns, or a test failure if it blocks on ``fifo`` (opened for writing
    then, so the blocked reader can end with the test run)."""
    found: list[Any] = []
    reader = threading.Thread(target=lambda: found.extend(read()), daemon=True)
    reader.start()
    reader.join(60)
    if reader.is_alive():
        with open(fifo, "wb"):
            pass
        pytest.fail(f"reading {fifo.name} blocked")
    return found


def party_records() -> list[tuple[Any, list[Event]]]:
    """Made-up articles whose events have a bloc, a body and an armed group on one side (by
    hand, as the coder would resolve them: an IGO's ``name`` is its igos.tsv key, a group's its
    groups.tsv name): EU -> Russia (March 2025), NATO -> Russia (March, April), Hamas ->
    Israel (April), the Taliban -> Pakistan (April), India -> Turkey (April)."""
    from dataclasses import replace

    from eventwire.schema import Article

    eu = Actor("The EU", 0, 6, None, "IGO", "EUR")
    nato = Actor("NATO", 0, 4, None, "IGO", "NATO")
    hamas = Actor("Hamas", 0, 5, "PSE", "REB", "Hamas")
    taliban = Actor("The Taliban", 0, 11, "AFG", "REB", "Taliban")
    russia, israel = Actor("Russia", 20, 26, "RUS", None), Actor("Israel", 20, 26, "ISR", None)
    pakistan = Actor("Pakistan", 20, 28, "PAK", None)
    items = []
    for n, (src, tgt, type_, quad, score, day) in enumerate([
            (eu, russia, "COERCE", 4, -8.0, date(2025, 3, 4)),
            (nato, russia, "ACCUSE", 3, -4.0, date(2025, 3, 20)),
            (nato, russia, "THREATEN", 3, -6.0, date(2025, 4, 2)),
            (hamas, israel, "ASSAULT", 4, -10.0, date(2025, 4, 9)),
            (taliban, pakistan, "ASSAULT", 4, -10.0, date(2025, 4, 11))]):
        aid = f"party-{n}"
        sentence = f"{src.text} acted against {tgt.text} in a story made up for a test."
        event = replace(make_event(aid, type_, None, None, day, quad, score, sentence=sentence),
                        source=src, target=tgt)
        event = replace(event, id=event_id(aid, 0, src, tgt, type_))
        items.append((Article(text=sentence, id=aid, date=day), [event]))
    items.append((Article(text="India criticized Turkey.", id="party-9", date=date(2025, 4, 1)),
                  [make_event("party-9", day=date(2025, 4, 1))]))
    return items


@pytest.fixture(autouse=True)
def _collect_garbage() -> Iterator[None]:
    """Collect after each test, so that a file or socket a test leaves open is reported (as an
    error: pyproject's filterwarnings) in that test's teardown, not in whichever later test the
    collector happens to run in."""
    yield
    gc.collect()
