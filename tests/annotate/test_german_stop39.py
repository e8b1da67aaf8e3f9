"""Stop 39 (issue 17, German): the speaker leftovers read in real German copy.

Reported speech in the Konjunktiv I goes on with the speaker of the quote before it („„…“, sagte X. Die Stadt
habe … „…““), until a sentence of the writer's in another mood; an interview's answer, a quote paragraph
right after a question paragraph, is the interviewee's, whom the lead names; a gender marker before any
mention of a name („ihr Mann Joran“) tells the gender of a speaker that no entity covers; a noun's ending
marks a woman („Hafenmeisterin“). English and French stay as they were (their files switch none of this on).

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_of, quotes_with_people, speaker_text


# ---- reported speech goes on -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, words, speaker", [
    ("„Wir bauen die Brücke bis zum Sommer“, sagte Bürgermeisterin Jana Kessler am Montag. Die Stadt habe genug "
     "Geld dafür, und der Rat stehe hinter dem Plan. „Die Arbeiten beginnen im März.“",
     "Die Arbeiten beginnen im März.", "Bürgermeisterin Jana Kessler"),
    # (the sentence that introduces the quote reports too)
    ("Der Fluss ist zu hoch, sagte Jonas Brenner am Abend. Eine Lösung werde gesucht: „Wir warten auf den Pegel.“",
     "Wir warten auf den Pegel.", "Jonas Brenner"),
    # (across a paragraph break, over two reporting sentences)
    ("„Das Dach ist dicht“, sagte Jonas Brenner.\nEs gebe aber noch Arbeit im Keller. Das Wasser sei bis zur "
     "Treppe gestiegen. „Wir pumpen seit Tagen.“", "Wir pumpen seit Tagen.", "Jonas Brenner"),
])
def test_reported_speech_carries_the_speaker_to_the_next_quote(text: str, words: str, speaker: str) -> None:
    assert speaker_text(quotes_of(text, "de")[words]) == speaker


@pytest.mark.parametrize("text, words", [
    # (the writer's own sentence in the indicative ends the report: the quote may be anyone's)
    ("„Das Dach ist dicht“, sagte Jonas Brenner.\nDer Fluss ist seit Wochen gesperrt. „Niemand kommt mehr durch.“",
     "Niemand kommt mehr durch."),
    # (a first person's „habe“ is the writer's indicative, no report)
    ("„Das Dach ist dicht“, sagte Jonas Brenner.\nIch habe den Fluss gestern selbst gesehen. „Niemand kommt durch.“",
     "Niemand kommt durch."),
])
def test_a_sentence_that_reports_nothing_ends_the_carried_speaker(text: str, words: str) -> None:
    assert speaker_text(quotes_of(text, "de")[words]) is None


def test_english_reported_speech_is_left_as_it_was() -> None:
    text = ("“The roof is sealed,” said Jonas Brenner.\nThe river has been closed for weeks. "
            "“Nobody gets through any more.”")
    assert speaker_text(quotes_of(text, "en")["Nobody gets through any more."]) is None


def test_french_reported_speech_is_left_as_it_was() -> None:
    text = ("« Le toit est étanche », a dit Jonas Brenner.\nLa rivière serait fermée depuis des semaines. "
            "« Personne ne passe plus depuis mardi. »")
    assert speaker_text(quotes_of(text, "fr")["Personne ne passe plus depuis mardi."]) is None


# ---- interviews --------------------------------------------------------------------------------------------

INTERVIEW = ("Tilo Brandauer baut seit dreißig Jahren Boote in Kleinhafen. Wir haben ihn in seiner Werft besucht.\n"
             "Wie geht es der Werft?\n"
             "Brandauer: „Gut. Wir haben Aufträge bis zum Herbst.“\n"
             "Warum bauen Sie keine Fähren mehr?\n"
             "„Die Nachfrage fehlt seit Jahren.“\n"
             "Wussten Sie, dass es in Kleinhafen noch andere Werften gab?\n"
             "„Das hat mich nicht überrascht.“")


def test_an_answer_after_a_question_paragraph_is_the_interviewees() -> None:
    quotes = quotes_with_people(INTERVIEW, "de", [("Tilo Brandauer", "per:tb")])
    assert quotes["Die Nachfrage fehlt seit Jahren."].speaker_name == "Tilo Brandauer"
    assert speaker_text(quotes["Die Nachfrage fehlt seit Jahren."]) == "Tilo Brandauer"  # as the lead names him


def test_a_question_names_no_speaker_of_its_answer() -> None:
    quotes = quotes_with_people(INTERVIEW, "de", [("Tilo Brandauer", "per:tb")])
    assert quotes["Das hat mich nicht überrascht."].speaker_name == "Tilo Brandauer"


def test_a_quote_after_a_statement_paragraph_is_no_answer() -> None:
    text = ("Tilo Brandauer baut Boote in Kleinhafen.\nBrandauer: „Gut. Wir haben Aufträge.“\n"
            "Die Werft liegt am alten Kanal.\n„Das Wasser ist hier ruhig und tief genug.“")
    assert speaker_text(quotes_of(text, "de")["Das Wasser ist hier ruhig und tief genug."]) is None


# ---- gender -------------------------------------------------------------------------------------------------

def test_a_marker_before_another_mention_gives_a_speakers_gender() -> None:
    # (neither given name is one the name lists know: only „ihrem Mann Quirin“ tells that Quirin is a man)
    text = ("Ysolde Tollnitz lebt mit ihrem Mann Quirin in Kleinhafen. „Das Boot ist fertig“, schrieb Quirin am Abend.\n"
            "Am Morgen lag es im Wasser. „Wir fahren morgen los“, erzählt sie.")
    quotes = quotes_with_people(text, "de", [("Ysolde Tollnitz", "per:yt")])
    assert quotes["Wir fahren morgen los"].speaker_name == "Ysolde Tollnitz"


def test_a_nouns_ending_marks_a_woman() -> None:
    # (no list holds „Hafenmeisterin“; the nearer Tjark Olm is of no gender the text shows)
    text = "Hafenmeisterin Quenda Strand sprach lange mit Tjark Olm. „Die Flut kommt heute früher“, sagte sie."
    quotes = quotes_with_people(text, "de", [("Quenda Strand", "per:qs"), ("Tjark Olm", "per:to")])
    assert quotes["Die Flut kommt heute früher"].speaker_name == "Quenda Strand"


# ---- captions -------------------------------------------------------------------------------------------------

def test_a_caption_line_names_the_speaker_of_its_quote() -> None:
    text = ("Die Werft steht still.\n\n„Wir haben keine Aufträge mehr. Die Halle bleibt zu.“ Tilo Brandauer, Bootsbauer, "
            "Kleinhafen\n\nDer Hafen ist leer.")
    assert speaker_text(quotes_of(text, "de")["Wir haben keine Aufträge mehr. Die Halle bleibt zu."]) == "Tilo Brandauer"


def test_a_name_that_goes_on_with_its_verb_is_the_cues_subject_not_a_caption() -> None:
    text = ("Die Werft steht still.\n\n„Wir haben keine Aufträge mehr. Die Halle bleibt zu.“ Tilo Brandauer, der "
            "Bootsbauer, erzählt das seit Jahren jedem.\n\nDer Hafen ist leer.")
    quote = quotes_of(text, "de")["Wir haben keine Aufträge mehr. Die Halle bleibt zu."]
    assert (speaker_text(quote), quote.cue) == ("Tilo Brandauer", "erzählt")
