"""Convert the OEDA (PETRARCH2 / Phoenix) dictionaries, once, into the project's own tables.

Reads the TABARI-format files with the project's reader (``eventwire.actors.tabari``) and the
codes as ``--actors`` reads them (``overrides.CodeReader``), and writes one table per part into
``src/eventwire/actors/data/oeda/``, each in the columns of the shipped table it is named after
(so each is also usable as ``--actors FILE``), with a provenance header line:

- ``bodies.igos.tsv``: intergovernmental bodies (codes ``IGO...``) of Phoenix.International,
  one row per code with every phrase that gives it;
- ``transnational.groups.tsv``: the NGOs, companies and other transnational actors (``NGO``,
  ``MNC``, ``IMG`` ...) of Phoenix.International;
- ``armed.groups.tsv``: the non-state armed groups of Phoenix.MilNonState;
- ``officials.leaders.tsv``: the dated officials of Phoenix.Countries (CountryInfo) and of
  Phoenix.International, merged with the project's ``leaders.tsv`` and ``ministers.tsv``: the
  project's rows are kept whole, and an OEDA term of a person the project also has (by a shared
  name or alias) is dropped where it overlaps one of the project's terms (the newer source wins
  where both cover a date); ELI (elite, out of office) periods are left out;
- ``agents.sectors.tsv``: the agent nouns of Phoenix.agents (singular and plural) that the
  project's ``sectors.tsv`` lacks (its nouns win), with the project sector of their code;
- ``discards.txt``: the discard phrases of Phoenix.discards, normalised, in the TABARI discard
  format (``+`` for a story discard, a trailing ``_`` for whole words).

    .venv/bin/python scripts/convert_oeda.py [--source DIR] [--out DIR]

The dictionaries are MIT-licensed (Open Event Data Alliance); their notice is ``oeda/LICENSE``.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta
from pathlib import Path

from eventwire.actors.gazetteer import OFFICE_TABLES, alias_key, office_terms
from eventwire.actors.overrides import code_reader
from eventwire.actors.tabari import NULL_CODE, DictActor, Dictionary, read_dictionary
from eventwire.tables import package_data, read_rows

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "reference" / "petrarch_dictionaries"
OUT = ROOT / "src" / "eventwire" / "actors" / "data" / "oeda"
FILES = {"countries": "Phoenix.Countries.actors.txt", "international": "Phoenix.International.actors.txt",
         "armed": "Phoenix.MilNonState.actors.txt", "agents": "Phoenix.agents.txt",
         "discards": "Phoenix.discards.txt"}
#: CAMEO sectors of a dated code kept as an office, and the office role they are written with.
OFFICE_ROLES = {"GOV": "GOV", "MIL": "MIL", "REB": "REB", "LEG": "LEG", "JUD": "JUD",
                "OPP": "OPP", "COP": "COP", "SPY": "SPY", "IGO": "IGO"}
#: An open-ended "<date" restriction needs a start date in an office table.
EARLIEST = Date(1900, 1, 1)


@dataclass(frozen=True)
class Term:
    """One office-table row."""

    name: str
    aliases: tuple[str, ...]
    country: str
    role: str
    start: Date
    end: Date | None  # exclusive, as the office tables have it

    def row(self) -> list[str]:
        return [self.name, _join(self.aliases), self.country, self.role,
                self.start.isoformat(), self.end.isoformat() if self.end else ""]

    def overlaps(self, other: Term) -> bool:
        return (self.end is None or other.start < self.end) and \
            (other.end is None or self.start < other.end)


def _clean(cell: str) -> str:
    """A cell with no tab (the table's separator)."""
    return " ".join(cell.split())


def _join(phrases: Iterable[str]) -> str:
    """Aliases as one cell: ``|`` between them, never inside one."""
    return "|".join(" ".join(p.replace("|", " ").split()) for p in phrases)


def _provenance(source: Path, part: str) -> str:
    """The header line: what, from which file (and its hash), under which licence; ``{rows}``
    is filled in by ``_write``."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    return (f"# provenance: {part} from the OEDA dictionaries' {source.name} (sha256 {digest}…), "
            "MIT licence (oeda/LICENSE), converted by scripts/convert_oeda.py; {rows} rows")


def _write(path: Path, header: str, columns: str, rows: Iterable[Sequence[str]]) -> int:
    lines = ["\t".join(_clean(c) for c in row) for row in rows]
    tmp = path.with_suffix(path.suffix + ".tmp")  # never a half-written table
    tmp.write_text("\n".join([header.format(rows=len(lines)), columns, *lines]) + "\n", "utf-8")
    tmp.replace(path)
    return len(lines)


def _read(path: Path) -> Dictionary:
    d = read_dictionary(path)
    for error in d.errors:
        print(f"{error} (skipped)", file=sys.stderr)
    return d


def bodies_and_groups(actors: Iterable[DictActor]) -> tuple[list[list[str]], list[list[str]]]:
    """igos.tsv rows (one per IGO code) and groups.tsv rows of undated actors."""
    reader = code_reader()
    igos: dict[str, list[str]] = {}
    groups: list[list[str]] = []
    for actor in actors:
        if actor.dated:  # a dated entry is an official, not a body
            continue
        code = actor.default
        if code is None or code == NULL_CODE:
            continue
        info = reader.info(actor, code, "group")
        if info.kind == "igo":
            # a bare IGO names no one body: each such actor is a row (keyed by its phrase)
            phrases = igos.setdefault(code if code != "IGO" else f"IGO\t{actor.phrases[0]}", [])
            phrases += [p for p in actor.phrases if p not in phrases]
        elif info.kind == "group" or info.sector:
            groups.append([actor.phrases[0], _join(actor.phrases[1:]), info.country or "",
                           info.sector or "", code])
    rows = [[key.partition("\t")[2] or key[3:], _join(p), "IGO", key.partition("\t")[0]]
            for key, p in sorted(igos.items())]
    return rows, groups


def oeda_terms(actors: Iterable[DictActor]) -> list[Term]:
    """The office terms of the dated actors (ELI periods and unknown countries left out)."""
    reader = code_reader()
    out: list[Term] = []
    for actor in actors:
        for dc in actor.dated:
            if dc.code == NULL_CODE or (dc.start is None and dc.end is None):
                continue
            head, sector = dc.code[:3].upper(), dc.code[3:6].upper()
            role = OFFICE_ROLES.get(sector)
            if head == "IGO":
                country, role = "", "IGO"  # a body's head: no country
            else:
                country = reader.countries.get(head, "")
            if role is None or (head != "IGO" and not country):
                continue
            end = dc.end + timedelta(days=1) if dc.end else None
            out.append(Term(actor.phrases[0], actor.phrases[1:], country, role,
                            dc.start or EARLIEST, end))
    return out


def merge_terms(project: Sequence[Term], oeda: Iterable[Term]) -> tuple[list[Term], int]:
    """The project's terms whole, then each OEDA term that overlaps no project term of a
    person sharing a name or alias (the newer source wins); returns the rows and how many
    OEDA terms were dropped."""
    by_key: dict[str, list[Term]] = {}
    for term in project:
        for alias in (term.name, *term.aliases):
            by_key.setdefault(alias_key(alias), []).append(term)
    kept: list[Term] = []
    dropped = 0
    for term in oeda:
        mine = {id(t): t for a in (term.name, *term.aliases) for t in by_key.get(alias_key(a), [])}
        if any(term.overlaps(t) for t in mine.values()):
            dropped += 1
            continue
        kept.append(term)
    return [*project, *kept], dropped


def agent_rows(d: Dictionary, project: Path | None = None) -> list[list[str]]:
    """Sector nouns the project's ``sectors.tsv`` lacks (its own nouns win), each with the
    project sector its code's first three letters name (``GOVDEV`` -> GOV, ``MED`` -> JRN);
    a noun whose code names none of the project's sectors (CHR, MUS, PPL ...) is left out."""
    reader = code_reader()
    known = set(reader.sectors.values())
    mine = {row[0].lower() for row in read_rows(project or package_data("eventwire.actors"),
                                                "sectors.tsv")}
    rows: dict[str, str] = {}
    for agent in d.agents:
        sector = reader.sectors.get(agent.code[:3], agent.code[:3])
        if sector not in known or any(p.lower() in mine for p in agent.phrases):
            continue  # (a project noun's plural is the project's too)
        for phrase in agent.phrases:
            rows.setdefault(phrase.lower(), sector)
    return [[p, s] for p, s in rows.items()]


def discard_lines(d: Dictionary) -> list[str]:
    return [("+" if x.story else "") + x.phrase.replace(" ", "_") + ("_" if x.whole_words else "")
            for x in d.discards]


def convert(source: Path, out: Path, project: Path | None = None) -> dict[str, int]:
    """Write every part; returns rows per table."""
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    countries = _read(source / FILES["countries"])
    international = _read(source / FILES["international"])
    armed = _read(source / FILES["armed"])
    igos, transnational = bodies_and_groups(international.actors)
    igo_cols = "# code\tnames and abbreviations (| separated)\tsector\tCAMEO actor code"
    group_cols = "# name\taliases (| separated)\thome iso3\tsector\tCAMEO actor code"
    counts["bodies.igos.tsv"] = _write(
        out / "bodies.igos.tsv", _provenance(source / FILES["international"], "bodies"), igo_cols, igos)
    counts["transnational.groups.tsv"] = _write(
        out / "transnational.groups.tsv", _provenance(
            source / FILES["international"], "NGOs, companies, transnational"), group_cols, transnational)
    _, armed_groups = bodies_and_groups(armed.actors)
    counts["armed.groups.tsv"] = _write(
        out / "armed.groups.tsv", _provenance(source / FILES["armed"], "armed groups"),
        group_cols, armed_groups)
    mine = [Term(t.name, t.aliases, t.country, t.role, t.start, t.end)
            for table in OFFICE_TABLES for t in office_terms(table, project)]
    merged, dropped = merge_terms(mine, oeda_terms([*countries.actors, *international.actors]))
    header = (_provenance(source / FILES["countries"], "dated officials")
              + f" (with {FILES['international']}'s; merged with "
              f"the project's leaders.tsv and ministers.tsv, whose {len(mine)} rows come first; "
              f"{dropped} OEDA terms overlapping them dropped)")
    counts["officials.leaders.tsv"] = _write(
        out / "officials.leaders.tsv", header,
        "# name\taliases (| separated)\tiso3\trole\tstart\tend (exclusive; empty = open)",
        [t.row() for t in merged])
    agents = _read(source / FILES["agents"])
    counts["agents.sectors.tsv"] = _write(
        out / "agents.sectors.tsv", _provenance(source / FILES["agents"], "agent nouns"),
        "# noun (lower case; multiword allowed)\tsector",
        agent_rows(agents, project))
    discards = _read(source / FILES["discards"])
    lines = discard_lines(discards)
    counts["discards.txt"] = _write(out / "discards.txt", _provenance(
        source / FILES["discards"], "discard phrases"), "# phrase (+: the whole story; a final _: "
        "whole words), TABARI's discard format", [[line] for line in lines])
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    for name, n in convert(args.source, args.out).items():
        print(f"{n:6d} rows -> {args.out / name}")


if __name__ == "__main__":
    main()
