"""Recasing lower- and upper-case copy without moving any offset."""

from __future__ import annotations

import pytest

from eventwire.ingest.casing import Recaser, dictionary_words, is_english
from eventwire.nlp import get_pipeline

RECASER = Recaser(["new delhi", "Ahmedabad", "BJP", "india", "Reading", "bank of england"],
                  common=["reading", "police"])


def test_lower_case_copy_gets_names_and_sentence_starts() -> None:
    text = "new delhi: the bjp said india and the bank of england met. i agree. reading is fun."
    out = RECASER(text, "lower")
    assert out == ("New Delhi: The BJP said India and the Bank of England met. I agree. "
                   "Reading is fun.")
    assert len(out) == len(text)


def test_words_inside_other_words_common_words_and_capitals_stay() -> None:
    assert RECASER("the indiana police were reading.", "lower") == "The indiana police were reading."
    assert RECASER("the CMPAJAC said so.", "lower") == "The CMPAJAC said so."


def test_upper_case_copy_is_lowered_first_and_mixed_copy_is_left_alone() -> None:
    assert RECASER("INDIA AND THE BJP MET IN AHMEDABAD.", "upper") == "India and the BJP met in Ahmedabad."
    assert RECASER("the bjp met.", "mixed") == "the bjp met."


def test_a_name_after_initials_starts_no_sentence() -> None:
    assert RECASER("commissioner h.t. naidu said so. then he left.", "lower") == (
        "Commissioner h.t. naidu said so. Then he left.")


WORDS = frozenset({"arrest", "rioter", "stop", "policeman", "yogi", "train", "say", "crossing",
                   "woman"})


def test_words_that_are_no_english_words_are_written_as_names() -> None:
    """Unknown names in lower-case copy would be tagged as verbs and nouns."""
    recaser = Recaser([], common=["the", "and", "were", "at", "of", "not", "did", "he"],
                      words=WORDS)
    text = "yogi shivraj and tilakdhar were arrested at the crossing. he didn't stop the rioters."
    out = recaser(text, "lower")
    assert out == ("Yogi Shivraj and Tilakdhar were arrested at the crossing. He didn't stop the "
                   "rioters.")
    assert len(out) == len(text)


def test_inflected_forms_of_dictionary_words_are_english() -> None:
    for word in ("arrested", "rioters", "policemen", "stopped", "trains", "saying", "women"):
        assert is_english(word, WORDS), word
    for word in ("tilakdhar", "shivraj", "arre"):
        assert not is_english(word, WORDS), word


@pytest.mark.slow
def test_the_models_lemmatizer_tables_are_the_dictionary() -> None:
    words = dictionary_words(get_pipeline(None))
    assert {"arrest", "brought", "curfew", "riot"} <= words
    assert not {"adityanath", "tilakdhar"} & words


def test_a_name_after_initials_is_a_name_even_when_it_is_a_word() -> None:
    """"a k mitra": Mitra is in the dictionary, but after initials it is a surname."""
    recaser = Recaser([], common=["said", "and", "met", "a", "big", "the", "gherao", "they", "him"],
                      words=frozenset({"mitra", "pandit", "house", "say", "meet"}))
    assert recaser("a k mitra said. r.k. pandit met the big house.", "lower") == (
        "A K Mitra said. R.K. Pandit met the big house.")
    # An inflected form of a lexicon word is no name either.
    assert recaser("they gheraoed him.", "lower") == "They gheraoed him."


def test_a_title_case_headline_is_read_in_sentence_case() -> None:
    words = frozenset({"suspend", "over", "military", "coup", "expel", "diplomat", "union",
                       "african", "to", "hold", "joint", "naval", "drill"})
    recaser = Recaser(["African Union", "Burkina Faso", "Chile", "Peru"], common=["to"],
                      words=words)
    text = "African Union Suspends Burkina Faso Over Military Coup\nThe AU said so."
    out = recaser(text, "mixed")
    assert out == "African Union suspends Burkina Faso over military coup\nThe AU said so."
    assert len(out) == len(text)
    assert recaser("Chile and Peru Hold Joint Naval Drills", "mixed") == (
        "Chile and Peru hold joint naval drills")
    # A sentence, or a line with few capitals, is left as written.
    assert recaser("Chile Expels Diplomats.", "mixed") == "Chile Expels Diplomats."
    assert recaser("Chile and Peru hold drills", "mixed") == "Chile and Peru hold drills"
