"""German and Spanish temporal expressions anchored to the article's time (issue 17, stop 30).

Every sentence was written for these tests (invented places and people). The anchor is
Tuesday 2026-02-24 unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate.timex import tag

TUESDAY = date(2026, 2, 24)


def _found(text: str, language: str, anchor: date | None = TUESDAY) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, language, anchor)}


@pytest.mark.parametrize(("language", "text", "phrase", "value"), [
    # a clock with its day, its part of the day, or written with a full stop
    ("de", "Der Rat von Hallbruck tagte am Montag um 18.30 Uhr.", "Montag um 18.30 Uhr", "2026-02-23T18:30"),
    ("de", "Der Zug nach Oberweil fuhr um 8 Uhr abends ab.", "8 Uhr abends", "2026-02-24T20:00"),
    ("de", "Gegen elf Uhr morgens wurde der Markt in Hallbruck geräumt.", "Gegen elf Uhr morgens", "2026-02-24T11:00"),
    ("de", "Das Spiel in Oberweil beginnt am Samstag, 7. März, um 15.30 Uhr.",
     "Samstag, 7. März, um 15.30 Uhr", "2026-03-07T15:30"),
    ("es", "El pleno de Valdoria empezará el jueves a las 18.30 horas.", "jueves a las 18.30 horas", "2026-02-26T18:30"),
    ("es", "El tren de Almenara salió a las 7 de la tarde.", "las 7 de la tarde", "2026-02-24T19:00"),
    ("es", "La alcaldesa de Almenara llegó a las siete y media de la tarde.",
     "las siete y media de la tarde", "2026-02-24T19:30"),
    ("es", "Un dron fue derribado sobre las 10.50 hora local.", "las 10.50 hora", "2026-02-24T10:50"),
    # a part of the day: "esta mañana" is this morning, not tomorrow
    ("es", "Esta mañana se cortó la carretera de Valdoria.", "Esta mañana", "2026-02-24TMO"),
    ("es", "Anoche ardió un almacén en Almenara.", "Anoche", "2026-02-23TNI"),
    ("es", "Mañana por la mañana llegará el ministro a Valdoria.", "Mañana por la mañana", "2026-02-25TMO"),
    ("de", "Vergangene Nacht brannte eine Scheune bei Hallbruck.", "Vergangene Nacht", "2026-02-23TNI"),
])
def test_clocks_and_parts_of_the_day(language: str, text: str, phrase: str, value: str) -> None:
    assert _found(text, language).get(phrase) == value


@pytest.mark.parametrize(("language", "text", "phrase", "value"), [
    ("de", "Die Sanierung der Brücke in Oberweil dauerte anderthalb Jahre.", "anderthalb Jahre", "P1.5Y"),
    ("de", "Die Bürgermeisterin wartete eine halbe Stunde.", "eine halbe Stunde", "PT0.5H"),
    ("es", "La obra del puerto de Almenara duró un año y medio.", "un año y medio", "P1.5Y"),
    ("es", "El alcalde esperó media hora.", "media hora", "PT0.5H"),
    # a span of unsaid length
    ("de", "Der Streit in Hallbruck schwelt seit Jahren.", "Jahren", "PXY"),
    ("de", "In den vergangenen Monaten stiegen die Mieten in Oberweil.", "den vergangenen Monaten", "PXM"),
    ("es", "En los últimos años la población de Valdoria creció.", "los últimos años", "PXY"),
    # "en dos horas" in a past clause is how long it took, in a future one when
    ("es", "El fuego avanzó 50 km en dos horas.", "dos horas", "PT2H"),
    # a whole count of weeks ahead is a day (stop 31)
    ("es", "La alcaldesa volverá a Valdoria en dos semanas.", "dos semanas", "2026-03-10"),
])
def test_durations_with_halves_and_without_a_count(language: str, text: str, phrase: str, value: str) -> None:
    assert _found(text, language).get(phrase) == value


@pytest.mark.parametrize(("language", "text", "phrase", "value"), [
    ("de", "Vor genau 37 Tagen begann der Streik in Oberweil.", "Vor genau 37 Tagen", "2026-01-18"),
    ("de", "Vor mehr als neun Monaten schloss das Werk in Hallbruck.", "Vor mehr als neun Monaten", "2025-05"),
    ("es", "Hace más de dos años cerró la fábrica de Almenara.", "Hace más de dos años", "2024"),
    ("es", "Hace año y medio cerró la fábrica de Almenara.", "Hace año y medio", "2024"),
    ("de", "Vorletzte Woche tagte der Rat von Hallbruck.", "Vorletzte Woche", "2026-W07"),
    ("de", "Übernächste Woche wird in Oberweil gewählt.", "Übernächste Woche", "2026-W11"),
    ("es", "El año antepasado creció la cifra en Valdoria.", "año antepasado", "2024"),
    # the start, middle or end of the current unit
    ("de", "Ende des Jahres soll die Brücke in Oberweil fertig sein.", "Ende des Jahres", "2026"),
    ("de", "Bis Jahresende sollen in Hallbruck 20 Windräder stehen.", "Jahresende", "2026"),
    ("es", "A finales de año estará terminado el puerto de Almenara.", "finales de año", "2026"),
    ("de", "Im zweiten Halbjahr soll die Produktion in Oberweil steigen.", "zweiten Halbjahr", "2026-H2"),
    ("es", "En el primer semestre las ventas de Valdoria cayeron.", "primer semestre", "2026-H1"),
    # decades, holidays (Easter counted from the year's Easter Sunday), n-th weekdays
    ("de", "In den 90er Jahren war Hallbruck eine Industriestadt.", "den 90er Jahren", "199"),
    ("es", "En los años 90 Valdoria era industrial.", "los años 90", "199"),
    ("de", "Zu Ostern bleiben die Läden in Oberweil geschlossen.", "Ostern", "2026-04-05"),
    ("es", "Durante la Semana Santa cierran los comercios de Almenara.", "Semana Santa", "2026-04-05"),
    ("es", "El referéndum de Valdoria será el primer domingo de junio.", "primer domingo de junio", "2026-06-07"),
    ("de", "Gewählt wird in Hallbruck am ersten Sonntag im Mai.", "ersten Sonntag im Mai", "2026-05-03"),
    ("es", "El acto de Almenara se celebró el día 21.", "día 21", "2026-02-21"),
    ("de", "Sonnabends ist der Markt in Oberweil geöffnet.", "Sonnabends", "XXXX-WXX-6"),
])
def test_relative_and_calendar_expressions(language: str, text: str, phrase: str, value: str) -> None:
    assert _found(text, language).get(phrase) == value


@pytest.mark.parametrize(("text", "value"), [
    # German puts the finite verb right after a fronted expression: a present form is a plan
    ("Am Donnerstag entscheidet das Gericht in Hallbruck über die Klage.", "2026-02-26"),
    ("Am Donnerstag entschied das Gericht in Hallbruck über die Klage.", "2026-02-19"),
    ("Am Donnerstag hat das Gericht in Hallbruck die Klage abgewiesen.", "2026-02-19"),
    ("Die Sitzung in Oberweil beginnt am Donnerstag.", "2026-02-26"),
    ("Die Bürgermeisterin sprach am Donnerstag in Oberweil.", "2026-02-19"),
    ("Seit Donnerstag streiken die Busfahrer in Hallbruck.", "2026-02-19"),
])
def test_german_present_tense_points_to_the_coming_day(text: str, value: str) -> None:
    assert _found(text, "de").get("Donnerstag") == value


@pytest.mark.parametrize(("language", "text"), [
    ("es", "El Gobierno destinó ayudas a las 5 empresas afectadas de Valdoria."),
    ("es", "Murieron 1.200 personas en Almenara."),
    ("de", "Am Ende des Tages stimmte der Rat von Hallbruck zu."),
])
def test_words_that_only_look_like_times_stay_undated(language: str, text: str) -> None:
    assert _found(text, language) == {}


def test_a_count_of_hours_after_las_stays_a_duration() -> None:
    assert _found("Durante las 24 horas siguientes no hubo luz en Valdoria.", "es") == {"las 24 horas": "PT24H"}


def test_a_weekday_with_its_clock_is_still_a_weekday_clue_for_the_publication_day() -> None:
    from newsweave.annotate.published_clues import text_clues
    from newsweave.annotate.timex import find_mentions, grammar

    text = "Am Freitagabend um 17 Uhr kamen die Gäste nach Hallbruck."
    clues = text_clues(find_mentions(text, "de"), text, "de", grammar("de"), date(2026, 5, 18))
    assert [(clue.basis, clue.weekday) for clue in clues] == [("weekday", 4)]
