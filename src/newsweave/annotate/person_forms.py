"""The form of a person's mention: where it starts and ends, and where two names stand side by side.

The model finds most persons but often cuts them wrongly; three repairs, in languages with a
NER model, read only the mention's own words and the given names of
:mod:`newsweave.annotate.given_names`:

* **trim**: a person does not end on a number, a lower-case word or an opening bracket ("Ilse
  Vardan 14" in a squad list, "Philip the" before a cut epithet), nor hold a bracket it does not
  close ("Tomas Ruell ( Retired"); those words are dropped, the name's first word kept;
* **join**: a person of one word followed after one space by another person ("Wallis" +
  "Treffen"), or a given name alone followed by one or two surname words nothing names
  ("Lucien" + "Delmaris"), is one person with them: the model split one name in two;
* **split**: a person of four or more words that holds two full names side by side, each a
  given name and at least one surname word ("Nils Varto Mikael Orrsund" in a list without
  commas), is two persons. A given name right after another given name ("Jean Paul …",
  "Mary Ann …") is a double given name, not a second person.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsweave.annotate.canonical import Mention, covered
from newsweave.annotate.given_names import GivenNames, given_names, is_surname_word, name_heads
from newsweave.annotate.name_repeats import lowercase_words
from newsweave.annotate.nlp import name_lemma, pipeline
from newsweave.annotate.settings import SETTINGS

# What a person's name never ends on: a number, an opening bracket or a dash (a lower-case word
# is checked apart).
TRAILING_JUNK = re.compile(r"[\d(\[{–—-]")


def repair_person_forms(mentions: list[Mention], doc: Doc, language: str) -> list[Mention]:
    """Trim, join and split the persons of the article (see the module's text)."""
    if "ner" not in pipeline(language).pipe_names:
        return mentions
    for mention in mentions:
        _trim(mention, doc, language)
    given = given_names(language)
    if not given:
        return mentions
    mentions = _joined(mentions, doc, given, language)
    return _split(mentions, given, language)


def _is_person(mention: Mention) -> bool:
    return mention.kind == "name" and mention.label == "PER"


def _set_span(mention: Mention, doc: Doc, start: int, end: int, language: str) -> None:
    mention.start, mention.end = start, end
    mention.text = doc.text[start:end]
    mention.lemma = name_lemma(mention.text, language)


def _trim(mention: Mention, doc: Doc, language: str) -> None:
    """Drop the words a person's name does not end on (``TRAILING_JUNK``), keeping its first word."""
    if not _is_person(mention):
        return
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return
    end = len(span)
    opened = [token.i - span.start for token in span if token.text == "("]
    if opened and opened[-1] > 0 and not any(token.text == ")" for token in span[opened[-1]:]):
        end = opened[-1]  # a bracket the name does not close: what follows is no part of it
    while end > 1 and _junk_end(span[end - 1].text):
        end -= 1
    if end < len(span):
        last = span[end - 1]
        _set_span(mention, doc, mention.start, min(mention.end, last.idx + len(last.text)), language)


def _junk_end(word: str) -> bool:
    """Whether a word cannot end a name: a number, a bracket or dash, a lower-case word."""
    return TRAILING_JUNK.match(word) is not None or word[:1].islower()


def _joined(mentions: list[Mention], doc: Doc, given: GivenNames, language: str) -> list[Mention]:
    """A lone given name and the person or surname words right after it are one person."""
    starts = {token.idx: token for token in doc}
    by_start = {mention.start: mention for mention in mentions if mention.kind == "name"}
    common = lowercase_words(language)
    heads = name_heads(language)
    dropped: set[int] = set()
    taken = covered(mentions)
    for mention in mentions:
        if id(mention) in dropped or not _is_person(mention) or " " in mention.text:
            continue
        following = by_start.get(mention.end + 1)
        if following is not None and doc.text[mention.end] == " ":
            if (_is_person(following) and id(following) not in dropped
                    and len(following.text.split()) < SETTINGS.given_name_max_extended_words):
                _set_span(mention, doc, mention.start, following.end, language)
                dropped.add(id(following))
            continue
        if mention.text in given:
            _extend_with_surnames(mention, doc, starts, taken, common, heads, language)
    return [mention for mention in mentions if id(mention) not in dropped]


def _extend_with_surnames(mention: Mention, doc: Doc, starts: dict, taken: set[int], common: frozenset[str],
                          heads: frozenset[str], language: str) -> None:
    """A given name alone takes the one or two surname words after it, when nothing
    capitalised follows them (a longer run is some other name)."""
    token = starts.get(mention.start)
    if token is None:
        return
    end = token.i + 1
    while (end < len(doc) and end - token.i <= 2 and doc[end].idx not in taken
           and doc[end].idx == doc[end - 1].idx + len(doc[end - 1].text) + 1 and doc.text[doc[end].idx - 1] == " "
           and is_surname_word(doc[end].text, common, heads)):
        end += 1
    if end == token.i + 1 or (end < len(doc) and doc[end].text[:1].isupper()):
        return
    last = doc[end - 1]
    _set_span(mention, doc, mention.start, last.idx + len(last.text), language)


def _split(mentions: list[Mention], given: GivenNames, language: str) -> list[Mention]:
    """Two full names side by side in one person mention are two persons."""
    result: list[Mention] = []
    for mention in mentions:
        cut = _second_name_at(mention, given) if _is_person(mention) else None
        if cut is None:
            result.append(mention)
            continue
        first = Mention(mention.start, mention.start + cut, mention.text[:cut].rstrip(), "PER",
                        lemma=name_lemma(mention.text[:cut].rstrip(), language))
        first.end = first.start + len(first.text)
        second_text = mention.text[cut:]
        result += [first, Mention(mention.start + cut, mention.end, second_text, "PER",
                                  lemma=name_lemma(second_text, language))]
    return result


def _second_name_at(mention: Mention, given: GivenNames) -> int | None:
    """Where a second full name begins in a person mention (character offset), if it holds one."""
    words = mention.text.split(" ")
    if len(words) < 4 or words[0] not in given:
        return None
    for index in range(2, len(words) - 1):
        if words[index] in given and words[index - 1] not in given and words[index + 1] not in given:
            return sum(len(word) + 1 for word in words[:index])
    return None
