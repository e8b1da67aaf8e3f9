"""Who a quote's speaker mention is: the full name, its canonical entity id, and for pronouns
and titles the nearest earlier person that the mention can refer to.

* People come from ``article.entities`` (label PER) when the entities stage has run, else from
  the spaCy parse's PERSON/PER entities.
* A pronoun agrees with its person in gender and number where the language marks them
  (``pronoun_gender`` in ``lang/<iso>/quotes.toml``: "she" skips a man named just before,
  "they" names no single person). Where one pronoun stands for both a person and a group (German
  "sie": she or they), the cue's number tells which (``pronoun_number_gender`` and ``plural_cue``:
  "sagte sie" is she, "sagten sie" they). A person's gender is read from the text only: an honorific
  or a gendered title right before the name ("Mrs.", "Mme", "Frau", "la ministre") or in its
  appositive (", a spokeswoman for"), listed as ``gender_markers``; it is shared by every
  mention of the same entity. Where the text marks nothing, a full name's given name does when
  Faker's locales list it for one gender only (``given_names.given_name_gender``).
* A described speaker that opens on an indefinite article („eine Polizeisprecherin“) is someone the
  text brings in, never a person named before.
* A name inside an earlier person's description ("Jo Ash, a neighbour of Tom Lee, stood …") is no
  antecedent of a later pronoun: the described subject is.
* Where the language's parse shows it (``subject_labels``), a pronoun refers to the grammatical
  subject of the sentence before, not to a nearer name in that sentence's object or subordinate
  clause ("Ash attacked the plan of Tom Lee. “…,” he said." is Ash's), following a chain of subject
  pronouns back to a name; a subject between a person the text marks with the pronoun's gender and
  the pronoun beats that person.
* The speaker links to the canonical entity: the id of an entity (person, organisation, place)
  that the speaker mention overlaps, else of the person it resolves to, else of a known alias
  (``lang/*/entities.toml``) that the mention names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsweave import lang
from newsweave.annotate import nlp
from newsweave.annotate.canonical import alias_of
from newsweave.annotate.given_names import given_name_gender, given_names
from newsweave.annotate.name_repeats import lowercase_words
from newsweave.annotate.quote_rules import NAME_THEN_COMMA
from newsweave.annotate.speaker_extent import describe, description_rules
from newsweave.model import Article, Entity
from newsweave.annotate.settings import SETTINGS

PERSON_LABELS = {"PER", "PERSON"}
# the universal parts of speech that head a verbless sentence ("A broadside against the plan.")
NOUN_HEADS = frozenset({"NOUN", "PRON", "NUM"})
SENTENCE_ENDS = ".!?…"


@dataclass
class Person:
    start: int
    end: int
    name: str
    entity_id: str | None
    gender: str | None = None  # "m", "f" or None when the text does not say
    speaks: bool = False  # a quote of the article names it as its speaker
    mention_only: bool = False  # no entity: a speaker mention taken for a person


@dataclass(frozen=True)
class Agreement:
    pronoun_gender: dict[str, str]
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    markers: dict[str, str]
    # a pronoun whose gender and number only its verb's number tells: pronoun → {"singular": …, "plural": …}
    number_gender: dict[str, dict[str, str]] = field(default_factory=dict)
    plural_cue: re.Pattern[str] | None = None
    # the parser's dependency labels of a clause's subject ("nsubj"); none where the language has no parser
    subject_labels: frozenset[str] = frozenset()
    # the label of a subordinating word on its verb ("mark"): a clause that has one before its subject is no main one
    subordinate_labels: frozenset[str] = frozenset()
    # word endings that mark a noun of a person's gender („Polizeisprecherin“: f), as the markers do
    suffixes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # a marker and the name it marks, anywhere in a text (``before`` with the name's word instead of its ``$``)
    marked_name: re.Pattern[str] | None = None
    # pronouns that stand for anyone (« on dit que … »): they name no person, before them or elsewhere
    indefinite: frozenset[str] = frozenset()
    # a pronoun speaker may be the described subject ("A spokeswoman … said") of the sentence before
    # (``described_subject_pronouns``: the language's parse draws that subject reliably)
    described_subjects: bool = False


@cache
def agreement(language: str) -> Agreement:
    data = lang.load(language, "quotes")
    pronouns = {word.lower(): gender for word, gender in data.get("pronoun_gender", {}).items()}
    markers = {word.lower(): gender for gender, words in data.get("gender_markers", {}).items() for word in words}
    number_gender = {word.lower(): forms for key in ("pronoun_number_gender", "determiner_number_gender")
                     for word, forms in data.get(key, {}).items()}
    plural_cue = re.compile(data["plural_cue"], re.I) if "plural_cue" in data else None
    subjects = frozenset(data.get("subject_labels", ()))
    subordinate = frozenset(data.get("subordinate_labels", ()))
    suffixes = {gender: tuple(ends) for gender, ends in data.get("gender_suffixes", {}).items()}
    indefinite = frozenset(word.lower() for word in data.get("indefinite_pronouns", ()))
    described = bool(data.get("described_subject_pronouns", False))
    if not markers:
        return Agreement(pronouns, None, None, {}, number_gender, plural_cue, subjects, subordinate, indefinite=indefinite,
                         described_subjects=described)
    alternatives = "|".join([re.escape(word) for word in sorted(markers, key=len, reverse=True)]
                            + [rf"(?-i:[A-ZÀ-Þ])\w*(?:{'|'.join(map(re.escape, ends))})" for ends in suffixes.values()])
    # the marker right before the name, or before a capitalised word or two of it ("Mrs. Hillary")
    marked = (rf"(?:^|(?<=[^\w.]))(?P<marker>{alternatives})(?:(?<=\.)|\b)\s*"
              rf"(?-i:[A-ZÀ-ÞА-ЯЁІЇЄҐ][\w'’.-]*\s+){{0,2}}")
    before = re.compile(rf"{marked}$", re.I)
    marked_name = re.compile(rf"{marked}(?P<name>(?-i:[A-ZÀ-ÞА-ЯЁІЇЄҐ])[\w'’-]*)", re.I)
    after = re.compile(rf"^\s*,\s+(?:[\w'’-]+\s+){{0,4}}?(?P<marker>{alternatives})\b", re.I)
    return Agreement(pronouns, before, after, markers, number_gender, plural_cue, subjects, subordinate, suffixes,
                     marked_name, indefinite, described)


def cue_number_gender(language: str, pronoun: str, cue: str | None) -> str | None:
    """The gender or number ("f", "p") of a pronoun that only its cue's number marks: German
    "„…“, sagte sie" is one woman, "„…“, sagten sie" a group; None for any other pronoun."""
    rule = agreement(language)
    forms = rule.number_gender.get(pronoun.lower())
    verb = (cue or "").split()
    if not forms or not verb or rule.plural_cue is None:
        return None
    return forms.get("plural" if rule.plural_cue.search(verb[0]) else "singular")


def persons(article: Article, named: list[tuple[int, int, str | None]] | None = None) -> list[Person]:
    """Every person mention, with the gender its context shows. ``named``: the spans of the
    article's speakers given by name; where no entity covers one (a language without a NER
    model, or no parse), it counts as a person, so that "she" can refer to it, with the gender
    its cue marks ("сказал": m), if any."""
    found = [Person(e.start, e.end, e.canonical or e.text, e.entity_id)
             for e in article.entities if e.label in PERSON_LABELS]
    if not found:
        doc = article.work.doc
        if doc is not None:
            found = [Person(ent.start_char, ent.end_char, ent.text, None) for ent in doc.ents
                     if ent.label_ in PERSON_LABELS]
    for start, end, gender in named or []:
        start = _appositive_name(article.text, start, end)
        inside = [p for p in found if p.start < end and start < p.end]
        speaking = mention_heads(article, (start, end), inside)
        if end > start and not inside:
            found.append(Person(start, end, article.text[start:end], None, gender, speaks=True, mention_only=True))
        for person in speaking:
            person.speaks = True
    found.sort(key=lambda p: (p.start, p.end))
    _read_genders(article.text, found, agreement(article.language or ""))
    _part_other_gender(article.text, found)
    return found


def _part_other_gender(text: str, people: list[Person]) -> None:
    """A surname the entities stage linked to a full name, where the text shows the two to be of
    other genders ("Mme Delorme" after "M. Louis Delorme": his wife), is someone else, named by its own
    words (a mention that holds the given name, or not the surname, is left as the stage linked it)."""
    first: dict[str, Person] = {}
    for person in people:
        seen = first.setdefault(_key(person), person)
        words, mention = seen.name.split(), text[person.start:person.end].split()
        if person.gender and seen.gender and person.gender != seen.gender and len(words) > 1 \
                and words[-1] in mention and words[0] not in mention:
            person.name, person.entity_id = text[person.start:person.end], None


def _appositive_name(text: str, start: int, end: int) -> int:
    """Where the name of "la ministra de Sanidad, Carmen Ruiz" starts: after the last comma
    when a capitalised word follows it, else the mention's start."""
    comma = text.rfind(",", start, end)
    if comma < 0:
        return start
    at = comma + 1
    while at < end and text[at].isspace():
        at += 1
    return at if text[at:at + 1].isupper() else start


def _read_genders(text: str, people: list[Person], rule: Agreement) -> None:
    if rule.before is None or rule.after is None:
        return
    # where the text marks nothing, a full name's given name may ("Jonas Albrecht": m); read after
    # the markers, which win, and shared with the person's other mentions ("Albrecht")
    given: dict[str, str] = {}
    for person in people:
        gender = given_name_gender(person.name)
        if gender:
            given.setdefault(_key(person), gender)
    known: dict[str, str] = {}
    for person in people:
        gender = marker_gender(text[max(0, person.start - SETTINGS.speaker_marker_before):person.start], rule, rule.before)
        gender = gender or _appositive_gender(text, person, people, rule)
        # a speaker mention that holds its own honorific or title ("Frau Petra Lang", "Bundeskanzlerin Anna Berger")
        gender = gender or _title_gender(text[person.start:person.end], rule)
        if gender:
            person.gender = gender
            known.setdefault(_key(person), gender)
    written = _marked_names(text, rule) if any(p.mention_only for p in people) else {}
    for person in people:
        person.gender = (person.gender or known.get(_key(person)) or given.get(_key(person))
                         or (written.get(_key(person)) if person.mention_only else None))


def _marked_names(text: str, rule: Agreement) -> dict[str, str]:
    """The gender a marker gives a name anywhere in the text, by the name's last word („ihr Mann Quirin“:
    Quirin m): for a speaker that no entity covers, whose other mentions are no persons to read it from."""
    if rule.marked_name is None:
        return {}
    found: dict[str, str] = {}
    for match in rule.marked_name.finditer(text):
        gender = _word_gender(match.group("marker"), rule)
        if gender:
            found.setdefault(match.group("name"), gender)
    return found


def _appositive_gender(text: str, person: Person, people: list[Person], rule: Agreement) -> str | None:
    """The gender a title in the appositive after the name marks (", la portavoz del grupo"), unless
    the appositive introduces the next name: in "En Villaseca, la teniente de alcalde, Ana Roca,"
    the title is Ana Roca's, not the town's."""
    window = text[person.end:person.end + SETTINGS.speaker_marker_after]
    match = rule.after.search(window) if rule.after is not None else None
    comma = window.find(",", match.end()) if match else -1
    if comma >= 0:
        following = person.end + comma + 1
        following += len(text[following:following + 3]) - len(text[following:following + 3].lstrip())
        if any(other.start == following for other in people):
            return None
    return _word_gender(match.group("marker"), rule) if match else None


def marker_gender(window: str, rule: Agreement, pattern: re.Pattern[str] | None) -> str | None:
    match = pattern.search(window) if pattern is not None else None
    return _word_gender(match.group("marker"), rule) if match else None


def _word_gender(word: str, rule: Agreement) -> str | None:
    """The gender a marker word shows: listed, or by its ending (``gender_suffixes``: „Lehrerin“)."""
    listed = rule.markers.get(word.lower())
    if listed or not word[:1].isupper():
        return listed
    return next((gender for gender, ends in rule.suffixes.items() if word.lower().endswith(ends)), None)


def _key(person: Person) -> str:
    return person.entity_id or (person.name.split()[-1] if person.name.split() else person.name)


def resolve(article: Article, span: tuple[int, int], kind: str, people: list[Person],
            quoted: list[tuple[int, int]], neuter: frozenset[str], cue_gender: str | None = None
            ) -> tuple[str | None, str | None]:
    """The full name and entity id the speaker mention at ``span`` refers to (``kind``: name,
    pronoun, title, relative, described). ``cue_gender``: the gender a verb form marks ("сказала"), for
    a speaker left out by a pro-drop language."""
    name, entity_id = _resolve(article, span, kind, people, quoted, neuter, cue_gender)
    if entity_id is None and name is not None and kind not in ("pronoun", "described"):
        entity_id = _entity_named(article, span, article.text[span[0]:span[1]])
    return name, entity_id


def _resolve(article: Article, span: tuple[int, int], kind: str, people: list[Person],
             quoted: list[tuple[int, int]], neuter: frozenset[str], cue_gender: str | None
             ) -> tuple[str | None, str | None]:
    text = article.text[span[0]:span[1]]
    closing = _entity_after_verb(article, span) if kind == "name" else None
    if closing is not None:
        return closing.canonical or closing.text, closing.entity_id
    outside = [p for p in people if not any(s <= p.start < e for s, e in quoted)]
    overlapping = [p for p in outside if p.start < span[1] and span[0] < p.end and span[1] > span[0]]
    complements = _title_complements(article, span, overlapping)
    # (the name closes the title's phrase: "el director de Tarel (Zona Norte) Rosa Galán")
    overlapping = [p for p in overlapping if p not in complements][-1:] if complements else overlapping
    if complements and not overlapping:
        kind = "title"  # "el ministro de Salud Pública": a title and the body it heads, no name
    heads = mention_heads(article, span, overlapping)
    if overlapping and not heads:
        return text, None  # "Merkel’s allies", "an aide to Governor Roe": a person the mention only names
    overlapping = heads
    introduced = _introduced_after(article, span, outside) if kind == "name" else None
    if introduced is not None:
        return _longest_form(introduced, outside, article.language)
    # "le commandant des secours, le lieutenant-colonel Marc Aubry": the name right after
    named_after = [p for p in outside if span[1] > span[0] and 0 <= p.start - span[1] <= 45 and re.fullmatch(
        r",\s*(?:[\w'’-]+\s+){0,2}", article.text[span[1]:p.start])
        and not _opens_clause(article.language or "", article.text[span[1]:p.start])]
    # a speaker mention that no entity covers ("la presidenta de la Cámara") gives way to the name of
    # its appositive, closed by its comma (", la demócrata Ana Roca,")
    closed = [p for p in named_after if re.match(r"\s*,", article.text[p.end:p.end + 3])] if _title_phrase(article, text) else []
    if overlapping and not (closed and all(p.mention_only for p in overlapping)):
        return _longest_form(_appositive_person(article.text, span, overlapping), outside, article.language)
    if named_after:
        return _longest_form(named_after[0], outside, article.language)
    if kind == "relative":
        return _antecedent(article, span, outside)
    if kind == "described":
        # "a spokeswoman for YouTube", « le fromager de Montbrisac »: the phrase is all the text says of them
        return text, None
    if kind == "title" and _indefinite(text, article.language or ""):
        return text, None  # „eine Polizeisprecherin“, "a spokesman": someone new, not a person named before
    if kind == "name":
        # "la ministra de Sanidad, Carmen Ruiz" / "the mayor, Vitali Klitschko": the name is the appositive's
        text = text.rsplit(",", 1)[-1].strip() if "," in text and text.rsplit(",", 1)[-1].strip()[:1].isupper() else text
        last = text.split()[-1] if text.split() else text
        earlier = [p for p in outside if p.end <= span[0] and last in p.name.split()]
        if earlier:
            return earlier[-1].name, earlier[-1].entity_id
        return text, _entity_named(article, span, text)
    if text.lower() in neuter:
        return None, _entity_named(article, span, text)  # "it said": an organisation or a document
    rule = agreement(article.language or "")
    if kind == "pronoun" and text.lower() in rule.indefinite:
        return None, None  # « On dit que … », « l'on assure que … »: anyone, not the person named last
    gender = rule.pronoun_gender.get(text.lower()) if kind == "pronoun" else (
        marker_gender(text, rule, rule.before) or _title_gender(text, rule))
    gender = gender or cue_gender
    if gender == "p":
        return None, None  # "they", "ils": a group, no single person
    before = [p for p in outside if p.end <= span[0] and (gender is None or p.gender in (None, gender))]
    described = _described_subject_before(article, span, gender, outside) if kind == "pronoun" else None
    if described is not None:
        return described, None
    subject = _title_subject_before(article, span, quoted) if kind == "pronoun" and span[0] == span[1] else None
    titled_subject = _same_title(article, subject, before) if subject else None
    if titled_subject is not None:
        return _longest_form(titled_subject, outside, article.language)
    guessed = kind == "title" and _persons_guessed(article.language)
    titled = _same_title(article, text, before) if kind == "title" else None
    if titled is not None:
        return _longest_form(titled, outside, article.language)
    if kind == "title" and _role_bound(article.language or "", text) and not _speaking_person(before[-1:]):
        # "the store manager" after the suspect's name: a role the text gave no one is the described
        # speaker's own; the nearest person goes on speaking only where a quote already named them (not a
        # speaker mention no entity covers: "a memo seen by Reuters")
        return text, None
    # a person the text marks with the pronoun's gender, close by, beats a nearer one it says nothing of
    marked = [p for p in before if gender is not None and p.gender == gender and span[0] - p.end <= SETTINGS.speaker_agreement_reach]
    marked = marked or _known_humans(span, kind, gender, before, guessed)
    # where persons are guessed from capitalised words, a title refers to no run the text never shows to be a person
    candidates = marked or ([] if guessed else before)
    if kind == "title" and candidates and _titled_otherwise(article, text, candidates[-1]):
        return text, None  # „der FDP-Chef“ after „CSU-Chef Jonas Brenner“: a third person, whom the text does not name
    if candidates:
        person = _described_by(article, candidates[-1], candidates)
        if kind == "pronoun":
            person = _subject_between(article, span[0], person, before) or person
            person = _previous_subject(article, span[0], person, candidates, gender)
        return _longest_form(person, outside, article.language)
    return (None, None) if kind == "pronoun" else (text, None)


def _title_subject_pattern(language: str) -> re.Pattern[str] | None:
    """A sentence's subject made of a determiner and a title, then its lower-case verb ("El consejero
    ha lanzado …"; group "title"); None where the language lists no titles or determiners."""
    determiners, titles = _quote_words("determiners", language), _quote_words("titles", language)
    if not determiners or not titles:
        return None
    return _compiled_title_subject(tuple(sorted(determiners)), tuple(sorted(titles)))


@cache
def _compiled_title_subject(determiners: tuple[str, ...], titles: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?P<title>(?:{'|'.join(map(re.escape, determiners))})\s+(?:{'|'.join(map(re.escape, titles))})\b)"
                      rf"(?:\s+(?-i:[a-zà-ÿ])[\w'’-]*){{0,2}}?\s+(?-i:[a-zà-ÿ])", re.I)


def _title_subject_before(article: Article, span: tuple[int, int], quoted: list[tuple[int, int]]) -> str | None:
    """The title that is the subject of the sentence right before the quote a dropped subject's
    cue closes (« El consejero ha lanzado un aviso: … “…”, ha insistido. »: "El consejero"), where
    that quote opens a sentence of its paragraph; else None."""
    quote = next((q for q in reversed(quoted) if q[1] <= span[0]), None)
    pattern = _title_subject_pattern(article.language or "")
    if quote is None or pattern is None or SENTENCE_GAP.fullmatch(article.text, quote[1], span[0]) is None:
        return None
    text = article.text
    paragraph = text.rfind("\n", 0, quote[0]) + 1
    before = text[paragraph:quote[0] - 1].rstrip()
    if not before or before[-1] not in SENTENCE_ENDS + "”»\"":
        return None
    opening = max((m.end() for m in SENTENCE_BREAK.finditer(before, 0, len(before) - 1)), default=0)
    match = pattern.match(before, opening)
    return match.group("title") if match else None


# from a quote's end to the end of its cue: the closing mark, the comma and the cue's one or two
# words (« “…”, ha insistido »)
SENTENCE_GAP = re.compile(r"[”»\"]?\s*,\s*(?:\w+\s+)?\w+")
# a sentence's end inside a paragraph, after a closing mark maybe
SENTENCE_BREAK = re.compile(r"[.!?…][”»\"]?\s+")


def _entity_after_verb(article: Article, span: tuple[int, int]) -> Entity | None:
    """The organisation that closes a speaker mention opened by a verb alone (lower-case words, no
    determiner or particle), which the source pattern took along (« según informa Europa Press », « según
    ha informado Diario Sur »); else None (a person there is read with its longer forms: "portavoz Ash")."""
    text = article.text
    language = article.language or ""
    # (no determiner or particle among them: "el alcalde de Villaseca" is a title and its complement)
    phrase_words = _quote_words("determiners", language) | _quote_words("name_particles", language)
    for entity in article.entities:
        before = text[span[0]:entity.start] if entity.end == span[1] and span[0] < entity.start else ""
        if (entity.label == "ORG" and before.islower() and len(before.split()) <= SETTINGS.speaker_source_verb_words
                and not any(word in phrase_words for word in _words(before))):
            return entity
    return None


def _indefinite(mention: str, language: str) -> bool:
    """Whether a described speaker opens on an indefinite article (``indefinite_articles`` in
    ``lang/<iso>/quotes.toml``): the text brings in someone it has not named."""
    words = mention.split()
    return bool(words) and words[0].lower() in _quote_words("indefinite_articles", language)


# where the writer's clause before a name begins: a sentence's end or a quote's mark (in "“… a un
# senador”, dijo el jueves" the title is the quote's, not the writer's)
CLAUSE_BREAK = re.compile(r"[.!?;:\n“”«»\"„]")
# the rest of an appositive after a speaker mention, up to the comma before the next name (", la teniente de alcalde, ")
APPOSITIVE_REST = re.compile(r",\s*[^,.;:!?\n“”«»\"]{1,60}?,\s*")
COMMA_AFTER = re.compile(r",\s*")


def _introduced_after(article: Article, span: tuple[int, int], people: list[Person]) -> Person | None:
    """The person a title introduces after the speaker mention: in "En Villaseca, la teniente de
    alcalde, Ana Roca, aseguró que" or "La directora del museo de Villaseca, Ana Roca, dijo que" the
    mention stops at a place or a body, and the name between the next commas speaks. Only where a
    title of the language stands in the clause before that name and the mention itself holds none;
    else None."""
    text = article.text
    language = article.language or ""
    if _title_word(language, text[span[0]:span[1]]) is not None:
        return None
    clause = CLAUSE_BREAK.split(text[max(0, span[0] - SETTINGS.speaker_marker_before):span[0]])[-1]
    for pattern in (COMMA_AFTER, APPOSITIVE_REST):
        match = pattern.match(text, span[1])
        person = next((p for p in people if match and p.start == match.end() > span[1]), None)
        if (person is not None and re.match(r"\s*,", text[person.end:person.end + 3])
                and _title_word(language, clause + text[span[1]:person.start]) is not None):
            return person
    return None


def _previous_subject(article: Article, pronoun_start: int, person: Person, candidates: list[Person],
                      gender: str | None) -> Person:
    """The subject of the sentence that names ``person`` (of its last main clause that has one), where
    the parse shows one among the candidates: after "Macron attacked the party of Jean-Luc Mélenchon."
    a later "he said" is Macron's, the nearer name standing in the object. Where that subject is itself a pronoun that agrees ("He
    thanked Jo Ash."), the sentence's other names are passed over and the person before it is sought
    the same way. Else ``person``: no parse, the pronoun's own sentence, or a subject that names no one
    ("The court heard Jo Ash.")."""
    doc = article.work.doc
    rule = agreement(article.language or "")
    labels = rule.subject_labels
    if doc is None or not labels:
        return person
    for _ in range(SETTINGS.speaker_subject_sentences):
        sentence = _sentence_of(doc, person)
        if sentence is None or sentence.end_char > pronoun_start:
            return person
        subjects = _main_subjects(sentence, rule)
        named = _person_of_last_subject(subjects, candidates)
        if named is not None:
            return named
        # the subject of a clause of its own ("…», juge Mme Binet."): no name in an object
        if any(t.dep_ in labels for t in sentence if person.start <= t.idx < person.end):
            return person
        # (a pronoun subject after the name refers to it: "Jo Ash won, and to her surprise she wept.")
        if not any(_agrees(t.lower_, article.language or "", gender) and t.idx < person.start for t in subjects) \
                and not _verbless_around(sentence, person, labels):
            return person
        earlier = [c for c in candidates if c.end <= sentence.start_char]
        if not earlier:
            return person
        person = _described_by(article, earlier[-1], earlier)
    return person


def _described_subject_before(article: Article, span: tuple[int, int], gender: str | None,
                              people: list[Person]) -> str | None:
    """The described subject of the sentence right before a pronoun speaker's, where it brings someone
    new in with an indefinite article (``indefinite_articles``, ``described_subject_pronouns``: "A
    spokeswoman for the operator said drivers were hired. “…,” she said."): the pronoun is that
    person's, not the person named before. None where the switch is off, without a parse, where that
    subject's verb is no cue of the language, where it names a person or its words mark another gender."""
    language = article.language or ""
    doc = article.work.doc
    rule = agreement(language)
    if doc is None or not rule.subject_labels or not rule.described_subjects:
        return None
    own = doc.char_span(span[0], max(span[1], span[0] + 1), alignment_mode="expand")
    if own is None or not len(own) or own.sent.start == 0:
        return None
    previous = doc[own.sent.start - 1].sent
    subjects = _main_subjects(previous, rule)
    if not subjects:
        return None
    head = subjects[-1]
    # (a speech verb's subject, one who spoke already: not "A borewell was drilled", "a field he believes")
    if head.head.lower_ not in _quote_words("cues", language):
        return None
    words = doc[head.left_edge.i:head.right_edge.i + 1]
    text = words.text
    if not _indefinite(text, language) or any(p.start < words.end_char and words.start_char < p.end for p in people):
        return None
    marked = _title_gender(text, rule)
    return text if gender is None or marked in (None, gender) else None


def _verbless_around(sentence: Any, person: Person, labels: frozenset[str]) -> bool:
    """A sentence headed by a noun, with no subject anywhere, whose head word is no part of
    ``person``'s name ("Une charge dirigée contre le projet de Louis Perrin."): the writer's aside names
    the person inside it, and the speech before it goes on; not a sentence that is the name itself
    ("Then Tom Briar, the harbour master."), nor a piece that the parser cut out of a longer sentence
    (a sentence's end mark must close it and the text before it)."""
    root = sentence.root
    return (root.pos_ in NOUN_HEADS and not any(t.dep_ in labels for t in sentence)
            and not person.start <= root.idx < person.end and _whole_sentence(sentence))


def _whole_sentence(sentence: Any) -> bool:
    """Whether a sentence's end mark closes the parser's sentence and the text before it."""
    before = sentence.doc.text[:sentence.start_char].rstrip(" \t”»\"’")
    return sentence.text.rstrip()[-1:] in SENTENCE_ENDS and (not before or before[-1] in SENTENCE_ENDS + "\n")


def _subject_between(article: Article, pronoun_start: int, person: Person, agreeing: list[Person]) -> Person | None:
    """A person who agrees with the pronoun and is the subject of a sentence between ``person``'s and
    the pronoun's, the nearest such: in "Mrs. Ada Vell chairs the board. Jo Ash resigned on Monday.
    “…,” she said." the text marks Ada Vell as a woman, but Jo Ash, whom it says nothing of, is the
    subject of the sentence before. None without a parse or such a sentence."""
    doc = article.work.doc
    rule = agreement(article.language or "")
    own = _sentence_of(doc, person) if doc is not None and rule.subject_labels else None
    if own is None:
        return None
    between = []
    for sentence in doc[own.end:].sents if own.end < len(doc) else ():
        if sentence.end_char > pronoun_start:
            break
        between.append(sentence)
    for sentence in reversed(between):
        named = _person_of_last_subject(_main_subjects(sentence, rule), agreeing)
        if named is not None:
            return named
    return None


def _person_of_last_subject(subjects: list[Any], people: list[Person]) -> Person | None:
    """The person whose mention holds the last of ``subjects`` that names one, else None."""
    return next((p for t in reversed(subjects) for p in people if p.start <= t.idx < p.end), None)


def _main_subjects(sentence: Any, rule: Agreement) -> list[Any]:
    """The subjects of the sentence's main clauses, in order: its root's and those of the verbs
    joined to it ("The team lost, and coach Jo Ash is angry": both); not the subject of a clause that
    a subordinating word opens, which the parser may have made the root ("Après la réforme, que le
    président a fait passer, …")."""
    return [t for t in sentence if t.dep_ in rule.subject_labels and _main_clause(t.head, sentence.root)
            and not _subordinate_before(t, rule.subordinate_labels)]


def _subordinate_before(subject: Any, labels: frozenset[str]) -> bool:
    """Whether the subject's verb has a subordinating word ("que", "that") before the subject."""
    return any(child.dep_ in labels and child.i < subject.i for child in subject.head.children)


def _main_clause(verb: Any, root: Any) -> bool:
    """Whether ``verb`` is the root or a verb joined to it, maybe through an adverbial clause ("lost
    the final, losing 2-1, and coach Jo Ash is angry"); not a verb of a reported or relative clause."""
    while verb != root and verb.dep_ == "conj" and verb.head.dep_ in ("conj", "advcl", "ROOT"):
        verb = verb.head
        while verb != root and verb.dep_ == "advcl":
            verb = verb.head
    return bool(verb == root)


def _sentence_of(doc: Any, person: Person) -> Any:
    span = doc.char_span(person.start, person.end, alignment_mode="expand")
    return span.sent if span is not None and len(span) else None


def _agrees(word: str, language: str, gender: str | None) -> bool:
    """A subject pronoun of the pronoun speaker's gender ("he" for "he said")."""
    marked = agreement(language).pronoun_gender.get(word)
    return marked is not None and marked != "p" and (gender is None or marked == gender)


def _known_humans(span: tuple[int, int], kind: str, gender: str | None, before: list[Person],
                  guessed: bool = False) -> list[Person]:
    """For a speaker the text leaves out and whose verb marks no gender (« “…”, ha señalado. »), and
    for a title where persons are guessed from capitalised words (``guessed``: « dijo el presidente
    andaluz »), the persons close by that the text shows to be people: a title, an honorific or a
    given name gave them a gender, or a quote of the article names them as its speaker. Where no NER
    model runs, a body or a product written like a name ("Guardia Civil", "WhatsApp") is a "person"
    too, and the nearest such is seldom who speaks."""
    dropped = kind == "pronoun" and gender is None and span[1] == span[0]
    if not (dropped or guessed):
        return []
    # a dropped subject goes on from a speaker further back than a pronoun does ("“…”, añadió.")
    reach = SETTINGS.speaker_dropped_subject_reach if dropped else SETTINGS.speaker_agreement_reach
    # (a speaker mention no entity covers counts by its gender only: "En Villaseca, la alcaldesa, Ana
    # Roca, dijo" names the town as the mention)
    return [p for p in before if (p.gender is not None or (p.speaks and not p.mention_only)) and span[0] - p.end <= reach]


@cache
def _persons_guessed(language: str | None) -> bool:
    """Whether the language's persons are guessed from capitalised words (no NER model: ``annotate/names.py``)."""
    return nlp.ner_backend(language) == "none"


def _same_title(article: Article, mention: str, before: list[Person]) -> Person | None:
    """The latest person before a title speaker ("dijo el presidente andaluz") whom the text gave the
    same title: "el presidente de la Junta, Ana Roca" or "el presidente Ana Roca" just before the
    name or inside a speaker mention, or ", presidente de …" right after it; None when the mention holds no title of the
    language's ``titles`` or no person bears it."""
    title = _title_word(article.language or "", mention)
    if title is None:
        return None
    compound = _title_compound(mention, title)
    text = article.text
    for index in range(len(before) - 1, -1, -1):
        person = before[index]
        # the words between the person before and this one, in this sentence ("dijo el presidente Ed
        # Roe a Ana Roca" gives Ana Roca no title), read across a body the title's complement names
        # ("el presidente de la Diputación de Urdaz, Ana Roca")
        first = index
        while first and re.fullmatch(r",\s*", text[before[first - 1].end:before[first].start]):
            first -= 1
        previous_end = before[first - 1].end if first else 0
        window = text[max(0, previous_end, before[first].start - SETTINGS.speaker_marker_before):before[first].start]
        lead = CLAUSE_BREAK.split(window)[-1]
        after = text[person.end:person.end + SETTINGS.speaker_marker_after]
        trail = re.match(r"\s*,\s*(?:[\w'’-]+\s+){0,2}?(\w+)", after)
        given = lead + " " + person.name
        if ((title in _words(given) and (compound is None or compound in given.lower()))
                or title == _abbreviated_title(article.language or "", window)
                or (trail is not None and trail.group(1).lower() == title)):
            return person
    return None


def _opens_clause(language: str, between: str) -> bool:
    """Whether the words after a speaker's comma open a clause of their own (``clause_openers``:
    „schimpft der Parteichef, woraufhin Brenner …“), whose subject is no appositive name."""
    words = _words(between)
    return bool(words) and words[0] in _quote_words("clause_openers", language)


def _title_compound(mention: str, title: str) -> str | None:
    """The hyphenated compound whose last part is the title and whose first names a body in capitals („der
    AfD-Chef“: „afd-chef“), lower case; a person holds the title only as the same compound („CDU-Chef Jonas
    Brenner“ is no AfD-Chef). None for a lower-case prefix ("the vice-president", « l'ex-ministre »)."""
    found = re.search(rf"([\w-]+)-{re.escape(title)}\b", mention, re.I)
    return found.group().lower() if found and any(char.isupper() for char in found.group(1)) else None


def _titled_otherwise(article: Article, mention: str, person: Person) -> bool:
    """Whether the text gave ``person`` the mention's title in another compound („CSU-Chef Jonas Brenner“
    for „der FDP-Chef“)."""
    title = _title_word(article.language or "", mention)
    compound = _title_compound(mention, title) if title else None
    if title is None or compound is None:
        return False
    lead = article.text[max(0, person.start - SETTINGS.speaker_marker_before):person.start].lower()
    given = re.findall(rf"[\w-]+-{re.escape(title)}\b", lead)
    return bool(given) and compound not in given


def _role_bound(language: str, mention: str) -> bool:
    """Whether a title speaker may refer only to a person the text gave that title, or to the nearest
    person where that person speaks (setting ``titles_by_role`` in the language's ``quotes.toml``): the
    nearest person before it is as often a suspect or a victim as the official who speaks."""
    return bool(lang.load(language, "quotes").get("titles_by_role", False)) and _title_word(language, mention) is not None


def _speaking_person(people: list[Person]) -> bool:
    """Whether the last of ``people`` is a person the entities stage found and a quote names as its speaker."""
    return bool(people) and people[-1].speaks and not people[-1].mention_only


def _title_phrase(article: Article, mention: str) -> bool:
    """Whether a speaker mention is a determiner and a title ("la presidenta de la Cámara"), not a
    name or a body ("TVP", "Programme Officer")."""
    words = mention.split()
    language = article.language or ""
    return bool(words) and words[0].lower() in _quote_words("determiners", language) and _title_word(language, " ".join(words[:3])) is not None


@cache
@cache
def _quote_words(key: str, language: str) -> frozenset[str]:
    """The words of ``key`` in the language's ``quotes.toml``, lower case (built once per key: the
    speaker rules ask for the same lists at every mention they resolve)."""
    return frozenset(word.lower() for word in lang.load(language, "quotes").get(key, ()))


def _title_word(language: str, mention: str) -> str | None:
    titles = _quote_words("titles", language)
    return next((word for word in _words(mention) if word in titles), None)


def _abbreviated_title(language: str, window: str) -> str | None:
    """The title that an abbreviation right before a name stands for ("Gov." before "Jo Ash" is
    "governor"; ``abbreviated_titles``), else None: its full stop ends no clause."""
    found = re.search(r"\b(\w+)\.\s*$", window)
    spelt = lang.load(language, "quotes").get("abbreviated_titles", {})
    return str(spelt[found.group(1)]).lower() if found is not None and found.group(1) in spelt else None


def _words(text: str) -> list[str]:
    return [word.lower() for word in re.findall(r"\w+", text)]


def _title_complements(article: Article, span: tuple[int, int], overlapping: list[Person]) -> list[Person]:
    """The "persons" inside a speaker mention that opens with a title and that a name particle puts in
    the title's complement: "Titas" in "el director de Titas Rana Haidari", "Salud Pública" in "el
    ministro de Salud Pública" (bodies that the entities took for persons where no NER model runs)."""
    text = article.text
    opening = " ".join(text[span[0]:span[1]].split()[:3])
    if _title_word(article.language or "", opening) is None:
        return []
    particles = _quote_words("name_particles", article.language or "")
    given = given_names(article.language or "")
    # (not a name glued to the body word, a given name after it: "le ministre des Finances Olaf Scholz")
    return [p for p in overlapping if not p.mention_only and p.start > span[0]
            and text[max(span[0], p.start - 8):p.start].split()[-1:] in ([word] for word in particles)
            and not any(given.listed(word) for word in p.name.split()[1:])]


# a possessive or a lower-case word right after a name inside a mention: the name modifies the noun
# that heads the mention ("Harris senior adviser Jo Pell", "Merkel’s allies")
# (a possessive that ends the mention modifies nothing inside it: in "Christie’s bottom line: “…”" Christie speaks)
MODIFIER_AFTER = re.compile(r"\s*(?:['’]s\s+\S|(?-i:[a-zß-ÿ]))")


def mention_heads(article: Article, span: tuple[int, int], overlapping: list[Person]) -> list[Person]:
    """The persons inside a speaker mention that the mention is about: none that modifies the noun
    after it ("Harris" in "Harris senior adviser Jo Pell", "Merkel" in "Merkel’s allies") or that is
    the complement of the noun heading the mention ("Biden" in "an aide to Biden", « un assistant de
    Biden », « le rival du Premier ministre Ana Roe »; ``mention_complements``)."""
    return [p for p in overlapping if not _modifies_noun(article, span, p) and not _noun_complement(article, span, p)]


def _modifies_noun(article: Article, span: tuple[int, int], person: Person) -> bool:
    """Whether a possessive or a lower-case noun follows ``person`` inside the mention; an adverb or an
    auxiliary of the language's ``between_speaker_and_cue`` ("Cil also", "Ash reportedly") is no noun."""
    text = article.text
    comma = text.find(",", person.end, span[1])
    rest_end = comma if comma >= 0 else span[1]
    if person.end >= rest_end or MODIFIER_AFTER.match(text, person.end, rest_end) is None:
        return False
    between = _between_speaker_and_cue(article.language or "")
    return not (between and between.fullmatch(text[person.end:rest_end].split()[0]))


@cache
def _between_speaker_and_cue(language: str) -> re.Pattern[str] | None:
    pattern = lang.load(language, "quotes").get("between_speaker_and_cue")
    return re.compile(pattern) if pattern else None


def _noun_complement(article: Article, span: tuple[int, int], person: Person) -> bool:
    """Whether a complement word (``mention_complements``) ties ``person`` to a lower-case noun or a
    capitalised title ("the US Ambassador to Tarn") before it in the same part of the mention: with
    nothing between ("an aide to Biden"), a title between ("a spokesman for Governor Roe"), or lower-case
    words only after a noun that is no title ("the daughter of the late Jo Ash"); not a body between ("the
    mayor of Leeds Ana Roe", "the minister of health Ana Roe")."""
    language = article.language or ""
    words = _quote_words("mention_complements", language)
    text = article.text
    part_start = max(span[0], text.rfind(",", span[0], person.start) + 1)
    part = text[part_start:person.start]
    # (an elided word ends on its apostrophe: « l'entourage d'Ana Roe »)
    found = [m for m in re.finditer(r"[\w'’]+", part) if m.group().lower() in words]
    if not found:
        return False
    link = found[-1]
    # (an elided determiner is a word of its own: « L'entourage de … »)
    # (a capitalised title heads the mention too: "the US Ambassador to Tarn")
    head_words = [w for w in re.findall(r"[\w-]+", part[:link.start()])
                  if (w.islower() or _title_word(language, w) is not None)
                  and w.lower() not in _quote_words("determiners", language)]
    if not head_words:
        return False
    between = part[link.end():].strip()
    if not between or _title_word(language, between) is not None:
        return True
    return between.islower() and _title_word(language, " ".join(head_words)) is None


def _appositive_person(text: str, span: tuple[int, int], overlapping: list[Person]) -> Person:
    """Which of the persons inside a speaker mention speaks: in "la cabeza del ÖVP, Sebastian Kurz" or
    "the head of Acme Films, Jo Ash" the name after the mention's last comma, not a body its
    description names first (a body the entities took for a person, where no NER model runs); else
    the first."""
    comma = text.rfind(",", span[0], span[1])
    after = [p for p in overlapping if comma >= 0 and p.start > comma]
    return after[0] if after else overlapping[0]


# the comma that closes a subject's description and the lower-case verb after it
SUBJECT_VERB_AFTER = re.compile(r",\s*(?-i:[a-zß-ÿ])")


def _described_by(article: Article, person: Person, candidates: list[Person]) -> Person:
    """The candidate whose description holds ``person``: in "Sunil Kumar, who runs a shelter near
    Nizamuddin station, said" or "Jo Ash, an aide to Governor Lee," the later name only describes the
    subject, which a pronoun after the sentence refers to; else ``person``. Only where the description
    closes on a comma and the subject's verb ("…, stood", "…, said"): a name in a clause that goes on to
    the sentence's end ("after Ed Roe, who named Jo Ash his successor.") may be its topic."""
    for other in reversed(candidates):
        if other.end > person.start or person.start - other.end > SETTINGS.speaker_description_reach:
            continue
        described_end = describe(article.text, other.start, other.end, article.language or "")[1]
        if described_end >= person.end and SUBJECT_VERB_AFTER.match(article.text, described_end):
            return other
    return person


# the capitalised words that end right before a relative's comma ("Mike Lee, who said"), a name
ANTECEDENT = re.compile(NAME_THEN_COMMA + r"\s*$")


def _antecedent(article: Article, span: tuple[int, int], people: list[Person]) -> tuple[str | None, str | None]:
    """Who a relative pronoun speaker ("who", « qui ») is: the person whose mention ends right before
    its comma, else the capitalised words there; none when a lower-case word stands there ("voters,
    who said"): the text gives no one to name."""
    before = article.text[max(0, span[0] - 80):span[0]]
    gap = len(before) - len(before.rstrip(" ,\n"))
    end = span[0] - gap
    if not article.text[end:span[0]].strip().startswith(","):
        return None, None
    person = next((p for p in people if p.end == end), None)
    if person is not None:
        return _longest_form(person, people, article.language)
    match = ANTECEDENT.search(before)
    if match is None:
        return None, None
    words = match.group().rstrip(" ,")
    start = span[0] - len(before) + match.start()
    return words, _entity_named(article, (start, start + len(words)), words)


def _title_gender(text: str, rule: Agreement) -> str | None:
    genders = {gender for w in re.findall(r"[\w'’.-]+", text) if (gender := _word_gender(w, rule))}
    return genders.pop() if len(genders) == 1 else None


def _entity_named(article: Article, span: tuple[int, int], text: str) -> str | None:
    """An organisation or other entity the speaker mention overlaps, or a known alias it names (not a
    person: one the mention holds and that did not speak only modifies it, "Merkel’s allies")."""
    for entity in article.entities:
        if entity.entity_id and entity.label not in PERSON_LABELS and entity.start < span[1] and span[0] < entity.end:
            return entity.entity_id
    alias = alias_of(text)
    return alias[0] if alias else None


def _longest_form(person: Person, people: list[Person], language: str | None = None) -> tuple[str, str | None]:
    """"Smith" → "John Smith" when the article named him in full before. Where it named two people of
    that surname ("Ann Smith", then "Joe Smith"), the nearer full name that holds every word of the
    mention; a mention with a word no full name holds (a title the lists lack: "Adv Smith") takes the
    first full name, as before, unless that word is a given name: "Irshad Smith" after "Maqsood Smith"
    is another man of the same surname, named in full, and keeps his own name. A full name of
    the other gender is another person ("Mme Daniel" after "Louis Daniel")."""
    words = person.name.split()
    last = words[-1] if words else person.name
    fuller = [p for p in people if p.start <= person.start and last in p.name.split() and len(p.name) > len(person.name)
              and (None in (p.gender, person.gender) or p.gender == person.gender)]
    holding = [p for p in fuller if set(words) <= set(p.name.split())]
    if fuller and not holding and len(words) >= 2 and _given_name(words[0], language or ""):
        return person.name, person.entity_id
    chosen = holding[-1] if holding else fuller[0] if fuller else None
    return (chosen.name, chosen.entity_id or person.entity_id) if chosen else (person.name, person.entity_id)


def _given_name(word: str, language: str) -> bool:
    """A word that opens a person's full name: a given name of Faker's locales, or, where the language
    has a lexicon, a capitalised word of letters that it does not know and that is no title of the
    language ("Irshad"; not "Senator", "Capt", nor a short abbreviation the lists lack, "Adv")."""
    if given_names(language).listed(word):
        return True
    lexicon = lowercase_words(language)
    rule = description_rules(language)
    return (bool(lexicon) and len(word) > SETTINGS.speaker_title_abbreviation_letters and word.isalpha()
            and word[:1].isupper() and word.lower() not in lexicon
            and not (rule is not None and (rule.role.match(word) or word in rule.abbreviations)))


def as_tuples(people: list[Person]) -> list[tuple[Any, ...]]:
    """(start, end, name, entity id): the shape older callers read."""
    return [(p.start, p.end, p.name, p.entity_id) for p in people]
