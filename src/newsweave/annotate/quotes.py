"""Annotator: quotes and who said them, direct ("…," he said), partial (X said it was "…")
and indirect (X said that …).

1. Quote marks are paired per paragraph (:mod:`newsweave.annotate.quote_marks`), with each
   language's own marks from ``lang/<iso>/quotes.toml``.
2. Attribution looks right after the closing mark ("…," he said / said Smith / a-t-il
   ajouté / », — сказала она / 」と述べた) and right before the opening mark (Smith said: “…” /
   selon lui, « … » / 李明表示：“…”), with the patterns of
   :mod:`newsweave.annotate.quote_rules`. A split quote's second half inherits the first
   half's speaker. A quote with none of these takes the speaker of the sentence before it
   ("Erekat said it was the latest move. “…”"), or, when it opens its paragraph, of the
   sentence after it ("“…” Union leader Jane Roe spoke to reporters.").
3. Speakers resolve to a person and a canonical entity in :mod:`newsweave.annotate.speakers`
   (pronouns agree in gender and number; a surname takes the full name said before).
4. Partial quotes: a quoted fragment inside the sentence of a speaking subject ('The ministry
   judged that it was "…"'), with ``direct: false, partial: true``. Other fragments inside the
   writer's sentence (scare quotes, titles) are no quotes.
5. Indirect quotes: "X said that …", "X a déclaré que …", "According to X, …" up to the end
   of the sentence, and a sentence closed by its attribution ("…, according to the report.",
   "…, analysts say.", "Die Lage sei ernst, sagte Vogt."), with ``direct: false``.

Why hand-written: no maintained library on PyPI does quote attribution for French (citron is
English-only and not on PyPI; textacy's ``direct_quotations`` is English-only and needs a
parse); these rules work on raw text in every language from data files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from newsweave.annotate import nlp, speakers
from newsweave.annotate.speaker_extent import describe, description_rules
from newsweave.annotate.quote_carry import carry_speakers
from newsweave.annotate.quote_interview import interview_answers
from newsweave.annotate.quote_marks import Piece, doubled_view, find_pieces
from newsweave.annotate.quote_rules import NAME_THEN_COMMA, UPPER, Rules, is_fronted_speaker, is_fronted_word, is_speech_verb, reads_lower_case, rules
from newsweave.annotate.quote_sources import SOURCE_LABELS, Bodies, names_someone
from newsweave import model
from newsweave.model import Article
from newsweave.annotate.settings import SETTINGS
from newsweave.annotate.word_sets import inflected_verb, lower_case_word

# Marks that end a sentence or introduce a quote, in every script (punctuation, not words).
SENTENCE_MARKS = ".!?…。！？"
COLONS = ":："
# Chinese and Japanese characters: their texts have no spaces to count words by.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


@dataclass
class Attribution:
    speaker_start: int
    speaker_end: int
    cue: str | None
    kind: str  # name, pronoun, title, relative, described (a person described by a noun and its complement)


@dataclass
class Quote:
    start: int
    end: int
    direct: bool
    attribution: Attribution | None = None
    extras: dict[str, Any] = field(default_factory=dict)


# ---- attribution ------------------------------------------------------------------------


def _attribute_after(text: str, piece: Piece, rule: Rules, strict: bool = False) -> Attribution | None:
    """The attribution right after the closing mark; ``strict``: only the language's cue
    verbs, not the any-verb shape that a quote left open by its comma allows."""
    window_end = min(len(text), piece.close_at + 1 + SETTINGS.quote_after_window)
    newline = text.find("\n", piece.close_at + 1, window_end)
    window = text[piece.close_at + 1:newline if newline >= 0 else window_end]
    patterns = rule.after
    if not strict and text[piece.start:piece.end].rstrip()[-1:] in (",", "?", "!"):
        patterns = patterns + rule.after_open
    aside = rule.source_aside.match(window) if rule.source_aside is not None else None
    if aside:
        # '“…,” according to CNN, Sanders told delegates.': the outlet relays; the cue's subject spoke
        relayed = _attribute_after_aside(window, aside.end(), piece.close_at + 1, rule)
        if relayed:
            return relayed
    for pattern in patterns:
        match = pattern.match(window)
        if match:
            return _attribution(match, piece.close_at + 1, rule)
    surname = rule.surname_cue.match(window) if rule.surname_cue is not None else None
    if surname and _named_after_given(text, surname.group("speaker"), piece.open_at):
        return _attribution(surname, piece.close_at + 1, rule)
    return _attribute_signature(text, piece) if not window.strip() else None


def _attribute_after_aside(window: str, at: int, offset: int, rule: Rules) -> Attribution | None:
    """The attribution with a cue that follows a relaying source's comma (the language's cue
    patterns after a quote, read from ``at``)."""
    rest = window[at:]
    for pattern in rule.after:
        match = pattern.match(rest)
        if match and match.groupdict().get("cue") and match.groupdict().get("speaker"):
            return _attribution(match, offset + at, rule)
    return None


def _named_after_given(text: str, word: str, before: int) -> bool:
    """The article named ``word`` earlier right after another capitalised word ("Ian Read said …"
    before '…,” Read said.'): there it is a surname, not the sentence opener the list holds."""
    return re.search(rf"(?<![\w'’-])[{UPPER}][\w'’-]+\s+{re.escape(word)}\b", text[:before]) is not None


SIGNATURE = re.compile(r"\s*\n\s*[—–-]\s*(?P<speaker>[^\n—–]{1,60}?)\s*(?:\n|$)")


def _attribute_signature(text: str, piece: Piece) -> Attribution | None:
    """A quote closing its paragraph, signed on the next line ("“…”\n\n– Ana R."): testimonials,
    epigraphs, readers' letters. Marks and dashes, not words, so every language alike."""
    match = SIGNATURE.match(text, piece.close_at + 1)
    if not match:
        return None
    # "– Ana Roe, Lyon", "– Ana Roe, writing in …": the name before the comma; the rest is
    # left to the description (speaker_extent), which takes an appositive, not a place
    end = match.end("speaker")
    comma = text.find(",", match.start("speaker"), end)
    if comma > match.start("speaker"):
        end = comma
    return Attribution(match.start("speaker"), end, None, "name")


def _word_start(text: str, line_start: int, at: int) -> int:
    """A window's start, moved to the next word when it would cut one (a pattern's "^" must
    never see "aking" of "speaking")."""
    if at <= line_start:
        return line_start
    while at < len(text) and text[at - 1].isalnum() and text[at].isalnum():
        at += 1
    return at


def _attribute_before(text: str, piece: Piece, rule: Rules, colon_only: bool = False,
                      bodies: Bodies = None) -> Attribution | None:
    """Attribution that introduces the quote; ``colon_only``: only the forms that introduce it
    for sure: "X said: “…”", and "X said, “…”" before a quote that ends its sentence."""
    line_start = text.rfind("\n", 0, piece.open_at) + 1
    if not text[line_start:piece.open_at].strip():
        # a paragraph that is only the quote: the paragraph before may introduce it ("Cruz continued:")
        previous_end = len(text[:line_start].rstrip())
        if text[:previous_end].endswith(tuple(COLONS)):
            line_start = text.rfind("\n", 0, previous_end) + 1
            start = _word_start(text, line_start, previous_end - SETTINGS.quote_before_window)
            return _introduction(text, start, previous_end, rule, bodies)
    start = _word_start(text, line_start, piece.open_at - SETTINGS.quote_before_window)
    window = text[start:piece.open_at]
    if colon_only and not window.rstrip().endswith(tuple(COLONS)) and not (
            rule.cue_at_mark is not None and rule.cue_at_mark.search(window.rstrip())
            and text[piece.start:piece.end].rstrip("”»\"’ ")[-1:] in tuple(SENTENCE_MARKS)):
        return None
    return _introduction(text, start, piece.open_at, rule, bodies)


def _introduction(text: str, start: int, end: int, rule: Rules, bodies: Bodies) -> Attribution | None:
    """The first introducing attribution (``rule.before``) in ``text[start:end]`` whose source
    names someone and whose cue-less noun speaks."""
    window = text[start:end]
    for pattern in rule.before:
        match = pattern.search(window)
        if match and _names_source(text, match, start, rule, bodies) and _noun_speaks(match, rule, start, bodies) \
                and is_fronted_word(match, rule) and not _fronted_speaker(match, rule, start, bodies) \
                and not _interjection(match, rule, start, bodies) and not _preposition_object(match, rule):
            return _attribution(match, start, rule)
    return None


def _preposition_object(match: re.Match[str], rule: Rules) -> bool:
    """A speaker found without a cue right after one of the language's ``object_prepositions`` („Im Ort
    kursiert ein Satz: „…““, „Auf der Demo fielen Sätze wie diese:“): the preposition's object, a place
    or an occasion, not who speaks. With a cue the source stays („Im Bericht heißt es: „…““)."""
    groups = match.groupdict()
    if not rule.object_prepositions or groups.get("cue") or not groups.get("speaker"):
        return False
    before = [word.lower() for word in match.string[:match.start("speaker")].split()[-2:]]
    if before and before[-1] in rule.determiner_words:
        before = before[:-1]  # („Auf der Demo“ where the mention is „Demo“)
    return bool(before) and before[-1] in rule.object_prepositions


def _interjection(match: re.Match[str], rule: Rules, offset: int, bodies: Bodies) -> bool:
    """A one-word "speaker" that opens its sentence with a comma after it and that the language's
    lexicon reads as a lower-case word only, no name ("Wait, it gets better:", "Look, the point is:"):
    an imperative or interjection of the writer's, unless the article's entities name someone there."""
    if not rule.lexicon_language or not match.groupdict().get("speaker"):
        return False
    start, end = match.span("speaker")
    text = match.string
    word = text[start:end]
    before = text[max(0, start - 20):start].rstrip()[-1:]  # (the sentence's start: a mark or a line before it)
    if " " in word or not word[:1].isupper() or text[end:end + 1] != "," or before not in ("", *SENTENCE_MARKS):
        return False
    if bodies and any(s < offset + end and offset + start < e for s, e in bodies):
        return False
    return lower_case_word(word, rule.lexicon_language)


def _fronted_speaker(match: re.Match[str], rule: Rules, offset: int, bodies: Bodies) -> bool:
    """A one-word speaker that only opens a verb-second sentence („Gleichzeitig zeige der Film:“), unless
    the article's entities name someone there: a surname the lexicon also reads as a verb form („Klopp
    weiter:“) stays a speaker."""
    if not is_fronted_speaker(match, rule):
        return False
    start, end = match.span("speaker")
    return not (bodies and any(s < offset + end and offset + start < e for s, e in bodies))


def _noun_speaks(match: re.Match[str], rule: Rules, offset: int, bodies: Bodies) -> bool:
    """Where every noun is capitalised, a speaker found without a cue ("Die Stimmung ließ sich so
    zusammenfassen: „…“") that a determiner opens is a noun: it speaks only as a person or a
    body (a title, a role, an organisation word, or a PER/ORG entity of the article)."""
    groups = match.groupdict()
    if rule.speaking_noun is None or groups.get("cue") or not groups.get("speaker"):
        return True
    start, end = match.span("speaker")
    previous = match.string[:start].split()
    if not previous or previous[-1].lower() not in rule.determiner_words:
        return True
    if bodies and any(s < offset + end and offset + start < e for s, e in bodies):
        return True
    return rule.speaking_noun.fullmatch(match.string[start:end].split()[-1]) is not None


def _names_source(text: str, match: re.Match[str], offset: int, rule: Rules, bodies: Bodies) -> bool:
    """A source opened by a preposition that opens one only for people ("Pour la maire, …",
    "For Ada Quill, …") names a person or a body (not « Pour l'heure, … », "For now, …");
    any other match stands as it is."""
    cue = match.groupdict().get("cue")
    if rule.person is None or not cue or cue.lower() not in rule.person.cues or not match.groupdict().get("speaker"):
        return True
    start, end = match.span("speaker")
    return names_someone(text, offset + start, offset + end, rule.person, bodies)


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
    # "Trump was talking about X when he told Y, “…”": a subject pronoun right before the cue, after
    # the sentence's subject, is the cue's own subject (the speaker the text gives; not "ihm" in
    # "was die Kinder ihm sagen")
    if groups.get("cue") and match.start("cue") > end:
        own = OWN_SUBJECT.search(match.string, end, match.start("cue"))
        # (not inside an aside: "Ada Quill, who he said was tired, said")
        if own and own.group(1).lower() in rule.subject_pronouns and "," not in match.string[end:own.start(1)]:
            start, end = own.span(1)
    # "Republican presidential nominee Donald Trump issued …": the name after a lower-case title, not
    # the capitalised word that opens the title, is the speaker (speaker_extent takes the title back)
    if rule.retitle is not None and groups.get("speaker") and match.string[start:start + 1].isupper():
        titled = rule.retitle.match(match.string, end)
        limit = match.start("cue") if groups.get("cue") and match.start("cue") > end else match.end()
        if titled and titled.end("name") <= limit:
            start, end = titled.span("name")
    start = _after_addressee(match.string, start, end, rule)
    start, end = _without_edge_words(match.string, start, end, rule)
    # A name after an inverted cue ("ajoute-t-il Jean Dupont" is rare; "poursuit Jean Dupont") wins.
    speaker_text = match.string[start:end]
    kind = "pronoun" if speaker_text.lower() in rule.pronouns else ("title" if rule.titles.match(speaker_text) else "name")
    owned = _owner(match.string, start, end, rule) if groups.get("zero") is None and kind != "pronoun" else None
    if owned is not None:
        return Attribution(offset + owned[0], offset + end, groups.get("cue"), owned[1])
    if speaker_text.lower() in rule.relatives:
        kind = "relative"  # "Mike Lee, who declared, “…”": the name before the comma spoke
    if kind == "title" and re.search(rf"[{UPPER}]\w+\s*$", speaker_text) and not rule.titles.fullmatch(speaker_text):
        kind = "name" if re.search(rf"(?-i:\s[{UPPER}][\w'’.-]+)$", speaker_text) else kind
    cue = groups.get("cue")
    return Attribution(offset + start, offset + end, cue, kind)


EDGE_WORD = re.compile(r"[\w'’-]+")

# how far back a described person may open before the mention it governs
OWNER_REACH = 80

# a capitalised word of a mention; a title's complement of this many or more ends on a person's name
# ("State Jo Pell"), fewer is the body or place alone ("Tarn", "Coastal Towns")
CAPITALISED = re.compile(rf"(?<![\w'’])[{UPPER}][\w'’.-]*")
NAME_AFTER_BODY = 3

# how far back the complement word (and its determiner) before such a mention may start
LINK_REACH = 12


def _owner(text: str, start: int, end: int, rule: Rules) -> tuple[int, str] | None:
    """Where the speaker starts, and its kind, when the mention is the complement of someone named
    right before it: a described person (kind described, or title when a title opens the phrase: the
    persons, bodies and places of its complement do not speak, and the phrase names no person of its
    own that a later mention could take as a full name), else a capitalised title or name
    (``_capitalised_owner``); None when neither stands there."""
    owner = _complement_owner(text, start, end, rule)
    if owner < start:
        return owner, "title" if rule.titles.match(text[owner:end]) else "described"
    return _capitalised_owner(text, start, end, rule)


def _complement_owner(text: str, start: int, end: int, rule: Rules) -> int:
    """Where the speaker starts when the mention is the complement of a described person right before
    it ("A spokeswoman for Ada Quill said", "the lawyer acting for the officer", « Le fromager de
    Montbrisac a dit que »): that person speaks, not the place, body or person of the complement; else
    ``start``."""
    if rule.complement_owner is None:
        return start
    owner = rule.complement_owner.search(text, max(0, start - OWNER_REACH), start)
    if owner is None:
        return start
    opens = rule.complement_opening is not None and rule.complement_opening.match(text, start, end) is not None
    return owner.start("owner") if owner.group("link") is not None or opens else start


def _capitalised_owner(text: str, start: int, end: int, rule: Rules) -> tuple[int, str] | None:
    """Where the speaker starts, and its kind, when a capitalised run and a complement word stand right
    before a capitalised mention: "the US Ambassador to Tarn" (a title of the list: kind title, resolved
    by its role or the name the mention ends on), "The League of Coastal Towns" (a body's own name, or
    "Gov. Jo Pell of Tarn", a person's: kind name, kept whole); else None."""
    if rule.capitalised_owner is None or rule.owner_link is None or not text[start:start + 1].isupper():
        return None
    if rule.owner_link.search(text, max(0, start - LINK_REACH), start) is None:
        return None
    owner = rule.capitalised_owner.search(text, max(0, start - OWNER_REACH), start)
    if owner is None:
        return None
    titled = rule.owner_title is not None and rule.owner_title.search(owner.group("run")) is not None
    # ("Secretary of State Jo Pell": the body the title heads, then a name, which speaks)
    named = len(CAPITALISED.findall(text, start, end)) >= NAME_AFTER_BODY
    return owner.start("owner"), "title" if titled and not named else "name"


def _without_edge_words(text: str, start: int, end: int, rule: Rules) -> tuple[int, int]:
    """The speaker span without the language's ``speaker_edge_words`` at either edge ("She also",
    "US analysts have", « brusquement Ana Roe »), as long as a word is left."""
    words = [m.span() for m in EDGE_WORD.finditer(text, start, end)]
    while len(words) > 1 and text[words[-1][0]:words[-1][1]].lower() in rule.edge_words:
        words.pop()
        end = words[-1][1]
    while len(words) > 1 and text[words[0][0]:words[0][1]].lower() in rule.edge_words:
        words.pop(0)
        start = words[0][0]
    return start, end


def _passive(text: str, attribution: Attribution, rule: Rules) -> bool:
    """Whether the speaker mention ends on an auxiliary of the passive ("a court was", "It was" before
    "told", "said"): the words were said to that subject, or by no one the text names."""
    words = EDGE_WORD.findall(text, attribution.speaker_start, attribution.speaker_end)
    return len(words) > 1 and words[-1].lower() in rule.passive_auxiliaries


def _after_addressee(text: str, start: int, end: int, rule: Rules) -> int:
    """Where the speaker starts in a mention that opens with a verb and whom it was said to
    (« según confirmó a Efe Ana Roca, directora de … »: Ana Roca; « según han informado a Europa
    Press fuentes del hospital »: the sources), else ``start``."""
    addressed = rule.mention_addressee.match(text, start, end) if rule.mention_addressee is not None else None
    return addressed.end() if addressed and addressed.end() < end else start


# the word right before a cue, after a space (a pronoun there is the cue's subject)
OWN_SUBJECT = re.compile(r"\s(\w+)\s+$")


# A sentence ends at . ! ? after a lower-case letter or digit (not "Mr." "Sen." "U.S."), or
# at a closing mark after them.
SENTENCE_END = re.compile(r"(?:(?<=[a-zà-ÿа-яёіїєґ0-9)\]][.!?])(?<![A-Z][a-z]\.)(?<![A-Z][a-z]{2}\.)"
                          r"|(?<=[.!?…][\"”»’“«]))\s+|(?<=[。！？])\s*")


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
    start = max(text.rfind("\n", 0, end) + 1, end - SETTINGS.quote_previous_window)
    boundaries = [m.end() for m in SENTENCE_END.finditer(text, start, end) if m.end() < end]
    return (boundaries[-1] if boundaries else start), end


def _attribute_previous_subject(text: str, piece: Piece, rule: Rules) -> Attribution | None:
    """Last resort, news convention: a quoted sentence that no rule attributed, right after a sentence
    of the writer's that opens with a person named or a pronoun as its subject ("Holmgren, now 37,
    carried the arm for years. “…”", "He is more emphatic on Ukraine. “…”"), is that subject's
    ("The mayor visited the streets. “…”" gives none: the words may be anyone's there). Not after a sentence with a
    quote of its own, or one that ends on a colon or question mark (those introduce or ask)."""
    if rule.previous_subject is None or text[piece.start:piece.end].rstrip("”»\"’ ")[-1:] not in tuple(SENTENCE_MARKS):
        return None
    span = _previous_sentence(text, piece)
    if span is None or not text[span[0]:span[1]].endswith("."):
        return None
    sentence = text[span[0]:span[1]]
    before = text[text.rfind("\n", 0, span[0]) + 1:span[0]]
    if re.search(r"[“”«»\"„]", sentence) or before.count("“") + before.count("«") > before.count("”") + before.count("»") \
            or before.count('"') % 2:
        return None  # (inside a quote whose closing mark the next paragraph's quote stands for)
    offset, match = span[0], rule.previous_subject.match(sentence)
    if match is None:
        offset, match = _subject_after_verb(sentence, span[0], rule)
    if match is None:
        return None
    attribution = _attribution(match, offset, rule)
    if attribution.kind == "name" and not _known_name(text, attribution.speaker_start, attribution.speaker_end):
        return None
    if attribution.kind != "pronoun" and reads_lower_case(match.group("speaker").split()[0], rule):
        return None  # „Abgelaufenes Öl spritzte …“: an adjective opens the sentence, no name
    return attribution


def _subject_after_verb(sentence: str, offset: int, rule: Rules) -> tuple[int, re.Match[str] | None]:
    """Where the verb comes second (``previous_subject_fronted``), the subject behind a fronted phrase and
    its verb („Zur Rentenreform will Brenner nichts sagen.“): the first word before the sentence's first
    comma that the lexicon reads as a verb's inflected form (``infinitive_endings``: „will“ → „wollen“; not
    „seitens“, „durch“), then the subject the pattern finds right after it; (offset, match) of that subject."""
    language, endings = rule.fronted_language, rule.fronted_subject_endings
    if language is None or rule.previous_subject is None or not endings:
        return offset, None
    clause = sentence.split(",", 1)[0]
    for word in re.finditer(r"(?-i:[a-zäöüß])\w*", clause):
        if word.start() and inflected_verb(word.group(), language, endings):
            at = word.end() + len(sentence[word.end():]) - len(sentence[word.end():].lstrip())
            match = rule.previous_subject.match(sentence[at:])
            if match is not None:
                return offset + at, match
    return offset, None


def _known_name(text: str, start: int, end: int) -> bool:
    """A name of one word opening a sentence is a name the article gave before after another
    capitalised word ("Holmgren" after "Jake Holmgren"), and a word it never writes in lower case
    (not "Government", "Relevant"); a name of several capitalised words stands, unless a word in
    capitals opens it."""
    words = text[start:end].split()
    if any(len(word) > 3 and word.isupper() for word in words):
        return False  # a heading in capitals glued to the sentence ("CERTIFICATIONS Ada Quill, …")
    if len(words) > 1:
        return True
    word = words[0] if words else ""
    return (_named_after_given(text, word, start)
            and re.search(rf"(?<![\w'’-]){re.escape(word.lower())}(?![\w'’-])", text) is None)


def _attribute_previous_sentence(text: str, piece: Piece, rule: Rules, bodies: Bodies = None) -> Attribution | None:
    """News convention: a quote that follows a sentence naming a speaker with a cue ("Erekat
    said it was the latest move.", "Herbert said, …") is that speaker's."""
    span = _previous_sentence(text, piece)
    if span is None:
        return None
    sentence = text[span[0]:span[1]]
    for pattern in rule.previous:
        match = pattern.search(sentence)
        if match and _names_source(text, match, span[0], rule, bodies):
            return _attribution(match, span[0], rule)
    return None


# ---- the annotator ----------------------------------------------------------------------


def find_quotes(article: Article) -> list[Quote]:
    rule = rules(article.language or "")
    if rule is None:
        return []
    # ''…'' and ``…'' read as “…”: same length, so every offset below is one into article.text
    text = doubled_view(article.text)
    # the article's people and bodies, which a source opened by "pour" / "for" must name
    bodies: Bodies = (tuple((e.start, e.end) for e in article.entities if e.label in SOURCE_LABELS)
                      if article.entities else None)
    quotes: list[Quote] = []
    by_group: dict[int, Attribution] = {}
    pieces = _split_at_incises(text, find_pieces(text, rule.openers), rule, by_group)
    for piece in pieces:
        if _compound_word(text, piece) or _title_case_name(text, piece, rule):
            continue
        extras: dict[str, Any] = {"group": piece.group, "piece": piece}
        attribution = by_group.get(piece.group) if piece.group in by_group else None
        around = None if attribution else _attribute_around(text, piece, rule)
        if around:
            extras["around"] = True
        # '…: “…,” she said': the attribution that a comma leaves open after the quote comes first
        after = _attribute_after(text, piece, rule, strict=True) if text[piece.start:piece.end].rstrip()[-1:] == "," else None
        attribution = attribution or (after or _attribute_before(text, piece, rule, colon_only=True, bodies=bodies)
                                      or around or _attribute_after(text, piece, rule)
                                      or _attribute_before(text, piece, rule, bodies=bodies))
        if attribution:
            by_group.setdefault(piece.group, attribution)
        quotes.append(Quote(piece.start, piece.end, True, attribution, extras))
    _share_attributions(text, quotes, by_group)
    for index, quote in enumerate(quotes):
        if quote.attribution is None:
            quote.attribution = (_second_act(text, quote, quotes[index - 1] if index else None, rule, bodies)
                                 or _attribute_previous_sentence(text, quote.extras["piece"], rule, bodies)
                                 or _colon_after_quoted_paragraph(text, quote, quotes[index - 1] if index else None, rule)
                                 or _attribute_next_sentence(text, quote.extras["piece"], rule)
                                 or _next_quote_paragraph(text, quote, quotes[index + 1] if index + 1 < len(quotes) else None))
    # (a speaker lent by a later sentence gives way: the clause before the comma introduces the quote)
    for quote in quotes:
        if rule.sentence_verb and (quote.attribution is None or quote.attribution.speaker_start > quote.end) \
                and _sentence_after_comma(text, quote):
            quote.attribution = _sentence_verb(text, quote.extras["piece"], rule, bodies) or quote.attribution
    standalone = [q for q in quotes if _standalone(text, q, quotes, rule.cue_at_mark, rule.naming)]
    partial = [q for q in quotes if q not in standalone and _as_partial(text, q, rule, bodies)]
    partial += [q for q in quotes if q not in standalone and q not in partial and _as_opened_report(text, q)]
    # 'As Ada Quill said last week in Leeds, “The port will close.”': a whole sentence after the
    # comma of a speaking subject's clause is a quote of its own, not a fragment
    spoken = [q for q in partial if _sentence_after_comma(text, q)]
    for quote in spoken:
        quote.direct, quote.extras["partial"] = True, False
    partial = [q for q in partial if q not in spoken]
    quotes = sorted(standalone + spoken, key=lambda q: q.start)
    _number_utterances(text, quotes, rule)
    # (after the utterances are numbered: a quote that goes on with the speech before keeps its speaker)
    for quote in quotes:
        if quote.attribution is None:
            quote.attribution = _attribute_previous_subject(text, quote.extras["piece"], rule)
    quotes = [q for q in quotes if q.attribution or len(text[q.start:q.end].split()) >= SETTINGS.quote_min_unattributed_words
              or len(CJK.findall(text[q.start:q.end])) >= 2 * SETTINGS.quote_min_unattributed_words
              or text[q.start:q.end].rstrip("»”“«\"」』 ")[-1:] in tuple(SENTENCE_MARKS)]
    quotes.extend(partial)
    quotes.extend(_indirect_quotes(text, rule, [(p.open_at, p.close_at + 1) for p in pieces], bodies, article.language or ""))
    carry_speakers(text, quotes, article.language or "")
    for quote in quotes:
        quote.attribution = _verb_as_dropped_subject(text, quote.attribution, rule, article.language or "")
    quotes.extend(_answers(article, rule, quotes))
    return sorted(quotes, key=lambda q: q.start)


def _answers(article: Article, rule: Rules, quotes: list[Quote]) -> list[Quote]:
    """A printed interview's unmarked answers, where no quote found in marks holds most of them (a
    quote inside an answer is one the interviewee cites)."""
    found = []
    for answer in interview_answers(article, rule.answer_labels, rule.name_answer_labels):
        if any(min(q.end, answer.end) - max(q.start, answer.start) > (answer.end - answer.start) / 2 for q in quotes):
            continue
        attribution = Attribution(answer.speaker[0], answer.speaker[1], None, "name") if answer.speaker else None
        piece = Piece(answer.start, answer.end, answer.start, answer.end - 1, 0)
        found.append(Quote(answer.start, answer.end, True, attribution, {"answer": True, "piece": piece}))
    return found


def _verb_as_dropped_subject(text: str, attribution: Attribution | None, rule: Rules, language: str) -> Attribution | None:
    """« Dijo: “…” », « Explicó el presidente …: “…” »: where the language drops its subjects, a speech
    verb that opens the sentence, capitalised there, names no speaker; the speaker is left out, as
    after « “…”, dijo. »."""
    if attribution is None or attribution.kind != "name" or not rule.pro_drop:
        return attribution
    start, end = attribution.speaker_start, attribution.speaker_end
    if not text[start:start + 1].isupper() or not is_speech_verb(language, text, start, end):
        return attribution
    return Attribution(end, end, attribution.cue, "pronoun")


def _sentence_after_comma(text: str, quote: Quote) -> bool:
    """A quote right after a comma that opens with a capital and ends its sentence (the mark
    inside the quote, or right after it)."""
    piece: Piece = quote.extras["piece"]
    before = text[text.rfind("\n", 0, piece.open_at) + 1:piece.open_at].rstrip()
    words = text[piece.start:piece.end]
    after = text[piece.close_at + 1:piece.close_at + 2]
    return (before.endswith(",") and words[:1].isupper() and len(words.split()) >= SETTINGS.quote_min_unattributed_words
            and (words.rstrip()[-1:] in tuple(SENTENCE_MARKS) or after in tuple(SENTENCE_MARKS)))


def _sentence_verb(text: str, piece: Piece, rule: Rules, bodies: Bodies) -> Attribution | None:
    """The subject of the clause whose verb (of the language's shape, no listed cue) a whole quoted
    sentence follows after a comma ("Jo Ash proclaimed at a press conference, “…”")."""
    line_start = text.rfind("\n", 0, piece.open_at) + 1
    start = _word_start(text, line_start, piece.open_at - SETTINGS.quote_before_window)
    window = text[start:piece.open_at]
    for pattern in rule.sentence_verb:
        match = pattern.search(window)
        if match and _names_source(text, match, start, rule, bodies) and _noun_speaks(match, rule, start, bodies):
            return _attribution(match, start, rule)
    return None


def _as_partial(text: str, quote: Quote, rule: Rules, bodies: Bodies = None) -> bool:
    """Keep a quoted fragment inside the writer's sentence as a partial quote when the sentence's
    subject speaks it (subject, a speech cue, then "that" or a comma before the fragment);
    a scare-quoted term in any other sentence stays out."""
    attribution = _partial_attribution(text, quote, rule, bodies)
    if attribution is None:
        return False
    quote.attribution = attribution
    quote.direct = False
    quote.extras["partial"] = True
    return True


def _partial_attribution(text: str, quote: Quote, rule: Rules, bodies: Bodies = None) -> Attribution | None:
    """The speaking subject of the sentence a quoted fragment sits in, if any."""
    piece: Piece = quote.extras["piece"]
    line_start = text.rfind("\n", 0, piece.open_at) + 1
    start = max(line_start, piece.open_at - SETTINGS.quote_previous_window)
    boundaries = [m.end() for m in SENTENCE_END.finditer(text, start, piece.open_at)]
    start = _word_start(text, line_start, boundaries[-1] if boundaries else start)
    prefix = text[start:piece.open_at]
    if rule.naming is not None and rule.naming.search(prefix):
        return None  # „die sogenannten „…““, "a group called “…”": a name, not words the subject said
    for pattern in rule.partial:
        match = pattern.search(prefix)
        if match and _names_source(text, match, start, rule, bodies):
            return _attribution(match, start, rule)
    return None


def _attribute_around(text: str, piece: Piece, rule: Rules) -> Attribution | None:
    """Speaker before the quote and cue after it, in languages that put the verb last
    ("X氏は「…」と述べた"): both halves of one of the language's ``around_patterns`` must hold."""
    if not rule.around:
        return None
    line_start = text.rfind("\n", 0, piece.open_at) + 1
    start = max(line_start, piece.open_at - SETTINGS.quote_before_window)
    stop = text.find("\n", piece.close_at + 1)
    stop = len(text) if stop < 0 else min(stop, piece.close_at + 1 + SETTINGS.quote_after_window)
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
    # the sentence's full stop inside the marks, or right after them (« “…”. Así ha resumido … »)
    stop_after = text[piece.close_at + 1:piece.close_at + 2] in SENTENCE_MARKS
    if text[line_start:piece.open_at].strip() or not (text[piece.start:piece.end].rstrip()[-1:] in SENTENCE_MARKS or stop_after):
        return None
    start = piece.close_at + 1 + stop_after
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
    for pattern in rule.following:
        match = pattern.search(sentence)
        # a sentence with a quote of its own speaks for itself, unless it opens by pointing back at this
        # one (« Así ha resumido X la magnitud de un “fuego de cuneta” »)
        reach = match.end() if match and match.groupdict().get("opener") else len(sentence)
        if match and not QUOTE_MARK.search(sentence, 0, reach):
            return _attribution(match, start, rule)
    return None


QUOTE_MARK = re.compile(r"[“”«»\"「」„]")


def _next_quote_paragraph(text: str, quote: Quote, following: Quote | None) -> Attribution | None:
    """'“…will win.”¶“He may be the only one…,” Viguerie notes.': a quote paragraph of its own,
    ending a statement (not a question: an interview's answer has another speaker), goes on into
    the next paragraph's quote, whose attribution follows its closing mark."""
    if following is None or following.attribution is None:
        return None
    piece, next_piece = quote.extras["piece"], following.extras["piece"]
    line_start = text.rfind("\n", 0, piece.open_at) + 1
    gap = text[piece.close_at + 1:next_piece.open_at]
    if (text[line_start:piece.open_at].strip() or gap.strip() or gap.count("\n") not in (1, 2)
            or text[piece.start:piece.end].rstrip()[-1:] not in (".", "!", "…")):
        return None
    if not next_piece.close_at < following.attribution.speaker_start <= next_piece.close_at + SETTINGS.quote_after_window:
        return None
    return following.attribution


def _colon_after_quoted_paragraph(text: str, quote: Quote, previous: Quote | None,
                                  rule: Rules) -> Attribution | None:
    """'…I understood what we were writing.”¶That process led to a realization: “…”': a short
    colon introduction that names nobody, right after a paragraph closed by an attributed quote,
    goes on with that speaker. One whose own subject comes before a cue ("Article 12:3 reads:",
    "The memo says:") names the words' owner, even where no rule could take it as a speaker."""
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
    cue = rule.cue_at_mark.search(intro[:-1].rstrip() + ",") if rule.cue_at_mark is not None else None
    if cue is not None and re.search(r"\w", intro[:cue.start()]):
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


def _compound_word(text: str, piece: Piece) -> bool:
    """A quoted title joined by a hyphen to the word after it („Lindenstraße“-Star, "Love Island"-host):
    one word of the writer's, naming a work, never words someone said."""
    return text[piece.close_at + 1:piece.close_at + 2] == "-" and text[piece.close_at + 2:piece.close_at + 3].isalpha()


def _title_case_name(text: str, piece: Piece, rule: Rules) -> bool:
    """Quoted words that are a name in title case (the 1976 film "All the President's Men,", the
    source known as "Deep Throat"): a work, a nickname or a place, never words someone said. A cue
    right before or after the marks makes them speech ('“Thank You,” she said', 'she said: “We Will Win”')."""
    if rule.title_case_name is None or rule.title_case_name.fullmatch(text, piece.start, piece.end) is None:
        return False
    before = text[max(0, piece.open_at - SETTINGS.quote_before_window):piece.open_at].rstrip().rstrip(":,").rstrip() + ","
    cue_before = rule.cue_at_mark is not None and rule.cue_at_mark.search(before) is not None
    return not cue_before and _attribute_after(text, piece, rule, strict=True) is None


def _standalone(text: str, quote: Quote, quotes: list[Quote], cue_at_mark: re.Pattern[str] | None = None,
                naming: re.Pattern[str] | None = None) -> bool:
    """A quote that is a sentence of its own, not words quoted inside the writer's sentence
    ("called it “a disaster”"): it opens a sentence or follows a cue's colon or comma, or
    continues a quote of the same group or a split quote. A name is none ("a campaign called “…”")."""
    piece: Piece = quote.extras["piece"]
    if any(other.extras["group"] == piece.group and other.start < quote.start for other in quotes):
        return True
    line_start = text.rfind("\n", 0, piece.open_at) + 1
    before = text[line_start:piece.open_at].rstrip()
    if naming is not None and naming.search(before):
        return False
    if not before or before[-1] in SENTENCE_MARKS + COLONS or before.endswith(("—", "–")) or quote.extras.get("around"):
        return True
    if before.rstrip("”»」』\"’")[-1:] in tuple(SENTENCE_MARKS):  # right after a quote that ended a sentence
        return True
    if before[-1] in "([" and quote.attribution and quote.attribution.speaker_start > piece.close_at \
            and not re.search(r"[)\]]", text[piece.close_at + 1:quote.attribution.speaker_end]) \
            and not re.search(r"[.!?]\s", text[piece.close_at + 1:quote.attribution.speaker_start]):
        return True  # '(“…,” said one delegate.)': a quote opening the writer's aside in brackets, attributed in it
    if before[-1] == "," and quote.attribution and quote.attribution.speaker_end <= piece.open_at:
        return True  # "Il a déclaré, « … »" / split quote's second half
    if before[-1] == "," and quote.attribution and quote.attribution.speaker_start > piece.close_at \
            and _short_opener(before[:-1]) and _ends_sentence(text, quote.attribution.speaker_end):
        return True  # "Pour l'heure, « … », a déclaré Ada Quill.": an opener's comma, the attribution after
    if quote.attribution and cue_at_mark is not None and cue_at_mark.search(before) and (
            before.endswith(",") or (text[piece.start:piece.start + 1].isupper()
                                     and text[piece.start:piece.end].rstrip()[-1:] in tuple(SENTENCE_MARKS))):
        # "…and declared, “…”", "writing “Feels great…”": the cue introduces the quote; without a
        # comma only a quote that is a sentence ("called it “rigged”", "the website “The Local”" stay fragments)
        return True
    if before[-1] == "," and any(q.end < quote.start and _same_speaker(q.attribution, quote.attribution)
                                 for q in quotes):
        return True
    return False


def _as_opened_report(text: str, quote: Quote) -> bool:
    """'Based on her record, “I can’t trust her,” Jo Ash said.': a quote after the comma of the
    writer's opener, its speaker and cue after it closing the sentence, is reported speech whose
    content runs from the opener (as attribution corpora draw it), not a quote of its own; the
    inverted order ("…,” said Jo Ash." / « …», a déclaré X.) stays a quote (see ``_standalone``)."""
    piece: Piece = quote.extras["piece"]
    attribution = quote.attribution
    if attribution is None or attribution.speaker_start <= piece.close_at or \
            "," not in (text[piece.start:piece.end].rstrip()[-1:], text[piece.close_at + 1:piece.close_at + 2]) or \
            re.search(r"\w", text[piece.close_at + 1:attribution.speaker_start]):
        return False
    if not re.match(rf"[^{SENTENCE_MARKS}“”«»\"\n]{{0,60}}?[.!?](?:\s|$)", text[attribution.speaker_end:] + " "):
        return False  # the speaker and cue close the sentence
    line_start = text.rfind("\n", 0, piece.open_at) + 1
    before = text[line_start:piece.open_at].rstrip()
    if not before.endswith(","):
        return False
    start = max(before.rfind(mark) for mark in SENTENCE_MARKS + COLONS + "“”«»\"") + 1
    opener = before[start:-1]
    words = opener.split()
    if not words or len(words) > SETTINGS.quote_reported_opener_words or not words[0][:1].isupper():
        return False
    quote.start = line_start + start + len(opener) - len(opener.lstrip())
    quote.direct, quote.extras["partial"] = False, True
    return True


def _short_opener(before: str) -> bool:
    """The words from the sentence's start to the comma are a short opener ("Pour l'heure",
    "On Monday"): one to three words, no other mark."""
    start = max(before.rfind(mark) for mark in SENTENCE_MARKS + COLONS + "“”«»\"\n") + 1
    words = before[start:].split()
    return 1 <= len(words) <= SETTINGS.quote_opener_words and not any(w in ",;" for w in words)


def _ends_sentence(text: str, at: int) -> bool:
    """The sentence ends right after ``at``: the speaker closes an inverted attribution clause
    ("…», a déclaré Ada Quill."). (Allowing the cue after the speaker too, "…,” Ada Quill said.",
    made PolNeAR's "Like most campaigns, “…,” Strother said." a direct quote, which its gold
    keeps as one reported sentence.)"""
    return text[at:at + 2].lstrip()[:1] in tuple(SENTENCE_MARKS) or not text[at:at + 2].strip()


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
                    len(gap) <= SETTINGS.quote_split_gap or _one_clause(text, attr.speaker_end, gap_end)):
                quote.attribution = attr
                quote.extras["continues"] = True
        previous = quote


def _one_clause(text: str, start: int, end: int) -> bool:
    """'…,” said X, the director of Y, in a statement. “…': from the speaker to the next
    quote is the rest of one attribution clause, so the next quote goes on with the speech."""
    segment = text[start:end]
    return len(segment) <= SETTINGS.quote_previous_window and not re.search(r"[“”«»\"]", segment) and not any(
        m.end() < len(segment.rstrip()) for m in SENTENCE_END.finditer(segment))


def _second_act(text: str, quote: Quote, previous: Quote | None, rule: Rules,
                bodies: Bodies = None) -> Attribution | None:
    """'…maniacal,” adding, “…”', '…,” Lee said on the radio, adding, “…”': a quote opened by a
    participle after the previous quote, in the same sentence, is that quote's speaker's."""
    if previous is None or rule.second_act is None:
        return None
    gap = text[previous.extras["piece"].close_at + 1:quote.extras["piece"].open_at]
    if "\n" in gap or len(gap) > SETTINGS.quote_split_gap or not _opens_second_act(gap, rule):
        return None
    # the previous quote may be a fragment of the speaker's sentence ('X said the plan was “…,”')
    return previous.attribution or _partial_attribution(text, previous, rule, bodies)


def _opens_second_act(gap: str, rule: Rules) -> bool:
    """The words between two quotes end with a participle that opens the second one ("…,” she said,
    adding, “…”); not a participle clause that a full stop closes ('…,” said one member, asking for
    anonymity. “…”'), after which the quote goes on with the speech before."""
    return rule.second_act is not None and rule.second_act.search(gap) is not None \
        and gap.rstrip()[-1:] not in tuple(SENTENCE_MARKS)


def _number_utterances(text: str, quotes: list[Quote], rule: Rules) -> None:
    """Give pieces of one utterance one ``quote_id``: the halves of a split quote, the
    sentences of one speaker quoted back to back in a paragraph, a quote across paragraphs.
    A paragraph that is only a quote, right after one with an attributed quote, continues
    that speaker (the newspaper convention). A participle between two quotes ("…,” she said,
    adding, “…”) opens another utterance of the same speaker, as attribution corpora count it."""
    current, previous = 0, None
    for quote in quotes:
        piece: Piece = quote.extras["piece"]
        same = False
        if previous is not None:
            prev_piece: Piece = previous.extras["piece"]
            gap = text[prev_piece.close_at + 1:piece.open_at]
            same = prev_piece.group == piece.group or quote.extras.get("continues", False) or (
                "\n" not in gap and len(gap) <= SETTINGS.quote_split_gap and (quote.attribution is None or _same_speaker(quote.attribution, previous.attribution)))
            if same and prev_piece.group != piece.group and _opens_second_act(gap, rule):
                same = False  # '…,” she said, adding, “…”': a second speech act, another utterance
            if same and prev_piece.group != piece.group and rule.another_clause is not None and rule.another_clause.search(gap):
                same = False  # '…,” Ebeling said, and her husband cut in. “…”': the writer moved on
            if same and prev_piece.group != piece.group and _cue_colon(gap, rule):
                # '…,” he said, and then predicted: “…”': a cue's colon introduces another utterance
                same = False
            if quote.attribution is None and previous.attribution is not None and not same:
                paragraph_start = text.rfind("\n", 0, piece.open_at) + 1
                # (the attribution clause alone: '…,” Trump added. He then asked the crowd.¶“…”' has
                # another sentence of the writer's before the paragraph ends)
                line_end = prev_piece.close_at + 1 + (gap.find("\n") if "\n" in gap else len(gap))
                attribution_only = not gap.strip() or (
                    len(gap) <= SETTINGS.quote_split_gap and previous.attribution.speaker_start > prev_piece.close_at
                    and _one_clause(text, previous.attribution.speaker_end, line_end))
                if not text[paragraph_start:piece.open_at].strip() and gap.count("\n") >= 1 and attribution_only:
                    quote.attribution = previous.attribution
                    same = True  # the speech goes on: one utterance, as attribution corpora count it
            if not same and _paragraph_goes_on(text, quote, previous, gap):
                same = True
            if same and quote.attribution is None:
                quote.attribution = previous.attribution
        if not same:
            current += 1
        quote.extras["quote_id"] = current
        previous = quote


def _cue_colon(gap: str, rule: Rules) -> bool:
    """The words between two quotes end with a cue and its colon ("and then predicted:"), not
    with any colon ('," by Ada Quill: "')."""
    gap = gap.rstrip()
    return (gap.endswith(tuple(COLONS)) and rule.cue_at_mark is not None
            and rule.cue_at_mark.search(gap[:-1].rstrip() + ",") is not None)


def _paragraph_goes_on(text: str, quote: Quote, previous: Quote, gap: str) -> bool:
    """'“…,” Ada Quill said in an interview.¶“…”': a paragraph that is only a quote, lent the
    speaker of the quote whose attribution closes the paragraph before, goes on with that
    utterance (as the newspaper convention, and attribution corpora, read it)."""
    piece: Piece = quote.extras["piece"]
    prev_piece: Piece = previous.extras["piece"]
    attribution = previous.attribution
    if attribution is None or not _same_speaker(quote.attribution, attribution) or "\n" not in gap:
        return False
    clause = gap[:gap.index("\n")]
    paragraph_end = text.find("\n", piece.close_at)
    after = text[piece.close_at + 1:paragraph_end if paragraph_end >= 0 else len(text)]
    return (prev_piece.close_at < attribution.speaker_start < prev_piece.close_at + 1 + len(clause)
            and not re.search(r"[“”«»\"„]", clause) and len(clause) <= SETTINGS.quote_previous_window
            and not gap[gap.index("\n"):].strip() and not after.strip(" ”»\"’."))


def _trailing_content(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """The sentence that a closing attribution (", according to X.", ", analysts say.") ends:
    from its start to the attribution's comma, when it holds no quote mark."""
    comma = match.start()
    line_start = text.rfind("\n", 0, comma) + 1
    start = max(line_start, comma - SETTINGS.quote_previous_window)
    boundaries = [m.end() for m in SENTENCE_END.finditer(text, start, comma)]
    start = boundaries[-1] if boundaries else line_start
    if start < line_start or comma - start < 12 or re.search(r"[“”«»\"„]", text[start:comma]):
        return None
    if UNCLOSED_SINGLE.search(text, start, comma):
        return None  # "…focus on ‘security, fairness …’, X said": the comma is inside quoted words
    return start, comma


# a single opening mark with no closing one after it (an apostrophe may stand for one)
UNCLOSED_SINGLE = re.compile(r"[‘‹][^’›]*$")


# reported speech is a clause, with a word in lower case (a verb at least, in every cased script);
# capitalised words alone are the addressee of a cue ("told Fox News Sunday")
# (short lower-case words and numbers inside such a name: "told Rest of World", "told Channel 2 News")
ADDRESSEE_ONLY = re.compile(rf"[{UPPER}][\w'’.&-]*(?:[\s,]+(?:[{UPPER}0-9][\w'’.&-]*|[a-z]{{1,3}}(?=\s+[{UPPER}0-9])))*[\s,]*")


def _indirect_quotes(text: str, rule: Rules, marked: list[tuple[int, int]], bodies: Bodies = None,
                     language: str = "") -> list[Quote]:
    found: list[Quote] = []
    matches = [(m, m.span("content")) for pattern in rule.indirect for m in pattern.finditer(text)]
    for pattern in rule.trailing:
        matches.extend((m, span) for m in pattern.finditer(text) if (span := _trailing_content(text, m)))
    for match, (start, end) in matches:
        if any(s < end and start < e for s, e in marked) or any(q.start < end and start < q.end for q in found):
            continue
        if not _names_source(text, match, 0, rule, bodies):
            continue
        attribution = _attribution(match, 0, rule)
        if _passive(text, attribution, rule):
            continue
        start = _past_description(text, attribution, start, end, language)
        while end > start and text[end - 1] in ".!?":
            end -= 1
        relayed = rule.nested_source.search(text, start, end) if rule.nested_source is not None else None
        if relayed:
            # "…told reporters, according to the Courier": the source that relays the words is none of
            # them; "X said, according to the Courier.": nothing was reported
            end = relayed.start()
            if len(text[start:end].split()) < 2:
                continue
        opened = start
        start = _past_adjunct(text, match, start, end, rule)
        if start >= end:
            continue  # "X said in a statement.": how it was said, not what
        attribution.cue = _cue_verb(attribution.cue, rule)
        start = _past_addressee(text, attribution, start, end, rule)
        if start >= end:
            continue  # "X told her to leave": an order, not what was said
        if start == opened and _attribution_tail(text, match, attribution, start, marked):
            continue  # '“…,” she told the Ledger in 2006.': to whom and when the quote before was said
        if ADDRESSEE_ONLY.fullmatch(text, start, end):
            continue  # "X told Fox News Sunday.": whom it was said to, not what was said
        if _inverted_after_comma(text, match, start):
            continue  # "…that Sanders can catch Clinton, said Steve Elmendorf, a strategist.": the cue's subject follows it
        found.append(Quote(start, end, False, attribution))
    return found


def _attribution_tail(text: str, match: re.Match[str], attribution: Attribution, start: int,
                      marked: list[tuple[int, int]]) -> bool:
    """Whether the words after a cue close the attribution of the quote marked right before its
    speaker, in the same sentence ('“…,” she told the Ledger in 2006.', '“…,” he said in an article
    on June 2.'): no clause word ("that") nor subject opens them, and no participle (", adding that
    …") follows the cue; they say to whom, where or when the marked words were said, not what."""
    cue_end = match.end("cue") if match.groupdict().get("cue") is not None else start
    if text[cue_end:start].strip() or text[start:start + 1] == ",":
        return False
    return any(CLOSED_WITH_COMMA.fullmatch(text, end - 2, attribution.speaker_start) for _, end in marked if end >= 2)


# a quote's closing mark with the comma that joins it to its attribution, inside or outside the marks
CLOSED_WITH_COMMA = re.compile(r"(?:,[”\"»’]|.[”\"»’]\s*,)\s*")


def _past_addressee(text: str, attribution: Attribution, start: int, end: int, rule: Rules) -> int:
    """Reported content after a cue that names whom it was said to ("told the Ledger that …", "told
    reporters she …") starts after that addressee; ``end`` where the cue gives an order ("told her
    to …"); else ``start``."""
    if rule.addressee is None or (attribution.cue or "").lower() not in rule.addressee_cues:
        return start
    found = rule.addressee.match(text, start, end)
    if found is None:
        return start
    return end if found.group("order") else found.end()


def _past_description(text: str, attribution: Attribution, start: int, end: int, language: str) -> int:
    """Reported content that the source's comma seemed to open but that begins with the source's
    own appositive (« Según confirmó a Efe Ana Roca, directora del hospital, no quedan camas »): it
    starts after the appositive's comma; else ``start``."""
    if attribution.kind != "name" or text[attribution.speaker_end:start].strip() != ",":
        return start
    described_end = describe(text, attribution.speaker_start, attribution.speaker_end, language)[1]
    comma = COMMA_THEN.match(text, described_end) if start < described_end < end else None
    return comma.end() if comma and _opens_with_role(text[start:described_end], language) else start


def _opens_with_role(words: str, language: str) -> bool:
    """Whether a title or role of the language stands among the first words (a determiner and an
    adjective may come first: "a senior spokeswoman for …"), as an appositive's do."""
    rule = description_rules(language)
    return rule is not None and any(rule.role.match(word) for word in re.findall(r"[\w'’-]+", words)[:SETTINGS.quote_role_words])


COMMA_THEN = re.compile(r"\s*,\s*")


def _past_adjunct(text: str, match: re.Match[str], start: int, end: int, rule: Rules) -> int:
    """Reported content that opens right after its cue with a phrase of manner, medium, time or
    place and the clause word ("said in a statement that …") starts after them; ``end`` when the
    phrase is all there is ("said in a statement."). Where no clause word follows the phrase
    ("said on Monday the plan …", "said at the Council of Foreign Relations in …") the content is
    left as it is: the phrase's end is not known for sure."""
    if rule.adjunct is None or match.groupdict().get("cue") is None or text[match.end("cue"):start].strip():
        return start
    phrase = rule.adjunct.match(text, start, end)
    if phrase is None:
        return start
    if not text[phrase.end():end].strip(" ,"):
        return end
    return phrase.end() if phrase.group("clause") else start


# a name and its comma opening what follows a cue: the cue's own subject ("said Ada Quill, …")
CUE_SUBJECT = re.compile(NAME_THEN_COMMA)


def _inverted_after_comma(text: str, match: re.Match[str], start: int) -> bool:
    """A cue right after the comma that closes the writer's clause, then a name and its comma:
    the name is the cue's subject (an inverted attribution), not the start of reported speech."""
    groups = match.groupdict()
    if groups.get("cue") is None or groups.get("speaker") is None or text[match.end("cue"):start].strip():
        return False
    between = text[match.end("speaker"):match.start("cue")]
    return between.strip() == "," and CUE_SUBJECT.match(text, start) is not None


def _cue_verb(cue: str | None, rule: Rules) -> str | None:
    """"said in a statement that" is the cue "said": the phrase inside the cue and what follows it
    go (the reported content starts after them)."""
    inside = rule.adjunct.search(cue, 1) if rule.adjunct is not None and cue else None
    if cue and inside and cue[inside.start() - 1].isspace():
        return cue[:inside.start()].rstrip(" ,")
    return cue


def _cue_gender(article: Article, attribution: Attribution, rule: Rules | None) -> str | None:
    """The gender or number the cue marks for its speaker: a gendered verb form ("сказала"), or the
    verb's number where the pronoun is "she" or "they" by it (German "sagte sie" / "sagten sie"), or
    where a title's determiner is (``determiner_number_gender``: „sagte die Forscherin“ / „sagten die Forscher“)."""
    gendered = rule.cue_gender.get((attribution.cue or "").lower()) if rule else None
    if gendered or attribution.kind not in ("pronoun", "title"):
        return gendered
    # a title's determiner marks them as a pronoun does („sagte der Forscher“: m; „sagte die 39-Jährige“: f)
    words = article.text[attribution.speaker_start:attribution.speaker_end].split()
    return speakers.cue_number_gender(article.language or "", words[0], attribution.cue) if words else None


def _person_before_body(article: Article, attribution: Attribution, rule: Rules | None) -> Attribution:
    """A named speaker that is the body a person found by the entities stage belongs to, right after
    that person and a word of ``person_body_links`` ("Lt. Jo Pell of Operation Safe Streets, the gang
    unit, said", "the Rev. Jo Pell of the Wasilla Bible Church said"): the person speaks."""
    link = rule.person_body_link if rule else None
    if link is None or attribution.kind != "name" or not article.entities:
        return attribution
    for entity in article.entities:
        if entity.label == "PER" and entity.end < attribution.speaker_start \
                and link.fullmatch(article.text, entity.end, attribution.speaker_start):
            return Attribution(entity.start, entity.end, attribution.cue, "name")
        # (the mention may hold the person already: "Gov. Jo Pell of Tarn" as one capitalised owner)
        inside = attribution.speaker_start <= entity.start and entity.end < attribution.speaker_end
        if entity.label == "PER" and inside and link.match(article.text, entity.end, attribution.speaker_end):
            return Attribution(entity.start, entity.end, attribution.cue, "name")
    return attribution


def _whole_body(article: Article, attribution: Attribution) -> Attribution:
    """A named speaker cut inside the name of a body the entities stage found ("the University" of
    "the University of Leeds said", "the Bank" of "the Bank of Tonga said"): the speaker runs to the
    name's end, so that the body speaks, not the place its name holds."""
    if attribution.kind != "name":
        return attribution
    for entity in article.entities:
        if entity.label == "ORG" and attribution.speaker_start <= entity.start < attribution.speaker_end < entity.end \
                and article.text[attribution.speaker_end:attribution.speaker_end + 1].isspace():
            return Attribution(attribution.speaker_start, entity.end, attribution.cue, "name")
    return attribution


def quote_records(article: Article, quotes: list[Quote]) -> list[model.Quote]:
    rule = rules(article.language or "")
    # (new quotes: the caller's keep the attributions it found)
    quotes = [_with_whole_speaker(article, quote, rule) for quote in quotes]
    named = [(q.attribution.speaker_start, q.attribution.speaker_end,
              rule.cue_gender.get((q.attribution.cue or "").lower()) if rule else None)
             for q in quotes if q.attribution and q.attribution.kind == "name"]
    people = speakers.persons(article, named)
    neuter = rule.neuter if rule else frozenset()
    quoted = [(q.start, q.end) for q in quotes if q.direct]
    result = []
    for quote in quotes:
        attribution = quote.attribution
        speaker = name = entity_id = cue = description = None
        if attribution:
            span = (attribution.speaker_start, attribution.speaker_end)
            # a pro-drop cue ("», dijo.") has no speaker mention, only the person it refers to
            speaker = article.span(*span) if span[1] > span[0] else None
            if speaker is not None and attribution.kind not in ("pronoun", "relative"):
                wide = _before_cue(article.text, span, describe(article.text, *span, article.language or ""), attribution.cue)
                description = article.span(*wide) if wide != span else None
            name, entity_id = speakers.resolve(article, span, attribution.kind, people, quoted, neuter,
                                               _cue_gender(article, attribution, rule))
            cue = attribution.cue
        result.append(model.Quote(
            **article.span(quote.start, quote.end).offsets(),
            speaker=speaker, speaker_name=name, speaker_entity_id=entity_id, cue=cue, direct=quote.direct,
            # verbatim words inside the writer's sentence (PolNeAR's "partial quote")
            partial=bool(quote.extras.get("partial")),
            quote_id=quote.extras.get("quote_id"),  # pieces of one utterance share it
            speaker_description=description,
        ))
    return result


def _with_whole_speaker(article: Article, quote: Quote, rule: Rules | None) -> Quote:
    """The quote with its speaker widened to the person of a body or to a body's whole name (see
    :func:`_person_before_body`, :func:`_whole_body`)."""
    if quote.attribution is None:
        return quote
    return replace(quote, attribution=_whole_body(article, _person_before_body(article, quote.attribution, rule)))


def _before_cue(text: str, span: tuple[int, int], wide: tuple[int, int], cue: str | None) -> tuple[int, int]:
    """The description, cut at the speaker's end where the cue follows the speaker's comma: in „ein
    Schreiben der Hafenbehörde, in dem es hieß:“ the clause after the comma is the cue, no appositive."""
    after = text[span[1]:wide[1]].lstrip(" ,")
    return (wide[0], span[1]) if cue and wide[1] > span[1] and after.lower().startswith(cue.lower()) else wide


def annotate_quotes(articles: list[Article]) -> None:
    found = {id(article): find_quotes(article) for article in articles}
    # A parse is needed only to resolve pronoun and title speakers when no entities exist, and
    # only where a spaCy model finds persons (a blank pipeline finds none; for ja/zh it may not
    # even load): elsewhere the article's named speakers stand in for its persons.
    needing_parse = [a for a in articles if not a.entities and nlp.ner_backend(a.language) == "spacy" and any(
        q.attribution and q.attribution.kind != "name" for q in found[id(a)])]
    if needing_parse:
        nlp.parse_batch(needing_parse)
    for article in articles:
        article.quotes = quote_records(article, found[id(article)])
