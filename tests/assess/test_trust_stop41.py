"""Stop 41 (issue 14): problems of a fourth outsider-style set that the detectors missed.

* Two sentences in a row, each built on a stock phrase of padding ("Time will tell …", „Man darf
  gespannt sein …“), are padding; one such phrase in specific copy is not.
* A Spanish sentence in the compound past («ha retirado», «se han registrado») narrates, like the
  English past the parser reads: no padding.
* A pitch may name its product in a sentence before the sale that speaks to the reader ("your best
  bet is …", «te recomendamos …») without calling to act itself.
* The French paywall label alone on its line (« Article réservé aux abonnés ») is furniture, and so are
  the German advertising label and link home („Anzeige“, „Werbung“, „Zur Startseite“), stop 40's misses.

Invented towns, people, firms and sentences.
"""

from __future__ import annotations

import pytest
from trust_inputs import BODY, analyse, flags

from newsweave.extract.boilerplate import furniture_reason


TWO_STOCK_PHRASES = {
    "en": ("The Fernholt regatta drew 2,400 visitors on Saturday, the organisers said.\n\n"
           "Time will tell whether the regatta can grow into a fixture of the summer. It remains to be seen how "
           "many crews will come back for another year.", "Time will tell whether"),
    "de": ("Zur Regatta in Kirchweiler kamen am Samstag 2.400 Besucher, teilten die Veranstalter mit.\n\n"
           "Man darf gespannt sein, wie es mit der Regatta weitergeht. Eines ist jedenfalls klar: Ob sie bleibt, "
           "wird sich zeigen.", "Man darf gespannt sein"),
}


@pytest.mark.parametrize("language", sorted(TWO_STOCK_PHRASES))
def test_two_sentences_each_on_a_stock_phrase_are_padding(language: str) -> None:
    text, opening = TWO_STOCK_PHRASES[language]
    found = flags(analyse(f"{text}\n\n{BODY[language]}", language), "generic_filler")
    assert any(span.text.startswith(opening) for flag in found for span in flag.evidence)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The Fernholt regatta drew 2,400 visitors on Saturday, the organisers said. It remains to be seen whether "
           "the river will be deep enough next summer. Crews from Lemmington and Poltby won the two main races."),
    ("de", "Zur Regatta in Kirchweiler kamen am Samstag 2.400 Besucher. Ob der Fluss im nächsten Sommer tief genug ist, "
           "bleibt abzuwarten. Die Mannschaften aus Oberhollen und Taubach gewannen die beiden Hauptrennen."),
])
def test_one_stock_phrase_in_specific_copy_is_no_padding(language: str, text: str) -> None:
    assert flags(analyse(f"{text}\n\n{BODY[language]}", language), "generic_filler") == []


def test_spanish_sentences_in_the_compound_past_narrate() -> None:
    text = ("La Agencia de Consumo ha retirado un lote de mermelada de una fábrica de Navalcruz.\n\n"
            "Quienes lo hayan comprado no deben tomarlo y pueden devolverlo en la tienda donde lo adquirieron. "
            "La fábrica ha parado la producción mientras se busca el origen del problema. "
            "No se han registrado casos de intoxicación entre los clientes.\n\n" + BODY["es"])
    assert flags(analyse(text, "es"), "generic_filler") == []


@pytest.mark.parametrize(("language", "pitch", "product"), [
    ("en", "Bus fares in Fernholt will rise by 20p in July, the transport board decided.\n\n"
           "If you want to keep your travel costs down, your best bet is Farewise, the app that compares every "
           "ticket in the county. Download it today and enter the code FERN20 for 20% off your first pass.", "Farewise"),
    ("es", "El billete de autobús de Navalcruz subirá 20 céntimos en julio, según decidió el consorcio.\n\n"
           "Si quieres gastar menos en tus viajes, te recomendamos Billetia, la aplicación que compara todas las "
           "tarifas de la comarca. Descárgala gratis y usa el código NAVAL20 para obtener un 20 % de descuento.", "Billetia"),
])
def test_a_pitch_names_its_product_where_it_speaks_to_the_reader(language: str, pitch: str, product: str) -> None:
    found = flags(analyse(f"{pitch}\n\n{BODY[language]}", language), "undisclosed_promotion")
    assert product in [span.text for flag in found for span in flag.evidence]


@pytest.mark.parametrize(("language", "text"), [
    # The reader addressed before a fare rise that sells nothing.
    ("en", "If you take the bus to Lemmington, Greyline Coaches has news for you. Single tickets will cost £2.40 "
           "from July, the company said.\n\n" + BODY["en"]),
    ("es", "Si vas en autobús a Navalcruz, Autocares Berrocal tiene noticias para ti. El billete sencillo costará "
           "2,40 euros desde julio, según la empresa.\n\n" + BODY["es"]),
])
def test_a_sentence_to_the_reader_before_a_plain_report_stays_unflagged(language: str, text: str) -> None:
    assert flags(analyse(text, language), "undisclosed_promotion") == []


@pytest.mark.parametrize("line", ["Article réservé aux abonnés", "Cet article est réservé aux abonnés."])
def test_the_french_paywall_label_alone_is_furniture(line: str) -> None:
    assert furniture_reason(line) == "subscription_prompt"


@pytest.mark.parametrize("line", [
    "L’accès au bassin du matin est réservé aux abonnés de la piscine de Vaudreuil.",
    "Cet article de loi est réservé aux communes de plus de 3 500 habitants, a rappelé la préfète.",
])
def test_a_sentence_about_members_only_stays_text(line: str) -> None:
    assert furniture_reason(line) is None


def test_a_french_article_loses_its_paywall_label_and_stays_unflagged() -> None:
    text = (BODY["fr"] + "\n\nLe conseil votera le budget le 12 mars, a indiqué la maire.\n\nArticle réservé aux abonnés")
    article = analyse(text, "fr")
    assert "réservé aux abonnés" not in article.text
    assert article.flags == []


@pytest.mark.parametrize("line", ["Anzeige", "ANZEIGE", "Werbung", "Zur Startseite"])
def test_the_german_advertising_label_and_link_home_alone_are_furniture(line: str) -> None:
    assert furniture_reason(line) == "share_buttons"


@pytest.mark.parametrize("line", [
    "Anzeige gegen unbekannt erstattete die Polizei in Kirchweiler am Montag.",
    "Zur Startseite des Radrennens am Marktplatz kamen rund 800 Zuschauer.",
    "Werbung für das Stadtfest hing in allen Geschäften von Kirchweiler.",
])
def test_german_sentences_opening_with_those_words_stay_text(line: str) -> None:
    assert furniture_reason(line) is None


def test_a_german_article_loses_its_label_and_link_home_and_stays_unflagged() -> None:
    text = ("Der Rat von Kirchweiler hat vierzehn Mitglieder und tagt in der alten Schule.\n\nAnzeige\n\n"
            "Sein Haushalt umfasst 4,1 Millionen Euro, teilte die Stadt am Montag mit.\n\nZur Startseite")
    article = analyse(text, "de")
    assert "Anzeige" not in article.text and "Startseite" not in article.text
    assert article.flags == []
