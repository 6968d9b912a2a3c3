"""CAMEO actor codes and parties from the tables' code columns, and on coded events."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.actors.codes import actor_code, actor_party, body_codes, code_tables
from eventwire.pipeline import Coder
from eventwire.schema import Article
from eventwire.tables import package_data


def test_country_and_sector_make_the_code_with_cameo_spellings() -> None:
    assert actor_code("USA", "GOV", None) == "USAGOV"
    assert actor_code("PAK", "MIL", "General Someone") == "PAKMIL"
    assert actor_code("XKX", "MIL", None) == "KSVMIL"  # CAMEO's Kosovo (countries.tsv)
    assert actor_code("IND", "JRN", None) == "INDMED"  # CAMEO's media (sector_codes.tsv)
    assert actor_code("RUS", None, None) == "RUS"
    assert actor_code(None, "COP", None) == "COP"
    assert actor_code(None, None, "Somebody") is None


def test_bodies_groups_and_heads_of_bodies_have_their_own_codes() -> None:
    assert actor_code(None, "IGO", "UNO") == "IGOUNO"
    assert actor_code(None, "IGO", "EUR") == "IGOEUREEC"
    assert actor_code(None, "GOV", "NATO") == "IGOWSTNAT"  # a sector of its own, same body
    assert actor_code(None, "IGO", "Mark Rutte") == "IGOWSTNAT"  # leaders.tsv: NATO's head
    assert actor_code("NLD", "GOV", "Mark Rutte") == "NLDGOV"  # ... and before, the Dutch PM
    assert actor_code("PSE", "REB", "Hamas") == "PSEREBHMS"
    assert actor_code("AFG", "REB", "Taliban") == "AFGREB"


def test_a_party_is_a_country_or_a_body() -> None:
    assert actor_party("PSE", "PSEREBHMS") == "PSE"
    assert actor_party(None, "IGOEUREEC") == "IGOEUREEC"
    assert actor_party(None, "COP") is None  # police of no known country count for no one
    assert actor_party(None, None) is None
    assert actor_party(None, "IGONRC") == "IGONRC"  # a body of a user's own codebook
    assert actor_party(None, "IGO") is None  # the sector alone names no body


def test_every_row_of_the_shipped_tables_has_a_code_and_bodies_are_unique() -> None:
    tables = code_tables()
    igo_rows = [line for line in (package_data("eventwire.actors") / "igos.tsv")
                .read_text("utf-8").splitlines() if line and not line.startswith("#")]
    assert len(body_codes()) == len(igo_rows) == len(tables.bodies)
    assert all(code.startswith("IGO") for code in tables.bodies.values())
    group_rows = [line for line in (package_data("eventwire.actors") / "groups.tsv")
                  .read_text("utf-8").splitlines() if line and not line.startswith("#")]
    assert len(tables.groups) == len(group_rows)


def test_tables_in_another_directory_give_their_own_codes(tmp_path: Path) -> None:
    shipped = package_data("eventwire.actors")
    for name in ("countries.tsv", "sector_codes.tsv", "leaders.tsv", "ministers.tsv"):
        (tmp_path / name).write_text((shipped / name).read_text("utf-8"), "utf-8")
    (tmp_path / "igos.tsv").write_text("# key\tnames\tsector\tcode\nZUN\tZorlan Union\tIGO\t\n",
                                       "utf-8")
    (tmp_path / "groups.tsv").write_text(
        "# name\taliases\thome\tsector\tcode\nRed Kite Front\tRKF\tUSA\tREB\tUSAREBRKF\n", "utf-8")
    tables = code_tables(tmp_path)
    assert actor_code(None, "IGO", "ZUN", tables) == "IGOZUN"  # no code given: IGO + key
    assert actor_code("USA", "REB", "Red Kite Front", tables) == "USAREBRKF"
    assert actor_party(None, "IGOZUN", tables) == "IGOZUN"


@pytest.mark.slow
def test_coded_events_carry_the_codes(coder: Coder) -> None:
    text = ("The European Union imposed new sanctions on Russia on Monday. "
            "Pakistani troops attacked militants near the border.")
    [(_, events)] = list(coder.code([Article(text=text, date=date(2025, 6, 10))]))
    found = {(e.source.text if e.source else None, e.source.code if e.source else None,
              e.target.code if e.target else None) for e in events}
    assert ("The European Union", "IGOEUREEC", "RUS") in found
    assert ("Pakistani troops", "PAKMIL", "REB") in found  # militants of no known country
