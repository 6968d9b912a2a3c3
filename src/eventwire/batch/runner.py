"""Resumable batch coding of a corpus into date-partitioned Parquet, locally or on Ray.

Output layout (``--out DIR``)::

    DIR/articles/pub_date=2025-05-26/part-<unit>.parquet
    DIR/events/pub_date=2025-05-26/part-<unit>.parquet   (pub_date=unknown when undated)
    DIR/_units/<unit>.json            done-marker of a unit, written last
    DIR/_units/<unit>.errors.jsonl    documents of the unit that failed, with the reason
    DIR/_plan.json                    the units of this run (a rerun must have the same plan)
    DIR/errors.jsonl, DIR/summary.json   written at the end, from the unit files

Exactly-once: a unit's Parquet parts are written to temporary names and renamed; its marker is
written last. A rerun with the same arguments skips marked units and redoes the others under the
same file names, so a run killed at any point and restarted ends with the same files as a run that
was never interrupted.
"""

from __future__ import annotations

import json
import os
import resource
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire import __version__
from eventwire.batch.pool import Died, Pool
from eventwire.batch.sources import UNIT_DOCS, Unit, UnitChanged, plan, read_unit
from eventwire.codebook import Codebook
from eventwire.ingest.readers import ReadError
from eventwire.jobs import FirstVersion, repeat_reason
from eventwire.pipeline import Coder, CoderConfig
from eventwire.reaper import start_reaper, stop_reaper
from eventwire.schema import Article
from eventwire.store.db import quotes_json
from eventwire.store.dedup import simhash
from eventwire.store.rows import EVENT_SCHEMA, event_row
from eventwire.store.versions import settle_repeats

UNKNOWN_DATE = "unknown"

ARTICLE_SCHEMA = pa.schema([
    ("id", pa.string()), ("content_hash", pa.string()), ("date", pa.date32()),
    ("title", pa.string()), ("url", pa.string()), ("source", pa.string()),
    ("text", pa.string()), ("origin", pa.string()), ("n_events", pa.int32()),
    ("coder_version", pa.string()), ("simhash", pa.int64()), ("quotes", pa.string()),
    ("codebook", pa.string()),
])
@dataclass
class UnitResult:
    """What one unit produced (the content of its done-marker)."""

    unit: str
    docs: int = 0
    articles: int = 0
    events: int = 0
    errors: int = 0
    seconds: float = 0.0
    skipped: bool = False
    rss_mb: int = 0  # peak resident memory of the worker that coded the unit

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def article_row(article: Article, n_events: int, codebook: str | None = None) -> dict[str, Any]:
    return {"id": article.id, "content_hash": article.content_hash, "date": article.date,
            "title": article.title, "url": article.url, "source": article.source,
            "text": article.text, "origin": article.origin, "n_events": n_events,
            "coder_version": __version__, "simhash": simhash(article.text),
            "quotes": quotes_json(article), "codebook": codebook}


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _write_parts(out: Path, table: str, unit_id: str, rows: list[dict[str, Any]],
                 schema: pa.Schema, date_key: str) -> None:
    by_date: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        day = row.get(date_key)
        by_date.setdefault(day.isoformat() if day else UNKNOWN_DATE, []).append(row)
    for day, part in sorted(by_date.items()):
        folder = out / table / f"pub_date={day}"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"part-{unit_id}.parquet"
        tmp = folder / f".part-{unit_id}.parquet.tmp"
        pq.write_table(pa.Table.from_pylist(part, schema=schema), tmp, compression="zstd")
        os.replace(tmp, target)


def _clear_unit(out: Path, unit_id: str) -> None:
    """Remove what an interrupted attempt at this unit may have left."""
    for table in ("articles", "events"):
        for stale in (out / table).glob(f"pub_date=*/part-{unit_id}.parquet"):
            stale.unlink()
        for stale in (out / table).glob(f"pub_date=*/.part-{unit_id}.parquet.tmp"):
            stale.unlink()


def process_unit(unit: Unit, coder: Coder, out: Path) -> UnitResult:
    """Code every document of a unit and write its Parquet parts, errors and marker.

    The per-document work is ``Coder.code`` — the same function ``eventwire extract`` and
    ``ingest`` use. A document that fails to read or to code is recorded with its reason and
    never stops the unit.
    """
    started = time.perf_counter()
    result = UnitResult(unit.id)
    _clear_unit(out, unit.id)
    articles: list[Article] = []
    errors: list[dict[str, str]] = []
    first = FirstVersion()
    try:
        for key, item in read_unit(unit):
            result.docs += 1
            if isinstance(item, ReadError):
                errors.append({"document": key, "reason": item.reason})
                continue
            article = item.with_id()
            repeat = first.reject(article)
            if repeat is not None:
                errors.append({"document": key, "reason": repeat.reason})
                continue
            articles.append(article)
    except UnitChanged as exc:  # what was read may be half old, half new: none of it is kept
        articles, errors = [], [{"document": unit.path, "reason": str(exc)}]
        result.docs = unit.docs
    article_rows: list[dict[str, Any]] = []
    event_rows: list[dict[str, Any]] = []
    try:
        coded = list(coder.code(articles))
    except Exception:
        coded = []
        for article in articles:
            try:
                coded.extend(coder.code([article]))
            except Exception as exc:
                errors.append({"document": article.origin or article.id,
                               "reason": f"coding failed: {type(exc).__name__}: {exc}"})
    for article, events in coded:
        article_rows.append(article_row(article, len(events), coder.codebook_id))
        event_rows.extend(event_row(e) | {"pub_date": article.date} for e in events)
    _write_parts(out, "articles", unit.id, article_rows, ARTICLE_SCHEMA, "date")
    _write_parts(out, "events", unit.id, event_rows, EVENT_SCHEMA, "pub_date")
    units_dir = out / "_units"
    if errors:
        _write_atomic(units_dir / f"{unit.id}.errors.jsonl",
                      "".join(json.dumps(e) + "\n" for e in errors).encode("utf-8"))
    result.articles, result.events, result.errors = len(article_rows), len(event_rows), len(errors)
    result.seconds = round(time.perf_counter() - started, 3)
    result.rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    _write_atomic(units_dir / f"{unit.id}.json", json.dumps(result.to_dict()).encode("utf-8"))
    return result


# ---- engines -------------------------------------------------------------------------------

def _build(config: CoderConfig) -> Coder:
    return config.build()


def _code_unit(coder: Coder, task: tuple[Unit, str]) -> UnitResult:
    return process_unit(task[0], coder, Path(task[1]))


def record_failed_unit(unit: Unit, out: Path, reason: str) -> UnitResult:
    """Mark a unit that could not be coded at all (its worker died): one error for the unit, no
    Parquet, and a marker, so a rerun does not try it again and die the same way."""
    _clear_unit(out, unit.id)
    units_dir = out / "_units"
    error = {"document": unit.where, "reason": f"{reason}; its {unit.docs} documents were not "
                                               "coded (a rerun skips it: code them apart)"}
    _write_atomic(units_dir / f"{unit.id}.errors.jsonl", (json.dumps(error) + "\n").encode())
    result = UnitResult(unit.id, docs=unit.docs, errors=1)
    _write_atomic(units_dir / f"{unit.id}.json", json.dumps(result.to_dict()).encode("utf-8"))
    return result


def run_local(units: list[Unit], out: Path, workers: int, config: CoderConfig,
              on_done: Callable[[UnitResult], None]) -> None:
    """Process units with worker processes, each loading the pipeline once and coding one unit
    at a time. A worker that dies (the out-of-memory killer) costs only its unit, recorded as
    failed; a new worker takes its place and the run goes on."""
    if workers <= 1:
        coder = config.build()
        for unit in units:
            on_done(process_unit(unit, coder, out))
        return
    pool: Pool[tuple[Unit, str], UnitResult] = Pool(workers, _build, config, _code_unit)
    for (unit, _), result in pool.run((u, str(out)) for u in units):
        on_done(record_failed_unit(unit, out, result.reason) if isinstance(result, Died)
                else result)


class RayUnitCoder:
    """A Ray Data actor: loads the pipeline once, then codes one unit per call."""

    def __init__(self, out: str, config: CoderConfig | None = None) -> None:
        self.out = Path(out)
        self.coder = (config or CoderConfig()).build()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        results = []
        for i in range(len(batch["path"])):
            row = {k: (v[i].tolist() if hasattr(v[i], "tolist") else v[i])
                   for k, v in batch.items()}
            results.append(process_unit(Unit.from_dict(row), self.coder, self.out).to_dict())
        return {k: [r[k] for r in results] for k in results[0]} if results else {}


def run_ray(units: list[Unit], out: Path, workers: int, config: CoderConfig,
            address: str | None, on_done: Callable[[UnitResult], None]) -> None:
    """The same unit function on Ray Data: ``map_batches`` with an actor pool. Starts a local
    Ray unless ``address`` names a cluster ("auto" or "ray://host:10001").

    An actor that dies is restarted and its unit tried once more (a node lost on a cluster); a
    unit whose actor dies twice (the out-of-memory killer on an article too big for the node)
    is recorded as failed and the dataset goes on past it, as with the local engine. Ray Data's
    default retries the unit for ever, so such a unit would never let the batch end."""
    import ray

    started_here = not ray.is_initialized()
    if started_here:
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        ctx.max_errored_blocks = -1  # a block is one unit; those that fail are recorded below
        ds = ray.data.from_items([u.to_dict() for u in units])
        with warnings.catch_warnings():
            # Ray 2.60 names no parameter for the retries but deprecates the generic ones.
            warnings.filterwarnings("ignore", "`ray_remote_args` is deprecated")
            coded = _map_units(ds, out, workers, config)
        done: set[str] = set()
        for row in coded.iter_rows():
            done.add(row["unit"])
            on_done(UnitResult(**{k: row[k] for k in UnitResult.__dataclass_fields__}))
        for unit in units:
            if unit.id not in done:
                on_done(_unit_done_or_failed(unit, out))
    finally:
        if started_here:
            ray.shutdown()


def _map_units(ds: Any, out: Path, workers: int, config: CoderConfig) -> Any:
    """The dataset of unit results: one unit per call, one in flight per actor (so a dead
    actor holds one unit), a dead actor's unit tried once more."""
    import ray

    return ds.map_batches(RayUnitCoder, fn_constructor_kwargs={"out": str(out), "config": config},
                          batch_size=1, num_cpus=1,
                          compute=ray.data.ActorPoolStrategy(
                              size=workers, max_tasks_in_flight_per_actor=1),
                          max_restarts=-1, max_task_retries=1)


def _unit_done_or_failed(unit: Unit, out: Path) -> UnitResult:
    """A unit Ray returned no result for: done all the same if its marker was written (an
    actor can die after its last write), else failed with the reason."""
    marker = out / "_units" / f"{unit.id}.json"
    if marker.exists():
        return UnitResult(**json.loads(marker.read_text("utf-8")))
    return record_failed_unit(unit, out, "the Ray actor coding it died or failed (the Ray "
                                         "log says which: killed, out of memory, an error)")


# ---- the run ---------------------------------------------------------------------------------

@dataclass
class BatchReport:
    units: int = 0
    skipped_units: int = 0
    docs: int = 0
    articles: int = 0
    events: int = 0
    errors: int = 0
    seconds: float = 0.0
    input_errors: list[str] = field(default_factory=list)


def _read_plan(inputs: list[str], out: Path, unit_docs: int, codebook: str = ""
               ) -> tuple[list[Unit], list[ReadError]]:
    units: list[Unit] = []
    problems: list[ReadError] = []
    for item in plan(inputs, unit_docs):
        (problems if isinstance(item, ReadError) else units).append(item)  # type: ignore[arg-type]
    plan_file = out / "_plan.json"
    ids = [u.id for u in units]
    if plan_file.exists():
        previous = json.loads(plan_file.read_text(encoding="utf-8"))
        if previous.get("units") != ids:
            raise ValueError(f"{out} holds a run over other inputs, or inputs that changed since "
                             "(their contents are part of the plan); use a new --out")
        if previous.get("codebook", codebook) != codebook:
            raise ValueError(f"{out} holds a run coded under another codebook (other --actors "
                             "or --lexicon files, or other tables); use a new --out")
    else:
        _write_atomic(plan_file, json.dumps({"units": ids, "codebook": codebook}
                                            ).encode("utf-8"))
    return units, problems


def run_batch(inputs: list[str], out: Path, engine: str = "local", workers: int = 1,
              model: str | None = None, address: str | None = None,
              progress: Callable[[int, int, UnitResult | None], None] | None = None,
              unit_docs: int = UNIT_DOCS, min_confidence: float = 0.0,
              codebook: Codebook | None = None) -> BatchReport:
    """Code all inputs into ``out``; resumes where an earlier run with the same arguments left.
    Events less certain than ``min_confidence`` are left out."""
    config = CoderConfig(model, min_confidence, codebook)
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    (out / "_units").mkdir(exist_ok=True)
    units, problems = _read_plan(inputs, out, unit_docs,
                                 (codebook or Codebook()).digest())
    report = BatchReport(units=len(units), input_errors=[str(p) for p in problems])
    total_docs = sum(u.docs for u in units)
    done_docs = 0
    todo = []
    for unit in units:
        marker = out / "_units" / f"{unit.id}.json"
        if marker.exists():
            report.skipped_units += 1
            done_docs += unit.docs
        else:
            todo.append(unit)
    docs_of = {u.id: u.docs for u in units}
    if progress:
        progress(done_docs, total_docs, None)

    def on_done(result: UnitResult) -> None:
        nonlocal done_docs
        done_docs += docs_of.get(result.unit, result.docs)
        if progress:
            progress(done_docs, total_docs, result)

    if engine not in ("local", "ray"):
        raise ValueError("engine must be 'local' or 'ray'")
    # Workers (and a local Ray) must not outlive this driver, even if it is killed with -9.
    reaper = start_reaper() if todo and (engine == "ray" or workers > 1) else None
    try:
        if engine == "ray":
            run_ray(todo, out, workers, config, address, on_done)
        else:
            run_local(todo, out, workers, config, on_done)
    finally:
        stop_reaper(reaper)
    _finish(out, units, report, problems)
    report.seconds = round(time.perf_counter() - started, 2)
    return report


def _finish(out: Path, units: list[Unit], report: BatchReport, problems: list[ReadError]) -> None:
    """errors.jsonl and summary.json, from the unit files (the same whether or not the run was
    interrupted)."""
    lines = [json.dumps({"document": p.origin, "reason": p.reason}) + "\n" for p in problems]
    # An id in two units: the version of the first unit in plan order is kept; the later ones
    # are taken out of the Parquet (and counted out of the totals).
    repeats = settle_repeats(out)
    lines += [json.dumps({"document": r["document"],
                          "reason": repeat_reason(r["id"], r["first"], r["same"])}) + "\n"
              for r in repeats]
    report.articles -= len(repeats)
    report.events -= sum(r["events"] for r in repeats)
    for unit in units:
        marker = json.loads((out / "_units" / f"{unit.id}.json").read_text(encoding="utf-8"))
        report.docs += marker["docs"]
        report.articles += marker["articles"]
        report.events += marker["events"]
        report.errors += marker["errors"]
        err_file = out / "_units" / f"{unit.id}.errors.jsonl"
        if err_file.exists():
            lines.append(err_file.read_text(encoding="utf-8"))
    report.errors += len(problems) + len(repeats)
    _write_atomic(out / "errors.jsonl", "".join(lines).encode("utf-8"))
    summary = {"units": report.units, "documents": report.docs, "articles": report.articles,
               "events": report.events, "errors": report.errors, "coder_version": __version__}
    _write_atomic(out / "summary.json", json.dumps(summary, indent=2).encode("utf-8"))


def iter_unit_results(out: Path) -> Iterator[dict[str, Any]]:
    for marker in sorted((out / "_units").glob("*.json")):
        yield json.loads(marker.read_text(encoding="utf-8"))
