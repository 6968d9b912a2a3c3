"""Constructions of international wire copy (issue 28), pinned with sentences written for these
tests (none is taken from a gold story). The learned typer is off, so a failure points at a rule."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Coder
from tests.events import test_rules
from tests.events.test_rules import code, triples

#: The rule layer's coder (the typer's model off), shared with test_rules.
coder = test_rules.coder

pytestmark = pytest.mark.slow


def test_a_counterpart_named_with_takes_part_in_a_mutual_act(coder: Coder) -> None:
    for text, pair in (("The Chilean president spoke with the Peruvian prime minister on Sunday.",
                        ("CHL", "PER")),
                       ("The talks between Chile and Peru ended on Monday.", ("CHL", "PER")),
                       ("Japan held joint drills with India in the Bay of Bengal.", ("JPN", "IND"))):
        events = [e for e in code(coder, text) if e.source and e.target]
        assert [(e.source.country, e.target.country) for e in events] == [pair], text
        assert events[0].attributes.get("reciprocal") is True, text
    # A visit stays the visitor's.
    visit = code(coder, "The Chilean president visited Lima and met with Peruvian officials.")
    assert not any(e.attributes.get("reciprocal") and e.mode == "visit" for e in visit)


def test_officials_of_one_state_are_one_side(coder: Coder) -> None:
    events = code(coder, "The Chilean foreign ministry and President Gabriel Boric offered "
                         "condolences to Peru.")
    assert not any(e.attributes.get("reciprocal") for e in events)
    assert all(not (e.source and e.target and e.source.country == e.target.country == "CHL")
               for e in events)
    # Two sides of one country still act towards each other.
    assert ("SUPPORT", "COL", "COL") in triples(code(
        coder, "Colombia's government and the FARC rebels signed a peace agreement."))


def test_a_list_of_subjects_the_parser_splits_is_one_list(coder: Coder) -> None:
    got = triples(code(coder, "Chile, Peru and Ecuador kicked off a joint naval exercise on Monday."))
    pairs = {frozenset((s, t)) for _, s, t in got}
    assert pairs == {frozenset(("CHL", "PER")), frozenset(("CHL", "ECU")),
                     frozenset(("PER", "ECU"))}


def test_recalling_their_own_envoys_is_mutual_and_a_named_host_receives(coder: Coder) -> None:
    events = code(coder, "Chile and Bolivia recalled their ambassadors on Tuesday.")
    assert [(e.type, e.source.country, e.target.country) for e in events
            if e.source and e.target] == [("SANCTION", "CHL", "BOL")]
    assert events[0].attributes.get("reciprocal") is True
    assert triples(code(coder, "Ecuador withdrew its ambassador to Mexico on Friday.")) == {
        ("SANCTION", "ECU", "MEX")}
    # Their own envoy is no recipient; a state named is, and then they are not each other's.
    assert triples(code(coder, "Canada and Australia recalled their envoys from Moscow.")) == {
        ("SANCTION", "CAN", "RUS"), ("SANCTION", "AUS", "RUS")}


def test_a_container_holding_another_act_takes_that_act(coder: Coder) -> None:
    assert triples(code(coder, "The Norwegian Red Cross launched a relief operation for "
                               "Malawi.")) == {("AID", "NOR", "MWI")}
    assert ("ASSAULT", "RUS", "UKR") in triples(code(
        coder, "Russia launched a military operation against Ukraine."))


def test_what_forces_leave_and_what_is_given_from_where(coder: Coder) -> None:
    events = code(coder, "Kenyan peacekeepers marked their withdrawal from Somalia on Friday.")
    assert [(e.type, e.source.country, e.target.country) for e in events] == [
        ("RETREAT", "KEN", "SOM")]
    assert triples(code(coder, "The withdrawal of French troops from Mali began.")) == {
        ("RETREAT", "FRA", "MLI")}
    # "from" names where the aid came from, not who got it.
    assert triples(code(coder, "Norway delivered tents to Malawi from Oslo.")) == {
        ("AID", "NOR", "MWI")}
    # What is moved is no recipient.
    assert all(e.target is None for e in code(
        coder, "The Chilean air force mobilised its C-130 aircraft for the relief effort."))


def test_senses_by_object(coder: Coder) -> None:
    assert triples(code(coder, "Ghana's foreign ministers expressed grave concern over Togo's "
                               "missile tests.")) == {("ACCUSE", "GHA", "TGO")}
    assert ("CONCEDE", "JPN", "KOR") in triples(code(
        coder, "Japan offered an apology to South Korea on Monday."))
    assert ("THREATEN", "CHN", "LTU") in triples(code(
        coder, "China will take countermeasures against Lithuania, the ministry said."))
    assert ("AID", "NOR", "MWI") in triples(code(
        coder, "Norway released 5 million dollars for Malawi on Monday."))


def test_plans_weighed_and_habits_are_no_acts(coder: Coder) -> None:
    assert code(coder, "The EU is weighing sanctions against Belarus.") == []
    assert code(coder, "Japan is considering sending troops to Sudan.") == []
    assert code(coder, "The bloc usually suspends members where the army seizes power.") == []
    # A decision stays an intention.
    assert ("THREATEN", None, "BLR") in triples(code(
        coder, "The EU decided to impose sanctions on Belarus."))


def test_what_will_happen_today_is_the_day_s_news(coder: Coder) -> None:
    assert ("COOPERATE", "CHL", "PER") in triples(code(
        coder, "Chile will hold joint naval drills with Peru today."))
    assert "COOPERATE" not in {e.type for e in code(
        coder, "Chile will hold joint naval drills with Peru next month.")}


def test_drills_with_a_partner_are_joint(coder: Coder) -> None:
    assert ("COOPERATE", "RUS", "BLR") in triples(code(
        coder, "Russian troops held drills with Belarus on Monday."))
    assert ("MOBILIZE", "RUS", None) in triples(code(
        coder, "Russian troops held drills near the border on Monday."))


def test_a_paper_does_what_its_author_does(coder: Coder) -> None:
    assert ("ACCUSE", None, "PRK") in triples(code(
        coder, "The UN Security Council adopted a statement strongly condemning North Korea's "
               "missile launch."))


def test_whose_decision_and_who_removed_whom(coder: Coder) -> None:
    assert ("SANCTION", "USA", "RUS") in triples(code(
        coder, "Moscow confirmed the US decision to expel two Russian diplomats."))
    assert ("SANCTION", "USA", "RUS") in triples(code(
        coder, "The ministry announced the expulsion of Russian diplomats from the United States."))
    # In response to another's act, the act is not the responder's.
    assert ("SANCTION", "GBR", "IRN") not in triples(code(
        coder, "In response to the expulsion of Iranian diplomats, Britain summoned the envoy."))


def test_calling_a_decision_groundless_accuses_its_author(coder: Coder) -> None:
    assert ("ACCUSE", "RUS", "USA") in triples(code(
        coder, "Russia confirmed the US decision, calling it groundless."))
