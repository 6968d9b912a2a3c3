"""Schema v10's fill: the role and precision of the places of events stored before they were
kept, from what each row has. The role: ``dateline`` where the coder read the place from the
dateline (``attributes.place_source``, which it has always recorded), else ``event``. The
precision, as the coder gives it now (``when_where.places``): a place the sentence names is a
city when the gazetteer has a city of that name (it looks cities up first), else a country
when it is a country's name, else a region (no coordinates); a dateline is a country when it is
a country's name (read first there), else a city."""

from __future__ import annotations

import duckdb

from eventwire.when_where.places import load_places


def fill_place_roles(con: duckdb.DuckDBPyConnection) -> None:
    """Set ``location_role`` and ``location_precision`` of located rows that have none; call
    it inside the migration's transaction."""
    places = load_places()
    cities, countries = sorted(places.cities), sorted(places.country_codes)
    con.execute("""UPDATE events SET location_role = CASE
            WHEN attributes->>'place_source' = 'dateline' THEN 'dateline' ELSE 'event' END
        WHERE location_name IS NOT NULL AND location_role IS NULL""")
    con.execute("""UPDATE events SET location_precision = CASE
            WHEN location_role = 'dateline' THEN
                CASE WHEN list_contains(?, location_name) THEN 'country' ELSE 'city' END
            WHEN location_lat IS NOT NULL AND list_contains(?, location_name) THEN 'city'
            WHEN list_contains(?, location_name) THEN 'country'
            WHEN location_lat IS NULL THEN 'region'
            ELSE 'city' END
        WHERE location_name IS NOT NULL AND location_precision IS NULL""",
                [countries, cities, countries])
