from pathlib import Path

import spacy
from spacy.tokens import Doc

from eventwire.events.lexicon import load_lexicon, parse_entry, read_user_lexicon, user_lexicon
from eventwire.ontology.plover import PLOVER_TYPES

VOCAB = spacy.blank("en").vocab


def test_pattern_mini_language() -> None:
    e = parse_entry(["impose [sanction|tariff]", "v", "SANCTION", "discontinue", "economic", "", ""])
    assert (e.lemma, e.objects, e.mode, e.context) == (
        "impose", frozenset({"sanction", "tariff"}), "discontinue", "economic")
    e = parse_entry(["call on", "v", "REQUEST", "", "", "request", ""])
    assert (e.lemma, e.particle, e.frame) == ("call", "on", "request")
    e = parse_entry(["drone strike", "n", "ASSAULT", "drone", "military", "", ""])
    assert (e.lemma, e.before) == ("strike", "drone")
    assert parse_entry(["host", "v", "CONSULT", "visit", "", "", "swap"]).swap


def test_every_plover_type_has_triggers_and_types_are_valid() -> None:
    lex = load_lexicon()
    entries = [e for es in (*lex.verbs.values(), *lex.nouns.values()) for e in es]
    assert {e.type for e in entries} - {"NONE"} == set(PLOVER_TYPES)
    assert len(entries) > 400


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str],
         lemmas: list[str]) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_object_patterns_beat_bare_verbs() -> None:
    lex = load_lexicon()
    doc = _doc(["Russia", "sent", "troops"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
               ["PROPN", "VERB", "NOUN"], ["Russia", "send", "troop"])
    assert lex.match(doc[1]).type == "MOBILIZE"
    doc = _doc(["Japan", "sent", "aid"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
               ["PROPN", "VERB", "NOUN"], ["Japan", "send", "aid"])
    assert lex.match(doc[1]).type == "AID"


def test_particles_select_the_sense() -> None:
    lex = load_lexicon()
    doc = _doc(["He", "called", "on", "Iran", "to", "stop"], [1, 1, 1, 2, 5, 1],
               ["nsubj", "ROOT", "prep", "pobj", "aux", "xcomp"],
               ["PRON", "VERB", "ADP", "PROPN", "PART", "VERB"],
               ["he", "call", "on", "Iran", "to", "stop"])
    assert lex.match(doc[1]).type == "REQUEST"
    # Asking for no act, calling on someone is a visit ("called on the vice president").
    doc = _doc(["He", "called", "on", "Iran"], [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"],
               ["PRON", "VERB", "ADP", "PROPN"], ["he", "call", "on", "Iran"])
    assert (lex.match(doc[1]).type, lex.match(doc[1]).mode) == ("CONSULT", "visit")
    doc = _doc(["a", "drone", "strike"], [2, 2, 2], ["det", "compound", "ROOT"],
               ["DET", "NOUN", "NOUN"], ["a", "drone", "strike"])
    assert (lex.match(doc[2]).type, lex.match(doc[2]).mode) == ("ASSAULT", "drone")


def test_asking_a_question_is_no_request() -> None:
    lex = load_lexicon()
    # "Peru asked whether Chile would come": an indirect question.
    doc = _doc(["Peru", "asked", "whether", "Chile", "would", "come"], [1, 1, 5, 5, 5, 1],
               ["nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp"],
               ["PROPN", "VERB", "SCONJ", "PROPN", "AUX", "VERB"],
               ["Peru", "ask", "whether", "Chile", "would", "come"])
    assert lex.match(doc[1]) is None
    # "Peru asked Chile about the dam": a question too.
    doc = _doc(["Peru", "asked", "Chile", "about", "the", "dam"], [1, 1, 1, 1, 5, 3],
               ["nsubj", "ROOT", "dobj", "prep", "det", "pobj"],
               ["PROPN", "VERB", "PROPN", "ADP", "DET", "NOUN"],
               ["Peru", "ask", "Chile", "about", "the", "dam"])
    assert lex.match(doc[1]) is None
    # "Peru asked Chile to come": the act wanted is named, so it is a request.
    doc = _doc(["Peru", "asked", "Chile", "to", "come"], [1, 1, 1, 4, 1],
               ["nsubj", "ROOT", "dobj", "aux", "xcomp"],
               ["PROPN", "VERB", "PROPN", "PART", "VERB"], ["Peru", "ask", "Chile", "to", "come"])
    assert lex.match(doc[1]).type == "REQUEST"


def test_a_nouns_preposition_selects_its_sense() -> None:
    lex = load_lexicon()
    call_with = _doc(["a", "call", "with", "Ghana"], [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"],
                     ["DET", "NOUN", "ADP", "PROPN"], ["a", "call", "with", "Ghana"])
    assert lex.match(call_with[1]).type == "CONSULT"  # a phone call
    call_for = _doc(["a", "call", "for", "talks"], [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"],
                    ["DET", "NOUN", "ADP", "NOUN"], ["a", "call", "for", "talk"])
    assert lex.match(call_for[1]).type == "REQUEST"  # an appeal
    # "the opposition" is a body; "opposition to the plan" an act.
    body = _doc(["the", "opposition"], [1, 1], ["det", "ROOT"], ["DET", "NOUN"],
                ["the", "opposition"])
    assert lex.match(body[1]) is None
    act = _doc(["opposition", "to", "it"], [0, 0, 1], ["ROOT", "prep", "pobj"],
               ["NOUN", "ADP", "PRON"], ["opposition", "to", "it"])
    assert lex.match(act[0]).type == "REJECT"


def test_lexicon_modes_and_contexts_are_plover_ones() -> None:
    from eventwire.ontology.plover import CONTEXTS, TYPE_INFO

    lex = load_lexicon()
    for entry in (e for es in (*lex.verbs.values(), *lex.nouns.values()) for e in es):
        if entry.type == "NONE":
            continue
        assert entry.context is None or entry.context in CONTEXTS, entry.pattern
        modes = TYPE_INFO[entry.type].modes
        assert entry.mode is None or not modes or entry.mode in modes, entry.pattern


def test_quotation_verbs_and_visitor_nouns_come_from_the_tables() -> None:
    lex = load_lexicon()
    assert {"say", "insist", "argue", "urge", "warn", "deny", "accuse", "vow"} <= lex.quote_verbs
    assert "condemn" not in lex.quote_verbs
    assert {"ambassador", "envoy", "delegation", "prince"} <= lex.visitor_nouns
    assert "talk" not in lex.visitor_nouns  # "hosted talks" is no visitor


def test_a_bare_case_or_action_is_no_accusation() -> None:
    """"case [against]" and "action [against]" are legal accusations; "the Godhra case" or
    "police action" alone is not."""
    nouns = [e.pattern for es in load_lexicon().nouns.values() for e in es]
    assert {"case [against]", "action [against]"} <= set(nouns)
    assert not {"case", "action"} & set(nouns)


def test_a_users_lexicon_adds_and_overrides_and_names_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("# made-up triggers\nchide\tv\tACCUSE\tdisapprove\n"
                    "agree\tv\tREJECT\n"
                    "widget\tq\tACCUSE\n"
                    "glorb\tv\tDISAPPROVE\n"
                    "glorb\tv\tACCUSE\tnosuchmode\n", "utf-8")
    entries, errors = read_user_lexicon(path)
    assert [e.pattern for e in entries] == ["chide", "agree"]
    assert [n for n, _ in errors] == [4, 5, 6]
    lex = user_lexicon((str(path),))
    assert lex.verbs["chide"][0].type == "ACCUSE" and "chide" not in load_lexicon().verbs
    # the user's entry replaced the shipped one of the same pattern; the others stay
    assert [e.type for e in lex.verbs["agree"] if e.pattern == "agree"] == ["REJECT"]
    assert [e.type for e in load_lexicon().verbs["agree"] if e.pattern == "agree"] == ["AGREE"]
    assert len(lex.verbs["agree"]) == len(load_lexicon().verbs["agree"])
