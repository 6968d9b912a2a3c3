"""An article from a web page: the story's text, title and publication date (trafilatura, which
finds the main content and the date in a page's markup and metadata), or a reason why the page
is not an article. ``ingest`` (``.html`` files and URLs) and ``watch`` read pages here."""

from __future__ import annotations

from typing import Any

from eventwire.ingest.html import bound_attributes
from eventwire.ingest.records import article_from_record
from eventwire.schema import Article

#: Fewer words than this in the main content: a login wall, an index or a video page.
MIN_WORDS = 40


def article_from_html(html: str, url: str | None, origin: str, date: str | None = None
                      ) -> Article:
    """The article in ``html`` (ValueError with the reason when there is none). ``date`` (ISO)
    stands in when the page itself gives none (a feed entry's date)."""
    import trafilatura  # imported here: it costs a second, and only pages need it

    found = trafilatura.bare_extraction(bound_attributes(html), url=url, with_metadata=True,
                                        include_comments=False, include_tables=False)
    meta: dict[str, Any] = {}
    if found is not None:
        meta = found if isinstance(found, dict) else found.as_dict()
    text = meta.get("text") or ""
    if len(text.split()) < MIN_WORDS:
        raise ValueError(f"not an article ({len(text.split())} words of main text)")
    # trafilatura puts one paragraph per line; the reader wants paragraphs apart.
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    title = meta.get("title")
    if title and paragraphs and paragraphs[0] == title.strip():
        paragraphs = paragraphs[1:]  # the headline is kept as the title
    record = {"text": "\n\n".join(paragraphs), "title": title, "url": url,
              "date": meta.get("date") or date, "source": meta.get("sitename")}
    return article_from_record(record, origin)
