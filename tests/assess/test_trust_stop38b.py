"""Stop 38, second round (issue 14): German paywall furniture.

* The paywall's trial button alone on its line („Jetzt 14 Tage gratis testen“), the line that says
  who may read on („Nur für Plus-Abonnenten.“) and what the subscription opens („Zugriff auf alle
  Online-Artikel“) are furniture.
* The paywall box glued into an article's text: an offer (a price, a trial, „monatlich kündbar“) and
  the login for those who hold one („Anmelden“, „loggen Sie sich … an“, „Passwort vergessen?“) in one
  piece. It is the site's prompt for itself, so promotion sets it aside as it does a login box.
* An author's box gives the site's address beside a telephone number: contact details, like an
  e-mail address, where the address says whom to ask, not where to buy (German and English).

Invented lines and articles; German report sentences with the same words (a trial, a price, a
monthly notice, a verb of signing up) stay article text.
"""

from __future__ import annotations

import pytest
from trust_inputs import analyse, flags

from newsweave.extract.boilerplate import furniture_reason, furniture_tail


@pytest.mark.parametrize("line", [
    "Jetzt 14 Tage gratis testen",
    "2 Wochen kostenlos testen!",
    "Nur für Talbacher-Bote-Abonnenten.",
    "Zugriff auf alle Online-Artikel",
    "Um weiterzulesen, sichern Sie sich das Digitalabo für nur 2 € im ersten Monat oder loggen Sie sich als Abonnent ein.",
    "Monatlich kündbar ab 3,49 € / Monat Jetzt 14 Tage kostenlos testen Anmelden Benutzername Passwort vergessen?",
])
def test_german_paywall_lines_are_furniture(line: str) -> None:
    assert furniture_reason(line) == "subscription_prompt"


@pytest.mark.parametrize("line", [
    "Die Stadtwerke lassen die Bürger die neuen Leihräder 30 Tage kostenlos testen, sagte Sprecherin Ilka Born.",
    "Das Nahverkehrsticket kostet ab Mai 49 € im Monat und ist monatlich kündbar.",
    "Kinder können sich ab Montag für nur 5 € im Schwimmkurs anmelden, teilte der Verein mit.",
    "Der Zugriff auf alle Akten der Behörde bleibt Journalisten verwehrt, kritisierte der Verband.",
    "Das Angebot gilt nur für Abonnenten der Talbacher Bibliothek, sagte Leiterin Ute Harms.",
    "„Monatlich kündbar ab 9 €, Anmelden genügt“, warb der Anbieter am Stand.",
])
def test_german_report_sentences_with_the_same_words_stay_text(line: str) -> None:
    assert furniture_reason(line) is None
    assert furniture_tail(line) is None


PAYWALL_BOX_DE = """Freibad in Talbach wird umgebaut

Der Stadtrat von Talbach hat am Dienstag den Umbau des Freibads beschlossen. Die Arbeiten beginnen im Herbst und kosten rund 2,4 Millionen Euro, teilte Bürgermeisterin Ilse Kramm mit.

Das Becken soll danach ganzjährig nutzbar sein. Die ganze Vielfalt Ihrer Heimatzeitung Zugriff auf alle Online-Artikel Bequeme Verlängerung Monatlich kündbar ab 2,49 € / Monat Jetzt 14 Tage kostenlos testen Anmelden Benutzername Passwort vergessen?"""


def test_a_paywall_box_ending_a_paragraph_is_cut_and_the_paragraph_kept() -> None:
    article = analyse(PAYWALL_BOX_DE, "de")
    assert "Passwort vergessen" not in article.text and "2,49 €" not in article.text
    assert "Das Becken soll danach ganzjährig nutzbar sein." in article.text
    assert not flags(article, "undisclosed_promotion")


# A plain text whose headline runs into the paywall box on one line, long article text after it:
# the extractor cannot cut the box, so it stays and is flagged as furniture.
GLUED_BOX_DE = (
    "Brand in Talbach: Familie verliert ihr Haus Um diesen Artikel zu lesen, sichern Sie sich das Digitalabo für nur 2 € "
    "oder loggen Sie sich als Abonnent ein. Das Feuer brach am Sonntagabend im Dachstuhl des Hauses an der Mühlgasse aus, "
    "teilte die Feuerwehr Talbach am Montag mit. Die vier Bewohner konnten sich unverletzt ins Freie retten. Die Polizei "
    "schätzt den Schaden auf rund 300.000 Euro, die Ursache ist noch unklar. Nachbarn haben eine Spendenaktion für die "
    "Familie gestartet, sagte Ortsvorsteher Bernd Quast."
)


def test_a_paywall_box_glued_to_the_headline_is_flagged_as_furniture_not_promotion() -> None:
    article = analyse(GLUED_BOX_DE, "de")
    assert flags(article, "boilerplate_leak")
    assert not flags(article, "undisclosed_promotion")


AUTHOR_BOXES = [
    ("de", """Brand in Talbach: Familie verliert ihr Haus

Das Feuer brach am Sonntagabend im Dachstuhl des Hauses an der Mühlgasse aus, teilte die Feuerwehr Talbach am Montag mit. Die vier Bewohner konnten sich unverletzt ins Freie retten.

Alle Inhalte auf TalbachBote und in der Bote-App sind ohne Einschränkung verfügbar.Ilka Born https://www.talbacher-bote.de/autor/ilka-born Redaktion Talbach Tel: 04431 1234 5678 Lesen Sie mehr von mir"""),
    ("en", """Fire in Talbridge: family loses its home

The fire broke out in the roof of the house on Mill Lane on Sunday evening, the Talbridge fire service said on Monday. The four residents escaped unhurt.

Every story on Talbridge Courier is free for you to read.Ilka Born https://www.talbridge-courier.co.uk/author/ilka-born Newsroom Talbridge Tel: 01632 960 123 Read more from me"""),
]


@pytest.mark.parametrize(("language", "text"), AUTHOR_BOXES)
def test_an_authors_box_with_a_telephone_number_is_no_pitch(language: str, text: str) -> None:
    assert not flags(analyse(text, language), "undisclosed_promotion")


def test_a_pitch_in_german_news_text_is_still_found() -> None:
    text = """Freibad in Talbach wird umgebaut

Der Stadtrat von Talbach hat am Dienstag den Umbau des Freibads beschlossen, teilte Bürgermeisterin Ilse Kramm mit. Buchen Sie jetzt Ihren Wellnesstag im Hotel Quellhof für nur 49 € mit dem Code BAD49. Die Arbeiten beginnen im Herbst.

„Wir freuen uns auf den Sommer“, sagte Kramm."""
    assert flags(analyse(text, "de"), "undisclosed_promotion")
