"""The inline SVG map: offline outline, one dot per place, escaped names."""

from __future__ import annotations

from xml.etree import ElementTree

from newsweave.report.map import Place, places_in_articles, places_of, project, world_map_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_projection_puts_known_places_where_they_belong():
    paris_x, paris_y = project(48.86, 2.35)
    sydney_x, sydney_y = project(-33.87, 151.21)
    assert paris_x < sydney_x and paris_y < sydney_y
    assert project(0, -180) == (0, project(0, 0)[1])


def test_mentions_of_one_place_are_merged_and_counted():
    entities = [
        {"text": "Kyiv", "canonical": "Kyiv", "lat": 50.45, "lon": 30.52},
        {"text": "Kiev", "canonical": "Kyiv", "lat": 50.45, "lon": 30.52},
        {"text": "Tirana", "canonical": "Tirana", "lat": 41.33, "lon": 19.82},
        {"text": "NATO", "canonical": "NATO"},
    ]
    assert places_of(entities) == [Place("Kyiv", 50.45, 30.52, 2), Place("Tirana", 41.33, 19.82, 1)]


def test_a_demonym_or_an_organisation_carries_a_point_but_is_no_place_of_the_story():
    entities = [
        {"text": "Varessian", "canonical": "Varessia", "mention": "demonym", "lat": 44.1, "lon": 12.3},
        {"text": "Tirana", "canonical": "Tirana", "mention": "name", "lat": 41.33, "lon": 19.82},
        {"text": "EU", "canonical": "European Union", "label": "ORG", "mention": "name", "lat": 48.7, "lon": 9.1},
    ]
    assert places_of(entities) == [Place("Tirana", 41.33, 19.82, 1)]


def test_places_of_several_articles_count_each_article_once():
    first = [{"canonical": "Kyiv", "lat": 50.45, "lon": 30.52}, {"canonical": "Kyiv", "lat": 50.45, "lon": 30.52}]
    second = [{"canonical": "Kyiv", "lat": 50.45, "lon": 30.52}, {"canonical": "Tirana", "lat": 41.33, "lon": 19.82}]
    third = [{"canonical": "Tirana", "lat": 41.33, "lon": 19.82}, {"canonical": "NATO"}]
    found = places_in_articles([first, second, third])
    assert found == [Place("Kyiv", 50.45, 30.52, mentions=3, articles=2), Place("Tirana", 41.33, 19.82, mentions=2, articles=2)]
    assert places_in_articles([third, second, first]) == found  # order of the articles does not matter
    svg = ElementTree.fromstring(str(world_map_svg(found)))
    titles = [circle.find(f"{SVG}title").text for circle in svg.iter(f"{SVG}circle")]
    assert titles[0].startswith("Kyiv · 2 articles, 3 mentions")


def test_namesakes_are_two_places_with_tooltips_that_tell_them_apart():
    france = {"canonical": "Paris", "entity_id": "geo:2988507", "lat": 48.85, "lon": 2.35, "country": "FR"}
    texas = {"canonical": "Paris", "entity_id": "geo:4717560", "lat": 33.66, "lon": -95.56, "country": "US"}
    found = places_in_articles([[france, france], [texas], [{**france, "text": "Paname"}]])
    assert [(place.entity_id, place.articles, place.mentions) for place in found] == [
        ("geo:2988507", 2, 3), ("geo:4717560", 1, 1)]
    assert places_in_articles([[france, texas]]) == places_in_articles([[texas, france]])
    svg = ElementTree.fromstring(str(world_map_svg(found)))
    titles = [circle.find(f"{SVG}title").text for circle in svg.iter(f"{SVG}circle")]
    assert titles[0].startswith("Paris (FR) · 2 articles, 3 mentions") and titles[1].startswith("Paris (US) · 1 article,")


def test_places_without_an_entity_id_are_told_apart_by_coordinates():
    entities = [{"text": "Springfield", "lat": 39.80, "lon": -89.64}, {"text": "Springfield", "lat": 42.10, "lon": -72.59}]
    assert [place.lat for place in places_of(entities)] == [39.80, 42.10]


def test_svg_is_well_formed_with_outline_dots_and_escaped_titles():
    svg = str(world_map_svg([Place("<script>alert(1)</script>", 50.45, 30.52, 3), Place("Tirana", 41.33, 19.82)]))
    root = ElementTree.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert len(root.find(f"{SVG}path").get("d")) > 10_000  # the world's outline, inlined
    titles = [circle.find(f"{SVG}title").text for circle in root.iter(f"{SVG}circle")]
    assert titles[0].startswith("<script>alert(1)</script> · 1 article, 3 mentions")  # text, not markup
    assert "<script>" not in svg


def test_map_zooms_onto_the_places_but_not_closer_than_the_outline_allows():
    whole = ElementTree.fromstring(str(world_map_svg([])))
    zoomed = ElementTree.fromstring(str(world_map_svg([Place("Tirana", 41.33, 19.82)])))
    whole_width = float(whole.get("viewBox").split()[2])
    zoomed_width = float(zoomed.get("viewBox").split()[2])
    assert whole_width == 720 and 60 <= zoomed_width < 720


def test_a_dot_shows_its_confidence_and_the_sentences_that_name_it():
    text = "Floods hit Vellmoor on Monday. Rescuers reached the town late. Vellmoor's mayor asked for help."
    first = text.index("Vellmoor")
    second = text.index("Vellmoor", first + 1)
    entities = [
        {"text": "Vellmoor", "canonical": "Vellmoor", "entity_id": "geo:1", "lat": 45.0, "lon": 5.0,
         "start": first, "end": first + 8, "geo_confidence": 0.62},
        {"text": "Vellmoor", "canonical": "Vellmoor", "entity_id": "geo:1", "lat": 45.0, "lon": 5.0,
         "start": second, "end": second + 8, "geo_confidence": 0.91},
    ]
    (place,) = places_in_articles([entities], texts=[text])
    assert place.confidence == 0.91 and place.mentions == 2
    assert place.sentences == ("Floods hit Vellmoor on Monday.", "Vellmoor's mayor asked for help.")
    svg = ElementTree.fromstring(str(world_map_svg([place])))
    (title,) = [circle.find(f"{SVG}title").text for circle in svg.iter(f"{SVG}circle")]
    lines = title.split("\n")
    assert lines[0].endswith("confidence 91%") and lines[1:] == ["“Floods hit Vellmoor on Monday.”",
                                                                 "“Vellmoor's mayor asked for help.”"]


def test_une_phrase_francaise_est_coupee_a_ses_bornes():
    text = "Le pont de Roquebrune-sur-Lair a cédé. Les secours sont arrivés à Roquebrune-sur-Lair mardi ! Rien d'autre."
    start = text.index("Roquebrune-sur-Lair", text.index("Les secours"))
    entity = {"canonical": "Roquebrune-sur-Lair", "lat": 43.0, "lon": 3.0, "start": start, "end": start + 19}
    (place,) = places_of([entity], text)
    assert place.sentences == ("Les secours sont arrivés à Roquebrune-sur-Lair mardi !",)


def _named_after(text: str, entity_id: str, confidence: float) -> dict:
    return {"text": text, "canonical": text, "lat": 44.5, "lon": 3.2, "entity_id": entity_id,
            "geo_confidence": confidence}


def test_a_thing_named_after_a_place_is_one_dot_with_that_place():
    entities = [_named_after("Brevanne", "geo:910000001", 0.9),
                _named_after("Brevanne Cathedral", "loc:brevanne-cathedral", 0.72)]
    [place] = places_of(entities)
    assert (place.name, place.mentions, place.confidence) == ("Brevanne", 2, 0.9)


def test_across_articles_each_article_counts_once_for_the_folded_dot():
    first = [_named_after("Brevanne", "geo:910000001", 0.9), _named_after("Cathédrale de Brevanne", "loc:cathedrale-de-brevanne", 0.7)]
    second = [_named_after("Cathédrale de Brevanne", "loc:cathedrale-de-brevanne", 0.7)]
    [place] = places_in_articles([first, second])
    assert (place.name, place.mentions, place.articles) == ("Brevanne", 3, 2)


def test_a_thing_named_after_a_place_the_map_lacks_keeps_its_own_dot():
    [place] = places_of([_named_after("Brevanne Velodrome", "loc:brevanne-velodrome", 0.7)])
    assert place.name == "Brevanne Velodrome"
