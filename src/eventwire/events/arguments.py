"""Source and target of a trigger, read from the dependency parse.

Handles active and passive voice, coordinated actors, prepositional targets ("talks with", "aid
to"), noun events ("Russia's attack on", "sanctions on X imposed by Y"), subjects inherited through
control and coordination ("agreed to boost", "met and signed"), and reported speech (a pronoun
subject of a reported clause is the speaker).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwire.actors.resolver import agent_of
from eventwire.events.lexicon import (
    CENSURE,
    CONTAINER_NOUNS,
    Entry,
    censures,
    noun_prepositions,
    object_lemmas,
    object_predicate,
    reduced_passive,
)
from eventwire.ontology.plover import TYPE_INFO
from eventwire.spans import actor_at, entity_at
from eventwire.when_where.places import NOTABLE, load_places

_SUBJ = {"nsubj", "csubj", "expl"}
#: Entities that say when, never who ("received the envoy on Friday").
_WHEN_ENTS = frozenset({"DATE", "TIME"})
_PASS_SUBJ = {"nsubjpass", "csubjpass"}
#: Prepositions that introduce the recipient of an act ("talks with X", "aid to X", "attack on X").
TARGET_PREPS = {"with", "to", "against", "on", "at", "for", "toward", "towards", "into", "upon",
                "over", "from", "of", "between", "among", "inside", "across"}
#: Prepositions of place: a recipient only when nothing else is named ("curfew in Kashmir").
WEAK_PREPS = {"in", "outside", "inside", "near", "across", "throughout"}
#: Prepositions after an event noun that introduce its actor ("aid from Japan", "attack by rebels").
SOURCE_PREPS = {"by", "from"}
#: Verbs whose object is also the subject of the verb they govern ("urged Iran to release...").
OBJECT_CONTROL = {"urge", "ask", "order", "force", "call", "press", "persuade", "tell", "allow",
                  "invite", "encourage", "compel", "push", "pressure", "require", "help",
                  "prompt", "instruct", "direct", "oblige", "authorize", "authorise"}
#: Prepositions that set a time, occasion or circumstance, not a participant: a noun event under
#: them ("after the clashes", "at a rally") is not an act of the clause's subject.
CIRCUMSTANCE_PREPS = {"after", "before", "since", "during", "amid", "following", "despite", "until",
                      "at", "like", "unlike", "as", "without",
                      # the topic: "raised concerns about the detention of journalists"
                      "about", "regarding", "concerning", "over"}
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "its", "their", "his", "her", "our"}
_POSSESSIVES = {"its", "their", "his", "her", "our", "my"}


@dataclass
class Arguments:
    """Candidate argument tokens of one trigger, best first, with how they were found."""

    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    places: list[Token] = field(default_factory=list)  # last-resort recipients ("in Kashmir")
    objects: list[Token] = field(default_factory=list)  # a pattern's own objects ("expel [diplomat]")
    how: list[str] = field(default_factory=list)


def conjuncts(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("Turkey and Pakistan")."""
    return [token, *[c for c in token.conjuncts if c.i != token.i]]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in _PASS_SUBJ or c.dep_ == "auxpass" for c in verb.children) \
        or reduced_passive(verb)


def subject_of(verb: Token, depth: int = 0) -> tuple[list[Token], str]:
    """Subject tokens of a verb; climbs through control, coordination and relative clauses."""
    passive = is_passive(verb)
    for child in verb.children:
        if child.dep_ == "agent" and (passive or verb.tag_ == "VBN"):  # also "backed by X"
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return conjuncts(objs[0]), "agent"
        if not passive and child.dep_ in _SUBJ:
            if child.lower_ in _PRONOUNS and depth < 3:
                speaker = _speaker_for(verb, depth)
                if speaker:
                    return speaker, "reported-speech"
            # "Japan, the United States and India kicked off ...": the small parser may read a
            # list of names as several subjects of the verb.
            more = [t for c in verb.children if c.dep_ == "nsubj" and c.i != child.i
                    and c.pos_ == "PROPN" and child.pos_ == "PROPN" and c.i < verb.i
                    for t in conjuncts(c)]
            return conjuncts(child) + more, "nsubj"
    if passive or depth >= 4:
        return [], ""
    head = verb.head
    if verb.dep_ == "conj" and head.i != verb.i:
        if verb.tag_ == "VB" and head.tag_ in ("VBD", "VBZ") and not any(
                c.dep_ in ("aux", "auxpass") for c in verb.children):
            # Coordinated verbs share a tense: a bare verb after a past one belongs to a
            # complement the parser lost ("watched a mob attack two men and injure others":
            # the mob injures, not the watchers).
            return [], ""
        shared = [c for c in head.children if c.dep_ == "nsubjpass"]
        if shared and verb.tag_ != "VBN":
            # "he was hurt by the remarks and urged him": the passive's subject acts in the
            # active verb, not its agent ("were stopped by police and arrested" is a passive
            # whose auxiliary is shared: the agent acts)
            return conjuncts(shared[0]), "conj>nsubjpass"
        subj, how = subject_of(head, depth + 1)
        return subj, how and "conj>" + how
    if verb.dep_ == "acomp" and head.i != verb.i:  # "is willing to withdraw": climb past "willing"
        subj, how = subject_of(head, depth + 1)
        return subj, how
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        return [], ""  # "when asked", "backed by Russia, Syria ...": the main subject undergoes it
    if verb.dep_ in ("xcomp", "advcl", "pcomp") and head.i != verb.i:
        if verb.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL and not (
                head.lemma_.lower() == "call"
                and not any(c.lower_ in ("on", "upon") for c in head.children)):
            # "urged Iran to release": Iran releases. ("called Sharif to congratulate him" is a
            # purpose clause: the caller congratulates.)
            objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if objs:
                return conjuncts(objs[0]), "object-control"
            if is_passive(head):  # "the police were forced to open fire": the police fire
                subjects = [c for c in head.children if c.dep_ == "nsubjpass"]
                if subjects:
                    return conjuncts(subjects[0]), "object-control"
        if verb.dep_ == "pcomp":  # "accused X of sending": the sender is the accused
            head = head.head
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs:
                return conjuncts(objs[0]), "pcomp-object"
            if head.pos_ == "NOUN":  # "the U.N.'s commitment to supporting Lebanon"
                subj, how = _holder_of(head, depth + 1)
                return subj, how and "noun>" + how
        subj, how = subject_of(head, depth + 1)
        return subj, how and "control>" + how
    if verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN"):
        return conjuncts(head), "relcl"
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        # A reduced relative: "police firing on the mob", "troops crossing the border" -- the
        # noun does it. (A past participle, "the men arrested on Friday", is done to the noun.)
        # A paper does what its author does: "a petition by the ministry asking the court
        # to ...", "a statement by the ministry condemning the attack".
        author = agent_of(head) if head.pos_ == "NOUN" and head._.sector is None else None
        if author is not None:
            return conjuncts(author), "acl"
        return conjuncts(head), "acl"
    if verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ == "PROPN" \
            and verb.tag_ in ("VBD", "VBN") and not any(c.dep_ == "agent" for c in verb.children) \
            and any(t.text == "," for t in head.doc[head.i:verb.i]):
        # "Russia, which brokered the ceasefire, called on both sides": the small parser hangs
        # the verb on the name as a participle; with the name as the sentence's root, the
        # verb is the sentence's, and the name its subject (told as such: the typer knows
        # subjects, not this repair).
        return conjuncts(head), "nsubj"
    if verb.dep_ == "acl" and head.pos_ == "NOUN" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "reiterated its commitment to support the police", "the U.N.'s decision to withdraw":
        # whoever holds the commitment or decision acts.
        subj, how = _holder_of(head, depth + 1)
        return subj, how and "noun>" + how
    return [], ""


def _holder_of(noun: Token, depth: int) -> tuple[list[Token], str]:
    """Who holds a commitment, decision or plan: its possessor ("the U.N.'s commitment"), else
    the subject of the verb it is the object of ("Guterres reiterated the commitment")."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in _PRONOUNS:
            return conjuncts(child), "poss"
    for child in noun.children:  # "the US decision to expel", "the Russian decision"
        if child.dep_ in ("compound", "amod") and child.i < noun.i \
                and child.ent_type_ in ("GPE", "NORP", "ORG"):
            return [child], "modifier"
    tok = noun
    while tok.dep_ in ("dobj", "pobj", "prep", "attr", "appos", "conj") and tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return subject_of(tok, depth)
    return [], ""


def _speaker_for(verb: Token, depth: int) -> list[Token] | None:
    """For a pronoun subject in a reported clause, the subject of the reporting verb."""
    if verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return None
    subj, _ = subject_of(verb.head, depth + 1)
    return subj or None


def prep_objects(token: Token, preps: set[str], skip: set[int]) -> list[Token]:
    """Objects (with their conjuncts) of the given prepositions under a token."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps and child.i not in skip:
            for g in child.children:
                if g.dep_ == "pobj" and not (child.lower_ == "for"
                                             and g.lower_ in ("instance", "example")):
                    out.extend(conjuncts(g))  # ("for instance" only says what follows is one)
        elif child.dep_ == "dative" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(conjuncts(child))
    return out


def verb_arguments(verb: Token, entry: Entry, visitors: frozenset[str] = frozenset()
                   ) -> Arguments:
    """Arguments of a verb trigger; ``visitors`` are the nouns that make the object of a ``swap``
    pattern the actor (``Lexicon.visitor_nouns``)."""
    args = Arguments()
    args.sources, how = subject_of(verb)
    if how:
        args.how.append(how)
    pattern_objects = entry.objects or frozenset()
    direct: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") or (child.dep_ in _PASS_SUBJ and not args.sources):
            if CENSURE in pattern_objects and censures(child):
                continue  # "branded the budget a betrayal": what it is called, not who
            if child.lemma_.lower() in pattern_objects:
                # "impose sanctions on X": the pattern's own object is not the target; its
                # prepositional phrase may name it. (When it is a person -- "expelled the
                # ambassador" -- the coder takes it as the recipient.)
                direct.extend(prep_objects(child, TARGET_PREPS, set()))
                args.objects.extend(conjuncts(child))
            else:
                direct.extend(conjuncts(child))
    if is_passive(verb):
        # (The pattern's own object is no theme, "a curfew was imposed", "sanctions were
        # imposed on Iran", unless it is forces moved: "forces were rushed".)
        themes = [c for c in verb.children if c.dep_ in _PASS_SUBJ and (
            c.lemma_.lower() not in pattern_objects or entry.type in FORCE_PLACE_PREPS)]
        if reduced_passive(verb):
            themes = [verb.head] if verb.head.lemma_.lower() not in pattern_objects or (
                entry.type in FORCE_PLACE_PREPS) else []  # "the drones launched by Russia"
        elif not themes and verb.dep_ in ("xcomp", "conj"):
            # "forces continue to be deployed"; "Santoso arrived and was welcomed by Reid"
            themes = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        direct = [t for d in themes + direct for t in conjuncts(d)]
    # Candidates in order of preference; the coder picks the best actor among them. (What is
    # given comes "from" the giver's side: "delivered relief to the region from Turkey".)
    # ("accepted refugees from Ethiopia", with no goal named, takes them from Ethiopia)
    origin = TYPE_INFO[entry.type].transfer and entry.type not in FORCE_PLACE_PREPS \
        and bool(prep_objects(verb, {"to", "into"}, set()))
    args.targets = (direct + prep_objects(verb, TARGET_PREPS - {"from", "of"}, set())
                    + prep_objects(verb, {"of"} if origin else {"from", "of"}, set()))
    args.places = prep_objects(verb, WEAK_PREPS, set())
    if entry.converse:
        # "Georgian rebels received weapons from Russia": Russia gives, the rebels receive; with
        # no giver named the act has no source ("Pakistan received criticism" names no critic).
        givers = prep_objects(verb, {"from"}, set()) + [
            g for o in args.objects for g in prep_objects(o, {"from"}, set())]
        args.sources, args.targets = [t for g in givers for t in conjuncts(g)], args.sources
        args.how.append("converse")
        return args
    if entry.victim:
        # "97 died in police firing": the subject is who suffered it; the source, if any, is the
        # actor of the cause (participants.agent_of_cause).
        args.sources, args.targets = [], args.sources
        args.how.append("victim")
        return args
    if entry.swap:
        # The visitor acts, the host receives; a hosted summit or talks is no visitor, nor is
        # a date ("on Friday"). The pattern's own object is the visitor ("received the envoy").
        guests = [t for t in args.objects if t.lemma_.lower() in visitors] or [
            t for t in args.targets if t.ent_type_ not in _WHEN_ENTS]
        if any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "NORP", "GPE", "ORG")
               or t.lemma_.lower() in visitors for t in guests):
            args.sources, args.targets = guests, args.sources
            args.how.append("swap")
    return args


#: Dependency labels that open a subordinate clause.
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "xcomp", "pcomp", "csubj", "conj", "parataxis"}


#: Where forces go to ("troops near the border") or come from ("withdrew from Peru").
FORCE_PLACE_PREPS = {
    "MOBILIZE": {"near", "along", "toward", "towards", "to", "on", "into", "at", "in"},
    "RETREAT": {"from", "out"},
}


def place_objects(verb: Token, event_type: str) -> list[Token]:
    """Objects of the place prepositions of a force movement, under the verb or its object."""
    heads = [verb, *[c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]]
    return [t for h in heads for t in prep_objects(h, FORCE_PLACE_PREPS[event_type], set())]


_SIDE_PREFIXES = {"pro", "anti"}


def _in_hyphen_prefix(tok: Token) -> bool:
    """Part of "pro-X" / "anti-X" before an event noun: a "pro-Navalny demonstration" is not
    held by Navalny, an "anti-government protest" not by the government."""
    doc = tok.doc
    if tok.lower_ in _SIDE_PREFIXES or tok.text == "-":
        return True
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in _SIDE_PREFIXES


#: Actor kinds that make a place name an actor too ("Turkish raids", "Ankara's offer").
_STATE_KINDS = frozenset({"country", "capital", "demonym", "igo", "group", "leader"})


def is_mere_place(token: Token) -> bool:
    """A town or site that the gazetteer does not know as a state, capital or organisation: the
    place index's city, or spaCy's LOC/FAC ("the Godhra killings", "the Aleppo bombing": where,
    not who). NER's label alone will not do: it calls such names ORG or NORP as often as GPE."""
    actor = actor_at(token)
    if actor is not None and (actor._.actor.kind in _STATE_KINDS or actor._.actor.sector):
        return False  # (a titled person is no town: "police commissioner n v surendra babu")
    ent = entity_at(token)
    if ent is None and token.pos_ != "PROPN":
        return False  # a common noun is no town, whatever town shares its spelling ("police")
    name = ent.text if ent is not None else token.text
    places = load_places()
    # (a city's other name, "Bangalore", only where NER too calls it a place)
    return name.lower() in places.spellings or token.ent_type_ in ("LOC", "FAC") or (
        token.ent_type_ == "GPE" and name.lower() in places.other_spellings)


def is_town(token: Token) -> bool:
    """A mere place named as a participant: one NER takes for a name of any kind but a
    person's (it calls towns ORG or NORP as often as GPE), or a city of 100,000 people or
    more whatever NER says (it took "Lahore" for a person). Without either, words that small
    towns share ("Posse of policemen", a name's "babu") would be taken."""
    if not is_mere_place(token):
        return False
    ent = entity_at(token)
    if ent is not None and ent.label_ != "PERSON":
        return True
    places = load_places()
    rows = places.cities.get(places.spellings.get((ent.text if ent else token.text).lower(), ""))
    return rows is not None and max(r[3] for r in rows) >= NOTABLE


#: Verbs that say what something amounts to ("amounted to an assault on parliament").
CHARACTERIZING_VERBS = frozenset({"amount", "constitute", "represent", "tantamount"})


def noun_arguments(noun: Token, entry: Entry) -> Arguments:
    """Arguments of an event noun: its own modifiers first, then the verb that governs it."""
    args = Arguments()
    # "China's assistance package": the act held by a container noun has the container's words.
    holder = noun.head if noun.dep_ == "compound" and noun.head.lemma_.lower() in CONTAINER_NOUNS \
        else noun
    for child in [*noun.children, *(holder.children if holder is not noun else [])]:
        if _in_hyphen_prefix(child) or child.i == noun.i:
            continue
        if child.dep_ == "poss" or (child.dep_ in ("compound", "amod") and child.i < noun.i
                                    and child.pos_ in ("PROPN", "ADJ", "NOUN")
                                    and child.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")):
            if is_mere_place(child):
                continue  # "the Godhra killings", "Gujarat riots": where, not who
            args.sources.append(child)
            args.how.append("noun-modifier")
    if entry.type in FORCE_PLACE_PREPS:
        # "the withdrawal of Russian troops from Syria": forces leave (or go to) the place
        # named, which receives; "by" names who moved them, else the forces withdrawn (a
        # "deployment of the army" is talked of more often than done: no actor of its own).
        args.sources.extend(prep_objects(holder, {"by"}, set()) + [
            g for g in prep_objects(holder, {"of"}, set())
            if entry.type == "RETREAT" and g._.sector in ("MIL", "COP")])
        args.targets.extend(prep_objects(holder, FORCE_PLACE_PREPS[entry.type] - {"in", "at"},
                                         set()))
    else:
        args.sources.extend(prep_objects(holder, SOURCE_PREPS, set()))
        # ("the expulsion of Russian diplomats from the United States": the parser hangs the
        # "from" on the "of" object)
        args.sources.extend(g for prep in noun_prepositions(holder)
                            if prep.head.i != holder.i and prep.lower_ in SOURCE_PREPS
                            and prep.head.dep_ == "pobj" and prep.head.head.lower_ == "of"
                            and holder.lemma_.lower() in _REMOVALS
                            for g in prep.children if g.dep_ == "pobj")
    between = prep_objects(noun, {"between", "among"}, set())
    if len(between) >= 2 and not args.sources:
        args.sources, args.targets = [between[0]], between[1:]
        args.how.append("between")
        return args
    args.targets.extend(prep_objects(holder, TARGET_PREPS - SOURCE_PREPS, set()))
    args.places = prep_objects(holder, WEAK_PREPS, set())
    if noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.pos_ in (
            "VERB", "AUX"):
        # "Syria was under pressure from the EU", "the convoy came under attack": whoever is
        # under it receives it (from whom, the "from"/"by" phrase said above).
        verb = noun.head.head
        holders, _ = subject_of(verb)
        args.targets = holders + args.targets
        if not args.sources:  # "came under attack on Monday from rebels"
            args.sources = prep_objects(verb, SOURCE_PREPS, set())
        args.how.append("under")
        return args
    # Climb to the governing verb: "Turkey [is speeding] humanitarian aid to Gaza".
    tok, came = holder, holder.dep_
    steps = 0
    while tok.dep_ in ("dobj", "pobj", "prep", "attr", "conj", "appos", "nsubjpass", "npadvmod",
                       "compound", "oprd") and tok.head.i != tok.i and steps < 4:
        if tok.dep_ == "prep" and tok.lower_ in CIRCUMSTANCE_PREPS:
            return args
        if tok.i != holder.i and tok.lemma_.lower() in RESPONDING_NOUNS:
            return args  # "in response to the expulsion": what is responded to is another's
        tok = tok.head
        steps += 1
        if tok.pos_ in ("VERB", "AUX"):
            break
    if tok.pos_ in ("VERB", "AUX") and tok.i != noun.i:
        lemma = tok.lemma_.lower()
        if lemma in RESPONDING_VERBS:
            return args  # "did not respond to the request": the request is someone else's
        if came == "dobj" and lemma in NEEDING_VERBS:
            # "still needs the support of 59 legislators", "Gaza needs aid": nobody acted.
            args.sources, args.targets = [], []
            args.how.append("needed")
            return args
        called = not args.sources and ((came == "attr" and lemma == "be") or came == "oprd" or (
            lemma in CHARACTERIZING_VERBS and came in ("dobj", "pobj")))
        said_to_be = came == "dobj" and (object_predicate(tok) is not None or any(
            c.dep_ == "prep" and c.lower_ == "as" for c in tok.children))
        if called or said_to_be:
            # What an act or a thing is called is not an act of its own: "the decree amounted
            # to an assault on the constitution", "the verdict is an attack on democracy", "what
            # it called unprovoked firing" (its own "by" phrase still acts: "the blast was an
            # attack by the militants"); a verb that says what the act was ("called the protests
            # treasonous", "describing the attack as shameful"): its subject did not do it.
            args.how.append("characterized")
            return args
        if came == "dobj" and lemma in GETTING_VERBS:
            # "won the backing of the EU", "secured a loan from the IMF": the giver acts, the
            # subject receives.
            takers, _ = subject_of(tok)
            givers = args.sources or prep_objects(holder, {"of"}, set()) or prep_objects(
                tok, {"from"}, set())
            args.sources, args.targets = givers, takers
            args.how.append("got-from")
            return args
        # "Russia announced its withdrawal", "the peacekeepers marked their withdrawal": the
        # possessive pronoun is the subject of the verb the act is the object of.
        own = [t for t in args.sources if t.dep_ == "poss" and t.lower_ in _POSSESSIVES]
        if own and len(own) == len(args.sources) and came == "dobj":
            subj, how = subject_of(tok)
            if how:
                args.sources = subj
                args.how = [h for h in args.how if h != "noun-modifier"]
                args.how.append("governing-verb>" + how)
        if not args.sources:
            subj, how = subject_of(tok)
            if how:
                args.sources = subj
                args.how.append("governing-verb>" + how)
        args.targets += prep_objects(tok, TARGET_PREPS - {"from", "of"}, set())
        if not args.targets and came == "pobj":
            args.targets = [o for o in object_lemmas(tok) if o.dep_ == "dobj"]
        args.places += prep_objects(tok, WEAK_PREPS, set())
    return args


#: Verbs whose prepositional object is someone else's act ("responded to the request").
RESPONDING_VERBS = frozenset({"respond", "react", "reply", "refer", "comment"})
#: Nouns of the same ("in response to the expulsion of American employees, the State
#: Department ...": the expulsion is the other side's).
RESPONDING_NOUNS = frozenset({"response", "reaction", "reply", "retaliation", "answer"})
#: Acts that remove someone from where they were: "from" names who removed them ("the
#: expulsion of diplomats from the United States").
_REMOVALS = frozenset({"expulsion", "ouster", "deportation", "eviction", "removal"})
#: Verbs whose object is an act someone lacks: what is needed has not been done.
NEEDING_VERBS = frozenset({"need", "lack", "require"})
#: Verbs whose object is an act someone else did for the subject ("garnered the support of").
GETTING_VERBS = frozenset({"win", "get", "gain", "garner", "secure", "obtain", "enlist",
                           "muster", "earn", "attract"})


#: Dependency labels of noun-phrase heads (modifiers inside a phrase are not participants).
_PHRASE_HEADS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "conj", "appos", "attr", "oprd",
                 "npadvmod"}


#: Clauses with a verb of their own.
_OTHER_CLAUSES = {"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj"}


#: What a comparison names is no participant ("a situation similar to Bosnia", "like Gujarat").
_COMPARISON_WORDS = frozenset({"like", "unlike", "similar", "akin", "comparable", "identical",
                               "analogous"})


def _comparison(token: Token) -> bool:
    return token.lower_ in _COMPARISON_WORDS and token.pos_ in ("ADP", "ADJ", "SCONJ")


def clause_participants(trigger: Token, skip: set[int], own_clause: bool = False) -> list[Token]:
    """Heads of the noun phrases inside a trigger's clause, nearest in the parse first: the last
    place to look for a recipient ("demanded that Dbeibeh appear", "a ceasefire in Tripoli").
    An event noun starts from the verb that governs it. Not searched: the tokens in ``skip``
    (the source's phrase) and dates; with ``own_clause``, clauses of other verbs, coordinated
    ones included ("condemned the tariffs and accused Washington"). Circumstances
    stay in: coders take a recipient from them when nothing else is named ("resigned after
    being accused ... in The Hague")."""
    start = trigger
    while start.pos_ not in ("VERB", "AUX") and start.head.i != start.i and start.dep_ in (
            "dobj", "pobj", "prep", "attr", "conj", "appos", "compound", "nsubjpass", "npadvmod"):
        if start.dep_ == "prep" and start.lower_ in CIRCUMSTANCE_PREPS:
            break  # "arrested journalists during a demonstration": not the protesters' clause
        start = start.head
    seen = {start.i, trigger.i}
    frontier = [start, trigger]
    out: list[Token] = []
    while frontier:
        nxt: list[Token] = []
        for tok in sorted(frontier, key=lambda t: abs(t.i - trigger.i)):
            for child in tok.children:
                if child.i in seen or child.i in skip or child.ent_type_ in ("DATE", "TIME") or (
                        own_clause and (child.dep_ in _OTHER_CLAUSES or (
                            child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")))) \
                        or _comparison(child):
                    continue
                seen.add(child.i)
                nxt.append(child)
                if child.dep_ in _PHRASE_HEADS and child.pos_ in ("NOUN", "PROPN"):
                    out.append(child)
        frontier = nxt
    return out
