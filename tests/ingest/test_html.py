"""Hostile markup: a tag with tens of thousands of attributes made lxml (under trafilatura)
quadratic; pages are bounded before they reach it, and a real page passes through untouched."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from eventwire.ingest.html import MAX_ATTRIBUTES, bound_attributes
from eventwire.ingest.readers import ReadError, read_path

STORY = "<p>" + " ".join(f"Chile thanked Peru for the flood aid in week {i}." for i in range(30)) \
    + "</p>"


class _Widest(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.widest = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.widest = max(self.widest, len(attrs))


def widest_tag(html: str) -> int:
    parser = _Widest()
    parser.feed(html)
    parser.close()
    return parser.widest


def hostile_page(attributes: int) -> str:
    wide = 'data-first="x&amp;>" ' + " ".join(f'a{i}="x"' for i in range(1, attributes))
    return (f'<html><head><title>Flood aid</title><script type="application/ld+json">'
            f'{{"datePublished": "2025-06-03"}}</script></head><body><article {wide}>'
            f"{STORY}<!-- a comment --><br/></article></body></html>")


def test_a_tag_with_80000_attributes_keeps_its_first_ones_and_the_page_its_story() -> None:
    page = hostile_page(80_000)
    bounded = bound_attributes(page)
    assert widest_tag(page) == 80_000 and widest_tag(bounded) == MAX_ATTRIBUTES
    assert 'data-first="x&amp;&gt;"' in bounded and ' a63="x"' in bounded
    assert ' a64="x"' not in bounded
    assert '{"datePublished": "2025-06-03"}' in bounded  # script bodies kept as they were
    assert STORY in bounded and "<!-- a comment -->" in bounded


def test_a_page_within_the_bound_is_passed_on_as_it_is() -> None:
    page = hostile_page(MAX_ATTRIBUTES)
    assert bound_attributes(page) is page


def test_ingest_reads_the_story_of_a_page_with_one_enormous_tag(tmp_path: Path) -> None:
    saved = tmp_path / "hostile.html"
    saved.write_text(hostile_page(80_000), encoding="utf-8")
    (item,) = list(read_path(saved))
    assert not isinstance(item, ReadError), item
    assert "Chile thanked Peru for the flood aid in week 29." in item.text
