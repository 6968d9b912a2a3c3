"""Negation and modality of a trigger: denied, future/intended, hypothetical or reported."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.schema import Modality

_FUTURE_AUX = {"will", "shall", "'ll", "would", "wo"}
_HYPOTHETICAL_AUX = {"could", "might", "may", "can", "ca"}  # ("ca" of "can't")
_OBLIGATION_AUX = {"must", "should", "ought"}
_NEG_WORDS = {"not", "n't", "never", "no"}
#: Subjects or objects that deny the act: nobody was arrested.
_NONE_WORDS = {"none", "nobody", "nothing", "noone"}
#: Verbs through which one takes part in an act named by their prepositional object.
_TAKING_PART = {"participate", "take", "join", "engage", "attend"}
#: Nouns that make what they hold only possible, not done ("the prospect of talks").
_POSSIBILITY_NOUNS = {"possibility", "chance", "likelihood", "prospect",
                      "probability", "risk", "danger", "fear"}
_REPORTED_ADVERBS = {"reportedly", "allegedly", "purportedly", "apparently", "supposedly"}
#: Verbs that, governing an event, say it did not happen ("failed to reach a deal").
_FAILURE_VERBS = {"fail", "refrain", "stop", "cease", "avoid"}


def clause_chain(token: Token) -> list[Token]:
    """The token and the verbs above it through complement clauses (xcomp, ccomp, conj)."""
    chain = [token]
    tok = token
    while tok.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "acomp") \
            and tok.head.i != tok.i and len(chain) < 6:
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            break  # "the strike called by the unions": a reduced passive tells what was done
        tok = tok.head
        chain.append(tok)
    return chain


def is_negated(trigger: Token, intent_lemmas: frozenset[str] | set[str] = frozenset()) -> bool:
    """The trigger itself is negated ("did not send", "no talks", "failed to agree"), or the
    intention it is governed by ("did not wish to oppose the bandh": no opposition either;
    ``intent_lemmas``: the lexicon's intent frame)."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in trigger.children):
        return True
    if _done_by_none(trigger):
        return True
    head = trigger.head
    if trigger.dep_ == "xcomp" and head.lemma_.lower() in _FAILURE_VERBS:
        return True
    if trigger.dep_ == "xcomp" and head.lemma_.lower() in intent_lemmas and any(
            c.dep_ == "neg" for c in head.children):
        return True
    # "refrained from holding rallies", "stopped short of imposing sanctions"
    if trigger.dep_ == "pcomp" and head.lower_ in ("from", "of") \
            and head.head.lemma_.lower() in _FAILURE_VERBS:
        return True
    # A noun event inherits the negation of its light verb ("did not hold talks"), or of the
    # verb it is taken part in through ("did not participate in the bandh"; but "did not
    # respond to the request" denies the response, not the request).
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
        if head.lemma_.lower() not in _TAKING_PART:
            return False
    elif not (trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubjpass")):
        return False
    # ("none of the parties has given support": nobody gave it)
    return head.pos_ in ("VERB", "AUX") and (any(c.dep_ == "neg" for c in head.children)
                                             or _done_by_none(head))


def _done_by_none(verb: Token) -> bool:
    """"not a single activist has been arrested", "none of them was detained": a subject or
    object that denies the act."""
    return any(c.dep_ in ("nsubjpass", "nsubj", "dobj") and (
        c.lower_ in _NONE_WORDS or any(g.lower_ in ("not", "no") and g.i < c.i
                                       for g in c.children))
        for c in verb.children)


_CONDITION_MARKS = frozenset({"if", "unless"})


def has_condition_mark(clause: Token) -> bool:
    """The clause is introduced by "if" or "unless"."""
    return any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in clause.children)


def open_condition(trigger: Token) -> Token | None:
    """The if/unless clause holding the trigger (or a clause above it) when what it
    conditions is still to come ("dharnas will be held if the administration arrests the
    sants"), or a condition told by inversion, contrary to fact ("had the police arrested the
    leaders, ..."): the act has not happened. A past condition of a past fact ("if a mob
    gheraoed the commissioner, the police were beaten") tells what happened; None then."""
    for tok in clause_chain(trigger):
        if tok.dep_ in ("advcl", "ccomp") and _inverted_condition(tok):
            return tok  # "had the police arrested them, ...": it did not happen
        if tok.dep_ != "advcl" or not has_condition_mark(tok):
            continue
        main = tok.head
        aux = {c.lower_ for c in main.children if c.dep_ in ("aux", "auxpass")}
        if main.tag_ in ("VBD", "VBN") and not aux & (
                _FUTURE_AUX | _HYPOTHETICAL_AUX | _OBLIGATION_AUX):
            continue
        return tok
    return None


def modality_of(trigger: Token, intent_lemmas: set[str]) -> Modality:
    """Future (intended), hypothetical, reported, or asserted."""
    chain = clause_chain(trigger)
    # "will meet and sign", "to plan and organise attacks": the auxiliary or the intention sits
    # on the first verb
    chain += [t.head for t in chain if t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX")]
    for tok in chain:
        aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if aux & _HYPOTHETICAL_AUX or has_condition_mark(tok):
            return "hypothetical"
        if (tok.dep_ == "advcl" and any(c.lower_ in _CONDITION_MARKS for c in tok.children)) \
                or (tok.dep_ in ("advcl", "ccomp") and _inverted_condition(tok)):
            return "hypothetical"
        if tok.i != trigger.i and tok.lemma_.lower() in _POSSIBILITY_NOUNS:
            return "hypothetical"  # "a possibility of the pontiff attending the meeting"
        if (aux & _FUTURE_AUX or ("going" in aux and tok.tag_ == "VB")) and not _today(tok):
            return "future"
        if tok.i != trigger.i and tok.lemma_.lower() in intent_lemmas:
            return "future"
    sentence = trigger.sent
    if any(t.lower_ in _REPORTED_ADVERBS for t in sentence) or "according to" in sentence.text.lower():
        return "reported"
    return "asserted"


#: Times that are the story's own day: what "will" happen then is the day's news ("will hold a
#: joint naval drill ... today, April 7th").
_TODAY = frozenset({"today", "tonight"})


def _today(verb: Token) -> bool:
    """The verb's clause says it happens on the story's day ("today", "tonight", "this
    morning")."""
    for c in verb.children:
        if c.dep_ in ("npadvmod", "advmod") and c.lower_ in _TODAY:
            return True
        if c.dep_ == "npadvmod" and c.lower_ in ("morning", "afternoon", "evening") and any(
                g.lower_ == "this" for g in c.children):
            return True
    return False


def _inverted_condition(verb: Token) -> bool:
    """"Had the police arrested the leaders, ...", "had they been able to win support": a
    condition told by putting its auxiliary before its subject (the parser may hang it as a
    complement: "the talks could have succeeded had Iran agreed")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")
           and c.lower_ in ("had", "were", "should")]
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(aux and subj) and aux[0].i < subj[0].i and not any(
        c.dep_ == "mark" for c in verb.children)


def obliged(trigger: Token) -> Token | None:
    """The verb that says the act must or should be done (the trigger's or one above it; an
    infinitive of purpose shares it: "should come forward to support us"), if any."""
    tok = trigger
    if tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        tok = tok.head
    for up in clause_chain(tok):
        if any(c.dep_ == "aux" and c.lower_ in _OBLIGATION_AUX for c in up.children):
            return up
    return None


def obligation_speaker(trigger: Token) -> Token | None:
    """For "A said B must/should do X", the reporting verb (A's); None when nothing obliges."""
    verb = obliged(trigger)
    if verb is not None and verb.dep_ == "ccomp" and verb.head.i != verb.i:
        return verb.head
    return None
