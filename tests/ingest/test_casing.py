"""Recasing lower- and upper-case copy without moving any offset."""

from __future__ import annotations

from eventwire.ingest.casing import Recaser

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
