"""Trust flags, stop 35 (issue 14): padding measured against how plain the article's other vague sentences are.

A run of vague sentences is padding when the article's own rate of vague sentences does not
explain it. Without a parse (German) the anchor rules also call vague many sentences that
name a specific thing with a long term („Die Filtermembranen verstopfen …“): such a sentence
holds a longer word than any of the run's, and now counts for less in that rate. Where the
article's vague sentences are as plain as the run, the run stays explained. Texts invented for
these tests (de, en, fr), through the real pipeline."""

from __future__ import annotations

from trust_inputs import analyse, flags

# Sentences anyone could check (a number, a date, a name), then sentences that the anchor
# rules call vague although each names a thing of the article's subject with a long term.
SPECIFIC = {
    "de": ("Das Wasserwerk von Kellbrunn versorgt seit 1987 rund 14.000 Haushalte. Im Jahr 2024 lieferte es 2,1 Millionen "
           "Kubikmeter Trinkwasser. Der Zweckverband investiert bis 2027 insgesamt 6,5 Millionen Euro. Am 3. März begann der "
           "Austausch der ersten 400 Meter Leitung. Ab dem 1. Juli steigt der Wasserpreis um 12 Cent je Kubikmeter."),
    "en": ("The Kellbrook waterworks has supplied about 14,000 homes since 1987. In 2024 it delivered 2.1 million cubic metres "
           "of drinking water. The utility board will invest 6.5 million euros by 2027. On 3 March work began on the first 400 "
           "metres of main. From 1 July the water price rises by 12 cents per cubic metre."),
    "fr": ("L'usine des eaux de Kellbourg alimente environ 14 000 foyers depuis 1987. En 2024, elle a livré 2,1 millions de "
           "mètres cubes d'eau potable. Le syndicat investira 6,5 millions d'euros d'ici 2027. Le 3 mars ont commencé les "
           "travaux sur les 400 premiers mètres de conduite. À partir du 1er juillet, le prix de l'eau augmente de 12 centimes "
           "par mètre cube."),
}
TECHNICAL = {
    "de": ("Die Filtermembranen verstopfen schnell, wenn der Fluss viel Schlamm führt. Hausanschlussleitungen aus Gusseisen "
           "gelten inzwischen als besonders bruchanfällig. Die Chlordosierungsanlage arbeitet vollautomatisch und ohne "
           "Unterbrechung.\n\n"),
    "en": ("Polyethylene replacement mains tolerate ground movement far better than cast iron. Ultrafiltration membranes "
           "clog quickly whenever the river carries heavy sediment. Automated chlorination equipment keeps disinfectant "
           "levels steady around the clock.\n\n"),
    "fr": ("Les membranes d'ultrafiltration s'encrassent vite quand la rivière charrie beaucoup de limon. Les conduites en "
           "fonte grise restent particulièrement vulnérables aux mouvements du sol. L'installation de chloration "
           "automatisée maintient un dosage régulier jour et nuit.\n\n"),
}
# The same kind of sentences as plain as padding: no long term either.
PLAIN = {
    "de": "Viele hier sind mit dem Wasser sehr zufrieden. Das Wasser schmeckt hier oft ein wenig seltsam. Die Leute reden im Ort viel über das Wasser.",
    "en": "Many people here are happy with the water. The water here often tastes a little odd. People in the town talk a lot about the water.",
    "fr": "Les gens sont plutôt contents de leur eau. Ici, l'eau a souvent un petit goût bizarre. Les gens du coin parlent beaucoup de leur eau.",
}
PADDING = {
    "de": ("Die Lage bleibt für alle angespannt. Niemand weiß, wie es weitergehen soll. Die Menschen warten ab, was die "
           "Zeit bringen mag. Es bleibt viel zu tun, für alle Seiten.\n\n"),
    "en": ("The mood stays tense for all of them. No one knows how things will go on. People wait to see what time may "
           "bring. There is much left to do, on all sides.\n\n"),
    "fr": ("L'ambiance reste tendue pour tout le monde. Personne ne sait comment la suite va tourner. Chacun attend de voir "
           "ce que le temps va apporter. Il reste beaucoup à faire, pour tous.\n\n"),
}
TAIL = {
    "de": "Der Gemeinderat von Kellbrunn berät am 14. Mai über die zweite Bauphase.\n",
    "en": "The Kellbrook council will discuss the second phase on 14 May.\n",
    "fr": "Le conseil municipal de Kellbourg examinera la deuxième phase le 14 mai.\n",
}


def _article(language: str, between: dict[str, str], padding: bool) -> str:
    """The specific sentences with the ``between`` ones spread among them, the padding after them."""
    specific = SPECIFIC[language].removesuffix(".").split(". ")
    others = between[language].removesuffix(".").split(". ")
    body = ". ".join(part for pair in zip(specific, others + [""] * len(specific)) for part in pair if part)
    return body + ".\n\n" + (PADDING[language] if padding else "") + TAIL[language]


def _filler(language: str, between: dict[str, str], padding: bool = True) -> list[str]:
    article = analyse(_article(language, between, padding), language)
    return [span.text for flag in flags(article, "generic_filler") for span in flag.evidence]


def test_padding_among_technical_sentences_is_filler() -> None:
    for language in ("de", "en", "fr"):
        evidence = _filler(language, TECHNICAL)
        assert any(PADDING[language][:20] in text for text in evidence), language


def test_the_article_without_padding_is_not_filler() -> None:
    for language in ("de", "en", "fr"):
        assert _filler(language, TECHNICAL, padding=False) == [], language


def test_padding_among_sentences_as_plain_as_itself_stays_explained() -> None:
    for language in ("de", "en", "fr"):
        assert _filler(language, PLAIN) == [], language
