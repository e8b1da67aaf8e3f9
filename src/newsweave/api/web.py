"""The web UI of ``newsweave serve``: server-rendered pages, no JavaScript.

The article and story pages are the static report's pages (``report.html.render_article``,
``report.stories.render_story``), served at the same relative places (``/articles/<id>.html``,
``/stories/<id>``, home at ``/index.html``) so their links work unchanged; the UI's own
``base.html`` comes first in the template search path and frames them with the UI's
navigation and search box. Every page is sent with a Content-Security-Policy that forbids
scripts, so even a mistake in escaping article content could not run code in a reader's browser.
"""

from __future__ import annotations

import calendar
from typing import Annotated, Any
from urllib.parse import parse_qs, quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader

from newsweave.api import queries
from newsweave.api.filters import search_filter
from newsweave.api.queries import Page
from newsweave.report.entities import entity_id_of, entity_slug, render_entity
from newsweave.report.html import environment as report_environment
from newsweave.report.html import render_article
from newsweave.report.stories import render_story
from newsweave.store import Store
from newsweave.store.entity_pages import entity_list, entity_profile
from newsweave.store.feedback import MAX_COMMENT_CHARS, VERDICTS
from newsweave.store.search import FLAG_KINDS, SearchFilter, search
from newsweave.store.trending import recent_trending

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# Articles per page in the UI list.
UI_PAGE = 50
# Stories listed as growing on the home page, and the window they grew in (hours).
TRENDING_SHOWN, TRENDING_HOURS = 8, 24.0


def _environment() -> Environment:
    """The report's templates and settings, with the UI's templates searched first."""
    env = report_environment(PackageLoader("newsweave.api", "templates"))
    env.globals["with_param"] = with_param
    env.globals["entity_slug"] = entity_slug
    env.globals["month_query"] = month_query
    return env


def with_param(params: dict[str, str], key: str, value: str | None) -> str:
    """A query string: ``params`` with ``key`` set to ``value`` (dropped when None), from the first page."""
    changed = {name: given for name, given in params.items() if name not in (key, "offset") and given != ""}
    if value is not None:
        changed[key] = value
    return "?" + urlencode(changed) if changed else "?"


def _page(html: str) -> HTMLResponse:
    return HTMLResponse(html, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY, "X-Content-Type-Options": "nosniff"})


def month_query(params: dict[str, str], month: str) -> str:
    """``params`` narrowed to one month (``YYYY-MM``) of publication."""
    year, number = (int(part) for part in month.split("-"))
    last = calendar.monthrange(year, number)[1]
    return with_param({**params, "since": f"{month}-01"}, "until", f"{month}-{last:02d}")


def web_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)
    env = _environment()

    def store_of(request: Request) -> Store:
        return request.app.state.store

    @router.get("/", response_class=HTMLResponse)
    @router.get("/index.html", response_class=HTMLResponse)
    def home(
        request: Request,
        q: Annotated[str, Query(max_length=200)] = "",
        language: Annotated[str, Query(max_length=3)] = "",
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> HTMLResponse:
        store = store_of(request)
        wanted = SearchFilter(q=q.strip() or None, language=language or None)
        found = queries.list_articles(store, wanted, Page(limit=UI_PAGE, offset=offset))
        trending = recent_trending(store, hours=TRENDING_HOURS, limit=TRENDING_SHOWN)
        return _page(env.get_template("home.html").render(q=q, language=language, found=found, stats=store.stats(),
                                                          next_offset=_next_offset(found), trending=trending,
                                                          originals=store.article_titles(sorted({a["duplicate_of"] for a in found["items"] if a["duplicate_of"]})),
                                                          trending_hours=TRENDING_HOURS))

    @router.get("/search", response_class=HTMLResponse)
    def search_page(
        request: Request,
        wanted: Annotated[SearchFilter, Depends(search_filter)],
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> HTMLResponse:
        found = search(store_of(request), wanted, UI_PAGE, offset)
        params = dict(request.query_params)
        query = urlencode({key: value for key, value in params.items() if key != "offset" and value != ""})
        return _page(env.get_template("search.html").render(
            q=wanted.q or "", wanted=wanted, params=params, found=found, flag_kinds=FLAG_KINDS,
            next_offset=_next_offset(found), feed_url="/feeds/search.atom" + (f"?{query}" if query else ""),
        ))

    @router.get("/entities", response_class=HTMLResponse)
    def entities(
        request: Request,
        q: Annotated[str, Query(max_length=200)] = "",
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> HTMLResponse:
        found = entity_list(store_of(request), q.strip() or None, UI_PAGE, offset)
        return _page(env.get_template("entities.html").render(name=q, found=found, next_offset=_next_offset(found)))

    @router.get("/entities/{name}", response_class=HTMLResponse)
    def entity(request: Request, name: str) -> HTMLResponse:
        entity_id = entity_id_of(name.removesuffix(".html"))
        profile = entity_profile(store_of(request), entity_id)
        if profile is None:
            raise HTTPException(404, f"no entity with id {entity_id!r}")
        return _page(render_entity(env, profile, ui=True))

    @router.get("/favicon.ico")
    def favicon() -> Response:
        # Browsers ask for it on every page; an empty answer keeps a 404 out of their console.
        return Response(status_code=204)

    @router.get("/stories", response_class=HTMLResponse)
    def stories(request: Request) -> HTMLResponse:
        found = queries.list_stories(store_of(request), Page(limit=queries.MAX_PAGE))
        return _page(env.get_template("stories.html").render(found=found))

    @router.get("/stories/{story_id}", response_class=HTMLResponse)
    def story(request: Request, story_id: str,
              language: Annotated[str | None, Query(pattern="^[a-z]{2,3}$")] = None) -> Any:
        story_id = story_id.removesuffix(".html")  # the report's file name works too
        store = store_of(request)
        found = queries.story_row(store, story_id)
        if found is None:
            successor = store.resolve_story(story_id)  # merged into another story
            if successor and successor != story_id:
                return RedirectResponse(f"/stories/{successor}.html", status_code=308)
            raise HTTPException(404, f"no story with id {story_id!r}")
        return _page(render_story(env, store, found, language))

    @router.get("/articles/{name}", response_class=HTMLResponse)
    def article(request: Request, name: str, marked: Annotated[str, Query(max_length=64)] = "") -> Any:
        article_id = name.removesuffix(".html")
        if article_id == name:
            return RedirectResponse(f"/articles/{article_id}.html")
        store = store_of(request)
        found = store.get_article(article_id)
        if found is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return _page(render_article(env, found, store, ui=True, marked=marked or None))

    @router.post("/flags/{flag_id}/feedback")
    async def flag_feedback(request: Request, flag_id: str) -> RedirectResponse:
        """The article page's "mark as wrong" form (pages run no script, so a plain form post):
        store the mark as ``POST /api/flags/{id}/feedback`` does, then back to the flag."""
        verdict, comment = _feedback_form(await request.body())
        stored = store_of(request).add_feedback(flag_id, verdict, comment)
        if stored is None:
            raise HTTPException(404, f"no flag with id {flag_id!r}")
        # Relative to /flags/<id>/feedback, so it also works under a proxy's path prefix.
        target = f"../../articles/{stored['article_id']}.html?marked={quote(flag_id)}#flag-{quote(flag_id)}"
        return RedirectResponse(target, status_code=303)

    return router


def _feedback_form(body: bytes) -> tuple[str, str | None]:
    """The verdict and comment of the feedback form (URL-encoded); 422 for anything else."""
    try:
        fields = parse_qs(body.decode("utf-8"), max_num_fields=4, strict_parsing=False)
    except (UnicodeDecodeError, ValueError):
        raise HTTPException(422, "the form must be URL-encoded UTF-8") from None
    verdict = (fields.get("verdict") or [""])[0]
    comment = (fields.get("comment") or [""])[0]
    if verdict not in VERDICTS:
        raise HTTPException(422, f"verdict must be one of {', '.join(VERDICTS)}")
    if len(comment) > MAX_COMMENT_CHARS:
        raise HTTPException(422, f"a comment holds at most {MAX_COMMENT_CHARS} characters")
    return verdict, comment.strip() or None


def _next_offset(found: dict[str, Any]) -> int | None:
    following = found["offset"] + found["limit"]
    return following if following < found["total"] else None
