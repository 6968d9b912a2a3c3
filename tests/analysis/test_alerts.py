"""The alert rule on synthetic series with known shifts (module docstring of analysis.alerts)."""

from __future__ import annotations

import hashlib
import math
from datetime import date
from pathlib import Path

import duckdb
import pytest

from eventwire.analysis.alerts import poisson_tail, shift_alerts, surprise
from eventwire.schema import Article
from eventwire.store.db import EventStore
from eventwire.store.queries import QueryError
from tests.conftest import make_event


def series(path: Path, counts: dict[tuple[str, str], list[int]]) -> duckdb.DuckDBPyConnection:
    """A database in which pair (a, b) has ``counts[i]`` conflict events in month i of 2024
    (each on its own day, each its own article, so no collapsing merges them)."""
    items = []
    for (a, b), months in counts.items():
        for m, n in enumerate(months):
            for day in range(1, n + 1):
                aid = f"{a}{b}-{m}-{day}"
                # Unrelated words: texts this alike would otherwise be syndicated copies.
                words = " ".join(hashlib.sha256(f"{aid}{i}".encode()).hexdigest()[:7]
                                 for i in range(12))
                items.append((Article(text=f"{a} accused {b}: {words}.", id=aid),
                              [make_event(aid, "ACCUSE", a, b, date(2024, m + 1, day))]))
    with EventStore(path) as store:
        store.write(items)
    return duckdb.connect(str(path), read_only=True)


def test_the_poisson_tail_matches_the_sum_of_its_terms() -> None:
    def direct(k: int, rate: float) -> float:
        return sum(math.exp(-rate) * rate ** j / math.factorial(j) for j in range(k, 150))

    for k, rate in [(0, 2.0), (1, 0.5), (3, 0.5), (8, 5.0), (20, 5.0), (2, 9.0)]:
        assert poisson_tail(k, rate) == pytest.approx(direct(k, rate), rel=1e-9, abs=1e-300)
    assert 1000 < surprise(500, 1.0) < math.inf  # far tails stay finite
    assert surprise(0, 3.0) == 0


def test_a_jump_far_above_a_steady_rate_is_an_alert_and_ordinary_noise_is_not(
        tmp_path: Path) -> None:
    con = series(tmp_path / "s.duckdb", {
        ("IND", "PAK"): [5, 4, 6, 5, 5, 20],  # a fourfold jump: an alert in June only
        ("CHN", "USA"): [5, 6, 4, 5, 5, 8],  # within the noise of a rate of 5
        ("FRA", "GBR"): [1, 0, 0, 0, 0, 2],  # two events after quiet months: news, no alarm
    })
    alerts = shift_alerts(con, interval="month", baseline=5)
    assert [(a["a"], a["b"], a["period"], a["measure"]) for a in alerts] == [
        ("IND", "PAK", date(2024, 6, 1), "conflict")]
    (alert,) = alerts
    assert alert["value"] == 20 and alert["baseline_mean"] == 5.0
    assert alert["surprise"] == pytest.approx(-math.log10(poisson_tail(20, 5.0)), abs=0.01)
    assert {x["id"] for x in alert["articles"]} <= {f"INDPAK-5-{d}" for d in range(1, 21)}


def test_the_threshold_and_the_minimum_rate_decide(tmp_path: Path) -> None:
    con = series(tmp_path / "t.duckdb", {("IND", "PAK"): [5, 4, 6, 5, 5, 12],
                                          ("FRA", "GBR"): [1, 0, 0, 0, 0, 5]})
    s12 = surprise(12, 5.0)  # about 2.3
    assert 2 < s12 < 3
    found = {(a["a"], a["period"].month) for a in shift_alerts(con, baseline=5, threshold=2)}
    assert ("IND", 6) in found
    assert ("IND", 6) not in {(a["a"], a["period"].month)
                              for a in shift_alerts(con, baseline=5, threshold=3)}
    # Five events after quiet months: surprising at the default floor of 0.5 a month,
    # ordinary if a quiet pair is expected to have two.
    assert ("FRA", 6) in {(a["a"], a["period"].month) for a in shift_alerts(con, baseline=5)}
    assert ("FRA", 6) not in {(a["a"], a["period"].month)
                              for a in shift_alerts(con, baseline=5, min_rate=2.0)}
    with pytest.raises(QueryError):
        shift_alerts(con, threshold=0)


def test_a_pairs_history_starts_at_its_first_coverage(tmp_path: Path) -> None:
    """Months before a pair's first events are not zeros: its first month is no surprise,
    and it is tested once it has a full baseline of its own history."""
    con = series(tmp_path / "f.duckdb", {
        ("IND", "PAK"): [3, 3, 3, 3, 3, 3, 3, 3],  # covered from January: the grid's start
        ("FRA", "GBR"): [0, 0, 0, 0, 8, 1, 1, 1],  # first seen in May with 8 events
        ("CHN", "USA"): [0, 0, 0, 1, 1, 1, 9, 0],  # from April; a real jump in July
    })
    found = {(a["a"], a["period"].month) for a in shift_alerts(con, baseline=3)}
    assert ("FRA", 5) not in found  # was: 8 against three "empty" months, surprise 5.9
    assert ("CHN", 7) in found  # 9 against its own April-June rate of 1
    # July is the first month with three months of CHN-USA history before it
    (july,) = [a for a in shift_alerts(con, baseline=3) if a["a"] == "CHN"]
    assert july["baseline_mean"] == 1.0
    assert ("CHN", 7) not in {(a["a"], a["period"].month)
                              for a in shift_alerts(con, baseline=4)}  # only 3 months known
