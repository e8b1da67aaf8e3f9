"""Canonical entities across articles: persons already stored join new mentions of them.

Within an article, :mod:`newsweave.annotate.canonical` gives every mention a deterministic
id. Across articles, :func:`link_entities` asks an :class:`EntityMemory` (the store
implements it) for persons already known under the same surname, so "Vladimir Zelensky" in a
Russian article joins the "Volodymyr Zelensky" stored before.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol

from newsweave.annotate.canonical import MIN_SKELETON, legacy_name_id, legacy_person_id, name_id, name_words, same_person
from newsweave.model import Article, Entity, Event, Participant, Quote

# Keys an entity is filed under, besides titles: its surname's key, its surname's consonant
# skeleton (joins "Poutine" to "Putin", whose keys differ), and the id its name had when
# person ids were phonetic keys (so such an id, from a URL or an export, still finds it).
SURNAME_KEY, SOUND_KEY, LEGACY_ID_KEY = "surname:", "sound:", "legacy-id:"

@dataclass
class EntityRecord:
    """What the store keeps about one entity, merged over every article that names it."""

    entity_id: str
    canonical: str
    label: str
    aliases: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    keys: list[str] = field(default_factory=list)


class EntityMemory(Protocol):
    """What cross-article linking needs from the store."""

    def entities_with_keys(self, keys: list[str]) -> list[tuple[str, str, str]]:
        """``(key, entity_id, canonical)`` for every stored entity filed under one of ``keys``."""
        ...

    def remember_entities(self, records: list[EntityRecord]) -> None: ...


def person_keys(canonical: str) -> list[str]:
    """The lookup keys of a person's name: ``surname:putin`` and, when long enough, ``sound:btn``."""
    words = name_words(canonical)
    if not words:
        return []
    keys = [f"{SURNAME_KEY}{words[-1]}"]
    sound = getattr(words[-1], "sound", "")
    if len(sound) >= MIN_SKELETON:
        keys.append(f"{SOUND_KEY}{sound}")
    return keys


def legacy_id_key(entity_id: str) -> str:
    """The key under which an entity is found by an id given before ids were readable."""
    return f"{LEGACY_ID_KEY}{entity_id}"


def resolve_entity_id(entity_id: str, memory: EntityMemory) -> str:
    """The stored id an id names: itself, or the entity whose name once gave that phonetic id."""
    found = memory.entities_with_keys([legacy_id_key(entity_id)])
    return found[0][1] if len(found) == 1 else entity_id


@dataclass(frozen=True)
class Linked:
    """An article's entities after cross-article linking, and the ids that changed (old → new)."""

    entities: list[Entity]
    remap: dict[str, str]


def link_entities(entities: list[Entity], memory: EntityMemory) -> Linked:
    """Join the article's persons to persons the store knows.

    Only full names are joined across articles (a surname alone in another article may be
    another person); a surname alone joins a stored full name when exactly one matches.
    """
    people = {item.entity_id: item.canonical or item.text for item in entities
              if item.entity_id and item.entity_id.startswith("per:")}
    keys = sorted({key for name in people.values() for key in person_keys(name)})
    known = memory.entities_with_keys(keys) if keys else []
    remap: dict[str, str] = {}
    canonicals: dict[str, str] = {}
    for entity_id, canonical in people.items():
        words = name_words(canonical)
        matches = {(known_id, known_name) for key, known_id, known_name in known
                   if key.startswith((SURNAME_KEY, SOUND_KEY)) and known_id != entity_id and len(name_words(known_name)) > 1
                   and same_person(name_words(known_name), words)}
        if len(matches) == 1:
            remap[entity_id], canonicals[entity_id] = matches.pop()
    linked = [replace(item, entity_id=remap[item.entity_id], canonical=canonicals[item.entity_id])
              if item.entity_id in remap else item for item in entities]
    return Linked(linked, remap)


def entity_records(entities: list[Entity], language: str | None) -> list[EntityRecord]:
    """One record per entity of an article, with the keys it is filed under."""
    records: dict[str, EntityRecord] = {}
    for item in entities:
        if not item.entity_id:
            continue
        canonical = item.canonical or item.text
        record = records.get(item.entity_id)
        if record is None:
            label = "LOC" if item.mention == "demonym" else item.label
            record = records[item.entity_id] = EntityRecord(item.entity_id, canonical, label, country=item.country)
            if label == "PER":
                record.keys.extend(person_keys(canonical))
                legacy = legacy_person_id(canonical)
                if legacy != item.entity_id:
                    record.keys.append(legacy_id_key(legacy))
        if item.mention == "name" and record.label != "PER":
            _add_legacy_name_key(record, item)
        if item.lat is not None:
            record.lat, record.lon = item.lat, item.lon
        if item.mention == "name" and item.text not in record.aliases:
            record.aliases.append(item.text)
        if item.mention == "title" and item.role:
            record.keys.append(f"title:{item.role}")
        if language and language not in record.languages:
            record.languages.append(language)
    return list(records.values())


def _add_legacy_name_key(record: EntityRecord, item: Entity) -> None:
    """File the id a name got while leading letters were taken for articles ("Democratic" gave
    ``misc:ocratic``), when the entity's id is still the one its name gives."""
    label = item.label.lower()
    if item.entity_id != name_id(label, item.text):
        return
    legacy = legacy_name_id(label, item.text)
    key = legacy_id_key(legacy)
    if legacy != item.entity_id and key not in record.keys:
        record.keys.append(key)


def _remapped_quote(quote: Quote, remap: dict[str, str]) -> Quote:
    if quote.speaker_entity_id in remap:
        return replace(quote, speaker_entity_id=remap[quote.speaker_entity_id])
    return quote


def _remapped_participant(participant: Participant | None, remap: dict[str, str]) -> Participant | None:
    if participant is not None and participant.entity_id in remap:
        return replace(participant, entity_id=remap[participant.entity_id])
    return participant


def _remapped_event(event: Event, remap: dict[str, str]) -> Event:
    return replace(event, actor=_remapped_participant(event.actor, remap),
                   target=_remapped_participant(event.target, remap),
                   location=_remapped_participant(event.location, remap))


def link_article_entities(article: Article, memory: EntityMemory) -> dict[str, str]:
    """Cross-article step of the pipeline: join persons to stored ones, fix references to them."""
    linked = link_entities(article.entities, memory)
    article.entities = linked.entities
    if linked.remap:
        article.quotes = [_remapped_quote(quote, linked.remap) for quote in article.quotes]
        article.events = [_remapped_event(event, linked.remap) for event in article.events]
    return linked.remap
