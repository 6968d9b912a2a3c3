"""Preposition classes that more than one component reads (one list, so they cannot drift)."""

from __future__ import annotations

#: A place phrase: "met *in* Brussels", "troops *near* the border". Its object is where something
#: happened (``when_where.places``), never an actor the act is done to or a referent for a
#: pronoun (``actors.coref``).
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
