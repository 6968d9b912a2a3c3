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

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span, Token

from eventwire.actors.coref import COREF_WORDS
from eventwire.actors.gazetteer import Gazetteer
from eventwire.events.lexicon import Lexicon
from eventwire.events.participants import IMPLIED_AGENTS
from eventwire.ingest.layout import Layout, Part

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
    #: The actor words that name someone (not "he", "the government": those refer back).
    name_words: frozenset[str]
    #: Stems of the triggers whose actor the coder infers when none is named ("five were
    #: arrested": the police, ``participants.implied_agent``): they need no actor word.
    implied_stems: tuple[str, ...] = ()  # a tuple: ``str.startswith`` takes them all at once

    @classmethod
    def of(cls, lexicon: Lexicon, gazetteer: Gazetteer) -> Cues:
        """The cues of the pipeline's own tables (the events and actors components')."""
        stems = _stems(set(lexicon.verbs) | set(lexicon.nouns))
        # Longer stems than the triggers' own: these keep a sentence on their own ("interr",
        # not "inter").
        implied = tuple(sorted({(e.lemma[:-1] if e.lemma.endswith("e") else e.lemma)[:6]
                                for es in (*lexicon.verbs.values(), *lexicon.nouns.values())
                                for e in es if (e.type, e.mode or "") in IMPLIED_AGENTS
                                and not (e.objects or e.particle or e.before)}))
        words = {alias.split()[0].lower() for alias in gazetteer.aliases} - {"the", "a", "an", "of"}
        words |= {noun.split()[-1] for noun in gazetteer.sectors}
        words |= {w[:-3] + "men" for w in words if w.endswith("man")}  # policemen, gunmen
        # Coreference resolves these to actors named earlier ("both sides", "he", "it").
        words |= COREF_WORDS
        return cls(stems, frozenset(words), frozenset(words - COREF_WORDS), implied)


def _stems(lemmas: set[str]) -> frozenset[str]:
    """The first letters of each lemma's forms ("raise" -> "rais", "deny" -> "deni")."""
    stems: set[str] = set()
    for lemma in lemmas:
        stems.add(lemma[:_STEM])
        if lemma.endswith("e"):  # raise -> raising
            stems.add(lemma[:-1][:_STEM])
        if lemma.endswith("y"):  # deny -> denies, denied
            stems.add((lemma[:-1] + "i")[:_STEM])
    return frozenset(stems)


def _has_trigger_stem(word: str, stems: frozenset[str]) -> bool:
    """Any prefix of 3 to 5 letters is a trigger stem (short lemmas: send, ban, aid, cut)."""
    return word[:5] in stems or word[:4] in stems or word[:3] in stems


def _actor_cue(tok: Token, i: int, words: frozenset[str]) -> bool:
    """The ``i``-th word of a sentence may be (part of) an actor: one of ``words``, a capitalised
    word after the first, or an acronym."""
    return tok.lower_ in words or (i > 0 and tok.is_title) or (tok.is_upper and len(tok) > 1)


def is_candidate(sent: Span, c: Cues) -> bool:
    """A trigger form and an actor cue in the same sentence, or a trigger whose actor is
    implied."""
    trigger = actor = False
    for i, tok in enumerate(sent):
        low = tok.lower_
        if low.startswith(c.implied_stems):
            return True
        if not trigger and (_has_trigger_stem(low, c.trigger_stems) or low in IRREGULAR):
            trigger = True
        if not actor and (_actor_cue(tok, i, c.actor_words)
                          or (low.endswith("s") and low[:-1] in c.actor_words)):
            actor = True
        if trigger and actor:
            return True
    return False


def _names_actor(sent: Span, c: Cues) -> bool:
    """A sentence that names someone a later sentence may refer back to: a gazetteer name, a
    sector noun or a capitalised word after the first."""
    return any(_actor_cue(tok, i, c.name_words) for i, tok in enumerate(sent))


def _refers_back(sent: Span, c: Cues) -> bool:
    """A pronoun, or "the" before a sector noun ("the spokeswoman", "the ministry")."""
    return any(tok.lower_ in COREF_WORDS or (
        tok.lower_ in c.actor_words and tok.i > sent.start and tok.doc[tok.i - 1].lower_ == "the")
        for tok in sent)


#: How many sentences back an antecedent's sentence is looked for (kept though it holds no event).
CONTEXT_SENTENCES = 3


def _with_context(sents: list[Span], keep: list[bool], c: Cues) -> list[bool]:
    """Coreference must see whom a kept sentence refers back to: the nearest sentence naming
    someone before a kept sentence with a pronoun or a definite description is kept too."""
    out = list(keep)
    for n, sent in enumerate(sents):
        if keep[n] and _refers_back(sent, c):
            # The nearest sentence before that names someone (kept already, or kept now).
            for m in range(n - 1, max(-1, n - 1 - CONTEXT_SENTENCES), -1):
                if _names_actor(sents[m], c):
                    out[m] = True
                    break
    return out


@lru_cache(maxsize=1)
def _sentencizer() -> Sentencizer:
    return Sentencizer(punct_chars=[".", "!", "?", ";", "。"])


def _segments(doc: Doc, part_starts: set[int]) -> list[Span]:
    """The Doc cut into sentences by punctuation and at the first token of each of the article
    reader's parts (headline, dateline, captions)."""
    # Sentence boundaries predicted on the Doc as it is (not written to it: the parser sets them).
    (starts_at,) = _sentencizer().predict([doc])
    cuts = sorted({_before_opening_quote(doc, i) for i, start in enumerate(starts_at)
                   if i > 0 and start and not _after_initials(doc, i)} | part_starts)
    sents, begin = [], 0
    for cut in [*cuts, len(doc)]:
        sents.append(doc[begin:cut])
        begin = cut
    return sents


_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")


def _after_initials(doc: Doc, i: int) -> bool:
    """"police commissioner h.t. naidu said": the full stop ends a name's initials, not the
    sentence."""
    return i >= 2 and doc[i - 1].text == "." and not doc[i - 2].whitespace_ \
        and _INITIALS.fullmatch(doc[i - 2].text) is not None


_QUOTE_MARKS = frozenset({'"', "“", "``", "‘‘", "''"})


def _before_opening_quote(doc: Doc, i: int) -> int:
    """A sentence start moved back over the opening quotation mark that the splitter left at
    the end of the sentence before ('... day. "We will ...'): the mark opens this sentence."""
    mark = doc[i - 1]
    if i >= 2 and mark.text in _QUOTE_MARKS and not mark.whitespace_ and doc[i - 2].whitespace_:
        return i - 1
    return i


def _skipped(sent: Span, skipped: list[Part], base: int) -> bool:
    start = sent.start_char + base
    end = start + len(sent.text.rstrip())  # the break after a part is not in it
    return any(p.start <= start and end <= p.end for p in skipped)


def compact_doc(nlp: Language, doc: Doc, c: Cues | None, base: int = 0) -> Doc:
    """The Doc to code: without the reader's skipped parts (``doc._.layout``: bylines,
    captions, boilerplate), each part (a headline, a dateline) starting a sentence, and with only
    the sentences that may hold an event, or name whom they refer back to (``c``; None keeps
    every sentence). The Doc itself when nothing is left out. ``base``: where the Doc's text
    starts in the article (a window of it; the layout's offsets are the article's)."""
    layout: Layout | None = doc._.layout
    part_starts: set[int] = set()
    if layout is not None and (layout.parts or layout.breaks):
        token_starts = [t.idx for t in doc]
        for char in layout.boundaries():
            i = bisect_left(token_starts, char - base)
            while i < len(doc) and doc[i].is_space:  # the part's words, not the break before them
                i += 1
            if 0 < i < len(doc):
                doc[i].is_sent_start = True
                part_starts.add(i)
    sents = _segments(doc, part_starts)
    skipped = layout.skipped() if layout is not None else []
    prose = [not _skipped(s, skipped, base) for s in sents]
    if c is not None:
        candidates = _with_context(sents, [ok and is_candidate(s, c) for ok, s in zip(prose, sents,
                                                                                      strict=True)], c)
        prose = [ok and kept for ok, kept in zip(prose, candidates, strict=True)]
    keep = [s for ok, s in zip(prose, sents, strict=True) if ok]
    if len(keep) == len(sents):
        return doc
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool | int | None] = []
    offsets: list[tuple[int, int]] = []  # (compact char start, original char start) per sentence
    pos = 0
    for sent in keep:
        offsets.append((pos, sent.start_char + base))
        for j, tok in enumerate(sent):
            words.append(tok.text)
            spaces.append(bool(tok.whitespace_) or j == len(sent) - 1)
            starts.append(j == 0)
            pos += len(tok.text) + (1 if spaces[-1] else 0)
    out = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts)
    for name in ("article_date", "article_id", "layout"):
        setattr(out._, name, getattr(doc._, name))
    out._.offsets = offsets
    return out
