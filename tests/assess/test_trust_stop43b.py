"""Stop 43 (issue 14): the misses of a fresh outsider-style set, by class.

* A pitch that addresses the reader and calls them to act with a commercial verb ("you can book your
  table online now") names the place to buy even with no price: an unknown name there is the product,
  not a place reported on. A council service the reader can book names no product.
* A shop or hotel named after the article's own town is on the article's topic only by its other
  words ("the Fernholt Arms Inn" in a report on Fernholt): its own name is what the pitch slips in.
* Spanish discounts ("un 10 % de descuento") are an offer, and a first-person recommendation to the
  readers («Les recomiendo …») a call to act, as their English and French counterparts are.
* A date that ends a stretch of time ("until 2027", « jusqu'en 2027 », „bis 2027“, «hasta 2027») is
  no future told in the past; a later date told as past still is.
* The site's e-mail offer ("Get … headlines in your inbox … sign up free") and Le Monde's paywall count
  (« Il vous reste 64 % de cet article à lire. La suite est réservée aux abonnés. ») are furniture.

Invented towns, people, firms and sentences.
"""

from __future__ import annotations

import pytest
from trust_inputs import BODY, analyse, flags


def _promotion(text: str, language: str, title: str | None = None) -> list[str]:
    return [span.text for flag in flags(analyse(text, language, title), "undisclosed_promotion") for span in flag.evidence]


# The reader addressed and called to act, a place to go to and no price.
READER_CALLED = {
    "en": ("Fernholt's farmers' market moved to the old cattle yard on Saturday after the square was closed for repairs.",
           "If you are coming to the market, finish the morning at The Gilded Pike on the wharf: you can book your "
           "table online now to be sure of a seat.", "Gilded Pike"),
    "fr": ("Le marché de Vaudreuil s'est installé samedi dans l'ancienne halle aux grains pendant les travaux de la place.",
           "Si vous passez au marché, terminez la matinée au Comptoir Brévannes, sur le quai : réservez votre table "
           "dès maintenant pour être sûr d'avoir une place.", "Brévannes"),
}


@pytest.mark.parametrize("language", sorted(READER_CALLED))
def test_a_place_the_reader_is_called_to_book_is_pitched(language: str) -> None:
    report, pitch, brand = READER_CALLED[language]
    evidence = _promotion(f"{report}\n\n{BODY[language]}\n\n{pitch}", language)
    assert any(brand in span for span in evidence), evidence


@pytest.mark.parametrize(("language", "sentence"), [
    # The council's own service, booked by the reader: no name to sell.
    ("en", "If you have old furniture to clear, you can book your bulky-waste collection online now on the council's website."),
    # A public appeal with a phone number.
    ("fr", "Si vous avez vu quelque chose samedi soir, appelez la gendarmerie de Vaudreuil au 05 61 22 33 44."),
])
def test_a_service_or_an_appeal_addressed_to_the_reader_is_no_pitch(language: str, sentence: str) -> None:
    report = READER_CALLED[language][0]
    assert _promotion(f"{report}\n\n{BODY[language]}\n\n{sentence}", language) == []


# A hotel or a pension named after the article's town, with an offer and a call to act.
TOWN_NAMED = {
    "en": ("Fernholt's new riverside footpath opened on Saturday, linking the station with the old mill.",
           "Walkers who want to make a weekend of it should try the Fernholt Arms Inn, which has rooms from only "
           "£45 a night: book now online.", "Arms Inn"),
    "es": ("El nuevo sendero fluvial de Navalcruz se inauguró el sábado y une la estación con el antiguo molino.",
           "Quienes quieran pasar allí el fin de semana pueden alojarse en el Hostal Ribera Navalcruz, con "
           "habitaciones por solo 45 euros: reserve ya en su web.", "Ribera"),
}


@pytest.mark.parametrize("language", sorted(TOWN_NAMED))
def test_a_business_named_after_the_town_is_pitched_on_its_own_words(language: str) -> None:
    report, pitch, brand = TOWN_NAMED[language]
    evidence = _promotion(f"{report}\n\n{BODY[language]}\n\n{pitch}", language)
    assert any(brand in span for span in evidence), evidence


def test_a_business_named_after_the_town_and_reported_on_is_not_off_topic() -> None:
    # The inn is the article's subject: its own words ("Arms Inn") are in the title.
    report = "The Fernholt Arms Inn reopened on Saturday after a fire closed it for a year."
    pitch = ("Walkers who want to make a weekend of it should try the Fernholt Arms Inn, which has rooms from only £45 a "
             "night: book now online.")
    assert _promotion(f"{report}\n\n{BODY['en']}\n\n{pitch}", "en", title="Fernholt Arms Inn reopens after fire") == []


# A shop's discount with its code, told as a sale (es), and its French counterpart.
DISCOUNTS = {
    "es": ("La feria del libro de Navalcruz abrió el viernes con cuarenta casetas en la plaza Mayor.",
           "En la librería Olmedo Hermanos tendrán un 10 % de descuento en toda la sección infantil con el código "
           "LECTURA10.", "Olmedo"),
    "fr": ("Le salon du livre de Vaudreuil a ouvert vendredi avec quarante stands sur la place de l'Église.",
           "À la librairie Olmedo Frères, les lecteurs auront 10 % de remise sur tout le rayon jeunesse avec le "
           "code LECTURE10.", "Olmedo"),
}


@pytest.mark.parametrize("language", sorted(DISCOUNTS))
def test_a_coded_discount_is_a_sale(language: str) -> None:
    report, sale, brand = DISCOUNTS[language]
    evidence = _promotion(f"{report}\n\n{BODY[language]}\n\n{sale}", language)
    assert any(brand in span for span in evidence), evidence


def test_a_first_person_recommendation_to_the_readers_is_a_call_to_act() -> None:
    report = DISCOUNTS["es"][0]
    pitch = ("Mientras tanto, les recomiendo que se acerquen a la pastelería Dulces Albarrán, en la calle Ancha: "
             "tendrán un 10 % de descuento en toda la bollería.")
    evidence = _promotion(f"{report}\n\n{BODY['es']}\n\n{pitch}", "es")
    assert any("Albarrán" in span for span in evidence), evidence


@pytest.mark.parametrize(("language", "sentence"), [
    # A discount the council gives, told as news.
    ("es", "El Ayuntamiento de Navalcruz aplicará un 50 % de descuento en el impuesto de vehículos a las familias numerosas."),
    # A recommendation that a speaker makes, quoted.
    ("es", "«Les recomiendo que lleguen pronto, porque el aparcamiento se llena», dijo la concejala Remedios Olave."),
])
def test_a_discount_or_a_quoted_recommendation_in_the_news_is_no_pitch(language: str, sentence: str) -> None:
    report = DISCOUNTS[language][0]
    assert _promotion(f"{report}\n\n{BODY[language]}\n\n{sentence}", language) == []


def _dates(text: str, language: str) -> list[str]:
    return [span.text for flag in flags(analyse(f"{text}\n\n{BODY[language]}", language), "date_inconsistent")
            for span in flag.evidence]


# The test articles are dated 6 May 2025: a stretch that ends later, decided or begun before.
UNTIL = {
    "en": "The council extended the hospital car park contract until 2027.",
    "fr": "Le parking de l'hôpital a été amputé de moitié par des travaux jusqu'en 2027.",
    "de": "Der Parkplatz des Krankenhauses wurde wegen Bauarbeiten bis 2027 halbiert.",
    "es": "El aparcamiento del hospital se redujo a la mitad por las obras hasta 2027.",
}


@pytest.mark.parametrize("language", sorted(UNTIL))
def test_a_date_that_ends_a_stretch_is_no_future_told_in_the_past(language: str) -> None:
    assert _dates(UNTIL[language], language) == []


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "The hospital's new wing was opened in 2027, the hospital trust said."),
    ("fr", "Le nouveau bâtiment de l'hôpital a été inauguré en 2027."),
])
def test_a_later_date_told_as_past_is_still_flagged(language: str, sentence: str) -> None:
    assert any("2027" in span for span in _dates(sentence, language))


FURNITURE = {
    "en": "Get the Fernholt Courier headlines in your inbox every morning - sign up free",
    "fr": "Il vous reste 64 % de cet article à lire. La suite est réservée aux abonnés.",
}


@pytest.mark.parametrize("language", sorted(FURNITURE))
def test_the_sites_email_offer_and_paywall_count_are_cut(language: str) -> None:
    article = analyse(f"{BODY[language]}\n\n{FURNITURE[language]}\n\n{BODY[language]}", language)
    assert FURNITURE[language] not in article.text
    assert any(FURNITURE[language] in cut.text for cut in article.removed), article.removed


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "Fraudsters sent fake council-tax invoices to your inbox last week, the council warned."),
    ("fr", "Il vous reste trois jours pour vous inscrire au vide-greniers de Vaudreuil."),
])
def test_report_sentences_with_the_same_words_stay_text(language: str, sentence: str) -> None:
    article = analyse(f"{BODY[language]}\n\n{sentence}", language)
    assert sentence in article.text
