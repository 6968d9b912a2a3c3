"""Who did it to whom: an event's participants from its argument slots, then the strategies that
fill in what the slots leave open, in a fixed order (``STRATEGIES``).

Each strategy is a small named function over one ``Participants`` state. It may set the sources
or the recipients, and a few change the type where the participants decide it (forces sent to
keep the peace are AID; the public's "strike" is a PROTEST). Each records what it did in the
coding's ``rule`` and, where the decision is weaker than an argument slot, in
``Participants.inferred`` (which lowers the event's confidence). To add a strategy, write the
function and put it in ``STRATEGIES`` where it belongs (the behaviour tests in
tests/events/test_rules.py depend on the order).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from eventwire.actors.gazetteer import ActorInfo
from eventwire.actors.resolver import (
    ActorMatch,
    actor_for_token,
    coordinated_antecedents,
    is_counted,
    is_thing,
    joint_modifiers,
    recipient_for_token,
)
from eventwire.events.arguments import (
    CLAUSE_DEPS,
    FORCE_PLACE_PREPS,
    Arguments,
    clause_participants,
    is_passive,
    is_town,
    noun_arguments,
    place_objects,
    prep_objects,
    subject_of,
    verb_arguments,
)
from eventwire.events.coding import TriggerCoding
from eventwire.events.lexicon import Lexicon
from eventwire.events.modality import has_condition_mark
from eventwire.ontology.plover import TYPE_INFO
from eventwire.spans import entity_at, previous_sentence_start
from eventwire.when_where.places import load_places

#: Sectors whose members act collectively in public (their "protest" is a demonstration).
PUBLIC_SECTORS = {"CVL", "OPP", "REF", "NGO", "BUS", "LAB", "EDU", "AGR", "JRN"}

#: Sectors of the forces a state moves (troops, police) when it mobilizes.
FORCE_SECTORS = frozenset({"MIL", "COP"})
#: Armed actors that are no state force.
ARMED_SECTORS = frozenset({"REB", "UAF", "PRM"})

ActorPair = tuple[ActorMatch | None, ActorMatch | None]


@dataclass
class Participants:
    """The state the strategies share for one trigger."""

    coding: TriggerCoding
    lexicon: Lexicon
    args: Arguments
    sources: list[ActorMatch]
    targets: list[ActorMatch] = field(default_factory=list)
    #: Last-resort strategies fired (their actors are less certain than argument slots).
    inferred: bool = False
    #: No participant at all: the trigger gives no candidate.
    empty: bool = False

    @property
    def token(self) -> Token:
        return self.coding.token

    def taken(self) -> set[int]:
        """Tokens of the sources' phrases: never a recipient too."""
        return {t.i for s in self.sources for t in s.span}


    def reciprocal(self) -> bool:
        c = self.coding
        # (a mutual pattern's parties act towards each other unless it names another state
        # they act on: "recalled their ambassadors", not "... from Moscow")
        return _mutual(c.attributes.get("denied", c.type), self.sources, self.targets,
                       "source" in c.attributes.get("inferred_country", ())) or (
            c.entry.mutual and len(self.sources) >= 2 and not one_side(self.sources)
            and not any(t.info.country is not None and t.info.country not in
                        {s.info.country for s in self.sources} for t in self.targets))

    def counterparts(self) -> bool:
        """"Modi spoke with Koirala", "talks between Chile and Peru", "signed a deal with
        Japan": the recipient of a mutual act named "with" (or "between") takes part in it as
        the actor does, so the act is reciprocal (``TypeInfo.with_is_mutual``, or a lexicon
        pattern marked ``mutual``); a visit stays the visitor's."""
        c = self.coding
        kind = c.attributes.get("denied", c.type)
        if len(self.sources) != 1 or not self.targets or c.mode == "visit" \
                or any(is_thing(t) for t in self.targets) \
                or one_side([*self.sources, *self.targets]):
            return False
        if "between" in self.args.how:  # "talks between Chile and Peru", "clashes between ..."
            return TYPE_INFO[kind].reciprocal
        return (TYPE_INFO[kind].with_is_mutual or c.entry.mutual) and all(
            _in_phrase(t, ("with",)) for t in self.targets)

    def pairs(self) -> Iterator[tuple[ActorMatch | None, ActorMatch | None, float, float]]:
        """(source, target, the rule layer's confidence, the actors' certainty) per candidate."""
        c = self.coding
        pairs: list[ActorPair]
        if self.counterparts():
            # "Modi spoke with Koirala": one event with both parties, as below, written from
            # the actor to the counterpart.
            pairs = list(itertools.product(self.sources, self.targets))
            c.attributes["reciprocal"] = True
        elif self.reciprocal():
            # "Turkey and Pakistan agreed": one event with both parties (PLOVER codes all
            # participants of a mutual act together), marked reciprocal; dyad counts are
            # undirected, so it is counted once. Three or more parties ("Brazil, India and
            # South Africa met"): one event per pair, since each meets each.
            pairs = list(itertools.combinations(self.sources, 2))
            c.attributes["reciprocal"] = True
        else:
            src_options: list[ActorMatch | None] = list(self.sources) or [None]
            tgt_options: list[ActorMatch | None] = list(self.targets) or [None]
            pairs = list(itertools.product(src_options, tgt_options))
        base = 0.85 if c.entry.objects else 0.75 if c.entry.pos == "v" else 0.65
        for src, tgt in pairs:
            if src is not None and tgt is not None and src.span.start == tgt.span.start \
                    and src.info == tgt.info:
                continue
            certainty = 1.0 - (0.2 if src is None else 0.0) - (0.1 if tgt is None else 0.0) \
                - (0.1 if self.inferred else 0.0)
            yield src, tgt, round(base - (1.0 - certainty), 2), round(certainty, 2)


def slot_participants(c: TriggerCoding, lexicon: Lexicon) -> Participants:
    """Sources and recipients from the trigger's own argument slots."""
    tok = c.token
    args = (verb_arguments(tok, c.entry, lexicon.visitor_nouns) if c.entry.pos == "v"
            else noun_arguments(tok, c.entry))
    # (A town is where, not who: "a phone call from Ayodhya"; capitals and states may act.)
    sources = [m for s in _resolve(args.sources, exclude=set()) for m in joint_modifiers(s)
               if not is_town(m.span.root)]
    if len(sources) == 1 and len(args.sources) == 1:
        pair = coordinated_antecedents(args.sources[0])
        if pair:  # "both sides agreed": each of the two named before
            sources = pair
    p = Participants(c, lexicon, args, sources)
    p.targets = best_recipients(_towns_as_states(p, _resolve(
        args.targets, exclude=p.taken() | {tok.i}, recipient=True)))
    return p


# ---- the strategies, in order ------------------------------------------------------------


def author_of_the_paper(p: Participants) -> None:
    """"The Security Council adopted a press statement strongly condemning North Korea's
    launch", "issued a communique urging restraint": a paper does what its author does, and
    whoever adopts, issues or makes it (a light or speech verb whose object it is) is its
    author, when it names no author of its own ("a statement by the ministry")."""
    c = p.coding
    tok = p.token
    if p.sources or c.entry.pos != "v" or tok.dep_ != "acl" or tok.tag_ != "VBG":
        return
    paper = tok.head
    if paper.pos_ != "NOUN" or paper._.sector is not None or paper.dep_ != "dobj":
        return
    verb = paper.head
    if p.lexicon.frames.get(verb.lemma_.lower()) not in ("light", "speech"):
        return
    subjects, _ = subject_of(verb)
    authors = _resolve(subjects, exclude={tok.i})
    if authors:
        p.sources = authors
        c.rule.append("source:author-of-paper")


def goal_of_transfer(p: Participants) -> None:
    """What is given is no recipient: "returned the artefacts to Iraq", "provided ammunition
    alongside assistance to Turkey" -- the "to" phrase in the clause is."""
    c = p.coding
    # (By the lexicon's type: "will deliver tanks to Poland" is AGREE by now, still a transfer.)
    if TYPE_INFO[c.entry.type].transfer and c.entry.pos == "v" and all(
            is_thing(t) or _is_given(t) for t in p.targets):
        goal = _resolve(_goal_objects(p.token), exclude=p.taken() | {p.token.i}, recipient=True)
        if goal:
            p.targets = best_recipients(goal)
            c.rule.append("recipient:goal")


#: Nouns for where force lands: a place, whose state receives the act.
PLACE_NOUNS = frozenset({"village", "town", "city", "area", "district", "province", "region",
                         "position", "post", "outpost", "base", "camp", "border", "territory",
                         "settlement", "neighbourhood", "neighborhood", "suburb"})


def state_of_the_place_hit(p: Participants) -> None:
    """"Azerbaijani forces shelled three villages" in a story datelined Yerevan: force or
    coercion against a place the text does not place elsewhere lands on the story's country,
    when that is not the attacker's (``attributes.inferred_recipient``)."""
    c = p.coding
    found = p.token.doc._.default_state
    if found is None or c.type not in ("ASSAULT", "COERCE") or not p.targets or not all(
            is_thing(t) and t.span.root.lemma_.lower() in PLACE_NOUNS for t in p.targets):
        return
    country, how = found
    if not p.sources or any(s.info.country in (country, None) for s in p.sources):
        return
    _story_receives(p, [ActorMatch(t.span, ActorInfo("noun", country, None, None))
                        for t in p.targets], "recipient-country", how)


def recipient_from_the_story(p: Participants) -> None:
    """"Egypt, Turkey and Italy sent rescue teams and tents" in a story about floods in Libya:
    aid given with no recipient named goes to the story's own country (its dateline's, else
    the one it names most: ``doc._.default_state``), when that is not the giver's; so does an
    appeal made to no one named ("The United States and Britain urged restraint" in a story
    datelined Nairobi). ``attributes.inferred_recipient`` says so and the confidence drops."""
    c = p.coding
    found = p.token.doc._.default_state
    # (a transfer promised too: "pledged to offer assistance")
    needs_one = _transfers(c) or c.type == "REQUEST"
    if found is None or not needs_one or not p.sources or any(
            not is_thing(t) or is_counted(t) for t in p.targets):
        return
    country, how = found
    # (A giver of no known state may be local, unless it is an international body.)
    if any(s.info.country == country or (s.info.country is None and s.info.kind != "igo"
                                         and s.info.sector != "IGO") for s in p.sources):
        return
    _story_receives(p, [ActorMatch(c.span, ActorInfo("implied", country, None, None))],
                    "recipient", how)


def _transfers(c: TriggerCoding, depth: int = 0) -> bool:
    """The trigger, or an act it absorbed, moves something to someone (``TypeInfo.transfer``)."""
    return TYPE_INFO[c.entry.type].transfer or (
        depth < 3 and any(_transfers(i, depth + 1) for i in c.inner))


def _story_receives(p: Participants, targets: list[ActorMatch], rule: str, how: str) -> None:
    """The story's country receives (``how``: found by the dateline, the places, ...); marked
    inferred, so the event's confidence drops."""
    p.targets = targets
    p.coding.attributes["inferred_recipient"] = f"article-{how}"
    p.coding.rule.append(f"{rule}:article-{how}")
    p.inferred = True


def _is_given(match: ActorMatch) -> bool:
    """The direct object of a transfer named by a common noun, whatever its sector ("delivered
    tanks", "sent jets"): what is given, not who receives."""
    info = match.info
    return match.span.root.dep_ == "dobj" and info.kind == "noun" and info.country is None \
        and info.name is None


def place_as_recipient(p: Participants) -> None:
    """No recipient slot: a country or organisation named as the place ("clashes in Sudan");
    not where parties to a mutual act meet ("Brazil, India and South Africa met in Geneva")."""
    if not p.targets and not (TYPE_INFO[p.coding.type].reciprocal and len(p.sources) >= 2):
        places = _resolve(p.args.places, exclude=p.taken() | {p.token.i})
        p.targets = best_recipients(_towns_as_states(
            p, [m for m in places if m.info.country or m.info.kind == "ner"]))


def _towns_as_states(p: Participants, found: list[ActorMatch]) -> list[ActorMatch]:
    """A town is where it happened, not who received it ("the VHP rallied in Mumbai", "police
    fired in a village", "talks in Geneva"); force used in a town of another state is used
    against that state ("Russian jets bombed Aleppo"), and a visit there is the state's to host.
    Other actors pass as found."""
    default = p.token.doc._.default_state
    here = default[0] if default else None
    own = {s.info.country or here for s in p.sources} or {here}
    # (A visit's host is the place visited too: "Modi visited Lahore" is Pakistan's guest.)
    lands = TYPE_INFO[p.coding.type].quad == 4 or p.coding.mode == "visit"
    out = []
    for m in found:
        if is_town(m.span.root):
            country = (m.info.country or _country_of_town(m, own)) if lands else None
            if country is None or country in own:
                continue
            m = ActorMatch(m.span, replace(m.info, country=country))
        out.append(m)
    return out


def _country_of_town(match: ActorMatch, prefer: set[str | None]) -> str | None:
    """The state of a town named as a place (the place index's; of namesakes, one in a
    ``prefer`` state first)."""
    entity = entity_at(match.span.root)
    name = entity.text if entity is not None else match.span.text
    location = load_places().resolve_any_case(name, {c for c in prefer if c})
    return location.country if location is not None else None


def purpose_verb_arguments(p: Participants) -> None:
    """"called Morrison to congratulate him": the call's object is the recipient."""
    c = p.coding
    if c.via is not None and (not p.targets or not p.sources):
        outer = p.lexicon.match(c.via)
        if outer is not None:
            more = verb_arguments(c.via, outer, p.lexicon.visitor_nouns)
            p.sources = p.sources or _resolve(more.sources, exclude=set())
            p.targets = p.targets or _resolve(more.targets, exclude=p.taken() | {p.token.i},
                                              recipient=True)


def person_object(p: Participants) -> None:
    """"expelled a Bulgarian diplomat", "summoned the ambassador": a pattern's own object that
    is a person receives the act, rather than a thing or the actor's own premises it was told
    to go to ("summoned an Indian diplomat to its foreign ministry")."""
    own = {s.info.country for s in p.sources if s.info.country}
    # (Where it is, "closed the Russian consulate in Krakow", receives nothing either.)
    if not p.targets or all(is_thing(t) or _in_phrase(t, ("in", "at", "near"))
                            or (_in_phrase(t, ("to", "into")) and t.info.country in own)
                            for t in p.targets):
        # (An act named as the object is no person: "reaffirmed U.S. support"; nor is the
        # actor's own envoy it recalls: "recalled their ambassadors", "its envoy".)
        recalled = p.coding.entry.mode == "withdraw"
        objects = [o for o in p.args.objects if p.lexicon.match(o) is None
                   and not (recalled and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children))]
        people = _person_objects(objects, exclude=p.taken() | {p.token.i})
        if people:
            p.targets = people
            p.coding.rule.append("recipient:object")


def _in_phrase(match: ActorMatch, preps: tuple[str, ...]) -> bool:
    """The match is the object of one of these prepositions."""
    root = match.span.root
    return root.dep_ == "pobj" and root.head.lower_ in preps


#: Acts whose agent, when the text names none, the act itself implies, by sector: the police
#: (PLOVER: arrests and detentions are COERCE by the police, crowd control an ASSAULT by them,
#: tightened security their MOBILIZE: CAMEO 151, "increase police alert status"); a curfew is
#: imposed by the government of the place (CAMEO 1723).
IMPLIED_AGENTS = {("COERCE", "arrest"): "COP", ("COERCE", "deport"): "COP",
                  ("ASSAULT", "crowd-control"): "COP", ("MOBILIZE", "police"): "COP",
                  ("COERCE", "curfew"): "GOV"}
#: What only the police do.
POLICE_ACTS = frozenset(act for act, sector in IMPLIED_AGENTS.items() if sector == "COP")
_IMPLIED_NAMES = {"COP": "police", "GOV": "government"}


def implied_agent(p: Participants) -> None:
    """"three students were arrested", "the arrest of two journalists": with no agent named (and no
    state named as the place, ``state_of_place``), the police acted, of the country a place
    names if any; "a curfew was imposed": the government did (``IMPLIED_AGENTS``). The source's
    words are the trigger's (no words name it); marked inferred."""
    c = p.coding
    sector = IMPLIED_AGENTS.get((c.type, c.mode or ""))
    if p.sources or sector is None:
        return
    if c.entry.pos == "v" and not is_passive(p.token):
        return  # an active verb without a subject is a parse we do not trust
    if c.mode == "curfew" and c.entry.pos != "v":
        return  # "curfew remained in force": how things are, not the act of imposing it
    if c.type == "COERCE" and c.mode != "curfew" and not _people_affected(p):
        return  # "its details were captured in the report"
    # Where: the act's own place, else where those it befell were ("the detention of
    # journalists in Nairobi").
    where = [p.token, *(t.span.root for t in p.targets)]
    places = _resolve([o for w in where for o in prep_objects(w, {"in", "at", "from"}, set())],
                      exclude={p.token.i})
    country = next((m.info.country for m in places if m.info.country), None)
    p.sources = [ActorMatch(c.span, ActorInfo("implied", country, sector, None))]
    c.attributes["implied_source"] = _IMPLIED_NAMES[sector]
    c.rule.append(f"source:implied-{_IMPLIED_NAMES[sector]}")
    p.inferred = True


def police_do_police_acts(p: Participants) -> None:
    """"The mob kept surging. They did resort to lathi-charge": a pronoun whose antecedent is
    no force does not do what only the police do (``POLICE_ACTS``: arrests, crowd control,
    police postings) when a force was named in its sentence or the one before; that force is
    the pronoun's referent. Marked inferred."""
    c = p.coding
    if (c.type, c.mode) not in POLICE_ACTS or len(p.sources) > 1:
        return
    if p.sources:
        root = p.sources[0].span.root
        if p.sources[0].info.sector in FORCE_SECTORS | ARMED_SECTORS:
            return  # (armed groups detain people too)
    else:  # a pronoun no antecedent was found for
        root = next((t for t in p.args.sources if t.pos_ == "PRON"), p.token)
    if root.pos_ != "PRON":
        return
    forces = [t for t in root.doc[previous_sentence_start(root):root.i]
              if t._.sector in FORCE_SECTORS and t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound"]
    found = actor_for_token(forces[-1]) if forces else None
    if found is not None and found.info.sector in FORCE_SECTORS:
        p.sources = [ActorMatch(root.doc[root.i:root.i + 1], found.info)]
        c.rule.append("source:police-act-referent")
        p.inferred = True


def _people_affected(p: Participants) -> bool:
    """No thing is said to suffer the act: the recipient (or passive subject), if any, is an
    actor or a counted group ("at least 22 persons", "a dozen rumour mongers")."""
    # The parser sometimes hangs the subject on the auxiliary ("80 workers were ... taken").
    heads = [p.token, *(t for t in p.token.children if t.dep_ in ("aux", "auxpass"))]
    passive_subjects = [t for h in heads for t in h.children if t.dep_ in ("nsubjpass", "nsubj")]
    found = p.targets + _resolve(passive_subjects, exclude={p.token.i}, recipient=True)
    return not found or any(not is_thing(m) or is_counted(m) for m in found)


def agent_of_cause(p: Participants) -> None:
    """"killed in police firing", "wounded in an Israeli air strike", "97 died in police
    firing": with no agent named (a passive, or a verb whose subject is the victim), the actor
    of the event that caused it did it. The cause is an event noun whose modifier is an actor,
    or an actor with its event beside it (the parser reads "police firing on Friday" as police
    who are firing), or a clause ("killed when the police opened fire")."""
    c = p.coding
    if p.sources or c.entry.pos != "v" or not (is_passive(p.token) or c.entry.victim):
        return
    for cause in prep_objects(p.token, {"in", "during"}, set()):
        if _is_event_word(p, cause):  # the parser often tags the cause as a gerund
            modifiers = [m for m in cause.children if m.dep_ in ("compound", "amod", "poss")
                         and m.i < cause.i]
            agents = _resolve(modifiers, exclude={p.token.i})
        else:
            following = cause.doc[cause.i + 1] if cause.i + 1 < len(cause.doc) else None
            acting = following is not None and _is_event_word(p, following) and (
                following.head.i in (cause.i, p.token.i))
            agents = _resolve([cause], exclude={p.token.i}) if acting else []
        if agents:
            p.sources = agents[:1]
            c.rule.append("source:agent-of-cause")
            return
    # the clause may hang on a coordinated verb ("were killed and five injured when ..."; the
    # parser makes that "five" a noun with "injured" its participle)
    conjuncts = [t for t in p.token.children if t.dep_ == "conj"]
    verbs = [p.token, *conjuncts, *(a for t in conjuncts for a in t.children if a.dep_ == "acl")]
    for clause in (c for v in verbs for c in v.children):
        marks = {m.lower_ for m in clause.children if m.dep_ in ("mark", "advmod")}
        if clause.dep_ == "advcl" and marks & {"when", "as", "after"} and (
                _attack(p, clause) or any(x.dep_ == "xcomp" and _attack(p, x)
                                          for x in clause.children)):
            # ("... when the police had to burst tear-gas shells": the act is the xcomp)
            subjects, _ = subject_of(clause)
            agents = _resolve(subjects, exclude={p.token.i})
            if agents:
                p.sources = agents[:1]
                c.rule.append("source:agent-of-clause")
                return


def _is_event_word(p: Participants, token: Token) -> bool:
    return p.lexicon.match(token) is not None or token.lower_ in p.lexicon.nouns


def _attack(p: Participants, verb: Token) -> bool:
    """The clause's verb is an act of force ("opened fire", "fired", "attacked")."""
    entry = p.lexicon.match(verb)
    return entry is not None and entry.type in ("ASSAULT", "COERCE")


def state_of_place(p: Participants) -> None:
    """"was arrested in Niger": with no agent named, the state where a state act happened."""
    c = p.coding
    if not p.sources and TYPE_INFO[c.type].state_act and c.entry.pos == "v" \
            and is_passive(p.token):
        p.sources = _state_of_place(p.token)
        if p.sources:
            c.rule.append("source:state-of-place")
            p.inferred = True


def nobody(p: Participants) -> None:
    """No source and no recipient: no candidate (the strategies below only refine)."""
    p.empty = not p.sources and not p.targets


def threatened_is_who_must_comply(p: Participants) -> None:
    """"warned that dharnas will be held if the administration arrested the sants", "threatened
    to attack the capital if the government refused": a threat is made to whoever the
    condition names (CAMEO 13), unless the verb names whom it warns ("warned Israel that ...").
    Only a threat the verb makes: an intended act told as a threat keeps its own recipient."""
    c = p.coding
    if c.entry.type != "THREATEN" or any(t.span.root.head.i == p.token.i
                                   and t.span.root.dep_ in ("dobj", "dative") for t in p.targets):
        return
    conditions = [t for t in p.token.subtree if t.dep_ == "advcl" and has_condition_mark(t)]
    for clause in conditions:
        subjects, _ = subject_of(clause)
        found = [m for m in _resolve(subjects, exclude=p.taken()) if not is_thing(m)]
        if found:
            p.targets = found
            c.rule.append("recipient:condition")
            return


def protest_is_against(p: Participants) -> None:
    """"staged a general strike, halting flights in protest against President Milei's
    austerity measures": a protest is aimed at whom its sentence says it is against (the
    object of "against", or that object's owner), when no actor receives it yet."""
    c = p.coding
    if c.type != "PROTEST" or not p.sources or not all(is_thing(t) for t in p.targets):
        return
    against = [g for t in p.token.sent if t.lower_ == "against" and t.dep_ == "prep"
               for g in t.children if g.dep_ == "pobj"]
    found = [m for m in _resolve(against, exclude=p.taken() | {p.token.i}, recipient=True)
             if not is_thing(m)]
    if found:
        p.targets = best_recipients(found)
        c.rule.append("recipient:against")


def recipient_of_absorbed_act(p: Participants) -> None:
    """The recipient of an absorbed act is the recipient: "refused to allow flights out of
    Afghanistan", "demanded that the government resign" (its actor receives the demand)."""
    c = p.coding
    if p.targets and not all(is_thing(t) for t in p.targets):
        return
    taken = p.taken()
    for inner in c.inner:
        inner_args = (verb_arguments(inner.token, inner.entry, p.lexicon.visitor_nouns)
                      if inner.entry.pos == "v" else noun_arguments(inner.token, inner.entry))
        found = _resolve(inner_args.targets, exclude=taken | {p.token.i}, recipient=True)
        found = [t for t in found if not is_thing(t)] or found
        # The inner act's own agent receives ("refused a request by the president"), unless
        # the act is the verb's own pattern object, whose holder is the actor's side
        # ("reaffirmed U.S. support", "extended India's support to ...").
        own_object = inner.token.lemma_.lower() in (c.entry.objects or ())
        others = [s for s in _resolve(inner_args.sources, exclude=taken)
                  if inner.entry.frame is None and not own_object]
        better = others or found
        if better and (not p.targets or not all(is_thing(b) for b in better)):
            p.targets = better
            c.rule.append("recipient-from:" + inner.entry.pattern)
            break


_TOPIC_PREPS = ("on", "over", "about", "regarding", "of")


def nearest_in_clause(p: Participants) -> None:
    """A human coder names a recipient even when no argument slot holds one, or only a thing
    ("suspended aid deliveries in Borno State"): the nearest actor in the clause ("demanded
    that Dbeibeh appear", "a ceasefire in Tripoli"). A thing acted upon is kept over actors in
    other clauses ("rejected the results, claiming the agency rigged the vote"). Two parties to
    a mutual act are each other's recipients (``Participants.pairs``)."""
    c = p.coding
    if p.sources and all(is_thing(t) for t in p.targets) and not _mutual(
            c.attributes.get("denied", c.type), p.sources, p.targets) and not p.reciprocal():
        # An act named in the clause is no recipient ("reaffirmed U.S. support for ...",
        # "discussed the issue during its state secretariat meeting"), nor is the actor's own
        # envoy, which had its turn ("recalled its ambassador").
        acts = {i.token.i for i in c.inner} | {
            o.i for o in p.args.objects if c.entry.mode == "withdraw"
            and any(ch.dep_ == "poss" and ch.pos_ == "PRON" for ch in o.children)}
        near = _towns_as_states(p, _clause_recipients(
            p.token, p.sources, own_clause=bool(p.targets),
            is_act=lambda t: t.i in acts or t.lemma_.lower() in p.lexicon.nouns))
        if near:
            p.targets = near
            c.rule.append("recipient:clause")
            p.inferred = True
            c.clause_recipient = True


def press_is_no_counterpart(p: Participants) -> None:
    """"speaking to reporters", "met journalists": talking to the press is a public statement
    (CAMEO 01), which PLOVER does not code; a CONSULT only with journalists is no event."""
    c = p.coding
    if c.type == "CONSULT" and p.targets and all(t.info.sector == "JRN" for t in p.targets):
        c.rule.append("press:dropped")
        p.empty = True


def consultation_needs_a_counterpart(p: Participants) -> None:
    """"the party discussed the issue at its meeting": one actor talking among itself is no
    consultation; a CONSULT needs a second party, named as recipient or as a second source
    (a visit's host may be a place: "visited Gujarat"), a guest received, and visitors who are
    not merely the public."""
    c = p.coding
    consults = c.type == "CONSULT" or (c.type == "AGREE" and c.entry.type == "CONSULT")
    if consults and len(p.sources) == 1 and all(
            is_thing(t) and not is_counted(t) for t in p.targets):
        # (a meeting to come too: "decided to call a meeting of its members")
        c.rule.append("no-counterpart:dropped")
        p.empty = True
    elif c.type == "CONSULT" and c.entry.swap and c.entry.objects is None \
            and "swap" not in p.args.how and p.token.lemma_.lower() == "receive":
        # "reports received by intelligence agencies": received things, no guest.
        c.rule.append("no-guest:dropped")
        p.empty = True
    elif c.type == "CONSULT" and c.mode == "visit" and p.sources and all(
            s.info.sector == "CVL" for s in p.sources):
        # "nearly 40,000 people had visited Ayodhya": pilgrims and tourists make no visit
        # between parties (CAMEO 042/043 are visits by officials and delegations).
        c.rule.append("public-visit:dropped")
        p.empty = True


def denial_needs_a_recipient(p: Participants) -> None:
    """"has not met for three years", "had not participated in any discussion": an act that
    did not happen is a rejection when it is withheld from someone ("did not send weapons to
    Kyiv"), announced as a refusal ("will not end the strike") or failed between the parties
    ("X and Y failed to agree"); otherwise nothing happened (PLOVER's negation mode, which the
    data exclude)."""
    c = p.coding
    # (someone only named nearby in the clause is no one it was withheld from: "has not
    # participated in any discussion that allows the unions to air their demands")
    if "denied" in c.attributes and c.entry.frame is None and c.modality != "future" \
            and len(p.sources) < 2 and ((c.clause_recipient and not p.args.targets) or not any(
                not is_thing(t) or is_counted(t) for t in p.targets)):
        c.rule.append("denied-to-no-one:dropped")
        p.empty = True


def an_order_needs_someone_ordered(p: Participants) -> None:
    """"The court ordered a day-to-day hearing": an order (a cause verb: order, force, compel)
    coerces when it names an act ("ordered the arrest of", "ordered troops to withdraw": those
    are coded as the act) or someone made to act; an order for a mere thing is no coercion."""
    c = p.coding
    if c.entry.frame == "cause" and c.entry.lemma == c.token.lemma_.lower() and not c.inner \
            and not any(ch.dep_ in ("xcomp", "oprd", "ccomp") for ch in c.token.children) \
            and p.targets and all(is_thing(t) and not is_counted(t) and not _done_to(t)
                                  for t in p.targets):
        c.rule.append("order-for-a-thing:dropped")
        p.empty = True


def _done_to(match: ActorMatch) -> bool:
    """"ordered all shops closed": the thing comes with what is to be done to it."""
    return any(c.dep_ in ("acl", "amod") and c.tag_ in ("VBN", "VBD") and c.i > c.head.i
               for c in match.span.root.children)


def speaker_demands(p: Participants) -> None:
    """"A said B must X": A requests X of B."""
    c = p.coding
    if c.demanded_by is not None and c.type == "REQUEST" and c.entry.type != "REQUEST":
        speakers, _ = subject_of(c.demanded_by)
        demanders = _resolve(speakers, exclude=set())
        if demanders:
            p.sources, p.targets = demanders, p.sources or p.targets


def peacekeeping_is_aid(p: Participants) -> None:
    """Forces sent to keep the peace are aid (PLOVER: military protection, peacekeeping)."""
    c = p.coding
    if c.type == "MOBILIZE" and any(t.lemma_.lower().startswith("peacekeep")
                                    for t in p.token.sent):
        c.type, c.mode, c.context = "AID", None, "peacekeeping"
        c.rule.append("peacekeeping:MOBILIZE>AID")


def exercise_with_a_partner(p: Participants) -> None:
    """"Russian forces held drills with Belarus": an exercise with a partner named "with" is
    a joint one (PLOVER: joint exercises are COOPERATE, single-country ones MOBILIZE), the
    sense the lexicon gives the noun with "joint" before it."""
    c = p.coding
    if c.entry.pos != "n" or c.type != c.entry.type or not p.targets or not all(
            not is_thing(t) and _in_phrase(t, ("with",)) for t in p.targets):
        return
    joint = next((e for e in p.lexicon.nouns.get(c.entry.lemma, ())
                  if e.before == "joint" and e.type != c.type), None)
    if joint is not None:
        c.type, c.mode, c.context = joint.type, joint.mode, joint.context or c.context
        c.rule.append(f"partner:{c.entry.type}>{joint.type}")


def forces_moved(p: Participants) -> None:
    """When forces move (MOBILIZE, RETREAT) the object is the force ("deployed troops", "withdrew
    its troops"), not a recipient; with no other actor named, the forces themselves are the
    actor ("warships were deployed", "policemen were posted"). The place they go to or leave
    receives. Which forces moved is kept (``attributes.forces``: sectors); police moved is
    MOBILIZE's police mode (CAMEO 153, "mobilize police power")."""
    c = p.coding
    if c.entry.type in FORCE_PLACE_PREPS and c.entry.pos == "v":
        # (a pattern's particle may hold the forces: "called in the army")
        places = _resolve(place_objects(p.token, c.entry.type), exclude=p.taken())
        # (the pattern's own object too: "additional forces have been rushed")
        named = {t.span.start for t in (*p.targets, *places)}
        objects = [m for m in _resolve(p.args.objects, exclude=p.taken() | {p.token.i})
                   if m.span.start not in named]
        forces = [t for t in (*p.targets, *places, *objects) if t.info.sector in FORCE_SECTORS]
        p.sources = p.sources or forces[:1]
        # (what is mobilised is no recipient, force or equipment: "mobilised its Il-76 and
        # C-130J aircraft"; what is released or lifted is: "released 37 prisoners")
        moved_words = {t.i for o in p.token.children if o.dep_ == "dobj"
                       for c in (o, *o.conjuncts) for t in _own_words(c)} \
            if c.entry.type == "MOBILIZE" else set()
        p.targets = [t for t in p.targets if t.info.sector not in FORCE_SECTORS
                     and t.span.root.i not in moved_words]
        moved = sorted(FORCE_SECTORS & {t.info.sector for t in forces})
        if moved:
            c.attributes["forces"] = moved
            if moved == ["COP"] and c.type == "MOBILIZE":
                c.mode = "police"
        if not p.targets:
            p.targets = [t for t in places if t.info.sector not in FORCE_SECTORS]


def _own_words(noun: Token) -> list[Token]:
    """A noun and its modifiers, not its prepositional phrases ("tanks towards the frontier
    with Turkey" is "tanks")."""
    return [noun, *(t for c in noun.children if c.dep_ in ("compound", "amod", "poss", "nummod",
                                                           "det", "nmod")
                    for t in c.subtree)]


def public_actor(p: Participants) -> None:
    """The public's sense of a trigger when every actor is the public (a workers' "strike" is a
    PROTEST; a government's is an ASSAULT)."""
    c = p.coding
    public = p.lexicon.public_alternative(c.entry)
    if public is not None and c.type == c.entry.type and p.sources and all(
            s.info.sector in PUBLIC_SECTORS for s in p.sources):
        c.type, c.mode = public.type, public.mode
        c.rule.append(f"public-actor>{public.type}")


#: Sectors of a state's own institutions ("the foreign ministry", "the police"): named without
#: a country, they are the article's state whoever the other party is.
STATE_SECTORS = frozenset({"GOV", "COP", "MIL", "JUD", "LEG"})


def _is_domestic(info: ActorInfo) -> bool:
    """An actor named without a country that an analyst takes to be local: a sector noun
    ("the police", "the mob", "the party"), or a person or body named but not in the tables.
    International bodies, transnational groups and bare things are not."""
    if info.country is not None:
        return False
    if info.kind == "ner":
        return True
    return info.kind in ("noun", "implied") and (
        (info.sector is not None and info.sector != "IGO") or info.name is not None)


def article_state(p: Participants) -> None:
    """"the police arrested", "officials said", "the mob attacked", "Kishore warned" with no
    country named: the article's own state (its dateline's, else the country it names most:
    ``doc._.default_state``); inferred, so the event's confidence drops. Two things come
    first: an actor coordinated with one of known country is of that country ("six Iranian
    officials and four companies"); and a person, crowd or firm in an event whose other party
    is of another state is not taken to be local ("the EU sanctioned ... companies", "the
    detention of journalists in Nairobi" in a Washington story), while a state institution
    ("the foreign ministry summoned the British ambassador") still is."""
    found = p.token.doc._.default_state
    known = {m.info.country for m in (*p.sources, *p.targets) if m.info.country}
    for role, actors in (("source", p.sources), ("target", p.targets)):
        siblings = [m.info.country for m in actors if m.info.country]
        for n, m in enumerate(actors):
            if not _is_domestic(m.info):
                continue
            if siblings:
                country, how = siblings[0], "coordinated"
            elif found is not None and (m.info.sector in STATE_SECTORS or known <= {found[0]}):
                country, how = found[0], f"article-{found[1]}"
            else:
                continue
            actors[n] = ActorMatch(m.span, replace(m.info, country=country))
            p.coding.attributes.setdefault("inferred_country", []).append(role)
            p.coding.rule.append(f"{role}-country:{how}")
            p.inferred = True


Strategy = Callable[[Participants], None]

#: The order matters: each strategy sees what the ones before it found.
STRATEGIES: tuple[Strategy, ...] = (
    author_of_the_paper, goal_of_transfer, place_as_recipient, purpose_verb_arguments,
    person_object, agent_of_cause,
    state_of_place, police_do_police_acts, implied_agent, nobody, threatened_is_who_must_comply,
    protest_is_against, recipient_of_absorbed_act, nearest_in_clause,
    press_is_no_counterpart, consultation_needs_a_counterpart, denial_needs_a_recipient,
    an_order_needs_someone_ordered, speaker_demands, peacekeeping_is_aid,
    exercise_with_a_partner, forces_moved,
    public_actor, recipient_from_the_story, state_of_the_place_hit, article_state,
)


def find_participants(c: TriggerCoding, lexicon: Lexicon) -> Participants | None:
    """The trigger's participants after every strategy, or None when it has none."""
    p = slot_participants(c, lexicon)
    for strategy in STRATEGIES:
        strategy(p)
        if p.empty:
            # Judged no event (not merely without actors): it still heads its sentence.
            c.dropped = strategy is not nobody
            return None
    return p


# ---- helpers -------------------------------------------------------------------------------


def one_side(actors: list[ActorMatch]) -> bool:
    """Coordinated actors that are one party, not two: the institutions and officials of one
    state ("The White House and Secretary of State John Kerry offered condolences"), who do
    not act towards each other. (A government and the rebels of its country are two sides; a
    state known only from the actor it is coordinated with, "India and MERCOSUR", is none.)"""
    if any(a.info.kind == "noun" and a.info.sector is None for a in actors):
        return False
    countries = {a.info.country for a in actors}
    return len(actors) >= 2 and len(countries) == 1 and None not in countries and all(
        a.info.sector in STATE_SECTORS or a.info.sector is None for a in actors)


def _mutual(event_type: str, sources: list[ActorMatch], targets: list[ActorMatch],
            inferred: bool = False) -> bool:
    """Parties to a mutual act with no recipient of their own act towards each other (also
    when the act is denied: "X and Y failed to reach agreement" is a mutual rejection). A thing
    attacked, rejected or backed is a recipient; what the parties share ("signed a deal", "held
    talks"), nor what their act is "on" or "over" ("held talks on Kashmir", "an agreement on the
    Indus waters"): ``TypeInfo.reciprocal``, ``mutual_over_things``."""
    info = TYPE_INFO[event_type]
    # (``inferred``: a source's state was only inferred, so the sources may be two sides)
    return len(sources) >= 2 and info.reciprocal and (inferred or not one_side(sources)) and (
        not targets or (all(is_thing(t) or _in_phrase(t, _TOPIC_PREPS) or _named_for_a_place(t)
                            for t in targets) and info.mutual_over_things))


def _named_for_a_place(match: ActorMatch) -> bool:
    """A thing named for its town ("the Busia border post", "the Godhra station"): a thing the
    parties share, not a party."""
    root = match.span.root
    return root.pos_ == "NOUN" and root._.sector is None and any(
        c.dep_ in ("compound", "nmod") and c.i < root.i and is_town(c) for c in root.children)


def _person_objects(objects: list[Token], exclude: set[int]) -> list[ActorMatch]:
    """"expelled a Bulgarian diplomat", "summoned the ambassador": a pattern's own object that
    is a person receives the act (forces moved are handled by ``forces_moved``)."""
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


def _clause_recipients(trigger: Token, sources: list[ActorMatch], own_clause: bool,
                       is_act: Callable[[Token], bool]) -> list[ActorMatch]:
    """The nearest actors among the noun-phrase heads of the trigger's clause, outside the
    source's phrase (see ``arguments.clause_participants``) and not headed by an act."""
    taken = {t.i for s in sources for t in s.span}
    heads = [h for h in clause_participants(trigger, taken, own_clause=own_clause)
             if not is_act(h)]
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
            while up.i != verb.i and up.dep_ not in CLAUSE_DEPS and up.head.i != up.i:
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
