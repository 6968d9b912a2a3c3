from pathlib import Path

import pytest
import spacy

from eventwire.nlp import (
    build_pipeline,
    get_pipeline,
    paragraph_starts,
    split_clauses,
)
from eventwire.pipeline import Coder
from eventwire.schema import Article
from eventwire.tables import package_data

NLP = spacy.blank("en")


def test_semicolons_start_sentences() -> None:
    doc = split_clauses(NLP.make_doc("Turkey met Iran; India met Japan."))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts[1:] == ["India"]


@pytest.mark.slow
def test_components_read_the_tables_their_config_names(tmp_path: Path) -> None:
    """A user's own lexicon: the events component, the prefilter and the quotation finder all
    read it (no process-wide table)."""
    tables = tmp_path / "lexicon"
    tables.mkdir()
    shipped = package_data("eventwire.events")
    (tables / "frames.tsv").write_text((shipped / "frames.tsv").read_text("utf-8") + "mutter\tspeech\n",
                                       encoding="utf-8")
    (tables / "lexicon.tsv").write_text(
        (shipped / "lexicon.tsv").read_text("utf-8") + "serenade\tv\tSUPPORT\n", encoding="utf-8")
    nlp = build_pipeline(config={"eventwire_events": {"tables": str(tables)},
                                 "eventwire_typer": {"learned": False}})
    coder = Coder(nlp=nlp)
    text = ("The weather was mild. France serenaded Italy on Monday. Macron muttered that Rome had "
            "attacked Paris.")
    article, events = next(coder.code([Article(text=text)]))
    assert [(e.type, e.source.country, e.target.country) for e in events
            if e.trigger.text == "serenaded"] == [("SUPPORT", "FRA", "ITA")]
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in article.quotes] == [
        ("indirect", "Emmanuel Macron")]
    assert "serenade" not in Coder(nlp=get_pipeline()).nlp.get_pipe("eventwire_events").lexicon.verbs


def test_paragraphs_start_sentences() -> None:
    doc = NLP.make_doc("This story is from March\n\nnew delhi: police arrested men. He said: yes.")
    assert paragraph_starts(doc) == [0, 6]
    starts = [t.text for t in split_clauses(doc) if t.is_sent_start]
    assert starts[:2] == ["This", "new"] and "said" not in starts
