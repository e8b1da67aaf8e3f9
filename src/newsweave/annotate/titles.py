"""Titles and functions ("President Macron", "le ministre", "the Ukrainian president"): found by
phrase patterns from ``lang/<iso>/entities.toml`` and bound to the person each stands next to."""

from __future__ import annotations

import re
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from newsweave import lang
from newsweave.annotate.canonical import Mention
from newsweave.annotate.geo import country_names, demonym_words
from newsweave.annotate.nlp import pipeline

# Between a title and the name it introduces there may be only punctuation and articles.
TITLE_GAP = re.compile(r"^[\s,:–—-]*$")


@cache
def _title_matcher(language: str) -> PhraseMatcher | None:
    titles = lang.load(language, "entities").get("titles", {})
    roles: dict[str, str] = titles.get("roles", {})
    if not roles:
        return None
    nlp = pipeline(language)
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    fillers = {"demonym": demonym_words(language), "country": country_names(language)}
    phrases: dict[str, set[str]] = {}
    for template in titles.get("patterns", []):
        slot = "demonym" if "{demonym}" in template else "country"
        for surface, role in roles.items():
            for word, code in fillers[slot].items():
                phrases.setdefault(f"{role}:{code}", set()).add(template.format(role=surface, **{slot: word}).lower())
    # Bare roles ("the minister", "le maire"): a function named without its country, bound like
    # the others to the person it stands next to, or to the person named with it before.
    for surface, role in titles.get("bare_roles", {}).items():
        phrases.setdefault(f"{role}:", set()).add(surface.lower())
    for key, texts in phrases.items():
        matcher.add(key, list(nlp.tokenizer.pipe(sorted(texts))))  # type: ignore[union-attr]
    return matcher


def with_titles(mentions: list[Mention], text: str, doc: Doc, language: str) -> list[Mention]:
    """Add title mentions, bound to the person each stands next to; sorted by position."""
    matcher = _title_matcher(language)
    titles: list[Mention] = []
    if matcher is not None:
        for match_id, first, last in matcher(doc):
            span = doc[first:last]
            start = _with_article(text, span.start_char, language)
            titles.append(Mention(start, span.end_char, text[start : span.end_char], "PER", "title",
                                  role=doc.vocab.strings[match_id]))
    titles = _longest_first(titles)
    mentions = [_after_role(m, titles, text) for m in mentions]
    # A name the model found inside a bare role is part of the function, not a name ("State"
    # of "Secretary of State", tagged ORG); a demonym or country inside "Ukrainian president"
    # is the title's filler and stays.
    mentions = [m for m in mentions if not any(t.role and t.role.endswith(":") and t.start <= m.start and m.end <= t.end
                                               and (t.start, t.end) != (m.start, m.end) for t in titles)]
    names = [m for m in mentions if m.kind == "name"]
    titles = [t for t in titles if not any(t.start < n.end and n.start < t.end for n in names)]
    # A demonym filling a title ("the Russian president") stays a mention of its own inside it:
    # the title names the person, the demonym the country, as it does anywhere else.
    kept = [m for m in mentions if m.kind == "demonym" or not any(t.start <= m.start and m.end <= t.end for t in titles)]
    ordered = sorted(kept + titles, key=lambda m: (m.start, m.end))
    people = [i for i, m in enumerate(ordered) if m.kind == "name" and m.label == "PER"]
    for mention in ordered:
        if mention.kind == "title":
            mention.bound_to = _neighbour(mention, ordered, people, text)
    return ordered


def _after_role(mention: Mention, titles: list[Mention], text: str) -> Mention:
    """A name the model glued to the end of a bare role ("State Ilan Morrow" of "Secretary of
    State Ilan Morrow") starts after the role; two or three capitalised words left are a person."""
    for title in titles:
        if title.role and title.role.endswith(":") and title.start < mention.start < title.end < mention.end:
            rest = text[title.end : mention.end]
            start = title.end + len(rest) - len(rest.lstrip())
            words = text[start : mention.end].split()
            label = "PER" if 2 <= len(words) <= 3 and all(word[:1].isupper() for word in words) else mention.label
            return Mention(start, mention.end, text[start : mention.end], label, mention.kind)
    return mention


def _longest_first(titles: list[Mention]) -> list[Mention]:
    chosen: list[Mention] = []
    for title in sorted(titles, key=lambda m: (m.start - m.end, m.start)):
        if not any(title.start < other.end and other.start < title.end for other in chosen):
            chosen.append(title)
    return chosen


def _with_article(text: str, start: int, language: str) -> int:
    before = text[max(0, start - 6) : start].lower()
    for article in lang.articles(language):
        if before.endswith(article) and (start - len(article) == 0 or not text[start - len(article) - 1].isalnum()):
            return start - len(article)
    return start


def _neighbour(title: Mention, ordered: list[Mention], people: list[int], text: str) -> int | None:
    """The person named right after ("President X") or right before ("X, the president") a title."""
    for index in people:
        person = ordered[index]
        if person.start >= title.end and TITLE_GAP.match(text[title.end : person.start]):
            return index
    for index in people:
        person = ordered[index]
        if person.end <= title.start and TITLE_GAP.match(text[person.end : title.start]):
            return index
    return None
