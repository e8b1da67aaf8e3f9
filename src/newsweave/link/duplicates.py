"""Recognise exact duplicates and near-duplicates (wire copies) of stored articles.

Exact duplicates share the hash of their normalised words. Near-duplicates are found with
MinHash over word shingles and locality-sensitive hashing: each signature is cut into
bands, and only articles sharing a band key are compared. The band keys live in the store
(an indexed table), so finding candidates costs the same with 1k or 1M stored articles.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from typing import Protocol

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsweave.link.settings import SETTINGS
from newsweave.textnorm import normalised_words



class DuplicateMemory(Protocol):
    """What the duplicate finder needs from the store: two indexed lookups."""

    def article_with_content(self, content_hash: str) -> str | None: ...

    def articles_with_band_keys(self, band_keys: list[str]) -> list[tuple[str, bytes]]: ...


@dataclass(frozen=True)
class Fingerprint:
    content_hash: str
    signature: bytes
    band_keys: list[str]


@dataclass(frozen=True)
class DuplicateMatch:
    article_id: str
    exact: bool
    similarity: float


@cache
def _bands() -> tuple[int, int]:
    # datasketch chooses the band count and width that balance false positives and
    # false negatives for the threshold; we keep its choice and store the bands ourselves.
    lsh = MinHashLSH(threshold=SETTINGS.near_duplicate_threshold, num_perm=SETTINGS.num_perm)
    return lsh.b, lsh.r


def shingles(text: str) -> set[bytes]:
    words = normalised_words(text)
    if len(words) < SETTINGS.shingle_words:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + SETTINGS.shingle_words]).encode("utf-8") for i in range(len(words) - SETTINGS.shingle_words + 1)}


def fingerprint(text: str, content_hash: str) -> Fingerprint:
    minhash = MinHash(num_perm=SETTINGS.num_perm)
    minhash.update_batch(list(shingles(text)))
    values = minhash.hashvalues.astype(np.uint64)
    bands, rows = _bands()
    keys = [
        f"{band}:{hashlib.blake2b(values[band * rows : (band + 1) * rows].tobytes(), digest_size=8).hexdigest()}"
        for band in range(bands)
    ]
    return Fingerprint(content_hash, values.tobytes(), keys)


def similarity(signature_a: bytes, signature_b: bytes) -> float:
    """Estimated Jaccard similarity of two MinHash signatures."""
    a = np.frombuffer(signature_a, dtype=np.uint64)
    b = np.frombuffer(signature_b, dtype=np.uint64)
    return float(np.mean(a == b))


def find_duplicate(print_: Fingerprint, memory: DuplicateMemory) -> DuplicateMatch | None:
    """The earliest stored article this one copies, exactly or nearly, if any."""
    exact = memory.article_with_content(print_.content_hash)
    if exact:
        return DuplicateMatch(exact, True, 1.0)
    best: DuplicateMatch | None = None
    for article_id, signature in memory.articles_with_band_keys(print_.band_keys):
        score = similarity(print_.signature, signature)
        if score >= SETTINGS.near_duplicate_threshold and (best is None or score > best.similarity):
            best = DuplicateMatch(article_id, False, score)
    return best
