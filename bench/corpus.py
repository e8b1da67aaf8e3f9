"""Generate a synthetic news corpus (plain text, HTML pages, WARC.gz crawls) for benchmarks.

Every word is generated here from small word lists written for this purpose: no real
article is copied. Articles are English or French, a few paragraphs of sentences built
from templates with random names, places and figures, so that two generated articles
share few word shingles (like two real reports) while ``--copy-rate`` of them are wire
copies of an earlier one (a changed headline, a dateline, a dropped paragraph) and
``--exact-rate`` are byte-for-byte re-publications, to exercise duplicate detection.

File names start with the article's number, so a folder read in sorted order mixes the
formats evenly from start to end. Plain articles are ``.txt`` files with site furniture lines ("Read also", share prompts);
HTML pages carry navigation, a cookie banner, scripts and a footer around the article;
WARC files hold 50 HTTP ``response`` records each, as in CC-NEWS.

    .venv/bin/python bench/corpus.py OUT_DIR --articles 1000 [--seed 7]
"""

from __future__ import annotations

import argparse
import html
import io
import random
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# Shares of the corpus by format; the rest is HTML pages.
PLAIN_SHARE = 0.45
WARC_SHARE = 0.20
RECORDS_PER_WARC = 50
SYLLABLES = ("ba", "ko", "ri", "sel", "man", "tu", "vo", "len", "dar", "mi", "os", "ka", "ne", "lor", "pi", "ga")

WORDS = {
    "en": {
        "subjects": ("The council", "The minister", "A spokesperson", "The union", "The company", "Local residents",
                     "The mayor", "Researchers", "The committee", "Officials", "The court", "Farmers"),
        "verbs": ("announced", "rejected", "approved", "criticised", "delayed", "proposed", "defended", "reviewed",
                  "questioned", "confirmed", "postponed", "welcomed"),
        "objects": ("a new budget for schools", "the plan to expand the harbour", "a report on water quality",
                    "changes to the bus network", "the closure of two clinics", "a tax on empty homes",
                    "the contract for the bridge repairs", "a proposal to cut energy bills",
                    "the results of the inquiry", "a scheme to plant trees", "new rules for short lets",
                    "a ban on night flights"),
        "tails": ("after a long debate", "despite strong opposition", "on {day}", "in a statement",
                  "before the vote", "at a press conference", "following weeks of talks", "without giving details"),
        "figures": ("The cost is estimated at {n} million euros.", "About {n} people attended the meeting.",
                    "The measure would affect {n} households.", "Work is expected to take {n} months.",
                    "Turnout reached {n} percent."),
        "quotes": ('"We have listened to everyone," said {name}.', '"This is not the end of it," {name} told reporters.',
                   '"The numbers speak for themselves," according to {name}.'),
        "days": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
        "furniture": ("Read also: {headline}", "Share this article on Facebook", "Subscribe to our newsletter",
                      "Download our app for the latest news"),
        "credit": "With AFP",
    },
    "fr": {
        "subjects": ("Le conseil", "La ministre", "Un porte-parole", "Le syndicat", "L'entreprise", "Les habitants",
                     "Le maire", "Les chercheurs", "La commission", "Les responsables", "Le tribunal", "Les agriculteurs"),
        "verbs": ("a annoncé", "a rejeté", "a approuvé", "a critiqué", "a retardé", "a proposé", "a défendu",
                  "a examiné", "a contesté", "a confirmé", "a reporté", "a salué"),
        "objects": ("un nouveau budget pour les écoles", "le projet d'agrandir le port", "un rapport sur la qualité de l'eau",
                    "des changements du réseau de bus", "la fermeture de deux cliniques", "une taxe sur les logements vides",
                    "le contrat de réparation du pont", "une proposition pour baisser les factures d'énergie",
                    "les conclusions de l'enquête", "un programme de plantation d'arbres",
                    "de nouvelles règles pour les locations courtes", "une interdiction des vols de nuit"),
        "tails": ("après un long débat", "malgré une forte opposition", "{day}", "dans un communiqué",
                  "avant le vote", "lors d'une conférence de presse", "après des semaines de discussions",
                  "sans donner de détails"),
        "figures": ("Le coût est estimé à {n} millions d'euros.", "Environ {n} personnes ont assisté à la réunion.",
                    "La mesure toucherait {n} foyers.", "Les travaux devraient durer {n} mois.",
                    "La participation a atteint {n} pour cent."),
        "quotes": ("« Nous avons écouté tout le monde », a déclaré {name}.", "« Ce n'est pas fini », a dit {name} à la presse.",
                   "« Les chiffres parlent d'eux-mêmes », selon {name}."),
        "days": ("lundi", "mardi", "mercredi", "jeudi", "vendredi"),
        "furniture": ("Lire aussi : {headline}", "Partager cet article sur Facebook", "Abonnez-vous à notre newsletter",
                      "Téléchargez notre application"),
        "credit": "Avec AFP",
    },
}


@dataclass
class GeneratedArticle:
    language: str
    headline: str
    paragraphs: list[str]
    published: str
    url: str


def _name(rng: random.Random) -> str:
    first = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
    last = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
    return f"{first} {last}"


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _sentence(rng: random.Random, words: dict, place: str) -> str:
    kind = rng.random()
    if kind < 0.15:
        return rng.choice(words["figures"]).format(n=rng.randint(2, 9000))
    if kind < 0.25:
        return rng.choice(words["quotes"]).format(name=_name(rng))
    tail = rng.choice(words["tails"]).format(day=rng.choice(words["days"]))
    return f"{rng.choice(words['subjects'])} {rng.choice(words['verbs'])} {rng.choice(words['objects'])} {tail} ({place}, {rng.randint(1, 999)})."


def generate_article(rng: random.Random, index: int) -> GeneratedArticle:
    language = "fr" if rng.random() < 0.3 else "en"
    words = WORDS[language]
    place = _place(rng)
    paragraphs = [
        " ".join(_sentence(rng, words, place) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(4, 9))
    ]
    headline = f"{place}: {rng.choice(words['subjects'])} {rng.choice(words['verbs'])} {rng.choice(words['objects'])}"
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    url = f"https://news.example.org/{day.replace('-', '/')}/story-{index}"
    return GeneratedArticle(language, headline, paragraphs, day, url)


def wire_copy(rng: random.Random, original: GeneratedArticle, index: int) -> GeneratedArticle:
    """Another outlet's version: new headline and URL, a dateline, maybe a dropped paragraph."""
    paragraphs = list(original.paragraphs)
    if len(paragraphs) > 4 and rng.random() < 0.5:
        paragraphs.pop()
    paragraphs[0] = f"{_place(rng).upper()} - {paragraphs[0]}"
    headline = f"{original.headline} ({_place(rng)})"
    url = f"https://wire.example.net/{original.published.replace('-', '/')}/copy-{index}"
    return GeneratedArticle(original.language, headline, paragraphs, original.published, url)


def as_plain_text(article: GeneratedArticle, rng: random.Random) -> str:
    words = WORDS[article.language]
    lines = [article.headline, ""]
    for number, paragraph in enumerate(article.paragraphs):
        lines += [paragraph, ""]
        if number == 1:
            lines += [rng.choice(words["furniture"]).format(headline=article.headline[:40]), ""]
    lines += [words["credit"], words["furniture"][1]]
    return "\n".join(lines) + "\n"


def as_html(article: GeneratedArticle, rng: random.Random) -> str:
    words = WORDS[article.language]
    body = "\n".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in article.paragraphs)
    menu = "".join(f'<li><a href="/s/{n}">{html.escape(_place(rng))}</a></li>' for n in range(8))
    return f"""<!DOCTYPE html>
<html lang="{article.language}"><head><meta charset="utf-8">
<title>{html.escape(article.headline)}</title>
<meta property="article:published_time" content="{article.published}T08:00:00+00:00">
<link rel="canonical" href="{article.url}">
<script>window.dataLayer = [{{"page": "{article.url}"}}];</script>
<style>body {{ font-family: serif; }}</style></head>
<body><header><nav><ul>{menu}</ul></nav></header>
<div class="cookie">{html.escape(words["furniture"][2])}</div>
<main><article><h1>{html.escape(article.headline)}</h1>
{body}
<p class="share">{html.escape(words["furniture"][1])}</p>
</article></main>
<footer><p>&copy; 2024 Example News &amp; Co. {html.escape(words["furniture"][3])}</p></footer>
</body></html>
"""


def write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, page in pages:
            payload = page.encode("utf-8")
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(payload)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
            writer.write_record(record)


def generate_corpus(folder: Path, articles: int, seed: int = 7, copy_rate: float = 0.05, exact_rate: float = 0.02) -> dict[str, int]:
    """Write ``articles`` generated articles under ``folder``; returns counts by format."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    made: list[GeneratedArticle] = []
    pending_warc: list[tuple[str, str]] = []
    counts = {"text": 0, "html": 0, "warc_records": 0, "warc_files": 0, "wire_copies": 0, "exact_copies": 0}
    for index in range(articles):
        draw = rng.random()
        if made and draw < exact_rate:
            article = rng.choice(made)
            counts["exact_copies"] += 1
        elif made and draw < exact_rate + copy_rate:
            article = wire_copy(rng, rng.choice(made), index)
            counts["wire_copies"] += 1
        else:
            article = generate_article(rng, index)
            made.append(article)
        form = rng.random()
        if form < PLAIN_SHARE:
            (folder / f"{index:06d}-article.txt").write_text(as_plain_text(article, rng), encoding="utf-8")
            counts["text"] += 1
        elif form < PLAIN_SHARE + WARC_SHARE:
            pending_warc.append((article.url, as_html(article, rng)))
            counts["warc_records"] += 1
            if len(pending_warc) == RECORDS_PER_WARC:
                write_warc(folder / f"{index:06d}-crawl.warc.gz", pending_warc)
                counts["warc_files"] += 1
                pending_warc = []
        else:
            (folder / f"{index:06d}-page.html").write_text(as_html(article, rng), encoding="utf-8")
            counts["html"] += 1
    if pending_warc:
        write_warc(folder / f"{articles:06d}-crawl.warc.gz", pending_warc)
        counts["warc_files"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(generate_corpus(args.out, args.articles, args.seed))


if __name__ == "__main__":
    main()
