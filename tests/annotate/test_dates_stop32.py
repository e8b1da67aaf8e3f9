"""French plans in the present, "depuis", participles before a date (issue 17, stop 32), with
German, Spanish and English cases that must not move.

Every sentence was written for these tests (invented places and people). The anchor is
Wednesday 2024-02-28.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate.timex import tag

WEDNESDAY = date(2024, 2, 28)


def _found(text: str, language: str) -> dict[str, str]:
    return {t.text.rstrip("."): t.value for t in tag(text, language, WEDNESDAY)}


@pytest.mark.parametrize(("language", "text", "phrase", "value"), [
    # French: a present verb, the only cue of the clause, speaks of a plan
    ("fr", "Le syndicat de Valmorel appelle à la grève jeudi.", "jeudi", "2024-02-29"),
    ("fr", "Les maires de la vallée se réunissent vendredi à Brissac.", "vendredi", "2024-03-01"),
    ("fr", "La préfète se rend samedi à Montclar.", "samedi", "2024-03-02"),
    ("fr", "Les viticulteurs de Brissac manifestent lundi devant la mairie.", "lundi", "2024-03-04"),
    ("fr", "Le tournoi de Montclar a lieu dimanche.", "dimanche", "2024-03-03"),
    ("fr", "Jeudi, le syndicat de Valmorel appelle à la grève.", "Jeudi", "2024-02-29"),
    ("fr", "Le verdict du tribunal de Brissac est attendu le 6 mars.", "le 6 mars", "2024-03-06"),
    # ... the past stays the past
    ("fr", "Le syndicat de Valmorel a appelé à la grève jeudi.", "jeudi", "2024-02-22"),
    ("fr", "Le tournoi de Montclar a eu lieu dimanche.", "dimanche", "2024-02-25"),
    ("fr", "Jeudi soir, le maire adjoint Paul Ferrand a confirmé la fermeture.", "Jeudi soir", "2024-02-22"),
    ("fr", "Paul Ferrand, le nouveau président du club (élu le 6 juillet), a parlé.", "le 6 juillet", "2023-07-06"),
    ("fr", "Brissac occupe, depuis août, la tête du classement.", "août", "2023-08"),
    # Spanish: a present guessed from an ending gives way to a past verb later in the sentence
    ("es", "En octubre, la alcaldesa de Almenara comenzó las obras.", "octubre", "2023-10"),
    ("es", "Los concejales de Almenara se reúnen el lunes.", "lunes", "2024-03-04"),
    # German present for plans (stop 31) still reads forward
    ("de", "Das Turnier in Hallbruck findet am Samstag statt.", "Samstag", "2024-03-02"),
    # English: a bare weekday with no cue stays the one just past
    ("en", "The council of Brenford voted on Monday.", "Monday", "2024-02-26"),
])
def test_present_plans_and_pasts(language: str, text: str, phrase: str, value: str) -> None:
    assert _found(text, language)[phrase] == value


@pytest.mark.parametrize(("language", "text", "phrase", "value"), [
    # dates in figures: the hyphen, a two-digit year, the year first
    ("es", "El contrato de Almenara se firmó el 3-7-2017.", "3-7-2017", "2017-07-03"),
    ("de", "Der Vertrag von Hallbruck wurde am 3-7-2017 unterschrieben.", "3-7-2017", "2017-07-03"),
    ("fr", "Le contrat de Valmorel a été signé le 3-7-2017.", "3-7-2017", "2017-07-03"),
    ("de", "Hallbruck, 19.05.20: Der Rat tagt.", "19.05.20", "2020-05-19"),
    ("es", "Denuncia número 897 del 28/12/19 en Almenara.", "28/12/19", "2019-12-28"),
    ("fr", "Notre éditorial du 19.01.20 sur Valmorel.", "19.01.20", "2020-01-19"),
    ("es", "Registro de Almenara del 2015.5.13.", "2015.5.13", "2015-05-13"),
    ("en", "Brenford's filing of 2015/05/13 was late.", "2015/05/13", "2015-05-13"),
    # a month name between figures
    ("es", "Valdoria vendió la planta el 31-dic-1994.", "31-dic-1994", "1994-12-31"),
    ("de", "Frist in Hallbruck: 23/Sep/2020.", "23/Sep/2020", "2020-09-23"),
    ("en", "The Brenford plant was sold on 31-Dec-1994.", "31-Dec-1994", "1994-12-31"),
    ("fr", "Valmorel a vendu l'usine le 31-déc-1994.", "31-déc-1994", "1994-12-31"),
    # Spanish month in figures after "del", and after "de" with a year
    ("es", "Se conocieron en Almenara el 9 de 8 de 1971.", "9 de 8 de 1971", "1971-08-09"),
    # German day as an ordinal word
    ("de", "Der Markt in Hallbruck öffnete am dritten Oktober 2020.", "dritten Oktober 2020", "2020-10-03"),
])
def test_dates_in_figures_and_words(language: str, text: str, phrase: str, value: str) -> None:
    assert _found(text, language)[phrase] == value


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Brenford shipped version 1.2.15 of the tool."),
    ("en", "Brenford won the sets 6-4 and 3-7."),
    ("es", "El 7 de 10 candidatos de Almenara aprobó."),
    ("es", "Siete de 10 vecinos de Almenara votaron."),
    ("de", "Im dritten Quartal wuchs Hallbruck um 3-4 Prozent."),
])
def test_numbers_that_are_no_dates(language: str, text: str) -> None:
    assert not [t for t in tag(text, language, WEDNESDAY) if t.resolve == "absolute"]


@pytest.mark.parametrize(("language", "text", "phrase", "value"), [
    # French clocks in words, a day with its clock, day and month in figures
    ("fr", "La mairie de Valmorel ferme à seize heures.", "à seize heures", "2024-02-28T16:00"),
    ("fr", "Le marché de Brissac ouvre à midi.", "à midi", "2024-02-28T12:00"),
    ("fr", "Le train pour Montclar part demain à sept heures et quart.", "demain à sept heures et quart", "2024-02-29T07:15"),
    ("fr", "Le conseil de Valmorel se réunit mardi à 15 heures.", "mardi à 15 heures", "2024-03-05T15:00"),
    ("fr", "Le conseil de Valmorel s'est réuni mardi à 15 heures.", "mardi à 15 heures", "2024-02-27T15:00"),
    ("fr", "Les inscriptions à Brissac ferment le 22/04.", "22/04", "2024-04-22"),
    ("fr", "Le club de Montclar a été fondé lundi 12 janvier, 2015.", "lundi 12 janvier, 2015", "2015-01-12"),
    ("fr", "Le vote de Valmorel est reporté à après-demain.", "après-demain", "2024-03-01"),
    ("fr", "Le conseil de Brissac a siégé pendant sept heures.", "sept heures", "PT7H"),
])
def test_french_clocks_and_days(language: str, text: str, phrase: str, value: str) -> None:
    assert _found(text, language)[phrase] == value


def test_around_the_clock_is_no_date() -> None:
    assert not tag("La pharmacie de Brissac est ouverte 24/7.", "fr", WEDNESDAY)
    assert not tag("La farmacia de Almenara abre 24/7.", "es", WEDNESDAY)


@pytest.mark.parametrize(("language", "text", "phrase", "value"), [
    # German "vor" is past only as "ago": a separable particle or "vor allem" is no past
    ("de", "Der Bürgermeister von Hallbruck stellt den Plan am Freitag vor.", "Freitag", "2024-03-01"),
    ("de", "Der Bürgermeister von Hallbruck stellte den Plan am Freitag vor.", "Freitag", "2024-02-23"),
    ("de", "Ab Freitag sollen vor allem die Schulen in Hallbruck öffnen.", "Freitag", "2024-03-01"),
    # Spanish irregular presents speak of a plan
    ("es", "La huelga de Almenara es el jueves.", "jueves", "2024-02-29"),
    ("es", "Hay elecciones en Valdoria el domingo.", "domingo", "2024-03-03"),
    ("es", "La huelga de Almenara fue el jueves.", "jueves", "2024-02-22"),
])
def test_german_vor_and_spanish_irregular_presents(language: str, text: str, phrase: str, value: str) -> None:
    assert _found(text, language)[phrase] == value


def test_nouns_like_participles_and_compounds() -> None:
    # a noun in -és after its article is no participle; a month in a compound is no day
    assert _found("Il y aura des stands devant les supermarchés de Brissac ce week-end.", "fr")["ce week-end"] == "2024-W09-WE"
    assert "erste Februar" not in _found("Rekord in Hallbruck für das erste Februar-Drittel.", "de")
