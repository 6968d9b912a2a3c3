from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.batch.sources import Unit, plan, read_unit
from eventwire.ingest.html import html_to_text
from eventwire.ingest.readers import ReadError
from eventwire.schema import Article


def read_all(units: list[Unit]) -> list[tuple[str, Article | ReadError]]:
    return [item for u in units for item in read_unit(u)]


def test_units_cover_every_document_once_and_ids_are_stable(corpus: dict[str, Path]) -> None:
    inputs = [str(p) for p in corpus.values()]
    units = [u for u in plan(inputs, unit_docs=8) if isinstance(u, Unit)]
    assert [u.id for u in units] == [u.id for u in plan(inputs, unit_docs=8)
                                     if isinstance(u, Unit)]
    items = read_all(units)
    good = [a for _, a in items if isinstance(a, Article)]
    ids = [a.with_id().id for a in good]
    assert len(ids) == len(set(ids)) == 40 + 30 + 25 + 4 + 6
    kinds = {u.kind for u in units}
    assert kinds == {"jsonl", "jsonl.gz", "parquet", "text", "warc"}
    assert sum(u.docs for u in units if u.kind == "jsonl.gz") == 30


def test_bad_documents_are_errors_with_their_place(corpus: dict[str, Path]) -> None:
    units = [u for u in plan([str(corpus["jsonl"]), str(corpus["texts"]), str(corpus["warc"])])
             if isinstance(u, Unit)]
    errors = {key: item.reason for key, item in read_all(units) if isinstance(item, ReadError)}
    jsonl = str(corpus["jsonl"].resolve())
    assert "not valid JSON" in errors[f"{jsonl}:41"]
    assert "'text'" in errors[f"{jsonl}:42"]
    assert any("empty file" in r for r in errors.values())
    assert any("not HTML" in r for r in errors.values())


def test_missing_and_unknown_inputs_are_reported(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("a,b", encoding="utf-8")
    items = list(plan([str(tmp_path / "nope.jsonl"), str(tmp_path / "x.csv")]))
    assert all(isinstance(i, ReadError) for i in items) and len(items) == 2


def test_warc_pages_become_articles_with_url_date_and_clean_text(corpus: dict[str, Path]) -> None:
    units = [u for u in plan([str(corpus["warc"])]) if isinstance(u, Unit)]
    pages = [a for _, a in read_all(units) if isinstance(a, Article)]
    assert len(pages) == 6
    assert pages[0].url == "https://news.example.org/0" and pages[0].title == "Page 0"
    assert pages[0].date is not None and pages[0].date.isoformat() == "2025-04-01"
    assert "Home" not in pages[0].text and "var x" not in pages[0].text


def test_html_to_text_keeps_paragraphs_and_drops_boilerplate() -> None:
    title, text = html_to_text("<title>T</title><nav>menu</nav><p>One  two.</p><p>Three.</p>"
                               "<script>evil()</script><footer>f</footer>")
    assert (title, text) == ("T", "One two.\n\nThree.")


def test_an_input_edited_in_place_to_the_same_length_is_a_new_plan(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text('{"id":"a","text":"Chile met Peru."}\n', encoding="utf-8")
    before = [u.id for u in plan([str(src)])]  # type: ignore[union-attr]
    src.write_text('{"id":"a","text":"Chile hit Peru."}\n', encoding="utf-8")
    after = [u.id for u in plan([str(src)])]  # type: ignore[union-attr]
    assert len(before) == len(after) == 1 and before != after


def test_a_rerun_over_changed_inputs_is_refused_not_stale(tmp_path: Path) -> None:
    from eventwire.batch.runner import _read_plan

    src = tmp_path / "a.jsonl"
    src.write_text('{"id":"a","text":"Chile met Peru."}\n', encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    _read_plan([str(src)], out, 256)
    src.write_text('{"id":"a","text":"Chile hit Peru."}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="changed since"):
        _read_plan([str(src)], out, 256)


def test_a_fifo_among_the_inputs_is_an_error_not_a_hang(tmp_path: Path) -> None:
    import os

    from tests.conftest import read_without_blocking

    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    (item,) = read_without_blocking(fifo, lambda: list(plan([str(fifo)])))
    assert isinstance(item, ReadError) and "not a regular file" in item.reason


def test_an_over_long_line_is_one_error_in_plan_and_unit_and_the_rest_is_kept(
        tmp_path: Path) -> None:
    import tracemalloc

    from eventwire.ingest.lines import MAX_LINE_BYTES

    src = tmp_path / "big.jsonl"
    with src.open("wb") as fh:
        fh.write(b'{"id": "a", "text": "Chile met Peru."}\n')
        fh.write(b'{"text": "' + b"b" * (5 * MAX_LINE_BYTES) + b'"}\n')
        fh.write(b'{"id": "c", "text": "Peru met Chile."}\n')
    tracemalloc.start()
    try:
        units = [u for u in plan([str(src)], unit_docs=2) if isinstance(u, Unit)]
        items = read_all(units)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [u.docs for u in units] == [2, 1]
    assert [a.id for _, a in items if isinstance(a, Article)] == ["a", "c"]
    (bad,) = [(k, e) for k, e in items if isinstance(e, ReadError)]
    assert bad[0] == f"{src.resolve()}:2" and "longer than" in bad[1].reason
    assert peak < 3 * MAX_LINE_BYTES, f"held {peak} bytes for one line"


def _edit(corpus: dict[str, Path], kind: str) -> None:
    """Change an input the way an editor or a re-export would."""
    import os

    if kind == "parquet":  # rewritten whole, with other rows
        import pyarrow as pa
        import pyarrow.parquet as pq

        from tests.batch.conftest import articles

        pq.write_table(pa.Table.from_pylist(articles(25, "z")), corpus[kind], row_group_size=10)
        return
    # One byte of one text changed, same length, and the old mtime put back: only the
    # contents tell (JSONL units and text files are checked by digest).
    target = sorted(corpus[kind].glob("*.txt"))[1] if kind == "texts" else corpus[kind]
    stat = target.stat()
    data = bytearray(target.read_bytes())
    at = data.index(b"e", len(data) // 2)
    data[at:at + 1] = b"a"
    target.write_bytes(bytes(data))
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))


@pytest.mark.parametrize("kind", ["jsonl", "parquet", "texts"])
def test_an_input_edited_during_the_run_is_an_error_not_lost_lines(
        corpus: dict[str, Path], kind: str) -> None:
    from eventwire.batch.sources import UnitChanged

    units = [u for u in plan([str(corpus[kind])], unit_docs=8) if isinstance(u, Unit)]
    for unit in units:
        list(read_unit(unit))  # as planned: read without complaint
    _edit(corpus, kind)
    changed = []
    for unit in units:
        try:
            list(read_unit(unit))
        except UnitChanged as exc:
            changed.append(str(exc))
    assert changed and all("changed during the run" in c for c in changed)
    assert len(changed) == (len(units) if kind == "parquet" else 1)
