"""Bare weekdays and months read with the tense of their clause, TimeML spans, dates in the
languages beyond English and French, and publication dates inferred from every clue.

Every sentence here was written for these tests (invented places and people; office holders
are real because their terms are the clue being tested).
"""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate.published_inference import infer_published
from newsweave.annotate.timex import find_mentions, tag

WEDNESDAY = date(2024, 2, 28)
TUESDAY = date(2026, 2, 24)


def _found(text: str, language: str, anchor: date | None) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, language, anchor)}


@pytest.mark.parametrize(("language", "text", "phrase", "value"), [
    # the preposition and the tense point forward
    ("en", "The fair in Brindlemoor takes place until Thursday.", "Thursday", "2024-02-29"),
    ("en", "Ms Varga said she would return to Oskarth on Friday.", "Friday", "2024-03-01"),
    ("en", "The ferry to Quillon will sail on Monday.", "Monday", "2024-03-04"),
    ("en", "The new toll will apply from March.", "March", "2024-03"),
    # the past points back
    ("en", "The strike at the Tarnwick mill went on until Thursday.", "Thursday", "2024-02-22"),
    ("en", "The mayor of Brindlemoor arrived on Tuesday.", "Tuesday", "2024-02-27"),
    ("en", "The toll was introduced in October.", "October", "2023-10"),
    ("en", "In July last year the bridge at Quillon closed.", "July last year", "2023-07"),
    ("fr", "Le festival de Valombre se tient jusqu'à jeudi.", "jeudi", "2026-02-26"),
    ("fr", "Le maire de Valombre repartira jeudi.", "jeudi", "2026-02-26"),
    ("fr", "Le maire de Valombre est arrivé jeudi.", "jeudi", "2026-02-19"),
    ("fr", "La salle, ouverte en janvier, accueille déjà des concerts.", "janvier", "2026-01"),
    ("de", "Die Bürgermeisterin von Hallbruck kam am Dienstag an.", "Dienstag", "2026-02-24"),
    ("de", "Sie sagte, sie werde bis Donnerstag in Hallbruck bleiben.", "Donnerstag", "2026-02-26"),
    ("de", "Der Streik in Oberweil dauerte bis Donnerstag.", "Donnerstag", "2026-02-19"),
])
def test_a_bare_weekday_or_month_follows_the_tense_of_its_clause(language: str, text: str, phrase: str,
                                                                 value: str) -> None:
    anchor = WEDNESDAY if language == "en" else TUESDAY
    assert _found(text, language, anchor).get(phrase) == value


@pytest.mark.parametrize(("language", "text", "phrase", "value"), [
    # written on Wednesday 2024-02-28 (en) and Tuesday 2026-02-24 (fr): a bare weekday, month or
    # year is read against that day with the tense of its sentence
    ("en", "The council of Brindlemoor met on Tuesday.", "Tuesday", "2024-02-27"),
    ("en", "The council of Brindlemoor will meet on Tuesday.", "Tuesday", "2024-03-05"),
    ("en", "Crowds gathered in Oskarth on Saturday.", "Saturday", "2024-02-24"),
    ("en", "The vote in Oskarth will be held on Saturday.", "Saturday", "2024-03-02"),
    ("en", "The Quillon plant closed in January.", "January", "2024-01"),
    ("en", "The Quillon plant will reopen in January.", "January", "2025-01"),
    ("en", "The Tarnwick bridge was finished in 2022.", "2022", "2022"),
    ("en", "The Tarnwick bridge will be finished in 2027.", "2027", "2027"),
    ("fr", "Le conseil de Valombre s'est réuni mardi.", "mardi", "2026-02-24"),
    ("fr", "Le conseil de Valombre se réunira mardi prochain.", "mardi prochain", "2026-03-03"),
    ("fr", "Des habitants de Valombre ont manifesté samedi.", "samedi", "2026-02-21"),
    ("fr", "Les élections à Valombre auront lieu samedi.", "samedi", "2026-02-28"),
    ("fr", "L'usine de Morlange a fermé en janvier.", "janvier", "2026-01"),
    ("fr", "L'usine de Morlange rouvrira en janvier.", "janvier", "2027-01"),
    ("fr", "Le pont de Morlange a été achevé en 2022.", "2022", "2022"),
    ("fr", "Le pont de Morlange sera achevé en 2028.", "2028", "2028"),
])
def test_bare_weekdays_months_and_years_in_past_and_future_sentences(language: str, text: str, phrase: str,
                                                                     value: str) -> None:
    anchor = WEDNESDAY if language == "en" else TUESDAY
    assert _found(text, language, anchor).get(phrase) == value


@pytest.mark.parametrize(("language", "text", "span"), [
    ("en", "The repairs in Tarnwick should end within two weeks.", "two weeks"),
    ("en", "The plant at Quillon was idle for nearly three years.", "nearly three years"),
    ("en", "Talks broke off at noon Thursday in Oskarth.", "noon Thursday"),
    ("en", "Profits at Brindlemoor Mills fell in the third-quarter report.", "third-quarter"),
    ("fr", "Le chantier de Valombre a repris en janvier.", "janvier"),
    ("de", "Der Hafen von Hallbruck war fast drei Jahre geschlossen.", "fast drei Jahre"),
])
def test_spans_are_drawn_as_timeml_draws_them(language: str, text: str, span: str) -> None:
    assert span in _found(text, language, WEDNESDAY)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The film High Noon was shown at the Quillon cinema."),
    ("fr", "Le bateau a pris la mer près de Valombre."),
    ("de", "Die Preise in Hallbruck stiegen um 3,5 Prozent."),
    ("de", "Rund 2000 Menschen kamen zum Fest nach Oberweil."),
])
def test_words_that_only_look_like_dates_stay_undated(language: str, text: str) -> None:
    assert tag(text, language, WEDNESDAY) == []


def test_without_an_anchor_a_weekday_stays_unresolved() -> None:
    assert _found("The mayor of Brindlemoor arrived on Tuesday.", "en", None) == {"Tuesday": "XXXX-WXX-2"}
    assert _found("Der Rat von Hallbruck tagte am Dienstag.", "de", None) == {"Dienstag": "XXXX-WXX-2"}


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("de", "Am 2. Oktober 2023 war er in Hallbruck.", {"2. Oktober 2023": "2023-10-02"}),
    ("de", "Vor 3 Tagen öffnete die Brücke.", {"Vor 3 Tagen": "2024-02-25"}),
    ("de", "Letzte Woche tagte der Rat.", {"Letzte Woche": "2024-W08"}),
    ("de", "Nächsten Monat wählt Oberweil.", {"Nächsten Monat": "2024-03"}),
    ("de", "Die Frist endete am 15.1. um Mitternacht.", {"15.1.": "2024-01-15"}),
    ("de", "Seit drei Jahren wartet Hallbruck.", {"drei Jahren": "P3Y"}),
    ("es", "Hace 3 días llegó a Valdoria.", {"Hace 3 días": "2024-02-25"}),
    ("es", "El 2 de octubre de 2023 estuvo en Valdoria.", {"2 de octubre de 2023": "2023-10-02"}),
    ("it", "La settimana scorsa era a Montelusa.", {"La settimana scorsa": "2024-W08"}),
    ("pt", "Há 3 dias chegou a Vilarinho.", {"Há 3 dias": "2024-02-25"}),
    ("nl", "Drie dagen geleden sloot de brug in Veldhoven-Noord.", {"Drie dagen geleden": "2024-02-25"}),
    ("sv", "För 3 dagar sedan stängdes bron i Ålmby.", {"För 3 dagar sedan": "2024-02-25"}),
    ("tr", "3 gün önce köprü kapandı.", {"3 gün önce": "2024-02-25"}),
    ("zh", "2023年10月2日他在罗马。", {"2023年10月2日": "2023-10-02"}),
    ("zh", "3天前桥梁关闭。", {"3天前": "2024-02-25"}),
    ("ja", "先週、橋が閉鎖された。", {"先週": "2024-W08"}),
    ("ko", "2023년 10월 2일 다리가 닫혔다.", {"2023년 10월 2일": "2023-10-02"}),
    ("ar", "قبل 3 أيام أغلق الجسر.", {"قبل 3 أيام": "2024-02-25"}),
    ("hi", "3 दिन पहले पुल बंद हुआ।", {"3 दिन पहले": "2024-02-25"}),
])
def test_dates_in_other_languages(language: str, text: str, expected: dict[str, str]) -> None:
    found = _found(text, language, WEDNESDAY)
    for phrase, value in expected.items():
        assert found.get(phrase) == value, found


def test_a_japanese_weekday_before_made_reads_its_verb_after() -> None:
    assert _found("大臣は木曜日まで滞在する予定だ。", "ja", WEDNESDAY)["木曜日"] == "2024-02-29"
    assert _found("大臣は火曜日に到着した。", "ja", WEDNESDAY)["火曜日"] == "2024-02-27"


def test_one_character_weekday_abbreviations_are_not_dates() -> None:
    assert "月" not in _found("今月の売上は増えた。", "ja", WEDNESDAY)


def _infer(text: str, language: str, today: date | None = None):
    return infer_published(find_mentions(text, language), text, language, today)


def test_weekday_and_date_without_any_year_clue_give_no_publication_date() -> None:
    text = "Officials in Brindlemoor met on Tuesday, March 5, to discuss the harbour."
    assert _infer(text, "en") is None
    # fetched live the next day, the latest fit of that weekday and date is the day itself
    inference = _infer(text, "en", today=date(2024, 3, 6))
    assert inference is not None and inference.published == date(2024, 3, 5)


def test_yesterday_moves_the_publication_day_after_the_dated_event() -> None:
    text = "Yesterday, Tuesday 5 March, the council of Tarnwick, founded in 2023, voted on the harbour."
    inference = _infer(text, "en")
    assert inference is not None and inference.published == date(2024, 3, 6)
    assert inference.earliest == inference.latest == date(2024, 3, 6)


def test_hier_in_french_moves_the_day_too() -> None:
    text = "Le conseil de Valombre, créé en 2023, s'est réuni hier mardi 5 mars pour voter le budget."
    inference = _infer(text, "fr")
    assert inference is not None and inference.published == date(2024, 3, 6)


def test_a_german_lead_dated_by_weekday_and_an_office_holder() -> None:
    text = "Am Dienstag, 5. März, sprach Bundeskanzler Olaf Scholz in Hallbruck über den Hafen."
    inference = _infer(text, "de")
    assert inference is not None and inference.published == date(2024, 3, 5)
    assert _infer("Am Dienstag, 5. März, tagte der Rat von Hallbruck.", "de") is None


def test_clues_that_disagree_give_no_date() -> None:
    text = ("On Tuesday, March 5, the council of Quillon, set up in 2022, met. "
            "On Wednesday, March 5, it voted.")
    assert _infer(text, "en") is None


def test_a_year_in_a_plan_is_no_lower_bound() -> None:
    # "in 2027" is a plan: it must not push the weekday fit to 2028 or later
    text = "Reçue mardi 29 août, la maire de Valombre veut contribuer à la rénovation du port en 2027."
    assert _infer(text, "fr") is None


def test_a_full_date_with_its_weekday_dates_the_lead_and_a_wrong_weekday_gives_nothing() -> None:
    right = "Le conseil de Valombre s'est réuni le mardi 3 mars 2026 pour voter le budget."
    inference = _infer(right, "fr")
    assert inference is not None and inference.published == date(2026, 3, 3)
    # 4 March 2026 is a Wednesday: the text contradicts itself, no date is better than a guess
    wrong = "Le conseil de Valombre s'est réuni le mardi 4 mars 2026 pour voter le budget."
    assert _infer(wrong, "fr") is None


def test_a_date_said_to_be_yesterday_dates_the_article_in_the_year_the_text_gives() -> None:
    text = "Hier, 5 mars, le conseil de Valombre a voté le budget, un an après les élections de 2023."
    inference = _infer(text, "fr")
    assert inference is not None and inference.published == date(2024, 3, 6)
    # without a year the same sentence gives nothing, unless the page was fetched live
    bare = "Hier, 5 mars, le conseil de Valombre a voté le budget."
    assert _infer(bare, "fr") is None
    fetched = _infer(bare, "fr", today=date(2025, 3, 6))
    assert fetched is not None and fetched.published == date(2025, 3, 6)
    assert _infer("Gestern, am 5. März, stimmte der Rat von Hallbruck ab.", "de", today=date(2025, 3, 6)) is not None


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The Tarnwick bridge will be finished in 2022."),
    ("fr", "Le pont de Morlange sera achevé en 2022."),
])
def test_a_bare_year_in_a_future_sentence_keeps_its_value(language: str, text: str) -> None:
    # written in June 2021: the year named is the year meant, whatever the tense
    assert _found(text, language, date(2021, 6, 1)).get("2022") == "2022"


@pytest.mark.parametrize(("language", "text", "phrase", "value"), [
    # "until" with a future cue anywhere in the clause points forward, even after a verb that
    # looks past ("last"); a state after "stay" is no past
    ("en", "The dock strike in Harlow Bay will last until Thursday, the union said.", "Thursday", "2024-02-29"),
    ("en", "Schools in Wendmoor stay closed until Thursday.", "Thursday", "2024-02-29"),
    ("en", "Talks in Wendmoor went on until Thursday.", "Thursday", "2024-02-22"),
    # a month alone right after a past verb is last year's when it is later in the year
    ("en", "Ferry tickets to Quillon fell in March.", "March", "2023-03"),
    ("fr", "Les ventes de la coopérative de Brelac ont chuté en mars.", "mars", "2023-03"),
    ("de", "Die Umsätze der Werft in Kallenbrück sind im März gesunken.", "März", "2023-03"),
    ("es", "Las ventas de la cooperativa de Villaluz cayeron en marzo.", "marzo", "2023-03"),
    # not after "be" and not with a future cue: the coming month
    ("en", "The rules for Quillon's port, to be published in March, are awaited.", "March", "2024-03"),
    ("fr", "Le sommet de Brelac se tiendra en mars.", "mars", "2024-03"),
    # and a month already begun or past keeps this year
    ("en", "Ferry tickets to Quillon fell in January.", "January", "2024-01"),
])
def test_until_and_months_alone_on_the_right_side_of_the_anchor(language: str, text: str, phrase: str, value: str) -> None:
    assert _found(text, language, WEDNESDAY)[phrase] == value


@pytest.mark.parametrize(("language", "text", "phrase", "value"), [
    # a fronted expression takes the tense of the clause after its comma
    ("en", "On Friday, the court of Harlow Bay will rule on the ferry contract.", "Friday", "2024-03-01"),
    ("fr", "Samedi, les pêcheurs bloqueront le port de Brelac.", "Samedi", "2024-03-02"),
])
def test_a_fronted_weekday_takes_the_tense_after_its_comma(language: str, text: str, phrase: str, value: str) -> None:
    assert _found(text, language, WEDNESDAY)[phrase] == value


def test_a_fronted_year_in_the_past_dates_a_weekday_with_its_date() -> None:
    # no fetch day: "En 2023, ils avaient…" is a past year, so "ce mardi 12 mars" is in 2024
    text = ("Les agriculteurs de Brelac ont manifesté ce mardi 12 mars devant la préfecture. "
            "En 2023, ils avaient déjà bloqué la rocade.")
    result = infer_published(find_mentions(text, "fr"), text, "fr")
    assert result is not None and result.published == date(2024, 3, 12)
