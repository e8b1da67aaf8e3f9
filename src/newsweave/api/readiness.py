"""Loading the models before the server says it is up, and what ``GET /api/health`` reports.

The pipeline loads its models lazily (spaCy pipelines, the sentence-embedding model, the
gazetteer, the story index): in ``newsweave serve`` that made the first ``POST /api/articles``
pay for all of them. :func:`warm_up` runs the analysis on the packaged sample articles
(invented, one per language folder of ``newsweave.samples``) without storing anything, and
opens the store's story index, so every lazy load happens at start-up. The app runs it in its
lifespan: uvicorn accepts connections (and ``serve`` says it is up) only once it is done.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from newsweave.annotate.nlp import MODEL_PACKAGES, NER_BACKENDS, pipeline
from newsweave.ingest.documents import document_from_bytes
from newsweave.link.stories import linker_for
from newsweave.model import RawDocument
from newsweave.pipeline import analyze_batch
from newsweave.store import Store

log = logging.getLogger(__name__)


@dataclass
class Readiness:
    """Where start-up stands: ``starting``, ``ready`` or ``failed`` (with the error)."""

    state: str = "starting"
    warmed: bool = False
    seconds: float | None = None
    error: str | None = None
    languages: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"status": self.state, "models_loaded": self.warmed, "warm_up_s": self.seconds,
                "languages": self.languages, "error": self.error}


def sample_documents() -> list[RawDocument]:
    """The first plain-text sample of each language folder shipped in ``newsweave.samples``."""
    root = resources.files("newsweave.samples")
    documents = []
    for folder in sorted((entry for entry in root.iterdir() if entry.is_dir()), key=lambda entry: entry.name):
        texts = sorted((entry for entry in folder.iterdir() if entry.name.endswith(".txt")), key=lambda entry: entry.name)
        if not texts:
            continue
        raw = next(document_from_bytes(texts[0].read_bytes(), f"warm-up:{folder.name}", "text", declared_charset="utf-8"))
        if isinstance(raw, RawDocument):
            documents.append(raw)
    return documents


def warm_up(store: Store, readiness: Readiness) -> None:
    """Load every model the ingest path uses; record the outcome in ``readiness``."""
    started = time.perf_counter()
    try:
        for language in sorted({*MODEL_PACKAGES, *NER_BACKENDS}):
            pipeline(language)
        analyzed = analyze_batch(sample_documents())  # type: ignore[arg-type]
        linker_for(store)  # reads (or rebuilds) the story index of this store
    except Exception as error:  # noqa: BLE001 - the server still serves what it stores; health says why
        log.exception("warm-up failed")
        readiness.state, readiness.error = "failed", f"{type(error).__name__}: {error}"
        return
    finally:
        readiness.seconds = round(time.perf_counter() - started, 2)
    readiness.languages = sorted({getattr(item, "language", None) or "?" for item in analyzed})
    readiness.state, readiness.warmed = "ready", True
