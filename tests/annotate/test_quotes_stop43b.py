"""Stop 43, quotes2 (issue 17 item 3): a printed interview's unmarked answers. An English answer line opened by
"A: " after a question line speaks for the person the text named before the first question; a German answer
line opened by the interviewee's own name („Okerlein: …“) after a question line speaks for that person.
Look-alikes that must not move: a label line after no question, a dash that opens a list item, a "Name:" line
that is a caption or a dateline, a name no one in the text bears.

All texts here were written for these tests.
"""

from __future__ import annotations

from quote_inputs import quotes_of, quotes_with_people, speaker_text

ENGLISH_INTERVIEW = ("Harbour theatre chief Ondine Falkreath took our questions in her office.\n\n"
                     "Q: Will the roof hold?\nA: It will hold for one more winter, and not a day longer.\n\n"
                     "Q: And then?\nA: Then we move the whole stage out onto the quay.")


def test_an_english_answer_speaks_for_the_person_named_before_the_questions() -> None:
    quotes = quotes_with_people(ENGLISH_INTERVIEW, "en", [("Ondine Falkreath", "p1")])
    for words in ("It will hold for one more winter, and not a day longer.",
                  "Then we move the whole stage out onto the quay."):
        assert quotes[words].direct and quotes[words].speaker_name == "Ondine Falkreath"


def test_an_english_answer_with_no_person_named_has_no_speaker_but_is_a_quote() -> None:
    quotes = quotes_of(ENGLISH_INTERVIEW, "en")
    assert "Then we move the whole stage out onto the quay." in quotes


GERMAN_INTERVIEW = ("Im Gespräch mit unserer Zeitung zieht Brunhild Okerlein Bilanz.\n\n"
                    "Frage: Lohnt sich der Umbau?\nOkerlein: Ja, aber erst seit dem zweiten Jahr.\n\n"
                    "Frage: Würden Sie es wieder tun?\nOkerlein: Sofort, nur früher.")


def test_a_german_answer_speaks_for_the_name_of_its_label() -> None:
    quotes = quotes_with_people(GERMAN_INTERVIEW, "de", [("Brunhild Okerlein", "p1"), ("Okerlein", "p1")])
    for words in ("Ja, aber erst seit dem zweiten Jahr.", "Sofort, nur früher."):
        assert speaker_text(quotes[words]) == "Okerlein"
        assert quotes[words].speaker_name == "Brunhild Okerlein"


def test_a_german_name_label_found_without_entities_by_the_name_before_it() -> None:
    quotes = quotes_of(GERMAN_INTERVIEW, "de")
    assert speaker_text(quotes["Sofort, nur früher."]) == "Okerlein"


# ---- look-alikes that must not move ----------------------------------------------------------------------------

def test_a_label_line_after_no_question_is_no_answer() -> None:
    text = "Tide table for Pellmouth.\nA: high water at noon, low water at six."
    assert quotes_of(text, "en") == {}


def test_a_dash_that_opens_a_list_item_is_no_answer() -> None:
    text = ("Was gehört in den Rucksack?\n– eine Trinkflasche aus Glas\n– zwei Äpfel aus dem Garten\n\n"
            "Lotta Wendrich packt ihn jeden Morgen.")
    assert quotes_of(text, "de") == {}


def test_a_caption_or_dateline_name_is_no_answer() -> None:
    # a place or a heading before a colon names no person the text bears
    text = ("Wer zahlt die Brücke?\nBrückenstadt: Die Gemeinde Kellhofen streitet seit Jahren über die Kosten.\n\n"
            "Ist das Ufer sicher?\nFoto: Ein Kran hebt das letzte Segment ein.")
    quotes = quotes_with_people(text, "de", [])
    assert quotes == {}


def test_an_english_name_label_is_not_read_as_an_answer() -> None:
    # English reads only "A: " labels: a dateline after a question heading stays the writer's
    text = "Did the lake ever freeze?\nMarrowby: The lake froze twice in the last century, records show."
    assert quotes_of(text, "en") == {}
