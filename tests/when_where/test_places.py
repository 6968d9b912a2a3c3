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


def test_older_names_and_names_without_diacritics_find_their_city() -> None:
    places = load_places()
    for name, country in (("Bangalore", "IND"), ("allahabad", "IND"), ("BOMBAY", "IND"),
                          ("Rangoon", "MMR"), ("Peking", "CHN"), ("Palanpur", "IND")):
        found = places.resolve_any_case(name, set())
        assert found is not None and found.country == country, name
    # a notable city's other name beats a small town that bears it ...
    calcutta = places.resolve("Calcutta", set())
    assert calcutta is not None and calcutta.country == "IND"
    # ... but not a notable city's own name ("Islamabad" is also an alternate of Chattogram)
    islamabad = places.resolve("Islamabad", set())
    assert islamabad is not None and islamabad.country == "PAK"
    # other names are read as places only where a place is expected, never as towns: the
    # alternates hold people's names
    assert "bose" not in places.spellings and "bush" not in places.spellings


def test_places_come_from_the_event_clause(coder) -> None:  # type: ignore[no-untyped-def]
    from eventwire.schema import Article

    (_, events) = next(coder.code([Article(text="Ankara said Turkish troops shelled positions "
                                                 "in Kharkiv.")]))
    located = [e.location for e in events if e.location]
    assert [(loc.name, loc.country) for loc in located] == [("Kharkiv", "UKR")]
    (_, events) = next(coder.code([Article(text="Ankara condemned Israel.")]))
    assert all(e.location is None for e in events)  # a capital as actor is no location


def test_namesakes_go_to_the_notable_city_unless_the_article_names_the_region() -> None:
    places = load_places()
    # American and Russian actors: a town of 21,000 in Illinois is not where they met
    assert places.resolve("Geneva", {"USA", "RUS"}).country == "CHE"  # type: ignore[union-attr]
    illinois = places.resolve("Geneva", {"USA"}, "Police in Geneva, Illinois, said on Monday")
    assert illinois is not None and illinois.country == "USA" and (illinois.lon or 0) < -80
    assert places.resolve("Paris", {"USA"}, "in Paris, Texas").country == "USA"  # type: ignore[union-attr]
    assert places.resolve("Paris", {"USA"}, "in Paris").country == "FRA"  # type: ignore[union-attr]


def test_talks_in_geneva_are_placed_in_switzerland(coder) -> None:  # type: ignore[no-untyped-def]
    from eventwire.schema import Article

    (_, events) = next(coder.code([Article(text="American and Russian diplomats held talks "
                                                 "in Geneva on Tuesday.")]))
    located = {(e.location.name, e.location.country) for e in events if e.location}
    assert located == {("Geneva", "CHE")}


def test_a_place_the_index_does_not_know_is_still_where(coder) -> None:  # type: ignore[no-untyped-def]
    """A district NER marks as a place beats the dateline, named without coordinates, of the
    story's state."""
    from eventwire.schema import Article

    text = ("ISLAMABAD, Nov. 20 (Reuters) - Pakistani security forces killed 12 militants in a "
            "raid in North Waziristan on Wednesday, the army said.")
    (_, events) = next(coder.code([Article(text=text)]))
    (killed,) = [e for e in events if e.type == "ASSAULT"]
    assert killed.location is not None
    assert (killed.location.name, killed.location.country, killed.location.lat) == (
        "North Waziristan", "PAK", None)
    assert (killed.location.role, killed.location.precision) == ("event", "region")
    assert killed.attributes["place_source"] == "clause"


def test_a_place_says_what_it_is() -> None:
    places = load_places()
    city = places.resolve("Islamabad", set())
    country = places.resolve_any_case("PAKISTAN", set())
    assert city is not None and (city.role, city.precision) == ("event", "city")
    assert country is not None and (country.name, country.precision) == ("Pakistan", "country")


def test_a_dateline_is_where_the_story_was_filed_not_where_the_act_happened(coder) -> None:  # type: ignore[no-untyped-def]
    """The issue's case: filed in Seoul, the act at sea. The dateline is still kept, as what
    it is; a place the sentence names is the act's, whatever the dateline."""
    from eventwire.schema import Article

    text = ("SEOUL, Oct 21 (Reuters) - North Korea fired a ballistic missile into the sea "
            "on Tuesday, the South Korean military said. Separately, Chinese and North "
            "Korean officials held talks in Beijing.")
    (_, events) = next(coder.code([Article(text=text)]))
    placed = {(e.type, e.location.name, e.location.role, e.location.precision)
              for e in events if e.location}
    fired = [p for p in placed if p[1] == "Seoul"]
    assert fired and all(p[2:] == ("dateline", "city") for p in fired)
    assert ("CONSULT", "Beijing", "event", "city") in placed


def _calls_per_event(coder, text: str) -> float:  # type: ignore[no-untyped-def]
    """Function calls (Python and spaCy's profiled Cython) made while coding ``text``, per
    event: a count of work that machine load does not disturb, unlike a clock."""
    import sys

    from eventwire.schema import Article

    calls = 0

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        ((_, events),) = coder.code([Article(text=text, id="long")])
    finally:
        sys.setprofile(None)
    assert events
    return calls / len(events)


@pytest.mark.parametrize("head, unit", [
    ("", "Turkey attacked Iran in Paris. "),  # a place with namesakes in every event
    ("MOSCOW, March 3 (Reuters) -- ",        # a dateline every event falls back on, and
     "Turkey attacked Iran. The figures are preliminary. "),  # a compact Doc's offsets
])
def test_placing_costs_the_same_per_event_however_long_the_article(  # type: ignore[no-untyped-def]
        coder, head: str, unit: str) -> None:
    # Each located event used to rebuild the article's text and search all of it (for the
    # namesakes' regions): work per event grew with the article, coding with its square.
    from eventwire.schema import Article

    list(coder.code([Article(text="Turkey attacked Iran in Paris.", id="warm-up")]))
    short = _calls_per_event(coder, head + unit * 40)
    long = _calls_per_event(coder, head + unit * 320)
    assert long < 1.3 * short, (short, long)

