"""Stop 40 (issue 17 / 16, Spanish): bodies read as persons, a demonstrative subject, the verb a source
mention took along, and a day after a forward preposition in a past clause, on the shapes real Spanish
copy writes.

"Fuerzas y Cuerpos de Rescate" opens on a noun the lexicon holds in lower case: a body, no person, so a
dropped subject (« “…”, pidió a los vecinos ») no longer resolves to it; « “…”, informó este ministerio »:
the demonstrative opens the subject, unless a time word follows (« dijo este martes »); « Según explicó
la Diputación, … » names the Diputación, not its verb; « hasta la noche de este jueves permaneció
cerrado »: the preposition bounds a state that lasted to the last Thursday.

All texts here were written for these tests.
"""

from __future__ import annotations

from datetime import date

from newsweave.annotate import timex
from quote_inputs import annotated, quotes_after_entities, speaker_text


def labels(text: str, language: str) -> dict[str, str]:
    return {e.text: e.label for e in annotated(text, language).entities}


def _values(text: str, language: str) -> dict[str, str]:
    return {t.text: t.value for t in timex.tag(text, language, date(2024, 2, 28))}


# ---- bodies whose head noun opens them --------------------------------------------------------------

def test_a_body_joined_by_a_particle_is_an_organisation() -> None:
    found = labels("Las Fuerzas y Cuerpos de Rescate llegaron a Valdenia al amanecer.", "es")
    assert found.get("Fuerzas y Cuerpos de Rescate") == "ORG"


def test_a_body_of_a_noun_and_its_adjective_is_an_organisation() -> None:
    found = labels("La Autoridad Portuaria Tembrina cerró el muelle norte.", "es")
    assert found.get("Autoridad Portuaria Tembrina") == "ORG"


def test_a_verb_before_a_given_name_keeps_the_person() -> None:
    found = labels("Informa Ana Roca desde el puerto de Valdenia.", "es")
    assert found.get("Ana Roca") == "PER" or found.get("Informa Ana Roca") == "PER"


def test_a_dropped_subject_no_longer_resolves_to_a_body() -> None:
    text = ("El alcalde visitó la playa de Valdenia por la mañana. Las Fuerzas y Cuerpos de Rescate vigilan "
            "la costa desde el amanecer. “Mucha calma”, pidió a los vecinos.")
    quote = quotes_after_entities(text, "es")["Mucha calma"]
    assert quote.speaker_name != "Fuerzas y Cuerpos de Rescate"


# ---- a demonstrative subject --------------------------------------------------------------------------

def test_a_demonstrative_subject_after_the_cue_speaks() -> None:
    text = ("Las autoridades sanitarias de Villamar contaron doce heridos. “En las últimas horas llegaron "
            "doce heridos al hospital”, informó este ministerio en su balance diario.")
    quote = quotes_after_entities(text, "es")["En las últimas horas llegaron doce heridos al hospital"]
    assert speaker_text(quote) == "este ministerio"


def test_a_demonstrative_before_a_weekday_is_the_clause_s_time() -> None:
    text = ("Ana Roca, la alcaldesa de Villamar, habló en la plaza. “Vamos a reabrir el mercado”, dijo este "
            "martes en la plaza.")
    quote = quotes_after_entities(text, "es")["Vamos a reabrir el mercado"]
    assert speaker_text(quote) is None
    assert quote.speaker_name == "Ana Roca"


# ---- the verb a source mention took along ---------------------------------------------------------------

def test_a_source_names_the_body_after_its_verb() -> None:
    text = ("El impuesto subirá en las casas más caras. Según explicó la Diputación, la intención era cobrar "
            "más a quien más tiene.")
    quote = quotes_after_entities(text, "es")["la intención era cobrar más a quien más tiene"]
    assert speaker_text(quote) == "la Diputación"


def test_sources_of_a_body_keep_their_noun() -> None:
    text = "Según fuentes del Servicio de Obras, el puente de Valdenia abrirá en mayo."
    quote = quotes_after_entities(text, "es")["el puente de Valdenia abrirá en mayo"]
    assert speaker_text(quote) == "fuentes del Servicio de Obras"


# ---- a forward preposition in a past clause ------------------------------------------------------------

def test_a_past_verb_after_a_forward_preposition_reads_the_last_day() -> None:
    text = ("El puente de Valdenia, dañado por la riada, hasta la noche de este jueves permaneció cerrado "
            "al tráfico.")
    assert _values(text, "es")["este jueves"] == "2024-02-22"


def test_a_future_verb_after_a_forward_preposition_keeps_the_day_ahead() -> None:
    text = "El puente de Valdenia, dañado por la riada, hasta la noche de este jueves seguirá cerrado al tráfico."
    assert _values(text, "es")["este jueves"] == "2024-02-29"


def test_an_english_preposition_before_a_future_verb_keeps_the_day_ahead() -> None:
    text = "The bridge of Tembra until Thursday night will stay closed."
    assert _values(text, "en")["Thursday night"].startswith("2024-02-29")
