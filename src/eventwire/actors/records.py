"""Resolved actors to their typed records (``schema.Actor``), with offsets into the article: how
an event's arguments and a quotation's speaker leave the pipeline."""

from __future__ import annotations

from eventwire.actors.codes import actor_code
from eventwire.actors.resolver import ActorMatch
from eventwire.schema import Actor
from eventwire.spans import to_original


def to_actor(match: ActorMatch | None) -> Actor | None:
    """An argument's actor record, with character offsets into the article and its CAMEO code."""
    if match is None:
        return None
    span, info = match.span, match.info
    name = info.name if info.kind in ("leader", "igo", "group", "ner", "noun") else None
    start = to_original(span.doc, span.start_char)
    return Actor(span.text, start, start + len(span.text), info.country, info.sector, name,
                 info.code or actor_code(info.country, info.sector, name))
