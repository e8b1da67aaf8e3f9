"""Stop 38 (issue 14): what a new user's short articles showed.

* A short question that leads into site furniture on its line ("Not a member? Sign up") is the
  prompt's own lead-in: the whole line is furniture, in any language, whatever the question says.
* French filler: a participle with no auxiliary is no past tense (the parser reads the present
  « fait » and the adjective of « est sûre » as participles), so it does not make a sentence a report.
* The site's own prompts inside a paragraph (a login box, a subscription offer) are furniture, not
  a pitch of whatever capitalised word stands beside them; a third party's app prompt still is one.

Invented lines and articles (en, fr, es); look-alike questions and narrating articles stay as they are.
"""

from __future__ import annotations

import pytest
from trust_inputs import analyse, flags

from newsweave.extract.boilerplate import furniture_reason, furniture_tail

LEAD_QUESTIONS = [
    ("en", "New to the Valbrune Courier?", "Subscribe today!"),
    ("fr", "Envie de suivre le conseil de Valbrune ?", "Abonnez-vous dès aujourd'hui"),
    ("es", "¿Aún no tienes cuenta en el Diario de Valdemora?", "Regístrate gratis"),
]


@pytest.mark.parametrize(("language", "question", "prompt"), LEAD_QUESTIONS)
def test_a_short_question_leading_into_a_prompt_is_furniture_with_it(language: str, question: str, prompt: str) -> None:
    line = f"{question} {prompt}"
    assert furniture_reason(line) is not None
    assert furniture_tail(line) is None  # the whole line goes, not only its end


@pytest.mark.parametrize(("language", "question", "prompt"), LEAD_QUESTIONS)
def test_the_extractor_cuts_the_question_with_its_prompt(language: str, question: str, prompt: str) -> None:
    body = {
        "en": ("The harbour of Valbrune will close for repairs in March, the port authority said on Monday.",
               "Fishing boats will moor at the quay of Saint-Aurel until the work is done, it added."),
        "fr": ("Le port de Valbrune fermera en mars pour des travaux, a annoncé lundi la capitainerie.",
               "Les bateaux de pêche seront amarrés au quai de Saint-Aurel jusqu'à la fin du chantier."),
        "es": ("El puerto de Valdemora cerrará en marzo por obras, anunció el lunes la autoridad portuaria.",
               "Los barcos pesqueros amarrarán en el muelle de San Aurelio hasta el final de las obras."),
    }[language]
    article = analyse(f"{body[0]}\n\n{question} {prompt}\n\n{body[1]}", language)
    assert question not in article.text and prompt not in article.text
    assert body[0] in article.text and body[1] in article.text
    assert not flags(article, "boilerplate_leak")


def test_a_long_question_before_a_prompt_stays_and_only_the_prompt_is_cut() -> None:
    question = "What will Valbrune do with the old harbour warehouses once the last fishing boats have gone for good?"
    line = f"{question} Subscribe today!"
    assert furniture_reason(line) is None
    tail = furniture_tail(line)
    assert tail is not None and line[: tail[0]].strip() == question


@pytest.mark.parametrize("line", [
    "Why did the ferry to Valbrune stop? The council has not said.",
    "Pourquoi le bac de Valbrune s'est-il arrêté ? La mairie ne l'a pas dit.",
    "¿Por qué se detuvo el transbordador de Valdemora? El ayuntamiento no lo ha dicho.",
    "Who won the vote in Valbrune? X",
])
def test_a_question_followed_by_text_or_a_lone_mark_stays(line: str) -> None:
    assert furniture_reason(line) is None


FR_HEAD = """Valbrune : le conseil vote la rénovation du port

Le conseil municipal de Valbrune a voté mardi un budget de 4 millions d'euros pour rénover le port de plaisance.

Les travaux commenceront en mars et dureront deux ans, a précisé le maire, Octave Lemarchand.

"""
FR_TAIL = """

Les plaisanciers devront déplacer leurs bateaux vers le port voisin de Saint-Aurel pendant l'hiver."""


def test_french_padding_read_as_participles_is_filler() -> None:
    padding = "Le feuilleton ne fait que commencer. Chacun se fera une idée, et le temps tranchera. La suite, elle, reste à écrire."
    [flag] = flags(analyse(FR_HEAD + padding + FR_TAIL, "fr"), "generic_filler")
    assert any("ne fait que commencer" in span.text for span in flag.evidence)


def test_french_sentences_in_the_past_with_their_auxiliary_stay_reports() -> None:
    report = ("Le chantier a été confié à une entreprise de Saint-Aurel. Les pêcheurs ont protesté devant la mairie. "
              "Le projet est resté dans les cartons pendant des années.")
    assert analyse(FR_HEAD + report + FR_TAIL, "fr").flags == []


def test_an_english_article_told_with_bare_pasts_and_passives_is_unflagged() -> None:
    text = """Old mill in Harlow Bridge becomes a museum

The old flour mill in Harlow Bridge opened as a museum on Saturday after four years of work by volunteers.

The mill was built by local masons and was run by the same family for three generations. It featured two water wheels. It was later sold and left empty.

"We found the original millstones under the floor," said Edna Parfitt, who chairs the trust that bought the building in 2019.

Entry costs £4 for adults and children go free."""
    assert analyse(text, "en").flags == []


# -- the site's own prompts are furniture, not a pitch (promotion sets them aside) --

LOGIN_BOX_DE = """Wochenmarkt in Talbach eröffnet

Bürgermeisterin Ilse Kramm eröffnet den Wochenmarkt mit Waffeln aus einem Oldtimer-Bus Bitte registrieren!Sie haben noch keinen Zugang zum Archiv?Registrieren Sie sich jetzt kostenlos, um fortzufahren. Der Markt findet künftig jeden Donnerstag auf dem Rathausplatz statt, teilte die Stadt am Montag mit. Zwölf Händler aus der Region haben sich angemeldet.

„Wir wollen den Platz wieder beleben“, sagte Kramm."""
SUBSCRIPTION_FR = """Le marché de Talbrune rouvre

Le maire, Ida Kramer, a inauguré jeudi le marché hebdomadaire avec des gaufres vendues dans un vieux bus. Abonnez-vous à l'offre Numéro Plus pour 1 € le premier mois. Douze commerçants de la région se sont déjà inscrits.

« Nous voulons que la place revive », a déclaré Ida Kramer."""


@pytest.mark.parametrize(("language", "text"), [("de", LOGIN_BOX_DE), ("fr", SUBSCRIPTION_FR)])
def test_a_site_prompt_inside_a_paragraph_is_furniture_not_promotion(language: str, text: str) -> None:
    article = analyse(text, language)
    assert flags(article, "boilerplate_leak")
    assert not flags(article, "undisclosed_promotion")


def test_a_third_party_app_prompt_is_still_a_pitch() -> None:
    text = """Market opens in Talbridge

Mayor Ida Kramer opened the weekly market on Thursday with waffles sold from a vintage bus. Download the Zentrik app today and get £10 off your first ride with code RIDE10. Twelve traders from the region have signed up so far.

"We want the square to come alive again," said Kramer."""
    [flag] = flags(analyse(text, "en"), "undisclosed_promotion")
    assert any(span.text == "Zentrik" for span in flag.evidence)
