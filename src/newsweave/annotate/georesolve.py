"""Which place each name of an article means: homonyms chosen in context, with a confidence.

A name's readings are scored: log10 of the population, plus bonuses for the kind of place (a
country beats a town of its name), for a main name over an alternate one, for a national
capital, and for agreeing with the article's context: its countries, the divisions it names
("Springfield" in a story that names Illinois), the places it surely names nearby. The
confidence of a reading is the softmax share of the readings that agree with it (within
``SETTINGS.geo_same_place_km``); a name under ``SETTINGS.geo_min_confidence`` stays unresolved.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache

from newsweave import lang
from newsweave.annotate.country_initials import country_initials
from newsweave.annotate.division_codes import division_names
from newsweave.annotate.geo import (Place, _Entry, _common_words, candidates, countries, demonym_country, fold,
                                   government_seat, haversine_km, is_compass_part, is_generic_place_word,
                                   region_demonym)
from newsweave.annotate.settings import SETTINGS
from newsweave.extract.site import domain_country, site_of

SAME_ADMIN1_BONUS = 3.0
KIND_BONUS: dict[str, float] = {"continent": 4.0, "region": 4.0, "country": 4.0, "admin1": 1.5, "admin2": 0.0, "city": 0.0}
# A second-level division's population is the sum of the towns GeoNames files under it, which
# can swallow a metropolis (Perth's suburbs under "Cambridge"): it ranks as at most this many.
ADMIN2_MAX_POPULATION = 100_000
# A name shorter than this is found in a site's address by chance ("Ada" in "canadanews").
SITE_TOWN_MIN_LETTERS = 5
# The word right after a name, one space away ("counties" in "Walton and Oconee counties.").
NEXT_WORD = re.compile(r" ([^\s,;:)]+)")


def resolve_places(names: Iterable[str], context_countries: Iterable[str] = (),
                   pairs: Iterable[tuple[str, str]] = (), publication: str | None = None,
                   inner: Mapping[str, str] | None = None,
                   divisions: Mapping[str, str] | None = None,
                   site_home: tuple[str, str] | None = None, language: str = "",
                   site: str = "") -> dict[str, Place]:
    """Choose one place for each name, in the light of each other and of countries named.

    ``context_countries`` are ISO codes the article points at otherwise (demonyms, the
    country of publication). ``pairs`` are ("Town", "Region") names the text writes as
    "Town, Region" (:func:`town_region_pairs`): the town is read inside the region.
    ``publication`` is the ISO code of the country the article was published in
    (:func:`publication_country`). ``inner`` maps names the gazetteer lacks to the place each is
    named after (:func:`newsweave.annotate.toponyms.inner_place_name`: "Manila Cathedral" →
    "Manila"): such a name is read as that place, in context, with
    ``SETTINGS.geo_inner_place_factor`` of its confidence, as is a name read as the place a
    compass word takes a part of (:func:`newsweave.annotate.geo.is_compass_part`: "South
    Philadelphia"). ``divisions`` maps names the text
    marks as divisions to the division's full name (:func:`division_marks`: "Oconee" in "Walton
    and Oconee counties" → "Oconee County"): such a name is read among those divisions when the
    gazetteer has them. ``site_home`` is the (country, folded first-level division) where the
    sure places of the site's other articles lie (:func:`site_home_of`): an article whose own places
    name no home is read as that site's local news ("Paris" in a Texas paper), and a town whose name
    the site's address spells (``site``, :func:`site_of`: "Gainesville" on gainesvilleregister.com)
    is read in that home whatever else the article names (:func:`_site_towns`). ``language`` is the
    article's: a small town named by a common word of that language ("Valley", "Congress") is read
    only where the article's other places vouch for it (:func:`_unvouched_small_town`). Returns folded name → place (with its ``confidence``), for the
    names the gazetteer knows and the resolver is sure enough of: a name whose best reading
    has a confidence under ``SETTINGS.geo_min_confidence`` is left out rather than put in the wrong country,
    and so is a seat of government ("Congress") in an article that surely names no place of its country.

    Context is built in two passes. First every name is read alone; the readings that are
    sure (countries, divisions, and places whose best reading clearly beats every namesake
    elsewhere) become the article's context: their countries, their divisions and their
    points. Then every name is read again against that context ("Paris" next to "Texas",
    "Springfield" in a story about Illinois, a small town near the city the story is about).
    """
    names, pairs = list(names), list(pairs)
    options = {fold(name): _options(name) for name in names}
    for name, full in (divisions or {}).items():
        own = options.get(fold(name), ())
        marked = tuple(entry for entry in _options(full) if entry.place.kind in ("admin1", "admin2"))
        own_marked = {entry.place.geonameid for entry in own} & {entry.place.geonameid for entry in marked}
        if any(entry.place.kind in ("country", "admin1") for entry in own) and not own_marked:
            # "Indiana counties" are the counties of Indiana; "Washington state" is the state.
            continue
        if marked:
            options[fold(name)] = marked
    folded_names = {fold(name) for name in names}
    for name in names:  # "Henrico" for Henrico County; "Suffolk" beside "Suffolk County"
        if not options.get(fold(name)):
            options[fold(name)] = _division_named_short(name, language)
        elif any(fold(f"{name} {suffix}") in folded_names for suffix in _division_suffixes(language)):
            options[fold(name)] = options[fold(name)] + _division_named_short(name, language)
    through = {fold(name): part for name, part in (inner or {}).items() if not options.get(fold(name))}
    for key, part in through.items():
        options[key] = _options(part)
    options = {key: found for key, found in options.items() if found}
    seeds = Context(set(context_countries) | ({publication} if publication else set()), set(), [],
                    publication=publication, site_home=site_home,
                    word_names=_word_names(names, language))
    first = {key: _choose(found, seeds) for key, found in options.items()}
    for key, division in _abbreviated_divisions(names, options, pairs, seeds, first).items():
        options[key] = (_Entry(division, True),)
        first[key] = (division, 1.0)
    for key, country in _initialled_countries(names, options, seeds, first).items():
        options[key] = (_Entry(country, True),)
        first[key] = (country, 1.0)
    towns = _pair_towns(pairs)
    inside = _pair_regions(pairs, first, {key: _choose(found, seeds, prefer_city=False)[0]
                                          for key, found in options.items() if key in towns})
    for key, place in _site_towns(options, site, site_home).items():
        inside.setdefault(key, place)
    seeds.nested = _nested(options)
    seeds.neighbours = _neighbours(options)
    readings = {key: {entry.place.geonameid for entry in found} for key, found in options.items()}
    picks = {key: _read_in_context(key, found, first, readings, seeds, inside.get(key)) for key, found in options.items()}
    # A first-level division the context turned a name into ("Georgia" beside "Kentucky": the
    # state, not the country) is context for the others too ("Athens" beside the state); other
    # names keep their first reading as context, since towns read in context feed on each other.
    second = {key: pick if pick[0].kind == "admin1" and pick[0] != first[key][0] else first[key]
              for key, pick in picks.items()}
    if second != first:
        picks = {key: _read_in_context(key, found, second, readings, seeds, inside.get(key))
                 for key, found in options.items()}
    picks.update(_towns_read_beside_towns_made_sure(options, picks, first, second, readings, seeds, inside))
    picks.update(_same_names_spelt_otherwise(picks, readings))
    # A name read through another ("Manila Cathedral" at Manila, "West Midlands" as a Midlands)
    # is less sure than that other: a part read in a country the article never points at falls
    # under the minimum ("West Midlands" in a story about England is no Zimbabwean province).
    through_others = set(through) | {key for key in picks if is_compass_part(key)}
    picks = {key: (place, confidence * SETTINGS.geo_inner_place_factor if key in through_others else confidence)
             for key, (place, confidence) in picks.items()}
    chosen = {key: replace(place, confidence=round(confidence, 3)) for key, (place, confidence) in picks.items()
              if confidence >= SETTINGS.geo_min_confidence}
    return _without_foreign_seats(chosen)


def _without_foreign_seats(chosen: dict[str, Place]) -> dict[str, Place]:
    """The chosen places less the seats of government ("the Kremlin" read as a place) of a
    country none of the article's other sure places lie in: as for an organisation so named
    (:func:`seat_of`), "Congress" in a story about India is not the American one."""
    others = {key: place for key, place in chosen.items() if government_seat(key) is None}
    return {key: place for key, place in chosen.items() if key in others or _names_country_of(place, others)}


def _names_country_of(seat: Place, chosen: Mapping[str, Place]) -> bool:
    """Whether a place the article surely names lies in the seat's country."""
    return any(place.country == seat.country for place in chosen.values()
               if (place.confidence or 0.0) >= SETTINGS.geo_context_min_confidence)


def seat_of(name: str, chosen: Mapping[str, Place]) -> Place | None:
    """The town an organisation named, whole, like a town has its seat in ("Pirbright" for the
    laboratory there), when the article's sure places vouch for exactly one town of that name:
    within ``SETTINGS.geo_near_km`` of a sure town or county of the same country, or inside a
    division the article surely names as a first-level one (GeoNames files English towns under
    their county, which the gazetteer also lists as a division of the first level: "Surrey"). None otherwise: an organisation named after
    a place elsewhere ("Toyota" in a story about Ohio) is not put there. The seat's confidence
    is ``SETTINGS.geo_inner_place_factor``, as for other names read through a place.

    A seat of government ("White House", « Kremlin »: ``geo.government_seat``) is at its
    capital when the article surely names a place of that country: "Congress" in a story about
    India is not the American one."""
    capital = government_seat(name)
    if capital is not None:
        named = _names_country_of(capital, chosen)
        return replace(capital, confidence=round(SETTINGS.geo_inner_place_factor, 3)) if named else None
    sure = [place for place in chosen.values() if (place.confidence or 0.0) >= SETTINGS.geo_context_min_confidence]
    points = [place for place in sure if place.kind in ("city", "admin2")]
    states = {(place.country, fold(place.name)) for place in sure if place.kind == "admin1"}
    seats = [entry.place for entry in _options(name) if entry.place.kind == "city" and entry.main_name
             and (any(other.country == entry.place.country and _distance(other, entry.place) < SETTINGS.geo_near_km
                      and other.geonameid != entry.place.geonameid for other in points)
                  or (entry.place.country, entry.place.region or "") in states
                  or (entry.place.country, entry.place.district or "") in states)]
    if len({place.geonameid for place in seats}) != 1:
        return None
    return replace(seats[0], confidence=round(SETTINGS.geo_inner_place_factor, 3))


def home_votes(chosen: Mapping[str, Place]) -> set[tuple[str, str]]:
    """The (country, folded first-level division) of the places one article surely names, for
    its site's home (:func:`site_home_of`). Only towns, counties and states whose name has readings
    in one country vote: a lone "Dublin" read in Ireland is the resolver's guess, not evidence;
    nor does a name that reads as a place another name of the article may mean elsewhere ("Dublin
    City", beside a "Dublin" of several countries, is the same guess spelt otherwise). A seat of
    government ("White House") is named from anywhere: it says where the news is, not where the
    paper is."""
    readings = {key: _options(key) for key in chosen if government_seat(key) is None}
    shared = {entry.place.geonameid for found in readings.values()
              if len({entry.place.country for entry in found}) > 1 for entry in found}
    return {(place.country, place.region) for key, place in chosen.items()
            if key in readings and place.country and place.region and place.kind in ("city", "admin1", "admin2")
            and (place.confidence or 0.0) >= SETTINGS.geo_context_min_confidence
            and len({entry.place.country for entry in readings[key]}) == 1
            and place.geonameid not in shared}


def site_home_of(votes: Iterable[set[tuple[str, str]]]) -> tuple[str, str] | None:
    """The division a site's articles are local to: the one their :func:`home_votes` name most,
    when at least ``SETTINGS.geo_site_home_min_articles`` articles and
    ``SETTINGS.geo_site_home_min_share`` of those that voted name it (a local paper); None for a
    site whose articles range over many places (a wire service)."""
    counts: Counter[tuple[str, str]] = Counter()
    voters = 0
    for vote in votes:
        if vote:
            voters += 1
            counts.update(vote)
    if not counts:
        return None
    ranked = counts.most_common(2)
    home, count = ranked[0]
    if len(ranked) > 1 and ranked[1][1] == count:
        return None  # two divisions as often: no home
    return home if count >= SETTINGS.geo_site_home_min_articles and count >= SETTINGS.geo_site_home_min_share * voters else None


def _abbreviated_divisions(names: list[str], options: dict[str, tuple[_Entry, ...]], pairs: list[tuple[str, str]],
                           seeds: Context, first: dict[str, tuple[Place, float]]) -> dict[str, Place]:
    """Folded abbreviation -> the first-level division it stands for ("Ill.", "NSW"), where
    the article marks it as a place: written after a town of that division ("Springfield,
    Ill.", of a town it knows or of one it does not), or, when it does not spell a function word ("IN", "OR", "ME"), naming a division of a
    country the article already has a sure place in. A code that two readings pass, or none,
    stays unresolved."""
    towns: dict[str, list[str]] = {}
    for town, region in pairs:
        towns.setdefault(fold(region), []).append(fold(town))
    sure = set(seeds.countries) | {place.country for place, confidence in first.values()
                                   if place.country and confidence >= SETTINGS.geo_context_min_confidence}
    found: dict[str, Place] = {}
    for name in names:
        key = fold(name)
        readings = _division_readings(name)
        if not readings or key in found:
            continue
        paired = [place for place in readings
                  if any(_in_pair_region(entry.place, place) for town in towns.get(key, ()) for entry in options.get(town, ()))]
        if not paired and any(town not in options for town in towns.get(key, ())):
            # After a town the gazetteer does not know, the pattern still marks a place; a code
            # of several countries is read in the one the article points at.
            paired = list(readings) if len(readings) == 1 else [place for place in readings if place.country in sure]
        # A gazetteer name keeps its readings unless it is written with dots ("Kan." is not the
        # town of Kan).
        known = key in options and "." not in name
        # A code in capitals that spells a function word of a gazetteer language ("IN", "OR",
        # "ME", French "SA") may be that word shouted; a dotted form ("Ont.") is not.
        word = "." not in name and key in _common_words()
        if not paired and not known and not word:
            paired = [place for place in readings if place.country in sure]
        if len(paired) == 1:
            found[key] = paired[0]
    return found


def _initialled_countries(names: list[str], options: dict[str, tuple[_Entry, ...]], seeds: Context,
                          first: dict[str, tuple[Place, float]]) -> dict[str, Place]:
    """Folded initials -> the country they stand for ("T&T" in an article that names Trinidad
    and Tobago), for initials the gazetteer does not know: of the countries whose names they
    spell, exactly one must be one the article points at (named, or holding a sure place). Initials
    that spell a function word ("SA", French « sa ») need the country named in full."""
    sure = {place.country for place, confidence in first.values()
            if place.country and confidence >= SETTINGS.geo_context_min_confidence}
    sure |= set(seeds.countries)
    named = {place.country for place, confidence in first.values()
             if place.kind == "country" and confidence >= SETTINGS.geo_context_min_confidence}
    found: dict[str, Place] = {}
    for name in names:
        key = fold(name)
        if key in options or key in found:
            continue
        codes = country_initials(name)
        pointed = [code for code in codes if code in (named if key in _common_words() else sure)]
        if len(pointed) == 1 and pointed[0] in countries():
            found[key] = countries()[pointed[0]]
    return found


@cache
def _division_readings(name: str) -> tuple[Place, ...]:
    """The first-level divisions of the gazetteer that ``name`` may abbreviate."""
    found = []
    for country, division in division_names(name):
        place = next((entry.place for entry in candidates(division)
                      if entry.place.kind == "admin1" and entry.place.country == country), None)
        if place is not None:
            found.append(place)
    return tuple(found)


def _towns_read_beside_towns_made_sure(options: dict[str, tuple[_Entry, ...]], picks: dict[str, tuple[Place, float]],
                                       first: dict[str, tuple[Place, float]], second: dict[str, tuple[Place, float]],
                                       readings: dict[str, set[int]], seeds: Context,
                                       inside: Mapping[str, Place]) -> dict[str, tuple[Place, float]]:
    """Folded name -> a new town reading, for names read as a town far from towns that the
    context made sure: "Middletown" and "Hartford" are unsure alone and sure together (they meet
    in Connecticut), and then "Berlin" beside them is the Berlin near them, not Germany's capital.
    Those towns vouch only for towns near them (their point and their country, not their state:
    a town's state named nowhere in the article says nothing of its other names), and a name
    read as a state or a country keeps its reading."""
    towns = _towns_made_sure(picks, first)
    if not towns:
        return {}
    again = {key: _read_in_context(key, found, second, readings, seeds, inside.get(key), towns)
             for key, found in options.items() if picks[key][0].kind == "city"}
    return {key: pick for key, pick in again.items()
            if pick[0].kind == "city" and pick[0].geonameid != picks[key][0].geonameid
            and pick[1] >= SETTINGS.geo_min_confidence}


def _same_names_spelt_otherwise(picks: dict[str, tuple[Place, float]],
                                readings: dict[str, set[int]]) -> dict[str, tuple[Place, float]]:
    """Folded name -> the town that another name of the article with a reading in common was read
    as, for a name read as a town of another country that has no reading at that town: "Dublin
    City" (of "Dublin City Council") beside a "Dublin" read in Ohio is that Dublin, not Ireland's
    capital, the one town its own readings know. Each was read without the other, as the same
    ambiguity spelt otherwise (:func:`_read_in_context`), so the name with the wider readings
    tells how the article means them; the other's confidence is that name's."""
    floor = SETTINGS.geo_min_confidence
    found: dict[str, tuple[Place, float]] = {}
    for key, (place, _) in picks.items():
        if place.kind != "city":
            continue
        towns = {other_place for other, (other_place, confidence) in picks.items()
                 if other != key and readings[other] & readings[key] and other_place.kind == "city"
                 and confidence >= floor and other_place.country != place.country
                 and other_place.geonameid not in readings[key]}
        if len(towns) == 1:
            town = next(iter(towns))
            found[key] = (town, max(confidence for other_place, confidence in picks.values() if other_place == town))
    return found


def _towns_made_sure(picks: dict[str, tuple[Place, float]], first: dict[str, tuple[Place, float]]) -> dict[str, Place]:
    """Folded name -> the town it was read as, where reading it in context made it sure."""
    floor = SETTINGS.geo_context_min_confidence
    return {key: place for key, (place, confidence) in picks.items()
            if place.kind == "city" and confidence >= floor and first[key][1] < floor}


def _read_in_context(key: str, found: tuple[_Entry, ...], picks: dict[str, tuple[Place, float]],
                     readings: dict[str, set[int]], seeds: Context, inside: Place | None,
                     towns: Mapping[str, Place] | None = None) -> tuple[Place, float]:
    """One name's reading and confidence against the other names' readings."""
    # Another spelling of the same ambiguity ("Dublin City" beside "Dublin") is no evidence
    # for how to read this one: its reading is this name's own guess.
    context = _context(seeds, [pick for other, pick in picks.items()
                               if other != key and not readings[other] & readings[key]])
    for other, place in (towns or {}).items():
        if other != key and not readings[other] & readings[key]:
            context.points.append((place.lat, place.lon))
            context.countries.add(place.country or "")
    context.inside = inside
    place, confidence = _choose(found, context)
    if _unsupported_division(place, context) and place.geonameid not in context.nested:
        # A small division of a country the article never points at ("West", a region of
        # Cameroon, for "the West") is more likely a word than that place.
        confidence *= SETTINGS.geo_unsupported_division_factor
    if key in context.word_names and _unvouched_small_town(place, context):
        # A small town named by common words of the article's language ("Valley", "August",
        # "White House", "Congress") that none of the article's other places vouches for is
        # more likely those words, or the building or body they name, than that town.
        confidence = 0.0
    if is_generic_place_word(key) and place.country is not None and place.country not in context.countries:
        # A generic word of place names alone ("the Gulf", India's "the Centre") is that word, not
        # the division somewhere that GeoNames names by it (Papua New Guinea's Gulf, France's
        # Centre), unless the article points at that division's country ("Plateau" in a story
        # about Nigeria).
        confidence = 0.0
    return place, confidence


@dataclass
class Context:
    countries: set[str]
    regions: set[tuple[str | None, str]]
    points: list[tuple[float, float]]
    # The country most of the article's sure places lie in (local news: "Paris" is in Texas).
    home: str | None = None
    # ... and the division (country, admin1 code) most of them lie in.
    home_region: tuple[str, str] | None = None
    publication: str | None = None
    # The region a "Town, Region" pattern puts the name being read in.
    inside: Place | None = None
    # Readings (geonameids) of a town and of a county of the article that contains it.
    nested: frozenset[int] = frozenset()
    # Readings (geonameids) of two ambiguous names that lie near each other and nowhere else.
    neighbours: frozenset[int] = frozenset()
    # (country, folded admin1 name) of the sure towns and counties: the states they lie in.
    town_regions: set[tuple[str | None, str]] = field(default_factory=set)
    # Countries of the sure first-level divisions ("Kentucky": a list of US states).
    state_countries: set[str | None] = field(default_factory=set)
    # (country, folded admin1 name) where the sure places of the site's other articles lie.
    site_home: tuple[str, str] | None = None
    # Folded names of the article made of common words of its language ("Valley", "White House").
    word_names: frozenset[str] = frozenset()
    # Points of the sure second-level divisions ("Kanawha County"): a town GeoNames files under no
    # division is vouched for near one.
    county_points: list[tuple[float, float]] = field(default_factory=list)


def _nested(options: dict[str, tuple[_Entry, ...]]) -> frozenset[int]:
    """The geonameids of town readings lying in a county reading of another name, and of those
    counties: "Paris" (Tennessee) and "Henry County" (Tennessee) point at each other."""
    counties: dict[tuple[str | None, str | None, str], list[int]] = {}
    for key, found in options.items():
        for entry in found:
            if entry.place.kind == "admin2":
                counties.setdefault((entry.place.country, entry.place.region, fold(entry.place.name)), []).append(
                    entry.place.geonameid)
    linked: set[int] = set()
    for key, found in options.items():
        for entry in found:
            place = entry.place
            if place.kind == "city" and place.district and fold(place.name) != place.district:
                hit = counties.get((place.country, place.region, place.district))
                if hit:
                    linked.add(place.geonameid)
                    linked.update(hit)
    return frozenset(linked)


def _neighbours(options: dict[str, tuple[_Entry, ...]]) -> frozenset[int]:
    """The geonameids of town and county readings of two names that meet in one spot only.

    Local news names several small places of one area, each a name many states share ("New
    London", "Winfield"): the one pair of their readings within ``SETTINGS.geo_neighbours_km`` of
    each other is the area. Where the two names meet in more than one spot (common names
    sharing big states), nothing is marked: chance, not evidence. A name with one reading
    needs no help and gives it through the sure-place context instead.
    """
    cell = max(SETTINGS.geo_neighbours_km, SETTINGS.geo_neighbours_county_km) / 111.0
    grid: dict[tuple[int, int], list[tuple[str, Place]]] = {}
    # Only names of towns and counties: a name that can mean a state, a country or a national
    # capital ("London", "Florida") means it, whatever small namesakes meet.
    ambiguous = {key: [entry.place for entry in found] for key, found in options.items()
                 if len(found) > 1 and all(entry.place.kind in ("city", "admin2") and not entry.place.capital
                                           for entry in found)}
    for key, places in ambiguous.items():
        for place in places:
            grid.setdefault((int(place.lat // cell), int(place.lon // cell)), []).append((key, place))
    # (name, other name) -> the readings of each that meet.
    meetings: dict[tuple[str, str], tuple[set[int], set[int]]] = {}
    ids = {key: {entry.place.geonameid for entry in found} for key, found in options.items()}
    for key, places in ambiguous.items():
        for place in places:
            row, column = int(place.lat // cell), int(place.lon // cell)
            # A degree of longitude shrinks towards the poles: look as many cells east and west
            # as the distance spans there.
            span = min(math.ceil(1 / max(math.cos(math.radians(abs(place.lat) + cell)), 0.05)), 20)
            for other_key, other in (item for dr in (-1, 0, 1) for dc in range(-span, span + 1)
                                     for item in grid.get((row + dr, column + dc), ())):
                if other_key <= key or ids[key] & ids[other_key]:
                    continue
                if _distance(place, other) < _neighbours_km(place, other):
                    mine, theirs = meetings.setdefault((key, other_key), (set(), set()))
                    mine.add(place.geonameid)
                    theirs.add(other.geonameid)
    found: set[int] = set()
    for mine, theirs in meetings.values():
        if len(mine) == 1 and len(theirs) == 1:
            found |= mine | theirs
    return frozenset(found)


def _neighbours_km(place: Place, other: Place) -> float:
    """How near two readings must lie to be neighbours: a county's point is its middle, so a
    town of the county next door lies farther from it than from a town of that county."""
    if "admin2" in (place.kind, other.kind):
        return SETTINGS.geo_neighbours_county_km
    return SETTINGS.geo_neighbours_km


def _division_named_short(name: str, language: str) -> tuple[_Entry, ...]:
    """The divisions a name may be short for: news writes "Miami-Dade" or "Henrico" for
    Miami-Dade County or Henrico County, and "Suffolk" for the Suffolk County it also names in
    full. Read for a name with no reading of its own, or beside its full name (as more
    readings, context decides), among the divisions whose main name is the name and a noun of
    divisions of the article's language (``division_nouns_after`` / ``division_nouns_before`` of
    ``lang/<iso>/places.toml``, whose suffixes are the gazetteer's: "County", "Parish")."""
    found: list[_Entry] = []
    for suffix in _division_suffixes(language):
        found += [entry for entry in _options(f"{name} {suffix}") if entry.place.kind == "admin2" and entry.main_name]
    return tuple(found)


@cache
def _division_suffixes(language: str) -> tuple[str, ...]:
    table = lang.load(language, "places") if language else {}
    nouns = list(table.get("division_nouns_after", {}).values()) + list(table.get("division_nouns_before", {}).values())
    return tuple(sorted({entry["suffix"] for entry in nouns}))


def _site_towns(options: Mapping[str, tuple[_Entry, ...]], site: str,
                site_home: tuple[str, str] | None) -> dict[str, Place]:
    """Folded name -> its town in the site's home division, for a name the site's address spells
    ("Gainesville" on gainesvilleregister.com, "Columbus" on columbustelegram.com): a local paper
    is named after its town, and the home its articles vote for says which of the towns so named.
    Read as if written "Town, State", so that another state the article names ("Gainesville"
    beside Washington, D.C.) does not move the paper's own town there."""
    if site_home is None or not site:
        return {}
    letters = _letters(site.rsplit(".", 1)[0])
    found: dict[str, Place] = {}
    for key, entries in options.items():
        name = _letters(key)
        if len(name) < SITE_TOWN_MIN_LETTERS or name not in letters:
            continue
        homes = [entry.place for entry in entries if entry.place.kind == "city" and entry.main_name
                 and (entry.place.country, entry.place.region) == site_home]
        if homes:
            found[key] = max(homes, key=lambda place: place.population)
    return found


def _letters(text: str) -> str:
    return "".join(character for character in fold(text) if character.isalpha())


def _pair_towns(pairs: Iterable[tuple[str, str]]) -> frozenset[str]:
    return frozenset(fold(town) for town, _ in pairs)


def _pair_regions(pairs: Iterable[tuple[str, str]], first: dict[str, tuple[Place, float]],
                  divisions_first: Mapping[str, Place] | None = None) -> dict[str, Place]:
    """Folded town name -> the division or country written after it, as first read. Two names first
    read as places of one kind, two countries or two states, are a list, not a town and its region
    ("among them China, Japan and …", "Georgia, Oklahoma, Pennsylvania"): a country lies in no
    country, a state in no state. ``divisions_first`` holds the towns' first readings before a
    division gives way to the city at its heart (``_prefer_city``): "Oklahoma" is first the state,
    then Oklahoma City, and stays a state of the list."""
    inside: dict[str, Place] = {}
    for town, region in pairs:
        pick = first.get(fold(region))
        if pick is not None and pick[0].kind == "city" and _may_mean(town, pick[0]):
            # One town written twice, by its name and by its short name ("Washington, D.C.").
            inside.setdefault(fold(town), pick[0])
            continue
        own = first.get(fold(town))
        raw = (divisions_first or {}).get(fold(town))
        kinds = {own[0].kind if own else None, raw.kind if raw else None}
        if pick is not None and pick[0].kind in ("country", "admin1") and pick[0].kind in kinds:
            continue
        if pick is not None and pick[0].kind in ("country", "admin1", "admin2") and fold(town) != fold(region):
            inside.setdefault(fold(town), pick[0])
    return inside


def _may_mean(name: str, place: Place) -> bool:
    return any(entry.place.geonameid == place.geonameid for entry in _options(name))


def _in_pair_region(place: Place, region: Place | None) -> bool:
    if region is not None and region.kind == "city":
        return place.geonameid == region.geonameid
    if region is None or place.country != region.country or place == region:
        return False
    if region.kind == "country":
        return True
    if region.kind == "admin1":
        return (bool(region.admin1) and place.admin1 == region.admin1) or place.region == fold(region.name)
    return place.district == fold(region.name) or place.district == region.district


def _word_names(names: list[str], language: str) -> frozenset[str]:
    """The folded names that are a common word (:func:`_is_common_word`); none while the word-town
    rule is off (``SETTINGS.geo_word_town_max_population`` 0), which alone reads them."""
    if SETTINGS.geo_word_town_max_population <= 0:
        return frozenset()
    return frozenset(fold(name) for name in names if _is_common_word(name, language))


def _is_common_word(name: str, language: str) -> bool:
    """Whether the name is one common word of the language ("Valley", "Congress", "August",
    « Vallée »): a month or weekday, or a word that both the lemmatizer's index and simplemma's
    dictionary know in lower case (or their stem before a plural "-s").

    One word only: a name made of several words is how places are named ("Falls Village",
    "New Quay"), not how a word is written. Two lexicons: WordNet, the English index, also
    lists encyclopaedic proper nouns ("laconia", a Greek region and a New Hampshire town);
    simplemma's dictionaries, built from inflection lists, hold far fewer of them, so a word
    both know is a common word more often than a place noun. False without a language or a
    lexicon."""
    if not language or len(name.split()) != 1 or "-" in name:
        return False
    from newsweave.annotate.word_sets import calendar_words

    word = name.replace("’", "'").lower()
    if fold(word) in calendar_words(language):
        return True
    return _known_word(word, language) or (word.endswith("s") and _known_word(word[:-1], language))


@cache
def _known_word(word: str, language: str) -> bool:
    """Whether both the lemmatizer's index and simplemma know the lower-case word."""
    from newsweave.annotate.name_repeats import lowercase_words

    return word in lowercase_words(language) and _simplemma_knows(word, language)


def _simplemma_knows(word: str, language: str) -> bool:
    from newsweave.annotate.word_sets import simplemma_knows

    return simplemma_knows(word, language)


def warm_word_lexicons(language: str) -> None:
    """Load the two lexicons the word-town rule reads for the language now, not at the first
    name that is a word: a benchmark or a worker that warms its models pays them before its
    timed part or its first article."""
    from newsweave.annotate.name_repeats import lowercase_words

    lowercase_words(language)
    _simplemma_knows("the", language)


def _unvouched_small_town(place: Place, context: Context) -> bool:
    """Whether the reading is a town of under ``SETTINGS.geo_word_town_max_population`` people
    that the article's other places do not vouch for (:func:`_local`, nor near a sure county),
    in an article that names other places at all: a local paper naming its town alone keeps it."""
    if place.kind != "city" or place.population >= SETTINGS.geo_word_town_max_population:
        return False
    if _local(place, context) or place.geonameid in context.nested or _in_pair_region(place, context.inside):
        return False
    if any(haversine_km(place.lat, place.lon, lat, lon) < SETTINGS.geo_near_km for lat, lon in context.county_points):
        return False
    return bool(context.points or context.regions or context.countries - {place.country})


def _unsupported_division(place: Place, context: Context) -> bool:
    return (place.kind in ("admin1", "admin2") and place.country not in context.countries
            and place.population < SETTINGS.geo_unsupported_division_max_population)


def _options(name: str) -> tuple[_Entry, ...]:
    """A name's candidate places; a demonym that is also a small town's name ("Canadian",
    Texas) means its country, and a region's ("Asian", not Xi'an) its region."""
    found = candidates(name)
    region = region_demonym(name)
    if region is not None and not any(
            entry.main_name and (entry.place.kind != "city" or entry.place.population >= SETTINGS.geo_demonym_town_min_population)
            for entry in found):
        return (_Entry(region, True),)
    code = demonym_country(name)
    # Only a town's own name outranks a demonym ("KAZAKH" is an other name of Petropavl).
    if code and code in countries() and not any(
            entry.main_name and (entry.place.kind != "city" or entry.place.population >= SETTINGS.geo_demonym_town_min_population)
            for entry in found):
        return (_Entry(countries()[code], True),)
    return found


def _context(seeds: Context, picks: list[tuple[Place, float]]) -> Context:
    context = Context(set(seeds.countries), set(seeds.regions), list(seeds.points), publication=seeds.publication,
                      nested=seeds.nested, neighbours=seeds.neighbours, site_home=seeds.site_home,
                      word_names=seeds.word_names)
    for place, confidence in picks:
        if confidence < SETTINGS.geo_context_min_confidence:
            continue
        if place.country:
            context.countries.add(place.country)
        if place.kind in ("admin1", "admin2") and place.region:
            context.regions.add((place.country, place.district or place.region))
        if place.kind in ("admin1", "admin2"):
            context.regions.add((place.country, fold(place.name)))
        if place.kind == "admin1" and place.admin1:
            context.regions.add((place.country, "code:" + place.admin1))
        if place.kind == "city":
            context.points.append((place.lat, place.lon))
        if place.kind == "admin2":
            context.county_points.append((place.lat, place.lon))
        if place.kind in ("city", "admin2") and place.region:
            context.town_regions.add((place.country, place.region))
        if place.kind == "admin1":
            context.state_countries.add(place.country)
    sure = [place for place, confidence in picks if confidence >= SETTINGS.geo_context_min_confidence]
    context.home = _home_country(sure, seeds.publication)
    context.home_region = _home_region(sure, context.home)
    if seeds.site_home and context.home in (None, seeds.site_home[0]) and context.home_region is None:
        # The article's own places name no home: the site's is the likeliest.
        context.home = seeds.site_home[0]
        context.home_region = seeds.site_home
        context.countries.add(seeds.site_home[0])
    return context


def _home_region(sure: list[Place], home: str | None) -> tuple[str, str] | None:
    """The division of the home country most sure places lie in (a named state counts too)."""
    if home is None:
        return None
    counts = Counter((home, place.region) for place in sure
                     if place.country == home and place.kind in ("city", "admin1", "admin2") and place.region)
    if not counts:
        return None
    region, count = counts.most_common(1)[0]
    return region if count >= SETTINGS.geo_home_min_places and count >= SETTINGS.geo_home_region_min_share * sum(counts.values()) else None


def _home_country(sure: list[Place], publication: str | None = None) -> str | None:
    counts = Counter(place.country for place in sure if place.country and place.kind != "country")
    if publication:
        counts[publication] += SETTINGS.geo_publication_weight
    if not counts:
        return None
    country, count = counts.most_common(1)[0]
    return country if count >= SETTINGS.geo_home_min_places and count >= SETTINGS.geo_home_min_share * sum(counts.values()) else None


def _choose(found: tuple[_Entry, ...], context: Context, prefer_city: bool = True) -> tuple[Place, float]:
    """The best reading and its confidence: the share of the softmax of the scores that goes to
    readings within ``SETTINGS.geo_same_place_km`` of it (a city and its namesake division agree).
    Without ``prefer_city`` a division is not given up for the city at its heart."""
    metropolis = _metropolis(found)
    scores = [_score(entry, context, metropolis) for entry in found]
    if any(_local(entry.place, context) and (entry.main_name or not _names_a_country(found)) for entry in found):
        # A far namesake in a country the article never points at yields to a local reading
        # (a country's own name does not yield to a town that bears it only as another name:
        # "Chile" beside Istanbul is not Şile).
        scores = [score - SETTINGS.geo_foreign_penalty if entry.place.country not in context.countries else score
                  for score, entry in zip(scores, found, strict=True)]
    scored = sorted(((score, -entry.place.geonameid, entry.place) for score, entry in zip(scores, found, strict=True)),
                    reverse=True)
    best = _prefer_city(scored[0][2], [item[2] for item in scored]) if prefer_city else scored[0][2]
    top = scored[0][0]
    total = agree = 0.0
    for score, _, place in scored:
        weight = math.exp(score - top)
        total += weight
        if _distance(place, best) < SETTINGS.geo_same_place_km or place.kind in ("country", "continent") and place == best:
            agree += weight
    return best, agree / total


def _names_a_country(found: tuple[_Entry, ...]) -> bool:
    return any(entry.main_name and entry.place.kind == "country" for entry in found)


def _prefer_city(best: Place, ranked: list[Place]) -> Place:
    """A division chosen over a big city of its name at its heart ("Kiev" the oblast around
    Kyiv), or over its country's capital ("Washington"), gives way to the city: news means
    the city."""
    if best.kind not in ("admin1", "admin2"):
        return best
    for place in ranked:
        if place.kind != "city":
            continue
        if place.capital and place.country == best.country:
            return place
        if place.population >= SETTINGS.geo_city_over_division_min_population and _distance(place, best) < SETTINGS.geo_same_place_km:
            return place
    return best


def _distance(a: Place, b: Place) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _metropolis(found: tuple[_Entry, ...]) -> int:
    """The population of the largest city among the readings, where it is a metropolis (else 0)."""
    largest = max((entry.place.population for entry in found if entry.place.kind == "city"), default=0)
    return largest if largest >= SETTINGS.geo_metropolis_min_population else 0


def _score(entry: _Entry, context: Context, metropolis: int = 0) -> float:
    place = entry.place
    population = min(place.population, ADMIN2_MAX_POPULATION) if place.kind == "admin2" else place.population
    score = math.log10(population + 1) + KIND_BONUS[place.kind]
    if entry.main_name:
        score += SETTINGS.geo_main_name_bonus
    if place.kind != "continent" and place.country in context.countries:
        score += SETTINGS.geo_same_country_bonus
    if place.kind not in ("continent", "country") and place.country and place.country == context.home:
        score += SETTINGS.geo_home_bonus
    if place.kind in ("city", "admin2") and _in_named_region(place, context) and not _dwarfed(place, metropolis):
        score += SAME_ADMIN1_BONUS
    if place.kind == "city" and any(haversine_km(place.lat, place.lon, lat, lon) < SETTINGS.geo_near_km
                                    for lat, lon in context.points):
        score += SETTINGS.geo_near_bonus
    if place.capital:
        score += SETTINGS.geo_capital_bonus
    if place.kind in ("city", "admin2") and context.home_region and (place.country, place.region) == context.home_region:
        score += SETTINGS.geo_home_region_bonus
    if place.geonameid in context.nested:
        score += SETTINGS.geo_nested_bonus
    if place.geonameid in context.neighbours:
        score += SETTINGS.geo_neighbours_bonus
    if _in_pair_region(place, context.inside):
        score += SETTINGS.geo_pair_bonus
    return score


def _dwarfed(place: Place, metropolis: int) -> bool:
    """Whether a town is a small namesake of a metropolis: its state named somewhere in the article
    says little ("stops in Washington, New York and Boston" is not Boston, New York)."""
    return place.population * SETTINGS.geo_metropolis_ratio < metropolis


def _local(place: Place, context: Context) -> bool:
    """Whether the article's own places vouch for this reading: a town or county near a sure
    town, inside a division the article names, in its home state, nested or written "Town,
    Region"; a state that holds a sure town ("Georgia" beside Atlanta) or is named beside
    another sure state of its country ("Georgia" beside Kentucky)."""
    if place.country not in context.countries:
        return False
    if place.kind == "admin1":
        return (place.country in context.state_countries or (place.country, fold(place.name)) in context.town_regions
                or (place.country, place.region or "") in context.town_regions)
    if place.kind not in ("city", "admin2"):
        return False
    return (_in_named_region(place, context) or place.geonameid in context.nested or place.geonameid in context.neighbours
            or _in_pair_region(place, context.inside)
            or (context.home_region is not None and (place.country, place.region) == context.home_region)
            or place.kind == "city" and any(haversine_km(place.lat, place.lon, lat, lon) < SETTINGS.geo_near_km
                                            for lat, lon in context.points))


def _in_named_region(place: Place, context: Context) -> bool:
    regions = context.regions
    return ((place.country, place.region or "") in regions or (place.country, place.district or "") in regions
            or (place.country, "code:" + (place.admin1 or "")) in regions)


def town_region_pairs(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[str, str]]:
    """("Town", "Region") for each two place spans written "Town, Region" ("Dublin, Ohio",
    "Perth, Western Australia"): only a comma and spaces between them."""
    ordered = sorted(set(spans))
    pairs = []
    for (start, end), (next_start, next_end) in zip(ordered, ordered[1:]):
        if next_start > end and text[end:next_start].strip() == "," and next_start - end <= 3:
            pairs.append((text[start:end], text[next_start:next_end]))
    return pairs


def division_marks(text: str, spans: Iterable[tuple[int, int]], language: str) -> dict[str, str]:
    """Name -> the full name of the division the text marks it as, by a noun of divisions
    written after it or after the list it ends (``division_nouns_after`` in
    ``lang/<iso>/places.toml``: "Walton and Oconee counties", "Butler, Clark or Warren counties"),
    before it or the list it opens (``division_nouns_before``: « les comtés de Walton et
    d'Oconee »), or abbreviated inside it ("Loudon Co." → "Loudon County"). A plural noun marks
    the whole list, a singular one the name beside it."""
    table = lang.load(language, "places") if language else {}
    after: dict[str, dict] = table.get("division_nouns_after", {})
    before: dict[str, dict] = table.get("division_nouns_before", {})
    if not after and not before:
        return {}
    joiners = {fold(word) for word in lang.load(language, "entities").get("list_joiners", [])}
    if before:
        # « Walton et d'Oconee »: the connector that the noun before governs comes back.
        joiners |= {fold(word) for word in table.get("embedded_place_connectors", [])}
    found: dict[str, str] = {}
    for chain in _name_lists(text, sorted(set(spans)), joiners):
        for start, end in chain:
            name = text[start:end]
            for noun, entry in after.items():
                if noun[:1].isupper() and name.endswith(" " + noun):
                    found[name] = name[:-len(noun)] + entry["suffix"]
        noun_after = after.get(_noun_after(text, chain[-1][1], after) or "")
        noun_before = _noun_before(text, chain[0][0], before)
        for mark, marked in ((noun_after, chain if noun_after and noun_after.get("list") else chain[-1:]),
                             (noun_before, chain if noun_before and noun_before.get("list") else chain[:1])):
            if mark is None:
                continue
            for start, end in marked:
                found.setdefault(text[start:end], f"{text[start:end]} {mark['suffix']}")
    return found


def _name_lists(text: str, ordered: list[tuple[int, int]], joiners: set[str]) -> Iterator[list[tuple[int, int]]]:
    """The spans in runs that the text joins into lists (a span alone is a run of one)."""
    chain: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(ordered):
        chain.append((start, end))
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        if following is None or not _list_gap(text[end:following[0]], joiners):
            yield chain
            chain = []


def _noun_before(text: str, start: int, table: Mapping[str, dict]) -> dict | None:
    """The entry of the noun of divisions written right before ``start`` with its connector
    (« comtés de », « comté d' »), or None."""
    if not table:
        return None
    words = text[max(0, start - 30):start].replace("'", "' ").replace("’", "’ ").split()
    if len(words) < 2 or fold(words[-1]).rstrip("'’") not in ("de", "du", "d"):
        return None
    return table.get(words[-2].lower())


def _list_gap(gap: str, joiners: set[str]) -> bool:
    """Whether the text between two names joins them in a list (", ", " and ", ", or ")."""
    words = gap.replace(",", " , ").split()
    return 0 < len(gap) <= 8 and bool(words) and all(word == "," or fold(word) in joiners for word in words)


def _noun_after(text: str, end: int, table: Mapping[str, dict]) -> str | None:
    """The noun of divisions (a key of ``table``) written right after ``end``, or None."""
    match = NEXT_WORD.match(text, end)
    if match is None:
        return None
    word = match.group(1)
    return word if word in table else (word.rstrip(".") if word.rstrip(".") in table else None)


def publication_country(url: str | None) -> str | None:
    """The ISO code of the country a site's address points at (``bbc.co.uk`` → GB, ``nzherald.co.nz``
    → NZ), or None for generic domains (``.com``, ``.tv``)."""
    code = domain_country(url)
    return code if code in countries() else None
