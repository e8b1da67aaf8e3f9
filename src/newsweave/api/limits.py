"""Request limits and error bodies that stay short whatever the client sent.

A body over ``MAX_REQUEST_BYTES`` answers 413 with the limit before FastAPI parses it (a
10 MB JSON document used to be parsed, then refused with a 422 that echoed all of it), and
validation errors list what is wrong without the ``input`` that was wrong: a client sent it
and need not get it back, however long it was.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# The largest request body (bytes): a document of ``MAX_DOCUMENT_CHARS`` plain characters and
# its JSON framing. Articles are tens of kB; more is not one article.
MAX_REQUEST_BYTES = 6_000_000
BODY_METHODS = {"POST", "PUT", "PATCH"}


def too_large_message(limit: int = MAX_REQUEST_BYTES) -> str:
    return f"request body over the limit of {limit // 1_000_000} MB ({limit} bytes); send one article per request"


class BodyLimit:
    """ASGI middleware: refuse bodies over ``limit`` bytes with a short 413.

    The declared Content-Length is checked first; a chunked body is counted as it arrives.
    The body is then replayed to the app, which reads it whole anyway.
    """

    def __init__(self, app: ASGIApp, limit: int = MAX_REQUEST_BYTES) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.limit:
                await self._refuse(scope, receive, send)
                return
            chunks.append(body)
            if not message.get("more_body"):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = JSONResponse({"detail": too_large_message(self.limit)}, status_code=413, headers={"Connection": "close"})
        await response(scope, receive, send)


class NoControlCharacters:
    """ASGI middleware: a path or query parameter holding a NUL or another control character
    answers 422. No name, word or id holds one, PostgreSQL refuses NUL in a text parameter
    (a 500 otherwise) and XML (the Atom feeds) cannot carry them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (_has_control(scope.get("path", "")) or _has_control(_query_text(scope))):
            response = JSONResponse({"detail": "control characters (such as NUL) are not allowed in the path or the query"},
                                    status_code=422)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


class DropEmptyParameters:
    """ASGI middleware: ``key=`` with no value counts as not given. An HTML form sends every
    field, filled or not (``?q=bridge&language=&since=``); an empty language or date is
    "any", not a malformed value."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        query = scope.get("query_string") or b""
        if scope["type"] == "http" and query:
            kept = b"&".join(pair for pair in query.split(b"&") if pair and not pair.endswith(b"=") and pair != b"")
            scope = {**scope, "query_string": kept}
        await self.app(scope, receive, send)


def _query_text(scope: Scope) -> str:
    from urllib.parse import unquote_plus

    return unquote_plus((scope.get("query_string") or b"").decode("latin-1"), errors="replace")


def _has_control(value: str) -> bool:
    return any(ord(char) < 32 or ord(char) == 127 for char in value)


def short_errors(errors: list[Any]) -> list[dict[str, Any]]:
    """Pydantic's errors without the offending input (or a long context value)."""
    kept = []
    for error in errors:
        item: dict[str, Any] = {key: error[key] for key in ("type", "loc", "msg") if key in error}
        context = {key: value for key, value in (error.get("ctx") or {}).items() if len(str(value)) <= 200}
        if context:
            item["ctx"] = context
        kept.append(item)
    return kept


async def validation_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    return JSONResponse({"detail": jsonable_encoder(short_errors(list(error.errors())))}, status_code=422)
