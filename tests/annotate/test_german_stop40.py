"""Stop 40 (issue 17, German): titles that refer back to the person named before, read in real German copy.

A compound whose last part is a person's title or role („der Hafen-Politiker“, „der Leseforscher“, „der
51-Jährige“) after a cue is a title, not a name: it refers to the person named before it, of the gender its
determiner marks („der“: a man; „die“ with a singular cue: a woman). A person the text titled with another
compound of the same title („Werft-Chef Jonas Brenner“) is not „der Hafen-Chef“; a name after the speaker's
comma that opens a clause of its own („, woraufhin Brenner …“) is no appositive. „stützt“ is a cue. English
and French stay as they were (their files list none of this).

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_with_people, speaker_text


@pytest.mark.parametrize("text, people, words, name", [
    ("Jonas Brenner leitet seit Jahren den Hafen von Kleinhafen. „Die Kräne sind zu alt“, sagte der "
     "Hafen-Politiker am Montag.", [("Jonas Brenner", "per:jb")], "Die Kräne sind zu alt", "Jonas Brenner"),
    ("Tilo Brandauer zählt seit Jahren die Vögel am See. „Es werden weniger“, sagt der Vogelforscher.",
     [("Tilo Brandauer", "per:tb")], "Es werden weniger", "Tilo Brandauer"),
    # (the determiner marks a man: the woman named nearer is not „der 51-Jährige“)
    ("Tilo Brandauer kam mit Jana Kessler an den Start. „Ich bin zufrieden“, sagte der 51-Jährige.",
     [("Tilo Brandauer", "per:tb"), ("Jana Kessler", "per:jk")], "Ich bin zufrieden", "Tilo Brandauer"),
    # (a singular cue after „die“: a woman)
    ("Jana Kessler kam mit Tilo Brandauer an den Start. „Ich bin zufrieden“, sagte die 39-Jährige.",
     [("Jana Kessler", "per:jk"), ("Tilo Brandauer", "per:tb")], "Ich bin zufrieden", "Jana Kessler"),
])
def test_a_compound_title_refers_to_the_person_named_before(text: str, people: list[tuple[str, str]],
                                                          words: str, name: str) -> None:
    assert quotes_with_people(text, "de", people)[words].speaker_name == name


def test_a_person_titled_with_another_compound_is_not_the_title_speaker() -> None:
    text = ("Auch Werft-Chef Jonas Brenner kam zum Treffen. „Wir brauchen mehr Platz“, findet der Hafen-Chef.")
    quote = quotes_with_people(text, "de", [("Jonas Brenner", "per:jb")])["Wir brauchen mehr Platz"]
    assert quote.speaker_name != "Jonas Brenner"


def test_a_name_after_a_clause_opener_is_no_appositive_of_the_speaker() -> None:
    text = ("Tilo Brandauer sprach zuerst. „Das ist doch absurd“, schimpft der Werft-Chef, "
            "woraufhin Jonas Brenner auf ein Foto zeigt.")
    people = [("Tilo Brandauer", "per:tb"), ("Jonas Brenner", "per:jb")]
    assert quotes_with_people(text, "de", people)["Das ist doch absurd"].speaker_name == "Tilo Brandauer"


def test_stuetzt_is_a_cue() -> None:
    text = "„Der Hafen ist zu klein“, stützt Jana Kessler die These von Tilo Brandauer."
    quote = quotes_with_people(text, "de", [("Jana Kessler", "per:jk"), ("Tilo Brandauer", "per:tb")])
    assert speaker_text(quote["Der Hafen ist zu klein"]) == "Jana Kessler"


def test_english_and_french_compound_roles_are_left_as_they_were() -> None:
    english = "Jonas Brenner runs the harbour. “The cranes are old,” said the harbour-politician."
    assert quotes_with_people(english, "en", [("Jonas Brenner", "per:jb")])["The cranes are old,"].speaker_name \
        != "Jonas Brenner"
    french = "Jonas Brenner dirige le port. « Les grues sont vieilles », a dit le port-politicien."
    assert quotes_with_people(french, "fr", [("Jonas Brenner", "per:jb")])["Les grues sont vieilles"].speaker_name \
        != "Jonas Brenner"


def test_the_subject_behind_a_fronted_phrase_and_its_verb_speaks_the_next_quote() -> None:
    text = "Zur neuen Werft will Jonas Brenner nichts mehr sagen. „Wir warten auf den Bericht der Stadt.“"
    quote = quotes_with_people(text, "de", [("Jonas Brenner", "per:jb")])["Wir warten auf den Bericht der Stadt."]
    assert speaker_text(quote) == "Jonas Brenner"


def test_a_name_inside_the_fronted_phrase_is_no_subject() -> None:
    # („durch“ is no verb: Jonas Brenner only warned; the sentence's subject is the harbour)
    text = "Trotz der Warnung durch Jonas Brenner blieb der Hafen offen. „Wir warten auf den Bericht der Stadt.“"
    quote = quotes_with_people(text, "de", [("Jonas Brenner", "per:jb")])["Wir warten auf den Bericht der Stadt."]
    assert speaker_text(quote) is None

