"""Stop 43 (issue 17 items 1, 3, the quotes43 tune half): partial quotes. An English quoted fragment in a sentence
opened by a described subject, with a who/which aside or none, after its clause cue ("A nurse on the ward, who …,
said the ward had been “…”"); a fragment that is a cue's object or complement ("described the walkout as “…”",
„sprach … von einem „…““, «describió … como una crisis “…”»); a German source before the verb with no comma
(„Laut Gutachten handelte die Firma „…““).

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_of, speaker_text


# ---- English: a described subject opening the sentence, its aside, a clause cue ---------------------------------

@pytest.mark.parametrize("text, words, speaker", [
    ("A ferry mechanic, who has serviced the boats since 2009, said the old engine had been "
     "\"held together with wire and prayer\".", "held together with wire and prayer", "A ferry mechanic"),
    ("A spokeswoman for the Orrin Valley Water Board said the repairs had come in \"well ahead of the frost\".",
     "well ahead of the frost", "A spokeswoman for the Orrin Valley Water Board"),
    ("The librarian, who asked not to be named, said the reading room was \"a waiting room with books\".",
     "a waiting room with books", "The librarian"),
])
def test_a_described_subject_speaks_the_fragment_after_its_cue(text: str, words: str, speaker: str) -> None:
    quote = quotes_of(text, "en")[words]
    assert quote.partial and speaker_text(quote) == speaker


@pytest.mark.parametrize("text, words", [
    # look-alikes that must not move: after a comma another subject may speak; an aside that is no relative
    # clause is a clause of the writer's; a fragment with no cue is a scare quote
    ("Some in the hall booted up laptops, and when Dena Ferrow said it was late, a porter shouted \"Lights out!\"",
     "Lights out!"),
    ("The figures show, he said in a phone call, that \"the ferry pays for itself\".", "the ferry pays for itself"),
    ("The new library has a \"quiet floor\" and a café.", "quiet floor"),
])
def test_other_subjects_and_scare_quotes_are_no_described_partial(text: str, words: str) -> None:
    quote = quotes_of(text, "en").get(words)
    assert quote is None or speaker_text(quote) not in ("Some in the hall", "The figures show", "The new library")


# ---- a cue's object or complement (complement_cues) ---------------------------------------------------------------

@pytest.mark.parametrize("text, language, words, speaker", [
    ("Its harbour master, Edwin Talbrook, described the closure as \"overdue and overcautious\" on Monday.",
     "en", "overdue and overcautious", "Its harbour master, Edwin Talbrook"),
    ("Staatsanwalt Jörn Melchau sprach am Rande der Sitzung von einem „Kartenhaus ohne Fundament“.",
     "de", "Kartenhaus ohne Fundament", "Staatsanwalt Jörn Melchau"),
    ("La alcaldesa, Nerea Ubillos, describió el apagón como una avería «sin precedentes en la comarca».",
     "es", "sin precedentes en la comarca", "La alcaldesa, Nerea Ubillos"),
])
def test_a_fragment_that_is_a_cues_complement_is_a_partial_quote(text: str, language: str, words: str,
                                                                  speaker: str) -> None:
    quote = quotes_of(text, language)[words]
    assert quote.partial and speaker_text(quote) == speaker


@pytest.mark.parametrize("text, language, words", [
    # look-alikes that must not move: the verb with no complement word before the fragment, and a complement
    # word with no cue
    ("Edwin Talbrook described in detail the \"Harbour Plan\" of the town.", "en", "Harbour Plan"),
    ("Der Hafen gilt als „Tor zur Welt“.", "de", "Tor zur Welt"),
    ("El puerto funciona como «puerta del norte».", "es", "puerta del norte"),
])
def test_no_complement_word_or_no_cue_gives_no_partial_quote(text: str, language: str, words: str) -> None:
    assert words not in quotes_of(text, language)



# ---- German: a source before the verb with no comma, then the fragment ----------------------------------------------

@pytest.mark.parametrize("text, words, speaker", [
    ("Laut Gutachten handelte die Firma dabei „fahrlässig und ohne jede Aufsicht“.",
     "fahrlässig und ohne jede Aufsicht", "Gutachten"),
    ("Nach Angaben von Werftchef Olaf Brinkhorst ist eine „Pause von drei Wochen unvermeidlich“.",
     "Pause von drei Wochen unvermeidlich", "Werftchef Olaf Brinkhorst"),
])
def test_a_source_before_the_verb_speaks_the_fragment(text: str, words: str, speaker: str) -> None:
    quote = quotes_of(text, "de")[words]
    assert quote.partial and speaker_text(quote) == speaker


@pytest.mark.parametrize("text, words", [
    # look-alikes that must not move: a name in title case after the source, a pronoun source
    ("Laut Fahrplan fährt der „Blaue Pfeil“ um acht Uhr.", "Blaue Pfeil"),
    ("Laut ihm war das ein „großer Fehler“.", "großer Fehler"),
])
def test_a_title_or_a_pronoun_after_laut_gives_no_partial_quote(text: str, words: str) -> None:
    assert words not in quotes_of(text, "de")
