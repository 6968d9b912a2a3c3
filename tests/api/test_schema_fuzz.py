"""Schemathesis against the real server: requests generated from /openapi.json, valid and not,
must never get a 5xx. A short run here; benchmarks/api_schema.py runs the long one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.server import TOKEN

pytestmark = pytest.mark.slow


def test_no_generated_request_gets_a_server_error(base_url: str) -> None:
    st = Path(sys.executable).with_name("schemathesis")
    res = subprocess.run(
        [str(st), "run", f"{base_url}/openapi.json", "--checks", "not_a_server_error",
         "--max-examples", "15", "--seed", "1", "-H", f"Authorization: Bearer {TOKEN}",
         "--no-color"],
        capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stdout[-3000:]
    assert "passed" in res.stdout
