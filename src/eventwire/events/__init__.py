"""Events: the trigger lexicon, argument finding, negation/modality and the coder component."""

from eventwire.events.coder import EventCoder
from eventwire.events.coding import EventCandidate, TriggerCoding
from eventwire.events.lexicon import Entry, Lexicon, load_lexicon

__all__ = ["Entry", "EventCandidate", "EventCoder", "Lexicon", "TriggerCoding", "load_lexicon"]
