from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.ingest.readers import (
    MAX_TEXT_BYTES,
    ReadError,
    clean_text,
    parse_text_article,
    read_inputs,
)
from eventwire.schema import Article


def read(*paths: Path | str, **kw) -> list[Article | ReadError]:
    return list(read_inputs([str(p) for p in paths], **kw))


def test_date_header_on_its_own_line_or_before_the_body() -> None:
    a = parse_text_article("date 2025-05-26\nTurkey met Pakistan.", "x")
    b = parse_text_article("date 2025-05-26 Turkey met Pakistan.", "x")
    assert a.date == b.date == date(2025, 5, 26)
    assert a.text == b.text == "Turkey met Pakistan."
    override = parse_text_article("date 2025-05-26\nTurkey met Pakistan.", "x", date(2024, 1, 1))
    assert override.date == date(2024, 1, 1)
    assert parse_text_article("Turkey met Pakistan.", "x").date is None


def test_clean_text_unwraps_lines_and_keeps_paragraphs() -> None:
    assert clean_text("President\nMacron  met\tStarmer.\n\n Second  para.") == \
        "President Macron met Starmer.\n\nSecond para."


def test_jsonl_good_and_bad_lines_each_reported_with_line_number(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "a", "date": "2025-01-02", "text": "Japan praised India."}),
        "{not json",
        json.dumps({"id": "b", "title": "no text"}),
        json.dumps({"text": "Iran met Oman.", "date": "2025-13-45"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Chile thanked Peru."}),
    ]) + "\n", encoding="utf-8")
    items = read(f)
    good = [i for i in items if isinstance(i, Article)]
    bad = [i for i in items if isinstance(i, ReadError)]
    assert [a.text for a in good] == ["Japan praised India.", "Chile thanked Peru."]
    assert good[0].id == "a" and good[0].date == date(2025, 1, 2)
    assert [e.origin for e in bad] == [f"{f}:2", f"{f}:3", f"{f}:4", f"{f}:5"]
    assert "not valid JSON" in bad[0].reason and "'text'" in bad[1].reason
    assert "bad date" in bad[2].reason


def test_empty_binary_and_non_utf8_files_are_errors_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (tmp_path / "latin1.txt").write_bytes("date 2025-01-01\nCôte d'Ivoire".encode("latin-1"))
    (tmp_path / "ok.txt").write_text("date 2025-01-01\nGhana praised Togo.", encoding="utf-8")
    items = read(tmp_path)
    errors = {Path(i.origin).name: i.reason for i in items if isinstance(i, ReadError)}
    assert errors == {"binary.txt": "binary data (NUL bytes), not text",
                      "empty.txt": "empty file",
                      "latin1.txt": errors["latin1.txt"]}
    assert "not UTF-8" in errors["latin1.txt"]
    assert [a.text for a in items if isinstance(a, Article)] == ["Ghana praised Togo."]


def test_huge_file_is_rejected_not_loaded(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    f.write_bytes(b"Turkey met Pakistan. " * (MAX_TEXT_BYTES // 20 + 10))
    (item,) = read(f)
    assert isinstance(item, ReadError) and "larger than" in item.reason


def test_missing_path_and_stdin(tmp_path: Path) -> None:
    (item,) = read(tmp_path / "nope.txt")
    assert isinstance(item, ReadError) and "no such file" in item.reason
    stdin = io.BytesIO(b"date 2025-02-03\nKenya thanked Uganda.")
    (art,) = read("-", stdin=stdin)
    assert isinstance(art, Article) and art.date == date(2025, 2, 3)
    stdin = io.BytesIO(b'{"text": "Kenya thanked Uganda."}\n{"text": "Peru met Chile."}\n')
    assert len(read("-", stdin=stdin)) == 2


def test_clean_text_repairs_mojibake_and_keeps_lines_that_stand_alone() -> None:
    assert clean_text("â€œWe demand talks,â€\x9d she said.") == "“We demand talks,” she said."
    # a no-break space whose second half became a plain space leaves a lone "Â"
    assert clean_text("read this story in... Â Â hindi the bench said") == \
        "read this story in... hindi the bench said"
    # A headline and a byline keep their own lines; hard-wrapped prose is joined.
    raw = ("Chile and Peru agree to talk\nBy Ana Ruiz\nLIMA -- Chile and Peru agreed on Monday to\n"
           "resume talks on their maritime border, the two foreign\nministries said.")
    assert clean_text(raw) == ("Chile and Peru agree to talk\n\nBy Ana Ruiz\n\nLIMA -- Chile and "
                               "Peru agreed on Monday to resume talks on their maritime border, "
                               "the two foreign ministries said.")
    # A line that ends on "of" or runs on in lower case is a wrap, whatever its length.
    assert clean_text("Talks on the future of\nGaza resumed.") == "Talks on the future of Gaza resumed."
    assert clean_text("Talks resumed on\nmonday.") == "Talks resumed on monday."


def test_one_bad_record_of_any_kind_is_rejected_with_its_field_and_the_rest_kept(
        tmp_path: Path) -> None:
    f = tmp_path / "hostile.jsonl"
    lines = [
        '{"id":"a","text":"Turkey met Iran."}',
        '{"text":"x","m":' + "[" * 5000 + "]" * 5000 + "}",  # nested beyond the parser's stack
        '{"id":"b","title":"\\udc00","text":"China accused Japan."}',  # a lone surrogate
        '{"id":"c","text":"Chile met\\u0000 Peru."}',  # a NUL inside the text
        '{"id":"d","text":"Chile met Peru.","title":["a","list"]}',
        '{"id":"e","text":"Chile met Peru.","source":{"a":1}}',
        '{"id":"f","text":"Chile met Peru.","date":"2025-05-26garbage"}',
        '{"id":"g","text":"Chile met Peru.","date":"9999-12-31"}',
        '{"id":["x"],"text":"Chile met Peru."}',
        '{"id":42,"text":"Mali met Niger.","date":"2025-05-26T10:00:00Z"}',
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(f)
    good = [i for i in items if isinstance(i, Article)]
    bad = {int(i.origin.rsplit(":", 1)[1]): i.reason for i in items if isinstance(i, ReadError)}
    assert [(a.id, a.date) for a in good] == [("a", None), ("42", date(2025, 5, 26))]
    assert "nested too deeply" in bad[2]
    assert "'title' is not valid Unicode" in bad[3]
    assert "'text' contains a NUL" in bad[4]
    assert "'title' must be a string, not list" in bad[5]
    assert "'source' must be a string, not dict" in bad[6]
    assert "bad date" in bad[7] and "outside" in bad[8] and "'id' must be a string" in bad[9]


def test_the_date_window_is_a_setting(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from eventwire.ingest.readers import parse_date

    with pytest.raises(ValueError, match="outside"):
        parse_date("1850-01-01")
    monkeypatch.setenv("EVENTWIRE_DATE_RANGE", "1800-01-01..1900-12-31")
    assert parse_date("1850-01-01T00:00") == date(1850, 1, 1)
    with pytest.raises(ValueError, match="outside"):
        parse_date("2025-01-01")


def test_nul_bytes_anywhere_in_a_text_file_mark_it_binary(tmp_path: Path) -> None:
    f = tmp_path / "late.txt"
    f.write_bytes(b"Turkey met Iran. " * 1000 + b"\x00tail")
    (err,) = read(f)
    assert isinstance(err, ReadError) and "NUL" in err.reason


def test_a_fifo_is_refused_instead_of_read_forever(tmp_path: Path) -> None:
    import os

    from tests.conftest import read_without_blocking

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (err,) = read_without_blocking(fifo, lambda: read(fifo))
    assert isinstance(err, ReadError) and "not a regular file" in err.reason


def test_a_saved_web_page_is_read_as_its_story_without_markup(tmp_path: Path) -> None:
    story = ("Turkey and Iran held talks in Ankara on Monday about border security, officials "
             "from both governments said. The foreign ministers agreed to meet again next month "
             "in Tehran to discuss trade, energy and refugees, according to a statement.")
    page = tmp_path / "story.html"
    page.write_text("<html><head><title>Talks in Ankara</title><script>var x = 1;</script>"
                    '<meta property="article:published_time" content="2025-05-26"></head>'
                    f"<body><nav>Home | World</nav><article><p>{story}</p>"
                    "<p>Both sides &amp; their aides spoke.</p></article></body></html>",
                    encoding="utf-8")
    (article,) = read(page)
    assert isinstance(article, Article) and article.title == "Talks in Ankara"
    assert article.text == story + "\n\nBoth sides & their aides spoke."
    assert article.date == date(2025, 5, 26)
    login = tmp_path / "login.htm"
    login.write_text("<html><body><form>Sign in to read.</form></body></html>", encoding="utf-8")
    (err,) = read(login)
    assert isinstance(err, ReadError) and "not an article" in err.reason


def test_a_timestamp_must_name_a_real_time_of_day() -> None:
    from eventwire.ingest.records import parse_date

    for bad in ("2025-05-26T99:99", "2025-05-26T24:00", "2025-05-26T10:61:00Z",
                "2025-05-26T10:00+25:00"):
        with pytest.raises(ValueError, match="no such time"):
            parse_date(bad)
    assert parse_date("2025-05-26T23:59:59.5+05:30") == parse_date("2025-05-26")


class _Endless(io.RawIOBase):
    """``size`` bytes of one value, made as they are read (a pipe that is never held whole)."""

    def __init__(self, size: int, fill: bytes = b"\0") -> None:
        self.left, self.fill = size, fill

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        n = min(len(buffer), self.left)
        buffer[:n] = self.fill * n
        self.left -= n
        return n


def _read_counting_peak(source: str | Path, stdin: io.BufferedIOBase
                        ) -> tuple[list[Article | ReadError], int]:
    """The items read, and the most memory Python held while reading them."""
    import tracemalloc

    tracemalloc.start()
    try:
        items = read(source, stdin=stdin)
        return items, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_stdin_is_streamed_and_rejected_at_the_size_limit_without_being_held() -> None:
    stdin = io.BufferedReader(_Endless(100_000_000))
    items, peak = _read_counting_peak("-", stdin)
    assert len(items) == 1 and isinstance(items[0], ReadError)
    assert "larger than" in items[0].reason
    assert peak < 12_000_000, f"held {peak} bytes of a 100 MB stdin"


def test_an_over_long_jsonl_line_is_one_error_with_its_line_and_the_rest_is_kept(
        tmp_path: Path) -> None:
    from eventwire.ingest.lines import MAX_LINE_BYTES

    huge = b'{"text": "' + b"a" * (5 * MAX_LINE_BYTES) + b'"}\n'
    data = b'{"text": "Kenya thanked Uganda."}\n' + huge + b'{"text": "Peru met Chile."}\n'
    f = tmp_path / "big.jsonl"
    f.write_bytes(data)
    del huge
    for source, where in ((f, f"{f}:2"), ("-", "<stdin>:2")):
        with io.BufferedReader(io.FileIO(f)) as stream:
            items, peak = _read_counting_peak(source, stream)
        assert [i.text for i in items if isinstance(i, Article)] == [
            "Kenya thanked Uganda.", "Peru met Chile."]
        (bad,) = [i for i in items if isinstance(i, ReadError)]
        assert bad.origin == where and "longer than" in bad.reason
        assert peak < 3 * MAX_LINE_BYTES, f"held {peak} bytes for one line"
