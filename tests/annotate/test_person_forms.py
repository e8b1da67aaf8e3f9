"""The form of a person's mention (annotate/person_forms.py, issue 16): trimmed, joined and
split. Every person below is invented; the given names are ordinary ones of Faker's lists.
The mentions are placed by hand (what a model could have given), so each rule is checked
whatever the model finds."""

from __future__ import annotations

from newsweave.annotate.canonical import Mention
from newsweave.annotate.given_names import given_names
from newsweave.annotate.nlp import pipeline
from newsweave.annotate.person_forms import repair_person_forms


def _repaired(text: str, language: str, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    mentions = [Mention(text.index(words), text.index(words) + len(words), words, label) for words, label in found]
    result = repair_person_forms(mentions, pipeline(language)(text), language)
    for mention in result:
        assert text[mention.start:mention.end] == mention.text
    return sorted((mention.text, mention.label) for mention in result)


def test_a_person_does_not_end_on_a_number_a_bracket_or_a_lower_case_word() -> None:
    assert _repaired("Defender Ilse Vardanova 14 came on late.", "en",
                     [("Ilse Vardanova 14", "PER")]) == [("Ilse Vardanova", "PER")]
    assert _repaired("Tomas Ruellick ( Retired ) was there.", "en",
                     [("Tomas Ruellick ( Retired", "PER")]) == [("Tomas Ruellick", "PER")]
    assert _repaired("Le milieu Pauline Garvetti 8 est sortie.", "fr",
                     [("Pauline Garvetti 8", "PER")]) == [("Pauline Garvetti", "PER")]


def test_an_organisation_keeps_its_number() -> None:
    assert _repaired("Vardan 14 won the cup.", "en", [("Vardan 14", "ORG")]) == [("Vardan 14", "ORG")]


def test_a_one_word_person_and_the_person_after_it_are_one_person() -> None:
    text = "The poet Wallis Treffenbach wrote it."
    assert _repaired(text, "en", [("Wallis", "PER"), ("Treffenbach", "PER")]) == [("Wallis Treffenbach", "PER")]
    text = "La poétesse Margaux Delvignac l'a écrit."
    assert _repaired(text, "fr", [("Margaux", "PER"), ("Delvignac", "PER")]) == [("Margaux Delvignac", "PER")]


def test_a_given_name_alone_takes_the_surname_the_model_left_out() -> None:
    assert _repaired("The poet Lucien Delmarisk wrote it.", "en", [("Lucien", "PER")]) == [("Lucien Delmarisk", "PER")]
    assert _repaired("Selon Camille Ferrandou, rien.", "fr", [("Camille", "PER")]) == [("Camille Ferrandou", "PER")]


def test_a_given_name_takes_no_common_word_nor_a_longer_name() -> None:
    # "Riding" is a word; "Orvane Hall Trust" is some other name.
    assert _repaired("The poet Laura Riding wrote it.", "en", [("Laura", "PER")]) == [("Laura", "PER")]
    assert _repaired("Lucien Orvane Hall Trust paid.", "en", [("Lucien", "PER")]) == [("Lucien", "PER")]


def test_two_full_names_side_by_side_are_two_persons() -> None:
    text = "Doubles: Nils Vartolen Mikael Orrsundby won."
    assert _repaired(text, "en", [("Nils Vartolen Mikael Orrsundby", "PER")]) == [
        ("Mikael Orrsundby", "PER"), ("Nils Vartolen", "PER")]
    text = "Double : Lucien Marcassou Thomas Ferrevaux a gagné."
    assert _repaired(text, "fr", [("Lucien Marcassou Thomas Ferrevaux", "PER")]) == [
        ("Lucien Marcassou", "PER"), ("Thomas Ferrevaux", "PER")]


def test_a_double_given_name_is_one_person() -> None:
    text = "Mary Ann Vostrell Dunmore spoke."
    assert _repaired(text, "en", [("Mary Ann Vostrell Dunmore", "PER")]) == [("Mary Ann Vostrell Dunmore", "PER")]


def test_particles_and_honorifics_are_no_given_names() -> None:
    names = given_names("en")
    assert not any(word in names for word in ("Del", "Von", "Ibn", "Della"))
    assert "Lucien" in names


def test_a_given_name_that_the_dictionary_holds_as_a_noun_still_counts() -> None:
    names = given_names("en")
    # WordNet lists "arthur" and "leo" for famous bearers; many locales list them as given names.
    assert "Arthur" in names and "Leo" in names
    # Verbs, adjectives, months and rare nouns stay words.
    assert not any(word in names for word in ("Will", "Grace", "Major", "King", "April", "June"))


def test_a_widespread_given_name_makes_the_organisation_a_person() -> None:
    from newsweave.annotate.given_names import persons_by_given_names

    text = "Arthur Vellacourt spoke on Monday."
    start = text.index("Arthur Vellacourt")
    mentions = [Mention(start, start + len("Arthur Vellacourt"), "Arthur Vellacourt", "ORG")]
    result = persons_by_given_names(mentions, pipeline("en")(text), "en")
    assert [(mention.text, mention.label) for mention in result] == [("Arthur Vellacourt", "PER")]


def test_a_name_does_not_open_with_a_lower_case_function_word() -> None:
    from newsweave.annotate.entities import _without_leading_stop_words

    doc = pipeline("en")("He bought an Orvane Pavilion.")
    assert _without_leading_stop_words(doc[2:4]) == doc.text.index("Orvane")
    # A particle opens a surname ("de Vellepont"); a capitalised article is part of the name.
    doc = pipeline("fr")("Elle a vu de Vellepont et La Rochelle.")
    assert _without_leading_stop_words(doc[3:5]) == doc.text.index("de Vellepont")
    assert _without_leading_stop_words(doc[6:8]) == doc.text.index("La Rochelle")


def test_given_names_alone_take_the_surname_and_its_particle() -> None:
    assert _repaired("Then Lars Henrik Aspevik scored.", "en", [("Lars Henrik", "PER")]) == [("Lars Henrik Aspevik", "PER")]
    assert _repaired("Le botaniste Lucien von Lindqvar a écrit.", "fr",
                     [("Lucien", "PER")]) == [("Lucien von Lindqvar", "PER")]


def test_a_list_of_names_without_commas_is_as_many_persons() -> None:
    # The first piece is the previous name's surname, cut off by the model.
    text = "Buts : Ferrolsson Ingrid Ferrolsson Pauline Makandrou ont marqué."
    assert _repaired(text, "fr", [("Ferrolsson Ingrid Ferrolsson Pauline Makandrou", "PER")]) == [
        ("Ferrolsson", "PER"), ("Ingrid Ferrolsson", "PER"), ("Pauline Makandrou", "PER")]


def test_a_hyphenated_given_name_or_a_big_place_s_name_opens_a_person() -> None:
    from newsweave.annotate.given_names import persons_by_given_names

    for text, name in (("Paul-Lucien Vardemont spoke.", "Paul-Lucien Vardemont"),
                       ("Paul Vardemontier a parlé.", "Paul Vardemontier")):
        language = "en" if text.endswith("spoke.") else "fr"
        mentions = [Mention(0, len(name), name, "ORG")]
        result = persons_by_given_names(mentions, pipeline(language)(text), language)
        assert [(mention.text, mention.label) for mention in result] == [(name, "PER")]


def test_a_name_with_a_nickname_or_an_initial_is_not_split() -> None:
    text = 'Defence lawyer Lucien "L.V." Mitchell Jr. said so.'
    assert _repaired(text, "en", [('Lucien "L.V." Mitchell Jr.', "PER")]) == [('Lucien "L.V." Mitchell Jr.', "PER")]


def test_a_given_name_takes_a_surname_after_two_particles() -> None:
    text = "Luc van den Brelmont and Lars Aspevik spoke."
    assert _repaired(text, "en", [("Luc van", "PER"), ("Lars Aspevik", "PER")]) == [
        ("Lars Aspevik", "PER"), ("Luc van den Brelmont", "PER")]


def test_a_given_name_and_a_roman_numeral_is_a_person() -> None:
    assert _repaired("In 1402 Ottmar IV of Varnland died.", "en", [("Ottmar IV", "ORG"), ("Varnland", "LOC")]) == [
        ("Ottmar IV of Varnland", "PER"), ("Varnland", "LOC")]
    assert _repaired("Alors Lucienne II de Brevanne régna.", "fr", []) == [("Lucienne II de Brevanne", "PER")]


def test_a_roman_numeral_inside_a_longer_name_or_after_i_makes_no_person() -> None:
    assert _repaired("They played at Stade Lucienne V today.", "en", [("Stade Lucienne V", "LOC")]) == [
        ("Stade Lucienne V", "LOC")]
    assert _repaired("Then Lucien I went home.", "en", []) == []


def test_a_person_takes_its_generational_suffix() -> None:
    text = "Tomas Ruellick Jr. spoke after the vote."
    assert _repaired(text, "en", [("Tomas Ruellick", "PER")]) == [("Tomas Ruellick Jr.", "PER")]
    text = "Tomas Ruellick, Sr., spoke after the vote."
    assert _repaired(text, "en", [("Tomas Ruellick", "PER"), ("Sr.", "LOC")]) == [("Tomas Ruellick, Sr.", "PER")]
    text = "Selon Lucien Delmaris Jr. le vote est clos."
    assert _repaired(text, "fr", [("Lucien Delmaris", "PER")]) == [("Lucien Delmaris Jr.", "PER")]


def test_a_word_that_opens_like_a_suffix_is_no_suffix() -> None:
    text = "Tomas Ruellick Srebrin Hall opened."
    assert _repaired(text, "en", [("Tomas Ruellick", "PER")]) == [("Tomas Ruellick", "PER")]
    text = "Vardan Jr. Club won."
    assert _repaired(text, "en", [("Vardan", "ORG")]) == [("Vardan", "ORG")]
