"""``unsourced_quote``: a direct quote nobody is named as saying; attributed ones and
scare quotes stay unflagged. Runs through the real pipeline. Texts written for this test."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from newsweave.annotate.quotes import find_quotes, quote_records
from newsweave.assess.quotes import unsourced_quote_flags
from newsweave.model import Article, RawDocument
from newsweave.offsets import OffsetMap
from newsweave.pipeline import analyze_batch


def _analyse(text: str, language: str) -> Article:
    document = RawDocument(source=f"{hashlib.sha1(text.encode()).hexdigest()}.txt", raw=text, kind="text",
                           raw_sha256=hashlib.sha256(text.encode()).hexdigest(), language=language,
                           published="2025-05-06")
    [article] = analyze_batch([document])
    return article


def _unsourced(article: Article) -> list:
    return [flag for flag in article.flags if flag.kind == "unsourced_quote"]


def test_a_quote_with_no_speaker_is_flagged_with_its_span() -> None:
    text = ("The council approved the budget on Tuesday after a long session.\n\n"
            "“Nobody in this town will pay a single cent more for water next year, whatever happens.”\n\n"
            "The vote was twelve to three.")
    article = _analyse(text, "en")
    [flag] = _unsourced(article)
    assert flag.severity == "warning"
    evidence = flag.evidence[0]
    assert evidence.text.startswith("Nobody in this town")
    assert text[evidence.source_start:evidence.source_end] == evidence.text


def test_attributed_quotes_and_scare_quotes_are_not_flagged() -> None:
    text = ("Le maire, Alain Roche, a présenté le budget mardi. « Personne ne paiera un centime de plus pour "
            "l'eau », a-t-il assuré.\n\nSes opposants parlent d'un budget « en trompe-l'œil ».")
    article = _analyse(text, "fr")
    assert article.quotes
    assert _unsourced(article) == []


def test_second_half_of_a_split_quote_is_not_flagged() -> None:
    text = ('Helen Okafor opened the bridge. "It took ten long years to build this bridge," she said, '
            '"and it will carry traffic for a hundred years."')
    assert _unsourced(_analyse(text, "en")) == []


def test_really_unsourced_quote_is_flagged_in_french() -> None:
    text = ("Le conseil a voté le budget mardi après une longue séance.\n\n"
            "« Personne dans cette ville ne paiera un centime de plus pour l'eau l'an prochain, quoi qu'il arrive. »\n\n"
            "Le vote a été acquis par douze voix contre trois.")
    [flag] = _unsourced(_analyse(text, "fr"))
    assert flag.evidence[0].text.startswith("Personne dans cette ville")


# Each class of false alarm found on professional copy, in both languages (texts written for this test).
SOURCED = [
    ("en", "Lena Ortiz said the clinic had run out of vaccine twice this month.\n\n"
           "“We turn families away every morning, and some of them have driven two hours to get here.”"),
    ("fr", "Lena Ortiz a expliqué que le centre avait manqué de vaccins deux fois ce mois-ci.\n\n"
           "« Nous renvoyons des familles chaque matin, et certaines ont fait deux heures de route. »"),
    ("en", "Tomas Berg told the crowd gathered in the harbour hall on Tuesday evening:\n\n"
           "“The quotas for next year are not negotiable, and we should stop pretending that they are.”"),
    ("fr", "Tomas Berg a lancé mardi soir à la foule réunie dans la salle du port :\n\n"
           "« Les quotas de l'an prochain ne sont pas négociables et il faut cesser de faire semblant. »"),
    ("en", "“The decision was made after two years of losses,” said Martin Hale, the chief financial officer of "
           "Northfield Components, in a statement to employees on Friday. “We will support every worker through "
           "the transition and beyond.”"),
    ("fr", "« La décision a été prise après deux années de pertes », a indiqué Martin Hale, directeur financier de "
           "Northfield Components, dans un message aux salariés vendredi. « Nous accompagnerons chaque salarié "
           "pendant la transition et au-delà. »"),
    ("en", "“As soon as I read the whole script, I understood what we were writing,” Mara Quist said.\n\n"
           "That process led to a realization: “It was a love song to her city and to the idea of home.”"),
    ("fr", "« Dès que j'ai lu le scénario, j'ai compris ce que nous écrivions », a raconté Mara Quist.\n\n"
           "Une évidence s'est alors imposée : « C'était une chanson d'amour à sa ville et à l'idée de foyer. »"),
]


def test_quotes_whose_speaker_is_named_nearby_are_not_flagged() -> None:
    documents = [RawDocument(source=f"sourced-{n}.txt", raw=text, kind="text",
                             raw_sha256=hashlib.sha256(text.encode()).hexdigest(), language=language,
                             published="2025-05-06") for n, (language, text) in enumerate(SOURCED)]
    for (language, text), article in zip(SOURCED, analyze_batch(documents), strict=True):
        assert article.quotes, text
        assert _unsourced(article) == [], text


def test_labelled_unsourced_set_precision_and_recall() -> None:
    """tests/data/quotes/unsourced.jsonl (en, fr): quotes that must and must not be flagged."""
    path = Path(__file__).resolve().parents[1] / "data" / "quotes" / "unsourced.jsonl"
    tp = fp = fn = 0
    for line in path.open(encoding="utf-8"):
        case = json.loads(line)
        text = case["text"]
        article = Article(id=case["id"], source=case["id"], raw=text, raw_sha256="", text=text,
                          offsets=OffsetMap.identity(len(text)), language=case["language"])
        article.quotes = quote_records(article, find_quotes(article))
        flagged = [(span.start, span.end) for flag in unsourced_quote_flags(article) for span in flag.evidence]
        for words, unsourced in [(q, True) for q in case["unsourced"]] + [(q, False) for q in case["sourced"]]:
            at = text.index(words)
            hit = any(start < at + len(words) and at < end for start, end in flagged)
            tp += hit and unsourced
            fn += unsourced and not hit
            fp += hit and not unsourced
    assert tp + fn >= 8 and {"en", "fr"} <= {json.loads(line)["language"] for line in path.open(encoding="utf-8")}
    assert tp / (tp + fn) >= 0.9
    assert tp / (tp + fp) >= 0.9
