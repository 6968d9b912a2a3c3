"""The prefilter keeps only sentences that can hold an event, and offsets still point into the
article text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.actors.gazetteer import load_gazetteer
from eventwire.events.lexicon import load_lexicon
from eventwire.nlp import make_doc
from eventwire.prefilter import Cues, compact_doc, is_candidate
from eventwire.spans import to_original

pytestmark = pytest.mark.slow

CUES = Cues.of(load_lexicon(), load_gazetteer())
TEXT = ("The weather was mild on Sunday. Markets were closed for the holiday. "
        "Japan sent aid to Nepal. Officials did not give further details.")


def test_only_candidate_sentences_are_kept(nlp: Language) -> None:
    doc = compact_doc(nlp, make_doc(nlp, TEXT, None), CUES)
    assert "weather" not in doc.text and "Markets" not in doc.text
    assert doc.text.startswith("Japan sent aid to Nepal.")
    start = TEXT.index("Japan")
    assert to_original(doc, 0) == start
    assert to_original(doc, doc.text.index("Nepal")) == TEXT.index("Nepal")


def test_a_text_of_candidates_is_left_alone(nlp: Language) -> None:
    doc = make_doc(nlp, "Japan sent aid to Nepal. India denied the claims.", None)
    assert compact_doc(nlp, doc, CUES) is doc


def test_inflected_and_irregular_trigger_forms_are_recognised(nlp: Language) -> None:
    c = CUES
    for sentence in ("Ankara denies the report.", "Russia held talks with Iran.",
                     "Police are sending reinforcements to Lagos.", "Iran withdrew its envoy."):
        doc = nlp.make_doc(sentence)
        assert is_candidate(doc[:], c), sentence
    assert not is_candidate(nlp.make_doc("the weather was mild today.")[:], c)


def test_a_trigger_whose_actor_is_implied_needs_no_actor_word(nlp: Language) -> None:
    """"four were detained" names nobody, yet the coder infers the police: the sentence stays."""
    for sentence in ("at least four were detained overnight.", "two more arrests followed."):
        assert is_candidate(nlp.make_doc(sentence)[:], CUES), sentence
    # a longer stem than the triggers': "interrogate" keeps, "interior" does not.
    assert not is_candidate(nlp.make_doc("the weather in the interior was mild.")[:], CUES)


def test_coding_through_the_prefilter_gives_original_offsets(coder) -> None:  # type: ignore[no-untyped-def]
    from eventwire.schema import Article

    article = Article(text=TEXT, id="p")
    (_, events) = next(coder.code([article]))
    (event,) = events
    assert TEXT[event.trigger.start:event.trigger.end] == event.trigger.text == "sent"
    assert event.source is not None and TEXT[event.source.start:event.source.end] == "Japan"


def test_whom_a_kept_sentence_refers_back_to_is_kept(nlp: Language) -> None:
    text = ("The weather was mild. Foreign Minister Ana Ruiz arrived in Lima on Monday. "
            "The minister urged Chile to talk.")
    doc = compact_doc(nlp, make_doc(nlp, text, None), CUES)
    assert doc.text.startswith("Foreign Minister Ana Ruiz arrived")
    # Without a word that refers back, the sentence before is not needed.
    doc = compact_doc(nlp, make_doc(nlp, text.replace("The minister", "Peru"), None), CUES)
    assert doc.text.startswith("Peru urged")


def test_the_reader_parts_start_sentences_and_page_furniture_is_dropped(nlp: Language) -> None:
    from eventwire.ingest.layout import read_layout

    text = "Chile and Peru talk\n\nBy Ana Ruiz\n\nLIMA (AP) -- Peru urged Chile to talk."
    doc = make_doc(nlp, text, None)
    doc._.layout = read_layout(text)
    out = compact_doc(nlp, doc, None)
    assert "Ana Ruiz" not in out.text
    starts = [t.text for t in out if t.is_sent_start]
    assert starts[:3] == ["Chile", "LIMA", "Peru"]
    assert to_original(out, out.text.index("LIMA")) == text.index("LIMA")


def test_an_opening_quotation_mark_and_a_names_initials_stay_with_their_sentence(
        nlp: Language) -> None:
    """The rule-based splitter leaves an opening quotation mark on the sentence before and cuts
    at the full stop of initials; a dropped sentence must not take the mark with it, nor the
    speaker's name be cut from the quotation."""
    text = ('The weather was mild on Sunday. "We will not allow anyone to enter the area," police '
            'commissioner h.t. naidu said.')
    doc = compact_doc(nlp, make_doc(nlp, text, None), CUES)
    assert doc.text.rstrip() == text[text.index('"'):]
    assert len(list(doc.sents)) == 1
