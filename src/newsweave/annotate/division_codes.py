"""Abbreviations of first-level divisions as names of places: "NSW", "Calif.", "Ont.".

Two sources: the ISO 3166-2 codes of every country's first-level divisions (pycountry, pinned;
"NSW", "QLD", "CA", "ON": the code after the country's prefix, letters only, written in
capitals) and the news-style abbreviations of US states, Canadian provinces and Australian
states ("Kan.", "B.C."; English writing, listed in ``lang/en/places.toml`` by ISO code, named
here by pycountry's name of that code).

A code names several divisions ("SA": South Australia, and codes of other countries) and is
often a word or an organisation ("IN", "OR", "ME"), so this module only lists what a code may
mean; :func:`newsweave.annotate.georesolve.resolve_places` accepts a reading only where the
article marks it as a place. Nothing is loaded until a name looks like an abbreviation, so a
process that meets none pays nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from newsweave import lang

# ISO 3166-2 suffixes of this length are what news writes as a division's abbreviation ("WA",
# "NSW"); longer ones are not written as names.
MAX_CODE_LENGTH = 3
# News writes a dotted abbreviation with or without spaces after its dots ("W. Va.", "N. C."),
# and a tag or a headline may drop its last dot ("D-N.H"): one written form is looked up.
_SPACE_AFTER_DOT = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,2})\.\s+(?=[^\W\d_]{1,2}(?:\.|$))")


def division_names(name: str) -> tuple[tuple[str, str], ...]:
    """(country ISO code, division's English name) for each division ``name`` may abbreviate,
    as written (case matters: "Ill." and "IN", not "ill." or "In")."""
    name = written_form(name.strip())
    if not _looks_like_abbreviation(name):
        return ()
    news = _news_abbreviations()
    found = news.get(name) or (news.get(name + ".", ()) if "." in name and not name.endswith(".") else ())
    return found + _iso_codes().get(name, ())


def written_form(name: str) -> str:
    """A dotted abbreviation as the lists write it: no space after a dot between its letters
    ("W. Va." → "W.Va.", "N. C." → "N.C."); any other name as it is ("St. Ann", "J. Smith" keep
    their space: only parts of one or two letters are joined, each ending with a dot or the name)."""
    return _SPACE_AFTER_DOT.sub(r"\1.", name) if "." in name else name


def _looks_like_abbreviation(name: str) -> bool:
    letters = name.replace(".", "").replace(" ", "")
    return 0 < len(letters) <= 5 and (name.endswith(".") or "." in name or name.isupper() or name in _abbreviation_forms())


# The tables of the English places file that list news-style abbreviations by ISO 3166-2 code:
# the US ones are gazetteer names too (annotate/geo.py reads admin1_names), the others are not.
_ABBREVIATION_TABLES = ("admin1_names", "division_abbreviations")


def _listed_abbreviations() -> Iterator[tuple[str, str, str]]:
    """(country, ISO 3166-2 suffix, abbreviation) for each abbreviation the English file lists."""
    places = lang.load("en", "places")
    for table in _ABBREVIATION_TABLES:
        for country, codes in places.get(table, {}).items():
            for code, abbreviations in codes.items():
                for abbreviation in abbreviations:
                    yield country, code, abbreviation


@cache
def _abbreviation_forms() -> frozenset[str]:
    return frozenset(abbreviation for _, _, abbreviation in _listed_abbreviations())


@cache
def _news_abbreviations() -> dict[str, tuple[tuple[str, str], ...]]:
    import pycountry  # a dependency (pinned), as below

    found: dict[str, tuple[tuple[str, str], ...]] = {}
    for country, code, abbreviation in _listed_abbreviations():
        division = pycountry.subdivisions.get(code=f"{country}-{code}")
        if division is not None:
            found[abbreviation] = found.get(abbreviation, ()) + ((country, division.name.split(" [", 1)[0]),)
    return found


@cache
def _iso_codes() -> dict[str, tuple[tuple[str, str], ...]]:
    import pycountry  # a dependency (pinned); imported here so that a process meeting no code never loads it

    found: dict[str, tuple[tuple[str, str], ...]] = {}
    for division in pycountry.subdivisions:
        suffix = division.code.split("-", 1)[1]
        if division.parent_code is None and suffix.isalpha() and len(suffix) <= MAX_CODE_LENGTH:
            # pycountry writes some names with a second form in brackets ("Wales [Cymru GB-CYM]").
            english = division.name.split(" [", 1)[0]
            found[suffix] = found.get(suffix, ()) + ((division.country_code, english),)
    return found
