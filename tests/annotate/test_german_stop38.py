"""Stop 38 (issue 17, German): speakers and dates on the classes read in real German copy.

Speakers: a fronted phrase of any length (commas and all) before an inverted cue („Auf die Frage, wie …,
antwortete er:“), also right after a quote's closing mark; a source before its verb takes no clause
(„Laut Polizei handelte es sich …, sondern …“); a preposition opens no subject after a quote; a headline's
speaker follows its dash; a quoted title in a compound („…“-Star) is no quote; a speaker described with an
indefinite article is nobody named before; bracketed initials inside an appositive; a one-word speaker the
lexicon reads lower case only is a fronted word („Gleichzeitig zeige der Film:“), unless the entities found
a person there („Klopp weiter:“); naming words keep a name from being a partial quote; an impersonal cue's
source may open on a preposition („heißt es in dem Papier“); cues read in real copy (meldete, teilt,
beschreibt); the subject of the sentence before speaks an unattributed quote; in the sentence before, the
name after „…, sagte“ speaks.
Dates: „Morgen“ capitalised inside a sentence is no tomorrow; the perfect's bracket makes a bare month past.

All texts here were written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from quote_inputs import quotes_of, quotes_with_people, speaker_text
from newsweave.annotate import timex

WEDNESDAY = date(2024, 2, 28)


def values(text: str, language: str = "de") -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in timex.tag(text, language, WEDNESDAY)]


# ---- fronted phrases before an inverted cue ------------------------------------------------------------

@pytest.mark.parametrize("text, words, speaker", [
    ("Der Streit dauert an. Mit Blick auf den lange umstrittenen Neubau am Hafen betonte sie: „Wir bauen trotzdem.“",
     "Wir bauen trotzdem.", "sie"),
    ("Der Trainer schwieg lange. Auf die Frage, wie er das Spiel beurteile, antwortete er im Interview: "
     "„Es war ein schwerer Abend.“", "Es war ein schwerer Abend.", "er"),
    ("Die Lage ist klar. In einer Stellungnahme für die Anhörung im Landtag schreibt Jonas Brenner: "
     "„Die Frist ist zu kurz.“", "Die Frist ist zu kurz.", "Jonas Brenner"),
])
def test_a_fronted_phrase_of_any_length_comes_before_the_cue_and_its_subject(text: str, words: str, speaker: str) -> None:
    assert speaker_text(quotes_of(text, "de")[words]) == speaker


def test_a_fronted_phrase_may_open_right_after_a_quote() -> None:
    text = "„Das ist vorbei.“ Nach Details gefragt meint Jonas Brenner trocken: „Kein Kommentar.“"
    quotes = quotes_of(text, "de")
    assert speaker_text(quotes["Kein Kommentar."]) == "Jonas Brenner"
    assert speaker_text(quotes["Das ist vorbei."]) is None  # „Nach Details“ is no subject


def test_a_determiner_opens_a_subject_not_a_fronted_phrase() -> None:
    text = "Es war kalt. Der Gouverneur des Landes, Jo Brand, kritisierte das Verhalten am Montag scharf: „Das geht nicht.“"
    assert quotes_with_people(text, "de", [("Jo Brand", "per:jb")])["Das geht nicht."].speaker_name == "Jo Brand"


@pytest.mark.parametrize("text, words", [
    ("Der Film läuft im Herbst. Gleichzeitig zeige der Film: „Sucht ist eine Krankheit.“", "Sucht ist eine Krankheit."),
    ("Die Firma wächst. Trotz der schwachen Zahlen versucht Ole Weidmark ruhig zu bleiben: „Wir halten durch.“",
     "Wir halten durch."),
])
def test_an_adverb_or_preposition_opening_the_sentence_is_no_speaker(text: str, words: str) -> None:
    speaker = speaker_text(quotes_of(text, "de")[words])
    assert speaker not in ("Gleichzeitig", "Trotz")


# ---- sources before the verb ----------------------------------------------------------------------------

def test_a_source_before_its_verb_takes_no_clause() -> None:
    text = "Der Unfall geschah am Morgen. Laut Polizei handelte es sich um keinen Schnitt, sondern um eine Rötung. Mehr nicht."
    quote = next(q for q in quotes_of(text, "de").values() if not q.direct)
    assert speaker_text(quote) == "Polizei"
    assert text[quote.start:quote.end].startswith("handelte es sich um keinen Schnitt, sondern")


@pytest.mark.parametrize("text, source", [
    ("Die Lage ist ernst. Laut Bericht des Ministeriums wurden drei Menschen verletzt, zwei davon schwer.",
     "Bericht des Ministeriums"),
    ("Die Lage ist ernst. Laut Information des Ministeriums, Stand 18 Uhr, hat sich die Zahl auf neun erhöht.",
     "Information des Ministeriums"),
])
def test_a_source_keeps_its_genitive(text: str, source: str) -> None:
    quote = next(q for q in quotes_of(text, "de").values() if not q.direct)
    assert speaker_text(quote) == source


# ---- headlines, titles, names ---------------------------------------------------------------------------

def test_a_headline_s_speaker_follows_its_dash() -> None:
    text = "FC Musterstadt - Jonas Brenner über den Abstieg: „Es ist so bitter.“\nDer Verein schweigt."
    assert speaker_text(quotes_of(text, "de")["Es ist so bitter."]) == "Jonas Brenner"


def test_a_quoted_title_joined_to_a_word_by_a_hyphen_is_no_quote() -> None:
    assert "Lindenhof" not in quotes_of("Ada Quill: „Lindenhof“-Star wechselt zum Sender Nord", "de")


def test_a_name_after_a_naming_word_is_no_partial_quote() -> None:
    text = "Die Ministerin sagte, die sogenannten „freien Zentren“ seien wichtig für das Land."
    assert "freien Zentren" not in quotes_of(text, "de")


@pytest.mark.parametrize("text, kept", [
    ("Jo Ash said the plan was “a disaster for the harbour” on Monday.", True),
    ("Jo Ash said a group called “Fair Harbour” had won the vote.", False),
])
def test_english_partial_quotes_and_names(text: str, kept: bool) -> None:
    words = text.split("“")[1].split("”")[0]
    assert (words in quotes_with_people(text, "en", [("Jo Ash", "per:ja")])) is kept


# ---- who speaks -----------------------------------------------------------------------------------------

def test_a_speaker_with_an_indefinite_article_is_nobody_named_before() -> None:
    text = "Ada Quill leitet das Revier in Sandhafen. „Wir prüfen den Fall“, sagte eine Polizeisprecherin."
    quote = quotes_with_people(text, "de", [("Ada Quill", "per:aq")])["Wir prüfen den Fall"]
    assert speaker_text(quote) == "eine Polizeisprecherin"
    assert quote.speaker_name != "Ada Quill"


@pytest.mark.parametrize("text, words", [
    # bracketed initials inside an appositive
    ("Die Gegner kritisierten den Plan. „Das ist falsch“, teilte der Generalsekretär der Liga (ALB), Jonas Brenner, mit.",
     "Das ist falsch"),
    # the subject of the sentence before speaks an unattributed quote
    ("Jonas Brenner kam zu einer Sammelstelle, wo andere schon warteten. „Ich hatte große Angst vor dem Abend.“",
     "Ich hatte große Angst vor dem Abend."),
])
def test_the_named_person_speaks(text: str, words: str) -> None:
    assert quotes_with_people(text, "de", [("Jonas Brenner", "per:jb")])[words].speaker_name == "Jonas Brenner"


def test_a_surname_the_entities_found_is_no_fronted_word() -> None:
    # „Klopp“ is also a form of „kloppen“ in the lexicon: the entities stage knows it as a person here
    text = "Jonas Klopp lachte. Klopp weiter: „Ich verstehe davon nichts, fragen Sie Fachleute.“"
    quote = quotes_with_people(text, "de", [("Jonas Klopp", "per:jk"), ("Klopp", "per:jk")])
    assert speaker_text(quote["Ich verstehe davon nichts, fragen Sie Fachleute."]) == "Klopp"


@pytest.mark.parametrize("text, source", [
    ("„Die Lage ist ernst“, heißt es in dem Papier der Partei.", "in dem Papier der Partei"),
    ("„Die Lage ist ernst“, hieß es aus dem Ministerium.", "aus dem Ministerium"),
])
def test_the_source_of_an_impersonal_cue_may_open_on_a_preposition(text: str, source: str) -> None:
    assert speaker_text(quotes_of(text, "de")["Die Lage ist ernst"]) == source


@pytest.mark.parametrize("text, words, speaker", [
    ("Niemand wurde verletzt. „Die Täter sind flüchtig“, meldete die Polizei gegen 1 Uhr.", "Die Täter sind flüchtig",
     "die Polizei"),
    ("„Damit das klappt, müssen alle mitmachen“, teilt Ole Weidmark, Leiter für den Raum Nord, per Mitteilung mit.",
     "Damit das klappt, müssen alle mitmachen", "Ole Weidmark"),
    ("„Die Arbeit ist viel leichter“, beschreibt er die Vorbereitung.", "Die Arbeit ist viel leichter", "er"),
])
def test_cues_read_in_real_german_copy(text: str, words: str, speaker: str) -> None:
    assert speaker_text(quotes_of(text, "de")[words]) == speaker


def test_an_adjective_opening_the_sentence_before_is_no_subject() -> None:
    text = "Die Leute klagen. Abgelaufenes Öl lag lange auf der Straße. „Die Helfer waren schnell da.“"
    assert speaker_text(quotes_of(text, "de")["Die Helfer waren schnell da."]) is None


def test_in_the_sentence_before_the_name_after_the_comma_and_cue_speaks() -> None:
    text = "Es gebe keinen Zweifel am Wert des Versammlungsrechts, sagte Brenner. „Aber alle Freiheiten haben Grenzen.“"
    assert speaker_text(quotes_of(text, "de")["Aber alle Freiheiten haben Grenzen."]) == "Brenner"


# ---- dates ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Am Morgen des siebten Oktobers lag das Buch auf dem Tisch.",
    "© Sandhafener Morgen, Dienstag",
])
def test_capitalised_morgen_inside_a_sentence_is_no_tomorrow(text: str) -> None:
    assert "2024-02-29" not in [value for _, value in values(text)]


@pytest.mark.parametrize("text", ["Das Treffen ist morgen.", "Er sagte: Morgen beginnt der Bau."])
def test_tomorrow_in_lower_case_or_opening_a_sentence_stays(text: str) -> None:
    assert "2024-02-29" in [value for _, value in values(text)]


@pytest.mark.parametrize("text, value", [
    ("Der Index ist im Mai gegenüber dem Vormonat um 0,5 Prozent gesunken.", "2023-05"),
    ("Ich habe Anfang April vorgeschlagen, dass wir das Amt schließen.", "2023-04"),
    ("Die Wahl ist für Mai angesetzt.", "2024-05"),
    ("Das Fest ist im Mai auf dem Markt geplant.", "2024-05"),
])
def test_the_perfect_s_bracket_makes_a_bare_month_past(text: str, value: str) -> None:
    assert value in [found for _, found in values(text)]
