"""Stop 40 (issue 17 item 3, English and French speakers on fresh real copy): the words after the cue
that attributes a quote marked right before it ('“…,” she told the Dunmore Ledger in 2019.') say to
whom, where or when it was said, not what; the French indefinite pronoun (« On dit que … », « l'on
assure que … ») names no one, not the person named last.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_with_people, speaker_text

PEOPLE = [("Marta Quillon", "per:marta-quillon"), ("Tobias Frenn", "per:tobias-frenn"), ("Nadia Orlov", "per:nadia-orlov"),
          ("Paul Vernier", "per:paul-vernier"), ("Jeanne Morel", "per:jeanne-morel")]


# ---- the tail of a marked quote's attribution ---------------------------------------------------------

@pytest.mark.parametrize("text, tail", [
    ("Marta Quillon runs the bakery. “I never wanted to leave this town,” she told the Dunmore Ledger in 2019.",
     "the Dunmore Ledger in 2019"),
    ("“We did what we could,” Tobias Frenn said in an article in the Weekly Harbour on June 3, 2011.",
     "in an article in the Weekly Harbour on June 3, 2011"),
    ("“It was the coldest night in years”, Nadia Orlov told analysts on a conference call.",
     "analysts on a conference call"),
])
def test_the_tail_of_an_attribution_is_no_quote(text: str, tail: str) -> None:
    quotes = quotes_with_people(text, "en", PEOPLE)
    assert tail not in quotes
    assert len(quotes) == 1


@pytest.mark.parametrize("text, words", [
    # the marked quote closes its own sentence: the next cue reports words of its own
    ("He called the plan “a farce.” Nadia Orlov said the council would vote again.", "the council would vote again"),
    # a clause word or a subject after the addressee opens reported words
    ("“The oven is old,” Marta Quillon told the Ledger that the bakery would close.", "the bakery would close"),
    ("“The oven is old,” Marta Quillon told the Ledger on Monday she would sell it.", "she would sell it"),
    # a participle after the cue goes on reporting
    ("“The road is closed,” Tobias Frenn said, adding that it would reopen on Friday.",
     ", adding that it would reopen on Friday"),
])
def test_reported_words_after_a_marked_quote_stay(text: str, words: str) -> None:
    assert words in quotes_with_people(text, "en", PEOPLE)


# ---- the French indefinite pronoun ------------------------------------------------------------------

@pytest.mark.parametrize("text, words, mention", [
    ("Le maire Paul Vernier a inauguré la salle. On dit que les travaux ont coûté deux millions.",
     "les travaux ont coûté deux millions", "On"),
    ("Jeanne Morel a quitté Lyon en mars. Au ministère, l'on assure que le dossier est clos.",
     "le dossier est clos", "on"),
])
def test_on_names_no_one(text: str, words: str, mention: str) -> None:
    quote = quotes_with_people(text, "fr", PEOPLE)[words]
    assert speaker_text(quote) == mention
    assert quote.speaker_entity_id is None and quote.speaker_name is None


def test_a_named_pronoun_still_resolves_in_french() -> None:
    text = "Jeanne Morel a quitté Lyon en mars. Elle assure que le dossier est clos."
    assert quotes_with_people(text, "fr", PEOPLE)["le dossier est clos"].speaker_entity_id == "per:jeanne-morel"
