"""The demo: code the bundled sample corpus into DuckDB and show how relations change.

The corpus (``corpus.jsonl``) is written by the project: 45 short dated articles from January to
September 2025, covering every PLOVER type and several pairs whose relations shift.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rich.console import Console
from rich.table import Table

from eventwire.analysis import timeline, top_dyads
from eventwire.database import Database
from eventwire.jobs import ingest
from eventwire.store.queries import EventFilter, events


def corpus_path() -> Path:
    """Where the bundled corpus is installed."""
    return Path(str(resources.files("eventwire.demo").joinpath("corpus.jsonl")))


def run_demo(db: Path, console: Console) -> None:
    """Code the corpus into ``db`` and print the top dyads, two timelines and example events."""
    report = ingest([str(corpus_path())], db, on_error=lambda e: console.print(f"skipped {e}"))
    console.print(f"[bold]Coded {report.articles} articles into {report.events} events[/bold] "
                  f"-> {db}")
    with Database(db) as database:
        con = database.con
        dyads = top_dyads(con, limit=10)
        table = Table(title="Top dyads (balance: +1 all cooperation, -1 all conflict)")
        for col in ("pair", "events", "coop", "conflict", "net score", "balance"):
            table.add_column(col, justify="right" if col != "pair" else "left")
        for d in dyads:
            table.add_row(f"{d['a']}-{d['b']}", str(d["events"]),
                          str(d["verbal_coop"] + d["material_coop"]),
                          str(d["verbal_conflict"] + d["material_conflict"]),
                          f"{d['net_score']:+.1f}", f"{d['balance']:+.2f}")
        console.print(table)
        for a, b in (("IND", "TUR"), ("PAK", "TUR")):
            rows = timeline(con, a, b, "month")
            line = "  ".join(f"{r['period']:%b}:{r['net_score']:+.0f}" for r in rows
                             if r["events"])
            console.print(f"[bold]{a}-{b}[/bold] net score by month: {line}")
        console.print("[bold]Example events with their evidence[/bold]")
        for row in events(con, EventFilter(dyad=("IND", "TUR")), limit=4).rows:
            console.print(f"  {row['date']} {row['type']:<9} {row['source_text']} -> "
                          f"{row['target_text']}: \"{row['sentence']}\"", highlight=False)
    console.print(f"Explore: eventwire query dyad IND TUR --db {db}")
