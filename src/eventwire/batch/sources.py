"""Plan corpus inputs into units of work, and read the articles of one unit.

A unit is a small, picklable description of a slice of one input: a byte range of a JSONL file,
a line range of a gzip JSONL file, row groups of a Parquet file, a byte range of WARC records, or
a list of text files. Planning is deterministic, so the same arguments give the same units (and
unit ids) on every run: that is what makes a killed run resumable. Inputs are streamed; nothing is
loaded whole.
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any, Literal

import pyarrow.parquet as pq

from eventwire.ingest.html import html_to_text
from eventwire.ingest.lines import Line, read_lines
from eventwire.ingest.readers import (
    MAX_TEXT_BYTES,
    ReadError,
    article_from_record,
    jsonl_item,
    read_path,
)
from eventwire.schema import Article

UnitKind = Literal["jsonl", "jsonl.gz", "parquet", "warc", "text"]
#: Documents per unit: small enough to redo cheaply after a crash, large enough to batch the parser.
UNIT_DOCS = 256
_TEXT_SUFFIXES = {".txt", ".text", ".md"}


@dataclass(frozen=True)
class Unit:
    """One slice of one input."""

    kind: UnitKind
    path: str
    start: int = 0  # byte offset (jsonl, warc), line number (jsonl.gz), first row group (parquet)
    stop: int = 0
    first_line: int = 1  # for error messages (jsonl, jsonl.gz)
    files: tuple[str, ...] = field(default_factory=tuple)  # text
    docs: int = 0  # documents in the unit (for progress)
    digest: str = ""  # of the unit's bytes (JSONL) or its files: an edited input is a new unit
    stamp: str = ""  # size and mtime of the file when planned (checked when read; not in the id)

    @property
    def id(self) -> str:
        key = (f"{self.kind}|{self.path}|{self.start}|{self.stop}|{'|'.join(self.files)}"
               f"|{self.digest}")
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["files"] = list(self.files)
        return d

    @property
    def where(self) -> str:
        """The unit's documents, for a message: file and lines, row groups or offsets."""
        if self.kind in ("jsonl", "jsonl.gz"):
            return f"{self.path}:{self.first_line}-{self.first_line + self.docs - 1}"
        if self.kind == "parquet":
            return f"{self.path}#rowgroups{self.start}-{self.stop - 1}"
        if self.kind == "warc":
            return f"{self.path}@{self.start}-{self.stop}"
        return ", ".join(self.files)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Unit:
        return cls(**{**d, "files": tuple(d.get("files") or ())})


def kind_of(path: Path) -> UnitKind | None:
    name = path.name.lower()
    if name.endswith((".jsonl.gz", ".ndjson.gz")):
        return "jsonl.gz"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    if path.suffix.lower() in _TEXT_SUFFIXES:
        return "text"
    return None


def input_files(inputs: list[str]) -> Iterator[tuple[Path, UnitKind | None]]:
    """Every input file, directories expanded recursively in name order."""
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()
                               and not p.name.startswith((".", "_"))):
                if kind_of(file) is not None:
                    yield file.resolve(), kind_of(file)
        else:
            yield path.resolve(), kind_of(path)


def plan(inputs: list[str], unit_docs: int = UNIT_DOCS) -> Iterator[Unit | ReadError]:
    """The units of work for these inputs, in a fixed order (unreadable inputs as errors)."""
    text_batch: list[str] = []
    for path, kind in input_files(inputs):
        if not path.exists():
            yield ReadError(str(path), "no such file or directory")
            continue
        if not path.is_file():
            yield ReadError(str(path), "not a regular file (a pipe or device?)")
            continue
        if kind is None:
            yield ReadError(str(path), "unknown input type (jsonl, jsonl.gz, parquet, warc, txt)")
            continue
        if kind == "text":
            text_batch.append(str(path))
            if len(text_batch) == unit_docs:
                yield _text_unit(text_batch)
                text_batch = []
            continue
        try:
            yield from _PLANNERS[kind](path, unit_docs)
        except (OSError, EOFError, ValueError) as exc:
            yield ReadError(str(path), f"cannot read: {exc}")
    if text_batch:
        yield _text_unit(text_batch)


def _digest(paths: Iterable[str | Path]) -> str:
    """A hash of the files' contents, read in blocks."""
    h = hashlib.sha1()
    for path in paths:
        with open(path, "rb") as fh:
            while block := fh.read(1 << 20):
                h.update(block)
    return h.hexdigest()[:16]


def _text_unit(files: list[str]) -> Unit:
    return Unit("text", files[0], files=tuple(files), docs=len(files), digest=_digest(files))


def _plan_jsonl(path: Path, unit_docs: int) -> Iterator[Unit]:
    start = offset = 0
    line = first = 1
    docs = 0
    digest = _UnitDigest()
    with path.open("rb") as fh:
        for raw in read_lines(fh, digest=digest):  # an over-long line is one document, never held
            offset += raw.size
            docs += 1
            line += 1
            if docs == unit_docs:
                yield Unit("jsonl", str(path), start, offset, first, docs=docs,
                           digest=digest.take())
                start, first, docs = offset, line, 0
    if docs:
        yield Unit("jsonl", str(path), start, offset, first, docs=docs, digest=digest.take())


class _UnitDigest:
    """The digest of the bytes since the last ``take``."""

    def __init__(self) -> None:
        self._h = hashlib.sha1()

    def update(self, data: bytes, /) -> None:
        self._h.update(data)

    def take(self) -> str:
        value, self._h = self._h.hexdigest()[:16], hashlib.sha1()
        return value


def _plan_jsonl_gz(path: Path, unit_docs: int) -> Iterator[Unit]:
    stamp = _stamp(path)
    lines = 0
    with gzip.open(path, "rb") as fh:
        for _ in read_lines(fh):
            lines += 1
    digest = _digest([path])
    for start in range(0, lines, unit_docs):
        stop = min(lines, start + unit_docs)
        yield Unit("jsonl.gz", str(path), start, stop, start + 1, docs=stop - start,
                   digest=digest, stamp=stamp)


def _plan_parquet(path: Path, unit_docs: int) -> Iterator[Unit]:
    stamp = _stamp(path)
    meta = pq.ParquetFile(path).metadata
    digest = _digest([path])
    group, rows = 0, 0
    for i in range(meta.num_row_groups):
        rows += meta.row_group(i).num_rows
        if rows >= unit_docs:
            yield Unit("parquet", str(path), group, i + 1, docs=rows, digest=digest, stamp=stamp)
            group, rows = i + 1, 0
    if group < meta.num_row_groups:
        yield Unit("parquet", str(path), group, meta.num_row_groups, docs=rows, digest=digest, stamp=stamp)


def _plan_warc(path: Path, unit_docs: int) -> Iterator[Unit]:
    from warcio.archiveiterator import ArchiveIterator

    stamp = _stamp(path)
    start, docs = None, 0
    digest = _digest([path])
    with path.open("rb") as fh:
        it = ArchiveIterator(fh)
        for record in it:
            offset = it.get_record_offset()
            if start is None:
                start = offset
            if record.rec_type == "response":
                docs += 1
            if docs == unit_docs:
                it.read_to_end()
                end = it.get_record_offset() + it.get_record_length()
                yield Unit("warc", str(path), start, end, docs=docs, digest=digest, stamp=stamp)
                start, docs = None, 0
    if start is not None and docs:
        yield Unit("warc", str(path), start, path.stat().st_size, docs=docs, digest=digest, stamp=stamp)


_PLANNERS = {"jsonl": _plan_jsonl, "jsonl.gz": _plan_jsonl_gz, "parquet": _plan_parquet,
             "warc": _plan_warc}


class UnitChanged(ValueError):
    """The unit's input is not what was planned: it was edited (or replaced) during the run."""


def read_unit(unit: Unit) -> Iterator[tuple[str, Article | ReadError]]:
    """(document key, article or error) for every document of a unit, in order. Raises
    ``UnitChanged`` after the last item when the input differs from the plan, so a caller that
    collects a unit before using it never keeps documents of an edited file."""
    if unit.kind == "jsonl":
        h = hashlib.sha1()
        with open(unit.path, "rb") as fh:
            fh.seek(unit.start)
            lines = read_lines(fh, budget=unit.stop - unit.start, digest=h)
            yield from _jsonl_items(lines, unit.path, unit.first_line)
        if h.hexdigest()[:16] != unit.digest:
            raise UnitChanged(_changed(unit))
        return
    if unit.kind == "jsonl.gz":
        with gzip.open(unit.path, "rb") as fh:
            lines = itertools.islice(read_lines(fh), unit.start, unit.stop)
            yield from _jsonl_items(lines, unit.path, unit.start + 1)
    elif unit.kind == "parquet":
        yield from _parquet_rows(unit)
    elif unit.kind == "warc":
        yield from _warc_records(unit)
    else:
        for name in unit.files:
            for item in read_path(Path(name)):
                yield name, item
    # Text files are small: their contents are checked. The others are whole-file digests,
    # too dear to recompute per unit: their size and mtime then.
    if (_digest(unit.files) != unit.digest if unit.kind == "text"
            else _stamp(unit.path) != unit.stamp):
        raise UnitChanged(_changed(unit))


def _stamp(path: str | Path) -> str:
    """Size and modification time: whole-file digests are too dear to recompute per unit."""
    st = os.stat(path)
    return f"{st.st_size}:{st.st_mtime_ns}"


def _changed(unit: Unit) -> str:
    where = f" (lines {unit.first_line}-{unit.first_line + unit.docs - 1})" \
        if unit.kind in ("jsonl", "jsonl.gz") else ""
    return (f"changed during the run: the unit of {unit.docs} documents{where} was not coded; "
            "rerun into a new --out")


def _jsonl_items(lines: Iterable[Line], path: str, first_line: int
                 ) -> Iterator[tuple[str, Article | ReadError]]:
    for lineno, line in enumerate(lines, start=first_line):
        where = f"{path}:{lineno}"
        item = jsonl_item(line, where, None)
        if item is not None:
            yield where, item


def _parquet_rows(unit: Unit) -> Iterator[tuple[str, Article | ReadError]]:
    pf = pq.ParquetFile(unit.path)
    row = sum(pf.metadata.row_group(i).num_rows for i in range(unit.start))
    columns = [c for c in ("id", "date", "title", "text", "url", "source")
               if c in pf.schema_arrow.names]
    for group in range(unit.start, unit.stop):
        for record in pf.read_row_group(group, columns=columns).to_pylist():
            where = f"{unit.path}#row{row}"
            row += 1
            if isinstance(record.get("date"), Date):
                record["date"] = record["date"].isoformat()
            try:
                yield where, article_from_record(record, where, None)
            except ValueError as exc:
                yield where, ReadError(where, str(exc))


def _warc_records(unit: Unit) -> Iterator[tuple[str, Article | ReadError]]:
    from warcio.archiveiterator import ArchiveIterator

    with open(unit.path, "rb") as fh:
        fh.seek(unit.start)
        it = ArchiveIterator(fh)
        for record in it:
            # Read what is needed before asking for the offset: warcio's offset bookkeeping
            # consumes the rest of the record.
            body, problem = b"", ""
            if record.rec_type == "response":
                length = int(record.rec_headers.get_header("Content-Length") or 0)
                ctype = (record.http_headers.get_header("Content-Type") or "") \
                    if record.http_headers else ""
                if ctype and "html" not in ctype.lower():
                    problem = f"not HTML ({ctype})"
                elif length > MAX_TEXT_BYTES:  # checked before reading: memory stays bounded
                    problem = "page larger than the size limit"
                else:
                    body = record.content_stream().read()
            offset = unit.start + it.get_record_offset()
            if offset >= unit.stop:
                break
            if record.rec_type != "response":
                continue
            where = f"{unit.path}@{offset}"
            try:
                if problem:
                    raise ValueError(problem)
                title, text = html_to_text(body.decode("utf-8", errors="replace"))
                if not text.strip():
                    raise ValueError("no article text in the page")
                record_fields = {"text": text, "title": title,
                                 "url": record.rec_headers.get_header("WARC-Target-URI"),
                                 "date": record.rec_headers.get_header("WARC-Date")}
                yield where, article_from_record(record_fields, where)
            except ValueError as exc:
                yield where, ReadError(where, str(exc))
