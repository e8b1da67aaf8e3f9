"""The ingest stage's settings: one frozen object, printed by ``newsweave stats --json``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IngestSettings:
    # Share of characters that must be printable for decoded bytes to count as text; binary
    # files decoded as cp1252 by a guesser fall far below it.
    min_printable_share: float = 0.95


SETTINGS = IngestSettings()
