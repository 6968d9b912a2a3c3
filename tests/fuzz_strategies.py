"""Hypothesis strategies for hostile input: what a careless or malicious feed can hold. Shared by
tests/test_fuzz.py (a short run in CI) and benchmarks/fuzz_inputs.py (the long run)."""

from __future__ import annotations

import json

from hypothesis import strategies as st

#: Any code point, lone surrogates and NUL included.
ANY_CHAR = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=())
SENTENCES = ["Turkey met Iran in Ankara.", "Police arrested 12 protesters in Delhi on Monday.",
             "China accused Japan of provocations.", "Kenya sent aid to Somalia."]
ODD_DATES = ["2025-05-26", "2025-05-26garbage", "9999-12-31", "0001-01-01", "2025-02-30",
             "2025-05-26T10:00:00Z", "2025-05-26 10:00", "26/05/2025", "", " ", "yesterday",
             "2025-5-6", "1899-12-31", "2025-05-26T25:99"]

plain_text = st.text(ANY_CHAR, max_size=300)
article_text = st.one_of(plain_text, st.lists(st.sampled_from(SENTENCES), min_size=1,
                                              max_size=8).map(" ".join),
                         st.tuples(st.sampled_from(SENTENCES), plain_text).map(" ".join))
scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                   plain_text)
value = st.recursive(scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                     st.dictionaries(plain_text, inner,
                                                                     max_size=3)),
                     max_leaves=8)
record = st.fixed_dictionaries({}, optional={
    "text": st.one_of(article_text, value), "id": st.one_of(st.integers(0, 20), plain_text,
                                                            value),
    "date": st.one_of(st.sampled_from(ODD_DATES), value), "title": st.one_of(plain_text, value),
    "url": st.one_of(plain_text, value), "source": value})


def _deep(depth: int) -> bytes:
    return ('{"text": "Turkey met Iran.", "x": ' + "[" * depth + "]" * depth + "}").encode()


line = st.one_of(
    record.map(lambda r: json.dumps(r, ensure_ascii=True).encode()),  # surrogates as \\udXXX
    record.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    record.map(lambda r: json.dumps(r, ensure_ascii=False, default=str).encode("latin-1",
                                                                              "replace")),
    st.binary(max_size=200),
    st.integers(100, 20_000).map(_deep),
    value.map(lambda v: json.dumps(v).encode()),
    st.sampled_from([b"{", b"null", b"[]", b'"text"', b"{}", b'{"text": ""}', b"\xef\xbb\xbf{}"]),
).map(lambda raw: raw.replace(b"\n", b" ").replace(b"\r", b" "))

#: The lines of one JSONL batch (each without its newline).
batch = st.lists(line, min_size=1, max_size=6)
