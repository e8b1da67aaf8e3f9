"""Stop 41, second round (issue 17 item 3): the quote stage's settings reach its rules through
:class:`~newsweave.annotate.quote_rules.Rules`, and ``quote_records`` leaves the quotes it is given
as they were.

All texts here were written for these tests.
"""

from __future__ import annotations

import re

import pytest

from newsweave.annotate.quote_rules import rules
from newsweave.annotate.quotes import find_quotes, quote_records
from newsweave.model import Article, Entity
from newsweave.offsets import OffsetMap
from quote_inputs import quotes_of, speaker_text


def _article(text: str, language: str, entities: list[tuple[str, str, str]]) -> Article:
    """An article whose entities stage found ``entities`` (mention, label, entity id), every occurrence."""
    article = Article(id="q", source="q", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    for mention, label, entity_id in entities:
        for found in re.finditer(re.escape(mention), text):
            article.entities.append(Entity(found.start(), found.end(), found.start(), found.end(), mention,
                                           label=label, entity_id=entity_id, canonical=mention))
    article.entities.sort(key=lambda e: (e.start, e.end))
    return article


# ---- the language's settings, read once into its rules ----------------------------------------------------------

def test_the_rules_carry_the_settings_their_attributions_read() -> None:
    assert rules("es").pro_drop and not rules("en").pro_drop
    assert rules("de").fronted_subject_endings and not rules("fr").fronted_subject_endings
    link = rules("en").person_body_link
    assert link is not None and link.fullmatch(" of the ") and rules("fr").person_body_link is None


# ---- quote_records gives new values -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, language, entities", [
    ("“We will open two labs,” the University of Dunmore said.", "en",
     [("University of Dunmore", "ORG", "org:dunmore-university"), ("Dunmore", "LOC", "loc:dunmore")]),
    ("Lt. Tobias Frenn of Harbour Safe Streets, the county's gang unit, said the boy had joined in 2001.", "en",
     [("Tobias Frenn", "PER", "per:tobias-frenn"), ("Harbour Safe Streets", "ORG", "org:harbour-safe-streets")]),
    ("Le Conseil régional écrivait : « Nous ouvrirons deux ateliers à Vaudrey. »", "fr",
     [("Conseil régional", "ORG", "org:conseil-regional"), ("Vaudrey", "LOC", "loc:vaudrey")]),
])
def test_the_callers_quotes_keep_the_attributions_they_had(text: str, language: str,
                                                            entities: list[tuple[str, str, str]]) -> None:
    article = _article(text, language, entities)
    found = find_quotes(article)
    before = [(q.attribution.speaker_start, q.attribution.speaker_end) if q.attribution else None for q in found]
    records = quote_records(article, found)
    after = [(q.attribution.speaker_start, q.attribution.speaker_end) if q.attribution else None for q in found]
    assert after == before
    # (the records themselves still name the widened speaker)
    spoken = [text[r.speaker.start:r.speaker.end] for r in records if r.speaker]
    assert spoken and all((start, end) != (r.speaker.start, r.speaker.end) for (start, end), r in zip(before, records))


# ---- an object pronoun before an incise --------------------------------------------------------------------------

@pytest.mark.parametrize("text, words, pronoun", [
    ("« Les premières années, m'a-t-il répondu, nous avions peur de tout. »", "nous avions peur de tout.", "il"),
    ("« Nous partirons à l'aube, nous a-t-elle dit, sans attendre les autres. »", "sans attendre les autres.", "elle"),
    ("« Nous partirons à l'aube », m'a-t-il répondu.", "Nous partirons à l'aube", "il"),
    ("« Le pont tiendra, lui répond-elle, jusqu'au printemps. »", "jusqu'au printemps.", "elle"),
])
def test_an_object_pronoun_before_an_incise_is_whom_it_was_said_to(text: str, words: str, pronoun: str) -> None:
    quote = quotes_of(text, "fr")[words]
    assert speaker_text(quote) == pronoun


def test_an_incise_without_an_object_still_cuts_the_quote() -> None:
    text = "« Nous partirons à l'aube, a-t-elle dit, sans attendre les autres. »"
    assert speaker_text(quotes_of(text, "fr")["sans attendre les autres."]) == "elle"
