"""Shared fixtures: real stores on temp files (and a real PostgreSQL server when installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A fresh SQLite store in a temp file."""
    opened = Store(str(tmp_path / "test.db"))
    yield opened
    opened.close()


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder not found at {SHARED}")
    return SHARED
