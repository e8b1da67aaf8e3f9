"""Names ending (en) or opening (fr) with a head of places that surnames share ("Bay", "Pointe"),
taken for people by the model (annotate/entities.py, issue 16). Every name is invented; the
mentions are placed by hand so the rule is checked whatever the model finds."""

from __future__ import annotations

from newsweave.annotate.canonical import Mention
from newsweave.annotate.entities import _places_with_shared_heads
from newsweave.annotate.nlp import pipeline
from newsweave.annotate.toponyms import embedded_places


def _mentions(text: str, found: list[tuple[str, str]]) -> list[Mention]:
    mentions, start = [], 0
    for words, label in found:
        start = text.index(words, start)
        mentions.append(Mention(start, start + len(words), words, label))
        start += len(words)
    return mentions


def _labels(text: str, language: str, found: list[tuple[str, str]]) -> list[str]:
    mentions = _mentions(text, found)
    _places_with_shared_heads(mentions, text, pipeline(language)(text), language)
    return [mention.label for mention in mentions]


def test_a_preposition_of_places_makes_the_name_a_place_in_every_mention() -> None:
    text = "Villages in the hills above Dorvic Bay lost power. Trains between Dorvic Bay and the coast stopped."
    assert _labels(text, "en", [("Dorvic Bay", "PER"), ("Dorvic Bay", "PER")]) == ["LOC", "LOC"]
    text = "Les pêcheurs sont rentrés à Pointe Marvelle samedi. Pointe Marvelle reste coupée du réseau."
    assert _labels(text, "fr", [("Pointe Marvelle", "PER"), ("Pointe Marvelle", "PER")]) == ["LOC", "LOC"]


def test_a_dateline_or_a_place_label_elsewhere_is_evidence() -> None:
    text = "DORVIC BAY, March 3 - Crews worked through the night. Roads around the harbour of Dorvic Bay were shut."
    assert _labels(text, "en", [("Dorvic Bay", "ORG")]) == ["LOC"]
    text = "Crews reached Dorvic Bay on Monday. The ferry service of Dorvic Bay was cancelled."
    assert _labels(text, "en", [("Dorvic Bay", "PER"), ("Dorvic Bay", "LOC")]) == ["LOC", "LOC"]


def test_a_trace_of_a_person_keeps_the_person() -> None:
    # A given name opens it: the film director, not the bay.
    text = "The crew flew to London with Michael Bay."
    assert _labels(text, "en", [("Michael Bay", "PER")]) == ["PER"]
    # The subject of a verb, or after an honorific.
    text = "Torvald Hill said the plan would work. Critics wrote to Torvald Hill."
    assert _labels(text, "en", [("Torvald Hill", "PER"), ("Torvald Hill", "PER")]) == ["PER", "PER"]
    text = "A letter from Mrs Varnel Hill reached the council."
    assert _labels(text, "en", [("Varnel Hill", "PER")]) == ["PER"]
    # No evidence of a place at all.
    text = "Dorvic Bay won the award."
    assert _labels(text, "en", [("Dorvic Bay", "PER")]) == ["PER"]


def test_the_head_noun_is_no_place_of_its_own() -> None:
    # "Bay" is a region somewhere: a bay's name does not put a dot there.
    text = "Trains between Kestrel Bay and the coast stopped."
    mentions = _mentions(text, [("Kestrel Bay", "LOC")])
    assert embedded_places(mentions, text, "en") == []
