"""When and where: event dates from explicit and relative expressions, places, amounts."""

from eventwire.when_where.amounts import amounts
from eventwire.when_where.dates import event_date, resolve
from eventwire.when_where.places import PlaceIndex, place_of

__all__ = ["PlaceIndex", "amounts", "event_date", "place_of", "resolve"]
