"""A small store for the API tests: articles written for these tests, ingested for real once
per module and database (SQLite, and PostgreSQL when the test server can start)."""

from __future__ import annotations

import pytest
from api_corpus import add_story_and_entity, write_corpus

from newsweave.pipeline import ingest
from newsweave.store import Store


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def filled_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("api")
    server = database = None
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'api.db'}"
    else:
        server = request.getfixturevalue("postgres_server")
        database = server.create_database()
        url = server.url(database)
    store = Store(url)
    ingest([str(write_corpus(folder / "corpus"))], store)
    yield store, add_story_and_entity(store)
    store.close()
    if server is not None:
        server.drop_database(database)
