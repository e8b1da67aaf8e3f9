"""Stop 33, second round (issue 17 item 3): the speaker leftovers of stop 33 — a relaying source
between a quote and its attribution, a French incise before "selon", a surname the sentence-opener
list holds, and "As <subject> told X," openers.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_of


def _speaker(text: str, words: str, language: str = "en") -> str | None:
    quote = quotes_of(text, language)[words]
    return quote.speaker.text if quote.speaker else None


# ---- a relaying source between the quote and its attribution ---------------------------------

@pytest.mark.parametrize(("text", "words", "language", "speaker"), [
    ("The rally opened late. “We will carry this county,” according to the Courier, Mara Lindqvist told "
     "supporters.", "We will carry this county,", "en", "Mara Lindqvist"),
    ("The rally opened late. “We will carry this county,” according to local radio, the candidate told "
     "supporters.", "We will carry this county,", "en", "the candidate"),
    ("Le meeting a commencé tard. « Nous allons gagner ce canton », selon La Gazette, a déclaré Paul Marchand.",
     "Nous allons gagner ce canton", "fr", "Paul Marchand"),
])
def test_a_relaying_source_before_the_attribution_is_no_speaker(text: str, words: str, language: str,
                                                                speaker: str) -> None:
    assert _speaker(text, words, language) == speaker


def test_a_relaying_source_alone_still_speaks() -> None:
    # no attribution after its comma: the source is all the text gives
    text = "The storm hit at night. “It was the worst storm in a decade,” according to the harbour report, which came out on Monday."
    assert _speaker(text, "It was the worst storm in a decade,") == "the harbour report"


# ---- French incise before a relaying source ----------------------------------------------------

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("La réunion s'est tenue lundi. Le projet de port est abandonné, a-t-il dit, selon La Gazette.",
     "Le projet de port est abandonné", "il"),
    ("La réunion s'est tenue lundi. Le projet de port est abandonné, a-t-elle déclaré, d'après La Gazette.",
     "Le projet de port est abandonné", "elle"),
])
def test_a_french_incise_before_selon_keeps_the_speaker(text: str, content: str, speaker: str) -> None:
    quotes = quotes_of(text, "fr")
    assert content in quotes, quotes
    assert not quotes[content].direct and _speaker(text, content, "fr") == speaker


def test_an_english_relayed_report_keeps_the_speaker() -> None:
    text = "The meeting was on Monday. The harbour plan is dead, he said, according to the Courier."
    assert _speaker(text, "The harbour plan is dead") == "he"


def test_a_hearsay_incise_alone_reports_nothing() -> None:
    # "semble-t-il" has the incise's shape and speaks for nobody
    text = "La réunion s'est tenue lundi. Le projet de port est abandonné, semble-t-il. La salle a applaudi."
    assert not quotes_of(text, "fr")


# ---- a surname that the sentence-opener list holds ---------------------------------------------

def test_a_listed_surname_after_a_given_name_stays_in_the_name() -> None:
    text = ("Millbrook Tools chief executive Colin Read said prices would hold. “Our prices are fair,” "
            "Read said. “We will not change them.”")
    quotes = quotes_of(text, "en")
    quote = quotes["Our prices are fair,"]
    assert quote.speaker is not None and quote.speaker.text == "Read"
    assert quote.speaker_name == "Colin Read"
    text = "“Our prices are fair,” Colin Read said. Analysts were not convinced."
    assert _speaker(text, "Our prices are fair,") == "Colin Read"


def test_a_listed_word_alone_is_no_surname() -> None:
    # never named after a given name: "Read" stays a sentence opener, no speaker of its own
    text = "The shop opened in May. “Our prices are fair,” Read said. Analysts disagreed."
    quotes = quotes_of(text, "en")
    assert all(q.speaker is None or q.speaker.text != "Read" for q in quotes.values())


def test_a_weekday_after_a_name_stays_out_of_it() -> None:
    text = "“We are staying in the league,” coach Tomas Berglund Monday said to reporters."
    quotes = quotes_of(text, "en")
    assert all(q.speaker is None or "Monday" not in q.speaker.text for q in quotes.values())


# ---- "As <subject> told X," openers ------------------------------------------------------------

@pytest.mark.parametrize(("text", "words", "language", "speaker"), [
    ("Workers were angry. As one employee told the Millbrook Ledger, “We were never paid for the overtime.”",
     "We were never paid for the overtime.", "en", "one employee"),
    ("Workers were angry. As Tom Berling told reporters, “We were never paid for the overtime.”",
     "We were never paid for the overtime.", "en", "Tom Berling"),
])
def test_an_as_opener_introduces_the_speaker(text: str, words: str, language: str, speaker: str) -> None:
    quotes = quotes_of(text, language)
    assert quotes[words].direct and _speaker(text, words, language) == speaker


def test_a_fragment_after_an_as_opener_stays_partial() -> None:
    # lower-case at its start: words of the writer's sentence, spoken by the opener's subject
    text = "As one employee told the Millbrook Ledger, “a disgrace for the whole yard.” Talks resume today."
    quote = quotes_of(text, "en")["a disgrace for the whole yard."]
    assert not quote.direct and quote.partial and quote.speaker is not None and quote.speaker.text == "one employee"
