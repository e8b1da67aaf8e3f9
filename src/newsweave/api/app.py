"""The HTTP API of ``newsweave serve`` (routes of ``shared/contract.md``, "HTTP API").

:func:`create_app` builds a FastAPI app on one :class:`~newsweave.store.Store`; the JSON
routes live under ``/api``, the pages for people (``newsweave.api.web``) at ``/``. Query
parameters are validated by FastAPI/pydantic (a bad one answers 422 with a JSON message),
unknown ids answer 404, and every database query is parameterised (``newsweave.api.queries``).
Start-up loads the models (``newsweave.api.readiness``) before the server accepts a request;
``GET /api/health`` says whether it did. Bodies over a stated limit answer 413 and errors
never echo what the client sent (``newsweave.api.limits``).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime
from typing import Annotated, Any, Literal

import anyio.to_thread
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import BaseModel, Field, model_validator
from pydantic_core import to_jsonable_python

from newsweave.api import queries
from newsweave.api.docs import add_offline_docs
from newsweave.api.filters import page_cursor, search_filter
from newsweave.api.limits import BodyLimit, DropEmptyParameters, NoControlCharacters, validation_error
from newsweave.api.readiness import Readiness, warm_up
from newsweave.api.queries import MAX_PAGE, Page
from newsweave.ingest.documents import document_from_bytes
from newsweave.link.entities import resolve_entity_id
from newsweave.model import RawDocument, Rejection
from newsweave.pipeline import ingest_batch
from newsweave.reanalyze import analyse_again_with
from newsweave.store import Store
from newsweave.store.entity_pages import entity_list, entity_profile
from newsweave.store.feedback import MAX_COMMENT_CHARS
from newsweave.store.search import FLAG_KINDS, Cursor, SearchFilter, known_flag_kind, search
from newsweave.store.trending import recent_trending, trending_stories

# The largest document ``POST /api/articles`` accepts (characters): a long feature with
# its HTML is a few hundred kB; more is not an article.
MAX_DOCUMENT_CHARS = 5_000_000
LANGUAGE_PATTERN = r"^[a-z]{2,3}$"
ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,64}$"

Language = Annotated[str | None, Query(pattern=LANGUAGE_PATTERN, description="ISO 639-1 code, e.g. en")]
Words = Annotated[str | None, Query(min_length=1, max_length=200)]


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Rows per page")] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Page:
    return Page(limit=limit, offset=offset)


PageParams = Annotated[Page, Depends(page)]


class NewDocument(BaseModel):
    """A document to ingest: its text or its HTML, and what is known about it."""

    text: str | None = Field(None, max_length=MAX_DOCUMENT_CHARS)
    html: str | None = Field(None, max_length=MAX_DOCUMENT_CHARS)
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=1000)
    published: date | datetime | None = None
    language: str | None = Field(None, pattern=LANGUAGE_PATTERN)

    @model_validator(mode="after")
    def exactly_one_body(self) -> NewDocument:
        if (self.text is None) == (self.html is None):
            raise ValueError('give exactly one of "text" or "html"')
        return self

    @property
    def body(self) -> str:
        return self.text if self.text is not None else self.html  # type: ignore[return-value]

    @property
    def kind(self) -> Literal["text", "html"]:
        return "text" if self.text is not None else "html"


class FlagFeedback(BaseModel):
    """A reader's verdict on one flag: "wrong" (a false alarm) or "right", and why, if they say."""

    verdict: Literal["wrong", "right"]
    comment: str | None = Field(None, max_length=MAX_COMMENT_CHARS)


class FeedbackMark(BaseModel):
    id: int
    flag_id: str
    article_id: str
    kind: str = Field(description="The flag's kind when it was marked")
    message: str = Field(description="The flag's reason when it was marked")
    evidence: list[dict[str, Any]] = Field(description="The flag's evidence spans when it was marked")
    verdict: Literal["wrong", "right"]
    comment: str | None
    at: str = Field(description="When the mark was stored (ISO 8601, UTC)")


class Ingested(BaseModel):
    outcome: str = Field(description="new, near_duplicate, exact_copy, already_stored, or updated (the same "
                               "document posted again with another URL or date: analysed again with them)")
    article: dict[str, Any]


def create_app(store: Store, warm: bool = True) -> FastAPI:
    """The API and web UI on ``store`` (kept open for the app's life).

    ``warm``: load the models at start-up (the server then answers only once they are
    loaded); tests that never ingest turn it off.
    """
    readiness = Readiness()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if warm:
            await anyio.to_thread.run_sync(warm_up, store, readiness)
        else:
            readiness.state = "ready"
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="newsweave",
        description="Articles, entities, stories and quotes found in news, every fact tied to its source characters.",
        version="0.1.0",
        docs_url=None,  # FastAPI's own /docs loads Swagger UI from a CDN; add_offline_docs serves it from a wheel
        redoc_url=None,
    )
    add_offline_docs(app)
    app.state.store = store
    app.state.readiness = readiness
    app.add_middleware(BodyLimit)
    app.add_middleware(NoControlCharacters)
    app.add_middleware(DropEmptyParameters)
    app.add_exception_handler(RequestValidationError, validation_error)
    # spaCy pipelines are not documented as thread-safe and FastAPI runs sync routes in a
    # thread pool: one ingest at a time.
    app.state.ingest_lock = threading.Lock()
    app.include_router(_api_router(), prefix="/api")
    from newsweave.api.feeds import feeds_router
    from newsweave.api.web import web_router

    app.include_router(feeds_router())
    app.include_router(web_router())

    @app.exception_handler(HTTPException)
    async def json_error(_request: Request, error: HTTPException) -> JSONResponse:
        return JSONResponse({"detail": error.detail}, status_code=error.status_code)

    return app


SERVED_STORE_VARIABLE = "NEWSWEAVE_SERVE_DB"


def app_from_environment() -> FastAPI:
    """The app of one worker process of ``serve --workers N``: uvicorn starts each worker from
    an import string, so the store's address comes from the environment, not an argument."""
    return create_app(Store(os.environ[SERVED_STORE_VARIABLE], create=False))


class PlainJSON(JSONResponse):
    """A read route's result (dicts, lists, strings, numbers, dates) as JSON in one pass of
    ``json.dumps``. Returned as a response, it skips FastAPI's own path: ``jsonable_encoder``
    walking the result in Python, then validating it against the route's ``dict[str, Any]``
    (~2.3 ms for a 34 kB entity page, against 0.25 for ``json.dumps``; pydantic's ``to_json``
    of the whole dict took 2.1). Dates and times, which ``json`` does not know, are written by
    pydantic as FastAPI's path wrote them ("…Z" for UTC)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"),
                          default=to_jsonable_python).encode("utf-8")


def _store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(_store)]


def _found(value: dict[str, Any] | None, what: str, ident: str) -> dict[str, Any]:
    if value is None:
        raise HTTPException(404, f"no {what} with id {ident!r}")
    return value


def _api_router() -> APIRouter:
    router = APIRouter()

    @router.get("/articles", summary="Articles, filtered and paginated, newest first")
    def articles(
        store: StoreDep,
        paging: PageParams,
        language: Language = None,
        story: Annotated[str | None, Query(pattern=ID_PATTERN)] = None,
        entity: Annotated[str | None, Query(max_length=200)] = None,
        flag: Annotated[str | None, Query(pattern=r"^[a-z_]{1,40}$", description=f"Flag kind: {', '.join(FLAG_KINDS)}")] = None,
        q: Words = None,
        since: date | None = None,
        until: date | None = None,
    ) -> dict[str, Any]:
        if since and until and since > until:
            raise HTTPException(422, "since is after until")
        check_flag_kind(store, flag)
        # An id merged into another story names its successor's articles (link/story_changes.py).
        story = (store.resolve_story(story) or story) if story else None
        wanted = SearchFilter(language=language, story=story, entity=entity, flag=flag, q=q, since=since, until=until)
        return queries.list_articles(store, wanted, paging)

    @router.get("/articles/{article_id}", summary="One article with all its spans",
                description="Each flag carries `id` (stable: article id, kind and evidence offsets; the id "
                            "`POST /api/flags/{id}/feedback` takes), `message` (why it fired), `evidence` (the words), "
                            "`confidence` (when the detector gives one) and `feedback` (readers' marks: "
                            "`{\"wrong\": n, \"right\": n}`).")
    def article(store: StoreDep, article_id: str) -> dict[str, Any]:
        return _found(queries.article_detail(store, article_id), "article", article_id)

    @router.post("/articles", status_code=201, summary="Ingest a document through the pipeline", response_model=Ingested)
    def post_article(request: Request, store: StoreDep, document: NewDocument) -> Any:
        return _ingest(request, store, document)

    @router.get("/flags/{flag_id}", summary="One flag: why it fired, its evidence, confidence and readers' marks")
    def flag(store: StoreDep, flag_id: str) -> dict[str, Any]:
        return _found(queries.flag_detail(store, flag_id), "flag", flag_id)

    @router.post("/flags/{flag_id}/feedback", status_code=201, response_model=FeedbackMark,
                 summary="Mark a flag as wrong (a false alarm) or right; stored and exported as data for the detectors")
    def flag_feedback(store: StoreDep, flag_id: str, feedback: FlagFeedback) -> Any:
        return _found(store.add_feedback(flag_id, feedback.verdict, feedback.comment), "flag", flag_id)

    @router.get("/search", summary="Articles matching words and filters, with counts per facet value",
                response_model=dict[str, Any])
    def search_articles(
        store: StoreDep, paging: PageParams, wanted: Annotated[SearchFilter, Depends(search_filter)],
        facets: Annotated[bool, Query(description="Count articles per language, source, flag, story, entity, month")] = True,
        after: Annotated[Cursor | None, Depends(page_cursor)] = None,
    ) -> Any:
        return PlainJSON(search(store, wanted, paging.limit, paging.offset, facets, after))

    @router.get("/entities", summary="Entities by name, alias or any spelling met in an article")
    def entities(store: StoreDep, paging: PageParams, q: Words = None) -> dict[str, Any]:
        return entity_list(store, q, paging.limit, paging.offset)

    @router.get("/entities/{entity_id}", summary="One entity: spellings, articles and stories over time, quotes, companions",
                response_model=dict[str, Any])
    def entity(store: StoreDep, entity_id: str, paging: PageParams) -> Any:
        # An id given before ids became readable (per:igly-hasany) still names its entity.
        entity_id = resolve_entity_id(entity_id, store)
        found = _found(queries.entity_detail(store, entity_id, paging), "entity", entity_id)
        return PlainJSON({**(entity_profile(store, entity_id) or {}), **found})

    @router.get("/stories/trending", summary="Stories growing now: new articles, sources, languages against their past rate",
                response_model=dict[str, Any])
    def trending(
        store: StoreDep,
        hours: Annotated[float, Query(gt=0, le=24 * 30, description="The recent window (hours)")] = 24.0,
        baseline_days: Annotated[float, Query(gt=0, le=365, description="The past the window is compared with (days)")] = 7.0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 10,
        at: Annotated[datetime | None, Query(description="The moment 'now' (default: the present)")] = None,
    ) -> Any:
        if at is None:
            items = recent_trending(store, hours=hours, baseline_days=baseline_days, limit=limit)
        else:
            items = trending_stories(store, hours=hours, baseline_days=baseline_days, limit=limit, now=at)
        return PlainJSON({"hours": hours, "baseline_days": baseline_days, "items": items})

    @router.get("/stories", summary="Stories, latest first")
    def stories(store: StoreDep, paging: PageParams) -> dict[str, Any]:
        return queries.list_stories(store, paging)

    @router.get("/stories/{story_id}", summary="One story with its articles, timeline, topic and changes",
                description="Timeline entries: `date`, `article_id`, `start`, `end`, `text`, `event_type`, and "
                            "`inferred` (true when the date is not written in the sentence: a sentence without a date "
                            "placed at the article's date, a bare weekday resolved against it, or an article date that "
                            "is itself inferred) with `inferred_reason` (why; null when read). `label`: the headline "
                            "of the story's most central article, in `language` when one of its articles is written "
                            "in it (`label_language` says which); `summary`: that article's first sentence.")
    def story(request: Request, store: StoreDep, story_id: str,
              language: Annotated[str | None, Query(pattern="^[a-z]{2,3}$", description="The reader's language (ISO 639)")] = None) -> Any:
        found = queries.story_detail(store, story_id, language)
        if found is None:
            # A story merged into another: its id redirects to the survivor (a split keeps the
            # old id on its larger part, so that id is found as it is).
            successor = store.resolve_story(story_id)
            if successor and successor != story_id:
                moved = request.url_for("story", story_id=successor).include_query_params(**request.query_params)
                return RedirectResponse(str(moved), status_code=308)
        return _found(found, "story", story_id)

    @router.get("/topics", summary="Topics (stories grouped by a looser rule), latest first")
    def topics(store: StoreDep, paging: PageParams) -> dict[str, Any]:
        return queries.list_topics(store, paging)

    @router.get("/topics/{topic_id}", summary="One topic with its stories")
    def topic(store: StoreDep, topic_id: str) -> dict[str, Any]:
        return _found(queries.topic_detail(store, topic_id), "topic", topic_id)

    @router.get("/quotes", summary="Quotes by speaker or words")
    def quotes(store: StoreDep, paging: PageParams, speaker: Words = None, q: Words = None) -> dict[str, Any]:
        return queries.list_quotes(store, speaker, q, paging)

    @router.get("/health", summary="Whether the server is ready: models loaded, store reachable")
    def health(request: Request, store: StoreDep) -> JSONResponse:
        readiness: Readiness = request.app.state.readiness
        body = readiness.as_json()
        try:
            store.latest_story_seq()
            body["store"] = "ok"
        except Exception as error:  # noqa: BLE001 - health reports the failure instead of raising it
            body["store"] = f"unreachable: {type(error).__name__}"
        ready = readiness.state == "ready" and body["store"] == "ok"
        return JSONResponse(body, status_code=200 if ready else 503)

    @router.get("/stats", summary="Figures about the store")
    def stats(store: StoreDep) -> dict[str, Any]:
        return store.stats()

    return router


def check_flag_kind(store: Store, flag: str | None) -> None:
    """A flag kind the code knows or the store holds; any other answers 422 listing the known ones."""
    if flag and not known_flag_kind(store, flag):
        raise HTTPException(422, f"unknown flag kind {flag!r}; known kinds: {', '.join(FLAG_KINDS)}")


def _ingest(request: Request, store: Store, document: NewDocument) -> Any:
    data = document.body.encode("utf-8")
    # Same body, same source: posting a document twice is recognised as already stored.
    source = f"api:{hashlib.sha256(data).hexdigest()[:16]}"
    published = document.published.isoformat() if document.published else None
    raw = next(
        document_from_bytes(
            data, source, document.kind, declared_charset="utf-8",
            url=document.url, title=document.title, published=published, language=document.language,
            published_given=published is not None,
        )
    )
    if isinstance(raw, Rejection):
        raise HTTPException(422, raw.reason)
    with request.app.state.ingest_lock:
        outcome = ingest_batch([raw], store)[0]
    article_id = queries.stored_article_for(store, raw.source, raw.raw_sha256)
    if outcome == "rejected" or article_id is None:
        reasons = queries.rejection_reasons(store, source)
        raise HTTPException(422, reasons[-1] if reasons else "the document was rejected")
    if outcome == "already_stored" and _declares_new_details(store, article_id, raw):
        # The same body posted again with another URL or date: its analysis follows the new
        # details (a date anchors every relative date of the text), under the same id.
        with request.app.state.ingest_lock:
            if analyse_again_with(store, article_id, raw):
                outcome = "updated"
    detail = queries.article_detail(store, article_id)
    status = 201 if outcome in ("new", "near_duplicate") else 200
    return JSONResponse({"outcome": outcome, "article": detail}, status_code=status)


def _declares_new_details(store: Store, article_id: str, raw: RawDocument) -> bool:
    stored = store.articles_by_ids([article_id])
    if not stored:
        return False
    article = stored[0]
    new_url = raw.url is not None and raw.url != article.url
    new_date = raw.published is not None and (raw.published != (article.published or "")[:10] or article.published_basis != "given")
    return new_url or new_date
