"""A map of places as inline SVG: no tile server, no script, readable offline.

The background is Natural Earth's 1:110m country outlines (public domain), projected
equirectangularly and simplified into ``data/world_outline.json`` by
``bench/make_world_outline.py``. Places are dots sized by how often they are mentioned,
each once, with a ``<title>`` that the browser shows on hover: the place, its counts, the
geocoder's confidence and the sentences that name it. Names are article content, hence
untrusted: they are escaped here because the SVG is handed to templates as ``Markup``.

Story pages call :func:`world_map_svg` with the places of their articles (entities with
``lat``/``lon``): :func:`places_of` gathers them from one article's entities,
:func:`places_in_articles` from several, counting the articles that name each place.
A place is one geocoded entity (its id, else its coordinates), not a name: Paris in France
and Paris in Texas are two dots, whose tooltips add the country to tell them apart.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from markupsafe import Markup, escape

from newsweave.report.wording import count_noun

OUTLINE_FILE = "world_outline.json"
# Dot radius in map units for a place mentioned once, and the cap for the most mentioned.
MIN_RADIUS, MAX_RADIUS = 3.0, 9.0
# Margin (in degrees) kept around the places when the map zooms onto them.
ZOOM_MARGIN_DEGREES = 8.0
# Never zoom closer than this span (degrees of longitude): below it the 1:110m outline
# is too coarse to recognise.
MIN_SPAN_DEGREES = 30.0
# Sentences shown in a dot's tooltip, and the most characters of each.
MAX_SENTENCES = 3
MAX_SENTENCE_CHARS = 240
SENTENCE_ENDS = (". ", "! ", "? ", "\n", "。")


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    mentions: int = 1
    articles: int = 1
    country: str | None = None
    entity_id: str | None = None
    # The geocoder's confidence in this reading (0-1; the highest over its mentions), if known.
    confidence: float | None = None
    # Sentences that name the place (at most MAX_SENTENCES, in text order), for the tooltip.
    sentences: tuple[str, ...] = ()

    @property
    def identity(self) -> str:
        """What makes two mentions one place: the geocoded entity, else the same coordinates."""
        return self.entity_id or f"{self.lat:.4f},{self.lon:.4f}"


@cache
def _outline() -> dict[str, Any]:
    path = resources.files("newsweave.report") / "data" / OUTLINE_FILE
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _outline_path() -> str:
    return " ".join("M" + " ".join(f"{x} {y}" for x, y in ring) + "Z" for ring in _outline()["rings"])


def project(lat: float, lon: float) -> tuple[float, float]:
    """Map units of a point, in the outline's equirectangular projection."""
    outline = _outline()
    lat = max(outline["south"], min(outline["north"], lat))
    return (lon + 180) * outline["scale"], (outline["north"] - lat) * outline["scale"]


def places_of(entities: Iterable[dict[str, Any]], text: str | None = None) -> list[Place]:
    """Places with coordinates among entity mentions, merged by place (see :attr:`Place.identity`).

    With the article's ``text``, each place keeps the sentences that name it (entity offsets
    ``start``/``end`` index that text). A demonym ("French officials") or an organisation that
    stands for an area ("EU") carries a point but names no place the story happens in: only
    place mentions (label LOC, or no label) are drawn."""
    merged: dict[str, Place] = {}
    for entity in entities:
        lat, lon = entity.get("lat"), entity.get("lon")
        if lat is None or lon is None or not (math.isfinite(lat) and math.isfinite(lon)):
            continue
        if entity.get("mention") == "demonym" or entity.get("label", "LOC") != "LOC":
            continue
        name = str(entity.get("canonical") or entity.get("text") or "")
        confidence = entity.get("geo_confidence")
        sentence = _sentence_at(text, entity.get("start"), entity.get("end")) if text else None
        place = Place(name, float(lat), float(lon), country=entity.get("country"), entity_id=entity.get("entity_id"),
                      confidence=float(confidence) if confidence is not None else None,
                      sentences=(sentence,) if sentence else ())
        known = merged.get(place.identity)
        merged[place.identity] = _merge(known, place, articles=0) if known else place
    return sorted(_fold_named_after(merged, articles=0).values(), key=lambda place: -place.mentions)


def places_in_articles(entity_lists: Iterable[Iterable[dict[str, Any]]], texts: Iterable[str] | None = None) -> list[Place]:
    """Places of several articles (one entity list each): mentions summed, each article counted once.

    ``texts``, when given, are the articles' texts in the same order (for the sentences).
    Ordered by the number of articles naming the place, then mentions, then name (then
    identity, for namesakes), so the order is the same whatever the order of the articles.
    """
    merged: dict[str, Place] = {}
    text_list = list(texts) if texts is not None else None
    for index, entities in enumerate(entity_lists):
        text = text_list[index] if text_list is not None and index < len(text_list) else None
        for place in places_of(entities, text):
            known = merged.get(place.identity)
            merged[place.identity] = _merge(known, place, articles=1) if known else place
    found = sorted(_fold_named_after(merged, articles=1).values(), key=lambda place: (-place.articles, -place.mentions, place.name, place.identity))
    return [replace(place, sentences=tuple(sorted(place.sentences))[:MAX_SENTENCES]) for place in found]


def _fold_named_after(merged: dict[str, Place], articles: int) -> dict[str, Place]:
    """A named thing placed at the point of the place it is named after ("Manila Cathedral" at
    Manila: its own identity, a geocoded place's point) is one dot with that place, when the
    map has it: its mentions, articles and sentences go to the place's dot."""
    at: dict[tuple[float, float], list[str]] = {}
    for identity, place in merged.items():
        if identity.startswith("geo:"):
            at.setdefault((round(place.lat, 4), round(place.lon, 4)), []).append(identity)
    folded = dict(merged)
    for identity, place in merged.items():
        if place.entity_id is None or identity.startswith("geo:"):
            continue
        hosts = at.get((round(place.lat, 4), round(place.lon, 4)), [])
        if len(hosts) == 1:
            # Each article counted once: one that names both is already on the host's count.
            folded[hosts[0]] = _merge(folded[hosts[0]], place, articles=place.articles if articles else 0)
            del folded[identity]
    return folded


def _merge(known: Place, other: Place, articles: int) -> Place:
    confidences = [value for value in (known.confidence, other.confidence) if value is not None]
    sentences = known.sentences + tuple(s for s in other.sentences if s not in known.sentences)
    return replace(known, mentions=known.mentions + other.mentions, articles=known.articles + articles,
                   confidence=max(confidences) if confidences else None, sentences=sentences)


def _sentence_at(text: str, start: Any, end: Any) -> str | None:
    """The sentence around ``text[start:end]``, cut at MAX_SENTENCE_CHARS.

    Hand-written rather than a sentence splitter: the report has the text but no parsed Doc,
    and a tooltip needs only the neighbourhood of the name, not exact sentence bounds.
    """
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        return None
    left = max((text.rfind(mark, 0, start) for mark in SENTENCE_ENDS), default=-1)
    left = max(left + 1, start - MAX_SENTENCE_CHARS // 2)
    rights = [position for position in (text.find(mark, end) for mark in SENTENCE_ENDS) if position >= 0]
    right = min([*rights, len(text) - 1, end + MAX_SENTENCE_CHARS // 2]) + 1
    sentence = " ".join(text[left:right].split())
    return sentence or None


def place_title(place: Place, namesake: bool = False) -> str:
    """What a dot's tooltip says: the place (with its country if another dot has its name),
    how many articles and mentions, where, how sure the geocoder is, and the sentences that
    name it (one a line)."""
    name = f"{place.name} ({place.country})" if namesake and place.country else place.name
    counts = f"{count_noun(place.articles, 'article')}, {count_noun(place.mentions, 'mention')}"
    title = f"{name} · {counts} · {place.lat:.2f}, {place.lon:.2f}"
    if place.confidence is not None:
        title += f" · confidence {place.confidence:.0%}"
    return "\n".join([title, *(f"“{sentence}”" for sentence in place.sentences)])


def world_map_svg(places: list[Place], *, zoom: bool = True, label: str = "Places mentioned") -> Markup:
    """An ``<svg>`` element: the world outline and one dot per place (escaped names)."""
    outline = _outline()
    x0, y0, width, height = _view_box(places, outline) if zoom and places else (0, 0, outline["width"], outline["height"])
    most = max((place.mentions for place in places), default=1)
    stroke = width / outline["width"]  # keeps lines and dots the same size on screen when zoomed
    names = Counter(place.name for place in places)
    dots = []
    for place in places:
        x, y = project(place.lat, place.lon)
        radius = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(place.mentions / most) if most > 1 else MIN_RADIUS
        scaled = radius * stroke
        title = place_title(place, namesake=names[place.name] > 1)
        dots.append(
            f'<circle class="place" cx="{x:.1f}" cy="{y:.1f}" r="{scaled:.2f}" fill="#c2410c" fill-opacity="0.8" '
            f'stroke="#fff" stroke-width="{0.6 * stroke:.3f}"><title>{escape(title)}</title></circle>'
        )
    return Markup(
        f'<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="{x0:.1f} {y0:.1f} {width:.1f} {height:.1f}" '
        f'role="img" aria-label="{escape(label)}">'
        f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{width:.1f}" height="{height:.1f}" fill="#eef4fa"/>'
        f'<path d="{_outline_path()}" fill="#dfe3e8" stroke="#9aa3ad" stroke-width="{0.5 * stroke:.3f}"/>'
        + "".join(dots)
        + "</svg>"
    )


def _view_box(places: list[Place], outline: dict[str, Any]) -> tuple[float, float, float, float]:
    """A box around the places with a margin, at the map's aspect ratio, inside the world."""
    scale = outline["scale"]
    points = [project(place.lat, place.lon) for place in places]
    margin = ZOOM_MARGIN_DEGREES * scale
    left, right = min(x for x, _ in points) - margin, max(x for x, _ in points) + margin
    top, bottom = min(y for _, y in points) - margin, max(y for _, y in points) + margin
    aspect = outline["height"] / outline["width"]
    width = max(right - left, (bottom - top) / aspect, MIN_SPAN_DEGREES * scale)
    width = min(width, outline["width"])
    height = width * aspect
    cx, cy = (left + right) / 2, (top + bottom) / 2
    x0 = min(max(cx - width / 2, 0), outline["width"] - width)
    y0 = min(max(cy - height / 2, 0), outline["height"] - height)
    return x0, y0, width, height
