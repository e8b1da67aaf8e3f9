"""Spanish site furniture seen on real pages (stop 37): paywall meters, login questions, link boxes.

Invented lines; look-alike sentences in articles (es, en) stay text."""

from __future__ import annotations

import pytest

from newsweave.extract.boilerplate import furniture_reason, furniture_tail


@pytest.mark.parametrize("line", [
    "Has alcanzado el límite de artículos.",
    "¿Ya tienes una cuenta?",
    "Debes iniciar sesión para guardar esta nota.",
    "Recupera tu contraseña",
    "No dejes de leer",
    "Últimas noticias de Valdemora",
    "Notas de interés",
    "Copiar enlace",
    "Publicidad",
    "Facebook Twitter Instagram Telegram",
    "Noticias relacionadas VER MÁS",
])
def test_spanish_furniture_lines_are_furniture(line):
    assert furniture_reason(line) is not None


def test_a_print_edition_pointer_glued_after_a_sentence_is_cut():
    line = "El puente de Valdemora seguirá cerrado. Lea más detalles sobre esta noticia en la edición impresa de mañana."
    assert furniture_tail(line) is not None


@pytest.mark.parametrize("line", [
    "Las últimas noticias de Valdemora hablan de un puente cerrado durante meses.",
    "La publicidad institucional creció un veinte por ciento este año.",
    "Nadie debe iniciar sesión en el sistema sin permiso, explicó la alcaldesa.",
    "The latest news from Valdemora is that the bridge stays shut.",
])
def test_article_sentences_with_the_same_words_stay(line):
    assert furniture_reason(line) is None
