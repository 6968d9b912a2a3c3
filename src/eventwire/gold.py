"""Gold event records in the format of the project's evaluation sets (docs/evaluation.md): read by
the scorer (``evaluate``) and by the trainer (``training``), never by the pipeline."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any

from eventwire.ontology.plover import normalize_type
from eventwire.schema import Article


@dataclass(frozen=True)
class GoldActor:
    text: str
    spans: list[tuple[int, int]]
    country: str | None


@dataclass(frozen=True)
class GoldEvent:
    type: str
    source: GoldActor | None
    target: GoldActor | None

    def given_spans(self) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """What the classify task is given: the first span of the source and of the target."""
        src = self.source.spans[0] if self.source and self.source.spans else None
        tgt = self.target.spans[0] if self.target and self.target.spans else None
        return src, tgt


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    date: Date | None
    events: list[GoldEvent] = field(default_factory=list)
    #: The gold writes a mutual act ("talks between X and Y") as two directed events, X -> Y
    #: and Y -> X (record key ``"mutual": "directed"``): a reciprocal prediction, which the
    #: coder writes once with both parties, stands for both (``evaluate.directed``).
    mutual_directed: bool = False

    def article(self) -> Article:
        """The input the coder gets: text, id and date only."""
        return Article(text=self.text, id=self.id, date=self.date)


def _actor(obj: Any) -> GoldActor | None:
    if not obj:
        return None
    spans = [(int(s[0]), int(s[1])) for s in obj.get("spans") or []]
    return GoldActor(obj.get("text") or "", spans, obj.get("country"))


def load_gold(path: str | Path, keep_yield_parts: bool = False) -> list[GoldRecord]:
    """Read a gold file; a malformed line is an error naming the file and line. Types are
    normalised for scoring (CONCEDE/RETREAT -> YIELD) unless ``keep_yield_parts`` (training)."""
    records = []
    with Path(path).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                date = Date.fromisoformat(obj["date"][:10]) if obj.get("date") else None
                norm = (lambda t: t.strip().upper()) if keep_yield_parts else normalize_type
                events = [GoldEvent(norm(e["type"]), _actor(e.get("source")),
                                    _actor(e.get("target"))) for e in obj.get("events") or []]
                records.append(GoldRecord(str(obj.get("id", lineno)), obj["text"], date, events,
                                          obj.get("mutual") == "directed"))
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(f"{path}:{lineno}: bad gold record ({exc})") from None
    return records
