"""Stop 42 (issue 14): problems of a fifth outsider-style set that the detectors missed.

* A German stock phrase of padding still counts with an adverb inside it („wird sich erst noch
  zeigen müssen“ beside „wird sich zeigen“): two such sentences in a row are padding, even where one of
  them asks, in an „ob“ clause, about something past; one of them in specific copy is not.
* The French paywall label « Cet article est réservé à nos abonnés » is furniture like « … aux
  abonnés », also when the log-in prompt follows it on the same line; sentences about what members
  may use stay text.

Invented towns, people, firms and sentences.
"""

from __future__ import annotations

import pytest
from trust_inputs import BODY, analyse, flags

from newsweave.extract.boilerplate import furniture_reason


GERMAN_PADDING = {
    # An open question in the present, then the stock phrase alone.
    "present": ("Ob der neue Spielplatz am Weiher gut angenommen wird, wird sich erst noch zeigen müssen. "
                "Man darf gespannt sein.", "Ob der neue Spielplatz"),
    # The same with a past form inside the „ob“ clause, the shape main leaves unjudged.
    "past": ("Ob bei der Planung wirklich an alles gedacht wurde, wird sich erst noch zeigen müssen. "
             "Man darf gespannt sein.", "Ob bei der Planung"),
}


def _filler_evidence(text: str, language: str) -> list[str]:
    return [span.text for flag in flags(analyse(text, language), "generic_filler") for span in flag.evidence]


@pytest.mark.parametrize("shape", sorted(GERMAN_PADDING))
def test_a_german_stock_phrase_with_an_adverb_inside_is_padding(shape: str) -> None:
    padding, opening = GERMAN_PADDING[shape]
    report = "Der Spielplatz am Weiher in Kirchweiler wurde am Samstag nach acht Monaten Bauzeit eröffnet."
    evidence = _filler_evidence(f"{report}\n\n{BODY['de']}\n\n{padding}", "de")
    assert any(span.startswith(opening) for span in evidence)


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Der Spielplatz am Weiher in Kirchweiler wurde am Samstag eröffnet. Ob er auch im Winter offen bleibt, "
           "wird sich erst noch zeigen müssen. Die Gemeinde Taubach plant für 2027 einen zweiten Platz."),
    ("en", "The playground by the Fernholt pond opened on Saturday after eight months of work. It remains to be seen "
           "whether it will stay open in winter. Lemmington council plans a second one for 2027."),
])
def test_one_stock_phrase_in_specific_copy_stays_unflagged(language: str, text: str) -> None:
    assert _filler_evidence(f"{text}\n\n{BODY[language]}", language) == []


@pytest.mark.parametrize("line", [
    "Cet article est réservé à nos abonnés.",
    "Article réservé à nos abonnés",
])
def test_the_french_paywall_label_to_our_subscribers_is_furniture(line: str) -> None:
    assert furniture_reason(line) == "subscription_prompt"


@pytest.mark.parametrize("line", [
    "L’accès au sauna du club est réservé à nos abonnés depuis janvier, précise la gérante de Vaudreuil.",
    "Cet article du règlement est réservé à nos abonnés les plus anciens, a rappelé le président du club.",
    "This article is reserved for the council of Fernholt, the clerk said.",
])
def test_sentences_about_what_members_may_use_stay_text(line: str) -> None:
    assert furniture_reason(line) is None


def test_a_french_paywall_label_before_the_log_in_prompt_does_not_stay_plain_text() -> None:
    label = "Cet article est réservé à nos abonnés."
    text = (f"{BODY['fr']}\n\n{label} Déjà abonné ? Connectez-vous pour lire la suite.\n\n"
            "Le conseil votera le budget le 12 mars, a indiqué la maire.")
    article = analyse(text, "fr")
    leaks = [span.text for flag in flags(article, "boilerplate_leak") for span in flag.evidence]
    assert label not in article.text or any(label in span for span in leaks)
    assert not [flag for flag in article.flags if flag.kind != "boilerplate_leak"]
