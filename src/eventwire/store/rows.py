"""The stored shape of an event, written once: the column list from which the database rows, the
Arrow schema of batch output and the records read back (the API's JSON, the exports) are built.

To store a new field: add it to ``schema.Event``, add a ``Column`` here, and add a migration
(``schema_vN.sql``) that gives the ``events`` table the column; a test checks that a migrated
database has exactly these columns.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from eventwire.actors.codes import actor_code, actor_party
from eventwire.schema import Actor, Event, Location, TextSpan

ACTOR_FIELDS = ("text", "start", "end", "country", "sector", "name", "code")
#: The actor fields stored side by side; ``code`` came later (schema v6) and sits at the end, as
#: the table's column order is the order columns were added in.
_FIRST_ACTOR_FIELDS = ACTOR_FIELDS[:-1]
LOCATION_FIELDS = ("name", "country", "lat", "lon", "role", "precision")
#: ``role`` and ``precision`` came later (schema v10) and sit at the end of the table.
_FIRST_LOCATION_FIELDS = LOCATION_FIELDS[:4]


@dataclass(frozen=True)
class Column:
    """One column of the ``events`` table: its name, its Arrow type and how an Event fills it."""

    name: str
    arrow: pa.DataType
    value: Callable[[Event], Any]


def _actor_columns(role: str, fields: tuple[str, ...]) -> list[Column]:
    types = {"start": pa.int32(), "end": pa.int32()}

    def getter(key: str) -> Callable[[Event], Any]:
        return lambda e: getattr(getattr(e, role), key) if getattr(e, role) else None

    return [Column(f"{role}_{k}", types.get(k, pa.string()), getter(k)) for k in fields]


def _stored_code(actor: Actor) -> str | None:
    """The actor's CAMEO code; a record made without one (by hand, by an older coder) gets the
    one its country, sector and name give, so every stored actor has its code."""
    return actor.code if actor.code is not None else \
        actor_code(actor.country, actor.sector, actor.name)


def _code(role: str) -> Column:
    def value(e: Event) -> str | None:
        actor = getattr(e, role)
        return _stored_code(actor) if actor else None

    return Column(f"{role}_code", pa.string(), value)


def _party(role: str) -> Column:
    """The party an event's side counts for in the relations views (``actors.codes``)."""
    def value(e: Event) -> str | None:
        actor = getattr(e, role)
        return actor_party(actor.country, _stored_code(actor)) if actor else None

    return Column(f"{role}_party", pa.string(), value)


def _location(key: str) -> Callable[[Event], Any]:
    return lambda e: getattr(e.location, key) if e.location else None


EVENT_COLUMNS: tuple[Column, ...] = (
    Column("id", pa.string(), lambda e: e.id),
    Column("article_id", pa.string(), lambda e: e.article_id),
    Column("type", pa.string(), lambda e: e.type),
    Column("mode", pa.string(), lambda e: e.mode),
    Column("context", pa.string(), lambda e: e.context),
    Column("quad", pa.int8(), lambda e: e.quad),
    Column("cameo", pa.string(), lambda e: e.cameo),
    Column("intensity", pa.float64(), lambda e: e.intensity),
    *_actor_columns("source", _FIRST_ACTOR_FIELDS),
    *_actor_columns("target", _FIRST_ACTOR_FIELDS),
    Column("sentence", pa.string(), lambda e: e.sentence),
    Column("trigger_text", pa.string(), lambda e: e.trigger.text),
    Column("trigger_start", pa.int32(), lambda e: e.trigger.start),
    Column("trigger_end", pa.int32(), lambda e: e.trigger.end),
    Column("date", pa.date32(), lambda e: e.date),
    Column("date_source", pa.string(), lambda e: e.date_source),
    *(Column(f"location_{k}", pa.float64() if k in ("lat", "lon") else pa.string(), _location(k))
      for k in _FIRST_LOCATION_FIELDS),
    Column("negated", pa.bool_(), lambda e: e.negated),
    Column("modality", pa.string(), lambda e: e.modality),
    Column("attributes", pa.string(), lambda e: json.dumps(e.attributes, sort_keys=True)),
    Column("confidence", pa.float64(), lambda e: e.confidence),
    Column("rule", pa.string(), lambda e: e.rule),
    _code("source"),
    _code("target"),
    _party("source"),
    _party("target"),
    Column("date_precision", pa.string(), lambda e: e.date_precision if e.date else None),
    Column("fatalities", pa.int32(), lambda e: e.fatalities),
    Column("location_role", pa.string(), _location("role")),
    Column("location_precision", pa.string(), _location("precision")),
)

#: The Arrow schema of an events row (batch output adds its partition column).
EVENT_SCHEMA = pa.schema([(c.name, c.arrow) for c in EVENT_COLUMNS])


def event_row(e: Event) -> dict[str, Any]:
    """The flat row of an event in the ``events`` table."""
    return {c.name: c.value(e) for c in EVENT_COLUMNS}


def row_actor(row: Mapping[str, Any], role: str) -> dict[str, Any] | None:
    """The ``source`` or ``target`` of a stored event row, as in ``Event.to_dict``."""
    if row.get(f"{role}_text") is None:
        return None
    return {k: row.get(f"{role}_{k}") for k in ACTOR_FIELDS}


def row_location(row: Mapping[str, Any]) -> dict[str, Any] | None:
    """The ``location`` of a stored event row, as in ``Event.to_dict``."""
    if not row.get("location_name"):
        return None
    return {k: row.get(f"location_{k}") for k in LOCATION_FIELDS}


def event_from_row(row: Mapping[str, Any]) -> Event:
    """The typed record of a stored event row (other keys of the row are ignored)."""
    source, target, location = row_actor(row, "source"), row_actor(row, "target"), \
        row_location(row)
    return Event(
        id=row["id"], article_id=row["article_id"], type=row["type"], mode=row["mode"],
        context=row["context"], quad=row["quad"], cameo=row["cameo"],
        intensity=row["intensity"],
        source=Actor(**source) if source else None, target=Actor(**target) if target else None,
        sentence=row["sentence"],
        trigger=TextSpan(row["trigger_text"], row["trigger_start"], row["trigger_end"]),
        date=row["date"], date_source=row["date_source"],
        date_precision=row.get("date_precision", "day") if row["date"] else None,
        fatalities=row.get("fatalities"),
        location=Location(**location) if location else None,
        negated=row["negated"], modality=row["modality"],
        attributes=json.loads(row["attributes"]) if row["attributes"] else {},
        confidence=row["confidence"], rule=row["rule"],
    )
