"""benchmarks/aw_pairs.py: scoring marked argument pairs against coded events, the blind split
and bad lines. Sentences, pairs and events here are made up for the test."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from eventwire.schema import Actor, Event, TextSpan

_SPEC = importlib.util.spec_from_file_location(
    "aw_pairs", Path(__file__).resolve().parent.parent / "benchmarks" / "aw_pairs.py")
assert _SPEC and _SPEC.loader
aw_pairs = importlib.util.module_from_spec(_SPEC)
sys.modules["aw_pairs"] = aw_pairs  # (its dataclass looks its module up)
_SPEC.loader.exec_module(aw_pairs)

TEXT = "Freedonian soldiers shelled the Sylvanian town of Zenda on Monday."


def _span(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _side(phrase: str, role: str) -> dict[str, Any]:
    return {"text": phrase, "spans": [list(_span(phrase))], "role": role}


def _pair(source: str, target: str, roles: tuple[str, str] = ("Attacker", "Target"),
          conflict: bool = True) -> dict[str, Any]:
    return {"source": _side(source, roles[0]), "target": _side(target, roles[1]),
            "trigger": {"text": "shelled", "spans": [list(_span("shelled"))]},
            "event_type": "Conflict:Attack", "conflict": conflict}


def _actor(phrase: str) -> Actor:
    return Actor(phrase, *_span(phrase))


def _event(source: str | None, target: str | None, quad: int = 4) -> Event:
    return Event(id="e", article_id="a", type="ASSAULT", mode=None, context=None, quad=quad,
                 cameo="19", intensity=-9.0, source=_actor(source) if source else None,
                 target=_actor(target) if target else None, sentence=TEXT,
                 trigger=TextSpan("shelled", *_span("shelled")), date=None, date_source="unknown",
                 date_precision=None)


def test_a_pair_is_linked_directed_and_of_the_right_polarity() -> None:
    r = aw_pairs.score_pair(_pair("Freedonian soldiers", "the Sylvanian town"),
                            [_event("soldiers", "Sylvanian town")])  # overlap is enough
    assert (r.linked, r.directed, r.conflict_right, r.source_seen, r.target_seen) == (
        True, True, True, True, True)


def test_the_reverse_way_is_linked_not_directed_and_quad_gives_polarity() -> None:
    r = aw_pairs.score_pair(_pair("Freedonian soldiers", "Zenda", conflict=False),
                            [_event("Zenda", "Freedonian soldiers", quad=4)])
    assert (r.linked, r.directed, r.conflict_right) == (True, False, False)


def test_one_side_only_or_no_event_is_not_linked() -> None:
    pair = _pair("Freedonian soldiers", "Zenda")
    half = aw_pairs.score_pair(pair, [_event("Freedonian soldiers", "Monday"),
                                      _event("Freedonian soldiers", None)])
    assert (half.linked, half.directed, half.conflict_right) == (False, False, None)
    assert (half.source_seen, half.target_seen) == (True, False)
    assert not aw_pairs.score_pair(pair, []).linked


def test_same_roles_claim_no_direction_and_the_summary_counts_them_apart() -> None:
    mutual = aw_pairs.score_pair(_pair("Freedonian soldiers", "Zenda", ("Entity", "Entity")),
                                 [_event("Zenda", "Freedonian soldiers")])
    assert mutual.linked and mutual.directed is None
    missed = aw_pairs.score_pair(_pair("Freedonian soldiers", "Zenda"), [])
    s = aw_pairs.summarize([mutual, missed])
    assert (s["pairs"], s["linked"], s["linked_share"], s["direction_pairs"], s["directed"]) == (
        2, 1, 0.5, 1, 0)
    assert s["linked_conflict_right"] == 1.0


def _records(n: int) -> list[dict[str, Any]]:
    return [{"id": f"r{i}", "text": TEXT, "corpus": "ace" if i % 2 else "wiki",
             "pairs": [_pair("Freedonian soldiers", "Zenda", conflict=i % 3 == 0)]}
            for i in range(n)]


def test_blind_ids_take_a_third_of_each_stratum_and_are_fixed() -> None:
    records = _records(60)
    ids = aw_pairs.blind_ids(records)
    assert ids == aw_pairs.blind_ids(list(reversed(records)))  # by id, not by file order
    strata: dict[tuple[str, bool], list[bool]] = {}
    for r in records:
        strata.setdefault(aw_pairs._stratum(r), []).append(r["id"] in ids)
    assert len(strata) == 4
    for marks in strata.values():
        assert sum(marks) == round(len(marks) / 3)


def test_a_bad_line_is_named_and_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                         ) -> None:
    path = tmp_path / "aw.jsonl"
    good = json.dumps(_records(1)[0])
    path.write_text(good + "\n{not json\n" + json.dumps({"id": "x", "text": 3}) + "\n" + good
                    + "\n", encoding="utf-8")
    assert len(aw_pairs.read_records(path)) == 2
    err = capsys.readouterr().err
    assert f"{path}:2:" in err and f"{path}:3:" in err


def test_errors_are_refused_for_the_blind_split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["aw_pairs.py", "--split", "blind", "--errors"])
    with pytest.raises(SystemExit):
        aw_pairs.main()
