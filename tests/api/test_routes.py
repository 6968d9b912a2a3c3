"""The route parameter types against the library's constants (no server needed)."""

from __future__ import annotations

import typing

from eventwire.analysis import COLLAPSE_MODES
from eventwire.analysis.dyads import INTERVALS
from eventwire.api.routes import CollapseMode, IntervalName, ScaleMode
from eventwire.charts import SCALE_MODES


def test_route_literals_are_the_analysis_constants() -> None:
    assert typing.get_args(CollapseMode) == COLLAPSE_MODES
    assert typing.get_args(IntervalName) == INTERVALS
    assert typing.get_args(ScaleMode) == SCALE_MODES
