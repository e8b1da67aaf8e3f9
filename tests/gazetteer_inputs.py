"""An invented gazetteer for the place-lookup tests: the index `geo.candidates` reads, replaced
by a few invented places, so that a rule is tested on names no real gazetteer holds."""

from __future__ import annotations

import pytest

from newsweave.annotate import geo
from newsweave.annotate.geo import _Entry


class InventedIndex:
    """The gazetteer index's one method the lookups use, over a dict of folded names."""

    def __init__(self, entries: dict[str, tuple[_Entry, ...]]) -> None:
        self.entries = entries

    def get(self, key: str, default: tuple[_Entry, ...] | None = None) -> tuple[_Entry, ...] | None:
        return self.entries.get(key, default)


def use_invented_gazetteer(monkeypatch: pytest.MonkeyPatch, entries: dict[str, tuple[_Entry, ...]]) -> None:
    """Make `geo.candidates` look names up in `entries` for the rest of the test."""
    index = InventedIndex(entries)
    monkeypatch.setattr(geo, "gazetteer", lambda: index)


def use_invented_readings(monkeypatch: pytest.MonkeyPatch, entries: dict[str, tuple[_Entry, ...]],
                          recall_too: bool = False) -> None:
    """Make place resolution (and with ``recall_too`` the toponym recall rules) read the
    candidates of a name from ``entries``, and find no division named by a generic word."""
    from newsweave.annotate import georesolve, toponyms

    def lookup(name: str) -> tuple[_Entry, ...]:
        return entries.get(geo.fold(name), ())

    monkeypatch.setattr(georesolve, "_options", lookup)
    monkeypatch.setattr(georesolve, "_division_readings", lambda name: ())
    if recall_too:
        monkeypatch.setattr(toponyms, "candidates", lookup)
