from datetime import date

import pytest

from eventwire.actors.gazetteer import case_sensitive, load_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def countries(gaz) -> set[str]:
    return {i.country for infos in gaz.aliases.values() for i in infos if i.kind == "country"}


def test_every_un_member_and_the_named_territories(gaz) -> None:
    codes = countries(gaz)
    assert len(codes) >= 196
    for iso3 in ("PSE", "XKX", "TWN", "TUR", "IND", "PAK", "SSD", "TLS"):
        assert iso3 in codes


@pytest.mark.parametrize(("alias", "iso3", "kind"), [
    ("turkey", "TUR", "country"), ("türkiye", "TUR", "country"), ("turkiye", "TUR", "country"),
    ("turkish", "TUR", "demonym"), ("indian", "IND", "demonym"), ("pakistani", "PAK", "demonym"),
    ("ankara", "TUR", "capital"), ("new delhi", "IND", "capital"), ("kremlin", "RUS", "capital"),
    ("gaza", "PSE", "country"), ("US", "USA", "country"), ("rawalpindi", "PAK", "capital"),
])
def test_names_demonyms_and_seats_of_power(gaz, alias: str, iso3: str, kind: str) -> None:
    info = gaz.lookup(alias, date(2025, 5, 26))
    assert info is not None and info.country == iso3 and info.kind == kind


def test_dated_leaders_resolve_on_the_article_date(gaz) -> None:
    nawaz = gaz.lookup("sharif", date(2015, 6, 1))
    shehbaz = gaz.lookup("sharif", date(2025, 5, 26))
    assert nawaz is not None and nawaz.name == "Nawaz Sharif" and nawaz.country == "PAK"
    assert shehbaz is not None and shehbaz.name == "Shehbaz Sharif"
    assert gaz.lookup("erdogan", date(2010, 1, 1)).start == date(2003, 3, 14)  # then PM
    assert gaz.lookup("erdogan", date(2020, 1, 1)).start == date(2014, 8, 28)  # then president
    # Between terms a leader still belongs to their country.
    between = gaz.lookup("sharif", date(2019, 1, 1))
    assert between is not None and between.country == "PAK"


def test_g20_and_named_conflict_states_have_current_leaders(gaz) -> None:
    leaders = {i.country for infos in gaz.aliases.values() for i in infos
               if i.kind == "leader" and i.end is None}
    g20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR",
           "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"}
    assert g20 | {"PAK", "IRN", "ISR", "UKR"} <= leaders


def test_acronyms_are_case_sensitive() -> None:
    assert case_sensitive("US") and case_sensitive("NATO") and case_sensitive("UAE")
    assert not case_sensitive("Turkey")
