"""What every part of the store shares: the engine, the dialect, and statements built once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.dialects import postgresql, sqlite


class StoreBase:
    """The engine and helpers the store's parts (``articles``, ``entities``, ``quotes``,
    ``stats``, stories) use; :class:`newsweave.store.Store` joins them."""

    engine: Engine
    _inserts_ignoring: dict[tuple[str, str | None], Any]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def _insert_ignore(self, table, returning: str | None = None):
        """``INSERT … ON CONFLICT DO NOTHING`` (optionally ``RETURNING`` a column), built once per
        store and table: run it with the row as parameters, never ``.values()``."""
        key = (table.name, returning)
        if key not in self._inserts_ignoring:
            dialect = postgresql if self.dialect == "postgresql" else sqlite
            statement = dialect.insert(table).on_conflict_do_nothing()
            self._inserts_ignoring[key] = statement.returning(table.c[returning]) if returning else statement
        return self._inserts_ignoring[key]


def chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    """Slices of ``items`` short enough for one ``IN (...)`` (SQLite limits bound parameters)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
