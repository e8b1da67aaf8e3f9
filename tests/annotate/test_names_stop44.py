"""A German person's run of capitalised words that goes on into the next noun (annotate/names.py,
``_noun_run_on``; issues 16 and 17, stop 44). Every name and sentence below is invented."""

from __future__ import annotations

from newsweave.annotate.entities import annotate_entities
from newsweave.model import Article
from newsweave.offsets import OffsetMap


def _persons(text: str) -> list[str]:
    article = Article(id="de", source="test", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language="de")
    annotate_entities([article])
    return sorted(item.text for item in article.entities if item.label == "PER")


def test_a_noun_after_a_given_name_and_surname_is_the_verbs_object() -> None:
    assert _persons("Nach der Saison zog Lena Wernecke Bilanz über die Arbeit im Verein.") == ["Lena Wernecke"]


def test_a_noun_before_its_participle_is_no_part_of_the_name() -> None:
    assert _persons("Davon hat inzwischen auch Jörg Tammerlin Gebrauch gemacht.") == ["Jörg Tammerlin"]


def test_a_genitive_name_before_its_noun_keeps_the_genitive() -> None:
    assert _persons("Man sprach über Petra Holtkamps Vorschlag zur Reform des Hafens.") == ["Petra Holtkamps"]


def test_a_credit_before_a_colon_loses_its_noun() -> None:
    assert _persons("Ein Foto vom Markt. Karsten Rudloff Bild: Agentur Nordlicht") == ["Karsten Rudloff"]


def test_a_surname_that_is_a_noun_ends_a_two_word_name() -> None:
    """Look-alike: "Fink" is a noun and a surname; a two-word name is left whole."""
    assert _persons("Am Montag sprach Gerd Fink vor dem Ausschuss.") == ["Gerd Fink"]


def test_a_three_word_name_with_two_given_names_is_left_whole() -> None:
    """Look-alike: the middle word is a given name, so the noun-like last word is the surname."""
    assert _persons("Die Rede hielt Hans Peter Stein vor vollem Saal.") == ["Hans Peter Stein"]


def test_a_three_word_name_before_a_full_stop_is_left_whole() -> None:
    """Look-alike: with no lower-case word after it the noun may be the surname."""
    assert _persons("Den Preis erhielt Johannes Valdoran Baum.") == ["Johannes Valdoran Baum"]


def test_a_noun_after_a_name_with_an_initial_is_left() -> None:
    """Look-alike: an initial in the middle makes the last word the surname."""
    assert _persons("Gestern sagte Moritz K. Vogel vor Gericht aus.") == ["Moritz K. Vogel"]


def test_a_name_opening_its_sentence_keeps_its_noun_like_surname() -> None:
    """Look-alike: the run is the subject and the lower-case word after it the verb."""
    assert _persons("Anton Jaroslawitsch Wetter gründete damals eine Schule.") == ["Anton Jaroslawitsch Wetter"]


def test_a_two_letter_last_word_stays_in_the_name() -> None:
    """The lead's mend after the check read: a two-letter word after a given name and a surname ("… Un nicht …") is a syllable of the name."""
    mentions = _persons("Am Abend ließ Kim Sang Un nicht lange auf eine Antwort warten.")
    assert "Kim Sang Un" in mentions, mentions
