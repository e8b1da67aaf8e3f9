"""Stop 37 (issue 17 item 3): a pronoun speaker is the subject of the sentence before, where the parse
shows it, not a nearer name in that sentence's object or subordinate clause, nor a person the text
marked with the pronoun's gender before that subject; of two people of one surname a bare surname is
the nearer one; a German fronted word that the lexicon knows lower-case only is no speaker („Inzwischen sagte der Minister:“); a document's author speaks the words the document is
cited for („ein Schreiben der Hafenbehörde, in dem es hieß:“).

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_of, quotes_with_people, speaker_text

PEOPLE = [("Mike Dorran", "per:mike-dorran"), ("Tom Briar", "per:tom-briar"), ("Paul Garnier", "per:paul-garnier"),
          ("Louis Perrin", "per:louis-perrin"), ("Ada Vell", "per:ada-vell"), ("Lena Hart", "per:lena-hart"),
          ("Jo Ash", "per:jo-ash"), ("Claire Roux", "per:claire-roux"), ("Camille Petit", "per:camille-petit")]


# ---- the subject of the sentence before ---------------------------------------------------------------

@pytest.mark.parametrize("language, text, words, speaker", [
    ("en", "Mike Dorran criticised the plan that Tom Briar drew up for Alderholt. “It will not work,” he said.",
     "It will not work,", "Mike Dorran"),
    ("en", "Ada Vell met Lena Hart at the harbour of Alderholt on Monday. “The ferry must run,” she said.",
     "The ferry must run,", "Ada Vell"),
    ("fr", "Paul Garnier a critiqué samedi le projet de Louis Perrin devant les élus de Kerlouan. "
           "« Ce plan ne tient pas », a-t-il lâché.", "Ce plan ne tient pas", "Paul Garnier"),
    ("fr", "Paul Garnier a rencontré Louis Perrin à Kerlouan. « Le bac doit repartir », a-t-il dit.",
     "Le bac doit repartir", "Paul Garnier"),
    # the subject of the sentence before beats a person the text marks with the pronoun's gender earlier
    ("en", "Mrs. Ada Vell chairs the harbour board in Alderholt. Jo Ash resigned from the board on Monday. "
           "“I have had enough,” she said.", "I have had enough,", "Jo Ash"),
    ("fr", "Mme Claire Roux préside le port de Kerlouan. Camille Petit a quitté le conseil lundi. "
           "« J'en ai assez », a-t-elle déclaré.", "J'en ai assez", "Camille Petit"),
    # (stop 38) a verbless sentence of the writer's between: its name is no antecedent
    ("en", "Mike Dorran attacked the council in Alderholt on Monday. A broadside against the harbour plan of "
           "Tom Briar. “It will not work,” he said.", "It will not work,", "Mike Dorran"),
    ("fr", "Paul Garnier a attaqué le conseil de Kerlouan lundi. Une charge dirigée contre le projet de "
           "Louis Perrin. « Ce plan ne tient pas », a-t-il lâché.", "Ce plan ne tient pas", "Paul Garnier"),
    ("fr", "Paul Garnier a parlé aux élus de Kerlouan lundi. Pas un mot sur le bac de Louis Perrin. "
           "« Ce plan ne tient pas », a-t-il lâché.", "Ce plan ne tient pas", "Paul Garnier"),
])
def test_a_pronoun_refers_to_the_previous_sentence_s_subject_not_to_a_nearer_object(
        language: str, text: str, words: str, speaker: str) -> None:
    quote = quotes_with_people(text, language, PEOPLE, parse=True)[words]
    assert quote.speaker is not None and quote.speaker.text.lower() in ("he", "she", "il", "elle")
    assert quote.speaker_name == speaker


@pytest.mark.parametrize("language, text, words", [
    ("en", "Mike Dorran thanked Tom Briar on Monday. He then left the hall in Alderholt. “It will not work,” he said.",
     "It will not work,"),
    ("fr", "Paul Garnier a remercié Louis Perrin lundi. Il a ensuite quitté la salle de Kerlouan. "
           "« Ce plan ne tient pas », a-t-il dit.", "Ce plan ne tient pas"),
])
def test_a_chain_of_subject_pronouns_leads_back_to_the_named_subject(language: str, text: str, words: str) -> None:
    speaker = "Mike Dorran" if language == "en" else "Paul Garnier"
    assert quotes_with_people(text, language, PEOPLE, parse=True)[words].speaker_name == speaker


def test_the_subject_of_the_last_main_clause_wins() -> None:
    text = ("Tom Briar lost the final in Alderholt on Sunday, and coach Mike Dorran was angry. "
            "“We played badly,” he said.")
    assert quotes_with_people(text, "en", PEOPLE, parse=True)["We played badly,"].speaker_name == "Mike Dorran"


@pytest.mark.parametrize("language, text, words, speaker", [
    # a subject that names no one: the nearest person, as before
    ("en", "The council heard Tom Briar on Monday in Alderholt. “It will not work,” he said.",
     "It will not work,", "Tom Briar"),
    ("fr", "Le conseil a entendu Louis Perrin lundi à Kerlouan. « Ce plan ne tient pas », a-t-il dit.",
     "Ce plan ne tient pas", "Louis Perrin"),
    # a pronoun subject after the name refers to that name, not to someone before the sentence
    ("en", "Ada Vell spoke first. Afterwards, coach Mike Dorran watched the tape, and to his surprise he saw gaps. "
           "“We can do better,” he said.", "We can do better,", "Mike Dorran"),
])
def test_the_nearest_person_stays_where_the_subject_names_no_one_else(
        language: str, text: str, words: str, speaker: str) -> None:
    assert quotes_with_people(text, language, PEOPLE, parse=True)[words].speaker_name == speaker


# ---- two people of one surname ------------------------------------------------------------------------

@pytest.mark.parametrize("language, text, words, speaker", [
    ("en", "Ann Corrigan chairs the harbour board in Alderholt. Her brother Joe Corrigan runs the ferry. "
           "“The boat is old,” Corrigan said.", "The boat is old,", "Joe Corrigan"),
    ("fr", "Marie Garnier préside le port de Kerlouan. Son frère Luc Garnier pilote le bac. "
           "« Le bateau est vieux », a dit Garnier.", "Le bateau est vieux", "Luc Garnier"),
])
def test_a_bare_surname_takes_the_nearer_of_two_full_names(language: str, text: str, words: str, speaker: str) -> None:
    people = [("Ann Corrigan", "per:ann-corrigan"), ("Joe Corrigan", "per:joe-corrigan"),
              ("Marie Garnier", "per:marie-garnier"), ("Luc Garnier", "per:luc-garnier")]
    quote = quotes_with_people(text, language, people)[words]
    assert speaker_text(quote) == ("Garnier" if language == "fr" else "Corrigan")
    assert quote.speaker_name == speaker


# ---- German fronted words ------------------------------------------------------------------------------

@pytest.mark.parametrize("opener", ["Inzwischen", "Anschließend", "Ebenfalls"])
def test_a_german_fronted_adverb_is_no_speaker(opener: str) -> None:
    text = (f"Die Fähre nach Kellum fährt wieder. {opener} sagte der Bürgermeister: "
            "„Wir sind froh über die neue Fähre.“")
    assert speaker_text(quotes_of(text, "de")["Wir sind froh über die neue Fähre."]) == "der Bürgermeister"


@pytest.mark.parametrize("name", ["Vogt", "Kellner"])
def test_a_german_surname_before_its_cue_stays_the_speaker(name: str) -> None:
    # "Kellner" is also a noun: the lexicon knows it capitalised, so it may be a name
    text = f"Die Fähre nach Kellum fährt wieder. {name} sagte dazu: „Wir sind froh über die neue Fähre.“"
    assert speaker_text(quotes_of(text, "de")["Wir sind froh über die neue Fähre."]) == name


# ---- a document's author -------------------------------------------------------------------------------

@pytest.mark.parametrize("language, text, words, speaker", [
    ("de", "Die Fähre nach Kellum fährt wieder. Zuvor erreichte die Gemeinde ein Schreiben der Hafenbehörde, "
           "in dem es hieß: „Die Fähre bleibt im Winter im Hafen.“", "Die Fähre bleibt im Winter im Hafen.",
     "Hafenbehörde"),
    ("de", "Am Montag bekam der Stadtrat einen Brief von Bürgermeisterin Jana Keller, in dem es hieß: "
           "„Die Fähre bleibt im Winter im Hafen.“", "Die Fähre bleibt im Winter im Hafen.",
     "Bürgermeisterin Jana Keller"),
    ("en", "On Monday the council received a letter from Mayor Jo Ash, which read: “The ferry stays in port this winter.”",
     "The ferry stays in port this winter.", "Mayor Jo Ash"),
    ("fr", "Lundi, les élus ont reçu une lettre du maire Paul Roux, dans laquelle on pouvait lire : "
           "« Le bac reste au port cet hiver. »", "Le bac reste au port cet hiver.", "maire Paul Roux"),
])
def test_a_document_s_author_speaks_what_it_is_cited_for(language: str, text: str, words: str, speaker: str) -> None:
    assert speaker_text(quotes_of(text, language)[words]) == speaker


def test_a_document_without_an_author_names_no_one() -> None:
    text = "The singer answered a fan’s tweet which read: “The ferry stays in port this winter.”"
    assert speaker_text(quotes_of(text, "en")["The ferry stays in port this winter."]) is None


def test_a_document_s_citing_clause_is_no_part_of_its_author_s_description() -> None:
    text = ("Die Fähre nach Kellum fährt wieder. Zuvor erreichte die Gemeinde ein Schreiben der Hafenbehörde, "
            "in dem es hieß: „Die Fähre bleibt im Winter im Hafen.“")
    quote = quotes_of(text, "de")["Die Fähre bleibt im Winter im Hafen."]
    assert quote.speaker_description is None or "hieß" not in quote.speaker_description.text
