from datetime import date
from itertools import pairwise

import pytest
from spacy.lang.en.stop_words import STOP_WORDS

from eventwire.actors.gazetteer import OfficeTerm, case_sensitive, load_gazetteer, office_terms
from eventwire.events.lexicon import load_lexicon


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def countries(gaz) -> set[str]:
    return {i.country for infos in gaz.aliases.values() for i in infos if i.kind == "country"}


def test_every_un_member_and_the_named_territories(gaz) -> None:
    codes = countries(gaz)
    assert len(codes) >= 196
    for iso3 in ("PSE", "XKX", "TWN", "TUR", "IND", "PAK", "SSD", "TLS"):
        assert iso3 in codes


@pytest.mark.parametrize(("alias", "iso3", "kind"), [
    ("turkey", "TUR", "country"), ("türkiye", "TUR", "country"), ("turkiye", "TUR", "country"),
    ("turkish", "TUR", "demonym"), ("indian", "IND", "demonym"), ("pakistani", "PAK", "demonym"),
    ("ankara", "TUR", "capital"), ("new delhi", "IND", "capital"), ("kremlin", "RUS", "capital"),
    ("gaza", "PSE", "country"), ("US", "USA", "country"), ("rawalpindi", "PAK", "capital"),
])
def test_names_demonyms_and_seats_of_power(gaz, alias: str, iso3: str, kind: str) -> None:
    info = gaz.lookup(alias, date(2025, 5, 26))
    assert info is not None and info.country == iso3 and info.kind == kind


def test_dated_leaders_resolve_on_the_article_date(gaz) -> None:
    nawaz = gaz.lookup("sharif", date(2015, 6, 1))
    shehbaz = gaz.lookup("sharif", date(2025, 5, 26))
    assert nawaz is not None and nawaz.name == "Nawaz Sharif" and nawaz.country == "PAK"
    assert shehbaz is not None and shehbaz.name == "Shehbaz Sharif"
    assert gaz.lookup("erdogan", date(2010, 1, 1)).start == date(2003, 3, 14)  # then PM
    assert gaz.lookup("erdogan", date(2020, 1, 1)).start == date(2014, 8, 28)  # then president
    # Between terms a leader still belongs to their country.
    between = gaz.lookup("sharif", date(2019, 1, 1))
    assert between is not None and between.country == "PAK"


def test_g20_and_named_conflict_states_have_current_leaders(gaz) -> None:
    leaders = {i.country for infos in gaz.aliases.values() for i in infos
               if i.kind == "leader" and i.end is None}
    g20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR",
           "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"}
    assert g20 | {"PAK", "IRN", "ISR", "UKR"} <= leaders


def test_acronyms_are_case_sensitive() -> None:
    assert case_sensitive("US") and case_sensitive("NATO") and case_sensitive("UAE")
    assert not case_sensitive("Turkey")


# --- office tables: heads of state/government (leaders.tsv) and ministers (ministers.tsv) ---

G20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS",
       "SAU", "ZAF", "TUR", "GBR", "USA"}


def terms_by_office(table: str) -> dict[tuple[str, str], list[OfficeTerm]]:
    offices: dict[tuple[str, str], list[OfficeTerm]] = {}
    for term in office_terms(table):
        offices.setdefault((term.country, term.role), []).append(term)
    return offices


def test_foreign_defence_and_interior_ministers_of_sixty_countries() -> None:
    offices = terms_by_office("ministers.tsv")
    complete = {c for c, _ in offices if all((c, r) in offices for r in ("FM", "DEF", "INT"))}
    assert len(complete) >= 60
    assert G20 | {"UKR", "ISR", "IRN", "IRQ", "SYR", "AFG", "PAK", "YEM", "SDN", "SOM"} <= complete
    # "From 2000 on": the chains of the main states start in or before 2000.
    for country in G20 - {"USA", "JPN", "IDN", "SAU", "KOR"}:
        for role in ("FM", "DEF", "INT"):
            assert min(t.start for t in offices[(country, role)]) <= date(2000, 12, 31), (country, role)


@pytest.mark.parametrize("table", ["leaders.tsv", "ministers.tsv"])
def test_terms_of_one_office_follow_each_other(table: str) -> None:
    for (country, role), terms in terms_by_office(table).items():
        if role in ("GOV", "MIL", "REB", "IGO"):
            continue  # several people hold these at once
        terms.sort(key=lambda t: t.start)
        for term, after in pairwise(terms):
            assert term.end is not None and term.start < term.end <= after.start, (country, role, term.name)
        assert len(country) in (3, 4), country


def test_no_alias_names_two_countries_on_one_date(gaz) -> None:
    for alias, infos in gaz.aliases.items():
        people = [i for i in infos if i.kind == "leader"]
        for a in people:
            for b in people:
                if a.country != b.country:
                    overlap = ((a.start or date.min) < (b.end or date.max)
                               and (b.start or date.min) < (a.end or date.max))
                    assert not overlap, (alias, a.name, b.name)


def test_one_word_aliases_are_not_everyday_words() -> None:
    """Aliases match case-insensitively: a surname that is also a word ("Straw", "Ridge",
    "Struck") would turn ordinary text into a minister, so such people are listed by full name."""
    lexicon = load_lexicon()
    words = set(STOP_WORDS) | set(lexicon.verbs) | set(lexicon.nouns) | set(load_gazetteer().sectors)
    for table in ("leaders.tsv", "ministers.tsv"):
        for term in office_terms(table):
            for alias in term.aliases:
                assert " " in alias or alias.lower() not in words, (table, term.name, alias)


@pytest.mark.parametrize(("alias", "on", "iso3", "role", "name"), [
    ("seehofer", date(2019, 5, 1), "DEU", "INT", "Horst Seehofer"),
    ("darmanin", date(2022, 3, 1), "FRA", "INT", "Gerald Darmanin"),
    ("le drian", date(2014, 6, 1), "FRA", "DEF", "Jean-Yves Le Drian"),
    ("le drian", date(2019, 6, 1), "FRA", "FM", "Jean-Yves Le Drian"),
    ("sikorski", date(2006, 6, 1), "POL", "DEF", "Radoslaw Sikorski"),
    ("sikorski", date(2024, 6, 1), "POL", "FM", "Radoslaw Sikorski"),
    ("mayorkas", date(2023, 1, 1), "USA", "INT", "Alejandro Mayorkas"),
    ("avakov", date(2016, 1, 1), "UKR", "INT", "Arsen Avakov"),
    ("reznikov", date(2022, 6, 1), "UKR", "DEF", "Oleksii Reznikov"),
    ("dutton", date(2021, 6, 1), "AUS", "DEF", "Peter Dutton"),
    ("dutton", date(2019, 6, 1), "AUS", "INT", "Peter Dutton"),
    ("piantedosi", date(2024, 1, 1), "ITA", "INT", "Matteo Piantedosi"),
    ("Chidambaram", date(2010, 1, 1), "IND", "INT", "P. Chidambaram"),
    ("zebari", date(2010, 1, 1), "IRQ", "FM", "Hoshyar Zebari"),
    ("Padrino", date(2020, 1, 1), "VEN", "DEF", "Vladimir Padrino Lopez"),
    ("takaichi", date(2015, 1, 1), "JPN", "INT", "Sanae Takaichi"),
    ("takaichi", date(2025, 11, 1), "JPN", "HOG", "Sanae Takaichi"),
])
def test_ministers_resolve_on_the_article_date(gaz, alias: str, on: date, iso3: str, role: str,
                                               name: str) -> None:
    info = gaz.lookup(alias, on)
    assert info is not None and (info.country, info.role, info.name) == (iso3, role, name)
    assert info.sector == "GOV"


def test_korean_style_names_match_with_or_without_the_hyphen(gaz) -> None:
    on = date(2025, 5, 26)
    assert gaz.lookup("Choe Son Hui", on).country == "PRK"
    assert gaz.lookup("Choe Son-hui", on).country == "PRK"
    assert gaz.lookup("bar on", on) is None  # "Bar-On" keeps its hyphen


def test_countries_with_ministers_have_heads_of_state_since_2000() -> None:
    heads = terms_by_office("leaders.tsv")
    for country in {c for c, _ in terms_by_office("ministers.tsv")} - {"AUS", "CAN"}:
        # (Australia's and Canada's head of state is the British monarch.)
        assert min(t.start for t in heads[(country, "HOS")]) <= date(2000, 12, 31), country


def _tables_with_parts(tmp_path, parts: dict[str, str], default: str):
    """A copy of the shipped tables with made-up converted parts and a default list."""
    import shutil

    from eventwire.tables import package_data

    root = tmp_path / "tables"
    shutil.copytree(package_data("eventwire.actors"), root)
    for name, text in parts.items():
        (root / "oeda" / name).write_text(text, "utf-8")
    (root / "oeda" / "default.txt").write_text(default, "utf-8")
    return root


def test_default_oeda_parts_load_after_the_project_tables(tmp_path) -> None:
    root = _tables_with_parts(tmp_path, {
        "made.sectors.tsv": "# provenance\nlamplighter\tCVL\npresident\tMIL\n",
        "made.leaders.tsv": "# provenance\nRufus Firefly\tFirefly\tFRA\tGOV\t1933-01-01\t1940-01-01\n",
        "unused.sectors.tsv": "zeppelinist\tMIL\n"},
        "# loaded by default\nmade.sectors.tsv\nmade.leaders.tsv\n")
    gaz = load_gazetteer(root)
    assert gaz.sectors["lamplighter"] == "CVL"
    assert gaz.sectors["president"] == "GOV"  # the project's own noun wins
    assert "zeppelinist" not in gaz.sectors  # converted, not listed: not loaded
    firefly = gaz.lookup("Firefly", date(1935, 1, 1))
    assert firefly is not None and (firefly.country, firefly.sector) == ("FRA", "GOV")


def test_a_default_part_of_another_kind_is_refused(tmp_path) -> None:
    root = _tables_with_parts(tmp_path, {"made.groups.tsv": "Lamp Order\t\tFRA\tREB\n"},
                              "made.groups.tsv\n")
    with pytest.raises(ValueError, match=r"made\.groups\.tsv cannot be loaded by default"):
        load_gazetteer(root)


def test_the_shipped_default_parts_are_loaded(gaz) -> None:
    from eventwire.actors.gazetteer import OEDA, default_parts
    from eventwire.tables import package_data, read_rows

    directory = package_data("eventwire.actors")
    for part in default_parts(directory):
        rows = read_rows(directory / OEDA, part)
        assert rows
        if part.endswith(".sectors.tsv"):
            assert all(row[0].lower() in gaz.sectors for row in rows)
