"""Trust flags, stop 36 second round (issue 14): evidence a reader can trust.

Every evidence span of every kind starts and ends on a word boundary of the cleaned text: a
leak piece cut at the camel case of a brand grows to the whole brand, a calque that ends on a
name's first letter grows to the whole name, and a span of punctuation alone takes the word next
to it (``assess/evidence.py``). German: the login box („Registrieren Sie sich jetzt kostenlos“,
„Schon registriert?“) is site furniture, not filler (an appeal to the public as an address that
sources the quote after it is tested with the other addresses, ``test_trust_stop36.py``). Texts
invented for these tests (de, en, fr, es).
"""

from __future__ import annotations

import pytest
from trust_inputs import analyse, flags

from newsweave.assess import assess
from newsweave.assess.evidence import on_word_boundaries, whole_word_bounds
from newsweave.extract.boilerplate import furniture_reason
from newsweave.model import Article, Flag
from newsweave.offsets import OffsetMap


def _article(text: str, language: str) -> Article:
    """The text as it stands, without the extractor (which would cut a furniture line first)."""
    return Article(id="words", source="words", raw=text, raw_sha256="", text=text,
                   offsets=OffsetMap.identity(len(text)), language=language)


def _widened(text: str, piece: str, length: int | None = None) -> str:
    start = text.index(piece)
    end = start + (len(piece) if length is None else length)
    return text[slice(*whole_word_bounds(text, start, end))]


# -- the guarantee, span by span ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "piece", "length", "expected"), [
    ("Rejoignez le groupe sur TelaChat dès ce soir.", "Rejoignez", len("Rejoignez le groupe sur Tela"),
     "Rejoignez le groupe sur TelaChat"),
    ("“We stay,” declared Ann Berg.", "” declared", len("” declared A"), "” declared Ann"),
    ("Val-Sorel a voté le budget.", "Val", len("Val-"), "Val-Sorel"),
    ("Le maire est venu. : C'est tout.", ". :", None, "venu. :"),
    ("She met dock workers in the port,, on Tuesday.", ",,", None, "port,,"),
    ("C", "C", None, "C"),
    ("Il a dit : C'est fini.", " C", len(" C"), "C'est"),
    ("Der Rat tagt – am Montag.", "–", None, "– am"),
    ("Der Rat tagt am Montag –", "–", None, "Montag –"),
    ("Elle affirme qu'à ce jour rien n'a changé.", "à ce jour", None, "à ce jour"),
    ("The mayor spoke  today.", " today", len(" today."), "today."),
])
def test_each_span_grows_to_whole_words(text: str, piece: str, length: int | None, expected: str) -> None:
    assert _widened(text, piece, length) == expected


def test_a_flag_on_whole_words_is_kept_as_it_is_and_a_cut_one_gets_true_offsets() -> None:
    text = "Bitte laden Sie die OrvelApp herunter. Die Brücke bleibt gesperrt."
    article = _article(text, "de")
    whole = Flag("boilerplate_leak", "warning", "Site furniture.", [article.span(0, text.index(" Die"))], 0.8)
    assert on_word_boundaries(article, whole) is whole
    cut = Flag("boilerplate_leak", "warning", "Site furniture.", [article.span(0, text.index("App")),
                                                                   article.span(0, text.index("App") + 1)], 0.8)
    [span] = on_word_boundaries(article, cut).evidence  # both pieces grow to the same words: kept once
    assert span.text == "Bitte laden Sie die OrvelApp" == text[span.start:span.end]
    assert (span.source_start, span.source_end) == (span.start, span.end)
    assert on_word_boundaries(article, cut).message == cut.message


# -- through the detectors: furniture glued before a camel-case brand ---------------------------

GLUED = {
    "en": ("The bridge at Orvel has been shut since March, and the detour adds forty minutes to every trip. "
           "Follow us on TelaChat for updates. Mayor Ilse Varga asked the region for a date on 4 May.\n",
           "Follow us on TelaChat"),
    "fr": ("Le pont d'Orvel est fermé depuis mars et la déviation ajoute quarante minutes à chaque trajet. "
           "Suivez-nous sur TelaChat pour ne rien manquer. La maire Ilse Varga a demandé une date le 4 mai.\n",
           "Suivez-nous sur TelaChat"),
    "de": ("Die Brücke in Orvel ist seit März gesperrt, die Umleitung kostet vierzig Minuten je Fahrt. "
           "Newsletter abonnieren bei OrvelNews und nichts verpassen. Bürgermeisterin Ilse Varga verlangte am "
           "4. Mai einen Termin.\n", "Newsletter abonnieren bei OrvelNews"),
    "es": ("El puente de Orvel está cerrado desde marzo y el desvío añade cuarenta minutos a cada viaje. "
           "Únete al grupo de Noticias Orvel en TelaChat a través del enlace. La alcaldesa Ilse Varga pidió una "
           "fecha el 4 de mayo.\n", "Únete al grupo de Noticias Orvel en TelaChat"),
}


@pytest.mark.parametrize("language", sorted(GLUED))
def test_leak_evidence_holds_the_whole_brand_after_a_glue_split(language: str) -> None:
    text, expected = GLUED[language]
    article = assess(_article(text, language))
    [leak] = flags(article, "boilerplate_leak")
    assert [span.text for span in leak.evidence] == [expected]


def _on_word_boundaries(text: str, start: int, end: int) -> bool:
    inside = (start > 0 and text[start - 1].isalnum() and text[start].isalnum()) or \
             (end < len(text) and text[end - 1].isalnum() and text[end].isalnum())
    return not inside and any(char.isalnum() for char in text[start:end]) and text[start:end] == text[start:end].strip()


@pytest.mark.parametrize("language", sorted(GLUED))
def test_every_span_of_every_flag_starts_and_ends_on_a_word(language: str) -> None:
    text, _ = GLUED[language]
    article = analyse(text + "\n" + text.replace("4", "5"), language)
    spans = [span for flag in article.flags for span in flag.evidence]
    assert all(_on_word_boundaries(article.text, span.start, span.end) for span in spans), \
        [span.text for span in spans]


# -- German: the login box is furniture -----------------------------------------------------------

GERMAN_LOGIN = [
    "Registrieren Sie sich jetzt kostenlos, um fortzufahren.",
    "Registrieren Sie sich kostenlos und lesen Sie alle Beiträge.",
    "Bitte melden Sie sich an, um zu kommentieren.",
    "Melden Sie sich an und diskutieren Sie mit",
    "Loggen Sie sich in Ihrem Konto ein",
    "Registriere dich jetzt kostenlos",
    "Jetzt kostenlos registrieren",
    "Hier anmelden",
    "Anmelden oder kostenlos registrieren",
    "Schon registriert? Hier einloggen",
    "Bereits Abonnentin?",
    "Sie haben noch keinen Zugang zum Archiv?",
    "Noch kein OrvelPost-Konto? Jetzt registrieren",
]

GERMAN_KEPT = [
    "Melden Sie sich beim Gesundheitsamt in Orvel, wenn Sie Fieber haben.",
    "„Registrieren Sie sich jetzt“, riefen die Helfer den Wartenden zu.",
    "Bereits am Montag hatten sich 300 Helfer registriert.",
    "Jetzt anmelden können sich nur noch Vereine aus dem Landkreis.",
    "Noch kein Zugang zum Netz haben 40 Höfe im Tal.",
    "Wer sich registrieren will, braucht einen Ausweis.",
]


@pytest.mark.parametrize("line", GERMAN_LOGIN)
def test_german_login_box_lines_are_furniture(line: str) -> None:
    assert furniture_reason(line) == "site_prompt"


@pytest.mark.parametrize("line", GERMAN_KEPT)
def test_german_lines_about_registering_stay_text(line: str) -> None:
    assert furniture_reason(line) is None


DE_BODY = ("Die Brücke in Orvel ist seit März gesperrt, die Umleitung kostet vierzig Minuten je Fahrt.\n\n"
           "Bürgermeisterin Ilse Varga verlangte am 4. Mai vom Land einen Termin für die Sanierung.\n\n")
DE_TAIL = "Der Gemeinderat stimmt am 14. Mai über den Reparaturhaushalt von 2,4 Millionen Euro ab.\n"


def test_a_german_login_box_inside_a_paragraph_is_flagged_as_furniture_not_filler() -> None:
    box = ("Die Lage bleibt offen. Sie haben noch keinen Zugang zum Archiv?Registrieren Sie sich jetzt kostenlos, "
           "um fortzufahren.Bitte melden Sie sich an, um zu kommentieren.Es bleibt abzuwarten, wie es weitergeht.\n\n")
    article = analyse(DE_BODY + box + DE_TAIL, "de")
    [leak] = flags(article, "boilerplate_leak")
    evidence = " ".join(span.text for span in leak.evidence)
    assert "Registrieren Sie sich jetzt kostenlos" in evidence and "Zugang zum Archiv" in evidence
    assert not flags(article, "generic_filler")


def test_a_clean_german_article_about_registering_is_unflagged() -> None:
    kept = "\n\n".join(line for line in GERMAN_KEPT if "„" not in line)
    article = analyse(DE_BODY + kept + "\n\n" + DE_TAIL, "de")
    assert "Gesundheitsamt" in article.text and "Ausweis" in article.text
    assert article.flags == []


# -- clean articles in English and French stay unflagged -------------------------------------------

@pytest.mark.parametrize(("language", "text"), [
    ("en", "The bridge at Orvel has been shut since March, the council said on Tuesday.\n\n"
           "Mayor Ilse Varga asked the region for a date on 4 May. Residents can register for the shuttle bus "
           "at the town hall until 12 May, the council said.\n\nThe repairs will cost 2.4 million euros.\n"),
    ("fr", "Le pont d'Orvel est fermé depuis mars, a indiqué la mairie mardi.\n\n"
           "La maire Ilse Varga a demandé une date à la région le 4 mai. Les habitants peuvent s'inscrire à la "
           "navette à la mairie jusqu'au 12 mai, selon la mairie.\n\nLes travaux coûteront 2,4 millions d'euros.\n"),
])
def test_clean_articles_stay_unflagged(language: str, text: str) -> None:
    assert analyse(text, language).flags == []
