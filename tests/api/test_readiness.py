"""Start-up loads the models before the server answers; ``GET /api/health`` says so."""

from __future__ import annotations

import subprocess
import sys

from fastapi.testclient import TestClient

from newsweave.api import create_app
from newsweave.api.readiness import sample_documents
from newsweave.store import Store


def test_samples_cover_every_language_folder():
    languages = {document.source.split(":")[1] for document in sample_documents()}
    assert {"en", "fr"} <= languages


WARM_START = """
import sys
from fastapi.testclient import TestClient
from newsweave.annotate import embeddings, nlp
from newsweave.api import create_app
from newsweave.store import Store

store = Store(sys.argv[1])
assert nlp.pipeline.cache_info().currsize == 0 and embeddings._model.cache_info().currsize == 0
app = create_app(store)
with TestClient(app) as client:  # runs the lifespan: start-up, then requests
    assert nlp.pipeline.cache_info().currsize >= 2  # en and fr pipelines, before any request
    assert embeddings._model.cache_info().currsize == 1
    health = client.get("/api/health")
    assert health.status_code == 200
    body = health.json()
    assert body["status"] == "ready" and body["models_loaded"] and body["store"] == "ok" and body["warm_up_s"] > 0
    assert {"en", "fr"} <= set(body["languages"])
assert store.stats()["articles"] == 0  # the warm-up stored nothing
store.close()
"""


def test_models_are_loaded_before_the_first_request(tmp_path):
    # In a fresh interpreter: clearing this process's model caches would leave the matchers
    # other tests' annotators built on the old pipelines' vocabularies.
    done = subprocess.run([sys.executable, "-c", WARM_START, str(tmp_path / "ready.db")],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]


def test_health_without_warm_up_is_ready_but_says_models_are_not_loaded(tmp_path):
    store = Store(str(tmp_path / "cold.db"))
    with TestClient(create_app(store, warm=False)) as client:
        body = client.get("/api/health").json()
        assert body["status"] == "ready" and body["models_loaded"] is False
    store.close()
