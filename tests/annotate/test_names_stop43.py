"""A sentence's capitalised article in a name (issue 16 item 4; stop 43): after a line break, before
a known place named without it, and before the name's own initials in brackets. Every body, title
and sentence is invented, but for the big real places the gazetteer must know."""

from __future__ import annotations

from newsweave.annotate.canonical import Mention
from newsweave.annotate.entities import annotate_entities
from newsweave.annotate.name_spans import without_sentence_articles
from newsweave.annotate.nlp import pipeline
from newsweave.model import Article
from newsweave.offsets import OffsetMap


def _articles(text: str, words: str, label: str, language: str = "en") -> str:
    """The words left of the mention ``words`` once the sentence's article is read."""
    start = text.index(words)
    mentions = [Mention(start, start + len(words), words, label)]
    without_sentence_articles(mentions, pipeline(language)(text), language)
    return mentions[0].text


def _names(text: str, language: str = "en") -> list[tuple[str, str]]:
    article = Article(id=language, source="test", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    annotate_entities([article])
    return sorted((item.text, item.label) for item in article.entities)


def test_an_article_after_a_line_break_opens_a_sentence() -> None:
    text = "The vote was close.\n\nThe Orvane Grain Board said it would appeal."
    assert _articles(text, "The Orvane Grain Board", "ORG") == "Orvane Grain Board"
    text = "Kessel heads the list\nThe Velkor River Trust has bought the mill."
    assert _articles(text, "The Velkor River Trust", "ORG") == "Velkor River Trust"


def test_a_paragraph_that_opens_on_a_body_names_it_without_the_article() -> None:
    text = "Rain is expected on Friday.\n\nThe Dorvan Weather Office said roads may flood."
    found = _names(text)
    assert any(words == "Dorvan Weather Office" for words, _ in found)
    assert not any(words.startswith("The ") for words, _ in found)


def test_a_known_place_named_without_the_article_loses_it() -> None:
    text = "The Soviet Union also sold grain to Kessel traders."
    assert _articles(text, "The Soviet Union", "LOC") == "Soviet Union"


def test_the_initials_of_a_body_in_brackets_are_prose_after_its_name() -> None:
    text = "The Velkor Grain Growers Association ( VGGA ) was formed at a meeting in 1903 ."
    assert _articles(text, "The Velkor Grain Growers Association", "ORG") == "Velkor Grain Growers Association"


def test_look_alikes_keep_their_article() -> None:
    # A place whose own name holds the article, a title with a year or a network in brackets,
    # initials that are not the name's, and an article inside a line.
    text = "Prices rose.\nThe Hague City Council met on Monday."
    assert _articles(text, "The Hague City Council", "ORG") == "The Hague City Council"
    text = "Season two began.\nThe Kessel Affair ( 1936 )"
    assert _articles(text, "The Kessel Affair", "ORG") == "The Kessel Affair"
    text = "The Velkor Night Show ( NBC ) was cancelled in May."
    assert _articles(text, "The Velkor Night Show", "ORG") == "The Velkor Night Show"
    text = "Rain fell.\nReaders of The Orvane Evening Ledger were told on Monday."
    assert _articles(text, "The Orvane Evening Ledger", "ORG") == "The Orvane Evening Ledger"


def test_french_articles_after_a_line_break_stay() -> None:
    text = "Il pleut.\nLa Société Orvane de Velkor a fermé."
    assert _articles(text, "La Société Orvane de Velkor", "ORG", "fr") == "La Société Orvane de Velkor"
