"""Type of the interaction between two given actors in a coded Doc (the *classify* task).

Uses the triggers the events component already found: the trigger whose own event links exactly
these two actors wins; else the trigger on the dependency path between them; else the nearest one.
No re-parsing: the Doc is the one the pipeline produced.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.events.coding import TriggerCoding

#: The fallback when a sentence has no trigger at all: the commonest verbal-conflict act in news.
FALLBACK_TYPE = "ACCUSE"


@dataclass(frozen=True)
class Decision:
    """A type for a pair, with the evidence for it."""

    type: str
    mode: str | None
    how: str  # what decided: event, event-reversed, event-source, path, governs, nearest, fallback
    parts: tuple[str, ...]  # the rules that shaped the deciding trigger's coding
    trigger: str | None
    score: float
    trigger_i: int | None = None  # the trigger's token index

    @property
    def rule(self) -> str:
        """The evidence as one string, for people (never parsed back)."""
        return f"{self.how}:{'|'.join(self.parts)}" if self.parts else self.how


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering a character range (expanded to token boundaries)."""
    return doc.char_span(start, end, alignment_mode="expand")


def _overlaps(span: Span, start: int, end: int) -> bool:
    return span.start_char < end and start < span.end_char


def path_between(a: Token, b: Token) -> list[Token]:
    """Tokens on the dependency path from a to b, through their lowest common ancestor."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, tok in enumerate(up_a):
        if tok.i in ids_b:
            return up_a[: n + 1] + list(reversed(up_b[: ids_b[tok.i]]))
    return up_a + up_b


def final_coding(by_index: dict[int, TriggerCoding], coding: TriggerCoding) -> TriggerCoding:
    """A trigger absorbed by a governing one takes the governing trigger's coding."""
    seen = set()
    while coding.absorbed_by is not None and coding.absorbed_by in by_index \
            and coding.token.i not in seen:
        seen.add(coding.token.i)
        coding = by_index[coding.absorbed_by]
    return coding


def classify_pair(doc: Doc, source: tuple[int, int] | None,
                  target: tuple[int, int] | None) -> Decision:
    """The PLOVER type of ``source``'s act towards ``target`` (character offsets; either may be
    None when the gold set leaves an actor implicit)."""
    src = char_span(doc, *source) if source else None
    tgt = char_span(doc, *target) if target else None
    if src is None and tgt is not None:
        src, source, tgt, target = tgt, target, None, None
    if src is None or source is None:
        src, source = doc[:1], (0, 0)
    best: tuple[float, TriggerCoding, str] | None = None

    def consider(score: float, coding: TriggerCoding, how: str) -> None:
        nonlocal best
        if best is None or score > best[0]:
            best = (score, coding, how)

    for ev in doc._.candidates:
        if ev.source and ev.target and target is not None:
            s, t = ev.source.span, ev.target.span
            if _overlaps(s, *source) and _overlaps(t, *target):
                consider(100.0 + ev.confidence, ev.trigger, "event")
            elif _overlaps(s, *target) and _overlaps(t, *source):
                consider(60.0 + ev.confidence, ev.trigger, "event-reversed")
        elif ev.source and _overlaps(ev.source.span, *source):
            consider(45.0 + ev.confidence, ev.trigger, "event-source")
    other = tgt.root if tgt is not None else src.root.head
    path = path_between(src.root, other)
    on_path = {t.i: n for n, t in enumerate(path)}
    sent = src.root.sent
    mid = (src.root.i + other.i) / 2
    by_index = {c.token.i: c for c in doc._.triggers}
    for coding in doc._.triggers:
        tok = coding.token
        if tok.sent.start != sent.start or coding.dropped:
            continue
        if tok.i in on_path:
            consider(50.0 - 0.1 * on_path[tok.i], final_coding(by_index, coding), "path")
        elif src.root in tok.subtree and other in tok.subtree:
            consider(30.0 - 0.01 * abs(tok.i - mid), final_coding(by_index, coding), "governs")
        else:
            consider(10.0 - 0.01 * abs(tok.i - mid), final_coding(by_index, coding), "nearest")
    if best is None:
        return Decision(FALLBACK_TYPE, None, "fallback", (), None, 0.0)
    score, coding, how = best
    return Decision(coding.type, coding.mode, how, tuple(coding.rule), coding.token.text, score,
                    coding.token.i)
