"""Stop 35 (issue 17 item 3): a possessive determiner is no speaker ("Her message was simple:
“…”"), German separable cues whose particle follows the speaker („…“, führte X aus) and other German
cues read on real copy, a text cited by its name and number ("Article 12:3 reads: “…”"), and one
capital-letter class for the name before a relative speaker's comma.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_of, quotes_with_people, speaker_text


# ---- a possessive determiner before its noun -----------------------------------------------------

@pytest.mark.parametrize(("text", "words"), [
    ("Ada Quill stayed at home. Her husband was blunt: “We will rebuild the quay.”", "We will rebuild the quay."),
    ("Ada Quill spoke at the harbour. Her message was simple: “We will rebuild the quay.”",
     "We will rebuild the quay."),
])
def test_a_possessive_before_its_noun_is_no_speaker(text: str, words: str) -> None:
    quote = quotes_with_people(text, "en", [])[words]
    assert speaker_text(quote) != "Her"  # "her" determines "husband": she is not the one who speaks


@pytest.mark.parametrize(("text", "words", "language", "speaker"), [
    ("“We will rebuild the quay,” her spokesman said.", "We will rebuild the quay,", "en", "her spokesman"),
    ("“We will rebuild the quay,” Tom Ash told her.", "We will rebuild the quay,", "en", "Tom Ash"),
    ("« Nous reconstruirons le quai », a déclaré son porte-parole.", "Nous reconstruirons le quai", "fr",
     "son porte-parole"),
])
def test_possessive_phrases_and_object_pronouns_keep_their_speakers(text: str, words: str, language: str,
                                                                    speaker: str) -> None:
    assert speaker_text(quotes_with_people(text, language, [])[words]) == speaker


# ---- German separable cues: the particle after the speaker -----------------------------------------

@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("„Wir werden den Kai wieder aufbauen“, führte Brenner aus und verließ den Saal.",
     "Wir werden den Kai wieder aufbauen", "Brenner"),
    ("„Das ist eine schwierige Lage für den Hafen“, ordnet Jana Berger ein. Dann ging sie.",
     "Das ist eine schwierige Lage für den Hafen", "Jana Berger"),
    ("„Der Hafen bleibt offen“, machte die Ministerin klar.", "Der Hafen bleibt offen", "die Ministerin"),
])
def test_a_separable_cue_with_its_particle_after_the_speaker(text: str, words: str, speaker: str) -> None:
    quote = quotes_with_people(text, "de", [])[words]
    assert speaker_text(quote) == speaker


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("„Der Kai bleibt offen“, erläuterte Brenner.", "Der Kai bleibt offen", "Brenner"),
    ("„Wir werden ihn in ehrender Erinnerung behalten“, versprechen Bürgermeister Kahl und Stadträtin Hensel.",
     "Wir werden ihn in ehrender Erinnerung behalten", "Bürgermeister Kahl und Stadträtin Hensel"),
    ("„Wir müssen das Ergebnis erst verdauen“, sagte Fraktionschef Jonas Berger über 11,2 Prozent der Stimmen.",
     "Wir müssen das Ergebnis erst verdauen", "Fraktionschef Jonas Berger"),
    ("Es gab Kritik am Hafenplan. Dazu sagte der Minister: „Der Plan ist im Einklang mit dem Gesetz.“",
     "Der Plan ist im Einklang mit dem Gesetz.", "der Minister"),
])
def test_german_cues_read_on_real_copy(text: str, words: str, speaker: str) -> None:
    assert speaker_text(quotes_with_people(text, "de", [])[words]) == speaker


def test_a_separable_verb_without_its_particle_is_no_cue() -> None:
    text = "Der Bürgermeister führte die Gäste am Montag durch den Hafen. „Wir bauen neu“, sagte er."
    quote = quotes_with_people(text, "de", [])["Wir bauen neu"]
    assert speaker_text(quote) == "er"  # "führte … durch" is a walk, not the speech


# ---- a text cited by name and number -------------------------------------------------------------

@pytest.mark.parametrize(("text", "words", "language", "speaker"), [
    ("The mayor quoted the charter.\n\nArticle 12:3 reads: “The harbour belongs to the town.”\n\nNobody objected.",
     "The harbour belongs to the town.", "en", "Article 12:3"),
    ("Ada Quill read the law aloud. Section 4 says: “No ship may dock at night.”",
     "No ship may dock at night.", "en", "Section 4"),
    ("Le maire a cité la charte. L'article 12 dit : « Le port appartient à la ville. »",
     "Le port appartient à la ville.", "fr", "L'article 12"),
])
def test_a_cited_text_with_its_number_is_the_source(text: str, words: str, language: str, speaker: str) -> None:
    assert speaker_text(quotes_with_people(text, language, [])[words]) == speaker


def test_a_year_after_a_fronted_preposition_is_no_cited_text() -> None:
    text = "In 2019 Ada Quill said: “No ship may dock at night.”"
    assert speaker_text(quotes_with_people(text, "en", [])["No ship may dock at night."]) == "Ada Quill"


# ---- the name before a relative speaker's comma ---------------------------------------------------

@pytest.mark.parametrize(("text", "words", "language", "name"), [
    ("The plan won the support of Žarko Petrović, who told the council, “The quay will stay open.”",
     "The quay will stay open.", "en", "Žarko Petrović"),
    ("Le projet a reçu le soutien d'Łucja Wrona, qui a déclaré : « Le quai restera ouvert. »",
     "Le quai restera ouvert.", "fr", "Łucja Wrona"),
])
def test_a_relative_speaker_takes_a_whole_name_that_opens_with_any_capital(text: str, words: str,
                                                                            language: str, name: str) -> None:
    quote = quotes_with_people(text, language, [])[words]
    assert speaker_text(quote) in ("who", "qui")
    assert quote.speaker_name == name  # the first name too, though its capital is no A-Z, À-Þ or А-Я
