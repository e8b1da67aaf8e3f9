"""Canonical entities across articles: persons already stored join new mentions of them.

Within an article, :mod:`newsweave.annotate.canonical` gives every mention a deterministic
id. Across articles, :func:`link_entities` asks an :class:`EntityMemory` (the store
implements it) for persons already known under the same surname, so "Vladimir Zelensky" in a
Russian article joins the "Volodymyr Zelensky" stored before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from newsweave.annotate.canonical import MIN_SKELETON, legacy_person_id, name_words, same_person

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


def link_entities(entities: list[dict[str, Any]], memory: EntityMemory) -> dict[str, str]:
    """Join the article's persons to persons the store knows; returns old id → new id.

    Only full names are joined across articles (a surname alone in another article may be
    another person); a surname alone joins a stored full name when exactly one matches.
    """
    people = {item["entity_id"]: item["canonical"] for item in entities if item["entity_id"].startswith("per:")}
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
    for item in entities:
        if item["entity_id"] in remap:
            item["entity_id"], item["canonical"] = remap[item["entity_id"]], canonicals[item["entity_id"]]
    return remap


def entity_records(entities: list[dict[str, Any]], language: str | None) -> list[EntityRecord]:
    """One record per entity of an article, with the keys it is filed under."""
    records: dict[str, EntityRecord] = {}
    for item in entities:
        if not item.get("entity_id"):
            continue
        record = records.get(item["entity_id"])
        if record is None:
            label = "LOC" if item.get("mention") == "demonym" else item["label"]
            record = records[item["entity_id"]] = EntityRecord(
                item["entity_id"], item["canonical"], label, country=item.get("country"))
            if label == "PER":
                record.keys.extend(person_keys(item["canonical"]))
                legacy = legacy_person_id(item["canonical"])
                if legacy != item["entity_id"]:
                    record.keys.append(legacy_id_key(legacy))
        if item.get("lat") is not None:
            record.lat, record.lon = item["lat"], item["lon"]
        if item.get("mention") == "name" and item["text"] not in record.aliases:
            record.aliases.append(item["text"])
        if item.get("mention") == "title" and item.get("role"):
            record.keys.append(f"title:{item['role']}")
        if language and language not in record.languages:
            record.languages.append(language)
    return list(records.values())


def remap_references(article_fields: list[list[dict[str, Any]]], remap: dict[str, str]) -> None:
    """Apply an id change to what other stages already pointed at (quote speakers, event actors)."""
    if not remap:
        return
    for items in article_fields:
        for item in items:
            for key in ("speaker_entity_id", "entity_id"):
                if item.get(key) in remap:
                    item[key] = remap[item[key]]
            for role in ("actor", "target", "location"):
                value = item.get(role)
                if isinstance(value, dict) and value.get("entity_id") in remap:
                    value["entity_id"] = remap[value["entity_id"]]


def link_article_entities(article, memory: EntityMemory) -> dict[str, str]:
    """Cross-article step of the pipeline: join persons to stored ones, fix references to them."""
    remap = link_entities(article.entities, memory)
    remap_references([article.quotes, article.events], remap)
    return remap
