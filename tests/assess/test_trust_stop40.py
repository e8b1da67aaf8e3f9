"""Stop 40 (issue 14): problems of a third outsider-style set that the detectors missed.

* A weekday written beside a day told from the article's own date ("yesterday, Tuesday",
  « hier mardi », „gestern, Mittwoch“, «ayer martes») must be that day's weekday.
* A line asking the reader to follow the site on named networks ("Follow the Mossbridge Echo on
  Facebook and Instagram", „Folgen Sie dem Tannwieser Boten auf Facebook“) is furniture.
* A pitch may name its product in the sentence before its call to act, or after a capitalised
  noun („mit dem Heizlüfter Warmex“).

The helper's articles are dated Tuesday 6 May 2025. Invented towns, people, firms and sentences.
"""

from __future__ import annotations

import pytest
from trust_inputs import analyse, flags

from newsweave.extract.boilerplate import furniture_reason, furniture_tail

# Two plain sentences that give each test article a body without any problem of its own.
BODY = {
    "en": "The council of Mossbridge has nine members and meets in the old corn exchange. It set its budget at £4.1 million.",
    "fr": "Le conseil de Saint-Arnoul compte quinze élus et siège dans l'ancienne école. Son budget atteint 3,2 millions d'euros.",
    "de": "Der Rat von Tannwiesen hat zwölf Mitglieder und tagt im alten Rathaus. Sein Haushalt umfasst 3,2 Millionen Euro.",
    "es": "El pleno de Villaseca tiene once concejales y se reúne en el antiguo pósito. Su presupuesto es de 3,2 millones de euros.",
}


@pytest.mark.parametrize(("language", "sentence", "evidence"), [
    ("en", "Yesterday, Tuesday, inspectors walked the length of the sea wall at Mossbridge.", "Yesterday, Tuesday"),
    ("en", "The ferry will sail again tomorrow (Friday), the harbour master said.", "tomorrow (Friday)"),
    ("fr", "Les inspecteurs ont parcouru hier mardi toute la digue de Saint-Arnoul.", "hier mardi"),
    ("de", "Gestern, Mittwoch, gingen die Prüfer den ganzen Deich bei Tannwiesen ab.", "Gestern, Mittwoch"),
    ("es", "Los técnicos recorrieron ayer martes todo el dique de Villaseca.", "ayer martes"),
])
def test_a_weekday_that_is_not_the_day_told_beside_it_is_flagged(language: str, sentence: str, evidence: str) -> None:
    article = analyse(f"{sentence}\n\n{BODY[language]}", language)
    found = flags(article, "date_inconsistent")
    assert [span.text for flag in found for span in flag.evidence] == [evidence]


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "Yesterday (Monday) inspectors walked the sea wall, and they return tomorrow, Wednesday."),
    ("en", "Today, Tuesday, the ferry sails at nine."),
    ("fr", "Les inspecteurs ont parcouru hier lundi la digue ; ils reviendront demain mercredi."),
    # "Morgen" inside a sentence is a morning or a paper's name, not tomorrow.
    ("de", "Das meldete der Tannwieser Morgen, Donnerstag, in seiner Ausgabe."),
    ("de", "Gestern, Montag, gingen die Prüfer den Deich ab; heute, Dienstag, folgt der Bericht."),
    # "la mañana" is the morning.
    ("es", "Los técnicos llegaron por la mañana, domingo incluido, y hoy martes entregan el informe."),
])
def test_a_weekday_that_matches_the_day_told_beside_it_stays_clean(language: str, sentence: str) -> None:
    article = analyse(f"{sentence}\n\n{BODY[language]}", language)
    assert flags(article, "date_inconsistent") == []


@pytest.mark.parametrize("line", [
    "Follow the Mossbridge Echo on Facebook and Instagram",
    "Follow us on X, Instagram and TikTok.",
    "Folgen Sie dem Tannwieser Boten auf Facebook",
    "Folge uns auf Instagram und YouTube",
    "Puedes seguir a El Eco de Villaseca en Facebook, X e Instagram",
])
def test_a_line_asking_to_be_followed_on_networks_is_furniture(line: str) -> None:
    assert furniture_reason(line) == "share_buttons"


@pytest.mark.parametrize("line", [
    "Follow these steps shared on Facebook to report a broken street light.",
    "Fans follow the club on Instagram, where the squad posts its training.",
    "Folgen Sie den Hinweisen auf Facebook, sagte die Polizei in Tannwiesen.",
    "Los aficionados pueden seguir a la selección en X durante el torneo.",
    "«Puedes seguir a tu equipo en Instagram», dijo el entrenador de Villaseca.",
])
def test_report_sentences_that_name_networks_stay_text(line: str) -> None:
    assert furniture_reason(line) is None
    assert furniture_tail(line) is None


@pytest.mark.parametrize(("language", "pitch", "product"), [
    # the product named in the sentence before the sale
    ("en", "Mossbridge primary schools will serve fish caught in the bay from September, the education board decided.\n\n"
           "Families who want the same at home should try Brinebox, the weekly fish crate. Order before Friday with the "
           "code BAY30 and get your first crate at half price!", "Brinebox"),
    # the product named after a capitalised noun
    ("de", "Die Stadtwerke Tannwiesen erhöhen zum 1. Oktober den Strompreis um drei Cent je Kilowattstunde.\n\n"
           "Sparen Sie beim Heizen mit dem Heizlüfter Warmex! Bestellen Sie jetzt im Onlineshop und sichern Sie sich "
           "mit dem Gutscheincode WARM15 ganze 15 Prozent Rabatt.", "Warmex"),
])
def test_a_pitch_is_flagged_on_the_product_it_names(language: str, pitch: str, product: str) -> None:
    found = flags(analyse(f"{pitch}\n\n{BODY[language]}", language), "undisclosed_promotion")
    assert product in [span.text for flag in found for span in flag.evidence]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The Crumbwell bakery opened on Mossbridge high street on Monday. A sourdough loaf costs £3.20, the owner, "
           "Dilys Penhallow, said. Customers can order online from next month, she added.\n\n" + BODY["en"]),
    # A site's sign-up box: the sentence before "You may unsubscribe" names the site, offers nothing.
    ("en", "Once registered, you can read more of the Mossbridge Echo.\n\nBy registering you agree to our privacy policy "
           "and to receive occasional emails from Quill Weekly. You may unsubscribe at any time.\n\n" + BODY["en"]),
    ("de", "Das Weinfest in Tannwiesen zieht in den Schlossgarten um. Zwölf Winzer schenken aus, darunter das Weingut "
           "Haller. Karten für die Weinprobe gibt es ab Montag im Rathaus, sie kosten 18 Euro.\n\n" + BODY["de"]),
])
def test_reports_with_a_firm_and_its_prices_stay_unflagged(language: str, text: str) -> None:
    assert flags(analyse(text, language), "undisclosed_promotion") == []
