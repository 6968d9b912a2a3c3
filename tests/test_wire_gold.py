"""benchmarks/wire_gold.py: joining the wire annotations with the cached text, the splits, and
skipping stories whose text is missing or changed. The stories here are invented for the test."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "wire_gold", Path(__file__).resolve().parent.parent / "benchmarks" / "wire_gold.py")
assert _SPEC and _SPEC.loader
wire_gold = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(wire_gold)

TEXT_A = "Freedonia expelled two Sylvanian diplomats on Monday. Sylvania may retaliate."
TEXT_B = "The Ruritanian and Grand Fenwick leaders met in Zenda and signed a fishing pact."


def _span(text: str, phrase: str) -> list[int]:
    start = text.index(phrase)
    return [start, start + len(phrase)]


def _actor(text: str, phrase: str, country: str | None) -> dict[str, Any]:
    return {"text": phrase, "country": country, "code": None, "span": _span(text, phrase)}


def _story(sid: str, text: str, split: str | None, events: list[dict[str, Any]],
           genre: str = "wire", date: str = "2019-03-04") -> dict[str, Any]:
    row: dict[str, Any] = {"id": sid, "query": "q", "url": f"https://example.org/{sid}",
                           "title": "t", "date": date, "genre": genre,
                           "sha256": hashlib.sha256(text.encode()).hexdigest(), "events": events}
    if split:
        row["split"] = split
    return row


@pytest.fixture()
def world(tmp_path: Path) -> tuple[Path, Path]:
    cache = tmp_path / "cache"
    cache.mkdir()
    a = _story("a", TEXT_A, "dev", [
        {"type": "SANCTION", "must": True, "source": _actor(TEXT_A, "Freedonia", "FRE"),
         "target": _actor(TEXT_A, "two Sylvanian diplomats", "SYL"),
         "trigger": {"text": "expelled", "span": _span(TEXT_A, "expelled")}},
        {"type": "THREATEN", "must": False, "source": _actor(TEXT_A, "Sylvania may", "SYL"),
         "target": None, "trigger": {"text": "retaliate", "span": _span(TEXT_A, "retaliate")}}])
    b = _story("b", TEXT_B, "blind", [
        {"type": "SUPPORT", "must": True, "source": _actor(TEXT_B, "Ruritanian", "RUR"),
         "target": _actor(TEXT_B, "Grand Fenwick", "GFW"),
         "trigger": {"text": "signed", "span": _span(TEXT_B, "signed")}}], date="2009-11")
    for sid, text in (("a", TEXT_A), ("b", TEXT_B)):
        (cache / f"{sid}.json").write_text(json.dumps({"id": sid, "text": text}), encoding="utf-8")
    ann = tmp_path / "wire.jsonl"
    ann.write_text("\n".join(json.dumps(r) for r in (a, b)) + "\n", encoding="utf-8")
    return ann, cache


def test_join_gives_the_evaluation_format_with_spans_into_the_cached_text(world) -> None:
    ann, cache = world
    records = wire_gold.gold_records(wire_gold.read_annotations(ann), cache, "all")
    assert [r["id"] for r in records] == ["a", "b"]
    a = records[0]
    assert a["text"] == TEXT_A and a["date"] == "2019-03-04"
    assert a["mutual"] == "directed"  # the guidelines write a mutual act both ways
    assert len(a["events"]) == 1  # the may event is left out of the scored file by default
    src = a["events"][0]["source"]
    assert a["text"][slice(*src["spans"][0])] == "Freedonia" and src["country"] == "FRE"
    assert records[1]["date"] is None  # a month only is no date


def test_split_and_may_events(world) -> None:
    ann, cache = world
    rows = wire_gold.read_annotations(ann)
    assert [r["id"] for r in wire_gold.gold_records(rows, cache, "dev")] == ["a"]
    assert [r["id"] for r in wire_gold.gold_records(rows, cache, "blind")] == ["b"]
    dev = wire_gold.gold_records(rows, cache, "dev", with_may=True)
    assert [e["must"] for e in dev[0]["events"]] == [True, False]
    assert dev[0]["events"][1]["target"] is None


def test_a_changed_or_missing_text_skips_its_story_with_a_message(world, capsys) -> None:
    ann, cache = world
    (cache / "a.json").write_text(json.dumps({"text": TEXT_A + " Edited."}), encoding="utf-8")
    (cache / "b.json").unlink()
    assert wire_gold.gold_records(wire_gold.read_annotations(ann), cache, "all") == []
    err = capsys.readouterr().err
    assert "a.json: text differs" in err and "b.json: no cached text" in err


def test_a_bad_annotation_line_is_named_and_skipped(world, capsys) -> None:
    ann, _cache = world
    ann.write_text(ann.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    assert [r["id"] for r in wire_gold.read_annotations(ann)] == ["a", "b"]
    assert f"{ann}:3: bad annotation" in capsys.readouterr().err


def test_assign_splits_cuts_each_group_of_three_two_to_one_and_keeps_given_splits() -> None:
    rows = [_story(f"s{i:02d}", "x", None, [{"type": t, "must": True}], genre=g)
            for i, (g, t) in enumerate([(g, t) for g in ("wire", "agency")
                                        for t in ("AID", "AID", "AID", "ACCUSE", "ACCUSE", "ACCUSE")])]
    rows.append(_story("kept", "x", "dev", []))
    assert wire_gold.assign_splits(rows) == 12
    assert next(r for r in rows if r["id"] == "kept")["split"] == "dev"
    by = {(r["genre"], r["events"][0]["type"]): [] for r in rows if r["events"]}
    for r in rows:
        if r["events"]:
            by[(r["genre"], r["events"][0]["type"])].append(r["split"])
    assert all(sorted(s) == ["blind", "dev", "dev"] for s in by.values())
    again = [dict(r, split=None) if r["id"] != "kept" else r for r in rows]
    wire_gold.assign_splits(again)
    assert [r["split"] for r in again] == [r["split"] for r in rows]  # fixed by the seed


def test_errors_are_read_on_dev_only(world, monkeypatch, capsys) -> None:
    ann, cache = world
    monkeypatch.setattr("sys.argv", ["wire_gold.py", "--annotations", str(ann), "--cache",
                                     str(cache), "--split", "blind", "--score", "--errors"])
    with pytest.raises(SystemExit):
        wire_gold.main()
    assert "dev stories only" in capsys.readouterr().err
