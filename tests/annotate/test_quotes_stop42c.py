"""Stop 42, third round (issue 17 item 3): Spanish « Para X, … » opens a source when X is a person or a body
(« Para la concejala, la cita «atrae a miles de visitantes» », « Para Ortuño, su informe “…” »), as French « Pour X, … »
does; « Para ello, … », « Para el próximo curso, … » and an infinitive (« Para llegar a tiempo, … ») name no one.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from newsweave.annotate.quotes import find_quotes
from newsweave.model import Article, Entity
from newsweave.offsets import OffsetMap
from quote_inputs import quotes_of


def _article(text: str, entities: list[tuple[str, str]]) -> Article:
    article = Article(id="q", source="q", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language="es")
    for words, label in entities:
        at = text.index(words)
        article.entities.append(Entity(at, at + len(words), at, at + len(words), words, label=label))
    return article


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("La verbena vuelve en agosto. Para la concejala de Fiestas, la cita «atrae a miles de visitantes a Valdeluz».",
     "atrae a miles de visitantes a Valdeluz", "la concejala de Fiestas"),
    ("La sentencia llegó el lunes. Para Ortuño, su informe “resulta del todo insuficiente para condenar”.",
     "resulta del todo insuficiente para condenar", "Ortuño"),
    ("Las obras empiezan en mayo. Para la alcaldesa, el convenio firmado ayer «deja fuera a los interinos de la comarca».",
     "deja fuera a los interinos de la comarca", "la alcaldesa"),
])
def test_spanish_para_before_a_person_or_body_is_a_source(text: str, words: str, speaker: str) -> None:
    quote = quotes_of(text, "es")[words]
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize("text", [
    # the look-alikes that must not move: « para » before a thing, a time or an infinitive names no one
    "Para ello, el ayuntamiento de Valdeluz abrirá una oficina en la plaza Mayor.",
    "Para el próximo curso, el instituto de Valdeluz ofrecerá dos grupos más de bachillerato.",
    "Para llegar a tiempo, los vecinos de Sierra Baja salen de casa antes de las seis.",
])
def test_spanish_para_before_no_one_is_no_source(text: str) -> None:
    assert not any(quote.speaker for quote in quotes_of(text, "es").values())


def test_spanish_para_before_a_place_entity_is_no_source() -> None:
    text = "Para Valdeluz, la nueva carretera «llega con veinte años de retraso», según la prensa local."
    quotes = find_quotes(_article(text, [("Valdeluz", "LOC")]))
    assert all(q.speaker is None or q.speaker.text != "Valdeluz" for q in quotes)
