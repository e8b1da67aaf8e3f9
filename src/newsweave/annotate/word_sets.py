"""Per-language word sets that the name and place rules share, folded for lookups: the stop
words of the language's spaCy pipeline, its month and weekday names (CLDR, via babel) and the
words of ``lowercase_not_places`` in ``lang/<iso>/entities.toml``. Each is built once per
language. Also the one reading of whether a language capitalises every noun, which both rule
sets ask, and the readings of simplemma's dictionary: whether it knows a word, whether it
reads a word as a common noun of the language (:func:`is_lexicon_noun`), and whether it knows a
capitalised word as a lower-case word only (:func:`lower_case_only`; :func:`lower_case_word` when no
locale lists it as a name either). And the gap that parts the
members of a list of names (:func:`is_list_gap`)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from newsweave import lang
from newsweave.annotate.geo import fold
from newsweave.annotate.settings import SETTINGS

# Words looked up in simplemma per process: the names and words of the articles read, kept (the
# bound keeps long ingests in memory).
WORD_CACHE = 1 << 16


@cache
def capitalises_nouns(language: str) -> bool:
    """Whether the language capitalises every noun (``[names] capitalised_nouns`` in its entities
    file): then a capitalised word is no evidence of a name."""
    return bool(lang.load(language, "entities").get("names", {}).get("capitalised_nouns", False))


def is_list_gap(gap: str, language: str) -> bool:
    """Whether the text between two names parts two members of a list ("A, B", "A and B", "A / B")."""
    return list_separator(language).match(gap) is not None


@cache
def list_separator(language: str) -> re.Pattern[str]:
    """The gap between two members of a list: a comma or semicolon (a joiner may follow), a spaced
    dash, slash or bar, or one of the language's ``list_joiners`` ("and", "et")."""
    joiners = lang.load(language, "entities").get("list_joiners", [])
    joiner = "|".join(re.escape(word) for word in joiners) or lang.NEVER
    return re.compile(rf"^(?:\s*[,;]\s*(?:(?:{joiner})\s+)?|\s+[-–—/|]\s+|\s+(?:{joiner})\s+)$")


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
def street_words(language: str) -> frozenset[str]:
    """The words that end a street's name (``street_words`` of the language's places file:
    "Street", "Road"), folded."""
    return frozenset(fold(word) for word in lang.load(language, "places").get("street_words", []))


@cache
def lowercase_not_places(language: str) -> frozenset[str]:
    """Words that name a place only when capitalised ("turkey", "réunion"), folded."""
    return frozenset(fold(word) for word in lang.load(language, "entities").get("lowercase_not_places", []))


@lru_cache(maxsize=WORD_CACHE)
def simplemma_knows(word: str, language: str) -> bool:
    """Whether simplemma's dictionary of the language holds the word (False without simplemma or
    a dictionary for the language)."""
    try:
        from simplemma import is_known
        # The low-memory backend reads the same dictionary as a front-coded stream: the same
        # answers for a few megabytes per language instead of a decoded dict of tens (loaded
        # once per process and language).
        return bool(is_known(word, lang=language, low_memory=True))
    except (ImportError, ValueError):  # no simplemma, or no dictionary for the language
        return False


def lemma_of(word: str, language: str) -> str | None:
    """The dictionary's lemma of a word it holds, else None."""
    return _simplemma_lemma(word, language)


def _simplemma_lemma(word: str, language: str) -> str | None:
    """The dictionary's lemma of a word it holds, else None (no rule guesses one)."""
    if not simplemma_knows(word, language):
        return None
    from simplemma import lemmatize

    return str(lemmatize(word, lang=language, greedy=False, low_memory=True))


@lru_cache(maxsize=WORD_CACHE)
def inflected_verb(word: str, language: str, endings: tuple[str, ...]) -> bool:
    """Whether simplemma's dictionary reads a word as an inflected form of a lemma with an infinitive's
    ``endings`` ("will" → "wollen", "kam" → "kommen"; not "seitens", "durch", "zaghafte")."""
    lemma = _simplemma_lemma(word, language)
    return lemma is not None and lemma != word and lemma.endswith(endings)


@lru_cache(maxsize=WORD_CACHE)
def lower_case_only(word: str, language: str) -> bool:
    """Whether simplemma's dictionary reads a capitalised word as a form of a lower-case word only
    ("Inzwischen" → "inzwischen", "Später" → "spät"): an adverb, adjective or verb that a sentence
    opens on, no noun or name the dictionary holds capitalised ("Merkel", "Braun", "Meister")."""
    lemma = _simplemma_lemma(word, language)
    return lemma is not None and lemma[:1].islower()


def lower_case_word(word: str, language: str) -> bool:
    """Whether simplemma's dictionary reads a capitalised word as a lower-case word only (an adverb, a
    verb: "Asimismo", "Dijo") that no locale lists as a given name or a surname ("Moreno", "Blanco")."""
    from newsweave.annotate.given_names import given_names, surnames

    return lower_case_only(word, language) and not given_names(language).listed(word) and word not in surnames()


def _noun_inflection_endings(language: str) -> list[str]:
    return list(lang.load(language, "entities").get("names", {}).get("noun_inflection_endings", []))


@lru_cache(maxsize=WORD_CACHE)
def noun_with_plural_ending_only(word: str, language: str) -> bool:
    """Whether simplemma's dictionary holds a capitalised word as its own lemma and leads one of
    the language's ``noun_plural_endings_only`` forms back to it ("Autos" → "Auto", "Kinos" →
    "Kino"): a noun that declines no other way. Place names take that ending too, as a genitive
    ("Berlins", "Oslos"), so this alone tells nothing: :func:`names.noun_of_the_lexicon` asks
    the gazetteer as well."""
    endings = lang.load(language, "entities").get("names", {}).get("noun_plural_endings_only", [])
    if not endings or _simplemma_lemma(word, language) != word:
        return False
    return any(_simplemma_lemma(word + ending, language) == word for ending in endings)


@lru_cache(maxsize=WORD_CACHE)
def declined_noun_form(word: str, language: str) -> bool:
    """Whether simplemma's dictionary reads a capitalised word as a declined form of another noun
    ("Länder", "Landes" → "Land"; "Namen" → "Name"), in a language that lists its
    ``noun_inflection_endings`` (entities file, ``[names]``). A capitalised lemma is a noun's:
    "Tarn" read as a form of "tarnen" is no noun."""
    lemma = _simplemma_lemma(word, language) if _noun_inflection_endings(language) else None
    return lemma is not None and lemma[:1].isupper() and lemma.casefold() != word.casefold()


@lru_cache(maxsize=WORD_CACHE)
def lexicon_noun_with_ending(word: str, language: str) -> bool:
    """Whether a capitalised word is a common noun of the lexicon (:func:`is_lexicon_noun`) with one
    of the language's ``noun_inflection_endings`` added ("Bergen" = "Berg" + "en"), whatever
    simplemma makes of the whole word (it reads "Bergen" as a town's name or the verb "bergen")."""
    return any(word.endswith(ending) and len(word) - len(ending) >= SETTINGS.name_noun_stem_min_chars
               and is_lexicon_noun(word[: -len(ending)], language) for ending in _noun_inflection_endings(language))


@lru_cache(maxsize=WORD_CACHE)
def is_lexicon_noun(word: str, language: str) -> bool:
    """Whether simplemma's dictionary reads a capitalised word as a common noun: a declined form
    of another noun (:func:`declined_noun_form`), or a word to which at least
    ``name_noun_inflected_forms_min`` forms with the language's endings lead back ("Mannes",
    "Manne" → "Mann"). Few place names are declined so (the genitive "-s" is no ending here:
    "Berlins" is one), and the dictionary, built from inflection lists, holds them undeclined."""
    if declined_noun_form(word, language):
        return True
    lemma = _simplemma_lemma(word, language) if _noun_inflection_endings(language) else None
    if lemma is None or lemma.casefold() != word.casefold():
        return False
    forms = sum(1 for ending in _noun_inflection_endings(language) if _simplemma_lemma(word + ending, language) == lemma)
    return forms >= SETTINGS.name_noun_inflected_forms_min
