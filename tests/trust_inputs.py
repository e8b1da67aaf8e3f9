"""What the trust-flag tests share: one invented text run through the real pipeline, and the
flags of one kind it raised."""

from __future__ import annotations

import hashlib

from newsweave.model import Article, RawDocument
from newsweave.pipeline import analyze_batch


# Plain sentences that give each test article a body without any problem of its own.
BODY = {
    "en": ("The council of Fernholt has eleven members and meets in the old grammar school. It set its budget at "
           "£5.3 million for next year. Councillor Ruth Dalby chaired the meeting on Monday."),
    "de": ("Der Rat von Kirchweiler hat vierzehn Mitglieder und tagt in der alten Schule. Sein Haushalt umfasst "
           "4,1 Millionen Euro. Bürgermeisterin Jutta Rendel leitete die Sitzung am Montag."),
    "es": ("El pleno de Navalcruz tiene trece concejales y se reúne en el antiguo colegio. Su presupuesto es de "
           "4,1 millones de euros. La alcaldesa, Remedios Olave, presidió la sesión del lunes."),
    "fr": ("Le conseil de Vaudreuil compte dix-neuf élus et siège dans l’ancienne école. Son budget atteint "
           "4,1 millions d’euros. La maire, Sylvie Marchal, a présidé la séance de lundi."),
}


def analyse(text: str, language: str, title: str | None = None) -> Article:
    document = RawDocument(source=f"test/{hashlib.sha1(text.encode()).hexdigest()}.txt", raw=text, kind="text",
                           raw_sha256=hashlib.sha256(text.encode()).hexdigest(), title=title,
                           published="2025-05-06", language=language)
    [article] = analyze_batch([document])
    assert isinstance(article, Article), article
    return article


def flags(article: Article, kind: str) -> list:
    return [flag for flag in article.flags if flag.kind == kind]
