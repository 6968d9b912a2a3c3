import spacy

from eventwire.nlp import dateline_end, split_clauses

NLP = spacy.blank("en")


def test_datelines_are_recognised_and_sentences_are_not() -> None:
    assert dateline_end(NLP.make_doc("BERLIN -- Police arrested two men.")) == 2
    assert dateline_end(NLP.make_doc("ALGIERS, Algeria - Police arrested two men.")) == 4
    assert dateline_end(NLP.make_doc("KHARTOUM (Reuters) -- Talks began.")) == 5
    assert dateline_end(NLP.make_doc("US President Trump: we will talk.")) == 0
    assert dateline_end(NLP.make_doc("Police arrested two men - reports said.")) == 0


def test_semicolons_and_datelines_start_sentences() -> None:
    doc = split_clauses(NLP.make_doc("ANKARA - Turkey met Iran; India met Japan."))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts[1:] == ["Turkey", "India"]
