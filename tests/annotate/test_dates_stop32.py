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
