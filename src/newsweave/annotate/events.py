"""Events: who did what to whom, where and when, typed with the PLOVER ontology.

Triggers come from per-language lexicons (``lang/<iso>/events.toml``) matched on the lemmas
of spaCy's dependency parse (``annotate/nlp.parse_batch``); the parse gives each trigger
its participants:

* actor: the subject (or, in the passive, the agent: "was hosted *by Albania*");
  a verb with no subject of its own takes its governor's ("agreed to *send*");
* target: the object, or an argument introduced by one of the language's target
  prepositions ("sent weapons *to Ukraine*");
* location: a place entity introduced by a location preposition inside the trigger's
  clause ("met *in Paris*"), with its coordinates when the entities stage geocoded it;
* date: a resolved date of the same sentence (``article.dates``), else the article's time.

Precision first (GDELT's audits found most of its rows were not events): no event without
an actor that is a named entity; a negated trigger ("did not attack"), a hedged one ("could
attack", conditional mood) or one in a question gives nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span as SpacySpan, Token

from newsweave import lang
from newsweave.annotate.nlp import parse_batch
from newsweave.model import Article, Entity, Event, Participant

# Dependency labels across the English (ClearNLP) and French (UD) schemes of the models.
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "nsubj:pass"})
AGENT_DEPS = frozenset({"agent", "obl:agent"})
OBJECT_DEPS = frozenset({"dobj", "obj", "iobj", "dative", "attr"})
PREPOSITION_DEPS = frozenset({"prep", "dative", "agent"})
PREPOSITION_OBJECT_DEPS = frozenset({"pobj"})
CASE_DEPS = frozenset({"case"})
# Dependents through which a verb without a subject inherits its governor's.
INHERITS_SUBJECT = frozenset({"xcomp", "conj", "advcl"})
RELATIVE_CLAUSE_DEPS = frozenset({"relcl", "acl:relcl"})
# Entity labels that can act (actor) or be acted on; MISC counts only with a canonical id
# (a demonym pointing at its country: "*Russian* forces attacked").
PARTICIPANT_LABELS = frozenset({"PER", "ORG", "LOC"})
PLACE_LABELS = frozenset({"LOC"})
# spaCy labels → contract labels, used only when the entities stage has not run.
SPACY_LABELS = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "NORP": "MISC"}
# A date value precise enough to place an event on a timeline (TIMEX3 day, month, week).
TIMELINE_DATE = re.compile(r"^\d{4}-(\d\d(-\d\d)?|W\d\d)$")


@dataclass(frozen=True)
class TriggerRule:
    type: str
    particle: str | None = None


@dataclass
class Lexicon:
    """One language's ``events.toml``, indexed by lemma."""

    verbs: dict[str, list[TriggerRule]] = field(default_factory=dict)
    object_verbs: dict[str, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)
    light_verbs: dict[str, list[tuple[str, str | None, frozenset[str]]]] = field(default_factory=dict)
    location_prepositions: frozenset[str] = frozenset()
    target_prepositions: frozenset[str] = frozenset()
    hedges: frozenset[str] = frozenset()
    conditional_endings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    type: str
    trigger: Token  # the word the event is anchored on (a verb, or the noun of "hold talks")
    verb: Token  # the verb whose arguments are the participants
    kind: str = "verb"  # "verb", "light" (hold talks) or "object" (send weapons)


def _split(entry: str) -> tuple[str, str | None]:
    """"call for" → ("call", "for"); "s'entretenir" → ("entretenir", None)."""
    words = entry.lower().split()
    head = re.sub(r"^(s'|se )", "", words[0])
    return head, (words[1] if len(words) > 1 else None)


@cache
def lexicon(language: str | None) -> Lexicon | None:
    table = lang.load(language, "events") if language else {}
    if not table:
        return None
    found = Lexicon(
        location_prepositions=frozenset(table.get("location_prepositions", [])),
        target_prepositions=frozenset(table.get("target_prepositions", [])),
        hedges=frozenset(table.get("hedges", [])),
        conditional_endings=tuple(table.get("conditional_endings", [])),
    )
    for type_, rules in table.items():
        if not isinstance(rules, dict):
            continue
        for entry in rules.get("verbs", []):
            head, particle = _split(entry)
            found.verbs.setdefault(head, []).append(TriggerRule(type_, particle))
        objects = frozenset(rules.get("objects", []))
        for entry in rules.get("object_verbs", []):
            found.object_verbs.setdefault(_split(entry)[0], []).append((type_, objects))
        nouns = frozenset(rules.get("nouns", []))
        for entry in rules.get("light_verbs", []):
            head, particle = _split(entry)
            found.light_verbs.setdefault(head, []).append((type_, particle, nouns))
    return found


# --- the annotator ----------------------------------------------------------------------------


def annotate_events(articles: list[Article]) -> None:
    """Fill ``article.events`` for articles whose language has an events lexicon."""
    todo = [article for article in articles if lexicon(article.language)]
    parse_batch(todo)
    for article in todo:
        article.events = find_events(article)


def find_events(article: Article) -> list[Event]:
    lex = lexicon(article.language)
    doc: Doc | None = article.work.doc
    if lex is None or doc is None or not doc.has_annotation("DEP"):
        return []
    mentions = _mentions(article, doc)
    events: list[Event] = []
    seen: set[int] = set()
    for sentence in doc.sents:
        if sentence.text.rstrip().endswith("?"):
            continue
        for token in sentence:
            match = match_trigger(token, lex)
            if match is None or match.trigger.i in seen or _negated(match) or _hedged(match.verb, lex):
                continue
            event = _event(article, sentence, match, mentions, lex)
            if event:
                seen.add(match.trigger.i)
                events.append(event)
    return events


# --- triggers ---------------------------------------------------------------------------------


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _has_particle(token: Token, word: str) -> bool:
    """The verb has ``word`` as a particle, preposition or the case marker of an argument."""
    for child in token.children:
        if _lemma(child) == word or child.lower_ == word:
            return True
        if any(g.dep_ in CASE_DEPS | {"mark"} and (_lemma(g) == word or g.lower_ == word) for g in child.children):
            return True
    return False


def _arguments(head: Token) -> list[tuple[Token, str | None]]:
    """Nouns attached to ``head`` as objects (preposition None) or through a preposition."""
    found: list[tuple[Token, str | None]] = []
    for child in head.children:
        case = next((g for g in child.children if g.dep_ in CASE_DEPS), None)
        if child.dep_ in PREPOSITION_DEPS:
            found.extend((g, _lemma(child)) for g in child.children if g.dep_ in PREPOSITION_OBJECT_DEPS)
        elif case is not None and child.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | AGENT_DEPS:
            found.append((child, _lemma(case) if case.lower_ not in ("au", "aux") else case.lower_))
        elif child.dep_ in OBJECT_DEPS:
            found.append((child, None))
    return found


def match_trigger(token: Token, lex: Lexicon) -> Match | None:
    """The PLOVER trigger anchored on this verb, if any (phrasal > light verb > object verb > verb)."""
    if token.pos_ not in ("VERB", "AUX") and not (token.pos_ == "NOUN" and token.dep_ == "ROOT"):
        return None
    lemma = _lemma(token)
    rules = lex.verbs.get(lemma, [])
    for rule in rules:
        if rule.particle and _has_particle(token, rule.particle):
            return Match(rule.type, token, token)
    objects = _arguments(token)
    for type_, particle, nouns in lex.light_verbs.get(lemma, []):
        if particle and not _has_particle(token, particle):
            continue
        for noun, _ in objects + [(g, p) for o, _ in objects for g, p in _arguments(o)]:
            if _lemma(noun) in nouns or noun.lower_ in nouns:
                return Match(type_, noun, token, "light")
    for type_, wanted in lex.object_verbs.get(lemma, []):
        if any(_lemma(noun) in wanted for noun, preposition in objects if preposition is None):
            return Match(type_, token, token, "object")
    for rule in rules:
        if rule.particle is None:
            return Match(rule.type, token, token)
    return None


def _negated(match: Match) -> bool:
    """A negation word (Polarity=Neg, e.g. "not", "ne … pas") on the verb or the trigger noun."""
    words = [*match.verb.children, *match.trigger.children]
    return any("Neg" in child.morph.get("Polarity", []) or child.dep_ == "neg" for child in words)


def _hedged(verb: Token, lex: Lexicon) -> bool:
    """Conditional mood, a hedging auxiliary ("could"), or a hedging governor ("pourrait attaquer")."""
    verbs = [verb, *[child for child in verb.children if child.dep_.startswith("aux")]]
    if any("Cnd" in token.morph.get("Mood", []) or _conditional_form(token, lex) for token in verbs):
        return True
    if any(child.dep_.startswith("aux") and _lemma(child) in lex.hedges for child in verb.children):
        return True
    return verb.dep_ == "xcomp" and _lemma(verb.head) in lex.hedges


def _conditional_form(token: Token, lex: Lexicon) -> bool:
    """A conditional the tagger missed: the infinitive (less a final "e") plus a conditional ending."""
    form, lemma = token.lower_, _lemma(token)
    stems = {lemma, lemma[:-1]} if lemma.endswith("e") else {lemma}
    return any(form == stem + ending for stem in stems for ending in lex.conditional_endings)


# --- participants -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    label: str
    # The article's entity at this mention; None where spaCy's own entities stand in.
    entity: Entity | None = None

    @property
    def usable(self) -> bool:
        return self.label in PARTICIPANT_LABELS or (
            self.label == "MISC" and self.entity is not None and bool(self.entity.entity_id))


def _mentions(article: Article, doc: Doc) -> list[Mention]:
    """The article's entities (canonical when the entities stage ran, else spaCy's)."""
    if article.entities:
        return [Mention(item.start, item.end, item.label, item) for item in article.entities]
    found = []
    for ent in doc.ents:
        label = SPACY_LABELS.get(ent.label_)
        if label:
            found.append(Mention(ent.start_char, ent.end_char, label))
    return found


def _mention_covering(token: Token, mentions: list[Mention]) -> Mention | None:
    return next((m for m in mentions if m.start <= token.idx < m.end and m.usable), None)


def _mention_in(token: Token, mentions: list[Mention]) -> Mention | None:
    """The entity a phrase stands for: the one covering its head word, else the first inside it."""
    covering = _mention_covering(token, mentions)
    if covering:
        return covering
    left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    inside = [m for m in mentions if left <= m.start and m.end <= right and m.usable]
    return min(inside, key=lambda m: m.start) if inside else None


def _subject(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The verb's subject and whether it is a passive one; inherited from the governor if absent."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child, False
        if child.dep_ in PASSIVE_SUBJECT_DEPS:
            return child, True
    if verb.dep_ in RELATIVE_CLAUSE_DEPS:
        return verb.head, False
    if verb.dep_ in INHERITS_SUBJECT and verb.head is not verb and depth < 2:
        return _subject(verb.head, depth + 1)
    return None, False


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ in PREPOSITION_OBJECT_DEPS), None)
        if child.dep_ in AGENT_DEPS:
            return child
    return None


def _participant(article: Article, mention: Mention | None) -> Participant | None:
    if mention is None:
        return None
    span = article.span(mention.start, mention.end).offsets()
    entity = mention.entity
    if entity is None:
        return Participant(**span, label=mention.label or None)
    return Participant(**span, label=entity.label or None, entity_id=entity.entity_id, canonical=entity.canonical,
                       lat=entity.lat, lon=entity.lon, country=entity.country)


def _participants(match: Match, mentions: list[Mention], lex: Lexicon) -> tuple[Mention | None, Mention | None]:
    subject, passive = _subject(match.verb)
    if passive:
        agent = _agent(match.verb)
        actor = _mention_in(agent, mentions) if agent is not None else None
        target = _mention_in(subject, mentions) if subject is not None else None
        return actor, target
    actor = _mention_in(subject, mentions) if subject is not None else None
    target = None
    heads = [match.verb, match.trigger] if match.trigger is not match.verb else [match.verb]
    if match.kind == "object":  # "sent weapons to Ukraine": the target may hang on the object noun
        heads += [noun for noun, preposition in _arguments(match.verb) if preposition is None]
    for head in heads:
        for noun, preposition in _arguments(head):
            if preposition is not None and preposition not in lex.target_prepositions:
                continue
            if preposition is not None and noun.dep_ == "obl:mod":
                continue  # a French adjunct ("à Paris") is a circumstance, not a party
            candidate = _mention_in(noun, mentions)
            if candidate and candidate is not actor:
                target = candidate
                break
        if target:
            break
    if target is None:
        # Names the parser attached loosely ("a rencontré Macron" parsed as an adverb).
        target = next((m for child in match.verb.children if child.dep_ in ("advmod", "npadvmod", "appos")
                       if (m := _mention_covering(child, mentions)) and m is not actor and m.label == "PER"), None)
    return actor, target


def _location(match: Match, sentence: SpacySpan, mentions: list[Mention], lex: Lexicon, taken: set[int]) -> Mention | None:
    """A place introduced by a location preposition inside the trigger's clause."""
    clause = {token.i for token in match.verb.subtree} | {token.i for token in match.trigger.subtree}
    for mention in mentions:
        if mention.label not in PLACE_LABELS or id(mention) in taken:
            continue
        if not (sentence.start_char <= mention.start < sentence.end_char):
            continue
        head = _head_token(sentence, mention)
        if head is None or head.i not in clause:
            continue
        if _introduced_by(head, lex.location_prepositions):
            return mention
    return None


def _head_token(sentence: SpacySpan, mention: Mention) -> Token | None:
    span = sentence.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None


def _introduced_by(head: Token, prepositions: frozenset[str]) -> bool:
    if head.dep_ in PREPOSITION_OBJECT_DEPS and _lemma(head.head) in prepositions:
        return True
    return any(child.dep_ in CASE_DEPS and (_lemma(child) in prepositions or child.lower_ in prepositions)
               for child in head.children)


def _date(article: Article, sentence: SpacySpan) -> str | None:
    """A resolved date written in the sentence, else the article's publication date."""
    for item in article.dates:
        inside = sentence.start_char <= item.start and item.end <= sentence.end_char
        if inside and item.value and TIMELINE_DATE.match(item.value):
            return item.value
    return article.published[:10] if article.published else None


def _event(article: Article, sentence: SpacySpan, match: Match, mentions: list[Mention], lex: Lexicon) -> Event | None:
    actor, target = _participants(match, mentions, lex)
    if actor is None:
        return None
    taken = {id(actor), id(target)}
    location = _location(match, sentence, mentions, lex, taken)
    trigger = match.trigger
    return Event(
        type=match.type,
        trigger=article.span(trigger.idx, trigger.idx + len(trigger)),
        actor=_participant(article, actor),
        target=_participant(article, target),
        location=_participant(article, location),
        date=_date(article, sentence),
    )
