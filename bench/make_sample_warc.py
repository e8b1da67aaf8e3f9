"""Write the sample corpus's tiny crawl, ``src/newsweave/samples/warc/crawl.warc.gz``.

The crawl looks like a CC-NEWS file: a ``warcinfo`` record, then a ``request`` and a
``response`` record per page, gzipped record by record. The two pages are articles the
team wrote (invented events). Record ids and dates are fixed so the output is the same
on every run and the committed file only changes when the pages do.

    .venv/bin/python bench/make_sample_warc.py
"""

from __future__ import annotations

import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parents[1] / "src" / "newsweave" / "samples" / "warc" / "crawl.warc.gz"
CRAWL_DATE = "2025-03-14T06:12:00Z"

FERRY_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Port Alder ferry operator adds evening crossings - Harbour Post</title>
<meta property="article:published_time" content="2025-03-13T18:20:00+00:00">
</head><body>
<nav><a href="/">Harbour Post</a> <a href="/city">City</a> <a href="/business">Business</a> <a href="/subscribe">Subscribe</a></nav>
<article>
<h1>Port Alder ferry operator adds evening crossings</h1>
<p>The ferry company that links Port Alder's north quay with the old town will add four evening crossings from June, when the Harbour Bridge closes to cars for eight months of repairs.</p>
<p>Alder Ferries said the last boat would leave the old town at 11.40 p.m. instead of 8 p.m., and that a second vessel, the Marguerite, would be brought back from its winter mooring to carry up to 60 cars per trip.</p>
<p>&ldquo;We expect our traffic to double as soon as the bridge closes,&rdquo; said the company's operations manager, Daniel Kowalczyk. Season tickets will be sold at half price to residents of Eastgate and the north quay.</p>
<p>The city council has asked the company to keep the fares for cyclists unchanged during the works.</p>
</article>
<footer><p>Harbour Post &copy; 2025 &middot; Terms &middot; Cookie settings</p></footer>
</body></html>
"""

TRAM_WORKS_PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="windows-1252">
<title>Val-Sorel : le chantier de la ligne C prend six mois de retard</title>
</head><body>
<div class="menu"><a href="/">Le Courrier du Sorel</a> | <a href="/val-sorel">Val-Sorel</a> | <a href="/abonnement">S'abonner</a></div>
<div class="article">
<h1>Val-Sorel : le chantier de la ligne C prend six mois de retard</h1>
<p class="date">Publié le 10 février 2025</p>
<p>La mise en service de la ligne C du tramway de Val-Sorel, prévue pour la rentrée 2026, est repoussée au printemps 2027, a reconnu vendredi l'agglomération, qui invoque la découverte de canalisations anciennes sous l'avenue du Lac.</p>
<p>Les fouilles archéologiques menées près de l'ancienne halle aux grains ont également pris plus de temps que prévu. Le surcoût est estimé à 9 millions d'euros sur un budget total de 310 millions.</p>
<p>« Nous préférons annoncer un retard maintenant plutôt que de découvrir de nouvelles surprises en 2026 », a déclaré le vice-président chargé des mobilités, Hugo Delmas.</p>
<p>Les commerçants de l'avenue du Lac, dont l'activité souffre des travaux, réclament une indemnisation plus rapide.</p>
</div>
<div class="pied">Le Courrier du Sorel – Tous droits réservés</div>
</body></html>
"""

PAGES = (
    ("https://harbour-post.example/city/2025/03/13/ferry-evening-crossings", FERRY_PAGE, "utf-8"),
    ("https://courrier-sorel.example/val-sorel/2025/02/10/ligne-c-retard", TRAM_WORKS_PAGE, "cp1252"),
)


def _record_id(number: int) -> str:
    return f"<urn:uuid:{uuid.UUID(int=number)}>"


def _headers(number: int, **more: str) -> dict[str, str]:
    return {"WARC-Date": CRAWL_DATE, "WARC-Record-ID": _record_id(number), **more}


def write_crawl(out: Path = OUT) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        info = writer.create_warcinfo_record(out.name, {"software": "newsweave sample generator", "format": "WARC 1.0"})
        info.rec_headers.replace_header("WARC-Date", CRAWL_DATE)
        info.rec_headers.replace_header("WARC-Record-ID", _record_id(1))
        writer.write_record(info)
        number = 2
        for url, page, charset in PAGES:
            request = StatusAndHeaders(f"GET /{url.split('/', 3)[3]} HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
            writer.write_record(
                writer.create_warc_record(url, "request", payload=BytesIO(b""), http_headers=request,
                                          warc_headers_dict=_headers(number))
            )
            body = page.encode(charset)
            response = StatusAndHeaders(
                "200 OK", [("Content-Type", f"text/html; charset={charset}"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            writer.write_record(
                writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=response,
                                          warc_headers_dict=_headers(number + 1))
            )
            number += 2
    return out


if __name__ == "__main__":
    print(f"wrote {write_crawl()}")
