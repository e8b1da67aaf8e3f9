"""Stop 31, second round (issue 17 item 3): German „ließ“ and cue-less noun speakers, English
names after "called", French « Pour l'heure, « … », a déclaré X. ».

All texts here were written for these tests.
"""

from __future__ import annotations

from quote_inputs import quotes_of


def _speaker(text: str, words: str, language: str) -> str | None:
    quote = quotes_of(text, language)[words]
    return quote.speaker.text if quote.speaker else None


def test_german_lies_with_a_verb_of_telling_is_a_cue() -> None:
    assert _speaker("„Wir prüfen den Antrag“, ließ Ada Quill auf X wissen.", "Wir prüfen den Antrag", "de") == "Ada Quill"
    assert _speaker("Ada Quill ließ über ihren Sprecher mitteilen: „Wir prüfen den Antrag.“",
                    "Wir prüfen den Antrag.", "de") == "Ada Quill"


def test_german_lies_without_one_is_no_cue() -> None:
    text = "„Das war wirklich sehr knapp heute“, ließ der Trainer die Reporter stehen."
    assert _speaker(text, "Das war wirklich sehr knapp heute", "de") is None


def test_german_noun_before_a_colon_is_no_speaker() -> None:
    text = "Die Stimmung ließ sich so zusammenfassen: „Wir sind müde und wollen nach Hause.“"
    assert _speaker(text, "Wir sind müde und wollen nach Hause.", "de") is None


def test_german_person_or_body_noun_before_a_colon_speaks() -> None:
    assert _speaker("Die Polizeisprecherin blieb knapp: „Wir ermitteln.“", "Wir ermitteln.", "de") is not None
    assert _speaker("Die Landesregierung in Millbrook hält fest: „Wir ermitteln.“", "Wir ermitteln.", "de") == "Landesregierung"


def test_english_quote_after_a_noun_and_called_is_a_name() -> None:
    text = 'The Millbrook Township has started a new recycling campaign called "Sort It Out." The effort runs all spring.'
    assert "Sort It Out." not in quotes_of(text, "en")


def test_english_speaker_and_called_still_speaks() -> None:
    assert _speaker('Mayor Jo Lee called "This is a disgrace." She left.', "This is a disgrace.", "en") == "Mayor Jo Lee"
    assert _speaker('"We will win Iowa," the Quill campaign said.', "We will win Iowa,", "en") == "the Quill campaign"


def test_french_opener_then_quote_attributed_after() -> None:
    text = "Pour l'heure, « rien n'est décidé », a déclaré Ada Quill."
    assert _speaker(text, "rien n'est décidé", "fr") == "Ada Quill"


def test_french_opener_quote_without_attribution_stays_out() -> None:
    assert quotes_of("Pour l'heure, « rien n'est décidé ». La mairie attend.", "fr") == {}
    text = "Pour la syndicaliste, « rien n'est décidé »."
    assert _speaker(text, "rien n'est décidé", "fr") == "la syndicaliste"
