"""Stop 41, second round (issue 14): the leftovers of the fourth outsider-style set.

* German narration in the simple past („kamen“, „stieg“, „erklärte“, „wurde“) tells what happened, as
  the perfect does: a clean German report in the Präteritum is no padding. Padding in the present and
  the conditional („könnte“) stays padding.
* Which word of a pitch is the product: a capitalised word counted by a number („5 Euro Startguthaben“)
  is a quantity, not a brand; a sale that names no product of its own takes it from the sentence before
  in its paragraph, whoever that sentence addresses („Wer …, ist mit der App X am besten beraten.“), and
  a product named only there is still named inside the pitch, not elsewhere in the article.

Invented towns, people, firms and sentences.
"""

from __future__ import annotations

import pytest
from test_trust_stop41 import BODY  # plain sentences that give each test article a body
from trust_inputs import analyse, flags


# A clean German report told in the simple past, with sentences that name nothing.
GERMAN_SIMPLE_PAST = (
    "Auf dem Herbstmarkt in Kirchweiler boten am Samstag 42 Händler Kürbisse, Äpfel und Honig an.\n\n"
    "Trotz des Regens kamen viele Familien mit ihren Kindern. Die Stände mit frischem Apfelsaft waren schnell "
    "leer. Beim Kürbisschnitzen hatten die Kleinen ihren Spaß. Die Stimmung blieb bis zuletzt ausgelassen. "
    "Zum Schluss spielte die Blaskapelle vor dem alten Rathaus.\n\n"
    "Den Preis für den schwersten Kürbis gewann ein Gärtner aus Taubach mit 212 Kilogramm."
)

# German padding in the present and the conditional, inside a report in the simple past.
GERMAN_PADDING = (
    "Zum Drachenfest auf der Kirchweiler Höhe kamen am Sonntag mehr als 1.800 Besucher. Der größte Drachen "
    "stammte von einem Verein aus Taubach.\n\n"
    "Die Zukunft des Festes könnte spannend werden. Vieles hängt von vielen Dingen ab. Entscheidend wird "
    "sein, was am Ende dabei herauskommt.\n\n"
    "Die Veranstalter zählten 64 Drachen, teilte der Verein mit."
)


def test_a_german_report_in_the_simple_past_is_no_padding() -> None:
    assert flags(analyse(f"{GERMAN_SIMPLE_PAST}\n\n{BODY['de']}", "de"), "generic_filler") == []


def test_german_padding_in_the_present_and_the_conditional_stays_padding() -> None:
    found = flags(analyse(f"{GERMAN_PADDING}\n\n{BODY['de']}", "de"), "generic_filler")
    assert any(span.text.startswith("Die Zukunft des Festes") for flag in found for span in flag.evidence)


@pytest.mark.parametrize(("language", "pitch", "product"), [
    # The product named only in the sentence before the sale: inside the pitch, not elsewhere.
    ("fr", "Le pont de la Sarrette sera fermé aux voitures pendant six semaines, a annoncé la préfecture.\n\n"
           "Pour aller travailler pendant les travaux, le plus pratique reste de partager sa voiture avec Trajeo, "
           "l’application de covoiturage de la région. Téléchargez-la sur trajeo.fr et entrez le code "
           "SARRETTE5 pour recevoir 5 euros offerts.", "Trajeo"),
    # A third-person recommendation; the sale counts euros of credit, which is no brand.
    ("de", "Die Parkgebühren in der Kirchweiler Innenstadt steigen ab Juli um 50 Cent pro Stunde, beschloss "
           "der Stadtrat.\n\n"
           "Wer beim Parken sparen will, ist mit der App Parkolino am besten beraten. Einfach kostenlos "
           "herunterladen, den Code KIRCH5 eingeben und 5 Euro Startguthaben sichern.", "Parkolino"),
    ("de", "Die Parkgebühren in der Kirchweiler Innenstadt steigen ab Juli um 50 Cent pro Stunde, beschloss "
           "der Stadtrat.\n\n"
           "Beim Parken in der Innenstadt ist man bei Parkolino am besten beraten. Jetzt herunterladen, den "
           "Code KIRCH5 eingeben und 5 Euro Startguthaben sichern.", "Parkolino"),
])
def test_a_pitch_is_flagged_on_the_product_named_before_its_sale(language: str, pitch: str, product: str) -> None:
    found = flags(analyse(f"{pitch}\n\n{BODY[language]}", language), "undisclosed_promotion")
    evidence = [span.text for flag in found for span in flag.evidence]
    assert product in evidence
    assert not any("Startguthaben" in text for text in evidence)


@pytest.mark.parametrize(("language", "text"), [
    # A firm named in the news, then its own price list: a report, no sale to the reader.
    ("fr", "La boulangerie Farinelle a rouvert mardi rue des Tanneurs après trois mois de travaux. La baguette "
           "y coûte désormais 1,20 euro, a précisé la gérante, Odile Vasseur.\n\n" + BODY["fr"]),
    ("de", "Die Bäckerei Krumbholz hat am Dienstag in der Lindenstraße wieder geöffnet. Ein Brötchen kostet dort "
           "jetzt 45 Cent, sagte Inhaberin Marlene Krumbholz.\n\n" + BODY["de"]),
    # Tickets on sale after a sentence that names the organiser: the organiser sells nothing to the reader.
    ("de", "Die Freiwillige Feuerwehr Taubach richtet am Samstag ihr Sommerfest aus. Karten gibt es für 8 Euro "
           "an der Abendkasse.\n\n" + BODY["de"]),
    ("en", "The Fernholt Choral Society gave its spring concert on Saturday. Tickets for the autumn concert cost "
           "£8 at the door.\n\n" + BODY["en"]),
])
def test_a_firm_named_before_its_prices_stays_unflagged(language: str, text: str) -> None:
    assert flags(analyse(text, language), "undisclosed_promotion") == []
