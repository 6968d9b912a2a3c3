"""The rule coder, the ``eventwire_events`` component: find triggers -> combine -> transform ->
participants -> report. (``pipeline.Coder`` runs the whole pipeline; this is one room of it.)

Reads: the dependency parse, ``doc._.actors``. Writes: ``doc._.triggers`` (every lexicon hit with
its final coding, including those absorbed by a governing trigger), ``doc._.candidates`` (every
argument structure found) and ``doc._.events`` (the candidates that have an actor). ``schema``
records are made from these later.

Combination rules, in order (each recorded in ``rule``):
1. A trigger governed by a *request*, *deny*, *threaten* or *intent* trigger ("urged X to release",
   "denies sending weapons", "agreed to boost trade") is absorbed: the governing verb is the event,
   and takes its mode (and a missing target) from the absorbed one. A governed event with its own
   explicit actor ("condemned Israel's strike") is kept as an event of its own.
2. Cooperation, aid or a retreat stated as intended or future becomes AGREE (the CAMEO-to-PLOVER
   table maps CAMEO 030-039, intent to cooperate, aid or yield, to AGREE).
3. A negated cooperative or verbal act is coded REJECT ("did not send weapons"), never the act;
   a negated use of force is not coded.
4. A trigger that reports no act is dropped, recorded as ``…:dropped`` (it still heads its
   sentence for ``_reported``): a question, an open or contrary-to-fact condition, what someone
   should do with no one demanding it, a warning that only foresees a state, a retort, a
   description, a refusal to comment.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice

from spacy.tokens import Doc, Token

from eventwire.actors.resolver import (
    ActorMatch,
    actor_for_token,
    is_counted,
    is_thing,
    noun_phrase,
)
from eventwire.events.arguments import (
    CIRCUMSTANCE_PREPS,
    CLAUSE_DEPS,
)
from eventwire.events.coding import EventCandidate, TriggerCoding
from eventwire.events.lexicon import (
    CONTAINER_NOUNS,
    Entry,
    Frame,
    Lexicon,
    object_predicate,
    reduced_passive,
)
from eventwire.events.modality import (
    clause_chain,
    is_negated,
    modality_of,
    obligation_speaker,
    obliged,
    open_condition,
)
from eventwire.events.participants import find_participants
from eventwire.ontology.plover import COOPERATIVE_TYPES, TYPE_INFO, governed_mode

#: What one declines to do when one declines to comment (with the speech verbs of the frames).
COMMENT_VERBS = frozenset({"comment", "speculate", "elaborate", "disclose", "reveal", "specify",
                           "identify", "name"})
_ABSORBING_FRAMES = {"request", "deny", "threaten", "intent", "permit"}
#: Frames whose governed event is the real one ("ordered an investigation", "called X to congratulate").
_YIELDING_FRAMES = {"cause", "purpose"}


#: Verbs of assurance: with a future clause they promise ("assured him that it would ...").
_PROMISE_VERBS = frozenset({"assure", "reassure", "guarantee"})
_FUTURE_WORDS = frozenset({"will", "would", "shall", "'ll"})


#: Acts of force and coercion, whose purpose clause says what kind of act they were.
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})


def _mode_from_inner(outer_type: str, inner: TriggerCoding) -> str | None:
    """The outer act's mode from the act it governs (``ontology.plover.GOVERNED_MODES``)."""
    return governed_mode(outer_type, inner.type, inner.mode, inner.context, inner.negated)


def _has_own_actor(token: Token) -> bool:
    """An event with its own named actor ("Israel's strike", "the Israeli strike", "Russia
    attacked") stands alone rather than being absorbed by the verb that governs it."""
    return any(
        c.dep_ in ("nsubj", "poss", "agent")
        or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("GPE", "NORP", "ORG"))
        for c in token.children
    )


#: Links inside a verb's phrase: object (or a passive's subject: "sanctions were imposed"),
#: prepositional object, coordinated, apposed or modifying noun ("fired tear gas and water
#: cannon", parsed with "gas" modifying "cannon").
_PHRASE_LINKS = {"dobj", "pobj", "prep", "conj", "appos", "compound", "attr", "npadvmod", "dative",
                 "nsubjpass", "nmod"}


def _phrase_verb(noun: Token) -> Token | None:
    """The verb whose phrase a noun sits in, if it is reached only through objects and
    prepositions that are not circumstances ("after the clashes" is another event)."""
    tok = noun
    for _ in range(5):
        if tok.dep_ not in _PHRASE_LINKS or tok.head.i == tok.i:
            return None
        if tok.dep_ == "prep" and tok.lower_ in CIRCUMSTANCE_PREPS:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _asks(token: Token) -> bool:
    """The trigger's sentence is a question (it ends with a question mark, perhaps inside a
    quotation). Read from the sentence's end: this runs once per trigger."""
    last = list(islice((t for t in reversed(token.sent) if not t.is_space), 2))
    return bool(last) and (last[0].text == "?" or (
        last[0].is_quote and len(last) > 1 and last[1].text == "?"))


def _is_modifier_noun(token: Token) -> bool:
    """An event noun that only describes another noun: "prisoners of war", "trade minister"
    (but attached to a noun that only holds an event -- "a mediation effort", "a round of
    talks", ``CONTAINER_NOUNS`` -- it is the event)."""
    head = token.head
    if token.dep_ == "compound":
        return head.lemma_.lower() not in CONTAINER_NOUNS
    return (token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN")
            and head.head.i != token.i and head.head.lemma_.lower() not in CONTAINER_NOUNS)


#: Agreements that stand as documents once made.
_DOCUMENTS = frozenset({"agreement", "deal", "accord", "pact", "treaty", "convention",
                        "protocol", "charter"})
#: Nouns of "in tune with", "in line with", "in accordance with", "according to".
_CONFORMING = frozenset({"tune", "line", "keeping", "accordance", "according", "pursuant",
                         "conformity", "compliance"})


def _cited_document(noun: Token) -> bool:
    """An agreement cited as the rule something follows ("under the 1960 treaty", "in line with
    the Paris agreement", "in tune with the WTO agreement"): a document, not an act now."""
    if noun.lemma_.lower() not in _DOCUMENTS or noun.dep_ != "pobj":
        return False
    prep = noun.head
    return prep.lower_ in ("under", "per") or (
        prep.lower_ in ("with", "to") and prep.head.lower_ in _CONFORMING)


class RuleCoder:
    """Finds triggers with the lexicon and turns them into event candidates."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.intent_lemmas = {k for k, v in lexicon.frames.items() if v == "intent"}

    def __call__(self, doc: Doc) -> Doc:
        in_actor = {t.i for span in doc._.actors if span._.actor.kind != "noun" for t in span}
        codings: dict[int, TriggerCoding] = {}
        for tok in doc:
            if tok.i in in_actor:
                continue
            entry = self.lexicon.match(tok)
            if entry is not None and entry.pos == "n" and (
                    _is_modifier_noun(tok) or _cited_document(tok)):
                continue
            if entry is not None:
                codings[tok.i] = self._code(tok, entry)
        self._combine(codings)
        for coding in codings.values():
            self._transform(coding)
        doc._.triggers = list(codings.values())
        candidates = [
            ev for c in codings.values() if c.absorbed_by is None and not c.dropped
            for ev in self._events(c)
        ]
        # PLOVER (like ICEWS and GDELT) requires an actor: a candidate with no source is kept for
        # classification (doc._.candidates) but is not an event.
        _earlier_acts_receive(candidates)
        doc._.candidates = candidates
        # An act found not to have happened (negated, conditional) or to be no event (talking
        # to reporters) still heads its sentence.
        heads = [c.token for c in codings.values() if c.absorbed_by is None and c.dropped]
        doc._.events = _reported(candidates, self.lexicon.frames, heads)
        return doc

    def _code(self, tok: Token, entry: Entry) -> TriggerCoding:
        return TriggerCoding(
            token=tok, entry=entry, type=entry.type, mode=entry.mode, context=entry.context,
            negated=is_negated(tok, self.intent_lemmas), modality=modality_of(tok, self.intent_lemmas),
            rule=[f"{'verb' if entry.pos == 'v' else 'noun'}:{entry.pattern}"],
            demanded_by=obligation_speaker(tok),
        )

    def _combine(self, codings: dict[int, TriggerCoding]) -> None:
        """Rule 1: a governing request/deny/threaten/intent trigger absorbs the one it governs."""
        for coding in codings.values():
            tok = coding.token
            outer_main = codings.get(tok.head.i)
            purpose = outer_main if (
                tok.dep_ in ("advcl", "xcomp") and outer_main is not None
                and outer_main.entry.frame is None
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)) else None
            if purpose is not None and coding.type in COOPERATIVE_TYPES \
                    and purpose.type in COOPERATIVE_TYPES:
                # "provided aid to support refugees": the purpose belongs to the main act.
                coding.absorbed_by = purpose.token.i
                purpose.rule.append(f"purpose:{coding.entry.pattern}")
                continue
            if purpose is not None and coding.type == purpose.type and coding.type in FORCE_TYPES:
                # "fired in the air to disperse a mob": one act of force, of the purpose's
                # kind (PLOVER: firing in the air is crowd control), against its target.
                self._absorb(purpose, coding)
                purpose.mode = coding.mode or purpose.mode
                purpose.rule.append(f"purpose:{coding.entry.pattern}")
                continue
            for up in clause_chain(tok)[1:]:
                outer = codings.get(up.i)
                if outer is None:
                    continue
                if tok.dep_ == "dobj" and tok.head.i == up.i and object_predicate(up) is not None:
                    break  # "called the protests treasonous": says what they were, no purpose
                if outer.entry.frame in _YIELDING_FRAMES and outer.absorbed_by is None:
                    outer.absorbed_by = tok.i
                    coding.via = outer.token
                    coding.rule.append(f"{outer.entry.frame}:{outer.entry.lemma}")
                    break
                absorbing = outer.entry.frame in _ABSORBING_FRAMES or (
                    outer.entry.pos == "v" and coding.entry.pos == "n" and tok.head.i == up.i
                )
                # The pattern's own object is the act whoever it names ("reaffirmed U.S. support").
                pattern_object = tok.lemma_.lower() in (outer.entry.objects or ())
                # A denied or requested act never happened, whoever it names as its actor
                # ("rejected Russia's proposal", "demanded a CBI probe": no probe yet).
                if absorbing and (pattern_object or not (
                        _has_own_actor(tok) and outer.entry.frame not in ("deny", "request"))):
                    outer.attributes.setdefault("governs", coding.type)
                    self._absorb(outer, coding)
                break
            if coding.absorbed_by is None and coding.entry.pos == "n" and not _has_own_actor(tok):
                # "will meet Hariri for talks", "filed a complaint over the attack", "provided
                # $340 million for assistance": an event noun in the verb trigger's own phrase is
                # its purpose or topic, not a second event.
                verb = _phrase_verb(tok)
                outer = codings.get(verb.i) if verb is not None else None
                # (A passive's subject only when it is the verb's own pattern object: "sanctions
                # were imposed", not "security measures have been undertaken".)
                own_object = tok.dep_ != "nsubjpass" or (
                    outer is not None and tok.lemma_.lower() in (outer.entry.objects or ()))
                if outer is not None and outer.entry.pos == "v" and outer.absorbed_by is None \
                        and outer.token.i != tok.i and own_object:
                    self._absorb(outer, coding)

    def _absorb(self, outer: TriggerCoding, inner: TriggerCoding) -> None:
        """``inner`` becomes part of ``outer``'s event, which may take its type, mode or context."""
        inner.absorbed_by = outer.token.i
        outer.inner.append(inner)
        if outer.type == "AGREE" and outer.entry.frame == "intent":
            if inner.type == "SUPPORT" and inner.entry.pos == "n":
                # "pledged support": voicing support is itself the act.
                outer.type, outer.mode = "SUPPORT", None
                outer.rule.append("intends:SUPPORT>SUPPORT")
            elif TYPE_INFO[inner.type].quad >= 3:
                outer.type = "THREATEN"
                outer.mode = _mode_from_inner("THREATEN", inner)
                outer.rule.append(f"intends:{inner.type}>THREATEN")
            else:
                outer.context = outer.context or inner.context
                outer.rule.append(f"intends:{inner.type}")
        elif outer.type == "REQUEST" and inner.type == "PROTEST" \
                and outer.token.lemma_.lower() == "call" and not _addressed(outer.token):
            # "gave a call to boycott the festival", "called for a general strike": a call to protest
            # made to no one in particular organises the protest (CAMEO 14), as "called a
            # strike" does.
            outer.type, outer.mode = "PROTEST", inner.mode
            outer.rule.append("calls:PROTEST")
        elif outer.type in ("REQUEST", "REJECT", "THREATEN"):
            outer.mode = outer.mode or _mode_from_inner(outer.type, inner)
            outer.context = outer.context or inner.context
            outer.rule.append(f"governs:{inner.type}")
        else:
            outer.context = outer.context or inner.context
            outer.rule.append(f"absorbs:{inner.entry.pattern}")

    def _transform(self, c: TriggerCoding) -> None:
        """Rules 2 to 5: intention, threats, obligations, negation; and declining to comment."""
        if c.entry.frame == "deny" and self._declines_comment(c.token):
            # "refused to comment", "declined to say whether": CAMEO 012 "decline comment", a
            # public statement, which PLOVER does not code (it is no REJECT of anyone).
            c.dropped = True
            c.rule.append("declines-comment:dropped")
            return
        if c.type == "THREATEN" and c.entry.pos == "v" and not c.entry.particle \
                and _foresees_a_state(c.token, self.lexicon):
            # "warned that the situation could explode", "warned that it would be dangerous
            # to alienate the Kurds": a pessimistic comment (CAMEO 012, a statement PLOVER
            # does not code), not a threat of the speaker's own act.
            c.dropped = True
            c.rule.append("pessimistic-comment:dropped")
            return
        if c.type == "ASSAULT" and c.entry.pos == "v" and _retorts(c.token):
            # 'shot back, "You sold the railways"', 'hit back: "The opposition is lying"': force
            # words for a reply in words (CAMEO 01, a statement).
            c.dropped = True
            c.rule.append("retort:dropped")
            return
        if self._weighed(c.token):
            # "The EU is weighing sanctions", "considering sending troops": a course weighed
            # is not taken, and no one was told of it (frames.tsv: plan).
            c.dropped = True
            c.rule.append("plan:dropped")
            return
        if self._habitual(c.token):
            # "The AU usually suspends the membership of countries ...": what an actor does as
            # a rule is no act of the story's days (frames.tsv: habitual).
            c.dropped = True
            c.rule.append("habitual:dropped")
            return
        if _asks(c.token):
            # "Will Premier Li attend the summit?": a question asserts no act.
            c.dropped = True
            c.rule.append("question:dropped")
            return
        if open_condition(c.token) is not None:
            # "... will be held if the administration arrested the sants": no arrest yet (the
            # warning is the event; its recipient is the condition's actor, see participants).
            c.dropped = True
            c.rule.append("conditional:dropped")
            return
        if reduced_passive(c.token) and c.token.head.dep_ == "attr":
            # "she is a sergeant posted at the airport": a participle on what someone is says
            # what they are, not what was done that day.
            c.dropped = True
            c.rule.append("description:dropped")
            return
        if c.demanded_by is not None and not c.negated:
            c.attributes["demanded"] = c.type
            c.rule.append(f"obligation:{c.type}>REQUEST")
            c.mode = _mode_from_inner("REQUEST", c)
            c.type = "REQUEST"
            return
        if obliged(c.token) is not None:
            # "the government should release the detainees", with no one found saying so:
            # what someone must or should do has not been done.
            c.dropped = True
            c.rule.append("obligation:dropped")
            return
        if c.negated:
            if TYPE_INFO[c.type].quad <= 3 and c.type not in ("REJECT",):
                c.attributes["denied"] = c.type
                c.rule.append(f"negated:{c.type}>REJECT")
                c.mode = _mode_from_inner("REJECT", c) if c.type != "REQUEST" else c.mode
                c.type = "REJECT"
            else:
                # A conflictual act that did not happen is nothing, nor is a rejection that
                # was not made ("did not oppose the bill").
                c.dropped = True
                c.rule.append("negated:dropped")
            return
        if c.entry.state and c.modality != "future" and c.absorbed_by is None:
            # "Ankara enjoys warm relations with Baku" states how things are; wanting closer
            # ties (future) or restoring them (a verb that absorbs the noun) is an act.
            c.dropped = True
            c.rule.append("state:dropped")
            return
        if c.type == "SUPPORT" and c.entry.lemma in _PROMISE_VERBS and any(
                ch.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in _FUTURE_WORDS
                                           for a in ch.children)
                for ch in c.token.children):
            # "assured Bhatt that the centre would sanction the funds": a promise (PLOVER
            # AGREE), not an expression of support.
            c.rule.append("promise:SUPPORT>AGREE")
            c.type, c.mode = "AGREE", None
            return
        if c.modality == "future" and TYPE_INFO[c.type].intent_is_agree:
            c.attributes["intended"] = c.type
            c.rule.append(f"future:{c.type}>AGREE")
            c.type, c.mode = "AGREE", None
        elif c.modality == "future" and (
                TYPE_INFO[c.type].quad == 4 or (c.type == "REJECT" and c.mode == "meet")):
            # A stated intention to use force, sanction, coerce or boycott is a threat.
            c.attributes["intended"] = c.type
            c.rule.append(f"future:{c.type}>THREATEN")
            c.mode = _mode_from_inner("THREATEN", c)
            c.type = "THREATEN"

    def _weighed(self, token: Token) -> bool:
        """The act is the object or complement of a verb of weighing (``plan`` frames)."""
        return any(self.lexicon.frames.get(up.lemma_.lower()) == "plan"
                   for up in clause_chain(token)[1:3])

    def _habitual(self, token: Token) -> bool:
        """A present-tense act told with an adverb of habit ("usually", "typically"), or
        told inside what such an act is about ("usually suspends countries where the
        military ousts a government")."""
        tok = token
        for _ in range(6):
            if tok.pos_ in ("VERB", "AUX") and tok.tag_ in ("VBZ", "VBP") and any(
                    c.dep_ == "advmod" and self.lexicon.frames.get(c.lower_) == "habitual"
                    for c in tok.children):
                return True
            if tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    def _declines_comment(self, token: Token) -> bool:
        return any(c.dep_ == "xcomp" and (c.lemma_.lower() in COMMENT_VERBS
                                          or self.lexicon.frames.get(c.lemma_.lower()) == "speech")
                   for c in token.children)

    def _events(self, c: TriggerCoding) -> list[EventCandidate]:
        """The candidates of one trigger: its argument slots, then the participant strategies
        in order (``participants.STRATEGIES``), then one candidate per pair of actors."""
        found = find_participants(c, self.lexicon)
        if found is None:
            return []
        return [EventCandidate(c, src, tgt, tuple(found.args.how), confidence, certainty)
                for src, tgt, confidence, certainty in found.pairs()]


#: Determiners that point back to an act told before ("condemned the strikes").
_POINTING_BACK = frozenset({"the", "this", "these", "that", "those"})


def _earlier_acts_receive(candidates: list[EventCandidate]) -> None:
    """"Israeli warplanes struck villages ... Mikati condemned the strikes": an act whose object
    is an act told before ("the strikes", no actor of its own) is aimed at that act's actor:
    the last candidate before it of the same word, else of the same type, whose actor is not
    this act's own. Marked in ``rule`` (``recipient:earlier-act``); the confidence drops."""
    for n, ev in enumerate(candidates):
        c = ev.trigger
        if ev.source is None or (ev.target is not None and not is_thing(ev.target)):
            continue
        for inner in c.inner:
            tok = inner.token
            if inner.entry.pos != "n" or _has_own_actor(tok) or not any(
                    ch.dep_ == "det" and ch.lower_ in _POINTING_BACK for ch in tok.children):
                continue
            earlier = [e for e in candidates[:n] if e.source is not None
                       and e.trigger.token.i < tok.i and e.source.info != ev.source.info]
            lemma = tok.lemma_.lower()
            same = [e for e in earlier if e.trigger.token.lemma_.lower() == lemma] or [
                e for e in earlier if e.trigger.type == inner.type]
            actor = same[-1].source if same else None
            if actor is None:
                continue
            ev.target = ActorMatch(noun_phrase(tok), actor.info)
            ev.confidence = round(ev.confidence - 0.1, 2)
            ev.actor_certainty = round(ev.actor_certainty - 0.1, 2)
            if "recipient:earlier-act" not in c.rule:
                c.rule.append("recipient:earlier-act")
            break


def clause_depth(token: Token, frames: dict[str, Frame]) -> int:
    """How many clause boundaries lie between a trigger and its sentence root. A clause reported
    by a plain speech verb ("Turkey says it wants ...") is not subordinate: the speech verb is
    no event, what it reports is. A circumstance ("after the clashes") is a boundary too."""
    depth, tok = 0, token
    while tok.head.i != tok.i:
        if tok.dep_ in CLAUSE_DEPS and tok.pos_ in ("VERB", "AUX") and not (
                tok.dep_ == "ccomp" and frames.get(tok.head.lemma_.lower()) == "speech") \
                and not (tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX")):
            depth += 1
        elif tok.dep_ == "prep" and tok.lower_ in CIRCUMSTANCE_PREPS:
            depth += 1  # "arrested journalists during a demonstration": background, not the act
        tok = tok.head
    return depth


#: Subordinators under which a participle still reports an act ("while visiting Kabul, ...").
_ASSERTING_MARKS = frozenset({"while", "after", "when", "upon", "on"})


def _participial_adjunct(token: Token) -> bool:
    """"Criticising Japan for its whaling, Australia recalled its envoy": a gerund adjunct
    of the main verb is an act of the main verb's subject, told as a fact (not "if attacked")."""
    return token.dep_ == "advcl" and token.tag_ == "VBG" and all(
        c.lower_ in _ASSERTING_MARKS for c in token.children if c.dep_ == "mark")


def _adds_an_act(ev: EventCandidate, types: dict[int, str]) -> bool:
    """A participle after an act tells more of that act ("stormed the post, killing five";
    "rejected the decision, calling it dangerous"); before it, or after a verb that is no act
    ("spoke to reporters, accusing Uganda"), it is an act of its own, unless it is the same
    kind of act told twice. ``types``: the event type of each trigger token."""
    token = ev.trigger.token
    head_type = types.get(token.head.i)
    if token.i > token.head.i:
        return head_type is None
    return head_type != ev.trigger.type


#: Strategies that find the source in the event's own clause ("injured in police firing"; "the
#: 51 people arrested on Friday": the police, implied by the act itself).
_LOCAL_SOURCE_RULES = {"source:agent-of-cause", "source:agent-of-clause", "source:implied-police",
                       "source:implied-government"}


def _reported(candidates: list[EventCandidate], frames: dict[str, Frame],
              heads: Sequence[Token] = ()) -> list[EventCandidate]:
    """The candidates reported as events: those with an actor, in a sentence's main clause, and
    in a subordinate clause only when they name their own actor and a real recipient ("X said Y
    attacked Z" gives Y->Z). Subordinate events otherwise inherit their actors through long
    dependency chains, where most coding errors are, so they stay candidates (used for
    classification) rather than events. ``heads``: triggers found to be no event (it did not
    happen; talking to reporters), which outrank their subordinates all the same ("sena did not
    wish to oppose the bandh")."""
    with_actor = [c for c in candidates if c.source is not None]
    depth = {id(c): clause_depth(c.trigger.token, frames) for c in candidates}
    main: dict[int, int] = {}
    for token, d in [*((c.trigger.token, depth[id(c)]) for c in candidates),
                     *((t, clause_depth(t, frames)) for t in heads)]:
        sent = token.sent.start
        main[sent] = min(main.get(sent, d), d)
    types = {c.trigger.token.i: c.trigger.type for c in candidates}
    out = []
    for ev in with_actor:
        if depth[id(ev)] > main[ev.trigger.token.sent.start]:
            # A verb coordinated with the main one shares its subject directly ("condemned the
            # tariffs and accused Washington"): that counts as naming its own actor.
            own_actor = (bool(ev.arg_how) and ev.arg_how[0] in (
                "nsubj", "agent", "noun-modifier", "between", "conj>nsubj", "object-control")
            ) or bool(_LOCAL_SOURCE_RULES & set(ev.trigger.rule)) or (
                bool(ev.arg_how) and ev.arg_how[0] == "control>nsubj"
                and _participial_adjunct(ev.trigger.token)
                and _adds_an_act(ev, types))
            named = ev.target is not None and not ev.trigger.clause_recipient and (
                not is_thing(ev.target) or is_counted(ev.target))
            # "in Bouake, where police opened fire": a relative clause with its own subject is
            # told as fact, so its act needs no recipient to be reported.
            named = named or (ev.arg_how[:1] == ("nsubj",) and ev.trigger.token.dep_ == "relcl")
            if not (own_actor and named):
                continue
        out.append(ev)
    return out


def _retorts(verb: Token) -> bool:
    """"shot back, '...'": a verb with "back" that introduces the words said."""
    if not any(c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in verb.children):
        return False
    after = [t for t in verb.doc[verb.i + 1:verb.i + 5] if t.lower_ != "back"]
    return any(t.is_quote or t.text == ":" for t in after[:3])


def _foresees_a_state(verb: Token, lexicon: Lexicon) -> bool:
    """The verb's clause foresees how things will be, with no one to act and no act: its
    subject is "it" or "there" before a form of "be", or names neither an actor nor an act
    ("the situation could explode"; not "demonstrations will be held")."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or lexicon.match(clause) is not None:
            continue
        for subj in clause.children:
            if subj.dep_ not in ("nsubj", "nsubjpass", "expl"):
                continue
            if subj.lower_ in ("it", "there"):
                return clause.lemma_.lower() == "be"
            return subj.pos_ == "NOUN" and actor_for_token(subj) is None \
                and lexicon.match(subj) is None and subj.lower_ not in lexicon.nouns
    return False


def _addressed(call: Token) -> bool:
    """A call made to someone: "called on the unions to strike", "a call to the people to
    boycott" (an object, or an "on"/"upon"/"to" phrase naming a noun)."""
    for child in call.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return True
        if child.dep_ in ("prep", "prt") and child.lower_ in ("on", "upon", "to") and any(
                g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN", "PRON") for g in child.children):
            return True
    return False

