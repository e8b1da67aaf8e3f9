"""Annotator: quotes and who said them, direct ("…," he said) and indirect (X said that …).

1. Quote marks are paired per paragraph: curly “…”, straight "…", « guillemets » (their
   inner spaces are left out of the span), „…“. A quote left open at a paragraph's end
   continues when the next paragraph opens with a mark (the newspaper convention for
   multi-paragraph quotes).
2. Attribution looks right after the closing mark ("…," he said / said Smith / a-t-il
   ajouté) and right before the opening mark (Smith said: “…” / selon lui, « … »), with the
   cue words of ``lang/<iso>/quotes.toml``. A split quote's second half inherits the first
   half's speaker.
3. Pronoun and title speakers ("he", "elle", "the president") resolve to the nearest person
   mentioned before them, outside quotes: ``article.entities`` (label PER) when the entities
   stage has run, else the spaCy parse's PERSON/PER entities. A surname resolves to the
   full name mentioned earlier.
4. Indirect quotes: "X said that …", "X a déclaré que …", "According to X, …" up to the end
   of the sentence, with ``direct: false``.

Why hand-written: no maintained library on PyPI does quote attribution for French (citron is
English-only and not on PyPI; textacy's ``direct_quotations`` is English-only and needs a
parse); these rules work on raw text for both languages from data files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsweave import lang
from newsweave.annotate import nlp, speakers
from newsweave.model import Article

# Each opener with the marks that may close it. Mixed pairs (“…" and "…”) are typing slips
# common in edited copy; pairing them keeps the attribution that follows outside the quote.
OPENERS = {"“": ("”", '"'), "«": ("»",), "„": ("“", "”"), '"': ('"', "”")}
# How far past a closing mark and before an opening mark attribution is looked for:
# "…," said the former secretary of state in a statement (about 12 words); '…” study lead
# author Lucas Paganini, a planetary scientist at …, said' needs room for a long aside.
AFTER_WINDOW = 220
BEFORE_WINDOW = 250
# A quote without cue or speaker nearby is kept (and flagged unsourced) only when it is long
# enough to be speech rather than a scare-quoted term ("so-called “reform”").
MIN_UNATTRIBUTED_WORDS = 6
# Split quotes: the gap between two halves that share a speaker ("…," he said, "…").
SPLIT_GAP = 90
PERSON_LABELS = {"PER", "PERSON"}
UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ"
# Marks that end a sentence or introduce a quote, in every script (punctuation, not words).
SENTENCE_MARKS = ".!?…。！？"
COLONS = ":："
# Chinese and Japanese characters: their texts have no spaces to count words by.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


@dataclass
class Piece:
    """The words between one pair of quote marks (marks and inner spaces excluded)."""

    start: int
    end: int
    open_at: int
    close_at: int
    group: int


@dataclass
class Attribution:
    speaker_start: int
    speaker_end: int
    cue: str | None
    kind: str  # name, pronoun, title


@dataclass
class Quote:
    start: int
    end: int
    direct: bool
    attribution: Attribution | None = None
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rules:
    after: tuple[re.Pattern[str], ...]
    after_open: tuple[re.Pattern[str], ...]
    before: tuple[re.Pattern[str], ...]
    indirect: tuple[re.Pattern[str], ...]
    pronouns: frozenset[str]
    titles: re.Pattern[str]
    inner_incises: tuple[re.Pattern[str], ...] = ()
    previous: tuple[re.Pattern[str], ...] = ()
    neuter: frozenset[str] = frozenset()
    openers: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(OPENERS))
    # (before, after) pairs that hold the speaker before the quote and the cue after it ("X氏は「…」と述べた")
    around: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = ()
    cue_gender: dict[str, str] = field(default_factory=dict)  # "сказала" → "f"
    partial: tuple[re.Pattern[str], ...] = ()
    cue_at_mark: re.Pattern[str] | None = None  # a cue right before a quote's opening mark
    following: tuple[re.Pattern[str], ...] = ()  # the sentence after a quote that names its speaker


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True)) or "(?!x)x"


@cache
def rules(language: str) -> Rules | None:
    data = lang.load(language, "quotes")
    if not data:
        return None
    gendered = {cue.lower(): gender for gender, forms in data.get("cue_gender", {}).items() for cue in forms}
    cue_words = data.get("cues", []) + sorted(gendered)
    cues = _alt(cue_words)
    # cues that follow a quote only ("„…“, so die Ministerin"): as a verb before a quote they mislead
    after_cues = _alt(cue_words + data.get("after_cues", []))
    particles = _alt(data.get("name_particles", []))
    # a capitalised word, or an abbreviation with its full stop ("Mr.", "M.", "J.-P.")
    word = rf"(?:[{UPPER}][a-z]{{0,3}}\.(?:-[{UPPER}]\.)?(?=\s+[{UPPER}])|[{UPPER}][\w'’-]*)"
    # capitalised words that start sentences or name days, never a speaker ("But", "Friday")
    word = rf"(?!(?:{_alt(data.get('not_names', []))})\b){word}"
    name = rf"(?-i:(?:(?:{particles})\s+)?{word}(?:\s+(?:(?:{particles})\s+)*{word})*)"
    # a party and state or an age in brackets goes with the name ("Gwen Moore (D-Wis.)")
    name = rf"{name}(?:\s+\((?-i:[{UPPER}0-9])[^()\n]{{0,20}}\))?"
    determiners = _alt(data.get("determiners", []))
    titles = _alt(data.get("titles", []))
    title = rf"(?:{determiners})\s*(?:[\w-]+\s+){{0,2}}?(?:{titles})\b(?:\s+(?:of|de|du|des)\s+(?:the\s+|la\s+|l['’])?[\w-]+)?(?:,?\s+{name})?"
    # "Son éditeur, Antoine Grasset," / "the mayor, Vitali Klitschko,": the name is the speaker
    appositive = rf"(?:{determiners})\s*(?:[\w'’-]+\s+){{0,4}}?[\w'’-]+,\s+{name}(?=,)"
    pronoun = _alt(data.get("pronouns", []) + data.get("first_person", []) + data.get("neuter_pronouns", []))
    # starts on a word: "a"+"king" inside "speaking" is no title
    speaker = rf"\b(?P<speaker>{appositive}|{title}|{name}|\b(?:{pronoun})\b)"
    # a short noun phrase, accepted where the position alone says it is the speaker
    # ("the gambling tycoon", "Clinton spokesman Josh Schwerin", "election law expert Rick Hasen")
    # "Paganini and his team", "Marie Dupont et son équipe": a name with a partner
    partner = rf"(?:\s+(?:{_alt(data.get('conjunctions', []))})\s+(?:(?:{determiners})\s+[\w’'-]+|{name}))?"
    phrase = (rf"(?P<speaker>{appositive}|(?:{determiners})\s*(?:[\w’'-]+\s+){{0,6}}?[\w’'-]+|"
              rf"(?:[\w’'.()-]+,?\s+){{0,6}}?{name}{partner}|\b(?:{pronoun})\b)")
    lead = r"^[\s,.;:!?—–-]*"
    # the attribution clause ends there, or goes on with a place or time, not with "that"
    ends = (r"(?=\s*(?:[.,;:!?—–)]|$)|\s+(?:" + _alt(data.get("clause_continuations", [])) + r")\b)")
    # a full stop that ends no sentence: inside "D.C.," after an initial ("U.S. attorney"), before a lower-case word
    abbrev = r"(?-i:\.(?=\S|\s+[a-z])|(?<=\b[A-Z])\.)"
    # the rest of a sentence, up to its attribution
    rest = rf"(?:[^.!?…“”«»\"\n]|{abbrev}){{0,100}}?"
    # '…” Sarandon, 69, told MSNBC': the speaker, an aside between commas, the cue; the aside
    # may hold commas of its own and lose its closing one ("…, a research analyst at the
    # Council on Energy, Environment and Water think tank told CBS News")
    aside = r"(?:,[^,;\n“”«»\"]{1,100},)?"
    long_aside = rf"(?:,(?:[^;\n“”«»\".!?]|{abbrev}){{1,140}}?,?)?"
    preps = _alt(data.get("source_prepositions", []))
    participles = _alt(data.get("participle_cues", []))
    # after "according to" / "selon": the source is the rest of the clause ("le rapport annuel de la ligue …")
    source = rf"(?P<speaker>(?:[^.,;:!?\n“”«»\"]|{abbrev}){{2,100}}?)(?=\s*(?:[.,;:!?)]|$))"
    incises = data.get("incise", [])
    after = [rf"{lead}(?P<cue>{after_cues}),?\s+{phrase}{ends}",
             # one lower-case word may sit between speaker and cue ("Smith later said"), never a name's end
             rf"{lead}{phrase}{long_aside},?\s+(?:(?-i:[a-z]\w*)\s+)?(?P<cue>{cues})\b",
             # '…”, according to CNN.' / '… », selon le ministère.'
             rf"^\s*[,—–]\s*(?P<cue>{preps})\s+{source}",
             # the quote opens a sentence that ends with its attribution ('"…" working in
             # prisons, she said.' / '« … » dans la région, a-t-il ajouté.')
             rf"^{rest},\s*{speaker}{long_aside}\s+(?P<cue>{cues})\s*[.!?]",
             rf"^{rest},\s*(?P<cue>{cues})\s+{phrase}\s*[.!?]"]
    after[:0] = [lead + rf"(?P<cue>{pattern})" for pattern in incises]
    if data.get("pro_drop"):
        # "«…», dijo." / "«…», — сказала.": the verb alone, its subject left out
        after.append(rf"{lead}(?P<cue>{after_cues})(?P<zero>)(?=\s*(?:[.;!?]|$))")
    after.extend(data.get("after_patterns", []))
    # words between speaker and cue ("Smith later told reporters"), but none after a comma: in
    # "On the subject of Israel, Trump added," the speaker is Trump, not Israel
    before = [rf"{speaker}{aside}(?:,\s*|\s+(?:[\w'’-]+\s+){{0,3}}?)(?P<cue>{cues})(?:\s+[\w'’-]+){{0,2}}?\s*(?:[:,]|\bthat\b|\bque\b|\bqu['’])?\s*$",
              rf"(?P<cue>{preps})\s+{phrase}\s*[,:]?\s*$",
              # "Trump told a cheering crowd in Ohio on Monday:" — any words between cue and colon
              rf"{speaker}{aside}(?:,\s*|\s+(?:[\w'’-]+\s+){{0,3}}?)(?P<cue>{cues})\b"
              rf"[^.!?:;“”«»\"\n]{{0,100}}:\s*$",
              rf"{speaker}\s*:\s*$",
              # the subject of the sentence that a colon closes ("The spokesman refused …, adding:")
              rf"(?:^|[.!?]\s+)(?:[\w'’]+\s+){{0,2}}?{speaker}\b(?:[^.!?:«“\"\n]|{abbrev}){{0,200}}:\s*$",
              # "the announcer said, “…”": a described speaker right before its cue and the mark
              rf"(?:^|(?<=[.!?]\s)|(?<=,\s))(?P<speaker>(?:{determiners})\s+(?:[\w’'-]+\s+){{0,4}}?[\w’'-]+)"
              rf"\s+(?P<cue>{cues})\s*[,:]\s*$",
              # "Trump attacked Clinton's record, saying, “…”": the subject of the sentence a participle closes
              rf"(?:^|(?<=[.!?]\s)|(?<=,\s)){speaker}\b(?:[^.!?:;«“”»\"\n]|{abbrev}){{0,200}}?,?\s+"
              rf"(?P<cue>{participles})\b(?:\s+[\w'’-]+){{0,3}}?\s*[,:]\s*$"]
    # "Trump returned a few minutes later and declared, “…”" / "…the news, writing, “…”":
    # a cue right before the mark, the sentence's subject its speaker
    before.append(rf"(?:^|(?<=[.!?]\s)|(?<=\n)){speaker}\b(?:[^.!?:;«“”»\"\n]|{abbrev}){{0,200}}?,?\s+"
                  rf"(?P<cue>{cues}|{participles})\s*,\s*$")
    before.extend(data.get("before_patterns", []))
    generic = data.get("open_quote_cue")
    # after a quote left open by its comma ('…,” beamed Donald Hartley') any verb form of the
    # language's regular shape is a cue
    after_open = [rf"{lead}{phrase}{aside}\s+(?P<cue>{generic})\b", rf"{lead}(?P<cue>{generic})\s+{phrase}{ends}"] if generic else []
    after_open.append(rf"{lead}(?P<cue>{preps})\s+{source}")  # '…,” according to CNN.'
    # the sentence before a quote that names who speaks ("Erekat said it was the latest move.
    # “They wanted us on our knees.”"): subject and cue, an inverted cue, "according to X", an incise
    previous = [rf"{speaker}{aside},?\s+(?:[\w'’-]+\s+)?(?P<cue>{cues})\b",
                rf"(?:^|[,”\"»]\s*)(?P<cue>{cues}),?\s+{speaker}",
                rf"(?:^|[\s,])(?P<cue>{preps})\s+{speaker}\s*,"] + [rf",\s*(?P<cue>{pattern})" for pattern in incises]
    that_cues = "|".join(_that_cue(cue) for cue in sorted(set(data.get("that_cues", [])), key=len, reverse=True)) or "(?!x)x"
    content = r"(?P<content>[^.!?\n]{12,}[.!?]?)"
    indirect = [rf"{speaker},?\s+(?P<cue>{that_cues})\s*{content}",
                rf"(?:^|(?<=[.!?]\s)|(?<=\n)){phrase},?\s+(?P<cue>{that_cues})\s*{content}",
                rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<cue>{preps})\s+{phrase}\s*,\s*{content}"]
    # a quoted fragment inside a sentence whose subject speaks ('The ministry, for its part, judged
    # that it was "…"', 'X announced …, assuring that his country "…"'): subject, aside, then a cue
    that_words = _alt([cue.split()[-1] for cue in data.get("that_cues", []) if len(cue.split()) > 1])
    # a verb that takes a clause ("said", "told") needs nothing more; any verb of the language's
    # regular shape followed by "that" is one too ("judged that", "a estimé que")
    clause_cues = _alt([cue for cue in data.get("that_cues", []) if len(cue.split()) == 1])
    that_verb = rf"(?:{generic})\s+(?:{that_words})\b" if generic else "(?!x)x"
    subject = rf"^(?:[\w'’]+\s+){{0,2}}?{speaker}{long_aside}(?:,\s*|\s+(?:[\w'’-]+\s+){{0,3}}?)"
    clause = rf"(?:[^.!?;:\n“”«»\"]|{abbrev})"
    partial = [rf"{subject}(?P<cue>{cues}|{participles})\b{clause}{{0,120}}?(?:\b(?:{that_words})\b|[,:]){clause}{{0,80}}$",
               rf"{subject}(?P<cue>{clause_cues}|{that_verb})\s{clause}{{0,120}}$"]
    # the sentence after a quote that opens its paragraph: its subject speaks ("Union leader Jane
    # Roe spoke to reporters"), or it names the words' owner ("Those were the words of Jane Roe");
    # only these cues, not the quote cues, which hold verbs of thought ("Repairs are expected …")
    next_cues = _alt(data.get("next_sentence_cues", []))
    following = [rf"^(?:[\w'’]+,?\s+){{0,3}}?{speaker}{long_aside},?\s+(?:[\w'’-]+\s+){{0,2}}?(?P<cue>{next_cues})\b",
                 rf"\b(?P<cue>{_alt(data.get('words_of', []))})\s+{speaker}"]
    compile_ = lambda parts: tuple(re.compile(p, re.I) for p in parts)  # noqa: E731
    pronouns = data.get("pronouns", []) + data.get("first_person", []) + data.get("neuter_pronouns", [])
    openers = {opener: tuple(closers) for opener, closers in data["marks"].items()} if "marks" in data else dict(OPENERS)
    around = tuple((re.compile(item["before"], re.I), re.compile(item["after"], re.I))
                   for item in data.get("around_patterns", []))
    return Rules(compile_(after), compile_(after_open), compile_(before), compile_(indirect),
                 frozenset(p.lower() for p in pronouns),
                 re.compile(rf"^(?:{determiners})\s*(?:[\w-]+\s+){{0,2}}?(?:{titles})\b", re.I),
                 tuple(re.compile(rf",\s*(?P<cue>{pattern})\s*[,.]", re.I) for pattern in incises),
                 compile_(previous), frozenset(p.lower() for p in data.get("neuter_pronouns", [])),
                 openers, around, gendered, compile_(partial),
                 re.compile(rf"(?<![\w'’-])(?:{cues}|{participles})\s*,$", re.I), compile_(following))


def _that_cue(cue: str) -> str:
    """A cue ending in "que" also matches its elided form ("a indiqué qu'elle")."""
    if cue.endswith(" que"):
        return re.escape(cue[:-1]) + r"(?:e\b|['’])"
    return re.escape(cue) + r"\b"


# ---- quote marks ------------------------------------------------------------------------


def find_pieces(text: str, openers: dict[str, tuple[str, ...]] | None = None) -> list[Piece]:
    """Spans between quote marks, paragraph by paragraph, across paragraphs when continued.
    ``openers``: each opening mark with its closing marks (the language's ``marks``)."""
    openers = openers or OPENERS
    any_opener = re.compile("[" + re.escape("".join(openers)) + "]")
    pieces: list[Piece] = []
    group = 0
    carry: tuple[tuple[str, ...], int] | None = None  # (closers, group) of a quote left open by the paragraph before
    for para in re.finditer(r"[^\n]+", text):
        start, stop = para.span()
        position = start
        if carry:
            opener_here = re.match(r"\s*" + any_opener.pattern, text[start:stop])
            if opener_here:
                position = start + opener_here.end()
                closer, open_group = carry
                end_at = _find_close(text, position, stop, closer)
                if end_at is None:
                    pieces.append(_piece(text, position - 1, stop, open_group, closed=False))
                    continue
                pieces.append(_piece(text, position - 1, end_at, open_group))
                position = end_at + 1
            carry = None
        while True:
            found = any_opener.search(text, position, stop)
            if not found:
                break
            closer = openers[found.group(0)]
            end_at = _find_close(text, found.end(), stop, closer)
            group += 1
            if end_at is None:
                following = text[stop:stop + 3]
                if re.match(r"\n+\s*" + any_opener.pattern, following + text[stop + 3:stop + 6]):
                    pieces.append(_piece(text, found.start(), stop, group, closed=False))
                    carry = (closer, group)
                break
            pieces.append(_piece(text, found.start(), end_at, group))
            position = end_at + 1
    return [piece for piece in pieces if piece.end > piece.start]


def _find_close(text: str, start: int, stop: int, closers: tuple[str, ...]) -> int | None:
    found = [at for at in (text.find(closer, start, stop) for closer in closers) if at >= 0]
    return min(found) if found else None


def _piece(text: str, open_at: int, close_at: int, group: int, closed: bool = True) -> Piece:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Piece(start, end, open_at, close_at if closed else close_at, group)


# ---- attribution ------------------------------------------------------------------------


def _attribute_after(text: str, piece: Piece, rule: Rules) -> Attribution | None:
    window_end = min(len(text), piece.close_at + 1 + AFTER_WINDOW)
    newline = text.find("\n", piece.close_at + 1, window_end)
    window = text[piece.close_at + 1:newline if newline >= 0 else window_end]
    patterns = rule.after
    if text[piece.start:piece.end].rstrip()[-1:] in (",", "?", "!"):
        patterns = patterns + rule.after_open
    for pattern in patterns:
        match = pattern.match(window)
        if match:
            return _attribution(match, piece.close_at + 1, rule)
    return _attribute_signature(text, piece) if not window.strip() else None


SIGNATURE = re.compile(r"\s*\n\s*[—–-]\s*(?P<speaker>[^\n—–]{1,60}?)\s*(?:\n|$)")


def _attribute_signature(text: str, piece: Piece) -> Attribution | None:
    """A quote closing its paragraph, signed on the next line ("“…”\n\n– Ana R."): testimonials,
    epigraphs, readers' letters. Marks and dashes, not words, so every language alike."""
    match = SIGNATURE.match(text, piece.close_at + 1)
    if not match:
        return None
    return Attribution(match.start("speaker"), match.end("speaker"), None, "name")


def _word_start(text: str, line_start: int, at: int) -> int:
    """A window's start, moved to the next word when it would cut one (a pattern's "^" must
    never see "aking" of "speaking")."""
    if at <= line_start:
        return line_start
    while at < len(text) and text[at - 1].isalnum() and text[at].isalnum():
        at += 1
    return at


def _attribute_before(text: str, piece: Piece, rule: Rules, colon_only: bool = False) -> Attribution | None:
    """Attribution that introduces the quote; ``colon_only``: only "X said: “…”" forms."""
    line_start = text.rfind("\n", 0, piece.open_at) + 1
    if not text[line_start:piece.open_at].strip():
        # a paragraph that is only the quote: the paragraph before may introduce it ("Cruz continued:")
        previous_end = len(text[:line_start].rstrip())
        if text[:previous_end].endswith(tuple(COLONS)):
            line_start = text.rfind("\n", 0, previous_end) + 1
            start = _word_start(text, line_start, previous_end - BEFORE_WINDOW)
            for pattern in rule.before:
                match = pattern.search(text[start:previous_end])
                if match:
                    return _attribution(match, start, rule)
            return None
    start = _word_start(text, line_start, piece.open_at - BEFORE_WINDOW)
    window = text[start:piece.open_at]
    if colon_only and not window.rstrip().endswith(tuple(COLONS)):
        return None
    for pattern in rule.before:
        match = pattern.search(window)
        if match:
            return _attribution(match, start, rule)
    return None


def _attribution(match: re.Match[str], offset: int, rule: Rules) -> Attribution:
    groups = match.groupdict()
    if groups.get("zero") is not None:  # a pro-drop cue: no mention, the verb's subject is understood
        at = offset + match.end("cue")
        return Attribution(at, at, groups.get("cue"), "pronoun")
    start = end = match.start()
    for name in ("speaker", "pron", "pron2", "pron3"):
        if groups.get(name):
            start, end = match.span(name)
            break
    # A name after an inverted cue ("ajoute-t-il Jean Dupont" is rare; "poursuit Jean Dupont") wins.
    speaker_text = match.group(0)[start - match.start():end - match.start()]
    kind = "pronoun" if speaker_text.lower() in rule.pronouns else ("title" if rule.titles.match(speaker_text) else "name")
    if kind == "title" and re.search(rf"[{UPPER}]\w+\s*$", speaker_text) and not rule.titles.fullmatch(speaker_text):
        kind = "name" if re.search(rf"(?-i:\s[{UPPER}][\w'’.-]+)$", speaker_text) else kind
    cue = groups.get("cue")
    return Attribution(offset + start, offset + end, cue, kind)


# A sentence ends at . ! ? after a lower-case letter or digit (not "Mr." "Sen." "U.S."), or
# at a closing mark after them.
SENTENCE_END = re.compile(r"(?:(?<=[a-zà-ÿа-яёіїєґ0-9)\]][.!?])(?<![A-Z][a-z]\.)(?<![A-Z][a-z]{2}\.)"
                          r"|(?<=[.!?…][\"”»’“«]))\s+|(?<=[。！？])\s*")
# How far back the sentence before a quote is read.
PREVIOUS_WINDOW = 300


def _previous_sentence(text: str, piece: Piece) -> tuple[int, int] | None:
    """The sentence right before a quote that opens a sentence: in its paragraph, or the last
    one of the paragraph before when the quote opens its own paragraph. None when the quote
    sits inside the writer's sentence."""
    line_start = text.rfind("\n", 0, piece.open_at) + 1
    before = text[line_start:piece.open_at].rstrip()
    if before:
        if before[-1] not in SENTENCE_MARKS:
            return None
        end = line_start + len(before)
    else:
        end = len(text[:line_start].rstrip())
        if end == 0:
            return None
    start = max(text.rfind("\n", 0, end) + 1, end - PREVIOUS_WINDOW)
    boundaries = [m.end() for m in SENTENCE_END.finditer(text, start, end) if m.end() < end]
    return (boundaries[-1] if boundaries else start), end


def _attribute_previous_sentence(text: str, piece: Piece, rule: Rules) -> Attribution | None:
    """News convention: a quote that follows a sentence naming a speaker with a cue ("Erekat
    said it was the latest move.", "Herbert said, …") is that speaker's."""
    span = _previous_sentence(text, piece)
    if span is None:
        return None
    sentence = text[span[0]:span[1]]
    for pattern in rule.previous:
        match = pattern.search(sentence)
        if match:
            return _attribution(match, span[0], rule)
    return None


# ---- the annotator ----------------------------------------------------------------------


def find_quotes(article: Article) -> list[Quote]:
    rule = rules(article.language or "")
    if rule is None:
        return []
    text = article.text
    quotes: list[Quote] = []
    by_group: dict[int, Attribution] = {}
    pieces = _split_at_incises(text, find_pieces(text, rule.openers), rule, by_group)
    for piece in pieces:
        extras: dict[str, Any] = {"group": piece.group, "piece": piece}
        attribution = by_group.get(piece.group) if piece.group in by_group else None
        around = None if attribution else _attribute_around(text, piece, rule)
        if around:
            extras["around"] = True
        attribution = attribution or (_attribute_before(text, piece, rule, colon_only=True) or around
                                      or _attribute_after(text, piece, rule) or _attribute_before(text, piece, rule))
        if attribution:
            by_group.setdefault(piece.group, attribution)
        quotes.append(Quote(piece.start, piece.end, True, attribution, extras))
    _share_attributions(text, quotes, by_group)
    for index, quote in enumerate(quotes):
        if quote.attribution is None:
            quote.attribution = (_attribute_previous_sentence(text, quote.extras["piece"], rule)
                                 or _colon_after_quoted_paragraph(text, quote, quotes[index - 1] if index else None)
                                 or _attribute_next_sentence(text, quote.extras["piece"], rule))
    standalone = [q for q in quotes if _standalone(text, q, quotes, rule.cue_at_mark)]
    partial = [q for q in quotes if q not in standalone and _as_partial(text, q, rule)]
    quotes = standalone
    _number_utterances(text, quotes)
    quotes = [q for q in quotes if q.attribution or len(text[q.start:q.end].split()) >= MIN_UNATTRIBUTED_WORDS
              or len(CJK.findall(text[q.start:q.end])) >= 2 * MIN_UNATTRIBUTED_WORDS
              or text[q.start:q.end].rstrip("»”“«\"」』 ")[-1:] in tuple(SENTENCE_MARKS)]
    quotes.extend(partial)
    quotes.extend(_indirect_quotes(text, rule, [(p.open_at, p.close_at + 1) for p in pieces]))
    return sorted(quotes, key=lambda q: q.start)


def _as_partial(text: str, quote: Quote, rule: Rules) -> bool:
    """Keep a quoted fragment inside the writer's sentence as a partial quote when the sentence's
    subject speaks it (subject, a speech cue, then "that" or a comma before the fragment);
    a scare-quoted term in any other sentence stays out."""
    piece: Piece = quote.extras["piece"]
    line_start = text.rfind("\n", 0, piece.open_at) + 1
    start = max(line_start, piece.open_at - PREVIOUS_WINDOW)
    boundaries = [m.end() for m in SENTENCE_END.finditer(text, start, piece.open_at)]
    start = _word_start(text, line_start, boundaries[-1] if boundaries else start)
    prefix = text[start:piece.open_at]
    for pattern in rule.partial:
        match = pattern.search(prefix)
        if match:
            quote.attribution = _attribution(match, start, rule)
            quote.direct = False
            quote.extras["partial"] = True
            return True
    return False


def _attribute_around(text: str, piece: Piece, rule: Rules) -> Attribution | None:
    """Speaker before the quote and cue after it, in languages that put the verb last
    ("X氏は「…」と述べた"): both halves of one of the language's ``around_patterns`` must hold."""
    if not rule.around:
        return None
    line_start = text.rfind("\n", 0, piece.open_at) + 1
    start = max(line_start, piece.open_at - BEFORE_WINDOW)
    stop = text.find("\n", piece.close_at + 1)
    stop = len(text) if stop < 0 else min(stop, piece.close_at + 1 + AFTER_WINDOW)
    following, preceding = text[piece.close_at + 1:stop], text[start:piece.open_at]
    for before, after in rule.around:
        cue = after.match(following)
        speaker = before.search(preceding) if cue else None
        if cue and speaker:
            return Attribution(start + speaker.start("speaker"), start + speaker.end("speaker"), cue.group("cue"), "name")
    return None


def _attribute_next_sentence(text: str, piece: Piece, rule: Rules) -> Attribution | None:
    """A quote that opens its paragraph, attributed by the sentence after it ("“…” Union leader
    Jane Roe spoke to reporters." / "“…” Those were the words of Jane Roe."): the next sentence
    of the paragraph, or the first of the next one when the quote is a paragraph of its own."""
    line_start = text.rfind("\n", 0, piece.open_at) + 1
    if text[line_start:piece.open_at].strip() or text[piece.start:piece.end].rstrip()[-1:] not in SENTENCE_MARKS:
        return None
    start = piece.close_at + 1
    stop = text.find("\n", start)
    stop = len(text) if stop < 0 else stop
    if not text[start:stop].strip():  # the quote is its paragraph: read the next one
        match = re.compile(r"\n+\s*").match(text, start)
        if match is None or match.group(0).count("\n") > 2:
            return None
        start = match.end()
        stop = text.find("\n", start)
        stop = len(text) if stop < 0 else stop
    elif not text[start:start + 1].isspace():
        return None
    while start < stop and text[start].isspace():
        start += 1
    end = next((m.start() for m in SENTENCE_END.finditer(text, start, stop)), stop)
    sentence = text[start:end]
    if re.search(r"[“”«»\"「」„]", sentence):
        return None  # a sentence with a quote of its own speaks for itself
    for pattern in rule.following:
        match = pattern.search(sentence)
        if match:
            return _attribution(match, start, rule)
    return None


def _colon_after_quoted_paragraph(text: str, quote: Quote, previous: Quote | None) -> Attribution | None:
    """'…I understood what we were writing.”¶That process led to a realization: “…”': a short
    colon introduction that names nobody, right after a paragraph closed by an attributed quote,
    goes on with that speaker."""
    if previous is None or previous.attribution is None:
        return None
    piece, prev_piece = quote.extras["piece"], previous.extras["piece"]
    gap_start = prev_piece.close_at + 1
    gap = text[gap_start:piece.open_at]
    paragraph_break = gap.find("\n")
    tail = gap[:paragraph_break] if paragraph_break >= 0 else ""
    attribution = previous.attribution
    closes_paragraph = not tail.strip() or (
        gap_start <= attribution.speaker_start < gap_start + len(tail)
        and _one_clause(text, attribution.speaker_end, gap_start + len(tail)))
    if paragraph_break < 0 or gap.count("\n") > 2 or not closes_paragraph:
        return None  # the previous quote (and its attribution) must close the paragraph right before
    intro = gap[paragraph_break:].strip()
    if not intro.endswith(":") or len(intro) > 120 or re.search(r"[“”«»\"]", intro):
        return None
    # a capitalised word past the first names someone else (or something): no guess then
    if re.search(rf"\s[{UPPER}]", intro):
        return None
    return previous.attribution


def _split_at_incises(text: str, pieces: list[Piece], rule: Rules, by_group: dict[int, Attribution]) -> list[Piece]:
    """« Nous resterons, a-t-il ajouté, jusqu'au bout » : two pieces around the incise, with
    the incise's pronoun as their speaker (French puts the incise inside the marks)."""
    result = []
    for piece in pieces:
        found = None
        for pattern in rule.inner_incises:
            found = pattern.search(text, piece.start, piece.end)
            if found and found.end() < piece.end - 1:
                break
            found = None
        if not found:
            result.append(piece)
            continue
        by_group[piece.group] = _attribution(found, 0, rule)
        first_end = found.start() + 1  # keep the comma with the first half, as gold sets do
        second_start = found.end()
        while second_start < piece.end and text[second_start].isspace():
            second_start += 1
        result.append(Piece(piece.start, first_end, piece.open_at, first_end, piece.group))
        result.append(Piece(second_start, piece.end, second_start - 1, piece.close_at, piece.group))
    return result


def _same_speaker(one: Attribution | None, other: Attribution | None) -> bool:
    return one is not None and other is not None and (one.speaker_start, one.speaker_end) == (
        other.speaker_start, other.speaker_end)


def _standalone(text: str, quote: Quote, quotes: list[Quote], cue_at_mark: re.Pattern[str] | None = None) -> bool:
    """A quote that is a sentence of its own, not words quoted inside the writer's sentence
    ("called it “a disaster”"): it opens a sentence or follows a cue's colon or comma, or
    continues a quote of the same group or a split quote."""
    piece: Piece = quote.extras["piece"]
    if any(other.extras["group"] == piece.group and other.start < quote.start for other in quotes):
        return True
    line_start = text.rfind("\n", 0, piece.open_at) + 1
    before = text[line_start:piece.open_at].rstrip()
    if not before or before[-1] in SENTENCE_MARKS + COLONS or before.endswith(("—", "–")) or quote.extras.get("around"):
        return True
    if before.rstrip("”»」』\"’")[-1:] in tuple(SENTENCE_MARKS):  # right after a quote that ended a sentence
        return True
    if before[-1] == "," and quote.attribution and quote.attribution.speaker_end <= piece.open_at:
        return True  # "Il a déclaré, « … »" / split quote's second half
    if quote.attribution and cue_at_mark is not None and cue_at_mark.search(before):
        return True  # "…and declared, “…”", "writing “…”": the cue introduces the quote
    if before[-1] == "," and any(q.end < quote.start and _same_speaker(q.attribution, quote.attribution)
                                 for q in quotes):
        return True
    return False


def _share_attributions(text: str, quotes: list[Quote], by_group: dict[int, Attribution]) -> None:
    """Multi-paragraph quotes share one speaker; so do the halves of a split quote."""
    previous: Quote | None = None
    for quote in quotes:
        if quote.attribution is None:
            quote.attribution = by_group.get(quote.extras["group"])
        if quote.attribution is None and previous is not None and previous.attribution is not None:
            gap_start, gap_end = previous.extras["piece"].close_at + 1, quote.extras["piece"].open_at
            gap = text[gap_start:gap_end]
            attr = previous.attribution
            if "\n" not in gap and gap_start <= attr.speaker_start < gap_end and (
                    len(gap) <= SPLIT_GAP or _one_clause(text, attr.speaker_end, gap_end)):
                quote.attribution = attr
                quote.extras["continues"] = True
        previous = quote


def _one_clause(text: str, start: int, end: int) -> bool:
    """'…,” said X, the director of Y, in a statement. “…': from the speaker to the next
    quote is the rest of one attribution clause, so the next quote goes on with the speech."""
    segment = text[start:end]
    return len(segment) <= PREVIOUS_WINDOW and not re.search(r"[“”«»\"]", segment) and not any(
        m.end() < len(segment.rstrip()) for m in SENTENCE_END.finditer(segment))


def _number_utterances(text: str, quotes: list[Quote]) -> None:
    """Give pieces of one utterance one ``quote_id``: the halves of a split quote, the
    sentences of one speaker quoted back to back in a paragraph, a quote across paragraphs.
    A paragraph that is only a quote, right after one with an attributed quote, continues
    that speaker (the newspaper convention)."""
    current, previous = 0, None
    for quote in quotes:
        piece: Piece = quote.extras["piece"]
        same = False
        if previous is not None:
            prev_piece: Piece = previous.extras["piece"]
            gap = text[prev_piece.close_at + 1:piece.open_at]
            same = prev_piece.group == piece.group or quote.extras.get("continues", False) or (
                "\n" not in gap and len(gap) <= SPLIT_GAP and (quote.attribution is None or _same_speaker(quote.attribution, previous.attribution)))
            if quote.attribution is None and previous.attribution is not None and not same:
                paragraph_start = text.rfind("\n", 0, piece.open_at) + 1
                attribution_only = not gap.strip() or (
                    len(gap) <= SPLIT_GAP and previous.attribution.speaker_start > prev_piece.close_at)
                if not text[paragraph_start:piece.open_at].strip() and gap.count("\n") >= 1 and attribution_only:
                    quote.attribution = previous.attribution
                    same = True  # the speech goes on: one utterance, as attribution corpora count it
            if same and quote.attribution is None:
                quote.attribution = previous.attribution
        if not same:
            current += 1
        quote.extras["quote_id"] = current
        previous = quote


def _indirect_quotes(text: str, rule: Rules, marked: list[tuple[int, int]]) -> list[Quote]:
    found: list[Quote] = []
    for pattern in rule.indirect:
        for match in pattern.finditer(text):
            start, end = match.span("content")
            if any(s < end and start < e for s, e in marked) or any(q.start < end and start < q.end for q in found):
                continue
            attribution = _attribution(match, 0, rule)
            while end > start and text[end - 1] in ".!?":
                end -= 1
            found.append(Quote(start, end, False, attribution))
    return found


def quote_dicts(article: Article, quotes: list[Quote]) -> list[dict[str, Any]]:
    rule = rules(article.language or "")
    named = [(q.attribution.speaker_start, q.attribution.speaker_end,
              rule.cue_gender.get((q.attribution.cue or "").lower()) if rule else None)
             for q in quotes if q.attribution and q.attribution.kind == "name"]
    people = speakers.persons(article, named)
    neuter = rule.neuter if rule else frozenset()
    quoted = [(q.start, q.end) for q in quotes if q.direct]
    result = []
    for quote in quotes:
        entry: dict[str, Any] = article.span(quote.start, quote.end).to_json()
        attribution = quote.attribution
        speaker = name = entity_id = cue = None
        if attribution:
            span = (attribution.speaker_start, attribution.speaker_end)
            # a pro-drop cue ("», dijo.") has no speaker mention, only the person it refers to
            speaker = article.span(*span).to_json() if span[1] > span[0] else None
            name, entity_id = speakers.resolve(article, span, attribution.kind, people, quoted, neuter,
                                               rule.cue_gender.get((attribution.cue or "").lower()) if rule else None)
            cue = attribution.cue
        entry.update({"speaker": speaker, "speaker_name": name, "speaker_entity_id": entity_id, "cue": cue,
                      "direct": quote.direct})
        if quote.extras.get("partial"):
            entry["partial"] = True  # verbatim words inside the writer's sentence (PolNeAR's "partial quote")
        if "quote_id" in quote.extras:
            entry["quote_id"] = quote.extras["quote_id"]  # pieces of one utterance share it
        result.append(entry)
    return result


def annotate_quotes(articles: list[Article]) -> None:
    found = {id(article): find_quotes(article) for article in articles}
    # A parse is needed only to resolve pronoun and title speakers when no entities exist.
    needing_parse = [a for a in articles if not a.entities and any(
        q.attribution and q.attribution.kind != "name" for q in found[id(a)])]
    if needing_parse:
        nlp.parse_batch(needing_parse)
    for article in articles:
        article.quotes = quote_dicts(article, found[id(article)])
