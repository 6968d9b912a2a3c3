"""Lookups of entities and actors by token, indexed once per Doc, and a compact Doc's offsets
in the article text (``to_original``).

``span.ents``, ``doc.ents`` and a scan of ``doc._.actors`` each walk the whole Doc; called once per
trigger or per token they made coding time grow with the square of an article's length. These
helpers read the entity's IOB tags around the token, or an index of the actors built once per
list of actors, so each lookup costs the size of its answer.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

_INDEX_KEY = "eventwire.actor_index"
_STARTS_KEY = "eventwire.compact_starts"


def previous_sentence_start(token: Token) -> int:
    """Where the sentence before the token's begins (its own sentence's start when it is the
    first): the window in which "he" or "they" still refers to someone just named."""
    start = token.sent.start
    return token.doc[start - 1].sent.start if start > 0 else start


def entity_at(token: Token) -> Span | None:
    """The named entity that covers ``token`` (what ``doc.ents`` holds), or None."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[start].ent_type_)


def entities_in(span: Span) -> list[Span]:
    """The named entities that lie wholly inside ``span``, in order (``span.ents``, in time
    proportional to the span rather than the Doc)."""
    doc = span.doc
    found: list[Span] = []
    i = span.start
    while i < span.end:
        tok = doc[i]
        if tok.ent_iob_ == "B":
            end = i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if end <= span.end:
                found.append(Span(doc, i, end, label=tok.ent_type_))
            i = end
        else:
            i += 1
    return found


class _ActorIndex:
    """The Doc's actor spans (sorted, never overlapping: the resolver filters them) by token."""

    def __init__(self, actors: list[Span]) -> None:
        self.actors = actors
        self.starts = [s.start for s in actors]
        self.ends = [s.end for s in actors]

    def at(self, i: int) -> Span | None:
        k = bisect_right(self.starts, i) - 1
        return self.actors[k] if k >= 0 and self.ends[k] > i else None

    def overlapping(self, start: int, end: int) -> list[Span]:
        lo = bisect_right(self.ends, start)  # ends are sorted too: the spans do not overlap
        hi = bisect_left(self.starts, end)
        return self.actors[lo:hi]


def _index(doc: Doc) -> _ActorIndex:
    actors = doc._.actors or []
    cached = doc.user_data.get(_INDEX_KEY)
    if cached is None or cached.actors is not actors:  # rebuilt when the list is replaced
        cached = _ActorIndex(actors)
        doc.user_data[_INDEX_KEY] = cached
    index: _ActorIndex = cached
    return index


def actor_at(token: Token) -> Span | None:
    """The actor span that covers ``token``, or None."""
    return _index(token.doc).at(token.i)


def actors_overlapping(doc: Doc, start: int, end: int) -> list[Span]:
    """The actor spans that share a token with ``doc[start:end]``, in order."""
    return _index(doc).overlapping(start, end)


def to_original(doc: Doc, char: int) -> int:
    """An offset in a (possibly compact) Doc as an offset into the article text."""
    offsets = doc._.offsets
    if not offsets:
        return char
    # The compact starts, listed once per list of offsets (listed per call, they cost the
    # article's length for every event).
    cached = doc.user_data.get(_STARTS_KEY)
    if cached is None or cached[0] is not offsets:
        cached = (offsets, [c for c, _ in offsets])
        doc.user_data[_STARTS_KEY] = cached
    i = bisect_right(cached[1], char) - 1
    compact_start, original_start = offsets[max(i, 0)]
    return original_start + (char - compact_start)
