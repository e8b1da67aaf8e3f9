"""Trust flags, stop 32 (issue 14): contact blocks are no offer.

A press office's or a reporter's contact details (an e-mail address, the site beside it) say
whom to ask, not where to buy: a web address next to an e-mail address is no offer, so a
police appeal that addresses the reader is no sales pitch. A pitch keeps its price or its
code, and its web address where no e-mail address stands beside it. Texts invented for these
tests (en, de, es, fr), through the real pipeline."""

from __future__ import annotations

from trust_inputs import analyse, flags

# -- undisclosed_promotion: a contact block ----------------------------------------------------

APPEAL = {
    "en": ("A lorry overturned on the ring road near Kettleby on Tuesday night and blocked both lanes for six hours. "
           "Two drivers were taken to hospital with minor injuries, the fire service said.\n\n"
           "The road reopened at dawn after the load of timber had been cleared.\n\n"
           "If you saw the crash, please contact the Brannock Road Traffic Unit: phone 0151 555 2031, e-mail "
           "traffic.desk@brannock-police.org, or see brannock-police.org.\n"),
    "de": ("Auf der Umgehungsstraße bei Kettleby ist am Dienstagabend ein Lastwagen umgekippt und hat beide "
           "Fahrstreifen sechs Stunden lang blockiert. Zwei Fahrer kamen mit leichten Verletzungen ins Krankenhaus, "
           "teilte die Feuerwehr mit.\n\n"
           "Die Straße wurde im Morgengrauen wieder freigegeben, nachdem die Ladung Holz geräumt war.\n\n"
           "Wenn Sie den Unfall gesehen haben, melden Sie sich bitte bei der Verkehrswache Brannock: Telefon 0151 "
           "555 2031, E-Mail: verkehr@brannock-polizei.de, Internet: brannock-polizei.de.\n"),
}
# The same articles with a pitch in place of the appeal: a web address and no e-mail address.
PITCH = {
    "en": APPEAL["en"].split("If you saw")[0]
    + "Need a new car insurance? Try Brannock Cover today and pay only £9 a month at brannockcover.com.\n",
    "de": APPEAL["de"].split("Wenn Sie")[0]
    + "Sie brauchen eine neue Autoversicherung? Testen Sie Brannock Cover: nur 9 € im Monat auf brannockcover.de.\n",
}


def test_a_contact_block_with_an_e_mail_address_is_no_pitch() -> None:
    for language, text in APPEAL.items():
        assert flags(analyse(text, language), "undisclosed_promotion") == [], language


def test_a_pitch_with_a_web_address_is_still_one() -> None:
    for language, text in PITCH.items():
        [flag] = flags(analyse(text, language), "undisclosed_promotion")
        assert any("Brannock" in span.text or "brannockcover" in span.text for span in flag.evidence), language
        assert flag.message and 0 < flag.confidence <= 1


# -- furniture: the site's own newsletter and apps, share rows, "También lee" -----------------

STORY = {
    "en": ("The harbour of Velmar reopened on Monday after a week of storms had closed it to all traffic.\n\n"
           "Fishing boats left before dawn, and the ferry to the islands ran on its winter timetable.\n\n"
           "{line}\n\n"
           "The harbour master expects the repairs to the outer wall to take until the end of the month.\n"),
    "es": ("El puerto de Velmar reabrió el lunes después de una semana de temporales que lo cerraron a todo el tráfico.\n\n"
           "Los pesqueros salieron antes del amanecer y el ferri a las islas funcionó con su horario de invierno.\n\n"
           "{line}\n\n"
           "El capitán del puerto calcula que las obras del dique exterior durarán hasta final de mes.\n"),
    "fr": ("Le port de Velmar a rouvert lundi après une semaine de tempêtes qui l'avaient fermé à tout trafic.\n\n"
           "Les chalutiers sont sortis avant l'aube et le bac vers les îles a suivi son horaire d'hiver.\n\n"
           "{line}\n\n"
           "Le capitaine du port prévoit que les travaux de la digue extérieure dureront jusqu'à la fin du mois.\n"),
    "de": ("Der Hafen von Velmar ist am Montag nach einer Woche Sturm wieder für den Verkehr geöffnet worden.\n\n"
           "Die Fischkutter liefen vor dem Morgengrauen aus, die Fähre zu den Inseln fuhr nach dem Winterfahrplan.\n\n"
           "{line}\n\n"
           "Der Hafenmeister rechnet damit, dass die Arbeiten an der Außenmole bis Ende des Monats dauern.\n"),
}
# Furniture lines written for these tests: the site's own newsletter or apps, a row of share
# buttons, read-also links (the adverb first, a bar for the colon), a most-read box.
FURNITURE = [
    ("en", "Want the coast's news every morning? Join our free harbour newsletter."),
    ("en", "Get our app for live updates from the quays"),
    ("es", "Recibe cada mañana nuestro boletín del litoral."),
    ("es", "Compartir en WhatsApp Compartir en Facebook Copiar enlace"),
    ("es", "También lee: Los pescadores de Velmar piden ayudas tras el temporal"),
    ("es", "Noticias relacionadas | Velmar cierra el paseo marítimo por obras"),
    ("es", "Lo más leído"),
    ("es", "Sigue nuestra cobertura del temporal minuto a minuto"),
    ("fr", "Retrouvez toute l'actualité du littoral dans nos newsletters."),
    ("de", "Holen Sie sich unsere Apps für Nachrichten von der Küste."),
    ("de", "Beitrag auf Facebook teilen Beitrag auf WhatsApp teilen Beitrag per E-Mail teilen"),
]
# Article text that names the same things: a speaker's "our app" in quotation marks or reported
# ("our" opening a statement), networks
# named in a sentence, a newsletter told about in the third person.
NOT_FURNITURE = [
    ("en", "“Our app showed the wrong tide times for two days,” said Mira Holt, who runs the ferry company."),
    ("en", "Pictures of the damaged wall spread on Facebook and on Twitter within hours of the storm."),
    ("es", "«Nuestra app mostró mal las mareas durante dos días», dijo Mira Holt, que dirige la naviera."),
    ("es", "El ayuntamiento también lee cada semana las quejas de los vecinos sobre el ruido del puerto."),
    ("es", "Para nuestra sorpresa, el dique interior resistió sin daños."),
    ("fr", "« Notre application a affiché de mauvais horaires pendant deux jours », a dit Mira Holt, qui dirige la compagnie."),
    ("de", "„Unsere App zeigte zwei Tage lang falsche Gezeiten“, sagte Mira Holt, die die Reederei führt."),
    ("en", "Our harbour newsletter went out late because the power failed, the editor said."),
    ("de", "Unsere Apps für die Fähren liefen während des Sturms weiter, sagte ein Sprecher der Reederei."),
]


def _furniture_caught(language: str, line: str) -> bool:
    article = analyse(STORY[language].format(line=line), language)
    if line not in article.text:
        return True  # the extractor cut it
    start = article.text.index(line)
    return any(span.start < start + len(line) and start < span.end and span.text.strip()
               for flag in flags(article, "boilerplate_leak") for span in flag.evidence)


def test_the_sites_own_prompts_and_share_rows_are_furniture() -> None:
    for language, line in FURNITURE:
        assert _furniture_caught(language, line), (language, line)


def test_article_text_about_apps_newsletters_and_networks_stays() -> None:
    for language, line in NOT_FURNITURE:
        article = analyse(STORY[language].format(line=line), language)
        assert line in article.text and flags(article, "boilerplate_leak") == [], (language, line)
