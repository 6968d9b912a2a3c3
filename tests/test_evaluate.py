from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.codebook import Codebook
from eventwire.evaluate import (
    GoldActor,
    GoldEvent,
    _match,
    directed,
    evaluate,
    load_gold,
    per_type_scores,
    prf,
)
from eventwire.schema import Actor
from tests.conftest import make_event


def test_extract_matching_is_a_maximum_matching() -> None:
    """The first gold event fits both predictions, the second only the first one: a first-fit
    matcher would pair the first gold with the first prediction and leave the second gold out."""
    loose = make_event(type_="ACCUSE", src="IND", tgt="PAK")
    exact = make_event(type_="ACCUSE", src="IND", tgt="PAK")
    exact = replace(exact, target=replace(exact.target, country=None)) if exact.target else exact
    by_country = GoldEvent("ACCUSE", GoldActor("x", [(90, 95)], "IND"),
                           GoldActor("y", [(16, 22)], None))
    only_country = GoldEvent("ACCUSE", GoldActor("x", [(90, 95)], "IND"),
                             GoldActor("y", [(90, 95)], "PAK"))
    assert _match([loose, exact], [by_country, only_country], use_type=True) == 2


def test_prf_and_per_type() -> None:
    assert prf(2, 4, 2) == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}
    scores = per_type_scores([("A", "A"), ("A", "B"), ("B", "B")])
    assert scores["A"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "support": 2}


def test_extract_matching_by_span_overlap_or_country_and_yield() -> None:
    pred = make_event(type_="RETREAT", src="IND", tgt="TUR")  # source span 0..5, target 16..22
    by_span = GoldEvent("YIELD", GoldActor("India", [(0, 3)], None), GoldActor("x", [(18, 20)], None))
    by_country = GoldEvent("YIELD", GoldActor("x", [(50, 60)], "IND"), GoldActor("y", [], "TUR"))
    wrong = GoldEvent("YIELD", GoldActor("x", [(50, 60)], None), GoldActor("y", [(16, 22)], None))
    null_target = GoldEvent("YIELD", GoldActor("India", [(0, 3)], None), None)
    assert _match([pred], [by_span], use_type=True) == 1
    assert _match([pred], [by_country], use_type=True) == 1
    assert _match([pred], [wrong], use_type=True) == 0
    assert _match([pred], [null_target], use_type=True) == 0
    assert _match([pred], [by_span, by_span], use_type=True) == 1  # each matched once
    assert _match([make_event(type_="ACCUSE")], [by_span], use_type=False) == 1
    assert isinstance(pred.source, Actor)


def test_bad_gold_line_names_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "gold.jsonl"
    f.write_text('{"id": "1", "text": "x", "events": []}\n{"id": "2"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold\.jsonl:2"):
        load_gold(f)


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_both_tasks_on_a_small_project_written_gold_set(tmp_path: Path, workers: int) -> None:
    lines = [
        {"id": "g1", "text": "Kenya thanked Uganda for its help.", "date": None, "events": [
            {"type": "SUPPORT", "source": {"text": "Kenya", "spans": [[0, 5]]},
             "target": {"text": "Uganda", "spans": [[14, 20]]}}]},
        {"id": "g2", "text": "Chile withdrew its troops from Peru.", "date": "2025-01-01", "events": [
            {"type": "YIELD", "source": {"text": "Chile", "spans": [[0, 5]], "country": "CHL"},
             "target": {"text": "Peru", "spans": [[31, 35]]}}]},
        {"id": "g3", "text": "The weather was fine.", "date": None, "events": []},
    ] * 30
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    c = evaluate(gold, "classify", workers=workers)
    assert (c["events"], c["accuracy"], c["macro_f1"]) == (60, 1.0, 1.0)
    e = evaluate(gold, "extract", workers=workers)
    assert (e["precision"], e["recall"], e["type_f1"], e["dyad_f1"]) == (1.0, 1.0, 1.0, 1.0)
    for key in ("task", "records", "events", "per_type", "seconds", "items_per_second"):
        assert key in c and key in e


def test_a_reciprocal_prediction_stands_for_both_directions_where_the_gold_says_so(
        tmp_path: Path) -> None:
    mutual = make_event(type_="CONSULT", src="CHL", tgt="PER")
    mutual = replace(mutual, attributes={"reciprocal": True})
    one_way = make_event(type_="CONSULT", src="CHL", tgt="PER")
    back = GoldEvent("CONSULT", GoldActor("x", [(50, 60)], "PER"), GoldActor("y", [], "CHL"))
    assert [(e.source.country, e.target.country) for e in directed([mutual, one_way])
            if e.source and e.target] == [("CHL", "PER"), ("PER", "CHL"), ("CHL", "PER")]
    assert _match(directed([mutual]), [back], use_type=True) == 1
    assert _match(directed([one_way]), [back], use_type=True) == 0
    f = tmp_path / "gold.jsonl"
    f.write_text('{"id": "1", "text": "x", "mutual": "directed", "events": []}\n'
                 '{"id": "2", "text": "y", "events": []}\n', encoding="utf-8")
    assert [r.mutual_directed for r in load_gold(f)] == [True, False]


@pytest.mark.slow
def test_the_extract_score_leaves_out_what_a_users_discards_drop(tmp_path: Path) -> None:
    # The scorer reads the Doc's events; a discard (applied where the coder codes) must drop
    # them here too, or `evaluate --actors my.discards.txt` scores what the coder never outputs.
    line = {"id": "d1", "text": "Kenya thanked Uganda for its help at the regatta.", "events": [
        {"type": "SUPPORT", "source": {"text": "Kenya", "spans": [[0, 5]]},
         "target": {"text": "Uganda", "spans": [[14, 20]]}}]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(line) + "\n", encoding="utf-8")
    discards = tmp_path / "sports.discards.txt"
    discards.write_text("REGATTA\n", encoding="utf-8")
    assert evaluate(gold, "extract")["recall"] == 1.0
    dropped = evaluate(gold, "extract", codebook=Codebook.of(actors=[discards]))
    assert (dropped["recall"], dropped["per_type"].get("SUPPORT", {}).get("pred", 0)) == (0.0, 0)
