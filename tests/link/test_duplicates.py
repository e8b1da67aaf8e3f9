"""Exact copies are stored once and counted; wire copies point to their first copy; different articles stay apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.extract import extract_document
from newsweave.ingest import read_path
from newsweave.link.duplicates import find_duplicate, fingerprint, similarity
from newsweave.link.settings import SETTINGS
from newsweave.model import Article
from newsweave.pipeline import ingest
from newsweave.textnorm import content_hash
from spine_inputs import EN_PARAGRAPHS, EN_TITLE, FR_PARAGRAPHS, FR_TITLE, html_page, plain_text, write

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "newsweave" / "samples"


def _sample_texts() -> dict[str, str]:
    """Cleaned text of every sample-corpus article, by file name and item."""
    texts = {}
    for path in sorted(SAMPLES.rglob("*")):
        if path.is_file():
            for document in read_path(path):
                article = extract_document(document) if not hasattr(document, "reason") else None
                if isinstance(article, Article):
                    texts[document.source.split("samples/")[1]] = article.text
    return texts


SAMPLE_TEXTS = _sample_texts()
# The sample corpus holds, on purpose, one exact copy and two wire copies (docs in the corpus).
KNOWN_COPIES = {
    frozenset({"en/harbour-bridge.txt", "jsonl/wire-desk.jsonl#line-2"}),
    frozenset({"en/storm-wire.txt", "en/storm-ilse-coastal-times.html"}),
    frozenset({"fr/greve-tramway.txt", "feeds/regional-news.rss#item-2"}),
}


def wire_copy(text: str) -> str:
    """What a second outlet makes of a wire story: a new first line, one paragraph dropped."""
    paragraphs = [paragraph for paragraph in text.split("\n\n") if paragraph.strip()]
    dropped = len(paragraphs) - 2
    return "\n\n".join(["Our correspondent reports, in an updated version of this story", *paragraphs[1:dropped], *paragraphs[dropped + 1 :]])


def _print(text: str):
    return fingerprint(text, content_hash(text))


@pytest.mark.parametrize("name", sorted(name for name, text in SAMPLE_TEXTS.items() if text.count("\n\n") >= 4))
def test_wire_copy_of_each_sample_article_is_similar_enough(name):
    original = SAMPLE_TEXTS[name]
    assert similarity(_print(original).signature, _print(wire_copy(original)).signature) >= SETTINGS.near_duplicate_threshold


def test_different_sample_articles_are_far_apart():
    names = sorted(SAMPLE_TEXTS)
    prints = {name: _print(SAMPLE_TEXTS[name]) for name in names}
    for index, first in enumerate(names):
        for second in names[index + 1 :]:
            if frozenset({first, second}) in KNOWN_COPIES:
                continue
            score = similarity(prints[first].signature, prints[second].signature)
            assert score < SETTINGS.near_duplicate_threshold / 2, f"{first} and {second}: {score}"


def test_known_sample_copies_are_found(store):
    ingest([str(SAMPLES)], store)
    by_source = {row["source"].split("samples/")[1]: row for row in store.article_summaries()}
    assert by_source["en/storm-wire.txt"]["duplicate_of"] == by_source["en/storm-ilse-coastal-times.html"]["id"]
    assert by_source["fr/greve-tramway.txt"]["duplicate_of"] == by_source["feeds/regional-news.rss#item-2"]["id"]
    harbour = by_source["en/harbour-bridge.txt"]
    assert "jsonl/wire-desk.jsonl#line-2" not in by_source
    assert harbour["copies"] == 2
    assert [source.split("samples/")[1] for source in store.sources_of(harbour["id"])] == [
        "en/harbour-bridge.txt", "jsonl/wire-desk.jsonl#line-2"]
    originals = [row for row in by_source.values() if row["duplicate_of"] is None]
    assert len(originals) == len(by_source) - 2


def test_exact_copy_differing_in_case_spacing_and_punctuation_is_stored_once(store, tmp_path):
    text = plain_text()
    noisy = text.upper().replace(" ", "  ").replace(",", " ,").replace(".", "!")
    write(tmp_path / "a.txt", text)
    write(tmp_path / "b.txt", noisy)
    # The same article as a web page: the headline goes to the title, the rest is a near copy.
    write(tmp_path / "c.html", html_page(EN_PARAGRAPHS, EN_TITLE))
    write(tmp_path / "d.html", html_page(FR_PARAGRAPHS, FR_TITLE, "fr"))
    summary = ingest([str(tmp_path)], store)
    assert (summary.outcomes["new"], summary.outcomes["exact_copy"], summary.outcomes["near_duplicate"]) == (2, 1, 1)
    rows = {Path(row["source"]).name: row for row in store.article_summaries()}
    assert rows["a.txt"]["copies"] == 2
    assert rows["c.html"]["duplicate_of"] == rows["a.txt"]["id"]


def test_wire_copy_ingested_later_points_to_the_first(store, tmp_path):
    original = "\n\n".join([EN_TITLE, *EN_PARAGRAPHS, *(p.replace("Hollin", "Marlow") for p in EN_PARAGRAPHS)])
    write(tmp_path / "1-original.txt", original)
    write(tmp_path / "2-copy.txt", wire_copy(original))
    write(tmp_path / "3-other.txt", "\n\n".join([FR_TITLE, *FR_PARAGRAPHS]))
    summary = ingest([str(tmp_path)], store)
    assert (summary.outcomes["new"], summary.outcomes["near_duplicate"]) == (2, 1)
    rows = {Path(row["source"]).name: row for row in store.article_summaries()}
    assert rows["2-copy.txt"]["duplicate_of"] == rows["1-original.txt"]["id"]
    assert rows["2-copy.txt"]["duplicate_similarity"] >= SETTINGS.near_duplicate_threshold
    assert rows["3-other.txt"]["duplicate_of"] is None


def test_copy_of_a_copy_points_to_the_first_copy(store, tmp_path):
    original = "\n\n".join([EN_TITLE, *EN_PARAGRAPHS, *(p.replace("Hollin", "Marlow") for p in EN_PARAGRAPHS)])
    write(tmp_path / "1.txt", original)
    write(tmp_path / "2.txt", wire_copy(original))
    write(tmp_path / "3.txt", wire_copy(original).replace("Our correspondent", "A reporter"))
    ingest([str(tmp_path)], store)
    rows = {Path(row["source"]).name: row for row in store.article_summaries()}
    assert rows["2.txt"]["duplicate_of"] == rows["1.txt"]["id"]
    assert rows["3.txt"]["duplicate_of"] == rows["1.txt"]["id"]


def test_find_duplicate_uses_the_store_index(store, tmp_path):
    write(tmp_path / "a.txt", "\n\n".join([EN_TITLE, *EN_PARAGRAPHS]))
    ingest([str(tmp_path)], store)
    text = "\n\n".join([EN_TITLE, *EN_PARAGRAPHS])
    exact = find_duplicate(_print(text), store)
    assert exact is not None and exact.exact
    near = find_duplicate(_print(text + "\n\nA closing line added by the second outlet."), store)
    assert near is not None and not near.exact and near.article_id == exact.article_id
    assert find_duplicate(_print("\n\n".join([FR_TITLE, *FR_PARAGRAPHS])), store) is None


def test_very_short_texts_get_a_fingerprint():
    print_ = _print("Two words")
    assert len(print_.band_keys) > 0
    assert similarity(print_.signature, _print("two words!").signature) == 1.0
