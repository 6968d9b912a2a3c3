"""Countries by name: what a user types (a name, a variant, ISO3, ISO2, a demonym, a capital)
to an ISO 3166 alpha-3 code, from the project's gazetteer and pycountry. Queries match the code
exactly, so "Oman" never matches "Romanian" and "Warsaw asked NATO" counts for Poland."""

from __future__ import annotations

import difflib
from functools import lru_cache
from importlib import resources

import pycountry

from eventwire.actors.gazetteer import load_gazetteer
from eventwire.limits import echo

#: Gazetteer kinds that name a country (not a person or an organisation).
_COUNTRY_KINDS = ("country", "capital", "demonym")


class UnknownCountry(ValueError):
    """A name that is no country, with the closest names in the message."""


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Lower-cased name -> ISO3, for every name that points to one country only."""
    names: dict[str, set[str]] = {}
    for alias, infos in load_gazetteer().aliases.items():
        for info in infos:
            if info.kind in _COUNTRY_KINDS and info.country:
                names.setdefault(alias.lower(), set()).add(info.country)
    table = {name: codes.pop() for name, codes in names.items() if len(codes) == 1}
    for country in pycountry.countries:
        table.setdefault(country.alpha_3.lower(), country.alpha_3)
        table.setdefault(country.alpha_2.lower(), country.alpha_3)
    codes = {code for code in table.values()}
    for code in codes:  # the project's own codes beyond ISO (XKX: Kosovo)
        table.setdefault(code.lower(), code)
    return table


def country_code(name: str) -> str | None:
    """The ISO3 code ``name`` stands for, or None."""
    key = " ".join(name.split()).lower().removeprefix("the ")
    return country_names().get(key)


def resolve_country(name: str) -> str:
    """The ISO3 code of ``name``; ``UnknownCountry`` (suggesting close names) otherwise."""
    code = country_code(name)
    if code is not None:
        return code
    close = difflib.get_close_matches(name.lower(), list(country_names()), n=3, cutoff=0.7)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise UnknownCountry(f"unknown country {echo(name)}{hint}")


def looks_like_a_country(name: str) -> bool:
    """A near miss of a country name (a typo), rather than a person or group."""
    # 0.88: "Türkye" and "Pakistn" are typos; "police" (polish) and "Hamas" (bahamas) are not.
    return bool(difflib.get_close_matches(name.lower(), list(country_names()), n=1,
                                          cutoff=0.88))


@lru_cache(maxsize=1)
def _short_names() -> dict[str, str]:
    """ISO3 -> the first (short) name in the project's country table."""
    table = resources.files("eventwire.actors").joinpath("data/countries.tsv")
    names: dict[str, str] = {}
    for line in table.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            code, names_field, *_ = line.split("\t")
            names[code] = names_field.split("|")[0]
    return names


def country_label(code: str) -> str:
    """A country's everyday English name ("Russia", "Iran"), or the code itself."""
    if code in _short_names():
        return _short_names()[code]
    found = pycountry.countries.get(alpha_3=code)
    return str(getattr(found, "common_name", None) or found.name) if found else code


def iso_numeric(code: str) -> str | None:
    """ISO 3166 numeric code ("792" for TUR), as world maps key their shapes."""
    found = pycountry.countries.get(alpha_3=code)
    return str(found.numeric) if found is not None else None
