"""Stop 39 (issue 14): furniture lines a new user's articles kept as text.

* The comment box's prompt alone on its line ("Log in to comment", "You must be logged in to post a
  comment", „Beitrag kommentieren“) and the heading of the site's list of its other pieces ("Most
  read", "Most popular in Sport", „Mehr aus dem Ressort“) are furniture.
* The French paywall sentence: what the reader wants to do, then the account to open (« Pour lire la
  suite …, créez votre compte »), alone or glued after the article's last sentence.

Invented lines and articles; report sentences with the same words (most people read, comments by a
mayor, a report "to read on", a quoted prompt) stay article text.
"""

from __future__ import annotations

import pytest
from trust_inputs import analyse, flags

from newsweave.extract.boilerplate import furniture_reason, furniture_tail


@pytest.mark.parametrize(("line", "reason"), [
    ("Log in to comment", "share_buttons"),
    ("You must be signed in to post a comment.", "share_buttons"),
    ("Leave a reply", "share_buttons"),
    ("Most Read", "read_also"),
    ("Most popular in Sport", "read_also"),
    ("Beitrag kommentieren", "share_buttons"),
    ("Jetzt kommentieren", "share_buttons"),
    ("Mehr aus dem Ressort", "read_also"),
    ("Mehr aus Wirtschaft", "read_also"),
    ("Pour lire la suite et accéder à tous nos contenus, créez votre compte", "subscription_prompt"),
    ("Pour commenter cet article, identifiez-vous", "subscription_prompt"),
    ("Pour lire la suite", "subscription_prompt"),
])
def test_comment_prompts_lists_and_french_paywall_lines_are_furniture(line: str, reason: str) -> None:
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", [
    "Most people read the notice only after the water was cut off.",
    "Most read the letter twice, the head teacher said.",
    "The mayor declined to comment on the leaked plan.",
    "Der Bürgermeister wollte den Bericht nicht kommentieren.",
    "Mehr aus Pflicht als aus Neigung kamen die Räte am Montag zusammen.",
    "Pour lire la suite du rapport, les élus de Brenac devront attendre le mois de mars.",
    "« Pour lire nos articles, abonnez-vous », répétait le vendeur de journaux de la place Verlaine.",
    "Pour accéder au stade, les supporters devront présenter un billet nominatif.",
])
def test_report_sentences_with_the_same_words_stay_text(line: str) -> None:
    assert furniture_reason(line) is None
    assert furniture_tail(line) is None


def test_a_french_paywall_sentence_glued_after_the_last_sentence_is_cut() -> None:
    line = "Les travaux reprendront lundi, a précisé la mairie. Pour lire tous nos articles sans limite, abonnez-vous."
    start, reason = furniture_tail(line) or (None, None)
    assert reason == "subscription_prompt"
    assert line[:start].rstrip() == "Les travaux reprendront lundi, a précisé la mairie."


COMMENT_BOX_EN = """Lighthouse at Corran Bay to be repainted

The lighthouse at Corran Bay will be repainted in red and white stripes this summer, the harbour trust said on Tuesday. The work will cost £86,000.

"The paint has not been touched since 1998," said trust manager Elspeth Morrow.

Log in to comment
Most Read"""

COMMENT_BOX_DE = """Neue Brücke in Talbrunn freigegeben

Die neue Fußgängerbrücke über die Elsach in Talbrunn ist am Montag freigegeben worden. Der Bau kostete 1,3 Millionen Euro, sagte Bürgermeister Anton Reichl.

Jetzt kommentieren
Mehr aus dem Ressort"""


@pytest.mark.parametrize(("text", "language"), [(COMMENT_BOX_EN, "en"), (COMMENT_BOX_DE, "de")])
def test_comment_prompts_and_list_headings_are_cut_from_the_article(text: str, language: str) -> None:
    article = analyse(text, language)
    for furniture in ("Log in to comment", "Most Read", "Jetzt kommentieren", "Mehr aus dem Ressort"):
        assert furniture not in article.text
    assert not flags(article, "boilerplate_leak") and not article.flags


CLEAN_EN = """Town council of Wellbridge keeps its library open on Sundays

Most residents read the council's letter before the vote on Monday, and 212 wrote back. The council kept the Sunday opening of the library by nine votes to four.

The mayor, Ivo Brandt, declined to comment on the cost. A report to read on the library's future is due in May."""


def test_a_clean_report_with_the_same_words_keeps_its_text_and_raises_no_flag() -> None:
    article = analyse(CLEAN_EN, "en")
    assert "declined to comment" in article.text and "Most residents read" in article.text
    assert not article.flags
