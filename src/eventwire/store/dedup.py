"""Near-duplicate articles (syndicated copies of one wire story) by 64-bit SimHash.

Each article gets a SimHash of its character 4-grams (over the lower-cased words: many shingles
even for a short story, so a changed dateline or a light edit moves few bits). Two articles whose
hashes differ in at most ``MAX_DISTANCE`` bits are copies of one story; the later one points to
the earliest with
``articles.duplicate_of``. Candidates are found through eight 8-bit bands: two hashes within 7 bits
always share at least one band exactly, so the search never misses a copy.
"""

from __future__ import annotations

import hashlib
import re

MAX_DISTANCE = 6
#: Copies of one story are published within a few days of each other.
WINDOW_DAYS = 3
_WORD = re.compile(r"\w+", re.UNICODE)
_SHINGLE = 4


def simhash(text: str) -> int:
    """Signed 64-bit SimHash of the text's character shingles (signed, for DuckDB's BIGINT)."""
    norm = " ".join(_WORD.findall(text.lower()))
    shingles = [norm[i:i + _SHINGLE] for i in range(max(1, len(norm) - _SHINGLE + 1))]
    weights = [0] * 64
    for shingle in shingles:
        h = int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if h >> bit & 1 else -1
    value = sum(1 << bit for bit in range(64) if weights[bit] > 0)
    return value - (1 << 64) if value >= 1 << 63 else value


def distance(a: int, b: int) -> int:
    return bin((a ^ b) & 0xFFFFFFFFFFFFFFFF).count("1")


#: SQL marking syndicated copies among articles not yet checked (duplicate_of still unknown and
#: checked = false): each points to the earliest near-identical article within the window.
MARK_DUPLICATES_SQL = f"""
WITH todo AS (SELECT id, date, simhash FROM articles WHERE NOT dedup_checked),
cands AS (
    SELECT t.id, a.id AS original,
           bit_count(xor(t.simhash, a.simhash)) AS dist,
           coalesce(a.date, DATE '1970-01-01') AS odate
    FROM todo t JOIN articles a
      ON a.id <> t.id
     AND (((t.simhash >> 0) & 255) = ((a.simhash >> 0) & 255)
          OR ((t.simhash >> 8) & 255) = ((a.simhash >> 8) & 255)
          OR ((t.simhash >> 16) & 255) = ((a.simhash >> 16) & 255)
          OR ((t.simhash >> 24) & 255) = ((a.simhash >> 24) & 255)
          OR ((t.simhash >> 32) & 255) = ((a.simhash >> 32) & 255)
          OR ((t.simhash >> 40) & 255) = ((a.simhash >> 40) & 255)
          OR ((t.simhash >> 48) & 255) = ((a.simhash >> 48) & 255)
          OR ((t.simhash >> 56) & 255) = ((a.simhash >> 56) & 255))
     AND (t.date IS NULL OR a.date IS NULL
          OR abs(date_diff('day', t.date, a.date)) <= {WINDOW_DAYS})
     AND a.duplicate_of IS NULL
     AND (coalesce(a.date, DATE '1970-01-01'), a.id) < (coalesce(t.date, DATE '1970-01-01'), t.id)
    WHERE bit_count(xor(t.simhash, a.simhash)) <= {MAX_DISTANCE}
),
best AS (
    SELECT id, arg_min(original, (odate, original)) AS original FROM cands GROUP BY id
)
UPDATE articles SET duplicate_of = best.original FROM best WHERE articles.id = best.id
"""
