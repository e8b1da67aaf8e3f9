"""The trust detectors on the team's labelled set and on small hand-made articles.

Everything runs through the real pipeline (extract → annotate → assess) with the real
spaCy models, loaded once per session.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from newsweave.model import Article, RawDocument
from newsweave.pipeline import analyze_batch

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from trust import KINDS, load_labelled  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "trust"


def analyse_text(text: str, language: str, title: str | None = None) -> Article:
    document = RawDocument(
        source=f"test/{hashlib.sha1(text.encode()).hexdigest()}.txt", raw=text, kind="text",
        raw_sha256=hashlib.sha256(text.encode()).hexdigest(), title=title, published="2025-05-06", language=language,
    )
    result = analyze_batch([document])[0]
    assert isinstance(result, Article), result
    return result


def kinds(article: Article) -> set[str]:
    return {flag.kind for flag in article.flags}


@pytest.fixture(scope="session")
def labelled() -> list[tuple[dict, Article]]:
    items = load_labelled(LABELLED)
    from trust import analyse

    return list(zip(items, analyse(items), strict=True))


def test_labelled_set_is_large_enough_and_bilingual(labelled):
    languages = [item["language"] for item, _ in labelled]
    assert len(labelled) >= 60
    assert {"en", "fr"} <= set(languages)
    assert sum(1 for item, _ in labelled if not item["flags"]) >= 20


@pytest.mark.parametrize("kind", KINDS)
def test_precision_per_kind_on_the_own_set(labelled, kind):
    """No false alarm on the team's set. Recall is not held here: the set's examples share
    phrases with the word lists of old, which had to go when they fired on no real text
    (tests/assess/test_trust_lists.py); recall is measured on planted problems in real
    articles (bench/trust.py, check half), and the own set only reported as an upper bound."""
    tp = sum(1 for item, a in labelled if kind in item["flags"] and kind in kinds(a))
    fp = sum(1 for item, a in labelled if kind not in item["flags"] and kind in kinds(a))
    assert fp == 0 or tp / (tp + fp) >= 0.9, f"{kind}: precision {tp}/{tp + fp}"


def test_clean_articles_raise_none_of_the_trust_kinds(labelled):
    noisy = {item["id"]: kinds(a) & set(KINDS) for item, a in labelled if not item["flags"] and kinds(a) & set(KINDS)}
    assert noisy == {}


def test_every_evidence_span_gives_back_its_words_from_text_and_raw(labelled):
    for _, article in labelled:
        for flag in article.flags:
            assert flag.evidence, f"{flag.kind} without evidence"
            for span in flag.evidence:
                assert article.text[span.start : span.end] == span.text
                assert article.raw[span.source_start : span.source_end] == span.text


def test_evidence_covers_the_words_that_justify_the_flag(labelled):
    """Where a flag of the gold kind is raised, its evidence holds the words that justify it."""
    covered = total = 0
    for item, article in labelled:
        if not set(item["flags"]) & kinds(article):
            continue
        for wanted in item.get("evidence", []):
            total += 1
            spans = [s.text.lower() for f in article.flags if f.kind in item["flags"] for s in f.evidence]
            covered += any(wanted.lower() in s or s in wanted.lower() for s in spans)
    assert covered / total >= 0.8  # an upper bound: the set was written with the detectors


def test_messages_are_one_sentence_and_severities_valid(labelled):
    for _, article in labelled:
        for flag in article.flags:
            if flag.kind in KINDS:
                assert flag.severity in ("info", "warning", "error")
                assert flag.message.endswith(".") and flag.message.count(". ") == 0


# -- small hand-made cases ------------------------------------------------------------------------

PROMO = (
    "The town council of Brisk approved a new school on Monday, the mayor, Ian Cole, said.\n\n"
    "Building work will start in March and cost 14 million pounds, according to the council.\n\n"
    "Parents can order uniforms from Kidsmart at kidsmart.com from just £9.99: use the code SCHOOL10.\n"
)


def test_promotion_flags_the_off_topic_brand_with_its_wording():
    article = analyse_text(PROMO, "en", title="Brisk gets a new school")
    flags = [f for f in article.flags if f.kind == "undisclosed_promotion"]
    assert len(flags) == 1
    texts = [span.text for span in flags[0].evidence]
    assert "Kidsmart" in texts and "“Kidsmart”" in flags[0].message
    assert any("use the code" in text for text in texts) and "SCHOOL10" in texts


def test_disclosed_promotion_is_not_flagged():
    article = analyse_text("Sponsored content.\n\n" + PROMO, "en", title="Brisk gets a new school")
    assert "undisclosed_promotion" not in kinds(article)


def test_brand_named_in_the_title_is_the_topic_not_a_promotion():
    article = analyse_text(PROMO, "en", title="Kidsmart opens a shop in Brisk")
    assert "undisclosed_promotion" not in kinds(article)


def test_one_stray_artefact_is_not_machine_translation():
    text = "The minister visited the port of Halden on Tuesday, her office said. .\n\nShe met 40 dock workers.\n"
    assert "machine_translation" not in kinds(analyse_text(text, "en"))


def test_two_artefacts_are_machine_translation_with_both_as_evidence():
    text = (
        "The minister spoke of engineers for the region, her office said. .\n\n"
        "She met 40 dock workers in the port,, on Tuesday.\n"
    )
    flag = next(f for f in analyse_text(text, "en").flags if f.kind == "machine_translation")
    # punctuation alone is no evidence a reader can place: each mark comes with the word it is written against
    assert {span.text for span in flag.evidence} == {"said. .", "port,,"}


def test_furniture_glued_inside_a_line_is_a_leak():
    text = (
        "The river Avon burst its banks on Sunday, the agency said.À lire aussi : Les crues en cinq questions\n\n"
        "About 200 homes were flooded in Bath, according to the fire service.\n"
    )
    flag = next(f for f in analyse_text(text, "en").flags if f.kind == "boilerplate_leak")
    assert flag.evidence[0].text.startswith("À lire aussi")


def test_narrated_events_without_names_are_not_filler():
    facts = "The port of Dunmere handled 4.1 million containers in 2024, the authority said on Monday.\n\n"
    story = (
        "Police used a ram to force open the door. Officers searched the house for hours. "
        "They took away several boxes of papers. Neighbours watched from across the street.\n"
    )
    assert "generic_filler" not in kinds(analyse_text(facts + story, "en"))


def test_two_vague_sentences_are_not_filler_but_four_are():
    # Vagueness is judged against the rest of the article: it needs a few specific sentences.
    facts = ("The port of Dunmere handled 4.1 million containers in 2024, the authority said on Monday.\n\n"
             "Its director, Ada Brent, said 1,200 jobs depended on the new quay.\n\n"
             "The quay cost 310 million pounds, according to the council's accounts.\n\n")
    two = "Many people expect a different result. Nobody can really say what comes next.\n"
    four = two.rstrip("\n") + " The mood is changing in many places. There are no simple answers to this.\n"
    assert "generic_filler" not in kinds(analyse_text(facts + two, "en"))
    flag = next(f for f in analyse_text(facts + four, "en").flags if f.kind == "generic_filler")
    assert flag.evidence[0].text.startswith("Many people")
