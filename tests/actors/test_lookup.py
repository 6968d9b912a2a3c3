"""``actors lookup``: how a name resolves, from which table and line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from eventwire.actors.lookup import lookup
from eventwire.cli import app
from eventwire.tables import package_data


def _line_of(table: str, start: str) -> int:
    lines = (package_data("eventwire.actors") / table).read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(start))


def test_a_dated_office_holder_resolves_by_term_with_its_line() -> None:
    pm = lookup("Rutte", date(2023, 1, 1))
    taken = pm["resolves_to"]
    assert (taken["country"], taken["code"], taken["party"]) == ("NLD", "NLDGOV", "NLD")
    assert taken["table"] == "leaders.tsv"
    lines = (package_data("eventwire.actors") / "leaders.tsv").read_text("utf-8").splitlines()
    assert "\tNLD\t" in lines[taken["line"] - 1] and "Mark Rutte" in lines[taken["line"] - 1]
    assert len(pm["rows"]) == 2  # the Dutch term and the NATO one
    nato = lookup("Rutte", date(2025, 1, 1))["resolves_to"]
    assert (nato["country"], nato["code"], nato["party"]) == (None, "IGOWSTNAT", "IGOWSTNAT")


def test_bodies_groups_countries_and_nouns() -> None:
    eu = lookup("the EU")
    assert eu["matched"] == "EU" and eu["resolves_to"]["code"] == "IGOEUREEC"
    assert eu["resolves_to"]["line"] == _line_of("igos.tsv", "EUR\t")
    assert eu["query_party"] == {"kind": "body", "key": "IGOEUREEC", "label": "European Union"}
    hamas = lookup("Hamas")
    assert hamas["resolves_to"]["line"] == _line_of("groups.tsv", "Hamas\t")
    assert hamas["resolves_to"]["code"] == "PSEREBHMS" and hamas["query_party"]["kind"] == "group"
    turkey = lookup("Ankara")
    assert turkey["resolves_to"]["kind"] == "capital" and turkey["resolves_to"]["code"] == "TURGOV"
    assert turkey["resolves_to"]["line"] == _line_of("countries.tsv", "TUR\t")
    police = lookup("police")
    assert police["resolves_to"] is None
    assert police["rows"] == [{"table": "sectors.tsv", "line": _line_of("sectors.tsv", "police\t"),
                               "note": "sector noun: COP", "kind": None, "country": None,
                               "sector": None, "name": None}]
    assert lookup("Zorblax Qwee")["rows"] == []


def test_the_command_prints_the_table_and_line(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["actors", "lookup", "Sharif", "--date", "2015-01-01"])
    assert res.exit_code == 0, res.output
    assert "Nawaz Sharif PAK GOV  code PAKGOV" in res.output
    assert f"leaders.tsv line {_line_of('leaders.tsv', 'Nawaz Sharif')}" in res.output
    assert "Shehbaz Sharif" in res.output  # the other rows that name him
    bad = CliRunner().invoke(app, ["actors", "lookup", "Sharif", "--date", "2015-13-01"])
    assert bad.exit_code == 2 and "not a date" in bad.output


MADE_UP = """\
ORVENNA_ [ORV]
TOMAS_KELLEVAR_  # a made-up official: in office, then out
\t[ORVGOV 20180101-20221231]
\t[ORVOPP]
"""


def test_a_users_dictionary_comes_first_with_its_file_and_line(tmp_path: Path) -> None:
    mine = tmp_path / "mine.txt"
    mine.write_text(MADE_UP, "utf-8")
    groups = tmp_path / "my.groups.tsv"
    groups.write_text("# name\taliases\thome\tsector\tcode\nHamas\tHamas\tPSE\tREB\tPSEREBXXX\n",
                      "utf-8")
    then = lookup("Tomas Kellevar", date(2020, 6, 1), actors=(str(mine),))
    assert then["resolves_to"]["code"] == "ORVGOV" and then["resolves_to"]["country"] == "ORV"
    assert [(r["table"], r["line"]) for r in then["rows"]] == [(str(mine), 2)]
    later = lookup("Tomas Kellevar", date(2024, 6, 1), actors=(str(mine),))
    assert later["resolves_to"]["code"] == "ORVOPP"
    assert lookup("Tomas Kellevar")["rows"] == []  # without the file: no one
    hamas = lookup("Hamas", actors=(str(groups),))
    assert hamas["resolves_to"]["code"] == "PSEREBXXX"  # the user's row wins
    assert hamas["resolves_to"]["table"] == str(groups) and hamas["resolves_to"]["line"] == 2
    assert [r["table"] for r in hamas["rows"]] == [str(groups), "groups.tsv"]
    res = CliRunner().invoke(app, ["actors", "lookup", "Tomas Kellevar", "--date", "2020-06-01",
                                   "--actors", str(mine)])
    assert res.exit_code == 0 and "code ORVGOV" in res.output and f"{mine}:2" in res.output
