"""Stop 39 (issue 17 item 3, English and French real copy): a person who only modifies or complements the
noun heading a speaker mention does not speak; adverbs and auxiliaries at a speaker's edge are no part of
it; a passive before a cue names no speaker; whom the words were told to is no part of what was said; in
French, whom the words were said to may sit between an inverted cue and its subject, and an incise with a
named subject may stand inside the marks.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_of, quotes_with_people, speaker_text

PEOPLE = [("Omar Vance", "per:omar-vance"), ("Vance", "per:omar-vance"), ("Tilda Marsh", "per:tilda-marsh"),
          ("Brennan", "per:kit-brennan"), ("Ada Quill", "per:ada-quill"), ("Paul Morin", "per:paul-morin"),
          ("Jean Dufour", "per:jean-dufour"), ("Olaf Brenner", "per:olaf-brenner"), ("Ana Roe", "per:ana-roe")]


# ---- the person a speaker mention only names -------------------------------------------------------------

@pytest.mark.parametrize("language, text, words, speaker", [
    ("en", "Omar Vance met the council in Alderholt. Vance's allies said they wanted a new vote on the harbour.",
     "they wanted a new vote on the harbour", "Vance's allies"),
    ("en", "Ada Quill toured the flooded valley. A spokeswoman for Governor Ada Quill said the road would reopen "
           "next week.", "the road would reopen next week", "A spokeswoman for Governor Ada Quill"),
    ("fr", "Paul Morin a visité Villeneuve. La route restera fermée jusqu'à lundi, selon un assistant de Paul Morin.",
     "La route restera fermée jusqu'à lundi", "un assistant de Paul Morin"),
    ("fr", "L'entourage de Jean Dufour explique que « toutes les options sont ouvertes » à Villeneuve.",
     "toutes les options sont ouvertes", "L'entourage de Jean Dufour"),
    ("fr", "Le principal rival du Premier ministre Jean Dufour a déclaré qu'il était d'accord avec un petit parti.",
     "il était d'accord avec un petit parti", "Le principal rival du Premier ministre Jean Dufour"),
])
def test_a_person_who_only_complements_or_modifies_the_mention_does_not_speak(
        language: str, text: str, words: str, speaker: str) -> None:
    quote = quotes_with_people(text, language, PEOPLE)[words]
    assert (quote.speaker_name, quote.speaker_entity_id) == (speaker, None)


@pytest.mark.parametrize("language, text, words, speaker", [
    ("en", "Brennan campaign adviser Tilda Marsh said the count in Alderholt was close.",
     "the count in Alderholt was close", "Tilda Marsh"),
    ("en", "The mayor of Leeds Ana Roe said the ferry would run again.", "the ferry would run again", "Ana Roe"),
    ("fr", "Selon le ministre des Finances Olaf Brenner, les aides seront versées en mai.",
     "les aides seront versées en mai", "Olaf Brenner"),
])
def test_the_name_that_heads_a_mention_speaks(language: str, text: str, words: str, speaker: str) -> None:
    assert quotes_with_people(text, language, PEOPLE)[words].speaker_name == speaker


# ---- adverbs and auxiliaries at a speaker's edge ----------------------------------------------------------

@pytest.mark.parametrize("language, text, words, speaker", [
    ("en", "Harbour analysts have said the bridge at Alderholt will close soon.",
     "the bridge at Alderholt will close soon", "Harbour analysts"),
    ("en", "The ferry stopped twice. She also said her dog was tired of the crossing.",
     "her dog was tired of the crossing", "She"),
    ("fr", "« Je ne parle pas comme toi », a répondu brusquement Paul Morin lors d'un discours.",
     "Je ne parle pas comme toi", "Paul Morin"),
    ("fr", "D'après le journal toutefois, un report des élections serait à l'étude à Villeneuve.",
     "un report des élections serait à l'étude à Villeneuve", "le journal"),
])
def test_edge_words_are_no_part_of_the_speaker(language: str, text: str, words: str, speaker: str) -> None:
    assert speaker_text(quotes_of(text, language)[words]) == speaker


@pytest.mark.parametrize("text", [
    "Omar Vance was annoyed about a pushchair left in the station, a court was told.",
    "Thousands of walkers have been told to leave the valley as the fires spread.",
])
def test_a_passive_before_the_cue_names_no_speaker(text: str) -> None:
    assert not [q for q in quotes_of(text, "en").values() if q.speaker is not None]


# ---- whom the words were told to -----------------------------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("Tilda Marsh told the Harbour Gazette that other ferries would follow the plan.",
     "other ferries would follow the plan"),
    ("Marsh told reporters she would resign before the summer.", "she would resign before the summer"),
    ("Marsh told a news conference that she would stay in office.", "she would stay in office"),
])
def test_the_addressee_of_told_is_no_part_of_the_content(text: str, words: str) -> None:
    assert words in quotes_of(text, "en")


@pytest.mark.parametrize("text", [
    "The guard pulled back his hand and told her to let go of the gate.",
    "“We are done here,” Tilda Marsh told Rest of World.",
    "“It is over,” Marsh told Channel 4 Evening News.",
])
def test_an_order_or_an_addressee_alone_is_no_reported_speech(text: str) -> None:
    assert not [q for q in quotes_of(text, "en").values() if not q.direct]


# ---- French: whom it was said to after the cue; an incise inside the marks --------------------------------

@pytest.mark.parametrize("text, words, speaker", [
    ("« Trente personnes ont été blessées », a déclaré à la chaîne le chef des secours du pays, Paul Morin.",
     "Trente personnes ont été blessées", "Paul Morin"),
    ("Paul Morin a démissionné. « Nous voulons de nouvelles élections », a déclaré aux journalistes Morin, "
     "du parti libéral.",
     "Nous voulons de nouvelles élections", "Paul Morin"),
])
def test_whom_it_was_said_to_sits_between_cue_and_speaker(text: str, words: str, speaker: str) -> None:
    assert quotes_with_people(text, "fr", PEOPLE)[words].speaker_name == speaker


def test_a_named_incise_inside_the_marks_splits_the_quote() -> None:
    text = ("Les écoles rouvriront. « Nous pourrons pourvoir les postes, a indiqué le premier ministre Paul Morin. "
            "Nous reprenons la main sur les hôpitaux. »")
    found = quotes_with_people(text, "fr", PEOPLE)
    first, second = found["Nous pourrons pourvoir les postes,"], found["Nous reprenons la main sur les hôpitaux."]
    assert first.speaker_name == second.speaker_name == "Paul Morin"


# ---- an interjection before a colon ----------------------------------------------------------------------

def test_an_interjection_before_a_colon_is_no_speaker() -> None:
    found = quotes_of("The council met on Monday. Wait, it gets better: “The ferry will run on Sundays too.”", "en")
    assert speaker_text(found["The ferry will run on Sundays too."]) is None


def test_a_surname_before_a_comma_and_a_colon_still_speaks() -> None:
    found = quotes_of("Ada Quill runs the ferry. Quill, for her part, was blunt: “The harbour must stay open.”", "en")
    assert speaker_text(found["The harbour must stay open."]) == "Quill"


def test_a_possessive_that_ends_the_mention_still_speaks() -> None:
    text = "Ada Quill spoke on Wednesday. Quill’s bottom line was plain: “The harbour must stay open.”"
    people = PEOPLE + [("Quill", "per:ada-quill")]
    assert quotes_with_people(text, "en", people)["The harbour must stay open."].speaker_name == "Ada Quill"
