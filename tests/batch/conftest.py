"""Corpus fixtures for the batch tests, written by the project."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

SENTENCES = [
    "India and Japan held talks in Tokyo on trade.",
    "Russian troops shelled positions held by Ukrainian forces.",
    "Turkey sent humanitarian aid to Gaza.",
    "Kenya condemned the attack on its embassy.",
    "Police arrested dozens of protesters in the capital.",
    "The weather was mild and markets were closed for the holiday.",
]


def articles(n: int, prefix: str) -> list[dict[str, object]]:
    return [{"id": f"{prefix}{i}", "date": f"2025-0{1 + i % 9}-1{i % 10}",
             "title": f"Story {i}", "text": f"{SENTENCES[i % 6]} {SENTENCES[(i + 1) % 6]}",
             "source": "test wire", "url": f"https://example.org/{prefix}/{i}"}
            for i in range(n)]


@pytest.fixture()
def corpus(tmp_path: Path) -> dict[str, Path]:
    plain = tmp_path / "a.jsonl"
    plain.write_text("".join(json.dumps(a) + "\n" for a in articles(40, "a"))
                     + "{not json\n" + json.dumps({"id": "no-text"}) + "\n", encoding="utf-8")
    gz = tmp_path / "b.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        fh.write("".join(json.dumps(a) + "\n" for a in articles(30, "b")))
    parquet = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist(articles(25, "c")), parquet, row_group_size=10)
    texts = tmp_path / "texts"
    texts.mkdir()
    for i in range(4):
        (texts / f"{i}.txt").write_text(f"date 2025-03-0{i + 1}\n{SENTENCES[i]}", encoding="utf-8")
    (texts / "empty.txt").write_text("", encoding="utf-8")
    warc = tmp_path / "d.warc.gz"
    write_warc(warc, 6)
    return {"jsonl": plain, "gz": gz, "parquet": parquet, "texts": texts, "warc": warc}


def write_warc(path: Path, n: int) -> None:
    """A small WARC of HTML news pages (plus one non-HTML response), as Common Crawl News has."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(n):
            html = (f"<html><head><title>Page {i}</title><script>var x = 1;</script></head>"
                    f"<body><nav>Home | World</nav><p>{SENTENCES[i % 5]}</p>"
                    f"<footer>Copyright</footer></body></html>").encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://news.example.org/{i}", "response", payload=BytesIO(html),
                http_headers=headers, warc_headers_dict={"WARC-Date": f"2025-04-0{1 + i % 9}T10:00:00Z"
                                                         })
            writer.write_record(record)
            record.raw_stream.close()  # warcio buffers the payload in a temporary file it never closes
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        logo = writer.create_warc_record("https://news.example.org/logo.png", "response",
                                         payload=BytesIO(b"\x89PNG"), http_headers=headers)
        writer.write_record(logo)
        logo.raw_stream.close()
