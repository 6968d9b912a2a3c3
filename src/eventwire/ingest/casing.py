"""Names recased in lower- or upper-case copy, so that the tagger and NER can see them.

Archive copy is often all lower case ("new delhi: the bjp-led government ...") and old teletype
all capitals; spaCy's tagger and NER rely on capitals, so names vanish. ``Recaser`` gives the
pipeline a copy of the text with sentence starts and known names written as names are written
(the gazetteer's countries, capitals, organisations and office holders, and cities of 100,000
people or more), and every other word that is no English word written as a name: Indian archive
copy is full of names no table holds ("yogi adityanath and radha mohan das agrawal were
arrested"), which the tagger, seeing them in lower case, takes for verbs and nouns and so
misparses the whole sentence. Whether a word is English is asked of the spaCy model's own
lemmatizer tables (WordNet's lemmas and irregular forms) after taking off inflections. Only letters change
case, so every character offset stays the same and the evidence is still quoted from the text
as stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from spacy.language import Language

#: A sentence's first letter: at the start, after a full stop (not an initial's: "h.t. naidu"),
#: a line break or a dateline's colon.
_SENTENCE_START = re.compile(r"(\A|(?<!\b\w)[.!?…][\"'”’)]*\s+|\n\s*|:\s+)([a-z])")
_SMALL = frozenset({"of", "the", "and", "for", "de", "al", "el", "bin", "on", "in"})
#: A lower-case word of three letters or more (not part of a word with digits or capitals, and
#: no contraction's first half: "didn't").
_WORD = re.compile(r"(?<![\w'’])([a-z]{3,})(?![\w]|['’][a-rt-z])")
#: A name after two or three initials ("a k mitra", "r.k. pandit", "s.s pandey"): a name even
#: when it is also a word (Mitra, Das, Bose are in the dictionary).
_INITIALLED = re.compile(r"(?<![\w'’.])((?:[a-z](?:\.\s?|\s)){2,3})([a-z]{2,})\b")
#: A line of text (a headline stands on a line of its own).
_TITLE_LINE = re.compile(r"[^\n]{12,200}")
#: A word of two letters or more, as a headline writes it.
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Za-z][a-z]+(?![\w'’])")
_LINE_END = re.compile(r"[.!?…][\"'”’)]*$")
#: Inflections taken off to find a dictionary headword: (ending, what replaces it).
_ENDINGS = (("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"), ("men", "man"), ("es", ""),
            ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("er", ""),
            ("er", "e"), ("ers", ""), ("ers", "e"), ("est", ""), ("ly", ""), ("ally", ""),
            ("ness", ""), ("ment", ""), ("ments", ""), ("ism", ""), ("ist", ""), ("ists", ""))


def dictionary_words(nlp: Language) -> frozenset[str]:
    """English words the model's rule lemmatizer knows: WordNet's lemmas (``lemma_index``) and
    irregular forms (``lemma_exc``: "brought", "men"); empty when the model has no such tables."""
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        index, irregular = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
    except (KeyError, AttributeError):
        return frozenset()
    return frozenset(w for table in (index, irregular) for by_pos in table.values()
                     for w in by_pos if w.isalpha())


def is_english(word: str, words: frozenset[str]) -> bool:
    """The word, or the word without an inflection, is a dictionary headword ("arrested",
    "rioters", "policemen", "stopped")."""
    return headword(word, words) is not None


def headword(word: str, words: frozenset[str]) -> str | None:
    """The dictionary headword of a word: itself, or the word without an inflection
    ("rioters" -> "rioter", "stopped" -> "stop"); None for a word the dictionary lacks."""
    if word in words:
        return word
    for ending, stem_end in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[:-len(ending)] + stem_end
            if stem in words:
                return stem
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in words:
                return stem[:-1]  # (a doubled consonant: "stopped", "shipping")
    return None


def _name_case(alias: str) -> str:
    """"new delhi" -> "New Delhi", "bank of england" -> "Bank of England"; an alias written
    with capitals keeps them ("BJP")."""
    if alias != alias.lower():
        return alias
    words = alias.split(" ")
    return " ".join(w if (w in _SMALL and n) else w[:1].upper() + w[1:] for n, w in enumerate(words))


class Recaser:
    """Restores capitals on known names and sentence starts; built once per set of tables."""

    def __init__(self, names: Iterable[str], common: Iterable[str],
                 words: frozenset[str] = frozenset()) -> None:
        common_words = {w.lower() for w in common}
        #: Words that stay lower case (``words``: the dictionary; none given, no other word is
        #: recased).
        self.words = words
        self.common = frozenset(part for w in common_words for part in w.split())
        self.names: dict[str, str] = {}
        for name in names:
            low = name.lower()
            if len(low) >= 3 and low not in common_words and len(low) == len(name):
                self.names.setdefault(low, _name_case(name))
        keys = sorted(self.names, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w-])"
                                  ) if keys else None

    def __call__(self, text: str, casing: Literal["mixed", "lower", "upper"]) -> str:
        """``text`` as the tagger should see it (mixed-case copy with its title-case lines,
        headlines, in sentence case)."""
        if casing == "mixed":
            return _TITLE_LINE.sub(lambda m: self._sentence_case(m.group(0)), text) \
                if self.words else text
        # Teletype capitals are lowered first; lower-case copy keeps what capitals it has.
        low = text.lower() if casing == "upper" else text
        if len(low) != len(text):  # a letter whose lower case is longer ("İ"): leave it be
            return text
        if self.pattern is not None:
            low = self.pattern.sub(lambda m: self.names.get(m.group(1), m.group(1)), low)
        if self.words:
            low = _INITIALLED.sub(self._initialled, low)
            low = _WORD.sub(lambda m: self._cased(m.group(1)), low)
        low = re.sub(r"(?<!\w)i(?!\w)", "I", low)
        return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), low)

    def _sentence_case(self, line: str) -> str:
        """A headline written in title case ("African Union Suspends Burkina Faso Over Military
        Coup"), which the small tagger reads as one long name, in sentence case: each
        capitalised English word after the first lowered, unless a known name holds it
        ("African Union", "Burkina Faso"); names no table holds keep their capitals."""
        words = _CAPITALISED.findall(line)
        if len(words) < 4 or sum(w[0].isupper() for w in words) < 0.8 * len(words) \
                or _LINE_END.search(line.rstrip()):
            return line
        low = _CAPITALISED.sub(lambda m: self._lowered(m.group(0)), line)
        if self.pattern is not None:  # known names keep their capitals
            for m in self.pattern.finditer(line.lower()):
                low = low[:m.start()] + line[m.start():m.end()] + low[m.end():]
        first = re.search(r"[A-Za-z]", low)
        return low if first is None else low[:first.start()] + low[first.start()].upper() \
            + low[first.start() + 1:]

    def _lowered(self, word: str) -> str:
        """A title-case word lowered when it is an English word and not all capitals ("UN")."""
        if word.isupper() or not word[:1].isupper():
            return word
        low = word.lower()
        return low if is_english(low, self.words) or low in self.common else word

    def _initialled(self, m: re.Match[str]) -> str:
        initials, name = m.group(1), m.group(2)
        if name in self.common:
            return m.group(0)  # "i a m not": no name
        return initials.upper() + name[:1].upper() + name[1:]

    def _cased(self, word: str) -> str:
        """A word that is no English word is written as a name."""
        if is_english(word, self.common) or is_english(word, self.words):  # ("gheraoed")
            return word
        return word[:1].upper() + word[1:]
