"""Where a name begins and ends (annotate/name_spans.py, issue 16): a sentence's capitalised
article, head words beside the model's span, teams in brackets after a person, peerages after a name. Invented names;
the mentions are placed by hand, so the tests do not hang on what the model tags."""

from __future__ import annotations

from newsweave.annotate.canonical import Mention
from newsweave.annotate.nlp import pipeline
from newsweave.annotate.name_lists import places_in_lists_of_places
from newsweave.annotate.name_spans import (persons_with_peerages, teams_in_brackets, towns_after_organisations, with_heads_beside,
                                           without_sentence_articles)
from newsweave.annotate.place_words import persons_named_by_kin


def _mentions(text: str, found: list[tuple[str, str]]) -> list[Mention]:
    return [Mention(text.index(words), text.index(words) + len(words), words, label) for words, label in found]


def _articles(text: str, language: str, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    mentions = _mentions(text, found)
    without_sentence_articles(mentions, pipeline(language)(text), language)
    return [(mention.text, mention.label) for mention in mentions]


def _heads(text: str, language: str, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    mentions = _mentions(text, found)
    with_heads_beside(mentions, pipeline(language)(text), language)
    return [(mention.text, mention.label) for mention in mentions]


def _brackets(text: str, language: str, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(mention.text, mention.label) for mention in teams_in_brackets(_mentions(text, found), text, language)]


def test_an_article_that_opens_a_sentence_is_no_part_of_the_name() -> None:
    text = "The Orvane Grain Trust was founded in 1921. Later the Orvane Grain Trust closed."
    assert _articles(text, "en", [("The Orvane Grain Trust", "ORG")]) == [("Orvane Grain Trust", "ORG")]
    text = "February 2 – The Velkor Basketball Association is formed ."
    assert _articles(text, "en", [("The Velkor Basketball Association", "ORG")]) == [("Velkor Basketball Association", "ORG")]


def test_titles_short_names_and_known_names_keep_their_article() -> None:
    # A title (nothing goes on after it), a name of one word, a known place at the start.
    assert _articles("The Kessel Affair ( 1936 )", "en", [("The Kessel Affair", "ORG")]) == [("The Kessel Affair", "ORG")]
    assert _articles("The Brimqs played here.", "en", [("The Brimqs", "ORG")]) == [("The Brimqs", "ORG")]
    text = "The Hague Velkor Convention was signed in 1907."
    assert _articles(text, "en", [("The Hague Velkor Convention", "LOC")]) == [("The Hague Velkor Convention", "LOC")]
    # Inside a sentence the article is not capitalised by position: the name holds it.
    text = "It was recorded by The Orvane Grain Society in 1966."
    assert _articles(text, "en", [("The Orvane Grain Society", "ORG")]) == [("The Orvane Grain Society", "ORG")]


def test_french_has_no_sentence_articles() -> None:
    text = "La Société Orvane de Velkor a fermé."
    assert _articles(text, "fr", [("La Société Orvane de Velkor", "ORG")]) == [("La Société Orvane de Velkor", "ORG")]


def test_a_head_word_beside_the_span_joins_the_name() -> None:
    text = "He joined FC Dorvan Velkor in 2004."
    assert _heads(text, "en", [("Dorvan Velkor", "PER")]) == [("FC Dorvan Velkor", "ORG")]
    text = "It lies in the Pol Orvane Rural District of the province."
    assert _heads(text, "en", [("Pol Orvane Rural", "PER")]) == [("Pol Orvane Rural District", "LOC")]
    text = "Les pêcheurs du Lac Mérou sont partis."
    assert _heads(text, "fr", [("Mérou", "PER")]) == [("Lac Mérou", "LOC")]


def test_no_head_across_punctuation_a_number_or_a_given_name() -> None:
    text = "He met Tomas Verhoeven. University staff were there."
    assert _heads(text, "en", [("Tomas Verhoeven", "PER")]) == [("Tomas Verhoeven", "PER")]
    text = "Le président du Conseil Ilse Vardanova a parlé."
    assert _heads(text, "fr", [("Ilse Vardanova", "PER")]) == [("Ilse Vardanova", "PER")]
    text = "FC Dorvan 4-4 Velkor Rovers"
    assert _heads(text, "en", [("Dorvan 4-4", "PER")]) == [("Dorvan 4-4", "PER")]


def test_a_name_in_brackets_after_a_person_is_a_team() -> None:
    text = "Goals: Ilse Vardanova ( Kessel Rovers ), Tomas Verhoeven ( BRIMQ )."
    assert _brackets(text, "en", [("Ilse Vardanova", "PER"), ("Tomas Verhoeven", "PER")]) == [
        ("Kessel Rovers", "ORG"), ("BRIMQ", "ORG")]
    text = "Buts : Ilse Vardanova (Kessel Rovers) à la 12e minute."
    assert _brackets(text, "fr", [("Ilse Vardanova", "PER")]) == [("Kessel Rovers", "ORG")]


def test_codes_places_characters_and_words_in_brackets_stay() -> None:
    text = ("Tom Ruel ( D ), Ann Vey ( R-Ohio ), Jo Ruelle ( Paris ), Pim Osk ( Winner ), "
            "Lena Parks ( Marta Velkor ), Orvane ( Kessel Rovers ).")
    found = [("Tom Ruel", "PER"), ("Ann Vey", "PER"), ("Jo Ruelle", "PER"), ("Pim Osk", "PER"), ("Lena Parks", "PER"),
             ("Orvane", "PER")]
    assert _brackets(text, "en", found) == []
    text = "The candidate Tomas Ruel Verhoeven Ardice ( TRVA ) won."
    assert _brackets(text, "en", [("Tomas Ruel Verhoeven Ardice", "PER")]) == []


def _lists(text: str, language: str, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    mentions = _mentions(text, found)
    places_in_lists_of_places(mentions, text, language)
    return [(mention.text, mention.label) for mention in mentions]


def test_names_in_a_list_of_places_are_places() -> None:
    text = "The road runs through Ardice, Pelno, Strovane Vas, Dravik and Velmoré."
    found = [("Ardice", "LOC"), ("Pelno", "ORG"), ("Strovane Vas", "PER"), ("Dravik", "LOC"), ("Velmoré", "LOC")]
    assert _lists(text, "en", found) == [("Ardice", "LOC"), ("Pelno", "LOC"), ("Strovane Vas", "LOC"), ("Dravik", "LOC"),
                                         ("Velmoré", "LOC")]
    text = "Communes : Ardice, Pelno, Strovane, Dravik et Velmoré."
    found = [("Ardice", "LOC"), ("Pelno", "LOC"), ("Strovane", "PER"), ("Dravik", "LOC"), ("Velmoré", "ORG")]
    assert _lists(text, "fr", found) == [("Ardice", "LOC"), ("Pelno", "LOC"), ("Strovane", "LOC"), ("Dravik", "LOC"),
                                         ("Velmoré", "LOC")]


def test_persons_addresses_and_short_lists_stay() -> None:
    # A given name opens a person; an organisation's head word; the first name of an address.
    text = "Ardice, Pelno and Marta Velkor met at Kessel Arena, Dorvan, Velkor, near the Brimq Institute, Ardice and Pelno."
    found = [("Ardice", "LOC"), ("Pelno", "LOC"), ("Marta Velkor", "PER"), ("Kessel Arena", "ORG"), ("Dorvan", "LOC"),
             ("Velkor", "LOC")]
    assert _lists(text, "en", found) == found
    text = "Tomas Verhoeven, Ardice and Pelno."
    assert _lists(text, "en", [("Tomas Verhoeven", "PER"), ("Ardice", "LOC"), ("Pelno", "LOC")]) == [
        ("Tomas Verhoeven", "PER"), ("Ardice", "LOC"), ("Pelno", "LOC")]
    text = "Ardice and Brimq."
    assert _lists(text, "en", [("Ardice", "LOC"), ("Brimq", "ORG")]) == [("Ardice", "LOC"), ("Brimq", "ORG")]


def _kin(text: str, language: str, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    mentions = _mentions(text, found)
    persons_named_by_kin(mentions, text, language)
    return [(mention.text, mention.label) for mention in mentions]


def test_a_name_after_a_noun_of_kin_is_a_person() -> None:
    text = "He was a nephew of Yorin Vashti and a pupil of Kessel Brimqvist."
    assert _kin(text, "en", [("Yorin Vashti", "ORG"), ("Kessel Brimqvist", "LOC")]) == [
        ("Yorin Vashti", "PER"), ("Kessel Brimqvist", "PER")]
    text = "Elle était la fille de Lucienne Varnel et l'épouse d'Orvane Strovik."
    assert _kin(text, "fr", [("Lucienne Varnel", "ORG"), ("Orvane Strovik", "LOC")]) == [
        ("Lucienne Varnel", "PER"), ("Orvane Strovik", "PER")]


def test_known_places_organisations_and_other_nouns_stay() -> None:
    text = "A son of Paris, the daughter of Kessel University, a son of BRQ and the mayor of Velkor Rovers spoke."
    found = [("Paris", "LOC"), ("Kessel University", "ORG"), ("BRQ", "ORG"), ("Velkor Rovers", "ORG")]
    assert _kin(text, "en", found) == found
    text = "Le fils de Paris et la filiale de Brimq Velkor."
    assert _kin(text, "fr", [("Paris", "LOC"), ("Brimq Velkor", "ORG")]) == [("Paris", "LOC"), ("Brimq Velkor", "ORG")]


def _peerages(text: str, found: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    return [(m.text, m.label, m.name) for m in persons_with_peerages(_mentions(text, found), text, "en")]


def test_a_peerage_after_a_name_is_part_of_the_person() -> None:
    text = "The estate passed to Tomas Verlande, 4th Earl of Dorvan and Kessmoor, in 1801."
    assert _peerages(text, [("Tomas Verlande", "PER"), ("Dorvan", "LOC")]) == [
        ("Tomas Verlande, 4th Earl of Dorvan and Kessmoor", "PER", "Tomas Verlande")]
    text = "Sir Ian Halvecote , 2nd Baronet ( 1701–1760 )"
    assert _peerages(text, [("Ian Halvecote", "ORG")]) == [("Ian Halvecote , 2nd Baronet", "PER", "Ian Halvecote")]
    text = "Her son was Piet Morrow, 10th Earl of Quillan, 2nd Baron Strethby."
    assert _peerages(text, [("Piet Morrow", "PER"), ("Quillan", "LOC"), ("Strethby", "PER")]) == [
        ("Piet Morrow, 10th Earl of Quillan, 2nd Baron Strethby", "PER", "Piet Morrow")]


def test_a_title_of_a_place_without_an_ordinal_is_a_peerage_too() -> None:
    text = "Tomas Verlande, Earl of Dorvan, spoke."
    assert _peerages(text, [("Tomas Verlande", "PER"), ("Dorvan", "LOC")]) == [
        ("Tomas Verlande, Earl of Dorvan", "PER", "Tomas Verlande")]


def test_a_title_alone_without_an_ordinal_or_a_rank_alone_is_left_alone() -> None:
    text = "Anna Vey, Countess, spoke. Anna Brelle, 3rd in the race, ran."
    found = [("Anna Vey", "PER"), ("Anna Brelle", "PER")]
    assert _peerages(text, found) == [(words, label, words) for words, label in found]


def _towns(text: str, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    mentions = _mentions(text, found)
    new = towns_after_organisations(mentions, text, "en")
    return [(m.text, m.label) for m in mentions + new]


def test_the_town_after_an_organisation_is_a_place() -> None:
    # invented schools and clinics in real towns (the gazetteer has to know the town)
    assert _towns("Orvane High School, Lyon", [("Orvane High School", "ORG")]) == [
        ("Orvane High School", "ORG"), ("Lyon", "LOC")]
    assert _towns("Velkor Clinic ( Bridgetown ) opened in 1990.", [("Velkor Clinic", "ORG")]) == [
        ("Velkor Clinic", "ORG"), ("Bridgetown", "LOC")]
    assert _towns("Kessmoor College - Jackson", [("Kessmoor College", "ORG"), ("Jackson", "MISC")]) == [
        ("Kessmoor College", "ORG"), ("Jackson", "LOC")]


def test_a_name_that_goes_on_or_a_person_after_an_organisation_is_no_town() -> None:
    # the clause goes on after the name ("Jackson said"), or a given name opens it (a list)
    assert _towns("Brimq Bank, Jackson said on Monday.", [("Brimq Bank", "ORG")]) == [("Brimq Bank", "ORG")]
    assert _towns("Brimq Bank, Paris Hilton and others.", [("Brimq Bank", "ORG")]) == [("Brimq Bank", "ORG")]
    assert _towns("Brimq Bank, Anna Lyon.", [("Brimq Bank", "ORG")]) == [("Brimq Bank", "ORG")]


def test_marks_before_a_name_are_no_part_of_it() -> None:
    from newsweave.annotate.entities import _trim

    text = "• Orvane Trust and the commerce office agree"
    assert text[slice(*_trim(text, 0, len("• Orvane Trust"), "en"))] == "Orvane Trust"
    text = "`` Kessel Nights '' was her second single"
    assert text[slice(*_trim(text, 0, len("`` Kessel Nights"), "en"))] == "Kessel Nights"
    text = "« Banque Dorvane » annonce un plan"
    assert text[slice(*_trim(text, 0, len("« Banque Dorvane"), "fr"))] == "Banque Dorvane"
    text = "'s-Velbrück ligt aan de rivier"  # an apostrophe glued to the name is part of it
    assert text[slice(*_trim(text, 0, len("'s-Velbrück"), "nl"))] == "'s-Velbrück"
