"""Names recased in lower- or upper-case copy, so that the tagger and NER can see them.

Archive copy is often all lower case ("new delhi: the bjp-led government ...") and old teletype
all capitals; spaCy's tagger and NER rely on capitals, so names vanish. ``Recaser`` gives the
pipeline a copy of the text with sentence starts and known names written as names are written
(the gazetteer's countries, capitals, organisations and office holders, and cities of 100,000
people or more). Only letters change case, so every character offset stays the same and the
evidence is still quoted from the text as stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

#: A sentence's first letter: at the start, after a full stop (not an initial's: "h.t. naidu"),
#: a line break or a dateline's colon.
_SENTENCE_START = re.compile(r"(\A|(?<!\b\w)[.!?…][\"'”’)]*\s+|\n\s*|:\s+)([a-z])")
_SMALL = frozenset({"of", "the", "and", "for", "de", "al", "el", "bin", "on", "in"})


def _name_case(alias: str) -> str:
    """"new delhi" -> "New Delhi", "bank of england" -> "Bank of England"; an alias written
    with capitals keeps them ("BJP")."""
    if alias != alias.lower():
        return alias
    words = alias.split(" ")
    return " ".join(w if (w in _SMALL and n) else w[:1].upper() + w[1:] for n, w in enumerate(words))


class Recaser:
    """Restores capitals on known names and sentence starts; built once per set of tables."""

    def __init__(self, names: Iterable[str], common: Iterable[str]) -> None:
        common_words = {w.lower() for w in common}
        self.names: dict[str, str] = {}
        for name in names:
            low = name.lower()
            if len(low) >= 3 and low not in common_words and len(low) == len(name):
                self.names.setdefault(low, _name_case(name))
        keys = sorted(self.names, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w-])"
                                  ) if keys else None

    def __call__(self, text: str, casing: Literal["mixed", "lower", "upper"]) -> str:
        """``text`` as the tagger should see it (itself when its casing is mixed)."""
        if casing == "mixed":
            return text
        # Teletype capitals are lowered first; lower-case copy keeps what capitals it has.
        low = text.lower() if casing == "upper" else text
        if len(low) != len(text):  # a letter whose lower case is longer ("İ"): leave it be
            return text
        if self.pattern is not None:
            low = self.pattern.sub(lambda m: self.names.get(m.group(1), m.group(1)), low)
        low = re.sub(r"(?<!\w)i(?!\w)", "I", low)
        return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), low)
