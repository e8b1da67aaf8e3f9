"""Stop 44, promo (issue 14): pitches a fresh set showed, and the site's newsletter prompt in German.

* A sale told over two sentences: the product and its price in the first, the call to act or the
  promotional code in the second (« … en promotion à 399 euros. Passez les essayer … », « … pour 2,50
  euros par jour. Se contrata … con el código X »): the second sells with the first one's price.
* A French imperative that opens a sentence and speaks to the reader (« Passez … », « Venez … ») is a
  call to act; « Chez … » and a question are not.
* A speech verb whose object is the reader ("the app tells you …") is the pitch's own voice, not a
  source: the sentence still lends its product to the sale after it (English only: no real hit elsewhere).
* A product's web address outside the pitch is where to buy it, not a report on it: the name stays
  off the article's topic.
* „Jetzt den Newsletter der … abonnieren und …“: the site's prompt, cut as furniture.

Invented towns, people, firms and sentences.
"""

from __future__ import annotations

import pytest
from trust_inputs import BODY, analyse, flags


def _promotion(text: str, language: str, title: str | None = None) -> list[str]:
    return [span.text for flag in flags(analyse(text, language, title), "undisclosed_promotion") for span in flag.evidence]


# The product and its price in the first sentence; the call or the named code, with no price, in the second.
TWO_SENTENCES = {
    "fr": ("La piscine de Vallorge rouvrira en juin après dix mois de travaux.",
           "Pour nager sans douleur, les chaussons Aquavelle sont en promotion à 39 euros jusqu'au 30 avril dans "
           "leur boutique de la rue Haute. Passez les essayer, l'accueil est toujours souriant.", "Aquavelle"),
    "es": ("La piscina de Valdorcas reabrirá en junio tras diez meses de obras.",
           "Los nadadores previsores ya llevan el seguro Nadaplus de la aseguradora Ondiva, por 2,50 euros al día. "
           "Se contrata en dos minutos en la web de Ondiva con el código NADA24.", "Ondiva"),
    "en": ("The swimming baths at Wexcombe reopen in June after ten months of works.",
           "Regular swimmers now rely on the Finloop swim tracker, on sale at £29 in the high street shop. "
           "It can be ordered with the discount code SWIM25 until the end of the month.", "Finloop"),
}


@pytest.mark.parametrize("language", sorted(TWO_SENTENCES))
def test_a_call_or_a_code_after_the_price_is_a_sale(language: str) -> None:
    report, pitch, brand = TWO_SENTENCES[language]
    evidence = _promotion(f"{report}\n\n{BODY[language]}\n\n{pitch}", language)
    assert any(brand in span for span in evidence), evidence


@pytest.mark.parametrize(("language", "text"), [
    # A ticket price, then the call to book: the event is the story itself (in the title).
    ("fr", "Le Festival des Lanternes revient à Vallorge. L'entrée coûte 8 euros. Réservez à l'office de tourisme."),
    # A public appeal: a reward, then the call; no name to sell.
    ("fr", "La gendarmerie promet une récompense de 500 euros. Appelez le 17 si vous avez vu quelque chose."),
    # A council's fee, then the code the council gives: nobody's product.
    ("es", "El ayuntamiento cobra 3 euros por la visita guiada. Se reserva en la oficina municipal con el código de cita."),
    ("en", "The council charges £3 for the guided walk. Book at the library with your reference code."),
])
def test_a_fee_and_its_booking_are_no_pitch(language: str, text: str) -> None:
    report = TWO_SENTENCES[language][0]
    title = "Le Festival des Lanternes revient" if "Festival" in text else None
    assert _promotion(f"{report}\n\n{BODY[language]}\n\n{text}", language, title) == []


# A recall's refund, then how to send the product back free of charge: the terms of a sale ("free",
# „kostenlos“) lend no sale to the refund's price (the lead's mend after the stop-44 check read).
@pytest.mark.parametrize(("language", "report", "text"), [
    ("de", "Das Hallenbad in Wexheim öffnet im Juni nach zehn Monaten Bauzeit wieder.",
           "Der Hersteller Brandolux ruft den Wasserkocher WK 20 zurück. Der Kaufpreis von 24,99 Euro wird in allen "
           "Filialen erstattet. Wer keine Filiale in der Nähe hat, kann das Gerät kostenlos per Post zurückschicken."),
    ("es", "La piscina de Valdorcas reabrirá en junio tras diez meses de obras.", "La firma Caldemar retira el calefactor CM 8. El importe de 39 euros se devuelve en cualquier tienda. "
           "Quien no tenga una tienda cerca puede enviarlo gratis por Correos."),
])
def test_a_refund_then_free_return_is_no_pitch(language: str, report: str, text: str) -> None:
    assert _promotion(f"{report}\n\n{BODY[language]}\n\n{text}", language) == []


@pytest.mark.parametrize("sentence", [
    "Chez Martin, les prix ont augmenté de 10 euros.",
    "Avez-vous payé 10 euros ?",
    "Assez cher, le billet coûte 10 euros.",
])
def test_chez_a_question_and_assez_are_no_french_imperative(sentence: str) -> None:
    article = analyse(f"{BODY['fr']}\n\n{sentence}", "fr")
    from newsweave.assess.textual import find_patterns, patterns

    assert find_patterns(patterns(article, "promotion", "call_to_act"), article.text) == []


# The product's own sentence tells the reader something (a speech verb with the reader as its object).
TOLD_TO_THE_READER = {
    "en": ("Workers at the Dunmere biscuit factory will lose their Saturday shift from March.",
           "The Pennywise budgeting app tells you what you can cut in minutes. Download it free today and enter "
           "the code DUN10 for ten per cent off.", "Pennywise"),
}


def test_a_speech_verb_to_the_reader_is_no_source() -> None:
    report, pitch, brand = TOLD_TO_THE_READER["en"]
    evidence = _promotion(f"{report}\n\n{BODY['en']}\n\n{pitch}", "en")
    assert any(brand in span for span in evidence), evidence


@pytest.mark.parametrize(("language", "text"), [
    # Reported advice with a source, and a call that names no product of its own.
    ("en", "Budgeting apps can sort bills in minutes, said Dana Fell of the advice centre. Download one free today "
           "and enter the code DUN10 for ten per cent off."),
    # The reader as the subject of what someone said: a source, no pitch ("said you will pay").
    ("en", "The Pennywise chief, Tom Abel, said you will pay £5 more a month from May."),
    ("fr", "Les applications de budget font gagner du temps, a expliqué Lise Morand, du point conseil. "
           "Pour en essayer une, saisissez le code DORM10 pour un mois offert."),
])
def test_reported_advice_lends_no_product(language: str, text: str) -> None:
    report = {"en": TOLD_TO_THE_READER["en"][0],
              "fr": "Les ouvriers de la biscuiterie de Dormelle perdront leur équipe du samedi en mars."}[language]
    assert _promotion(f"{report}\n\n{BODY[language]}\n\n{text}", language) == []


# The product named in the pitch, its web address in the next sentence.
ADDRESS_AFTER = {
    "es": ("La vuelta ciclista llega el sábado a la sierra de Marbuey.",
           "Si quieres ver la llegada en la mejor curva, reserva ya tu plaza en los autocares de Viajes Corvina. "
           "Plazas limitadas en corvinaviajes.es.", "Corvina"),
    "en": ("The cycle race reaches the Harrowdown hills on Saturday.",
           "If you want to watch the finish from the best bend, book your seat now on the coaches of Skylark Tours. "
           "Seats are limited at skylarktours.com.", "Skylark"),
}


@pytest.mark.parametrize("language", sorted(ADDRESS_AFTER))
def test_a_products_address_after_the_pitch_keeps_it_off_topic(language: str) -> None:
    report, pitch, brand = ADDRESS_AFTER[language]
    evidence = _promotion(f"{report}\n\n{BODY[language]}\n\n{pitch}", language)
    assert any(brand in span for span in evidence), evidence


@pytest.mark.parametrize("language", sorted(ADDRESS_AFTER))
def test_a_name_reported_on_elsewhere_stays_on_topic(language: str) -> None:
    report, pitch, brand = ADDRESS_AFTER[language]
    told = {"es": f"La empresa Viajes {brand} lleva a los aficionados desde hace años.",
            "en": f"The firm {brand} Tours has carried race fans for years."}[language]
    assert _promotion(f"{report}\n\n{told}\n\n{BODY[language]}\n\n{pitch}", language) == []


NEWSLETTER = "Jetzt den Newsletter des Ostheimer Kuriers abonnieren und keine Nachricht aus Ihrer Stadt mehr verpassen!"


def test_the_newsletter_prompt_in_the_infinitive_is_cut() -> None:
    article = analyse(f"{BODY['de']}\n\n{NEWSLETTER}\n\n{BODY['de']}", "de")
    assert NEWSLETTER not in article.text
    assert any(NEWSLETTER in cut.text for cut in article.removed), article.removed


@pytest.mark.parametrize("sentence", [
    "Den Newsletter des Heimatvereins abonnieren inzwischen 300 Mitglieder.",
    "Mehr als 4000 Leser haben den Newsletter der Stadtbücherei abonniert, sagte die Leiterin.",
])
def test_report_sentences_about_a_newsletter_stay_text(sentence: str) -> None:
    article = analyse(f"{BODY['de']}\n\n{sentence}", "de")
    assert sentence in article.text
