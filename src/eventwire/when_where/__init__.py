"""When and where: event places (and, later, event dates, quotes and amounts)."""

from eventwire.when_where.places import Gazetteer, place_of

__all__ = ["Gazetteer", "place_of"]
