"""Skip sentences that cannot hold an event, before anything expensive runs.

A sentence can hold an event only if it has a trigger word (some form of a lexicon lemma) and
something that can be an actor (a gazetteer name, a capitalised word, a sector noun). This pass
reads only the tokenizer's output and a rule-based sentence splitter, so it costs a small fraction
of the tagger, parser and NER it spares. Matching is deliberately loose (word stems, irregular
forms): a sentence wrongly kept costs time, one wrongly skipped would lose an event.

Kept sentences are copied into a compact Doc; ``doc._.offsets`` maps its characters back to the
article text, so event offsets still point into the original.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from eventwire.actors.coref import COREF_WORDS
from eventwire.actors.gazetteer import Gazetteer
from eventwire.events.lexicon import Lexicon

_STEM = 5
#: Irregular verb forms whose stem differs from the lemma's.
IRREGULAR = {
    "held", "met", "sent", "took", "taken", "struck", "stricken", "fought", "gave", "given",
    "spoke", "spoken", "sought", "led", "shot", "beat", "beaten", "threw", "thrown", "withdrew",
    "withdrawn", "drew", "froze", "frozen", "forgave", "forgiven", "overran", "laid", "paid",
    "told", "stood", "undertook", "undertaken", "swore", "sworn", "broke", "broken", "hit",
    "cut", "put", "let", "quit", "set", "won", "brought", "bought", "fled", "flew", "flown",
    "slew", "slain", "sold", "seized", "sank", "sunk", "bombed", "bore", "borne", "blew",
    "blown", "caught", "chose", "dealt", "fell", "fallen", "fed", "kept", "left", "lent",
    "made", "meant", "ran", "rose", "said", "saw", "seen", "shut", "spent", "stole", "stolen",
    "stuck", "swept", "thought", "tore", "torn", "went", "wrote", "written", "knew", "known",
    "found",
}


@dataclass(frozen=True)
class Cues:
    """Word stems of triggers and the first words of actor names."""

    trigger_stems: frozenset[str]
    actor_words: frozenset[str]

    @classmethod
    def of(cls, lexicon: Lexicon, gazetteer: Gazetteer) -> Cues:
        """The cues of the pipeline's own tables (the events and actors components')."""
        stems: set[str] = set()
        for lemma in set(lexicon.verbs) | set(lexicon.nouns):
            stems.add(lemma[:_STEM])
            if lemma.endswith("e"):  # raise -> raising
                stems.add(lemma[:-1][:_STEM])
            if lemma.endswith("y"):  # deny -> denies, denied
                stems.add((lemma[:-1] + "i")[:_STEM])
        words = {alias.split()[0].lower() for alias in gazetteer.aliases} - {"the", "a", "an", "of"}
        words |= {noun.split()[-1] for noun in gazetteer.sectors}
        # Coreference resolves these to actors named earlier ("both sides", "he", "it").
        words |= COREF_WORDS
        return cls(frozenset(stems), frozenset(words))


def _has_trigger_stem(word: str, stems: frozenset[str]) -> bool:
    """Any prefix of 3 to 5 letters is a trigger stem (short lemmas: send, ban, aid, cut)."""
    return word[:5] in stems or word[:4] in stems or word[:3] in stems


def is_candidate(sent: Span, c: Cues) -> bool:
    """A trigger form and an actor cue in the same sentence."""
    trigger = actor = False
    for i, tok in enumerate(sent):
        low = tok.lower_
        if not trigger and (_has_trigger_stem(low, c.trigger_stems) or low in IRREGULAR):
            trigger = True
        if not actor and (low in c.actor_words or (i > 0 and tok.is_title)
                          or (tok.is_upper and len(low) > 1)
                          or (low.endswith("s") and low[:-1] in c.actor_words)):
            actor = True
        if trigger and actor:
            return True
    return False


@lru_cache(maxsize=1)
def _sentencizer() -> Sentencizer:
    return Sentencizer(punct_chars=[".", "!", "?", ";", "。"])


def compact_doc(nlp: Language, doc: Doc, c: Cues) -> Doc:
    """The doc itself when every sentence may hold an event, else a Doc of the candidates only."""
    # Sentence boundaries predicted on the Doc as it is (not written to it: the parser sets them).
    (starts_at,) = _sentencizer().predict([doc])
    cuts = [i for i, start in enumerate(starts_at) if start and i > 0] + [len(doc)]
    sents, begin = [], 0
    for cut in cuts:
        sents.append(doc[begin:cut])
        begin = cut
    keep = [s for s in sents if is_candidate(s, c)]
    if len(keep) == len(sents):
        return doc
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool | int | None] = []
    offsets: list[tuple[int, int]] = []  # (compact char start, original char start) per sentence
    pos = 0
    for sent in keep:
        offsets.append((pos, sent.start_char))
        for j, tok in enumerate(sent):
            words.append(tok.text)
            spaces.append(bool(tok.whitespace_) or j == len(sent) - 1)
            starts.append(j == 0)
            pos += len(tok.text) + (1 if spaces[-1] else 0)
    out = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts)
    for name in ("article_date", "article_id"):
        setattr(out._, name, getattr(doc._, name))
    out._.offsets = offsets
    return out


def to_original(doc: Doc, char: int) -> int:
    """An offset in a (possibly compact) Doc as an offset into the article text."""
    offsets = doc._.offsets
    if not offsets:
        return char
    i = bisect_right([c for c, _ in offsets], char) - 1
    compact_start, original_start = offsets[max(i, 0)]
    return original_start + (char - compact_start)
