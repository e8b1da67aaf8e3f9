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
article (a headline's "Baker Visits Dunmore" over "Mayor Tom Baker"). A language without the key (French teams read "Girondins de Bordeaux") has no rule.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from newsweave import lang
from newsweave.annotate.canonical import Mention, alias_of
from newsweave.annotate.geo import candidates
from newsweave.annotate.given_names import given_names, one_space_between, surnames
from newsweave.annotate.name_repeats import lemma_index
from newsweave.annotate.settings import SETTINGS

MAX_WORDS = 4


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
    if lower in nouns:
        return False  # "Brewers" is no noun of its own; "Rangers" would be ("rangers" is none)
    return any(lower.endswith(ending) and len(lower) > len(ending) + 2 and lower[:len(lower) - len(ending)] + base in nouns
               for ending, base in _plural_endings(language))


@cache
def _plural_endings(language: str) -> tuple[tuple[str, str], ...]:
    return tuple((ending, base) for ending, base in lang.load(language, "entities").get("team_plural_endings", []))


@cache
def _not_plurals(language: str) -> frozenset[str]:
    return frozenset(lang.load(language, "entities").get("team_not_plurals", []))
