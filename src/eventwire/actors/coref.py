"""Within-article coreference by rule: pronouns and nominals resolve to actors already named.

- "he", "him", "his", "she", "her": the last named person (a leader or a PERSON entity) before
  it, not the subject of the same verb ("Sharif thanked him" -> not Sharif); else a person named
  by office ("police commissioner p c pandey", lower-case copy's way of naming officials);
- "it", "its": the last country, organisation or group; "they", "them", "their": the last
  group, organisation or coordinated pair, else the last country;
- "both sides", "the two countries", "both leaders", "the two nations": the last two different
  countries (or people) named;
- "the country", "the government", "the kingdom", "the prime minister", "the president", "the
  minister": the last country (or leader) named;
- "the spokeswoman", "the ministry" (a bare sector noun): the state of the last phrase with the
  same noun that said whose it was;
- "I", "we" in a direct quotation: its speaker ("'We will stop them,' the commissioner said").

Reads ``doc._.actors``; writes ``doc._.coref``: token index -> the antecedent actor spans, and
``doc._.default_state``: the article's own country (its dateline's, else the country it names
most: at least twice, and twice as often as any other, else the one country of its places), for
national institutions named without one ("the police", "officials").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from eventwire.actors.gazetteer import ActorInfo
from eventwire.actors.resolver import AGENT_HEADS, PERSON_TITLES, actor_for_token, title_before
from eventwire.ingest.text import QUOTE_PATTERN
from eventwire.prepositions import PLACE_PREPS
from eventwire.spans import actor_at, actors_overlapping, previous_sentence_start, to_original
from eventwire.when_where.places import load_places
from eventwire.when_where.quotes import quote_speaker

#: How far back an antecedent is sought: the last 60 actors named, and for "the spokeswoman"
#: the last 2,000 words. Nearer mentions win anyway; the bound keeps a long document's cost
#: linear in its length.
LOOKBACK_ACTORS = 60
LOOKBACK_WORDS = 2000

_PERSON = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_THING = {"it", "its", "itself"}
_PLURAL = {"they", "them", "their", "theirs", "themselves"}
#: Possessives that say which state a body belongs to ("its foreign ministry").
_OWNERS = {"its"}
_PAIR_NOUNS = {"sides", "countries", "nations", "leaders", "governments", "states", "neighbours",
               "neighbors", "allies", "parties", "capitals", "ministers", "presidents",
               "premiers", "delegations", "envoys"}
#: Pair nouns that name people (the last two people named, before the last two countries).
_PEOPLE_PAIRS = {"leaders", "ministers", "presidents", "premiers", "envoys"}
_COUNTRY_NOUNS = {"country", "government", "kingdom", "nation", "state", "republic"}
_LEADER_NOUNS = {"president", "minister", "premier", "chancellor", "leader", "king", "emir"}
#: "the group", "the paramilitary group", "the militia": the last armed or political group named.
_GROUP_NOUNS = {"group", "militia", "movement", "outfit", "faction", "organisation",
                "organization"}
#: Every word this module can resolve (the prefilter treats them as possible actors).
COREF_WORDS = frozenset(_PERSON | _THING | _PLURAL | _PAIR_NOUNS | _COUNTRY_NOUNS | _LEADER_NOUNS
                        | _GROUP_NOUNS)


#: The label of the spans made for such phrases (they are not in ``doc._.actors``).
TITLED = "TITLED"


def _expletive(it: Token) -> bool:
    """"it" that stands for no one: "it is clear that ...", "it seems the talks failed", "it is
    not for want of rules but ...", "it was decided that ..." (a clause or a "for" phrase
    after "be" or "seem"); not "it is ready to talk", where it may be a state."""
    if it.dep_ == "expl":
        return True
    lemma = it.head.lemma_.lower()
    if it.dep_ not in ("nsubj", "nsubjpass") or lemma not in (
            "be", "seem", "appear", "decide", "say", "report", "learn", "believe", "expect"):
        return False
    for c in it.head.children:
        that_clause = c.dep_ in ("ccomp", "csubj") and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        if that_clause or (c.dep_ == "prep" and c.lower_ == "for" and lemma == "be") or (
                c.dep_ == "ccomp" and lemma in ("seem", "appear")):
            return True
    return False


def _is_person(span: Span) -> bool:
    info = span._.actor
    return info.kind == "leader" or span.label_ == TITLED or (
        info.kind == "ner" and (span.label_ == "PERSON" or title_before(span) is not None))


def _person_before(pronoun: Token, before: list[Span]) -> list[Span]:
    """"he", "she": the last person named, not the subject of the pronoun's own verb; a person
    named by office only when nobody was named by name in this sentence or the one before
    ("Shoukry met the envoy. He said": Shoukry; "police commissioner p c pandey ... he said")."""
    excluded = _clause_subjects(pronoun)
    people = [s for s in before if _is_person(s) and _identity(s) not in excluded]
    named = [s for s in people if s.label_ != TITLED]
    if named and named[-1].start >= previous_sentence_start(pronoun):
        return named[-1:]
    return people[-1:]


def _refers_back(phrase: Span, head: Token) -> bool:
    """"the minister", "the prime minister": a definite title that says nothing of whose it is
    (no name, no body, no "of")."""
    return phrase[0].lower_ == "the" and not any(
        t.i != head.i and (t.pos_ == "PROPN" or t._.sector or t.lower_ == "of") for t in phrase)


def _titled_people(doc: Doc, named: list[Span]) -> list[Span]:
    """Phrases headed by an office that resolve to an actor with a sector ("police commissioner
    p c pandey", "the spokesperson of the state police"), outside the named actors: lower-case
    copy names its officials this way, and "he said" refers back to them."""
    taken = {t.i for s in named for t in s}
    out: list[Span] = []
    end = 0
    for tok in doc:
        if tok.i < end or tok.i in taken or tok.pos_ != "NOUN" \
                or tok.lemma_.lower() not in PERSON_TITLES:
            continue
        head = tok.head if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" else tok
        match = actor_for_token(head)
        if match is None or match.info.sector is None or any(
                t.i in taken for t in match.span) or match.span.start < end:
            continue
        if _refers_back(match.span, head):
            continue  # "the prime minister", "the spokesperson": resolved below, not an antecedent
        if head.dep_ == "attr":
            continue  # "he was a great religious leader": a predicate describes, names no one new
        span = Span(doc, match.span.start, match.span.end, label=TITLED)
        span._.actor = match.info
        out.append(span)
        end = span.end
    return out


def _last(before: list[Span], keep: Callable[[Span], bool]) -> list[Span]:
    """The most recent actor before the word that ``keep`` accepts (as a list: one or none)."""
    return next(([s] for s in reversed(before) if keep(s)), [])


def _salient(before: list[Span], keep: Callable[[Span], bool]) -> list[Span]:
    """Like ``_last``, but of several that ``keep`` accepts in the sentence of the last one,
    the one that was its subject: "Naqvi met Muttaqi in Kabul. The minister urged ..." is
    Naqvi (the subject stays in focus, as readers take it)."""
    last = _last(before, keep)
    if not last:
        return last
    sent = last[0].root.sent
    same = [s for s in before if keep(s) and s.start >= sent.start]
    subjects = [s for s in same if _in_subject(s.root)]
    return subjects[-1:] if subjects and len(same) > 1 else last


def _in_subject(token: Token) -> bool:
    """The token heads, or sits in, a clause's subject phrase."""
    while token.dep_ in ("compound", "appos", "conj", "poss", "amod", "nmod") \
            and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _is_country_like(span: Span) -> bool:
    return span._.actor.kind in ("country", "capital", "igo", "group")


def _identity(span: Span) -> str:
    info = span._.actor
    return info.name or info.country or span.text


def _clause_owner(pronoun: Token) -> list[Span]:
    """"Pakistan summoned an Indian diplomat to its foreign ministry": "its" is the subject of
    its own clause, or of the clause above ("the Kenyan army said its soldiers ..."), when that
    subject names a state."""
    owned = pronoun.head
    verb = owned.head
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    for _ in range(2):
        for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            state = _state_in(subj, people=False) if subj.i != owned.i else []
            if state:
                return state
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return []


def _subject_words(token: Token) -> set[int]:
    """The words of the subject of the verb a word is the object of."""
    return {t.i for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != token.i
            for t in c.subtree}


def _clause_subjects(pronoun: Token) -> set[str]:
    """Who the subject of the pronoun's own verb is: an object pronoun is someone else."""
    spans = (actor_at(c) for c in pronoun.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    return {_identity(s) for s in spans if s is not None and _is_antecedent(s)}


def _is_antecedent(span: Span) -> bool:
    """Actors a pronoun can refer back to: named ones or people named by office, not other
    common nouns or mere places."""
    return (span._.actor.kind != "noun" or span.label_ == TITLED) and not _is_place(span)


def _last_two(before: list[Span], person: bool) -> list[Span]:
    out: list[Span] = []
    seen: set[str] = set()
    for span in reversed(before):
        ok = _is_person(span) if person else span._.actor.kind in ("country", "capital")
        key = span._.actor.country or span.text
        if ok and key not in seen:
            seen.add(key)
            out.append(span)
            if len(out) == 2:
                return list(reversed(out))
    return []


_TITLE_WORDS = {"prime", "foreign", "defence", "defense", "interior", "vice", "deputy",
                "finance", "crown"}


def _is_place(span: Span) -> bool:
    """A name used as a place ("met in Brussels") is no one to refer back to."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS


def _most_recent_pair(before: list[Span], people_first: bool) -> list[Span]:
    """The last two countries or the last two people, whichever pair was named more recently."""
    countries, people = _last_two(before, person=False), _last_two(before, person=True)
    if not countries or not people:
        return (people or countries) if people_first else (countries or people)
    return people if people[-1].end > countries[-1].end else countries


def _is_bare_definite(tok: Token) -> bool:
    """"the spokeswoman", "the ministry": "the" and the noun, nothing that says whose."""
    return any(c.lower_ == "the" for c in tok.children) and not any(
        c.dep_ in ("amod", "compound", "poss", "nmod", "prep", "appos") for c in tok.children)


def _same_description(tok: Token) -> list[Span]:
    """The state of the last phrase headed by the same noun that said whose it was ("Mao Ning,
    a spokeswoman for China's foreign ministry ... the spokeswoman"; "the Ministry of Foreign
    Affairs of Vietnam ... the ministry"), or for an agent noun the body it acts for ("a senior
    police official ... the official")."""
    lemma = tok.lemma_.lower()
    doc = tok.doc
    for earlier in reversed(doc[max(0, tok.i - LOOKBACK_WORDS):tok.i]):
        if earlier.lemma_.lower() != lemma or earlier.pos_ not in ("NOUN", "PROPN"):
            continue
        words = {t.i for t in earlier.subtree}
        inside = [s for s in actors_overlapping(doc, min(words), max(words) + 1)
                  if s.start in words and s._.actor.country and _is_antecedent(s)]
        if inside:
            return [min(inside, key=lambda s: abs(s.start - earlier.i))]
        if earlier.pos_ == "PROPN" and lemma not in AGENT_HEADS and not _is_bare_definite(earlier):
            # "..., the Foreign Ministry said. The ministry added ...": the nearest naming of
            # the body says whose it is by saying nothing; the article's state decides.
            return []
        if lemma in AGENT_HEADS:
            # "a senior police official ... the official": someone who acts for a body is the
            # one introduced with the body's sector; the nearest such mention decides ("a
            # senior official of the home ministry ... the official" is the ministry's).
            match = actor_for_token(earlier)
            if match is None or match.info.sector in (None, tok._.sector):
                return []
            span = Span(doc, match.span.start, match.span.end, label=TITLED)
            span._.actor = match.info
            return [span]
    return []


#: Kinds of mention that name a country outright.
_NAMING_KINDS = ("country", "capital", "demonym", "leader")


def default_state(doc: Doc) -> tuple[str, str] | None:
    """(ISO3, how) of the article's own country: the dateline's place, else the country named
    most often (at least twice, and twice as often as any other), else the one country of the
    places it names; None when none tells."""
    layout = doc._.layout
    if layout is not None and layout.dateline is not None:
        place = load_places().resolve_any_case(layout.dateline.town, set())
        if place is not None and place.country:
            return place.country, "dateline"
    counts = Counter(s._.actor.country for s in doc._.actors or []
                     if s._.actor.kind in _NAMING_KINDS and s._.actor.country)
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0], "most-named"
    # No dateline and no country named enough: where the story happens, when every place it
    # names is in one country that no named actor contradicts ("police in Karachi" are
    # Pakistan's; a dateline is such a place too).
    places = load_places()
    names = {ent.text for ent in doc.ents if ent.label_ in ("GPE", "LOC")}
    # The most populous namesake, without ranking against the article text (that costs more
    # than it settles here).
    found = {loc.country for name in names
             if (loc := places.resolve(name, set())) is not None and loc.country}
    if len(found) == 1 and set(counts) <= found:
        return found.pop(), "places"
    return None


def _people_by_title(doc: Doc) -> dict[str, Span]:
    """"Peru's Foreign Minister Elena Quispe", "her Chilean counterpart Tomas Araya": a person
    the tables do not know takes the country and sector of the phrase that introduces them (or
    that they are in apposition to); a later mention by surname ("Araya said") is the same
    person. Writes the person's ``span._.actor``, so "she" and "the two ministers" carry it;
    returns the people so placed, by surname."""
    known: dict[str, Span] = {}
    for span in doc._.actors or []:
        info = span._.actor
        if info.kind == "leader" and len(span) > 1:
            known.setdefault(span[-1].lower_, span)  # "Rajnath Singh ... singh said"
            continue
        if info.kind != "ner":
            continue
        surname = span[-1].lower_
        if info.country is None and surname in known:
            # (The small model's NER may label the later mention ORG: "Later Pardo urged".)
            span._.actor = known[surname]._.actor
            continue
        title = title_before(span)
        if span.label_ != "PERSON" and title is None:
            continue
        if info.country is None:
            root = span.root
            heads = [root.head] if root.dep_ == "appos" else []
            heads += [root, *(c for c in root.children if c.dep_ == "appos")]
            heads += [title] if title is not None else []  # the parse may split them
            for head in heads:
                match = actor_for_token(head)
                # A title with a sector and no state ("Police commissioner P C Pande") still
                # says who the person acts for; the article's state comes later.
                if match is not None and (match.info.country or match.info.sector):
                    span._.actor = ActorInfo("ner", match.info.country,
                                             match.info.sector or info.sector, info.name)
                    break
        if span._.actor.country or span._.actor.sector:
            known.setdefault(surname, span)
    return known


def resolve_coreference(doc: Doc, speech_verbs: frozenset[str] = frozenset()) -> Doc:
    """Fill ``doc._.coref`` for pronouns and anaphoric nominals, and ``doc._.default_state``;
    with ``speech_verbs`` (``Lexicon.quote_verbs``), also "I" and "we" in direct quotations."""
    doc._.default_state = default_state(doc)
    surnames = _people_by_title(doc)
    actors = [s for s in (doc._.actors or []) if _is_antecedent(s)]
    actors = sorted(actors + _titled_people(doc, actors), key=lambda s: s.start)
    links: dict[int, list[Span]] = {}
    in_actor = {t.i for s in actors for t in s}
    named = 0  # actors that end before the token (they are sorted and do not overlap)
    for tok in doc:
        while named < len(actors) and actors[named].end <= tok.i:
            named += 1
        if tok.i in in_actor:
            continue
        before = actors[max(0, named - LOOKBACK_ACTORS):named]
        if not before:
            continue
        low = tok.lower_
        found: list[Span] = []
        if tok.pos_ == "PRON" and tok.dep_ == "poss" and low not in _OWNERS:
            continue  # "his support": a possessive is no actor of its own
        if low in _OWNERS and tok.dep_ == "poss":
            # "its foreign ministry": whose body it is (the resolver reads the owner's state).
            found = _clause_owner(tok) or _last(
                before, lambda s: bool(s._.actor.country) and not _is_person(s))
        elif low in _PERSON and tok.pos_ == "PRON":
            found = _person_before(tok, before)
        elif low in _THING and tok.pos_ == "PRON" and not _expletive(tok):
            found = _last(before, _is_country_like)
        elif low in _PLURAL and tok.pos_ == "PRON":
            found = (_last(before, lambda s: s._.actor.kind in ("group", "igo"))
                     or _last_two(before, person=False) or _last(before, _is_country_like))
        elif low in _PAIR_NOUNS and any(c.lower_ in ("both", "two") for c in tok.children):
            # Not those who speak to the pair ("France and the US urged both sides").
            speakers = _subject_words(tok)
            found = _most_recent_pair([s for s in before if s.start not in speakers],
                                      people_first=low in _PEOPLE_PAIRS)
        elif low == "two" and tok.dep_ in ("nsubj", "nsubjpass") and any(
                c.lower_ == "the" for c in tok.children):
            found = _most_recent_pair(before, people_first=True)  # "The two discussed ..."
        elif low in _GROUP_NOUNS and any(c.lower_ == "the" for c in tok.children) and not any(
                c.dep_ in ("compound", "poss", "prep") or c.pos_ == "PROPN" for c in tok.children):
            found = _last(before, lambda s: s._.actor.kind == "group")
        elif low in _COUNTRY_NOUNS and any(c.lower_ == "the" for c in tok.children) and not any(
                c.dep_ in ("amod", "compound", "poss") for c in tok.children):
            found = _speakers_state(tok, speech_verbs) or _last(
                before, lambda s: _is_country_like(s) and bool(s._.actor.country))
        elif low in _LEADER_NOUNS and any(c.lower_ == "the" for c in tok.children) and not any(
                (c.dep_ in ("amod", "compound", "poss") and c.lower_ not in _TITLE_WORDS)
                or c.pos_ == "PROPN" for c in tok.children) and not any(
                c.dep_ in ("appos", "flat") for c in tok.children):
            found = _salient(before, lambda s: s._.actor.kind == "leader")
        elif tok._.sector and tok.pos_ == "NOUN" and _is_bare_definite(tok):
            found = _same_description(tok)
        if found:
            links[tok.i] = found
    doc._.coref = links
    if speech_verbs:
        for pron, speaker in _first_person_speakers(doc, speech_verbs):
            links.setdefault(pron, [speaker])
    for pron, speaker in _briefing_answers(doc):
        links.setdefault(pron, [speaker])
    # A surname that NER left unmarked ("Quispe urged Chile") is the person named before.
    for tok in doc:
        # (The small tagger may call it a noun: '"...," Pande said.')
        person = surnames.get(tok.lower_) if tok.pos_ == "PROPN" or (
            tok.pos_ == "NOUN" and tok.is_title and not tok.is_sent_start) else None
        if person is not None and person.end <= tok.i and tok.i not in in_actor:
            links.setdefault(tok.i, [person])
    return doc


def _speakers_state(tok: Token, speech_verbs: frozenset[str]) -> list[Span]:
    """"Polish Prime Minister Donald Tusk said the government would close ...": in what a
    speaker reports, "the government" is the speaker's own, when the speaker names a state."""
    up = tok
    while up.head.i != up.i and up.dep_ not in ("ccomp", "parataxis"):
        up = up.head
    verb = up.head
    if up.dep_ not in ("ccomp", "parataxis") or verb.lemma_.lower() not in speech_verbs:
        return []
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        state = _state_in(subj, people=True)
        if state:
            return state
    return []


def _state_in(subject: Token, people: bool) -> list[Span]:
    """The first actor with a state among a subject's words (a person too, if ``people``)."""
    spans = [a for a in actors_overlapping(subject.doc, subject.left_edge.i,
                                           subject.right_edge.i + 1)
             if a._.actor.country and (people or not _is_person(a))]
    return spans[:1]


def _briefing_answers(doc: Doc) -> list[tuple[int, Span]]:
    """"A: We urge the Philippines to stop": in a press briefing's answer, "I" and "we" are
    the government whose spokesperson answers (sector GOV; its country the article's own,
    filled in later like any national institution's)."""
    layout = doc._.layout
    answers = layout.answers() if layout is not None else []
    if not answers:
        return []
    out = []
    for tok in doc:
        if tok.lower_ in _FIRST_PERSON and tok.pos_ == "PRON":
            at = to_original(doc, tok.idx)
            if any(start <= at < end for start, end in answers):
                span = doc[tok.i:tok.i + 1]
                span._.actor = ActorInfo("implied", None, "GOV", None)
                out.append((tok.i, span))
    return out


_FIRST_PERSON = {"i", "me", "we", "us"}


def _first_person_speakers(doc: Doc, speech_verbs: frozenset[str]) -> list[tuple[int, Span]]:
    """"'We will stop them at the border,' the police commissioner said": "I" and "we" in a
    direct quotation are its speaker, as the quote reader finds it (``quote_speaker``). (Run
    once the other links are made, so "he said" already has its person.)"""
    out: list[tuple[int, Span]] = []
    for m in QUOTE_PATTERN.finditer(doc.text):
        quote = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if quote is None:
            continue
        pronouns = [t.i for t in quote if t.lower_ in _FIRST_PERSON and t.pos_ == "PRON"]
        if not pronouns:
            continue
        match = quote_speaker(quote, speech_verbs)
        if match is None:
            continue
        speaker = match.span
        speaker._.actor = match.info
        out.extend((i, speaker) for i in pronouns)
    return out
