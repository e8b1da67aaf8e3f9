"""Quotes and speakers in English and French: marks, split and multi-paragraph quotes,
pronoun and title speakers, indirect speech, offsets into the raw input.

All texts here and in tests/data/quotes/ were written for these tests.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.annotate.quotes import annotate_quotes, find_pieces, find_quotes, quote_dicts
from newsweave.model import Article, RawDocument
from newsweave.offsets import OffsetMap
from newsweave.pipeline import analyze_batch

FRENCH_SET = Path(__file__).resolve().parents[1] / "data" / "quotes" / "fr.jsonl"

ENGLISH = (
    "Mayor Helen Okafor opened the new bridge on Monday. \"This bridge took ten years to build,\" she said, "
    "\"and it will last a hundred.\"\n\n"
    "The transport secretary, Daniel Price, told reporters: “The money was well spent.”\n\n"
    "“We will add a tram line next,” the mayor said.\n\n"
    "Price said that the tram line would be paid for by the region. According to Okafor, "
    "the tolls will end in the spring.\n\n"
    "Some residents called it a “vanity project” on social media."
)

FRENCH = (
    "Le ministre de l'Intérieur, Rémi Castel, s'est rendu jeudi à Nîmes. « Nous renforcerons les patrouilles "
    "dès lundi », a-t-il déclaré. « La sécurité, poursuit-il, n'est pas négociable. »\n\n"
    "Selon la maire, Odile Brun, les commerçants attendaient ce geste depuis des mois.\n\n"
    "« Il a fallu trois ans pour obtenir ce renfort. Trois longues années.\n\n"
    "« Maintenant, il faut qu'il dure », a-t-elle ajouté."
)


def _article(text: str, language: str) -> Article:
    return Article(id="q", source="q", raw=text, raw_sha256="", text=text, offsets=OffsetMap.identity(len(text)),
                   language=language)


@pytest.fixture(scope="module")
def english() -> Article:
    article = _article(ENGLISH, "en")
    annotate_quotes([article])
    return article


@pytest.fixture(scope="module")
def french() -> Article:
    article = _article(FRENCH, "fr")
    annotate_quotes([article])
    return article


def _by_text(article: Article) -> dict[str, dict]:
    return {quote["text"].rstrip(",. "): quote for quote in article.quotes}


def test_split_quote_halves_share_the_pronoun_speaker(english: Article) -> None:
    quotes = _by_text(english)
    first, second = quotes["This bridge took ten years to build"], quotes["and it will last a hundred"]
    for quote in (first, second):
        assert quote["direct"] is True
        assert quote["speaker"]["text"] == "she"
        assert quote["speaker_name"] == "Helen Okafor"
    assert first["quote_id"] == second["quote_id"]


def test_speaker_named_before_a_colon(english: Article) -> None:
    quote = _by_text(english)["The money was well spent"]
    assert quote["speaker_name"] == "Daniel Price"
    assert quote["cue"] == "told reporters"


def test_title_speaker_resolves_to_the_person_before_it(english: Article) -> None:
    quote = _by_text(english)["We will add a tram line next"]
    assert quote["speaker"]["text"] == "the mayor"
    assert quote["speaker_name"] == "Daniel Price" or quote["speaker_name"] == "Helen Okafor"


def test_indirect_speech_and_according_to(english: Article) -> None:
    quotes = _by_text(english)
    said_that = quotes["the tram line would be paid for by the region"]
    assert said_that["direct"] is False and said_that["cue"] == "said that"
    assert said_that["speaker_name"] == "Daniel Price"
    according = quotes["the tolls will end in the spring"]
    assert according["direct"] is False and according["speaker"]["text"] == "Okafor"
    assert according["speaker_name"] == "Helen Okafor"


def test_scare_quotes_inside_a_sentence_are_not_quotes(english: Article) -> None:
    assert "vanity project" not in _by_text(english)


def test_guillemets_exclude_marks_and_inner_spaces(french: Article) -> None:
    for quote in french.quotes:
        assert quote["text"] == quote["text"].strip()
        assert not quote["text"].startswith(("«", "»"))
        assert FRENCH[quote["start"]:quote["end"]] == quote["text"]


def test_french_incises_inside_and_after_the_quote(french: Article) -> None:
    quotes = _by_text(french)
    assert quotes["Nous renforcerons les patrouilles dès lundi"]["speaker_name"] == "Rémi Castel"
    assert quotes["Nous renforcerons les patrouilles dès lundi"]["cue"] == "a-t-il déclaré"
    assert quotes["La sécurité"]["speaker"]["text"] == "il"
    assert quotes["n'est pas négociable"]["speaker_name"] == "Rémi Castel"


def test_quote_across_paragraphs_takes_the_speaker_of_its_end(french: Article) -> None:
    quotes = _by_text(french)
    opening = quotes["Il a fallu trois ans pour obtenir ce renfort. Trois longues années"]
    closing = quotes["Maintenant, il faut qu'il dure"]
    assert opening["quote_id"] == closing["quote_id"]
    assert opening["speaker_name"] == closing["speaker_name"] == "Odile Brun"


def test_selon_gives_an_indirect_quote(french: Article) -> None:
    quote = _by_text(french)["les commerçants attendaient ce geste depuis des mois"]
    assert quote["direct"] is False and quote["speaker_name"] == "Odile Brun"


def test_straight_quotes_pair_in_order() -> None:
    text = 'He said "first one" and then "second one" again.'
    pieces = find_pieces(text)
    assert [text[p.start:p.end] for p in pieces] == ["first one", "second one"]


def test_french_set_content_and_speakers() -> None:
    """The hand-written French set: ≥ 60 quotes; content found and speaker names right."""
    cases = [json.loads(line) for line in FRENCH_SET.open(encoding="utf-8")]
    gold_total = sum(len(case["quotes"]) for case in cases)
    assert gold_total >= 60
    found = named = with_name = 0
    for case in cases:
        article = _article(case["text"], "fr")
        annotate_quotes([article])
        ours = {q["text"].strip(" ,."): q for q in article.quotes}
        for gold in case["quotes"]:
            quote = ours.get(gold["content"].strip(" ,."))
            found += quote is not None
            if quote is not None and gold["speaker_name"]:
                with_name += 1
                named += quote["speaker_name"] == gold["speaker_name"]
    assert found / gold_total >= 0.9
    assert named / with_name >= 0.85


def test_quote_offsets_point_into_the_raw_html() -> None:
    raw = ("<html><body><article><h1>Bridge</h1><p>Mayor Helen Okafor opened the bridge on Monday &amp; smiled.</p>"
           "<p>&ldquo;This bridge took ten years to build,&rdquo; <b>she</b> said, &ldquo;and it will last a "
           "hundred years, maybe more.&rdquo;</p></article></body></html>")
    document = RawDocument(source="bridge.html", raw=raw, kind="html",
                           raw_sha256=hashlib.sha256(raw.encode()).hexdigest(), language="en")
    [article] = analyze_batch([document])
    assert article.quotes
    for quote in article.quotes:
        assert article.text[quote["start"]:quote["end"]] == quote["text"]
        assert raw[quote["source_start"]:quote["source_end"]] == quote["text"]
        speaker = quote["speaker"]
        assert speaker and raw[speaker["source_start"]:speaker["source_end"]] == speaker["text"] == "she"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(list("ab CDE,.:\n«»“”\"'-") + [" said ", " il ", " a-t-il dit", "Marie Curie"]),
                max_size=80).map("".join))
def test_any_text_gives_well_formed_quotes(text: str) -> None:
    for language in ("en", "fr"):
        article = _article(text, language)
        article.quotes = quote_dicts(article, find_quotes(article))
        for quote in article.quotes:
            assert 0 <= quote["start"] <= quote["end"] <= len(text)
            assert text[quote["start"]:quote["end"]] == quote["text"]
            if quote["speaker"]:
                assert text[quote["speaker"]["start"]:quote["speaker"]["end"]] == quote["speaker"]["text"]
