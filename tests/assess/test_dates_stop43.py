"""Stop 43 (issue 14): a later date that a parse puts under a past verb, yet tells no past.

* An infinitive of the passive ("to be connected to the grid in late 2028", « doit être raccordée
  en 2028 »): its participle's past form says nothing of when; the date is a plan.
* A date that describes a thing ("a best-before date of May 2028"): it is not when the sentence's
  verb happened, however that verb is read.
A later date under a past verb of its own stays flagged in both languages.

Invented towns and sentences.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate import nlp
from newsweave.annotate.dates import tag_article
from newsweave.assess.dates import date_flags
from newsweave.model import Article, Flag
from newsweave.offsets import OffsetMap


def _flags(text: str, language: str) -> list[Flag]:
    article = Article(id="d", source="d", raw=text, raw_sha256="", text=text, offsets=OffsetMap.identity(len(text)),
                      language=language, published="2026-03-10", published_basis="given")
    nlp.parse_batch([article])
    tag_article(article, today=date(2026, 11, 23))
    return date_flags(article)


PLANNED = {
    "en": "The pumping station at Corrow Bay is expected to serve 9,000 homes and to be connected to the grid in late 2028.",
    "fr": "La station de pompage de Corrèvre doit être raccordée au réseau en 2028, selon le syndicat des eaux.",
}
DESCRIBED = "The recalled jars, with a best-before date of May 2028, were sold in 40 shops around Corrow Bay."
TOLD_AS_PAST = {
    "en": "The pumping station at Corrow Bay was connected to the grid on 12 May 2027.",
    "fr": "La station de pompage de Corrèvre a été raccordée au réseau le 12 mai 2027.",
}


@pytest.mark.parametrize("language", sorted(PLANNED))
def test_a_passive_infinitive_is_a_plan_not_a_past(language: str) -> None:
    assert _flags(PLANNED[language], language) == []


def test_a_date_that_describes_a_thing_is_not_when_the_verb_happened() -> None:
    assert _flags(DESCRIBED, "en") == []


@pytest.mark.parametrize("language", sorted(TOLD_AS_PAST))
def test_a_later_date_under_its_own_past_verb_is_still_flagged(language: str) -> None:
    assert [flag.kind for flag in _flags(TOLD_AS_PAST[language], language)] == ["date_inconsistent"]
