"""Serving the store: the HTTP API and the web UI of ``newsweave serve`` (FastAPI)."""

from newsweave.api.app import create_app

__all__ = ["create_app"]
