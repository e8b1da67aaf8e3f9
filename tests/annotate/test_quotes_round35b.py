"""Stop 35, second round (issue 17 item 3): French « Il … » as the subject of the sentence before a
quote, resolved to the person who agrees with it; German fronted adverbs before an inverted cue (no
speaker), a body named by a determiner and its noun after the cue („Dazu erläuterte das Ministerium:“),
and the speaker of a verb-final „Wie X … bestätigte,“ clause for the colon of its main clause.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_of, quotes_with_people, speaker_text


# ---- French: the subject pronoun of the sentence before -------------------------------------------

def test_a_french_pronoun_subject_before_a_quote_speaks_for_the_person_who_agrees() -> None:
    text = ("Mme Claire Vidal a reçu M. Paul Kerbrat au port de Lanvéoc. Elle a quitté la réunion avant la fin. "
            "« Je ne signerai pas ce plan. »")
    quote = quotes_with_people(text, "fr", [("Claire Vidal", "per:claire-vidal"),
                                                 ("Paul Kerbrat", "per:paul-kerbrat")])["Je ne signerai pas ce plan."]
    assert speaker_text(quote) == "Elle"
    assert quote.speaker_name == "Claire Vidal"  # not the nearer man: « elle » marks the gender


def test_a_french_masculine_pronoun_before_a_quote_opening_its_paragraph() -> None:
    text = ("Paul Kerbrat a dirigé la criée de Lanvéoc pendant vingt ans. Il ne reviendra pas sur sa décision.\n"
            "« Je laisse la place aux jeunes. »")
    assert speaker_text(quotes_of(text, "fr")["Je laisse la place aux jeunes."]) == "Il"


@pytest.mark.parametrize("sentence", [
    "Il faut dire que le climat était tendu.",  # impersonal
    "Il y a eu trois réunions depuis mars.",
    "Il est difficile de la remplacer.",
    "On parle déjà de sa succession.",  # « on » marks no gender or number: no one it agrees with
])
def test_an_impersonal_or_unmarked_french_subject_gives_no_speaker(sentence: str) -> None:
    text = f"Jeanne Morvan a quitté la mairie de Lanvéoc en mars. {sentence} « Je ne voulais plus de ce poste. »"
    assert speaker_text(quotes_of(text, "fr")["Je ne voulais plus de ce poste."]) is None


def test_the_english_previous_subject_is_unchanged() -> None:
    text = "Ada Quill left the harbour office in March. She runs a cooperative now. “I did not want that post.”"
    assert speaker_text(quotes_of(text, "en")["I did not want that post."]) == "She"


# ---- German: a fronted adverb, a body after the inverted cue ---------------------------------------

@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("Der Hafen von Lindenau soll wachsen. Später sagte der Minister: „Wir bauen den Kai bis 2030 aus.“",
     "Wir bauen den Kai bis 2030 aus.", "der Minister"),
    ("Die Saison war schwierig. Dennoch betont die Trainerin: „Wir wollen jedes Spiel gewinnen.“",
     "Wir wollen jedes Spiel gewinnen.", "die Trainerin"),
    ("Die Anwendung ist umstritten. Dazu erläuterte das Ministerium: „Die Daten bleiben auf dem Telefon.“",
     "Die Daten bleiben auf dem Telefon.", "das Ministerium"),
])
def test_a_german_fronted_adverb_leaves_the_subject_after_the_cue(text: str, words: str, speaker: str) -> None:
    assert speaker_text(quotes_of(text, "de")[words]) == speaker


def test_a_german_name_before_its_cue_still_speaks_before_a_dative_noun() -> None:
    text = "Der Hafen von Lindenau soll wachsen. Brenner sagte der Zeitung: „Wir bauen den Kai bis 2030 aus.“"
    assert speaker_text(quotes_of(text, "de")["Wir bauen den Kai bis 2030 aus."]) == "Brenner"


def test_a_german_adverb_before_a_colon_alone_names_no_one() -> None:
    text = "Die Sicherheit geht vor. Allerdings: „An erster Stelle“ heißt nicht, dass alles stillsteht."
    assert "Allerdings" not in {speaker_text(quote) for quote in quotes_of(text, "de").values()}


# ---- German: the verb-final „Wie …“ clause before a colon ------------------------------------------

def test_the_wie_clause_speaker_speaks_the_quote_after_the_main_clause_colon() -> None:
    text = ("Der Verein ist zufrieden. Wie Präsident Karl Wendt am Montag im Fischer-Interview bestätigte, möchte "
            "der Verein ihn behalten: „Ich bin sicher, dass wir uns einigen.“")
    quote = quotes_of(text, "de")["Ich bin sicher, dass wir uns einigen."]
    assert speaker_text(quote) == "Präsident Karl Wendt"  # not „Fischer-Interview“ before the cue
