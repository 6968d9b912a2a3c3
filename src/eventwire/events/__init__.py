"""Events: the trigger lexicon, argument finding, negation/modality and the coder component."""

from eventwire.events.coding import EventCandidate, TriggerCoding
from eventwire.events.lexicon import Entry, Lexicon, load_lexicon
from eventwire.events.rules import RuleCoder

__all__ = ["Entry", "EventCandidate", "Lexicon", "RuleCoder", "TriggerCoding", "load_lexicon"]
