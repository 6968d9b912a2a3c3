"""Quotations: direct quotes (text in quotation marks) and indirect ones (the clause a speech
verb reports: "Ankara said it would..."; the sentence "according to X" attributes to X), each
with its speaker resolved to an actor.

A direct quote's speaker is the subject of a speech verb in the quote's sentence ("..., Erdogan
said."), or of the sentence just before when the quote stands alone after "Erdogan said:".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwire.actors.records import to_actor
from eventwire.actors.resolver import ActorMatch, actor_for_token
from eventwire.ingest.text import QUOTE_PATTERN
from eventwire.schema import Actor, Quote
from eventwire.spans import to_original


def _speech_verbs(span: Span, quote_verbs: frozenset[str]) -> list[Token]:
    return [t for t in span if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in quote_verbs]


def _subject(verb: Token) -> ActorMatch | None:
    trailing = _trailing_attribution(verb)
    if trailing is not None:
        return actor_for_token(trailing[1])
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") or _misparsed_subject(child):
            return actor_for_token(child)
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return _subject(verb.head)  # "... played down the clashes and said ...": the first verb's
    return None


def _misparsed_subject(child: Token) -> bool:
    """"commissioner of police ranjit singh sharma, however, said ...": the small parser may make
    a speaker's long phrase the verb's report; a report is a clause, a bare noun phrase before
    the verb is who speaks."""
    return child.dep_ == "ccomp" and child.pos_ in ("NOUN", "PROPN") and child.i < child.head.i \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "cop", "aux") for c in child.children)


#: Words that may stand between the comma and the speech verb of a trailing attribution.
_SPEAKER_POS = frozenset({"NOUN", "PROPN", "DET", "ADJ", "ADP", "PUNCT", "CCONJ", "NUM"})


def _trailing_attribution(verb: Token) -> tuple[Span, Token] | None:
    """"Nine were detained, deputy commissioner of police R K Shah told reporters.": a speech
    verb near its sentence's end, after a comma and a speaker's phrase, that the small parser
    gave no report and no subject of its own (it hangs the speaker on the clause before, or
    takes a noun of that clause for the subject). Returns the report (the words before the
    comma) and the speaker's last word."""
    if any(c.dep_ == "ccomp" and not _misparsed_subject(c) for c in verb.children):
        return None
    sent, doc = verb.sent, verb.doc
    if verb.i == sent.start or doc[verb.i - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1:sent.end]):
        return None  # the verb does not end the sentence ("..., he told reporters who ...")
    comma = next((t.i for t in reversed(doc[sent.start:verb.i]) if t.text == ","), None)
    if comma is None or comma - sent.start < 3 or any(
            t.pos_ not in _SPEAKER_POS for t in doc[comma + 1:verb.i]):
        return None
    report = doc[sent.start:comma]
    if not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in report):
        return None  # "After meeting the envoy, Lavrov told reporters": no report, a preamble
    return report, doc[verb.i - 1]


def quote_speaker(quote: Span, quote_verbs: frozenset[str]) -> ActorMatch | None:
    """Who says a direct quotation: the subject of a speech verb outside it in the sentence it
    ends in ("... three others were arrested," a police officer said.), else in the one it
    starts in, else in the sentence before ("Erdogan said:"). Coreference asks this too, for
    the "I" and "we" inside the quotation."""
    doc = quote.doc
    first, last = quote.sent, doc[quote.end - 1].sent
    verbs: list[Token] = []
    for sent in dict.fromkeys((last, first)):
        verbs = [v for v in _speech_verbs(sent, quote_verbs) if not quote.start <= v.i < quote.end]
        if verbs:
            break
    if not verbs and first.start > 0:
        verbs = _speech_verbs(doc[first.start - 1].sent, quote_verbs)
    return next((m for v in verbs if (m := _subject(v)) is not None), None)


def doc_quotes(doc: Doc, quote_verbs: frozenset[str]) -> list[Quote]:
    """Every quotation in a (possibly compact) Doc, offsets into the article text; a quotation
    is introduced by one of ``quote_verbs`` (``Lexicon.quote_verbs``)."""
    quotes: list[Quote] = []
    taken: list[tuple[int, int]] = []
    for m in QUOTE_PATTERN.finditer(doc.text):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None:
            continue
        speaker = to_actor(quote_speaker(span, quote_verbs))
        start = to_original(doc, m.start(1))
        quotes.append(Quote(m.group(1), start, start + len(m.group(1)), "direct", speaker))
        taken.append((span.start, span.end))
    for verb in _speech_verbs(doc[:], quote_verbs):
        reports = [(c.left_edge.i, c.right_edge.i + 1) for c in verb.children
                   if c.dep_ == "ccomp" and not _misparsed_subject(c)]
        trailing = _trailing_attribution(verb)
        if trailing is not None:
            reports.append((trailing[0].start, trailing[0].end))
        # A report inside a direct quotation ('"... police officials said that ..."', or a
        # stray quotation mark that opened one too early) is a report of its own; a report
        # overlapping the quotation from outside is the quotation itself ('"...," he said').
        nested = any(s <= verb.i < e for s, e in taken)
        kept = [(lo, hi) for lo, hi in reports
                if nested or not any(lo < e and s < hi for s, e in taken)]
        speaker = to_actor(_subject(verb)) if kept else None  # once per verb, not per report
        for lo, hi in kept:
            text = doc[lo:hi]
            start = to_original(doc, text.start_char)
            quotes.append(Quote(text.text, start, start + len(text.text), "indirect", speaker))
    for phrase, source in _attributions(doc):
        sent = phrase.sent
        # The sentence's words on the longer side of "according to X" are what X says.
        before, after = doc[sent.start:phrase.start], doc[phrase.end:sent.end]
        side = before if len(before) > len(after) else after
        words = side.text.strip(" ,.;:")
        if len(words) < 12 or any(phrase.start < e and s < phrase.end for s, e in taken):
            continue
        start = to_original(doc, side.start_char + side.text.index(words))
        quotes.append(Quote(words, start, start + len(words), "indirect", source))
    return sorted(quotes, key=lambda q: q.start)


def _attributions(doc: Doc) -> list[tuple[Span, Actor | None]]:
    """"according to the police", "according to official sources": the phrase (with its
    comma) and whom it names as the source of the sentence."""
    out = []
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        objects = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
        if not objects:
            continue
        end = objects[0].right_edge.i + 1
        if end < len(doc) and doc[end].is_punct and doc[end].text == ",":
            end += 1
        out.append((doc[tok.i:end], to_actor(actor_for_token(objects[0]))))
    return out
