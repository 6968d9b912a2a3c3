"""Hard constructions of the rule layer, pinned with sentences the project wrote. Loads the real
model; the learned typer is off here (its own tests are in test_typer.py), so a failure points at
a rule."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from eventwire.events.typer import typer_model
from eventwire.pipeline import Coder
from eventwire.schema import Article, Event

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def coder(coder: Coder) -> Iterator[Coder]:
    """The shared coder with the rule layer's types (the typer's model restored afterwards)."""
    with typer_model(coder.nlp, None):
        yield coder


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


@pytest.mark.parametrize(("text", "expected"), [
    ("Iran and Saudi Arabia restored diplomatic relations.", ("SUPPORT", "IRN", "SAU")),
    # an exchange is mutual whatever its object (lexicon role "mutual")
    ("Russia and Ukraine exchanged 390 prisoners on Friday.", ("RETREAT", "RUS", "UKR")),
])
def test_reciprocal_coordination_is_one_mutual_event(coder: Coder, text: str,
                                                     expected: tuple[str, str, str]) -> None:
    events = code(coder, text)
    assert triples(events) == {expected}
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


# --- recipients when no argument slot names one (coders always name a recipient) ---

def texts(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.type, e.source.text if e.source else None, e.target.text if e.target else None)
            for e in events}


def test_a_person_object_of_a_pattern_receives(coder: Coder) -> None:
    # "expel [diplomat]" is an object pattern; the diplomat is also the recipient.
    assert ("SANCTION", "RUS", "LTU") in triples(
        code(coder, "Russia expelled a Lithuanian diplomat on Monday."))
    assert ("ACCUSE", "JPN", "KOR") in triples(
        code(coder, "Japan summoned the South Korean ambassador over the remarks."))


def test_recipient_from_the_clause_when_no_slot_names_one(coder: Coder) -> None:
    got = texts(code(coder, "The Senate demanded that Prime Minister Kishida appear before it."))
    assert ("REQUEST", "The Senate", "Prime Minister Kishida") in got
    got = texts(code(coder, "Armenia declared a ceasefire in Nagorno-Karabakh on Sunday."))
    assert ("CONCEDE", "Armenia", "Nagorno-Karabakh") in got
    # "a state of emergency" is a condition, not the state as an actor
    got = texts(code(coder, "Ethiopia declared a state of emergency in Oromia on Tuesday."))
    assert [t[2] for t in got] == ["Oromia"]


def test_an_actor_in_the_clause_beats_a_thing(coder: Coder) -> None:
    events = code(coder, "The WFP suspended food deliveries in Tigray after a convoy was attacked.")
    assert any(e.type == "SANCTION" and e.target is not None and e.target.text == "Tigray"
               for e in events)
    # ... but not an actor in another clause: what was rejected is kept.
    events = code(coder, "The opposition rejected the results, claiming the commission rigged "
                          "the count.")
    assert ("REJECT", "The opposition", "the results") in texts(events)


def test_an_event_noun_in_the_verbs_phrase_is_its_purpose(coder: Coder) -> None:
    events = code(coder, "Macron will meet Scholz in Berlin next week for talks on energy.")
    assert [e.type for e in events] == ["AGREE"]  # the planned meeting; "talks" is its purpose
    events = code(coder, "Ukraine filed a complaint with the UN over the attack.")
    assert {e.type for e in events} == {"ACCUSE"}


def test_mutual_acts_over_things_and_their_denial(coder: Coder) -> None:
    assert triples(code(coder, "Chile and Peru failed to reach agreement on the border.")) == {
        ("REJECT", "CHL", "PER")}
    got = triples(code(coder, "Serbian and Hungarian police raided two warehouses near the border."))
    assert ("COERCE", "SRB", "HUN") not in got and ("ASSAULT", "SRB", "HUN") not in got


def test_background_events_and_side_prefixes_are_not_the_act(coder: Coder) -> None:
    # The rally and the protest are where the arrests happened, not acts of the police, and a
    # "pro-Navalny" rally is not held by Navalny.
    for text in ("Police detained 40 people at a pro-Navalny rally in Moscow.",
                 "Police arrested 12 journalists during a protest by reporters in Algiers."):
        assert [e.type for e in code(coder, text)] == ["COERCE"]


def test_workers_strike_is_a_protest_and_jets_strike_is_an_assault(coder: Coder) -> None:
    strike = code(coder, "Nurses went on strike in Nairobi on Monday.")
    assert [(e.type, e.source.sector if e.source else None) for e in strike] == [("PROTEST", "MED")]
    jets = code(coder, "Israeli jets struck Hamas positions in Gaza.")
    assert [e.type for e in jets] == ["ASSAULT"]


def test_without_an_agent_the_state_where_it_happened_acts(coder: Coder) -> None:
    got = triples(code(coder, "Two American inspectors were expelled from North Korea."))
    assert got == {("SANCTION", "PRK", "USA")}
    events = code(coder, "Opposition leader Victoire Ingabire was arrested in Rwanda on Monday.")
    assert [(e.type, e.source.country if e.source else None) for e in events] == [("COERCE", "RWA")]


def test_the_holder_of_a_commitment_acts(coder: Coder) -> None:
    got = texts(code(coder, "The Nigerian Air Force reiterated its commitment to support the "
                            "Nigeria Police."))
    assert ("SUPPORT", "The Nigerian Air Force", "the Nigeria Police") in got


@pytest.mark.parametrize(("text", "expected"), [
    ("A Kenyan court found the former minister guilty of corruption.", "ACCUSE"),  # convict
    ("The militants held thousands of civilians as human shields in the city.", "ASSAULT"),
    ("Poland opened its borders to refugees from Ukraine.", "AID"),  # PLOVER: asylum is aid
    ("Turkey opened its airspace to Russian planes.", "RETREAT"),  # allowing entry
    ("Japan gave medical equipment to Nepal.", "AID"),
])
def test_plover_acts_written_without_their_usual_verb(coder: Coder, text: str, expected: str) -> None:
    assert [e.type for e in code(coder, text)] == [expected]


def test_coordinated_national_modifiers_are_two_actors(coder: Coder) -> None:
    events = code(coder, "US and British troops attacked the town.")
    assert {(e.source.country, e.source.sector) for e in events if e.source} == {
        ("USA", "MIL"), ("GBR", "MIL")}
    assert triples(code(coder, "Russia and Turkey's foreign ministers met briefly today.")) == {
        ("CONSULT", "RUS", "TUR")}


def test_releasing_a_statement_is_no_release(coder: Coder) -> None:
    events = code(coder, "Egypt and Jordan released a joint statement on Gaza.")
    assert all(e.type not in ("RETREAT", "CONCEDE") for e in events)


def test_coordinated_verbs_are_events_of_their_own(coder: Coder) -> None:
    got = texts(code(coder, "Beijing condemned the tariffs and accused Washington of protectionism."))
    # The second verb is reported with its own recipient; the first keeps what it condemned
    # rather than borrowing the second verb's recipient.
    assert got == {("ACCUSE", "Beijing", "the tariffs"), ("ACCUSE", "Beijing", "Washington")}


def test_last_resort_actors_lower_the_confidence(coder: Coder) -> None:
    slot = code(coder, "Armenia declared a ceasefire with Azerbaijan on Sunday.")
    clause = code(coder, "Armenia declared a ceasefire in Nagorno-Karabakh on Sunday.")
    assert "recipient:clause" in clause[0].rule and "recipient:clause" not in slot[0].rule
    assert clause[0].confidence < slot[0].confidence


def test_an_intended_retreat_is_agree_as_the_cameo_table_says(coder: Coder) -> None:
    events = code(coder, "Russia will withdraw its troops from Syria.")
    assert [(e.type, e.attributes.get("intended")) for e in events] == [("AGREE", "RETREAT")]
    assert "future:RETREAT>AGREE" in events[0].rule


def test_agentless_arrests_are_made_by_the_police(coder: Coder) -> None:
    (event,) = code(coder, "Five activists were arrested on Monday.")
    assert (event.type, event.source.sector, event.attributes.get("implied_source")) == (
        "COERCE", "COP", "police")
    assert "source:implied-police" in event.rule and event.confidence < 0.75
    # A state named as the place still acts; named police are not implied.
    (state,) = code(coder, "Victoire Ingabire was arrested in Rwanda.")
    assert (state.source.country, state.source.sector) == ("RWA", "GOV")
    (named,) = code(coder, "Police arrested five activists in Mumbai.")
    assert named.source.text == "Police" and "implied_source" not in named.attributes
    # Other agentless acts get no implied actor.
    assert not [e for e in code(coder, "Two embassies were closed on Monday.")
                if e.source is not None and e.source.sector == "COP"]
    # Deportations are an enforcement act too.
    (deported,) = code(coder, "Forty migrants were deported on Tuesday.")
    assert (deported.type, deported.mode, deported.source.sector) == ("COERCE", "deport", "COP")


@pytest.mark.parametrize(("text", "kind"), [
    ("Police booked the landlord for fraud on Friday.", ("COERCE", "arrest")),
    ("The police registered a case against the contractor.", ("ACCUSE", "allege")),
    ("Soldiers recovered three rifles and a cache of grenades.", ("COERCE", "seize")),
    ("Police intercepted the marchers before the bridge.", ("COERCE", "restrict")),
    ("The army sealed the border after the raid.", ("COERCE", "restrict")),
    ("Security personnel sealed off the old quarter after the clashes.", ("COERCE", "restrict")),
    ("The police imposed prohibitory orders in the district.", ("COERCE", "restrict")),
    ("The marchers were chased away by the police.", ("ASSAULT", "crowd-control")),
    ("Armed policemen were posted at the gates of the court.", ("MOBILIZE", "police")),
    ("The gendarmerie conducted a flag march through the old town.", ("MOBILIZE", "troops")),
    ("Four companies of paramilitary forces have been rushed to the district.",
     ("MOBILIZE", "troops")),
    ("The state has requisitioned five more companies of the reserve police.",
     ("MOBILIZE", "police")),
])
def test_legal_action_seizures_and_stops(coder: Coder, text: str, kind: tuple[str, str]) -> None:
    """CAMEO 17 (arrest, detain or charge; seize; restrict movement) and 11 (legal action)."""
    assert kind in {(e.type, e.mode) for e in code(coder, text)}, code(coder, text)


def test_booking_a_ticket_is_no_arrest(coder: Coder) -> None:
    assert all(e.type != "COERCE"
               for e in code(coder, "The foreign minister booked a flight to Geneva."))


@pytest.mark.parametrize("text", [
    "A spokesman for the Kenyan government declined to comment on the report.",
    "Officials in Ankara refused to say whether the envoy would return.",
    "The Egyptian foreign minister spoke to reporters in Cairo on Sunday.",
])
def test_statements_to_or_withheld_from_the_press_are_no_events(coder: Coder, text: str) -> None:
    """CAMEO 01 (public statements, 012 "decline comment") has no PLOVER type."""
    assert not code(coder, text)


def test_refusing_an_act_is_still_a_rejection(coder: Coder) -> None:
    assert {e.type for e in code(coder, "Iran refused to release the British tanker.")} \
        == {"REJECT"}


def test_an_implied_arrest_needs_someone_arrested(coder: Coder) -> None:
    """A counted group is arrested; a thing "captured" on camera is no arrest."""
    (event,) = code(coder, "Later that night about a dozen looters were nabbed near the market.")
    assert (event.type, event.mode, event.source.sector) == ("COERCE", "arrest", "COP")
    assert not code(coder, "The whole scene was captured on camera by a neighbour.")


def test_police_moved_are_a_police_mobilization(coder: Coder) -> None:
    (sent,) = code(coder, "The Kenyan government deployed 500 policemen in the capital.")
    assert (sent.type, sent.mode, sent.source.sector) == ("MOBILIZE", "police", "GOV")
    assert sent.attributes["forces"] == ["COP"]
    # A unit of a named force is that force; with no other actor the forces themselves act.
    (unit,) = code(coder, "Two companies of the Central Reserve Police Force were deployed in "
                          "the valley.")
    assert (unit.source.country, unit.source.sector, unit.mode) == ("IND", "COP", "police")
    (troops,) = code(coder, "Russia deployed thousands of troops near the Finnish border.")
    assert troops.mode == "troops" and troops.attributes["forces"] == ["MIL"]


@pytest.mark.parametrize("text", [
    "Security was tightened at the airport after the bomb threat.",
    "Security was stepped up around the stadium ahead of the final.",
    "Security was enhanced across the province after the bombing.",
    "A close watch is being kept on the border crossings.",
])
def test_tightened_security_is_the_police_raising_their_alert(coder: Coder, text: str) -> None:
    (event,) = code(coder, text)
    assert (event.type, event.mode, event.source.sector) == ("MOBILIZE", "police", "COP")
    assert "source:implied-police" in event.rule


def test_a_passive_infinitive_takes_its_controller_as_what_it_moves(coder: Coder) -> None:
    """"Extra police continue to be deployed": the police are the forces moved."""
    (event,) = code(coder, "Extra police continue to be deployed around the stadium.")
    assert (event.type, event.mode, event.source.sector) == ("MOBILIZE", "police", "COP")


def test_suspects_taken_into_custody_are_arrested_by_the_police(coder: Coder) -> None:
    (event,) = code(coder, "A spokesman said the suspects were taken into custody on Monday.")
    assert (event.type, event.mode, event.source.sector) == ("COERCE", "arrest", "COP")


def assault_by(events: list[Event], sector: str) -> bool:
    """Some event is an ASSAULT whose source is of ``sector``."""
    return any(e.type == "ASSAULT" and e.source is not None and e.source.sector == sector
               for e in events)


@pytest.mark.parametrize("text", [
    # the parser hangs "wounded" on "others": the when-clause is still found
    "Two marchers were killed and four others wounded when soldiers fired on the procession in "
    "the town square.",
    # a subordinate act whose own clause names its cause's actor is no long-chain guess
    "While three villagers were wounded in army shelling, the others were evacuated by the "
    "rescue teams.",
    # the act is the clause's infinitive ("had to open fire")
    "Four villagers were wounded when the troops had to open fire on the crowd.",
], ids=["coordinated-victim", "subordinate-cause", "had-to"])
def test_the_cause_named_in_the_clause_did_it(coder: Coder, text: str) -> None:
    assert assault_by(code(coder, text), "MIL"), code(coder, text)


@pytest.mark.parametrize("text", [
    "The riot police were forced to fire tear gas at the crowd.",
    "Stone throwing outside the station prompted the police to open fire in the air.",
])
def test_whoever_is_made_to_act_acts(coder: Coder, text: str) -> None:
    """Object control, active or passive: the one forced or prompted to fire is the one firing."""
    assert assault_by(code(coder, text), "COP"), code(coder, text)


@pytest.mark.parametrize("text", [
    "Heavy police firing in the old market left three dead on Sunday.",
    "Officials said three of the deaths were due to police firing on the marchers.",
])
def test_a_firing_counts_the_dead_of_the_clause_it_sits_in(coder: Coder, text: str) -> None:
    """A gerund used as a noun ("police firing") is counted with its clause's toll."""
    (event,) = [e for e in code(coder, text) if e.type == "ASSAULT"]
    assert {"kind": "killed", "value": 3.0} in [
        {k: a[k] for k in ("kind", "value")} for a in event.attributes["amounts"]], event


@pytest.mark.parametrize(("text", "mode"), [
    ("Riot police dispersed the demonstrators with batons.", "crowd-control"),
    ("Police fired to scatter the crowd outside the station.", "firearms"),
    ("Police guarding the station returned fire.", "firearms"),
    ("Police fired tear gas at the protesters.", "crowd-control"),
    ("The police used a lathi charge against the crowd.", "crowd-control"),
    ("Police fired twelve rounds in the air.", "firearms"),
])
def test_crowd_control_and_firing_by_police(coder: Coder, text: str, mode: str) -> None:
    assert any((e.type, e.mode, e.source.sector) == ("ASSAULT", mode, "COP")
               for e in code(coder, text) if e.source), code(coder, text)


def test_a_verb_coordinated_with_the_main_verb_is_a_main_act(coder: Coder) -> None:
    events = code(coder, "The police fired fifty rounds and arrested a hundred people.")
    assert {(e.type, e.source.sector) for e in events if e.source} >= {
        ("ASSAULT", "COP"), ("COERCE", "COP")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Georgian rebels received weapons from Russia.", ("AID", "RUS", "GEO")),
    ("Armenia received assurances from France.", ("AGREE", "FRA", "ARM")),
    ("Pakistan received criticism from India.", ("ACCUSE", "IND", "PAK")),
])
def test_converse_verbs_make_the_giver_the_actor(coder: Coder, text: str,
                                                 expected: tuple[str, str, str]) -> None:
    assert triples(code(coder, text)) == {expected}


def test_a_converse_act_without_a_giver_has_no_actor(coder: Coder) -> None:
    assert code(coder, "Pakistan received criticism.") == []


@pytest.mark.parametrize("text", [
    "Ankara enjoys warm relations with Baku.",
    "India and Russia have close ties.",
    "Officials try to estimate the damage.",
])
def test_states_of_affairs_and_attempts_are_not_acts(coder: Coder, text: str) -> None:
    assert code(coder, text) == []


def test_acts_on_relations_and_trials_are_still_coded(coder: Coder) -> None:
    assert ("SUPPORT", "TUR", "ISR") in triples(code(coder, "Turkey restored relations with Israel."))
    assert ("SANCTION", "FRA", "MLI") in triples(code(coder, "France cut ties with Mali."))
    assert [e.type for e in code(coder, "The court will try the former minister.")] == ["ACCUSE"]


def test_parties_meeting_somewhere_meet_each_other_not_the_place(coder: Coder) -> None:
    got = triples(code(coder, "Kenya, Uganda and Tanzania met in Arusha on Friday."))
    pairs = {frozenset((s, t)) for kind, s, t in got if kind == "CONSULT"}
    assert pairs == {frozenset(p) for p in (("KEN", "UGA"), ("KEN", "TZA"), ("UGA", "TZA"))}


@pytest.mark.parametrize("text", ["France will deliver howitzers to Lithuania.",
                                  "France delivered howitzers to Lithuania."])
def test_what_is_given_is_no_recipient_the_goal_is(coder: Coder, text: str) -> None:
    assert {t for _, _, t in triples(code(coder, text))} == {"LTU"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Canada announced a package of sanctions against Iran.", "SANCTION|COERCE"),
    ("Brazil announced a new aid package for Bolivia.", "AID"),
    ("Russia held naval drills near the coast of Norway.", "MOBILIZE"),  # one country's drills
    ("Russia and China held joint naval drills in the Sea of Japan.", "COOPERATE"),
    ("Greece presented evidence of Turkey's involvement in the smuggling.", "ACCUSE"),
])
def test_what_a_noun_phrase_does(coder: Coder, text: str, expected: str) -> None:
    events = code(coder, text)
    assert events and all(e.type in expected.split("|") for e in events)


def test_whoever_is_under_pressure_receives_it(coder: Coder) -> None:
    got = triples(code(coder, "Serbia came under pressure from Germany to recognise the vote."))
    assert ("REQUEST", "DEU", "SRB") in got


def test_an_act_named_as_a_topic_is_not_the_speakers(coder: Coder) -> None:
    # The speaker raised concerns about the detention; Ugandan police made it.
    events = code(coder, "The Swedish minister raised concerns about the detention of "
                         "journalists in Kampala.")
    detention = [e for e in events if e.trigger.text == "detention"]
    assert detention and detention[0].source is not None
    assert (detention[0].source.sector, detention[0].source.country) == ("COP", "UGA")


def test_a_word_of_a_bodys_name_is_no_act(coder: Coder) -> None:
    events = code(coder, "The UN Assistance Mission in Somalia condemned the bombing in "
                         "Mogadishu.")
    assert "AID" not in {e.type for e in events}


def test_the_act_a_pattern_names_is_not_its_recipient(coder: Coder) -> None:
    events = code(coder, "The Canadian minister reaffirmed Canadian support for Ukraine.")
    assert {(e.type, e.target.country if e.target else None) for e in events} == {
        ("SUPPORT", "UKR")}


def test_a_passive_verb_coordinated_with_another_shares_its_subject(coder: Coder) -> None:
    events = code(coder, "Kenya's president arrived in Kampala and was welcomed by Uganda's "
                         "president.")
    welcomed = [e for e in events if e.trigger.text == "welcomed"]
    assert welcomed and (welcomed[0].source.country, welcomed[0].target.country) == (
        "UGA", "KEN")


def test_a_name_the_parser_made_the_root_is_its_verbs_subject(coder: Coder) -> None:
    # The small parser reads "called" as a participle hanging on "Turkey".
    got = triples(code(coder, "Turkey, which hosted the last round, called on Sudan to "
                              "resume the talks."))
    assert ("REQUEST", "TUR", "SDN") in got


def test_a_possessor_owns_a_body_named_after_another_country(coder: Coder) -> None:
    events = code(coder, "China's Taiwan Affairs Office accused Taipei of provocations.")
    assert [e.source.country for e in events if e.source] == ["CHN"]


def test_under_attack_from_someone_named_on_the_verb(coder: Coder) -> None:
    got = triples(code(coder, "The Malian convoy came under attack on Monday from Burkinabe "
                              "militants."))
    assert ("ASSAULT", "BFA", "MLI") in got


def test_where_a_pattern_object_is_does_not_receive_it(coder: Coder) -> None:
    events = code(coder, "The government of Lithuania closed the Belarusian consulate in "
                         "Klaipeda on Monday.")
    assert {(e.type, e.target.country if e.target else None) for e in events} == {
        ("SANCTION", "BLR")}


def test_a_threat_to_retaliate(coder: Coder) -> None:
    got = triples(code(coder, "Iran said it would retaliate against Israel."))
    assert ("THREATEN", "IRN", "ISR") in got


@pytest.mark.parametrize(("text", "kinds"), [
    ("The court ordered a day-to-day hearing of the case.", set()),
    ("The court ordered the arrest of the two ministers.", {("COERCE", "arrest")}),
    ("Police ordered all shops closed in the old city.", {("COERCE", "restrict")}),
])
def test_an_order_coerces_someone_or_names_the_act(coder: Coder, text: str,
                                                   kinds: set[tuple[str, str]]) -> None:
    assert {(e.type, e.mode) for e in code(coder, text)} == kinds


def test_returning_to_normal_is_no_release(coder: Coder) -> None:
    assert not code(coder, "Officials said the state was returning to normal after the riots.")


def test_forces_called_in_are_moved_not_received(coder: Coder) -> None:
    """CAMEO 15: the army called in to keep order is a mobilization; the forces are what moved
    (``attributes.forces``), not its recipient."""
    (event,) = code(coder, "The state government called in the army after the riots.")
    assert (event.type, event.target, event.attributes.get("forces")) == ("MOBILIZE", None, ["MIL"])


def test_a_participle_after_its_noun_is_a_passive_done_to_the_noun(coder: Coder) -> None:
    """"The 51 people arrested on Friday": a reduced relative clause; the noun was arrested,
    and with no agent named the police did it, even inside another clause."""
    (event,) = code(coder, "He said the 32 traders arrested on Friday had been released on bail.")
    assert (event.type, event.mode, event.source.sector) == ("COERCE", "arrest", "COP")
    assert event.target.text == "the 32 traders" and "source:implied-police" in event.rule
    (moved,) = code(coder, "The crowd dodged the paramilitary troops posted at the bridge.")
    assert (moved.type, moved.source.sector) == ("MOBILIZE", "MIL")
    # Named agents still act.
    (agent,) = code(coder, "The 12 men arrested by the border police were questioned.")
    assert agent.source.text == "the border police"


def test_picking_up_or_holding_people_is_detaining_them(coder: Coder) -> None:
    """The @people object class: the verb is an arrest only when people are picked up or held."""
    (picked,) = code(coder, "Ten youths were picked up by the police from the old city.")
    assert (picked.type, picked.mode, picked.source.text) == ("COERCE", "arrest", "the police")
    (held,) = code(coder, "Forty people were held after the clashes.")
    assert (held.type, held.mode, held.source.sector) == ("COERCE", "arrest", "COP")
    assert not code(coder, "He picked up the phone on Monday.")
    assert not code(coder, "The meeting was held in the district headquarters.")
    assert not [e for e in code(coder, "The opposition held the government responsible.")
                if e.mode == "arrest"]
    (hostage,) = code(coder, "The gunmen held three engineers hostage.")
    assert (hostage.type, hostage.mode) == ("ASSAULT", "abduct")


def test_escorts_are_protection_and_recovered_loot_is_seized(coder: Coder) -> None:
    (escort,) = code(coder, "Police escorted the pilgrims to the railway station.")
    assert (escort.type, escort.source.sector, escort.target.text) == ("AID", "COP", "the pilgrims")
    (seized,) = code(coder, "The police recovered stolen jewellery and cash from the accused.")
    assert (seized.type, seized.mode) == ("COERCE", "seize")


def test_south_asian_protest_words(coder: Coder) -> None:
    """A bandh is a general strike, a dharna a sit-in, a gherao the encircling of an official
    (a verb the lemmatizer does not know: "gheraoed" is read as "gherao")."""
    (bandh,) = code(coder, "The VHP called a bandh on Friday.")
    assert (bandh.type, bandh.mode, bandh.source.text) == ("PROTEST", "strike", "The VHP")
    (dharna,) = code(coder, "Activists staged a dharna outside the collectorate.")
    assert dharna.type == "PROTEST"
    (gherao,) = code(coder, "Students gheraoed the vice-chancellor for three hours.")
    assert (gherao.type, gherao.mode, gherao.source.text) == ("PROTEST", "obstruct", "Students")


def test_a_body_is_not_detained_and_a_demanded_probe_has_not_happened(coder: Coder) -> None:
    """A meeting or an assembly is held, not detained; "demanded a CBI probe" is a request
    whose probe is only asked for, though it names its own actor."""
    assert not code(coder, "The sabha was held in Lucknow on Thursday.")
    assert not [e for e in code(coder, "The meeting of the teachers' association, held on Friday, "
                                       "condemned the attack.") if e.mode == "arrest"]
    (demand,) = code(coder, "The activists demanded a CBI probe into the violence.")
    assert (demand.type, demand.source.text) == ("REQUEST", "The activists")


def test_nobody_arrested_and_a_likely_arrest_are_no_arrests(coder: Coder) -> None:
    assert not code(coder, "Not a single activist of the party has been arrested so far.")
    assert not code(coder, "None of the accused was arrested.")
    assert not [e for e in code(coder, "The leaders are likely to be arrested on Friday.")
                if e.type == "COERCE"]


def test_firing_to_disperse_a_crowd_is_crowd_control_against_the_crowd(coder: Coder) -> None:
    """A force act's purpose clause of the same type says what it was and whom it hit
    (PLOVER: firing weapons in the air is crowd control)."""
    (event,) = code(coder, "The police fired ten rounds in the air to disperse the crowd.")
    assert (event.type, event.mode, event.target.text) == ("ASSAULT", "crowd-control", "the crowd")


def test_arson_is_assault_and_a_burnt_effigy_a_protest(coder: Coder) -> None:
    ablaze, *_ = code(coder, "Miscreants also set ablaze houses and shops on Monday.")
    (fire,) = code(coder, "A mob set fire to two buses near the station.")
    (burnt,) = code(coder, "Rioters burnt 20 shops in the old city.")
    assert {(e.type, e.mode) for e in (ablaze, fire, burnt)} == {("ASSAULT", "primitive")}
    (effigy,) = code(coder, "Protesters burnt an effigy of the minister.")
    assert effigy.type == "PROTEST"
    (flayed,) = code(coder, "The opposition flayed the government for its failure.")
    assert (flayed.type, flayed.target.text) == ("ACCUSE", "the government")


def test_only_forces_do_what_only_the_police_do(coder: Coder) -> None:
    """A pronoun with no force as antecedent, doing an arrest or crowd control just after the
    police were named, is the police; rebels named before are not taken for them."""
    (arrest,) = code(coder, "The police reached the spot in the evening. They arrested five youths.")
    assert (arrest.source.text, arrest.source.sector) == ("They", "COP")
    assert "source:police-act-referent" in arrest.rule
    assert not [e for e in code(coder, "The rebels attacked the town. They arrested five "
                                       "officials.") if e.source and e.source.sector == "COP"]


def test_what_a_comparison_names_is_no_recipient(coder: Coder) -> None:
    events = code(coder, "If the violence goes on, we will end up in a situation similar to "
                         "Bosnia, he warned on Monday.")
    assert not [e for e in events if e.target is not None and e.target.text == "Bosnia"]


def test_an_assurance_of_what_will_be_done_is_a_promise(coder: Coder) -> None:
    (promise,) = code(coder, "The minister assured the farmers' union that the government would "
                             "waive the loans.")
    assert (promise.type, "promise:SUPPORT>AGREE" in promise.rule) == ("AGREE", True)
    (support,) = code(coder, "The minister assured the delegation of full support.")
    assert support.type == "SUPPORT"


def test_an_act_conditioned_on_what_is_to_come_did_not_happen(coder: Coder) -> None:
    """The act of an open condition is no event; a threat is made to whoever the condition
    names, unless the verb names whom it warns."""
    assert not code(coder, "Opposition leaders said protests would spread across the state if "
                           "the police arrested their chief.")
    (warning,) = code(coder, "The union warned that workers would go on strike if the company "
                             "dismissed the organisers.")
    assert (warning.type, warning.target.text) == ("THREATEN", "the company")
    assert "recipient:condition" in warning.rule
    assert triples(code(coder, "Hamas threatened to fire rockets if Israel stormed the "
                               "mosque.")) == {("THREATEN", "PSE", "ISR")}
    assert triples(code(coder, "Iran warned Israel that it would retaliate if its embassy was "
                               "attacked again.")) == {("THREATEN", "IRN", "ISR")}


def test_what_was_not_intended_or_not_joined_did_not_happen(coder: Coder) -> None:
    assert not code(coder, "The party did not wish to oppose the strike.")
    assert not code(coder, "Turkey did not reject the proposal.")
    assert not code(coder, "The city unit did not participate in the bandh.")
    assert not code(coder, "Russia did not take part in the talks in Geneva.")
    # A response not given denies the response, and the request is not the junta's own.
    assert not code(coder, "The junta did not respond to the request.")


def test_what_is_needed_was_not_given_and_what_is_won_was(coder: Coder) -> None:
    assert not code(coder, "The government still needs the support of twenty legislators.")
    assert triples(code(coder, "Pakistan secured a loan from China.")) == {("AID", "CHN", "PAK")}


def test_the_guest_received_on_a_day_is_the_guest(coder: Coder) -> None:
    (visit,) = code(coder, "The president received the Japanese envoy in Delhi on Friday.")
    assert (visit.type, visit.source.country, visit.target.text) == (
        "CONSULT", "JPN", "The president")


def test_a_town_is_where_not_whom(coder: Coder) -> None:
    """A town of the actors' own state receives nothing; force used in a town of another state
    is used against that state."""
    (rally,) = code(coder, "The VHP organised a protest rally in Mumbai.")
    assert (rally.type, rally.target) == ("PROTEST", None)
    assert triples(code(coder, "Russian jets bombed targets in Aleppo.")) == {
        ("ASSAULT", "RUS", "SYR")}


def test_a_curfew_is_imposed_by_the_government_of_the_place(coder: Coder) -> None:
    (curfew,) = code(coder, "A curfew was imposed in Lahore after clashes on Monday.")
    assert (curfew.type, curfew.mode, curfew.source.country, curfew.source.sector) == (
        "COERCE", "curfew", "PAK", "GOV")
    assert curfew.attributes["implied_source"] == "government"
    assert not code(coder, "Curfew remained in force in the old city.")  # how things are


def test_forces_moved_in_the_passive(coder: Coder) -> None:
    (moved,) = code(coder, "Additional forces have been rushed to the town.")
    assert (moved.type, moved.attributes.get("forces")) == ("MOBILIZE", ["MIL"])


def test_stones_strikes_and_the_press(coder: Coder) -> None:
    (stones,) = code(coder, "Youths hurled stones at the police.")
    assert (stones.type, stones.mode, stones.target.sector) == ("ASSAULT", "primitive", "COP")
    (strike,) = code(coder, "The unions called a strike on Monday.")
    assert (strike.type, strike.mode) == ("PROTEST", "strike")
    assert not code(coder, "Talking to mediapersons, the chief minister said the situation was "
                           "under control.")


def test_who_is_no_visitor_and_what_is_no_offer(coder: Coder) -> None:
    """Pilgrims make no visit between parties, received reports are no guests, prayers are no
    offer, and a town is no source; a delegation's visit and a visit abroad are."""
    assert not code(coder, "Nearly 40,000 people had already visited Ayodhya.")
    assert not code(coder, "The agency received several reports of violence.")
    assert not code(coder, "Devotees offered prayers at the temple.")
    assert not code(coder, "A phone call from Ayodhya informed the aide.")
    (delegation,) = code(coder, "A delegation of farmers visited the minister.")
    assert (delegation.type, delegation.target.text) == ("CONSULT", "the minister")
    assert triples(code(coder, "Modi visited Lahore on Monday.")) == {("CONSULT", "IND", "PAK")}


def test_a_common_noun_is_no_town(coder: Coder) -> None:
    """"Police" is also a town in Poland, "Posse" one in Brazil: a common noun is never read as
    a place, nor a name NER does not take for one unless it is a large city."""
    (fired,) = code(coder, "At Savali village, the police fired in the air on Sunday.")
    assert fired.source is not None and fired.source.sector == "COP"
    (posted,) = code(coder, "Posse of policemen were deployed in sensitive areas.")
    assert posted.source is not None and posted.source.sector == "COP"


def test_a_motion_or_notice_against_someone_accuses_them(coder: Coder) -> None:
    (motion,) = code(coder, "The opposition moved a no-confidence motion against the government.")
    assert (motion.type, motion.target.text) == ("ACCUSE", "the government")
    (notice,) = code(coder, "The union served a legal notice against the company.")
    assert (notice.type, notice.target.text) == ("ACCUSE", "the company")


def test_what_an_act_is_called_is_no_act(coder: Coder) -> None:
    """A verb with an object predicate says what the object was: its subject did not do it
    (calling it treasonous or shameful condemns it: the only act is the accusation)."""
    assert {e.type for e in code(coder, 'President William Ruto called the protests '
                                        '"treasonous".')} == {"ACCUSE"}
    assert {e.type for e in code(coder, "Describing the attack on the train as shameful, the "
                                        "minister left.")} <= {"ACCUSE"}


def test_an_appeal_to_no_one_named_goes_to_the_story(coder: Coder) -> None:
    text = ("NAIROBI, June 25 (AP) - Kenyan police fired tear gas at protesters in Nairobi. "
            "The United States and Britain urged restraint.")
    appeals = [e for e in code(coder, text) if e.type == "REQUEST"]
    assert {(e.source.country, e.target.country) for e in appeals} == {("USA", "KEN"),
                                                                        ("GBR", "KEN")}
    assert all(e.attributes["inferred_recipient"] == "article-dateline" for e in appeals)


def test_an_act_told_before_is_aimed_at_its_actor(coder: Coder) -> None:
    """"the strikes", "the attack" with no actor of their own point back to the last such act:
    condemning them is aimed at whoever did it."""
    text = ("BEIRUT, Oct. 2 (Reuters) - Israeli warplanes struck several villages in southern "
            "Lebanon on Wednesday. Hezbollah fired rockets at northern Israel. Lebanese Prime "
            "Minister Najib Mikati condemned the strikes.")
    (condemned,) = [e for e in code(coder, text) if e.type == "ACCUSE"]
    assert (condemned.source.country, condemned.target.country) == ("LBN", "ISR")
    assert "recipient:earlier-act" in condemned.rule
    # Without an act told before, the thing condemned stays the recipient.
    (alone,) = code(coder, "The government condemned the attack on the embassy.")
    assert alone.target.text == "the embassy"



def test_units_and_people_the_copy_names(coder: Coder) -> None:
    """A police company is police, not a firm; intellectuals are people one meets."""
    (moved,) = code(coder, "A state reserve police company has also been requisitioned.")
    assert (moved.type, moved.attributes.get("forces")) == ("MOBILIZE", ["COP"])
    (met,) = code(coder, "The Delhi police held meetings with intellectuals on Sunday.")
    assert (met.type, met.target.text) == ("CONSULT", "intellectuals")



def test_searches_and_forces_pressed_into_service(coder: Coder) -> None:
    (combing,) = code(coder, "Police intensified combing operations in the district.")
    assert (combing.type, combing.mode, combing.source.sector) == ("COERCE", "seize", "COP")
    (pressed,) = code(coder, "The military was pressed into service when the riots spread.")
    assert (pressed.type, pressed.attributes.get("forces")) == ("MOBILIZE", ["MIL"])


def test_calling_on_someone_is_a_visit_unless_it_asks_for_an_act(coder: Coder) -> None:
    events = code(coder, "External Affairs Minister S. Jaishankar met Foreign Minister Wang Yi "
                         "in Beijing. Jaishankar also called on Vice President Han Zheng.")
    (visit,) = [e for e in events if e.trigger.text.startswith("called")]
    assert (visit.type, visit.source.country, visit.target.text) == (
        "CONSULT", "IND", "Vice President Han Zheng")
    (appeal,) = code(coder, "The UN called on Israel to halt the strikes.")
    assert (appeal.type, appeal.target.country) == ("REQUEST", "ISR")


def test_what_a_launch_sends_is_no_recipient(coder: Coder) -> None:
    events = code(coder, "Ukraine shot down 38 of the 40 drones launched by Russia.")
    assert not [e for e in events if e.source is not None and e.source.country == "RUS"
                and e.target is not None and e.target.text == "the 40 drones"]


def test_a_protest_is_aimed_at_what_it_is_against(coder: Coder) -> None:
    text = ("Argentina's main labor unions staged a general strike on Thursday, halting flights "
            "and public transport in protest against President Javier Milei's austerity "
            "measures.")
    (strike,) = code(coder, text)
    assert (strike.type, strike.source.country, strike.target.country) == ("PROTEST", "ARG", "ARG")
    assert "recipient:against" in strike.rule
    # Pressing ahead asks nothing of anyone.
    assert not [e for e in code(coder, "Milei vowed to press ahead with his reforms.")
                if e.type in ("REQUEST", "THREATEN")]


def test_an_opposition_leader_is_the_opposition(coder: Coder) -> None:
    (criticised,) = code(coder, "Israel's opposition leader criticised the government.")
    assert criticised.source.sector == "OPP"


def test_a_meeting_is_where_a_party_talks_not_whom_it_talks_to(coder: Coder) -> None:
    # (the meeting's modifier gives it a sector, so it looked like a body)
    assert code(coder, "The Awami League discussed the budget during its state secretariat "
                       "meeting.") == []
    [with_minister] = code(coder, "The Awami League discussed the budget during its central "
                                  "committee meeting with the chief minister.")
    assert with_minister.target is not None and with_minister.target.text == "the chief minister"


def test_exhortations_permit_nothing_and_hitting_the_streets_is_a_protest(coder: Coder) -> None:
    assert code(coder, "Let's face it, Japan has been slow to act.") == []
    assert code(coder, "Let us hope that Ankara listens.") == []
    protest = code(coder, "Thousands of protesters hit the streets of Dhaka on Sunday.")
    assert [(e.type, e.source.sector if e.source else None) for e in protest] == [("PROTEST", "CVL")]
    assert [e.type for e in code(coder, "Police hit the protesters with batons.")] == ["ASSAULT"]


def test_a_call_to_protest_made_to_no_one_organises_the_protest(coder: Coder) -> None:
    [call] = code(coder, "The opposition alliance has given a call to boycott the festival.")
    assert (call.type, call.source.sector if call.source else None) == ("PROTEST", "OPP")
    # made to someone, it asks them
    [asked] = code(coder, "The opposition alliance gave a call to the people to boycott the "
                          "festival.")
    assert asked.type == "REQUEST" and asked.target is not None
    [sponsored] = code(coder, "The bandh sponsored by the Shiv Sena paralysed life in Mumbai.")
    assert sponsored.type == "PROTEST" and sponsored.source is not None \
        and sponsored.source.name == "Shiv Sena"


def test_units_of_a_force_are_called_in_and_a_post_held_is_no_posting(coder: Coder) -> None:
    [called] = code(coder, "Violence went on past midnight, when army columns were called in.")
    assert (called.type, called.source.sector if called.source else None) == ("MOBILIZE", "MIL")
    # what someone is: a constable posted somewhere, told as who he is
    assert code(coder, "She is a sergeant posted at the airport in Karachi.") == []
    [arrest] = code(coder, "He was among the 51 people arrested by police on Friday.")
    assert arrest.type == "COERCE"


def test_calling_something_unfortunate_or_a_sham_condemns_it(coder: Coder) -> None:
    [called] = [e for e in code(coder, "Beijing called the American sanctions illegal.")
                if e.trigger.text == "called"]
    assert (called.type, called.source.country if called.source else None,
            called.target.country if called.target else None) == ("ACCUSE", "CHN", "USA")
    [described] = code(coder, "The minister described the remarks of the Pakistani envoy as "
                              "irresponsible.")
    assert described.type == "ACCUSE" and described.target is not None \
        and described.target.country == "PAK"
    [dubbed] = code(coder, "Iran dubbed the resolution a political stunt.")
    assert dubbed.type == "ACCUSE"
    inverted = code(coder, 'Terming as "unfortunate" the attempts by the Tories to stall the '
                           "bill, the minister said the government would go ahead.")
    assert ("ACCUSE", "Terming") in {(e.type, e.trigger.text) for e in inverted}
    # praise, a neutral word, or a call made to someone
    assert code(coder, "The president called the protesters patriots.") == []
    assert code(coder, "The Kremlin described the talks as constructive.") == []


def test_saying_that_someones_act_is_a_provocation_condemns_it(coder: Coder) -> None:
    [said] = code(coder, "The foreign ministry said Japan's move was a provocation.")
    assert (said.type, said.target.country if said.target else None) == ("ACCUSE", "JPN")
    [judged] = code(coder, "The decision of the Pakistani government is unfortunate, the Indian "
                           "foreign minister said.")
    assert (judged.type, judged.source.country if judged.source else None,
            judged.target.country if judged.target else None) == ("ACCUSE", "IND", "PAK")
    # a state of things judged, or praise, condemns no one
    assert code(coder, "The situation in the valley is dangerous, the governor said.") == []
    assert code(coder, "He said it would be dangerous to alienate the Muslims.") == []
    assert code(coder, "The spokesman said the talks were constructive.") == []


def test_asking_a_question_is_no_request(coder: Coder) -> None:
    assert code(coder, '"Who will pay for the damage?" the farmers\' leader asks.') == []
    assert code(coder, '"It is for the Congress to decide who leads it," he asks.') == []
    assert code(coder, "He was asked that the two unions were opposed to the merger.") == []
    assert [e.type for e in code(coder, "The minister asked that the detainees be released.")] \
        == ["REQUEST"]


def test_a_warning_of_how_things_will_be_threatens_no_one(coder: Coder) -> None:
    assert code(coder, "The governor warned that the situation could explode.") == []
    assert code(coder, "The minister warned that it would be dangerous to alienate the Kurds.") \
        == []
    # a warning of one's own act, of what someone will face, or of protests to come threatens
    assert [e.type for e in code(coder, "Iran warned that it would retaliate against any "
                                        "attack.")] == ["THREATEN"]
    faced = code(coder, "The minister warned that Pakistan would face consequences.")
    assert [(e.type, e.target.country if e.target else None) for e in faced] == [
        ("THREATEN", "PAK")]
    assert "THREATEN" in {e.type for e in code(
        coder, "The union warned that strikes will be held across the country if its leaders "
               "are arrested.")}


def test_acts_in_a_condition_told_by_inversion_did_not_happen(coder: Coder) -> None:
    assert code(coder, "Had the police arrested the leaders, the riots would have been "
                       "avoided.") == []
    assert code(coder, "The talks could have succeeded had Iran agreed to inspections.") == []
    assert [e.type for e in code(coder, "Police arrested the leaders on Monday.")] == ["COERCE"]


def test_what_parties_talk_or_agree_on_is_their_topic_not_their_counterpart(coder: Coder) -> None:
    talks = code(coder, "India and Pakistan held talks on Kashmir.")
    assert {(e.source.country if e.source else None, e.target.country if e.target else None)
            for e in talks} == {("IND", "PAK")}
    signed = code(coder, "India and Pakistan signed an agreement on the Indus waters.")
    assert {(e.source.country if e.source else None, e.target.country if e.target else None)
            for e in signed} == {("IND", "PAK")}
    # a counterpart named with "with" is still theirs
    with_iran = code(coder, "Russia and China held talks with Iran on the nuclear deal.")
    assert {e.target.country if e.target else None for e in with_iran} == {"IRN"}


def test_a_noun_pattern_reads_the_prepositions_of_its_of_phrase(coder: Coder) -> None:
    [notice] = code(coder, "The opposition moved a notice of breach of privilege against Prime "
                           "Minister Narendra Modi.")
    assert notice.type == "ACCUSE" and notice.target is not None \
        and notice.target.name == "Narendra Modi"
    assert code(coder, "The party sent a notice of the meeting to its members.") == []


def test_a_protest_meeting_is_a_protest_and_a_cabinet_meeting_a_meeting(coder: Coder) -> None:
    assert [e.type for e in code(coder, "The party held a protest march against the price "
                                        "rise.")] == ["PROTEST"]
    assert [e.type for e in code(coder, "The VHP organised a protest meeting on Sunday.")] \
        == ["PROTEST"]
    assert [e.type for e in code(coder, "The cabinet held a meeting with the governor on "
                                        "Monday.")] == ["CONSULT"]


def test_what_an_act_amounts_to_is_no_act_of_its_own(coder: Coder) -> None:
    assert code(coder, "The opposition leader said the governor's decree amounted to an assault "
                       "on the constitution.") == []
    assert code(coder, "The verdict is an attack on democracy, the party said.") == []
    # its own agent still acts
    [attack] = code(coder, "The blast was an attack by the militants on the army.")
    assert attack.type == "ASSAULT" and attack.source is not None \
        and attack.source.sector == "REB"


def test_a_body_meeting_by_itself_consults_no_one_now_or_later(coder: Coder) -> None:
    assert code(coder, "The association has decided to call a general body meeting next week.") \
        == []
    assert code(coder, "The cabinet met on Monday.") == []
    # with a counterpart it is a consultation, or a promise of one
    assert [e.type for e in code(coder, "The association will meet the governor next week.")] \
        == ["AGREE"]
    assert [e.type for e in code(coder, "The cabinet met the governor on Monday.")] == ["CONSULT"]


def test_what_someone_should_do_is_not_done_unless_someone_demands_it(coder: Coder) -> None:
    assert code(coder, "The government should release the detainees at once.") == []
    assert code(coder, "The smaller parties should now step in to build a majority.") == []
    # said by someone, it is that speaker's demand (an infinitive of purpose included)
    [demand] = code(coder, '"The smaller parties should now come forward to back us," said '
                           "Okafor.")
    assert (demand.type, demand.source.text if demand.source else None) == ("REQUEST", "Okafor")
    [said] = code(coder, "India said Pakistan must free the fishermen.")
    assert (said.type, said.target.country if said.target else None) == ("REQUEST", "PAK")


def test_an_act_not_done_is_withheld_only_from_whom_it_names(coder: Coder) -> None:
    # someone named only nearby in the clause had nothing withheld
    assert code(coder, "The mayor has not participated in any discussion that allows the unions "
                       "to air their demands.") == []
    [withheld] = code(coder, "The president had not invited the Greens to form a cabinet.")
    assert withheld.type == "REJECT"


def test_shooting_back_in_words_is_a_retort(coder: Coder) -> None:
    assert code(coder, 'Two Labour members shot back, "You are the ones who sold the '
                       'railways."') == []
    assert code(coder, 'The minister hit back, "The opposition is lying."') == []
    assert [e.type for e in code(coder, "Troops shot back at the militants.")] == ["ASSAULT"]


def test_an_agreement_cited_as_a_rule_is_a_document_not_an_act(coder: Coder) -> None:
    assert code(coder, "In line with the Paris agreement, Kenya cut emissions.") == []
    shared = code(coder, "Under the 1960 treaty, India shares the waters with Pakistan.")
    assert "treaty" not in {e.trigger.text for e in shared}
    assert "absorbs:treaty" not in {r for e in shared for r in e.rule.split("; ")}
    assert [e.type for e in code(coder, "India and Pakistan signed an agreement on Monday.")] \
        == ["SUPPORT"]


def test_talk_of_something_is_no_negotiation_and_for_instance_no_recipient(coder: Coder) -> None:
    assert code(coder, "He said Moscow now talks of regaining control over the Baltic ports.") \
        == []
    assert code(coder, "There is talk of a summit between the two leaders.") == []
    assert [e.type for e in code(coder, "Talks between Iran and Oman began on Monday.")] == [
        "CONSULT"]
    [refused] = code(coder, "For instance, in 2019, the army refused to let the Red Cross enter "
                            "the camp.")
    assert refused.target is not None and refused.target.text == "the Red Cross"


def test_what_an_act_is_called_before_is_no_act_of_the_caller(coder: Coder) -> None:
    text = ("ISLAMABAD, March 4 (Reuters) - Pakistan summoned India's deputy high commissioner "
            "to protest what it called unprovoked firing across the Line of Control. Indian "
            "troops had targeted villages in the valley, the ministry said, calling the firing "
            "a violation of the ceasefire.")
    [condemned] = [e for e in code(coder, text) if e.trigger.text == "calling"]
    assert (condemned.source.country if condemned.source else None,
            condemned.target.country if condemned.target else None) == ("PAK", "IND")


def test_parties_agreeing_on_a_thing_named_for_a_town_agree_with_each_other(coder: Coder) -> None:
    [agreed] = code(coder, "Kenya and Uganda agreed on Monday to reopen the Busia border post.")
    assert (agreed.source.country if agreed.source else None,
            agreed.target.country if agreed.target else None) == ("KEN", "UGA")
