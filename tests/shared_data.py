"""Where the shared evaluation data lives, and how a test asks for it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


def require_shared(path: Path = SHARED) -> Path:
    """``path`` inside the shared data folder; without it a test skips with the reason, except in
    CI (``CI`` set, as ``.ci/run`` is run), where a missing folder must fail loudly rather than
    let a clone run fewer tests without saying so."""
    if not path.exists():
        message = f"shared data not found at {path} (clone next to the shared/ folder)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return path
