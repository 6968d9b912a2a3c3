"""Article text from HTML: the title and the paragraph text, without scripts, menus and footers.

A small extractor on the standard library's parser: news pages keep their story in <p> (and
headings); boilerplate lives in <nav>, <header>, <footer>, <aside>, <script>, <style>, <form>.
``bound_attributes`` makes a hostile page safe for lxml-based extractors (``feeds.pages``).
"""

from __future__ import annotations

from html import escape
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


#: The most attributes a tag keeps before a page goes to trafilatura: real tags have a few dozen
#: at most, while lxml's parser checks each new attribute against the tag's others, so one tag
#: with 80,000 of them took seconds per thousand (quadratic).
MAX_ATTRIBUTES = 64


class _Rewriter(HTMLParser):
    """Writes the page back with every tag's attributes cut to ``most`` (script and style
    bodies, comments and declarations as they were)."""

    def __init__(self, most: int) -> None:
        super().__init__(convert_charrefs=False)
        self.most = most
        self.out: list[str] = []

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], end: str) -> None:
        kept = "".join(f" {k}" if v is None else f' {k}="{escape(v)}"'
                       for k, v in attrs[:self.most])
        self.out.append(f"<{tag}{kept}{end}>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, " /")

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(data)  # raw as read (charrefs are left as they were)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


class _Counter(HTMLParser):
    """Whether any tag has more than ``most`` attributes."""

    def __init__(self, most: int) -> None:
        super().__init__(convert_charrefs=True)
        self.most = most
        self.over = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.over = self.over or len(attrs) > self.most


def bound_attributes(html: str, most: int = MAX_ATTRIBUTES) -> str:
    """``html`` itself, or, when a tag has more than ``most`` attributes, the page written back
    with each tag's first ``most`` (the standard library's parser is linear in the page)."""
    counter = _Counter(most)
    counter.feed(html)
    counter.close()
    if not counter.over:
        return html
    rewriter = _Rewriter(most)
    rewriter.feed(html)
    rewriter.close()
    return "".join(rewriter.out)
