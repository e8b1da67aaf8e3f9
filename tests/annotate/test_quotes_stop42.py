"""Stop 42 (issue 17 item 3, the quotes42 tune half): a German colon introduction with no cue whose
"speaker" stands right after a preposition („Im Ort kursiert ein Satz: „…““) names no one, the
preposition's object being a place or an occasion; an English pronoun speaker right after a sentence
whose speech verb's subject brings someone new in with an indefinite article ("A spokeswoman for …
said …. “…,” she said.") is that described person's, not the person named before.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_of, quotes_with_people, speaker_text


# ---- German: the object of a preposition before a cue-less colon introduction ----------------------------------

@pytest.mark.parametrize("text, words", [
    ("Die Pumpen liefen die ganze Nacht. Im Dorf kursiert seit dem Morgen ein Satz, der an vielen Türen "
     "zu lesen ist: „Der Bach war schneller als die Sirene.“", "Der Bach war schneller als die Sirene."),
    ("Auf der Kundgebung in Wessenbrück fielen Sätze wie diese: „Wir lassen uns das Tal nicht nehmen.“",
     "Wir lassen uns das Tal nicht nehmen."),
])
def test_a_preposition_object_before_a_colon_speaks_no_quote(text: str, words: str) -> None:
    quote = quotes_of(text, "de")[words]
    assert speaker_text(quote) is None and quote.speaker_name is None


@pytest.mark.parametrize("text, words, speaker", [
    # the look-alikes that must not move: a cue keeps the source after its preposition, and a subject
    # that opens the sentence with no preposition still speaks
    ("Im Gutachten der Kreisverwaltung heißt es: „Die Brücke ist nicht mehr sicher.“",
     "Die Brücke ist nicht mehr sicher.", "Gutachten der Kreisverwaltung"),
    ("Die Bürgermeisterin Anke Wollmar sagte: „Wir bleiben hier.“", "Wir bleiben hier.",
     "Die Bürgermeisterin Anke Wollmar"),
])
def test_a_cue_or_a_plain_subject_still_names_the_source(text: str, words: str, speaker: str) -> None:
    assert speaker_text(quotes_of(text, "de")[words]) == speaker


# ---- English: a pronoun after an indefinite described speaker ---------------------------------------------------

DESCRIBED = ("“We will run the buses from May,” said Councillor Ilse Varnock. A spokeswoman for Tollbridge Coaches "
             "said drivers had been hired. “We are ready for the first night,” she said.")


def test_a_pronoun_after_an_indefinite_speaker_is_that_speaker() -> None:
    quotes = quotes_with_people(DESCRIBED, "en", [("Ilse Varnock", "per:ilse-varnock")], parse=True)
    assert quotes["We are ready for the first night,"].speaker_name == "A spokeswoman for Tollbridge Coaches"


def test_a_named_subject_before_the_pronoun_still_speaks() -> None:
    # the look-alike that must not move: the sentence before names its subject
    text = DESCRIBED.replace("A spokeswoman for Tollbridge Coaches", "Ilse Varnock")
    quotes = quotes_with_people(text, "en", [("Ilse Varnock", "per:ilse-varnock")], parse=True)
    assert quotes["We are ready for the first night,"].speaker_name == "Ilse Varnock"


def test_an_indefinite_subject_of_another_verb_takes_no_pronoun() -> None:
    # a thing brought in by a verb that is no cue ("A new depot was built") is no one who spoke
    text = DESCRIBED.replace("A spokeswoman for Tollbridge Coaches said drivers had been hired",
                             "A new depot was built near the station")
    quotes = quotes_with_people(text, "en", [("Ilse Varnock", "per:ilse-varnock")], parse=True)
    assert quotes["We are ready for the first night,"].speaker_name == "Ilse Varnock"
