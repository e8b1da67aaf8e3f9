"""Persons told by their age in apposition (annotate/age_names.py, issue 16 item 4).
Invented names, towns and sentences; the mentions are placed by hand, as the model would tag them."""

from __future__ import annotations

from hand_mentions import relabelled

from newsweave.annotate.age_names import persons_by_ages
from newsweave.annotate.entities import annotate_entities
from newsweave.model import Article
from newsweave.offsets import OffsetMap


def _run(text: str, language: str, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return relabelled(persons_by_ages, text, language, found)


def test_a_name_followed_by_an_age_is_a_person_and_so_are_its_like_mentions() -> None:
    text = "Police arrested Dorvanek, 24, on Friday. Dorvanek is accused of theft."
    assert _run(text, "en", [("Dorvanek", "ORG"), ("Dorvanek", "ORG")]) == [("Dorvanek", "PER"), ("Dorvanek", "PER")]
    text = "His children, Quillet, 6, and Brenna, 4, were unhurt."
    assert _run(text, "en", [("Quillet", "LOC"), ("Brenna", "MISC")]) == [("Quillet", "PER"), ("Brenna", "PER")]
    text = "The driver, Marsolet, aged 37, was released."
    assert _run(text, "en", [("Marsolet", "LOC")]) == [("Marsolet", "PER")]


def test_french_ages_in_years_and_months() -> None:
    text = "Le 3 avril, Lirette, 3 ans et demi, et Aubéline, 26 mois, ont été blessées à Varnoux."
    found = [("Lirette", "LOC"), ("Aubéline", "LOC"), ("Varnoux", "LOC")]
    assert _run(text, "fr", found) == [("Lirette", "PER"), ("Aubéline", "PER"), ("Varnoux", "LOC")]
    text = "Le conducteur, Corvelin, âgé de 45 ans, a été interpellé."
    assert _run(text, "fr", [("Corvelin", "ORG")]) == [("Corvelin", "PER")]


def test_numbers_that_are_no_age_and_places_stay() -> None:
    # A list of numbers, a figure in thousands, a place after a preposition elsewhere in the article.
    text = "The fix works on Velmor, 7, 8 and 10."
    assert _run(text, "en", [("Velmor", "MISC")]) == [("Velmor", "MISC")]
    text = "In Kelmorn, 10,000 people marched."
    assert _run(text, "en", [("Kelmorn", "LOC")]) == [("Kelmorn", "LOC")]
    text = "Kelmorn, 41, runs a shop in Kelmorn."
    assert _run(text, "en", [("Kelmorn", "LOC"), ("Kelmorn", "LOC")]) == [("Kelmorn", "PER"), ("Kelmorn", "LOC")]
    text = "À Varnoux, 12 000 habitants attendent."
    assert _run(text, "fr", [("Varnoux", "LOC")]) == [("Varnoux", "LOC")]


def test_a_country_or_region_ending_a_chain_of_places_stays_a_place() -> None:
    # The age after "town, region, country" is the person's named before the chain.
    text = "The painter died in Varnley, Western Cape, South Africa, aged 68."
    found = [("Varnley", "LOC"), ("Western Cape", "LOC"), ("South Africa", "LOC")]
    assert _run(text, "en", found) == found
    text = "Un habitant de Varnoux, Bretagne, 68 ans, a été retrouvé."
    assert _run(text, "fr", [("Varnoux", "LOC"), ("Bretagne", "LOC")]) == [("Varnoux", "LOC"), ("Bretagne", "LOC")]
    # A name no gazetteer knows after a place and a comma is still the aged person.
    text = "In Varnley, Dorvanek, 24, was arrested."
    assert _run(text, "en", [("Varnley", "LOC"), ("Dorvanek", "LOC")]) == [("Varnley", "LOC"), ("Dorvanek", "PER")]
    text = "À Varnoux, Lirette, 3 ans, a été blessée."
    assert _run(text, "fr", [("Varnoux", "LOC"), ("Lirette", "LOC")]) == [("Varnoux", "LOC"), ("Lirette", "PER")]


def test_a_language_without_the_lists_has_no_rule() -> None:
    text = "Dorvanek, 24, wurde festgenommen."
    assert _run(text, "de", [("Dorvanek", "ORG")]) == [("Dorvanek", "ORG")]


def test_a_child_named_like_a_city_is_a_person_through_the_whole_pipeline() -> None:
    # The toponym rules read « Maëlle, 5 ans, et Sydney » as a list ending with a city: the age wins.
    def labels(text: str, language: str) -> dict[str, str]:
        article = Article(id=language, source="test", raw=text, raw_sha256="", text=text,
                          offsets=OffsetMap.identity(len(text)), language=language)
        annotate_entities([article])
        return {item.text: item.label for item in article.entities}

    found = labels("Le 3 avril, Maëlle, 5 ans, et Sydney, 26 mois, ont été blessées à Varnoux.", "fr")
    assert found["Sydney"] == "PER" and found["Varnoux"] == "LOC"
    assert labels("Police said Odessa, 7, and her brother were treated in Varnley.", "en")["Odessa"] == "PER"
