"""Initials of countries' names as names of places: "T&T", "SA", "RDC", "EAU".

News shortens a country of several words to its initials once it has named it ("Trinidad and
Tobago" … "T&T"; « République démocratique du Congo » … « RDC »). The initials are derived from
every name the country bears in the languages newsweave reads (pycountry's English names, CLDR's in each
language with a language file), not listed by hand: the
first letters of the name's words, function words ("and", "of", « du ») left out or written
"&". Initials name several countries ("SA": South Africa, Saudi Arabia) and are often
organisations, so this module only lists what a form may mean;
:func:`newsweave.annotate.georesolve.resolve_places` accepts a reading only where the article
points at that one country. Nothing is built until a name looks like initials.
"""

from __future__ import annotations

import re
from functools import cache

from newsweave import lang
from newsweave.annotate.geo import _common_words, countries, fold

# Initials are written in capitals, two to four letters, an ampersand between two ("T&T").
INITIALS = re.compile(r"[A-ZÀ-Ý]{2,4}|[A-Z]&[A-Z]")
WORD = re.compile(r"[^\W\d_]+")


def country_initials(name: str) -> tuple[str, ...]:
    """ISO codes of the countries whose names ``name`` spells the initials of, as written
    (capitals: "SA", not "Sa")."""
    name = name.strip()
    if not INITIALS.fullmatch(name):
        return ()
    return _initials_table().get(fold(name), ())


@cache
def _initials_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, set[str]] = {}
    for code, place in countries().items():
        for country_name in _names(code, place.name):
            for form in _initials_of(country_name):
                table.setdefault(form, set()).add(code)
    return {form: tuple(sorted(codes)) for form, codes in table.items()}


def _names(code: str, name: str) -> set[str]:
    """A country's names in the languages newsweave reads (pycountry's English names and CLDR's
    in each language with a language file): initials come from the article's own language, and
    every other language's names would make most pairs of capitals some country's initials."""
    import pycountry
    from babel import Locale

    names = {name}
    record = pycountry.countries.get(alpha_2=code)
    if record:
        names.update(filter(None, (getattr(record, key, None) for key in ("name", "official_name", "common_name"))))
    for language in lang.available_languages():
        try:
            names.add(Locale(language).territories[code])
        except (KeyError, ValueError):
            continue
    return names


def _initials_of(name: str) -> set[str]:
    """The folded initials of a name of two or more words ("trinidad and tobago" → "tt", "t&t")."""
    words = WORD.findall(name)
    content = [word for word in words if fold(word) not in _common_words()]
    if len(content) < 2 or len(words) > 6:
        return set()
    plain = "".join(fold(word)[0] for word in content)
    forms = {plain}
    if len(content) == 2 and len(words) == 3 and fold(words[1]) in _common_words():
        forms.add(fold(content[0])[0] + "&" + fold(content[1])[0])
    return {form for form in forms if 2 <= len(form.replace("&", "")) <= 4}
