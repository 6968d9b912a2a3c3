"""Hostile input, generated: every line of a batch is either stored or rejected with a reason,
nothing raises, and what is stored is clean text. A short run; benchmarks/fuzz_inputs.py runs
10,000 cases and docs/reliability.md has its figures."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings

from eventwire.ingest.readers import ReadError, read_jsonl
from eventwire.jobs import ingest
from eventwire.schema import Article
from tests.fuzz_strategies import batch

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check_batch(lines: list[bytes], coder: object, folder: Path) -> tuple[int, int]:
    """Read, code and store one batch; (stored, rejected). Fails if any line is lost, if
    anything raises, or if what is stored is not clean text."""
    items = list(read_jsonl(io.BytesIO(b"\n".join(lines) + b"\n"), "fuzz.jsonl", None))
    counted = [raw for raw in lines if raw.strip()]
    assert len(items) == len(counted) or (not counted and len(items) == 1)
    for item in items:
        if isinstance(item, ReadError):
            assert item.reason and item.origin.startswith("fuzz.jsonl")
        else:
            assert isinstance(item, Article) and item.text.strip()
            assert "\x00" not in item.text
            item.text.encode("utf-8")  # no lone surrogate
    source = folder / "fuzz.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    db = folder / "fuzz.duckdb"
    report = ingest([str(source)], db, coder)  # type: ignore[arg-type]
    stored = report.stored.added + report.stored.replaced + report.stored.unchanged
    assert stored + len(report.errors) == max(len(counted), 1 if not counted else 0)
    con = duckdb.connect(str(db), read_only=True)
    try:
        (n,) = con.execute("SELECT count(*) FROM articles").fetchone() or (0,)
    finally:
        con.close()
    assert n == report.stored.added
    db.unlink()
    return stored, len(report.errors)


@pytest.mark.slow
@SETTINGS
@given(batch)
def test_every_line_is_stored_or_rejected_with_a_reason(coder, lines: list[bytes]) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        check_batch(lines, coder, Path(tmp))
