"""A feed's entries, parsed with no entity expansion.

feedparser keeps the "safe" entity declarations of a feed's DOCTYPE (plain text, no nested
references) and its loose parser expands them without limit: a 190 KB feed that references a
10 KB entity 60,000 times grew to gigabytes. A feed has no need of a DTD, so the DOCTYPE, internal
subset and entity declarations included, is cut out of the prolog before feedparser sees it; a
reference to an entity that is then undeclared is left as the text it is.
"""

from __future__ import annotations

import re
from typing import Any

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_ELEMENT = re.compile(rb"<[A-Za-z_]")


def parse_feed(body: bytes) -> Any:
    """feedparser's result for ``body``, with the DTD taken out first (see the module)."""
    import feedparser
    from feedparser.encodings import convert_to_utf8

    # feedparser finds the encoding (a UTF-16 feed too); the DTD is then cut from UTF-8 bytes.
    utf8 = convert_to_utf8({}, body, {})
    return feedparser.parse(strip_dtd(utf8))


def strip_dtd(data: bytes) -> bytes:
    """``data`` without the DOCTYPE declarations (internal subset included) and entity
    declarations that come before its first element."""
    while True:
        first = _ELEMENT.search(data)
        prolog_end = first.start() if first else len(data)
        found = _DOCTYPE.search(data, 0, prolog_end) or _ENTITY.search(data, 0, prolog_end)
        if found is None:
            return data
        data = data[:found.start()] + data[_declaration_end(data, found.end()):]


def _declaration_end(data: bytes, at: int) -> int:
    """Where the declaration opened just before ``at`` ends: past its ``>``, skipping quoted
    strings, comments and the bracketed internal subset (the end of ``data`` when unclosed)."""
    depth, i, n = 0, at, len(data)
    while i < n:
        c = data[i:i + 1]
        if c in (b'"', b"'"):
            close = data.find(c, i + 1)
            i = n if close < 0 else close + 1
            continue
        if data.startswith(b"<!--", i):
            close = data.find(b"-->", i + 4)
            i = n if close < 0 else close + 3
            continue
        if c == b"[":
            depth += 1
        elif c == b"]":
            depth = max(depth - 1, 0)
        elif c == b">" and depth == 0:
            return i + 1
        i += 1
    return n
