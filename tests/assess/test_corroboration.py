"""Quote corroboration through the real pipeline and a real store.

Three reports of one union meeting (two in English, one in French) quote the same words;
a fourth, on the same meeting, quotes words nobody else reports.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from newsweave.assess.corroboration import PairMatches, Quoted, clauses, embed_quotes, matches, normalise, same_quote
from newsweave.pipeline import ingest
from newsweave.report.export import export_rows

MEETING = [
    ("a.txt", "Union leaders from the Ostra Motors plant in Rendham met industry minister Hugo Lenz on Thursday "
              "to ask for help in saving 2,000 jobs at the plant.\n\n"
              "\u201cThe minister listened, but we need more than listening,\u201d said Karen Doyle of the "
              "metalworkers' union after the meeting in Rendham.\n"),
    ("b.txt", "About 1,500 Ostra Motors workers marched through Rendham on Friday against plans to cut 2,000 jobs "
              "at the plant, a day after union leaders met industry minister Hugo Lenz.\n\n"
              "\u201cThe minister listened, but we need more than listening,\u201d Karen Doyle of the metalworkers' "
              "union told the crowd in Rendham.\n"),
    ("c.txt", "Les syndicats de l'usine Ostra Motors de Rendham ont rencontré jeudi le ministre de l'industrie, "
              "Hugo Lenz, pour sauver 2 000 emplois.\n\n"
              "\u00ab Le ministre a écouté, mais il nous faut bien plus qu'une écoute \u00bb, a déclaré Karen Doyle, "
              "du syndicat de la métallurgie, à Rendham.\n"),
    ("d.txt", "Industry minister Hugo Lenz met union leaders from the Ostra Motors plant in Rendham on Thursday "
              "about the 2,000 jobs the carmaker plans to cut.\n\n"
              "\u201cWe will study every proposal for the suppliers of the region,\u201d Hugo Lenz said after the "
              "meeting with Karen Doyle and other union leaders in Rendham.\n"),
]


def quoted(text: str, language: str = "en", article_id: str = "x", vector: np.ndarray | None = None) -> Quoted:
    return Quoted(article_id, language, 0, text, normalise(text), vector)


def test_same_words_match_despite_small_edits_and_unrelated_words_do_not():
    a = quoted("The minister listened, but we need more than listening")
    assert same_quote(a, quoted("the minister listened but we need more than listening."))
    assert same_quote(a, quoted("we need more than listening"))
    assert not same_quote(a, quoted("We will study every proposal for the suppliers of the region"))


def test_bulk_pair_scores_equal_scoring_each_pair_on_its_own():
    """Fresh × fresh pairs come from one symmetric matrix, fresh × old from another, read
    either way round; every pair must equal ``matches`` on the two articles alone."""
    unit = np.eye(3, dtype=np.float32)
    listened = "The minister listened, but we need more than listening"
    study = "We will study every proposal for the suppliers of the region"
    quotes = {
        "a": [quoted(listened, "en", "a", unit[0]), quoted(study, "en", "a", unit[1])],
        "b": [quoted("we need more than listening", "en", "b", unit[2])],
        "c": [quoted("Le ministre a écouté, mais il nous faut plus", "fr", "c", unit[0])],
        "d": [quoted(study.lower() + ".", "en", "d", unit[1]), quoted(listened, "en", "d", unit[2])],
        "e": [quoted(listened, "en", "e", unit[0])],  # another group: never compared with a–d
    }
    pairs = PairMatches(quotes, fresh={"a", "c", "e"}, groups=[["a", "b", "c", "d"], ["e"]])
    for article in "abcd":
        for peer in "abcd":
            if article != peer and {article, peer} & {"a", "c"}:
                expected = matches(quotes[article], quotes[peer])
                assert np.array_equal(pairs.between(article, peer), expected), (article, peer)
    assert pairs.between("a", "c")[0, 0], "the translation matches by its vector"
    for article, peers in (("a", {"b", "c", "d"}), ("c", {"a", "b"}), ("d", {"a", "c"})):
        expected = [{peer for peer in peers if pairs.between(article, peer)[row].any()} for row in range(len(quotes[article]))]
        assert pairs.matched_by(article, peers) == expected, article
    assert pairs.between("d", "a").tolist() == [[False, True], [True, False]]


def test_quotes_found_in_other_articles_of_the_story_are_corroborated(store, tmp_path: Path):
    for name, text in MEETING:
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingest([str(tmp_path)], store)
    rows = list(export_rows(store, "quotes"))
    by_source = {}
    for row in rows:
        by_source.setdefault(Path(store.get_article(row["article_id"]).source).name, []).append(row)
    doyle_a = next(row for row in by_source["a.txt"] if "listened" in row["text"])
    ids = {name: by_source[name][0]["article_id"] for name in ("a.txt", "b.txt", "c.txt")}
    assert ids["b.txt"] in doyle_a["corroborated_by"]
    assert all("corroborated_by" in row for row in rows)
    stories = {store.story_of(article_id) for article_id in ids.values()}
    if len(stories) == 1:  # one story: the translation is found through the multilingual embeddings
        assert ids["c.txt"] in doyle_a["corroborated_by"]
    lenz = next(row for row in by_source["d.txt"] if "proposal" in row["text"])
    flags = [f for f in store.get_article(lenz["article_id"]).flags if f.kind == "uncorroborated_quote"]
    if lenz["article_id"] in {a for s in stories if s for a in store.story_members(s)}:
        assert len(flags) == 1 and flags[0].evidence[0].text == lenz["text"]
    a_flags = [f for f in store.get_article(ids["a.txt"]).flags if f.kind == "uncorroborated_quote"]
    assert not any("listened" in f.evidence[0].text for f in a_flags)



def _corroboration_state(store) -> dict[str, tuple]:
    """Per source file: its quotes with the files that corroborate them, and its uncorroborated flags."""
    state = {}
    for summary in store.article_summaries():
        article = store.get_article(summary["id"])
        quotes = sorted((quote.text, sorted(Path(store.get_article(other).source).name
                                            for other in quote.corroborated_by))
                        for quote in article.quotes)
        flags = sorted(flag.message for flag in article.flags if flag.kind == "uncorroborated_quote")
        state[Path(article.source).name] = (quotes, flags)
    return state


def test_articles_arriving_later_give_what_one_ingest_gives(tmp_path: Path):
    """Articles assessed before are compared with the newcomers only (their other matches are
    kept): the result must not depend on how the articles were split between ingests."""
    from newsweave.store import Store

    for name, text in MEETING:
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = [str(tmp_path / name) for name, _ in MEETING]
    at_once, in_turn = Store(f"sqlite:///{tmp_path / 'once.db'}"), Store(f"sqlite:///{tmp_path / 'turn.db'}")
    try:
        ingest(paths, at_once)
        for path in paths:  # one article per ingest: the earlier ones are re-assessed each time
            ingest([path], in_turn)
        expected = _corroboration_state(at_once)
        assert any(found for quotes, _ in expected.values() for _, found in quotes)
        assert _corroboration_state(in_turn) == expected
    finally:
        at_once.close()
        in_turn.close()


def test_each_quote_is_embedded_once_across_ingests(store, tmp_path: Path, monkeypatch):
    """Cross-language matching needs every quote of the story embedded; the vectors are kept
    in the store, so a later ingest embeds only the quotes it brings."""
    from newsweave.annotate import embeddings
    from newsweave.assess.corroboration import vector_key

    embedded: list[str] = []
    real = embeddings.embed_texts

    def counting(texts, prefix="passage"):
        if prefix == "passage":  # articles' story vectors are ``query:`` ones
            embedded.extend(texts)
        return real(texts, prefix)

    for name, text in MEETING:
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingest([str(tmp_path / name) for name, _ in MEETING[:3]], store)  # en, en, fr: embeds the quotes
    monkeypatch.setattr(embeddings, "embed_texts", counting)
    ingest([str(tmp_path / "d.txt")], store)
    new_quotes = [q.text for q in store.get_article(_article_of(store, "d.txt")).quotes]
    assert embedded and set(embedded) <= set(new_quotes), "quotes of earlier articles were embedded again"
    stored = store.text_vectors([vector_key(q.text) for a in store.iter_articles() for q in a.quotes
                                 if len(normalise(q.text).split()) >= 4])
    # three quoted sentences, a.txt and b.txt sharing theirs ("told the crowd in Rendham" is whom Doyle spoke
    # to, no quote since stop 40)
    assert all(len(vector) == 4 * embeddings.EMBEDDING_DIM for vector in stored.values()) and len(stored) >= 3


def _article_of(store, name: str) -> str:
    return next(a.id for a in store.iter_articles() if Path(a.source).name == name)


def test_a_quote_repeated_only_by_copies_of_one_wire_text_is_not_corroborated(store, tmp_path: Path):
    """A wire text and its copy quote the same words: one source, not two."""
    wire = MEETING[0][1]
    (tmp_path / "wire.txt").write_text(wire, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(wire.replace("Thursday", "Thursday afternoon"), encoding="utf-8")
    ingest([str(tmp_path)], store)
    articles = list(store.iter_articles())
    assert len(articles) == 2 and any(article.duplicate_of for article in articles)
    for article in articles:
        messages = [flag.message for flag in article.flags if flag.kind == "uncorroborated_quote"]
        assert messages and all("copies of one source" in message or "only by" in message for message in messages)


def test_a_quote_splits_into_clauses_of_four_words_or_more():
    text = "The minister listened to us. But no: we need a plan that saves the plant, now."
    assert clauses(text) == [text, "The minister listened to us. But no:", "we need a plan that saves the plant, now."]
    assert clauses("We need a plan that saves the plant") == ["We need a plan that saves the plant"]


def test_a_translated_excerpt_of_a_longer_quote_corroborates_it():
    """A French or German report of one sentence of a longer English quote matches it through
    the multilingual embeddings of its clauses; another quote of the same story does not."""
    from newsweave.annotate.embeddings import embed_texts

    english = quoted("The minister listened to us for two hours. But we need far more than listening: "
                     "we need a plan that saves the plant and its 2,000 jobs.", "en", "a")
    french = quoted("Il nous faut bien plus qu'une écoute : il nous faut un plan qui sauve l'usine "
                    "et ses 2 000 emplois.", "fr", "b")
    german = quoted("Wir brauchen viel mehr als Zuhören: Wir brauchen einen Plan, der das Werk und seine 2.000 "
                    "Arbeitsplätze rettet.", "de", "c")
    other = quoted("Nous étudierons chaque proposition pour les fournisseurs de la région.", "fr", "b")
    embed_quotes([english, french, german, other], embed_texts)
    assert matches([english], [french, german, other]).tolist() == [[True, True, False]]


def test_a_quote_only_a_copy_repeats_says_so_beside_an_independent_report(store, tmp_path: Path):
    """Wire text, its copy, and an independent report of the meeting that quotes someone else:
    the wire quote's only other source is the copy, and the flag says that."""
    wire = MEETING[0][1]
    (tmp_path / "wire.txt").write_text(wire, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(wire.replace("Thursday", "Thursday afternoon"), encoding="utf-8")
    (tmp_path / "d.txt").write_text(MEETING[3][1], encoding="utf-8")
    ingest([str(tmp_path)], store)
    wire_id, copy_id, other_id = (_article_of(store, name) for name in ("wire.txt", "copy.txt", "d.txt"))
    together = store.story_of(wire_id) is not None and store.story_of(wire_id) == store.story_of(other_id)
    for article_id in (wire_id, copy_id):
        article = store.get_article(article_id)
        assert all(copy_id not in q.corroborated_by and wire_id not in q.corroborated_by for q in article.quotes)
        messages = [f.message for f in article.flags
                    if f.kind == "uncorroborated_quote" and "listened" in f.evidence[0].text]
        assert len(messages) == 1 and "only other source of this quote is a copy" in messages[0]
    if together:  # the independent report is a peer: its own quote is found nowhere else
        lenz = [f.message for f in store.get_article(other_id).flags if f.kind == "uncorroborated_quote"]
        assert lenz and all("copy" not in message for message in lenz)
