"""The project's data tables: tab-separated rows, one a line, ``#`` for comments. A component
reads its tables from its package's ``data/`` folder, or from a directory its config names (a
user's own lexicon or gazetteer, with the same file names)."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path


def package_data(package: str) -> Path:
    """The ``data/`` folder shipped in ``package``."""
    return Path(str(resources.files(package).joinpath("data")))


def read_rows(directory: Path, name: str) -> list[list[str]]:
    """The rows of a TSV table, cells stripped; blank lines and ``#`` comments left out."""
    text = (directory / name).read_text("utf-8")
    rows = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [[c.strip() for c in row] for row in rows
            if row and row[0].strip() and not row[0].startswith("#")]


def read_lines(directory: Path, name: str) -> list[str]:
    """The lines of a plain list, stripped; blank lines and ``#`` comments left out."""
    lines = (directory / name).read_text("utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
