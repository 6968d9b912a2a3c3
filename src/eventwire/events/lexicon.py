"""The trigger lexicon: which verbs and event nouns signal which PLOVER type, mode and context.

Entries come from ``data/lexicon.tsv`` (triggers) and ``data/frames.tsv`` (verbs that are not events
but shape the events they govern). Matching reads a token's lemma, part of speech and children, so
the parse is used as it is: nothing is re-parsed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from spacy.tokens import Token

from eventwire.ontology.plover import CONTEXTS, TYPE_INFO
from eventwire.tables import package_data, read_rows

Frame = Literal["request", "deny", "intent", "threaten", "speech", "light", "cause", "purpose",
                "permit", "plan", "habitual"]
_VERB_POS = {"VERB", "AUX"}
_NOUN_POS = {"NOUN", "PROPN"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon line."""

    pattern: str
    pos: Literal["v", "n"]
    type: str
    mode: str | None
    context: str | None
    frame: Frame | None
    swap: bool
    lemma: str
    public: bool = False  # the sense that applies when the actor is the public
    mutual: bool = False  # "X and Y exchanged prisoners": two parties act towards each other
    quotes: bool = False  # the verb introduces what its subject says ("urged", "warned")
    converse: bool = False  # "X received weapons from Y": the giver (from) acts, X receives
    victim: bool = False  # "97 died in police firing": the subject suffered it; the cause's actor did it
    state: bool = False  # "ties", "relations": a state of affairs, an act only when intended
    particle: str | None = None  # "call on": a prt/prep child of the verb
    objects: frozenset[str] | None = None  # "send [troop|soldier]": the verb's object lemmas;
    # for a noun, its prepositions ("call [with]": a phone call, not an appeal)
    before: str | None = None  # "drone strike": the word before a noun head

    @property
    def specificity(self) -> int:
        """Object patterns beat particle patterns beat bare lemmas; named objects beat the
        people class ("hold [hostage]" before "hold [@people]": a hostage is a person too)."""
        if self.objects:
            return 2 if PEOPLE in self.objects else 3
        return 1 if (self.particle or self.before) else 0


@dataclass(frozen=True, eq=False)  # one loaded set of tables is one object (hashable)
class Lexicon:
    """Entries indexed by head lemma, plus the frame verbs."""

    verbs: dict[str, tuple[Entry, ...]]
    nouns: dict[str, tuple[Entry, ...]]
    frames: dict[str, Frame]

    @cached_property
    def quote_verbs(self) -> frozenset[str]:
        """Lemmas of the verbs that introduce a quotation: the speech frames and the triggers
        marked ``roles=quote`` ("urged", "warned", "denied")."""
        return frozenset({lemma for lemma, frame in self.frames.items() if frame == "speech"}
                         | {e.lemma for es in self.verbs.values() for e in es if e.quotes})

    @cached_property
    def visitor_nouns(self) -> frozenset[str]:
        """Objects of the ``swap`` patterns ("receive [minister|envoy ...]"): people who visit,
        so that "hosted the envoy" makes the envoy the actor (and "hosted talks" does not)."""
        return frozenset(o for es in self.verbs.values() for e in es if e.swap and e.objects
                         for o in e.objects)

    def match(self, token: Token) -> Entry | None:
        """The most specific entry whose pattern this token (and its children) satisfies."""
        lemma = token.lemma_.lower()
        if token.pos_ in _VERB_POS or token.tag_.startswith("VB"):
            entries = self.verbs.get(lemma, ()) or self.verbs.get(_plain_form(token), ())
            objects = object_lemmas(token) if entries else []
            kinds = _gathering_kinds(objects)
            if kinds:  # "held a protest meeting": the kind of gathering beats the gathering
                entries = tuple(sorted(entries, key=lambda e: not (e.objects and kinds & e.objects)))
            for entry in entries:
                if entry.objects and self._holds_another_act(entry, objects):
                    continue  # "launched a humanitarian aid operation": aid, not an offensive
                if _verb_fits(entry, token, objects, kinds):
                    if entry.frame == "request" and entry.particle and not _asks_for_an_act(token):
                        continue  # "Doval called on Vice President Han": a courtesy call
                    if entry.frame is None and lemma in self.frames and any(
                            c.dep_ == "xcomp" for c in token.children):
                        return None  # "try to estimate": the frame sense, not a trial
                    if entry.type == "REQUEST" and asks_a_question(token):
                        return None  # "asked whether the talks would resume": a question
                    return None if entry.type == "NONE" else entry
        if token.pos_ in _NOUN_POS:
            if token.pos_ == "PROPN" and token.ent_type_ == "ORG":
                return None  # a word of a body's name: "the UN Support Mission", "Rapid Action Force"
            if lemma in CONTAINER_NOUNS and any(self.match(g) is not None for g in _held(token)):
                return None  # "a package of sanctions", "an aid package": the act it holds
            for entry in self.nouns.get(lemma, ()) or self.nouns.get(token.lower_, ()):
                if (entry.before is None or entry.before in _modifiers(token)) and (
                        entry.objects is None or any(  # a noun's [...] lists prepositions
                            c.lower_ in entry.objects for c in noun_prepositions(token))):
                    return None if entry.type == "NONE" else entry
        return None

    def _holds_another_act(self, entry: Entry, objects: list[Token]) -> bool:
        """Every object the pattern names is a container noun ("operation", "mission",
        "campaign": ``CONTAINER_NOUNS``) that holds an act of another type ("a humanitarian
        aid operation", "a rescue mission"): the verb's sense is the held act's, which the
        noun gives (the verb is then its light verb)."""
        named = [o for o in objects if o.lemma_.lower() in entry.objects]  # type: ignore[operator]
        if not named or not all(o.lemma_.lower() in CONTAINER_NOUNS for o in named):
            return False
        held = [self.match(g) for o in named for g in _held(o)]
        return bool(held) and all(h is not None and h.type != entry.type for h in held)

    def public_alternative(self, entry: Entry) -> Entry | None:
        """The sense of the same pattern used when the actor is the public (crowds protest;
        governments protest diplomatically), marked ``roles=public`` in the lexicon."""
        table = self.verbs if entry.pos == "v" else self.nouns
        for other in table.get(entry.lemma, ()):
            if other is not entry and other.public and other.pattern == entry.pattern:
                return other
        return None


_VERB_ENDINGS = re.compile(r"(?:ed|ing|s)$")


def _plain_form(token: Token) -> str:
    """A verb's form without its ending, for words the lemmatizer does not know ("gheraoed"
    is lemmatised "gheraoe")."""
    return _VERB_ENDINGS.sub("", token.lower_)


#: Nouns that hold acts: "a package of sanctions" is sanctions, "a wave of arrests" arrests,
#: "a campaign of attacks" attacks.
CONTAINER_NOUNS = frozenset({
    "effort", "campaign", "operation", "mission", "initiative", "round", "series", "wave",
    "spate", "package", "string", "set", "raft", "slew", "flurry"})

#: Words that open an indirect question ("asked whether", "asked why").
_QUESTION_WORDS = frozenset({"if", "whether", "what", "why", "how", "when", "where", "who",
                             "which", "whom"})


def asks_a_question(verb: Token) -> bool:
    """"asked whether the talks would resume", "asked the minister about the arrests": the verb
    asks a question rather than for an act. A request names the act wanted ("asked Japan to
    release", "asked for aid", "demanded that he resign"), so any such complement wins."""
    kids = list(verb.children)
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in kids):
        return False
    if verb.lemma_.lower() == "ask" and not any(
            c.dep_ in ("dobj", "dative", "ccomp", "prep", "advcl") for c in kids):
        return True  # '"Who will pay?" <split> the leader asks.': nothing asked for
    for c in kids:
        if c.dep_ == "prep" and c.lower_ == "about":
            return True
        if verb.lemma_.lower() == "ask" and c.dep_ == "ccomp" and (
                (c.i < verb.i and not any(k.dep_ in ("dobj", "dative") for k in kids))
                or (c.i > verb.i and _indicative_past(c))):
            # '"Who will pay?" he asks': "ask" after the words it introduces asks them; "asked
            # that the unions were opposed" asks about a fact ("asked that they be released",
            # with the act wanted, is a request).
            return True
        if c.dep_ in ("ccomp", "advcl") and c.i > verb.i and (
                c.left_edge.lower_ in _QUESTION_WORDS
                or any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in c.children)):
            return True
    return False


def _indicative_past(clause: Token) -> bool:
    """A clause telling a past fact ("that they were opposed"), not an act wanted ("that they
    be released", "that he should resign")."""
    aux = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    return not aux & {"should", "must", "would", "shall", "be"} and (
        clause.tag_ == "VBD" or bool(aux & {"was", "were", "had"}))


def noun_prepositions(noun: Token) -> list[Token]:
    """The prepositions of a noun's phrase: its own, and those of its "of" objects, where the
    parser hangs them ("a notice of breach of privilege *against* the minister")."""
    found: list[Token] = []
    frontier = [noun]
    for _ in range(3):
        preps = [c for t in frontier for c in t.children if c.dep_ == "prep"]
        found += preps
        frontier = [g for c in preps if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return found


def _held(container: Token) -> list[Token]:
    """What a container noun holds: its compounds ("an aid package") and "of" objects."""
    return [c for c in container.children if c.dep_ == "compound"] + [
        g for c in container.children if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children if g.dep_ == "pobj"]


def _modifiers(token: Token) -> set[str]:
    """The lemmas of the word before and of the noun's left modifiers ("joint naval drills"
    is a joint drill; "lathi-charge" a lathi charge)."""
    found = {c.lemma_.lower() for c in token.children
             if c.i < token.i and c.dep_ in ("amod", "compound", "nmod")}
    before = _word_before(token)
    return found | {before} if before else found


def _word_before(token: Token) -> str | None:
    """The lemma of the word before, across a hyphen ("lathi-charge" is "lathi charge")."""
    i = token.i - 1
    if i > 0 and token.doc[i].text == "-" and not token.doc[i].whitespace_:
        i -= 1
    return token.doc[i].lemma_.lower() if i >= 0 else None


def reduced_passive(verb: Token) -> bool:
    """A past participle after the noun it is done to: "the 51 people arrested on Friday",
    "security personnel deployed at the border", "those arrested" (a reduced relative clause;
    the noun is its passive subject)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i < verb.i \
        and verb.head.pos_ in ("NOUN", "PRON")


def object_lemmas(token: Token) -> list[Token]:
    """Direct objects of a verb, including "to"-less datives and passive subjects (also the
    noun a reduced relative participle is done to)."""
    out = [token.head] if reduced_passive(token) else []
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative") or (
                child.dep_ in ("ccomp", "acomp") and child.pos_ == "ADJ"):  # "found X guilty"
            out.extend([child, *child.conjuncts])
        elif child.dep_ == "prep":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            # (an adjective after a preposition is its object, whatever the parser called it:
            # "returning to normal")
            out.extend(objs or [g for g in child.children if g.dep_ == "amod"])
    return out


def object_predicate(verb: Token) -> Token | None:
    """What the verb says its object is ("called the protests *treasonous*", "held them
    *hostage*"): such a verb characterizes its object rather than acting on it, unless the
    predicate is the act itself (a pattern's own object)."""
    return next((c for c in verb.children if c.dep_ == "oprd"), None)


#: The object class of a pattern that takes people ("pick up [@people]": arrested, but "picked
#: up the phone" is no event).
PEOPLE = "@people"
_PERSONAL = frozenset({"he", "she", "they", "him", "her", "them", "we", "us"})
#: The object class of a verb that says what its object is ("termed the move [@censure]"):
#: calling something one of these condemns it (CAMEO 111, criticize or denounce).
CENSURE = "@censure"
CENSURE_WORDS = frozenset({
    "unfortunate", "irresponsible", "dangerous", "treasonous", "shameful", "deplorable",
    "condemnable", "unacceptable", "outrageous", "provocative", "illegal", "unlawful",
    "unconstitutional", "baseless", "false", "malicious", "misleading", "reckless",
    "regrettable", "undemocratic", "unwarranted", "uncalled-for", "absurd", "ridiculous",
    "divisive", "anti-national", "criminal", "inhuman", "barbaric", "cowardly", "despicable",
    "heinous", "biased", "untrue", "unjust", "unfair", "insulting", "offensive", "derogatory",
    "arbitrary", "high-handed", "autocratic", "dictatorial", "fascist", "hypocritical",
    "betrayal", "farce", "sham", "mockery", "lie", "disgrace", "shame", "blunder", "failure",
    "violation", "conspiracy", "stunt", "gimmick", "ploy", "provocation", "aggression",
    "crime", "atrocity", "insult", "travesty", "fraud", "hoax", "propaganda", "interference",
    "groundless", "unfounded", "coup", "putsch", "blackmail", "bullying", "hostile"})
#: Sectors whose nouns name individuals ("the suspect", "a youth", "the gunman").
_INDIVIDUAL_SECTORS = frozenset({"CVL", "CRM", "REB", "UAF", "OPP", "JRN", "REF", "EDU", "LAB"})
#: A complement says what the people are held to be ("held him responsible"): no detention.
_PREDICATIVE = frozenset({"oprd", "acomp", "xcomp", "ccomp"})


def is_people(token: Token) -> bool:
    """A person or people: a person's name, a personal pronoun, or a common noun for people
    (an actor noun, ``token._.sector``, that is plural, counted or a member of the public:
    "the 40 rioters", "two activists", "the suspect"); not a body ("the association", "the
    sabha": a meeting is held, not detained)."""
    if token.ent_type_ in ("PERSON", "NORP") or token.lower_ in _PERSONAL:
        return True
    return token.pos_ == "NOUN" and token._.sector is not None and (
        token.tag_ == "NNS" or any(c.dep_ == "nummod" for c in token.children)
        or token._.sector in _INDIVIDUAL_SECTORS)


def _asks_for_an_act(verb: Token) -> bool:
    """"called on Iran to release ...", "called upon them for restraint": the appeal names what
    it asks for (an infinitive, a clause or a "for" phrase); "called on the vice president"
    alone is a visit."""
    return any(t.dep_ in ("xcomp", "ccomp", "advcl") or (t.dep_ == "prep" and t.lower_ == "for")
               or (t.tag_ == "VB" and any(a.lower_ == "to" for a in t.children))
               for t in verb.subtree if t.i != verb.i)


def _hortative(verb: Token) -> bool:
    """"Let's face it", "let us hope": an exhortation, which permits nothing."""
    following = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return verb.lemma_.lower() == "let" and following is not None \
        and following.lower_ in ("'s", "’s", "us")


#: Gatherings whose kind a modifier names ("a protest meeting", "a protest march").
_GATHERINGS = frozenset({"meeting", "programme", "program", "campaign", "gathering", "rally",
                         "march", "drive"})


def _gathering_kinds(objects: list[Token]) -> frozenset[str]:
    """The modifiers naming the kind of a gathering a verb holds or organises (``objects``:
    the verb's ``object_lemmas``)."""
    return frozenset(c.lemma_.lower() for o in objects if o.lemma_.lower() in _GATHERINGS
                     for c in o.children if c.dep_ in ("compound", "amod", "nmod") and c.i < o.i)


def _verb_fits(entry: Entry, token: Token, objects: list[Token],
               kinds: frozenset[str] = frozenset()) -> bool:
    """``objects``: the verb's ``object_lemmas``, found once for all its entries."""
    if _hortative(token):
        return False
    if entry.particle:
        parts = entry.particle.split()
        # A particle follows its verb and governs no date ("called Lavrov on Nov. 2" is no
        # "call on").
        kids = [c.lower_ for c in token.children
                if c.dep_ in ("prt", "prep", "advmod", "dobj") and c.i > token.i
                and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)]
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if following is not None and following.pos_ in ("ADJ", "ADV", "ADP", "PART"):
            kids.append(following.lower_)  # the parser may hang it on the object: "set ablaze houses"
        if not all(p in kids for p in parts):
            return False
    said = object_predicate(token)
    if entry.objects and CENSURE in entry.objects:
        return any(censures(p) for p in _predicates(token))
    if entry.objects:
        if said is not None and said.lemma_.lower() not in entry.objects:
            return False  # "called the protests treasonous": what the object is said to be
        if PEOPLE in entry.objects and not any(c.dep_ in _PREDICATIVE for c in token.children) \
                and any(is_people(o) for o in objects):
            return True
        return bool(kinds & entry.objects) or any(
            o.lemma_.lower() in entry.objects for o in objects)
    # "called the protesters patriots": a verb saying what its object is makes no call (an
    # accusation's own verb still accuses: "denounced the vote as a sham").
    return said is None or entry.type == "ACCUSE"


def _predicates(verb: Token) -> list[Token]:
    """What a verb says its object is: "termed the move *unfortunate*", "described the remarks
    as *irresponsible*", "branded the budget a *betrayal*"."""
    kids = list(verb.children)
    objects = [c for c in kids if c.dep_ == "dobj"]
    found = [c for c in kids if c.dep_ in ("oprd", "ccomp", "acomp") and c.pos_ in ("ADJ", "NOUN")]
    # The small parser reads the pair many ways: a clause ("termed [the move unfortunate]"),
    # a second object ("branded the budget a betrayal"), the predicate or its "as" hung on the
    # object ("described the remarks as irresponsible").
    found += [g for c in kids if c.dep_ == "ccomp" and _judges_someone(c) for g in c.children
              if g.dep_ in ("acomp", "attr", "oprd")]
    found += objects[1:]
    for head in (verb, *objects):
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                said = [g for g in prep.children if g.dep_ in ("pobj", "amod", "acomp")]
                # ("terming as unfortunate the attempts by the Tories", "as a reckless move")
                found += said + [m for g in said for m in g.children if m.dep_ == "amod"]
    found += [g for o in objects for g in o.children if g.dep_ in ("amod", "oprd") and g.i > o.i]
    return found


def _judges_someone(clause: Token) -> bool:
    """A clause whose subject is someone or someone's act ("Japan's move was a provocation",
    "the Congress move unfortunate"), not a state of things ("the situation is dangerous", "it
    would be dangerous to ...")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and (
        c.pos_ == "PROPN" or c._.sector is not None
        or any(g.dep_ == "poss" or (g.dep_ == "prep" and g.lower_ in ("of", "by"))
               for g in c.children))
        for c in clause.children)


def censures(word: Token) -> bool:
    """A word that condemns what it is said of (the head of "a political stunt" too)."""
    return word.lemma_.lower() in CENSURE_WORDS or word.lower_ in CENSURE_WORDS


def parse_entry(row: list[str]) -> Entry:
    """One TSV row to an Entry (the pattern mini-language is described in the file header)."""
    pattern, pos, etype, mode, context, frame, roles = (row + [""] * 7)[:7]
    pattern = pattern.strip()
    objects: frozenset[str] | None = None
    if "[" in pattern:
        head, _, rest = pattern.partition("[")
        objects = frozenset(o.strip() for o in rest.rstrip("]").split("|"))
        pattern_words = head.split()
    else:
        pattern_words = pattern.split()
    lemma, particle, before = pattern_words[0], None, None
    if pos == "v" and len(pattern_words) > 1:
        particle = " ".join(pattern_words[1:])
    elif pos == "n" and len(pattern_words) > 1:
        before, lemma = pattern_words[-2], pattern_words[-1]
    return Entry(
        pattern=pattern, pos="v" if pos == "v" else "n", type=etype, mode=mode or None,
        context=context or None, frame=frame or None,  # type: ignore[arg-type]
        swap=roles == "swap", public=roles == "public", mutual=roles == "mutual",
        quotes=roles == "quote", converse=roles == "converse", state=roles == "state",
        victim=roles == "victim",
        lemma=lemma,
        particle=particle, objects=objects, before=before,
    )


_FRAMES = frozenset(Frame.__args__)  # type: ignore[attr-defined]
_ROLES = frozenset({"", "swap", "public", "mutual", "quote", "converse", "state", "victim"})


def check_entry(row: list[str]) -> Entry:
    """A row of a user's lexicon, checked against the ontology: a bad cell raises ValueError."""
    pattern, pos, etype, mode, context, frame, roles = [c.strip() for c in (row + [""] * 7)[:7]]
    if not pattern or pattern.count("[") != pattern.count("]"):
        raise ValueError(f"pattern {pattern!r} is empty or its [...] is not closed")
    if pos not in ("v", "n"):
        raise ValueError(f"pos {pos!r} is neither v (verb) nor n (noun)")
    if etype != "NONE" and etype not in TYPE_INFO:
        raise ValueError(f"type {etype!r} is no PLOVER type (or NONE)")
    if mode and (etype == "NONE" or mode not in TYPE_INFO[etype].modes):
        raise ValueError(f"mode {mode!r} is no mode of {etype}")
    if context and context not in CONTEXTS:
        raise ValueError(f"context {context!r} is no PLOVER context")
    if frame and frame not in _FRAMES:
        raise ValueError(f"frame {frame!r} is none of {', '.join(sorted(_FRAMES))}")
    if roles not in _ROLES:
        raise ValueError(f"roles {roles!r} is none of {', '.join(sorted(_ROLES - {''}))}")
    return parse_entry(row)


def read_user_lexicon(path: Path) -> tuple[list[Entry], list[tuple[int, str]]]:
    """A user's lexicon file (the columns of ``lexicon.tsv``): its entries, and the (line,
    message) of each row that could not be read (the rest still load)."""
    entries: list[Entry] = []
    errors: list[tuple[int, str]] = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            entries.append(check_entry(line.split("\t")))
        except ValueError as exc:
            errors.append((n, str(exc)))
    return entries, errors


@lru_cache(maxsize=4)
def user_lexicon(paths: tuple[str, ...], directory: Path | None = None) -> Lexicon:
    """The shipped lexicon (or ``directory``'s) with a user's trigger files over it: a user's
    entry replaces a shipped one of the same pattern, and comes first among equally specific
    entries of its lemma (a later file's before an earlier one's)."""
    base = load_lexicon(directory)
    if not paths:
        return base
    tables = {"v": {k: list(v) for k, v in base.verbs.items()},
              "n": {k: list(v) for k, v in base.nouns.items()}}
    for raw in paths:
        for entry in read_user_lexicon(Path(raw))[0]:
            same = tables[entry.pos].setdefault(entry.lemma, [])
            same[:] = [entry] + [e for e in same if (e.pattern, e.public) != (entry.pattern,
                                                                            entry.public)]
    order = lambda es: tuple(sorted(es, key=lambda e: (-e.specificity, e.public)))  # noqa: E731
    return Lexicon({k: order(v) for k, v in tables["v"].items()},
                   {k: order(v) for k, v in tables["n"].items()}, base.frames)


@lru_cache(maxsize=4)
def load_lexicon(directory: Path | None = None) -> Lexicon:
    """Read ``lexicon.tsv`` and ``frames.tsv`` of ``directory`` (default: the package's own) once
    per process; entries are ordered most specific first."""
    directory = directory or package_data("eventwire.events")
    verbs: dict[str, list[Entry]] = {}
    nouns: dict[str, list[Entry]] = {}
    for row in read_rows(directory, "lexicon.tsv"):
        entry = parse_entry(row)
        (verbs if entry.pos == "v" else nouns).setdefault(entry.lemma, []).append(entry)
    frames: dict[str, Frame] = {r[0]: r[1] for r in read_rows(directory, "frames.tsv")}  # type: ignore[misc]
    order = lambda es: tuple(sorted(es, key=lambda e: (-e.specificity, e.public)))  # noqa: E731
    return Lexicon({k: order(v) for k, v in verbs.items()},
                   {k: order(v) for k, v in nouns.items()}, frames)
