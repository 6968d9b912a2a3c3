from __future__ import annotations

from itertools import pairwise

from eventwire.windows import Window, windows


def test_a_text_within_the_size_is_one_window() -> None:
    assert windows("Chile met Peru.", size=100, context=10) == [Window(0, 0, 15)]


def test_windows_cover_the_text_once_cut_at_paragraphs_then_sentences() -> None:
    paragraph = "Chile met Peru in Lima. Bolivia thanked Chile for the aid. It was mild."
    text = "\n\n".join([paragraph] * 40)
    cuts = windows(text, size=500, context=120)
    assert cuts[0].start == cuts[0].own == 0 and cuts[-1].end == len(text)
    for before, after in pairwise(cuts):
        assert after.own == before.end  # each character is some window's own exactly once
        assert before.end - before.own <= 500
        assert text[before.end - 2:before.end] == "\n\n"  # a paragraph break
        assert before.own <= after.start < after.own and after.own - after.start <= 120
        # the context starts a sentence
        assert text[after.start - 2:after.start] in ("\n\n", ". ")
    one_paragraph = " ".join([paragraph] * 40)  # no breaks: after a sentence's end
    for w in windows(one_paragraph, size=500, context=120)[:-1]:
        assert one_paragraph[w.end - 2:w.end] == ". "


def test_text_without_spaces_is_cut_at_the_size() -> None:
    text = "x" * 1050
    assert [(w.own, w.end) for w in windows(text, size=500, context=50)] == [
        (0, 500), (500, 1000), (1000, 1050)]
