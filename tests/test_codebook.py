"""A user's codebook end to end: real ``eventwire`` processes with ``--actors`` and
``--lexicon`` over made-up dictionaries and sentences about fictional actors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pyarrow.parquet as pq
import pytest

from eventwire.codebook import Codebook
from tests.server import free_port, wait_until_up

ACTORS = """\
# Fictional actors (TABARI format)
VALDORIA_ [VLD]
+VALDORIAN_
KEROVIA_ [KRV]
+KEROVIAN_
ANSELM_DRAKOVIC_  ; in office 2015-2019, in opposition after
+DRAKOVIC_
\t[VLDGOV 20150101-20191231]
\t[VLDOPP]
KEROVIAN_LIBERATION_FRONT [KRVREB]
BROKEN_LINE [VLD 2015-2016]
"""
LEXICON = "# made-up trigger\nchide\tv\tACCUSE\tdisapprove\n"


def cli(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], input=input,
                          capture_output=True, text=True, check=False)


@pytest.fixture()
def books(tmp_path: Path) -> tuple[Path, Path]:
    actors, lexicon = tmp_path / "my.txt", tmp_path / "mine.tsv"
    actors.write_text(ACTORS, "utf-8")
    lexicon.write_text(LEXICON, "utf-8")
    return actors, lexicon


def pairs(stdout: str) -> list[tuple[str, str | None, str | None]]:
    rows = [json.loads(line) for line in stdout.splitlines()]
    return [(r["type"], r["source"] and r["source"]["code"], r["target"] and r["target"]["code"])
            for r in rows]


@pytest.mark.slow
def test_extract_codes_fictional_actors_with_their_dated_codes(books: tuple[Path, Path],
                                                               tmp_path: Path) -> None:
    actors, _ = books
    story = tmp_path / "s.txt"
    story.write_text("date 2016-03-01\nAnselm Drakovic met the Kerovian Liberation Front in "
                     "the capital.\n", "utf-8")
    res = cli("extract", str(story), "--actors", str(actors), "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    assert pairs(res.stdout) == [("CONSULT", "VLDGOV", "KRVREB")]
    # The malformed line is named, with its file and line; the rest of the file was used.
    assert f"{actors}:11:" in res.stderr and "line skipped" in res.stderr
    later = cli("extract", str(story), "--date", "2021-03-01", "--actors", str(actors),
                "--format", "jsonl")
    assert pairs(later.stdout) == [("CONSULT", "VLDOPP", "KRVREB")]
    without = cli("extract", str(story), "--format", "jsonl")
    assert all(src != "VLDGOV" for _, src, _ in pairs(without.stdout))


@pytest.mark.slow
def test_a_lexicon_file_adds_a_trigger(books: tuple[Path, Path], tmp_path: Path) -> None:
    actors, lexicon = books
    text = "date 2016-03-01\nValdoria chided Kerovia over the dam.\n"
    before = cli("extract", "-", "--actors", str(actors), "--format", "jsonl", input=text)
    assert before.returncode in (0, 1) and pairs(before.stdout) == []
    after = cli("extract", "-", "--actors", str(actors), "--lexicon", str(lexicon),
                "--format", "jsonl", input=text)
    assert after.returncode == 0, after.stderr
    assert pairs(after.stdout) == [("ACCUSE", "VLD", "KRV")]


@pytest.mark.slow
def test_batch_workers_code_with_the_users_actors(books: tuple[Path, Path], tmp_path: Path
                                                  ) -> None:
    actors, lexicon = books
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({
        "id": f"v{i}", "date": f"2016-0{1 + i % 3}-10",
        "text": "Valdoria chided Kerovia over the dam." if i % 2 else
                "Anselm Drakovic met the Kerovian Liberation Front in the capital."}) + "\n"
        for i in range(6)), "utf-8")
    out = tmp_path / "out"
    res = cli("batch", str(corpus), "--out", str(out), "--workers", "2", "--unit-docs", "2",
              "--actors", str(actors), "--lexicon", str(lexicon))
    assert res.returncode == 0, res.stderr
    rows = [r for p in sorted(out.glob("events/pub_date=*/*.parquet"))
            for r in pq.read_table(p).to_pylist()]
    got = sorted((r["article_id"], r["type"], r["source_code"], r["target_code"]) for r in rows)
    assert got == sorted([(f"v{i}", "ACCUSE", "VLD", "KRV") for i in (1, 3, 5)]
                         + [(f"v{i}", "CONSULT", "VLDGOV", "KRVREB") for i in (0, 2, 4)])
    assert {r["codebook"] for p in out.glob("articles/pub_date=*/*.parquet")
            for r in pq.read_table(p).to_pylist()} == {Codebook.of([actors], [lexicon]).digest()}
    # The same --out resumed under another codebook would mix two codebooks: refused.
    mixed = cli("batch", str(corpus), "--out", str(out), "--workers", "1", "--unit-docs", "2")
    assert mixed.returncode == 1 and "another codebook" in mixed.stderr


def test_problems_name_file_and_line(books: tuple[Path, Path], tmp_path: Path) -> None:
    actors, _ = books
    bad = tmp_path / "bad.tsv"
    bad.write_text("chide\tv\tACCUSE\nwidget\tq\tACCUSE\n", "utf-8")
    problems = Codebook.of([actors], [bad]).problems()
    assert [p.split(": ")[0].rsplit(":", 1)[1] for p in problems] == ["11", "2"]


def test_the_digest_follows_the_files_contents_and_order(books: tuple[Path, Path],
                                                         tmp_path: Path) -> None:
    actors, lexicon = books
    shipped = Codebook().digest()
    mine = Codebook.of([actors], [lexicon])
    assert len(shipped) == 16 and mine.digest() != shipped
    copy = tmp_path / "elsewhere.txt"
    copy.write_text(ACTORS, "utf-8")
    assert Codebook.of([copy], [lexicon]).digest() == mine.digest()  # by content, not path
    assert Codebook.of([actors]).digest() != mine.digest()
    assert Codebook.of([lexicon], [actors]).digest() != mine.digest()  # kind counts
    changed = tmp_path / "changed.txt"
    changed.write_text(ACTORS + "ZEMBLA_ [ZMB]\n", "utf-8")
    assert Codebook.of([changed], [lexicon]).digest() != mine.digest()


@pytest.mark.slow
def test_ingest_recodes_under_another_codebook_and_query_warns_when_mixed(
        books: tuple[Path, Path], tmp_path: Path) -> None:
    actors, _ = books
    db = tmp_path / "e.duckdb"
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("date 2016-03-01\nAnselm Drakovic met the Kerovian Liberation Front.\n",
                   "utf-8")
    two.write_text("date 2016-03-02\nValdoria and Kerovia held talks.\n", "utf-8")
    first = cli("ingest", str(one), str(two), "--db", str(db), "--actors", str(actors))
    assert "2 new, 0 replaced, 0 unchanged" in first.stderr, first.stderr
    rerun = cli("ingest", str(one), str(two), "--db", str(db), "--actors", str(actors))
    assert "0 new, 0 replaced, 2 unchanged" in rerun.stderr, rerun.stderr
    shipped = cli("ingest", str(one), "--db", str(db))  # the shipped tables alone
    assert "0 new, 1 replaced, 0 unchanged" in shipped.stderr, shipped.stderr
    query = cli("query", "events", "--db", str(db), "--format", "jsonl")
    assert query.returncode == 0 and "mixes codebooks (1 under" in query.stderr
    back = cli("ingest", str(one), "--db", str(db), "--actors", str(actors))
    assert "0 new, 1 replaced, 0 unchanged" in back.stderr, back.stderr
    assert "mixes" not in cli("query", "events", "--db", str(db)).stderr


@pytest.mark.slow
@pytest.mark.ray
def test_ray_actors_code_with_the_users_actors(books: tuple[Path, Path], tmp_path: Path) -> None:
    actors, _ = books
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({
        "id": f"r{i}", "date": "2016-03-01",
        "text": "Anselm Drakovic met the Kerovian Liberation Front in the capital."}) + "\n"
        for i in range(2)), "utf-8")
    out = tmp_path / "out"
    res = cli("batch", str(corpus), "--out", str(out), "--engine", "ray", "--workers", "1",
              "--unit-docs", "1", "--actors", str(actors))
    assert res.returncode == 0, res.stderr
    rows = [r for p in sorted(out.glob("events/pub_date=*/*.parquet"))
            for r in pq.read_table(p).to_pylist()]
    assert sorted((r["article_id"], r["source_code"], r["target_code"]) for r in rows) == [
        ("r0", "VLDGOV", "KRVREB"), ("r1", "VLDGOV", "KRVREB")]


@pytest.mark.slow
def test_serve_codes_with_the_users_actors(books: tuple[Path, Path], tmp_path: Path) -> None:
    actors, lexicon = books
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db",
                             str(tmp_path / "s.duckdb"), "--port", str(port), "--actors",
                             str(actors), "--lexicon", str(lexicon)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base, 60)
        got = httpx.post(f"{base}/api/extract", timeout=120, json={
            "text": "Valdoria chided Kerovia over the dam.", "date": "2016-03-01"}).json()
        assert [(e["type"], e["source"]["code"], e["target"]["code"])
                for e in got["events"]] == [("ACCUSE", "VLD", "KRV")]
    finally:
        proc.terminate()
        proc.wait(timeout=60)


@pytest.mark.slow
def test_a_body_of_ones_own_is_a_party(tmp_path: Path) -> None:
    # A bloc the shipped tables do not hold, given with an IGO code of its own, counts in the
    # relations views under that code and is named by it in queries.
    actors, story = tmp_path / "bodies.txt", tmp_path / "s.txt"
    actors.write_text("NORTHERN_COMPACT [IGONRC]\n", "utf-8")
    story.write_text("date 2016-03-01\nThe Northern Compact imposed sanctions on Russia.\n",
                     "utf-8")
    db = str(tmp_path / "e.duckdb")
    assert cli("ingest", str(story), "--db", db, "--actors", str(actors)).returncode == 0
    dyads = [json.loads(line) for line in cli("query", "dyads", "--db", db).stdout.splitlines()]
    assert [(d["a"], d["b"], d["events"]) for d in dyads] == [("IGONRC", "RUS", 1)]
    timeline = cli("query", "dyad", "IGONRC", "Russia", "--db", db)
    assert timeline.returncode == 0, timeline.stderr
    [month] = [json.loads(line) for line in timeline.stdout.splitlines()]
    assert month["material_conflict"] == 1
