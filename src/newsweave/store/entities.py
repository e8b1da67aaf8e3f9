"""Entities across articles: what entity linking reads (``link.entities.EntityMemory``) and writes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, func, select, update

from newsweave.store import schema
from newsweave.store.base import StoreBase

_ENTITIES_WITH_KEYS = (
    select(schema.entity_keys.c.key, schema.entities.c.entity_id, schema.entities.c.canonical)
    .join(schema.entities, schema.entities.c.entity_id == schema.entity_keys.c.entity_id)
    .where(schema.entity_keys.c.key.in_(bindparam("keys", expanding=True)))
)
_ENTITIES_BY_ID = select(schema.entities).where(schema.entities.c.entity_id.in_(bindparam("ids", expanding=True)))
_UPDATE_ENTITY = update(schema.entities).where(schema.entities.c.entity_id == bindparam("key"))


class EntityRecords(StoreBase):
    def entities_with_keys(self, keys: list[str]) -> list[tuple[str, str, str]]:
        """``(key, entity_id, canonical)`` of stored entities filed under any of ``keys``."""
        if not keys:
            return []
        with self.engine.connect() as connection:
            return [(row.key, row.entity_id, row.canonical) for row in connection.execute(_ENTITIES_WITH_KEYS, {"keys": list(keys)})]

    def remember_entities(self, records: list) -> None:
        """Insert new entities, merge aliases and languages into known ones, file their keys.

        ``records`` are ``link.entities.EntityRecord``s. The first canonical name stored wins,
        so ids and names stay stable whichever article comes next.
        """
        if not records:
            return
        with self.engine.begin() as connection:
            self._remember_entities(connection, records)

    def _remember_entities(self, connection, records: list) -> None:
        # In id order: two writers then lock shared entity rows in the same order (PostgreSQL
        # would otherwise let two transactions wait on each other's rows).
        records = sorted(records, key=lambda record: record.entity_id)
        ids = [record.entity_id for record in records]
        known = {row.entity_id: row for row in connection.execute(_ENTITIES_BY_ID, {"ids": ids})}
        new_rows = []
        for record in records:
            row = known.get(record.entity_id)
            if row is None:
                new_rows.append({
                    "entity_id": record.entity_id, "canonical": record.canonical, "label": record.label,
                    "aliases": sorted(set(record.aliases)), "languages": sorted(set(record.languages)),
                    "lat": record.lat, "lon": record.lon, "country": record.country})
                continue
            aliases = sorted(set(row.aliases or []) | set(record.aliases))
            languages = sorted(set(row.languages or []) | set(record.languages))
            changes = {"aliases": aliases, "languages": languages}
            if row.lat is None and record.lat is not None:
                changes.update(lat=record.lat, lon=record.lon)
            if row.country is None and record.country:
                changes["country"] = record.country
            if aliases != (row.aliases or []) or languages != (row.languages or []) or len(changes) > 2:
                connection.execute(_UPDATE_ENTITY, {"key": record.entity_id, **changes})
        if new_rows:
            connection.execute(self._insert_ignore(schema.entities), new_rows)
        key_rows = [{"key": key[:128], "entity_id": record.entity_id} for record in records for key in sorted(set(record.keys))]
        if key_rows:
            connection.execute(self._insert_ignore(schema.entity_keys), key_rows)

    def entity_rows(self) -> list[dict[str, Any]]:
        """Every entity with its number of mentions (the ``export --what entities`` rows)."""
        e, m = schema.entities, schema.mentions
        counts = select(m.c.entity_id, func.count().label("mentions")).group_by(m.c.entity_id).subquery()
        query = (
            select(e.c.entity_id, e.c.canonical, e.c.label, e.c.aliases, e.c.languages,
                   func.coalesce(counts.c.mentions, 0).label("mentions"), e.c.lat, e.c.lon, e.c.country)
            .outerjoin(counts, counts.c.entity_id == e.c.entity_id)
            .order_by(func.coalesce(counts.c.mentions, 0).desc(), e.c.entity_id)
        )
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]
