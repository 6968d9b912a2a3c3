"""Corpus-scale coding: plan inputs into units, code them locally or on Ray, resumably."""

from eventwire.batch.runner import BatchReport, process_unit, run_batch
from eventwire.batch.sources import Unit, plan, read_unit

__all__ = ["BatchReport", "Unit", "plan", "process_unit", "read_unit", "run_batch"]
