"""The warning policy is in force: a warning fails the test that raises it (pyproject's
filterwarnings), except the third-party ones listed there by name."""

from __future__ import annotations

import warnings

import pytest


def test_a_deprecation_raised_by_the_project_is_an_error() -> None:
    with pytest.raises(DeprecationWarning):
        warnings.warn("an old call", DeprecationWarning, stacklevel=1)


def test_a_resource_warning_is_an_error() -> None:
    with pytest.raises(ResourceWarning):
        warnings.warn("unclosed file", ResourceWarning, stacklevel=1)


def test_only_the_listed_ray_data_deprecations_are_let_through() -> None:
    with warnings.catch_warnings(record=True) as seen:
        warnings.warn_explicit("`use_polars` is deprecated, please configure `use_polars_sort`",
                               DeprecationWarning, "context.py", 1, module="ray.data.context")
    assert seen == []
    with pytest.raises(DeprecationWarning):
        warnings.warn_explicit("`something_new` is deprecated", DeprecationWarning,
                               "context.py", 1, module="ray.data.context")
