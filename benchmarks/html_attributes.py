"""Reading a web page against the attributes of its widest tag: the time to take the article out
of a page whose one tag has N attributes should grow with N, not with N squared.

    nice -n 10 .venv/bin/python benchmarks/html_attributes.py [--attributes 10000,20000,40000,80000]

Each page is a made-up story of 40 sentences inside a <div> with N short attributes
(``a1="x"``; 80,000 of them make 0.9 MB), read as ``ingest`` and ``watch`` read pages
(``feeds.pages.article_from_html``) after one warm-up; CPU seconds, one JSON line per size."""

from __future__ import annotations

import argparse
import json
import time


def page(attributes: int) -> str:
    story = " ".join(f"Chile thanked Peru for the aid in week {i}." for i in range(40))
    wide = " ".join(f'a{i}="x"' for i in range(attributes))
    return (f"<html><head><title>Aid</title></head><body><div {wide}><p>{story}</p></div>"
            "</body></html>")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attributes", default="10000,20000,40000,80000")
    args = parser.parse_args()
    from eventwire.feeds.pages import article_from_html

    article_from_html(page(10), None, "warm-up")
    for n in (int(x) for x in args.attributes.split(",")):
        html = page(n)
        started = time.process_time()
        article = article_from_html(html, None, "bench")
        seconds = time.process_time() - started
        print(json.dumps({"attributes": n, "bytes": len(html.encode()),
                          "seconds": round(seconds, 2),
                          "us_per_attribute": round(seconds / n * 1e6, 1),
                          "words": len(article.text.split())}), flush=True)


if __name__ == "__main__":
    main()
