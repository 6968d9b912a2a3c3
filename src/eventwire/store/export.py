"""Event exports for other tools: Parquet, CSV, PLOVER-style JSON Lines, and a GDELT/ICEWS-like
tab-separated layout. Rows are streamed from DuckDB in record batches, so memory stays flat."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from eventwire.store.counted import counted_events_sql
from eventwire.store.queries import EventFilter
from eventwire.store.rows import row_actor, row_location

FORMATS = ("parquet", "csv", "plover", "tsv")

#: Columns of the tab-separated layout, in order (GDELT/ICEWS-like; intensity is PLOVER's
#: conflict-cooperation score on the same -10..+10 scale as Goldstein's).
TSV_COLUMNS = ["event_id", "date", "source_code", "source_name", "source_country",
               "target_code", "target_name", "target_country", "cameo_root", "plover_type",
               "quad_class", "intensity", "location_name", "location_country", "lat", "lon",
               "url", "sentence", "article_id", "outlet", "published", "duplicate_of",
               "reports", "negated", "date_precision", "fatalities",
               "location_role", "location_precision"]


#: A cell a spreadsheet would run as a formula (OWASP's CSV-injection list: = + - @, tab, CR).
_FORMULA_START = re.compile(r"[=+\-@\t\r]")
#: ... unless it is a plain number ("-3.5", "+1e3"), which a spreadsheet reads as a number.
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def csv_safe(value: Any) -> Any:
    """A cell value for CSV/TSV output: text that a spreadsheet would run as a formula gets a
    leading apostrophe (OWASP's rule); numbers, and text that is a plain number, are left as
    they are. Every CSV and TSV writer of the project (export, query, the API) goes through
    here."""
    if isinstance(value, str) and _FORMULA_START.match(value) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def _safe_batch(batch: pa.RecordBatch) -> pa.RecordBatch:
    """``csv_safe`` applied to every text column of an Arrow batch."""
    columns = [pa.array([csv_safe(v) for v in col.to_pylist()], type=col.type)
               if pa.types.is_string(col.type) or pa.types.is_large_string(col.type) else col
               for col in batch.columns]
    return pa.RecordBatch.from_arrays(columns, schema=batch.schema)


def _events_sql(flt: EventFilter, collapse: str) -> tuple[str, list[Any]]:
    """The counted events of ``flt`` (``store.counted``), oldest first."""
    rows, params = counted_events_sql(flt, collapse)
    return f"SELECT * FROM {rows} c ORDER BY date NULLS LAST, id", params


def _batches(con: duckdb.DuckDBPyConnection, flt: EventFilter,
             collapse: str) -> Iterator[pa.RecordBatch]:
    sql, params = _events_sql(flt, collapse)
    reader = con.sql(sql, params=params).to_arrow_reader(batch_size=50_000)
    yield from reader


def _empty_table(con: duckdb.DuckDBPyConnection, flt: EventFilter, collapse: str) -> pa.Table:
    """No rows, every column: an empty export keeps its header (and its Parquet schema)."""
    sql, params = _events_sql(flt, collapse)
    return con.sql(f"SELECT * FROM ({sql}) x LIMIT 0", params=params).to_arrow_table()


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event in the PLOVER JSON style (actor/recipient, event type, mode, context)."""
    def actor(role: str) -> dict[str, Any] | None:
        found = row_actor(row, role)
        if found is None:
            return None
        return {k: found[k] for k in ("text", "country", "sector", "name", "code")}

    return {
        "id": row["id"], "event_date": row["date"].isoformat() if row["date"] else None,
        "date_precision": row["date_precision"],
        "event_type": row["type"], "mode": row["mode"], "context": row["context"],
        "actor": actor("source"), "recipient": actor("target"), "quad": row["quad"],
        "cameo_root": row["cameo"], "intensity": row["intensity"],
        "location": row_location(row),
        "negated": row["negated"], "modality": row["modality"],
        "fatalities": row.get("fatalities"),
        "attributes": json.loads(row["attributes"]) if row["attributes"] else {},
        "text": row["sentence"], "trigger": row["trigger_text"],
        "article_id": row["article_id"], "url": row["url"], "outlet": row["outlet"],
        "title": row["title"],
        "published": row["published"].isoformat() if row["published"] else None,
        "duplicate_of": row["duplicate_of"], "reports": row["reports"],
        "confidence": row["confidence"], "rule": row["rule"],
    }


def tsv_row(row: dict[str, Any]) -> list[Any]:
    return [row["id"], row["date"].strftime("%Y%m%d") if row["date"] else "",
            row["source_code"] or "", row["source_text"] or "",
            row["source_country"] or "", row["target_code"] or "",
            row["target_text"] or "", row["target_country"] or "", row["cameo"], row["type"],
            row["quad"], row["intensity"], row["location_name"] or "",
            row["location_country"] or "", row["location_lat"] or "", row["location_lon"] or "",
            row["url"] or "", " ".join(row["sentence"].split()), row["article_id"],
            row["outlet"] or "", row["published"].isoformat() if row["published"] else "",
            row["duplicate_of"] or "", row["reports"], row["negated"],
            row["date_precision"] or "",
            "" if row.get("fatalities") is None else row["fatalities"],
            row["location_role"] or "", row["location_precision"] or ""]


def _safe_tsv_row(row: dict[str, Any]) -> list[Any]:
    return [csv_safe(cell) for cell in tsv_row(row)]


#: File name endings and the format they stand for (``export`` infers ``--format`` from them).
SUFFIX_FORMATS = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".tsv": "tsv",
                  ".jsonl": "plover", ".ndjson": "plover"}


def format_of(out: Path, fmt: str | None) -> str:
    """The format to write ``out`` in: the one given, else the one its name ends in."""
    if fmt:
        return fmt
    found = SUFFIX_FORMATS.get(out.suffix.lower())
    if found is None:
        raise ValueError(f"cannot tell the format of {out.name} from its name; give --format "
                         f"({', '.join(FORMATS)}) or end it in "
                         f"{', '.join(sorted(SUFFIX_FORMATS))}")
    return found


def flat_row(row: dict[str, Any]) -> dict[str, Any]:
    """One CSV row with a plain value per cell: objects spread into ``key.sub`` columns, lists
    joined with "; " (an element that is itself an object as JSON)."""
    flat: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, dict):
            for sub, inner in flat_row(value).items():
                flat[f"{key}.{sub}"] = inner
        elif isinstance(value, list | tuple):
            flat[key] = "; ".join(json.dumps(v, ensure_ascii=False, default=str)
                                  if isinstance(v, dict | list) else str(v) for v in value)
        else:
            flat[key] = value
    return flat


def write_csv(rows: list[dict[str, Any]], stream: Any, columns: list[str] | None = None) -> None:
    """Rows as CSV with flat cells; the columns are every key any row has, in first-seen
    order (timeline rows differ in their event types), else ``columns``: an empty result
    keeps its header. Text cells are quoted, so a code such as CAMEO "010" stays text."""
    flat = [flat_row(r) for r in rows]
    fields = list(dict.fromkeys(k for r in flat for k in r)) or list(columns or [])
    writer = csv.DictWriter(stream, fieldnames=fields, quoting=csv.QUOTE_NONNUMERIC)
    writer.writeheader()
    writer.writerows({k: csv_safe(v) for k, v in r.items()} for r in flat)


def export_events(con: duckdb.DuckDBPyConnection, out: Path, fmt: str,
                  flt: EventFilter | None = None, collapse: str = "event") -> int:
    """Write the events matching ``flt``, counted as ``collapse`` counts them (one row per
    counted event, with its story and ``reports``; ``store.counted``), to ``out``; returns
    the number of rows. The file is written beside ``out`` and moved into place."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    flt = flt or EventFilter()
    n = 0
    tmp = out.with_name(out.name + ".tmp")
    meta = {b"eventwire.collapse": collapse.encode()}
    if fmt == "parquet":
        writer: pq.ParquetWriter | None = None
        for batch in _batches(con, flt, collapse):
            writer = writer or pq.ParquetWriter(
                tmp, batch.schema.with_metadata(meta), compression="zstd")
            writer.write_batch(batch)
            n += batch.num_rows
        if writer is None:
            empty = _empty_table(con, flt, collapse)
            pq.write_table(empty.replace_schema_metadata(meta), tmp)
        else:
            writer.close()
    elif fmt == "csv":
        csv_writer: pacsv.CSVWriter | None = None
        for batch in _batches(con, flt, collapse):
            csv_writer = csv_writer or pacsv.CSVWriter(tmp, batch.schema)
            csv_writer.write_batch(_safe_batch(batch))
            n += batch.num_rows
        if csv_writer is None:
            pacsv.write_csv(_empty_table(con, flt, collapse), tmp)
        else:
            csv_writer.close()
    else:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            tsv = csv.writer(fh, delimiter="\t", lineterminator="\n") if fmt == "tsv" else None
            if tsv:
                tsv.writerow(TSV_COLUMNS)
            for batch in _batches(con, flt, collapse):
                for row in batch.to_pylist():
                    if tsv:
                        tsv.writerow(_safe_tsv_row(row))
                    else:
                        fh.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
                    n += 1
    tmp.replace(out)
    return n
