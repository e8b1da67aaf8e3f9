"""Trust flags, stop 35, second round (issue 14): a colon lead-in whose subject is a pronoun.

„Größere Umbauten hält sie für nötig: „…““ goes on with the person the paragraph last reported
(„…, sagte Bürgermeisterin Ilse Varga“): the pronoun and a verb of saying or judging in the lead-in
say whose words follow. The same lead-in with nobody reported before it, and a lead-in with no
such subject, stay unsourced. Texts invented for these tests (de, en, fr, es), through the real
pipeline."""

from __future__ import annotations

from trust_inputs import analyse, flags

TAIL = {
    "de": "Der Gemeinderat stimmt am 14. Mai über den Reparaturhaushalt ab.\n",
    "en": "The council will vote on the repair budget on 14 May.\n",
    "fr": "Le conseil votera le budget des réparations le 14 mai.\n",
    "es": "El pleno votará el presupuesto de reparaciones el 14 de mayo.\n",
}
# The quote's paragraph opens on a sentence that reports a named person with a cue.
REPORTED = {
    "de": ("Die Brücke in Orvel ist seit März gesperrt. Das sei kein Zustand, sagte Bürgermeisterin Ilse Varga am "
           "Montag. Die Umleitung kostet jede Fahrt vierzig Minuten. "),
    "en": ("The Orvel bridge has been closed since March. It cannot go on like this, mayor Ilse Varga said on Monday. "
           "The detour adds forty minutes to every trip. "),
    "fr": ("Le pont d'Orvel est fermé depuis mars. Cela ne peut pas durer, a déclaré lundi la maire Ilse Varga. "
           "La déviation ajoute quarante minutes à chaque trajet. "),
    "es": ("El puente de Orvel está cerrado desde marzo. Esto no puede seguir así, dijo el lunes la alcaldesa Ilse "
           "Varga. El desvío añade cuarenta minutos a cada viaje. "),
}
# The same paragraph, with nobody reported.
NOBODY = {
    "de": "Die Brücke in Orvel ist seit März gesperrt. Die Umleitung kostet jede Fahrt vierzig Minuten. ",
    "en": "The Orvel bridge has been closed since March. The detour adds forty minutes to every trip. ",
    "fr": "Le pont d'Orvel est fermé depuis mars. La déviation ajoute quarante minutes à chaque trajet. ",
    "es": "El puente de Orvel está cerrado desde marzo. El desvío añade cuarenta minutos a cada viaje. ",
}
PRONOUN_LEAD_IN = {
    "de": "Größere Umbauten hält sie im Frühjahr für nötig: „Wir müssen die Brücke ganz neu bauen, sonst verlieren wir das Gewerbe.“\n\n",
    "en": "Bigger works she considers necessary in spring: “We must rebuild the bridge entirely or we lose the shops.”\n\n",
    "fr": "De plus gros travaux, elle les juge nécessaires au printemps : « Il faut reconstruire entièrement le pont, sinon les commerces ferment. »\n\n",
    "es": "Esas obras, ella las considera urgentes: «Hay que reconstruir el puente entero o cerrarán los comercios.»\n\n",
}
PLAIN_LEAD_IN = {
    "de": "Größere Umbauten sind im Frühjahr nötig: „Wir müssen die Brücke ganz neu bauen, sonst verlieren wir das Gewerbe.“\n\n",
    "en": "More works are needed in spring: “We must rebuild the bridge entirely or we lose the shops.”\n\n",
    "fr": "De plus gros travaux seront nécessaires au printemps : « Il faut reconstruire entièrement le pont, sinon les commerces ferment. »\n\n",
    "es": "Harán falta más obras en primavera: «Hay que reconstruir el puente entero o cerrarán los comercios.»\n\n",
}
LANGUAGES = ("de", "en", "fr", "es")


def _unsourced(text: str, language: str) -> list[str]:
    return [flag.evidence[0].text for flag in flags(analyse(text + TAIL[language], language), "unsourced_quote")]


def test_a_pronoun_lead_in_after_a_reported_person_is_sourced() -> None:
    for language in LANGUAGES:
        assert _unsourced(REPORTED[language] + PRONOUN_LEAD_IN[language], language) == [], language


def test_a_pronoun_lead_in_opening_the_next_paragraph_is_sourced() -> None:
    for language in LANGUAGES:
        assert _unsourced(REPORTED[language] + "\n\n" + PRONOUN_LEAD_IN[language], language) == [], language


def test_a_pronoun_lead_in_with_nobody_reported_stays_unsourced() -> None:
    # French is left out: its quotes annotator reads « elle les juge » as a speaker with a cue,
    # which was sourced before this rule and is not what it decides.
    for language in ("de", "en", "es"):
        assert len(_unsourced(NOBODY[language] + PRONOUN_LEAD_IN[language], language)) == 1, language


def test_a_lead_in_without_a_pronoun_subject_stays_unsourced() -> None:
    for language in LANGUAGES:
        assert len(_unsourced(REPORTED[language] + PLAIN_LEAD_IN[language], language)) == 1, language
