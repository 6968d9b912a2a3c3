"""How long a command waits for the DuckDB file while ``eventwire serve`` is under load: a real
server on 127.0.0.1 over a copy of the demo database, many concurrent clients reading without
pause, and meanwhile, one after the other, separate processes that open the file as ``query``
does (``store.db.connect``) and whole ``eventwire query`` commands.

    .venv/bin/python benchmarks/file_wait.py [--clients 50] [--tries 10]

Prints one JSON line: the wait for the file (median and worst over the tries; aim: under 5 s),
the whole ``query`` command's time with and without the load, the requests the clients made
meanwhile and their status codes (every one 200: the server waits its turn, it does not fail)."""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_load import READS
from served import BIN, demo_server_on_file

TOKEN = "file-wait-token-000"
#: Opens the file as a command does and prints the seconds it waited for it.
OPEN_AND_TIME = ("import sys, time; from eventwire.store.db import connect; t = time.perf_counter(); "
                 "con = connect(sys.argv[1], read_only=True); "
                 "con.execute('SELECT count(*) FROM events').fetchall(); "
                 "print(time.perf_counter() - t); con.close()")


async def reader(base: str, stop: asyncio.Event, seed: int, status: dict[str, int]) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        while not stop.is_set():
            try:
                code = str((await http.get(rng.choice(READS))).status_code)
            except httpx.HTTPError as exc:
                code = type(exc).__name__
            status[code] = status.get(code, 0) + 1


def timed(command: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, out.stdout


async def run(base: str, db: Path, clients: int, tries: int) -> dict[str, object]:
    query = [str(BIN / "eventwire"), "query", "events", "--db", str(db), "--limit", "5",
             "--format", "jsonl"]
    idle_query = [(await asyncio.to_thread(timed, query))[0] for _ in range(3)]
    status: dict[str, int] = {}
    stop = asyncio.Event()
    load = [asyncio.create_task(reader(base, stop, i, status)) for i in range(clients)]
    await asyncio.sleep(5)  # the load is on: the server holds the file
    waits, loaded_query = [], []
    started = time.monotonic()
    for _ in range(tries):
        _, out = await asyncio.to_thread(timed, [sys.executable, "-c", OPEN_AND_TIME, str(db)])
        waits.append(float(out))
        loaded_query.append((await asyncio.to_thread(timed, query))[0])
    seconds = time.monotonic() - started
    stop.set()
    await asyncio.gather(*load)
    requests = sum(status.values())
    return {"clients": clients, "tries": tries,
            "file_wait_s": {"median": round(statistics.median(waits), 2),
                            "max": round(max(waits), 2)},
            "query_s": {"idle_median": round(statistics.median(idle_query), 2),
                        "loaded_median": round(statistics.median(loaded_query), 2),
                        "loaded_max": round(max(loaded_query), 2)},
            "requests": requests, "per_second": round(requests / (seconds + 5), 1),
            "status": status}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--tries", type=int, default=10)
    parser.add_argument("--port", type=int, default=8793)
    args = parser.parse_args()
    with demo_server_on_file(args.port, TOKEN) as (base, db):
        print(json.dumps(asyncio.run(run(base, db, args.clients, args.tries))))


if __name__ == "__main__":
    main()
