"""End to end: a dated article in the style of the project's typical input (README), written by
the project."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.actors.tabari import read_discards
from eventwire.pipeline import discarded
from eventwire.schema import Article
from tests.conftest import make_event

pytestmark = pytest.mark.slow

ARTICLE = """date 2025-06-10
Weeks after the Algeria-Morocco border clashes, France says it wants closer ties with Morocco.
Algerian protesters boycott French goods; Paris denies sending weapons to Morocco. President
Macron hosts Prime Minister Starmer in Paris; Starmer thanked him for his support; both sides aim
for $5 billion in trade and closer defence cooperation; Macron says France is sending humanitarian
aid to Gaza."""


def test_design_style_article_gives_the_expected_events() -> None:
    from eventwire.ingest.readers import parse_text_article

    article = parse_text_article(ARTICLE, "test")
    events = eventwire.extract(article.text, article.date)
    got = {(e.type, e.source.country if e.source else None, e.target.country if e.target else None)
           for e in events}
    assert ("AGREE", "FRA", "MAR") in got            # wants closer ties: an intention
    assert ("PROTEST", "DZA", "FRA") in got          # boycott of French goods
    assert ("REJECT", "FRA", "MAR") in got           # Paris denies ...
    assert not any(t == "AID" and s == "FRA" and g == "MAR" for t, s, g in got)  # ... not the act
    assert ("CONSULT", "GBR", "FRA") in got          # the visitor acts, the host receives
    assert ("SUPPORT", "GBR", "FRA") in got          # thanked him: "him" is Macron
    mutual = [e for e in events if e.attributes.get("reciprocal")]
    assert [(e.type, {e.source.country, e.target.country}) for e in mutual  # type: ignore[union-attr]
            ] == [("AGREE", {"FRA", "GBR"})]           # both sides aim for ...: one mutual event
    assert mutual[0].attributes["amounts"][0]["value"] == 5e9
    assert ("AID", "FRA", "PSE") in got              # humanitarian aid to Gaza
    for e in events:
        assert e.date is not None and e.date.isoformat() == "2025-06-10"
        assert e.sentence in article.text
        assert article.text[e.trigger.start:e.trigger.end] == e.trigger.text
        if e.source:
            assert article.text[e.source.start:e.source.end] == e.source.text


def test_discards_leave_a_sentence_or_a_story_uncoded() -> None:
    found = read_discards("+CROQUET FINAL_\nREGATTA\n", "mine.txt").discards
    story, sentence = found
    event = make_event(sentence="Valdoria criticized Kerovia after the regattas.")
    plain = make_event(sentence="Valdoria criticized Kerovia.")
    article = Article(text="Valdoria criticized Kerovia. Both played in the croquet final.")
    assert discarded(event, Article(text=event.sentence), (sentence,))  # a stem matches
    assert not discarded(plain, Article(text=plain.sentence), (sentence,))
    assert discarded(plain, article, (story,))  # the story's words discard every event
    assert not discarded(plain, Article(text="Valdoria criticized Kerovia in the croquet "
                                             "finals."), (story,))  # "_": whole words only
