"""Stop 38 (issue 17 item 3): a participle clause that a full stop closes opens no second utterance; a
full name whose given name differs from an earlier full name of the same surname keeps its own name; a
pronoun after a verbless sentence of the writer's refers to the subject before it; a clause that a
subordinating word opens is no main clause, even where the parser made it the sentence's root.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsweave.annotate.quotes import find_quotes, quote_records
from newsweave.model import Article, Entity
from newsweave.offsets import OffsetMap
from quote_inputs import quotes_of, quotes_with_people, speaker_text


# ---- a participle clause closed by a full stop ---------------------------------------------------------

@pytest.mark.parametrize("language, text, first, second, speaker", [
    ("en", "“The ferry will run again,” said one harbour pilot, asking not to be named. “The boat is ready.”",
     "The ferry will run again,", "The boat is ready.", "one harbour pilot"),
    ("fr", "« Le bac repartira », a confié un pilote du port, ajoutant qu'il préférait rester anonyme. "
           "« Le bateau est prêt. »", "Le bac repartira", "Le bateau est prêt.", "un pilote du port"),
])
def test_a_participle_clause_closed_by_a_full_stop_keeps_one_utterance(
        language: str, text: str, first: str, second: str, speaker: str) -> None:
    found = quotes_of(text, language)
    assert found[first].quote_id == found[second].quote_id
    assert speaker_text(found[second]) == speaker


@pytest.mark.parametrize("language, text, first, second", [
    ("en", "“The ferry will run again,” said one harbour pilot, adding: “The boat is ready.”",
     "The ferry will run again,", "The boat is ready."),
    ("fr", "« Le bac repartira », a confié un pilote du port, ajoutant : « Le bateau est prêt. »",
     "Le bac repartira", "Le bateau est prêt."),
])
def test_a_participle_that_opens_the_next_quote_still_opens_another_utterance(
        language: str, text: str, first: str, second: str) -> None:
    found = quotes_of(text, language)
    assert found[first].quote_id != found[second].quote_id


# ---- two people of one surname, both named in full -------------------------------------------------------

SAME_SURNAME = {"Maqbool Harrow": "per:maqbool-harrow", "Irfan Harrow": "per:irfan-harrow",
                "Annabel Corrigan": "per:annabel-corrigan", "Joe Corrigan": "per:joe-corrigan",
                "Adv Corrigan": "per:adv-corrigan", "Marie-Hélène Garnier": "per:marie-helene-garnier",
                "Luc Garnier": "per:luc-garnier"}


@pytest.mark.parametrize("language, text, speaker", [
    ("en", "Maqbool Harrow runs a tea stall in Alderholt. His neighbour Irfan Harrow lost his shop in the fire. "
           "“We have nothing left,” Irfan Harrow said.", "Irfan Harrow"),
    ("en", "Annabel Corrigan chairs the harbour board in Alderholt. Joe Corrigan runs the ferry. "
           "“We have nothing left,” Joe Corrigan said.", "Joe Corrigan"),
    # "Adv" is no given name: a short word the lexicon does not know stands for a title the lists lack
    ("en", "Annabel Corrigan chairs the harbour board in Alderholt. “We have nothing left,” Adv Corrigan said.",
     "Annabel Corrigan"),
    ("fr", "Marie-Hélène Garnier préside le port de Kerlouan. Son frère Luc Garnier pilote le bac. "
           "« Nous n'avons plus rien », a dit Luc Garnier.", "Luc Garnier"),
])
def test_a_full_name_keeps_its_own_given_name(language: str, text: str, speaker: str) -> None:
    found = quotes_with_people(text, language, list(SAME_SURNAME.items()))
    quote = found["Nous n'avons plus rien" if language == "fr" else "We have nothing left,"]
    assert (quote.speaker_name, quote.speaker_entity_id) == (speaker, SAME_SURNAME[speaker])


# ---- a pronoun after a verbless sentence (the cases it mends are in test_quotes_round37's first test) -----

PEOPLE = [("Mike Dorran", "per:mike-dorran"), ("Tom Briar", "per:tom-briar"),
          ("Paul Garnier", "per:paul-garnier"), ("Louis Perrin", "per:louis-perrin")]


@pytest.mark.parametrize("text", [
    # the verbless sentence is the person's own: he is who the writer turned to
    "Mike Dorran attacked the council in Alderholt on Monday. Then Tom Briar, the harbour master. "
    "“It will not work,” he said.",
    "Mike Dorran attacked the council in Alderholt on Monday. Tom Briar spoke next. “It will not work,” he said.",
])
def test_a_person_named_by_a_sentence_of_their_own_stays_the_antecedent(text: str) -> None:
    assert quotes_with_people(text, "en", PEOPLE, parse=True)["It will not work,"].speaker_name == "Tom Briar"


# ---- a subordinate clause the parser made the root -----------------------------------------------------

def _article_with_parse(text: str, language: str, words: list[str], heads: list[int], deps: list[str],
                        people: list[str]) -> Article:
    """An article whose parse is the one given (a parser's mistake, reproduced token by token)."""
    spaces, at = [], 0
    for index, word in enumerate(words):
        at = text.index(word, at) + len(word)
        following = words[index + 1] if index + 1 < len(words) else None
        spaces.append(following is not None and text[at:at + 1] == " ")
    doc = Doc(spacy.blank(language).vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    assert doc.text == text
    article = Article(id="q", source="q", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    article.work.doc = doc
    for name in people:
        start = text.index(name)
        article.entities.append(Entity(start, start + len(name), start, start + len(name), name, label="PER",
                                       entity_id="per:" + name.lower().replace(" ", "-"), canonical=name))
    return article


@pytest.mark.parametrize("language, text, words, heads, deps, quoted", [
    ("en", "After the closure that Jo Ash forced through, the anger is deep, says Sam Briar. “It will not hold,” she argues.",
     ["After", "the", "closure", "that", "Jo", "Ash", "forced", "through", ",", "the", "anger", "is", "deep", ",",
      "says", "Sam", "Briar", ".", "“", "It", "will", "not", "hold", ",", "”", "she", "argues", "."],
     # the parser's mistake: "forced" (the relative clause's verb) heads the sentence
     [6, 2, 0, 6, 5, 6, 6, 6, 6, 10, 11, 6, 11, 6, 6, 16, 14, 6, 22, 22, 22, 22, 26, 22, 22, 26, 26, 26],
     ["prep", "det", "pobj", "mark", "compound", "nsubj", "ROOT", "prt", "punct", "det", "nsubj", "ccomp", "acomp",
      "punct", "parataxis", "compound", "nsubj", "punct", "punct", "nsubj", "aux", "neg", "ccomp", "punct", "punct",
      "nsubj", "ROOT", "punct"], "It will not hold,"),
    ("fr", "Après la fermeture, que Jo Ash a imposée, la colère est profonde, juge Sam Briar. « Cela ne tiendra pas », "
           "argumente-t-elle.",
     ["Après", "la", "fermeture", ",", "que", "Jo", "Ash", "a", "imposée", ",", "la", "colère", "est", "profonde",
      ",", "juge", "Sam", "Briar", ".", "«", "Cela", "ne", "tiendra", "pas", "»", ",", "argumente", "-t-elle", "."],
     [2, 2, 8, 2, 8, 8, 5, 8, 8, 8, 11, 13, 13, 8, 15, 8, 15, 16, 8, 22, 22, 22, 22, 22, 22, 22, 22, 26, 22],
     ["case", "det", "obl:mod", "punct", "mark", "nsubj", "flat:name", "aux:tense", "ROOT", "punct", "det", "nsubj",
      "cop", "conj", "punct", "parataxis", "nsubj", "flat:name", "punct", "punct", "nsubj", "advmod", "ROOT",
      "advmod", "punct", "punct", "parataxis", "nsubj", "punct"], "Cela ne tiendra pas"),
])
def test_the_subject_of_a_subordinate_clause_made_the_root_is_no_main_subject(
        language: str, text: str, words: list[str], heads: list[int], deps: list[str], quoted: str) -> None:
    article = _article_with_parse(text, language, words, heads, deps, ["Jo Ash", "Sam Briar"])
    quotes = {text[q.start:q.end]: q for q in quote_records(article, find_quotes(article))}
    assert quotes[quoted].speaker_name == "Sam Briar"
