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


def test_a_name_after_its_staff_or_its_head_is_the_firm_everywhere() -> None:
    # « l'ancien PDG de X », « les employés de X »: the firm, though the model read a place or a person
    text = "Pour les détaillants, la faillite est réelle, dit l'ancien PDG de Velmoré. Velmoré a fermé."
    assert relabelled(_named_by_nouns, text, "fr", [("Velmoré", "LOC"), ("Velmoré", "LOC")]) == [
        ("Velmoré", "ORG"), ("Velmoré", "ORG")]
    text = "Les employés de Kessora sont inquiets, et Kessora a fermé."
    assert relabelled(_named_by_nouns, text, "fr", [("Kessora", "ORG"), ("Kessora", "PER")]) == [
        ("Kessora", "ORG"), ("Kessora", "ORG")]


def test_a_big_place_after_a_firms_staff_stays_a_place() -> None:
    text = "Les salariés de Lyon ont manifesté devant la mairie."
    assert relabelled(_named_by_nouns, text, "fr", [("Lyon", "LOC")]) == [("Lyon", "LOC")]
    # English names a firm's staff before the firm ("Kessora employees"): no such rule
    text = "The employees of Kessora walked out."
    assert relabelled(_named_by_nouns, text, "en", [("Kessora", "PER")]) == [("Kessora", "PER")]
