"""Persons named by a regnal number or by the land they held: "Ilse of Dorvan", "Tomas II",
"Princess Ilse of Dorvan", "Emperor Vey of Brimq".

Rulers, saints and nobles are named by a given name with a number, "of" and their land, or
both; the model often keeps the land alone as a place ("Ilse of" + "Dorvan" LOC), calls the
whole an organisation, or leaves the number out. A run is one person when it opens with a
given name (:class:`~newsweave.annotate.given_names.GivenNames`, at most two of them: "Anna
Maria of Dorvan") or with a ruler's title of ``[regnal] titles`` (``lang/<iso>/entities.toml``)
and one or two capitalised words ("Emperor Vey"), then takes

* a Roman numeral ("Tomas II"; "I" only before punctuation, "of" or the text's end: "… Anna I
  think" is a pronoun), and/or
* a connector of ``[regnal] connectors`` ("of", "de") and one to three capitalised words.

The run must be bounded: no capitalised word right before it (it would be inside a longer
name: "Bank of Kessel", "Saint Ilse of …") and none right after it (the name goes on). A
mention the run only partly covers leaves it alone. The mentions inside go (the land of a
ruler is no place of the story), the title stays in the span, and the identity is the name
without the title.
"""

from __future__ import annotations

import re
from functools import cache

from newsweave import lang
from newsweave.annotate.canonical import Mention
from newsweave.annotate.given_names import GivenNames, all_given_names, given_names
from newsweave.annotate.name_repeats import lowercase_words

# A capitalised word of a name, hyphenated parts included ("Hesse-Kassel", "Saxe-Eisenach").
WORD = r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*"
WORD_AT = re.compile(WORD)
ROMAN = r"(?:X{0,3})(?:IX|IV|VI{0,3}|I{1,3})"
OPENER = re.compile(rf"(?<![\w'’.-])({WORD})")
NEXT_WORD = re.compile(rf"[ \t]+({WORD})")
NUMERAL = re.compile(rf"[ \t]+({ROMAN})(?![\w'’-])")
CAPITALISED_AFTER = re.compile(r"[ \t]+[^\W\d_]")
WORD_BEFORE = re.compile(rf"({WORD})\.?[ \t]+$")
# After "I" as a numeral: punctuation, a bracket, the end, or the connector (checked apart).
AFTER_LONE_I = re.compile(r"[ \t]*(?:[,.;:!?()\[\]–—-]|$)")
# How far back the word before an opener is looked for (a word and its spaces).
BEFORE_WINDOW = 40


@cache
def _regnal(language: str) -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    table = lang.load(language, "entities").get("regnal", {})
    return (frozenset(table.get("titles", [])), tuple(table.get("connectors", [])),
            frozenset(table.get("not_openers", [])))


@cache
def _closing_heads(language: str) -> frozenset[str]:
    """Head words that open or close a place's or an organisation's name ("Hospital", "Lake")."""
    table = lang.load(language, "entities").get("heads", {})
    return frozenset(word for key in ("place_last", "place_first", "organisation_last", "organisation_first")
                     for word in table.get(key, []))


def persons_of_lands(mentions: list[Mention], text: str, language: str) -> list[Mention]:
    """Persons named by a numeral or a land (module's text); the mentions they cover go."""
    titles, connectors, not_openers = _regnal(language)
    if not connectors:
        return mentions
    given = _Openers(given_names(language), lowercase_words(language), not_openers, _closing_heads(language))
    found: list[Mention] = []
    position = 0
    while (match := OPENER.search(text, position)) is not None:
        position = match.end()
        run = _run(text, match, titles, connectors, given)
        if run is None or _crosses(mentions, *run[:2]):
            continue
        start, end, name_start = run
        person = Mention(start, end, text[start:end], "PER")
        if name_start > start:
            person.lemma = text[name_start:end]
        found.append(person)
        position = end
    if not found:
        return mentions
    kept = [m for m in mentions if not any(p.start <= m.start and m.end <= p.end for p in found)]
    return kept + found


def _run(text: str, opener: re.Match[str], titles: frozenset[str], connectors: tuple[str, ...],
         given: _Openers) -> tuple[int, int, int] | None:
    """(start, end, start of the name after a title) of a run opened at ``opener``, or None."""
    start, word = opener.start(), opener.group(1)
    if word not in titles and word not in given.names:
        return None
    before = WORD_BEFORE.search(text[max(0, start - BEFORE_WINDOW):start])
    if before is not None and before.group(1)[:1].isupper():
        return None
    end, name_start = opener.end(), start
    if word in titles:
        names = 0
        while names < 2 and (following := NEXT_WORD.match(text, end)) is not None and following.group(1)[:1].isupper() \
                and not NUMERAL.fullmatch(following.group(0)) and not given.common_word(following.group(1)):
            end, names = following.end(), names + 1
            name_start = name_start if names > 1 else following.start(1)
        if names == 0:
            return None
    else:
        following = NEXT_WORD.match(text, end)
        if following is not None and following.group(1) in given.names:
            end = following.end()
    numeral = NUMERAL.match(text, end)
    if numeral is not None and (numeral.group(1) != "I" or AFTER_LONE_I.match(text, numeral.end())
                                or _connector_at(text, numeral.end(), connectors)):
        end = numeral.end()
    else:
        numeral = None
    land_end = _land(text, end, connectors)
    if land_end is not None and any(word in given.heads for word in text[end:land_end].split()):
        return None  # the land opens an organisation's or a place's name ("… of Dorvan Hospital")
    if land_end is not None:
        end = land_end
    elif numeral is None:
        return None
    after = CAPITALISED_AFTER.match(text, end)
    if after is not None and after.group(0)[-1].isupper():
        return None
    return start, end, name_start


def _connector_at(text: str, position: int, connectors: tuple[str, ...]) -> re.Match[str] | None:
    return _connector_pattern(connectors).match(text, position)


@cache
def _connector_pattern(connectors: tuple[str, ...]) -> re.Pattern[str]:
    """" of " or " d'" (an elided connector takes the word right after it)."""
    return re.compile(rf"[ \t]+(?:{'|'.join(re.escape(c) for c in connectors)})(?:[ \t]+|(?<=['’]))")


def _land(text: str, position: int, connectors: tuple[str, ...]) -> int | None:
    """End of "of" and one to three capitalised words from ``position``, or None."""
    connector = _connector_at(text, position, connectors)
    if connector is None:
        return None
    end, words = connector.end(), 0
    while words < 3:
        word = WORD_AT.match(text, end) if words == 0 else NEXT_WORD.match(text, end)
        if word is None or not (word.group(1) if words else word.group(0))[:1].isupper():
            break
        end, words = word.end(), words + 1
    return end if words else None


class _Openers:
    """The given names that open a run, the language's common words and its name heads."""

    def __init__(self, names: GivenNames, common: frozenset[str], not_openers: frozenset[str],
                 heads: frozenset[str]) -> None:
        self.names = _Without(names, not_openers)
        self.common = common
        self.heads = heads

    def common_word(self, word: str) -> bool:
        """A word the lemmatizer knows in lower case that no locale gives as a name ("Professor")."""
        return word.lower() in self.common and word not in all_given_names()


class _Without:
    def __init__(self, names: GivenNames, left_out: frozenset[str]) -> None:
        self.given, self.left_out = names, left_out

    def __contains__(self, word: object) -> bool:
        return word not in self.left_out and word in self.given


def _crosses(mentions: list[Mention], start: int, end: int) -> bool:
    """Whether a mention only partly overlaps ``[start, end)``."""
    return any(m.start < end and start < m.end and not (start <= m.start and m.end <= end) for m in mentions)
