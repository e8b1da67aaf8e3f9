"""Stop 43, promo2 (issue 14): promotion signals that meet over two sentences or in a brand's own address.

* An offer told over two sentences: the product and its price in the first (« Le domaine X propose …
  à 49 euros »), the booking, the discount and a code in the next. The code named there (« le code
  VENDANGE », capitals with no digit) is no brand; the sentence before, which gives an offer of its own,
  lends its product to the sale.
* A web address whose name is a name the sentence gives ("Tidewell … at tidewell.com"), beside a price:
  where to buy the very product named, a sale even where nobody addresses or calls the reader.

Invented towns, people, firms and sentences.
"""

from __future__ import annotations

import pytest
from trust_inputs import BODY, analyse, flags


def _promotion(text: str, language: str, title: str | None = None) -> list[str]:
    return [span.text for flag in flags(analyse(text, language, title), "undisclosed_promotion") for span in flag.evidence]


# A product and its price in one sentence, the booking and a coded discount in the next.
TWO_SENTENCES = {
    "fr": ("Les vendanges ont commencé lundi à Corbelune, avec une semaine d'avance.",
           "La maison Velmarine propose pendant tout le mois des visites de ses caves avec dégustation, à 35 euros "
           "par personne. Réservez dès maintenant et profitez de 10 % de réduction avec le code AUTOMNE.", "Velmarine"),
    "en": ("The harvest began on Monday at Corbell Hill, a week earlier than usual.",
           "The Quillford Cellars offer cellar tours with a tasting all month, at £30 per person. Book now and "
           "get 10% off with the promo code HARVEST.", "Quillford"),
}


@pytest.mark.parametrize("language", sorted(TWO_SENTENCES))
def test_an_offer_told_over_two_sentences_pitches_the_first_ones_product(language: str) -> None:
    report, pitch, brand = TWO_SENTENCES[language]
    evidence = _promotion(f"{report}\n\n{BODY[language]}\n\n{pitch}", language)
    assert any(brand in span for span in evidence), evidence


@pytest.mark.parametrize(("language", "text"), [
    # A council's fee in the first sentence, the council's own booking in the next: no name to sell.
    ("fr", "La mairie propose des visites du beffroi tout l'été, à 5 euros par personne. Réservez à l'accueil de la mairie."),
    ("en", "The council runs guided walks along the river all summer, at £4 per person. Book at the town hall."),
])
def test_a_council_fee_and_its_booking_are_no_pitch(language: str, text: str) -> None:
    report = TWO_SENTENCES[language][0]
    assert _promotion(f"{report}\n\n{BODY[language]}\n\n{text}", language) == []


# A product, its price and its own web address; nobody addressed or called.
OWN_ADDRESS = {
    "de": ("Die Obstbauern am Hollerberg rechnen nach dem Spätfrost mit einer kleinen Ernte.",
           "Gärtner Brandl schwört übrigens auf den Frostschutz Kaltwehr, der gerade für 24,90 Euro unter kaltwehr.de zu haben ist.",
           "Kaltwehr"),
    "en": ("Fruit growers around Ashcombe expect a small crop after the late frost.",
           "Growers swear by the Tidewell frost fleece, now only £19.99 at tidewell.com.", "Tidewell"),
}


@pytest.mark.parametrize("language", sorted(OWN_ADDRESS))
def test_a_product_sold_at_its_own_address_is_pitched(language: str) -> None:
    report, pitch, brand = OWN_ADDRESS[language]
    evidence = _promotion(f"{report}\n\n{BODY[language]}\n\n{pitch}", language)
    assert any(brand in span for span in evidence), evidence


@pytest.mark.parametrize(("language", "text"), [
    # An address that names nothing the sentence gives, beside a price: reported, no own address.
    ("de", "Der Eintritt zum Obstfest kostet 3 Euro, das Programm steht unter hollerberg-fest.de."),
    # The product's own address, with no price and nobody called: a source, no sale.
    ("en", "The figures come from Orchardline, which publishes them at orchardline.com each spring."),
])
def test_an_address_without_a_sale_is_no_pitch(language: str, text: str) -> None:
    report = OWN_ADDRESS[language][0]
    assert _promotion(f"{report}\n\n{BODY[language]}\n\n{text}", language) == []
