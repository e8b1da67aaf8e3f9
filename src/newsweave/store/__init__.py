"""Stage 6, store: articles and everything found in them, in SQLite or PostgreSQL."""

from newsweave.store.database import DEFAULT_URL, Store, StoreError, database_url

__all__ = ["DEFAULT_URL", "Store", "StoreError", "database_url"]
