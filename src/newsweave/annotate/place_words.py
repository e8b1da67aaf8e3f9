"""Labels repaired by the words around a name: what kind of thing a list or a noun says it is.

The English and French models tag unknown villages as persons, organisations or other ("the
town of Velmoré", "three villages, Ardicé, Pelnové and Strované"). Two repairs, from the
``place_nouns`` and ``list_joiners`` of ``lang/<iso>/entities.toml``: a one-word name right after
a noun of places is a place, and a one-word "person" or "other" listed right after a place is a
place too. Companies fare the same ("the lender Brimq" PER): a one-word "person" or "other"
right after a noun of organisations, or followed by one in apposition ("Brimq, a Dutch bank,"),
is an organisation wherever it stands alone in the article (``organisation_nouns`` and
``apposition_articles``), and so is one right after its staff or head (« l'ancien PDG de X »,
``organisation_member_nouns``); a name right after a noun of kin ("the nephew of X") is a person
(``kin_nouns``). A word of a full person name of the article (evidence of a person),
an alias or a demonym is left alone.
"""

from __future__ import annotations

import re
from functools import cache

from newsweave import lang
from newsweave.annotate.canonical import Mention, alias_of
from newsweave.annotate.geo import candidates, demonym_country, fold
from newsweave.annotate.settings import SETTINGS



def full_name_words(mentions: list[Mention]) -> set[str]:
    """Folded words of the article's person names of several words (evidence of a person)."""
    return {fold(word) for m in mentions if m.kind == "name" and m.label == "PER" and " " in m.text.strip()
            for word in m.text.split()}


def _lone_word(mention: Mention, in_full_names: set[str]) -> bool:
    return (mention.kind == "name" and " " not in mention.text.strip() and fold(mention.text) not in in_full_names
            and alias_of(mention.text) is None and not demonym_country(mention.text))


def places_after_place_nouns(mentions: list[Mention], text: str, language: str, in_full_names: set[str]) -> None:
    """"the town of Velmoré", "three villages, Ardice, …": a one-word name the model called a
    person, organisation or other right after a noun of places is a place (the English model
    gives such villages all three labels)."""
    place_noun = _place_noun(language)
    if place_noun is None:
        return
    for mention in mentions:
        if (mention.label != "LOC" and _lone_word(mention, in_full_names)
                and place_noun.search(text, max(0, mention.start - SETTINGS.place_noun_window), mention.start)):
            mention.label = "LOC"


def places_listed_with_places(mentions: list[Mention], text: str, language: str, in_full_names: set[str]) -> None:
    """A lone "person" listed right after a place ("Ardice, Pelno and Strova" once Ardice is
    one) is a place too: lists hold one kind of thing. Only a comma or the language's "and"
    may stand between them."""
    joiners = lang.load(language, "entities").get("list_joiners", [])
    if not joiners:
        return
    joiner = re.compile(r"^\s*(?:,\s*(?:" + "|".join(map(re.escape, joiners)) + r")?|" + "|".join(map(re.escape, joiners)) + r")\s+$|^,\s*$")
    ordered = sorted((m for m in mentions if m.kind == "name"), key=lambda m: m.start)
    for before, mention in zip(ordered, ordered[1:]):
        # Organisations stay: "France, Renault and Peugeot" lists a country and two companies.
        if (mention.label in ("PER", "MISC") and before.label == "LOC" and _lone_word(mention, in_full_names)
                and joiner.match(text[before.end : mention.start])):
            mention.label = "LOC"


def persons_named_by_kin(mentions: list[Mention], text: str, language: str) -> None:
    """"the nephew of Yorin Vashti", "la fille de Lucienne Varnel": a name of one to four words the
    model called an organisation or a place right after a noun of kin (``kin_nouns`` and
    ``kin_joiners``) is a person, unless the gazetteer knows it (a son of a town is its native),
    it is an alias, a word in capitals stands in it ("a son of BRT", grown up in a broadcaster) or
    a head word of organisations does ("the daughter of Kessel University" is its spin-off)."""
    kin = _kin_noun(language)
    if kin is None:
        return
    heads = lang.load(language, "entities").get("heads", {})
    organisation_heads = {word for key in ("organisation_first", "organisation_last", "organisation_of") for word in heads.get(key, ())}
    for mention in mentions:
        words = mention.text.split()
        if (mention.kind == "name" and mention.label in ("ORG", "LOC") and len(words) <= SETTINGS.given_name_max_extended_words
                and kin.search(text, max(0, mention.start - SETTINGS.place_noun_window), mention.start)
                and not organisation_heads & set(words) and not any(len(word) > 1 and word.isupper() for word in words)
                and alias_of(mention.text) is None and not candidates(mention.text)):
            mention.label = "PER"


def _kin_noun(language: str) -> re.Pattern[str] | None:
    """A noun of kin and its joiner right before a name ("nephew of ", "fille de ", "fils d'")."""
    return _noun_and_joiner(language, "kin_nouns", "kin_joiners", re.IGNORECASE)


@cache
def _noun_and_joiner(language: str, nouns_key: str, joiners_key: str, flags: int = 0) -> re.Pattern[str] | None:
    """A noun of the entities file's list ``nouns_key`` and a joiner of ``joiners_key`` right before
    a name (the end of the text searched); None where the language lists neither."""
    table = lang.load(language, "entities")
    nouns, joiners = table.get(nouns_key, []), table.get(joiners_key, [])
    if not nouns or not joiners:
        return None
    joins = "|".join(re.escape(word) + (r"\s*" if word[-1] in "'’" else r"\s+") for word in joiners)
    return re.compile(rf"(?<![\w-])(?:{lang.alternation(nouns)})\s+(?:{joins})$", flags)


@cache
def _place_noun(language: str) -> re.Pattern[str] | None:
    """Nouns of places right before a name ("town of ", "villages, ", "la commune de ")."""
    words = lang.load(language, "entities").get("place_nouns", [])
    if not words:
        return None
    alternatives = lang.alternation(words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?:\s+(?:of|de|d'|d’|du|von|van))?\s*[,:]?\s*$", re.IGNORECASE)


def organisations_named_by_nouns(mentions: list[Mention], text: str, language: str, in_full_names: set[str]) -> None:
    """"the lender Brimq", "la banque Brimq", "Brimq, a Dutch bank,": a one-word "person" or
    "other" that a noun of organisations names is an organisation, and so is every other lone
    mention of that name in the article (the model tags the same word alike or worse). Only a
    "place" that the gazetteer does not know is taken: "the carrier Georgia" keeps its place."""
    before, after = _organisation_noun(language)
    if before is None or after is None:
        return
    # A "place" the gazetteer does not know may be the company too ("Kelvora, une société").
    lone = [m for m in mentions if (m.label in ("PER", "MISC") or (m.label == "LOC" and not candidates(m.text)))
            and _lone_word(m, in_full_names)]
    described = _organisation_described_before(language)
    named = {fold(m.text) for m in lone
             if before.search(text, max(0, m.start - SETTINGS.organisation_noun_window), m.start)
             or after.match(text[m.end : m.end + SETTINGS.organisation_noun_window])
             or (described is not None
                 and described.search(text, max(0, m.start - SETTINGS.organisation_description_window), m.start))}
    staffed = _firms_named_by_their_people(mentions, text, language, in_full_names)
    named |= staffed
    lone += [m for m in mentions if m.label == "LOC" and fold(m.text) in staffed and m not in lone and _lone_word(m, in_full_names)]
    for mention in lone:
        if fold(mention.text) in named:
            mention.label = "ORG"


def _firms_named_by_their_people(mentions: list[Mention], text: str, language: str, in_full_names: set[str]) -> set[str]:
    """Folded one-word names right after a noun of a firm's people or parts and its "of" (« les
    employés de X », « l'ancien PDG de X », ``organisation_member_nouns``): the firm, whatever the
    model called it there, even where the gazetteer knows a small place or another place's other
    name so spelt (« Saks », « Google »), though not a big place under its own name (« les salariés
    de Lyon »)."""
    member = _organisation_member_noun(language)
    if member is None:
        return set()
    return {fold(m.text) for m in mentions
            if _lone_word(m, in_full_names) and not _big_place_so_named(m.text)
            and member.search(text, max(0, m.start - SETTINGS.organisation_noun_window), m.start)}


def _big_place_so_named(name: str) -> bool:
    return any(entry.main_name and (entry.place.kind != "city" or entry.place.population >= SETTINGS.name_lone_place_min_population)
               for entry in candidates(name))


def _organisation_member_noun(language: str) -> re.Pattern[str] | None:
    """A noun of a firm's people or parts and the language's "of" right before a name ("PDG de ")."""
    return _noun_and_joiner(language, "organisation_member_nouns", "noun_complement_words")


@cache
def _organisation_noun(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """A noun of organisations right before a name ("bank "), and the apposition that follows a
    name (", a Dutch bank,"): a few words may stand between the article and the noun, but no
    word that makes the noun a complement ("un ancien patron de banque" is a person), and the
    noun ends the apposition, but for the lower-case adjectives a language puts after its nouns
    ("une société néerlandaise,"; in English "Vell, a former bank chief," is a person)."""
    table = lang.load(language, "entities")
    nouns, articles = table.get("organisation_nouns", []), table.get("apposition_articles", [])
    if not nouns or not articles:
        return None, None
    noun = lang.alternation(nouns)
    article = "|".join(re.escape(word.strip()) for word in sorted(articles, key=len, reverse=True))
    linking = "|".join(re.escape(word) for word in table.get("noun_complement_words", []))
    between = rf"(?:(?!(?:{linking})(?!\w))[\w-]+\s+)" if linking else r"(?:[\w-]+\s+)"
    after_words = int(table.get("apposition_adjectives_after", 0))
    before = re.compile(rf"(?<!\w)(?:{noun})[ \t\xa0]+$", re.IGNORECASE)
    after = re.compile(rf"\s*,\s+(?:{article})(?:\s+|(?<=['’])){between}{{0,{SETTINGS.organisation_apposition_words}}}?(?:{noun})"
                       rf"(?-i:\s+[^\W\d_A-Z\u00c0-\u00de][\w-]*){{0,{after_words}}}(?=\s*[,.;:)!?]|\s*$)", re.IGNORECASE)
    return before, after


@cache
def _organisation_described_before(language: str) -> re.Pattern[str] | None:
    """A noun phrase of organisations whose noun the language follows with its complements, right
    before a name (« le plus grand groupe de voyages au monde, X », « la société suédoise de location
    de scooters X »): the article, a few words, the noun, then only lower-case words, none that
    opens a clause (« la société a racheté X », ``description_breaks``) and the last none that makes
    the name a complement (« le parti de X » is X's party, « l'entreprise dirigée par X » its head:
    ``noun_complement_words`` and ``name_complement_words``), and a comma at most. How many words
    may follow the noun: ``organisation_complement_words`` of ``lang/<iso>/entities.toml``."""
    table = lang.load(language, "entities")
    nouns, articles = table.get("organisation_nouns", []), table.get("apposition_articles", [])
    after_noun = int(table.get("organisation_complement_words", 0))
    if not nouns or not articles or not after_noun:
        return None
    article = "|".join(re.escape(word.strip()) for word in sorted(articles, key=len, reverse=True))
    linking = "|".join(re.escape(word) for word in table.get("noun_complement_words", []))
    between = rf"(?:(?!(?:{linking})(?!\w))[\w-]+\s+)" if linking else r"(?:[\w-]+\s+)"
    breaks = lang.rule_alternation(table.get("description_breaks", []))
    ends = lang.rule_alternation(table.get("noun_complement_words", []) + table.get("name_complement_words", []))
    whole = r"(?:(?<=['’])|(?![\w'’]))"  # a whole word, or an elided one (« qu'il »)
    word = rf"(?!(?:{breaks}){whole})[^\W\d_A-Z\u00c0-\u00de][\w'’-]*"
    last = rf"(?!(?:{ends}){whole}){word}"
    return re.compile(rf"(?<!\w)(?:{article})(?:\s+|(?<=['’])){between}{{0,{SETTINGS.organisation_apposition_words}}}?"
                      rf"(?:{lang.alternation(nouns)})(?-i:(?:\s+{word}){{0,{after_noun - 1}}}\s+{last})"
                      r"(?:\s*,)?[ \t\xa0]+$", re.IGNORECASE)


@cache
def place_preposition(language: str) -> re.Pattern[str] | None:
    """A pattern matching a place preposition right before a name (the end of the text searched)."""
    words = lang.load(language, "entities").get("place_prepositions", [])
    if not words:
        return None
    alternatives = lang.alternation(words, flexible_spaces=True)
    return re.compile(rf"(?<!\w)(?:{alternatives})[ \t\xa0]+$", re.IGNORECASE)
