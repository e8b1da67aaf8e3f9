"""Geocoding with the gazetteer: spellings, homonyms in context, demonyms."""

from __future__ import annotations

import pytest

from newsweave.annotate.geo import (candidates, countries, demonym_country, fold, haversine_km, most_populous,
                                   publication_country, resolve_places, town_region_pairs)

KYIV = 703448


@pytest.mark.parametrize("spelling", ["Kyiv", "Kiev", "kyiv", "Kyïv", "Київ", "Киев", "Kijów"])
def test_every_spelling_of_kyiv_is_one_place(spelling: str) -> None:
    found = resolve_places([spelling])
    assert [place.geonameid for place in found.values()] == [KYIV]
    place = next(iter(found.values()))
    assert place.country == "UA" and haversine_km(place.lat, place.lon, 50.45, 30.52) < 5


def test_paris_next_to_texas_is_in_texas() -> None:
    found = resolve_places(["Paris", "Texas"])
    assert found["paris"].country == "US" and found["paris"].admin1 == "TX"


def test_paris_alone_or_next_to_france_is_the_capital() -> None:
    assert resolve_places(["Paris"])["paris"].country == "FR"
    assert resolve_places(["Paris", "Lyon"])["paris"].country == "FR"


def test_a_demonym_of_the_article_counts_as_context() -> None:
    # Moscow, Idaho is small; an American story about Idaho's Moscow still names Idaho.
    assert resolve_places(["Moscow"])["moscow"].country == "RU"
    assert resolve_places(["Moscow", "Idaho"])["moscow"].country == "US"


def test_countries_are_found_in_many_languages() -> None:
    for name in ("Ukraine", "Украина", "États-Unis", "U.S.", "Allemagne", "Deutschland"):
        kinds = {entry.place.kind for entry in candidates(name)}
        assert "country" in kinds, name


@pytest.mark.parametrize(("word", "country"), [("Albanian", "AL"), ("ukrainien", "UA"), ("Ukrainiennes", "UA"),
                                               ("Americans", "US"), ("française", "FR")])
def test_demonyms_point_at_their_country(word: str, country: str) -> None:
    assert demonym_country(word) == country


def test_the_baseline_takes_the_biggest_namesake() -> None:
    assert most_populous("Paris").country == "FR"
    assert most_populous("Nowhere-on-earth-xyz") is None


# -- phantom places: names the gazetteer must not know ------------------------------------------

# Our own sentences. "Rendham" is a made-up town of the trust set that GeoNames happens to list
# as a former name of Old Forge, Pennsylvania (pop. 8,000); story maps showed "Old Forge".
INVENTED_TOWN = "Le constructeur Ostra Motors va supprimer 2 000 emplois dans son usine de Rendham d'ici 2027."
# Spoken-of capitals next to a mention of the United States (seed articles do this).
CAPITALS_AND_US = ("The US Secretary of State met his counterparts in Paris on Monday. Berlin, London and "
                   "Washington have rejected the plan, the United States said.")


@pytest.mark.parametrize("name", ["Rendham", "Barbertown"])
def test_former_names_of_small_towns_are_not_places(name: str) -> None:
    assert candidates(name) == ()


@pytest.mark.parametrize("word", ["The", "Die"])
def test_function_words_are_not_other_names_of_cities(word: str) -> None:
    # GeoNames lists "The" for Teresina, "Die" for Antsiranana.
    assert candidates(word) == ()


@pytest.mark.parametrize("word", ["Bus", "Inc", "Vie"])
def test_airport_codes_are_not_places(word: str) -> None:
    # GeoNames lists IATA codes among alternate names: "BUS" Batumi, "INC" Yinchuan, "VIE" Vienna.
    assert candidates(word) == ()


@pytest.mark.parametrize("word", ["And", "Can", "Are"])
def test_function_words_are_not_country_codes(word: str) -> None:
    # countryinfo lists "AND" for Andorra, "CAN" for Canada ("Çan" in Turkey keeps its own name).
    assert "country" not in {entry.place.kind for entry in candidates(word)}


@pytest.mark.parametrize(("spelling", "name"), [("Jenin", "Janīn"), ("Pulawy", "Puławy"), ("St. Cloud", "Saint Cloud"),
                                                ("Kijów", "Kyiv"), ("Київ", "Kyiv"), ("US", "United States"),
                                                ("D.C.", "Washington")])
def test_spellings_of_a_place_are_still_found(spelling: str, name: str) -> None:
    assert name in {entry.place.name for entry in candidates(spelling)}


def test_an_invented_town_in_an_article_gets_no_coordinates() -> None:
    from newsweave.model import Article
    from newsweave.offsets import OffsetMap
    from newsweave.annotate.entities import annotate_entities

    article = Article(id="t", source="t.txt", raw=INVENTED_TOWN, raw_sha256="", text=INVENTED_TOWN,
                      offsets=OffsetMap.identity(len(INVENTED_TOWN)), language="fr")
    annotate_entities([article])
    assert [item.text for item in article.entities if item.lat is not None] == []


def test_capitals_stay_capitals_when_the_us_is_named() -> None:
    found = resolve_places(["US", "Paris", "Berlin", "London", "Washington", "United States"], ["US"])
    assert (found["paris"].country, found["berlin"].country, found["london"].country) == ("FR", "DE", "GB")
    # ... but a state named beside them still wins (the Paris, Texas and Moscow, Idaho cases above).
    assert resolve_places(["Paris", "Texas", "United States"])["paris"].admin1 == "TX"


# -- country points -------------------------------------------------------------------------------

# Where the country is usually placed: GeoNames' country points (the US one is the centre of the
# contiguous states, near Lebanon, Kansas). Tolerance: the 161 km of the accuracy@161 km score.
@pytest.mark.parametrize(("code", "lat", "lon"), [("US", 39.76, -98.5), ("FR", 46.0, 2.0), ("DE", 51.5, 10.5),
                                                  ("IN", 22.0, 79.0), ("AU", -25.0, 135.0), ("GB", 54.76, -2.7),
                                                  ("ES", 40.0, -4.0), ("UA", 49.0, 32.0)])
def test_country_points_are_near_the_usual_point(code: str, lat: float, lon: float) -> None:
    place = countries()[code]
    assert haversine_km(place.lat, place.lon, lat, lon) < 161


def test_country_points_are_on_the_mainland() -> None:
    # Not pulled towards Alaska, French Guiana or the Arctic islands: Canada's point lies in
    # Manitoba/Nunavut (countryinfo's was 60°N 95°W, GeoNames' 60°N 114°W: there is no one answer).
    canada, us = countries()["CA"], countries()["US"]
    assert 50 < canada.lat < 65 and -115 < canada.lon < -90
    assert 37 < us.lat < 41 and -101 < us.lon < -96
    # Countries too small for the 1:110m outline keep a point of their own.
    assert haversine_km(countries()["SG"].lat, countries()["SG"].lon, 1.35, 103.82) < 50


# -- context: "Town, Region", nested counties, home state, country of publication ------------


def test_town_region_pairs_are_read_from_the_text() -> None:
    text = "Glenmora Fair opens in Dublin, Ohio, and in Vienne, Isère; then Lyon and Rome."
    spans = [(text.index(word), text.index(word) + len(word)) for word in ("Dublin", "Ohio", "Vienne", "Isère", "Lyon", "Rome")]
    assert town_region_pairs(text, spans) == [("Dublin", "Ohio"), ("Vienne", "Isère")]


def test_a_town_written_with_its_region_lies_in_that_region() -> None:
    assert resolve_places(["Dublin"])["dublin"].country == "IE"
    found = resolve_places(["Dublin", "Ohio"], pairs=[("Dublin", "Ohio")])
    assert found["dublin"].country == "US" and found["dublin"].admin1 == "OH"
    assert found["dublin"].confidence is not None and found["dublin"].confidence > 0.9


def test_a_town_and_the_county_it_lies_in_point_at_each_other() -> None:
    assert "henry county" not in resolve_places(["Henry County"])  # a dozen states have one
    found = resolve_places(["Paris", "Henry County"])  # Paris, Tennessee lies in Henry County
    assert found["paris"].admin1 == "TN"
    assert found["henry county"].region == "tennessee"


def test_the_home_state_of_local_news_decides_a_namesake() -> None:
    # Athens, Greece is the bigger; two sure Ohio towns make the story a local Ohio one.
    assert resolve_places(["Athens"])["athens"].country == "GR"
    assert resolve_places(["Athens", "Columbus", "Zanesville"])["athens"].admin1 == "OH"


@pytest.mark.parametrize(("url", "code"), [
    ("https://www.bbc.co.uk/news/world", "GB"), ("http://www.nzherald.co.nz/a", "NZ"), ("lemonde.fr", "FR"),
    ("https://www.example.com/a", None), ("https://streams.example.tv/a", None), (None, None)])
def test_the_country_of_publication_comes_from_the_address(url: str | None, code: str | None) -> None:
    assert publication_country(url) == code


def test_the_country_of_publication_is_context() -> None:
    assert resolve_places(["Perth"])["perth"].country == "AU"
    assert resolve_places(["Perth"], publication="GB")["perth"].country == "GB"
    # ... but a world capital stays itself in a foreign paper.
    assert resolve_places(["London"], publication="CA")["london"].country == "GB"


@pytest.mark.parametrize(("word", "place"), [
    ("European", "Europe"), ("Asians", "Asia"), ("Texan", "Texas"), ("africaines", "Africa"), ("Latin American", "Latin America")])
def test_a_region_demonym_is_its_region(word: str, place: str) -> None:
    assert resolve_places([word])[fold(word)].name == place


def test_a_region_demonym_beats_a_city_s_alternate_name() -> None:
    # GeoNames lists "Asian" among the names of Xi'an; the word means Asia.
    assert resolve_places(["Asian"])["asian"].kind == "continent"


@pytest.mark.parametrize("names", [["Georgia", "Atlanta"], ["Georgia", "Kentucky"], ["Géorgie", "Atlanta"],
                                   ["Géorgie", "Kentucky"]])
def test_a_state_named_beside_its_country_s_places_beats_a_foreign_country(names: list[str]) -> None:
    georgia = resolve_places(names)[fold(names[0])]
    assert georgia.country == "US" and georgia.kind == "admin1"


@pytest.mark.parametrize("names", [["Georgia", "Tbilisi"], ["Géorgie", "Russie"], ["Georgia"]])
def test_the_country_stays_the_country_without_local_support(names: list[str]) -> None:
    assert resolve_places(names)[fold(names[0])].country == "GE"


def test_a_town_near_the_article_s_town_beats_a_foreign_country() -> None:
    # Myerstown (Pennsylvania) vouches for Lebanon, Pennsylvania; Beirut for the country.
    assert resolve_places(["Lebanon", "Myerstown"])["lebanon"].country == "US"
    assert resolve_places(["Liban", "Beyrouth"])["liban"].country == "LB"


@pytest.mark.parametrize("name, place, country", [("South Philadelphia", "Philadelphia", "US"),
                                                  ("Northeast Nebraska", "Nebraska", "US"),
                                                  ("East Oxford", "Oxford", "GB")])
def test_a_compass_part_of_a_place_is_that_place(name: str, place: str, country: str) -> None:
    assert any(entry.place.name == place and entry.place.country == country for entry in candidates(name))


@pytest.mark.parametrize("name", ["West Wing", "Northern Varessia"])
def test_a_compass_word_before_a_hamlet_or_an_unknown_name_is_no_place(name: str) -> None:
    assert not candidates(name)


def test_a_compass_word_before_a_generic_word_is_not_a_far_division() -> None:
    assert not any(entry.place.country == "KE" for entry in candidates("West Coast"))


@pytest.mark.parametrize("names", [["Rome", "Georgia", "Alabama"], ["Rome", "Géorgie", "Alabama"],
                                   ["Athens", "Géorgie", "Kentucky"]])
def test_a_state_read_in_context_is_context_for_the_towns(names: list[str]) -> None:
    # "Georgia" read alone is the country; beside another US state it is the state, and the
    # town is then read inside that state rather than in Italy or Greece.
    town = fold(names[0])
    chosen = resolve_places(names)
    assert (chosen[town].country, chosen[town].admin1) == ("US", "GA")


def test_a_state_read_in_context_leaves_the_country_reading_alone() -> None:
    chosen = resolve_places(["Athens", "Georgia", "Tbilisi"])
    assert chosen["georgia"].country == "GE" and chosen["athens"].country == "GR"


def _resolved(text: str, names: list[str], **kwargs: object) -> dict[str, tuple[str, str | None]]:
    spans = [(text.index(name), text.index(name) + len(name)) for name in names]
    chosen = resolve_places(names, pairs=town_region_pairs(text, spans), **kwargs)  # type: ignore[arg-type]
    return {key: (place.name, place.country) for key, place in chosen.items()}


@pytest.mark.parametrize(("text", "town", "code", "division"), [
    ("Firefighters reached Brookhollow, Ill., before dawn.", "Brookhollow", "Ill.", "Illinois"),
    ("The mayor of Quellport, Calif., resigned on Monday.", "Quellport", "Calif.", "California"),
    ("Les pompiers de Wattlebury, NSW, ont évacué la ville.", "Wattlebury", "NSW", "New South Wales"),
    ("Le maire de Tarnaby-sur-Lac, Ont., a démissionné.", "Tarnaby-sur-Lac", "Ont.", "Ontario"),
])
def test_a_division_abbreviation_after_a_town_is_that_division(text: str, town: str, code: str, division: str) -> None:
    assert _resolved(text, [town, code])[fold(code)][0] == division


def test_a_state_code_after_a_real_town_is_read_in_its_state() -> None:
    found = _resolved("Crews left Portland, ME, at noon.", ["Portland", "ME"])
    assert found["me"] == ("Maine", "US") and found["portland"] == ("Portland", "US")


def test_an_abbreviation_alone_needs_a_place_of_its_country() -> None:
    assert _resolved("Storms hit Sydney and the NSW coast.", ["Sydney", "NSW"])["nsw"] == ("New South Wales", "AU")
    assert "nsw" not in _resolved("Storms hit the NSW coast.", ["NSW"])
    assert _resolved("A Kan. farmer spoke.", ["Kan."], publication="US")["kan"] == ("Kansas", "US")


@pytest.mark.parametrize(("text", "code"), [
    ("Buy the blue one OR the red one in Chicago.", "OR"),
    ("Tell ME what happened in Chicago.", "ME"),
    ("Prices went up IN Chicago.", "IN"),
    ("Les prix ont monté à Toulouse et SA filiale à Chicago a fermé.", "SA"),
])
def test_a_code_that_spells_a_word_is_not_a_place_without_a_town_before_it(text: str, code: str) -> None:
    assert fold(code) not in _resolved(text, ["Chicago", code])


def test_a_code_of_several_countries_stays_unresolved_without_context() -> None:
    assert "wa" not in _resolved("Crews left Glimmerton, WA, at noon.", ["Glimmerton", "WA"])
    assert _resolved("Crews left Glimmerton, WA, near Perth.", ["Glimmerton", "WA", "Perth"])["wa"] == (
        "Western Australia", "AU")


def test_a_dotted_abbreviation_is_not_the_town_of_its_letters() -> None:
    # "Man" is a town of Côte d'Ivoire; "Man." beside a Canadian city is Manitoba.
    assert _resolved("Crews left Winnipeg for Glimmerton, Man., at noon.", ["Winnipeg", "Glimmerton", "Man."])["man"] == (
        "Manitoba", "CA")
