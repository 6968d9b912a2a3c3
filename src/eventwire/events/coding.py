"""What the rule coder writes on the Doc: one ``TriggerCoding`` per lexicon hit (its type and
the rules that shaped it) and one ``EventCandidate`` per pair of participants."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from eventwire.actors.resolver import ActorMatch
from eventwire.events.lexicon import Entry
from eventwire.schema import Modality


@dataclass
class TriggerCoding:
    """One lexicon hit and what the rules made of it."""

    token: Token
    entry: Entry
    type: str
    mode: str | None
    context: str | None
    negated: bool
    modality: Modality
    rule: list[str] = field(default_factory=list)
    absorbed_by: int | None = None  # token index of the governing trigger
    via: Token | None = None  # the cause/purpose verb this event was reported through
    demanded_by: Token | None = None  # "A said B must X": A's reporting verb (X becomes a REQUEST)
    inner: list[TriggerCoding] = field(default_factory=list)  # events this one absorbed
    attributes: dict[str, Any] = field(default_factory=dict)
    dropped: bool = False  # e.g. a negated use of force
    clause_recipient: bool = False  # the recipient is the clause's nearest actor (no slot)

    @property
    def span(self) -> Span:
        """The trigger words: the head plus a pattern's particle or preceding noun."""
        tok = self.token
        doc = tok.doc
        start, end = tok.i, tok.i + 1
        if self.entry.before and tok.i > 0:
            # From the modifier the pattern names ("joint naval drills"), else the word before.
            named = [c.i for c in tok.lefts if c.lemma_.lower() == self.entry.before]
            start = named[0] if named else tok.i - 1
        if self.entry.particle:
            for child in tok.rights:
                if child.lower_ in self.entry.particle.split() and child.i - end < 3:
                    end = child.i + 1
        return doc[start:end]


@dataclass
class EventCandidate:
    """An event found in a Doc, before it becomes a ``schema.Event``."""

    trigger: TriggerCoding
    source: ActorMatch | None
    target: ActorMatch | None
    arg_how: tuple[str, ...]  # how the argument rules found the actors (nsubj, swap, ...)
    confidence: float  # the rule layer's: the pattern's certainty less the actors' doubt
    actor_certainty: float = 1.0  # 1.0 less the doubt about the actors (missing, last-resort)

    @property
    def arg_rule(self) -> str:
        """``arg_how`` as one string, for people (never parsed back)."""
        return "+".join(self.arg_how) or "-"
