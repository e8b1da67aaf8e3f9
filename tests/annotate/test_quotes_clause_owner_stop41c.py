"""Stop 41, third round, quotes3 (issue 17 item 3): "at" and "from" link a capitalised speaker to its
body ("Officials at Tarnavia Customs said", "Sources at the Brackwell Clinic told", ", Orrin Blackwood
from Tarnavia Freight said") only where that speaker opens a clause (``clause_owner_complements``): a
place before "from" inside a clause ("visiting Brackwell from Tarnavia") and a lower-case owner ("an
official statement from Tarnavia Freight", the cited text) take no link.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_of, speaker_text


@pytest.mark.parametrize("text, words, speaker", [
    # a plural noun opening its sentence before "at": the officials speak, not their body
    ("Officials at Tarnavia Harbour Customs, a branch of the port authority, said they were worried that "
     "the forms could be misused.", "they were worried that the forms could be misused",
     "Officials at Tarnavia Harbour Customs"),
    ("Sources at the Brackwell Kidney Clinic told the Ledger that the machines had never been used.",
     "the machines had never been used", "Sources at the Brackwell Kidney Clinic"),
    # a person's name after a comma before "from": the person speaks, the phrase kept whole
    ("When asked about the shifts at Depot 12, Orrin Blackwood from TFX corporate communications said, “Nobody works six days in a row.”",
     "Nobody works six days in a row.", "Orrin Blackwood from TFX"),
])
def test_a_clause_opening_owner_speaks_not_its_body(text: str, words: str, speaker: str) -> None:
    assert speaker_text(quotes_of(text, "en")[words]) == speaker


# ---- look-alikes that must not move ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, words, speaker", [
    # a place before "from" inside a clause is no owner of the place after it
    ("Ellery Voss, 24, who was visiting Brackwell from Tarnavia, told me that he had stopped reading the site.",
     "he had stopped reading the site", "Tarnavia"),
    # a lower-case owner takes no clause-only link: the cited text's source stays
    ("In an official statement from Tarnavia Freight said that the repair would take twelve days.",
     "the repair would take twelve days", "Tarnavia Freight"),
    # "of" links as before
    ("Officials of Tarnavia Harbour Customs said that the forms could be misused.",
     "the forms could be misused", "Officials of Tarnavia Harbour Customs"),
])
def test_a_link_without_a_clause_opening_owner_does_not_move(text: str, words: str, speaker: str) -> None:
    assert speaker_text(quotes_of(text, "en")[words]) == speaker
