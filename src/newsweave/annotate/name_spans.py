"""Where a name begins and ends, from the words around the model's span.

* **An article that only opens a sentence** ("The Orvane Trust was founded …"): English writes
  "the Orvane Trust" inside a sentence and capitalises the article only because it opens one, so
  it is no part of the name. A capitalised article of ``sentence_articles`` (``lang/<iso>/
  entities.toml``) at the start of a sentence or of a line is dropped from a name of two words or
  more when the sentence goes on after the name with a lower-case word or the name's own initials
  in brackets (prose, not a title: "The Kessel Affair ( 1936 )" keeps its article), the whole is
  no alias, and no known place holds the article in its own name ("The Hague Convention"; "The
  Soviet Union" is known as the Soviet Union and loses it).
* **A head word beside the span** ("FC" + "Dorvan", "Velkor Rural" + "District", "Kessel" +
  "State University"): the model often stops at the head word that says what the name is. A
  head that opens names (``[heads]`` ``*_first``) right before a mention, or one or two
  capitalised words ending with a head that closes names (``*_last``) right after it, one space
  apart and in no other mention, join the name, which takes the head's kind.
* **A team in brackets after a person** ("Ilse Vardanova ( Kessel United )", "Tom Ruel
  (Brimq Racing)"): results and squad lists give each player's club or make that way. A bracket
  right after a person's full name that holds only one to four capitalised words, which no
  mention covers, is an organisation when it is no known place or alias (a town there is where
  the person is from), no party letter or code ("( D )", "( NZL )": three capitals or fewer, or
  a hyphen), no given name and surname (a character's name), not the person's initials
  ("Ilse Marta Vardanova ( IMV )") and not a lone common word ("( Winner )").
* **A peerage after a name** ("Tom Ruel, 3rd Earl of Dorvan", "Sir Ian Hale, 2nd Baronet",
  "Ann Vey, Duchess of Kessel"): a comma, a title of ``[peerages]`` and the title's capitalised
  words, or a comma, an ordinal and the title alone, are part of how the person is named. The name takes them and is a person; the mentions inside go (the
  title's "Dorvan" is no place of the story, "Earl Dorvan" no second person), and the person's
  identity still comes from the name before the comma.
* **An organisation's town** ("Kessel High School, Dorvan", "Velkor Hospital ( Dorvan )",
  "Brimq College - Dorvan"): schools, stadiums and hospitals are often followed by their town,
  which the model then misses. An uncovered name right after an organisation, after a comma, a
  spaced dash or in a bracket, that ends the clause and that the gazetteer knows as a town of
  ``toponym_min_town_population`` people or more, a division or a country, is a place (the
  model's "other" for it too: "Opelika" PRODUCT); not an alias, a demonym, a lone word the
  lemmatizer knows as no noun, or a name opened by a given name.
* **A road's number** ("Interstate 75", "Utah State Route 31", "Minnesota State Highway 258"):
  the model stops before the number ("Interstate" ORG), takes only the state before the road
  ("Minnesota" LOC) or misses the road ("Highway 214", the number read as a cardinal). A word of
  ``numbered_road_words`` (``lang/<iso>/places.toml``) with a number right after it, and the
  capitalised words right before it (at most ``name_head_max_words``, no stop word), is one
  name. It keeps the label the model gave the road's word, else the label of its first word,
  when that is an organisation or a place, else it is a place (the model's facility, and no person:
  "Highway 174" PERSON); the mentions inside go (the toponym rules after it
  put the state of "Utah State Route 31" back on the map). A mention that crosses the road's
  edge stays as the model read it.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Token

from newsweave import lang
from newsweave.annotate.canonical import Mention, alias_of, covered
from newsweave.annotate.given_names import all_given_names
from newsweave.annotate.name_heads import capitalised_words_before
from newsweave.annotate.name_repeats import lowercase_words, not_noun_words
from newsweave.annotate.geo import candidates, demonym_country
from newsweave.annotate.nlp import name_lemma, pipeline
from newsweave.annotate.settings import SETTINGS


# What ends a sentence or opens a new clause before a capitalised article (a spaced dash:
# "February 2 – The Orvane League is formed").
SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", "–", "—", "-"})


@cache
def _sentence_articles(language: str) -> frozenset[str]:
    return frozenset(lang.load(language, "entities").get("sentence_articles", []))


def without_sentence_articles(mentions: list[Mention], doc: Doc, language: str) -> None:
    """Drop a sentence's capitalised article from the names it opens (module's text)."""
    articles = _sentence_articles(language)
    if not articles:
        return
    starts = {token.idx: token for token in doc}
    for mention in mentions:
        token = starts.get(mention.start)
        if (mention.kind != "name" or token is None or token.text not in articles or not _opens_sentence(token)
                or token.i + 2 >= len(doc) or doc[token.i + 1].idx >= mention.end):
            continue
        words = mention.text.split()
        if len(words) < 3 or alias_of(mention.text) is not None or _place_with_its_article(mention.text) or _opens_with_place(words):
            continue
        following = _token_after(doc, mention.end)
        if following is None or not (following.is_alpha and following.text.islower() or _initials_follow(doc.text, mention.end, words[1:])):
            continue
        mention.start = doc[token.i + 1].idx
        mention.text = doc.text[mention.start:mention.end]
        mention.lemma = name_lemma(mention.text, language)


# A bracket of capitals right after a name: the initials a body is then called by.
BRACKETED_INITIALS = re.compile(r"\s*\(\s*([A-Z]{2,8})\s*\)")


def _initials_follow(text: str, end: int, words: list[str]) -> bool:
    """Whether the name's own initials follow it in brackets ("The Kessel Grain Board ( KGB )
    was formed"): a body introduced for later mentions, not a title of a work, whose bracket holds
    a year or a network ("The Kessel Affair ( 1936 )")."""
    found = BRACKETED_INITIALS.match(text, end)
    return found is not None and found.group(1) == "".join(word[0] for word in words if word[:1].isupper())


def _place_with_its_article(name: str) -> bool:
    """Whether a known place is named with the article ``name`` opens with ("The Hague", "The
    Bronx"). A place known without it ("The Soviet Union" is the Soviet Union) loses the
    sentence's article like any other name."""
    article = name.split()[0]
    return any(entry.place.name.startswith(article + " ") for entry in candidates(name))


def _opens_with_place(words: list[str]) -> bool:
    """Whether the article and the next word are a place's own name ("The Hague"; not "The
    University", though a town is called University)."""
    opening = " ".join(words[:2])
    return any(entry.place.name == opening for entry in candidates(opening))


def _opens_sentence(token: Token) -> bool:
    """Whether the token opens the text, a sentence or a line (after wiki or quote marks too).
    A line break ends a paragraph or a headline as a full stop ends a sentence; the parser keeps
    it as a whitespace token of its own, which would otherwise hide the stop before it."""
    index = token.i
    while index > 0 and (doc_punct(token.doc[index - 1]) or token.doc[index - 1].is_space):
        if "\n" in token.doc[index - 1].text:
            return True
        index -= 1
    return index == 0 or token.doc[index - 1].text in SENTENCE_ENDS


def doc_punct(token: Token) -> bool:
    return token.is_punct and token.text not in SENTENCE_ENDS


def _token_after(doc: Doc, end: int) -> Token | None:
    for token in doc:
        if token.idx >= end:
            return token
    return None


@cache
def _head_kinds(language: str) -> dict[tuple[str, str], str]:
    """(word, "first" | "last") → the kind a head word gives, from ``[heads]``."""
    table = lang.load(language, "entities").get("heads", {})
    return {(word, end): label for key, label in (("place", "LOC"), ("organisation", "ORG"))
            for end in ("first", "last") for word in table.get(f"{key}_{end}", ())}


def with_heads_beside(mentions: list[Mention], doc: Doc, language: str) -> None:
    """Extend a name over the head word right before or after it (module's text)."""
    kinds = _head_kinds(language)
    if not kinds:
        return
    taken = covered(mentions)
    starts = {token.idx: token for token in doc}
    ends = {token.idx + len(token): token for token in doc}
    for mention in mentions:
        first, last = starts.get(mention.start), ends.get(mention.end)
        if (mention.kind != "name" or mention.label not in ("PER", "ORG", "LOC") or first is None or last is None
                or any(char.isdigit() for char in mention.text)):
            continue  # a score or a number the model took in ("Dorvan 4-4") is cut later, not joined
        label = None
        # Not before a person opened by a given name: "président du Conseil Ilse Vardanova".
        if first.i > 0 and _beside(doc, doc[first.i - 1], first, taken) and not (
                mention.label == "PER" and first.text in all_given_names()):
            label = kinds.get((doc[first.i - 1].text, "first"))
            if label is not None:
                mention.start = doc[first.i - 1].idx
        if label is None:
            end = _head_after(doc, last, taken, kinds)
            if end is not None:
                label = kinds[(doc[end].text, "last")]
                mention.end = doc[end].idx + len(doc[end])
        if label is not None:
            mention.label = label
            mention.text = doc.text[mention.start:mention.end]
            mention.lemma = name_lemma(mention.text, language)
            taken.update(range(mention.start, mention.end))


def _head_after(doc: Doc, last: Token, taken: set[int], kinds: dict[tuple[str, str], str]) -> int | None:
    """Index of a closing head among the one or two capitalised words right after ``last``."""
    previous = last
    for index in range(last.i + 1, min(last.i + 3, len(doc))):
        token = doc[index]
        if not (token.is_alpha and token.text[:1].isupper() and _beside(doc, previous, token, taken)):
            return None
        if (token.text, "last") in kinds:
            return index
        previous = token
    return None


def _beside(doc: Doc, first: Token, second: Token, taken: set[int]) -> bool:
    """Whether one space parts the two tokens and the one outside the mention is free."""
    gap = first.idx + len(first)
    free = second if first.idx in taken else first
    return second.idx == gap + 1 and doc.text[gap] == " " and free.idx not in taken


# A bracket right after a name that holds only capitalised words: "( Kessel United )".
BRACKETED_NAME = re.compile(r"[ \t]*\([ \t]*([^\W\d_][^()\d\n]*?)[ \t]*\)")
CODE = re.compile(r"[A-Z]{1,3}|.*-.*")


def teams_in_brackets(mentions: list[Mention], text: str, language: str) -> list[Mention]:
    """New organisations for the names in brackets after a person's full name (module's text)."""
    common = lowercase_words(language)
    given = all_given_names()
    taken = covered(mentions)
    found: list[Mention] = []
    for mention in mentions:
        if mention.kind != "name" or mention.label != "PER" or " " not in mention.text.strip():
            continue
        match = BRACKETED_NAME.match(text, mention.end)
        if match is None or any(index in taken for index in range(match.start(1), match.end(1))):
            continue
        name = match.group(1)
        words = name.split()
        if (not 1 <= len(words) <= 4 or not all(word[:1].isupper() for word in words) or CODE.fullmatch(name)
                or (len(words) == 1 and name.lower() in common) or (len(words) > 1 and words[0] in given)
                or alias_of(name) is not None or candidates(name) or _initials_of(name, mention.text)):
            continue
        found.append(Mention(match.start(1), match.end(1), name, "ORG"))
    return found


def _initials_of(name: str, person: str) -> bool:
    """Whether a word in capitals spells the person's initials in order ("( AMLO )" after
    "Andres Manuel Lopez Obrador"): the person's own short name, not a team."""
    if not name.isupper() or " " in name:
        return False
    initials = iter(word[0].upper() for word in person.split())
    return all(letter in initials for letter in name)


# A word of a title's place: capitalised words, and the joiners of ``[peerages]`` between them.
TITLE_WORD = re.compile(r"[ \t]+([^\W\d_](?:[\w'’-]|\.(?=\w))*)")


@cache
def _peerage(language: str) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """", 3rd Earl" for the language (from ``[peerages]``), and the words that join a title's places."""
    table = lang.load(language, "entities").get("peerages", {})
    if not table.get("titles") or not table.get("ordinal"):
        return None, frozenset()
    titles = lang.rule_alternation(table["titles"])
    return (re.compile(rf"[ \t]*,[ \t]*(?P<ordinal>(?:{table['ordinal']})[ \t]+)?(?:{titles})\b"),
            frozenset(table.get("joiners", [])))


def persons_with_peerages(mentions: list[Mention], text: str, language: str) -> list[Mention]:
    """Extend a person's name over the peerages after it (module's text); the mentions inside go."""
    pattern, joiners = _peerage(language)
    if pattern is None:
        return mentions
    extended: list[Mention] = []
    for mention in mentions:
        if mention.kind != "name":
            continue
        end = mention.end
        while (match := pattern.match(text, end)) is not None:
            title_end = _title_end(text, match.end(), joiners)
            if match.group("ordinal") is None and title_end == match.end():
                break  # "Anna Vey, Countess," with neither a number nor a title's place
            end = title_end
        if end == mention.end:
            continue
        mention.lemma = mention.name  # the identity: the name, not its titles
        mention.end, mention.text, mention.label = end, text[mention.start:end], "PER"
        extended.append(mention)
    return [m for m in mentions if not any(m is not p and p.start <= m.start and m.end <= p.end for p in extended)]


def _title_end(text: str, position: int, joiners: frozenset[str]) -> int:
    """End of a title's capitalised words ("of Dorvan and Velkor") from ``position``, right after the title."""
    end = position
    while (match := TITLE_WORD.match(text, position)) is not None:
        word = match.group(1)
        if word[:1].isupper():
            end = match.end()
        elif word not in joiners:
            break
        position = match.end()
    return end


# An organisation's town: after a comma, a spaced dash or in a bracket, one to three
# capitalised words that end the clause (a comma, a full stop, a closing bracket, the line's end).
TOWN_AFTER = re.compile(r"(?:[ \t]*,|[ \t]+[-–—]|[ \t]*(?P<bracket>\())[ \t]+"
                        r"(?P<name>[^\W\d_][\w'’-]*(?:[ \t-][^\W\d_][\w'’-]*){0,2})"
                        r"(?=(?(bracket)[ \t]*\)|[ \t]*(?:[,.;:)]|$)))", re.MULTILINE)


def towns_after_organisations(mentions: list[Mention], text: str, language: str) -> list[Mention]:
    """New places for the towns named right after an organisation (module's text)."""
    others = {(m.start, m.end): m for m in mentions if m.label == "MISC" and m.kind == "name"}
    taken = covered([m for m in mentions if m not in others.values()])
    spoken_for = covered(mentions)
    common = not_noun_words(language)
    given = all_given_names()
    found: list[Mention] = []
    for mention in mentions:
        if mention.kind != "name" or mention.label != "ORG":
            continue
        match = TOWN_AFTER.match(text, mention.end)
        if match is None or any(index in taken for index in range(match.start("name"), match.end("name"))):
            continue
        name = match.group("name")
        words = name.split()
        if (not all(word[:1].isupper() for word in words) or (len(words) == 1 and name.lower() in common)
                or (len(words) > 1 and words[0] in given) or alias_of(name) is not None or demonym_country(name)
                or not _known_town(name)):
            continue
        other = others.get(match.span("name"))
        if other is not None:  # the model's "other" for the town ("Opelika" PRODUCT)
            other.label = "LOC"
        elif not any(index in spoken_for for index in range(match.start("name"), match.end("name"))):
            found.append(Mention(match.start("name"), match.end("name"), name, "LOC"))
        taken.update(range(match.start("name"), match.end("name")))
    return found


def _known_town(name: str) -> bool:
    return any(entry.main_name and (entry.place.kind in ("country", "admin1", "admin2")
                                    or entry.place.kind == "city" and entry.place.population >= SETTINGS.toponym_min_town_population)
               for entry in candidates(name))


@cache
def _numbered_road(language: str) -> re.Pattern[str] | None:
    """A word of a road's name and the number right after it: three digits at most, so that a
    year is no road's number ("the Silk Road 2019 forum")."""
    words = lang.load(language, "places").get("numbered_road_words", [])
    if not words:
        return None
    return re.compile(rf"(?<![\w-])({lang.rule_alternation(words)})[ \t]+\d{{1,3}}[A-Z]?(?![\w,.-]\d|[\w-])")


def roads_with_their_numbers(mentions: list[Mention], text: str, language: str) -> list[Mention]:
    """Roads named with their number as one name (module's text)."""
    pattern = _numbered_road(language)
    if pattern is None:
        return mentions
    stop = _stop_words(language)
    for match in pattern.finditer(text):
        start, end = _road_start(text, match.start(), stop), match.end()
        inside = [m for m in mentions if m.start < end and start < m.end]
        if any(m.start < start or end < m.end for m in inside):
            continue  # the model's name crosses the road's edge: it read something else there
        label = next((m.label for m in inside if m.start <= match.start() < m.end), None) or next(
            (m.label for m in inside if m.start == start), "LOC")
        if label not in ("ORG", "LOC"):
            label = "LOC"  # a road named by its number is no person ("Highway 174" PERSON)
        # the toponym rules after this one name the state inside ("Utah" of "Utah State Route 31") for the map
        mentions = [m for m in mentions if m not in inside]
        mentions.append(Mention(start, end, text[start:end], label))
    return mentions


@cache
def _stop_words(language: str) -> frozenset[str]:
    return frozenset(pipeline(language).Defaults.stop_words)


# A word before a road's word: letters, hyphens and dots ("U.S."), no apostrophe ("Detroit's").
ROAD_NAME_WORD = re.compile(r"(?:^|(?<=[ \t]))([^\W\d_][\w.-]*)[ \t]+$")


def _road_start(text: str, start: int, stop: frozenset[str]) -> int:
    """Start of the capitalised words right before a road's word ("New York State" of "New York
    State Route 412"), without a stop word ("The", "On") or a sentence's last word ("… in Ohio.
    Route 9 …"; an abbreviation's dot, "U.S.", is no sentence's end)."""
    return capitalised_words_before(text, start, ROAD_NAME_WORD,
                                    lambda word: word.lower() in stop and not word.isupper()
                                    or word.endswith(".") and "." not in word[:-1])
