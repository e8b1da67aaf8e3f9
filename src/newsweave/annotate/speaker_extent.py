"""The speaker's description: the name with the appositive or title the text gives it
("Jane Roe, a spokeswoman for the council,", "city council spokeswoman Jane Roe",
"Jean Dupont, maire de Lyon"), as attribution corpora draw the source.

The quote's ``speaker`` stays the mention that names the person (what the canonical entity is
linked from); this is the wider span around it, for readers and for scoring against corpora
that mark the whole source. Words come from each language's ``quotes.toml``: its cues,
participles, determiners, titles, and ``description_*`` keys.

Why hand-written: the appositive of a name is what a dependency parse would give, but the
quote annotator runs without a parse (see :mod:`newsweave.annotate.quotes`); these rules read
punctuation and the language's word lists only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsweave import lang
from newsweave.annotate.quote_rules import UPPER
from newsweave.lang import rule_alternation as alternation

# the longest description kept: longer ones are clauses of the writer, not the speaker's
MAX_CHARS = 250
MAX_WORDS_BEFORE = 6


@dataclass(frozen=True)
class DescriptionRules:
    relative: re.Pattern[str]  # "who", "qui"
    opener: re.Pattern[str]  # what may follow ", " right after the name to open an appositive
    attached: re.Pattern[str]  # what opens a description with no comma ("Jane Roe of the council")
    stop: re.Pattern[str]  # where a description ends
    role: re.Pattern[str]  # a word that makes the words before a name its title
    boundary: frozenset[str]  # words that end a title read backwards from the name
    # lower-case nouns between a name and its cue: "the CNN host said", "One man wrote"
    noun_tail: re.Pattern[str]
    determiner: re.Pattern[str]  # a determiner ending right before the name: "The Hill", "the Acme board"
    # what goes on a described speaker ("one owner of a shop", "the aide to President X"), which
    # names no one and so takes the words that say who it is; and a determiner opening a mention
    attached_described: re.Pattern[str] | None = None
    opens_described: re.Pattern[str] | None = None
    # a title's abbreviations ("Sen.", "Gov."), whose full stop ends no title read back from a name;
    # empty: any capital and up to three letters ("East." of "the Middle East. Clinton’s" is none
    # where the language lists them)
    abbreviations: frozenset[str] = frozenset()



@cache
def description_rules(language: str) -> DescriptionRules | None:
    data = lang.load(language, "quotes")
    if not data:
        return None
    cues = data.get("cues", []) + [c for forms in data.get("cue_gender", {}).values() for c in forms]
    participles = data.get("participle_cues", [])
    ends = data.get("description_ends", [])
    preps = data.get("source_prepositions", [])
    determiners = data.get("determiners", [])
    relatives = data.get("description_relatives", [])
    verbs = alternation(cues + participles + preps)
    # a full stop ends the description unless it closes an abbreviation before a name ("Gov. Scott",
    # "Mr. Trump") or an initial ("N.C.")
    abbreviations = "".join(rf"(?<!\b{re.escape(word)})" for word in data.get("description_abbreviations", []))
    full_stop = rf"(?-i:(?<![{UPPER}]){abbreviations})\.(?=\s|$)"
    # a cue ends it with or without a comma ("X, a spokesman, said"); a preposition only after a
    # comma ("X, a spokesman, in a statement"), since descriptions hold their own ("of the Council on …")
    # (with the adverb that may stand before the cue: "X of the Y recently urged")
    between = data.get("between_speaker_and_cue", lang.NEVER)
    stop = re.compile(rf",?\s+(?:(?-i:{between})\s+)?(?:{verbs})\b|,\s+(?:{alternation(ends)})\b|[“”«»\"„;:()]|{full_stop}|[!?…](?=\s|$)|\s[—–]\s|\n", re.I)
    # a determiner, a relative, an age, a lower-case noun; a possessive ("Acme's director") or a
    # party and state ("R-Ky.")
    opener = re.compile(rf"(?:(?:{alternation(determiners)})(?:\s|(?<=['’]))|(?:{alternation(relatives)})\b|\d|(?-i:[a-zà-ÿ])"
                        rf"|(?-i:[{UPPER}][\w.&-]*['’]s\s|[{UPPER}]-[{UPPER}][a-z]*\.))", re.I)
    attached = re.compile(rf"\s+(?:{data.get('description_attached', lang.NEVER)})", re.I)
    roles = data.get("titles", []) + data.get("description_roles", [])
    role = re.compile(rf"^(?:{alternation(roles)})$|^\d+-\w+-\w+$", re.I)
    boundary = {w.lower() for w in cues + participles + ends + data.get("conjunctions", [])
                + data.get("description_title_stops", [])}
    boundary |= {w.lower() for w in data.get("not_names", [])} - {d.lower() for d in determiners}
    # (not the adverbs and auxiliaries that may sit between a speaker and its cue, ``between``:
    # "Smith later said"; nor a cue, a conjunction or a preposition: "Clark said when asked", "Husted continued by saying";
    # nor an object pronoun before its verb: « Le maire lui a dit » is no « Le maire lui »)
    not_noun = alternation(cues + participles + preps + sorted(boundary) + ends + list(data.get("object_pronouns", {})))
    noun_tail = re.compile(rf"(?:\s+(?!(?:{between})\b|(?:{not_noun})\b)(?-i:[a-zà-ÿ][\w-]*)){{1,2}}(?=,?\s+(?:{verbs})\b)")
    determiner = re.compile(rf"(?<![\w'’])(?:{alternation(determiners)})\s+$", re.I)
    described = data.get("description_attached_described")
    return DescriptionRules(re.compile(rf"(?:{alternation(relatives)})\b", re.I), opener, attached, stop, role,
                            frozenset(boundary), noun_tail, determiner,
                            re.compile(described, re.I) if described else None,
                            re.compile(rf"(?:{alternation(determiners)})\s", re.I),
                            frozenset(data.get("description_abbreviations", [])))


def describe(text: str, start: int, end: int, language: str) -> tuple[int, int]:
    """The speaker mention ``text[start:end]`` widened to its description: a title before the
    name, an appositive or "of …" / "who …" after it. The mention itself when there is none."""
    rule = description_rules(language)
    if rule is None or end <= start:
        return start, end
    described = rule.opens_described is not None and rule.opens_described.match(text, start, end) is not None
    wide_start, wide_end = _title_start(text, start, rule), _appositive_end(text, end, rule, described)
    if described and wide_end == end:
        wide_end = _title_after(text, start, end, rule)
    if wide_end == end and text[start:start + 1].isupper():
        outlet = OUTLET.match(text, end) if text.rfind("\n", 0, start) + 1 == start else None
        if outlet is not None:
            wide_end = outlet.end("what")
        else:
            tail = rule.noun_tail.match(text, end)
            wide_end = tail.end() if tail else end
    if wide_start == start and text[start:start + 1].isupper():
        # "The Hill reported", "the CNN host said": the determiner goes with the name
        before = rule.determiner.search(text, max(0, start - 12), start)
        wide_start = before.start() if before else start
    return wide_start, wide_end


def _appositive_end(text: str, end: int, rule: DescriptionRules, described: bool = False) -> int:
    """"Jane Roe, a spokeswoman for the council, said" → up to the comma before the cue;
    "said Jane Roe, 41, of Riverton, Ohio." → the age goes on into the place; ``described``
    (the mention opens with a determiner): "said one owner of a shop in the old town." goes on."""
    comma = COMMA.match(text, end)
    if comma and rule.opener.match(text, comma.end()) and not rule.stop.match(text, end) and not (
            PARTICIPLE.match(text, comma.end())):
        body = comma.end()
    else:
        attached = rule.attached.match(text, end)
        if not attached and described and rule.attached_described is not None:
            attached = rule.attached_described.match(text, end)
        if not attached:
            return end
        body = attached.end()
    limit = min(len(text), body + MAX_CHARS + 1)
    stop = rule.stop.search(text, body, limit)
    # a title or a bracket inside the description goes with it ("author of the book “Failure to
    # Adjust”", "the Vox Populi (Voice of the People) column"): read past it
    while stop is not None and (inside := _enclosed_end(text, stop.start())) is not None:
        if text[inside - 2:inside - 1] in tuple(",.!?"):
            return inside  # the title's own comma or full stop closes the description: "…Project,” giving"
        stop = rule.stop.search(text, inside, limit)
    if stop is None:
        return end  # no clear end: a clause of the writer, not a description
    last = _segments_end(text, body, stop.start(), rule.relative)
    while last > body and text[last - 1] in " ,":
        last -= 1
    if last <= body or rule.relative.fullmatch(text, body, last):
        return end  # "X, who said …": a relative word alone describes nobody
    return last


# a title in quote marks or a few words in brackets inside a description, right after a word of it
# (not after its comma): capitalised first, no sentence end inside but at its last word
ENCLOSED = re.compile(rf"(?<=\w\s)(?:[“\"«]\s?(?-i:[{UPPER}0-9])[^“”\"«».!?\n]{{1,120}}?[.!?]?\s?[”\"»]"
                      rf"|\((?-i:[{UPPER}0-9])[^()\n.!?]{{1,60}}\))")


def _enclosed_end(text: str, at: int) -> int | None:
    """Where a quoted title or a bracket opening at ``at`` inside a description closes, if it is one."""
    match = ENCLOSED.match(text, at)
    return match.end() if match else None


def _title_after(text: str, start: int, end: int, rule: DescriptionRules) -> int:
    """A described mention cut by a quoted title ("the authors of the “Growth and Opportunity
    Project,”"): the title goes with it when the mention ends on a determiner."""
    last = text[start:end].split()[-1:]
    if not last or rule.opens_described is None or not rule.opens_described.fullmatch(last[0] + " "):
        return end
    inside = _enclosed_end(text, end + 1) if text[end:end + 1] == " " else None
    return inside if inside is not None else end


COMMA = re.compile(r",\s+")
# a participle opens a clause of the writer, not a description ("X, citing …", "X, angered that …")
PARTICIPLE = re.compile(r"[a-zà-ÿ]+(?:ing|ed)\b")
AGE = re.compile(r"\d{1,3}(?:\s+\w+)?")  # "41", "41 ans"
PLACE = re.compile(rf"[{UPPER}][\w.'’-]*(?:\s+[{UPPER}][\w.'’-]*){{0,3}}")
# a roundup line "Jo Dunn, The Harbour Times: “…”": the name, then where the words appeared
OUTLET = re.compile(rf",\s*(?P<what>[{UPPER}][\w.'’-]*(?:\s+[{UPPER}][\w.'’-]*){{0,3}})\s*:")


def _segments_end(text: str, body: int, stop: int, relative: re.Pattern[str]) -> int:
    """The description's first comma piece; an age goes on to the next piece, a place
    (capitalised words alone: "Englewood, New Jersey") and a relative clause ("…, who chairs
    the board") are taken with the piece before them. Any other piece is the writer's ("X,
    director of Y, a group that …")."""
    cuts = [m for m in COMMA.finditer(text, body, stop)]
    pieces = []
    begin = body
    for cut in cuts:
        pieces.append((begin, cut.start()))
        begin = cut.end()
    pieces.append((begin, stop))
    last = pieces[0][1]
    for here, following in zip(pieces, pieces[1:]):
        if AGE.fullmatch(text, *here) or PLACE.fullmatch(text, *following) or (
                relative.match(text, following[0]) and not relative.match(text, pieces[0][0])
                and not relative.fullmatch(text[following[0]:following[1]].rstrip(" ,"))):
            last = following[1]
        else:
            break
    return last


WORD = re.compile(r"[\w’'.-]+$")


def _abbreviation(word: str, rule: DescriptionRules) -> bool:
    """A title's abbreviation with its full stop ("Sen.", "J."), not a word ending a sentence."""
    if not re.fullmatch(rf"[{UPPER}][a-z]{{0,3}}\.", word):
        return False
    return not rule.abbreviations or len(word) == 2 or word[:-1] in rule.abbreviations


def _title_start(text: str, start: int, rule: DescriptionRules) -> int:
    """"Trump campaign spokesman Jason Miller", "Former Secretary of State Madeleine Albright",
    "17-year-old Jared Potts": words right before the name, back to a boundary, when the word
    next to the name (or a capitalised run after a role) makes them a title."""
    line_start = text.rfind("\n", 0, start) + 1
    words: list[tuple[int, str]] = []
    at = start
    while len(words) < MAX_WORDS_BEFORE:
        space = at
        while space > line_start and text[space - 1] == " ":
            space -= 1
        if space == at or space <= line_start:
            break
        match = WORD.search(text, line_start, space)
        if match is None or match.end() != space:
            break
        word = match.group(0)
        if word.lower() in rule.boundary or word.endswith((".", "’s", "'s")) and not _abbreviation(word, rule):
            break
        words.append((match.start(), word))
        at = match.start()
    # the title ends with a role word, then only capitalised words up to the name
    chosen = None
    for index, (_, word) in enumerate(words):
        if rule.role.match(word) or _abbreviation(word, rule):
            chosen = index
        elif not word[:1].isupper() and word.lower() not in ("of", "de", "du", "des"):
            break
    if chosen is None:
        return start
    # and goes back over its modifiers ("Trump campaign", "the Florida"), already bounded above
    return words[-1][0]
