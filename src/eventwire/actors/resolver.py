"""The ``eventwire_actors`` component: finds actor mentions and resolves them to countries and sectors.

Reads: tokens, ``doc.ents`` (NER fallback), ``doc._.article_date`` (for dated leaders).
Writes: ``doc._.actors`` (a sorted list of Spans), each with ``span._.actor`` (an ``ActorInfo``),
and ``token._.sector`` (the sector a title or sector noun names, from the gazetteer's table).
``actor_for_token`` then turns an argument token of an event into one ``ActorMatch``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from eventwire.actors.gazetteer import ActorInfo, Gazetteer, case_sensitive
from eventwire.ingest.casing import dictionary_words, headword
from eventwire.spans import actor_at, actors_overlapping

#: Preference when several gazetteer mentions sit in one noun phrase: the most specific wins.
_KIND_RANK = {"leader": 0, "group": 1, "igo": 2, "capital": 3, "country": 4, "demonym": 5,
              "ner": 6, "noun": 7}
_NER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
#: Dependency labels inside a noun phrase that may carry its actor ("Turkish goods", "Iran's army").
_NP_MODIFIERS = {"compound", "amod", "poss", "nmod", "appos", "flat", "det", "nummod"}


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """An event argument resolved to an actor: the phrase and what it refers to."""

    span: Span
    info: ActorInfo


class ActorResolver:
    """Gazetteer phrase matching with longest-match, blockers and dated leaders."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        keys = list(gazetteer.aliases) + sorted(gazetteer.blockers)
        patterns = [nlp.make_doc(k) for k in keys]
        for key, pattern in zip(keys, patterns, strict=True):
            matcher = self.orth if case_sensitive(key) else self.lower
            matcher.add(key, [pattern])
        self.strings = nlp.vocab.strings
        self.words = dictionary_words(nlp)

    def __call__(self, doc: Doc) -> Doc:
        # Every title or sector noun gets its sector here, from this component's own table, so the
        # argument rules that run later read it from the token.
        for token in doc:
            token._.sector = sector_of(token, self.gaz.sectors)
        on = doc._.article_date
        found: list[Span] = []
        for matcher in (self.lower, self.orth):
            for match_id, start, end in matcher(doc):
                found.append(Span(doc, start, end, label=self.strings[match_id]))
        misread = misread_names(doc, self.words, {t.i for s in found for t in s})
        for i in misread:  # (a word retagged as a noun may be a sector noun: "Miscreants")
            doc[i]._.sector = sector_of(doc[i], self.gaz.sectors)
        actors: list[Span] = []
        for span in filter_spans(found):
            key = span.label_
            if key in self.gaz.blockers:
                continue
            info = self.gaz.lookup(key, on)
            if info is not None:
                span._.actor = info
                actors.append(span)
        taken = {t.i for s in actors for t in s}
        for ent in doc.ents:
            if ent.label_ in _NER_LABELS and not any(t.i in taken for t in ent) \
                    and not all(t.i in misread for t in ent):
                name = ent.text if ent.label_ in ("PERSON", "ORG") else None
                ent._.actor = ActorInfo("ner", None, None, name)
                actors.append(ent)
        doc._.actors = sorted(actors, key=lambda s: s.start)
        return doc


def misread_names(doc: Doc, words: frozenset[str], known: set[int]) -> set[int]:
    """English words the tagger took for names, retagged as the nouns they are; their indices.
    A lower-case word is no name in any copy ("calm is returning"); in copy that was all
    lower or upper case, neither is a word capitalised only because it starts its sentence
    ("Tractors and carts ...", "Miscreants set fire ..."), where the small tagger reads
    capitals as names and the actor rules would take "Normalcy" for one. Words the gazetteer
    names (``known``) stay names, and so do places and peoples NER found: the dictionary is
    WordNet's, which lists "gujarat" and "india" too. A tag is corrected, not the parse (which
    is made once)."""
    layout = doc._.layout
    recased = layout is not None and layout.casing != "mixed"
    candidates = [t for t in doc if t.pos_ == "PROPN" and t.i not in known and t.is_alpha
                  and len(t) >= 3 and t.ent_type_ not in _PLACE_ENTS
                  and (t.is_lower or (recased and _starts_sentence(t)))]
    if not candidates:
        return set()
    # A word the article writes as a name where no sentence starts is a name at a sentence
    # start too ("a k mitra ... mitra said"; WordNet lists Mitra, Bose and Das).
    names = {t.lower_ for t in doc if t.is_title and t.pos_ == "PROPN" and not _starts_sentence(t)}
    names |= {doc[i].lower_ for i in known}
    out: set[int] = set()
    for token in candidates:
        word = headword(token.lower_, words) if token.lower_ not in names else None
        if word is None:
            continue
        token.tag_ = "NN" if word == token.lower_ else "NNS"
        token.pos_ = "NOUN"
        token.lemma_ = word
        out.add(token.i)
    return out


_PLACE_ENTS = frozenset({"GPE", "LOC", "NORP", "FAC"})


def _starts_sentence(token: Token) -> bool:
    """The first word of its sentence (after any opening quotation marks or brackets)."""
    i = token.i
    while i > 0 and not token.doc[i].is_sent_start and token.doc[i - 1].is_punct:
        i -= 1
    return bool(token.doc[i].is_sent_start) or i == 0


def sector_of(token: Token, sectors: dict[str, str]) -> str | None:
    """Sector from a title or noun: the head itself, then a two-word title ending in it
    (``sectors``: ``Gazetteer.sectors``)."""
    lemma = token.lemma_.lower()
    if lemma == "state" and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None  # "a state of emergency / siege / war" is a condition, not the state
    if lemma == "force" and any(c.lemma_.lower() in POLITICAL_FORCES for c in token.children
                                if c.dep_ in ("amod", "compound")):
        return None  # "secular forces", "market forces": currents, not troops
    prev = token.doc[token.i - 1] if token.i > 0 else None
    hyphened = prev is not None and prev.text == "-" and not prev.whitespace_ and token.i > 1 \
        and not token.doc[token.i - 2].whitespace_
    if hyphened:
        prev = token.doc[token.i - 2]  # "attorney-general", "secretary-general": one word
    # (the last of coordinated modifiers too: "the police and security forces")
    if prev is not None and (hyphened or prev.dep_ in ("compound", "amod", "nmod")
                             or prev.head.i == token.i
                             or (prev.dep_ == "conj" and prev.head.head.i == token.i)):
        two = f"{prev.lemma_.lower()} {lemma}"
        if two in sectors:
            return sectors[two]
        if lemma in BODY_HEADS and prev.lemma_.lower() in sectors:
            # A body is of the sector its modifier names: "police force", "police department".
            return sectors[prev.lemma_.lower()]
    return sectors.get(lemma) or sectors.get(token.text.lower())


#: Modifiers that make "forces" a political current, not troops.
POLITICAL_FORCES = frozenset({"secular", "communal", "divisive", "fundamentalist", "leftist",
                              "left", "democratic", "progressive", "reactionary", "political",
                              "market", "rightist", "right-wing", "anti-national", "sectarian"})


#: Nouns for a body of some service, whose sector a modifier may name ("the police force" is
#: COP, "an army unit" MIL); alone they keep their own ("the forces", "the department").
BODY_HEADS = frozenset({"force", "department", "unit", "branch", "wing", "cell", "service",
                        "agency", "contingent", "establishment", "machinery", "battalion",
                        "platoon", "squad", "column"})


def noun_phrase(token: Token) -> Span:
    """The phrase an argument token heads: its left modifiers and any appositive to the right."""
    doc = token.doc
    start = token.i
    for child in token.lefts:
        if child.dep_ in _NP_MODIFIERS or child.dep_ in ("punct", "cc", "quantmod", "case"):
            start = min(start, child.left_edge.i)
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("flat", "compound", "case"):
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ == "appos" and child.left_edge.i - end < 2:
            # The appositive's own phrase: "her counterpart Tomas Araya", not "... in Lima".
            end = max(end, noun_phrase(child).end)
        elif child.dep_ == "prep" and (child.lower_ == "of" or (
                child.lower_ in ("in", "from") and token.lemma_.lower() in AGENT_HEADS)):
            # "the president of Turkey"; someone who speaks for a body may name it with another
            # preposition ("sources in the railway police", "an officer from the crime branch")
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ != "punct":  # (the comma before an appositive)
            break
    while start < token.i and doc[start].dep_ in ("punct", "cc"):
        start += 1
    while end > token.i + 1 and doc[end - 1].is_space:  # a paragraph break the parse crossed
        end -= 1
    return doc[start:end]


#: Heads that only count the actors in their "of" phrase ("thousands of protesters").
QUANTITY_HEADS = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million",
                  "millions", "number", "group", "team", "members", "member", "crowd", "scores",
                  "some", "many", "all", "most", "several", "one", "two", "delegation",
                  # units of a force ("two companies of the Rapid Action Force")
                  "company", "companies", "contingent", "contingents", "column", "columns",
                  "squad", "squads", "detachment", "personnel"}

#: Heads that count people only when their "of" phrase names people ("a party of six
#: policemen", "a batch of pilgrims"; not "the party of Lenin").
GROUPS_OF_PEOPLE = {"party", "batch", "band", "posse"}


def _of_object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    return None


#: Heads that only say someone speaks or acts for a body (whose sector the phrase names).
#: (Titles with no sector of their own, "chief", "commissioner", take their modifier's anyway.)
AGENT_HEADS = {"official", "officer", "spokesman", "spokeswoman", "spokesperson", "source",
               "personnel", "representative", "general"}


#: Entity labels that are never participants ("on Thursday", "in April", "500 million").
NON_ACTOR_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


#: Heads that name a person by office ("the police commissioner", "a senior official"): such a
#: phrase is someone "he" or "she" can refer back to, named or not.
PERSON_TITLES = frozenset({
    "official", "officer", "spokesman", "spokeswoman", "spokesperson", "commissioner",
    "superintendent", "inspector", "director", "general", "chief", "commander", "minister",
    "secretary", "governor", "mayor", "magistrate", "collector", "ambassador", "envoy",
    "president", "premier", "chancellor", "leader", "constable", "policeman", "policewoman",
    # police ranks as South Asian copy abbreviates them (sectors.tsv)
    "sp", "ssp", "dsp", "dgp", "igp", "ig", "dcp", "acp"})


def title_before(span: Span) -> Token | None:
    """The person's title right before a name and its initials: such a name is a person's,
    whatever label the small NER gave it ("police commissioner h t sangliana" is no place)."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and _INITIALS.fullmatch(doc[i].lower_):  # "h t", "m.n."
        i -= 1
    if i >= 0 and doc[i].text == ")":  # "superintendent of police (south) m l verma"
        opening = next((j for j in range(i - 1, max(i - 8, -1), -1) if doc[j].text == "("), None)
        i = opening - 1 if opening is not None else i
    if i < 0:
        return None
    title = doc[i]
    if title.dep_ == "pobj" and title.head.lower_ == "of" and title.head.head.i < title.i:
        title = title.head.head  # "inspector general of police": the title the phrase completes
    return title if title.lemma_.lower() in PERSON_TITLES else None


#: A token of a name's initials: "h", "m.n.", "m.n" (the parser may split off the stop), ".".
_INITIALS = re.compile(r"(?:[a-z]\.){1,3}[a-z]?|[a-z]|\.")


#: Kinds of actor whose words are a proper name, not titles.
_NAME_KINDS = frozenset({"igo", "group", "ner", "leader"})


def actor_for_token(token: Token) -> ActorMatch | None:
    """Resolve an event argument to an actor, or None when the phrase names no actor at all."""
    doc = token.doc
    if token.dep_ == "poss" and token.pos_ == "PRON":
        return None  # "its ministry": the owner says whose the ministry is (_owner), no actor
    antecedents = (doc._.coref or {}).get(token.i)
    if antecedents:
        # "he", "both sides": the words as written, the actor they refer to. A pair resolves to
        # its first member here; coordinated_antecedents() gives both.
        phrase = noun_phrase(token) if token.pos_ != "PRON" else doc[token.i:token.i + 1]
        first = antecedents[0]._.actor
        # "the ministry" -> Vietnam: the antecedent's state, the noun's own sector ("the police"
        # after "the state government" are still the police); a pronoun takes the antecedent's,
        # and so does a head that only says someone acts for a body ("the official" after "a
        # senior police official" is the police's).
        own = None if token.lemma_.lower() in AGENT_HEADS else token._.sector
        return ActorMatch(phrase, ActorInfo("noun", first.country, own or first.sector or token._.sector,
                                            first.name))
    counted = token.lower_ in QUANTITY_HEADS or token.lemma_.lower() in QUANTITY_HEADS
    if counted or (token.lower_ in GROUPS_OF_PEOPLE and token.pos_ == "NOUN"):
        inner = _of_object(token)
        if inner is not None and (counted or inner.tag_ == "NNS"):
            match = actor_for_token(inner)
            if match is not None:
                span = doc[min(token.left_edge.i, match.span.start):match.span.end]
                people = match.info
                if people.kind == "demonym" and people.sector is None:
                    people = ActorInfo(people.kind, people.country, "CVL")  # "thousands of Kenyans"
                return ActorMatch(span, people)
    if token.ent_type_ in NON_ACTOR_ENTS:
        return None
    phrase = noun_phrase(token)
    inside = actors_overlapping(doc, phrase.start, phrase.end)
    agent = token.lemma_.lower() in AGENT_HEADS
    # A title is a modifier, capitalised or not ("Police Commissioner M.N. Singh"); a word of a
    # name is not ("Islamic State members", "African Union Commission").
    named = {t.i for s in inside if s._.actor.kind in _NAME_KINDS for t in s}
    modifiers = [t._.sector for t in phrase if t.i != token.i and t._.sector and (
        t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.i not in named)
        or (agent and t.pos_ == "ADJ" and t.i < token.i))]
    # Someone who speaks or acts for a body is of the body's sector, the last one named ("a
    # senior police official", "a military spokesman", "the spokesperson of the state police",
    # "the inspector general of police"). ("Joint military exercises" are no actor.)
    if agent:
        # (The body may be a name: "a GRP official" is the railway police's, not just "an
        # official"; the name's own sector is read below.)
        body_named = any(s._.actor.sector for s in inside if s._.actor.kind in _NAME_KINDS)
        sector = modifiers[-1] if modifiers else None if body_named else token._.sector
    elif token.pos_ == "PROPN" and token._.sector is None:
        # A name's own title is the one nearest it: "the union health minister c p thakur"
        # is a minister (GOV), whatever the words before the title name; the parse may leave
        # the title out of the name's phrase ("superintendent of police (south) m l verma").
        if modifiers:
            sector = modifiers[-1]
        else:
            title = title_before(phrase)
            titled = actor_for_token(title) if title is not None else None
            sector = titled.info.sector if titled is not None else None
    else:
        sector = token._.sector or (modifiers[0] if modifiers else None)
    if inside:
        # The head's own name first; then by kind; among equals a possessor ("China's Taiwan
        # Affairs Office" is China's), else the nearest.
        owners = {t.i for c in token.children if c.dep_ == "poss" for t in c.subtree}
        best = min(inside, key=lambda s: (0 if s.start <= token.i < s.end else 1,
                                          _KIND_RANK[s._.actor.kind],
                                          0 if s.start in owners else 1, -s.start))
        info: ActorInfo = best._.actor
        head_in_name = best.start <= token.i < best.end
        if info.country is None and info.kind in ("ner", "noun"):
            # "Russia's defence ministry", "India's Supreme Court": the modifier's country.
            national = [s for s in inside if s is not best and s._.actor.country
                        and s._.actor.kind in ("country", "demonym", "capital")]
            owner = national[0]._.actor.country if national else _owner(token)
            if owner:
                info = ActorInfo(info.kind, owner, info.sector, info.name)
        # The noun says more about the sector than the name ("Turkish troops" is MIL, not GOV),
        # unless the noun is part of the name itself ("the African Union", "the Arakan Army").
        if sector and not (head_in_name and info.kind in ("leader", "igo", "group")):
            info = ActorInfo(info.kind, info.country, sector, info.name, info.start, info.end)
        elif info.kind == "demonym" and best.start <= token.i < best.end and token.tag_ == "NNPS":
            # A people named by its demonym ("Kenyans protested") is the public.
            info = ActorInfo(info.kind, info.country, "CVL")
        return ActorMatch(phrase, info)
    acronym = token.is_upper and token.is_alpha and 2 <= len(token) <= 6  # "ICE", "UNMISS"
    if sector or token.pos_ == "PROPN" or acronym:
        name = phrase.text if token.pos_ == "PROPN" or acronym else None
        return ActorMatch(phrase, ActorInfo("noun", _owner(token), sector, name))
    return None


def _owner(token: Token) -> str | None:
    """The state of the possessive before a body ("South Korea ... its foreign ministry")."""
    for child in token.children:
        if child.dep_ == "poss" and child.pos_ == "PRON":
            found = (token.doc._.coref or {}).get(child.i)
            if found:
                return found[0]._.actor.country
    return None


def agent_of(token: Token) -> Token | None:
    """The actor inside an act named as an object: "a request *by the president*", "*Iran's*
    proposal", "every offer made *by the Taliban*"."""
    for child in token.children:
        if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her", "our"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
        if child.dep_ == "acl":
            for g in child.children:
                if g.dep_ == "agent":
                    objs = [o for o in g.children if o.dep_ == "pobj"]
                    if objs:
                        return objs[0]
    return None


def recipient_for_token(token: Token) -> ActorMatch | None:
    """A recipient may be any concrete thing acted upon ("rejected the referendum"); where the
    object is an act with an agent ("refused a request by the president"), the agent receives."""
    match = actor_for_token(token)
    if match is not None:
        return match
    agent = agent_of(token)
    if agent is not None:
        match = actor_for_token(agent)
        if match is not None:
            return match
    # "suspended aid to Pakistan", "support for NGOs": the thing's own recipient receives.
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _THING_RECIPIENT_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    match = actor_for_token(pobj)
                    if match is not None:
                        return match
    if token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in NON_ACTOR_ENTS:
        return ActorMatch(noun_phrase(token), ActorInfo("noun", None, None, None))
    return None


_THING_RECIPIENT_PREPS = {"to", "for", "with", "on", "against", "into", "toward", "towards"}


def is_thing(match: ActorMatch) -> bool:
    """A recipient that names no actor at all (no country, sector or proper name)."""
    info = match.info
    return info.kind == "noun" and info.country is None and info.sector is None \
        and info.name is None


def is_counted(match: ActorMatch) -> bool:
    """A counted group ("two were injured", "at least 22 persons"): people, though no actor is
    named."""
    root = match.span.root
    return root.like_num or any(c.dep_ == "nummod" for c in root.children)


def coordinated_antecedents(token: Token) -> list[ActorMatch]:
    """For "both sides" / "the two countries": one actor per member of the pair."""
    antecedents = (token.doc._.coref or {}).get(token.i) or []
    if len(antecedents) < 2:
        return []
    phrase = noun_phrase(token)
    return [ActorMatch(phrase, ActorInfo("noun", a._.actor.country, a._.actor.sector,
                                         a._.actor.name)) for a in antecedents]


def joint_modifiers(match: ActorMatch) -> list[ActorMatch]:
    """"Nigerian and British armed forces", "Russia and Turkey's foreign ministers": one phrase,
    one actor per coordinated national modifier (with the head noun's sector). Any other
    phrase is returned as it is."""
    root = match.span.root
    for mod in root.children:
        if mod.dep_ not in ("amod", "compound", "nmod", "poss") or mod.i > root.i:
            continue
        group = [mod, *[c for c in mod.conjuncts if c.i != mod.i]]
        if len(group) < 2:
            continue
        # Only now (rarely) map tokens to the national actors that cover them.
        spans = [actor_at(t) for t in group]
        spans = [a if a is not None and a._.actor.country else None for a in spans]
        if all(spans):
            countries = {a._.actor.country for a in spans if a is not None}
            if len(countries) == len(group):
                return [ActorMatch(a, ActorInfo(a._.actor.kind, a._.actor.country,
                                                match.info.sector or a._.actor.sector,
                                                a._.actor.name))
                        for a in spans if a is not None]
    return [match]
