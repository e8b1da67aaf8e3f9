"""The form of a person's mention: where it starts and ends, and where two names stand side by side.

The model finds most persons but often cuts them wrongly; four repairs, in languages with a
NER model, read only the mention's own words and the given names of
:mod:`newsweave.annotate.given_names`:

* **trim**: a person does not end on a number, a lower-case word or an opening bracket ("Ilse
  Vardan 14" in a squad list, "Philip the" before a cut epithet), nor hold a bracket it does not
  close ("Tomas Ruell ( Retired"); those words are dropped, the name's first word kept; a lower-case
  part hyphened to a capitalised one ends the name ("Pak Ji-woon"), unless the tagger reads it as a verb
  or an adjective ("Ilse Vardan-themed");
* **role**: a person of three or more words that opens on a word the lexicon holds in lower case only,
  a given name after it ("Coroner Tomas Ruell", "Kicker Ilse Vardan"), starts at the given name: the
  model glued a role or a title before the name; a ruler's title (``[regnal] titles``) and a word that
  some locale gives as a first name ("Ion", "Royal") stay;
* **join**: a person of one word followed after one space by another person ("Wallis" +
  "Treffen", "Lucien" + "Carlos Vendramo"; not a surname before a full name, "Vendramo" +
  "Ingrid Ferrol", a list the model cut), or a given name alone followed by one or two surname words nothing names
  ("Lucien" + "Delmaris"), is one person with them: the model split one name in two;
* **split**: a person of four or more words that holds full names side by side, each a
  given name and at least one surname word ("Nils Varto Mikael Orrsund" in a list without
  commas), is that many persons, when every word of it is a capitalised word (not 'Elvin "E.R."
  Mitchell Jr.', not "Cheech and Chong …"). A given name right after another given name ("Jean Paul …",
  "Mary Ann …") is a double given name, not a second person.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from newsweave import lang
from newsweave.annotate.canonical import Mention, covered
from newsweave.annotate.given_names import (NAME_WORD, GivenNames, all_given_names, given_names, is_surname_word, name_heads,
                                            name_particles, not_surname_words, one_space_between)
from newsweave.annotate.nlp import name_lemma, pipeline
from newsweave.annotate.settings import SETTINGS
from newsweave.annotate.word_sets import lower_case_word

# What a person's name never ends on: a number, an opening bracket or a dash (a lower-case word
# is checked apart).
TRAILING_JUNK = re.compile(r"[\d(\[{–—-]")
# The tagger's parts of speech of a hyphened part that makes a compound adjective ("-themed", "-like").
COMPOUND_ADJECTIVE_PARTS = frozenset({"VERB", "AUX", "ADJ", "ADV"})


def repair_person_forms(mentions: list[Mention], doc: Doc, language: str) -> list[Mention]:
    """Trim, join and split the persons of the article (see the module's text)."""
    if "ner" not in pipeline(language).pipe_names:
        return mentions
    for mention in mentions:
        _trim(mention, doc, language)
    given = given_names(language)
    if not given:
        return mentions
    for mention in mentions:
        _without_role(mention, doc, given, language)
    mentions = _split(mentions, given, language)
    mentions = _joined(mentions, doc, given, language)
    mentions = _regnal_names(mentions, doc, given, language)
    return _with_suffixes(mentions, doc, language)


def _with_suffixes(mentions: list[Mention], doc: Doc, language: str) -> list[Mention]:
    """A person followed by a generational suffix ("Tom Ruell Jr.", "Tom Ruell, Sr.") takes it;
    the mention the model made of the suffix alone goes."""
    suffix = _suffix_pattern()
    if suffix is None:
        return mentions
    absorbed: set[int] = set()
    text = doc.text  # spaCy joins the tokens again at each ``doc.text``: once per article
    for mention in mentions:
        if not _is_person(mention):
            continue
        match = suffix.match(text, mention.end)
        if match:
            _set_span(mention, doc, mention.start, match.end(), language)
            absorbed |= {id(other) for other in mentions if other is not mention
                         and mention.start <= other.start and other.end <= mention.end}
    return [mention for mention in mentions if id(mention) not in absorbed]


@cache
def _suffix_pattern() -> re.Pattern[str] | None:
    words = lang.load(lang.BASE, "entities").get("name_suffixes", [])
    if not words:
        return None
    # The period may stand one space off in tokenised text ("Ruell , Jr .").
    return re.compile(rf"[ \t]?,?[ \t]?(?:{'|'.join(map(re.escape, words))})(?:[ \t]?\.)?(?![^\W\d_])")


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
    while end > 1 and _junk_end(span[end - 1].text) and not _hyphened_part(span, end - 1):
        end -= 1
    if end < len(span):
        last = span[end - 1]
        _set_span(mention, doc, mention.start, min(mention.end, last.idx + len(last.text)), language)


def _hyphened_part(span: Span, index: int) -> bool:
    """Whether a span's word is a lower-case part of a hyphened name that a capitalised part opens
    ("moon" of "Ki-moon", "cha" of "Chan-o-cha"): the tokenizer splits at each hyphen, but the name
    goes on to the word's end. A part the tagger reads as a verb or an adjective makes a compound
    adjective of the name ("Swift-themed"), no part of it."""
    if span[index].pos_ in COMPOUND_ADJECTIVE_PARTS or not span[index].text.isalpha():
        return False
    while index >= 2 and span[index - 1].text == "-" and not span[index - 2].whitespace_ and not span[index - 1].whitespace_:
        index -= 2
        if span[index].text[:1].isupper():
            return True
    return False


def _without_role(mention: Mention, doc: Doc, given: GivenNames, language: str) -> None:
    """Start a person after a role the model glued before its full name ("Coroner Ilse Vardan")."""
    if not _is_person(mention):
        return
    words = mention.text.split(" ")
    if len(words) < 3 or words[1] not in given or not words[2][:1].isupper():
        return
    role = words[0]
    if (not role.isalpha() or role in _ruler_titles(language) or role in all_given_names()
            or not lower_case_word(role, language)):
        return
    _set_span(mention, doc, mention.start + len(role) + 1, mention.end, language)


@cache
def _ruler_titles(language: str) -> frozenset[str]:
    return frozenset(lang.load(language, "entities").get("regnal", {}).get("titles", []))


def _junk_end(word: str) -> bool:
    """Whether a word cannot end a name: a number, a bracket or dash, a lower-case word."""
    return TRAILING_JUNK.match(word) is not None or word[:1].islower()


def _joined(mentions: list[Mention], doc: Doc, given: GivenNames, language: str) -> list[Mention]:
    """A lone given name and the person or surname words right after it are one person."""
    by_start = {mention.start: mention for mention in mentions if mention.kind == "name"}
    common = not_surname_words(language)
    heads = name_heads(language)
    dropped: set[int] = set()
    taken: set[int] | None = None  # built only when a given name may take a surname
    for mention in mentions:
        if id(mention) in dropped or not _is_person(mention):
            continue
        following = by_start.get(mention.end + 1)
        if " " not in mention.text and following is not None and doc.text[mention.end] == " ":
            if (_is_person(following) and id(following) not in dropped
                    and (mention.text in given or following.text.split()[0] not in given)
                    and len(following.text.split()) < SETTINGS.given_name_max_extended_words):
                _set_span(mention, doc, mention.start, following.end, language)
                dropped.add(id(following))
            continue
        words = mention.text.split(" ")
        if len(words) <= 2 and all(word in given for word in words):
            taken = covered(mentions) if taken is None else taken
            _extend_with_surnames(mention, doc, taken, common, heads, language)
    return [mention for mention in mentions if id(mention) not in dropped]


def _extend_with_surnames(mention: Mention, doc: Doc, taken: set[int], common: frozenset[str],
                          heads: frozenset[str], language: str) -> None:
    """Given names alone ("Lars Henrik") take the one or two surname words after them, a
    particle or two allowed before a surname ("Carl" + "von Lindqvist", "Luc" + "van den
    Brel"), when nothing capitalised follows them (a longer run is some other name)."""
    span = doc.char_span(mention.start, mention.end)
    if span is None:
        return
    end, surnames = span.end, 0
    while end < len(doc) and surnames < 2 and doc[end].idx not in taken and _one_space_before(doc, end):
        if is_surname_word(doc[end].text, common, heads):
            end, surnames = end + 1, surnames + 1
        elif doc[end].text in name_particles():
            after = end + 1  # "van den Brande": particles, then the surname
            while after < len(doc) and doc[after].text in name_particles() and _one_space_before(doc, after):
                after += 1
            if not (after < len(doc) and _one_space_before(doc, after) and is_surname_word(doc[after].text, common, heads)):
                break
            end, surnames = after + 1, surnames + 1
        else:
            break
    if surnames == 0 or (end < len(doc) and doc[end].text[:1].isupper()):
        return
    last = doc[end - 1]
    _set_span(mention, doc, mention.start, last.idx + len(last.text), language)


def _one_space_before(doc: Doc, index: int) -> bool:
    return one_space_between(doc, doc[index - 1], doc[index])


def _split(mentions: list[Mention], given: GivenNames, language: str) -> list[Mention]:
    """Full names side by side in one person mention are separate persons."""
    result: list[Mention] = []
    for mention in mentions:
        cuts = _name_starts(mention, given) if _is_person(mention) else []
        if not cuts:
            result.append(mention)
            continue
        for start, end in zip([0, *cuts], [*cuts, len(mention.text) + 1], strict=True):
            text = mention.text[start:end - 1] if end <= len(mention.text) else mention.text[start:]
            result.append(Mention(mention.start + start, mention.start + start + len(text), text, "PER",
                                  lemma=name_lemma(text, language)))
    return result


def _name_starts(mention: Mention, given: GivenNames) -> list[int]:
    """Where further full names begin in a person mention (character offsets): at a given name
    after a word that is none, with a surname word after it. Each piece after a cut has two
    words or more; the first may be a surname alone (the list's previous name, cut by the
    model) unless it opens with a given name."""
    words = mention.text.split(" ")
    if len(words) < 4 or not all(NAME_WORD.fullmatch(word) and word[:1].isupper() for word in words):
        return []  # an initial, a nickname in quotes, "Jr." or "and": one name, or no list of names
    cuts: list[int] = []
    last = 0
    for index in range(1, len(words) - 1):
        piece = index - last
        long_enough = piece >= 2 or (not cuts and words[0] not in given)
        if long_enough and words[index] in given and words[index - 1] not in given:
            cuts.append(sum(len(word) + 1 for word in words[:index]))
            last = index
    return cuts


# Roman numerals of a regnal name, from II to XX: "I" alone is the English pronoun.
REGNAL_NUMBER = re.compile(r"X{0,2}(?:IX|IV|V?I{0,3})")


def _is_regnal_number(word: str) -> bool:
    return word not in ("", "I") and REGNAL_NUMBER.fullmatch(word) is not None


def _regnal_names(mentions: list[Mention], doc: Doc, given: GivenNames, language: str) -> list[Mention]:
    """A given name followed by a Roman numeral is a person, with the place it is "of" when
    one follows ("Ottmar IV of Varnland", "Lucienne II de Brevanne"); the mentions inside
    give way to it, except places (they keep their own mention for the map). Not inside a
    longer name ("Stade Ottmar V", "Ottmar IV Lucien Varn")."""
    found = [span for token in doc[:-1] if (span := _regnal_span(doc, token, given, language)) is not None]
    for start, end in found:
        inside = [m for m in mentions if m.kind == "name" and start < m.end and m.start < end]
        if any(m.label == "PER" and m.start <= start and end <= m.end for m in inside):
            continue  # already a person that holds it
        if any(m.start < start or m.end > end for m in inside):
            continue  # part of a longer name of something else
        gone = {id(m) for m in inside if m.label != "LOC"}
        mentions = [m for m in mentions if id(m) not in gone]
        mentions.append(Mention(start, end, doc.text[start:end], "PER", lemma=name_lemma(doc.text[start:end], language)))
    return mentions


def _regnal_span(doc: Doc, token, given: GivenNames, language: str) -> tuple[int, int] | None:
    number = doc[token.i + 1]
    if not (number.text[:1] in "IVX" and _is_regnal_number(number.text) and given.listed(token.text)
            and _one_space_before(doc, number.i)):
        return None
    before = doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.text[:1].isupper() and not before.is_stop and _one_space_before(doc, token.i):
        return None
    end = number.i + 1
    if end < len(doc) and doc[end].text[:1].isupper() and _one_space_before(doc, end):
        return None
    of_words = lang.load(language, "entities").get("heads", {}).get("of_words", [])
    if end + 1 < len(doc) and doc[end].text in of_words and doc[end + 1].text[:1].isupper():
        last = end + 1
        while last + 1 < len(doc) and last - end < 3 and doc[last + 1].text[:1].isupper() and _one_space_before(doc, last + 1):
            last += 1
        end = last + 1
    return token.idx, doc[end - 1].idx + len(doc[end - 1].text)
