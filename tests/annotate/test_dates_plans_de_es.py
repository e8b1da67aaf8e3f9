"""Plans in the present, weeks named around a weekday and other relative dates in German and
Spanish (issue 17, stop 31), with English and French cases that must not move.

Every sentence was written for these tests (invented places and people). The anchor is
Tuesday 2026-02-24.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate.timex import tag

TUESDAY = date(2026, 2, 24)


def _found(text: str, language: str) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, language, TUESDAY)}


@pytest.mark.parametrize(("language", "text", "phrase", "value"), [
    # Spanish: a present verb with no other cue speaks of a plan
    ("es", "La alcaldesa de Valdoria viaja el jueves a Almenara.", "jueves", "2026-02-26"),
    ("es", "Los concejales de Almenara se reúnen el lunes.", "lunes", "2026-03-02"),
    ("es", "El Deportivo Valdoria juega el domingo contra el líder.", "domingo", "2026-03-01"),
    ("es", "El sábado se disputa la final del torneo de Almenara.", "sábado", "2026-02-28"),
    ("es", "El consejero aseguró que el plan se presenta el viernes.", "viernes", "2026-02-27"),
    ("es", "Las tarifas de Valdoria subirán un 7 % desde el jueves.", "jueves", "2026-02-26"),
    ("de", "In Hallbruck wird seit Montag über den Haushalt abgestimmt.", "Montag", "2026-02-23"),
    # ... and the past stays the past
    ("es", "La alcaldesa de Valdoria viajó el jueves a Almenara.", "jueves", "2026-02-19"),
    ("es", "El consejero dijo el lunes que no habrá cambios.", "lunes", "2026-02-23"),
    ("es", "El equipo de Almenara trabajaba el domingo en el estadio.", "domingo", "2026-02-22"),
    # German: present forms in -ten are no past
    ("de", "Die neuen Regeln in Hallbruck gelten ab Montag.", "Montag", "2026-03-02"),
    ("de", "Die Stadtwerke Oberweil bieten ab Montag einen neuen Tarif an.", "Montag", "2026-03-02"),
    ("de", "Die Fraktionen beraten am Donnerstag über den Haushalt von Hallbruck.", "Donnerstag", "2026-02-26"),
    ("de", "Die Fraktionen berieten am Donnerstag über den Haushalt von Hallbruck.", "Donnerstag", "2026-02-19"),
    ("de", "Die Bauern von Oberweil starteten am Freitag einen Protest.", "Freitag", "2026-02-20"),
    ("de", "Bürgermeisterin Kallweit sagte, die Sitzung beginnt am Donnerstag.", "Donnerstag", "2026-02-26"),
    # "mit" after a subject is no present verb
    ("de", "Laut Polizei habe der Mann mit Wohnsitz in Hallbruck am Sonntag gedroht.", "Sonntag", "2026-02-22"),
])
def test_tense_of_bare_weekdays(language: str, text: str, phrase: str, value: str) -> None:
    assert _found(text, language)[phrase] == value


@pytest.mark.parametrize(("language", "text", "phrase", "value"), [
    # a weekday of a week named beside it
    ("de", "Der Rat von Hallbruck entscheidet am Donnerstag kommender Woche.",
     "Donnerstag kommender Woche", "2026-03-05"),
    ("de", "Übernächste Woche am Freitag öffnet die Brücke in Oberweil.",
     "Übernächste Woche am Freitag", "2026-03-13"),
    ("es", "El pleno de Almenara será el martes de la próxima semana.", "martes de la próxima semana", "2026-03-03"),
    ("es", "La semana que viene, el miércoles, abre el mercado de Valdoria.",
     "La semana que viene, el miércoles", "2026-03-04"),
    # a day word and a weekday together
    ("es", "Habrá viento fuerte en Almenara mañana miércoles.", "mañana miércoles", "2026-02-25"),
    ("es", "Hoy martes cierra el puerto de Valdoria.", "Hoy martes", "2026-02-24"),
    # a clock and the part of the day
    ("es", "Anoche a las 10 se cortó la luz en Almenara.", "Anoche a las 10", "2026-02-23T22:00"),
    ("es", "El pleno de Valdoria se celebra el jueves a las 7 de la tarde.",
     "jueves a las 7 de la tarde", "2026-02-26T19:00"),
    ("de", "Die Sitzung in Hallbruck beginnt am Donnerstag um 8 Uhr abends.",
     "Donnerstag um 8 Uhr abends", "2026-02-26T20:00"),
    # relative weeks, weekends and months
    ("es", "La ley de Valdoria entra en vigor dentro de dos semanas.", "dentro de dos semanas", "2026-03-10"),
    ("es", "El próximo fin de semana llueve en Almenara.", "próximo fin de semana", "2026-W09-WE"),
    ("de", "Das Stadtfest in Oberweil ist am kommenden Wochenende.", "kommenden Wochenende", "2026-W09-WE"),
    ("de", "Der Umbau des Bahnhofs von Hallbruck endet Ende Februar.", "Ende Februar", "2026-02"),
    ("es", "El fin de semana llueve en Almenara.", "fin de semana", "2026-W09-WE"),
    ("es", "El fin de semana llovió en Almenara.", "fin de semana", "2026-W08-WE"),
    ("de", "In der Nacht auf Samstag beginnt der Umbau in Oberweil.", "der Nacht auf Samstag", "2026-02-28"),
    ("de", "In der Nacht zum Sonntag brannte eine Scheune bei Hallbruck.", "der Nacht zum Sonntag", "2026-02-22"),
    # the present with a month: a plan, unless the month is one just past (figures are
    # reported in the present)
    ("es", "El paro de Valdoria baja en enero.", "enero", "2026-01"),
    ("de", "Die Arbeitslosigkeit in Hallbruck steigt im Januar.", "Januar", "2026-01"),
    ("de", "Im Oktober wechselt die Chefin der Stadtwerke Oberweil.", "Oktober", "2026-10"),
    ("es", "Las clases de Almenara se retoman en septiembre.", "septiembre", "2026-09"),
    ("es", "La feria de Almenara abre el primero de mayo.", "primero de mayo", "2026-05-01"),
    ("es", "Las ventas de Valdoria crecieron en el 1º trimestre 2025.", "1º trimestre 2025", "2025-Q1"),
])
def test_relative_dates(language: str, text: str, phrase: str, value: str) -> None:
    assert _found(text, language)[phrase] == value


@pytest.mark.parametrize(("language", "text", "phrase", "value"), [
    # the anchor's own month stays in its year in every language (was the next year's here)
    ("en", "The Kellbrook plant will close at the end of February.", "the end of February", "2026-02"),
    # the rest read as before

    ("en", "Talks in Kellbrook ended on Friday.", "Friday", "2026-02-20"),
    ("en", "The Kellbrook council will vote in two weeks.", "two weeks", "P2W"),
    ("fr", "Le syndicat de Morvignac a manifesté vendredi.", "vendredi", "2026-02-20"),
    ("fr", "La grève de Morvignac commencera jeudi.", "jeudi", "2026-02-26"),
])
def test_english_and_french(language: str, text: str, phrase: str, value: str) -> None:
    assert _found(text, language)[phrase] == value
