"""A lone given name of a person the article names in full is the person (annotate/given_names.py,
issue 16 item 4). Invented names, towns and sentences; the mentions are placed by hand, as the
model would tag them."""

from __future__ import annotations

from hand_mentions import relabelled

from newsweave.annotate.given_names import given_names_repeated


def _run(text: str, language: str, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return relabelled(given_names_repeated, text, language, found)


def test_a_given_name_alone_after_the_full_name_is_the_person() -> None:
    text = "Margot Vellacourt wrote six novels. As Margot's editor, I saw Margot rewrite each one."
    found = [("Margot Vellacourt", "PER"), ("Margot", "ORG"), ("Margot", "MISC")]
    assert _run(text, "en", found) == [("Margot Vellacourt", "PER"), ("Margot", "PER"), ("Margot", "PER")]
    text = "Clémence Dorvaux a quitté la mairie. Pour Clémence, la campagne commence."
    assert _run(text, "fr", [("Clémence Dorvaux", "PER"), ("Clémence", "ORG")]) == [
        ("Clémence Dorvaux", "PER"), ("Clémence", "PER")]


def test_places_after_a_preposition_big_places_and_words_that_are_no_given_name_stay() -> None:
    # A place preposition before the word: it may be a town of that name.
    text = "Annika Quillon came home. The snow in Annika was deep."
    assert _run(text, "en", [("Annika Quillon", "PER"), ("Annika", "LOC")]) == [("Annika Quillon", "PER"), ("Annika", "LOC")]
    text = "Clémence Dorvaux est partie. La neige à Clémence est tombée."
    assert _run(text, "fr", [("Clémence Dorvaux", "PER"), ("Clémence", "LOC")]) == [
        ("Clémence Dorvaux", "PER"), ("Clémence", "LOC")]
    # No given name: the first word of a firm the model took for a person.
    text = "Vornexa Holdings grew. Vornexa will open a plant."
    assert _run(text, "en", [("Vornexa Holdings", "PER"), ("Vornexa", "ORG")]) == [("Vornexa Holdings", "PER"), ("Vornexa", "ORG")]
    text = "Annika Quillon came home. Annika thanked her neighbours."
    assert _run(text, "en", [("Annika Quillon", "PER"), ("Annika", "LOC")]) == [("Annika Quillon", "PER"), ("Annika", "PER")]
    # A town of the name, however small, keeps the model's place without a preposition.
    text = "Jasper Quillon came home. Communities like Jasper need roads."
    assert _run(text, "en", [("Jasper Quillon", "PER"), ("Jasper", "LOC")]) == [("Jasper Quillon", "PER"), ("Jasper", "LOC")]
    # A big place that is also a given name ("Victoria") keeps its label.
    text = "Victoria Aldane spoke. Victoria announced new rules for the state."
    assert _run(text, "en", [("Victoria Aldane", "PER"), ("Victoria", "LOC")]) == [("Victoria Aldane", "PER"), ("Victoria", "LOC")]
