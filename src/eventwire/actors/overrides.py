"""A user's own actor files over the shipped gazetteer (``--actors FILE``).

A file is read by its name: one named after a shipped table (``groups.tsv``,
``sahel.leaders.tsv``, ``blockers.txt``) has that table's columns; any other is a TABARI/PETRARCH
dictionary (actors, agents or discards, ``actors.tabari``). An alias a user's file names is
resolved by the user's entries alone (the shipped entries for it are set aside); a later file's
entries come before an earlier one's. A TABARI code is read as CAMEO writes it: a country
(``countries.tsv``'s ISO3 or CAMEO code, or any other three letters, a user's own country) and a
sector (``USAGOV``, ``FRDMIL``), or a body (``IGO...``) or transnational group (``NGO``,
``IMG`` ...); the code itself is the actor's code in the event record.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from eventwire.actors.gazetteer import (
    ACTOR_TABLES,
    ActorInfo,
    ActorKind,
    Gazetteer,
    alias_key,
    load_gazetteer,
    table_entries,
)
from eventwire.actors.tabari import NULL_CODE, DictActor, Dictionary, DictionaryError, read_dictionary
from eventwire.tables import package_data, read_rows

#: Code prefixes that name no country: bodies, NGOs, companies, transnational groups.
_NO_COUNTRY: dict[str, ActorKind] = {
    "IGO": "igo", "NGO": "group", "NGM": "group", "MNC": "group", "IMG": "group",
    "UIS": "group", "INT": "group"}
#: Column (0-based) of a user table's own CAMEO code, where the shipped table has one.
_CODE_COLUMN = {"igos.tsv": 3, "groups.tsv": 4}
_OTHER_TABLES = ("sectors.tsv", "blockers.txt")


@dataclass
class UserActors:
    """What a user's actor files add: entries by alias key, sector nouns, blockers, discards."""

    aliases: dict[str, list[ActorInfo]] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    blockers: set[str] = field(default_factory=set)
    dictionary: Dictionary = field(default_factory=Dictionary)

    @property
    def errors(self) -> list[DictionaryError]:
        return self.dictionary.errors

    def add(self, alias: str, info: ActorInfo) -> None:
        entries = self.aliases.setdefault(alias_key(alias), [])
        if info not in entries:
            entries.append(info)


def table_of(path: Path) -> str | None:
    """The shipped table a user's file is named after, if any."""
    name = path.name.lower()
    return next((t for t in (*ACTOR_TABLES, *_OTHER_TABLES)
                 if name == t or name.endswith("." + t) or name.endswith("_" + t)), None)


def _read_table(path: Path, table: str, into: UserActors) -> None:
    lines = path.read_text("utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        row = [c.strip() for c in next(csv.reader([line], delimiter="\t",
                                                  quoting=csv.QUOTE_NONE))]
        try:
            if table == "blockers.txt":
                into.blockers.add(line.strip())
                continue
            if table == "sectors.tsv":
                if len(row) < 2 or not row[1]:
                    raise ValueError("a sector noun needs its sector in the second column")
                into.sectors[row[0].lower()] = row[1]
                continue
            if not row[0]:
                raise ValueError("the first column is empty")
            column = _CODE_COLUMN.get(table)
            code = row[column] if column is not None and len(row) > column and row[column] \
                else (f"IGO{row[0]}" if table == "igos.tsv" else None)
            entries = list(table_entries(table, row))
            if not entries:
                raise ValueError("the row names no alias")
            for alias, info in entries:
                into.add(alias, replace(info, code=code) if code else info)
        except ValueError as exc:
            into.errors.append(DictionaryError(str(path), n, str(exc)))


@dataclass(frozen=True)
class CodeReader:
    """CAMEO codes to the project's countries and sectors (from the shipped tables)."""

    countries: dict[str, str]  # CAMEO or ISO3 country code -> ISO3
    sectors: dict[str, str]  # CAMEO sector code -> project sector

    def info(self, actor: DictActor, code: str, kind: ActorKind) -> ActorInfo:
        """The entry a TABARI code makes (``kind``: the kind for a country-and-sector code)."""
        if code == NULL_CODE:
            return ActorInfo("leader", None, None, actor.phrases[0])  # known, coded as nothing
        head, rest = code[:3].upper(), code[3:].upper()
        sector = self.sectors.get(rest[:3], rest[:3]) if rest else None
        if head in _NO_COUNTRY:
            return ActorInfo(_NO_COUNTRY[head] if kind != "leader" else kind, None,
                             "IGO" if head == "IGO" else sector, actor.phrases[0], code=code)
        country = self.countries.get(head, head)
        if not rest and kind != "leader":
            return ActorInfo("country", country, None, None, code=code)
        return ActorInfo(kind, country, sector, actor.phrases[0], code=code)


@lru_cache(maxsize=1)
def code_reader() -> CodeReader:
    directory = package_data("eventwire.actors")
    countries: dict[str, str] = {}
    for row in read_rows(directory, "countries.tsv"):
        countries[row[0]] = row[0]
        if len(row) > 4 and row[4]:
            countries[row[4]] = row[0]
    sectors = {row[1]: row[0] for row in read_rows(directory, "sector_codes.tsv")}
    return CodeReader(countries, sectors)


def _add_dictionary(d: Dictionary, into: UserActors) -> None:
    reader = code_reader()
    for actor in d.actors:
        entries: list[ActorInfo] = []
        for dc in actor.dated:  # dated codes first: the lookup takes the first that holds
            info = reader.info(actor, dc.code, "leader")
            entries.append(replace(info, kind="leader", start=dc.start,
                                   end=dc.end + timedelta(days=1) if dc.end else None))
        if actor.default is not None:
            default = reader.info(actor, actor.default, "leader" if actor.dated else "group")
            entries.append(replace(default, kind="leader") if actor.dated else default)
        for phrase in actor.phrases:
            for info in entries:
                into.add(phrase, info)
    for agent in d.agents:
        sector = reader.sectors.get(agent.code, agent.code)
        for phrase in agent.phrases:
            into.sectors[phrase] = sector
    into.dictionary.extend(d)


def read_user_actors(paths: tuple[str, ...]) -> UserActors:
    """Every user file, in order; a later file's entries for an alias come first."""
    out = UserActors()
    for raw in paths:
        path = Path(raw)
        one = UserActors()
        table = table_of(path)
        if table is not None:
            _read_table(path, table, one)
        elif path.suffix.lower() == ".tsv":
            one.errors.append(DictionaryError(str(path), 0, "a .tsv file is read as the shipped "
                                              "table it is named after (e.g. my.groups.tsv)"))
        else:
            _add_dictionary(read_dictionary(path), one)
        for key, infos in one.aliases.items():
            out.aliases[key] = infos + [i for i in out.aliases.get(key, []) if i not in infos]
        out.sectors.update(one.sectors)
        out.blockers |= one.blockers
        out.dictionary.extend(one.dictionary)
    return out


@lru_cache(maxsize=4)
def user_gazetteer(paths: tuple[str, ...], directory: Path | None = None) -> Gazetteer:
    """The shipped gazetteer (or ``directory``'s) with the user's files over it."""
    base = load_gazetteer(directory)
    if not paths:
        return base
    user = read_user_actors(paths)
    aliases = dict(base.aliases)
    aliases.update({k: tuple(v) for k, v in user.aliases.items()})
    return Gazetteer(aliases, {**base.sectors, **user.sectors}, base.blockers | user.blockers,
                     base.discards + tuple(user.dictionary.discards))
