from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.pipeline import Coder
from eventwire.schema import Article

pytestmark = pytest.mark.slow

TEXT = ('Erdogan said Turkey would send aid to Gaza. "We will never abandon our Palestinian '
        'brothers," the president said. Pakistan thanked Turkey.')


def test_direct_and_indirect_quotes_with_speakers(coder: Coder) -> None:
    article, events = next(coder.code([Article(text=TEXT, id="q")]))
    kinds = [(q.kind, q.text, q.speaker.country if q.speaker else None) for q in article.quotes]
    assert kinds == [("indirect", "Turkey would send aid to Gaza", "TUR"),
                     ("direct", "We will never abandon our Palestinian brothers,", "TUR")]
    for q in article.quotes:
        assert TEXT[q.start:q.end] == q.text
    assert article.quotes[1].speaker is not None
    assert article.quotes[1].speaker.name == "Recep Tayyip Erdogan"  # "the president"
    linked = {e.type: e.attributes.get("quote") for e in events}
    assert linked["AGREE"] == 0 and linked["SUPPORT"] is None


def test_a_quotation_of_several_sentences_is_said_where_it_ends(coder: Coder) -> None:
    text = ('Kenya closed the border on Monday. "The rebels crossed the river at night and '
            'attacked a village near the border. Our troops stopped them. Three of them were '
            'arrested," a Kenyan army spokesman said.')
    article, _ = next(coder.code([Article(text=text, id="q")]))
    direct = [q for q in article.quotes if q.kind == "direct"]
    assert direct and direct[0].speaker is not None
    assert (direct[0].speaker.country, direct[0].speaker.sector) == ("KEN", "MIL")


def test_quotes_are_stored_with_the_article(coder: Coder, tmp_path: Path) -> None:
    from eventwire.database import Database
    from eventwire.store.db import EventStore
    from eventwire.store.queries import article

    with EventStore(tmp_path / "q.duckdb") as store:
        store.write(coder.code([Article(text=TEXT, id="q")]))
    with Database(tmp_path / "q.duckdb") as db:
        stored = article(db.con, "q")
    assert stored is not None and [q["kind"] for q in stored["quotes"]] == ["indirect", "direct"]
    assert stored["quotes"][1]["speaker"]["country"] == "TUR"


@pytest.mark.parametrize(("speaker", "sector"), [
    ("a senior police official", "COP"),
    ("the spokesperson of the city police", "COP"),
    ("an army spokesman", "MIL"),
    ("a foreign ministry official", "GOV"),
])
def test_who_speaks_for_a_body_is_of_its_sector(coder: Coder, speaker: str, sector: str) -> None:
    text = f'"The roads into the town are open again," {speaker} said on Monday.'
    article, _ = next(coder.code([Article(text=text, id="s")]))
    (quote,) = article.quotes
    assert quote.speaker is not None and quote.speaker.sector == sector, quote


@pytest.mark.parametrize("text", [
    "Four men were detained near the port on Friday, according to the police.",
    "According to the police, four men were detained near the port on Friday.",
])
def test_according_to_attributes_the_sentence(coder: Coder, text: str) -> None:
    article, _ = next(coder.code([Article(text=text, id="a")]))
    (quote,) = article.quotes
    assert quote.kind == "indirect"
    assert quote.text.lower() == "four men were detained near the port on friday"
    assert quote.speaker is not None and quote.speaker.sector == "COP"
    assert text[quote.start:quote.end] == quote.text


@pytest.mark.parametrize(("text", "said", "speaker"), [
    # the small parser hangs this speaker on the clause before: the attribution still counts
    ("Nine people were detained after the clashes in the old city, deputy commissioner of "
     "police R K Shah told reporters.", "Nine people were detained after the clashes in the old "
     "city", "COP"),
    ("Talks with Seoul will resume next week, Chinese Foreign Minister Wang Yi told reporters.",
     "Talks with Seoul will resume next week", "GOV"),
    # the second of two coordinated verbs has the first one's subject
    ("Senior inspector Ramesh Kulkarni of the Athwa police station played down the clashes and "
     "said there was no threat to the market.", "there was no threat to the market", "COP"),
    # more speech verbs than "say" report what someone said
    ("Those who violate the orders will be punished, the police chief maintained.",
     "Those who violate the orders will be punished", "COP"),
])
def test_an_attribution_at_the_end_of_a_sentence(coder: Coder, text: str, said: str,
                                                  speaker: str) -> None:
    article, _ = next(coder.code([Article(text=text, id="q")]))
    got = [(q.text, q.speaker.sector if q.speaker else None) for q in article.quotes]
    assert got == [(said, speaker)]


@pytest.mark.parametrize("text", [
    "On Monday, Lavrov told reporters in Moscow.",
    "After meeting the envoy in Delhi on Friday, Lavrov told reporters.",
])
def test_an_opening_phrase_is_no_report(coder: Coder, text: str) -> None:
    article, _ = next(coder.code([Article(text=text, id="q")]))
    assert article.quotes == ()


def test_a_report_inside_a_quotation_is_still_a_report(coder: Coder) -> None:
    """A quotation (or a mark left open, which swallows the sentences after it) may hold a
    report of someone else's words: it is recorded all the same."""
    text = ('\u201cThe mob stormed our house and took everything. Police officials said that the '
            'death toll could reach 65. The army arrived at night,\u201d a witness said.')
    article, _ = next(coder.code([Article(text=text, id="q")]))
    got = {(q.kind, q.text, q.speaker.sector if q.speaker else None) for q in article.quotes}
    assert ("indirect", "that the death toll could reach 65", "COP") in got
