"""Stop 39, second round (issue 17 item 3, English and French real copy): a title speaker ("the store
manager") is the person the text gave that title, else the description itself, never merely the nearest
person before it unless a quote already named that person as its speaker; in French, the body a named speaker works for, as a complement of lower-case words after
the name (« de la maison de commerce Cortaix »), closes the speaker's mention.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_with_people, speaker_text

PEOPLE = [("Dale Renwick", "per:dale-renwick"), ("Renwick", "per:dale-renwick"), ("Ines Carrow", "per:ines-carrow"),
          ("Paul Vernet", "per:paul-vernet"), ("Marc Tissot", "per:marc-tissot"), ("Lucie Barrand", "per:lucie-barrand"),
          ("Tom Ashby", "per:tom-ashby"), ("Ashby", "per:tom-ashby"), ("Jeanne Roux", "per:jeanne-roux")]


# ---- a title speaker and the person the text gave the title -----------------------------------------------

@pytest.mark.parametrize("language, text, words, speaker", [
    ("en", "Police in Alderholt arrested Dale Renwick, 42, on Monday after a robbery at a jewellery shop. "
           "The store manager told officers that the man had pulled a knife.",
     "the man had pulled a knife", "The store manager"),
    ("en", "Floods cut the road to Brindlecombe after Tom Ashby warned of the risk in January. The shadow "
           "transport secretary said that the repairs would take months.",
     "the repairs would take months", "The shadow transport secretary"),
    ("fr", "Marc Tissot a été interpellé lundi à Villeneuve après le vol d'une bijouterie. Le directeur du "
           "magasin a déclaré que l'homme était armé.",
     "l'homme était armé", "Le directeur du magasin"),
])
def test_a_title_no_one_was_given_stays_the_description(language: str, text: str, words: str, speaker: str) -> None:
    quote = quotes_with_people(text, language, PEOPLE)[words]
    assert (quote.speaker_name, quote.speaker_entity_id) == (speaker, None)


@pytest.mark.parametrize("language, text, words, speaker", [
    ("en", "Store manager Ines Carrow locked the doors when Dale Renwick came in. The store manager said that "
           "nobody was hurt.", "nobody was hurt", "Ines Carrow"),
    ("en", "Mayor Ines Carrow met Dale Renwick at the harbour. The mayor said that the ferry would run again.",
     "the ferry would run again", "Ines Carrow"),
    ("fr", "Le maire Jeanne Roux a reçu Marc Tissot à Villeneuve. Le maire a déclaré que le marché rouvrirait.",
     "le marché rouvrirait", "Jeanne Roux"),
    # no title given, but the nearest person is the one a quote already named: the speech goes on
    ("en", "“We lost our shape,” Tom Ashby said after the match in Alderholt. “The second half was better,” the "
           "coach added.", "The second half was better,", "Tom Ashby"),
    ("fr", "« Nous avons perdu », a dit Jeanne Roux après le match à Villeneuve. « La seconde mi-temps était "
           "meilleure », a ajouté la capitaine.", "La seconde mi-temps était meilleure", "Jeanne Roux"),
])
def test_a_title_the_text_gave_someone_or_its_speaker_is_theirs(language: str, text: str, words: str, speaker: str) -> None:
    assert quotes_with_people(text, language, PEOPLE)[words].speaker_name == speaker


# ---- a French speaker's body after the name ---------------------------------------------------------------

@pytest.mark.parametrize("text, speaker", [
    ("« Certains pays se préparent déjà », a déclaré l'analyste de marché Paul Vernet de la maison de commerce "
     "Cortaix.", "l'analyste de marché Paul Vernet"),
    ("« Certains pays se préparent déjà », a déclaré l'économiste Lucie Barrand de l'institut de conjoncture Orvel.",
     "l'économiste Lucie Barrand"),
])
def test_a_body_after_the_name_closes_the_french_speaker(text: str, speaker: str) -> None:
    quote = quotes_with_people(text, "fr", PEOPLE)["Certains pays se préparent déjà"]
    assert speaker_text(quote) == speaker


@pytest.mark.parametrize("text, speaker", [
    ("« Les aides seront versées en mai », a dit le ministre des Finances Paul Vernet.",
     "le ministre des Finances Paul Vernet"),
    ("« Les aides seront versées en mai », a dit le maire de la commune de Villeneuve.",
     "le maire de la commune de Villeneuve"),
])
def test_a_complement_after_a_lower_case_title_stays_in_the_mention(text: str, speaker: str) -> None:
    assert speaker_text(quotes_with_people(text, "fr", PEOPLE)["Les aides seront versées en mai"]) == speaker
