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


# -- names the article writes again in another way (annotate/name_repeats.py) ------------------


def _by_text(text: str, language: str) -> dict[str, list[Entity]]:
    found: dict[str, list[Entity]] = {}
    for item in _entities(text, language):
        found.setdefault(item.text, []).append(item)
    return found


def test_a_place_the_article_names_is_found_again_in_lower_case() -> None:
    text = ("Inge Morvaal, a Dutch port official, visited Rotterdam on Monday. Morvaal said the port of "
            "rotterdam would grow.")
    found = _by_text(text, "en")
    assert found["rotterdam"][0].label == "LOC"
    assert found["rotterdam"][0].entity_id == found["Rotterdam"][0].entity_id


def test_a_place_named_again_in_lower_case_in_french() -> None:
    text = ("Inge Morvaal a visité Utrecht lundi. Selon elle, le tribunal d'utrecht rendra sa décision "
            "la semaine prochaine.")
    found = _by_text(text, "fr")
    assert found["utrecht"][0].entity_id == found["Utrecht"][0].entity_id


def test_a_common_word_is_not_taken_for_the_place_that_shares_its_name() -> None:
    text = "Inge Morvaal moved to Nice in May. She said the weather there was nice."
    assert "nice" not in _by_text(text, "en")


def test_countries_in_lower_case_are_the_countries() -> None:
    found = _by_text("Officials said the netherlands and belgium agreed to share the costs.", "en")
    assert found["netherlands"][0].entity_id == _by_text("The Netherlands agreed.", "en")["Netherlands"][0].entity_id
    assert found["belgium"][0].label == "LOC"
    french = _by_text("Selon le ministre, les pays-bas et la belgique partageront les coûts.", "fr")
    assert french["pays-bas"][0].entity_id == found["netherlands"][0].entity_id


def test_the_netherlands_and_pays_bas_are_one_country() -> None:
    english = _by_text("The Netherlands will invest more, officials in the Netherlands said.", "en")
    french = _by_text("Les Pays-Bas vont investir davantage, selon des responsables aux Pays-Bas.", "fr")
    ids = {item.entity_id for items in (english.get("Netherlands", []), french.get("Pays-Bas", [])) for item in items}
    assert len(ids) == 1 and ids != {None}


def test_a_lower_case_word_is_no_place_under_another_name_of_the_place() -> None:
    # GeoNames holds "Soul" for Seoul and "Turn" for a town of Uzbekistan: in lower case they are words.
    text = "The hackers, who, in turn, sold the data, said the soul of the party was at stake."
    found = _by_text(text, "en")
    assert "turn" not in found and "soul" not in found
    # A place under its own name is still found in lower case after a preposition.
    assert _by_text("Inge Morvaal lives in kyiv now.", "en")["kyiv"][0].label == "LOC"
    assert "soul" not in _by_text("Inge Morvaal a dit que la soul de la ville était en jeu.", "fr")


def test_a_lower_case_word_is_a_place_only_as_the_place_spells_itself() -> None:
    # « la tête » folds to Tete (Mozambique): its article and an accent the name lacks make it a word.
    assert "la tête" not in _by_text("Inge Morvaal restera à la tête de la commune de Varnoux.", "fr")
    # The name without its accents is still the place ("montreal" for Montréal), in either language.
    assert _by_text("Inge Morvaal est arrivée à montreal lundi.", "fr")["montreal"][0].label == "LOC"
    assert _by_text("Inge Morvaal lives in montreal now.", "en")["montreal"][0].label == "LOC"


def test_a_weekday_alone_is_no_name() -> None:
    # GeoNames lists "Saturday" among the other names of a province; a model tags a weekday opening a sentence.
    found = _by_text("Two guards hurt in Saturday's riot in Varnley were named by Inge Morvaal.", "en")
    assert "Saturday" not in found and found["Inge Morvaal"][0].label == "PER"
    assert "Vendredi" not in _by_text("Vendredi, la police de Varnoux a interpellé Inge Morvaal.", "fr")


def test_a_lower_case_country_homograph_stays_a_word() -> None:
    assert "turkey" not in _by_text("They ate turkey and rice at the festival.", "en")


def test_a_surname_alone_after_the_full_name_is_the_person() -> None:
    text = "Ana Ribeiro Cardoza won the vote on Sunday. Later, Cardoza thanked voters in Porto."
    found = _by_text(text, "en")
    assert [item.label for item in found["Cardoza"]] == ["PER"]
    full = next(items[0] for name, items in found.items() if name.endswith("Ribeiro Cardoza"))
    assert found["Cardoza"][0].entity_id == full.entity_id


def test_a_surname_with_its_particle_is_the_person_in_french() -> None:
    text = "Marieke de Wilt, la ministre, s'est rendue à Lyon. De Wilt a déclaré que le port allait croître."
    found = _by_text(text, "fr")
    assert found["De Wilt"][0].entity_id == found["Marieke de Wilt"][0].entity_id


def test_a_name_after_an_honorific_is_a_person_with_its_full_name() -> None:
    text = ("Police arrested Tomas Verhoeven in Utrecht. Mr Verhoeven's lawyer said Verhoeven would appeal.")
    found = _by_text(text, "en")
    assert found["Tomas Verhoeven"][0].label == "PER"
    assert {item.entity_id for name in ("Tomas Verhoeven", "Verhoeven") for item in found.get(name, [])} == {
        found["Tomas Verhoeven"][0].entity_id}


def test_honorific_and_title_mentions_resolve_to_the_full_name() -> None:
    english = _by_text("Elena Cardova, who leads the union, spoke first. Mrs Cardova called the plan weak.", "en")
    assert english["Mrs Cardova"][0].entity_id == english["Elena Cardova"][0].entity_id
    french = _by_text("Le ministre Jan Veldhorst a parlé à Lyon. Le ministre a ajouté que Mme Cardova était "
                      "d'accord. Elena Cardova a confirmé.", "fr")
    assert {item.entity_id for item in french["Le ministre"]} == {french["Jan Veldhorst"][0].entity_id}
    assert french["Mme Cardova"][0].entity_id == french["Elena Cardova"][0].entity_id


def test_names_parted_by_a_spaced_slash_are_two_names() -> None:
    found = _by_text("The pair Tomas Verhoeven / Ilse Cardova won the doubles final.", "en")
    assert "Tomas Verhoeven" in found and "Ilse Cardova" in found


def test_the_head_word_of_a_name_says_what_it_is() -> None:
    found = _by_text("Dorvan District lies in the hills. Students of Kessel University protested.", "en")
    assert found["Dorvan District"][0].label == "LOC"
    assert found["Kessel University"][0].label == "ORG"
    french = _by_text("Le Parti Veltan a gagné les élections près du Lac Mérou.", "fr")
    assert french["Parti Veltan"][0].label == "ORG"


def test_french_common_nouns_that_name_countries_stay_words() -> None:
    found = _by_text("Lors de la réunion, elle portait une veste en suède. La suède et la norvège ont signé.", "fr")
    assert "réunion" not in found
    assert [item.text for item in found.get("norvège", [])] == ["norvège"]


# -- members of a list of names (annotate/name_lists.py) ----------------------------------------


def test_a_list_of_people_takes_in_the_member_the_model_skipped() -> None:
    # The model tags four of the five (one of them ORG) and skips "Marieke de Wilt".
    text = ("Other speakers included Tomas Verhoeven, Ilse Cardova, Pim Osk, Marieke de Wilt and "
            "Ruud Kalvenaar.")
    found = _by_text(text, "en")
    assert [item.label for item in found["Marieke de Wilt"]] == ["PER"]
    assert found["Ruud Kalvenaar"][0].label == "PER"


def test_a_list_of_people_parted_by_dashes_in_french() -> None:
    # The model skips "Marc Lévêque" and glues the last two names over a spaced dash.
    text = "Composition : Jean Dupuis - Marc Lévêque - Tomas Verhoeven - Pim Osk - Claire Moreau."
    found = _by_text(text, "fr")
    assert [item.label for item in found["Marc Lévêque"]] == ["PER"]
    assert found["Claire Moreau"][0].label == "PER"


def test_a_town_named_with_its_region_and_country_is_no_list() -> None:
    text = "The Dorvel Quartet, Lyon, France, played on Friday."
    found = _by_text(text, "en")
    assert "LOC" not in {item.label for item in found.get("The Dorvel Quartet", found.get("Dorvel Quartet", []))}


# -- names given as examples of a kind (annotate/name_lists.py) ---------------------------------


def test_names_given_as_examples_of_organisations_are_organisations() -> None:
    found = _by_text("Refugees can turn to humanitarian organisations such as Brimq, which offers help.", "en")
    assert [item.label for item in found["Brimq"]] == ["ORG"]
    french = _by_text("Vous pouvez consulter les sites des organisations humanitaires, telles que Kelvora, "
                      "qui propose des solutions.", "fr")
    assert [item.label for item in french["Kelvora"]] == ["ORG"]


def test_names_given_as_examples_of_towns_are_places() -> None:
    text = "When towns, like Velmoré, install streetlights, Velmoré traders stay open late."
    found = _by_text(text, "en")
    assert {item.label for item in found["Velmoré"]} == {"LOC"}


def test_towns_whose_companies_came_are_not_companies() -> None:
    text = "Firefighters called in several other companies to assist including Harwinton and Bantam."
    assert "ORG" not in {item.label for item in _entities(text, "en") if item.text in ("Harwinton", "Bantam")}


def test_a_month_is_no_repeat_of_a_surname() -> None:
    text = "Fire chief Bob January said the ban ends. Debris has piled up since January, January said."
    month = text.index("since January") + len("since ")
    assert not [item for item in _entities(text, "en") if item.label == "PER" and item.start == month]
