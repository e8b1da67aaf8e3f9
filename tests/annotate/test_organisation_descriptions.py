"""A French noun phrase of organisations with its complements right before a name
(annotate/place_words.py, ``organisations_named_by_nouns``; issue 16).

Every company, person and town below is invented.
"""

from __future__ import annotations

from hand_mentions import relabelled

from newsweave.annotate.canonical import Mention
from newsweave.annotate.place_words import organisations_named_by_nouns


def _named_by_nouns(mentions: list[Mention], text: str, language: str) -> None:
    organisations_named_by_nouns(mentions, text, language, set())


def test_a_firm_after_its_described_noun_and_a_comma_is_one_everywhere() -> None:
    text = ("Après la crise, le plus grand groupe de croisières au monde, Velmora, reprend ses voyages. "
            "Velmora prévoit d'ouvrir la moitié de ses navires.")
    assert relabelled(_named_by_nouns, text, "fr", [("Velmora", "PER"), ("Velmora", "MISC")]) == [
        ("Velmora", "ORG"), ("Velmora", "ORG")]


def test_a_firm_after_its_noun_adjectives_and_complements_is_an_organisation() -> None:
    text = "La société danoise de location de vélos électriques Kvarlo a suspendu son service à Dorvanne."
    assert relabelled(_named_by_nouns, text, "fr", [("Kvarlo", "MISC")]) == [("Kvarlo", "ORG")]


def test_a_name_the_description_makes_a_complement_or_a_clause_object_stays() -> None:
    # the party's leader, the firm's head, the firm's hire: persons all
    for text, name in [("Le parti de Lorvanet a gagné.", "Lorvanet"),
                       ("L'entreprise dirigée par Lorvanet a gagné.", "Lorvanet"),
                       ("La société a engagé Lorvanet lundi.", "Lorvanet"),
                       ("La société qu'il a fondée, Lorvanet la quitte.", "Lorvanet")]:
        assert relabelled(_named_by_nouns, text, "fr", [(name, "PER")]) == [(name, "PER")], text


def test_english_keeps_its_noun_right_before_the_name() -> None:
    # English puts its complements before the noun ("the Danish bike-rental company Kvarlo"): no such rule
    text = "The largest group of cruise lines in the world, Velmora, said it would resume."
    assert relabelled(_named_by_nouns, text, "en", [("Velmora", "PER")]) == [("Velmora", "PER")]
