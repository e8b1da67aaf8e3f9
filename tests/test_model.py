"""The typed annotations: frozen, and serialised to the contract's JSON without loss."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from newsweave.model import Article, Entity, Event, Flag, Participant, Quote, Skip, Span, Timex
from newsweave.pipeline import analyze_batch, read_documents, store_analyzed
from newsweave.store import Store

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "newsweave" / "samples"
SPAN_KEYS = ["start", "end", "source_start", "source_end", "text"]
# The key order of each annotation in the article JSON (shared/contract.md, docs/contract-additions.md).
ENTITY_KEYS = [*SPAN_KEYS, "label", "entity_id", "canonical", "mention", "lat", "lon", "geo_confidence", "country", "role"]
DATE_KEYS = [*SPAN_KEYS, "type", "value", "mod", "published_evidence"]
QUOTE_KEYS = [*SPAN_KEYS, "speaker", "speaker_name", "speaker_entity_id", "cue", "direct", "partial", "quote_id",
              "corroborated_by", "speaker_description"]
EVENT_KEYS = ["type", "trigger", "actor", "target", "location", "date"]


def _span(start: int, text: str) -> dict:
    return {"start": start, "end": start + len(text), "source_start": start + 10, "source_end": start + 10 + len(text),
            "text": text}


def test_optional_fields_are_left_out_until_set() -> None:
    plain = Entity(**_span(0, "Dunmore"), label="LOC", entity_id="loc:dunmore", canonical="Dunmore", mention="name")
    assert list(plain.to_json()) == [*SPAN_KEYS, "label", "entity_id", "canonical", "mention"]
    placed = dataclasses.replace(plain, lat=52.1, lon=-1.5, country="GB")
    assert placed.to_json()["lat"] == 52.1 and "geo_confidence" not in placed.to_json()
    unknown = Entity(**_span(0, "Somebody"), label="PER")
    assert unknown.to_json()["entity_id"] is None  # always present in the contract, even when unknown


def test_annotations_cannot_be_changed_in_place() -> None:
    quote = Quote(**_span(5, "We will rebuild"), speaker_name="Ana Roth")
    with pytest.raises(dataclasses.FrozenInstanceError):
        quote.speaker_name = "someone else"  # type: ignore[misc]
    flag = Flag("generic_filler", "info", "Vague sentence.", [Span(**_span(0, "It matters"))])
    assert isinstance(flag.evidence, tuple)


@pytest.mark.parametrize("item", [
    Entity(**_span(3, "Kelmora"), label="LOC", entity_id="loc:kelmora", canonical="Kelmora", mention="name", lat=1.5,
           lon=2.5, geo_confidence=0.8, country="PT"),
    Timex(**_span(0, "last Tuesday"), type="DATE", value="2025-03-04", published_evidence=True),
    Quote(**_span(10, "Nothing is decided"), speaker=Span(**_span(40, "the mayor")), speaker_name="the mayor",
          cue="said", direct=True, partial=True, quote_id=2, corroborated_by=("a1", "b2")),
    Event("PROTEST", Span(**_span(4, "marched")), Participant(**_span(0, "Dockers"), label="ORG"), None,
          Participant(**_span(20, "Kelmora"), label="LOC", entity_id="loc:kelmora", lat=1.0, lon=2.0), "2025-03-04"),
    Flag("date_inconsistent", "warning", "Tuesday 4 March 2026 is a Wednesday.", (Span(**_span(0, "Tuesday")),), 0.9),
])
def test_json_round_trips(item: Entity | Timex | Quote | Event | Flag) -> None:
    found = item.to_json()
    assert json.loads(json.dumps(found)) == found
    assert type(item).from_json(found) == item


def test_skip_reads_as_stage_and_reason() -> None:
    assert Skip("entities", "no model").to_json() == {"stage": "entities", "reason": "no model"}


@pytest.fixture(scope="module")
def sample_articles() -> list[Article]:
    found = analyze_batch(list(read_documents([str(SAMPLES)])), overlap=False)
    return [item for item in found if isinstance(item, Article)]


def test_sample_corpus_json_keeps_the_contract_key_order(sample_articles: list[Article]) -> None:
    assert len(sample_articles) >= 15
    seen = {"entities": 0, "dates": 0, "quotes": 0, "events": 0}
    for article in sample_articles:
        found = article.to_json()
        for kind, order in (("entities", ENTITY_KEYS), ("dates", DATE_KEYS), ("quotes", QUOTE_KEYS), ("events", EVENT_KEYS)):
            for item in found[kind]:
                seen[kind] += 1
                assert list(item) == [key for key in order if key in item], (kind, item)
                assert set(item) <= set(order)
    assert all(seen.values()), seen


def test_stored_articles_give_back_the_json_they_were_stored_with(sample_articles: list[Article], tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'model.db'}")
    try:
        before = {}
        for article in sample_articles:
            # What storing adds (linked ids, flags) is part of the JSON compared below.
            outcome = store_analyzed(article, store)
            if outcome == "new":
                before[article.id] = json.dumps(article.to_json())
        assert len(before) >= 15
        for article_id, stored in before.items():
            again = store.get_article(article_id)
            assert again is not None
            after = again.to_json()
            expected = json.loads(stored)
            # Corroboration runs across the store after storing; the rest must be as stored.
            for item in [*after["quotes"], *expected["quotes"]]:
                item.pop("corroborated_by")
            assert after == expected
    finally:
        store.close()
