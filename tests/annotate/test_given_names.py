"""Persons told by their given name (annotate/given_names.py, issue 16). Every person and
small place below is invented; the given names are ordinary ones of Faker's lists."""

from __future__ import annotations

from newsweave.annotate.canonical import Mention
from newsweave.annotate.entities import annotate_entities
from newsweave.annotate.given_names import given_names, persons_by_given_names
from newsweave.annotate.nlp import pipeline
from newsweave.model import Article, Entity
from newsweave.offsets import OffsetMap


def _entities(text: str, language: str) -> list[Entity]:
    article = Article(id=language, source="test", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    annotate_entities([article])
    return article.entities


def _repaired(text: str, language: str, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The given-name repairs on mentions placed by hand (what a model could have given)."""
    mentions = [Mention(text.index(words), text.index(words) + len(words), words, label) for words, label in found]
    result = persons_by_given_names(mentions, pipeline(language)(text), language)
    return sorted((mention.text, mention.label) for mention in result)


def test_given_names_leave_out_common_words_and_big_places() -> None:
    names = given_names("en")
    assert all(name in names for name in ("Darrell", "Suzy", "Jenna"))
    # Common words of the lemmatizer and well-known places are read another way.
    assert not any(name in names for name in ("Will", "Grace", "King", "Major", "Paris", "Georgia", "Victoria"))


def test_a_person_the_english_model_takes_for_an_organisation_is_a_person() -> None:
    found = {item.text: item.label for item in _entities("Suzy Kolbrenner and Darrell Wendlow spoke.", "en")}
    assert found["Darrell Wendlow"] == "PER"
    assert found["Suzy Kolbrenner"] == "PER"


def test_relabel_extend_and_add_in_english() -> None:
    text = "Darrell Wendlow beat Suzy Kolbrenner and lost to Jenna Cortlow at Halvery."
    result = _repaired(text, "en", [("Darrell Wendlow", "ORG"), ("Kolbrenner", "PER"), ("Halvery", "LOC")])
    assert result == [("Darrell Wendlow", "PER"), ("Halvery", "LOC"), ("Jenna Cortlow", "PER"), ("Suzy Kolbrenner", "PER")]


def test_relabel_extend_and_add_in_french() -> None:
    text = "Darrell Wendlow a battu Suzy Kolbrenner puis perdu contre Jenna Cortlow à Halvery."
    result = _repaired(text, "fr", [("Darrell Wendlow", "LOC"), ("Kolbrenner", "PER"), ("Halvery", "LOC")])
    assert result == [("Darrell Wendlow", "PER"), ("Halvery", "LOC"), ("Jenna Cortlow", "PER"), ("Suzy Kolbrenner", "PER")]


def test_a_name_with_a_common_word_or_a_head_word_keeps_its_label() -> None:
    text = "Flights to Marco Polo Airport resumed; Suzy Kolbrenner University opened."
    result = _repaired(text, "en", [("Marco Polo Airport", "LOC"), ("Suzy Kolbrenner University", "ORG")])
    assert ("Marco Polo Airport", "LOC") in result
    assert ("Suzy Kolbrenner University", "ORG") in result


def test_a_given_name_before_more_capitalised_words_is_not_added() -> None:
    # "Jenna Cortlow Velmont Halvery" could be anything: a run longer than a name is left alone.
    assert _repaired("Tickets for Jenna Cortlow Velmont Halvery Dunmere are sold out.", "en", []) == []


def test_a_given_name_at_the_end_of_a_line_is_not_joined_to_the_next_line() -> None:
    assert _repaired("Tickets for Jenna\nCortlow Hall are sold out.", "en", []) == []


def test_a_last_name_that_the_lemmatizer_lists_as_a_noun_is_a_surname_word() -> None:
    # WordNet lists "fischer" (a famous bearer) as a noun; Faker lists it as a last name.
    assert _repaired("The award went to Maren Fischer .", "en", []) == [("Maren Fischer", "PER")]
    assert _repaired("Le prix revient à Maren Fischer .", "fr", []) == [("Maren Fischer", "PER")]


def test_a_noun_surname_does_not_turn_a_place_into_a_person() -> None:
    text = "The shop on Graham Street closed."
    assert _repaired(text, "en", [("Graham Street", "LOC")]) == [("Graham Street", "LOC")]


def test_a_given_name_that_is_a_place_or_a_noun_needs_a_last_name_after_it() -> None:
    # "Magdalena" is a big place and "Rod" a noun: with a last name of Faker's lists after them,
    # the run the model missed is a person; with an invented word after them, it is not.
    text = "The prize went to Magdalena Hansen, ahead of Rod Novak."
    assert _repaired(text, "en", []) == [("Magdalena Hansen", "PER"), ("Rod Novak", "PER")]
    text = "The prize went to Magdalena Kvorrel, ahead of Rod Tessamic."
    assert _repaired(text, "en", []) == []
    text = "Le prix est allé à Magdalena Hansen."
    assert _repaired(text, "fr", []) == [("Magdalena Hansen", "PER")]



def test_a_middle_initial_stands_between_the_given_name_and_the_surname() -> None:
    text = "The fund was run by Edmund D. Varnelsky until 1975."
    assert _repaired(text, "en", []) == [("Edmund D. Varnelsky", "PER")]
    text = "Le fonds était dirigé par Edmund D. Varnelsky."
    assert _repaired(text, "fr", []) == [("Edmund D. Varnelsky", "PER")]


def test_particles_inside_a_given_name_and_surname_make_a_person() -> None:
    text = "A portrait of Darrell de Wendlow and a letter from Suzy van Kolbrenner."
    result = _repaired(text, "en", [("Darrell de Wendlow", "ORG"), ("Suzy van Kolbrenner", "LOC")])
    assert result == [("Darrell de Wendlow", "PER"), ("Suzy van Kolbrenner", "PER")]


def test_particles_inside_a_name_in_french() -> None:
    text = "Le tableau de Darrell de Wendlow est exposé à Halvery."
    result = _repaired(text, "fr", [("Darrell de Wendlow", "ORG"), ("Halvery", "LOC")])
    assert result == [("Darrell de Wendlow", "PER"), ("Halvery", "LOC")]



def test_a_big_place_before_a_particle_is_no_given_name() -> None:
    text = "Il vit à Palma de Velkorie depuis deux ans."
    assert _repaired(text, "fr", [("Palma de Velkorie", "LOC")]) == [("Palma de Velkorie", "LOC")]


def test_a_given_name_taken_alone_for_a_place_joins_the_surname_after_it() -> None:
    text = "In the final, Marta Wendlowska beat Jenna Kolbrenner from Halvery."
    found = [("Marta", "LOC"), ("Wendlowska", "LOC"), ("Jenna", "ORG"), ("Halvery", "LOC")]
    assert _repaired(text, "en", found) == [("Halvery", "LOC"), ("Jenna Kolbrenner", "PER"), ("Marta Wendlowska", "PER")]


def test_a_given_name_taken_alone_is_left_before_common_and_stop_words() -> None:
    text = "Roads east of Marta These days and Jenna Beach stay shut."
    assert _repaired(text, "en", [("Marta", "LOC"), ("Jenna", "LOC")]) == [("Jenna", "LOC"), ("Marta", "LOC")]


def test_a_given_name_taken_alone_in_french() -> None:
    text = "En finale, Marta Wendlowska a battu une joueuse de Halvery."
    assert _repaired(text, "fr", [("Marta", "LOC"), ("Halvery", "LOC")]) == [("Halvery", "LOC"), ("Marta Wendlowska", "PER")]


def test_the_words_that_end_a_given_name_taken_apart_are_the_closed_classes() -> None:
    from newsweave.annotate.given_names import function_words

    assert {"these", "its", "whose"} <= function_words("en")
    assert {"ces", "leur"} <= function_words("fr")
    assert "may" not in function_words("en") and "back" not in function_words("en")  # the lemmatizer's


def test_a_given_name_and_surname_the_model_read_as_a_work_is_a_person() -> None:
    text = "Seeded third was Adrian Kolbrenner of the home club."
    assert _repaired(text, "en", [("Adrian Kolbrenner", "MISC")]) == [("Adrian Kolbrenner", "PER")]
    text = "La troisième tête de série était Birgitte Wendlowska."
    assert _repaired(text, "fr", [("Birgitte Wendlowska", "MISC")]) == [("Birgitte Wendlowska", "PER")]


def test_two_persons_listed_without_a_comma_are_parted_at_the_second_given_name() -> None:
    text = "Doubles: Jakob Hlavanek Anders Wendlow"
    assert _repaired(text, "en", [("Jakob Hlavanek Anders", "PER")]) == [("Anders Wendlow", "PER"), ("Jakob Hlavanek", "PER")]
    text = "Double : Jakob Hlavanek Anders Wendlow"
    assert _repaired(text, "fr", [("Jakob Hlavanek Anders", "PER")]) == [("Anders Wendlow", "PER"), ("Jakob Hlavanek", "PER")]
    # "Herbert" is a given name somewhere: "Tom Herbert Anders" may be one man's three names.
    text = "Doubles: Tom Herbert Anders Wendlow"
    assert _repaired(text, "en", [("Tom Herbert Anders", "PER")]) == [("Tom Herbert Anders", "PER")]
    text = "Doubles: Jakob Hlavanek Anders Wendlow Kessel Trust"
    assert _repaired(text, "en", [("Jakob Hlavanek Anders", "PER")]) == [("Jakob Hlavanek Anders", "PER")]


def test_a_surname_that_is_also_a_word_makes_a_person_of_the_models_organisation() -> None:
    text = "Later she studied under Marisol Banks and met Wilbert Lake there."
    assert _repaired(text, "en", [("Marisol Banks", "ORG"), ("Wilbert Lake", "ORG")]) == [
        ("Marisol Banks", "PER"), ("Wilbert Lake", "ORG")]


def test_a_french_surname_that_is_also_a_word_makes_a_person_of_the_models_organisation() -> None:
    text = "Elle a étudié avec Odalys Boucher à Lyon."
    assert _repaired(text, "fr", [("Odalys Boucher", "ORG")]) == [("Odalys Boucher", "PER")]


def test_a_street_named_after_a_given_name_stays_a_street() -> None:
    text = "He was found in a room on Wilbert Street."
    assert _repaired(text, "en", [("Wilbert Street", "ORG")]) == [("Wilbert Street", "ORG")]


def test_a_name_before_an_organisations_head_stays_an_organisation() -> None:
    # "Banks" and "Boucher" are words as well as last names: without the head after the name,
    # the model's organisation would be a person (the test above).
    text = "She signed for Marisol Banks Football Club in May."
    assert _repaired(text, "en", [("Marisol Banks", "ORG")]) == [("Marisol Banks", "ORG")]
    text = "He was taken to Marisol Banks hospital."
    assert _repaired(text, "en", [("Marisol Banks", "ORG")]) == [("Marisol Banks", "ORG")]
    text = "Il a rejoint Odalys Boucher Football Club en mai."
    assert _repaired(text, "fr", [("Odalys Boucher", "ORG")]) == [("Odalys Boucher", "ORG")]


def test_the_head_shown_once_keeps_every_mention_of_the_name_an_organisation() -> None:
    text = "Fans of Marisol Banks cheered when Marisol Banks Football Club won."
    assert _repaired(text, "en", [("Marisol Banks", "ORG")]) == [("Marisol Banks", "ORG")]


def test_a_name_listed_with_organisations_stays_an_organisation() -> None:
    text = "Analysts at Kessmoor Trust, Marisol Banks and Veltrane agreed."
    found = [("Kessmoor Trust", "ORG"), ("Marisol Banks", "ORG"), ("Veltrane", "ORG")]
    assert _repaired(text, "en", found) == sorted(found)
    text = "Les analystes de Kessmoor Trust, Odalys Boucher et Veltrane sont d'accord."
    found = [("Kessmoor Trust", "ORG"), ("Odalys Boucher", "ORG"), ("Veltrane", "ORG")]
    assert _repaired(text, "fr", found) == sorted(found)


def test_a_name_listed_with_misread_persons_is_still_a_person() -> None:
    # The model's organisation that opens with a given name may be a person too: it shows nothing.
    text = "Later she studied under Marisol Banks and Darrell Wendlow."
    result = _repaired(text, "en", [("Marisol Banks", "ORG"), ("Darrell Wendlow", "ORG")])
    assert result == [("Darrell Wendlow", "PER"), ("Marisol Banks", "PER")]
    # One organisation among persons is the model's slip, not a list of organisations.
    text = "Songs by Marisol Banks / Kessvar Tolm / Darrell Wendlow / Jenna Kolbrenner unless noted."
    found = [("Marisol Banks", "ORG"), ("Kessvar Tolm", "ORG"), ("Darrell Wendlow", "PER"), ("Jenna Kolbrenner", "PER")]
    assert ("Marisol Banks", "PER") in _repaired(text, "en", found)


def test_a_name_between_quote_marks_is_a_title() -> None:
    text = "Think ''Marisol Banks'' meets a heist film."
    assert _repaired(text, "en", [("Marisol Banks", "MISC")]) == [("Marisol Banks", "MISC")]
    text = "Le film « Odalys Boucher » sort en mai."
    assert _repaired(text, "fr", [("Odalys Boucher", "ORG")]) == [("Odalys Boucher", "ORG")]
