"""How a name resolves, and from which table and line (``eventwire actors lookup``).

The gazetteer (``actors.gazetteer``) keeps only what each alias stands for; this reads the same
tables again, with their line numbers, to say which rows name it, which one the coder takes on a
date (a dated office holder by their term), with what CAMEO code, and which party a query
would count it as.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any

from eventwire.actors.codes import actor_code, actor_party
from eventwire.actors.gazetteer import ACTOR_TABLES, ActorInfo, alias_key, load_gazetteer, table_entries
from eventwire.actors.overrides import table_of, user_gazetteer
from eventwire.actors.parties import find_party
from eventwire.actors.tabari import read_dictionary
from eventwire.tables import package_data


@dataclass(frozen=True)
class Row:
    """One table row that names the looked-up name."""

    table: str
    line: int
    info: ActorInfo | None  # None for a sector noun or a blocker phrase
    note: str  # what the row says ("sector COP", "blocked phrase", "HOS 2014-08-28..")

    def to_dict(self) -> dict[str, Any]:
        info = self.info
        return {"table": self.table, "line": self.line, "note": self.note,
                "kind": info.kind if info else None, "country": info.country if info else None,
                "sector": info.sector if info else None, "name": info.name if info else None}


def _names(alias: str, name: str) -> bool:
    """Whether a table's alias is the name as the gazetteer looks it up (``Gazetteer.lookup``:
    acronyms and short names as written, other names in any case)."""
    return alias_key(alias) in (name, name.lower())


def _lines(directory: Path, table: str) -> list[tuple[int, list[str]]]:
    """The rows of a table with their line numbers (``tables.read_rows``'s rows)."""
    out = []
    for n, line in enumerate((directory / table).read_text("utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            out.append((n, [c.strip() for c in line.split("\t")]))
    return out


def _note(info: ActorInfo, cells: list[str]) -> str:
    """What a row says of the name, in a few words."""
    if info.kind == "leader":
        start = info.start.isoformat() if info.start else ""
        end = info.end.isoformat() if info.end else ""
        return f"{info.role} of {cells[2]} {start}..{end}"  # (a body's key: NATO)
    return {"igo": f"body {info.name}", "group": f"group, home {info.country or '-'}"}.get(
        info.kind, f"{info.kind} of {info.country}")


def table_rows(name: str, directory: Path | None = None) -> list[Row]:
    """Every row of the actor tables that names ``name``, in the order the gazetteer loads
    them (the same aliases it makes of each row: ``gazetteer.table_entries``)."""
    d = directory or package_data("eventwire.actors")
    rows: list[Row] = []
    for table in ACTOR_TABLES:
        for n, cells in _lines(d, table):
            for info in dict.fromkeys(info for alias, info in table_entries(table, cells)
                                      if _names(alias, name)):
                rows.append(Row(table, n, info, _note(info, cells)))
    for n, cells in _lines(d, "sectors.tsv"):
        if len(cells) >= 2 and cells[0].lower() == name.lower():
            rows.append(Row("sectors.tsv", n, None, f"sector noun: {cells[1]}"))
    for n, cells in _lines(d, "blockers.txt"):
        if cells[0] == name or cells[0].lower() == name.lower():
            rows.append(Row("blockers.txt", n, None, "blocked phrase: never an actor"))
    return rows


def user_rows(name: str, paths: tuple[str, ...]) -> list[Row]:
    """The lines of a user's ``--actors`` files that name ``name`` (file path as the table):
    rows of a file named after a shipped table, or a TABARI dictionary's actor records and
    agents. (Lines that cannot be read are the coder's errors, not listed here.)"""
    rows: list[Row] = []
    for raw in paths:
        path = Path(raw)
        table = table_of(path)
        if table in ACTOR_TABLES:
            for n, cells in _lines(path.parent, path.name):
                try:
                    entries = list(table_entries(table, cells))
                except ValueError:
                    continue
                for info in dict.fromkeys(i for a, i in entries if _names(a, name)):
                    rows.append(Row(str(path), n, info, _note(info, cells)))
        elif table is None:
            found = read_dictionary(path)
            for actor in found.actors:
                if any(_names(p, name) for p in actor.phrases):
                    dated = ", ".join(f"{d.code} {d.start or ''}..{d.end or ''}"
                                      for d in actor.dated)
                    note = f"dictionary actor {actor.phrases[0]}: {actor.default or '-'}" + \
                        (f"; dated {dated}" if dated else "")
                    rows.append(Row(str(path), _line_of(actor.where), None, note))
            for agent in found.agents:
                if any(_names(p, name) for p in agent.phrases):
                    rows.append(Row(str(path), _line_of(agent.where), None,
                                    f"dictionary agent: sector {agent.code}"))
    return rows


def _line_of(where: str) -> int:
    """The line of a dictionary record's "file:line"."""
    tail = where.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def lookup(name: str, on: Date | None = None, directory: Path | None = None,
           actors: tuple[str, ...] = ()) -> dict[str, Any]:
    """How ``name`` resolves on date ``on`` (None: an undated article, the current terms),
    with the user's ``actors`` files over the tables as ``--actors`` puts them: the entry the
    coder takes (with its CAMEO code and party, and the row it came from), every row that
    names it (the user's first), and what a query would take it for."""
    name = " ".join(name.split())
    rows = user_rows(name, actors) + table_rows(name, directory)
    if not rows and name.lower().startswith("the ") and len(name) > 4:
        # "the EU": the coder's phrase matcher finds "EU" inside it; the article is no name.
        return {**lookup(name[4:], on, directory, actors), "name": name, "matched": name[4:]}
    gaz = user_gazetteer(actors, directory) if actors else load_gazetteer(directory)
    blocked = any(r.table == "blockers.txt" for r in rows)
    chosen = None if blocked else gaz.lookup(name, on)
    taken: dict[str, Any] | None = None
    if chosen is not None:
        code = chosen.code or actor_code(chosen.country, chosen.sector, chosen.name)
        source = next((r for r in rows if r.info is not None and r.info.kind == chosen.kind
                       and r.info.country == chosen.country and r.info.name == chosen.name
                       and (chosen.kind != "leader" or r.info.start == chosen.start
                            or chosen.start is None)), None)
        taken = {"kind": chosen.kind, "country": chosen.country, "sector": chosen.sector,
                 "name": chosen.name, "code": code, "party": actor_party(chosen.country, code),
                 "table": source.table if source else
                 ("your --actors files" if actors else "the tables"),
                 "line": source.line if source else None}
    party = find_party(name)
    return {"name": name, "matched": name, "date": on.isoformat() if on else None,
            "blocked": blocked,
            "resolves_to": taken, "rows": [r.to_dict() for r in rows],
            "query_party": None if party is None else
            {"kind": party.kind, "key": party.key, "label": party.label}}
