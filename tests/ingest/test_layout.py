"""The article reader on wire copy written for these tests."""

from __future__ import annotations

from datetime import date as Date

from eventwire.ingest.layout import KnownPlace, read_dateline, read_layout
from eventwire.ingest.readers import clean_text

PLACES = KnownPlace(frozenset({"new delhi", "ahmedabad", "geneva"}))


def kinds(text: str) -> list[tuple[str, str]]:
    layout = read_layout(text, PLACES)
    return [(p.kind, text[p.start:p.end]) for p in layout.parts]


def test_wire_story_parts() -> None:
    text = clean_text(
        "Ministers agree to reopen border crossings\n"
        "By Maria Keller and Tom Osei\n"
        "VIENNA, Feb. 12, 2026 (Reuters) -- Austria and Hungary agreed on Thursday to reopen two\n"
        "border crossings closed since the autumn.\n"
        "Advertisement\n"
        "The interior ministers met in Vienna.\n"
        "FILE PHOTO: A border post near Nickelsdorf. REUTERS/Staff\n"
        "Related Articles\n"
        "Talks will continue next month. (end)")
    assert kinds(text) == [
        ("headline", "Ministers agree to reopen border crossings"),
        ("byline", "By Maria Keller and Tom Osei"),
        ("dateline", "VIENNA, Feb. 12, 2026 (Reuters) -- "),
        ("boilerplate", "Advertisement"),
        ("caption", "FILE PHOTO: A border post near Nickelsdorf. REUTERS/Staff"),
        ("boilerplate", "Related Articles"),
        ("boilerplate", " (end)"),
    ]
    dateline = read_layout(text, PLACES).dateline
    assert dateline is not None
    assert (dateline.place, dateline.date, dateline.agency) == ("VIENNA", Date(2026, 2, 12), "Reuters")


def test_dateline_forms() -> None:
    def place(text: str) -> str | None:
        found = read_dateline(text, 0, PLACES, Date(2026, 1, 5))
        return found.place if found else None

    assert place("ALGIERS, Algeria - The army said.") == "ALGIERS, Algeria"
    assert place("KHARTOUM (AFP) -- Talks began.") == "KHARTOUM"
    assert place("Nairobi, Jan. 4 (Xinhua) -- Kenya said.") == "Nairobi"
    assert place("new delhi: the government said.") == "new delhi"
    assert place("ahmedabad: police said.") == "ahmedabad"
    # Archive copy that lost the space after the colon.
    assert place("ahmedabad:the police said.") == "ahmedabad"
    found = read_dateline("ahmedabad:the police said.", 0, PLACES)
    assert found is not None and found.end == len("ahmedabad:")
    # Two places, or a village and its district: the first place known.
    assert place("ahmedabad/vadodara: violence broke out.") == "ahmedabad"
    assert place("nadiad / ahmedabad: violence broke out.") == "ahmedabad"
    assert place("kalol (ahmedabad): a mob gathered.") == "ahmedabad"
    assert place("he said (in hindi): we will talk.") is None
    # Not datelines: a speaker's colon, a title, a sentence with a dash.
    assert place("He said: we will talk.") is None
    assert place("Note:the figures are provisional.") is None  # no known place
    assert place("US President Trump: we will talk.") is None
    assert place("Police arrested two men - reports said.") is None
    assert place("Nairobi - Kenya said.") is None  # title case needs a date or an agency
    # A dateline without a year takes the article's, the year before across new year.
    found = read_dateline("LIMA, Dec. 30 (AP) -- Peru said.", 0, None, Date(2026, 1, 5))
    assert found is not None and found.date == Date(2025, 12, 30)
    # The day before the month, as British and government copy writes it.
    found = read_dateline("LONDON, 4 January -- The minister said.", 0, None, Date(2026, 1, 5))
    assert found is not None and (found.place, found.date) == ("LONDON", Date(2026, 1, 4))
    found = read_dateline("Accra, 2 May 2024 (GNA) - Ghana said.", 0, None, None)
    assert found is not None and (found.place, found.date) == ("Accra", Date(2024, 5, 2))


def test_archive_copy_and_casing() -> None:
    body = ("the police arrested ten men on friday after clashes in two districts of the city, "
            "officials said. the army was called in and a curfew was imposed in the old city "
            "areas where the violence had started. ")
    text = clean_text("This story is from March 3, 2002\n\nahmedabad: " + body * 3
                      + "\n\nFacebook Twitter Linkedin Mail")
    layout = read_layout(text, PLACES)
    assert [p.kind for p in layout.parts] == ["boilerplate", "dateline", "boilerplate"]
    assert layout.casing == "lower"
    assert read_layout("Turkey and Pakistan signed a pact on Monday in Ankara. " * 9).casing == "mixed"
    assert read_layout("TURKEY AND PAKISTAN SIGNED A PACT ON MONDAY IN ANKARA. " * 9).casing == "upper"
    # One sentence without a name is too little to tell.
    assert read_layout("A majority of the guards on strike say they will not end it.").casing == "mixed"


def test_a_related_stories_list_run_on_after_the_last_sentence_is_furniture() -> None:
    text = clean_text("geneva: the two delegations met again on tuesday.\n\n"
                      "the talks will resume next week, the mediator said. related stories "
                      "ceasefire holds in the north \u00c2\u00a0 envoy arrives in geneva")
    (related,) = [w for kind, w in kinds(text) if kind == "boilerplate"]
    assert related.startswith("related stories") and related.endswith("arrives in geneva")
    assert "the mediator said." in text[:text.index(related)]
    # Words about related stories inside a sentence are prose.
    assert read_layout("He spoke of related stories in the press.", PLACES).parts == ()


def test_prose_is_prose() -> None:
    text = clean_text("Turkey and Pakistan signed a defence pact on Monday.\n\n"
                      "The agreement covers training, he said.")
    assert read_layout(text, PLACES).parts == ()
    # A headline needs a story after it; a lone short line is the story.
    assert read_layout("Turkey accused Greece", PLACES).parts == ()


def test_explain_quotes_each_decision() -> None:
    text = clean_text("Talks resume\n\nGENEVA (AP) -- Iran and the EU met.")
    lines = read_layout(text, PLACES).explain(text)
    assert lines[0].startswith("headline [0:12] 'Talks resume'")
    assert "dateline place 'GENEVA', agency 'AP'" in lines


def test_a_language_switch_run_into_the_story_is_furniture() -> None:
    text = clean_text("Read this story in... \u00a0 Hindi the high court passed these orders on "
                      "a petition by the state.\n\nThe hearing resumes on Monday.")
    layout = read_layout(text, PLACES)
    (switch,) = [p for p in layout.parts if p.kind == "boilerplate"]
    assert text[switch.start:switch.end].strip() == "Read this story in... \u00a0 Hindi"
    assert text[switch.end:].startswith("the high court")
    # after a paragraph's first sentences too, run into the next one
    text = clean_text("The state sought an inquiry. Read this story in... Hindi the bench heard "
                      "the appeal on Monday.")
    (switch,) = [p for p in read_layout(text, PLACES).parts if p.kind == "boilerplate"]
    assert text[switch.start:switch.end].strip() == "Read this story in... Hindi"
    assert text[switch.end:].startswith("the bench")


def test_web_copy_with_single_line_breaks_keeps_its_paragraphs() -> None:
    # Web copy often breaks its lines once between headline, dateline and paragraphs; the text
    # is read as it is stored (offsets unchanged), each line that stands alone a paragraph.
    text = ("Chile and Peru sign fishing accord\n"
            "LIMA, (Reuters) – Chile and Peru signed a fishing accord on Monday.\n"
            "The two ministers met in Lima.")
    layout = read_layout(text, PLACES)
    assert [(p.kind, text[p.start:p.end]) for p in layout.parts] == [
        ("headline", "Chile and Peru sign fishing accord"),
        ("dateline", "LIMA, (Reuters) – ")]
    assert layout.dateline is not None and layout.dateline.agency == "Reuters"
    assert text.index("The two ministers") in layout.boundaries()
    # Hard-wrapped lines are one paragraph.
    wrapped = ("The talks between the two delegations resumed on Tuesday after a pause of\n"
               "three weeks, a spokesman for the mediators told the agency on Tuesday.")
    assert read_layout(wrapped, PLACES).breaks == ()


def test_more_dateline_forms() -> None:
    def found(text: str) -> tuple[str, str | None] | None:
        d = read_dateline(text, 0, PLACES, Date(2026, 1, 5))
        return (d.place, d.agency) if d else None

    assert found("OSLO, 3 March 2026, (NTB): Norway said.") == ("OSLO", "NTB")
    assert found("ACCRA, Ghana, May 2 (AP)--Ghana's army said.") == ("ACCRA, Ghana", "AP")
    assert found("LIMA (Andina News / EFE - 4th May, 2026) Peru recalled its envoy.") == (
        "LIMA", "Andina News / EFE - 4th May, 2026")
    # A bracket in a sentence is no agency: it needs a date or a second agency in it.
    assert found("NATO (North Atlantic Treaty Organization) Secretary-General spoke.") is None
    # Placeless datelines are boundaries, not the story's place.
    text = "Headline words here\n\nMar 3 (Reuters) - Chile said it would talk.\n\nMore prose."
    layout = read_layout(text, PLACES)
    assert ("dateline", "Mar 3 (Reuters) - ") in [(p.kind, text[p.start:p.end])
                                                   for p in layout.parts]
    assert layout.dateline is None


def test_a_dateline_far_down_opens_another_story() -> None:
    text = ("Chile thanked Peru on Monday.\n\nThe two met in Lima.\n\nTalks went well.\n\n"
            "QUITO, Ecuador (AP) - Ecuador said it would host the next round.")
    layout = read_layout(text, PLACES)
    assert "dateline" in [p.kind for p in layout.parts] and layout.dateline is None


def test_page_furniture_of_web_copy() -> None:
    text = ("date 2026-02-03 Ministers meet in Oslo\n"
            "oslonews.com\n"
            "{{#rendered}} {{/rendered}}\n"
            "Home | World | Europe\n"
            "Tuesday 3 February 2026\n"
            "3 days ago\n"
            "Norway and Sweden agreed on Tuesday to hold joint drills next spring.\n"
            "(NTB)\n"
            "Leave a Reply\n"
            "Make sure you enter all the required information, indicated by an asterisk (*).\n"
            "Picture showing the two ministers. Source: NTB")
    skipped = [text[p.start:p.end].strip() for p in read_layout(text, PLACES).skipped()]
    assert skipped[0] == "date 2026-02-03"
    for line in ("oslonews.com", "{{#rendered}} {{/rendered}}", "Home | World | Europe",
                 "Tuesday 3 February 2026", "3 days ago", "(NTB)", "Leave a Reply",
                 "Picture showing the two ministers. Source: NTB"):
        assert line in skipped, line
    assert not any("agreed on Tuesday" in s for s in skipped)


def test_the_links_that_close_a_page_are_furniture() -> None:
    text = ("Chile and Peru signed a fishing accord on Monday, officials said.\n\n"
            "The accord runs for five years.\n\n"
            "Chile fishermen welcome deal\n"
            "12 Mar 26 | Americas\n"
            "Has the Pacific run out of fish?\n"
            "Americas Africa Europe Asia")
    layout = read_layout(text, PLACES)
    skipped = " ".join(text[p.start:p.end] for p in layout.skipped())
    assert "fishermen welcome deal" in skipped and "Americas Africa" in skipped
    assert "five years" not in skipped
    # A last paragraph with its credit or closing mark is prose.
    text = "Chile signed the accord.\n\nThe accord runs for five years. (AP)\n\n(end)"
    assert "five years" not in " ".join(text[p.start:p.end]
                                        for p in read_layout(text, PLACES).skipped())
