"""Inputs for the spine tests, in every format ingest reads, built from articles written here.

The two articles are invented for these tests. Builders wrap them as plain text in any
encoding, HTML pages with site furniture, JSON lines, RSS and Atom feeds and WARC files,
so each test states the format it needs and gets a real file.
"""

from __future__ import annotations

import gzip
import html
import json
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

EN_TITLE = "Glassworks in Hollin reopens with forty new jobs"
EN_PARAGRAPHS = (
    "HOLLIN, September 9, 2025 — The old glassworks in Hollin reopened on Tuesday under a new owner, "
    "who has hired forty workers to make bottles for the region's cider makers, the company said.",
    "The furnace had been cold since 2019, when the previous owner moved production abroad. The new "
    "company, Hollin Glass Cooperative, bought the site from the town for a symbolic sum.",
    '"Half of the people we hired worked here before," said manager Priya Castellane. "They knew '
    'the furnace better than the engineers who rebuilt it."',
    "The cooperative plans to double its staff within three years if a second furnace is approved "
    "by the regional planning board in the spring.",
)
FR_TITLE = "À Lessac, le marché couvert rouvre après l'incendie"
FR_PARAGRAPHS = (
    "LESSAC, 6 octobre 2025 – Le marché couvert de Lessac a rouvert ses portes samedi, dix-huit mois "
    "après l'incendie qui avait détruit sa charpente, a annoncé la mairie.",
    "Trente-deux commerçants ont retrouvé leurs étals sous une nouvelle toiture en bois, financée à "
    "parts égales par la commune, le département et l'assurance.",
    "« Nos clients nous ont suivis sur la place pendant un an et demi, mais l'hiver dehors était "
    "long », a confié Mireille Daubin, fromagère, installée au marché depuis 1994.",
    "La municipalité prévoit d'ouvrir le marché le dimanche matin à partir du printemps prochain.",
)
EN_FURNITURE = ("Read also: Hollin station gets a new footbridge", "Subscribe to our newsletter for the summary of the day")
FR_FURNITURE = ("Lire aussi : La gare de Lessac fait peau neuve", "Abonnez-vous à notre newsletter")


def plain_text(paragraphs: tuple[str, ...] = EN_PARAGRAPHS, title: str = EN_TITLE, furniture: tuple[str, ...] = EN_FURNITURE,
               credit: str = "With AFP", newline: str = "\n") -> str:
    """A plain-text article: title, paragraphs with furniture lines between them, a credit."""
    blocks = [title, paragraphs[0], paragraphs[1], furniture[0], *paragraphs[2:], furniture[1], credit]
    return (newline * 2).join(blocks) + newline


def html_page(paragraphs: tuple[str, ...] = EN_PARAGRAPHS, title: str = EN_TITLE, lang: str = "en",
              charset: str = "utf-8") -> str:
    """A news page with header, navigation, a related-links box, a footer and a cookie line."""
    body = "\n".join(f"<p>{html.escape(paragraph, quote=False)}</p>" for paragraph in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="{charset}"><title>{html.escape(title)} &ndash; Test Gazette</title>
<script>var tracking = {{"page": "article"}};</script><style>p {{ margin: 0 }}</style></head>
<body>
<header><a href="/">Test Gazette</a><nav><a href="/news">News</a> &middot; <a href="/sport">Sport</a> &middot; <a href="/subscribe">Subscribe</a></nav></header>
<article><h1>{html.escape(title)}</h1>
{body}
<aside><h3>Related</h3><ul><li><a href="/a">Another story about trains</a></li><li><a href="/b">Weather for the weekend</a></li></ul></aside>
</article>
<footer><p>&copy; 2025 Test Gazette &mdash; all rights reserved</p><p>We use cookies to measure our audience.</p></footer>
</body></html>
"""


def jsonl_line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def rss_feed(items: list[dict[str, str]]) -> str:
    """RSS 2.0 with ``content:encoded``; each item: title, link, pubDate, content (HTML) or nothing."""
    parts = []
    for item in items:
        content = f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>" if item.get("content") else ""
        parts.append(
            f"<item><title>{html.escape(item['title'])}</title><link>{item['link']}</link>"
            f"<pubDate>{item.get('pubDate', 'Tue, 09 Sep 2025 10:00:00 +0000')}</pubDate>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Test feed</title><link>https://feed.example/</link><description>tests</description>{''.join(parts)}"
        "</channel></rss>\n"
    )


def atom_feed(entries: list[dict[str, str]]) -> str:
    """Atom 1.0; each entry: title, link, updated, content (HTML)."""
    parts = []
    for entry in entries:
        parts.append(
            f"<entry><title>{html.escape(entry['title'])}</title><link href=\"{entry['link']}\"/>"
            f"<id>{entry['link']}</id><updated>{entry.get('updated', '2025-10-06T08:00:00Z')}</updated>"
            f"<content type=\"html\">{html.escape(entry['content'])}</content></entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">'
        f"<title>Flux de test</title><id>urn:test:feed</id><updated>2025-10-06T08:00:00Z</updated>{''.join(parts)}</feed>\n"
    )


def paragraphs_html(paragraphs: tuple[str, ...]) -> str:
    return "".join(f"<p>{html.escape(paragraph, quote=False)}</p>" for paragraph in paragraphs)


def warc_bytes(pages: list[tuple[str, bytes, str]], compress: bool) -> bytes:
    """A WARC with a request and a response record per ``(url, body, content_type)``."""
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "newsweave tests"}))
    for url, body, content_type in pages:
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", payload=BytesIO(b""), http_headers=request))
        response = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=response))
    return buffer.getvalue()


def write(path: Path, data: str | bytes, encoding: str = "utf-8", compress: bool = False) -> Path:
    """Write ``data`` (text is encoded with ``encoding``); gzip it when ``compress``."""
    raw = data.encode(encoding) if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(raw, mtime=0) if compress else raw)
    return path
