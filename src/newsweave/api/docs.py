"""The API's documentation page (``/docs``, Swagger UI) without a CDN.

FastAPI's own ``/docs`` loads Swagger UI's script and stylesheet from jsDelivr, so the page
is blank on a machine without internet. The same files ship inside the pinned PyPI wheel
``fastapi-offline`` (``fastapi_offline/static/``: Swagger UI 5.32.6, its CSS, the FastAPI
favicon; see docs/deploy.md for what was checked); they are served from there under
``/docs-assets`` and the page is FastAPI's own HTML pointed at them.

The UI pages forbid every script; this page cannot work without Swagger UI's script, so it
gets its own Content-Security-Policy: scripts from this server only, plus the one inline
start-up script FastAPI writes, allowed by its SHA-256 hash (not by ``'unsafe-inline'``).
ReDoc (``/redoc``) is switched off: one documentation page is enough and ReDoc needs web
workers from ``blob:`` URLs.
"""

from __future__ import annotations

import base64
import hashlib
import re
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS_URL = "/docs-assets"
# Swagger UI settings: no call to the public validator (validator.swagger.io) for a badge.
SWAGGER_PARAMETERS = {"validatorUrl": None}
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def assets_folder() -> Path:
    """Swagger UI's files inside the installed ``fastapi_offline`` package."""
    return Path(str(resources.files("fastapi_offline") / "static"))


def docs_policy(html: str) -> str:
    """The Content-Security-Policy of the docs page: own scripts and styles, its inline script by hash."""
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode()}'"
        for body in _INLINE_SCRIPT.findall(html)
    )
    return (
        f"default-src 'none'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )


def add_offline_docs(app: FastAPI, path: str = "/docs") -> None:
    """Serve Swagger UI at ``path`` from the packaged files (create ``app`` with ``docs_url=None``)."""
    app.mount(ASSETS_URL, StaticFiles(directory=assets_folder()), name="docs-assets")

    @app.get(path, include_in_schema=False)
    def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")  # behind a proxy that serves the app under a prefix
        page = get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} · API",
            swagger_js_url=f"{root}{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
            swagger_ui_parameters=SWAGGER_PARAMETERS,
        )
        page.headers["Content-Security-Policy"] = docs_policy(bytes(page.body).decode("utf-8"))
        page.headers["X-Content-Type-Options"] = "nosniff"
        return page
