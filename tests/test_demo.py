"""The bundled corpus meets its promise: 40+ dated articles over 6+ months, all 16 types coded,
pairs whose relations change."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from eventwire.analysis import timeline
from eventwire.database import Database
from eventwire.demo import corpus_path, run_demo
from eventwire.ontology.plover import PLOVER_TYPES


def test_corpus_shape() -> None:
    rows = [json.loads(x) for x in corpus_path().read_text(encoding="utf-8").splitlines()]
    dates = sorted(date.fromisoformat(r["date"]) for r in rows)
    assert len(rows) >= 40
    assert (dates[-1] - dates[0]).days >= 180


@pytest.mark.slow
def test_demo_codes_every_type_and_shows_relations_turning(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    console = Console(record=True, width=120)
    run_demo(db, console)
    text = console.export_text()
    assert "Top dyads" in text and "IND-TUR" in text
    with Database(db) as d:
        types = {r["type"] for r in d.sql("SELECT DISTINCT type FROM events").rows}
        assert types == set(PLOVER_TYPES)
        ind_tur = timeline(d.con, "IND", "TUR")
        assert ind_tur[0]["net_score"] > 0 > ind_tur[-1]["net_score"]  # cooperation, then conflict
        pak_tur = timeline(d.con, "PAK", "TUR")
        assert all(r["balance"] > 0 for r in pak_tur if r["events"])
        assert sum(r["events"] for r in pak_tur) >= 10
