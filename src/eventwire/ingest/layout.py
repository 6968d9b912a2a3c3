"""An article's structure, read before the coder: headline, dateline, byline, captions, boilerplate.

News copy is not prose. A wire story opens with a headline and a dateline ("MOSCOW, March 3
(TASS) --"); web copy carries bylines, photo captions and credits, "Advertisement", "Related
Articles" and "(end)". Read as prose, the headline is glued to the first sentence and the dateline
word becomes its subject. ``read_layout`` marks each such part by character offsets into the
cleaned article text (nothing is removed: the stored text stays whole), so that

- every part starts a sentence of its own (the headline is coded as its own sentence);
- bylines, captions, credits and boilerplate are never coded (``Layout.skipped``);
- the dateline's place and date serve events whose own sentence names none.

Decisions are plain data (``Layout.explain``), shown by ``eventwire extract --explain``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from typing import Literal

PartKind = Literal["headline", "dateline", "byline", "caption", "boilerplate", "question",
                   "answer"]
#: Parts about the article, not news: never coded. (A dateline is its own sentence, and gives
#: events its place and date.) "question" and "answer" are a briefing's "Q:" and "A:" labels.
SKIPPED: frozenset[str] = frozenset({"byline", "caption", "boilerplate", "question", "answer"})
#: A press briefing's question and answer labels ("Q:", "A:", "Question:", "Answer:").
_QA = re.compile(r"(?P<label>Q|A|Question|Answer)\s*[:.]\s+", re.IGNORECASE)

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: "March 3", "March 3, 2026", or the British order "14 June", "14 June 2026".
_DATE = (rf"(?P<date>{_MONTH}\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?"
         rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH})(?:,?\s+(?P<year2>\d{{4}}))?)")
_AGENCY = r"\((?P<agency>[A-Za-z][\w .&'/-]{0,30})\)"
#: (A dash may touch the story's first word: "May 28 (AP)--U.N. peacekeepers".)
_SEP = r"\s*(?:(?:--|—|–)\s*|[-:]\s+)"
#: An agency with the filing date or a second agency inside its brackets, after which the
#: story may start with no dash: "MOSCOW (UrduPoint News / Sputnik - 19th April, 2022) Russia".
_LONG_AGENCY = r"\((?P<long>[A-Za-z][\w .,&'/-]{2,60}?(?:\d|/)[\w .,&'/-]{0,40})\)\s+(?=[A-Z\"“])"
#: Wire form: the place in capitals ("MOSCOW", "NEW DELHI", "ALGIERS, Algeria"), then a date
#: and an agency, either optional (a comma may come before the agency: "WARSAW, (Reuters) -"),
#: then a dash or colon.
_WIRE = re.compile(
    rf"(?P<place>[A-Z][A-Z.'-]+(?:\s[A-Z][A-Z.'-]+){{0,3}}(?:,\s*[A-Z][A-Za-z.'-]+(?:\s[A-Z][A-Za-z.'-]+)?)?)"
    rf"(?:,\s*{_DATE})?(?:,?\s*{_LONG_AGENCY}|,?\s*(?:{_AGENCY})?{_SEP})")
#: A dateline without a place: an agency at the paragraph's start, after a date or alone
#: ("Jan 26 (Reuters) - Peru withdrew ...", "(Eagle News) — The Philippines ..."). It is no
#: sentence of the story, and names no place.
_PLACELESS = re.compile(rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?\s*)?{_AGENCY}{_SEP}")
#: A page's own date header at the top ("date 2023-10-06 RIA Novosti: ...").
_PAGE_DATE = re.compile(r"\s*date[:\s]\s*\d{4}-\d{2}(?:-\d{2})?\s+")
#: Title-case form, which needs a date or an agency to tell it from a sentence ("Beijing, March
#: 3 (Xinhua) --").
_TITLED = re.compile(
    rf"(?P<place>[A-Z][a-z.'-]+(?:\s[A-Z][a-z.'-]+){{0,2}})"
    rf"(?=(?:,\s*{_MONTH}\s+\d|,\s*\d{{1,2}}\s+{_MONTH}|\s*\())"
    rf"(?:,\s*{_DATE})?\s*(?:{_AGENCY})?{_SEP}")
#: Archive form: a place in any case and a colon at a paragraph's start ("new delhi: the ...");
#: accepted only when the words name a known place (a speaker's "He said:" does not). Archive
#: copy sometimes loses the space after the colon ("lucknow:international vice-president ...").
#: Two places share one ("ahmedabad/vadodara:"), or a village gives its district ("deshermohan
#: (asansol):"): the first place the tables know is the dateline's.
_NAME = r"[A-Za-z][A-Za-z.'-]+(?:\s[A-Za-z][A-Za-z.'-]+){0,2}"
_ARCHIVE = re.compile(rf"(?P<place>{_NAME})(?:\s*/\s*(?P<also>{_NAME})|\s\((?P<within>{_NAME})\))?"
                      r":\s*(?=\S)")

_BOILERPLATE = re.compile(
    r"(advertisements?|sponsored( content)?|related( articles| stories| coverage| content| news| topics)?"
    r"|read (more|also|next)|also read|see also|more on this|continue reading|story continues( below)?"
    r"|share( this)?( story| article| on \w+)?|print|email|skip to (main )?content|trending|most read"
    r"|recommended( for you)?|listen to (this )?(article|story)|\(?-*\s*ends?\s*-*\)?|#+|more to follow"
    r"|((facebook|twitter|linkedin|mail|e-?mail|whatsapp|print|reddit|x|copy link)[\s|,/]*){2,}"
    r"|(subscribe|sign up|follow us|click here|all rights reserved|copyright\s*(©|\(c\)|\d{4})|©|\(c\) ).*"
    r"|(this|the) (story|article) (is|was) (from|published|first published|originally published).*"
    r"|(updated|published|last updated|posted)\s*:?.{0,40}\d.*)",
    re.IGNORECASE)
#: A list of other stories run on after a paragraph's last sentence ("... he said. related
#: stories fresh violence in ... ", as archived web pages keep it): from the marker on, furniture.
_RELATED = re.compile(
    r"(?<=[.!?\"'”’)])\s+(?P<mark>related (stories|articles|coverage|news|links|reading))\b",
    re.IGNORECASE)
#: A web page's language switch at a paragraph's start ("Read this story in... Hindi"), run
#: into the story's first words by archived copy: furniture.
_LANGUAGE_SWITCH = re.compile(
    r"read (this|the) (story|article) in\W*(hindi|marathi|gujarati|bengali|bangla|tamil|telugu"
    r"|kannada|malayalam|urdu|punjabi|odia|english|arabic|french|spanish|chinese)\b\W*",
    re.IGNORECASE)
_LANGUAGE_SWITCH_AFTER = re.compile(
    r"(?<=[.!?\"'”’)])\s+(?P<mark>" + _LANGUAGE_SWITCH.pattern + ")", re.IGNORECASE)
#: A last paragraph's closing mark ("... said. (end)").
_TRAILER = re.compile(r"\s*(\((end|ends|more)\)|-+\s*end\s*-+|###)\s*$", re.IGNORECASE)
_BYLINE = re.compile(
    r"((by|from|reporting by|written by|edited by|compiled by)\s+[A-Z][\w.'-]*(\s+[\w.'-]+){0,6}"
    r"|[-–—]\s*(edited|compiled|written|reported) by\s+.*"
    r"|reporting by .*|[A-Z][a-z]+(\s[A-Z][a-z.]+){1,2},\s+(staff (writer|reporter)|correspondent"
    r"|special correspondent|reporter).*)", re.IGNORECASE)
_CAPTION = re.compile(
    r"((photo|file photo|photograph|image|picture|pictured|caption|graphic|video)s?"
    r"( credit| by)?\s*[:|/-].*|.*\((\w+ )?(photo|photograph|image)s?\b[^)]*\)|.*\bphoto credit\b.*"
    r"|.*\b(getty images|afp via getty|ap photo|reuters/)[^.]*"
    r"|(photo|image|picture)s? (showing|identifying|shows|of)\b.*"
    r"|\((from )?(left|right|l-r|r-l|l to r)\).*"
    r"|.*\([^()]*\b(courtesy|via (ap|afp|reuters|getty))\b[^()]*\)\s*"
    r"|.{0,120}\bsource:\s*\S+(\s\S+)?\s*)", re.IGNORECASE)
_END_PUNCT = re.compile(r"[.!?…][\"'”’)]*$|[\"”]$")
#: Page furniture that is not one of the fixed phrases: template markup ("{{#rendered}}"), a
#: markdown image, a row of short links between bars ("News | Events", "16 May 08 | Africa"),
#: a site's name, a comment form, a date or an age alone ("Tuesday 20 March 2018", "5 days
#: ago"), a credit alone in brackets ("(Yonhap)"), navigation words run together
#: ("ContributorsPublishersAdvertisers"), a link list's heading ("Latest Videos").
_FURNITURE = re.compile(
    r"(.*\{\{.*\}\}.*|!\[[^\]]*\]\([^)]*\).*"
    r"|(?:[^|\n]{0,20}\|)+[^|\n]{0,20}"
    r"|(?:www\.)?[\w-]+\.(?:com|net|org|info|news|co|in|uk|ph|my|qa|am|tr|mo|ie|ru|cn|pk|bd)(?:\.\w\w)?"
    r"|(?:make sure you enter|leave a (?:reply|comment)|your email address will not be published"
    r"|there are no comments|be the first to comment|please enter your|required fields are marked"
    r"|post a comment|add a comment|the \w+ is not responsible for the content of external).*"
    rf"|(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}\b.{{0,20}})"
    r"|\d+\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago"
    r"|\([\w .&/-]{1,30}\)"
    r"|(?:latest|top|more) (?:videos|news|stories|headlines)|print logo|back to (?:top|\w+ menu)"
    r"|(?:\w+ ){0,3}\w+,?\s+(?:updated|published|posted)\s+\w+\s+\d{1,2},\s+\d{4}.{0,20}"
    r"|(?:page )?last updated (?:at )?\d.{0,60})",
    re.IGNORECASE)
_CREDIT = re.compile(r"(?<=\S)\s*\([^()]{1,30}\)\s*$")
#: A photo credit that closes a caption however long it is ("... (Photo by Paula Bronstein/Getty
#: Images)").
_PHOTO_CREDIT = re.compile(r"\((photo|photograph|picture|image)s? by [^()]{3,60}\)\s*$", re.IGNORECASE)
_RUN_TOGETHER = re.compile(r"(?:[A-Z][a-z]+){3,}")  # (case matters: "ContributorsPublishers")
#: A short paragraph of a list of links (other stories' headlines, menus): at most this many
#: words and no sentence end; a run of them closing the page is furniture.
_LINK_WORDS = 12
_BULLETS = ("- ", "• ", "* ", "– ")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")


#: Words a line does not end on unless the sentence runs on to the next line.
_RUNS_ON = frozenset({"a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from",
                      "and", "or", "but", "that", "which", "who", "as", "its", "their", "his", "her"})
_LINE_END = re.compile(r"[.!?…:][\"'”’)]*$")


def is_own_line(line: str, after: str, width: int, first: bool) -> bool:
    """A line that stands alone even after a single line break: it ends a sentence, or it is
    short, ends without punctuation and the next line starts a new thought (a capital): a
    headline at the top, a byline, a caption, "Advertisement". A hard-wrapped line runs on to
    near the block's ``width`` (0 when no other line shows one)."""
    line = line.strip()
    if _LINE_END.search(line) or is_boilerplate(after):  # (furniture stands on its own line)
        return True
    if not after[:1].isupper() and not after[:1].isdigit():
        return False
    words = line.split()
    if words[-1].lower() in _RUNS_ON:
        return False
    if len(words) == 1:  # one word alone is boilerplate ("Advertisement") or a wrapped name
        return is_boilerplate(line)
    return len(words) <= (25 if first else 8) and (len(line) < 0.8 * width or not width)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The paragraphs of a text, by character offsets: blocks between blank lines, and within a
    block each line that stands alone after a single line break (``is_own_line``: web copy
    often separates its paragraphs, headline and captions so), while hard-wrapped lines are
    read together, as ``clean_text`` joins them."""
    out: list[tuple[int, int]] = []
    for block in _PARAGRAPH.finditer(text):
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", block.group())
                 if m.group().strip()]
        lines = [(block.start() + a, block.start() + b) for a, b in lines]
        words = [text[a:b] for a, b in lines]
        longest = sorted(((len(w.strip()), m) for m, w in enumerate(words[:-1])), reverse=True)[:2]
        start = lines[0][0] if lines else block.start()
        for n, (_start, b) in enumerate(lines):
            after = words[n + 1].strip() if n + 1 < len(words) else ""
            width = next((size for size, m in longest if m != n), 0)
            if not after or is_own_line(words[n], after, width, first=not out and n == 0):
                lead = len(text[start:b]) - len(text[start:b].lstrip())
                out.append((start + lead, b))
                start = lines[n + 1][0] if n + 1 < len(lines) else b
    return out


def is_boilerplate(line: str) -> bool:
    """A line that is page furniture, not news ("Advertisement", "Related Articles")."""
    line = line.strip()
    return len(line) < 200 and (_BOILERPLATE.fullmatch(line) is not None
                                or _FURNITURE.fullmatch(line) is not None
                                or _RUN_TOGETHER.fullmatch(line) is not None)


def _is_link(words: str) -> bool:
    """A paragraph whose every line reads as a link: short, and no sentence of the story (no
    sentence end, or a short question: another story's headline, "Has China's housing bubble
    burst?")."""
    # (a closing credit or mark after the last sentence is no part of it: "... said. (end)")
    lines = [_CREDIT.sub("", ln).strip() for ln in words.split("\n") if ln.strip()]
    # (an item of a bulleted list may be longer: "- RFK Jr. TAKES THE HELM: A NEW ERA ...")
    # (a link is written as a title or a sentence: lower-case archive copy has no links)
    return bool(lines) and all((ln[:1].isupper() or ln[:1].isdigit() or ln[:2] in _BULLETS)
                               and len(ln.split()) <= (2 * _LINK_WORDS if ln[:2] in _BULLETS
                                                       else _LINK_WORDS) and (
        not _END_PUNCT.search(ln) or ln.endswith("?")) for ln in lines)


def _closing_links(text: str, paragraphs: list[tuple[int, int]]) -> int:
    """The index of the first paragraph of the run of links that closes the page (two lines or
    more, after some prose: "Related" lists, menus, other stories' headlines), or len(paragraphs)."""
    n = len(paragraphs)
    while n > 0 and _is_link(text[paragraphs[n - 1][0]:paragraphs[n - 1][1]]):
        n -= 1
    prose_before = any(not _is_link(text[a:b]) for a, b in paragraphs[:n])
    lines = sum(text[a:b].strip().count("\n") + 1 for a, b in paragraphs[n:])
    return n if lines >= 2 and prose_before else len(paragraphs)


@dataclass(frozen=True, slots=True)
class Part:
    """A non-prose part of the article, by character offsets into its text."""

    kind: PartKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place (and date, agency) a story was filed from."""

    place: str
    start: int
    end: int  # first character after the separator: where the story's first sentence starts
    date: Date | None = None
    agency: str | None = None

    @property
    def town(self) -> str:
        """The place itself, without the region or country after it ("ALGIERS, Algeria")."""
        return self.place.split(",")[0].strip()


@dataclass(frozen=True, slots=True)
class Layout:
    """What the reader found; offsets point into the text it read."""

    parts: tuple[Part, ...] = ()
    dateline: Dateline | None = None  # the story's own (the first) dateline
    casing: Literal["mixed", "lower", "upper"] = "mixed"
    #: Starts of the paragraphs that follow a single line break (web copy's paragraphs, a
    #: headline on the line above the story): each starts a sentence.
    breaks: tuple[int, ...] = ()

    def skipped(self) -> list[Part]:
        """Parts that are never coded."""
        return [p for p in self.parts if p.kind in SKIPPED]

    def boundaries(self) -> list[int]:
        """Character offsets where a sentence must start (each part's start and end)."""
        return sorted({i for p in self.parts for i in (p.start, p.end)} | set(self.breaks))

    def answers(self) -> list[tuple[int, int]]:
        """A briefing's answers: from each "A:" label to the next label (or the end)."""
        labels = [p for p in self.parts if p.kind in ("question", "answer")]
        if not labels:
            return []
        ends = [p.start for p in labels[1:]] + [10 ** 12]
        return [(p.end, end) for p, end in zip(labels, ends, strict=True) if p.kind == "answer"]

    def explain(self, text: str) -> list[str]:
        """One line per decision, quoting the words it was made on."""
        lines = [f"{p.kind} [{p.start}:{p.end}] {_quote(text[p.start:p.end])}" for p in self.parts]
        if self.dateline is not None:
            d = self.dateline
            lines.append(f"dateline place {d.place!r}" + (f", date {d.date}" if d.date else "")
                         + (f", agency {d.agency!r}" if d.agency else ""))
        if self.casing != "mixed":
            lines.append(f"text is {self.casing}-case: names recased before tagging")
        return lines


def _quote(words: str, width: int = 60) -> str:
    words = " ".join(words.split())
    return repr(words if len(words) <= width else words[: width - 1] + "…")


def _month_day(match: re.Match[str], article_date: Date | None) -> Date | None:
    """The dateline's date; its year is the article's (or the one before, for "Dec 31" on a
    January article) when the dateline gives none."""
    if not match.group("date"):
        return None
    if match.group("day2"):  # "14 June"
        month = _MONTHS.index(match.group("month2")[:3].lower()) + 1
        day, written = int(match.group("day2")), match.group("year2")
    else:
        month = _MONTHS.index(match.group("date")[:3].lower()) + 1
        day, written = int(match.group("day")), match.group("year")
    year = int(written) if written else None
    if year is None:
        if article_date is None:
            return None
        year = article_date.year - (1 if month > article_date.month + 1 else 0)
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def read_dateline(text: str, start: int, known_place: KnownPlace | None = None,
                  article_date: Date | None = None) -> Dateline | None:
    """The dateline at ``start`` (a paragraph's first character), if there is one."""
    for pattern in (_WIRE, _TITLED):
        m = pattern.match(text, start)
        if m:
            return Dateline(m.group("place").strip(), start, m.end(), _month_day(m, article_date),
                            m.groupdict().get("agency") or m.groupdict().get("long"))
    m = _ARCHIVE.match(text, start)
    if m and known_place is not None:
        place = next((p for p in m.group("place", "also", "within") if p and known_place(p)), None)
        if place is not None:
            return Dateline(place, start, m.end())
    return None


class KnownPlace:
    """Is this a place name? (a callable over the gazetteer's and the place index's names)."""

    def __init__(self, names: frozenset[str]) -> None:
        self.names = names

    def __call__(self, words: str) -> bool:
        return words.lower() in self.names


def _casing(text: str) -> Literal["mixed", "lower", "upper"]:
    """Lower-case archive copy or upper-case teletype: under 2% of words capitalised (sentence
    starts aside), or over 90% of letters in capitals."""
    words = re.findall(r"(?<![\n.!?:] )(?<!^)\b[A-Za-z]{2,}", text)
    if len(words) < 60:  # a sentence or two may have no name at all
        return "mixed"
    letters = [c for c in text if c.isalpha()]
    if sum(c.isupper() for c in letters) > 0.9 * len(letters):
        return "upper"
    if sum(w[0].isupper() for w in words) < 0.02 * len(words):
        return "lower"
    return "mixed"


def read_layout(text: str, known_place: KnownPlace | None = None,
                article_date: Date | None = None) -> Layout:
    """The structure of a cleaned article text (paragraphs separated by blank lines)."""
    paragraphs = paragraph_spans(text)
    blocks = {m.start() + len(m.group()) - len(m.group().lstrip()) for m in _PARAGRAPH.finditer(text)}
    parts: list[Part] = []
    dateline: Dateline | None = None
    first_prose = True
    prose_seen = 0
    seen: set[str] = set()
    # (a page repeats a subhead or a caption; a text that is mostly repeats is told whole)
    said = [" ".join(text[a:b].lower().split()) for a, b in paragraphs]
    repeats_few = len(said) - len(set(said)) <= len(said) // 3
    links_from = _closing_links(text, paragraphs)
    for n, (start, end) in enumerate(paragraphs):
        page_date = _PAGE_DATE.match(text, start, end) if n == 0 else None
        if page_date is not None:
            parts.append(Part("boilerplate", start, page_date.end()))
            start = page_date.end()
        switch = _LANGUAGE_SWITCH.match(text, start, end)
        if switch is not None:
            parts.append(Part("boilerplate", start, switch.end()))
            start = switch.end()
        related = _RELATED.search(text, start, end)
        tail = [Part("boilerplate", related.start("mark"), end)] if related else []
        end = related.start("mark") if related else end
        # (the switch may also follow the paragraph's first sentences, run on to the next)
        inside = [Part("boilerplate", m.start("mark"), m.end())
                  for m in _LANGUAGE_SWITCH_AFTER.finditer(text, start, end)]
        tail = inside + tail
        words = text[start:end].strip()
        kind: PartKind | None = None
        said_before = repeats_few and " ".join(words.lower().split()) in seen
        seen.add(" ".join(words.lower().split()))
        if n >= links_from and not _CAPTION.fullmatch(words) and not _BYLINE.fullmatch(words):
            kind = "boilerplate"  # the links that close the page
        elif said_before and not first_prose and len(words) > 20:
            kind = "boilerplate"  # a paragraph the page repeats (a subhead, a caption) is told once
        elif is_boilerplate(words):
            kind = "boilerplate"
        elif (len(words) < 200 or _PHOTO_CREDIT.search(words)) and all(
                _CAPTION.fullmatch(ln.strip()) for ln in words.split("\n") if ln.strip()):
            kind = "caption"
        elif len(words.split()) <= 12 and _BYLINE.fullmatch(words) and not _END_PUNCT.search(words):
            kind = "byline"
        elif (first_prose and n + 1 < len(paragraphs) and len(words.split()) <= 25
              and not _END_PUNCT.search(words) and read_dateline(text, start, known_place) is None):
            kind = "headline"
        if kind is not None:
            parts += [Part(kind, start, end), *tail]
            first_prose = first_prose and kind != "headline"
            continue
        first_prose = False
        prose_seen += 1
        found = read_dateline(text, start, known_place, article_date)
        if found is not None:
            parts.append(Part("dateline", found.start, found.end))
            # (a dateline further down opens another story of the page: not this story's)
            dateline = dateline or (found if prose_seen <= 2 else None)
        else:
            placeless = _PLACELESS.match(text, start, end)
            if placeless is not None:  # no place to give events: a boundary only
                parts.append(Part("dateline", start, placeless.end()))
        label = _QA.match(text, start)
        if label is not None:
            kind = "question" if label.group("label").lower().startswith("q") else "answer"
            parts.append(Part(kind, start, label.end()))
        trailer = _TRAILER.search(text, start, end) if n == len(paragraphs) - 1 else None
        if trailer is not None and trailer.start() > start:
            parts.append(Part("boilerplate", trailer.start(), end))
        parts += tail
    prose, at = [], 0
    for part in parts:  # the casing of the story's own words, not of "Facebook Twitter"
        prose.append(text[at:part.start])
        at = max(at, part.end)
    prose.append(text[at:])
    breaks = tuple(start for start, _ in paragraphs if start not in blocks)
    return Layout(tuple(parts), dateline, _casing(" ".join(prose)), breaks)
