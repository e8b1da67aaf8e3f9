"""One name spelt otherwise in another language's report: keys that a story score counts as one.

Two reports of one event in two languages often spell its foreign names each the way its language
transcribes them (a Ukrainian city is "Kherson" in English, "Cherson" in German, "Jersón" in
Spanish), and each language's tagger keeps different words around a name (a German report's
"Hafenstadt Cherson", a Spanish "Universidad de Jersón", a French "collège … de <town>").
Their ids differ, so the two reports share no name. Here a name's *forms* are its slug and the
slug as each language concerned writes it in the English transcription
(``lang/<iso>/spelling.toml``, ``romanised``: German "w" is English "v", Spanish "j" is English
"kh"); two names that share a form, or a name and the end of a longer one (the words after a word
that is not a given name), are one name.

A German report also names a town by its adjective ("Berliner Polizei", "Chemnitzer
Innenstadt": ``town_adjectives`` in the language's ``spelling.toml``, an adjective ending and the town
ending it stands for); such a name is the town's key when the town is a place among the names.

Only across languages (``story_score.across_languages``): within one language a spelling is one
spelling, and a name ending in another ("Port Talbot", "Anna Lenz") is often another name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache, lru_cache

from newsweave import lang
from newsweave.annotate.canonical import slug
from newsweave.annotate.given_names import all_given_names


@cache
def romanisation(language: str) -> tuple[tuple[str, str], ...]:
    """The language's spellings of the English transcription's letters (``romanised`` in its
    ``spelling.toml``: pairs of slug letters), longest first, so that "tsch" is read before "sch"."""
    pairs = lang.load(language, "spelling").get("romanised", [])
    return tuple(sorted(((str(a), str(b)) for a, b in pairs), key=lambda pair: (-len(pair[0]), pair[0])))


@lru_cache(maxsize=65536)  # a story's names are compared again with every article it is offered
def romanised(text: str, language: str) -> str:
    """A slug rewritten left to right from the language's spellings to the English ones (a slug
    unchanged where the language has no list)."""
    pairs = romanisation(language)
    if not pairs:
        return text
    out, at = [], 0
    while at < len(text):
        for spelt, english in pairs:
            if text.startswith(spelt, at):
                out.append(english)
                at += len(spelt)
                break
        else:
            out.append(text[at])
            at += 1
    return "".join(out)


@cache
def adjective_endings(language: str) -> tuple[tuple[str, str], ...]:
    """The language's town adjective endings with the town ending each stands for (``town_adjectives``
    in its ``spelling.toml``: "Berliner" is "Berlin", "Bremer" "Bremen")."""
    pairs = lang.load(language, "spelling").get("town_adjectives", [])
    return tuple((str(a), str(b)) for a, b in pairs)


def adjective_towns(name: str, languages: tuple[str, ...]) -> frozenset[str]:
    """The slugs of the towns the name's first word may be the adjective of, read by each language's
    endings (a word of three letters or more left: "Duisburger Polizei" → "duisburg", "duisburgen")."""
    first = name.split(maxsplit=1)[0] if name.strip() else ""
    if not first[:1].isupper():
        return frozenset()
    towns = {first[:-len(ending)] + town for language in languages
             for ending, town in adjective_endings(language)
             if first.endswith(ending) and len(first) - len(ending) >= 3}
    return frozenset(slug(town) for town in towns) - {""}


def spelling_forms(text: str, languages: tuple[str, ...]) -> frozenset[str]:
    """The slug of a name and its English transcription as each of the languages would write it."""
    plain = slug(text)
    return frozenset({plain, *(romanised(plain, language) for language in languages)}) - {""}


@lru_cache(maxsize=65536)
def name_tails(name: str) -> tuple[str, ...]:
    """The ends of a name that may be the name alone: the words after each word that is not a given
    name, from a capitalised word on ("Hafenstadt Cherson" → "Cherson"; "collège Jean-Moulin de
    Lens" → "Jean-Moulin de Lens", "Lens"; "Anna Maria Lenz" → none)."""
    words = name.split()
    given = all_given_names()
    return tuple(" ".join(words[at:]) for at in range(1, len(words))
                 if words[at][:1].isupper() and words[at - 1] not in given)


def spelt_alike_keys(names: Mapping[str, str], labels: Mapping[str, str], languages: Iterable[str]) -> dict[str, str]:
    """Keys of ``names`` renamed to one key per name spelt alike (a form in common), held at the
    end of a longer name, or led by the adjective of a place among them: the place's key when one
    is a place, else the shortest name's, else the first in order (always the same one)."""
    spoken = tuple(sorted(set(languages)))
    whole = {key: spelling_forms(name, spoken) for key, name in names.items()}
    owners: dict[str, list[str]] = {}
    for key, forms in whole.items():
        for form in forms:
            owners.setdefault(form, []).append(key)
    parent = {key: key for key in names}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def join(a: str, b: str) -> None:
        parent[root(a)] = root(b)

    for keys in owners.values():
        for other in keys[1:]:
            join(keys[0], other)
    for key, name in names.items():
        for tail in name_tails(name):
            for form in spelling_forms(tail, spoken):
                for other in owners.get(form, ()):
                    join(key, other)
    places = {form: keys for form, keys in owners.items() if any(labels.get(key) == "LOC" for key in keys)}
    for key, name in names.items():
        if labels.get(key) == "PER":  # a surname in -er ("Pelzer") is no town's adjective
            continue
        for town in adjective_towns(name, spoken):
            for other in places.get(town, ()):
                if labels.get(other) == "LOC" and other != key:
                    join(key, other)
    groups: dict[str, list[str]] = {}
    for key in names:
        groups.setdefault(root(key), []).append(key)
    renamed: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        kept = min(members, key=lambda key: (labels.get(key) != "LOC", len(names[key].split()), key))
        renamed.update({key: kept for key in members if key != kept})
    return renamed
