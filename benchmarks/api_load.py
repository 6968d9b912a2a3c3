"""A bounded load test of the API: a real ``eventwire serve`` on 127.0.0.1 over a copy of the
demo database, many concurrent clients mixing reads and writes for a fixed time.

    .venv/bin/python benchmarks/api_load.py [--clients 50] [--seconds 60]

Reads: event pages, grouped events, top dyads, a dyad timeline, the network, alerts, the
summary, one article. Writes (about one request in five): POST /api/articles with a new short
article, POST /api/extract. Prints one JSON line: requests, per-second rate, p50/p99 latency
overall and per kind, server errors (5xx) and client-side failures (both must be 0), and the
503s of /api/extract's bounded coding slots (by design under load)."""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from served import demo_server

TOKEN = "load-test-token-000"
READS = ["/api/events?limit=50", "/api/events?a=IND&b=TUR&limit=20&offset=5",
         "/api/events/grouped?limit=20", "/api/dyads?limit=30",
         "/api/dyads/IND/TUR/timeline?interval=week", "/api/network", "/api/alerts",
         "/api/summary", "/api/events?text=talks&quad=1"]
SENTENCES = ["Turkey held talks with Iran in Ankara.", "Kenya sent aid to Somalia.",
             "China accused Japan of provocations.", "Police arrested 12 protesters in Delhi."]
_ids = itertools.count()


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 1)


async def client(base: str, until: float, seed: int, lat: dict[str, list[float]],
                 status: dict[str, int]) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        while time.monotonic() < until:
            roll = rng.random()
            started = time.perf_counter()
            try:
                if roll < 0.12:
                    kind = "POST /api/articles"
                    n = next(_ids)
                    res = await http.post("/api/articles", headers={
                        "Authorization": f"Bearer {TOKEN}"}, json={"articles": [{
                            "id": f"load-{n}", "date": "2025-06-01",
                            "text": " ".join(rng.sample(SENTENCES, 2))}]})
                elif roll < 0.2:
                    kind = "POST /api/extract"
                    res = await http.post("/api/extract", json={"text": rng.choice(SENTENCES)})
                else:
                    path = rng.choice(READS)
                    kind = "GET " + path.split("?")[0]
                    res = await http.get(path)
                code = str(res.status_code)
            except httpx.HTTPError as exc:
                kind, code = "failure", type(exc).__name__
            lat[kind].append(time.perf_counter() - started)
            status[code] = status.get(code, 0) + 1


async def run(base: str, clients: int, seconds: float) -> dict[str, object]:
    lat: dict[str, list[float]] = defaultdict(list)
    status: dict[str, int] = {}
    until = time.monotonic() + seconds
    await asyncio.gather(*(client(base, until, i, lat, status) for i in range(clients)))
    every = [x for xs in lat.values() for x in xs]
    return {"clients": clients, "seconds": seconds, "requests": len(every),
            "per_second": round(len(every) / seconds, 1), "p50_ms": _quantile(every, 0.5),
            "p99_ms": _quantile(every, 0.99),
            "server_errors": sum(n for c, n in status.items() if c.startswith("5") and c != "503"),
            "failures": len(lat.get("failure", [])), "extract_busy_503": status.get("503", 0),
            "status": status,
            "by_kind": {k: {"n": len(v), "p50_ms": _quantile(v, 0.5), "p99_ms": _quantile(v, 0.99)}
                        for k, v in sorted(lat.items())}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--port", type=int, default=8791)
    args = parser.parse_args()
    with demo_server(args.port, TOKEN) as base:
        httpx.post(base + "/api/extract", json={"text": SENTENCES[0]}, timeout=120)  # load
        print(json.dumps(asyncio.run(run(base, args.clients, args.seconds))))

if __name__ == "__main__":
    main()
