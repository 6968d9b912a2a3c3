"""Which codebooks a database's articles were coded under: a database whose articles were
coded under several (other ``--actors`` or ``--lexicon`` files, other shipped tables) counts
events by rules that differ from article to article."""

from __future__ import annotations

import duckdb


def codebooks(con: duckdb.DuckDBPyConnection) -> list[tuple[str | None, int]]:
    """(codebook, articles) for every codebook in use, most articles first; None: articles
    stored before codebooks were recorded (schema v8)."""
    return [(c, int(n)) for c, n in con.execute(
        "SELECT codebook, count(*) AS n FROM articles GROUP BY codebook "
        "ORDER BY n DESC, codebook NULLS LAST").fetchall()]


def mixed_warning(con: duckdb.DuckDBPyConnection) -> str | None:
    """One line when the articles were coded under more than one codebook, else None."""
    recorded = con.execute("SELECT count(*) FROM information_schema.columns WHERE "
                           "table_name = 'articles' AND column_name = 'codebook'").fetchone()
    if not recorded or not recorded[0]:
        return None  # a file not yet migrated (opened read-only): none recorded, none mixed
    found = codebooks(con)
    if len(found) < 2:
        return None
    parts = ", ".join(f"{n} under {c or 'an unrecorded one'}" for c, n in found)
    return (f"the database mixes codebooks ({parts}): its counts follow different tables from "
            "article to article; 'eventwire ingest' with one set of --actors/--lexicon files "
            "codes the others again")
