"""A user's actor files over the shipped gazetteer, on made-up actors."""

from __future__ import annotations

from datetime import date as Date
from pathlib import Path

from eventwire.actors.gazetteer import load_gazetteer
from eventwire.actors.overrides import read_user_actors, table_of, user_gazetteer

TABARI = """\
VALDORIA_ [VLD]
+VALDORIAN_
ANSELM_DRAKOVIC_  # dated official, opposition leader outside office
\t[VLDGOV 20150101-20191231]
\t[VLDOPP]
KEROVIAN_LIBERATION_FRONT [KRVREB]
LEAGUE_OF_VALDORIAN_STATES [IGOLVS]
UN [IGOVLDUN]
PAKISTANI_FRIENDS [PAKCVL]
BROKEN [VLD 2020-01]
"""


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return str(path)


def test_tabari_codes_become_entries_with_their_codes(tmp_path: Path) -> None:
    user = read_user_actors((write(tmp_path, "mine.txt", TABARI),))
    [country] = user.aliases["valdoria"]
    assert (country.kind, country.country, country.code) == ("country", "VLD", "VLD")
    office, default = user.aliases["anselm drakovic"]
    assert (office.kind, office.country, office.sector, office.code) == ("leader", "VLD", "GOV",
                                                                         "VLDGOV")
    assert office.start == Date(2015, 1, 1) and office.end == Date(2020, 1, 1)  # end exclusive
    assert (default.code, default.sector) == ("VLDOPP", "OPP")
    [front] = user.aliases["kerovian liberation front"]
    assert (front.kind, front.country, front.sector, front.name) == (
        "group", "KRV", "REB", "Kerovian Liberation Front")
    [league] = user.aliases["league of valdorian states"]
    assert (league.kind, league.country, league.code) == ("igo", None, "IGOLVS")
    [pak] = user.aliases["pakistani friends"]  # a CAMEO country code is read as its ISO3
    assert (pak.country, pak.sector) == ("PAK", "CVL")
    assert [(e.line, "is not YYYYMMDD" in e.message) for e in user.errors] == [(10, True)]


def test_the_users_entries_win_and_dates_choose_the_code(tmp_path: Path) -> None:
    gaz = user_gazetteer((write(tmp_path, "mine.txt", TABARI),))
    shipped = load_gazetteer()
    assert shipped.lookup("UN").country is None and shipped.lookup("UN").code is None
    assert gaz.lookup("UN").code == "IGOVLDUN"  # the user's entry replaces the shipped one
    assert gaz.lookup("Ankara") == shipped.lookup("Ankara")  # the rest is the shipped table
    assert gaz.lookup("Anselm Drakovic", Date(2016, 5, 1)).code == "VLDGOV"
    assert gaz.lookup("Anselm Drakovic", Date(2021, 5, 1)).code == "VLDOPP"


def test_a_later_file_comes_first_and_tables_by_name(tmp_path: Path) -> None:
    first = write(tmp_path, "a.txt", "VALDORIA_ [VLD]\n")
    second = write(tmp_path, "b.txt", "VALDORIA_ [KRV]\n")
    groups = write(tmp_path, "sahel.groups.tsv",
                   "# name\taliases\thome\tsector\tcode\n"
                   "Black Ravens\tRavens\tVLD\tREB\tVLDREBRVN\n"
                   "\tNameless\tVLD\tREB\n")
    sectors = write(tmp_path, "my.sectors.tsv", "ferryman\tBUS\nbadrow\n")
    user = read_user_actors((first, second, groups, sectors))
    assert [i.code for i in user.aliases["valdoria"]] == ["KRV", "VLD"]
    assert [(i.kind, i.country, i.code) for i in user.aliases["ravens"]] == [
        ("group", "VLD", "VLDREBRVN")]
    assert user.sectors == {"ferryman": "BUS"}
    assert sorted((Path(e.path).name, e.line) for e in user.errors) == [
        ("my.sectors.tsv", 2), ("sahel.groups.tsv", 3)]


def test_a_tsv_not_named_after_a_table_is_an_error(tmp_path: Path) -> None:
    assert table_of(Path("x/leaders.tsv")) == "leaders.tsv"
    assert table_of(Path("x/my_ministers.tsv")) == "ministers.tsv"
    assert table_of(Path("x/people.tsv")) is None
    user = read_user_actors((write(tmp_path, "people.tsv", "Valdoria\n"),))
    assert not user.aliases and "named after" in user.errors[0].message


def test_agents_and_discards_reach_the_gazetteer(tmp_path: Path) -> None:
    agents = write(tmp_path, "mine.agents.txt", "FERRY_WARDEN [~COP]\nHARBOUR_SCRIBE [~MED]\n")
    discards = write(tmp_path, "mine.discards.txt", "+CROQUET TOURNAMENT_\n")
    gaz = user_gazetteer((agents, discards))
    assert gaz.sectors["ferry warden"] == "COP"
    assert gaz.sectors["harbour scribe"] == "JRN"  # CAMEO's MED is the project's JRN
    assert [d.phrase for d in gaz.discards] == ["CROQUET TOURNAMENT"]
