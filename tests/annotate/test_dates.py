"""Temporal expressions resolved to TIMEX3 values, false dates left alone, publication dates inferred.

Sentences and articles here (and in tests/data/time/) were written for these tests.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.annotate.dates import tag_article
from newsweave.annotate.timex import tag
from newsweave.model import Article, RawDocument
from newsweave.offsets import OffsetMap
from newsweave.pipeline import AnalyzeOptions, analyze_batch

TIME_SET = Path(__file__).resolve().parents[1] / "data" / "time" / "articles.jsonl"
ANCHOR_EN = date(2024, 2, 28)  # a Wednesday
ANCHOR_FR = date(2026, 2, 24)  # a Tuesday


def _article(text: str, language: str, published: str | None = None) -> Article:
    return Article(id="t", source="t", raw=text, raw_sha256="", text=text, offsets=OffsetMap.identity(len(text)),
                   language=language, published=published, published_basis="given" if published else "unknown")


def _values(text: str, language: str, anchor: date) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in tag(text, language, anchor)}


@pytest.mark.parametrize(("phrase", "expected"), [
    ("on Wednesday", ("DATE", "2024-02-28")),
    ("last week", ("DATE", "2024-W08")),
    ("next week", ("DATE", "2024-W10")),
    ("mid-February", ("DATE", "2024-02")),
    ("the fourth anniversary of the 2020 lockdown", ("DATE", "2024")),
    ("Feb. 28", ("DATE", "2024-02-28")),
    ("February 28, 2023", ("DATE", "2023-02-28")),
    ("two years", ("DURATION", "P2Y")),
    ("several weeks", ("DURATION", "PXW")),
    ("a year ago", ("DATE", "2023")),
    ("three days ago", ("DATE", "2024-02-25")),
    ("the third quarter", ("DATE", "2023-Q3")),
    ("now", ("DATE", "PRESENT_REF")),
    ("recently", ("DATE", "PAST_REF")),
    ("daily", ("SET", "P1D")),
    ("every Monday", ("SET", "XXXX-WXX-1")),
    ("yesterday", ("DATE", "2024-02-27")),
    ("this morning", ("TIME", "2024-02-28TMO")),
    ("at 10:15 a.m.", ("TIME", "2024-02-28T10:15")),
    ("the 1990s", ("DATE", "199")),
    ("next year", ("DATE", "2025")),
])
def test_english_expressions_resolve_against_the_anchor(phrase: str, expected: tuple[str, str]) -> None:
    found = tag(f"It happened {phrase} here.", "en", ANCHOR_EN)
    assert len(found) >= 1
    assert (found[0].type, found[0].value) == expected, found


@pytest.mark.parametrize(("phrase", "expected"), [
    ("mardi prochain", ("DATE", "2026-03-03")),
    ("mardi dernier", ("DATE", "2026-02-17")),
    ("il y a deux ans", ("DATE", "2024")),
    ("la semaine dernière", ("DATE", "2026-W08")),
    ("le 25 février", ("DATE", "2026-02-25")),
    ("l'an dernier", ("DATE", "2025")),
    ("mi-février", ("DATE", "2026-02")),
    ("hier soir", ("TIME", "2026-02-23TEV")),
    ("à 15h30", ("TIME", "2026-02-24T15:30")),
    ("depuis trois ans", ("DURATION", "P3Y")),
    ("cette année", ("DATE", "2026")),
    ("chaque semaine", ("SET", "P1W")),
    ("actuellement", ("DATE", "PRESENT_REF")),
    ("le 1er mars 2025", ("DATE", "2025-03-01")),
])
def test_french_expressions_resolve_against_the_anchor(phrase: str, expected: tuple[str, str]) -> None:
    found = tag(f"Cela s'est passé {phrase} à Lyon.", "fr", ANCHOR_FR)
    assert found, phrase
    assert (found[-1].type, found[-1].value) == expected, found


def test_mid_month_keeps_its_modifier() -> None:
    found = tag("Prices rose in mid-February.", "en", ANCHOR_EN)
    assert found[0].mod == "MID"


@pytest.mark.parametrize(("text", "language"), [
    ("The ticket cost $60 and 2000 people came.", "en"),
    ("They won 3-2 after 90 minutes of play.", "en"),  # "90 minutes" is a duration, not a date
    ("Il a terminé 4e de la course avec sept points.", "fr"),
    ("Le billet coûte 2025 euros.", "fr"),
    ("You may go, said the sun.", "en"),
])
def test_money_counts_scores_and_common_words_are_no_dates(text: str, language: str) -> None:
    values = [t.value for t in tag(text, language, ANCHOR_EN) if t.type in ("DATE", "TIME")]
    assert values == []


def test_weekday_without_future_cue_is_the_most_recent_one() -> None:
    assert _values("Officials met on Monday.", "en", ANCHOR_EN)["Monday"] == ("DATE", "2024-02-26")
    assert _values("Officials will meet on Monday.", "en", ANCHOR_EN)["Monday"] == ("DATE", "2024-03-04")


def test_relative_dates_without_an_anchor_stay_unresolved() -> None:
    values = _values("On Wednesday, three days after the vote, on 12 March.", "en", None)
    assert values["Wednesday"] == ("DATE", "XXXX-WXX-3")
    assert values["12 March"] == ("DATE", "XXXX-03-12")


def test_inference_from_weekday_and_anchor_year() -> None:
    article = _article("KYIV, Wednesday February 28 — Two years after the 2022 invasion, people gathered.", "en")
    tag_article(article, today=date(2026, 11, 23))
    assert (article.published, article.published_basis) == ("2024-02-28", "inferred")
    evidence = {d.text for d in article.dates if d.published_evidence}
    assert {"Wednesday February 28", "Two years", "2022"} <= evidence
    # relative expressions are then resolved against the inferred date
    assert any(d.value == "2022" for d in article.dates)


def test_inference_from_anniversary_in_french() -> None:
    article = _article("PARIS, mardi 24 février — Pour le 4e anniversaire de l'invasion russe de 2022, "
                       "des milliers de personnes ont défilé. Une autre marche aura lieu mardi prochain.", "fr")
    tag_article(article, today=date(2026, 11, 23))
    assert article.published == "2026-02-24"
    assert any(d.text == "mardi prochain" and d.value == "2026-03-03" for d in article.dates)


def test_given_date_is_never_replaced() -> None:
    article = _article("Wednesday February 28 — Two years after the 2022 invasion.", "en", "2024-03-01")
    tag_article(article)
    assert (article.published, article.published_basis) == ("2024-03-01", "given")


def test_inference_accuracy_on_the_hand_written_set() -> None:
    cases = [json.loads(line) for line in TIME_SET.open(encoding="utf-8")]
    inference = [case for case in cases if case["purpose"] == "inference"]
    assert len(cases) >= 40 and {c["language"] for c in cases} == {"en", "fr"}
    right = 0
    for case in inference:
        article = _article(case["text"], case["language"])
        tag_article(article, today=date(2026, 11, 23))
        got = article.published if article.published_basis == "inferred" else None
        right += got == case["gold_published"]
    assert right / len(inference) >= 0.9


def test_date_offsets_point_into_the_raw_html() -> None:
    raw = ("<html><body><article><p>Officials in Lyon met on <b>Tuesday</b> &amp; agreed.</p>"
           "<p>Le vote aura lieu le 12 mars 2026, a annoncé la mairie, deux semaines après la réunion "
           "du conseil municipal qui s'est tenue en février.</p></article></body></html>")
    document = RawDocument(source="page.html", raw=raw, kind="html",
                           raw_sha256=hashlib.sha256(raw.encode()).hexdigest(), language="fr")
    [article] = analyze_batch([document], AnalyzeOptions(published="2026-02-24"))
    assert article.dates
    for entry in article.dates:
        assert article.text[entry.start:entry.end] == entry.text
        assert raw[entry.source_start:entry.source_end] == entry.text
    assert any(d.value == "2026-03-12" for d in article.dates)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 ,.-/:$%\n") + [
    " Monday", " mardi", " February ", " février ", " last ", "week", " ago", " il y a ", " ans", " years", " the ",
    "2024", " 31 "]), max_size=60).map("".join))
def test_any_text_gives_well_formed_dates(text: str) -> None:
    for language in ("en", "fr"):
        for anchor in (None, ANCHOR_EN):
            for found in tag(text, language, anchor):
                assert text[found.start:found.end] == found.text
                assert found.type in ("DATE", "TIME", "DURATION", "SET") and found.value


@pytest.mark.parametrize("text, expected", [
    ("Das ist so nicht richtig, sagte er am Mittwoch.", ["Mittwoch"]),  # "so" is the adverb
    ("Ob es so bleibt, weiß keiner.", []),
    ("Termin: So., 3. März 2024.", ["So., 3. März 2024"]),  # with its stop, the abbreviation is a day
])
def test_german_weekday_abbreviations_need_their_stop(text, expected):
    from newsweave.annotate.timex import find_mentions

    assert [mention.text for mention in find_mentions(text, "de")] == expected


@pytest.mark.parametrize(("text", "language", "span"), [
    ("The repairs at the Brindleford lock will take two to three weeks.", "en", "two to three weeks"),
    ("The ferry to Quellport could stay idle for a year or two, the pilots said.", "en", "a year or two"),
    ("Les travaux du pont de Montcerf dureront deux à trois semaines.", "fr", "deux à trois semaines"),
    ("La halle de Vaudrenne restera fermée pendant un an ou deux.", "fr", "un an ou deux"),
])
def test_a_range_of_durations_is_one_expression(text: str, language: str, span: str) -> None:
    found = tag(text, language, ANCHOR_FR)
    assert [(t.text, t.type) for t in found] == [(span, "DURATION")]
    assert text[found[0].start:found[0].end] == span


def test_a_range_does_not_swallow_a_year_or_a_date() -> None:
    found = tag("Between 2019 and 2021 the Brindleford mill ran at a loss for three years.", "en", ANCHOR_EN)
    assert [t.text for t in found] == ["2019", "2021", "three years"]


@pytest.mark.parametrize("text", [
    "The current mayor of Quellport previously ran a bakery.",
    "Ms Odrin, formerly a nurse, chairs the board.",
])
def test_adjectives_and_ordering_adverbs_are_no_dates(text: str) -> None:
    assert tag(text, "en", ANCHOR_EN) == []


def test_currently_is_still_the_present() -> None:
    assert _values("The Quellport ferry is currently idle.", "en", ANCHOR_EN) == {"currently": ("DATE", "PRESENT_REF")}


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Later yesterday the Quellport council met again.", "Later yesterday", ("DATE", "2024-02-27")),
    ("The mayor of Brindleford spoke late yesterday.", "late yesterday", ("DATE", "2024-02-27")),
    ("Ms Odrin will answer later this afternoon.", "later this afternoon", ("TIME", "2024-02-28TAF")),
])
def test_earlier_and_later_stay_inside_a_day(text: str, span: str, value: tuple[str, str]) -> None:
    assert _values(text, "en", ANCHOR_EN) == {span: value}


def test_a_name_ending_in_ed_is_no_past_tense() -> None:
    # "United" looks like a regular past form; the clause is in the future
    text = "Mr Odrin said he would fly to the United States Thursday with his daughter."
    assert _values(text, "en", ANCHOR_EN) == {"Thursday": ("DATE", "2024-02-29")}


def test_a_french_name_does_not_turn_the_clause() -> None:
    text = "La maire de Montcerf partira pour Saint-Aimé jeudi."
    assert _values(text, "fr", ANCHOR_FR)["jeudi"] == ("DATE", "2026-02-26")
