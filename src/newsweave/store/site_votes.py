"""Each stored article's vote for its site's home: what ``link.site_home.SiteHomeMemory`` reads
and writes (the ``site_votes`` table, revision 0015).

``save_article`` and ``replace_analysis`` write the vote in the article's own transaction
(``write_site_votes``), so an article is never stored without it, nor a vote without its article."""

from __future__ import annotations

from sqlalchemy import delete, func, insert, select

from newsweave.store import schema
from newsweave.store.base import StoreBase

_VOTES = schema.site_votes


class SiteVoteRecords(StoreBase):
    def site_votes(self, site: str, limit: int) -> list[tuple[str, set[tuple[str, str]]]]:
        """(article id, vote) of the site's latest ``limit`` articles that voted, latest first."""
        latest = (select(_VOTES.c.article_id, func.max(_VOTES.c.id).label("last"))
                  .where(_VOTES.c.site == site).group_by(_VOTES.c.article_id)
                  .order_by(func.max(_VOTES.c.id).desc()).limit(limit).subquery())
        query = (select(_VOTES.c.article_id, _VOTES.c.country, _VOTES.c.division, latest.c.last)
                 .join(latest, latest.c.article_id == _VOTES.c.article_id)
                 .order_by(latest.c.last.desc(), _VOTES.c.id))
        votes: dict[str, set[tuple[str, str]]] = {}
        with self.engine.connect() as connection:
            for row in connection.execute(query):
                votes.setdefault(row.article_id, set()).add((row.country, row.division))
        return list(votes.items())

    def remember_site_votes(self, article_id: str, site: str, votes: set[tuple[str, str]]) -> None:
        """File the article's vote under its site, over any vote it had (storing it again
        changes nothing)."""
        with self.engine.begin() as connection:
            write_site_votes(connection, article_id, site, votes)


def write_site_votes(connection, article_id: str, site: str, votes: set[tuple[str, str]]) -> None:
    """Replace the article's vote rows by ``votes`` inside the caller's transaction."""
    rows = [{"article_id": article_id, "site": site[:255], "country": country, "division": division[:255]}
            for country, division in sorted(votes)]
    connection.execute(delete(_VOTES).where(_VOTES.c.article_id == article_id))
    if rows:
        connection.execute(insert(_VOTES), rows)
