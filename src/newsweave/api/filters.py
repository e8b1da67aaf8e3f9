"""The search filters as query parameters, shared by ``GET /api/search``, the ``/search``
page and its Atom feed: one validation, so a bad value answers 422 wherever it is sent."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query, Request

from newsweave.store import Store
from newsweave.store.entity_pages import entity_row
from newsweave.store.search import FLAG_KINDS, Cursor, Near, SearchFilter, known_flag_kind

ID_PATTERN = r"^[A-Za-z0-9_.:~-]{1,64}$"
# Radius of a place filter when the client names a place without one (km): a city and its suburbs.
DEFAULT_RADIUS_KM = 50.0


def search_filter(
    request: Request,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="Words, all required")] = None,
    language: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$", description="ISO 639-1 code")] = None,
    since: Annotated[date | None, Query(description="Published on or after (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="Published on or before (YYYY-MM-DD)")] = None,
    entity: Annotated[str | None, Query(pattern=ID_PATTERN, description="An entity id: articles naming it")] = None,
    place: Annotated[str | None, Query(pattern=ID_PATTERN, description="A place's entity id: articles naming a place within km of it")] = None,
    lat: Annotated[float | None, Query(ge=-90, le=90)] = None,
    lon: Annotated[float | None, Query(ge=-180, le=180)] = None,
    km: Annotated[float | None, Query(gt=0, le=20_000, description=f"Radius in km (default {DEFAULT_RADIUS_KM:g})")] = None,
    story: Annotated[str | None, Query(pattern=ID_PATTERN)] = None,
    flag: Annotated[str | None, Query(pattern=r"^[a-z_]{1,40}$", description=f"Flag kind: {', '.join(FLAG_KINDS)}")] = None,
    source: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9.:-]{1,253}$", description="Outlet: the host of the article URL")] = None,
) -> SearchFilter:
    """Validated filters; inconsistent combinations answer 422 with what is wrong."""
    store: Store = request.app.state.store
    if since and until and since > until:
        raise HTTPException(422, "since is after until")
    if flag and not known_flag_kind(store, flag):
        raise HTTPException(422, f"unknown flag kind {flag!r}; known kinds: {', '.join(FLAG_KINDS)}")
    if (lat is None) != (lon is None):
        raise HTTPException(422, "give both lat and lon, or neither")
    if place and lat is not None:
        raise HTTPException(422, "give a place or lat/lon, not both")
    if km is not None and place is None and lat is None:
        raise HTTPException(422, "km needs a place or lat/lon")
    near = None
    if place:
        row = entity_row(store, place)
        if row is None or row["lat"] is None or row["lon"] is None:
            raise HTTPException(422, f"no place with coordinates has id {place!r}")
        near = Near(row["lat"], row["lon"], km or DEFAULT_RADIUS_KM)
    elif lat is not None and lon is not None:
        near = Near(lat, lon, km or DEFAULT_RADIUS_KM)
    return SearchFilter(q=q.strip() or None if q else None, language=language, since=since, until=until, entity=entity,
                        near=near, story=story, flag=flag, source=source)


def page_cursor(
    after: Annotated[str | None, Query(max_length=400, description="Continue after a page: its `next` value")] = None,
) -> Cursor | None:
    """The keyset cursor of ``GET /api/search``; a value no page handed out answers 422."""
    if after is None:
        return None
    try:
        return Cursor.decode(after)
    except ValueError:
        raise HTTPException(422, "after is not a page cursor (give the next value of a page)") from None
