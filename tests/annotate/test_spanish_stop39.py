"""Stop 39 (issue 17 / 16, Spanish): whom the words were said to, names glued to a country or a body,
and a dropped subject after a title subject, on the shapes real Spanish copy writes.

« “…”, dice a Efe Ana Roca »: after the cue, the preposition and a medium are whom it was said to, the
subject who speaks follows; « Según confirmó a EFE Ana Roca, directora del hospital, no quedan camas »:
the source is Ana Roca and the reported words start after her appositive (in every language: "According
to Jo Ash, a spokeswoman for …, the plan …"); a country or a known body written right before a
person's name is no part of it ("Grab para Valdenia Brian Cu" with a country, "Foto: Reuters Ana
Roca"); « según informa Europa Press » names the agency, not its verb; « El consejero ha lanzado un
aviso: … “…”, ha insistido. » is the counsellor's, the person the text gave that title.

All texts here were written for these tests.
"""

from __future__ import annotations

from datetime import date

from newsweave.annotate import timex
from quote_inputs import annotated, quotes_after_entities


def persons(text: str, language: str) -> list[str]:
    return [e.text for e in annotated(text, language).entities if e.label == "PER"]


# ---- whom it was said to ------------------------------------------------------------------------------

def test_the_subject_after_the_agency_speaks() -> None:
    text = ("Las familias se acercan a la valla cada domingo.\n"
            "\"Hace ocho años que no veo a mis nietos\", dice a Efe Ramiro Tuesta mientras saluda a su hija.")
    quote = quotes_after_entities(text, "es")["Hace ocho años que no veo a mis nietos"]
    assert quote.speaker is not None and quote.speaker.text == "Ramiro Tuesta"
    assert quote.speaker_name == "Ramiro Tuesta"


def test_the_subject_after_an_initialism_speaks() -> None:
    text = "La feria cerró antes de tiempo.\n“No vendimos casi nada”, explicó a RTVA Lucía Ordóñez."
    quote = quotes_after_entities(text, "es")["No vendimos casi nada"]
    assert quote.speaker_name == "Lucía Ordóñez"


def test_a_source_that_confirmed_to_an_agency_is_the_person_after_it() -> None:
    text = ("Según confirmó a EFE Omar Baldrich, director del hospital comarcal de Tembra, no quedan camas "
            "libres en la región.")
    quote = quotes_after_entities(text, "es")["no quedan camas libres en la región"]
    assert quote.speaker is not None and quote.speaker.text == "Omar Baldrich"


def test_sources_after_an_agency_are_the_speaker() -> None:
    text = ("Un vecino resultó herido anoche. Según han informado a Europa Press fuentes del servicio de "
            "bomberos, el fuego empezó en la cocina del bar.")
    quote = quotes_after_entities(text, "es")["el fuego empezó en la cocina del bar"]
    assert quote.speaker is not None and quote.speaker.text == "fuentes del servicio de bomberos"


def test_the_agency_after_its_verb_is_the_source() -> None:
    text = "El alcalde de Tembra, Íñigo Baztán, ha dimitido esta mañana, según informa Europa Press.\nNadie lo esperaba."
    quotes = list(quotes_after_entities(text, "es").values())
    assert [q.speaker_name for q in quotes] == ["Europa Press"]


def test_a_person_whom_it_was_said_to_stays_no_speaker() -> None:
    # a person, not a medium, after « a »: no subject is read after it
    text = "Ana Roca habló con los vecinos.\n“Volveremos pronto”, dijo a Marta Illana."
    quote = quotes_after_entities(text, "es")["Volveremos pronto"]
    assert quote.speaker is None


# ---- the source's appositive, every language ----------------------------------------------------------

def test_the_reported_words_start_after_the_source_s_appositive_in_english() -> None:
    text = "According to Jo Ashby, a spokeswoman for the harbour council, the plan is dead."
    assert list(quotes_after_entities(text, "en")) == ["the plan is dead"]


def test_the_reported_words_start_after_the_source_s_appositive_in_french() -> None:
    text = "Selon Marc Aubry, porte-parole de la mairie de Villeneuve, le projet est abandonné."
    assert list(quotes_after_entities(text, "fr")) == ["le projet est abandonné"]


def test_a_clause_after_the_source_s_comma_is_still_what_was_reported() -> None:
    # no title or role opens the words after the comma: they are what the source says
    text = "De acuerdo con grupos vecinales, son cerca de mil las familias afectadas, y temen que la cifra aumente."
    assert list(quotes_after_entities(text, "es")) == [
        "son cerca de mil las familias afectadas, y temen que la cifra aumente"]


# ---- a country or a body glued to a name ----------------------------------------------------------------

def test_a_country_before_a_name_is_no_part_of_it() -> None:
    text = "El jefe de país de Grab para Venezuela Brian Cusack es recibido por los conductores."
    assert persons(text, "es") == ["Brian Cusack"]


def test_a_known_body_before_a_name_is_no_part_of_it() -> None:
    text = "El ministro ofrece una rueda de prensa en Caracas. Foto: Reuters Diosdado Arvelo, en la sede."
    assert "Diosdado Arvelo" in persons(text, "es")


def test_a_name_after_a_country_keeps_the_country_when_no_name_follows() -> None:
    # "Venezuela Global" has no name after the country: the run is left as it was
    text = "El fondo Venezuela Global Inversiones cerró el año con pérdidas."
    assert "Global Inversiones" not in persons(text, "es")


# ---- a dropped subject after a title subject ----------------------------------------------------------

def test_a_dropped_subject_after_a_title_subject_is_the_titled_person() -> None:
    text = ("“Estamos ante una tragedia”. Así ha resumido el consejero de Interior, Tomás Quiroga, la magnitud "
            "del fuego. Rocío de Sevilla sigue cerrado.\n"
            "El consejero ha lanzado además un mensaje a la población: las órdenes de evacuación “no son "
            "opcionales”. “Si las autoridades indican que hay que salir, es clave seguir esas instrucciones”, "
            "ha insistido.")
    quote = quotes_after_entities(text, "es")[
        "Si las autoridades indican que hay que salir, es clave seguir esas instrucciones"]
    assert quote.speaker_name == "Tomás Quiroga"


def test_a_dropped_subject_after_a_body_subject_keeps_the_earlier_reading() -> None:
    # the sentence before opens with a body, no title: the rule of the title does not fire
    text = ("La alcaldesa, Marta Illana, visitó el barrio.\n"
            "El ayuntamiento ha lanzado un aviso a la población. “Nadie debe volver todavía”, ha insistido.")
    quote = quotes_after_entities(text, "es")["Nadie debe volver todavía"]
    assert quote.speaker_name == "Marta Illana"


# ---- a fronted weekday after a sentence adverb ----------------------------------------------------------

def _values(text: str, language: str) -> dict[str, str]:
    return {t.text: t.value for t in timex.tag(text, language, date(2024, 2, 28))}


def test_a_fronted_weekday_after_an_adverb_reads_the_past_verb_after_a_long_subject() -> None:
    text = ("También este domingo, la Federación Regional de Bomberos de Tembra ha denunciado la falta "
            "de medios en la sierra.")
    assert _values(text, "es")["este domingo"] == "2024-02-25"


def test_a_fronted_weekday_after_an_adverb_stays_ahead_with_a_future_verb() -> None:
    text = "También este domingo, la Federación Regional de Bomberos de Tembra se reunirá en Valdenia."
    assert _values(text, "es")["este domingo"] == "2024-03-03"


def test_a_far_plan_word_after_a_fronted_weekday_in_english_keeps_the_last_one() -> None:
    text = "On Friday, the regional government of Tembra planned to pay the first claims."
    assert _values(text, "en")["Friday"] == "2024-02-23"
