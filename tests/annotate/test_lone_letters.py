"""A capital letter or a Roman numeral standing alone is no name (annotate/entities.py), in
French and English. Names and places are invented or big cities."""

from __future__ import annotations

import pytest

from newsweave.annotate.entities import LONE_LETTER, annotate_entities
from newsweave.model import Article
from newsweave.offsets import OffsetMap


def _names(text: str, language: str) -> set[str]:
    article = Article(id=language, source="test", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    annotate_entities([article])
    return {item.text for item in article.entities if item.mention == "name"}


@pytest.mark.parametrize("text", ["C", "B.", "II", "XIV"])
def test_a_letter_or_numeral_alone_matches(text: str) -> None:
    assert LONE_LETTER.fullmatch(text)


@pytest.mark.parametrize("text", ["CA", "Ivry", "Xavier", "ZDF"])
def test_a_word_does_not_match(text: str) -> None:
    assert not LONE_LETTER.fullmatch(text)


def test_no_letter_alone_among_the_names() -> None:
    names = _names("Le club de Lyon tombe dans le groupe C avec Oriane Velmont, selon le plan B du comité.", "fr")
    assert not {"C", "B"} & names
    names = _names("Mara Velden of Lyon said Plan B was ready, and Group C will play in Paris.", "en")
    assert not {"C", "B"} & names
