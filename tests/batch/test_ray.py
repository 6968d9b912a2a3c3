"""The Ray engine on a real local Ray: same output as the local engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.batch.runner import run_batch
from tests.batch.test_runner import snapshot

pytestmark = [pytest.mark.slow, pytest.mark.ray]


def test_ray_engine_matches_local_engine(corpus: dict[str, Path], tmp_path: Path) -> None:
    inputs = [str(p) for p in corpus.values()]
    local = run_batch(inputs, tmp_path / "local", workers=1, unit_docs=16)
    ray_run = run_batch(inputs, tmp_path / "ray", engine="ray", workers=2, unit_docs=16)
    assert (ray_run.articles, ray_run.events) == (local.articles, local.events)
    assert snapshot(tmp_path / "ray") == snapshot(tmp_path / "local")


def test_a_local_ray_dies_with_a_killed_driver(tmp_path: Path) -> None:
    from tests.batch.test_runner import batch_command, kill_driver_midway

    cmd = batch_command(tmp_path, "--engine", "ray", "--workers", "2")
    assert kill_driver_midway(cmd, tmp_path / "killed", units=2) == []
