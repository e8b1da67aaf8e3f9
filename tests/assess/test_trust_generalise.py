"""Trust detectors on new invented articles in English, French, German and Spanish.

None of these texts shares a phrase with the word lists' origin: each case is written to
the class of problem (a pitch, a contradicted weekday, a quote nobody said, padding, a
dateline), with clean articles beside them that must stay unflagged. All articles run
through the real pipeline in one batch.
"""

from __future__ import annotations

import hashlib

import pytest

from newsweave.assess.evidence import whole_word_bounds
from newsweave.model import Article, RawDocument
from newsweave.pipeline import analyze_batch

CASES: dict[str, tuple[str, str]] = {
    # -- undisclosed_promotion
    "promo-en": ("en", "The ferry between Olm and Tarrick will stop for two weeks in June, the port authority said on Monday.\n\n"
                       "Repairs to the ramp will cost 2.3 million pounds, according to the authority.\n\n"
                       "Travellers can book now at skimbus.com with Skimbus and pay from just £7.50 per seat.\n"),
    "promo-fr": ("fr", "La mairie de Coudray a fermé mardi la piscine municipale pour des travaux de six mois, selon un communiqué.\n\n"
                       "Pour rester en forme cet été, essayez Nagetop : votre abonnement dès 9,90 € par mois sur nagetop.fr.\n"),
    "promo-de": ("de", "Die Stadt Wendel hat am Dienstag das Hallenbad geschlossen, teilte die Verwaltung mit.\n\n"
                       "Sichern Sie sich jetzt Ihren Platz bei Schwimmfix: Kurse ab 19,90 € auf schwimmfix.de.\n"),
    "clean-person-en": ("en", "The deputy mayor, Hanne Vilde, opened the new library in Brask on Saturday.\n\n"
                              "Vilde said the building cost 4 million euros and would lend 30,000 books a year.\n\n"
                              "Residents can visit the library from Monday; entry is free, the council said.\n"),
    # -- date_inconsistent
    "date-en": ("en", "The council met on Friday, 3 April 2025, to vote on the budget, officials said.\n"),
    "date-es": ("es", "El contrato se firmó el 31 de junio de 2024 en la sede del ayuntamiento, según el alcalde.\n"),
    "date-de": ("de", "Die Sitzung fand am Dienstag, 03.03.2025 im Rathaus statt, sagte ein Sprecher.\n"),
    "clean-date-fr": ("fr", "Le conseil s'est réuni le lundi 3 mars 2025 pour voter le budget, a indiqué la mairie.\n"),
    # -- unsourced_quote
    "quote-de": ("de", "Der Stadtrat von Wendel hat am Montag den Haushalt beschlossen.\n\n"
                       "Die Debatte dauerte bis in die Nacht.\n\n"
                       "„Niemand in dieser Stadt wird im nächsten Jahr mehr für Wasser bezahlen müssen.“\n"),
    "clean-quote-es": ("es", "El ayuntamiento de Valdemora aprobó el lunes el presupuesto.\n\n"
                             "«Nadie en este pueblo pagará más por el agua el año que viene», dijo la alcaldesa, Marta Ruiz.\n"),
    # An incise names the speaker with a verb no cue list holds: the shape is the signal.
    "clean-incise-de": ("de", "Der Stadtrat von Wendel hat am Montag den Haushalt beschlossen.\n\n"
                              "„Niemand in dieser Stadt wird im nächsten Jahr mehr für Wasser bezahlen müssen“, polterte der "
                              "Bürgermeister nach der Sitzung.\n"),
    "clean-incise-fr": ("fr", "Le conseil municipal de Coudray a voté lundi le budget de la commune.\n\n"
                              "« Personne dans cette ville ne paiera plus cher son eau l'an prochain », s'agace le maire "
                              "devant la presse.\n"),
    # -- generic_filler
    "filler-de": ("de", "Der Hafen von Dunmere hat 2024 insgesamt 4,1 Millionen Container umgeschlagen, teilte die Behörde mit.\n\n"
                        "Die Direktorin Ada Brent sagte, 1200 Arbeitsplätze hingen an dem neuen Kai, der im Mai öffnet.\n\n"
                        "Vieles hängt jetzt davon ab, wie es weitergeht. Niemand kann wirklich sagen, wohin das führt. "
                        "Die Lage bleibt für alle Beteiligten schwierig, wie es scheint. Darauf gibt es keine einfachen Antworten, "
                        "und das wird sich wohl auch nicht ändern.\n\n"
                        "Der Kai kostete 310 Millionen Euro, wie aus den Büchern des Rats hervorgeht.\n"),
    "clean-filler-de": ("de", "Der Hafen von Dunmere hat 2024 insgesamt 4,1 Millionen Container umgeschlagen, teilte die Behörde mit.\n\n"
                              "Die Direktorin Ada Brent sagte am Montag, 1200 Arbeitsplätze hingen an dem neuen Kai.\n\n"
                              "Der Kai kostete 310 Millionen Euro, wie aus den Büchern des Rats hervorgeht.\n"),
    "filler-en": ("en", "The port of Dunmere handled 4.1 million containers in 2024, the authority said on Monday.\n\n"
                        "Its director, Ada Brent, said 1,200 jobs depended on the new quay, which opens in May.\n\n"
                        "Everything now depends on what comes next. Nobody can really say where this leads. "
                        "The mood keeps changing all the time, it seems. There are no simple answers to any of it.\n\n"
                        "The quay cost 310 million pounds, according to the council's accounts.\n"),
    "clean-filler-fr": ("fr", "Le port de Dunmere a traité 4,1 millions de conteneurs en 2024, selon l'autorité portuaire.\n\n"
                              "Sa directrice, Ada Brent, a déclaré lundi que 1 200 emplois dépendaient du nouveau quai.\n\n"
                              "Le quai a coûté 310 millions d'euros, d'après les comptes du conseil.\n"),
    # -- boilerplate_leak: datelines are part of the article
    "dateline-fr": ("fr", "Val-Brisac (AFP) – Le maire a annoncé lundi la fermeture du pont, selon la mairie.\n\n"
                          "Les travaux dureront deux ans, a précisé l'adjoint, Paul Merle.\n"),
    "dateline-en": ("en", "KESTREL, 3 March 2025 – The mayor announced on Monday that the bridge would close, officials said.\n\n"
                          "Works will last two years, the deputy mayor, Paul Merle, said.\n"),
}


@pytest.fixture(scope="module")
def analysed() -> dict[str, Article]:
    names = list(CASES)
    documents = [RawDocument(source=f"generalise/{name}.txt", raw=CASES[name][1], kind="text",
                             raw_sha256=hashlib.sha256(CASES[name][1].encode()).hexdigest(), language=CASES[name][0],
                             published="2025-05-06") for name in names]
    results = analyze_batch(documents)
    assert all(isinstance(result, Article) for result in results), results
    return dict(zip(names, results, strict=True))  # type: ignore[arg-type]


def flags_of(article: Article, kind: str) -> list:
    return [flag for flag in article.flags if flag.kind == kind]


@pytest.mark.parametrize("name,brand", [("promo-en", "Skimbus"), ("promo-fr", "Nagetop"), ("promo-de", "Schwimmfix")])
def test_a_pitch_is_promotion_in_three_languages(analysed, name, brand):
    [flag] = flags_of(analysed[name], "undisclosed_promotion")
    assert any(brand.lower() in span.text.lower() for span in flag.evidence)
    assert 0 < flag.confidence <= 1 and "confidence" in flag.to_json()


def test_a_person_with_a_price_nearby_is_never_the_promoted_product(analysed):
    assert flags_of(analysed["clean-person-en"], "undisclosed_promotion") == []


@pytest.mark.parametrize("name,words", [("date-en", "Friday, 3 April 2025"), ("date-es", "31 de junio de 2024"),
                                        ("date-de", "Dienstag, 03.03.2025")])
def test_contradicted_weekdays_and_impossible_dates(analysed, name, words):
    flags = flags_of(analysed[name], "date_inconsistent")
    assert flags and any(words in span.text for flag in flags for span in flag.evidence)


def test_a_right_weekday_is_not_flagged(analysed):
    assert flags_of(analysed["clean-date-fr"], "date_inconsistent") == []


def test_a_quote_nobody_said_is_flagged_in_german(analysed):
    [flag] = flags_of(analysed["quote-de"], "unsourced_quote")
    assert "Niemand in dieser Stadt" in flag.evidence[0].text


def test_an_attributed_quote_is_not_flagged_in_spanish(analysed):
    assert flags_of(analysed["clean-quote-es"], "unsourced_quote") == []


@pytest.mark.parametrize("name", ["clean-incise-de", "clean-incise-fr"])
def test_a_quote_whose_incise_names_the_speaker_is_not_flagged(analysed, name):
    assert flags_of(analysed[name], "unsourced_quote") == []


def test_padding_in_a_german_article_is_filler(analysed):
    [flag] = flags_of(analysed["filler-de"], "generic_filler")
    assert flag.evidence[0].text.startswith("Vieles hängt jetzt")


def test_a_specific_german_article_has_no_filler(analysed):
    assert flags_of(analysed["clean-filler-de"], "generic_filler") == []


def test_padding_in_a_specific_article_is_filler(analysed):
    [flag] = flags_of(analysed["filler-en"], "generic_filler")
    assert flag.evidence[0].text.startswith("Everything now depends")


def test_a_specific_article_has_no_filler(analysed):
    assert flags_of(analysed["clean-filler-fr"], "generic_filler") == []


@pytest.mark.parametrize("name", ["dateline-fr", "dateline-en"])
def test_a_dateline_is_not_a_leak(analysed, name):
    assert flags_of(analysed[name], "boilerplate_leak") == []


def test_every_evidence_span_holds_a_word_and_every_flag_a_reason(analysed):
    for article in analysed.values():
        for flag in article.flags:
            assert flag.message.endswith(".") and "\n" not in flag.message
            assert flag.evidence and all(any(ch.isalnum() for ch in span.text) for span in flag.evidence)


def test_machine_translation_evidence_is_never_cut_mid_word():
    text = "“We stay,” declared Ann Berg."
    start = text.index("declared")
    assert text[slice(*whole_word_bounds(text, start, start + len("declared A")))] == "declared Ann"
