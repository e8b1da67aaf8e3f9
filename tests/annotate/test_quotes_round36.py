"""Stop 36 (issue 17 item 3: speaker pronouns resolved with gender and number): German „sie“ is she
or they by its cue's number („…“, sagte sie / sagten sie), and a name inside another person's
description ("Jo Ash, a neighbour of Tom Lee,") is no antecedent of the pronoun that follows.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_with_people, speaker_text

GERMAN_PEOPLE = [("Hanna Vogt", "per:hanna-vogt"), ("Bernd Kuhl", "per:bernd-kuhl")]


# ---- German: „sie“ by the cue's number ---------------------------------------------------------------

@pytest.mark.parametrize("attribution", ["erinnert sie sich", "sagte sie", "fügte sie hinzu"])
def test_a_german_sie_with_a_singular_cue_is_the_woman_not_the_nearer_man(attribution: str) -> None:
    text = (f"Frau Hanna Vogt leitet die Fähre nach Kellum. Am Montag traf sie Herrn Bernd Kuhl am Hafen. "
            f"„Es war ein langer Tag“, {attribution}.")
    quote = quotes_with_people(text, "de", GERMAN_PEOPLE)["Es war ein langer Tag"]
    assert speaker_text(quote) == "sie"
    assert quote.speaker_name == "Hanna Vogt"


def test_a_german_sie_with_a_plural_cue_is_a_group_and_names_no_one() -> None:
    text = ("Frau Hanna Vogt und Herr Bernd Kuhl leiten die Fähre nach Kellum. "
            "„Wir fahren auch im Winter“, sagten sie.")
    quote = quotes_with_people(text, "de", GERMAN_PEOPLE)["Wir fahren auch im Winter"]
    assert speaker_text(quote) == "sie"
    assert quote.speaker_name is None


def test_a_german_er_is_unchanged_by_the_cue_number() -> None:
    text = ("Frau Hanna Vogt traf Herrn Bernd Kuhl am Hafen von Kellum. "
            "„Die Fähre fährt wieder“, sagte er.")
    assert quotes_with_people(text, "de", GERMAN_PEOPLE)["Die Fähre fährt wieder"].speaker_name == "Bernd Kuhl"


# ---- a name inside another person's description ------------------------------------------------------

@pytest.mark.parametrize("language, text, words, speaker", [
    ("en", "Mike Dorran, a neighbour of Tom Briar, stood by the fence in Alderholt. “It’s freezing here,” he said.",
     "It’s freezing here,", "Mike Dorran"),
    ("en", "Ada Vell, who coaches the team of Lena Hart in Alderholt, was calm. “We will win,” she said.",
     "We will win,", "Ada Vell"),
    ("fr", "Marc Lebrun, voisin de Paul Vidal, attendait devant la mairie de Kerlouan. « Il fait froid ici », a-t-il dit.",
     "Il fait froid ici", "Marc Lebrun"),
    ("de", "Herr Bernd Kuhl, ein Nachbar von Herrn Jonas Ebert, wartete am Hafen. „Es ist kalt hier“, sagte er.",
     "Es ist kalt hier", "Bernd Kuhl"),
])
def test_a_pronoun_refers_to_the_subject_not_to_a_name_in_its_description(
        language: str, text: str, words: str, speaker: str) -> None:
    people = [("Mike Dorran", "m"), ("Tom Briar", "t"), ("Ada Vell", "a"), ("Lena Hart", "l"),
              ("Marc Lebrun", "ml"), ("Paul Vidal", "pv"), ("Bernd Kuhl", "bk"), ("Jonas Ebert", "je")]
    assert quotes_with_people(text, language, people)[words].speaker_name == speaker


@pytest.mark.parametrize("language, text, words, speaker", [
    # a name in a sentence of its own after the described subject is the nearer antecedent
    ("en", "Mike Dorran, a neighbour, stood by the fence. Tom Briar came later. “It’s freezing here,” he said.",
     "It’s freezing here,", "Tom Briar"),
    ("fr", "Marc Lebrun, voisin de la mairie, attendait. Paul Vidal est arrivé ensuite. « Il fait froid ici », a-t-il dit.",
     "Il fait froid ici", "Paul Vidal"),
])
def test_a_later_name_outside_the_description_still_wins(language: str, text: str, words: str, speaker: str) -> None:
    people = [("Mike Dorran", "m"), ("Tom Briar", "t"), ("Marc Lebrun", "ml"), ("Paul Vidal", "pv")]
    assert quotes_with_people(text, language, people)[words].speaker_name == speaker


# ---- German: fronted stop words and a fronted clause before the cue -----------------------------------

@pytest.mark.parametrize("sentence, speaker", [
    ("Danach sagte der Minister: „Die Brücke wird gebaut.“", "der Minister"),
    ("Trotzdem erklärte Bürgermeisterin Hanna Vogt: „Die Brücke wird gebaut.“", "Bürgermeisterin Hanna Vogt"),
    # a surname that is also a stop word stays a name
    ("Kurz sagte: „Die Brücke wird gebaut.“", "Kurz"),
])
def test_a_german_stop_word_opening_the_sentence_is_no_speaker(sentence: str, speaker: str) -> None:
    text = f"Im Rat von Kellum gab es lange Streit. {sentence}"
    assert speaker_text(quotes_with_people(text, "de", [])["Die Brücke wird gebaut."]) == speaker


def test_a_german_stop_word_before_a_colon_leaves_the_quote_to_the_cue_after_it() -> None:
    text = ("Die Fähre nach Kellum fährt seltener. Durch das Wetter am Hafen lässt sich das erklären: "
            "„Der Wind ist zu stark“, erklärt Vogt.")
    assert speaker_text(quotes_with_people(text, "de", [])["Der Wind ist zu stark"]) == "Vogt"


@pytest.mark.parametrize("sentence, speaker", [
    ("Wie die Polizei mitteilte, sagte der Fahrer: „Ich habe das Kind nicht gesehen.“", "der Fahrer"),
    ("Bevor er nach Kellum fuhr, schrieb Jonas Ebert seiner Tochter: „Ich habe das Kind nicht gesehen.“", "Jonas Ebert"),
    # the subject and its appositive before the cue: the inverted reading does not apply
    ("Der Fahrer, Jonas Ebert, kritisierte das Verhalten am Montag scharf: „Ich habe das Kind nicht gesehen.“",
     "Der Fahrer, Jonas Ebert"),
])
def test_a_fronted_german_clause_leaves_the_quote_to_the_main_clause_subject(sentence: str, speaker: str) -> None:
    text = f"Am Hafen von Kellum gab es einen Unfall. {sentence}"
    assert speaker_text(quotes_with_people(text, "de", [])["Ich habe das Kind nicht gesehen."]) == speaker
