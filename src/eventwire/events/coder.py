"""The ``eventwire_events`` component: triggers -> combination rules -> coded event candidates.

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
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from eventwire.actors.gazetteer import ActorInfo
from eventwire.actors.resolver import (
    ActorMatch,
    actor_for_token,
    coordinated_antecedents,
    is_thing,
    joint_modifiers,
    recipient_for_token,
)
from eventwire.events.arguments import (
    CIRCUMSTANCE_PREPS,
    FORCE_PLACE_PREPS,
    Arguments,
    clause_participants,
    is_passive,
    noun_arguments,
    place_objects,
    prep_objects,
    subject_of,
    verb_arguments,
)
from eventwire.events.lexicon import Entry, Frame, Lexicon
from eventwire.events.modality import (
    clause_chain,
    is_negated,
    modality_of,
    obligation_speaker,
)
from eventwire.ontology.plover import CONCESSION_TYPES, COOPERATIVE_TYPES, TYPE_INFO
from eventwire.schema import Modality

_ABSORBING_FRAMES = {"request", "deny", "threaten", "intent", "permit"}
#: Frames whose governed event is the real one ("ordered an investigation", "called X to congratulate").
_YIELDING_FRAMES = {"cause", "purpose"}


@dataclass
class TriggerCoding:
    """One lexicon hit and what the rules made of it."""

    token: Token
    entry: Entry
    type: str
    mode: str | None
    context: str | None
    negated: bool
    modality: Modality
    rule: list[str] = field(default_factory=list)
    absorbed_by: int | None = None  # token index of the governing trigger
    via: Token | None = None  # the cause/purpose verb this event was reported through
    demanded_by: Token | None = None  # "A said B must X": A's reporting verb (X becomes a REQUEST)
    inner: list[TriggerCoding] = field(default_factory=list)  # events this one absorbed
    attributes: dict[str, Any] = field(default_factory=dict)
    dropped: bool = False  # e.g. a negated use of force

    @property
    def span(self) -> Span:
        """The trigger words: the head plus a pattern's particle or preceding noun."""
        tok = self.token
        doc = tok.doc
        start, end = tok.i, tok.i + 1
        if self.entry.before and tok.i > 0:
            start = tok.i - 1
        if self.entry.particle:
            for child in tok.rights:
                if child.lower_ in self.entry.particle.split() and child.i - end < 3:
                    end = child.i + 1
        return doc[start:end]


@dataclass
class EventCandidate:
    """An event found in a Doc, before it becomes a ``schema.Event``."""

    trigger: TriggerCoding
    source: ActorMatch | None
    target: ActorMatch | None
    arg_rule: str
    confidence: float  # the rule layer's: the pattern's certainty less the actors' doubt
    actor_certainty: float = 1.0  # 1.0 less the doubt about the actors (missing, last-resort)


def _mode_from_inner(outer_type: str, inner: TriggerCoding) -> str | None:
    if outer_type in ("REQUEST", "REJECT"):
        if inner.type in ("AID", "COOPERATE", "SUPPORT"):
            return "assist"
        if inner.type in ("CONSULT", "AGREE"):
            return "meet"
        if inner.type in CONCESSION_TYPES or (inner.type == "SANCTION" and inner.negated):
            return "yield"
        return "change"
    if outer_type == "THREATEN":
        if inner.type == "ASSAULT":
            return "territory" if inner.context == "territory" else "violence"
        if inner.type == "COERCE":
            return {"arrest": "arrest", "deport": "expel"}.get(inner.mode or "", "restrict")
        if inner.type == "SANCTION":
            return "expel" if inner.mode == "expel" else "relations"
        if inner.type == "PROTEST":
            return "restrict"
    return None


def _has_own_actor(token: Token) -> bool:
    """An event with its own named actor ("Israel's strike", "the Israeli strike", "Russia
    attacked") stands alone rather than being absorbed by the verb that governs it."""
    return any(
        c.dep_ in ("nsubj", "poss", "agent")
        or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("GPE", "NORP", "ORG"))
        for c in token.children
    )


#: Links inside a verb's phrase: object, prepositional object, coordinated or apposed noun.
_PHRASE_LINKS = {"dobj", "pobj", "prep", "conj", "appos", "compound", "attr", "npadvmod", "dative"}


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


#: Nouns that only hold an event ("a mediation effort", "a round of talks", "peacekeeping
#: operations"): an event noun attached to them is the event, not a modifier.
CONTAINER_NOUNS = {"effort", "campaign", "operation", "mission", "initiative", "round",
                   "series", "wave", "spate"}


def _is_modifier_noun(token: Token) -> bool:
    """An event noun that only describes another noun: "prisoners of war", "trade minister"."""
    head = token.head
    if token.dep_ == "compound":
        return head.lemma_.lower() not in CONTAINER_NOUNS
    return (token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN")
            and head.head.i != token.i and head.head.lemma_.lower() not in CONTAINER_NOUNS)


def _mutual(event_type: str, sources: list[ActorMatch], targets: list[ActorMatch]) -> bool:
    """Two parties to a mutual act with no recipient of their own act towards each other (also
    when the act is denied: "X and Y failed to reach agreement" is a mutual rejection). A thing
    attacked, rejected or backed is a recipient; what the parties share ("signed a deal", "held
    talks") is not (``TypeInfo.reciprocal``, ``mutual_over_things``)."""
    info = TYPE_INFO[event_type]
    return len(sources) == 2 and info.reciprocal and (
        not targets or (all(is_thing(t) for t in targets) and info.mutual_over_things))


#: Sectors whose members act collectively in public (their "protest" is a demonstration).
PUBLIC_SECTORS = {"CVL", "OPP", "REF", "NGO", "BUS", "LAB", "EDU", "AGR", "JRN"}


class EventCoder:
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
            if entry is not None and entry.pos == "n" and _is_modifier_noun(tok):
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
        doc._.candidates = candidates
        doc._.events = _reported(candidates, self.lexicon.frames)
        return doc

    def _code(self, tok: Token, entry: Entry) -> TriggerCoding:
        return TriggerCoding(
            token=tok, entry=entry, type=entry.type, mode=entry.mode, context=entry.context,
            negated=is_negated(tok), modality=modality_of(tok, self.intent_lemmas),
            rule=[f"{'verb' if entry.pos == 'v' else 'noun'}:{entry.pattern}"],
            demanded_by=obligation_speaker(tok),
        )

    def _combine(self, codings: dict[int, TriggerCoding]) -> None:
        """Rule 1: a governing request/deny/threaten/intent trigger absorbs the one it governs."""
        for coding in codings.values():
            tok = coding.token
            outer_main = codings.get(tok.head.i)
            if (tok.dep_ in ("advcl", "xcomp") and outer_main is not None
                    and outer_main.entry.frame is None
                    and coding.type in COOPERATIVE_TYPES and outer_main.type in COOPERATIVE_TYPES
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
                # "provided aid to support refugees": the purpose belongs to the main act.
                coding.absorbed_by = outer_main.token.i
                outer_main.rule.append(f"purpose:{coding.entry.pattern}")
                continue
            for up in clause_chain(tok)[1:]:
                outer = codings.get(up.i)
                if outer is None:
                    continue
                if outer.entry.frame in _YIELDING_FRAMES and outer.absorbed_by is None:
                    outer.absorbed_by = tok.i
                    coding.via = outer.token
                    coding.rule.append(f"{outer.entry.frame}:{outer.entry.lemma}")
                    break
                absorbing = outer.entry.frame in _ABSORBING_FRAMES or (
                    outer.entry.pos == "v" and coding.entry.pos == "n" and tok.head.i == up.i
                )
                if absorbing and not (_has_own_actor(tok) and outer.entry.frame != "deny"):
                    outer.attributes.setdefault("governs", coding.type)
                    self._absorb(outer, coding)
                break
            if coding.absorbed_by is None and coding.entry.pos == "n" and not _has_own_actor(tok):
                # "will meet Hariri for talks", "filed a complaint over the attack", "provided
                # $340 million for assistance": an event noun in the verb trigger's own phrase is
                # its purpose or topic, not a second event.
                verb = _phrase_verb(tok)
                outer = codings.get(verb.i) if verb is not None else None
                if outer is not None and outer.entry.pos == "v" and outer.absorbed_by is None \
                        and outer.token.i != tok.i:
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
        elif outer.type in ("REQUEST", "REJECT", "THREATEN"):
            outer.mode = outer.mode or _mode_from_inner(outer.type, inner)
            outer.context = outer.context or inner.context
            outer.rule.append(f"governs:{inner.type}")
        else:
            outer.context = outer.context or inner.context
            outer.rule.append(f"absorbs:{inner.entry.pattern}")

    def _transform(self, c: TriggerCoding) -> None:
        """Rules 2 to 5: intention, threats, obligations, negation."""
        if c.demanded_by is not None and not c.negated:
            c.attributes["demanded"] = c.type
            c.rule.append(f"obligation:{c.type}>REQUEST")
            c.mode = _mode_from_inner("REQUEST", c)
            c.type = "REQUEST"
            return
        if c.negated:
            if TYPE_INFO[c.type].quad <= 3 and c.type not in ("REJECT",):
                c.attributes["denied"] = c.type
                c.rule.append(f"negated:{c.type}>REJECT")
                c.mode = _mode_from_inner("REJECT", c) if c.type != "REQUEST" else c.mode
                c.type = "REJECT"
            elif c.type != "REJECT":
                c.dropped = True
                c.rule.append("negated:dropped")
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

    def _events(self, c: TriggerCoding) -> list[EventCandidate]:
        tok = c.token
        args: Arguments = (
            verb_arguments(tok, c.entry, self.lexicon.visitor_nouns) if c.entry.pos == "v"
            else noun_arguments(tok, c.entry)
        )
        sources = [m for s in _resolve(args.sources, exclude=set()) for m in joint_modifiers(s)]
        if len(sources) == 1 and len(args.sources) == 1:
            pair = coordinated_antecedents(args.sources[0])
            if pair:  # "both sides agreed": each of the two named before
                sources = pair
        taken = {t.i for s in sources for t in s.span}
        targets = best_recipients(_resolve(args.targets, exclude=taken | {tok.i}, recipient=True))
        if TYPE_INFO[c.type].transfer and c.entry.pos == "v" and all(is_thing(t) for t in targets):
            # What is given is no recipient: "returned the artefacts to Iraq", "provided
            # ammunition alongside assistance to Turkey" -- the "to" phrase in the clause is.
            goal = _resolve(_goal_objects(tok), exclude=taken | {tok.i}, recipient=True)
            if goal:
                targets = best_recipients(goal)
                c.rule.append("recipient:goal")
        if not targets:
            places = _resolve(args.places, exclude=taken | {tok.i})
            targets = best_recipients([p for p in places if p.info.country or p.info.kind == "ner"])
        if c.via is not None and (not targets or not sources):
            # "called Morrison to congratulate him": the call's object is the recipient.
            outer = self.lexicon.match(c.via)
            if outer is not None:
                more = verb_arguments(c.via, outer, self.lexicon.visitor_nouns)
                sources = sources or _resolve(more.sources, exclude=set())
                taken = {t.i for s in sources for t in s.span}
                targets = targets or _resolve(more.targets, exclude=taken | {tok.i},
                                              recipient=True)
        if not targets or all(is_thing(t) for t in targets):
            people = _person_objects(args.objects, exclude=taken | {tok.i})
            if people:
                targets = people
                c.rule.append("recipient:object")
        if not sources and TYPE_INFO[c.type].state_act and c.entry.pos == "v" and is_passive(tok):
            sources = _state_of_place(tok)
            if sources:
                c.rule.append("source:state-of-place")
        if not sources and not targets:
            return []
        if not targets or all(is_thing(t) for t in targets):
            # The recipient of an absorbed act is the recipient: "refused to allow flights out of
            # Afghanistan", "demanded that the government resign" (its actor receives the demand).
            taken = {t.i for s in sources for t in s.span}
            for inner in c.inner:
                inner_args = (verb_arguments(inner.token, inner.entry,
                                                 self.lexicon.visitor_nouns) if inner.entry.pos == "v"
                              else noun_arguments(inner.token, inner.entry))
                found = _resolve(inner_args.targets, exclude=taken | {tok.i}, recipient=True)
                found = [t for t in found if not is_thing(t)] or found
                others = [s for s in _resolve(inner_args.sources, exclude=taken)
                          if inner.entry.frame is None]
                better = others or found
                if better and (not targets or not all(is_thing(b) for b in better)):
                    targets = better
                    c.rule.append("recipient-from:" + inner.entry.pattern)
                    break
        if sources and all(is_thing(t) for t in targets) and not _mutual(
                c.attributes.get("denied", c.type), sources, targets):
            # A human coder names a recipient even when no argument slot holds one, or only a
            # thing ("suspended aid deliveries in Borno State"): the nearest actor in the clause
            # ("demanded that Dbeibeh appear", "a ceasefire in Tripoli"). A thing acted upon
            # is kept over actors in other clauses ("rejected the results, claiming the agency
            # rigged the vote"). Two parties to a mutual act are each other's recipients (below).
            near = _clause_recipients(tok, sources, own_clause=bool(targets))
            if near:
                targets = near
                c.rule.append("recipient:clause")
        if c.demanded_by is not None and c.type == "REQUEST" and c.entry.type != "REQUEST":
            # "A said B must X": A requests X of B.
            speakers, _ = subject_of(c.demanded_by)
            demanders = _resolve(speakers, exclude=set())
            if demanders:
                sources, targets = demanders, sources or targets
        if c.type == "MOBILIZE" and any(t.lemma_.lower().startswith("peacekeep")
                                        for t in tok.sent):
            # Forces sent to keep the peace are aid (PLOVER: military protection, peacekeeping).
            c.type, c.mode, c.context = "AID", None, "peacekeeping"
            c.rule.append("peacekeeping:MOBILIZE>AID")
        if c.entry.type in FORCE_PLACE_PREPS and c.entry.pos == "v":
            sources, targets = _forces_are_the_actor(sources, targets)
            if not targets:
                taken = {t.i for s in sources for t in s.span}
                targets = _resolve(place_objects(tok, c.entry.type), exclude=taken)
        public = self.lexicon.public_alternative(c.entry)
        if public is not None and c.type == c.entry.type and sources and all(
                s.info.sector in PUBLIC_SECTORS for s in sources):
            c.type, c.mode = public.type, public.mode
            c.rule.append(f"public-actor>{public.type}")
        pairs: list[tuple[ActorMatch | None, ActorMatch | None]]
        reciprocal = _mutual(c.attributes.get("denied", c.type), sources, targets) or (
            c.entry.mutual and len(sources) == 2)
        if reciprocal:
            # "Turkey and Pakistan agreed": one event with both parties (PLOVER codes all
            # participants of a mutual act together), marked reciprocal; dyad counts are
            # undirected, so it is counted once.
            pairs = [(sources[0], sources[1])]
            c.attributes["reciprocal"] = True
        else:
            src_options: list[ActorMatch | None] = list(sources) or [None]
            tgt_options: list[ActorMatch | None] = list(targets) or [None]
            pairs = list(itertools.product(src_options, tgt_options))
        base = 0.85 if c.entry.objects else 0.75 if c.entry.pos == "v" else 0.65
        # Actors found by the last-resort rules are less certain than argument slots.
        inferred = any(r in c.rule for r in ("recipient:clause", "source:state-of-place"))
        out = []
        for src, tgt in pairs:
            if src is not None and tgt is not None and src.span.start == tgt.span.start \
                    and src.info == tgt.info:
                continue
            certainty = 1.0 - (0.2 if src is None else 0.0) - (0.1 if tgt is None else 0.0) \
                - (0.1 if inferred else 0.0)
            out.append(EventCandidate(c, src, tgt, "+".join(args.how) or "-",
                                      round(base - (1.0 - certainty), 2), round(certainty, 2)))
        return out


#: Dependency labels that open a subordinate clause.
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "xcomp", "pcomp", "csubj", "conj", "parataxis"}


def clause_depth(token: Token, frames: dict[str, Frame]) -> int:
    """How many clause boundaries lie between a trigger and its sentence root. A clause reported
    by a plain speech verb ("Turkey says it wants ...") is not subordinate: the speech verb is
    no event, what it reports is. A circumstance ("after the clashes") is a boundary too."""
    depth, tok = 0, token
    while tok.head.i != tok.i:
        if tok.dep_ in _CLAUSE_DEPS and tok.pos_ in ("VERB", "AUX") and not (
                tok.dep_ == "ccomp" and frames.get(tok.head.lemma_.lower()) == "speech"):
            depth += 1
        elif tok.dep_ == "prep" and tok.lower_ in CIRCUMSTANCE_PREPS:
            depth += 1  # "arrested journalists during a demonstration": background, not the act
        tok = tok.head
    return depth


def _reported(candidates: list[EventCandidate], frames: dict[str, Frame]) -> list[EventCandidate]:
    """The candidates reported as events: those with an actor, in a sentence's main clause, and
    in a subordinate clause only when they name their own actor and a real recipient ("X said Y
    attacked Z" gives Y->Z). Subordinate events otherwise inherit their actors through long
    dependency chains, where most coding errors are, so they stay candidates (used for
    classification) rather than events."""
    with_actor = [c for c in candidates if c.source is not None]
    depth = {id(c): clause_depth(c.trigger.token, frames) for c in candidates}
    main: dict[int, int] = {}
    for c in candidates:  # a main act whose actor is unknown still outranks its subordinates
        sent = c.trigger.token.sent.start
        main[sent] = min(main.get(sent, depth[id(c)]), depth[id(c)])
    out = []
    for ev in with_actor:
        if depth[id(ev)] > main[ev.trigger.token.sent.start]:
            # A verb coordinated with the main one shares its subject directly ("condemned the
            # tariffs and accused Washington"): that counts as naming its own actor.
            own_actor = ev.arg_rule.split("+")[0] in ("nsubj", "agent", "noun-modifier", "between",
                                                      "conj>nsubj")
            named = ev.target is not None and not is_thing(ev.target) \
                and "recipient:clause" not in ev.trigger.rule
            if not (own_actor and named):
                continue
        out.append(ev)
    return out


def _forces_are_the_actor(sources: list[ActorMatch], targets: list[ActorMatch]
                         ) -> tuple[list[ActorMatch], list[ActorMatch]]:
    """When forces move (MOBILIZE, RETREAT) the object is the force ("deployed troops", "withdrew
    its troops"), not a recipient; with no other actor named, the forces themselves are the actor
    ("warships were deployed")."""
    forces = [t for t in targets if t.info.sector == "MIL"]
    rest = [t for t in targets if t.info.sector != "MIL"]
    if not sources:
        return forces[:1], rest
    return sources, rest


def _person_objects(objects: list[Token], exclude: set[int]) -> list[ActorMatch]:
    """"expelled a Bulgarian diplomat", "summoned the ambassador": a pattern's own object that
    is a person receives the act (forces moved are handled by ``_forces_are_the_actor``)."""
    people = [m for m in _resolve(objects, exclude=exclude)
              if not is_thing(m) and m.info.sector != "MIL"]
    return best_recipients(people)


def _state_of_place(verb: Token) -> list[ActorMatch]:
    """"was arrested in Niger", "were expelled from North Korea": with no agent named, coders
    take the state where the act happened as its actor."""
    places = _resolve(prep_objects(verb, {"in", "from"}, set()), exclude={verb.i})
    states = [m for m in places if m.info.country and m.info.kind in ("country", "capital")]
    if not states:
        return []
    info = states[0].info
    return [ActorMatch(states[0].span, ActorInfo(info.kind, info.country, "GOV", info.name))]


def _clause_recipients(trigger: Token, sources: list[ActorMatch], own_clause: bool
                       ) -> list[ActorMatch]:
    """The nearest actors among the noun-phrase heads of the trigger's clause, outside the
    source's phrase (see ``arguments.clause_participants``)."""
    taken = {t.i for s in sources for t in s.span}
    heads = clause_participants(trigger, taken, own_clause=own_clause)
    return best_recipients([m for m in _resolve(heads, exclude=taken | {trigger.i})
                            if not is_thing(m)])


def _goal_objects(verb: Token) -> list[Token]:
    """Objects of "to"/"into" anywhere in the verb's clause, nearest first (not inside another
    clause)."""
    out = []
    for tok in verb.subtree:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "into") and tok.head.dep_ in (
                "prep", "dative"):
            up = tok.head.head
            while up.i != verb.i and up.dep_ not in _CLAUSE_DEPS and up.head.i != up.i:
                up = up.head
            if up.i == verb.i:
                out.append(tok)
    return sorted(out, key=lambda t: abs(t.i - verb.i))


def best_recipients(found: list[ActorMatch]) -> list[ActorMatch]:
    """The first recipient that is an actor (else the first thing), with the recipients
    coordinated with it ("expelled diplomats from Poland, Germany and Sweden")."""
    if not found:
        return []
    actors = [m for m in found if not is_thing(m)]
    first = (actors or found)[0]
    group = {first.span.root.i} | {t.i for t in first.span.root.conjuncts}
    return [m for m in (actors or found) if m.span.root.i in group]


def _resolve(tokens: list[Token], exclude: set[int], recipient: bool = False) -> list[ActorMatch]:
    out: list[ActorMatch] = []
    seen: set[int] = set()
    for tok in tokens:
        if tok.i in exclude:
            continue
        match = recipient_for_token(tok) if recipient else actor_for_token(tok)
        if match is None or match.span.start in seen or any(t.i in exclude for t in match.span):
            continue
        seen.add(match.span.start)
        out.append(match)
    return out
