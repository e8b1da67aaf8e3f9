"""Members of a list of names that the model skipped: a list holds one kind of thing.

"Tim Arvel, Ann Vey, Jo Ruelle and Pim Osk" or "Ardice, Pelno, Strova and Velmoré": the
model tags most members and skips one here and there (a rare name, an unusual spelling). A run
of capitalised words that stands between list separators (a comma, a semicolon, a spaced dash,
slash or bar, or the language's ``list_joiners``: "and", "et") in a list of three or more where
at least two other members are names of one kind, and at most one in four of another kind (the
model's slip), is a name of that kind too. Places need more than commas between them: "Guthrie, Oklahoma, USA" is one place
named with its region and country, not a list.
In a list that is mostly places, the model's persons and organisations after the first are
places too (:func:`places_in_lists_of_places`). Names given as examples of a kind take that kind ("des organisations humanitaires, telles que
Brimq": :func:`examples_of_kinds`). A run that is no name of the article's kind (a common word the lemmatizer knows, alone) stays
out, and so does a run at the start of a sentence that is a single common word.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from newsweave import lang
from newsweave.annotate.canonical import Mention, alias_of
from newsweave.annotate.geo import candidates, demonym_country, fold
from newsweave.annotate.given_names import all_given_names, name_particles, surnames
from newsweave.annotate.name_repeats import lowercase_words
from newsweave.annotate.nlp import LINE_BREAK
from newsweave.annotate.settings import SETTINGS
from newsweave.annotate.word_sets import folded_stop_words, list_separator



def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens (particles allowed inside), as token index ranges."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(doc):
        if not _capitalised(doc[index]):
            index += 1
            continue
        end = index + 1
        while end < len(doc) and not LINE_BREAK.search(doc[end - 1].whitespace_):
            if _capitalised(doc[end]):
                end += 1
            elif doc[end].text in name_particles() and end + 1 < len(doc) and _capitalised(doc[end + 1]):
                end += 2
            else:
                break
        runs.append((index, end))
        index = end
    return runs


def _capitalised(token) -> bool:
    text = token.text
    return text[:1].isupper() and (token.is_alpha or re.fullmatch(r"[^\W\d_][\w'’.-]*", text) is not None)


def _joined(members: list[tuple[int, int]], text: str, language: str) -> bool:
    """Whether a list's members are joined by more than commas: "and", a spaced dash, slash or bar."""
    gaps = [text[a[1] : b[0]] for a, b in zip(members, members[1:])]
    joiners = set(lang.load(language, "entities").get("list_joiners", []))
    return any(set(gap.split()) & joiners or re.search(r"\s[-–—/|]\s", gap) for gap in gaps)


def list_members(mentions: list[Mention], doc: Doc, language: str) -> list[Mention]:
    """The mentions, with list members the model skipped added (see the module doc)."""
    separator = list_separator(language)
    text = doc.text
    by_span = {(m.start, m.end): m for m in mentions if m.kind == "name"}
    taken = {index for m in mentions for index in range(m.start, m.end)}
    common = lowercase_words(language)
    lists: list[list[tuple[int, int]]] = []
    for run in _runs(doc):
        start, end = doc[run[0]].idx, doc[run[1] - 1].idx + len(doc[run[1] - 1])
        if lists and separator.match(text[lists[-1][-1][1] : start]) and not LINE_BREAK.search(text[lists[-1][-1][1] : start]):
            lists[-1].append((start, end))
        else:
            lists.append([(start, end)])
    added: list[Mention] = []
    for members in lists:
        if len(members) < 3:
            continue
        labels = [by_span[span].label for span in members if span in by_span]
        label = max(("PER", "ORG", "LOC"), key=labels.count)
        # Two members of one kind at least, and no more than one in four of another kind.
        if labels.count(label) < 2 or 4 * (len(labels) - labels.count(label)) > len(labels):
            continue
        if label == "LOC" and not _joined(members, text, language):
            continue  # "Guthrie, Oklahoma, USA" is one place in its region, no list
        for start, end in members:
            words = text[start:end]
            if (start, end) in by_span or any(i in taken for i in range(start, end)):
                continue
            if len(words.split()) > SETTINGS.name_max_words or alias_of(words) or demonym_country(words):
                continue
            if " " not in words and words.lower() in common:
                continue
            added.append(Mention(start, end, words, label))
    return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions


# -- names given as examples of a kind ("organisations such as Brimq") --------------------------


@cache
def _example_cue(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """A plural noun of organisations or of places, up to two lower-case words (adjectives), then
    a cue that gives examples ("banks such as ", "des organisations humanitaires, telles que "),
    right before a name: one pattern for each kind."""
    table = lang.load(language, "entities")
    cues = table.get("example_cues", [])
    if not cues:
        return None, None
    cue = lang.alternation(cues, flexible_spaces=True)
    patterns: list[re.Pattern[str] | None] = []
    for key in ("organisation_nouns", "place_nouns"):
        nouns = [word for word in table.get(key, []) if word.endswith(("s", "x"))]
        if not nouns:
            patterns.append(None)
            continue
        noun = lang.alternation(nouns)
        patterns.append(re.compile(rf"(?<!\w)(?:{noun})((?:\s+[^\W\d_]+){{0,2}})\s*,?\s+(?:{cue})[ \t\xa0]+$", re.IGNORECASE))
    return patterns[0], patterns[1]


def examples_of_kinds(mentions: list[Mention], text: str, language: str) -> None:
    """Names given as examples after a plural noun of a kind ("des organisations humanitaires,
    telles que Brimq", "banks such as Brimq and Kelvora", "villages such as Ardice") take that
    kind, with the names listed after the first one and every other mention of the same name.
    A person's full name stays (a noun of organisations may introduce their heads), and so does a
    name the alias files or, for organisations, the gazetteer's countries give another kind."""
    organisations, places = _example_cue(language)
    if organisations is None and places is None:
        return
    separator = list_separator(language)
    names = sorted((m for m in mentions if m.kind == "name"), key=lambda m: m.start)
    relabel: dict[str, str] = {}
    index = 0
    while index < len(names):
        window = text[max(0, names[index].start - SETTINGS.name_example_window) : names[index].start]
        label = "ORG" if _cue_before(organisations, window, language) else ("LOC" if _cue_before(places, window, language) else None)
        if label is None:
            index += 1
            continue
        chain = [names[index]]
        while index + 1 < len(names) and separator.match(text[names[index].end : names[index + 1].start]):
            index += 1
            chain.append(names[index])
        for mention in chain:
            if mention.label == label or _may_take(mention, label):
                relabel[mention.text] = label
        index += 1
    for mention in mentions:
        if mention.kind == "name" and mention.text in relabel and _may_take(mention, relabel[mention.text]):
            mention.label = relabel[mention.text]


def _cue_before(pattern: re.Pattern[str] | None, window: str, language: str) -> bool:
    """Whether the noun and cue end the window, with adjectives only between them: "companies to
    assist, including Harwinton" names towns whose fire companies came, not companies."""
    match = pattern.search(window) if pattern is not None else None
    return match is not None and not any(fold(word) in folded_stop_words(language) for word in match.group(1).split())


def _may_take(mention: Mention, label: str) -> bool:
    """A person's full name, an alias, and for organisations a place the gazetteer knows, stay."""
    if mention.label == label or alias_of(mention.text) is not None:
        return False
    if mention.label == "PER" and len(mention.text.split()) >= 2:
        return False
    return label == "LOC" or not (mention.label == "LOC" and candidates(mention.text))


# Two names parted by a spaced slash ("Ilse Varn / Tomas Reuel"): pairs of skaters, players, authors.
SLASH = re.compile(r"[ \t]+/[ \t]+")


def persons_paired_by_slashes(mentions: list[Mention], text: str) -> None:
    """A name of two or three capitalised words parted by a spaced slash from a person is a
    person when a given name opens it or a last name ends it (Faker's lists: "Kaitlyn Varnes /
    Andrew Polde", ice-dance pairs the model tags as organisations). A credit line's agency
    ("Ann Vey / Reuters") has neither and stays."""
    named = sorted((m for m in mentions if m.kind == "name" and m.label in ("PER", "ORG", "LOC")), key=lambda m: m.start)
    for left, right in zip(named, named[1:]):
        if not SLASH.fullmatch(text[left.end:right.start]) or (left.label == "PER") == (right.label == "PER"):
            continue
        other = right if left.label == "PER" else left
        words = other.text.split()
        if (2 <= len(words) <= 3 and all(word[:1].isupper() and word.replace("-", "").isalpha() for word in words)
                and (words[0] in all_given_names() or words[-1] in surnames()) and alias_of(other.text) is None):
            other.label = "PER"


def places_in_lists_of_places(mentions: list[Mention], text: str, language: str) -> None:
    """In a list of three names or more ("Ardice, Pelno, Strova and Velmoré") where at least
    two names and ``list_place_share`` of them are places, a name the model called a person or
    an organisation after the first is a place too: the lists of villages the model tags one by
    one, each a guess, hold every label at once, and most such villages are too small for the
    gazetteer. Not a name that a given name opens (a person listed among towns: "Newry, Armagh
    and Seamus Varlow"), one with a head word of organisations, or an alias; and not the first
    name, which may be what the places locate ("Kessel Arena, Dorvan, Velkor" gives an address).
    """
    joiners = lang.load(language, "entities").get("list_joiners", [])
    if not joiners:
        return
    joiner = re.compile(r"^\s*(?:,\s*(?:(?:" + "|".join(map(re.escape, joiners)) + r")\s+)?|(?:" + "|".join(map(re.escape, joiners)) + r")\s+)$")
    given = all_given_names()
    heads = lang.load(language, "entities").get("heads", {})
    organisation_heads = {word for key in ("organisation_first", "organisation_last", "organisation_of") for word in heads.get(key, ())}
    for chain in _chains(sorted((m for m in mentions if m.kind == "name"), key=lambda m: m.start), text, joiner):
        places = sum(m.label == "LOC" for m in chain)
        if len(chain) < 3 or places < 2 or places < SETTINGS.list_place_share * len(chain):
            continue
        for mention in chain[1:]:
            words = mention.text.split()
            if (mention.label in ("PER", "ORG") and words[0] not in given and not organisation_heads & set(words)
                    and alias_of(mention.text) is None):
                mention.label = "LOC"


def _chains(ordered: list[Mention], text: str, joiner: re.Pattern[str]) -> list[list[Mention]]:
    """Runs of names that list separators part."""
    chains: list[list[Mention]] = []
    for mention in ordered:
        if chains and joiner.match(text[chains[-1][-1].end : mention.start]) and chains[-1][-1].end <= mention.start:
            chains[-1].append(mention)
        else:
            chains.append([mention])
    return chains
