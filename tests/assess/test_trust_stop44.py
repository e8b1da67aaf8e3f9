"""Stop 44 (issue 14, generic_filler): padding with no demonstrative or moral shape, and practical sentences.

Padding can open on an empty frame ("It is a question that …", « Il s'agit d'un sujet …, qui … »,
„Es ist ein Thema, das …“, «Se trata de una cuestión que …») or, in English, state what a whole class is
with a bare subject ("Bridges are complicated things"); either is a general shape, so that a run of two
vague sentences holding one is judged against the article's own rate. A German quantifier after a colon
(„: Jedes Ende …“) begins no name. A recall's practical sentences (what customers should do, a hotline, a
refund) anchor themselves: they are no padding, however plain.

Look-alikes that stay unflagged: the frame given to a named speaker, a quoted expert speaking generally,
a sober factual close, and a frame with a number of its own.

Invented towns, people, firms and sentences.
"""

from __future__ import annotations

import pytest
from trust_inputs import analyse, flags

# The article's facts.
FACTS = {
    "en": ("Quarrington council will close the old footbridge over the Wendle on 3 March for repairs that will cost "
           "£410,000, it said on Monday. The bridge, built in 1889, carries about 2,300 walkers a day.\n\n"
           "Engineer Maud Pelling said rust had eaten into two of the four main girders. A ferry will run from the "
           "boathouse on Quay Street while the work lasts."),
    "fr": ("La commune de Valbrune fermera la vieille passerelle sur la Sorme le 3 mars pour des travaux de "
           "410 000 euros, a-t-elle annoncé lundi. L'ouvrage, construit en 1889, voit passer environ 2 300 piétons "
           "par jour.\n\nL'ingénieure Maud Pellin a expliqué que la rouille avait attaqué deux des quatre poutres. "
           "Un bac partira du hangar à bateaux de la rue du Quai pendant le chantier."),
    "de": ("Die Gemeinde Wendlingen sperrt die alte Fußgängerbrücke über die Sorme am 3. März für Reparaturen, die "
           "410.000 Euro kosten, teilte sie am Montag mit. Die 1889 gebaute Brücke nutzen täglich rund 2300 "
           "Fußgänger.\n\nIngenieurin Maud Pelling sagte, Rost habe zwei der vier Hauptträger angegriffen. Bis zum "
           "30. Juni fährt eine Fähre vom Bootshaus an der Kaistraße."),
    "es": ("El ayuntamiento de Valdeorna cerrará la vieja pasarela sobre el Sorme el 3 de marzo para unas obras de "
           "410.000 euros, informó el lunes. El puente, construido en 1889, lo cruzan unos 2.300 peatones al día.\n\n"
           "La ingeniera Maud Pelayo explicó que el óxido había dañado dos de las cuatro vigas. Una barca saldrá del "
           "embarcadero de la calle del Muelle mientras duren las obras."),
}

# Padding that opens on an empty frame, with a vague sentence after it.
FRAMED = {
    "en": ("It is a question that matters to a great many people in a great many ways. Everybody has an opinion, "
           "and every opinion deserves a hearing."),
    "fr": ("Il s'agit d'un sujet aux nombreuses facettes, qui mérite qu'on s'y arrête. Les avis divergent, les "
           "attentes aussi, et le débat ne fait que commencer."),
    "de": ("Es ist ein Thema, das viele Menschen auf ganz verschiedene Weise bewegt. Die Meinungen gehen "
           "auseinander, und die Debatte wird weitergehen."),
    "es": ("Se trata de una cuestión que afecta a mucha gente de formas muy distintas. Las opiniones son muchas, "
           "y la discusión sigue abierta."),
}

# English padding on a bare generic subject.
BARE = ("Old bridges are complicated things, and decisions like this one are never simple. There are many moving "
        "parts and a great deal to weigh up on every side.")

# German padding whose first sentence holds a quantifier after a colon.
JEDES = ("Am Ende ist es wie so oft: Jedes Ende ist zugleich ein Anfang. Tradition und Wandel gehören eben "
         "zusammen. Wer weiß schon, was die Zukunft für die alte Brücke noch bereithält?")

# The frame given to a named speaker.
ATTRIBUTED = {
    "en": ("It is a question that matters to a great many people, said resident Tom Ebbage. The ferry will be "
           "free of charge."),
    "es": ("Se trata de una cuestión que afecta a mucha gente, afirmó el vecino Tomás Ebro. La barca será "
           "gratuita."),
}

# A quoted expert speaking generally.
QUOTED = {
    "en": ('"Bridges are complicated things, and old ones are never simple to mend," said Peter Lund, a structural '
           "engineer at the county's university."),
    "de": ("„Es ist ein Thema, das viele Menschen bewegt, und alte Brücken sind nie einfach zu reparieren“, sagte "
           "Peter Lindner, Bauingenieur an der Hochschule."),
}

# A frame with a number of its own, then a particular close.
ANCHORED_FRAME = {
    "en": ("It is a repair that will keep the bridge open for another 40 years. Walkers will find the new deck "
           "wider than the old one."),
    "fr": ("Il s'agit d'un chantier qui doit prolonger la vie de l'ouvrage de 40 ans. Les piétons trouveront un "
           "tablier plus large qu'avant."),
}

# A sober factual close: two vague sentences about the article's particular things.
SOBER = {
    "en": "The ferry keeps to the timetable of the bus. Walkers should expect short waits at busy hours.",
    "de": "Die Fähre richtet sich nach dem Fahrplan des Busses. Zu Stoßzeiten kann es kurze Wartezeiten geben.",
}

# A recall: its practical sentences are plain but tell the reader what to do.
RECALL = {
    "en": ("Hollin Housewares is recalling about 6,000 electric kettles of its Brook model because the lid can "
           "come loose, the company said on Friday. The kettles were sold in hardware shops since October.\n\n"
           "The batch number is printed on a sticker under the base. Customers should stop using the kettle and "
           "take it back to the shop where they bought it. They get the full price back or a new kettle. Questions "
           "are answered on the company's helpline and in the shops."),
    "de": ("Der Haushaltswarenhersteller Hollin aus Birkenau ruft rund 6000 Wasserkocher des Modells „Brook“ "
           "zurück, weil sich der Deckel lösen kann, teilte das Unternehmen am Freitag mit. Die Geräte wurden seit "
           "Oktober im Fachhandel verkauft.\n\nDie Chargennummer steht auf einem Aufkleber unter dem Sockel. "
           "Kundinnen und Kunden sollen das Gerät nicht mehr benutzen und es beim Händler zurückgeben. Sie "
           "bekommen den vollen Kaufpreis erstattet oder ein neues Gerät. Fragen beantwortet das Unternehmen über "
           "seine Kundenhotline und im Handel."),
}


def _filler(text: str, language: str) -> list[str]:
    return [span.text for flag in flags(analyse(text, language), "generic_filler") for span in flag.evidence]


@pytest.mark.parametrize("language", sorted(FRAMED))
def test_padding_that_opens_on_an_empty_frame_is_flagged(language: str) -> None:
    text = f"{FACTS[language]}\n\n{FRAMED[language]}"
    evidence = " ".join(_filler(text, language))
    assert FRAMED[language].split(" ")[3] in evidence, evidence


def test_padding_on_a_bare_generic_subject_is_flagged() -> None:
    evidence = " ".join(_filler(f"{FACTS['en']}\n\n{BARE}", "en"))
    assert "Old bridges are complicated things" in evidence, evidence


def test_a_german_quantifier_after_a_colon_names_nothing() -> None:
    evidence = " ".join(_filler(f"{FACTS['de']}\n\n{JEDES}", "de"))
    assert "Jedes Ende" in evidence, evidence


@pytest.mark.parametrize("language", sorted(RECALL))
def test_a_recalls_practical_sentences_are_no_padding(language: str) -> None:
    assert _filler(RECALL[language], language) == []


@pytest.mark.parametrize("language", sorted(ATTRIBUTED))
def test_a_frame_given_to_a_named_speaker_is_no_padding(language: str) -> None:
    assert _filler(f"{FACTS[language]} {ATTRIBUTED[language]}", language) == []


@pytest.mark.parametrize("language", sorted(QUOTED))
def test_a_quoted_expert_speaking_generally_is_no_padding(language: str) -> None:
    assert _filler(f"{FACTS[language]}\n\n{QUOTED[language]}", language) == []


@pytest.mark.parametrize("language", sorted(ANCHORED_FRAME))
def test_a_frame_with_a_number_of_its_own_is_no_padding(language: str) -> None:
    assert _filler(f"{FACTS[language]}\n\n{ANCHORED_FRAME[language]}", language) == []


@pytest.mark.parametrize("language", sorted(SOBER))
def test_a_sober_factual_close_is_no_padding(language: str) -> None:
    assert _filler(f"{FACTS[language]} {SOBER[language]}", language) == []
