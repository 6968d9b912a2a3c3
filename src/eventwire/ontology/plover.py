"""The PLOVER 2.0 event types as the project encodes them.

Facts taken from the PLOVER manual (quad class of each type, its modes, the root CAMEO codes that map
to it, and the PLOVER conflict-cooperation scores per type and mode). SANCTION is treated as
material conflict (quad 4), as the manual's summary table does.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TypeInfo:
    """What the ontology says about one PLOVER event type."""

    name: str
    quad: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    cameo: str  # the CAMEO root code this type corresponds to
    score: float  # PLOVER conflict-cooperation score of the type (-10..+10)
    modes: dict[str, float] = field(default_factory=dict)  # mode -> score
    mode_cameo: dict[str, str] = field(default_factory=dict)  # mode -> CAMEO root, where it differs
    needs_target: bool = False
    #: Two coordinated actors with no recipient act towards each other ("X and Y met").
    reciprocal: bool = False
    #: ... also when what they act on is a thing they share ("X and Y signed a deal").
    mutual_over_things: bool = False
    #: A recipient named "with" takes part in the act as the actor does ("Modi spoke with
    #: Koirala", "held joint drills with Japan"): the act is reciprocal.
    with_is_mutual: bool = False
    #: Only a state's authorities do it to people on their territory: with no agent named, the
    #: state where it happened acts ("was arrested in Niger").
    state_act: bool = False
    #: Moves something to someone: the goal of the movement receives ("sent aid to X").
    transfer: bool = False
    #: Stated as intended or future, it is AGREE: the CAMEO-to-PLOVER table maps CAMEO 030-039
    #: (intent to cooperate, aid, yield or withdraw) to AGREE.
    intent_is_agree: bool = False


_REQUEST_REJECT_MODES = ["assist", "change", "yield", "meet"]

TYPE_INFO: dict[str, TypeInfo] = {
    t.name: t
    for t in [
        TypeInfo("AGREE", 1, "03", 2.5, reciprocal=True, mutual_over_things=True),
        TypeInfo(
            "CONSULT", 1, "04", 2.5,
            {"visit": 4.0, "third-party": 1.0, "multilateral": 4.0, "phone": 1.5},
            reciprocal=True, mutual_over_things=True, intent_is_agree=True, with_is_mutual=True,
        ),
        TypeInfo("SUPPORT", 1, "05", 5.0, reciprocal=True, mutual_over_things=True,
                 intent_is_agree=True),
        TypeInfo("CONCEDE", 1, "08", 4.5, reciprocal=True, mutual_over_things=True,
                 state_act=True),
        TypeInfo("COOPERATE", 2, "06", 9.5, needs_target=True, reciprocal=True,
                 mutual_over_things=True, intent_is_agree=True, with_is_mutual=True),
        TypeInfo("AID", 2, "07", 10.0, needs_target=True, transfer=True, intent_is_agree=True),
        TypeInfo(
            "RETREAT", 2, "08", 6.5,
            {"withdraw": 8.0, "release": 6.5, "disarm": 10.0, "ceasefire": 7.5,
             "access": 6.5, "resign": 4.5},
            state_act=True, transfer=True, intent_is_agree=True,
        ),
        TypeInfo(
            "REQUEST", 3, "10", 0.0,
            dict(zip(_REQUEST_REJECT_MODES, [0.5, -1.0, -1.0, 0.0], strict=True)),
        ),
        TypeInfo(
            # The manual's table prints +3 for bare ACCUSE, against every ACCUSE mode and the
            # verbal-conflict quad; we read it as the misprint of -3 it must be.
            "ACCUSE", 3, "11", -3.0,
            {"disapprove": -2.0, "investigate": -3.5, "allege": -3.5},
            {"investigate": "09"},
        ),
        TypeInfo(
            "REJECT", 3, "12", -2.0,
            dict(zip(_REQUEST_REJECT_MODES, [-1.5, -2.0, -2.0, -2.0], strict=True)),
            reciprocal=True,
        ),
        TypeInfo(
            "THREATEN", 3, "13", -3.5,
            {"restrict": -3.0, "arrest": -3.5, "relations": -3.5, "expel": -3.5,
             "territory": -4.0, "violence": -3.5},
        ),
        TypeInfo(
            "PROTEST", 4, "14", -5.0,
            {"demo": -5.0, "riot": -7.0, "strike": -5.0, "hunger": -4.5, "boycott": -4.5,
             "obstruct": -4.5, "vandalize": -5.0},
        ),
        TypeInfo(
            "SANCTION", 4, "16", -6.0,
            {"convict": -6.0, "expel": -5.5, "withdraw": -6.0, "discontinue": -6.0},
            needs_target=True, state_act=True,
        ),
        TypeInfo(
            "MOBILIZE", 4, "15", -5.5,
            {"troops": -6.5, "weapons": -6.5, "police": -5.5, "militia": -6.0},
        ),
        TypeInfo(
            "COERCE", 4, "17", -7.0,
            {"seize": -7.0, "restrict": -7.0, "censor": -6.5, "curfew": -6.5,
             "martial-law": -7.5, "arrest": -7.0, "deport": -7.0, "withhold": -7.0,
             "misinformation": -6.5, "cyber": -7.0},
            state_act=True,
        ),
        TypeInfo(
            "ASSAULT", 4, "18", -9.0,
            {"abduct": -8.5, "beat": -7.5, "torture": -8.5, "sexual": -8.5, "targeted": -9.5,
             "destroy": -8.5, "primitive": -8.0, "firearms": -9.0, "explosives": -9.0,
             "suicide-attack": -9.5, "aerial": -9.5, "drone": -9.5, "heavy-weapons": -9.5,
             "crowd-control": -7.5, "unconventional": -10.0},
            # CAMEO 19 is "fight" with conventional military force, 20 "unconventional mass violence".
            {"aerial": "19", "drone": "19", "heavy-weapons": "19", "unconventional": "20"},
            reciprocal=True,
        ),
    ]
}

PLOVER_TYPES: tuple[str, ...] = tuple(TYPE_INFO)

#: The cooperative acts (a purpose clause of one such act belongs to the main one: "provided aid
#: to support refugees").
COOPERATIVE_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE"})
#: The two halves of what some sets call YIELD. (A future RETREAT is AGREE, by the CAMEO table:
#: see ``TypeInfo.intent_is_agree``; the manual's prose says CONCEDE, the table wins.)
CONCESSION_TYPES = frozenset({"RETREAT", "CONCEDE"})

CONTEXTS: tuple[str, ...] = (
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
    "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
    "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
    "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
    "misinformation", "crime", "corruption", "illegal_drugs", "trafficking", "energy",
)


def quad_class(event_type: str) -> int:
    """Quad class (1..4) of a PLOVER type."""
    return TYPE_INFO[event_type].quad


def cameo_code(event_type: str, mode: str | None = None) -> str:
    """The CAMEO root code a PLOVER type (and mode) corresponds to."""
    info = TYPE_INFO[event_type]
    return info.mode_cameo.get(mode or "", info.cameo)


def intensity(event_type: str, mode: str | None = None) -> float:
    """PLOVER conflict-cooperation score of a type, refined by its mode where the manual gives one."""
    info = TYPE_INFO[event_type]
    return info.modes.get(mode or "", info.score)


def normalize_type(name: str) -> str:
    """Map gold-set aliases onto PLOVER types for scoring (YIELD covers CONCEDE and RETREAT)."""
    name = name.strip().upper()
    return "YIELD" if name in CONCESSION_TYPES else name


@dataclass(frozen=True)
class GovernedMode:
    """One row of the mode table: an act of type ``outer`` that governs an act of one of
    ``inner`` (any type when None), optionally with that act's mode, context or negation, takes
    ``mode`` ("urged X to send aid": REQUEST assist; "threatened to arrest": THREATEN arrest)."""

    outer: frozenset[str]
    inner: frozenset[str] | None
    mode: str
    inner_mode: str | None = None
    inner_context: str | None = None
    inner_negated: bool | None = None


_ASK_OR_REFUSE = frozenset({"REQUEST", "REJECT"})
_THREAT = frozenset({"THREATEN"})

#: The PLOVER modes of REQUEST, REJECT and THREATEN by what they are about; the first row that
#: fits wins.
GOVERNED_MODES: tuple[GovernedMode, ...] = (
    GovernedMode(_ASK_OR_REFUSE, frozenset({"AID", "COOPERATE", "SUPPORT"}), "assist"),
    GovernedMode(_ASK_OR_REFUSE, frozenset({"CONSULT", "AGREE"}), "meet"),
    GovernedMode(_ASK_OR_REFUSE, CONCESSION_TYPES, "yield"),
    GovernedMode(_ASK_OR_REFUSE, frozenset({"SANCTION"}), "yield", inner_negated=True),
    GovernedMode(_ASK_OR_REFUSE, None, "change"),
    GovernedMode(_THREAT, frozenset({"ASSAULT"}), "territory", inner_context="territory"),
    GovernedMode(_THREAT, frozenset({"ASSAULT"}), "violence"),
    GovernedMode(_THREAT, frozenset({"COERCE"}), "arrest", inner_mode="arrest"),
    GovernedMode(_THREAT, frozenset({"COERCE"}), "expel", inner_mode="deport"),
    GovernedMode(_THREAT, frozenset({"COERCE"}), "restrict"),
    GovernedMode(_THREAT, frozenset({"SANCTION"}), "expel", inner_mode="expel"),
    GovernedMode(_THREAT, frozenset({"SANCTION"}), "relations"),
    GovernedMode(_THREAT, frozenset({"PROTEST"}), "restrict"),
)


def governed_mode(outer: str, inner: str, inner_mode: str | None = None,
                  inner_context: str | None = None, inner_negated: bool = False) -> str | None:
    """The mode ``GOVERNED_MODES`` gives an ``outer`` act about an ``inner`` one (None: none)."""
    for row in GOVERNED_MODES:
        if outer in row.outer and (row.inner is None or inner in row.inner) \
                and row.inner_mode in (None, inner_mode) \
                and row.inner_context in (None, inner_context) \
                and row.inner_negated in (None, inner_negated):
            return row.mode
    return None
