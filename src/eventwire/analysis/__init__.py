"""Analysis: events added up into relations — dyad timelines, top dyads, networks, shift alerts.

Every function takes a DuckDB connection and returns plain rows (lists of dicts), which the CLI,
the notebook API, the REST API and the dashboard all use as they are.
"""

from eventwire.analysis.alerts import shift_alerts
from eventwire.analysis.counting import COLLAPSE_MODES
from eventwire.analysis.countries import country_totals
from eventwire.analysis.dyads import timeline, timelines, top_dyads, unplaced
from eventwire.analysis.network import network
from eventwire.analysis.places import event_places

__all__ = ["COLLAPSE_MODES", "country_totals", "event_places", "network", "shift_alerts",
           "timeline", "timelines", "top_dyads", "unplaced"]
