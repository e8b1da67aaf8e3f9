"""Names parted by a spaced slash (annotate/name_lists.py, issue 16); invented people, mentions
placed by hand."""

from __future__ import annotations

from newsweave.annotate.canonical import Mention
from newsweave.annotate.name_lists import persons_paired_by_slashes


def _labels(text: str, found: list[tuple[str, str]]) -> list[str]:
    mentions = [Mention(text.index(words), text.index(words) + len(words), words, label) for words, label in found]
    persons_paired_by_slashes(mentions, text)
    return [mention.label for mention in mentions]


def test_a_pair_beside_a_person_is_a_person() -> None:
    assert _labels("Ice dance: Marika Vellander / Tomas Hansen (third)",
                   [("Marika Vellander", "PER"), ("Tomas Hansen", "ORG")]) == ["PER", "PER"]
    assert _labels("Danse sur glace : Ilse Kovrac / Pierre Varnel", [("Ilse Kovrac", "LOC"), ("Pierre Varnel", "PER")]) == ["PER", "PER"]


def test_an_agency_in_a_credit_line_stays() -> None:
    assert _labels("Photo: Marika Vellander / Northwire Images", [("Marika Vellander", "PER"), ("Northwire Images", "ORG")]) == ["PER", "ORG"]
    assert _labels("Photo: Marika Vellander / Reuters", [("Marika Vellander", "PER"), ("Reuters", "ORG")]) == ["PER", "ORG"]
