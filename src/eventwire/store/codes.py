"""Schema v6's fill: the CAMEO code and party of every actor stored before codes existed, from
the same tables and the same rule as new events (``actors.codes``)."""

from __future__ import annotations

import duckdb
import pandas as pd

from eventwire.actors.codes import actor_code, actor_party


def fill_codes(con: duckdb.DuckDBPyConnection) -> None:
    """Set ``{source,target}_code`` and ``_party`` of rows that have an actor but no code yet;
    call it inside the migration's transaction. One row per distinct actor, not per event."""
    for role in ("source", "target"):
        found = con.execute(f"""SELECT DISTINCT {role}_country, {role}_sector, {role}_name
            FROM events WHERE {role}_text IS NOT NULL AND {role}_code IS NULL""").fetchall()
        rows = []
        for country, sector, name in found:
            code = actor_code(country, sector, name)
            rows.append({"country": country, "sector": sector, "name": name, "code": code,
                         "party": actor_party(country, code)})
        if not rows:
            continue
        actors = pd.DataFrame(rows, columns=["country", "sector", "name", "code", "party"])  # noqa: F841
        con.execute(f"""UPDATE events SET {role}_code = a.code, {role}_party = a.party
            FROM actors a
            WHERE events.{role}_text IS NOT NULL
              AND events.{role}_country IS NOT DISTINCT FROM a.country
              AND events.{role}_sector IS NOT DISTINCT FROM a.sector
              AND events.{role}_name IS NOT DISTINCT FROM a.name""")
