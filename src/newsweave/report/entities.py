"""Entity pages for readers: every spelling and language, articles and stories over time,
quotes by language, the entities named alongside, and a map for a place.

The page (:func:`render_entity`) is the same in the static report (``entities/<slug>.html``)
and in the web UI (``/entities/<slug>.html``), like the story pages: its links are relative
(``../articles/<id>.html``), which resolve the same in both. Entity ids hold characters
that do not belong in a file name or a relative link (``geo:2988507`` would read as a URL
scheme), so pages are named by :func:`entity_slug`, which the UI reverses.

The articles-per-day chart is an inline SVG drawn here for the same reason as the story
timeline (``report.stories``): no script is allowed on these pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from jinja2 import Environment

from newsweave.report.map import Place, world_map_svg
from newsweave.store import Store
from newsweave.store.entity_pages import entity_profile

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")
_ESCAPED = re.compile(r"~([0-9a-f]{6})")
# Chart geometry (px).
CHART_WIDTH, CHART_HEIGHT, CHART_MARGIN = 760, 120, 24
CHART_MAX_BAR = 40.0
CHART_MIN_DAYS = 7


def entity_slug(entity_id: str) -> str:
    """A file-name-safe, reversible form of an entity id: ``geo:2988507`` → ``geo~00003a2988507``."""
    return _UNSAFE.sub(lambda match: f"~{ord(match.group()):06x}", entity_id)


def entity_id_of(slug: str) -> str:
    return _ESCAPED.sub(lambda match: chr(int(match.group(1), 16)), slug)


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    title: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    ticks: list[tuple[float, str]]


def per_day_chart(per_day: list[dict[str, Any]]) -> Chart | None:
    """Bars of articles per publication day on a day axis (None when nothing is dated)."""
    days = [(day, item["articles"]) for item in per_day if (day := _day(item["day"])) is not None]
    if not days:
        return None
    first, last = _axis(days[0][0], days[-1][0])
    span = (last - first).days + 1
    inner = CHART_WIDTH - 2 * CHART_MARGIN
    slot = inner / span
    width = min(max(slot - 1, 1.0), CHART_MAX_BAR)
    top = max(count for _, count in days)
    bars = []
    for day, count in days:
        height = (CHART_HEIGHT - 2 * CHART_MARGIN) * count / top
        x = CHART_MARGIN + slot * (day - first).days + (slot - width) / 2
        bars.append(Bar(round(x, 1), round(CHART_HEIGHT - CHART_MARGIN - height, 1), round(width, 1), round(height, 1),
                        f"{day.isoformat()} · {count} article{'s' if count != 1 else ''}"))
    ticks: list[tuple[float, str]] = [(CHART_MARGIN, first.isoformat()), (float(CHART_WIDTH - CHART_MARGIN), last.isoformat())]
    return Chart(CHART_WIDTH, CHART_HEIGHT, bars, ticks)


def _axis(first: date, last: date) -> tuple[date, date]:
    """The days the chart spans: at least a week around the dated days, so that one day of news
    reads as one narrow bar in its week rather than a bar as wide as the chart."""
    missing = CHART_MIN_DAYS - ((last - first).days + 1)
    if missing <= 0:
        return first, last
    before = missing // 2
    return first - timedelta(days=before), last + timedelta(days=missing - before)


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def place_map(profile: dict[str, Any]):
    """The map of a place (an entity with coordinates), else None."""
    if profile.get("lat") is None or profile.get("lon") is None:
        return None
    mentions = sum(item["mentions"] for item in profile["spellings"])
    place = Place(profile["canonical"], profile["lat"], profile["lon"], max(mentions, 1), max(profile["articles_total"], 1),
                  profile.get("country"), profile["entity_id"])
    return world_map_svg([place], label=f"Map of {profile['canonical']}")


def render_entity(env: Environment, profile: dict[str, Any], ui: bool = False) -> str:
    """An entity's page; ``ui`` adds what needs the server (its feed, a search around a place)."""
    return env.get_template("entity.html").render(
        entity=profile, chart=per_day_chart(profile["per_day"]), place_map=place_map(profile), ui=ui,
        slug=entity_slug, feed_url=f"/feeds/entities/{profile['entity_id']}.atom" if ui else None,
    )


def write_entity_pages(store: Store, out: Path, env: Environment, entity_ids: list[str]) -> int:
    """One page per entity under ``out/entities/``; returns how many were written."""
    folder = out / "entities"
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for entity_id in entity_ids:
        profile = entity_profile(store, entity_id)
        if profile is None:
            continue
        (folder / f"{entity_slug(entity_id)}.html").write_text(render_entity(env, profile), encoding="utf-8")
        written += 1
    return written
