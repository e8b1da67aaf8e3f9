"""Teams named after their town: "Milwaukee Brewers", "Victoria Grizzlies", "Boise State Broncos".

A sports team's name is a place followed by a plural noun (English convention), and the small
model reads it as a person ("Milwaukee Brewers" PER) or keeps only the town ("Tampa" LOC of
"Tampa Bay Rays"). A name whose first words are a big place the gazetteer knows and whose last word
is a capitalised plural of a common noun (``team_plural_endings`` of the entities file: the
lemmatizer knows "brewer", so "Brewers" is its plural) is an organisation, with the capitalised
words between them. Not when the whole name is a known place, nor when the plural is a noun of
places ("Islands", "Heights", "Falls", "Keys": ``team_not_plurals``) or a last name ("Ellis"), nor when a given name
opens it (one that is no big place: "Victoria Grizzlies" is a team, "Lena Parks" no place),
nor when the plural is read as a verb or the first word belongs to a person's full name in the
article (a headline's "Baker Visits Dunmore" over "Mayor Tom Baker"). A language without the key has no rule.
A team the model left untagged is taken after a lower-case article only ("for the Chiba Lotte
Marines", :func:`teams_the_model_missed`): a headline's "Florida Schools Close" has none.

A club the article shows playing (:func:`teams_shown_playing`): a name right after a phrase of
``team_cues`` ("signed for", "made his debut for", « joue pour ») is a team, whatever the model
called it ("signed for Chesterfield" LOC, "made his debut for Maccabi Haifa" PER), and so are the
other persons and others of that name in the article; a place of that name elsewhere stays. Not
a given name ("played for Jim"), words of the language alone ("signed for Catching Fire", a film),
nor the first words of a longer name the model cut ("played for the Atlanta Falcons"). A result
shows the teams too (``team_result_verbs``, ``team_result_nouns``): a name between a verb of a
result and a score ("beat Evansville 91-73"), or after a score and a noun of a result ("a 31-24
win over Jacksonville"); persons named in full, names opening with a given name or followed by a
possessive ("a 1-0 defeat to Tom Ruel's side") and countries (national teams) stay as they are.

French names a team the other way round, its plural before its town ("Girondins de Bordeaux",
"Lakers de Los Angeles"; :func:`teams_before_places`): a capitalised plural, a joiner of
``team_place_joiners`` ("de", "du", "d'"), then a name the gazetteer knows as a place, is one
organisation. Not when the plural is a given name ("Charles de Gaulle"), a demonym ("les
Ukrainiens de Kharkiv" are people), listed in ``team_not_plurals`` ("Îles", "Palais", "Pays"),
or the plural of a word the lemmatizer knows only as a noun ("Présidents du Cameroun",
"Parcs de Lyon"; "Canadiens", "Girondins", adjectives too, stay), nor when the whole is a known
place.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from newsweave import lang
from newsweave.annotate.canonical import Mention, alias_of, covered
from newsweave.annotate.geo import candidates, demonym_country, fold, region_demonym
from newsweave.annotate.given_names import GivenNames, all_given_names, given_names, one_space_between, surnames
from newsweave.annotate.name_repeats import lemma_index, lowercase_words
from newsweave.annotate.place_words import full_name_words
from newsweave.annotate.settings import SETTINGS

MAX_WORDS = 4
# A capitalised word right after a name: the name goes on past the model's mention.
NAME_GOES_ON = re.compile(r"[ \t\xa0]+[A-ZÀ-Ý]")
# A match's score ("91-73", "2–0", "3 - 1"), not a year's range: at most three digits a side.
SCORE = r"(?<![\w.,:])\d{1,3}[ \t\xa0]?[-–—][ \t\xa0]?\d{1,3}(?![\w.,:]?\d)"
# The score right after a team's name, maybe between brackets ("beat Evansville 91-73", « battu Nantes (2-1) »).
SCORE_AFTER = re.compile(rf"[ \t\xa0]+\(?{SCORE}")
POSSESSIVE_AFTER = re.compile(r"['’]s?(?!\w)")


def teams_named_after_places(mentions: list[Mention], doc: Doc, language: str) -> list[Mention]:
    """The mentions with team names relabelled ORG and extended over their plural noun; the
    mentions the longer name now covers are dropped."""
    endings = _plural_endings(language)
    if not endings:
        return mentions
    starts = {token.idx: token for token in doc}
    # "Baker Visits Dunmore" over a text naming Tom Baker: a headline's verb after a surname.
    full_names = [m for m in mentions if m.kind == "name" and m.label == "PER" and " " in m.text.strip()]
    dropped: set[int] = set()
    for mention in mentions:
        token = starts.get(mention.start)
        if mention.kind != "name" or mention.label not in ("PER", "ORG", "LOC") or token is None or id(mention) in dropped:
            continue
        end = _team_end(doc, token.i, mention.end, language)
        if end is None or any(other is not mention and token.text in other.text.split() for other in full_names):
            continue
        span = doc[token.i:end]
        for other in mentions:
            if other is not mention and mention.start <= other.start and other.end <= span.end_char:
                dropped.add(id(other))
        mention.end, mention.text, mention.label = span.end_char, span.text, "ORG"
    return [mention for mention in mentions if id(mention) not in dropped]


def teams_the_model_missed(mentions: list[Mention], doc: Doc, language: str) -> list[Mention]:
    """The mentions and the teams the model left untagged after a lower-case article ("for the
    Chiba Lotte Marines"): a run of capitalised words in no mention, ending before a word that is
    no capitalised word, that reads as a team (:func:`_is_team`). The article keeps headlines out
    ("Florida Schools Close" has none)."""
    articles = _articles(language)
    if not _plural_endings(language) or not articles:
        return mentions
    taken = covered(mentions)
    found: list[Mention] = []
    for token in doc[:-2]:
        if token.text not in articles:
            continue
        end = token.i + 1
        while (end < len(doc) and end - token.i <= MAX_WORDS and doc[end].is_alpha and doc[end].text[:1].isupper()
               and doc[end].idx not in taken and one_space_between(doc, doc[end - 1], doc[end])):
            end += 1
        if 3 <= end - token.i <= MAX_WORDS and not (end < len(doc) and doc[end].text[:1].isupper()) \
                and _is_team(doc[token.i + 1:end], language):
            span = doc[token.i + 1:end]
            found.append(Mention(span.start_char, span.end_char, span.text, "ORG"))
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


@cache
def _articles(language: str) -> frozenset[str]:
    return frozenset(article.strip() for article in lang.articles(language) if article.strip().islower())


def _team_end(doc: Doc, first: int, mention_end: int, language: str) -> int | None:
    """The token end of a team name opening at ``first`` and reaching at least ``mention_end``."""
    end = first
    while end < len(doc) and doc[end].idx < mention_end:
        end += 1
    # The model's span plus up to two capitalised words right after it ("Tampa" + "Bay Rays").
    best = None
    for extra in range(3):
        stop = end + extra
        if stop > len(doc) or stop - first > MAX_WORDS or stop - first < 2:
            continue
        if extra and not all(doc[i].text[:1].isupper() and doc[i].is_alpha and one_space_between(doc, doc[i - 1], doc[i])
                             for i in range(end, stop)):
            break
        if _is_team(doc[first:stop], language):
            best = stop
    return best


def _is_team(span, language: str) -> bool:
    words = [token.text for token in span]
    if not all(word[:1].isupper() for word in words) or words[0] in given_names(language):
        return False
    if (span[-1].pos_ == "VERB" or not _is_plural_noun(words[-1], language) or alias_of(span.text) is not None
            or candidates(span.text)):
        return False
    return any(_is_place(" ".join(words[:size])) for size in range(1, len(words)))


def _is_place(name: str) -> bool:
    """A country, a division or a town of ``entity_fallback_min_population``: teams are named after
    big places, and small towns bear common words ("Story Highlights" of a page's furniture)."""
    return any(entry.place.kind != "city" or entry.place.population >= SETTINGS.entity_fallback_min_population
               for entry in candidates(name))


def _is_plural_noun(word: str, language: str) -> bool:
    lower = word.lower()
    if not word.isalpha() or word.isupper() or word in _not_plurals(language) or word in surnames():
        return False
    nouns = lemma_index(language).get("noun", frozenset())
    return any(lower.endswith(ending) and len(lower) > len(ending) + 2 and lower[:len(lower) - len(ending)] + base in nouns
               for ending, base in _plural_endings(language))


@cache
def _plural_endings(language: str) -> tuple[tuple[str, str], ...]:
    return tuple((ending, base) for ending, base in lang.load(language, "entities").get("team_plural_endings", []))


@cache
def _not_plurals(language: str) -> frozenset[str]:
    return frozenset(lang.load(language, "entities").get("team_not_plurals", []))


def teams_before_places(mentions: list[Mention], doc: Doc, language: str) -> list[Mention]:
    """French team names, plural before town (see the module's text): the mentions inside the
    team's span are dropped and one ORG mention covers it."""
    joiners = _place_joiners(language)
    if not joiners:
        return mentions
    found: list[Mention] = []
    for token in doc:
        end = _team_place_end(doc, token.i, joiners, language) if _is_team_plural(token.text, language) else None
        if end is None or any(m.start < token.idx < m.end for m in found):
            continue
        span = doc[_team_start(doc, token.i):end]
        found.append(Mention(span.start_char, span.end_char, span.text, "ORG"))
    if not found:
        return mentions
    # A mention ending inside a team's span is part of it ("Les Mooseheads" + "Halifax").
    kept = [m for m in mentions if not any(m.start < team.end and team.start < m.end and m.end <= team.end for team in found)]
    overlapping = [team for team in found if any(m.start < team.end and team.start < m.end for m in kept)]
    return sorted(kept + [team for team in found if team not in overlapping], key=lambda m: m.start)


def _team_start(doc: Doc, first: int) -> int:
    """The first token of a team whose plural is ``doc[first]``: one or two capitalised words
    before it belong to it ("Red Wings de Détroit"), not an article ("Les Lakers")."""
    start = first
    while (start > 0 and first - start < 2 and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper()
           and not doc[start - 1].is_stop and one_space_between(doc, doc[start - 1], doc[start])):
        start -= 1
    return start


def _team_place_end(doc: Doc, first: int, joiners: frozenset[str], language: str) -> int | None:
    """The token end of the place after ``doc[first]`` and a joiner, or None."""
    after = first + 1
    for size in (2, 1):  # "de la", then "de" / "du" / "d'"
        if after + size <= len(doc) and " ".join(t.lower_ for t in doc[after : after + size]) in joiners:
            start = after + size
            for stop in range(min(len(doc), start + MAX_WORDS), start, -1):
                words = doc[start:stop]
                if not all(t.text[:1].isupper() or t.text in ("-", "/") or t.is_lower and t.text in ("de", "du", "la", "le") for t in words):
                    continue
                if not words[-1].text[:1].isupper():
                    continue
                if _is_place(words.text) and not candidates(doc[first:stop].text):
                    return stop
            return None
    return None


def _is_team_plural(word: str, language: str) -> bool:
    if len(word) < 4 or not word[:1].isupper() or not word.isalpha() or word.isupper() or word[-1] not in "sx":
        return False
    if word in _not_plurals(language) or word in given_names(language).names or demonym_country(word) or region_demonym(word):
        return False
    index = lemma_index(language)
    singular = word.lower()[:-1]
    return not (singular in index.get("noun", frozenset()) and singular not in index.get("adj", frozenset()))


@cache
def _place_joiners(language: str) -> frozenset[str]:
    return frozenset(lang.load(language, "entities").get("team_place_joiners", []))


def teams_shown_playing(mentions: list[Mention], text: str, language: str) -> None:
    """Relabel ORG the names the article shows as teams by a phrase of ``team_cues`` right before
    them (module's text); their other mentions as persons or others follow."""
    cue = _team_cue(language)
    result = _result_cues(language)
    if cue is None and result is None:
        return
    given = given_names(language)
    common = lowercase_words(language)
    in_full_names = full_name_words(mentions)
    shown = [m for m in mentions if m.kind == "name" and m.label != "ORG"
             and (_after_team_cue(m, text, cue) or _between_result_and_score(m, text, result, in_full_names))
             and _may_be_a_team(m, text, given, common)]
    names = {fold(m.text) for m in shown}
    for mention in mentions:
        if mention.kind == "name" and (mention in shown or mention.label in ("PER", "MISC") and fold(mention.text) in names):
            mention.label = "ORG"


def _after_team_cue(mention: Mention, text: str, cue: re.Pattern[str] | None) -> bool:
    return cue is not None and cue.search(text, max(0, mention.start - SETTINGS.organisation_noun_window), mention.start) is not None


def _between_result_and_score(mention: Mention, text: str, result: tuple[re.Pattern[str], re.Pattern[str]] | None,
                              in_full_names: set[str]) -> bool:
    """Whether the name stands after a verb of a result with a score right after it ("beat
    Evansville 91-73"), or after a score and a noun of a result ("a 5-0 win over Morton"). Not a
    word of a person's full name in the article ("Cruz" of a poll, "beats Cruz 42-40", once Ted
    Cruz was named), nor a name of several words that any locale's given name opens ("a 9-5 win
    over Bill Carver", a wrestler), nor a name with a possessive after it ("defeat to Tom Ruel's
    side", its coach), nor a country: a national team keeps its place."""
    if result is None:
        return False
    verb, score_and_noun = result
    before = text[max(0, mention.start - SETTINGS.organisation_noun_window):mention.start]
    if not ((verb.search(before) is not None and SCORE_AFTER.match(text, mention.end) is not None)
            or score_and_noun.search(before) is not None):
        return False
    words = mention.text.split()
    # The gazetteer last: it is the dearest test.
    return not (fold(mention.text) in in_full_names or (len(words) > 1 and words[0] in all_given_names())
                or POSSESSIVE_AFTER.match(text, mention.end) or any(e.place.kind == "country" for e in candidates(mention.text)))


@cache
def _result_cues(language: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Verbs of a result right before a name (``team_result_verbs``, optionally with the
    language's article), and a score with a noun of a result right before a name
    (``team_result_nouns``: "5-0 win over", « victoire 3-1 contre »), up to three words apart."""
    data = lang.load(language, "entities")
    verbs, nouns = data.get("team_result_verbs", []), data.get("team_result_nouns", [])
    if not verbs and not nouns:
        return None
    optional_article = _optional_article(language)
    verb = re.compile(rf"(?<!\w)(?:{_spaced(verbs)})[ \t\xa0]+{optional_article}$", re.IGNORECASE)
    noun = re.compile(rf"{SCORE}(?:[ \t\xa0]+\S+){{0,3}}?[ \t\xa0]+(?:{_spaced(nouns)})[ \t\xa0]+{optional_article}$",
                      re.IGNORECASE)
    return verb, noun


def _spaced(phrases: list[str]) -> str:
    """The phrases as an alternation where a space matches any run of spaces."""
    return lang.rule_alternation(phrases).replace(r"\ ", r"\s+")


def _may_be_a_team(mention: Mention, text: str, given: GivenNames, common: frozenset[str]) -> bool:
    """Whether a name after a phrase of play may be a team: not a person's given name ("play for
    Jim"), not two or more words of the language alone ("signed for Catching Fire", a film), and not the first
    words of a longer capitalised name the model cut ("the Atlanta" of "the Atlanta Falcons")."""
    words = mention.text.split()
    # One word alone may be a town that is a word too ("Chesterfield", a sofa).
    return (words[0] not in given and not (len(words) > 1 and all(word.lower() in common for word in words))
            and NAME_GOES_ON.match(text, mention.end) is None)


def _optional_article(language: str) -> str:
    """The language's articles as an optional group of a pattern ("the ", « les »)."""
    article = "|".join(re.escape(word.strip()) + (r"\s+" if word.endswith(" ") else "") for word in lang.articles(language))
    return f"(?:{article})?" if article else ""


@cache
def _team_cue(language: str) -> re.Pattern[str] | None:
    """A phrase of ``team_cues`` (entities file), then optionally the language's article, right
    before a name."""
    cues = lang.load(language, "entities").get("team_cues", [])
    if not cues:
        return None
    optional_article = _optional_article(language)
    return re.compile(rf"(?<!\w)(?:{lang.alternation(cues, flexible_spaces=True)})[ \t\xa0]+{optional_article}$", re.IGNORECASE)
