from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from eventwire.actors.gazetteer import ActorInfo
from eventwire.spans import (
    actor_at,
    actors_overlapping,
    entities_in,
    entity_at,
    previous_sentence_start,
)


def _doc() -> Doc:
    text = "The talks in New York ended . Prime Minister Modi met Xi Jinping in Delhi ."
    words = text.split(" ")
    doc = Doc(Vocab(), words=words)
    doc.ents = [Span(doc, 3, 5, label="GPE"), Span(doc, 9, 10, label="PERSON"),
                Span(doc, 11, 13, label="PERSON"), Span(doc, 14, 15, label="GPE")]
    actors = [Span(doc, 7, 10), Span(doc, 11, 13), Span(doc, 14, 15)]
    for span, kind in zip(actors, ("leader", "leader", "capital"), strict=True):
        span._.actor = ActorInfo(kind, "IND" if kind != "leader" else None, "GOV", span.text)
    doc._.actors = actors
    return doc


def test_entities_found_from_the_token_alone_match_doc_ents() -> None:
    doc = _doc()
    for tok in doc:
        expected = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        found = entity_at(tok)
        assert (found.start, found.end, found.label_) == \
            (expected.start, expected.end, expected.label_) if expected else found is None
    for span in (doc[0:7], doc[7:16], doc[4:12], doc[:]):
        assert [(e.start, e.end, e.label_) for e in entities_in(span)] == \
            [(e.start, e.end, e.label_) for e in span.ents]


def test_actor_index_answers_what_a_scan_of_the_actors_would() -> None:
    doc = _doc()
    actors = doc._.actors
    for tok in doc:
        scan = [s for s in actors if s.start <= tok.i < s.end]
        assert actor_at(tok) == (scan[0] if scan else None)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            assert actors_overlapping(doc, start, end) == \
                [s for s in actors if s.start < end and s.end > start]


def test_the_index_follows_a_new_list_of_actors() -> None:
    doc = _doc()
    assert actor_at(doc[14]) is not None
    doc._.actors = doc._.actors[:2]
    assert actor_at(doc[14]) is None


def test_the_sentence_before_starts_where_its_first_word_is() -> None:
    text = "Police came . They left . Then rain fell ."
    words = text.split(" ")
    doc = Doc(Vocab(), words=words, sent_starts=[True, False, False, True, False, False,
                                                True, False, False, False])
    assert [previous_sentence_start(doc[i]) for i in (1, 4, 8)] == [0, 0, 3]
