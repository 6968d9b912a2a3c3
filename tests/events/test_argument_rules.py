"""The argument, modality and report rules on Docs built by hand: the parse is given, so a failure
here is a rule change, never a parser change (tests/events/test_rules.py runs the real model)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.events.arguments import subject_of, verb_arguments
from eventwire.events.lexicon import load_lexicon, parse_entry
from eventwire.events.modality import is_negated, modality_of
from eventwire.events.rules import clause_depth
from eventwire.nlp import register_extensions

register_extensions()
VOCAB = spacy.blank("en").vocab
LEX = load_lexicon()
INTENT = {k for k, v in LEX.frames.items() if v == "intent"}


def parse(rows: list[tuple[str, int, str, str, str]], tags: dict[int, str] | None = None) -> Doc:
    """A Doc from (word, head, dep, pos, lemma) rows; heads are absolute indices."""
    words, heads, deps, pos, lemmas = (list(col) for col in zip(*rows, strict=True))
    tag = [(tags or {}).get(i, "") for i in range(len(words))]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, tags=tag)
    doc._.actors = []
    return doc


def test_a_reduced_relative_in_ing_is_done_by_its_noun_and_one_in_ed_to_it() -> None:
    # "troops firing on the crowd ..." (the -ing clause hangs on the noun)
    doc = parse([("troops", 4, "nsubj", "NOUN", "troop"), ("firing", 0, "acl", "VERB", "fire"),
                 ("on", 1, "prep", "ADP", "on"), ("protesters", 2, "pobj", "NOUN", "protester"),
                 ("angered", 4, "ROOT", "VERB", "anger")], tags={1: "VBG"})
    subj, how = subject_of(doc[1])
    assert ([t.text for t in subj], how) == (["troops"], "acl")
    # "men arrested on Friday ..." (done to the men: no subject)
    doc = parse([("men", 4, "nsubj", "NOUN", "man"), ("arrested", 0, "acl", "VERB", "arrest"),
                 ("on", 1, "prep", "ADP", "on"), ("Friday", 2, "pobj", "PROPN", "Friday"),
                 ("confessed", 4, "ROOT", "VERB", "confess")], tags={1: "VBN"})
    assert subject_of(doc[1]) == ([], "")


def test_the_subject_of_an_active_verb_and_the_agent_of_a_passive_one() -> None:
    doc = parse([("Russia", 1, "nsubj", "PROPN", "Russia"), ("attacked", 1, "ROOT", "VERB", "attack"),
                 ("Kyiv", 1, "dobj", "PROPN", "Kyiv")])
    assert ([t.text for t in subject_of(doc[1])[0]], subject_of(doc[1])[1]) == (["Russia"], "nsubj")
    doc = parse([("Kyiv", 2, "nsubjpass", "PROPN", "Kyiv"), ("was", 2, "auxpass", "AUX", "be"),
                 ("attacked", 2, "ROOT", "VERB", "attack"), ("by", 2, "agent", "ADP", "by"),
                 ("Russia", 3, "pobj", "PROPN", "Russia")])
    subj, how = subject_of(doc[2])
    assert ([t.text for t in subj], how) == (["Russia"], "agent")


def test_object_control_gives_the_urged_party_the_act() -> None:
    # "France urged Iran to release the sailors": Iran releases.
    doc = parse([("France", 1, "nsubj", "PROPN", "France"), ("urged", 1, "ROOT", "VERB", "urge"),
                 ("Iran", 1, "dobj", "PROPN", "Iran"), ("to", 4, "aux", "PART", "to"),
                 ("release", 1, "xcomp", "VERB", "release"), ("the", 6, "det", "DET", "the"),
                 ("sailors", 4, "dobj", "NOUN", "sailor")])
    assert [t.text for t in subject_of(doc[4])[0]] == ["Iran"]
    assert [t.text for t in subject_of(doc[1])[0]] == ["France"]


def test_a_reduced_passive_clause_is_done_to_the_main_subject_not_by_it() -> None:
    # "Backed by Russia, Syria attacked": Syria attacks but does not back anyone; the
    # same clause with its own auxiliary or in the active still takes the main subject.
    doc = parse([("Backed", 4, "advcl", "VERB", "back"), ("by", 0, "agent", "ADP", "by"),
                 ("Russia", 1, "pobj", "PROPN", "Russia"), (",", 4, "punct", "PUNCT", ","),
                 ("attacked", 4, "ROOT", "VERB", "attack"), ("Syria", 4, "dobj", "PROPN", "Syria")],
                tags={0: "VBN"})
    assert [t.text for t in subject_of(doc[0])[0]] == ["Russia"]  # the agent, named
    doc = parse([("Asked", 3, "advcl", "VERB", "ask"), (",", 3, "punct", "PUNCT", ","),
                 ("Iran", 3, "nsubj", "PROPN", "Iran"), ("refused", 3, "ROOT", "VERB", "refuse")],
                tags={0: "VBN"})
    assert subject_of(doc[0]) == ([], "")
    doc = parse([("Asking", 3, "advcl", "VERB", "ask"), (",", 3, "punct", "PUNCT", ","),
                 ("Iran", 3, "nsubj", "PROPN", "Iran"), ("refused", 3, "ROOT", "VERB", "refuse")],
                tags={0: "VBG"})
    assert [t.text for t in subject_of(doc[0])[0]] == ["Iran"]


def test_an_active_verb_coordinated_with_a_passive_shares_its_subject_not_its_agent() -> None:
    # "The envoy was received by Putin and held talks": the envoy holds the talks.
    rows = [("envoy", 2, "nsubjpass", "NOUN", "envoy"), ("was", 2, "auxpass", "AUX", "be"),
            ("received", 2, "ROOT", "VERB", "receive"), ("by", 2, "agent", "ADP", "by"),
            ("Putin", 3, "pobj", "PROPN", "Putin"), ("and", 2, "cc", "CCONJ", "and"),
            ("held", 2, "conj", "VERB", "hold"), ("talks", 6, "dobj", "NOUN", "talk")]
    doc = parse(rows, tags={6: "VBD"})
    assert ([t.text for t in subject_of(doc[6])[0]], subject_of(doc[6])[1]) == (
        ["envoy"], "conj>nsubjpass")
    # "were stopped by the police and arrested": a participle sharing the auxiliary is passive
    # too, and the agent acts.
    doc = parse(rows[:6] + [("arrested", 2, "conj", "VERB", "arrest")], tags={6: "VBN"})
    assert [t.text for t in subject_of(doc[6])[0]] == ["Putin"]


def test_a_coordinated_verb_shares_the_first_verbs_subject() -> None:
    doc = parse([("China", 1, "nsubj", "PROPN", "China"), ("condemned", 1, "ROOT", "VERB", "condemn"),
                 ("tariffs", 1, "dobj", "NOUN", "tariff"), ("and", 1, "cc", "CCONJ", "and"),
                 ("accused", 1, "conj", "VERB", "accuse"), ("Washington", 4, "dobj", "PROPN", "Washington")])
    subj, how = subject_of(doc[4])
    assert ([t.text for t in subj], how) == (["China"], "conj>nsubj")


def test_the_visitor_acts_when_the_object_of_a_swap_pattern_is_a_visitor() -> None:
    host = parse_entry(["host", "v", "CONSULT", "visit", "diplomatic", "", "swap"])
    doc = parse([("Turkey", 1, "nsubj", "PROPN", "Turkey"), ("hosted", 1, "ROOT", "VERB", "host"),
                 ("the", 3, "det", "DET", "the"), ("envoy", 1, "dobj", "NOUN", "envoy")])
    args = verb_arguments(doc[1], host, LEX.visitor_nouns)
    assert ([t.text for t in args.sources], [t.text for t in args.targets]) == (["envoy"], ["Turkey"])
    assert "swap" in args.how
    talks = parse([("Turkey", 1, "nsubj", "PROPN", "Turkey"), ("hosted", 1, "ROOT", "VERB", "host"),
                   ("talks", 1, "dobj", "NOUN", "talk")])
    args = verb_arguments(talks[1], host, LEX.visitor_nouns)
    assert [t.text for t in args.sources] == ["Turkey"] and "swap" not in args.how


def test_negation_future_hypothetical_and_reported() -> None:
    neg = parse([("Ankara", 3, "nsubj", "PROPN", "Ankara"), ("did", 3, "aux", "AUX", "do"),
                 ("not", 3, "neg", "PART", "not"), ("send", 3, "ROOT", "VERB", "send"),
                 ("weapons", 3, "dobj", "NOUN", "weapon")])
    assert is_negated(neg[3])
    refrain = parse([("Chile", 1, "nsubj", "PROPN", "Chile"), ("refrained", 1, "ROOT", "VERB",
                                                                 "refrain"),
                     ("from", 1, "prep", "ADP", "from"), ("expelling", 2, "pcomp", "VERB", "expel"),
                     ("envoys", 3, "dobj", "NOUN", "envoy")])
    assert is_negated(refrain[3])
    will = parse([("Germany", 2, "nsubj", "PROPN", "Germany"), ("will", 2, "aux", "AUX", "will"),
                  ("deliver", 2, "ROOT", "VERB", "deliver"), ("tanks", 2, "dobj", "NOUN", "tank")],
                 tags={2: "VB"})
    assert modality_of(will[2], INTENT) == "future" and not is_negated(will[2])
    plan = parse([("Iran", 1, "nsubj", "PROPN", "Iran"), ("plans", 1, "ROOT", "VERB", "plan"),
                  ("to", 3, "aux", "PART", "to"), ("expel", 1, "xcomp", "VERB", "expel"),
                  ("diplomats", 3, "dobj", "NOUN", "diplomat")])
    assert modality_of(plan[3], INTENT) == "future"
    could = parse([("Iran", 2, "nsubj", "PROPN", "Iran"), ("could", 2, "aux", "AUX", "could"),
                   ("expel", 2, "ROOT", "VERB", "expel"), ("diplomats", 2, "dobj", "NOUN", "diplomat")])
    assert modality_of(could[2], INTENT) == "hypothetical"
    can = parse([("Police", 2, "nsubj", "NOUN", "police"), ("can", 2, "aux", "AUX", "can"),
                 ("arrest", 2, "ROOT", "VERB", "arrest"), ("members", 2, "dobj", "NOUN", "member")])
    assert modality_of(can[2], INTENT) == "hypothetical"  # what police can do, not what they did
    said = parse([("Iran", 1, "nsubj", "PROPN", "Iran"), ("reportedly", 1, "advmod", "ADV", "reportedly"),
                  ("expelled", 1, "ROOT", "VERB", "expel"), ("diplomats", 2, "dobj", "NOUN", "diplomat")])
    assert modality_of(said[2], INTENT) == "reported"


def test_an_act_done_by_none_and_an_act_only_possible() -> None:
    # "none of the parties has given support": the light verb's subject denies the act
    none = parse([("none", 5, "nsubj", "NOUN", "none"), ("of", 0, "prep", "ADP", "of"),
                  ("the", 3, "det", "DET", "the"), ("parties", 1, "pobj", "NOUN", "party"),
                  ("has", 5, "aux", "AUX", "have"), ("given", 5, "ROOT", "VERB", "give"),
                  ("support", 5, "dobj", "NOUN", "support")])
    assert is_negated(none[6])
    some = parse([("two", 3, "nsubj", "NUM", "two"), ("of", 0, "prep", "ADP", "of"),
                  ("them", 1, "pobj", "PRON", "they"), ("gave", 3, "ROOT", "VERB", "give"),
                  ("support", 3, "dobj", "NOUN", "support")])
    assert not is_negated(some[4])
    # "a possibility of the premier visiting Nepal": a visit that may come, not one made
    maybe = parse([("possibility", 0, "ROOT", "NOUN", "possibility"), ("of", 0, "prep", "ADP", "of"),
                   ("premier", 1, "pobj", "NOUN", "premier"), ("visiting", 2, "acl", "VERB", "visit"),
                   ("Nepal", 3, "dobj", "PROPN", "Nepal")], tags={3: "VBG"})
    assert modality_of(maybe[3], INTENT) == "hypothetical"
    fact = parse([("premier", 1, "nsubj", "NOUN", "premier"), ("visiting", 1, "ROOT", "VERB", "visit"),
                  ("Nepal", 1, "dobj", "PROPN", "Nepal")], tags={1: "VBG"})
    assert modality_of(fact[1], INTENT) == "asserted"


def test_a_condition_told_by_inversion_did_not_happen() -> None:
    from eventwire.events.modality import open_condition
    # "had the police arrested the leaders, the riots would have been avoided"
    had = parse([("had", 3, "aux", "AUX", "have"), ("the", 2, "det", "DET", "the"),
                 ("police", 3, "nsubj", "NOUN", "police"), ("arrested", 6, "advcl", "VERB", "arrest"),
                 ("riots", 6, "nsubjpass", "NOUN", "riot"), ("were", 6, "auxpass", "AUX", "be"),
                 ("avoided", 6, "ROOT", "VERB", "avoid")], tags={3: "VBN", 6: "VBN"})
    assert open_condition(had[3]) is not None and modality_of(had[3], INTENT) == "hypothetical"
    # "the police had arrested the leaders" is a fact
    fact = parse([("police", 2, "nsubj", "NOUN", "police"), ("had", 2, "aux", "AUX", "have"),
                  ("arrested", 2, "ROOT", "VERB", "arrest"), ("leaders", 2, "dobj", "NOUN", "leader")],
                 tags={2: "VBN"})
    assert open_condition(fact[2]) is None and modality_of(fact[2], INTENT) == "asserted"
    # "to plan and organise attacks": the intention sits on the first verb
    plan = parse([("cadres", 1, "nsubj", "NOUN", "cadre"), ("plan", 1, "ROOT", "VERB", "plan"),
                  ("and", 1, "cc", "CCONJ", "and"), ("organise", 1, "conj", "VERB", "organise"),
                  ("attacks", 3, "dobj", "NOUN", "attack")])
    assert modality_of(plan[4], INTENT) == "future"


def test_a_bare_verb_coordinated_with_a_past_one_has_not_its_subject() -> None:
    # "police watched a mob lynch two men and injure 20" (the parser lost "lynch" as a verb)
    doc = parse([("police", 1, "nsubj", "NOUN", "police"), ("watched", 1, "ROOT", "VERB", "watch"),
                 ("lynch", 1, "dobj", "NOUN", "lynch"), ("and", 1, "cc", "CCONJ", "and"),
                 ("injure", 1, "conj", "VERB", "injure"), ("20", 4, "dobj", "NUM", "20")],
                tags={1: "VBD", 4: "VB"})
    assert subject_of(doc[4]) == ([], "")
    # "police arrested two men and charged them": coordinated past verbs share the subject
    doc = parse([("police", 1, "nsubj", "NOUN", "police"), ("arrested", 1, "ROOT", "VERB", "arrest"),
                 ("men", 1, "dobj", "NOUN", "man"), ("and", 1, "cc", "CCONJ", "and"),
                 ("charged", 1, "conj", "VERB", "charge"), ("them", 4, "dobj", "PRON", "they")],
                tags={1: "VBD", 4: "VBD"})
    assert [t.text for t in subject_of(doc[4])[0]] == ["police"]


def test_reported_speech_is_no_clause_boundary_but_a_circumstance_is() -> None:
    # "Turkey says Greece violated its airspace": the violation is the main act.
    says = parse([("Turkey", 1, "nsubj", "PROPN", "Turkey"), ("says", 1, "ROOT", "VERB", "say"),
                  ("Greece", 3, "nsubj", "PROPN", "Greece"), ("violated", 1, "ccomp", "VERB", "violate"),
                  ("airspace", 3, "dobj", "NOUN", "airspace")])
    assert clause_depth(says[3], LEX.frames) == 0
    # "Turkey fears Greece violated ...": a subordinate clause.
    fears = parse([("Turkey", 1, "nsubj", "PROPN", "Turkey"), ("fears", 1, "ROOT", "VERB", "fear"),
                   ("Greece", 3, "nsubj", "PROPN", "Greece"), ("violated", 1, "ccomp", "VERB", "violate"),
                   ("airspace", 3, "dobj", "NOUN", "airspace")])
    assert clause_depth(fears[3], LEX.frames) == 1
    # "Police arrested journalists during a protest": the protest is background.
    during = parse([("Police", 1, "nsubj", "NOUN", "police"), ("arrested", 1, "ROOT", "VERB", "arrest"),
                    ("journalists", 1, "dobj", "NOUN", "journalist"), ("during", 1, "prep", "ADP", "during"),
                    ("a", 5, "det", "DET", "a"), ("protest", 3, "pobj", "NOUN", "protest")])
    assert clause_depth(during[5], LEX.frames) == 1 and clause_depth(during[1], LEX.frames) == 0


def test_a_paper_does_what_its_author_does() -> None:
    # "a petition by the Centre requesting the court ...": the Centre requests
    doc = parse([("petition", 0, "ROOT", "NOUN", "petition"), ("by", 0, "prep", "ADP", "by"),
                 ("Centre", 1, "pobj", "PROPN", "Centre"), ("requesting", 0, "acl", "VERB", "request"),
                 ("court", 3, "dobj", "NOUN", "court")], tags={3: "VBG"})
    assert [t.text for t in subject_of(doc[3])[0]] == ["Centre"]
    # "police firing on the mob": the noun itself acts
    doc = parse([("police", 0, "ROOT", "NOUN", "police"), ("firing", 0, "acl", "VERB", "fire")],
                tags={1: "VBG"})
    assert [t.text for t in subject_of(doc[1])[0]] == ["police"]
