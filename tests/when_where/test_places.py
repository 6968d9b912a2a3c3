from __future__ import annotations

import pytest

from eventwire.when_where.places import load_places

pytestmark = pytest.mark.slow


def test_exact_names_and_country_preference() -> None:
    places = load_places()
    isb = places.resolve("Islamabad", set())
    assert isb is not None and isb.country == "PAK" and 33 < (isb.lat or 0) < 34
    # several cities share a name: the actors' country wins, else the most populous
    assert places.resolve("Hyderabad", {"PAK"}).country == "PAK"  # type: ignore[union-attr]
    assert places.resolve("Hyderabad", set()).country == "IND"  # type: ignore[union-attr]
    assert places.resolve("Xyzzyville", set()) is None


def test_places_come_from_the_event_clause(coder) -> None:  # type: ignore[no-untyped-def]
    from eventwire.schema import Article

    (_, events) = next(coder.code([Article(text="Ankara said Turkish troops shelled positions "
                                                 "in Kharkiv.")]))
    located = [e.location for e in events if e.location]
    assert [(loc.name, loc.country) for loc in located] == [("Kharkiv", "UKR")]
    (_, events) = next(coder.code([Article(text="Ankara condemned Israel.")]))
    assert all(e.location is None for e in events)  # a capital as actor is no location
