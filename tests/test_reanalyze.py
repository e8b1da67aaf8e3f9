"""Provenance of analyses and ``newsweave reanalyze``: a store tells old analyses from new ones
and runs the stale ones again, in place."""

from __future__ import annotations

from sqlalchemy import update

from newsweave import provenance
from newsweave.pipeline import ingest
from newsweave.reanalyze import reanalyze
from newsweave.report.export import export_rows
from newsweave.store import Store
from newsweave.store import schema

HARBOUR = """Dockers walk out at Brennholm harbour

Brennholm (Nordwire) - Dockers at the harbour of Brennholm stopped work on Monday over a new shift plan.
"We will not load a single ship until the plan is withdrawn," said Ilse Marvik, who leads the dockers' union.
The port authority said talks would resume on Thursday.
"""
LIBRARY = """Le nouveau bibliothèque de Sarnac ouvre ses portes

Sarnac - La médiathèque de Sarnac a ouvert samedi après deux ans de travaux.
« Nous voulions un lieu ouvert à tous », a déclaré la maire, Odile Ferrand.
"""


def test_articles_record_the_provenance_of_their_analysis_and_stale_ones_are_analysed_again(tmp_path):
    (tmp_path / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (tmp_path / "library.txt").write_text(LIBRARY, encoding="utf-8")
    store = Store(str(tmp_path / "news.db"))
    ingest([str(tmp_path / "harbour.txt"), str(tmp_path / "library.txt")], store)
    running = provenance.current()
    before = {row["id"]: row for row in export_rows(store, "articles")}
    assert all(row["provenance"]["key"] == running.key for row in before.values())
    assert all(row["provenance"]["newsweave"] and row["provenance"]["models"] for row in before.values())
    assert store.stale_article_ids(running.key) == []

    old_id = sorted(before)[0]
    with store.engine.begin() as connection:  # as a store written by an older newsweave would hold it
        connection.execute(update(schema.articles).where(schema.articles.c.id == old_id).values(provenance_key=None))
    assert store.stale_article_ids(running.key) == [old_id]

    summary = reanalyze(store)
    assert (summary.articles, summary.failed) == (1, 0)
    assert store.stale_article_ids(running.key) == []
    after = {row["id"]: row for row in export_rows(store, "articles")}
    assert set(after) == set(before)
    for field in ("text", "language", "published", "entities", "dates", "quotes", "events", "removed", "provenance"):
        assert after[old_id][field] == before[old_id][field], field
    store.close()


def test_the_provenance_key_changes_with_the_models():
    running = provenance.current()
    other = provenance.Provenance(running.newsweave, running.models + (("some-model", "2.0"),),
                                  running.settings_hash, running.code_hash)
    assert other.key != running.key
    assert provenance.Provenance(*[getattr(running, name) for name in ("newsweave", "models", "settings_hash", "code_hash")]).key == running.key
