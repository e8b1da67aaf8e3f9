"""Names without a NER model (annotate/names.py) and the people rules of annotate/entities.py.

Every name and place below is invented, except the big cities and the organisations the
entity files know.
"""

from __future__ import annotations

from newsweave.annotate.entities import annotate_entities
from newsweave.model import Article
from newsweave.offsets import OffsetMap


def _entities(text: str, language: str) -> list[dict]:
    article = Article(id=language, source="test", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    annotate_entities([article])
    return article.entities


def _found(text: str, language: str) -> dict[str, dict]:
    return {item.text: item for item in _entities(text, language)}


# -- languages without a model ------------------------------------------------------------------


def test_german_title_known_names_and_surname() -> None:
    found = _found("Bundeskanzlerin Almut Verhoeven traf am Montag in Berlin Vertreter der Nato. "
                   "Verhoeven sagte, die Europäische Union werde helfen.", "de")
    assert found["Almut Verhoeven"].label == "PER"
    assert found["Verhoeven"].entity_id == found["Almut Verhoeven"].entity_id == "per:almut-verhoeven"
    assert found["Berlin"].label == "LOC" and found["Berlin"].entity_id.startswith("geo:")
    assert found["Nato"].entity_id == "org:nato" and found["Europäische Union"].entity_id == "org:eu"


def test_german_nouns_alone_are_no_names() -> None:
    found = _found("Die Regierung plant neue Gesetze. Am Abend sprach der Sprecher über die Zukunft.", "de")
    assert not [item for item in found.values() if item.label in ("PER", "ORG")]


def test_german_organisation_word_makes_an_organisation() -> None:
    found = _found("Gestern meldete die Brunnfeld Versicherung AG hohe Gewinne.", "de")
    assert any(item.label == "ORG" and "Brunnfeld" in text for text, item in found.items())


def test_dutch_name_with_particles_and_its_surname() -> None:
    found = _found("Minister Joost van der Kamp bezocht dinsdag Rotterdam en sprak met de NAVO.", "nl")
    assert found["Joost van der Kamp"].label == "PER"
    assert found["Rotterdam"].label == "LOC" and found["NAVO"].entity_id == "org:nato"


def test_spanish_title_and_alias_link_to_the_same_ids_as_english() -> None:
    found = _found("El presidente Tomás Ruidera visitó Madrid y habló con la OTAN.", "es")
    assert found["Tomás Ruidera"].label == "PER" and found["OTAN"].entity_id == "org:nato"


def test_scripts_without_case_get_known_names_within_word_bounds() -> None:
    chinese = _found("北约秘书长在北京会见了联合国代表。", "zh")
    assert chinese["北约"].entity_id == "org:nato" and chinese["联合国"].entity_id == "org:un"
    arabic = _found("التقى الرئيس في القاهرة ممثلي الأمم المتحدة.", "ar")
    assert arabic["الأمم المتحدة"].entity_id == "org:un" and arabic["القاهرة"].label == "LOC"
    assert "الأم" not in arabic  # no name inside a word


# -- people in English and French ----------------------------------------------------------------


def test_honorific_and_surname_join_the_full_name_in_english() -> None:
    entities = _entities("Ilse Cardova runs the Brinkwater cooperative. Mrs Cardova said prices rose. "
                         "Marieke de Wolfs, the mayor, agreed. De Wolfs will decide next week.", "en")
    ids = {item.text: item.entity_id for item in entities}
    assert ids["Mrs Cardova"] == ids["Ilse Cardova"] == "per:ilse-cardova"
    assert ids["De Wolfs"] == ids["Marieke de Wolfs"] == "per:marieke-de-wolfs"
    assert {item.label for item in entities if item.text == "De Wolfs"} == {"PER"}


def test_a_bare_role_takes_the_person_named_with_it_in_french() -> None:
    entities = _entities("Le ministre Henri Valcourt a parlé lundi. Le ministre a ajouté que Valcourt partirait.", "fr")
    titles = [item for item in entities if item.mention == "title"]
    assert len(titles) == 2 and {item.entity_id for item in titles} == {"per:henri-valcourt"}


def test_a_name_inside_a_bare_role_is_no_organisation() -> None:
    entities = _entities("Secretary of State Ilan Morrow flew to Geneva on Tuesday.", "en")
    assert not [item for item in entities if item.text == "State"]
    assert any(item.text == "Ilan Morrow" and item.label == "PER" for item in entities)


def test_the_netherlands_is_found_in_english_and_french() -> None:
    assert _found("The Netherlands will host the summit.", "en")["Netherlands"].entity_id == "geo:2750405"
    assert _found("Les Pays-Bas accueilleront le sommet.", "fr")["Pays-Bas"].entity_id == "geo:2750405"


def test_names_in_a_list_are_cut_at_spaced_dashes() -> None:
    texts = {item.text for item in _entities("The cast: Orla Vennick - Tamsin Quarrie - Bede Hollis.", "en")}
    assert not any(" - " in text for text in texts)


# -- places the models take for persons or organisations -------------------------------------------


def test_villages_after_a_place_noun_and_in_its_list_are_places_in_english() -> None:
    found = _found("After leaving the fortress town of Velmoré last week, the army withdrew from three nearby "
                   "villages, Ardicé, Pelnové and Strované, officials said.", "en")
    assert {found[name].label for name in ("Velmoré", "Ardicé", "Pelnové", "Strované")} == {"LOC"}


def test_villages_after_a_place_noun_and_in_its_list_are_places_in_french() -> None:
    found = _found("L'armée s'est retirée de la ville de Velmoré puis de trois villages, Ardicé, Pelnové et "
                   "Strované, a indiqué le ministère.", "fr")
    assert {found[name].label for name in ("Velmoré", "Ardicé", "Pelnové", "Strované")} == {"LOC"}


def test_people_listed_together_stay_people() -> None:
    found = _found("Tom Ardent met Sara Bell and Hugo Lintz in Paris.", "en")
    assert found["Sara Bell"].label == found["Hugo Lintz"].label == "PER"


def test_a_name_repeated_in_lower_case_is_the_person_in_english_and_french() -> None:
    english = _entities("Ilse Cardova runs the cooperative. according to cardova, prices rose. ilse cardova said more.", "en")
    assert {(item.text, item.entity_id) for item in english if item.text.islower()} == {
        ("cardova", "per:ilse-cardova"), ("ilse cardova", "per:ilse-cardova")}
    french = _entities("Henri Valcourt a parlé lundi. selon valcourt, le projet avance.", "fr")
    assert any(item.text == "valcourt" and item.entity_id == "per:henri-valcourt" for item in french)


def test_a_surname_that_is_a_common_word_is_not_taken_in_lower_case() -> None:
    entities = _entities("Tom Baker opened the shop. The baker said bread was cheaper.", "en")
    assert not any(item.text == "baker" for item in entities)


def test_a_word_opening_a_line_is_capitalised_by_its_place() -> None:
    # a paragraph break starts the parser's sentence at its whitespace token: the word after it is
    # still the first of its line, so its capital says nothing of a name
    spanish = _found("Marta Velandro visitó el barrio de Coslada.\n\nAsimismo, la Guardia Civil abrió una "
                     "investigación.\nComentarios cerrados.", "es")
    assert "Asimismo" not in spanish and "Comentarios" not in spanish
    assert spanish["Marta Velandro"].label == "PER"
    italian = _found("Lucia Ferravento ha parlato ai cronisti.\nLeggi anche il resto dell'intervista.", "it")
    assert "Leggi" not in italian and italian["Lucia Ferravento"].label == "PER"
