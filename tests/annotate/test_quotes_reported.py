"""Reported speech and speakers on unseen shapes (stop 25): a sentence closed by its
attribution (", according to X.", ", sagte Vogt.", ", según el ministerio."), "According to"
any source, a plain subject that says; speakers after "and", before a colon, in an appositive
at the clause's end, in German and Spanish articles (pro-drop, so-inversion, „…“ and «…»).

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_of


@pytest.mark.parametrize(("text", "language", "words", "speaker"), [
    ("The ferry will stop for two weeks in March, according to the Regional Transport Office. Tickets stay valid.",
     "en", "The ferry will stop for two weeks in March", "the Regional Transport Office"),
    ("The repairs will cost twice the estimate, the engineers say.", "en",
     "The repairs will cost twice the estimate", "the engineers"),
    ("Le chantier du tramway durera deux ans, selon la préfecture du Rhône.", "fr",
     "Le chantier du tramway durera deux ans", "la préfecture du Rhône"),
    ("Die Brücke bleibt bis März gesperrt, sagte Verkehrsministerin Jana Roth.", "de",
     "Die Brücke bleibt bis März gesperrt", "Verkehrsministerin Jana Roth"),
    ("Die Reparatur dauert länger als geplant, so ein Sprecher der Stadt.", "de",
     "Die Reparatur dauert länger als geplant", "ein Sprecher der Stadt"),
    ("Las obras del puerto durarán dos años, según el Ayuntamiento de Cádiz.", "es",
     "Las obras del puerto durarán dos años", "el Ayuntamiento de Cádiz"),
])
def test_a_sentence_closed_by_its_attribution_is_reported_speech(text: str, language: str, words: str,
                                                                 speaker: str) -> None:
    quote = quotes_of(text, language)[words]
    assert quote.direct is False and quote.partial is False
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_a_noun_phrase_before_the_comma_is_no_reported_speech() -> None:
    # "a annoncé" after an appositive's comma: its object is no speaker
    quotes = quotes_of("Le patron du groupe, Marc Vidal, a annoncé la fermeture du site.", "fr")
    assert "Le patron du groupe" not in quotes
    # a closing source that names no one (a document) makes no reported speech
    quotes = quotes_of("The yard had built 32 ships since 1988, according to the company's accounts.", "en")
    assert not quotes


def test_according_to_any_source_and_a_plain_subject_that_says() -> None:
    text = ("According to several harbour officials, the old pier will be torn down next year.\n\n"
            "Many local fishermen said they expected the new pier to be too small for their boats.")
    quotes = quotes_of(text, "en")
    pier = quotes["the old pier will be torn down next year"]
    assert pier.direct is False and pier.speaker is not None and pier.speaker.text == "several harbour officials"
    boats = quotes["they expected the new pier to be too small for their boats"]
    assert boats.speaker is not None and boats.speaker.text == "Many local fishermen"


@pytest.mark.parametrize(("text", "words", "speaker"), [
    # a cue after "and" is the sentence subject's, not the nearest name's
    ("Mayor Lena Ortiz said the decision was taken by commissioner Paul Reyes and added, "
     "“We will review it next year.”", "We will review it next year.", "Mayor Lena Ortiz"),
    ("After the vote, Nadia Kern was joined on stage by Senator Tom Elk and joked, “You are all very patient.”",
     "You are all very patient.", "Nadia Kern"),
    # "X said, “…”" before a quote that ends its sentence beats a subject in the next sentence
    ("Ana Ruiz confirmed the plan and said, “We will open the school in May.” The minister then recalled "
     "the delays of last year.", "We will open the school in May.", "Ana Ruiz"),
    # '…,” she said' after the quote beats a colon introduction before it
    ("Representative Mara Lind, a Democrat of Ohio, kept silent for years: “Nobody knew, not even my family,” "
     "she said.", "Nobody knew, not even my family,", "she"),
    ("Continued Stone: “So I think it is a very real problem.”", "So I think it is a very real problem.", "Stone"),
    ("“That was a mistake,” Okafor's spokesman said in an interview.", "That was a mistake,", "Okafor's spokesman"),
    # the subject of a colon introduction after a fronted clause, and a described speaker after a quote's end
    ("In response to the flood, Governor Ada Quinn issued the following statement:\n\n“We will rebuild every home.”",
     "We will rebuild every home.", "Governor Ada Quinn"),
    ("“I sent no secret file.” The former minister repeated: “I know the rules and kept them.”",
     "I know the rules and kept them.", "The former minister"),
])
def test_speaker_shapes(text: str, words: str, speaker: str) -> None:
    quote = quotes_of(text, "en")[words]
    assert quote.direct is True and quote.speaker is not None and quote.speaker.text == speaker


def test_a_cue_right_before_a_sentence_quote_needs_no_comma() -> None:
    quotes = quotes_of("Singer Lia Moss shared the news last week, writing “Feels great to support someone I believe in.”",
                     "en")
    quote = quotes["Feels great to support someone I believe in."]
    assert quote.direct is True and quote.speaker is not None and "Lia Moss" in quote.speaker.text
    # a fragment that is no sentence stays out of the direct quotes
    fragment = quotes_of("The mayor called the new tolls “rigged” on Tuesday.", "en")
    assert not any(q.direct for q in fragment.values())


GERMAN = (
    "Die Landesregierung will das Gesetz nachbessern. „Wir werden nicht nachgeben“, sagte Ministerpräsidentin "
    "Anna Berger am Montag in Kiel. „Das ist ein schwerer Fehler der Opposition“, so Berger.\n\n"
    "Innenminister Karl Vogt trat am Abend vor die Presse. Die Lage sei ernst, sagte Vogt. Er sagte: „Wir haben "
    "die Grenzen im Blick und handeln sofort.“\n\n"
    "Laut Polizei wurden drei Menschen verletzt.\n\n"
    "»Ich bin sehr enttäuscht über das Ergebnis«, sagte Frau Petra Lang. „Wir hatten mehr erwartet“, fügte sie hinzu."
)

SPANISH = (
    "El Gobierno aprobó ayer la reforma. «No vamos a ceder ante la presión de nadie», dijo la ministra de "
    "Sanidad, Carmen Ruiz. «Es una ley justa y necesaria», añadió.\n\n"
    "Según el ministerio, la cifra supera los 300 fallecidos.\n\n"
    "El alcalde de Sevilla, Juan Pérez, aseguró que la ciudad está preparada. «Tenemos todo bajo control desde "
    "el lunes», afirmó Pérez.\n\n"
    "La oposición criticó la medida. “Es un error histórico que pagaremos todos”, declaró el portavoz del PP, "
    "Luis Gómez.\n\n"
    "«No habrá más recortes en la sanidad pública», aseguró."
)


@pytest.mark.parametrize(("text", "language", "expected"), [
    (GERMAN, "de", {
        "Wir werden nicht nachgeben": (True, "Anna Berger"),
        "Das ist ein schwerer Fehler der Opposition": (True, "Anna Berger"),  # so-inversion, surname → full name
        "Die Lage sei ernst": (False, "Vogt"),
        "Wir haben die Grenzen im Blick und handeln sofort.": (True, "Vogt"),  # "Er", not "Vogt." before it
        "Ich bin sehr enttäuscht über das Ergebnis": (True, "Petra Lang"),
        "Wir hatten mehr erwartet": (True, "Petra Lang"),
        "wurden drei Menschen verletzt": (False, "Polizei"),
    }),
    (SPANISH, "es", {
        "No vamos a ceder ante la presión de nadie": (True, "Carmen Ruiz"),  # the appositive's name
        "Es una ley justa y necesaria": (True, "Carmen Ruiz"),  # pro-drop: the nearest named person
        "la cifra supera los 300 fallecidos": (False, "el ministerio"),
        "la ciudad está preparada": (False, "Juan Pérez"),
        "Tenemos todo bajo control desde el lunes": (True, "Juan Pérez"),
        "Es un error histórico que pagaremos todos": (True, "Luis Gómez"),
        "No habrá más recortes en la sanidad pública": (True, "Luis Gómez"),
    }),
])
def test_german_and_spanish_articles(text: str, language: str, expected: dict[str, tuple[bool, str]]) -> None:
    quotes = quotes_of(text, language)
    for words, (direct, name) in expected.items():
        quote = quotes[words]
        assert quote.direct is direct, words
        assert quote.speaker_name is not None and name in quote.speaker_name, (words, quote.speaker_name)


def test_a_pronoun_that_ends_the_clause_is_the_speaker_before_a_capitalised_noun() -> None:
    quotes = quotes_of("Vogt widersprach. „Das stimmt so nicht“, sagte er im Interview.", "de")
    quote = quotes["Das stimmt so nicht"]
    assert quote.speaker is not None and quote.speaker.text == "er"


def test_french_appositive_name_at_the_end_of_the_clause() -> None:
    quotes = quotes_of("« Nous tiendrons jusqu'au bout », a déclaré le maire de Lyon, Paul Girard.", "fr")
    assert quotes["Nous tiendrons jusqu'au bout"].speaker_name == "Paul Girard"


def test_a_quote_paragraph_goes_on_into_the_next_one_attributed_after_its_mark() -> None:
    text = ("Lena Ortiz is upbeat about the harbour plan.\n\n“The new pier will bring the boats back.”\n\n"
            "“It may be the only way to keep the fish market open,” Ortiz says.")
    assert quotes_of(text, "en")["The new pier will bring the boats back."].speaker_name == "Ortiz"
    # a question opening its paragraph is the interviewer's, not the answer's speaker
    asked = ("“Will the pier be ready in May?”\n\n“It will be ready in June,” Ortiz says.")
    assert quotes_of(asked, "en")["Will the pier be ready in May?"].speaker is None


@pytest.mark.parametrize(("text", "words", "speaker"), [
    # German verb-second: after a fronted adverbial the cue comes before its subject
    ("Am Montag sagte der Verkehrsminister den Anwohnern: „Die Brücke bleibt bis Mai gesperrt.“",
     "Die Brücke bleibt bis Mai gesperrt.", "der Verkehrsminister"),
    ("Im Rathaus sagte Bürgermeisterin Petra Lindqvar den Anwohnern am Montag, „die Brücke bleibt gesperrt“.",
     "die Brücke bleibt gesperrt", "Bürgermeisterin Petra Lindqvar"),
    ("Dann sagte Albrechtsen: „Die Brücke bleibt bis Mai gesperrt.“", "Die Brücke bleibt bis Mai gesperrt.",
     "Albrechtsen"),
    # the subject first stays the speaker
    ("Der Minister sagte den Anwohnern am Montag: „Die Brücke bleibt bis Mai gesperrt.“",
     "Die Brücke bleibt bis Mai gesperrt.", "Der Minister"),
])
def test_german_cue_before_its_subject(text: str, words: str, speaker: str) -> None:
    quote = quotes_of(text, "de")[words]
    assert quote.direct
    assert quote.speaker is not None and quote.speaker.text == speaker
