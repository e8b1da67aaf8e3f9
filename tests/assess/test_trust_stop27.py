"""Trust flags, stop 27 (issue 14): unsourced quotes after a one-sentence lead, filler that only
re-names what the article already named, and promotion found from its signals together. Texts
invented for these tests, in two or more languages each, with clean articles that must stay
unflagged; everything runs through the real pipeline."""

from __future__ import annotations

from trust_inputs import analyse, flags


# -- unsourced quotes: a one-sentence lead lends its speaker to first-person speech only --------

LEADS = {
    "en": "Nadia Orlov, the harbour master, said the ferry had been cancelled twice since Monday.\n\n",
    "fr": "Nadia Orlov, la capitaine du port, a indiqué que le ferry avait été annulé deux fois depuis lundi.\n\n",
    "de": "Nadia Orlov, die Hafenmeisterin, sagte, die Fähre sei seit Montag zweimal ausgefallen.\n\n",
}
THIRD_PERSON = {
    "en": "“The storm barrier on the north pier is older than the town hall and nobody has checked it in years.”\n\n",
    "fr": "« La digue du môle nord est plus ancienne que la mairie et personne ne l'a vérifiée depuis des années. »\n\n",
    "de": "„Die Sturmmauer am Nordpier ist älter als das Rathaus und niemand hat sie seit Jahren geprüft.“\n\n",
}
FIRST_PERSON = {
    "en": "“We have asked for a second boat three times and I am still waiting for any answer from the port.”\n\n",
    "fr": "« Nous avons demandé un deuxième bateau trois fois et j'attends toujours une réponse du port. »\n\n",
    "de": "„Wir haben dreimal ein zweites Boot beantragt und ich warte noch immer auf eine Antwort vom Hafen.“\n\n",
}
TAIL = {
    "en": "The ferry company will publish a new timetable on 12 May.\n",
    "fr": "La compagnie publiera un nouvel horaire le 12 mai.\n",
    "de": "Die Reederei will am 12. Mai einen neuen Fahrplan vorlegen.\n",
}


def test_a_third_person_quote_alone_after_a_lead_is_unsourced() -> None:
    for language in ("en", "fr", "de"):
        article = analyse(LEADS[language] + THIRD_PERSON[language] + TAIL[language], language)
        [flag] = flags(article, "unsourced_quote")
        assert flag.evidence[0].text.strip("“”„« »").split()[:2] == THIRD_PERSON[language].strip("“„« \n").split()[:2], language


def test_a_first_person_quote_after_a_lead_is_the_speaker_going_on() -> None:
    for language in ("en", "fr", "de"):
        article = analyse(LEADS[language] + FIRST_PERSON[language] + TAIL[language], language)
        assert flags(article, "unsourced_quote") == [], language


def test_a_third_person_quote_with_its_own_attribution_stays_sourced() -> None:
    text = (LEADS["en"] + "“The storm barrier on the north pier is older than the town hall,” said Ivo Brandt, "
            "a former engineer of the port.\n\n" + TAIL["en"])
    assert flags(analyse(text, "en"), "unsourced_quote") == []


# -- promotion: an unknown brand that a small recogniser calls a person -------------------------

PROMO_HOSTS = {
    "es": ("El ayuntamiento de Valdemora aprobó el lunes un presupuesto de 12 millones de euros, según el alcalde.\n\n"
           "Las obras del puerto comenzarán en marzo y durarán dos años, informó la concejala Marta Ibarra.\n\n",
           "\n\nEl pleno volverá a reunirse el 14 de abril para votar las enmiendas.\n"),
    "en": ("The Valdemora council approved a budget of 12 million euros on Monday, the mayor said.\n\n"
           "Work on the harbour will start in March and last two years, councillor Marta Ibarra said.\n\n",
           "\n\nThe council will meet again on 14 April to vote on the amendments.\n"),
}
PITCHES = {
    "es": "Nerima Bank: abra su cuenta hoy y llévese 50 euros de regalo.",
    "en": "Quorra Lintel: open your account today and get 50 euros as a welcome gift.",
}
REPORTED = {
    "es": "Según la ministra Carmen Ruiz, usted pagará 30 euros más al mes por la luz.",
    "en": "Carmen Ruiz, the energy minister, said you will pay 30 euros more a month for power.",
}


def test_a_pitch_for_a_name_read_as_a_person_is_promotion() -> None:
    for language in ("es", "en"):
        head, tail = PROMO_HOSTS[language]
        [flag] = flags(analyse(head + PITCHES[language] + tail, language), "undisclosed_promotion")
        name = PITCHES[language].split(":")[0]
        assert any(span.text in name for span in flag.evidence), language


def test_a_person_reported_with_a_price_and_you_is_not_promotion() -> None:
    for language in ("es", "en"):
        head, tail = PROMO_HOSTS[language]
        assert flags(analyse(head + REPORTED[language] + tail, language), "undisclosed_promotion") == [], language
        assert flags(analyse(head + tail.lstrip(), language), "undisclosed_promotion") == [], language


PLACE_LIKE = {
    "en": ("Readers can save 25% on any Kalmora savings account with the code NEWS25 until Sunday.", "Kalmora"),
    "fr": ("Vous pouvez économiser 20 % sur votre séjour Zentrik avec le code NEWS30 jusqu'à dimanche.", "Zentrik"),
}
KNOWN_PLACE = {
    "en": "Readers can save 25% on trains to Lyon with the code RAIL25 until Sunday.",
    "fr": "Vous pouvez économiser 20 % sur le train pour Lyon avec le code RAIL25 jusqu'à dimanche.",
}
FR_HOST = ("Le conseil municipal de Valdemora a voté lundi un budget de 12 millions d'euros, selon le maire.\n\n"
           "Les travaux du port commenceront en mars et dureront deux ans, a précisé l'adjointe Marta Ibarra.\n\n",
           "\n\nLe conseil se réunira de nouveau le 14 avril pour voter les amendements.\n")


def test_an_unknown_name_read_as_a_place_is_the_brand_of_a_pitch() -> None:
    for language, (head, tail) in (("en", PROMO_HOSTS["en"]), ("fr", FR_HOST)):
        pitch, brand = PLACE_LIKE[language]
        [flag] = flags(analyse(head + pitch + tail, language), "undisclosed_promotion")
        assert any(span.text == brand for span in flag.evidence), language


def test_a_place_the_gazetteer_knows_is_no_brand() -> None:
    for language, (head, tail) in (("en", PROMO_HOSTS["en"]), ("fr", FR_HOST)):
        assert flags(analyse(head + KNOWN_PLACE[language] + tail, language), "undisclosed_promotion") == [], language
