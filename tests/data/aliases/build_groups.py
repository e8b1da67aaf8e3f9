"""Build ``cldr.jsonl``: alias groups of countries and cities from Unicode CLDR (via babel).

Countries: every ISO 3166 country (pycountry) with its CLDR name in ten languages.
Cities: the exemplar city of every CLDR time zone, in the same languages (CLDR's city
names are an independent source from GeoNames' alternate names, which the gazetteer uses).
The languages include some that newsweave's gazetteer does not read (sv, cs, fi, hu), so
the groups measure recall honestly. Run from the repo root:

    .venv/bin/python tests/data/aliases/build_groups.py
"""

from __future__ import annotations

import json
from pathlib import Path

import zoneinfo

import pycountry
from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone_location

LANGUAGES = ("en", "fr", "de", "es", "it", "ru", "sv", "cs", "fi", "hu")
CONTINENTS = ("Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")
OUT = Path(__file__).with_name("cldr.jsonl")


def country_groups() -> list[dict]:
    groups = []
    locales = [Locale(language) for language in LANGUAGES]
    for country in pycountry.countries:
        names = sorted({locale.territories[country.alpha_2] for locale in locales if country.alpha_2 in locale.territories})
        if names:
            groups.append({"group": f"country-{country.alpha_2}", "label": "LOC", "names": names})
    return groups


def city_groups() -> list[dict]:
    groups = []
    aliases = get_global("zone_aliases")  # old zone names ("Europe/Kiev") → current ones
    for zone in sorted(zoneinfo.available_timezones()):
        if zone.count("/") != 1 or zone.split("/")[0] not in CONTINENTS or zone in aliases:
            continue
        names = set()
        for language in LANGUAGES:
            try:
                names.add(get_timezone_location(zone, locale=language, return_city=True))
            except (LookupError, ValueError):
                continue
        if names:
            groups.append({"group": f"city-{zone}", "label": "LOC", "names": sorted(names)})
    return groups


def main() -> None:
    countries = country_groups()
    # A zone named after its country ("Asia/Bahrain" → "Bahrain") would put one string in two
    # groups, which no resolver can tell apart: such names stay with the country only.
    country_names = {name for group in countries for name in group["names"]}
    cities = [{**group, "names": [n for n in group["names"] if n not in country_names]} for group in city_groups()]
    groups = countries + [group for group in cities if group["names"]]
    OUT.write_text("".join(json.dumps(group, ensure_ascii=False) + "\n" for group in groups), encoding="utf-8")
    print(f"{len(groups)} groups written to {OUT}")


if __name__ == "__main__":
    main()
