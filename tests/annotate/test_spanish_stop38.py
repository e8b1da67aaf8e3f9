"""Stop 38 (issue 17, Spanish): the speaker classes left on real Spanish copy.

A title speaker ("dijo el presidente andaluz") refers to the person the text gave the same title, and
where persons are guessed from capitalised words (no NER model) never to a run the text does not show
to be a person; a dropped subject reaches back to the last person the text shows to be one; a title in
the appositive after a place belongs to the next name ("En Villaseca, la teniente de alcalde, Ana
Roca, aseguró"); a body in the title's complement is no speaker ("el director de Tarel Films Rosa
Galán"); a name closing a speaker mention's appositive speaks ("la presidenta del Senado, la
socialista Irene Cabal,"); the next sentence attributes a quote that opens its paragraph (« Así ha
resumido X »); a speech verb opening the sentence names no one (« Dijo: »); a lone capitalised word the
lexicon knows in lower case only is no person ("Asimismo").

All texts here were written for these tests.
"""

from __future__ import annotations

from quote_inputs import annotated, quotes_after_entities


# ---- titles -------------------------------------------------------------------------------------------

def test_a_title_refers_to_the_person_given_that_title() -> None:
    text = ("El presidente de la Diputación de Urdaz, Tomás Arriaga, visitó la zona. Más tarde llegaron "
            "el concejal Íñigo Baztán y la bombera Marta Illana.\n"
            "“Nadie debe volver todavía”, explicó el presidente provincial.")
    quote = quotes_after_entities(text, "es")["Nadie debe volver todavía"]
    assert quote.speaker_name == "Tomás Arriaga"


def test_a_title_names_no_run_the_text_does_not_show_to_be_a_person() -> None:
    # "Radio Valdeña" is written like a name; nothing says it is a person: the title stays unnamed
    text = ("La emisora Radio Valdeña abrió su programa con la noticia.\n"
            "“Es un día triste”, dijo el alcalde socialista.")
    quote = quotes_after_entities(text, "es")["Es un día triste"]
    assert quote.speaker_name == "el alcalde socialista"


def test_a_title_in_english_still_refers_to_the_person_given_that_title() -> None:
    text = ("The mayor of Brindle, Tom Arlen, toured the flooded streets with Jo Vance.\n"
            "“Nobody should go back yet,” the mayor said.")
    quote = quotes_after_entities(text, "en")["Nobody should go back yet,"]
    assert quote.speaker_name == "Tom Arlen"


# ---- appositives --------------------------------------------------------------------------------------

def test_the_title_after_a_place_belongs_to_the_next_name() -> None:
    text = ("En Villaseca, la teniente de alcalde, Ana Roca, aseguró que el aviso se dio “por todos los "
            "medios”.")
    quote = quotes_after_entities(text, "es")["por todos los medios"]
    assert quote.speaker_name == "Ana Roca"


def test_a_body_after_a_title_and_de_is_no_speaker() -> None:
    text = "“Todo el barrio tendrá agua”, dijo el director de Aguas Tarel (Obras) Rosa Galán a los vecinos."
    quote = quotes_after_entities(text, "es")["Todo el barrio tendrá agua"]
    assert quote.speaker_name == "Rosa Galán"


def test_the_name_closing_the_appositive_of_a_title_speaks() -> None:
    text = "“Hoy empieza otra etapa”, dijo la presidenta del Senado, la socialista Irene Cabal, en la sala."
    quote = quotes_after_entities(text, "es")["Hoy empieza otra etapa"]
    assert quote.speaker_name == "Irene Cabal"


def test_a_french_place_before_a_title_keeps_its_speaker() -> None:
    text = ("À Brignac, la maire, Anne Vidal, a affirmé que « tout le monde a été prévenu ».")
    quote = quotes_after_entities(text, "fr")["tout le monde a été prévenu"]
    assert quote.speaker_name == "Anne Vidal"


# ---- dropped subjects ---------------------------------------------------------------------------------

def test_a_dropped_subject_goes_on_from_the_last_person_shown_to_be_one() -> None:
    text = ("En Villaseca, la teniente de alcalde, Ana Roca, aseguró que el aviso se dio “por todos los "
            "medios”. Los avisos llegaron por la radio, por la megafonía del pueblo y por las redes de "
            "mensajería que usan los vecinos, y los voluntarios de la parroquia recorrieron las calles "
            "del barrio alto y las casas dispersas del valle, una por una, hasta bien entrada la noche. "
            "A las alertas se sumó el trabajo de los bomberos forestales, de la policía local y de los "
            "vecinos de Quintanar, que abrieron sus casas a las familias evacuadas.\n"
            "“Todo el pueblo se volcó”, resumió.")
    quote = quotes_after_entities(text, "es")["Todo el pueblo se volcó"]
    assert quote.speaker_name == "Ana Roca"


def test_a_speech_verb_opening_the_sentence_names_no_speaker() -> None:
    text = ("El portavoz Julián Ortega habló ante la prensa en Urdaz. Dijo: “No habrá más cortes de luz "
            "este invierno”.")
    quote = quotes_after_entities(text, "es")["No habrá más cortes de luz este invierno"]
    assert quote.speaker is None and quote.speaker_name == "Julián Ortega"


# ---- the next sentence --------------------------------------------------------------------------------

def test_the_next_sentence_that_points_back_names_the_speaker() -> None:
    text = ("Los equipos siguen en la zona.\n"
            "“Estamos ante una jornada muy dura”. Así ha resumido la consejera de Interior, Nerea Lasa, "
            "la situación de un incendio que empezó como un “fuego pequeño”.")
    quote = quotes_after_entities(text, "es")["Estamos ante una jornada muy dura"]
    assert quote.speaker_name == "Nerea Lasa"


def test_con_esas_palabras_names_the_speaker() -> None:
    text = ("El Gobierno suspendió el acto.\n"
            "“Es una desgracia”. Con esas palabras ha descrito Tomás Arriaga el incendio de Urdaz.")
    quote = quotes_after_entities(text, "es")["Es una desgracia"]
    assert quote.speaker_name == "Tomás Arriaga"


# ---- entities -----------------------------------------------------------------------------------------

def test_a_capitalised_word_the_lexicon_knows_in_lower_case_is_no_person() -> None:
    # a sentence the parse does not end (a verb capitalised by a garbled translation, an adverb after a bracket)
    article = annotated("Las obras terminaron el 3 de mayo de 2019, Dirigido por el ingeniero Íñigo Baztán. "
                        "El acto acabó pronto (“todo salió bien”) Asimismo, el puente abrió.", "es")
    assert {"Dirigido", "Asimismo"}.isdisjoint(e.text for e in article.entities)


def test_a_surname_the_lexicon_holds_capitalised_stays_a_person() -> None:  # a guard
    article = annotated("La jueza Carmen Moreno abrió la sesión y después Moreno leyó el auto.", "es")
    assert "Carmen Moreno" in [e.text for e in article.entities if e.label == "PER"]
