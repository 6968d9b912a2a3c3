import pytest

from eventwire.ontology.plover import (
    PLOVER_TYPES,
    TYPE_INFO,
    cameo_code,
    intensity,
    normalize_type,
    quad_class,
)


def test_sixteen_types_each_with_quad_cameo_and_score() -> None:
    assert len(PLOVER_TYPES) == 16
    for name, info in TYPE_INFO.items():
        assert info.quad in (1, 2, 3, 4), name
        assert info.cameo.isdigit() and len(info.cameo) == 2, name
        assert -10 <= info.score <= 10, name


@pytest.mark.parametrize(("etype", "quad"), [
    ("AGREE", 1), ("CONSULT", 1), ("SUPPORT", 1), ("CONCEDE", 1), ("COOPERATE", 2), ("AID", 2),
    ("RETREAT", 2), ("REQUEST", 3), ("ACCUSE", 3), ("REJECT", 3), ("THREATEN", 3),
    ("PROTEST", 4), ("SANCTION", 4), ("MOBILIZE", 4), ("COERCE", 4), ("ASSAULT", 4),
])
def test_quad_classes_follow_the_manual(etype: str, quad: int) -> None:
    assert quad_class(etype) == quad


def test_mode_refines_cameo_and_intensity() -> None:
    assert cameo_code("ASSAULT") == "18"
    assert cameo_code("ASSAULT", "drone") == "19"
    assert cameo_code("ACCUSE", "investigate") == "09"
    assert intensity("CONSULT", "visit") == 4.0
    assert intensity("CONSULT", None) == 2.5
    assert intensity("ASSAULT", "unknown-mode") == -9.0
    # conflict types score below zero, cooperation above
    for name, info in TYPE_INFO.items():
        if info.quad >= 3 and name != "REQUEST":
            assert info.score < 0, name
        if info.quad <= 2:
            assert info.score > 0, name


def test_yield_covers_concede_and_retreat() -> None:
    assert normalize_type("concede") == "YIELD"
    assert normalize_type("RETREAT") == "YIELD"
    assert normalize_type("ASSAULT") == "ASSAULT"


def test_type_flags_are_ontology_facts() -> None:
    from eventwire.ontology.plover import TYPE_INFO

    flagged = {flag: {t for t, info in TYPE_INFO.items() if getattr(info, flag)}
               for flag in ("reciprocal", "mutual_over_things", "state_act", "transfer",
                            "intent_is_agree")}
    assert flagged["mutual_over_things"] <= flagged["reciprocal"]
    assert flagged["transfer"] == {"AID", "RETREAT"}
    # Intent to act is AGREE for cooperation, aid and withdrawal (CAMEO 030-039), never for AGREE
    # itself or for conflict.
    assert "AGREE" not in flagged["intent_is_agree"]
    assert all(TYPE_INFO[t].quad <= 2 for t in flagged["intent_is_agree"])
