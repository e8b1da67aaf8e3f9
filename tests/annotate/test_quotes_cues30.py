"""Stop 30 (issue 17 item 3): cue verbs and shapes read on real German and Spanish copy, and
general rules read on the PolNeAR tune half.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_of


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("„Wo bleibt der Aufschwung?“, fragt Ökonomin Greta Vollmer.",
     "Wo bleibt der Aufschwung?", "Ökonomin Greta Vollmer"),
    ("„Das ist doch absurd“, schimpft der Landrat.", "Das ist doch absurd", "der Landrat"),
    ("„Wir bleiben hier, bis die Regierung zuhört“, ruft Mara Eckert den Demonstranten zu.",
     "Wir bleiben hier, bis die Regierung zuhört", "Mara Eckert"),
    ("„Die Stadt muss jetzt handeln“, stellt Ortsvorsteher Ben Kühl nach der Sitzung klar.",
     "Die Stadt muss jetzt handeln", "Ortsvorsteher Ben Kühl"),
    ("„Die Kunden lachen über die Idee“, freut sich Bäckerin Ida Falk.",
     "Die Kunden lachen über die Idee", "Bäckerin Ida Falk"),
    ("Der Bürgermeister schwieg lange. „Ich war damals noch ein Kind“, erinnert er sich.",
     "Ich war damals noch ein Kind", "er"),
    ("„Die ersten zwei Runden waren hart“, kommentierte Läufer Otto Brand seinen Lauf.",
     "Die ersten zwei Runden waren hart", "Läufer Otto Brand"),
])
def test_german_cues_read_on_real_copy(text: str, words: str, speaker: str) -> None:
    quote = quotes_of(text, "de")[words]
    assert quote.direct and quote.speaker is not None and quote.speaker.text == speaker


def test_german_short_name_ending_a_sentence_takes_no_continuation() -> None:
    # "so Rey." ends its sentence: "Das" opens the next one and is no object of the cue
    text = "«Die Tiere waren krank», so Ott. Das Amt ermittelt nun gegen den Halter."
    quote = quotes_of(text, "de")["Die Tiere waren krank"]
    assert quote.speaker is not None and quote.speaker.text == "Ott"


@pytest.mark.parametrize(("follow", "cue"), [
    ("“Todo el mundo ayudó aquella noche”, resumió.", "resumió"),
    ("“Todo el mundo ayudó aquella noche”, ha subrayado.", "ha subrayado"),
    ("“Todo el mundo ayudó aquella noche”, señaló en conferencia de prensa.", "señaló"),
    ("“Todo el mundo ayudó aquella noche”, dijo, y recordó que el plan sigue.", "dijo"),
])
def test_spanish_pro_drop_cues_read_on_real_copy(follow: str, cue: str) -> None:
    # the verb alone, then a full stop, a comma or a clause of place or time: the subject is
    # understood, and resolves to the person quoted before
    text = "“Las obras terminan en mayo”, dijo la ministra de Fomento, Carmen Ruiz.\n\n" + follow
    quote = quotes_of(text, "es")["Todo el mundo ayudó aquella noche"]
    assert quote.direct and quote.cue == cue
    assert quote.speaker_name == "Carmen Ruiz"


def test_spanish_named_subject_after_the_cue_is_read_before_pro_drop() -> None:
    text = "“El incendio avanzó muy deprisa”, informó el jefe de bomberos, Andrés Gil."
    quote = quotes_of(text, "es")["El incendio avanzó muy deprisa"]
    assert quote.speaker is not None and "Andrés Gil" in quote.speaker.text


def test_spanish_sentence_adverb_is_no_speaker() -> None:
    text = "Asimismo señaló que el puerto abrirá en mayo con nuevos horarios."
    for quote in quotes_of(text, "es").values():
        assert quote.speaker is None or quote.speaker.text != "Asimismo"


@pytest.mark.parametrize(("text", "language", "words", "speaker"), [
    ("“Do you want a ferry or a bridge?“ she asked the council. “We cannot pay for both.”", "en",
     "Do you want a ferry or a bridge?", "she"),
    ("“Hemos ganado la votación del puerto“, dijo el alcalde Luis Mora.", "es",
     "Hemos ganado la votación del puerto", "el alcalde Luis Mora"),
])
def test_an_opening_mark_typed_as_the_closing_one_closes_the_quote(text: str, language: str, words: str,
                                                                   speaker: str) -> None:
    # after a word or punctuation and before a space, a “ closes: the attribution stays outside
    quote = quotes_of(text, language)[words]
    assert quote.direct and quote.speaker is not None and quote.speaker.text == speaker


def test_an_opening_mark_before_a_word_still_opens() -> None:
    quotes = quotes_of("The mayor said “no“ twice. “We will vote again in May,” she said.", "en")
    assert "We will vote again in May," in quotes


@pytest.mark.parametrize(("text", "speaker", "name"), [
    ("“We are behind in the north,” Garber’s campaign manager, Ada Quill, said on Monday.",
     "Garber’s campaign manager, Ada Quill", "Ada Quill"),
    ("“The budget comes first,” the mayor’s spokeswoman, Tamsin Hollow, said in a statement.",
     "the mayor’s spokeswoman, Tamsin Hollow", "Tamsin Hollow"),
])
def test_a_possessive_role_with_the_name_in_apposition_is_one_speaker(text: str, speaker: str, name: str) -> None:
    quote = next(q for q in quotes_of(text, "en").values() if q.direct)
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.speaker_name == name


def test_a_german_role_with_the_name_in_apposition_is_one_speaker() -> None:
    text = "„Die Brücke bleibt offen“, sagte der Sprecher der Stadt, Jonas Berger."
    quote = quotes_of(text, "de")["Die Brücke bleibt offen"]
    assert quote.speaker is not None and quote.speaker.text.endswith("Jonas Berger")
    assert quote.speaker_name == "Jonas Berger"


@pytest.mark.parametrize("text", [
    "“A second test would be a stretch for them,” Jo Lee of the Martin Center for Arms Studies wrote in May.",
    "Jo Lee of the Martin Center for Arms Studies told reporters: “A second test would be a stretch for them.”",
])
def test_the_institution_a_speaker_is_of_sits_between_speaker_and_cue(text: str) -> None:
    quote = next(q for q in quotes_of(text, "en").values() if q.direct)
    assert quote.speaker is not None and quote.speaker.text == "Jo Lee"
    assert quote.speaker_description is not None
    assert quote.speaker_description.text == "Jo Lee of the Martin Center for Arms Studies"


def test_a_capitalised_word_after_a_name_is_no_verb_of_the_regular_shape() -> None:
    # after a quote left open by its comma, "Lewis" (a name in -s) is no cue: the speaker is not "Ada"
    text = "“We are close,” Ada Lewis of the Harbour Board for Coastal Works wrote."
    quote = quotes_of(text, "en")["We are close,"]
    assert quote.speaker is not None and quote.speaker.text == "Ada Lewis"
    text = "“What a day,” beamed Tom Hartley."
    assert quotes_of(text, "en")["What a day,"].speaker.text == "Tom Hartley"  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "description"), [
    ("“The rent doubled in a year,” said one owner of a bakery on Mill Street.",
     "one owner of a bakery on Mill Street"),
    ("“There was never an order to wait,” said the harbour chief known as Tam, speaking for the first time.",
     "the harbour chief known as Tam"),
    ("“It will be close,” said the former aide to Governor Ada Quill.", "the former aide to Governor Ada Quill"),
    ("“We back her without hesitation,” the regional daily wrote.", "the regional daily"),
])
def test_a_described_speaker_takes_the_words_that_say_who_it_is(text: str, description: str) -> None:
    quote = next(q for q in quotes_of(text, "en").values() if q.direct)
    wide = quote.speaker_description or quote.speaker
    assert wide is not None and wide.text == description


def test_a_named_speaker_takes_no_prepositional_phrase() -> None:
    # "to a crowd" after a name or a plain described speaker is the writer's clause
    quote = next(q for q in quotes_of("“We will win,” said the mayor to a crowd of supporters.", "en").values())
    assert (quote.speaker_description or quote.speaker).text == "the mayor"  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "language", "description"), [
    ("The columnists weighed in.\n\nTamsin Hollow, The Harbour Times: “The mayor won the night.”", "en",
     "Tamsin Hollow, The Harbour Times"),
    ("Les éditorialistes ont réagi.\n\nLéa Marchand, Le Courrier du Port : « Le maire a gagné la soirée. »",
     "fr", "Léa Marchand, Le Courrier du Port"),
])
def test_a_roundup_line_names_the_speaker_and_the_outlet(text: str, language: str, description: str) -> None:
    quote = next(q for q in quotes_of(text, language).values() if q.direct)
    assert quote.speaker_description is not None and quote.speaker_description.text == description


@pytest.mark.parametrize(("text", "speaker"), [
    ("“The harbour will stay shut,” police said on Sunday.", "police"),
    ("“The harm is beyond measure,” federal prosecutors wrote in their filing.", "federal prosecutors"),
    ("“The harbour will stay shut,” said local officials.", "local officials"),
])
def test_a_bare_plural_after_the_quote_is_its_speaker(text: str, speaker: str) -> None:
    quote = next(q for q in quotes_of(text, "en").values() if q.direct)
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(("text", "language"), [
    ("Mayor Ada Quill told Harbour Radio Sunday.", "en"),
    ("Der Hafen Nord Ost, sagte Vogt.", "de"),
    ("Selon Paul Roux, Radio Côte Nord.", "fr"),
])
def test_an_addressee_alone_is_no_reported_speech(text: str, language: str) -> None:
    assert not [q for q in quotes_of(text, language).values() if not q.direct]


def test_a_clause_after_told_is_still_reported_speech() -> None:
    quotes = quotes_of("Mayor Ada Quill told reporters the harbour would reopen in May.", "en")
    assert any(not q.direct and "harbour would reopen" in q.text for q in quotes.values())


@pytest.mark.parametrize(("text", "language", "words", "speaker"), [
    ("As Ada Quill said last week in Leeds, “The port will close before the summer.” Fishermen protested.", "en",
     "The port will close before the summer.", "Ada Quill"),
    ("Marie Roux a déclaré la semaine dernière à Lyon, « Le port va fermer avant la fin de l’été. » "
     "Les pêcheurs protestent.", "fr", "Le port va fermer avant la fin de l’été.", "Marie Roux"),
])
def test_a_whole_sentence_after_a_speaking_clause_is_a_quote(text: str, language: str, words: str,
                                                             speaker: str) -> None:
    quote = quotes_of(text, language)[words]
    assert quote.direct and not quote.partial
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize("text", [
    "As Ada Quill said last week in Leeds, “a disaster for the whole harbour.” Fishermen protested.",
    "As Ada Quill said last week in Leeds, “The port will close,” and left.",
])
def test_a_fragment_after_a_comma_stays_partial(text: str) -> None:
    # lower-case at its start, or no sentence end: words of the writer's sentence
    quotes = quotes_of(text, "en")
    assert quotes and all(not q.direct and q.partial for q in quotes.values())


@pytest.mark.parametrize(("text", "language", "first", "second"), [
    ("“We will win the harbour vote,” Quill said at a news conference, and then predicted: "
     "“Our support is growing.”", "en", "We will win the harbour vote,", "Our support is growing."),
    ("« Nous gagnerons le vote du port », a dit Marie Roux lundi, puis a ajouté : « Notre soutien grandit. »",
     "fr", "Nous gagnerons le vote du port", "Notre soutien grandit."),
])
def test_a_cue_and_its_colon_between_two_quotes_opens_another_utterance(text: str, language: str, first: str,
                                                                         second: str) -> None:
    quotes = quotes_of(text, language)
    assert quotes[first].quote_id != quotes[second].quote_id
    assert quotes[first].speaker_name == quotes[second].speaker_name


def test_a_quote_paragraph_after_a_sentence_of_the_writer_does_not_go_on_with_the_speech() -> None:
    # only the attribution clause may stand between the two: another sentence ends the utterance
    text = ("“We will build a new pier,” Quill added. She then had a question for the crowd.\n\n"
            "“Who is going to pay for it?”")
    quotes = quotes_of(text, "en")
    assert quotes["We will build a new pier,"].quote_id != quotes["Who is going to pay for it?"].quote_id
    text = "“We will build a new pier,” Quill added.\n\n“Nobody else will pay for it.”"
    quotes = quotes_of(text, "en")
    assert quotes["We will build a new pier,"].quote_id == quotes["Nobody else will pay for it."].quote_id
