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


_PARAGRAPHS = [
    "Chile sent humanitarian aid to Peru after the floods in Arequipa. Officials did not give "
    "further details.",
    "Bolivia accused Chile of violating the ceasefire. \"We will not accept this,\" the "
    "Bolivian foreign minister said.",
    "Argentina and Uruguay agreed to expand trade. The meeting was the first of its kind in "
    "five years.",
    "Police arrested dozens of protesters in Quito. It was not immediately clear how many "
    "people were affected.",
    "Brazil condemned the attack on its embassy in Caracas. Markets were mixed in early "
    "trading.",
    "Ecuador imposed sanctions on Colombia. The decision is expected to take effect next year.",
    "Paraguay praised Brazil for its help after the fire. Temperatures are expected to rise.",
    "Peru urged Chile to return to negotiations in Santiago.",
]


def _long_article(paragraphs: int) -> str:
    body = "\n\n".join(_PARAGRAPHS[i % len(_PARAGRAPHS)] for i in range(paragraphs))
    return "LIMA, June 3 (Reuters) - " + body


def _key(e):  # type: ignore[no-untyped-def]
    return (e.type, e.trigger.start, e.trigger.text, e.source and e.source.country,
            e.target and e.target.country, e.location and e.location.name,
            e.attributes.get("place_source"), e.attributes.get("quote"), e.date)


def test_a_long_text_coded_in_windows_gives_the_events_of_the_whole_with_its_offsets(
        coder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from eventwire import pipeline
    from eventwire.schema import Article

    text = _long_article(48)
    article = Article(text=text, id="long", date=date(2025, 6, 3))
    ((whole_article, whole),) = coder.code([article])
    monkeypatch.setattr(pipeline, "WINDOW_CHARS", 1500)
    monkeypatch.setattr(pipeline, "WINDOW_CONTEXT_CHARS", 400)
    assert len(pipeline.windows(text, 1500, 400)) >= 4
    ((windowed_article, windowed),) = coder.code([article])
    assert len(whole) > 40
    assert [_key(e) for e in windowed] == [_key(e) for e in whole]
    assert windowed_article.quotes == whole_article.quotes and len(whole_article.quotes) >= 4
    for e in windowed:  # offsets into the whole article, not the window
        for span in (e.trigger, e.source, e.target):
            if span is not None:
                assert text[span.start:span.end] == span.text
        assert e.sentence in text
    # The article's dateline reaches the last window: "police" are Lima's, Peru's.
    arrests = [e for e in windowed if "arrest" in e.trigger.text]
    assert arrests and arrests[-1].trigger.start > len(text) * 3 // 4
    assert arrests[-1].source is not None and arrests[-1].source.country == "PER"
