"""The codebook in force: the shipped tables and a user's own files over them.

A ``Codebook`` names the user's actor files (``--actors``: TABARI/PETRARCH dictionaries or files
in a shipped table's columns, ``actors.overrides``) and trigger files (``--lexicon``: the columns
of ``events/data/lexicon.tsv``). It is small and picklable, so it travels with ``CoderConfig`` to
batch workers and Ray actors, which read the same files.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire.actors.overrides import read_user_actors
from eventwire.events.lexicon import read_user_lexicon
from eventwire.tables import package_data

#: The packages whose ``data/`` tables decide how text is coded (actors, triggers, the typer).
SHIPPED = ("eventwire.actors", "eventwire.events")


@dataclass(frozen=True)
class Codebook:
    """A user's actor and trigger files (absolute paths), in the order given."""

    actors: tuple[str, ...] = ()
    lexicon: tuple[str, ...] = ()

    @classmethod
    def of(cls, actors: list[Path] | None = None, lexicon: list[Path] | None = None) -> Codebook:
        return cls(tuple(str(p.resolve()) for p in actors or ()),
                   tuple(str(p.resolve()) for p in lexicon or ()))

    def pipeline_config(self) -> dict[str, dict[str, Any]]:
        """The components' settings that load these files (``nlp.build_pipeline``)."""
        return {"eventwire_actors": {"user": list(self.actors)},
                "eventwire_events": {"user": list(self.lexicon)}}

    def digest(self) -> str:
        """The codebook in force, as 16 hex digits: a hash of the shipped tables' bytes and
        of the user's files (their bytes, kind and order). Stored with every coded article."""
        return _digest(self)

    def problems(self) -> list[str]:
        """Every line of the user's files that could not be read, as "file:line: message"
        (those lines are left out; the rest of each file is used)."""
        found = [str(e) for e in read_user_actors(self.actors).errors]
        for path in self.lexicon:
            found += [f"{path}:{n}: {message}" for n, message in read_user_lexicon(Path(path))[1]]
        return found


@lru_cache(maxsize=8)
def _digest(codebook: Codebook) -> str:
    h = hashlib.sha256()

    def add(label: str, path: Path) -> None:
        h.update(f"{label}\0{len(path.read_bytes())}\0".encode())
        h.update(path.read_bytes())

    for package in SHIPPED:
        root = package_data(package)
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            add(f"{package}/{path.relative_to(root).as_posix()}", path)
    for kind, paths in (("actors", codebook.actors), ("lexicon", codebook.lexicon)):
        for raw in paths:
            add(kind, Path(raw))  # by content: the same file elsewhere is the same codebook
    return h.hexdigest()[:16]
