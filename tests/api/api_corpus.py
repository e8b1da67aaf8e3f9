"""Articles written for the API and UI tests, and the story/entity rows later stages would add.

The bridge story's two articles (en, fr) name real places (Lisbon, Porto) that the gazetteer
geocodes, so its story page has dots on its map.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, insert

from newsweave.store import Store, schema

ARTICLES = {
    "harbour.txt": (
        "Harbour bridge reopens after repairs\n\n"
        "The Kestrel harbour bridge reopened on Monday 4 March 2024 after eight months of repairs, the city council said. "
        "\"Traffic will flow normally from tomorrow,\" said Mara Okafor, the council's transport officer. "
        "Engineers replaced the cables and repainted the towers during the closure. "
        "Ferries from Lisbon and Porto kept running while the bridge was shut."
    ),
    "orchard.txt": (
        "Orchard growers expect a late harvest\n\n"
        "Apple growers in the Velden valley expect the harvest to start two weeks late this year. "
        "A cold spring delayed flowering, according to the growers' cooperative. "
        "Prices at the weekly market have already risen slightly."
    ),
    "pont.txt": (
        "Le pont du port rouvre après des travaux\n\n"
        "Le pont du port de Kestrel a rouvert le lundi 4 mars 2024 après huit mois de travaux, a indiqué le conseil municipal. "
        "Les ingénieurs ont remplacé les câbles et repeint les tours pendant la fermeture. "
        "La circulation reprendra normalement dès demain matin. "
        "Les ferries vers Lisbonne ont continué de circuler pendant la fermeture."
    ),
    "hostile.html": (
        "<html><head><title>Script &lt;b&gt;test&lt;/b&gt; page</title></head><body><article>"
        "<h1>A council meeting about the library</h1>"
        "<p>The council discussed the new library budget on Tuesday evening in a long session.</p>"
        "<p>One resident wrote &lt;script&gt;window.pwned = 1&lt;/script&gt; on a placard, "
        "another wrote &lt;img src=x onerror=\"window.pwned = 2\"&gt; in the guest book of the hall.</p>"
        "<p>The budget was approved by a large majority of the members present that evening.</p>"
        "</article></body></html>"
    ),
}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in ARTICLES.items():
        (folder / name).write_text(body, encoding="utf-8")
    return folder


def add_story_and_entity(store: Store) -> dict[str, str]:
    """Rows the stories and entities stages would write, so their routes have something to show."""
    harbour = next(a for a in store.article_summaries() if a["source"].endswith("harbour.txt"))
    pont = next(a for a in store.article_summaries() if a["source"].endswith("pont.txt"))
    with store.engine.begin() as connection:
        # The stories stage may have filed them already: move them into this test story.
        connection.execute(delete(schema.story_articles).where(schema.story_articles.c.article_id.in_([harbour["id"], pont["id"]])))
        connection.execute(insert(schema.stories).values(
            id="story-bridge", label="Kestrel bridge reopens", languages=["en", "fr"], first="2024-03-04", last="2024-03-05"))
        connection.execute(insert(schema.story_articles), [
            {"story_id": "story-bridge", "article_id": harbour["id"]},
            {"story_id": "story-bridge", "article_id": pont["id"]},
        ])
        connection.execute(insert(schema.entities).values(
            entity_id="Q-kestrel", canonical="Kestrel", label="LOC", aliases=["Kestrel", "Kestrel harbour"],
            languages=["en", "fr"]))
        connection.execute(insert(schema.mentions).values(
            article_id=harbour["id"], entity_id="Q-kestrel", label="LOC", start=4, end=11, source_start=4, source_end=11,
            text="Kestrel"))
        connection.execute(insert(schema.quotes).values(
            article_id=harbour["id"], start=0, end=10, source_start=0, source_end=10, text="Traffic will flow normally",
            speaker_name="Mara Okafor", direct=True))
    return {"harbour": harbour["id"], "pont": pont["id"]}
