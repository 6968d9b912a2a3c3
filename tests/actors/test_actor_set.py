"""The project's actor-resolution set (data/actors/actor_mentions.jsonl) stays above 95%."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def test_actor_set_country_accuracy_at_least_95_percent() -> None:
    spec = importlib.util.spec_from_file_location("actor_accuracy",
                                                  ROOT / "benchmarks" / "actor_accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.score(ROOT / "data" / "actors" / "actor_mentions.jsonl")
    assert result["mentions"] >= 300
    assert result["country_accuracy"] >= 0.95, result["errors"][:10]
    assert result["sector_accuracy"] >= 0.90, result["errors"][:10]
