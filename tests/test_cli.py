"""The command line, driven through typer's runner against real files and a real DuckDB."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.schema import EVENT_KEYS

pytestmark = pytest.mark.slow
runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_extract_prints_jsonl_with_every_key(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("date 2025-05-26\nTurkey and Pakistan held talks in Ankara.", encoding="utf-8")
    res = run("extract", str(f), "--format", "jsonl")
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows and all(tuple(r) == EVENT_KEYS for r in rows)
    assert [(r["source"]["country"], r["target"]["country"], r["attributes"]["reciprocal"])
            for r in rows] == [("TUR", "PAK", True)]
    assert rows[0]["date"] == "2025-05-26"


def test_extract_date_option_and_stdin() -> None:
    res = run("extract", "-", "--format", "jsonl", "--date", "2024-02-03",
              input="date 2025-05-26\nJapan praised India.")
    assert res.exit_code == 0
    assert json.loads(res.stdout.splitlines()[0])["date"] == "2024-02-03"
    assert run("extract", "-", "--date", "soon", input="x").exit_code != 0


def test_extract_table_format() -> None:
    res = run("extract", "-", "--format", "table", input="Japan praised India.")
    assert res.exit_code == 0 and "SUPPORT" in res.stdout


def test_extract_explain_shows_the_reader_decisions() -> None:
    res = run("extract", "-", "--format", "jsonl", "--explain",
              input="Talks resume\n\nGENEVA (AP) -- Japan praised India.")
    assert res.exit_code == 0
    assert "reader: headline [0:12] 'Talks resume'" in res.stderr
    assert "reader: dateline place 'GENEVA', agency 'AP'" in res.stderr
    assert "event SUPPORT 'praised'" in res.stderr and "place:dateline" in res.stderr


def test_ingest_keeps_good_items_reports_bad_ones_and_is_idempotent(tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join([
        json.dumps({"id": "ok1", "date": "2025-01-02", "text": "India criticized Turkey."}),
        "{broken",
        json.dumps({"id": "ok2", "date": "2025-02-02", "text": "Turkey sent aid to Pakistan."}),
    ]), encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    db = tmp_path / "e.duckdb"
    res = run("ingest", str(batch), str(tmp_path / "bin.txt"), "--db", str(db))
    assert res.exit_code == 0, res.output
    assert f"{batch}:2" in res.stderr and "bin.txt" in res.stderr
    res2 = run("ingest", str(batch), "--db", str(db))
    assert "2 unchanged" in res2.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    assert n_events >= 2


def test_nothing_processed_is_a_nonzero_exit(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    res = run("ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "x.duckdb"))
    assert res.exit_code == 1 and "empty file" in res.stderr


def test_query_events_dyads_and_dyad(tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    assert run("demo", "--db", str(db)).exit_code == 0
    ev = run("query", "events", "--db", str(db), "--actor", "IND", "--format", "jsonl")
    assert ev.exit_code == 0
    rows = [json.loads(x) for x in ev.stdout.splitlines()]
    assert rows and all("IND" in (r["source_country"], r["target_country"]) for r in rows)
    top = run("query", "dyads", "--db", str(db), "--format", "jsonl", "--limit", "3")
    assert len(top.stdout.splitlines()) == 3
    dyad = run("query", "dyad", "IND", "TUR", "--db", str(db), "--format", "jsonl")
    periods = [json.loads(x) for x in dyad.stdout.splitlines()]
    assert len(periods) >= 3 and {"period", "net_score", "balance"} <= set(periods[0])
    assert run("query", "dyad", "IND", "--db", str(db)).exit_code != 0
    assert run("query", "events", "--db", str(tmp_path / "missing.duckdb")).exit_code == 1


def test_evaluate_json(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "1", "text": "Japan praised India.", "events": [
        {"type": "SUPPORT", "source": {"text": "Japan", "spans": [[0, 5]]},
         "target": {"text": "India", "spans": [[14, 19]]}}]}) + "\n", encoding="utf-8")
    res = run("evaluate", str(gold), "--task", "classify", "--json")
    assert res.exit_code == 0
    out = json.loads(res.stdout)
    assert out["task"] == "classify" and out["accuracy"] == 1.0


def test_serve_starts_the_api_and_dashboard_on_localhost(tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys
    import time

    import httpx

    db = tmp_path / "s.duckdb"
    assert run("demo", "--db", str(db)).exit_code == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db),
                             "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        assert httpx.get(base + "/api/summary").json()["articles"] == 45
        assert "eventwire" in httpx.get(base + "/").text
        assert httpx.post(base + "/api/articles", json={"articles": [{"text": "x y z"}]}
                          ).status_code == 401  # no token given at start
        # SIGTERM while a long text is being coded: the server still stops (the extract is
        # bounded and the graceful shutdown waits at most 10 s)
        import threading

        text = "Turkey met Iran in Ankara and condemned Israel. " * 2000
        worker = threading.Thread(target=lambda: httpx.post(base + "/api/extract", timeout=120,
                                                            json={"text": text}), daemon=True)
        worker.start()
        time.sleep(1.5)
        proc.terminate()
        proc.wait(timeout=60)  # a hang guard, not a timing: the old server held on for minutes
    finally:
        proc.kill()
        proc.wait(timeout=20)


def test_train_writes_a_model_and_prints_the_cross_validation(tmp_path: Path) -> None:
    real = tmp_path / "real.jsonl"
    rows = [("Germany accused Russia of spying.", "ACCUSE"), ("France condemned Iran.", "ACCUSE"),
            ("Egypt sent food to Sudan.", "AID"), ("Norway gave funds to Yemen.", "AID"),
            ("Japan criticised China.", "ACCUSE"), ("Canada delivered tents to Turkey.", "AID")]
    with real.open("w", encoding="utf-8") as fh:
        for n, (text, type_) in enumerate(rows):
            words = text.rstrip(".").split()
            src, tgt = words[0], words[-1]
            fh.write(json.dumps({"id": f"r{n}", "text": text, "events": [{
                "type": type_, "source": {"text": src, "spans": [[0, len(src)]]},
                "target": {"text": tgt, "spans": [[text.index(tgt), text.index(tgt) + len(tgt)]]},
            }]}) + "\n")
    model = tmp_path / "m.npz"
    res = run("train", str(real), "--examples", "", "--out", str(model))
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert report["cv"]["real_pairs"] == 6 and model.exists()
    res = run("train", str(tmp_path / "missing.jsonl"), "--out", str(model))
    assert res.exit_code == 1 and "missing.jsonl" in res.stderr
    held = tmp_path / "blind.txt"
    held.write_text("r0\nr2\n", encoding="utf-8")
    res = run("train", str(real), "--examples", "", "--no-cv", "--blind", str(held), "--out",
              str(model), "--score-blind")
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert report["real_records"] == 4 and report["blind"]["records"] == 2


def test_train_codes_the_extract_cv_with_the_users_actors(tmp_path: Path) -> None:
    # Made-up bodies in lower case, which no shipped table knows: most sentences have no pair
    # of actors until the TABARI file names them.
    actors = tmp_path / "my.txt"
    actors.write_text("# fictional bodies\nMARSH_LEAGUE_ [MRL]\nRIVER_WARDENS_ [RVW]\n"
                      "HILL_COUNCIL_ [HLC]\n", encoding="utf-8")
    rows = [("the marsh league", "accused", "the river wardens", "ACCUSE"),
            ("the hill council", "condemned", "the marsh league", "ACCUSE"),
            ("the river wardens", "criticised", "the hill council", "ACCUSE"),
            ("the marsh league", "sent food to", "the hill council", "AID"),
            ("the river wardens", "gave funds to", "the marsh league", "AID"),
            ("the hill council", "delivered tents to", "the river wardens", "AID")]
    real = tmp_path / "real.jsonl"
    with real.open("w", encoding="utf-8") as fh:
        for n, (src, verb, tgt, type_) in enumerate(rows):
            text = f"{src.capitalize()} {verb} {tgt}."
            at = text.index(tgt)
            fh.write(json.dumps({"id": f"r{n}", "text": text, "events": [{
                "type": type_, "source": {"text": src.capitalize(), "spans": [[0, len(src)]]},
                "target": {"text": tgt, "spans": [[at, at + len(tgt)]]}}]}) + "\n")
    no_blind = tmp_path / "blind.txt"
    no_blind.write_text("", encoding="utf-8")
    args = ["train", str(real), "--examples", "", "--no-cv", "--cv-extract", "--blind",
            str(no_blind), "--out", str(tmp_path / "m.npz")]
    shipped, mine = run(*args), run(*args, "--actors", str(actors))
    assert shipped.exit_code == 0 and mine.exit_code == 0, shipped.output + mine.output
    for layer in ("rules", "learned"):
        before = json.loads(shipped.stdout)["cv_extract"][layer]
        after = json.loads(mine.stdout)["cv_extract"][layer]
        assert before["predicted"] < after["predicted"] and before["recall"] < after["recall"]


def test_min_confidence_filters_extract_output() -> None:
    text = "date 2025-05-26\nTurkey and Pakistan held talks in Ankara. India accused Turkey."
    every = run("extract", "-", "--format", "jsonl", input=text)
    assert every.exit_code == 0
    confidences = sorted(json.loads(line)["confidence"] for line in every.stdout.splitlines())
    assert len(confidences) == 2 and confidences[0] < confidences[1]
    # A threshold between the two keeps the surer event only.
    between = (confidences[0] + confidences[1]) / 2
    kept = run("extract", "-", "--format", "jsonl", "--min-confidence", str(between), input=text)
    assert kept.exit_code == 0
    assert [json.loads(line)["confidence"] for line in kept.stdout.splitlines()] == confidences[1:]
    assert run("extract", "-", "--min-confidence", "2", input=text).exit_code != 0


def test_an_unusable_database_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database")
    for db in (tmp_path, junk):
        res = subprocess.run([sys.executable, "-m", "eventwire.cli", "query", "events", "--db",
                              str(db)], capture_output=True, text=True, timeout=120)
        assert res.returncode == 1
        assert len(res.stderr.strip().splitlines()) == 1, res.stderr
        assert res.stderr.startswith("eventwire: ") and "Traceback" not in res.stderr


def test_article_dates_on_the_command_line_are_checked_like_the_files_are() -> None:
    res = run("extract", "-", "--date", "9999-12-31", input="Japan praised India.")
    assert res.exit_code != 0 and "outside" in res.output


def test_batch_refuses_units_of_zero_documents(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text('{"text": "Chile met Peru."}\n', encoding="utf-8")
    res = run("batch", str(src), "--out", str(tmp_path / "out"), "--unit-docs", "0")
    assert res.exit_code == 2 and not (tmp_path / "out").exists()


def test_query_takes_country_names_and_refuses_unknown_ones(tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    assert run("demo", "--db", str(db)).exit_code == 0
    by_name = run("query", "dyad", "India", "Türkiye", "--db", str(db), "--format", "jsonl")
    by_code = run("query", "dyad", "IND", "TUR", "--db", str(db), "--format", "jsonl")
    assert by_name.exit_code == 0 and by_name.stdout == by_code.stdout and by_name.stdout
    bad = run("query", "dyad", "India", "Turkye", "--db", str(db))
    assert bad.exit_code == 2 and "did you mean" in bad.output


def test_export_infers_the_format_and_csv_output_is_flat(tmp_path: Path) -> None:
    import csv
    import io

    db = tmp_path / "d.duckdb"
    assert run("demo", "--db", str(db)).exit_code == 0
    out = tmp_path / "events.csv"
    assert run("export", str(out), "--db", str(db)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith('"id",')  # CSV, not Parquet
    assert run("export", str(tmp_path / "events.data"), "--db", str(db)).exit_code == 1
    dyad = run("query", "dyad", "IND", "TUR", "--db", str(db), "--format", "csv")
    header = next(csv.reader(io.StringIO(dyad.stdout)))
    assert any(col.startswith("types.") for col in header) and "types" not in header
    coded = run("extract", "-", "--format", "csv", input="Turkey and Pakistan held talks.")
    rows = list(csv.DictReader(io.StringIO(coded.stdout)))
    assert rows and rows[0]["source.country"] == "TUR" and "trigger.text" in rows[0]


def test_query_dyad_takes_blocs_bodies_and_groups(tmp_path: Path) -> None:
    """``eventwire query dyad EU RUS`` in a subprocess, over a file of hand-built records."""
    import subprocess
    import sys

    from eventwire.store.db import EventStore
    from tests.conftest import party_records

    db = tmp_path / "p.duckdb"
    with EventStore(db) as store:
        store.write(party_records())

    def query(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "eventwire.cli", "query", *args, "--db",
                               str(db), "--format", "jsonl"], capture_output=True, text=True,
                              check=False)

    eu = query("dyad", "EU", "RUS")
    assert eu.returncode == 0, eu.stderr
    assert [json.loads(x)["events"] for x in eu.stdout.splitlines()] == [1]
    nato = query("events", "--actor", "NATO")
    assert [json.loads(x)["source_code"] for x in nato.stdout.splitlines()] == ["IGOWSTNAT"] * 2
    hamas = query("dyad", "Hamas", "Israel")
    assert sum(json.loads(x)["events"] for x in hamas.stdout.splitlines()) == 1
    wrong = query("dyad", "EUU", "RUS")
    assert wrong.returncode != 0 and "did you mean 'EU'" in wrong.stderr
    assert "'reu'" not in wrong.stderr and "'ecu'" not in wrong.stderr
