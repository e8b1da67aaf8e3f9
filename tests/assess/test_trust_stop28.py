"""Trust flags, stop 28 (issue 14): who may go on speaking across a paragraph break.

A quotation alone on its line borrows the speaker of the paragraph before only where that
paragraph ends with the speaker speaking (its last sentence quotes, or closes a quote opened
earlier), or where a one-sentence lead names a *person* next to its attribution cue and the
quotation speaks in the first person. Texts invented for these tests (en, fr, de, es), with
clean articles that must stay unflagged; everything runs through the real pipeline."""

from __future__ import annotations

from trust_inputs import analyse, flags

TAIL = {
    "en": "The council will vote on the repair budget on 14 May.\n",
    "fr": "Le conseil votera le budget des réparations le 14 mai.\n",
    "de": "Der Gemeinderat stimmt am 14. Mai über den Reparaturhaushalt ab.\n",
    "es": "El pleno votará el presupuesto de las obras el 14 de mayo.\n",
}


def _unsourced(text: str, language: str) -> list[str]:
    return [flag.evidence[0].text for flag in flags(analyse(text + TAIL[language], language), "unsourced_quote")]


# -- a paragraph that quoted someone, then went on to narrate, hands nobody on ---------------

NARRATED_AFTER_QUOTE = {
    "en": ("The Orvel bridge has been closed since March. “It is not safe for lorries,” said Ilse Varga, the county "
           "engineer. Repairs were first planned for the summer. Shop owners told the Orvel Courier that the contractor "
           "had left the site.\n\n"
           "“The steel under the east span has rusted through in at least four places.”\n\n"),
    "fr": ("Le pont d'Orvel est fermé depuis mars. « Il n'est pas sûr pour les camions », a déclaré Ilse Varga, "
           "l'ingénieure du département. Les travaux étaient prévus pour l'été. Des commerçants ont raconté au Courrier "
           "d'Orvel que l'entreprise avait quitté le chantier.\n\n"
           "« L'acier de la travée est rouillé de part en part à au moins quatre endroits. »\n\n"),
}
SPEAKER_GOES_ON = {
    "en": ("The Orvel bridge has been closed since March. Repairs were first planned for the summer. “It is not safe "
           "for lorries,” said Ilse Varga, the county engineer.\n\n"
           "“The steel under the east span has rusted through in at least four places.”\n\n"),
    "fr": ("Le pont d'Orvel est fermé depuis mars. Les travaux étaient prévus pour l'été. « Il n'est pas sûr pour "
           "les camions », a déclaré Ilse Varga, l'ingénieure du département.\n\n"
           "« L'acier de la travée est rouillé de part en part à au moins quatre endroits. »\n\n"),
}


def test_a_quote_alone_after_a_paragraph_that_narrated_past_its_speaker_is_unsourced() -> None:
    for language, text in NARRATED_AFTER_QUOTE.items():
        [evidence] = _unsourced(text, language)
        assert "quatre" in evidence or "four" in evidence, language


def test_a_quote_alone_after_the_speaker_closed_the_paragraph_goes_on_with_that_speaker() -> None:
    for language, text in SPEAKER_GOES_ON.items():
        assert _unsourced(text, language) == [], language


# -- a one-sentence lead lends "we" its speaker only when it names a person ---------------------

INSTITUTION_LEAD = {
    "en": ("The Varnholm Institute said the river had risen by two metres since Sunday.\n\n"
           "“We have asked for sandbags three times and we are still waiting for a single lorry.”\n\n"),
    "de": ("Das Varnholm-Institut sagte, der Fluss sei seit Sonntag um zwei Meter gestiegen.\n\n"
           "„Wir haben dreimal um Sandsäcke gebeten und warten noch immer auf einen einzigen Lastwagen.“\n\n"),
}
PERSON_LEAD = {
    "en": ("Marta Ilves, who runs the shelter, said the river had risen by two metres since Sunday.\n\n"
           "“We have asked for sandbags three times and we are still waiting for a single lorry.”\n\n"),
    "de": ("Marta Ilves, die Leiterin der Notunterkunft, sagte, der Fluss sei seit Sonntag um zwei Meter gestiegen.\n\n"
           "„Wir haben dreimal um Sandsäcke gebeten und warten noch immer auf einen einzigen Lastwagen.“\n\n"),
}


def test_a_first_person_quote_after_a_lead_that_names_no_person_is_unsourced() -> None:
    for language, text in INSTITUTION_LEAD.items():
        [evidence] = _unsourced(text, language)
        assert "andbags" in evidence or "Sandsäcke" in evidence, language


def test_a_first_person_quote_after_a_lead_that_names_a_person_stays_sourced() -> None:
    for language, text in PERSON_LEAD.items():
        assert _unsourced(text, language) == [], language


# -- a phrase quoted and closed inside the paragraph is no speech that goes on ------------------

PHRASE_CLOSED = {
    "en": ("Writing on the town's website, Deputy Mayor Oskar Lind urged residents to leave the lower streets "
           "\"as soon as they can.\"\n\n"
           "\"The pumps at the old mill have failed twice this week and nobody has come to repair them.\"\n\n"),
    "es": ("En la web del ayuntamiento, el teniente de alcalde Oskar Lind pidió a los vecinos que dejaran las calles bajas "
           "\"en cuanto puedan.\"\n\n"
           "\"Las bombas del viejo molino han fallado dos veces esta semana y nadie ha venido a repararlas.\"\n\n"),
}
QUOTE_CLOSED_FROM_LINE_BEFORE = {
    "en": ("\"The pumps at the old mill have failed twice,\" said Deputy Mayor Oskar Lind.\n"
           "\"Nobody has come to repair them, and the water is still rising.\"\n"
           "\"We will open the school as a shelter tonight.\"\n\n"),
}


def test_a_quote_alone_after_a_phrase_quoted_and_closed_in_the_paragraph_is_unsourced() -> None:
    for language, text in PHRASE_CLOSED.items():
        [evidence] = _unsourced(text, language)
        assert "old mill" in evidence or "viejo molino" in evidence, language


def test_one_sentence_a_line_speech_still_goes_on() -> None:
    for language, text in QUOTE_CLOSED_FROM_LINE_BEFORE.items():
        assert _unsourced(text, language) == [], language
