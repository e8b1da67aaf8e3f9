"""Names the model missed or cut whose head word says their kind: "Aomori Prefecture", "Kessel
University", "FC Dorvan", "Duchy of Milan" (``[heads]`` of ``lang/<iso>/entities.toml``, the
lists that relabel the model's own mentions in :func:`newsweave.annotate.entities.find_entities`).

**Head of Name.** A head of ``place_of`` / ``organisation_of`` (with the capitalised words before
it), one of ``of_words`` and one to four capitalised words make one name of that kind: the model
gave "Brooklyn" for "Brooklyn Conservatory of Music" and "Art Students League of" for "Art
Students League of New York". The mentions inside it go, except places: "Milan" keeps its own
mention for the map, the outer name is the one the reader sees.

A run of two to four capitalised words that no mention covers, ending with a head of places or
of organisations (or opening with one, "Lake Mérou", "University Kessel"), is a name of that
kind when one of its other words is no common word of the language: "Aomori" is a name, "the
Political Party" of a heading is two words. A leading capitalised stop word ("The", "In" at a
sentence start) is no part of it.

**Units named by their number.** An ordinal, up to ``name_head_max_words`` capitalised words and
a head of ``[ordinal_units]`` make one organisation ("911th Air Refueling Squadron", "the 67th
Precinct"), though each word alone is common and the model tags nothing or a piece ("Aero
Squadron"); a name of the model's own that opens inside and goes on ("Parliament of Canada") is
taken whole. The mentions inside go, except places, as above; a mention that holds the unit or
crosses its start stays as the model read it.

**Firms without their suffix.** A firm the article names once with its legal suffix ("Brimq Inc.",
``firm_suffixes``) is that organisation where it stands without it too ("Brimq said", tagged a
person), unless a given name opens it ("Bill Clinton Inc.", a quip) or it is a word of a person's
full name in the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc, Span

from newsweave import lang
from newsweave.annotate.canonical import Mention, covered
from newsweave.annotate.geo import candidates, fold
from newsweave.annotate.given_names import all_given_names
from newsweave.annotate.name_repeats import lowercase_words
from newsweave.annotate.nlp import pipeline
from newsweave.annotate.settings import SETTINGS


# A capitalised word may hold inner dots ("U.S.") but does not end with one (a sentence's end).
WORD = r"[^\W\d_](?:[\w'’-]|\.(?=\w))*"


@cache
def _head_of_pattern(language: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """A pattern of "Head of Name" for the language, and the kind of each head."""
    table = lang.load(language, "entities").get("heads", {})
    kinds = {word: "LOC" for word in table.get("place_of", ())} | {word: "ORG" for word in table.get("organisation_of", ())}
    connectors = (*table.get("of_words", ()), *table.get("organisation_of_words", ()))
    if not kinds or not connectors:
        return None, {}
    heads = "|".join(re.escape(word) for word in sorted(kinds, key=len, reverse=True))
    joins = "|".join(re.escape(word) + (r"\s*" if word[-1] in "'’" else r"[ \t]+") for word in connectors)
    # an article may follow the connector ("Party of the Russian Federation", "Society for the Blind")
    articles = "|".join(re.escape(word) for word in table.get("of_articles", ()))
    article = rf"(?:(?:{articles})[ \t]+)?" if articles else ""
    pattern = re.compile(rf"(?<![\w-])({heads})[ \t]+(?P<join>{joins}){article}((?=[^\W\d_])(?:{WORD})(?:[ \t]+(?:{WORD})){{0,3}})")
    return pattern, kinds


@cache
def _organisation_connectors(language: str) -> frozenset[str]:
    """Connectors that join only organisations' heads ("Institute for …"; no "County for")."""
    return frozenset(lang.load(language, "entities").get("heads", {}).get("organisation_of_words", ()))


def names_of_heads(mentions: list[Mention], text: str, language: str) -> list[Mention]:
    """"Head of Name" as one name, the mentions inside it but places dropped (module's text)."""
    pattern, kinds = _head_of_pattern(language)
    if pattern is None:
        return mentions
    stop = pipeline(language).Defaults.stop_words
    organisation_only = _organisation_connectors(language)
    for match in pattern.finditer(text):
        start, end = _left_words(text, match.start(), stop), _capitalised_end(text, match.start(3), match.end(3))
        if end == match.start(3) or (kinds[match.group(1)] != "ORG" and match.group("join").strip() in organisation_only):
            continue
        inside = [m for m in mentions if m.start < end and start < m.end]
        if any(m.start < start or end < m.end for m in inside):
            continue  # a name that crosses the edge: the model saw something else there
        label = kinds[match.group(1)]
        mentions = [m for m in mentions if m not in inside or (m.label == "LOC" and (m.start, m.end) != (start, end))]
        mentions.append(Mention(start, end, text[start:end], label))
    return mentions


@cache
def _ordinal_unit(language: str) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """An ordinal and the capitalised word after it, and the heads of units named by their number."""
    table = lang.load(language, "entities").get("ordinal_units", {})
    if not table.get("ordinal") or not table.get("heads"):
        return None, frozenset()
    return re.compile(rf"(?<![\w-])(?:{table['ordinal']})[ \t]+(?=[^\W\d_])"), frozenset(table["heads"])


def units_named_by_ordinals(mentions: list[Mention], text: str, language: str) -> list[Mention]:
    """An ordinal, capitalised words and a unit's head as one organisation (module's text)."""
    pattern, heads = _ordinal_unit(language)
    if pattern is None:
        return mentions
    for match in pattern.finditer(text):
        start, end = match.start(), _unit_end(text, match.end(), heads)
        if end is None:
            continue
        inside = [m for m in mentions if m.start < end and start < m.end]
        going_on = [m for m in inside if start < m.start < end < m.end and m.label == "ORG"]
        end = max([end, *(m.end for m in going_on)])
        if any(m.start < start or end < m.end for m in inside):
            continue  # the model's name holds the unit or crosses its start: it read something else there
        mentions = [m for m in mentions if m not in inside or (m.label == "LOC" and (m.start, m.end) != (start, end))]
        mentions.append(Mention(start, end, text[start:end], "ORG"))
    return mentions


def _unit_end(text: str, position: int, heads: frozenset[str]) -> int | None:
    """End of the last head among the capitalised words from ``position`` (at most
    ``name_head_max_words`` of them), or None when none is a head."""
    end = None
    for _ in range(SETTINGS.name_head_max_words):
        word = re.match(rf"({WORD})", text[position:])
        if word is None or not word.group(1)[:1].isupper():
            break
        if word.group(1) in heads:
            end = position + word.end(1)
        spaces = re.match(r"[ \t]+", text[position + word.end(1):])
        if spaces is None:
            break
        position += word.end(1) + spaces.end()
    return end


# A word right before a position, after a space or the text's start, and the spaces after it.
LEFT_WORD = re.compile(rf"(?:^|(?<=[ \t]))({WORD})[ \t]+$")


def capitalised_words_before(text: str, start: int, word: re.Pattern[str], ends_run: Callable[[str], bool]) -> int:
    """Start of the capitalised words right before ``start``, at most ``name_head_max_words`` of them:
    walking back a ``word`` at a time, up to one that is not capitalised or that ``ends_run`` refuses."""
    for _ in range(SETTINGS.name_head_max_words):
        found = word.search(text[max(0, start - 40):start])
        if found is None or not found.group(1)[:1].isupper() or ends_run(found.group(1)):
            break
        start -= len(found.group(0))
    return start


def _left_words(text: str, start: int, stop: set[str]) -> int:
    """Start of the capitalised words right before the head ("Art Students" of "Art Students
    League"), without a leading stop word ("The") or a word in capitals longer than an acronym
    (a heading's "REDIRECTION", a dateline)."""
    return capitalised_words_before(text, start, LEFT_WORD,
                                    lambda word: word.isupper() and len(word) > 3 or word.lower() in stop)


def _capitalised_end(text: str, start: int, end: int) -> int:
    """End of the name's capitalised words: "Central Missouri" of "Central Missouri in 1950"
    (``start`` when the first is not capitalised)."""
    position = start
    for word in re.finditer(WORD, text[start:end]):
        if not word.group()[:1].isupper():
            break
        position = start + word.end()
    return position


@cache
def _head_kinds(language: str) -> dict[tuple[str, str], str]:
    """(head word, "first" | "last") → LOC or ORG, for heads listed for one kind only."""
    table = lang.load(language, "entities").get("heads", {})
    kinds: dict[tuple[str, str], str] = {}
    for end in ("first", "last"):
        places, organisations = set(table.get(f"place_{end}", ())), set(table.get(f"organisation_{end}", ()))
        kinds |= {(word, end): "LOC" for word in places - organisations}
        kinds |= {(word, end): "ORG" for word in organisations - places}
    return kinds


def names_with_heads(mentions: list[Mention], doc: Doc, language: str) -> list[Mention]:
    """New mentions for the runs the model missed that a head word names (module's text)."""
    kinds = _head_kinds(language)
    if not kinds:
        return []
    taken = covered(mentions)
    common = lowercase_words(language)
    stop = pipeline(language).Defaults.stop_words
    found: list[Mention] = []
    for run in _capitalised_runs(doc, taken, stop):
        label = kinds.get((run[-1].text, "last")) or kinds.get((run[0].text, "first"))
        if label is None:
            continue
        others = run[:-1] if (run[-1].text, "last") in kinds else run[1:]
        if any(token.text.lower() not in common for token in others):
            found.append(Mention(run.start_char, run.end_char, run.text, label))
    return found


def _capitalised_runs(doc: Doc, taken: set[int], stop: set[str]) -> list[Span]:
    """Maximal runs of 2 to ``name_head_max_words`` capitalised words outside every mention,
    without a leading stop word."""
    runs: list[Span] = []
    index = 0
    while index < len(doc):
        end = index
        while end < len(doc) and _is_capitalised(doc[end]) and doc[end].idx not in taken:
            end += 1
        start = index
        while start < end and doc[start].text.lower() in stop:
            start += 1
        if 2 <= end - start <= SETTINGS.name_head_max_words:
            runs.append(doc[start:end])
        index = max(end, index + 1)
    return runs


def _is_capitalised(token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def organisations_named_with_firm_suffixes(mentions: list[Mention], language: str, in_full_names: set[str]) -> None:
    """"Brimq Inc." once, "Brimq said" elsewhere: the model's persons, others and unknown places
    named as an organisation of the article without its legal suffix are that organisation (module's text)."""
    suffix = _firm_suffix(language)
    if suffix is None:
        return
    # Any locale's given name, common words included ("Bill", "Rose"), may open a quip's name.
    given = all_given_names()
    firms = {fold(match.group("name")) for m in mentions if m.kind == "name" and m.label == "ORG"
             and (match := suffix.match(m.text)) is not None and match.group("name").split()[0] not in given}
    for mention in mentions:
        key = fold(mention.text)
        if (mention.kind == "name" and key in firms and key not in in_full_names
                and (mention.label in ("PER", "MISC") or mention.label == "LOC" and not candidates(mention.text))):
            mention.label = "ORG"


@cache
def _firm_suffix(language: str) -> re.Pattern[str] | None:
    """A name, then a legal suffix of ``firm_suffixes`` (entities file) that ends it."""
    suffixes = lang.load(language, "entities").get("firm_suffixes", [])
    if not suffixes:
        return None
    return re.compile(rf"(?P<name>.+?),?\s+(?:{lang.alternation(suffixes)})$")
