"""Toponym recall: places the model mislabels or misses, found from the article's evidence.

Invented sentences and people; the towns are real, since the gazetteer must know them.
"""

from __future__ import annotations

from newsweave.annotate.entities import annotate_entities
from newsweave.model import Article
from newsweave.offsets import OffsetMap


def _entities(text: str, language: str) -> list[dict]:
    article = Article(id="t", source="t.txt", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    annotate_entities([article])
    return article.entities


def _places(text: str, language: str) -> dict[str, dict]:
    return {item.text: item for item in _entities(text, language) if item.lat is not None}


def test_a_dateline_in_capitals_is_a_place() -> None:
    text = "CARCASSONNE, March 3 (AP) — Brenna Castwick opened the new depot on Monday."
    places = _places(text, "en")
    assert "CARCASSONNE" in places and places["CARCASSONNE"].country == "FR"


def test_a_known_town_after_in_is_a_place_whatever_the_model_said() -> None:
    text = "The strike began in Castelnaudary and spread to farms near Limoux, said Oriel Vantress."
    places = _places(text, "en")
    assert {"Castelnaudary", "Limoux"} <= set(places)


def test_lower_cased_places_of_machine_translated_text() -> None:
    text = ("dock workers in rotterdam stopped work on tuesday. the union said rotterdam would stay shut "
            "while talks in the netherlands go on.")
    places = _places(text, "en")
    assert "rotterdam" in places and places["rotterdam"].country == "NL"
    assert [item.text for item in _entities(text, "en") if item.text == "rotterdam"] == ["rotterdam"] * 2
    # "the netherlands" as a whole (the country's name with its article) or "netherlands"
    assert any(name.endswith("netherlands") and place.country == "NL" for name, place in places.items()), places


def test_a_month_after_in_is_not_a_place() -> None:
    text = "Talks with Oriel Vantress resume in March and end in May, the committee said."
    assert not {"March", "May"} & set(_places(text, "en"))


def test_un_bourg_apres_a_ou_pres_de_est_un_lieu() -> None:
    text = "La grève a commencé à Castelnaudary et s'est étendue aux fermes près de Limoux, selon Oriel Vantress."
    places = _places(text, "fr")
    assert {"Castelnaudary", "Limoux"} <= set(places)


def test_une_ville_en_minuscules_apres_a_est_un_lieu() -> None:
    text = "les dockers à rotterdam ont cessé le travail mardi, a indiqué le syndicat."
    places = _places(text, "fr")
    assert "rotterdam" in places and places["rotterdam"].country == "NL"


def test_un_nom_de_personne_apres_a_reste_une_personne() -> None:
    text = "Le prix a été remis à Brenna Castwick, qui a remercié Oriel Vantress."
    assert not _places(text, "fr")


def test_places_carry_a_confidence() -> None:
    places = _places("Flooding hit farms near Limoux on Monday.", "en")
    assert 0 < places["Limoux"].geo_confidence <= 1


def test_a_division_the_model_took_for_a_person_is_a_place() -> None:
    text = "Farmers in the delta asked Tamil Nadu for water. Tamil Nadu has refused, Oriel Vantress said."
    places = _places(text, "en")
    assert "Tamil Nadu" in places and places["Tamil Nadu"].country == "IN"


def test_un_nom_de_lieu_dans_le_nom_complet_d_une_personne_reste_une_personne() -> None:
    text = "Victoria Ashdown a signé l'accord. Victoria a ensuite quitté la salle."
    assert "Victoria" not in _places(text, "fr")


def test_a_state_word_after_a_division_name_is_dropped() -> None:
    from newsweave.annotate.geo import candidates

    assert {entry.place.kind for entry in candidates("Oaxaca State")} <= {"admin1", "admin2"}
    assert candidates("province de Kandahar")


def test_a_dateline_after_a_run_in_headline_is_a_place() -> None:
    text = "Depot plan wins a vote. LIMOUX -- The council backed the plan of Oriel Vantress on Tuesday."
    assert "LIMOUX" in _places(text, "en")


def test_a_word_in_capitals_before_a_dash_that_no_gazetteer_knows_is_not_a_place() -> None:
    text = "Depot plan wins a vote. UPDATE -- The council backed the plan of Oriel Vantress on Tuesday."
    assert "UPDATE" not in _places(text, "en")


def test_un_article_en_minuscules_apres_a_n_est_pas_un_lieu() -> None:
    # "La." abrège la Louisiane en anglais ; "à la" n'y renvoie jamais.
    text = "Oriel Vantress est arrivée à la gare de Limoux, puis à la mairie."
    assert [name for name in _places(text, "fr") if name.islower()] == []


def test_a_lower_case_common_word_after_in_the_is_not_a_division() -> None:
    text = "Oriel Vantress stood in the middle of the square in Limoux."
    assert set(_places(text, "en")) == {"Limoux"}


def _embedded(text: str, names: list[tuple[str, str]], language: str) -> list[str]:
    """The places :func:`embedded_places` finds inside the given (name, label) mentions."""
    from newsweave.annotate.canonical import Mention
    from newsweave.annotate.toponyms import embedded_places

    mentions = [Mention(text.index(name), text.index(name) + len(name), name, label) for name, label in names]
    return [mention.text for mention in embedded_places(mentions, text, language)]


def test_a_state_or_a_country_inside_an_organisation_name_is_a_place_of_its_own() -> None:
    text = ("Orla Fennimore of the Ohio Department of Wayfaring met the Brellwick Foundation of Canada "
            "and the Harmon Institute for Kentucky Studies.")
    found = _embedded(text, [("Ohio Department of Wayfaring", "ORG"), ("Brellwick Foundation of Canada", "ORG"),
                             ("Harmon Institute for Kentucky Studies", "ORG")], "en")
    assert found == ["Ohio", "Canada", "Kentucky"]


def test_a_small_town_inside_a_name_counts_only_where_the_article_names_it_as_a_place() -> None:
    text = "The Limoux Rugby Club met the Justice Department. Fans came from Limoux."
    found = _embedded(text, [("Limoux Rugby Club", "ORG"), ("Justice Department", "ORG"), ("Limoux", "LOC")], "en")
    assert found == ["Limoux"]
    alone = "The Limoux Rugby Club met the Justice Department."
    assert _embedded(alone, [("Limoux Rugby Club", "ORG"), ("Justice Department", "ORG")], "en") == []


def test_a_place_inside_a_name_is_located_end_to_end() -> None:
    text = "Orla Fennimore, who heads the Ohio Department of Wayfaring, opened the new depot on Monday."
    places = _places(text, "en")
    assert "Ohio" in places and places["Ohio"].country == "US"
    # the organisation keeps its name and label
    assert any(item.label == "ORG" and "Wayfaring" in item.text for item in _entities(text, "en"))


def test_un_lieu_dans_un_nom_d_organisation_est_un_lieu() -> None:
    text = "Corentin Vauquelas, de l'Université de Toulouse, a rencontré la Chambre des métiers de Dordogne."
    found = _embedded(text, [("Université de Toulouse", "ORG"), ("Chambre des métiers de Dordogne", "ORG")], "fr")
    assert found == ["Toulouse", "Dordogne"]


def test_a_person_or_a_known_organisation_keeps_the_places_in_its_name() -> None:
    text = "Victoria Jackson Hale spoke for the International Court of Justice in Paris."
    assert _embedded(text, [("Victoria Jackson Hale", "PER"), ("International Court of Justice", "ORG")], "en") == []


def test_an_organisation_that_is_a_town_s_whole_name_is_the_town() -> None:
    from newsweave.annotate.canonical import Mention
    from newsweave.annotate.toponyms import _relabel_place_names

    mentions = [Mention(0, 10, "Middletown", "ORG"), Mention(15, 23, "Renavolt", "ORG")]
    _relabel_place_names(mentions)
    assert [mention.label for mention in mentions] == ["LOC", "ORG"]


def test_the_town_a_person_comes_from_is_a_place() -> None:
    # (the small English model tags both towns as organisations here)
    text = "Police said Sarah Whitcombe of Limoux and Daniel Harrow from Castelnaudary were injured."
    places = _places(text, "en")
    assert {"Limoux", "Castelnaudary"} <= set(places) and places["Limoux"].country == "FR"


def test_la_ville_d_ou_vient_une_personne_est_un_lieu() -> None:
    text = "Corentin Vauquelas, originaire de Limoux, a ouvert la boutique lundi."
    assert "Limoux" in _places(text, "fr")


def test_a_dateline_after_the_byline_s_date_or_before_a_colon_is_a_place() -> None:
    text = "By Oriel Vantress, March 30, 2009 CARCASSONNE -- The depot opened. LIMOUX: the market closed."
    places = _places(text, "en")
    assert {"CARCASSONNE", "LIMOUX"} <= set(places)


def test_a_dotted_dateline_the_model_cuts_in_pieces_is_one_place() -> None:
    # The model reads "ST" and "PAUL" (a town in Cape Verde) or "ST" and a person "JOHN'S".
    text = "Hedge ruling upheld . ST. PAUL -- No matter how tall the hedge, Brenna Castwick said on Monday."
    places = _places(text, "en")
    assert "ST. PAUL" in places and places["ST. PAUL"].country == "US", places
    assert "PAUL" not in {item.text for item in _entities(text, "en")}
    text = "ST. JOHN'S, N.L. - Brenna Castwick opened the new depot on Monday."
    places = _places(text, "en")
    assert "ST. JOHN'S" in places and places["ST. JOHN'S"].country == "CA", places


def test_a_dateline_after_a_closing_quotation_mark_is_a_place() -> None:
    text = 'The driver was arrested, police said." ST. JOHN\'S, N.L. - Brenna Castwick opened the new depot on Monday.'
    places = _places(text, "en")
    assert "ST. JOHN'S" in places and places["ST. JOHN'S"].country == "CA", places


def test_une_date_de_lieu_apres_un_guillemet_fermant_est_un_lieu() -> None:
    text = "« Nous avons tout perdu. » ST. NAZAIRE (AFP) - Brenna Castwick a ouvert le nouveau dépôt lundi."
    places = _places(text, "fr")
    assert "ST. NAZAIRE" in places and places["ST. NAZAIRE"].country == "FR", places


def test_une_date_de_lieu_pointee_coupee_en_morceaux_est_un_seul_lieu() -> None:
    text = "ST. NAZAIRE (AFP) - Brenna Castwick a ouvert le nouveau dépôt lundi."
    places = _places(text, "fr")
    assert "ST. NAZAIRE" in places and places["ST. NAZAIRE"].country == "FR", places
    assert not {"ST", "NAZAIRE"} & {item.text for item in _entities(text, "fr")}


def test_a_name_in_capitals_before_a_dash_that_is_no_place_keeps_the_model_s_pieces() -> None:
    text = "Depot plan wins a vote. BRENNA CASTWICK -- The council backed her plan on Tuesday."
    assert "BRENNA CASTWICK" not in _places(text, "en")


def test_a_generic_word_inside_a_name_is_not_a_division() -> None:
    text = "Fans filled the Rogers Centre and the West Wing on Monday."
    assert _embedded(text, [("Rogers Centre", "FAC"), ("West Wing", "ORG")], "en") == []


def test_a_street_named_after_a_place_is_not_that_place() -> None:
    text = "The parade went down Ohio Street Market Hall and the London Road Depot."
    assert _embedded(text, [("Ohio Street Market Hall", "FAC"), ("London Road Depot", "FAC")], "en") == []


def test_une_rue_ou_une_gare_au_nom_d_une_ville_n_est_pas_cette_ville() -> None:
    text = "Le cortège est parti de la Gare de Lyon Saint-Exupéry vers la Rue de Toulouse Nord."
    assert _embedded(text, [("Gare de Lyon Saint-Exupéry", "LOC"), ("Rue de Toulouse Nord", "LOC")], "fr") == []
