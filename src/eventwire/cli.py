"""The ``eventwire`` command: a thin shell over the library functions."""

from __future__ import annotations

import json
import math
import sys
import time
from datetime import date as Date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from eventwire import __version__
from eventwire.limits import MIN_TOKEN_CHARS, token_problem

if TYPE_CHECKING:
    from eventwire.codebook import Codebook

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn dated news articles into PLOVER-coded political event data.")
err = Console(stderr=True)
out = Console()


#: The largest --limit/--offset: DuckDB's LIMIT and OFFSET are signed 64-bit.
MAX_ROWS = 2**63 - 1


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class Task(StrEnum):
    classify = "classify"
    extract = "extract"


class QueryKind(StrEnum):
    events = "events"
    dyads = "dyads"
    dyad = "dyad"
    alerts = "alerts"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """eventwire: who did what to whom, when and where."""
    from eventwire.limits import date_window
    from eventwire.store.db import StoreError, lock_wait

    try:  # settings are checked once, up front: one line naming the variable
        date_window()
        lock_wait()
    except (ValueError, StoreError) as exc:
        _report_error(exc)
        raise typer.Exit(2) from None


def _parse_date(value: str | None) -> Date | None:
    if value is None:
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _article_date(value: str | None) -> Date | None:
    """An article date given on the command line: checked as the readers check one."""
    from eventwire.ingest.readers import parse_date

    try:
        return parse_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _report_error(item: Any) -> None:
    # The message quotes user input (file names, ids): plain text, never console markup.
    err.print(Text.assemble(("eventwire:", "red"), f" {item}"), highlight=False, soft_wrap=True)


ActorFiles = Annotated[list[Path] | None, typer.Option(
    "--actors", exists=True, dir_okay=False, help="Your own actors (repeatable): a TABARI/PETRARCH "
    "dictionary, or a file named after a shipped table (my.groups.tsv); your entries win.")]
LexiconFiles = Annotated[list[Path] | None, typer.Option(
    "--lexicon", exists=True, dir_okay=False, help="Your own triggers (repeatable), in the "
    "columns of the shipped lexicon.tsv; your entries win.")]


def _codebook(actors: list[Path] | None, lexicon: list[Path] | None) -> Codebook | None:
    """The user's files, each line that cannot be read reported (and left out)."""
    from eventwire.codebook import Codebook

    if not actors and not lexicon:
        return None
    codebook = Codebook.of(actors, lexicon)
    try:
        problems = codebook.problems()
    except (OSError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(f"cannot read a codebook file: {exc}") from None
    for problem in problems:
        _report_error(f"{problem} (line skipped)")
    return codebook


def _default_format() -> Format:
    return Format.table if sys.stdout.isatty() else Format.jsonl


def _actor_label(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "-"
    code = " ".join(x for x in (actor.get("country"), actor.get("sector")) if x)
    return f"{actor['text']} ({code})" if code else actor["text"]


def _print_events(rows: list[dict[str, Any]], fmt: Format) -> None:
    if fmt is Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    if fmt is Format.csv:
        from eventwire.store.counted import STORY_COLUMNS
        from eventwire.store.export import write_csv
        from eventwire.store.rows import EVENT_COLUMNS

        write_csv(rows, sys.stdout, [c.name for c in EVENT_COLUMNS] + list(STORY_COLUMNS))
        return
    from eventwire.store.rows import row_actor

    table = Table(show_lines=False)
    for col in ("date", "type", "source", "target", "trigger", "sentence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        trig = r["trigger"]["text"] if isinstance(r.get("trigger"), dict) else r.get("trigger_text")
        src = r.get("source") if "source" in r else row_actor(r, "source")
        tgt = r.get("target") if "target" in r else row_actor(r, "target")
        flags = " (denied)" if r.get("negated") else ""
        if r.get("modality") not in (None, "asserted"):
            flags += f" ({r['modality']})"
        # Cells are stored text: plain ``Text``, so "[/bold]" or "[link=...]" is shown as
        # written instead of being read as console markup.
        table.add_row(*(Text(cell) for cell in (
            str(r.get("date") or ""), f"{r['type']}{flags}", _actor_label(src),
            _actor_label(tgt), trig or "", r["sentence"][:160])))
    out.print(table)


AllowPrivate = Annotated[bool, typer.Option(
    "--allow-private", help="Fetch web addresses on private and loopback networks too.")]
MinConfidence = Annotated[float, typer.Option(
    "--min-confidence", min=0.0, max=1.0,
    help="Leave out events less certain than this (0..1; the type's calibrated probability "
         "times the certainty of the actors).")]


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    date: Annotated[str | None, typer.Option(help="Publication date (overrides headers).")] = None,
    fmt: Annotated[Format | None, typer.Option("--format", help="table | jsonl | csv")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model name.")] = None,
    min_confidence: MinConfidence = 0.0,
    actors: ActorFiles = None,
    lexicon: LexiconFiles = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Print how each article was read (headline, dateline, bylines, "
                          "captions, boilerplate, casing) and each event's rule, on stderr.")] = False,
) -> None:
    """Code articles and print their events (nothing is stored)."""
    from eventwire.ingest.layout import read_layout
    from eventwire.jobs import Report, code_paths
    from eventwire.pipeline import Coder

    report = Report()
    rows = []
    fmt = fmt or _default_format()
    coder = Coder(model, min_confidence=min_confidence, codebook=_codebook(actors, lexicon))
    for article, events in code_paths(paths, coder, report, _article_date(date), _report_error):
        if explain:
            layout = read_layout(article.text, coder.known_place, article.date)
            err.print(f"article {article.id} ({article.origin or '-'}):", highlight=False,
                      markup=False)
            for line in layout.explain(article.text) or ["plain prose, nothing marked"]:
                err.print(f"  reader: {line}", highlight=False, markup=False)
            for e in events:
                err.print(f"  event {e.type} {e.trigger.text!r}: {e.rule}", highlight=False,
                          markup=False)
        batch = [e.to_dict() for e in events]
        if fmt is Format.jsonl:
            _print_events(batch, fmt)
        else:
            rows.extend(batch)
    if fmt is not Format.jsonl:
        _print_events(rows, fmt)
    if report.nothing_done:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(
        help="Files, directories, web addresses, or - for stdin.")],
    db: Annotated[Path, typer.Option(help="DuckDB file (created if missing).")],
    date: Annotated[str | None, typer.Option(help="Publication date (overrides headers).")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model name.")] = None,
    min_confidence: MinConfidence = 0.0,
    allow_private: AllowPrivate = False,
    actors: ActorFiles = None,
    lexicon: LexiconFiles = None,
) -> None:
    """Code articles and store them with their events in DuckDB."""
    from eventwire.jobs import ingest as run_ingest
    from eventwire.pipeline import Coder

    coder = Coder(model, min_confidence=min_confidence, codebook=_codebook(actors, lexicon))
    report = run_ingest(paths, db, coder,
                        _article_date(date), _report_error, allow_private=allow_private)
    s = report.stored
    err.print(f"{report.articles} articles coded, {report.events} events; stored: {s.added} new, "
              f"{s.replaced} replaced, {s.unchanged} unchanged; {len(report.errors)} rejected "
              f"-> {db}", highlight=False, markup=False)
    if report.nothing_done:
        raise typer.Exit(1)


@app.command()
def query(
    kind: Annotated[QueryKind, typer.Argument(help="events | dyads | dyad A B | alerts")],
    pair: Annotated[list[str] | None, typer.Argument(
        help=("Two parties (countries, bodies such as EU or NATO, groups such as Hamas; names "
              "or codes): the pair for 'dyad'; for 'events', events between them."))] = None,
    db: Annotated[Path, typer.Option(help="DuckDB file.")] = Path("events.duckdb"),
    actor: Annotated[str | None, typer.Option(
        help="A party (country, body, group) by name or code, or a named actor; either side.")] = None,
    source: Annotated[str | None, typer.Option()] = None,
    target: Annotated[str | None, typer.Option()] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    quad: Annotated[int | None, typer.Option(help="1..4")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    text: Annotated[str | None, typer.Option(help="Words in the evidence sentence.")] = None,
    interval: Annotated[str, typer.Option(help="day|week|month|quarter|year")] = "month",
    collapse: Annotated[str, typer.Option(help="none | event (repeated reports once) | strict "
                                               "(one a day per pair and CAMEO root)")] = "event",
    limit: Annotated[int, typer.Option(min=0, max=MAX_ROWS, help="Rows at most.")] = 50,
    offset: Annotated[int, typer.Option(min=0, max=MAX_ROWS, help="Rows to skip.")] = 0,
    fmt: Annotated[Format | None, typer.Option("--format")] = None,
    baseline: Annotated[int, typer.Option(help="alerts: trailing periods for the expected "
                                               "rate.")] = 3,
    threshold: Annotated[float, typer.Option(help="alerts: least surprise, -log10 of the "
                                                  "Poisson tail (3: one in a thousand).")] = 3.0,
    min_events: Annotated[int, typer.Option(help="alerts: least events in the period.")] = 3,
) -> None:
    """List events, the top dyads, one dyad's relations by period, or shift alerts."""
    from eventwire import analysis
    from eventwire.database import Database
    from eventwire.store import queries as q

    fmt = fmt or _default_format()
    try:
        database = Database(db)
    except FileNotFoundError as exc:
        _report_error(exc)
        raise typer.Exit(1) from None
    s, u = _parse_date(since), _parse_date(until)
    try:
        with database, database.session() as con:
            _warn_mixed(con)
            if kind is QueryKind.events:
                if pair and len(pair) != 2:
                    raise typer.BadParameter("give two country codes for a pair, e.g. IND TUR")
                flt = q.EventFilter(actor=actor, source=source, target=target, type=type_,
                                    quad=quad, since=s, until=u, text=text,
                                    dyad=(pair[0], pair[1]) if pair else None)
                from eventwire.store.counted import counted_events

                rows = counted_events(con, flt, collapse, limit=limit, offset=offset).rows
                _print_events(rows, fmt)
                return
            from eventwire.api import models

            shape: Any = {QueryKind.dyads: models.Dyad,
                                             QueryKind.alerts: models.Alert}.get(kind, models.Period)
            if kind is QueryKind.dyads:
                rows = analysis.top_dyads(con, since=s, until=u, limit=limit,
                                          collapse=collapse)
            elif kind is QueryKind.alerts:
                rows = [{k: v for k, v in r.items() if k != "articles"}
                        | {"articles": ", ".join(a["id"] for a in r["articles"])}
                        for r in analysis.shift_alerts(
                            con, interval=interval, baseline=baseline, threshold=threshold,
                            min_events=min_events, since=s, collapse=collapse, limit=limit)]
            else:
                if not pair or len(pair) != 2:
                    raise typer.BadParameter("'dyad' needs two parties, e.g. dyad IND TUR or dyad EU RUS")
                rows = analysis.timeline(con, pair[0], pair[1], interval, s, u,
                                         collapse=collapse)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    _print_frame(rows, fmt, shape)


def _warn_mixed(con: Any) -> None:
    """A warning on stderr when the articles were coded under several codebooks."""
    from eventwire.store.codebooks import mixed_warning

    warning = mixed_warning(con)
    if warning:
        _report_error(f"warning: {warning}")


def _print_frame(rows: list[dict[str, Any]], fmt: Format, shape: Any = None) -> None:
    if fmt is Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, default=str) + "\n")
        return
    if fmt is Format.csv:
        from eventwire.api.models import flat_columns
        from eventwire.store.export import write_csv

        write_csv(rows, sys.stdout, flat_columns(shape) if shape else None)  # empty: a header
        return
    table = Table()
    for col in rows[0] if rows else ["(no rows)"]:
        table.add_column(col)
    for row in rows:
        table.add_row(*(Text(str(v)) for v in row.values()))
    out.print(table)


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="File to write.")],
    db: Annotated[Path, typer.Option(help="DuckDB file.")] = Path("events.duckdb"),
    fmt: Annotated[str | None, typer.Option(
        "--format", help="parquet | csv | plover | tsv (default: from the file's ending: "
                         ".parquet, .csv, .tsv, .jsonl)")] = None,
    actor: Annotated[str | None, typer.Option(
        help="A party (country, body, group) by name or code, or a named actor; either side.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    pair: Annotated[str | None, typer.Option(help="Events between two countries: 'IND,PAK'.")]
    = None,
    collapse: Annotated[str, typer.Option(help=(
        "event (default: one row per counted event, as the relations views count) | none "
        "(every report) | strict"))] = "event",
    include_negated: Annotated[bool, typer.Option(
        "--include-negated", help="Add the denied events (negated=true; never counted).")]
    = False,
) -> None:
    """Export events: Parquet, CSV, PLOVER-style JSON Lines, or a GDELT/ICEWS-like TSV. Each
    row is one counted event with its story (article id, outlet, title, publication date,
    URL, duplicate_of) and its number of reports."""
    from eventwire.database import Database
    from eventwire.store.export import export_events, format_of
    from eventwire.store.queries import EventFilter

    try:
        fmt = format_of(out, fmt)
        with Database(db) as database, database.session() as con:
            dyad = tuple(p.strip() for p in pair.split(",")) if pair else None
            if dyad is not None and len(dyad) != 2:
                raise ValueError(f"--pair {pair!r}: give two countries, 'IND,PAK'")
            n = export_events(con, out, fmt, EventFilter(
                actor=actor, type=type_, since=_parse_date(since), until=_parse_date(until),
                dyad=(dyad[0], dyad[1]) if dyad else None, include_negated=include_negated),
                collapse)
    except (FileNotFoundError, ValueError) as exc:
        _report_error(exc)
        raise typer.Exit(1) from None
    err.print(f"{n} events (collapse={collapse}) -> {out}", highlight=False, markup=False)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (see docs/evaluation.md).")],
    task: Annotated[Task, typer.Option(help="classify | extract")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
    model: Annotated[str | None, typer.Option(help="spaCy model name.")] = None,
    classifier: Annotated[str, typer.Option(help="classify: learned | layered | rules")] = "learned",
    workers: Annotated[int, typer.Option(help="Processes (default: one per core).")] = 0,
    actors: ActorFiles = None,
    lexicon: LexiconFiles = None,
) -> None:
    """Score the coder on a gold file."""
    from eventwire.evaluate import evaluate as run_eval
    from eventwire.evaluate import format_report
    from eventwire.parallel import default_workers

    try:
        result = run_eval(gold, task.value, classifier, workers or default_workers(), model,
                          _codebook(actors, lexicon))
    except (OSError, ValueError) as exc:
        _report_error(exc)
        raise typer.Exit(1) from None
    if as_json:
        sys.stdout.write(json.dumps(result) + "\n")
    else:
        out.print(format_report(result), highlight=False)


class Engine(StrEnum):
    local = "local"
    ray = "ray"


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(help="JSONL(.gz), Parquet, WARC files, directories.")],
    out: Annotated[Path, typer.Option(help="Output folder (Parquet, partitioned by date).")],
    engine: Annotated[Engine, typer.Option(help="local | ray")] = Engine.local,
    workers: Annotated[int, typer.Option(help="Worker processes (default: one per core).")] = 0,
    address: Annotated[str | None, typer.Option(help="Ray cluster address (engine ray).")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model name.")] = None,
    unit_docs: Annotated[int, typer.Option(min=1, help="Documents per unit of work.")] = 256,
    min_confidence: MinConfidence = 0.0,
    actors: ActorFiles = None,
    lexicon: LexiconFiles = None,
) -> None:
    """Code a corpus into Parquet; rerun with the same arguments to resume after a crash."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from eventwire.batch.runner import run_batch
    from eventwire.parallel import default_workers

    if out.exists() and not out.is_dir():
        raise typer.BadParameter(f"{out} is a file, not a folder: give a new or an earlier "
                                 "output folder", param_hint="--out")
    codebook = _codebook(actors, lexicon)
    started = time.perf_counter()
    with Progress(TextColumn("coding"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]} articles/s"), TimeElapsedColumn(),
                  TextColumn("ETA"), TimeRemainingColumn(), console=err) as bar:
        task = bar.add_task("coding", total=None, rate="-")

        def progress(done: int, total: int, _: object) -> None:
            rate = done / max(time.perf_counter() - started, 1e-6)
            bar.update(task, completed=done, total=total, rate=f"{rate:.0f}")

        try:
            report = run_batch(inputs, out, engine.value, workers or default_workers(), model,
                               address, progress, unit_docs, min_confidence, codebook)
        except ValueError as exc:
            _report_error(exc)
            raise typer.Exit(1) from None
        except OSError as exc:  # the output folder, a full disk: the inputs' own are reported
            _report_error(f"cannot write {exc.filename or out}: {exc.strerror or exc}")
            raise typer.Exit(1) from None
    for problem in report.input_errors:
        _report_error(problem)
    err.print(f"{report.docs} documents, {report.articles} articles, {report.events} events, "
              f"{report.errors} errors (see {out / 'errors.jsonl'}); {report.units} units, "
              f"{report.skipped_units} already done; {report.seconds:.1f} s", highlight=False,
              markup=False)
    if report.articles == 0 and (report.errors or report.input_errors):
        raise typer.Exit(1)


@app.command()
def load(
    folder: Annotated[Path, typer.Argument(help="An 'eventwire batch' output folder.")],
    db: Annotated[Path, typer.Option(help="DuckDB file (created if missing).")],
) -> None:
    """Load batch Parquet output into DuckDB (idempotent, one transaction)."""
    from eventwire.store.db import EventStore

    if not (folder / "articles").is_dir():
        _report_error(f"{folder}: not an eventwire batch output (no articles/ folder)")
        raise typer.Exit(1)
    from eventwire.jobs import repeat_reason

    with EventStore(db) as store:
        r = store.load_parquet(folder)
    for where, article_id, first, same in r.repeats:
        _report_error(f"{where}: {repeat_reason(article_id, first, same)}")
    err.print(f"loaded {r.added} new and {r.replaced} changed articles ({r.events} events), "
              f"{r.unchanged} unchanged, {len(r.repeats)} repeated ids left out -> {db}",
              highlight=False, markup=False)


@app.command()
def upgrade(
    db: Annotated[Path, typer.Option(help="DuckDB file to bring to this eventwire's schema.")],
) -> None:
    """Migrate a database written by an older eventwire (readers of a read-only file need it)."""
    from eventwire.store.db import StoreError
    from eventwire.store.db import upgrade as run_upgrade

    try:
        before, now = run_upgrade(db)
    except (StoreError, FileNotFoundError) as exc:
        _report_error(str(exc))
        raise typer.Exit(1) from None
    said = f"schema v{before} -> v{now}" if before < now else f"already at schema v{now}"
    err.print(f"{db}: {said}", highlight=False, markup=False, soft_wrap=True)


@app.command()
def train(
    real: Annotated[list[Path], typer.Argument(
        help="Real news sentences in the gold JSONL format (folds split them by record).")],
    examples: Annotated[list[Path] | None, typer.Option(
        help="Project-written examples (folds hold whole templates out).")] = None,
    examples_weight: Annotated[float | None, typer.Option(
        help="Weight of one example against one real sentence (default: chosen on CV).")] = None,
    cv: Annotated[bool, typer.Option("--cv/--no-cv", help="Report a 5-fold cross-validation.")]
    = True,
    cv_extract: Annotated[bool, typer.Option(
        "--cv-extract", help="Also score extract on the real records, each fold typed by the "
                             "model trained without it.")] = False,
    out: Annotated[Path | None, typer.Option(help="Model file to write (default: the one the "
                                                  "package ships).")] = None,
    blind: Annotated[Path | None, typer.Option(
        help="Record ids held out of training and CV, one a line (default: "
             "benchmarks/annotations/plv_blind.txt where it exists).")] = None,
    score_blind: Annotated[bool, typer.Option(
        "--score-blind", help="Classify the held-out records with the new model; figures only.")]
    = False,
    actors: ActorFiles = None,
    lexicon: LexiconFiles = None,
) -> None:
    """Train the learned typer; prints the cross-validation as JSON. The sentences are coded
    with --actors/--lexicon where given (the extract CV with them too)."""
    from importlib import resources

    from eventwire.events.learned import MODEL_FILE
    from eventwire.training import EXAMPLES_WEIGHT, read_ids
    from eventwire.training import train as run_train

    target = out or Path(str(resources.files("eventwire.events").joinpath("data", MODEL_FILE)))
    own = examples if examples is not None else [Path("data/training/plover_train.jsonl")]
    blind_file = blind or Path("benchmarks/annotations/plv_blind.txt")
    codebook = _codebook(actors, lexicon)
    try:
        held = read_ids(blind_file) if blind or blind_file.exists() else frozenset()
        report = run_train(real, [p for p in own if p.name], target, cv, cv_extract,
                           EXAMPLES_WEIGHT if examples_weight is None else examples_weight,
                           blind=held, score_blind=score_blind, codebook=codebook)
    except (OSError, ValueError) as exc:
        _report_error(exc)
        raise typer.Exit(1) from None
    err.print(f"wrote {target}", highlight=False, markup=False)
    sys.stdout.write(json.dumps(report) + "\n")


#: The longest time between polls (a week): longer is a typo, and timers overflow far beyond it.
MAX_INTERVAL = 7 * 24 * 3600


def _seconds(value: str) -> float:
    """"90", "90s", "15m", "2h" as seconds."""
    units = {"s": 1, "m": 60, "h": 3600}
    text = value.strip().lower()
    try:
        number = float(text[:-1]) * units[text[-1]] if text[-1:] in units else float(text)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a duration (e.g. 90s, 15m, 2h)") from None
    # "nan" and "inf" parse as floats: nan compares false with everything (it would poll back
    # to back) and inf, like any wait past the threads' limit, overflows the timer.
    if not math.isfinite(number) or number <= 0 or number > MAX_INTERVAL:
        raise typer.BadParameter(f"{value!r}: the interval must be a positive number of "
                                 f"seconds, at most {MAX_INTERVAL // 3600}h (e.g. 90s, 15m, 2h)")
    return number


@app.command()
def watch(
    feeds: Annotated[Path, typer.Option(help="A text file of RSS/Atom feed URLs, one per line.")],
    db: Annotated[Path | None, typer.Option(
        help="DuckDB file to write (when no server runs).")] = None,
    server: Annotated[str | None, typer.Option(
        help="A running 'eventwire serve' to write through (it stays the one writer).")] = None,
    token: Annotated[str | None, typer.Option(
        envvar="EVENTWIRE_TOKEN", help="The server's token (with --server).")] = None,
    every: Annotated[str, typer.Option(help="Time between polls: 90s, 15m, 2h.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
    allow_private: AllowPrivate = False,
    state: Annotated[Path | None, typer.Option(
        help="What was seen (links, texts, validators); default: beside --db, or "
             "./eventwire-watch.json with --server.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model name.")] = None,
    max_new: Annotated[int, typer.Option(
        min=1, help="New pages fetched per feed per poll, at most; the rest wait.")] = 50,
    deadline: Annotated[str, typer.Option(
        help="Longest time for one request, retries and redirects included.")] = "30s",
    feed_budget: Annotated[str, typer.Option(
        help="Time after which a feed takes no more new pages in this poll.")] = "5m",
    actors: ActorFiles = None,
    lexicon: LexiconFiles = None,
) -> None:
    """Poll RSS/Atom feeds, code new articles and store them, until stopped."""
    import signal
    import threading

    from eventwire.feeds.fetch import Fetcher
    from eventwire.feeds.sinks import ServerSink, StoreSink
    from eventwire.feeds.watch import Watcher, read_feed_list
    from eventwire.pipeline import Coder

    if (db is None) == (server is None):
        raise typer.BadParameter("give --db FILE, or --server URL (with --token)")
    if server is not None and not token:
        raise typer.BadParameter("--server needs the server's --token (or EVENTWIRE_TOKEN)")
    problem = token_problem(token) if server is not None and token else None
    if problem:
        raise typer.BadParameter(f"--token {problem}")
    interval = _seconds(every)
    request_deadline, budget = _seconds(deadline), _seconds(feed_budget)
    try:
        urls = read_feed_list(feeds)
    except (OSError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(f"cannot read {feeds}: {exc}") from None
    if not urls:
        raise typer.BadParameter(f"{feeds} lists no feed")

    def log(line: str) -> None:
        err.print(line, highlight=False, markup=False, soft_wrap=True)

    if server is not None and (actors or lexicon):
        raise typer.BadParameter("--actors and --lexicon code here; with --server the server "
                                 "codes: give them to 'eventwire serve'")
    sink = ServerSink(server, token or "", log=log) if server else StoreSink(
        db, Coder(model, codebook=_codebook(actors, lexicon)))  # type: ignore[arg-type]
    state_file = state or (db.with_name(db.name + ".watch.json") if db else
                           Path("eventwire-watch.json"))
    try:
        watcher = Watcher(urls, sink, state_file,
                          Fetcher(allow_private=allow_private, deadline=request_deadline),
                          log=log, max_new=max_new, feed_budget=budget)
    except ValueError as exc:
        _report_error(exc)
        raise typer.Exit(1) from None
    # SIGTERM and Ctrl-C set the flag the poll checks between two pages: the watcher stops
    # within one request's deadline, with what it fetched stored and its state saved.
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    try:
        if once:
            report = watcher.poll(stop)
            err.print(report.summary(), highlight=False, markup=False, soft_wrap=True)
            raise typer.Exit(1 if report.all_failed else 0)
        watcher.run(interval, stop)
    finally:
        if isinstance(sink, ServerSink):
            sink.close()


@app.command()
def serve(
    db: Annotated[Path, typer.Option(help="DuckDB file (created if missing).")] = Path(
        "events.duckdb"),
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port.")] = 8000,
    token: Annotated[str | None, typer.Option(
        envvar="EVENTWIRE_TOKEN", help="Enables POST /api/articles (Bearer token).")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model name.")] = None,
    allow_host: Annotated[list[str] | None, typer.Option(
        help="Another name the server answers to (repeatable). By default only localhost, "
             "127.0.0.1, ::1 and --host: other Host headers get 400 (DNS rebinding).")] = None,
    actors: ActorFiles = None,
    lexicon: LexiconFiles = None,
) -> None:
    """Serve the REST API (/api, OpenAPI at /openapi.json) and the dashboard (/)."""
    problem = token_problem(token, MIN_TOKEN_CHARS) if token is not None else None
    if problem:
        raise typer.BadParameter(f"--token {problem}")
    run_server(db, host, port, token, model, allow_host or [], _codebook(actors, lexicon))


def run_server(db: Path, host: str, port: int, token: str | None, model: str | None,
               allow_host: list[str] | None = None, codebook: Codebook | None = None) -> None:
    import uvicorn

    from eventwire.api import create_app
    from eventwire.api.guard import LOOPBACK_HOSTS

    hosts = {*LOOPBACK_HOSTS, host, *(allow_host or [])}
    # Bound to every interface with no names given: any name may reach it.
    hosts_or_any = None if host in ("0.0.0.0", "::") and not allow_host else hosts
    if not db.exists():  # a mistyped --db would otherwise be served empty without a word
        err.print(f"{db} does not exist: serving a new, empty database (was --db the file you "
                  "ingested into?)", highlight=False, markup=False, soft_wrap=True)
    err.print(f"eventwire dashboard: http://{host}:{port}/   API: http://{host}:{port}/docs",
              highlight=False, markup=False)
    # A stop signal waits at most 10 s for requests in flight (coding is bounded per request).
    uvicorn.run(create_app(db, token=token, model=model, hosts=hosts_or_any,
                           codebook=codebook), host=host,
                port=port, log_level="warning", timeout_graceful_shutdown=10)


@app.command()
def demo(
    db: Annotated[Path, typer.Option(help="DuckDB file to create.")] = Path("demo.duckdb"),
    serve_after: Annotated[bool, typer.Option("--serve", help="Then open the dashboard on it.")]
    = False,
    host: Annotated[str, typer.Option(help="With --serve: interface.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="With --serve: port.")] = 8000,
) -> None:
    """Code the bundled sample corpus into DuckDB and show how relations change."""
    from eventwire.demo import run_demo

    run_demo(db, out)
    if serve_after:
        run_server(db, host, port, None, None)


actors_app = typer.Typer(no_args_is_help=True, help="The actor tables: how names resolve.")
app.add_typer(actors_app, name="actors")


@actors_app.command("lookup")
def actors_lookup(
    name: Annotated[str, typer.Argument(help="A name as an article would write it.")],
    on: Annotated[str | None, typer.Option("--date", help=(
        "The article's date (YYYY-MM-DD): office holders by their term. Default: an undated "
        "article (the current terms)."))] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table or jsonl.")] = Format.table,
    actors: ActorFiles = None,
) -> None:
    """Show how NAME resolves: the entry the coder takes, its CAMEO code and party, and every
    table row (file and line) that names it, your --actors files' first."""
    from eventwire.actors.lookup import lookup

    if actors:
        _codebook(actors, None)  # unreadable lines reported, as the coding commands do
    found = lookup(name, _parse_date(on), actors=tuple(str(p) for p in actors or ()))
    if fmt is not Format.table:
        out.print(json.dumps(found, ensure_ascii=False), highlight=False, markup=False,
                  soft_wrap=True)
        return
    when = f" on {found['date']}" if found["date"] else " (undated)"
    taken = found["resolves_to"]
    lines = [f"{name!r}{when}:"]
    if found["blocked"]:
        lines.append("  never an actor: a blocked phrase")
    elif taken is None:
        lines.append("  names no actor in the tables")
    else:
        where = f"{taken['table']} line {taken['line']}" if taken["line"] else taken["table"]
        parts = [taken["kind"], taken["name"] or "", taken["country"] or "", taken["sector"] or ""]
        lines.append(f"  the coder takes: {' '.join(p for p in parts if p)}  code "
                     f"{taken['code'] or '-'}  party {taken['party'] or '-'}  ({where})")
    for row in found["rows"]:
        lines.append(f"  {row['table']}:{row['line']}  {row['note']}"
                     + (f"  {row['name']}" if row["name"] and row["name"] != row["note"] else ""))
    party = found["query_party"]
    lines.append(f"  queries take it for: {party['kind']} {party['key']} ({party['label']})"
                 if party else "  queries take it for: a named actor (matched by whole words)")
    out.print("\n".join(lines), highlight=False, markup=False, soft_wrap=True)


def main() -> None:
    import duckdb

    from eventwire.store.db import StoreError, failure

    try:
        app()
    except StoreError as exc:  # an unusable database file: one line, not a traceback
        _report_error(exc)
        sys.exit(1)
    except duckdb.Error as exc:  # found in the middle of a command: a truncated file, a full disk
        _report_error(failure(exc))
        sys.exit(1)
    except RuntimeError as exc:
        from eventwire.nlp import ModelError

        if not isinstance(exc, ModelError):
            raise
        _report_error(exc)  # an unknown --model: one line
        sys.exit(1)


if __name__ == "__main__":
    main()
