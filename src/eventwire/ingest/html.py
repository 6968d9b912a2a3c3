"""Article text from HTML: the title and the paragraph text, without scripts, menus and footers.

A small extractor on the standard library's parser: news pages keep their story in <p> (and
headings); boilerplate lives in <nav>, <header>, <footer>, <aside>, <script>, <style>, <form>.
"""

from __future__ import annotations

from html.parser import HTMLParser

_SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg",
         "button", "select", "figure", "iframe"}
_BLOCKS = {"p", "h1", "h2", "h3", "li", "blockquote"}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.in_title = False
        self.block: list[str] | None = None
        self.blocks: list[str] = []
        self.title_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag in _BLOCKS and self.skip_depth == 0:
            self._close_block()
            self.block = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCKS:
            self._close_block()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif self.skip_depth == 0 and self.block is not None:
            self.block.append(data)

    def _close_block(self) -> None:
        if self.block:
            text = " ".join(" ".join(self.block).split())
            if len(text) > 1:
                self.blocks.append(text)
        self.block = None


def html_to_text(html: str) -> tuple[str | None, str]:
    """(title, text) of an HTML page; paragraphs are separated by blank lines."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    parser._close_block()
    title = " ".join(" ".join(parser.title_parts).split()) or None
    return title, "\n\n".join(parser.blocks)
