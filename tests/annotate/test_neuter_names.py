"""Firms named like persons, told by a neuter pronoun (annotate/neuter_names.py, issue 16 item 4).
Invented names and sentences; the mentions are placed by hand, the parse is the model's."""

from __future__ import annotations

from hand_mentions import labelled, placed

from newsweave.annotate.neuter_names import organisations_by_neuter_pronouns
from newsweave.annotate.nlp import pipeline


def _run(text: str, language: str, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    mentions = placed(text, found)
    organisations_by_neuter_pronouns(mentions, text, pipeline(language)(text), language)
    return labelled(mentions)


def test_a_name_whose_clause_says_its_is_an_organisation_everywhere() -> None:
    text = "Tovrik raised its prices in May. Analysts said Tovrik would lose users."
    assert _run(text, "en", [("Tovrik", "PER"), ("Tovrik", "PER")]) == [("Tovrik", "ORG"), ("Tovrik", "ORG")]


def test_itself_and_its_after_a_preposition() -> None:
    text = "Brelva describes itself as a platform for runners."
    assert _run(text, "en", [("Brelva", "PER")]) == [("Brelva", "ORG")]
    text = "Quennic announced new features at its annual meeting."
    assert _run(text, "en", [("Quennic", "PER")]) == [("Quennic", "ORG")]


def test_persons_stay() -> None:
    # A word of a person's full name, a given name first, an honorific before the name, a
    # pronoun deeper in the sentence than the clause's objects.
    text = "Orlan Vesk thanked the staff. Vesk praised its work."
    assert _run(text, "en", [("Orlan Vesk", "PER"), ("Vesk", "PER")]) == [("Orlan Vesk", "PER"), ("Vesk", "PER")]
    text = "Mr Dravin raised its prices."
    assert _run(text, "en", [("Dravin", "PER")]) == [("Dravin", "PER")]
    text = "Harlow visited a town that lost its mill."
    assert _run(text, "en", [("Harlow", "PER")]) == [("Harlow", "PER")]


def test_no_rule_in_french() -> None:
    # « sa », « ses » stand for persons too: French has no neuter pronoun to read.
    text = "Tovrik a relevé ses prix en mai."
    assert _run(text, "fr", [("Tovrik", "PER")]) == [("Tovrik", "PER")]


def test_products_titles_and_given_names_stay() -> None:
    # A product is neuter too; a title of common words is a work; any locale's given name opens a person.
    text = "The new Morvex V8 is making its way to other cars."
    assert _run(text, "en", [("V8", "MISC")]) == [("V8", "MISC")]
    text = "Rising Water will not make its release date."
    assert _run(text, "en", [("Rising Water", "PER")]) == [("Rising Water", "PER")]
    text = "Ed Varnick raised its prices."
    assert _run(text, "en", [("Ed Varnick", "PER")]) == [("Ed Varnick", "PER")]


def test_a_verb_the_subject_controls_and_the_models_organisation_are_evidence() -> None:
    text = "Tovrik is trying to bolster its value for users. Later Tovrik grew."
    assert _run(text, "en", [("Tovrik", "PER"), ("Tovrik", "PER")]) == [("Tovrik", "ORG"), ("Tovrik", "ORG")]
    text = "Brelva raised its prices. Analysts said Brelva would lose users."
    assert _run(text, "en", [("Brelva", "ORG"), ("Brelva", "PER")]) == [("Brelva", "ORG"), ("Brelva", "ORG")]
