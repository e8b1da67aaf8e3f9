"""Stop 42, second round (issue 14): signals a phrase list cannot give.

* A weekday in apposition after its date ("on 5 September 2024, a Tuesday", „am 5. September 2024,
  einem Montag“, « le 29 novembre 2024, un mardi », «el 19 de abril de 2024, un martes») is checked
  against the date like a weekday before it; the date's own weekday raises nothing, nor does a
  weekday that a following word makes part of a name ("a Sunday Times reporter").
* A sale told in the third person: a named promotional code beside a discount or a price, with a
  shop or product the article is not about, is a pitch though nobody calls or addresses the reader;
  a recall's batch code beside its price is not, and neither is a discount with no code.

Invented towns, people, firms and sentences.
"""

from __future__ import annotations

import pytest
from trust_inputs import analyse, flags

BODY = {
    "en": ("The council of Fernholt has eleven members and meets in the old grammar school. It set its budget at "
           "£5.3 million for next year. Councillor Ruth Dalby chaired the meeting."),
    "de": ("Der Rat von Kirchweiler hat vierzehn Mitglieder und tagt in der alten Schule. Sein Haushalt umfasst "
           "4,1 Millionen Euro. Bürgermeisterin Jutta Rendel leitete die Sitzung."),
    "fr": ("Le conseil de Vaudreuil compte dix-neuf élus et siège dans l’ancienne école. Son budget atteint "
           "4,1 millions d’euros. La maire, Sylvie Marchal, a présidé la séance."),
    "es": ("El pleno de Valdecañas tiene trece concejales y se reúne en la antigua escuela. Su presupuesto es de "
           "4,1 millones de euros. La alcaldesa, Nuria Becerril, presidió la sesión."),
}

# A date of 2024 (before the test articles' date) with its weekday in apposition: (wrong weekday, right
# weekday). 5 September 2024 was a Thursday, 29 November 2024 and 19 April 2024 were Fridays.
APPOSITIONS = {
    "en": ("The new footbridge in Fernholt opened on 5 September 2024, {}, after a year of work.",
           ("a Tuesday", "a Thursday")),
    "de": ("Die neue Fußgängerbrücke in Kirchweiler wurde am 5. September 2024, {}, nach einem Jahr Bauzeit eröffnet.",
           ("einem Montag", "einem Donnerstag")),
    "fr": ("La nouvelle passerelle de Vaudreuil a été inaugurée le 29 novembre 2024, {}, après un an de travaux.",
           ("un mardi", "un vendredi")),
    "es": ("La nueva pasarela de Valdecañas se inauguró el 19 de abril de 2024, {}, tras un año de obras.",
           ("un martes", "un viernes")),
}


def _dates(text: str, language: str) -> list[str]:
    return [span.text for flag in flags(analyse(f"{text}\n\n{BODY[language]}", language), "date_inconsistent")
            for span in flag.evidence]


@pytest.mark.parametrize("language", sorted(APPOSITIONS))
def test_a_wrong_weekday_in_apposition_after_its_date_is_flagged(language: str) -> None:
    sentence, (wrong, _) = APPOSITIONS[language]
    evidence = _dates(sentence.format(wrong), language)
    assert any(wrong in span for span in evidence), evidence


@pytest.mark.parametrize("language", sorted(APPOSITIONS))
def test_the_dates_own_weekday_in_apposition_raises_nothing(language: str) -> None:
    sentence, (_, right) = APPOSITIONS[language]
    assert _dates(sentence.format(right), language) == []


def test_a_weekday_that_starts_a_name_after_a_date_is_no_apposition() -> None:
    # 12 March 2025 was a Wednesday: "a Sunday Times reporter" is a paper's, not the date's weekday.
    text = "On 12 March 2025, a Sunday Times reporter asked Fernholt council about the footbridge."
    assert _dates(text, "en") == []


# Third-person sales: the shop is named once, the discount and the code in the same sentence.
THIRD_PERSON_SALES = {
    "fr": ("Le marché de Noël de Vaudreuil ouvrira vendredi sur la place de l’Église avec quarante chalets.",
           "Les clients de la quincaillerie Brossard & Fils bénéficient jusqu’à samedi de 25 % de remise sur les "
           "guirlandes en présentant le code LUMIERE25 en caisse.", "Brossard"),
    "de": ("Der Weihnachtsmarkt in Kirchweiler öffnet am Freitag auf dem Kirchplatz mit vierzig Buden.",
           "Kunden des Gartencenters Blumenhof Wendt erhalten bis Samstag 25 % Rabatt auf Lichterketten mit dem "
           "Rabattcode STERN25 an der Kasse.", "Wendt"),
}


def _promotion(text: str, language: str) -> list[str]:
    return [span.text for flag in flags(analyse(text, language), "undisclosed_promotion") for span in flag.evidence]


@pytest.mark.parametrize("language", sorted(THIRD_PERSON_SALES))
def test_a_named_code_beside_a_discount_is_a_pitch_in_the_third_person(language: str) -> None:
    report, sale, brand = THIRD_PERSON_SALES[language]
    evidence = _promotion(f"{report}\n\n{BODY[language]}\n\n{sale}", language)
    assert any(brand in span for span in evidence), evidence


@pytest.mark.parametrize(("language", "sentence"), [
    # A recall gives the batch code and the price: where to return it, not a sale.
    ("en", "The Kestrel kettle sold by Hollin Stores for £24.99 with batch code KTL204 should no longer be used."),
    ("fr", "La bouilloire Kestrel vendue 24,99 euros par les magasins Hollin, lot KTL204, ne doit plus être utilisée."),
    # A discount with no code, told as news.
    ("de", "Das Gartencenter Blumenhof Wendt gewährt Senioren seit Jahren 10 % Rabatt auf alle Pflanzen."),
])
def test_a_batch_code_or_a_discount_alone_is_no_pitch(language: str, sentence: str) -> None:
    report = {"en": "Fernholt trading standards warned of faulty kettles on Monday.",
              "fr": "Le service des fraudes de Vaudreuil a signalé lundi des bouilloires défectueuses.",
              "de": "Der Seniorenbeirat von Kirchweiler hat am Montag seine Einkaufsliste vorgestellt."}[language]
    assert _promotion(f"{report}\n\n{BODY[language]}\n\n{sentence}", language) == []
