"""Article text as stored: mojibake repaired, hard wraps joined, standalone lines (headline,
byline, caption) kept as paragraphs. Offsets in events refer to this cleaned text."""

from __future__ import annotations

import re

import ftfy

from eventwire.ingest.layout import is_own_line

_PARAGRAPH = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"[ \t\r\f\v\n]+")
#: A direct quotation: in double quotes, or in the doubled single marks of typewriter and
#: archive copy (``...'', ‘‘...’’, ''...''; "mp''s" is an apostrophe); at least 12 characters,
#: no mark inside.
QUOTE_PATTERN = re.compile(
    r"(?:``|‘‘|(?<!\w)''|[\"“”„])((?:(?!''|’’|``|‘‘)[^\"“”„]){12,}?)(?:''(?!\w)|’’|[\"“”])")


def repair(text: str) -> str:
    """Mojibake and broken Unicode repaired (UTF-8 read as Windows-1252: "â€œ" -> a quotation
    mark), curly quotes kept as written. A lone "Â" before a space is the first half of a
    no-break space whose second half an earlier pass turned into a plain one ("in... Â Â hindi"):
    ftfy cannot see it, so it goes here."""
    return _LONE_A.sub("", ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=True))


_LONE_A = re.compile(r"(?<!\S)Â(?=[ \u00a0])")


def clean_text(text: str) -> str:
    """Repair mojibake, unwrap hard-wrapped lines and squeeze spaces; keep paragraph breaks, and
    lines that stand alone (headlines, bylines, captions) as paragraphs. Offsets in events refer
    to this cleaned text, which is what is stored."""
    out: list[str] = []
    for block in _PARAGRAPH.split(repair(text)):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        # The wrap width of a line: the longest of the other lines that run on to the next (not
        # the last), so the two longest are all that is needed.
        longest = sorted(((len(ln), m) for m, ln in enumerate(lines[:-1])), reverse=True)[:2]
        current: list[str] = []
        for n, line in enumerate(lines):
            current.append(line)
            after = lines[n + 1] if n + 1 < len(lines) else ""
            width = next((size for size, m in longest if m != n), 0)
            if after and is_own_line(line, after, width, first=not out and n == 0):
                out.append(_SPACES.sub(" ", " ".join(current)).strip())
                current = []
        if current:
            out.append(_SPACES.sub(" ", " ".join(current)).strip())
    return "\n\n".join(p for p in out if p)
