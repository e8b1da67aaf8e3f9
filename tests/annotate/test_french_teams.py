"""French team names, plural first and town after (annotate/team_names.teams_before_places).

The teams are invented; the towns are big ones the gazetteer knows.
"""

from __future__ import annotations

from newsweave.annotate.entities import annotate_entities
from newsweave.model import Article
from newsweave.offsets import OffsetMap


def _found(text: str, language: str = "fr") -> dict[str, str]:
    article = Article(id=language, source="test", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    annotate_entities([article])
    return {item.text: item.label for item in article.entities if item.mention == "name"}


def test_a_plural_before_a_town_is_a_team() -> None:
    found = _found("Les Velmoraks de Toulouse ont battu les Grey Kestrels d'Atlanta samedi soir.")
    assert found["Velmoraks de Toulouse"] == "ORG"
    assert found["Grey Kestrels d'Atlanta"] == "ORG"


def test_people_places_and_common_nouns_are_no_teams() -> None:
    found = _found("Charles de Gaulle parla aux Ukrainiens de Kharkiv. Les Présidents du Cameroun "
                   "et les Îles de la Madeleine furent cités.")
    assert found["Charles de Gaulle"] == "PER"
    assert not [text for text, label in found.items() if label == "ORG"]
