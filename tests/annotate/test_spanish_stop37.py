"""Stop 37 (issue 17, Spanish): speakers and dates on the classes read in real Spanish copy.

Speakers: bodies and initialisms are no persons where no NER model runs ("Guardia Civil", "PRN"), so a
dropped subject or a title no longer resolves to them; the name after a speaker mention's last comma
speaks ("la directora de Tarel Films, Lucía Serrano"); cues read after quotes ("resaltó"); "dijo a la
prensa" names whom it was said to, not who said it; the impersonal « Se dijo que … » names no one.
Dates: a lone abbreviation needs its stop ("el mar", "Mar del Plata"), "este domingo" in a past clause
is the last one, "el último día del año", "dentro de una furgoneta", "mediados del mes de enero".

All texts here were written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from quote_inputs import quotes_with_people, speaker_text
from newsweave.annotate import timex
from newsweave.annotate.entities import annotate_entities
from newsweave.annotate.published_inference import _event_years, _office_years
from newsweave.annotate.quotes import find_quotes, quote_records
from newsweave.model import Article, Quote
from newsweave.offsets import OffsetMap

# a Wednesday: "este domingo" is four days ahead in the anchor's week, three days back in the last one
WEDNESDAY = date(2026, 3, 4)


def quotes_after_entities(text: str, language: str) -> dict[str, Quote]:
    """The quotes of an article whose entities the real annotator found first, as the pipeline runs."""
    article = Article(id="q", source="q", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    annotate_entities([article])
    article.quotes = quote_records(article, find_quotes(article))
    return {text[q.start:q.end]: q for q in article.quotes}


def values(text: str, language: str = "es") -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in timex.tag(text, language, WEDNESDAY)]


# ---- speakers ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language, text, words", [
    ("es", "«Abriremos en mayo», dijo la directora de Tarel Films, Lucía Serrano.", "Abriremos en mayo"),
    ("en", "“We will open in May,” said the head of Tarel Films, Lucía Serrano.", "We will open in May,"),
])
def test_the_name_after_the_last_comma_of_a_speaker_mention_speaks(language: str, text: str, words: str) -> None:
    people = [("Tarel Films", "per:tarel"), ("Lucía Serrano", "per:serrano")]
    assert quotes_with_people(text, language, people)[words].speaker_name == "Lucía Serrano"


def test_a_dropped_subject_is_no_body_written_like_a_name() -> None:
    text = ("El alcalde, Tomás Arriaga, recorrió el valle de Urdax con la Guardia Civil. "
            "«Queremos que todos vuelvan a casa», ha señalado.")
    assert quotes_after_entities(text, "es")["Queremos que todos vuelvan a casa"].speaker_name == "Tomás Arriaga"


def test_a_dropped_subject_is_a_person_the_text_shows_to_be_one() -> None:
    # "Tarel Films" stands for a body the entities took for a person: nearer, but nothing says it is one
    text = "La ministra Lucía Serrano visitó la obra de Tarel Films. «Terminaremos en mayo», añadió."
    people = [("Lucía Serrano", "per:serrano"), ("Tarel Films", "per:tarel")]
    assert quotes_with_people(text, "es", people)["Terminaremos en mayo"].speaker_name == "Lucía Serrano"


def test_a_title_is_no_initialism_written_before_it() -> None:
    text = "El líder vecinal Ramón Quintela habló tras la reunión del PRN. «Habrá acuerdo», dijo el líder."
    assert quotes_after_entities(text, "es")["Habrá acuerdo"].speaker_name == "Ramón Quintela"


def test_a_cue_read_in_real_copy_after_a_quote() -> None:
    quote = quotes_with_people("«Hay que cuidar el río», resaltó Marta Illana.", "es", [("Marta Illana", "per:mi")])
    assert speaker_text(quote["Hay que cuidar el río"]) == "Marta Illana"


def test_whom_it_was_said_to_is_not_who_said_it() -> None:
    text = "Berta Quiroga, alcaldesa de Villanúa, habló ante los vecinos. «Cerraremos el puente», dijo a Radio Norte."
    quote = quotes_with_people(text, "es", [("Berta Quiroga", "per:bq")])["Cerraremos el puente"]
    assert speaker_text(quote) is None
    assert quote.speaker_name == "Berta Quiroga"


def test_the_impersonal_se_names_no_speaker() -> None:
    quotes = quotes_with_people("Se dijo que el puente de Villanúa cerraría en junio.", "es", [])
    assert all(speaker_text(quote) != "Se" for quote in quotes.values())


def test_an_english_and_a_french_speaker_stay() -> None:
    assert speaker_text(quotes_with_people("“The bridge will close,” said Jo Ash.", "en", [])["The bridge will close,"]) == "Jo Ash"
    assert speaker_text(quotes_with_people("« Le pont fermera », a déclaré Jo Ash.", "fr", [])["Le pont fermera"]) == "Jo Ash"


# ---- dates ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Los vecinos pasearon junto al mar durante horas.", "Llegó a Mar del Plata en tren.",
                                  "La señora Rosa May llegó tarde a la reunión."])
def test_a_lone_abbreviation_without_its_stop_is_no_month(text: str) -> None:
    assert values(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Roma, 4 Mar (EFE).- El gobierno aprobó el plan.", ("4 Mar", "2026-03-04")),
    ("— Rosa Tello (@rosatello) May 25, 2020", ("May 25, 2020", "2020-05-25")),
])
def test_an_abbreviation_beside_a_day_stays_a_month(text: str, expected: tuple[str, str]) -> None:
    assert expected in values(text)


def test_este_domingo_in_a_past_clause_is_the_last_one() -> None:
    assert values("La concejala celebró este domingo la apertura del mercado.") == [("este domingo", "2026-03-01")]


@pytest.mark.parametrize("text", ["El club juega este domingo contra el Pinar.",
                                  "La concejala confirmó que a partir de este domingo abre el mercado."])
def test_este_domingo_ahead_stays_ahead(text: str) -> None:
    assert ("este domingo", "2026-03-08") in values(text)


def test_the_last_day_of_the_year_is_no_yesterday() -> None:
    assert values("Las lluvias del último día del año inundaron el valle.") == [("último día del año", "2025-12-31")]


def test_a_count_in_words_needs_a_space_before_its_unit() -> None:
    assert values("La familia duerme dentro de una furgoneta.") == []
    assert values("Volverá dentro de un año.") == [("dentro de un año", "2027")]
    assert ("3 hours ago", "2026-03-04") in values("It happened 3 hours ago.", "en")


def test_the_middle_of_a_named_month() -> None:
    assert values("La prueba comenzó a mediados del mes de enero.") == [("mediados del mes de enero", "2026-01")]


def test_mañana_after_an_article_is_no_tomorrow() -> None:
    assert values("Va a ser un mañana difícil para el pueblo.") == []


# ---- publication date: the Spanish time anchors ----------------------------------------------------------

def test_a_president_in_office_and_a_dated_event_bound_the_year() -> None:
    allowed, _ = _office_years("Lo anunció el presidente Donald Trump en la Casa Blanca.", "es")
    assert allowed is not None and 2018 in allowed and 2022 not in allowed
    assert _office_years("Lo anunció el ex presidente Donald Trump en Florida.", "es")[0] is None
    assert [t.year for t in _event_years("Tras la pandemia de coronavirus, el mercado cerró.", "es")] == [2020]
