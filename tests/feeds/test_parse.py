"""Feeds are parsed with their DTD taken out: an entity-expansion feed stays small in memory
and its entries are still read; a feed with a harmless DOCTYPE reads as before."""

from __future__ import annotations

import tracemalloc

from eventwire.feeds.parse import parse_feed, strip_dtd
from tests.feeds.hostile import entity_bomb
from tests.feeds.site import rss


def test_an_entity_bomb_is_not_expanded() -> None:
    bomb = entity_bomb(2_000, 20_000)  # 100 KB that would expand to 40 MB
    parse_feed(rss(["/a"], "http://example.test"))  # feedparser's imports, outside the count
    tracemalloc.start()
    try:
        parsed = parse_feed(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16_000_000  # feedparser's own work on 100 KB; expanded it took 129 MB
    assert [e["link"] for e in parsed.entries] == ["http://127.0.0.1:1/story/1"]
    assert "A" * 100 not in parsed.feed.get("description", "")


def test_a_doctype_is_cut_whatever_it_holds() -> None:
    feed = rss(["/a", "/b"], "http://example.test")
    head, rest = feed.split(b"?>", 1)
    tricky = (head + b'?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
              b'"http://x/rss-0.91.dtd" [\n<!-- it\'s a ]> trap -->\n<!ENTITY a "]>">\n'
              b'<!ENTITY % p "x">\n]>' + rest)
    assert strip_dtd(tricky) == head + b"?>\n" + rest
    assert strip_dtd(feed) == feed  # nothing to cut
    assert [e["link"] for e in parse_feed(tricky).entries] == [
        "http://example.test/a", "http://example.test/b"]
    utf16 = tricky.decode().replace('version="1.0"', 'version="1.0" encoding="utf-16"'
                                    ).encode("utf-16")
    assert [e["link"] for e in parse_feed(utf16).entries] == [
        "http://example.test/a", "http://example.test/b"]
