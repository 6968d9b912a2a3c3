"""Hard constructions, pinned with sentences the project wrote. Loads the real model."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.pipeline import Coder
from eventwire.schema import Article, Event

pytestmark = pytest.mark.slow


def code(coder: Coder, text: str, on: date = date(2025, 6, 10)) -> list[Event]:
    return next(coder.code([Article(text=text, date=on)]))[1]


def triples(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.type, e.source.country if e.source else None,
             e.target.country if e.target else None) for e in events}


def test_active_voice(coder: Coder) -> None:
    assert ("ACCUSE", "CHN", "USA") in triples(code(coder, "China accused the United States of bullying."))


def test_passive_voice_agent_is_the_source(coder: Coder) -> None:
    events = code(coder, "Pakistani positions were shelled by Indian troops on Tuesday.")
    assert triples(events) == {("ASSAULT", "IND", "PAK")}
    assert events[0].source is not None and events[0].source.sector == "MIL"


def test_coordinated_subjects_each_act(coder: Coder) -> None:
    got = triples(code(coder, "Egypt and Qatar condemned Israel."))
    assert {("ACCUSE", "EGY", "ISR"), ("ACCUSE", "QAT", "ISR")} <= got


def test_reciprocal_coordination_is_one_mutual_event(coder: Coder) -> None:
    events = code(coder, "Iran and Saudi Arabia restored diplomatic relations.")
    assert triples(events) == {("SUPPORT", "IRN", "SAU")}
    assert events[0].attributes["reciprocal"] is True


def test_dateline_is_not_the_subject(coder: Coder) -> None:
    events = code(coder, "ISLAMABAD -- Police arrested two journalists on Monday.")
    assert [(e.type, e.source.text if e.source else None) for e in events] == [
        ("COERCE", "Police")]


def test_prepositional_targets(coder: Coder) -> None:
    assert ("CONSULT", "IND", "JPN") in triples(code(coder, "India held talks with Japan."))
    assert ("AID", "DEU", "UKR") in triples(
        code(coder, "Germany announced 500 million euros in military aid to Ukraine."))


def test_reported_speech_speaker_is_the_source(coder: Coder) -> None:
    got = triples(code(coder, "Erdogan said it would send humanitarian aid to Gaza."))
    assert ("AGREE", "TUR", "PSE") in got  # intended aid is AGREE


def test_denial_is_reject_never_the_denied_act(coder: Coder) -> None:
    events = code(coder, "Ankara denies sending weapons to Pakistan.")
    assert {e.type for e in events} == {"REJECT"}
    assert events[0].source is not None and events[0].source.country == "TUR"


def test_negated_cooperation_is_reject_and_negated_force_is_not_coded(coder: Coder) -> None:
    events = code(coder, "Japan did not send aid to Myanmar.")
    assert [(e.type, e.negated, e.attributes.get("denied")) for e in events] == [
        ("REJECT", True, "AID")]
    assert code(coder, "Russia did not attack Georgia.") == []


def test_intent_and_future_cooperation_become_agree(coder: Coder) -> None:
    got = code(coder, "France and Britain aim to boost defence cooperation.")
    assert {(e.type, e.modality) for e in got} == {("AGREE", "future")}
    assert ("AGREE", "IND", "USA") in triples(
        code(coder, "India will send a delegation to Washington for trade talks."))


def test_nominal_events_and_their_modifiers(coder: Coder) -> None:
    got = triples(code(coder, "Egypt condemned the Israeli strike on Gaza."))
    assert ("ASSAULT", "ISR", "PSE") in got
    assert ("ACCUSE", "EGY", "ISR") in got


def test_host_is_the_recipient_of_a_visit(coder: Coder) -> None:
    events = code(coder, "President Macron hosted Prime Minister Starmer in Paris.")
    assert triples(events) == {("CONSULT", "GBR", "FRA")}
    assert events[0].mode == "visit"


def test_request_absorbs_what_is_requested(coder: Coder) -> None:
    events = code(coder, "The United States urged Israel to allow aid into Gaza.")
    assert triples(events) == {("REQUEST", "USA", "ISR")}


def test_crowds_protest_and_governments_accuse(coder: Coder) -> None:
    assert triples(code(coder, "Thousands of Kenyans protested against the government.")) \
        == {("PROTEST", "KEN", None)}
    assert {e.type for e in code(coder, "The Japanese government protested the decision.")} \
        == {"ACCUSE"}


def test_mobilized_forces_are_the_actor_not_the_target(coder: Coder) -> None:
    assert triples(code(coder, "Russia deployed thousands of troops near the Finnish border.")) \
        == {("MOBILIZE", "RUS", "FIN")}


def test_every_event_carries_quad_cameo_intensity_and_rule(coder: Coder) -> None:
    for e in code(coder, "Russia attacked Ukraine. Ukraine thanked Poland for its aid."):
        assert e.quad in (1, 2, 3, 4) and e.cameo and e.rule
        assert -10 <= e.intensity <= 10
