"""A demonym that fills a title ("the Russian president", « le président russe ») stays a demonym
mention inside the title, placed at its country, while the title still names its person (real
models; the sentences and the persons were written for these tests)."""

from __future__ import annotations

import pytest

from newsweave.annotate.entities import annotate_entities
from newsweave.model import Article
from newsweave.offsets import OffsetMap


def _entities(text: str, language: str) -> list:
    article = Article(id="t", source="test", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    annotate_entities([article])
    return article.entities


@pytest.mark.parametrize(("text", "demonym", "country", "language"), [
    ("Oren Galvane refused to congratulate the Russian president on his new term, aides said.",
     "Russian", "RU", "en"),
    ("Les investisseurs craignent qu'un président mexicain hostile aux accords ne freine la croissance.",
     "mexicain", "MX", "fr"),
])
def test_the_demonym_of_a_title_is_placed_at_its_country(text: str, demonym: str, country: str, language: str) -> None:
    found = [item for item in _entities(text, language) if item.text == demonym]
    assert found and found[0].mention == "demonym" and found[0].country == country and found[0].lat is not None


def test_the_title_still_names_its_person() -> None:
    text = "The French president, Maelis Doran, opened the fair in Lyon on Monday. Doran spoke for an hour."
    entities = _entities(text, "en")
    title = next(item for item in entities if item.text.lower().endswith("french president"))
    person = next(item for item in entities if item.text == "Maelis Doran")
    assert title.entity_id == person.entity_id
    assert any(item.text == "French" and item.country == "FR" for item in entities)
