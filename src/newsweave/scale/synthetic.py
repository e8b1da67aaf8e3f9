"""Generated news articles in several languages, for load tests and benchmarks.

Sentences come from ``lang/<iso>/synthetic.toml`` filled at random with invented names, so
a corpus of any size can be made without copying real articles. Articles generated from
different seeds share few word shingles, so the duplicate stage treats them as distinct.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from newsweave.lang import load

# Sentences per generated article: a short news item (roughly 150–300 words).
SENTENCES_PER_ARTICLE = (8, 14)
_FIELD = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class GeneratedArticle:
    name: str
    language: str
    title: str
    text: str
    published: str


def _fill(template: str, words: dict, rng: random.Random) -> str:
    def pick(match: re.Match[str]) -> str:
        field = match.group(1)
        if field == "number":
            return str(rng.randint(2, 950))
        if field == "year":
            return str(rng.randint(1995, 2023))
        return rng.choice(words[field])

    return _FIELD.sub(pick, template)


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def generate(count: int, languages: tuple[str, ...] = ("en", "fr"), seed: int = 0) -> list[GeneratedArticle]:
    """``count`` articles, languages taken in turn, the same ones for the same seed."""
    rng = random.Random(seed)
    tables = {language: load(language, "synthetic") for language in languages}
    articles = []
    for number in range(count):
        language = languages[number % len(languages)]
        words = tables[language]
        sentences = rng.sample(words["sentences"], k=min(len(words["sentences"]), rng.randint(*SENTENCES_PER_ARTICLE)))
        # More sentences than templates: repeat a few with other fillings.
        sentences += rng.choices(words["sentences"], k=max(0, rng.randint(*SENTENCES_PER_ARTICLE) - len(sentences)))
        title = _fill(rng.choice(words["titles"]), words, rng)
        title = _capitalised(title)
        body = " ".join(_capitalised(_fill(sentence, words, rng)) for sentence in sentences)
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        articles.append(GeneratedArticle(f"{language}-{seed}-{number:05d}", language, title, body, day))
    return articles


def write_text_files(articles: list[GeneratedArticle], folder: Path) -> list[Path]:
    """One ``.txt`` per article (title line, blank line, body)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles:
        path = folder / f"{article.name}.txt"
        path.write_text(f"{article.title}\n\n{article.text}\n", encoding="utf-8")
        paths.append(path)
    return paths


def write_jsonl(articles: list[GeneratedArticle], path: Path) -> Path:
    """All articles in one JSON-lines file with title, text and publication date."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for article in articles:
            row = {"title": article.title, "text": article.text, "published": article.published, "url": f"https://example.org/{article.name}"}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path
