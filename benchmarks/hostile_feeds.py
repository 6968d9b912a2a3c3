"""The feed watcher against a hostile feed server: one poll by the real ``eventwire watch
--once`` (its default settings: 30 s per request, 50 new pages per feed, 5 minutes a feed, 1 s
between two requests to a host) over eight feeds served from 127.0.0.1 by tests/feeds/hostile.py
in its own process: a stacked ``gzip, gzip`` bomb and a plain gzip bomb (each inflating to
--bomb-mb), an entity bomb (a 10 KB entity referenced 60,000 times), a feed trickling one byte
every 2 s, a feed of --huge entries each a real page, a 404, a feed whose links are all dead,
and a good feed. The watcher runs twice: beside a real ``eventwire serve`` (``--server``: the
server codes, the watcher only fetches and reads) and alone on a file (``--db``: the watcher
loads the model and codes).

    .venv/bin/python benchmarks/hostile_feeds.py [--bomb-mb 1024] [--huge 5000]

Prints one JSON line per mode: the watcher process's peak RSS (aim: under 300 MB), the poll's
time, and per feed its time, its bound (the request deadline, plus the feed budget and one more
request deadline when the feed has pages to fetch, plus a second of slack), the articles it
gave and its status (the feed's last_error)."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

FEEDS = ["/stacked.rss", "/gzip.rss", "/entities.rss", "/trickle.rss", "/huge.rss",
         "/missing.rss", "/dead-links.rss", "/good.rss"]
WITH_PAGES = {"/entities.rss", "/huge.rss", "/dead-links.rss", "/good.rss"}
DEADLINE, BUDGET = 30.0, 300.0  # the CLI's defaults (--deadline, --feed-budget)
SLACK = 1.0  # for what follows a deadline: closing the connection, logging the error
TOKEN = "hostile-feeds-benchmark-token"


def serve(bomb_mb: int, huge: int) -> None:
    """The hostile server, in this process until stdin closes; prints its base URL once the
    bombs are made (so making them costs the watcher nothing)."""
    import httpx
    from tests.feeds.hostile import hostile_server

    with hostile_server(bomb_bytes=bomb_mb * 1_000_000, entity_bytes=10_000,
                        entity_refs=60_000, trickle_every=2.0, huge_entries=huge) as h:
        for path in ("/gzip.rss", "/stacked.rss"):
            with contextlib.suppress(httpx.HTTPError), httpx.stream("GET", h.url(path)) as r:
                r.close()  # asked once, so the server makes the bomb; its body is not read
        print(h.base, flush=True)
        sys.stdin.read()


def watch(base: str, tmp: Path, sink: list[str]) -> dict[str, object]:
    """One ``watch --once`` over the hostile feeds: its peak RSS, time and per-feed lines."""
    feeds = tmp / "feeds.txt"
    feeds.write_text("".join(base + p + "\n" for p in FEEDS), encoding="utf-8")
    state = tmp / f"state-{len(list(tmp.iterdir()))}.json"
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "watch", "--feeds",
                             str(feeds), "--once", "--allow-private", "--state", str(state),
                             *sink], stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak, not the server's
    seconds = time.monotonic() - started
    took = {m[1].removeprefix(base): float(m[2])
            for m in re.finditer(r"watch: (\S+): polled in ([\d.]+) s", stderr)}
    saved = json.loads(state.read_text(encoding="utf-8"))["feeds"]
    feeds_out = {}
    for path in FEEDS:
        bound = DEADLINE + (BUDGET + DEADLINE if path in WITH_PAGES else 0) + SLACK
        feeds_out[path] = {"seconds": took.get(path), "bound_s": bound,
                           "within": path in took and took[path] <= bound,
                           "articles": saved[base + path]["articles"],
                           "status": (saved[base + path]["last_error"] or "ok"
                                      ).replace(base, "")}
    return {"peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "exit": os.waitstatus_to_exitcode(
        status), "poll_s": round(seconds, 1), "summary": stderr.strip().splitlines()[-1],
        "every_feed_within_bound": all(f["within"] for f in feeds_out.values()),
        "feeds": feeds_out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bomb-mb", type=int, default=1024)
    parser.add_argument("--huge", type=int, default=5000)
    parser.add_argument("--port", type=int, default=8781)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.bomb_mb, args.huge)
        return

    from served import demo_server

    hostile = subprocess.Popen([sys.executable, __file__, "--serve", "--bomb-mb",
                                str(args.bomb_mb), "--huge", str(args.huge)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert hostile.stdout is not None
        base = hostile.stdout.readline().strip()
        with tempfile.TemporaryDirectory() as tmp:
            with demo_server(args.port, TOKEN) as api:
                beside = watch(base, Path(tmp), ["--server", api, "--token", TOKEN])
            print(json.dumps({"mode": "--server", **beside}))
            alone = watch(base, Path(tmp), ["--db", str(Path(tmp) / "hostile.duckdb")])
            print(json.dumps({"mode": "--db", **alone}))
    finally:
        hostile.communicate(input="", timeout=60)


if __name__ == "__main__":
    main()
