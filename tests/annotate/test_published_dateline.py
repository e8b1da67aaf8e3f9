"""A date near the start dates the article to the day only when it is set as a dateline
(issue 17 item 1, stop 32): opening its line, perhaps after a place and an agency, closed by a
dash, a colon or the line's end. The same date inside the lead's first sentence leaves the week
after it open. Invented articles; the fetch day is 2024-03-12."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate.published_inference import infer_published, is_dateline
from newsweave.annotate.timex import find_mentions, tag

FETCHED = date(2024, 3, 12)


def _interval(text: str, language: str) -> tuple[date, date | None, date | None]:
    inference = infer_published(find_mentions(text, language), text, language, FETCHED)
    assert inference is not None
    return inference.published, inference.earliest, inference.latest


@pytest.mark.parametrize(("language", "text"), [
    ("en", "BRENFORD, Tuesday, March 5 (Agency) — The council of Brenford voted to close the bridge in 2024."),
    ("en", "PASADENA, Calif., Tuesday, March 5 (Agency) — The council of Brenford voted to close the bridge in 2024."),
    ("fr", "Mardi 5 mars — Le conseil de Valmorel a voté la fermeture du pont, après les crues de 2023."),
    ("de", "Hallbruck, Dienstag, 5. März (dpa) - Der Rat von Hallbruck hat nach dem Hochwasser 2023 die Brücke gesperrt."),
    ("es", "Almenara, martes 5 de marzo (EFE).- El pleno de Almenara votó el cierre del puente tras las riadas de 2023."),
])
def test_a_dateline_fixes_the_day(language: str, text: str) -> None:
    assert _interval(text, language) == (date(2024, 3, 5), date(2024, 3, 5), date(2024, 3, 5))


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The council of Brenford voted on Tuesday, March 5, to close the bridge, after the 2023 floods."),
    ("fr", "Le conseil a voté mardi 5 mars la fermeture du pont, après les crues de 2023."),
    ("de", "Der Rat hat am Dienstag, 5. März, die Brücke gesperrt, nach dem Hochwasser 2023."),
    ("es", "El pleno votó el martes 5 de marzo el cierre del puente tras las riadas de 2023."),
])
def test_a_date_inside_the_first_sentence_is_no_dateline(language: str, text: str) -> None:
    published, earliest, latest = _interval(text, language)
    assert (published, earliest) == (date(2024, 3, 5), date(2024, 3, 5))
    assert latest is not None and latest > date(2024, 3, 5)


def test_the_shape_reads_the_line_not_the_distance() -> None:
    text = "Der 9. Juli naht: Gewerkschaften in Hallbruck rufen zur Demo auf."
    ninth = next(t for t in tag(text, "de", None) if t.resolve == "absolute")
    assert not is_dateline(ninth, text)
    text = "Hallbruck\n9. Juli\nGewerkschaften rufen zur Demo auf."
    ninth = next(t for t in tag(text, "de", None) if t.resolve == "absolute")
    assert is_dateline(ninth, text)
