from __future__ import annotations

import pytest

from eventwire.actors.countries import UnknownCountry, country_code, resolve_country


@pytest.mark.parametrize(("name", "code"), [
    ("India", "IND"), ("IND", "IND"), ("in", "IND"), ("Türkiye", "TUR"), ("Turkiye", "TUR"),
    ("turkey", "TUR"), ("Burma", "MMR"), ("Myanmar", "MMR"), ("DPRK", "PRK"), ("the US", "USA"),
    ("US", "USA"), ("Warsaw", "POL"), ("Polish", "POL"), ("Oman", "OMN"), ("Kosovo", "XKX"),
    ("  united   states ", "USA")])
def test_every_way_of_naming_a_country_gives_its_code(name: str, code: str) -> None:
    assert country_code(name) == code


def test_an_unknown_country_suggests_the_closest_names() -> None:
    with pytest.raises(UnknownCountry, match="did you mean 'türkiye'"):
        resolve_country("Türkye")
    with pytest.raises(UnknownCountry, match=r"unknown country 'Qwertyland'$"):
        resolve_country("Qwertyland")
