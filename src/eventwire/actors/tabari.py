"""A reader for the TABARI/PETRARCH dictionary formats: actors, agents and discards.

The formats are those of openeventdata/petrarch2 ``docs/source/dictionaries.rst`` (and the
TABARI manual before it), as the OEDA dictionaries write them:

- **actors**: a primary phrase with an optional code (``FREEDONIA_ [FRD]``), synonyms on the
  lines after it (``+FREEDONIAN_``), and date restrictions, each on a line starting with
  whitespace or after the phrase on its own line (``[FRDGOV 20090120-20170120]``,
  ``[FRDGOV >20170120]``, ``[FRDELI <19990101]``; dates YYYYMMDD or YYMMDD, limits inclusive).
  A bare ``[CODE]`` among them is the default, used when no restriction covers the date.
  Words are joined by ``_`` or blanks (both read here as consecutive words; a multi-word
  phrase is a compound name), a trailing ``_`` only marks a phrase that takes no endings.
- **agents**: ``phrase {plural} [~CODE]`` (the code added after the actor's, a sector) or
  ``[CODE~]`` (before it, an organisation kind); regular plurals are made unless ``{}`` says
  there are none; ``!MARK! = A, B`` defines a substitution set used as ``CONGRESS!MARK!``.
- **discards**: a phrase whose sentence is not coded, or with ``+`` its whole story; a phrase
  ending in ``_`` matches whole words only, otherwise as a stem.

Comments: ``#`` and the legacy ``;`` to the end of a line, ``<!-- ... -->`` within a line or
over several lines. A malformed line is a ``DictionaryError`` naming file and line; the rest of
the file still loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from pathlib import Path
from typing import Literal

DictionaryKind = Literal["actors", "agents", "discards"]
#: TABARI's null code: the phrase is known and codes as nothing (for a period, or always).
NULL_CODE = "---"


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A code and the dates it holds for (both limits inclusive; None: open)."""

    code: str
    start: Date | None = None
    end: Date | None = None

    def covers(self, on: Date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True, slots=True)
class DictActor:
    """One actor record: its phrases (primary first), default code and dated codes."""

    phrases: tuple[str, ...]
    default: str | None
    dated: tuple[DatedCode, ...]
    where: str  # "file:line" of the primary phrase

    def code_on(self, on: Date | None) -> str | None:
        """The code for a date: the first restriction covering it, else the default. An
        undated mention takes a restriction still open at its end, else the default."""
        code = self.default
        for dc in self.dated:
            if (dc.covers(on) if on is not None else dc.end is None and dc.start is not None):
                code = dc.code
                break
        return None if code == NULL_CODE else code


@dataclass(frozen=True, slots=True)
class DictAgent:
    """One agent noun (with its plurals) and its code; ``before``: an ``NGO~`` code, which
    goes before the actor's code rather than after."""

    phrases: tuple[str, ...]
    code: str
    before: bool
    where: str


@dataclass(frozen=True, slots=True)
class Discard:
    """A phrase whose sentence (``story``: whole story) is left uncoded; ``whole_words``: a
    phrase ending in ``_``, else it matches as a stem."""

    phrase: str
    story: bool
    whole_words: bool
    where: str

    def pattern(self) -> re.Pattern[str]:
        words = r"\s+".join(re.escape(w) for w in self.phrase.split())
        return re.compile(rf"(?<!\w){words}" + (r"(?!\w)" if self.whole_words else ""), re.I)


@dataclass(frozen=True, slots=True)
class DictionaryError:
    """A line that could not be read."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Dictionary:
    """What one or more dictionary files hold, and the lines they could not read."""

    actors: list[DictActor] = field(default_factory=list)
    agents: list[DictAgent] = field(default_factory=list)
    discards: list[Discard] = field(default_factory=list)
    errors: list[DictionaryError] = field(default_factory=list)

    def extend(self, other: Dictionary) -> None:
        self.actors += other.actors
        self.agents += other.agents
        self.discards += other.discards
        self.errors += other.errors


# ---- comments and lines

def _strip_comments(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, text) of each line with its comments removed; blank lines left out.
    Leading whitespace is kept (it marks a date restriction)."""
    out: list[tuple[int, str]] = []
    in_block = False
    for n, raw in enumerate(lines, 1):
        text = raw.rstrip("\n\r")
        if in_block:
            end = text.find("-->")
            if end < 0:
                continue
            text, in_block = text[end + 3:], False
        # (one comment per line, as the format allows; an opening without its end opens a block)
        while "<!--" in text:
            start = text.index("<!--")
            end = text.find("-->", start + 4)
            if end < 0:
                text, in_block = text[:start], True
                break
            text = text[:start] + " " + text[end + 3:]
        for mark in ("#", ";"):
            cut = text.find(mark)
            if cut >= 0:
                text = text[:cut]
        if text.strip():
            out.append((n, text.rstrip()))
    return out


def phrase_words(raw: str) -> str:
    """A dictionary phrase as words: ``_`` and blanks both separate words; the case of an
    all-capitals phrase is folded (TABARI matches without case), except for a short single
    word, an acronym that should match only as written ("UN" is not "un")."""
    words = " ".join(raw.replace("_", " ").split())
    letters = [c for c in words if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        acronym = " " not in words and (len(letters) <= 3 or "." in words)
        if not acronym:
            words = " ".join(w.capitalize() if w.isalpha() else w.lower() for w in words.split())
    return words


_CODE = re.compile(r"^(?:[A-Za-z0-9~]{1,60}|---)$")  # ---: the null code
_BRACKET = re.compile(r"\[([^\[\]]*)\]")


def parse_date(text: str) -> Date:
    """YYYYMMDD or YYMMDD (years up to 30 are 2000s, as PETRARCH reads them)."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"date {text!r} is not YYYYMMDD or YYMMDD")
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy <= 30 else 1900 + yy}{text[2:]}"
    try:
        return Date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise ValueError(f"date {text!r} is no calendar date") from None


def parse_code(inner: str) -> DatedCode | str:
    """The inside of one ``[...]``: a bare code, or a code with a restriction."""
    parts = inner.split(None, 1)
    if not parts:
        raise ValueError("empty code []")
    code = parts[0]
    if not _CODE.match(code):
        raise ValueError(f"code {code!r} has characters a code cannot have")
    if len(parts) == 1:
        return code
    rest = parts[1].replace(" ", "")
    if rest.startswith("<"):
        return DatedCode(code, None, parse_date(rest[1:]) - timedelta(days=1))
    if rest.startswith(">"):
        return DatedCode(code, parse_date(rest[1:]) + timedelta(days=1), None)
    start, dash, end = rest.partition("-")
    if not dash:
        raise ValueError(f"restriction {parts[1]!r} is none of <date, >date, date-date")
    first, last = parse_date(start), parse_date(end)
    if last < first:
        raise ValueError(f"restriction {parts[1]!r} ends before it starts")
    return DatedCode(code, first, last)


def _codes(text: str) -> tuple[str, list[str | DatedCode]]:
    """The text before the first ``[`` and the codes of every bracket after it."""
    head, bracket, _ = text.partition("[")
    if not bracket:
        return text, []
    tail = text[len(head):]
    found = _BRACKET.findall(tail)
    leftover = _BRACKET.sub("", tail).strip()
    if leftover or not found:
        raise ValueError(f"unbalanced or stray text among the codes: {tail.strip()[:60]!r}")
    return head, [parse_code(inner) for inner in found]


# ---- the three formats

def read_actors(text: str, path: str) -> Dictionary:
    """The actor records of one file's text."""
    out = Dictionary()
    phrases: list[str] = []
    default: str | None = None
    dated: list[DatedCode] = []
    where = ""

    def close() -> None:
        if phrases:
            out.actors.append(DictActor(tuple(phrases), default, tuple(dated), where))

    def add_codes(codes: list[str | DatedCode]) -> None:
        nonlocal default
        for c in codes:
            if isinstance(c, DatedCode):
                dated.append(c)
            else:
                default = c

    for n, line in _strip_comments(text.splitlines()):
        if "---STOP---" in line:
            break
        try:
            if line[0].isspace() or line.lstrip().startswith("["):
                if not phrases:
                    raise ValueError("a code with no actor phrase before it")
                head, codes = _codes(line)
                if head.strip() or not codes:
                    raise ValueError(f"a restriction line holds more than codes: {line.strip()[:60]!r}")
                add_codes(codes)
                continue
            synonym = line.startswith("+")
            head, codes = _codes(line[1:] if synonym else line)
            words = phrase_words(head)
            if not words:
                raise ValueError("no phrase before the code")
            if synonym:
                if not phrases:
                    raise ValueError("a synonym (+) with no actor phrase before it")
                phrases.append(words)
                add_codes(codes)
                continue
            close()
            phrases, default, dated, where = [words], None, [], f"{path}:{n}"
            add_codes(codes)
        except ValueError as exc:
            out.errors.append(DictionaryError(path, n, str(exc)))
    close()
    return out


def _plural(word: str) -> str:
    """The regular plural the format makes: +IES after a consonant and Y, +ES after S, else +S."""
    last = word[-1:]
    if last in "yY" and len(word) > 1 and word[-2].lower() not in "aeiou":
        return word[:-1] + ("IES" if last == "Y" else "ies")
    if last in "sS":
        return word + ("ES" if last == "S" else "es")
    return word + ("S" if last.isupper() else "s")


_MARKER = re.compile(r"!([^!\s]+)!")


def read_agents(text: str, path: str) -> Dictionary:
    """The agent nouns of one file's text (substitution sets expanded)."""
    out = Dictionary()
    sets: dict[str, list[str]] = {}
    for n, line in _strip_comments(text.splitlines()):
        line = line.strip()
        try:
            if line.startswith("!") and "=" in line:
                mark = _MARKER.match(line)
                if mark is None:
                    raise ValueError("a substitution set is written !NAME! = A, B")
                items = [i.strip() for i in line.partition("=")[2].split(",") if i.strip()]
                if not items:
                    raise ValueError(f"substitution set !{mark.group(1)}! is empty")
                sets[mark.group(1)] = items
                continue
            head, codes = _codes(line)
            if len(codes) != 1 or not isinstance(codes[0], str) or "~" not in codes[0]:
                raise ValueError("an agent needs one code with ~ ([~COP] or [NGO~])")
            code = codes[0]
            before = code.endswith("~")
            code = code.strip("~")
            if not code or "~" in code:
                raise ValueError(f"agent code {codes[0]!r} is not ~CODE or CODE~")
            plural: str | None = None
            if "{" in head:
                head, _, rest = head.partition("{")
                inside, closed, after = rest.partition("}")
                if not closed or after.strip():
                    raise ValueError("a plural is written {PLURAL} after the phrase")
                plural = inside.strip()
            head = head.strip()
            if not head:
                raise ValueError("no phrase before the code")
            mark = _MARKER.search(head)
            if mark is not None:
                if mark.group(1) not in sets:
                    raise ValueError(f"substitution set !{mark.group(1)}! is not defined above")
                forms = [head[:mark.start()] + s + head[mark.end():] for s in sets[mark.group(1)]]
            else:
                stem = head.rstrip("_")
                forms = [stem] + ([plural] if plural else [] if plural == "" else [_plural(stem)])
            phrases = tuple(dict.fromkeys(phrase_words(f).lower() for f in forms if f.strip("_")))
            out.agents.append(DictAgent(phrases, code, before, f"{path}:{n}"))
        except ValueError as exc:
            out.errors.append(DictionaryError(path, n, str(exc)))
    return out


def read_discards(text: str, path: str) -> Dictionary:
    """The discard phrases of one file's text."""
    out = Dictionary()
    for n, line in _strip_comments(text.splitlines()):
        line = line.strip()
        story = line.startswith("+")
        raw = line[1:].strip() if story else line
        if "[" in raw or "]" in raw:
            out.errors.append(DictionaryError(path, n, "a discard phrase takes no code"))
            continue
        words = " ".join(raw.replace("_", " ").split())
        if not words:
            out.errors.append(DictionaryError(path, n, "no phrase after +"))
            continue
        out.discards.append(Discard(words, story, raw.endswith("_"), f"{path}:{n}"))
    return out


def guess_kind(path: Path, text: str) -> DictionaryKind:
    """Which format a file is in: by its name (``*.agents.txt``, ``*discards*``), else by its
    codes (agents have a ``~`` in every code)."""
    name = path.name.lower()
    if "agent" in name:
        return "agents"
    if "discard" in name:
        return "discards"
    codes = re.findall(r"\[([^\]\s]*)", "\n".join(t for _, t in _strip_comments(text.splitlines())))
    if codes and all("~" in c for c in codes):
        return "agents"
    return "actors"


def read_dictionary(path: Path, kind: DictionaryKind | None = None) -> Dictionary:
    """One dictionary file, in the format ``kind`` names or the one ``guess_kind`` finds. A
    file that cannot be read at all is one error."""
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError:
        text = path.read_bytes().decode("latin-1")  # the OEDA files predate UTF-8 in places
    kind = kind or guess_kind(path, text)
    reader = {"actors": read_actors, "agents": read_agents, "discards": read_discards}[kind]
    return reader(text, str(path))
