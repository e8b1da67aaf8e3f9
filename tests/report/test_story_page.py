"""The story page's wording, rendered by the report's own Jinja environment and template."""

from __future__ import annotations

import re

from markupsafe import Markup

from newsweave.report.html import environment
from newsweave.report.map import places_in_articles
from newsweave.report.stories import STATEMENT_COLOUR, TYPE_COLOURS, timeline_plot

FRANCE = {"canonical": "Paris", "entity_id": "geo:2988507", "lat": 48.85, "lon": 2.35, "country": "FR"}
TEXAS = {"canonical": "Paris", "entity_id": "geo:4717560", "lat": 33.66, "lon": -95.56, "country": "US"}
LYON = {"canonical": "Lyon", "entity_id": "geo:2996944", "lat": 45.76, "lon": 4.84, "country": "FR"}


def _render(article_ids: list[str], entity_lists: list[list[dict]], undated: int) -> str:
    timeline = [{"date": None, "article_id": "a1", "start": 0, "end": 4, "text": "Text", "event_type": None}] * undated
    story = {"id": "s1", "label": "Paris fair", "article_ids": article_ids, "languages": ["en"], "first": None, "last": None}
    return environment().get_template("story.html").render(
        story=story, timeline=timeline, plot=timeline_plot(timeline), by_language={}, colours=TYPE_COLOURS,
        statement_colour=STATEMENT_COLOUR, places=places_in_articles(entity_lists), place_map=Markup("<svg></svg>"))


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_places_list_tells_namesakes_apart_by_their_country():
    page = _render(["a1", "a2"], [[FRANCE, FRANCE, LYON], [TEXAS]], undated=0)
    places = [_text(item) for item in re.findall(r"<li>(.*?)</li>", page.split('id="places"')[1].split("</ul>")[0])]
    assert places == ["Paris (FR) 1 article, 2 mentions", "Lyon 1 article, 1 mention", "Paris (US) 1 article, 1 mention"]


def test_counts_are_singular_for_one_and_plural_otherwise():
    one = _text(_render(["a1"], [[LYON]], undated=1))
    assert "story s1 · 1 article ·" in one and "1 undated entry listed at the end" in one
    many = _text(_render(["a1", "a2"], [[LYON], [LYON]], undated=3))
    assert "story s1 · 2 articles ·" in many and "3 undated entries listed at the end" in many
    assert "Lyon 2 articles, 2 mentions" in many
