"""Cut a long text into windows of whole sentences, each with some of the text before it.

The pipeline codes a text longer than ``limits.WINDOW_CHARS`` one window at a time
(``pipeline.Coder.code``): one spaCy Doc per window, parsed and dropped before the next, so
memory is bounded by the window whatever the text's length. A window is cut at a paragraph
break if it has one in its second half, else after a sentence's end, else at a space; each one
after the first starts ``context`` characters earlier (at a sentence start), so coreference sees
what was named just before. Events and quotations found in that context belong to the window
before and are left out there.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from eventwire.limits import WINDOW_CHARS, WINDOW_CONTEXT_CHARS

_CUTS = (re.compile(r"\n[ \t]*\n\s*"),  # a paragraph break
         re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+"),  # a sentence's end
         re.compile(r"\s+"))


class Window(NamedTuple):
    """``text[start:end]`` is parsed; events at or after ``own`` are this window's."""

    start: int
    own: int
    end: int


def _cut(text: str, lo: int, hi: int, last: bool) -> int:
    """The last (or first) place in ``text[lo:hi]`` where a sentence may start, by preference a
    paragraph; ``hi`` (or ``lo``) when there is none."""
    for pattern in _CUTS:
        ends = [m.end() for m in pattern.finditer(text, lo, hi) if lo < m.end() < hi]
        if ends:
            return ends[-1] if last else ends[0]
    return hi if last else lo


def windows(text: str, size: int = WINDOW_CHARS, context: int = WINDOW_CONTEXT_CHARS
            ) -> list[Window]:
    """The windows that cover ``text`` (one, the whole text, when it is not over ``size``)."""
    if len(text) <= size:
        return [Window(0, 0, len(text))]
    out: list[Window] = []
    own = 0
    while own < len(text):
        end = len(text) if len(text) - own <= size else _cut(text, own + size // 2, own + size,
                                                             last=True)
        start = 0 if own == 0 else _cut(text, max(0, own - context), own, last=False)
        out.append(Window(start, own, end))
        own = end
    return out
