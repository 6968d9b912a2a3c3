"""The TABARI/PETRARCH dictionary reader, on small made-up dictionaries."""

from __future__ import annotations

from datetime import date as Date
from pathlib import Path

import pytest

from eventwire.actors.tabari import (
    DatedCode,
    guess_kind,
    parse_code,
    phrase_words,
    read_actors,
    read_agents,
    read_dictionary,
    read_discards,
)

ACTORS = """\
# Fictional actors for the reader's tests
<!-- a comment block
     over two lines -->
FREEDONIA_  [FRD]   # the country
+FREEDONIAN_
+FREEDONIANS_ ; legacy comment
+REPUBLIC_OF_FREEDONIA

RUFUS_T_FIREFLY_  # a dated official
\t[FRDGOV 19330101-19341231]
\t[FRDELI]
SYLVANIA_ARMED_FORCES <!-- inline comment --> [SYLMIL]
TRENTINO_  [SYLGOV 330101-331231] [SYLELI >340101]
\t[BAD-CODE-
HAMLET_GUARD
\t[SYLMIL <19320101]
"""


def test_actors_synonyms_compounds_and_comments() -> None:
    d = read_actors(ACTORS, "my.actors")
    by_name = {a.phrases[0]: a for a in d.actors}
    assert by_name["Freedonia"].phrases == ("Freedonia", "Freedonian", "Freedonians",
                                            "Republic Of Freedonia")
    assert by_name["Freedonia"].default == "FRD"
    assert by_name["Sylvania Armed Forces"].default == "SYLMIL"  # the inline comment is gone
    assert by_name["Freedonia"].where == "my.actors:4"


def test_dated_codes() -> None:
    d = read_actors(ACTORS, "my.actors")
    firefly = next(a for a in d.actors if a.phrases[0] == "Rufus T Firefly")
    assert firefly.dated == (DatedCode("FRDGOV", Date(1933, 1, 1), Date(1934, 12, 31)),)
    assert firefly.code_on(Date(1934, 12, 31)) == "FRDGOV"  # limits are inclusive
    assert firefly.code_on(Date(1935, 1, 1)) == "FRDELI"  # the default outside them
    trentino = next(a for a in d.actors if a.phrases[0] == "Trentino")
    assert trentino.code_on(Date(1933, 6, 1)) == "SYLGOV"  # YYMMDD dates, on the phrase's line
    assert trentino.code_on(Date(1934, 1, 1)) is None  # > is after the date
    assert trentino.code_on(Date(1934, 1, 2)) == "SYLELI"
    assert trentino.code_on(None) == "SYLELI"  # undated: the restriction still open
    guard = next(a for a in d.actors if a.phrases[0] == "Hamlet Guard")
    assert guard.code_on(Date(1931, 12, 31)) == "SYLMIL" and guard.code_on(Date(1932, 1, 1)) is None


def test_a_malformed_line_names_file_and_line_and_the_rest_loads() -> None:
    d = read_actors(ACTORS, "my.actors")
    assert [str(e) for e in d.errors] == [
        "my.actors:14: unbalanced or stray text among the codes: '[BAD-CODE-'"]
    assert [a.phrases[0] for a in d.actors][-1] == "Hamlet Guard"  # read after the bad line


@pytest.mark.parametrize("text, message", [
    ("[FRD]\n", "a code with no actor phrase before it"),
    ("+ZEMBLAN\n", "a synonym (+) with no actor phrase before it"),
    ("ZEMBLA [ZMB 20200101-20190101]\n", "ends before it starts"),
    ("ZEMBLA [ZMB 20201301-20211231]\n", "is no calendar date"),
    ("ZEMBLA [ZMB 2020-2021]\n", "is not YYYYMMDD or YYMMDD"),
    ("ZEMBLA [ZMB ~2020]\n", "none of <date, >date, date-date"),
    ("ZEMBLA [Z M$]\n", "none of"),
    ("ZEMBLA [ZM$]\n", "characters a code cannot have"),
    ("ZEMBLA [ZMB] extra\n", "stray text"),
    ("ZEMBLA\n\tKING_OF_ZEMBLA\n", "holds more than codes"),
])
def test_malformed_actor_lines(text: str, message: str) -> None:
    d = read_actors(text, "z.txt")
    assert len(d.errors) == 1 and message in d.errors[0].message and d.errors[0].line >= 1


def test_null_code_and_stop() -> None:
    d = read_actors("KING_ZOG_ [---]\n---STOP---\nNEVER_READ [XXX]\n", "z.txt")
    assert [a.phrases for a in d.actors] == [("King Zog",)]
    assert d.actors[0].code_on(None) is None


def test_phrase_case() -> None:
    assert phrase_words("GRAND_FENWICK_") == "Grand Fenwick"
    assert phrase_words("ZMB") == "ZMB"  # a short acronym matches only as written
    assert phrase_words("U.N.") == "U.N."
    assert phrase_words("Grand Fenwick") == "Grand Fenwick"  # mixed case is kept


def test_parse_code_forms() -> None:
    assert parse_code("FRDGOV") == "FRDGOV"
    assert parse_code("FRDGOV <20000101") == DatedCode("FRDGOV", None, Date(1999, 12, 31))


AGENTS = """\
<!-- made-up agents -->
!PERSON! = MAN, MEN, WOMAN
TOWN_CRIER [~MED]  # a regular plural
CONSTABLE {} [~COP]
BAILIFF {BAILIFFS_OF_THE_REALM} [~JUD]
HARBOUR!PERSON! [~AGR]
GUILD_OF_ARTISANS [LAB~]
CITY_WATCH_BODY [~COP}
FERRY!SAILOR! [~BUS]
DUTY [~MIL]
"""


def test_agents() -> None:
    d = read_agents(AGENTS, "my.agents")
    by = {a.phrases[0]: a for a in d.agents}
    assert by["town crier"].phrases == ("town crier", "town criers") and by["town crier"].code == "MED"
    assert by["constable"].phrases == ("constable",)
    assert by["bailiff"].phrases == ("bailiff", "bailiffs of the realm")
    assert by["harbourman"].phrases == ("harbourman", "harbourmen", "harbourwoman")
    assert by["guild of artisans"].before and by["guild of artisans"].code == "LAB"
    assert by["duty"].phrases == ("duty", "duties")
    assert [(e.line, e.message.split(":")[0]) for e in d.errors] == [
        (8, "unbalanced or stray text among the codes"),
        (9, "substitution set !SAILOR! is not defined above")]


def test_discards() -> None:
    d = read_discards("+CROQUET TOURNAMENT_ # story\nGRAND PRIX\n+\nTEA [X]\n", "my.discards")
    assert [(x.phrase, x.story, x.whole_words) for x in d.discards] == [
        ("CROQUET TOURNAMENT", True, True), ("GRAND PRIX", False, False)]
    assert [e.line for e in d.errors] == [3, 4]
    stem = d.discards[1].pattern()
    assert stem.search("the grand prixes of Freedonia") and not stem.search("agrand prix")
    whole = d.discards[0].pattern()
    assert whole.search("a croquet  tournament.") and not whole.search("croquet tournaments")


def test_read_dictionary_guesses_the_format(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text(AGENTS, "utf-8")
    (tmp_path / "people.txt").write_text(ACTORS, "utf-8")
    (tmp_path / "x.discards.txt").write_text("GRAND PRIX\n", "utf-8")
    assert guess_kind(tmp_path / "mine.txt", AGENTS) == "agents"
    assert read_dictionary(tmp_path / "people.txt").actors
    assert read_dictionary(tmp_path / "x.discards.txt").discards
    (tmp_path / "latin.txt").write_bytes("SAN_JOS\xc9_ [CRI]\n".encode("latin-1"))
    assert read_dictionary(tmp_path / "latin.txt").actors[0].phrases == ("San José",)
