"""Stop 39, third round (issue 17 item 3, English and French real copy): a French body whose own name
holds a complement (« l'Association de la défense des locataires ») keeps it, the complement ends a
speaker only after a person's name; a name inside a title's own phrase, after the adjectives French puts
after the title (« le dirigeant russe Ana Roe »), is the speaker; a title the text gave only abbreviated
("Gov. Ines Carrow" … "the governor") resolves to its bearer.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_with_people, speaker_text

PEOPLE = [("Jeanne Roux", "per:jeanne-roux"), ("Marc Tissot", "per:marc-tissot"), ("Ines Carrow", "per:ines-carrow"),
          ("Dale Renwick", "per:dale-renwick"), ("Paul Vernet", "per:paul-vernet")]


# ---- a body's own complement ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, speaker", [
    ("« Les loyers ont doublé en un an », déclare l'Association de la défense des locataires.",
     "l'Association de la défense des locataires"),
    ("« Les loyers ont doublé en un an », a déclaré la Fédération de la pêche de Villeneuve.",
     "la Fédération de la pêche de Villeneuve"),
])
def test_a_body_keeps_its_own_complement(text: str, speaker: str) -> None:
    assert speaker_text(quotes_with_people(text, "fr", PEOPLE)["Les loyers ont doublé en un an"]) == speaker


def test_a_complement_after_a_person_still_ends_the_speaker() -> None:
    text = "« Les loyers ont doublé en un an », a déclaré l'analyste Paul Vernet de la maison de courtage Orvel."
    assert speaker_text(quotes_with_people(text, "fr", PEOPLE)["Les loyers ont doublé en un an"]) == "l'analyste Paul Vernet"


# ---- a name inside the title's own phrase ----------------------------------------------------------------

@pytest.mark.parametrize("language, text, words", [
    ("fr", "Marc Tissot a reçu les maires lundi. Le dirigeant russe Jeanne Roux a affirmé que « la frontière "
           "restera ouverte ».", "la frontière restera ouverte"),
    ("fr", "Marc Tissot a reçu les maires lundi. « La frontière restera ouverte », a affirmé la ministre "
           "belge Jeanne Roux.", "La frontière restera ouverte"),
    ("en", "Dale Renwick met the mayors on Monday. The Republican governor Ines Carrow said that “the border will "
           "stay open.”", "the border will stay open."),
])
def test_a_name_inside_the_title_phrase_is_the_speaker(language: str, text: str, words: str) -> None:
    people = quotes_with_people(text, language, PEOPLE)
    assert people[words].speaker_entity_id in ("per:jeanne-roux", "per:ines-carrow")


def test_a_name_particle_after_a_title_is_no_adjective() -> None:
    text = ("« La visite sera courte », a annoncé un porte-parole du ministère fédéral des Affaires étrangères "
            "à Villeneuve.")
    quote = quotes_with_people(text, "fr", PEOPLE)["La visite sera courte"]
    assert speaker_text(quote) == "un porte-parole du ministère fédéral des Affaires étrangères"


# ---- a title given abbreviated ------------------------------------------------------------------------

def test_an_abbreviated_title_resolves_to_its_bearer() -> None:
    text = "Gov. Ines Carrow met Dale Renwick on Monday. “The border will stay open,” the governor said."
    assert quotes_with_people(text, "en", PEOPLE)["The border will stay open,"].speaker_entity_id == "per:ines-carrow"
