"""Per-language word sets that the name and place rules share, folded for lookups: the stop
words of the language's spaCy pipeline, its month and weekday names (CLDR, via babel) and the
words of ``lowercase_not_places`` in ``lang/<iso>/entities.toml``. Each is built once per
language. Also the one reading of whether a language capitalises every noun, which both rule
sets ask."""

from __future__ import annotations

from functools import cache

from newsweave import lang
from newsweave.annotate.geo import fold


@cache
def capitalises_nouns(language: str) -> bool:
    """Whether the language capitalises every noun (``[names] capitalised_nouns`` in its entities
    file): then a capitalised word is no evidence of a name."""
    return bool(lang.load(language, "entities").get("names", {}).get("capitalised_nouns", False))


@cache
def stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words of the language, lower-cased, from its language class (no model is
    loaded: a model's stop words are its class's); none where spaCy has no class for it."""
    import spacy.util

    try:
        return frozenset(word.lower() for word in spacy.util.get_lang_class(language).Defaults.stop_words)
    except (ImportError, KeyError):
        return frozenset()


@cache
def folded_stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words of the language, folded."""
    return frozenset(fold(word) for word in stop_words(language))


@cache
def calendar_words(language: str) -> frozenset[str]:
    """Month and weekday names of the language (CLDR, via babel), folded: "since January" is no
    repeat of Bob January's surname, and "in March" names no place."""
    from babel import Locale

    words: set[str] = set()
    try:
        locale = Locale(language)
        for table in (locale.months, locale.days):
            for context in table.values():
                for names in context.values():
                    words.update(fold(name) for name in names.values())
    except (ValueError, TypeError):
        pass
    return frozenset(words)


@cache
def weekday_names(language: str) -> tuple[str, ...]:
    """The weekday names of the language as its texts write them (CLDR wide forms, format and
    stand-alone, via babel; "Monday", "lundi"), with a capitalised form where CLDR writes them in
    lower case (a weekday may open a sentence); none for a locale babel does not know."""
    from babel import Locale, UnknownLocaleError

    names: set[str] = set()
    try:
        days = Locale(language).days
    except (ValueError, TypeError, UnknownLocaleError):
        return ()
    for context in days.values():
        for name in context.get("wide", {}).values():
            names.update((name, name[:1].upper() + name[1:]))
    return tuple(sorted(names, key=len, reverse=True))


@cache
def lowercase_not_places(language: str) -> frozenset[str]:
    """Words that name a place only when capitalised ("turkey", "réunion"), folded."""
    return frozenset(fold(word) for word in lang.load(language, "entities").get("lowercase_not_places", []))
