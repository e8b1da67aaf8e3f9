"""Label and grouping repairs of annotate/entities.py and annotate/place_words.py (issue 16).

Every person, company and small place below is invented; big cities and countries are real.
"""

from __future__ import annotations

from newsweave.annotate.entities import annotate_entities
from newsweave.model import Article, Entity
from newsweave.offsets import OffsetMap


def _entities(text: str, language: str) -> list[Entity]:
    article = Article(id=language, source="test", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    annotate_entities([article])
    return article.entities


def _labels(text: str, language: str, name: str) -> set[str]:
    return {item.label for item in _entities(text, language) if item.text == name}


# -- companies the model takes for persons ---------------------------------------------------


def test_a_company_after_a_noun_of_organisations_is_one_everywhere_in_the_article() -> None:
    text = ("The Dutch lender Brimq said on Monday it would cut 300 jobs. Tomas Vell, a former bank chief, "
            "criticised the plan. Vell said Brimq had grown too fast.")
    found = _entities(text, "en")
    assert {item.label for item in found if item.text == "Brimq"} == {"ORG"}
    assert {item.entity_id for item in found if item.text == "Brimq"} == {"org:brimq"}
    # "a former bank chief" names a person: the noun must end the apposition.
    assert {item.label for item in found if item.text in ("Tomas Vell", "Vell")} == {"PER"}


def test_a_company_named_in_apposition_is_an_organisation() -> None:
    assert _labels("Lederholt said it would hire 40 people. Lederholt, a German carmaker, did not say where.",
                   "en", "Lederholt") <= {"ORG"}


def test_french_company_after_its_noun_and_in_apposition() -> None:
    text = ("La banque Brimq a annoncé lundi des suppressions d'emplois. Selon Tomas Vell, Brimq a grandi trop vite. "
            "Kelvora, une société néerlandaise, a refusé de commenter.")
    found = _entities(text, "fr")
    assert {item.label for item in found if item.text == "Brimq"} == {"ORG"}
    assert {item.label for item in found if item.text == "Kelvora"} == {"ORG"}
    assert {item.label for item in found if item.text == "Tomas Vell"} == {"PER"}


def test_a_known_place_after_a_noun_of_organisations_stays_a_place() -> None:
    # "the carrier Georgia": the gazetteer knows Georgia, so the model's place is kept.
    assert _labels("Flights of the carrier Georgia were cancelled, officials in Tbilisi said.", "en",
                   "Georgia") <= {"LOC"}


# -- ids -------------------------------------------------------------------------------------


def test_ids_of_names_keep_their_first_letters() -> None:
    found = _entities("Members of the Ostrevan Union met leaders of Amberlane Bank in Paris on Monday.", "en")
    ids = {item.text: item.entity_id for item in found if item.label == "ORG"}
    assert "org:amberlane-bank" in ids.values()
    assert not any(entity_id.startswith(("org:mberlane", "org:strevan")) for entity_id in ids.values())


# -- known places taken for persons or organisations ----------------------------------------------


def test_a_known_town_of_two_words_after_a_place_preposition_is_a_place() -> None:
    # The models tag "Marcos Paz" (a town the gazetteer knows) as a person.
    found = _entities("Clashes broke out in Marcos Paz on Friday, and two people were injured.", "en")
    assert {item.label for item in found if item.text == "Marcos Paz"} == {"LOC"}
    french = _entities("Des heurts ont éclaté à Marcos Paz vendredi, faisant deux blessés.", "fr")
    assert {item.label for item in french if item.text == "Marcos Paz"} == {"LOC"}


def test_a_saint_in_lower_case_stays_a_person() -> None:
    found = _entities("Elle est originellement dédiée à saint Pierre.", "fr")
    assert "LOC" not in {item.label for item in found if "Pierre" in item.text}


# -- a surname alone joins the full name ---------------------------------------------------------


def test_a_surname_with_its_particle_and_an_honorific_join_the_full_name() -> None:
    found = _entities("Finance minister Joost De Wulf met bankers on Monday. De Wulf said the state would be repaid. "
                      "Inspector Rita Carvalhal agreed. Mrs Carvalhal added that Carvalhal's team had worked all night.", "en")
    ids = {item.text: item.entity_id for item in found if item.label == "PER"}
    assert ids["De Wulf"] == ids["Joost De Wulf"] == "per:joost-de-wulf"
    assert ids["Mrs Carvalhal"] == ids["Rita Carvalhal"] == "per:rita-carvalhal"


def test_a_french_surname_alone_joins_the_full_name() -> None:
    found = _entities("Le ministre Joost De Wulf a rencontré les banquiers lundi. Selon De Wulf, l'État sera remboursé.", "fr")
    ids = {item.text: item.entity_id for item in found if item.label == "PER"}
    assert ids.get("De Wulf") == ids["Joost De Wulf"] == "per:joost-de-wulf"
