"""Parties by name: countries, bodies and groups, and suggestions made from names."""

from __future__ import annotations

import pytest

from eventwire.actors.parties import (
    UnknownParty,
    close_names,
    find_party,
    looks_like_a_party,
    party_label,
    resolve_party,
)


@pytest.mark.parametrize(("name", "kind", "key"), [
    ("the EU", "body", "IGOEUREEC"), ("EU", "body", "IGOEUREEC"),
    ("European Union", "body", "IGOEUREEC"), ("IGOEUREEC", "body", "IGOEUREEC"),
    ("NATO", "body", "IGOWSTNAT"), ("nato", "body", "IGOWSTNAT"),
    ("the United Nations", "body", "IGOUNO"),
    ("Hamas", "group", "Hamas"), ("the Taliban", "group", "Taliban"),
    ("Hezbollah", "group", "Hezbollah"),
    ("Russia", "country", "RUS"), ("RUS", "country", "RUS"), ("Türkiye", "country", "TUR"),
])
def test_names_resolve_to_their_party(name: str, kind: str, key: str) -> None:
    found = resolve_party(name)
    assert (found.kind, found.key) == (kind, key)


def test_a_group_keeps_its_home_and_is_found_by_name() -> None:
    hamas = resolve_party("Hamas")
    assert hamas.country == "PSE" and not hamas.counted
    sql, params = hamas.clause("source")
    assert "source_name" in sql and "Hamas" in params
    nato = resolve_party("NATO")
    assert nato.counted and nato.clause("target") == ("target_party = ?", ["IGOWSTNAT"])


def test_suggestions_come_from_names_not_letters() -> None:
    with pytest.raises(UnknownParty) as exc:
        resolve_party("Hammas")
    assert "did you mean 'Hamas'" in str(exc.value)  # the group first, not the islands
    assert close_names("Hammas")[0] == "Hamas" and close_names("Talibn") == ["Taliban"]
    with pytest.raises(UnknownParty) as exc:
        resolve_party("EUU")
    assert "'EU'" in str(exc.value)
    for code in ("'reu'", "'ecu'", "'deu'"):  # codes are never suggested
        assert code not in str(exc.value).lower()
    assert looks_like_a_party("Pakistn") and looks_like_a_party("Hezbolah")
    assert not looks_like_a_party("police") and find_party("Erdogan") is None


def test_a_body_code_of_ones_own_is_a_body() -> None:
    # A user's dictionary may code a bloc the shipped tables lack (IGO + its letters).
    found = resolve_party("IGONRC")
    assert (found.kind, found.key, found.counted) == ("body", "IGONRC", True)
    assert find_party("Igor") is None and find_party("IGO") is None  # a name; the sector


def test_labels() -> None:
    assert party_label("IGOWSTNAT") == "NATO" and party_label("IGOEUREEC") == "European Union"
    assert party_label("RUS") == "Russia"
