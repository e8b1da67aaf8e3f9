"""The assess stage's settings: one frozen object, printed by ``newsweave stats --json``.

Each value says why it is what it is; the measurements behind the tuned ones are in
docs/quality.md.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AssessSettings:
    # The shortest run of vague sentences that may be padding; whether it is depends on the
    # article's own rate of vague sentences (``_unexplained``).
    filler_min_run: int = 3
    # Without a parse (no model for the language: German, Spanish) the language's ``[filler] narration``
    # tense shapes tell a narrating sentence from padding; with them a run of 3 keeps German false
    # alarms at 2 % of real articles (was 4 before stop 24; docs/quality.md "Trust flags — stop 24").
    filler_min_run_unparsed: int = 3
    # A run this short is padding, whatever the article's register, when every sentence of it is
    # built on a stock phrase (``[filler] phrases``: "Time will tell. It remains to be seen …"):
    # real copy uses them one at a time, not two in a row (docs/quality.md "Trust flags — stop 41").
    filler_min_run_phrased: int = 2
    # A run this short is judged against the article's rate when one of its sentences has a general shape
    # (``[filler] general``): padding tacked on without a listed phrase
    # (docs/quality.md "Trust flags — stop 43").
    filler_min_run_general: int = 2
    # A run is padding when fewer than this many such runs are expected at the article's rate.
    filler_alpha: float = 0.05
    # The article's rate of vague sentences is smoothed towards this rate, worth this many
    # sentences: about the share of vague sentences in news copy (0.07 en, 0.10 es and fr, 0.18
    # de on the tune half of table 1). Add-one (0.5, 2) until stop 25 let a short article's
    # few sentences explain any run (docs/quality.md "Trust flags — stop 25").
    filler_prior_rate: float = 0.15
    filler_prior_weight: float = 2.0
    # The rate at which the article's other vague sentences follow one another (``filler._follow_rate``:
    # an explainer's stretches of background) is smoothed towards the plain rate, worth this many
    # pairs: a pair or two in a short news article must not explain a run of three or four
    # (docs/quality.md "Trust flags — stop 41, third round").
    filler_follow_prior_weight: float = 20.0
    # Weight, in the article's rate, of another vague sentence holding a longer word than any of
    # the run's (``filler._likeness``): as likely specific as empty, since the anchor rules miss
    # its term but a long word alone proves nothing (docs/quality.md "Trust flags — stop 35").
    filler_longer_word_weight: float = 0.5
    # Measured on planted filler and real news (docs/quality.md).
    filler_confidence: float = 0.7
    # Where an opinion label stands: the title and the first characters of the text (a
    # heading, a kicker, a standfirst ending „Ein Kommentar.“).
    filler_opinion_head: int = 250
    # Sentences this short ("He left.") say too little to call either way.
    filler_min_words: int = 6
    # The extractor's own furniture rules matched inside the text (docs/quality.md).
    leak_confidence: float = 0.8
    # Past-tense cues are looked for this far around the date when there is no parse: about one
    # clause, so that a neighbouring sentence's tense does not count.
    date_tense_window: int = 80
    # A tense read by a small parser can be wrong; the date itself cannot.
    date_future_in_past_confidence: float = 0.7
    # The most characters (spaces, commas, short joining words) between a weekday and its date.
    calendar_max_gap: int = 12
    # A line this short and without closing punctuation is a sub-heading, not a sentence.
    heading_max_words: int = 14
    # Two artefacts, one of them strong, are suggestive, not proof (docs/quality.md).
    translation_confidence: float = 0.6
    translation_min_strong: int = 2
    # An untranslated fragment must be a real sentence, long enough for a language detector
    # to be sure, and the detector must be this sure.
    translation_fragment_min_words: int = 6
    translation_fragment_min_confidence: float = 0.9
    translation_min_name_length: int = 3
    # Fewer words between quotation marks are a term, a title or a scare quote, not speech.
    unsourced_min_words: int = 6
    # A paragraph of one sentence that names a speaker with a cue lends that speaker to a
    # quotation standing alone in the next paragraph.
    unsourced_lead_paragraph_carries: bool = True
    # A quote that repeats this many words in a row of a quote whose speaker is named is that
    # quote again (a pull quote, a teaser): fewer would join quotes through a stock phrase.
    unsourced_repeat_words: int = 5
    # Words marked by quotation marks alone, without the annotator, must hold this many.
    unsourced_min_speech_words: int = 8
    # How sure the flag is (docs/quality.md): no cue in three sentences around a quote is a
    # strong sign, but a speaker named two paragraphs earlier escapes it.
    unsourced_confidence: float = 0.75
    # Quotes shorter than this are scare quotes or single words ("inevitability"): matching
    # them says nothing.
    corroboration_min_words: int = 4
    # rapidfuzz partial_ratio (0–100) above which two same-language quotes are the same words.
    # 85 keeps matches through small edits (a dropped word, other punctuation) while unrelated
    # sentences of the same story stay below ~60 (checked on tests/data/trust stories).
    corroboration_fuzzy_min_score: int = 85
    # Cosine of multilingual-e5-small embeddings between the closest pieces (whole quote or
    # clause) of two quotes in different languages above which one translates the other: chosen on the
    # tune half of bench/corroboration.py's translated quote pairs (figures in docs/quality.md).
    corroboration_clause_min_cosine: float = 0.865
    # A clause shorter than this says too little to match on its own ("he said", "not now"):
    # it stays joined to its neighbour.
    corroboration_min_clause_words: int = 4


SETTINGS = AssessSettings()
