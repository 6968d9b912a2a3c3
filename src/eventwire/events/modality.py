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
_REPORTED_ADVERBS = {"reportedly", "allegedly", "purportedly", "apparently", "supposedly"}
#: Verbs that, governing an event, say it did not happen ("failed to reach a deal").
_FAILURE_VERBS = {"fail", "refrain", "stop", "cease", "avoid"}


def clause_chain(token: Token) -> list[Token]:
    """The token and the verbs above it through complement clauses (xcomp, ccomp, conj)."""
    chain = [token]
    tok = token
    while tok.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl") \
            and tok.head.i != tok.i and len(chain) < 6:
        tok = tok.head
        chain.append(tok)
    return chain


def is_negated(trigger: Token) -> bool:
    """The trigger itself is negated ("did not send", "no talks", "failed to agree")."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in trigger.children):
        return True
    # "not a single activist has been arrested", "none of them was detained"
    if any(c.dep_ in ("nsubjpass", "nsubj", "dobj") and (
            c.lower_ in _NONE_WORDS or any(g.lower_ in ("not", "no") and g.i < c.i
                                           for g in c.children))
           for c in trigger.children):
        return True
    head = trigger.head
    if trigger.dep_ == "xcomp" and head.lemma_.lower() in _FAILURE_VERBS:
        return True
    # "refrained from holding rallies", "stopped short of imposing sanctions"
    if trigger.dep_ == "pcomp" and head.lower_ in ("from", "of") \
            and head.head.lemma_.lower() in _FAILURE_VERBS:
        return True
    # A noun event inherits the negation of its light verb ("did not hold talks").
    return trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubjpass") and any(
        c.dep_ == "neg" for c in head.children
    )


def modality_of(trigger: Token, intent_lemmas: set[str]) -> Modality:
    """Future (intended), hypothetical, reported, or asserted."""
    chain = clause_chain(trigger)
    if trigger.dep_ == "conj":  # "will meet and sign": the auxiliary sits on the first verb
        chain.append(trigger.head)
    for tok in chain:
        aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if aux & _HYPOTHETICAL_AUX or any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children
        ):
            return "hypothetical"
        if tok.dep_ == "advcl" and any(c.lower_ in ("if", "unless") for c in tok.children):
            return "hypothetical"
        if aux & _FUTURE_AUX or ("going" in aux and tok.tag_ == "VB"):
            return "future"
        if tok.i != trigger.i and tok.lemma_.lower() in intent_lemmas:
            return "future"
    sentence = trigger.sent
    if any(t.lower_ in _REPORTED_ADVERBS for t in sentence) or "according to" in sentence.text.lower():
        return "reported"
    return "asserted"


def obligation_speaker(trigger: Token) -> Token | None:
    """For "A said B must/should do X", the reporting verb (A's); None when nothing obliges."""
    chain = clause_chain(trigger)
    for tok in chain:
        if any(c.dep_ == "aux" and c.lower_ in _OBLIGATION_AUX for c in tok.children):
            if tok.dep_ == "ccomp" and tok.head.i != tok.i:
                return tok.head
            return None
    return None
