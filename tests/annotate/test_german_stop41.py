"""Stop 41 (issue 17, German): the speaker leftovers read in real German copy.

A sentence with no finite verb („Auf Augenhöhe und ohne Vorbedingungen.“) goes on with the reported speech it
stands in, so the quote after it is still the reporting speaker's; „der CEO“, „der Papst“, „der Hafen-Boss“ are
titles that refer back to the person named before; a title compound whose determiner a sentence's capital cut
off („Der Werftchef räumte ein:“) is a title, not a name; „beim …“ and „seinem …“ after the speaker end the
speaker's words; „bin“ joins a name („Karim bin Tarek“), so „er“ resolves to it; quoted capitalised words
(„Kleinhafener Bote“) are a name, no partial quote. English and French stay as they were (their files switch
none of this on).

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_after_entities, quotes_of, quotes_with_people, speaker_text


# ---- a verbless sentence inside reported speech ----------------------------------------------------------

def test_a_verbless_sentence_goes_on_with_the_reported_speech() -> None:
    text = ("„Wir streiken ab Montag“, sagte Jana Kessler am Hafen. Man wolle mit der Werft endlich reden. "
            "Auf Augenhöhe und ohne Vorbedingungen. Das vermisse man seit Monaten. „Wir warten auf ein Angebot.“")
    assert speaker_text(quotes_of(text, "de")["Wir warten auf ein Angebot."]) == "Jana Kessler"


def test_a_sentence_of_the_writers_with_a_finite_verb_still_ends_the_report() -> None:
    text = ("„Wir streiken ab Montag“, sagte Jana Kessler am Hafen. Man wolle mit der Werft endlich reden. "
            "Die Werft schweigt seit Monaten. „Wir warten auf ein Angebot.“")
    assert speaker_text(quotes_of(text, "de")["Wir warten auf ein Angebot."]) is None


def test_verbless_sentences_alone_carry_no_speaker() -> None:
    text = ("„Wir streiken ab Montag“, sagte Jana Kessler am Hafen.\nAuf Augenhöhe und ohne Vorbedingungen. "
            "„Wir warten auf ein Angebot.“")
    assert speaker_text(quotes_of(text, "de")["Wir warten auf ein Angebot."]) is None


# ---- titles ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("„Wir haben volle Bücher“, sagte Werftchef Jonas Brenner am Dienstag. „Das gab es nie“, so der CEO.",
     "Das gab es nie"),
    ("Papst Jonas Brenner sprach am Sonntag in Kleinhafen. „Geduld ist Liebe“, sagte der Papst beim Gebet.",
     "Geduld ist Liebe"),
    ("Jonas Brenner führt die Werft seit Jahren. „Der Hafen muss die Spitze sein“, betonte der Werft-Boss "
     "seinem Redetext zufolge.", "Der Hafen muss die Spitze sein"),
    ("Jonas Brenner führt die Werft seit Jahren. Die Kritik war scharf. Der Werftchef räumte ein: "
     "„Wir müssen reden.“", "Wir müssen reden."),
])
def test_a_title_refers_to_the_person_named_before(text: str, words: str) -> None:
    assert quotes_with_people(text, "de", [("Jonas Brenner", "per:jb")])[words].speaker_name == "Jonas Brenner"


def test_beim_ends_the_speakers_words() -> None:
    text = "„Regel ist Regel“, sagte Brenner beim Saisonauftakt in Kleinhafen."
    assert speaker_text(quotes_of(text, "de")["Regel ist Regel"]) == "Brenner"


def test_english_and_french_titles_are_left_as_they_were() -> None:
    english = "Jonas Brenner runs the yard. “We have full books,” said the yard-boss."
    assert quotes_with_people(english, "en", [("Jonas Brenner", "per:jb")])["We have full books,"].speaker_name \
        != "Jonas Brenner"
    french = "Jonas Brenner dirige le chantier. « Nous avons du travail », a dit le chantier-boss."
    assert quotes_with_people(french, "fr", [("Jonas Brenner", "per:jb")])["Nous avons du travail"].speaker_name \
        != "Jonas Brenner"


# ---- names -----------------------------------------------------------------------------------------------

def test_bin_joins_a_name_that_a_pronoun_then_resolves_to() -> None:
    text = ("Um seine Botschaft zu unterstreichen, wechselte Karim bin Tarek, Hafenminister von Kleinhafen, ins "
            "Englische: „Der Tag wird kommen“, sagt er.")
    assert quotes_after_entities(text, "de")["Der Tag wird kommen"].speaker_name == "Karim bin Tarek"


def test_the_verb_bin_joins_no_name() -> None:
    text = "Ich bin Kapitän und fahre seit Jahren nach Kleinhafen. „Das Meer ist ruhig“, sagt Jonas Brenner."
    assert quotes_after_entities(text, "de")["Das Meer ist ruhig"].speaker_name == "Jonas Brenner"


def test_quoted_capitalised_words_are_a_name_not_a_partial_quote() -> None:
    text = ("Wie der Sender berichtete, hat Jonas Brenner, Chefredakteur des „Kleinhafener Bote“, seinen Rücktritt "
            "eingereicht.")
    assert "Kleinhafener Bote" not in quotes_of(text, "de")
