"""scripts/convert_oeda.py on small made-up dictionaries in the OEDA files' formats: each part
becomes a table in the shipped table's columns that ``--actors`` reads back, and the dated
officials are merged with the project's office tables (the project's terms win where both cover
a date). Every actor here is invented for the test."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date as Date
from pathlib import Path

from eventwire.actors.overrides import read_user_actors

_SPEC = importlib.util.spec_from_file_location(
    "convert_oeda", Path(__file__).resolve().parent.parent / "scripts" / "convert_oeda.py")
assert _SPEC and _SPEC.loader
convert_oeda = importlib.util.module_from_spec(_SPEC)
sys.modules["convert_oeda"] = convert_oeda  # (its dataclass looks its module up)
_SPEC.loader.exec_module(convert_oeda)

COUNTRIES = """# made-up CountryInfo
FREEDONIA_ [FRD]
RUFUS_FIREFLY_
+FIREFLY_
\t[FRAELI 800101-330101]
\t[FRAGOV 330101-391231]
MARCEL_DUPONT_  # a minister the project's table has too
+DUPONT_
\t[FRAGOV 19900101-20101231]
BROKEN_ [FRAGOV 20100101-20090101]
"""
INTERNATIONAL = """# made-up bodies
LEAGUE_OF_SMALL_STATES_ [IGOLSS]
+LSS_
ORDER_OF_THE_LAMP_ [NGOHRI]
ZENDA_WIDGETS_ [MNC]
"""
ARMED = """SYLVANIAN_LIBERATION_FRONT_ [FRAREBSLF]
+SLF_
"""
AGENTS = """LAMPLIGHTER_ [~CVL]
WARDEN {WARDENS} [~COP]
CHAPLAIN_ [~CHR]
SHERIFF_ [~GOVCOP]
"""
DISCARDS = """+HOROSCOPE_
TRIVIA_NIGHT
"""
MINISTERS = """# name\taliases\tiso3\trole\tstart\tend
Marcel Dupont\tDupont\tFRA\tFM\t2000-01-01\t2005-01-01
"""


def _source(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    for key, text in (("countries", COUNTRIES), ("international", INTERNATIONAL),
                      ("armed", ARMED), ("agents", AGENTS), ("discards", DISCARDS)):
        (src / convert_oeda.FILES[key]).write_text(text, "utf-8")
    return src


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    (project / "leaders.tsv").write_text("# name\taliases\tiso3\trole\tstart\tend\n", "utf-8")
    (project / "ministers.tsv").write_text(MINISTERS, "utf-8")
    (project / "sectors.tsv").write_text("# noun\tsector\nwarden\tGOV\n", "utf-8")
    return project


def test_every_part_converts_and_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "out"
    counts = convert_oeda.convert(_source(tmp_path), out, _project(tmp_path))
    assert counts["bodies.igos.tsv"] == 1
    assert counts["transnational.groups.tsv"] == 2
    assert counts["armed.groups.tsv"] == 1
    # singular and plural; the project's own noun (warden) and a sector it lacks (CHR) left out
    assert counts["agents.sectors.tsv"] == 4
    assert counts["discards.txt"] == 2
    for name in counts:
        first = (out / name).read_text("utf-8").splitlines()[0]
        assert first.startswith("# provenance:") and "MIT" in first

    user = read_user_actors(tuple(str(out / n) for n in counts))
    assert not user.errors
    lss = user.aliases["LSS"][0]
    assert (lss.kind, lss.code) == ("igo", "IGOLSS")
    slf = user.aliases["sylvanian liberation front"][0]
    assert (slf.kind, slf.country, slf.sector, slf.code) == ("group", "FRA", "REB", "FRAREBSLF")
    assert user.aliases["order of the lamp"][0].code == "NGOHRI"
    assert user.sectors == {"lamplighter": "CVL", "lamplighters": "CVL", "sheriff": "GOV",
                            "sheriffs": "GOV"}
    assert {(d.phrase, d.story) for d in user.dictionary.discards} == {
        ("HOROSCOPE", True), ("TRIVIA NIGHT", False)}


def test_officials_are_merged_with_the_project_terms(tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert_oeda.convert(_source(tmp_path), out, _project(tmp_path))
    rows = [line.split("\t") for line in
            (out / "officials.leaders.tsv").read_text("utf-8").splitlines()
            if not line.startswith("#")]
    # The project's Dupont term first and whole; OEDA's overlapping 1990-2010 term dropped.
    dupont = [r for r in rows if r[0] == "Marcel Dupont"]
    assert dupont == [["Marcel Dupont", "Dupont", "FRA", "FM", "2000-01-01", "2005-01-01"]]
    # Firefly's office term is kept (end exclusive), his ELI period is not; the reversed
    # restriction of BROKEN is an error of the reader and no row.
    firefly = [r for r in rows if r[0] == "Rufus Firefly"]
    assert firefly == [["Rufus Firefly", "Firefly", "FRA", "GOV", "1933-01-01", "1940-01-01"]]
    assert not [r for r in rows if r[0] == "Broken"]

    gaz = read_user_actors((str(out / "officials.leaders.tsv"),))
    term = gaz.aliases["firefly"][0]
    assert term.in_office(Date(1935, 6, 1)) and not term.in_office(Date(1941, 1, 1))
