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
