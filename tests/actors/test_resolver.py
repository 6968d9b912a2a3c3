"""The actor component on Docs built by hand (no model load)."""

from datetime import date

import spacy
from spacy.tokens import Doc

from eventwire.actors.gazetteer import load_gazetteer
from eventwire.actors.resolver import ActorResolver, actor_for_token, noun_phrase
from eventwire.nlp import register_extensions

register_extensions()
NLP = spacy.blank("en")
RESOLVER = ActorResolver(NLP, load_gazetteer())


def resolve(text: str, on: date | None = date(2025, 5, 26)) -> Doc:
    doc = NLP.make_doc(text)
    doc._.article_date = on
    return RESOLVER(doc)


def found(doc: Doc) -> list[tuple[str, str | None, str]]:
    return [(s.text, s._.actor.country, s._.actor.kind) for s in doc._.actors]


def test_countries_demonyms_capitals_and_leaders() -> None:
    doc = resolve("Ankara said Turkish troops and President Erdogan met Pakistan's Sharif.")
    assert found(doc) == [("Ankara", "TUR", "capital"), ("Turkish", "TUR", "demonym"),
                          ("Erdogan", "TUR", "leader"), ("Pakistan", "PAK", "country"),
                          ("Sharif", "PAK", "leader")]


def test_longest_match_and_blockers() -> None:
    doc = resolve("Latin America and the Indian Ocean matter to the United States.")
    assert found(doc) == [("United States", "USA", "country")]


def test_lowercase_us_is_not_the_united_states() -> None:
    assert found(resolve("Let us talk.")) == []
    assert found(resolve("The US and the EU talked."))[0][:2] == ("US", "USA")


def test_igo_and_group_entries() -> None:
    doc = resolve("NATO and Hamas and the United Nations.")
    kinds = {(t, k) for t, _, k in found(doc)}
    assert kinds == {("NATO", "igo"), ("Hamas", "group"), ("United Nations", "igo")}
    hamas = next(s for s in doc._.actors if s.text == "Hamas")
    assert hamas._.actor.country == "PSE" and hamas._.actor.sector == "REB"


def test_actor_for_token_reads_the_noun_phrase_and_sector() -> None:
    words = ["Turkish", "troops", "entered", "."]
    doc = Doc(NLP.vocab, words=words, heads=[1, 2, 2, 2], deps=["amod", "nsubj", "ROOT", "punct"],
              pos=["ADJ", "NOUN", "VERB", "PUNCT"], lemmas=["turkish", "troop", "enter", "."])
    doc._.article_date = date(2025, 5, 26)
    RESOLVER(doc)
    match = actor_for_token(doc[1])
    assert match is not None
    assert (match.span.text, match.info.country, match.info.sector) == ("Turkish troops", "TUR", "MIL")


def _head_of(words: list[str], pos: list[str]) -> Doc:
    """A noun phrase whose last word is the head and every other word a compound of it."""
    n = len(words)
    doc = Doc(NLP.vocab, words=words, heads=[n - 1] * n, deps=["compound"] * (n - 1) + ["ROOT"],
              pos=pos, lemmas=[w.lower() for w in words])
    doc._.article_date = date(2025, 5, 26)
    return RESOLVER(doc)


def test_a_capitalised_title_gives_its_sector_but_a_name_does_not() -> None:
    doc = _head_of(["Police", "Commissioner", "Mehta"], ["PROPN", "PROPN", "PROPN"])
    match = actor_for_token(doc[2])
    assert match is not None and match.info.sector == "COP"
    # "State" is a word of the group's name here, not a state's government.
    doc = _head_of(["Islamic", "State", "fighters"], ["PROPN", "PROPN", "NOUN"])
    match = actor_for_token(doc[2])
    assert match is not None and match.info.sector != "GOV"


def test_a_phrase_with_no_actor_is_not_an_actor() -> None:
    doc = Doc(NLP.vocab, words=["the", "weather"], heads=[1, 1], deps=["det", "ROOT"],
              pos=["DET", "NOUN"], lemmas=["the", "weather"])
    doc._.article_date = None
    RESOLVER(doc)
    assert actor_for_token(doc[1]) is None


def test_ministers_resolve_by_name_on_the_article_date() -> None:
    doc = resolve("Nancy Faeser met Darmanin and Piantedosi in Luxembourg.", on=date(2023, 6, 1))
    assert found(doc) == [("Nancy Faeser", "DEU", "leader"), ("Darmanin", "FRA", "leader"),
                          ("Piantedosi", "ITA", "leader"), ("Luxembourg", "LUX", "country")]
    # Twelve years earlier Le Drian was not yet in office but still resolves to France.
    assert found(resolve("Le Drian spoke.", on=date(2008, 1, 1))) == [("Le Drian", "FRA", "leader")]


def test_a_body_is_of_the_sector_its_modifier_names() -> None:
    """"police forces", "the police department": the modifier names the service; a two-word
    title still wins ("air force"), and the body alone keeps its own sector."""
    for words, sector in ((["police", "force"], "COP"), (["police", "department"], "COP"),
                          (["air", "force"], "MIL"), (["force"], "MIL"), (["department"], "GOV")):
        doc = _head_of(words, ["NOUN"] * len(words))
        assert doc[-1]._.sector == sector, words  # the head's own sector, not a modifier's
        match = actor_for_token(doc[len(words) - 1])
        assert match is not None and match.info.sector == sector, words


def test_a_party_of_people_is_the_people() -> None:
    words = ["a", "party", "of", "six", "policemen"]
    doc = Doc(NLP.vocab, words=words, heads=[1, 1, 1, 4, 2],
              deps=["det", "ROOT", "prep", "nummod", "pobj"],
              pos=["DET", "NOUN", "ADP", "NUM", "NOUN"], tags=["DT", "NN", "IN", "CD", "NNS"],
              lemmas=["a", "party", "of", "six", "policeman"])
    doc._.article_date = None
    RESOLVER(doc)
    match = actor_for_token(doc[1])
    assert match is not None and match.info.sector == "COP"
    # A party "of" a place or a person is a political party, not a group of people.
    words = ["the", "party", "of", "Lenin"]
    doc = Doc(NLP.vocab, words=words, heads=[1, 1, 1, 2], deps=["det", "ROOT", "prep", "pobj"],
              pos=["DET", "NOUN", "ADP", "PROPN"], tags=["DT", "NN", "IN", "NNP"],
              lemmas=["the", "party", "of", "Lenin"])
    doc._.article_date = None
    RESOLVER(doc)
    match = actor_for_token(doc[1])
    assert match is None or match.info.sector != "COP"


def test_the_last_of_coordinated_modifiers_names_the_body_too() -> None:
    words = ["the", "police", "and", "security", "forces"]
    doc = Doc(NLP.vocab, words=words, heads=[4, 4, 1, 1, 4],
              deps=["det", "nmod", "cc", "conj", "ROOT"],
              pos=["DET", "NOUN", "CCONJ", "NOUN", "NOUN"],
              lemmas=["the", "police", "and", "security", "force"])
    doc._.article_date = None
    RESOLVER(doc)
    assert doc[4]._.sector == "COP"  # "security force", not the bare "force"


def test_an_appositive_title_after_a_comma_is_part_of_the_phrase() -> None:
    """"pravin gondia, deputy commissioner of police, said": the appositive's phrase begins
    right after the comma, though its head comes later."""
    words = ["pravin", "gondia", ",", "deputy", "commissioner", "of", "police", ",", "said"]
    doc = Doc(NLP.vocab, words=words, heads=[1, 8, 1, 4, 1, 4, 5, 1, 8],
              spaces=[True, False, True, True, True, True, False, True, False],
              deps=["compound", "nsubj", "punct", "compound", "appos", "prep", "pobj", "punct",
                    "ROOT"],
              pos=["PROPN", "PROPN", "PUNCT", "NOUN", "NOUN", "ADP", "NOUN", "PUNCT", "VERB"],
              lemmas=["pravin", "gondia", ",", "deputy", "commissioner", "of", "police", ",",
                      "say"])
    doc._.article_date = None
    RESOLVER(doc)
    assert noun_phrase(doc[1]).text == "pravin gondia, deputy commissioner of police"
    match = actor_for_token(doc[1])
    assert match is not None and match.info.sector == "COP"


def test_a_name_takes_the_title_nearest_it() -> None:
    """"the union health minister Thakur" is a minister (GOV), not of the labour union that
    "union" alone would name."""
    doc = _head_of(["union", "health", "minister", "Thakur"], ["NOUN", "NOUN", "NOUN", "PROPN"])
    match = actor_for_token(doc[3])
    assert match is not None and match.info.sector == "GOV"


def test_a_title_the_parse_leaves_out_of_the_name_still_names_its_sector() -> None:
    """"superintendent of police (south) m l verma said": the parenthetical cuts the title off
    the name's phrase; the title before it (through its "of" phrase) still gives the sector."""
    words = ["superintendent", "of", "police", "(", "south", ")", "m", "l", "verma", "said"]
    heads = [9, 0, 1, 2, 3, 2, 8, 8, 9, 9]
    deps = ["nsubj", "prep", "pobj", "punct", "appos", "punct", "compound", "compound",
            "nsubj", "ROOT"]
    pos = ["NOUN", "ADP", "NOUN", "PUNCT", "NOUN", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB"]
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=words)
    doc._.article_date = date(2002, 3, 3)
    doc = RESOLVER(doc)
    match = actor_for_token(doc[8])
    assert match is not None and match.info.sector == "COP" and match.span.text == "m l verma"


def test_indian_police_bodies_and_officers() -> None:
    assert [(t, c, s) for t, c, s in ((s.text, s._.actor.country, s._.actor.sector)
                                      for s in resolve("The CBI and the GRP met.")._.actors)] == [
        ("CBI", "IND", "COP"), ("GRP", "IND", "COP")]
    doc = _head_of(["senior", "IPS", "officer"], ["ADJ", "PROPN", "NOUN"])
    match = actor_for_token(doc[2])
    assert match is not None and match.info.sector == "COP"


def test_offices_called_general_and_political_forces_are_no_military() -> None:
    for words, pos, sector in (
            (["attorney", "general"], ["NOUN", "NOUN"], "GOV"),
            (["inspector", "general"], ["NOUN", "NOUN"], "COP"),
            (["army", "general"], ["NOUN", "NOUN"], "MIL"),
            (["army", "unit"], ["NOUN", "NOUN"], "MIL")):
        doc = _head_of(words, pos)
        assert doc[-1]._.sector == sector, words
    hyphen = Doc(NLP.vocab, words=["secretary", "-", "general"], spaces=[False, False, False],
                 heads=[2, 2, 2], deps=["compound", "punct", "ROOT"], pos=["NOUN", "PUNCT", "NOUN"],
                 lemmas=["secretary", "-", "general"])
    hyphen._.article_date = None
    assert RESOLVER(hyphen)[2]._.sector == "GOV"  # "secretary-general"
    def forces(modifier: str) -> str | None:
        doc = Doc(NLP.vocab, words=[modifier, "forces"], heads=[1, 1], deps=["amod", "ROOT"],
                  pos=["ADJ", "NOUN"], lemmas=[modifier.lower(), "force"])
        doc._.article_date = None
        return RESOLVER(doc)[1]._.sector

    assert forces("secular") is None and forces("market") is None
    assert forces("Indian") == "MIL"
    assert _head_of(["party", "unit"], ["NOUN", "NOUN"])[1]._.sector == "OPP"  # the party's


def test_english_words_the_tagger_took_for_names_are_nouns_again() -> None:
    from eventwire.actors.resolver import misread_names
    from eventwire.ingest.layout import Layout

    words = frozenset({"normalcy", "return", "miscreant", "set", "gujarat"})

    def tagged(text: list[str], pos: list[str], casing: str, ents: str | None = None) -> Doc:
        doc = Doc(NLP.vocab, words=text, pos=pos, sent_starts=[True] + [False] * (len(text) - 1),
                  ents=[ents] + ["O"] * (len(text) - 1) if ents else None)
        doc._.layout = Layout((), None, casing)  # type: ignore[arg-type]
        return doc

    # lower-case copy: "normalcy is returning", recased at its start by the reader
    doc = tagged(["Normalcy", "is", "returning"], ["PROPN", "AUX", "VERB"], "lower")
    assert misread_names(doc, words, set()) == {0}
    assert (doc[0].pos_, doc[0].lemma_) == ("NOUN", "normalcy")
    plural = tagged(["Miscreants", "set", "fire"], ["PROPN", "VERB", "NOUN"], "lower")
    assert misread_names(plural, words, set()) == {0} and plural[0].lemma_ == "miscreant"
    # in mixed-case copy a capital at a sentence start may be a name's ...
    assert misread_names(tagged(["Normalcy", "is", "back"], ["PROPN", "AUX", "ADV"], "mixed"),
                         words, set()) == set()
    # ... but a lower-case word never is
    assert misread_names(tagged(["normalcy", "is", "back"], ["PROPN", "AUX", "ADV"], "mixed"),
                         words, set()) == {0}
    # places NER found, gazetteer names and words the dictionary lacks stay names
    assert misread_names(tagged(["gujarat", "is", "calm"], ["PROPN", "AUX", "ADJ"], "lower",
                                "B-GPE"), words, set()) == set()
    assert misread_names(tagged(["Normalcy", "Party"], ["PROPN", "PROPN"], "lower"), words,
                         {0, 1}) == set()
    assert misread_names(tagged(["Kishore", "said"], ["PROPN", "VERB"], "lower"), words, set()) == set()


def test_a_word_the_article_writes_as_a_name_stays_a_name_at_a_sentence_start() -> None:
    from eventwire.actors.resolver import misread_names
    from eventwire.ingest.layout import Layout

    # "... said A K Mitra. Mitra said ...": WordNet lists Mitra, but the article names him
    words = ["said", "A", "K", "Mitra", ".", "Mitra", "said"]
    doc = Doc(NLP.vocab, words=words, pos=["VERB", "PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "VERB"],
              sent_starts=[True, False, False, False, False, True, False])
    doc._.layout = Layout((), None, "lower")
    assert misread_names(doc, frozenset({"mitra", "say"}), set()) == set()
