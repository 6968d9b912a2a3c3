"""Articles in, typed event records out: the one per-document function every shell calls.

``Coder.code`` streams articles through ``nlp.pipe`` (each text parsed once) and turns the Doc
annotations into ``schema.Event`` records. The CLI, the store, the evaluation and the batch runners
all go through it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date as Date
from functools import lru_cache
from itertools import groupby

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.actors.gazetteer import Gazetteer
from eventwire.actors.records import to_actor
from eventwire.actors.tabari import Discard
from eventwire.codebook import Codebook
from eventwire.events.coding import EventCandidate
from eventwire.events.lexicon import Lexicon
from eventwire.ingest.casing import Recaser, dictionary_words
from eventwire.ingest.layout import KnownPlace, Layout, read_layout
from eventwire.ingest.readers import clean_text
from eventwire.limits import WINDOW_CHARS, WINDOW_CONTEXT_CHARS
from eventwire.nlp import get_pipeline, make_doc
from eventwire.ontology.plover import cameo_code, intensity, quad_class
from eventwire.prefilter import Cues, compact_doc
from eventwire.schema import Actor, Article, Event, Quote, TextSpan, event_id
from eventwire.spans import to_original
from eventwire.when_where.amounts import amounts, fatalities
from eventwire.when_where.dates import clause_of, event_date
from eventwire.when_where.places import load_places, place_of
from eventwire.when_where.quotes import doc_quotes
from eventwire.windows import windows


def _as_stored(article: Article, start: int, text: str) -> str:
    """The words at ``start`` as the article has them (the pipeline may have read a recased
    copy; offsets are the same)."""
    stored = article.text[start:start + len(text)]
    return stored if stored.lower() == text.lower() else text


def _stored_actor(article: Article, actor: Actor | None) -> Actor | None:
    return replace(actor, text=_as_stored(article, actor.start, actor.text)) if actor else None


def to_event(candidate: EventCandidate, article: Article) -> Event:
    """One event candidate on a Doc to its typed record."""
    c = candidate.trigger
    trig = c.span
    doc = trig.doc
    source = _stored_actor(article, to_actor(candidate.source))
    target = _stored_actor(article, to_actor(candidate.target))
    rule = [*c.rule, f"args:{candidate.arg_rule}"]
    trig_start = to_original(doc, trig.start_char)
    when, date_source, date_text, precision = event_date(c.token, article.date)
    attributes = dict(c.attributes)
    if date_text:
        attributes["date_text"] = date_text
    found = amounts(clause_of(c.token).text)
    if found:
        attributes["amounts"] = found
    layout: Layout | None = doc._.layout
    dateline = layout.dateline.town if layout and layout.dateline else None
    location, place_source = place_of(
        c.token, {a.country for a in (source, target) if a and a.country}, dateline)
    if place_source is not None:
        attributes["place_source"] = place_source
        rule.append(f"place:{place_source}")
    sent = c.token.sent
    return Event(
        id=event_id(article.id, trig_start, source, target, c.type),
        article_id=article.id,
        type=c.type,
        mode=c.mode,
        context=c.context,
        quad=quad_class(c.type),
        cameo=cameo_code(c.type, c.mode),
        intensity=intensity(c.type, c.mode),
        source=source,
        target=target,
        sentence=_as_stored(article, to_original(doc, sent.start_char), sent.text.rstrip()),
        trigger=TextSpan(_as_stored(article, trig_start, trig.text), trig_start,
                         trig_start + len(trig.text)),
        date=when,
        date_source=date_source,
        date_precision=precision,
        location=location,
        negated=c.negated,
        modality=c.modality,
        attributes=attributes,
        confidence=candidate.confidence,
        rule="; ".join(rule),
        fatalities=fatalities(found),
    )


def link_quote(event: Event, quotes: tuple[Quote, ...]) -> Event:
    """The event with the index of the quotation its trigger sits in, if any."""
    for n, q in enumerate(quotes):
        if q.start <= event.trigger.start < q.end:
            return replace(event, attributes={**event.attributes, "quote": n})
    return event


def doc_events(doc: Doc, article: Article) -> list[Event]:
    """All event records of a processed Doc, in text order."""
    events = _told_again(doc._.layout, [to_event(c, article) for c in doc._.events])
    return sorted(events, key=lambda e: (e.trigger.start, e.source.start if e.source else -1))


def _told_again(layout: Layout | None, events: list[Event]) -> list[Event]:
    """Without the headline's events that the story tells again: "Israel strikes Hezbollah
    targets" over "Israeli warplanes struck several villages ..." is one happening, kept with
    the body's fuller evidence. The same type and source (by state, name or words), and no
    recipients of two different known states, or the same recipient state where neither
    source names a state; a mutual act either way round."""
    heads = [p for p in (layout.parts if layout else ()) if p.kind == "headline"]
    if not heads:
        return events

    def in_headline(e: Event) -> bool:
        return any(p.start <= e.trigger.start < p.end for p in heads)

    def same(h: Event, b: Event) -> bool:
        if h.type != b.type:
            return False
        pairs = [(b.source, b.target)]
        if h.attributes.get("reciprocal") or b.attributes.get("reciprocal"):
            pairs.append((b.target, b.source))
        # (Sources of no known state, "Asean ministers" over "South-east Asia's foreign
        # ministers", are the same when both name one recipient state.)
        return any((_key(h.source) == _key(src) and (
            h.target is None or tgt is None or h.target.country is None or tgt.country is None
            or h.target.country == tgt.country)) or (
            h.target is not None and tgt is not None and h.target.country is not None
            and h.target.country == tgt.country and h.source is not None and src is not None
            and h.source.country is None and src.country is None) for src, tgt in pairs)

    body = [e for e in events if not in_headline(e)]
    return [e for e in events if not (in_headline(e) and any(same(e, b) for b in body))]


def _key(actor: Actor | None) -> str | None:
    """Who an actor is, for telling a happening told twice: its state, else its name, else
    its words."""
    return None if actor is None else actor.country or actor.name or actor.text.lower()


@lru_cache(maxsize=4)
def _cues(lexicon: Lexicon, gazetteer: Gazetteer) -> Cues:
    """Built once per pair of tables (a Coder per chunk of work must not rebuild them)."""
    return Cues.of(lexicon, gazetteer)


#: Cities this large are recased in lower-case copy (smaller ones are too often words).
_RECASE_POPULATION = 100_000


@lru_cache(maxsize=4)
def _reader(nlp: Language, lexicon: Lexicon, gazetteer: Gazetteer) -> tuple[KnownPlace, Recaser]:
    """The article reader's place names and recaser, from the components' own tables (and the
    model's dictionary: its lemmatizer's words)."""
    places = load_places()
    place_kinds = ("country", "capital")
    known = frozenset(places.spellings) | frozenset(places.other_spellings) | frozenset(
        alias.lower() for alias, infos in gazetteer.aliases.items()
        if any(i.kind in place_kinds for i in infos))
    cities = [name for name, rows in places.cities.items()
              if max(r[3] for r in rows) >= _RECASE_POPULATION]
    common = set(STOP_WORDS) | set(lexicon.verbs) | set(lexicon.nouns) | set(gazetteer.sectors)
    return KnownPlace(known), Recaser([*gazetteer.aliases, *cities], common, dictionary_words(nlp))


class Coder:
    """The coding pipeline, loaded once; codes articles in batches."""

    def __init__(self, model: str | None = None, nlp: Language | None = None,
                 prefilter: bool = True, min_confidence: float = 0.0,
                 codebook: Codebook | None = None) -> None:
        #: The user's files over the shipped tables (none: the shipped tables alone).
        self.codebook = codebook or Codebook()
        self.nlp = nlp or get_pipeline(model, self.codebook if codebook else None)
        #: Stored with every article this coder codes (``Codebook.digest``).
        self.codebook_id = self.codebook.digest()
        #: Skip sentences that cannot hold an event. Off where a caller needs every sentence
        #: parsed (the classify task is given actors in any sentence).
        self.prefilter = prefilter
        # The prefilter's cues and the quotation verbs come from the components' own tables.
        lexicon = self.nlp.get_pipe("eventwire_events").lexicon  # type: ignore[attr-defined]
        gazetteer = self.nlp.get_pipe("eventwire_actors").gaz  # type: ignore[attr-defined]
        self.cues = _cues(lexicon, gazetteer)
        self.discards = gazetteer.discards
        self.known_place, self.recaser = _reader(self.nlp, lexicon, gazetteer)
        self.quote_verbs: frozenset[str] = lexicon.quote_verbs
        #: Events less certain than this are left out of ``code`` (0 keeps all).
        self.min_confidence = min_confidence

    def docs(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Article, Doc]]:
        """Processed Docs, each paired with its article (which gets a stable id here)."""
        pending: deque[Article] = deque()

        def inputs() -> Iterator[Doc]:
            for article in articles:
                article = article.with_id()
                layout = read_layout(article.text, self.known_place, article.date)
                if article.date is None and layout.dateline and layout.dateline.date:
                    article = replace(article, date=layout.dateline.date)
                pending.append(article)
                # Lower- or upper-case copy is read recased; offsets do not change.
                doc = make_doc(self.nlp, self.recaser(article.text, layout.casing), article.date,
                               article.id)
                doc._.layout = layout
                yield compact_doc(self.nlp, doc, self.cues if self.prefilter else None)

        for doc in self.nlp.pipe(inputs(), batch_size=batch_size):
            yield pending.popleft(), doc

    def code(self, articles: Iterable[Article], batch_size: int = 32
             ) -> Iterator[tuple[Article, list[Event]]]:
        """Each article (with its quotations) and its events; an event reported inside a
        quotation names it in ``attributes.quote`` (its index in ``article.quotes``). A text
        over ``WINDOW_CHARS`` is coded in windows of sentences (``windows.py``), one Doc at a
        time, so its memory is bounded; shorter ones go through ``docs`` as they are."""
        for long, group in groupby(articles, key=lambda a: len(a.text) > WINDOW_CHARS):
            if long:
                yield from (self._code_windows(article) for article in group)
                continue
            for article, doc in self.docs(group, batch_size):
                yield self._with_quotes(article, doc_events(doc, article),
                                        self._quotes(article, doc))

    def _quotes(self, article: Article, doc: Doc) -> list[Quote]:
        return [replace(q, text=_as_stored(article, q.start, q.text),
                        speaker=_stored_actor(article, q.speaker))
                for q in doc_quotes(doc, self.quote_verbs)]

    def kept(self, article: Article, events: list[Event]) -> list[Event]:
        """The events the coder keeps: sure enough (``min_confidence``) and not left uncoded by
        a discard. ``code`` applies it; a scorer reading a Doc's events applies it too."""
        return [e for e in events if e.confidence >= self.min_confidence
                and not discarded(e, article, self.discards)]

    def _with_quotes(self, article: Article, events: list[Event], quotes: list[Quote]
                     ) -> tuple[Article, list[Event]]:
        events = self.kept(article, events)
        if quotes:
            events = [link_quote(e, tuple(quotes)) for e in events]
            article = replace(article, quotes=tuple(quotes))
        return article, events

    def _code_windows(self, article: Article) -> tuple[Article, list[Event]]:
        """A long article, one window of sentences at a time. What is the article's own is read
        once from the whole text (its layout: dateline, headline, skipped parts, casing) and
        given to every window; offsets are the article's throughout. Each window's Doc is
        dropped before the next is parsed."""
        article = article.with_id()
        layout = read_layout(article.text, self.known_place, article.date)
        if article.date is None and layout.dateline and layout.dateline.date:
            article = replace(article, date=layout.dateline.date)
        text = self.recaser(article.text, layout.casing)
        events: list[Event] = []
        quotes: list[Quote] = []
        for window in windows(text, WINDOW_CHARS, WINDOW_CONTEXT_CHARS):
            doc = make_doc(self.nlp, text[window.start:window.end], article.date, article.id)
            doc._.layout = layout
            doc = compact_doc(self.nlp, doc, self.cues if self.prefilter else None,
                              base=window.start)
            if doc._.offsets is None:  # nothing left out: the window's text as it is
                doc._.offsets = [(0, window.start)]
            (doc,) = self.nlp.pipe([doc])
            # What the context before the window holds is the window before's.
            events += [e for c in doc._.events
                       if (e := to_event(c, article)).trigger.start >= window.own]
            quotes += [q for q in self._quotes(article, doc) if q.start >= window.own]
            del doc
        events = sorted(_told_again(layout, events),
                        key=lambda e: (e.trigger.start, e.source.start if e.source else -1))
        return self._with_quotes(article, events, quotes)


def discarded(event: Event, article: Article, discards: tuple[Discard, ...]) -> bool:
    """An event a TABARI discard leaves uncoded: its sentence holds a sentence discard, or its
    article a story discard (sports results, chronologies)."""
    return any(d.pattern().search(article.text if d.story else event.sentence) for d in discards)


@dataclass(frozen=True)
class CoderConfig:
    """How to build a Coder: picklable, so it travels to worker processes and Ray actors."""

    model: str | None = None
    min_confidence: float = 0.0
    codebook: Codebook | None = None

    def build(self) -> Coder:
        return Coder(self.model, min_confidence=self.min_confidence, codebook=self.codebook)


def extract(text: str, date: Date | str | None = None, model: str | None = None) -> list[Event]:
    """Code one text and return its events (the notebook entry point)."""
    if isinstance(date, str):
        date = Date.fromisoformat(date)
    article = Article(text=clean_text(text), date=date)
    return next(Coder(model).code([article]))[1]
