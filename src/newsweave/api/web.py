"""The web UI of ``newsweave serve``: server-rendered pages, no JavaScript.

The article and story pages are the static report's pages (``report.html.render_article``,
``report.stories.render_story``), served at the same relative places (``/articles/<id>.html``,
``/stories/<id>``, home at ``/index.html``) so their links work unchanged; the UI's own
``base.html`` comes first in the template search path and frames them with the UI's
navigation and search box. Every page is sent with a Content-Security-Policy that forbids
scripts, so even a mistake in escaping article content could not run code in a reader's browser.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader

from newsweave.api import queries
from newsweave.api.queries import ArticleFilter, Page
from newsweave.report.html import environment as report_environment
from newsweave.report.html import render_article
from newsweave.report.stories import render_story
from newsweave.store import Store

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# Articles per page in the UI list.
UI_PAGE = 50


def _environment() -> Environment:
    """The report's templates and settings, with the UI's templates searched first."""
    return report_environment(PackageLoader("newsweave.api", "templates"))


def _page(html: str) -> HTMLResponse:
    return HTMLResponse(html, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY, "X-Content-Type-Options": "nosniff"})


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
        wanted = ArticleFilter(q=q.strip() or None, language=language or None)
        found = queries.list_articles(store, wanted, Page(limit=UI_PAGE, offset=offset))
        return _page(env.get_template("home.html").render(q=q, language=language, found=found, stats=store.stats(),
                                                          next_offset=_next_offset(found)))

    @router.get("/favicon.ico")
    def favicon() -> Response:
        # Browsers ask for it on every page; an empty answer keeps a 404 out of their console.
        return Response(status_code=204)

    @router.get("/stories", response_class=HTMLResponse)
    def stories(request: Request) -> HTMLResponse:
        found = queries.list_stories(store_of(request), Page(limit=queries.MAX_PAGE))
        return _page(env.get_template("stories.html").render(found=found))

    @router.get("/stories/{story_id}", response_class=HTMLResponse)
    def story(request: Request, story_id: str) -> HTMLResponse:
        story_id = story_id.removesuffix(".html")  # the report's file name works too
        store = store_of(request)
        found = queries.story_row(store, story_id)
        if found is None:
            raise HTTPException(404, f"no story with id {story_id!r}")
        return _page(render_story(env, store, found))

    @router.get("/articles/{name}", response_class=HTMLResponse)
    def article(request: Request, name: str) -> Any:
        article_id = name.removesuffix(".html")
        if article_id == name:
            return RedirectResponse(f"/articles/{article_id}.html")
        store = store_of(request)
        found = store.get_article(article_id)
        if found is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return _page(render_article(env, found, store))

    return router


def _next_offset(found: dict[str, Any]) -> int | None:
    following = found["offset"] + found["limit"]
    return following if following < found["total"] else None
