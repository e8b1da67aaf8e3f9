"""Named entities of each article: who, which organisation, which place, with an identity.

Mentions come from the language's NER model (spaCy's ``doc.ents``; natasha for Russian,
see ``annotate/nlp.py``), mapped to PER/ORG/LOC/MISC (OntoNotes GPE/LOC/FAC are places;
NORP is not a place). Three passes add what models miss, all from data files and the
gazetteer, never from per-language code:

* demonyms ("Albanian", "ukrainiens", "European"): MISC mentions pointing at their country or
  region, with its point; marked ``demonym``, so the report does not list them as places;
* lower-case names of big places ("kyiv"), unless the language file lists the word as a
  common word ("nice", "paris" in French);
* titles ("the Ukrainian president", "le président français"): they take the identity of
  the person they stand next to somewhere in the article.

Languages without a NER model get only gazetteer matches (capitalised names of known
places and aliases) — precision over recall. No mention crosses a line break (a title and
the dateline under it are two blocks): spaCy's models are told so before they run (see
``annotate/nlp.py``), and spans from elsewhere are cut at line breaks here. Two repairs follow
from the article itself: a lone common word of a heading is no name ("New Price Drop" gave
"Drop" PER), and a one-word "person" the article puts in a place ("à Val-Sorel") or in a
dateline is that place; so is a "person" the gazetteer knows when the article shows no trace
of a person (:mod:`newsweave.annotate.person_places`). A name's head word says its kind ("Dorvan District", "Kessel
University", ``[heads]`` of the entities file) and joins the name when the model stopped before it,
a sentence's capitalised article is no part of a name (:mod:`newsweave.annotate.name_spans`), and the article vouches for names written
another way (:mod:`newsweave.annotate.name_repeats`: lower-case repeats and countries, lone
surnames, names after honorifics). A given name says a person (:mod:`newsweave.annotate.given_names`)
and a head word the kind of a name the model missed or cut ("Duchy of Milan", "the 67th Precinct":
:mod:`newsweave.annotate.name_heads`); a road's number is part of its name ("State Route 52",
:mod:`newsweave.annotate.name_spans`); a firm named like a person is told by the neuter pronoun of its
clause ("Brimq raised its prices", :mod:`newsweave.annotate.neuter_names`), a person by the age after
the name ("Vesk, 37,", :mod:`newsweave.annotate.age_names`). A lower-case word is a place only under the
place's own name, not one of its other names ("in turn", "the soul of"). Each mention then gets its identity from :mod:`newsweave.annotate.canonical` (ids, canonical names,
coordinates). Other stages find the entity under a span with :func:`entity_at`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc

from newsweave import lang
from newsweave.annotate.nlp import LINE_BREAK, LINE_BREAK_CHARS, name_lemma, ner_backend, parse_batch, pipeline
from newsweave.annotate.canonical import Mention, alias_of, covered, entity_of, home_votes_of, resolve_mentions, Resolved
from newsweave.annotate.georesolve import site_home_of, site_of
from newsweave.annotate.geo import candidates, demonym_country, demonym_country_in, fold, region_demonym, spelt_as_written
from newsweave.annotate.given_names import all_given_names, given_names_repeated, name_particles, persons_by_given_names
from newsweave.annotate.age_names import persons_by_ages
from newsweave.annotate.name_heads import (names_of_heads, names_with_heads, organisations_named_with_firm_suffixes,
                                           units_named_by_ordinals)
from newsweave.annotate.name_lists import (examples_of_kinds, list_members, persons_paired_by_slashes,
                                           places_in_lists_of_places)
from newsweave.annotate.regnal_names import persons_of_lands
from newsweave.annotate.name_spans import (persons_with_peerages, roads_with_their_numbers, teams_in_brackets, towns_after_organisations, with_heads_beside,
                                           without_sentence_articles)
from newsweave.annotate.name_repeats import (extend_surnames_with_particles, lowercase_countries, lowercase_words,
                                             names_repeated_in_lower_case, persons_after_honorifics, surnames_repeated)
from newsweave.annotate.person_forms import repair_person_forms
from newsweave.annotate.quote_rules import is_speech_verb
from newsweave.annotate.person_places import after_honorific, is_subject, places_taken_for_people
from newsweave.annotate.names import has_name_patterns, is_cased, pattern_mentions
from newsweave.annotate.neuter_names import organisations_by_neuter_pronouns
from newsweave.annotate.place_words import (full_name_words, organisations_named_by_nouns, persons_named_by_kin,
                                            places_after_place_nouns, place_preposition, places_listed_with_places)
from newsweave.annotate.team_names import (teams_before_places, teams_named_after_places, teams_shown_playing,
                                           teams_the_model_missed)
from newsweave.annotate.titles import with_titles
from newsweave.annotate.word_sets import weekday_names
from newsweave.annotate.toponyms import recover_toponyms
from newsweave.model import Article, Entity
from newsweave.annotate.settings import SETTINGS

# One capital letter (with its dot) or a Roman numeral standing alone.
LONE_LETTER = re.compile(r"[A-Z]\.?|[IVX]{1,4}\.?")

# Model labels (OntoNotes for English, WikiNER for French, natasha's) → contract labels.
# Labels not listed (DATE, MONEY, CARDINAL …) are not entities here.
LABELS: dict[str, str] = {
    "PERSON": "PER", "PER": "PER",
    "ORG": "ORG",
    "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "MISC": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC",
    "LAW": "MISC", "LANGUAGE": "MISC",
}
# A dash, slash or bar with a space on each side parts two names ("Ann Vey / Tom Ruel").
SPACED_DASH = re.compile(r"\s+[-–—/|]\s+")
POSSESSIVE = re.compile(r"['’]s?$")
# Marks standing before a name as words of their own: quote marks, bullets, a list's dash.
LEADING_MARKS = re.compile(r"(?:[^\w\s(]+\s+)+")
LINE = re.compile(f"[^{LINE_BREAK_CHARS}]+")
# What follows a dateline's place on its line: "DUNMORE, Nov 8", "PARIS – Le".
DATELINE_END = re.compile(r"[ \t]*[,–—-]")
# A word of a line, for telling headings ("New Price Drop: Apple Watch for $169") from prose.
LINE_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def annotate_entities(articles: list[Article]) -> None:
    """Entities of a batch of articles. Places are read twice where a site has several articles:
    once each alone, then, for a site whose articles are local to one division
    (:func:`newsweave.annotate.georesolve.site_home_of`), its articles again with that home ("Paris"
    in a Texas paper that names no other place)."""
    parse_batch(articles)
    found = [_mentions_of(article) for article in articles]
    # Resolution relabels mentions in place: the second reading starts from the same mentions.
    kept = [[replace(mention) for mention in mentions] for mentions in found]
    resolved = [resolve_mentions(mentions, article.text, article.url, article.language or "")
                for article, mentions in zip(articles, found, strict=True)]
    votes: dict[str, dict[str, set[tuple[str, str]]]] = {}
    for article, mentions, results in zip(articles, found, resolved, strict=True):
        article.work.site_vote = home_votes_of(mentions, results)
        votes.setdefault(site_of(article.url), {})[article.id] = article.work.site_vote
    homes = {site: site_home_of(vote.values()) for site, vote in votes.items() if site}
    for index, article in enumerate(articles):
        site = site_of(article.url)
        home = homes.get(site)
        # Kept for the link stage, which joins the votes the store keeps of the site's earlier
        # articles (``link.site_home``): it reads the places again from these mentions.
        article.work.place_mentions = [replace(mention) for mention in kept[index]] if site else None
        article.work.site_batch_votes = {key: vote for key, vote in votes.get(site, {}).items() if vote} if site else {}
        article.work.site_home = home
        if home is not None:
            found[index] = kept[index]
            resolved[index] = resolve_mentions(found[index], article.text, article.url, article.language or "", home)
        article.entities = entities_of(article, found[index], resolved[index])


def find_entities(article: Article) -> list[Entity]:
    """The contract's entities for one article (its Doc must be parsed), read alone."""
    mentions = _mentions_of(article)
    return entities_of(article, mentions, resolve_mentions(mentions, article.text, article.url, article.language or ""))


def entities_of(article: Article, mentions: list[Mention], resolved: list[Resolved | None]) -> list[Entity]:
    """The contract's entity mentions of an article from its resolved mentions."""
    return [
        entity_of(article.span(mention.start, mention.end), mention, identity)
        for mention, identity in zip(mentions, resolved, strict=True)
        if identity is not None
    ]


def _mentions_of(article: Article) -> list[Mention]:
    """The article's name mentions, repaired, before they have identities."""
    doc: Doc = article.work.doc
    language = article.language or ""
    mentions = _model_mentions(article.text, doc, language)
    mentions = _without_heading_words(mentions, article.text, language)
    without_sentence_articles(mentions, doc, language)
    with_heads_beside(mentions, doc, language)
    _labels_from_heads(mentions, language)
    mentions = persons_by_given_names(mentions, doc, language)
    mentions = repair_person_forms(mentions, doc, language)
    mentions = teams_named_after_places(mentions, doc, language)
    mentions = teams_before_places(mentions, doc, language)
    mentions = teams_the_model_missed(mentions, doc, language)
    mentions = persons_after_honorifics(mentions, article.text, doc, language)
    mentions = surnames_repeated(mentions, doc, language)
    given_names_repeated(mentions, article.text, language)
    extend_surnames_with_particles(mentions, doc)
    places_taken_for_people(mentions, article.text, doc, language)
    _places_named_as_people(mentions, article.text, doc, language)
    _places_with_shared_heads(mentions, article.text, doc, language)
    _known_places_after_prepositions(mentions, article.text, doc, language)
    in_full_names = full_name_words(mentions)
    places_after_place_nouns(mentions, article.text, language, in_full_names)
    places_listed_with_places(mentions, article.text, language, in_full_names)
    places_in_lists_of_places(mentions, article.text, language)
    organisations_named_by_nouns(mentions, article.text, language, in_full_names)
    organisations_named_with_firm_suffixes(mentions, language, in_full_names)
    organisations_by_neuter_pronouns(mentions, article.text, doc, language)
    persons_named_by_kin(mentions, article.text, language)
    mentions = list_members(mentions, doc, language)
    persons_paired_by_slashes(mentions, article.text)
    examples_of_kinds(mentions, article.text, language)
    mentions += teams_in_brackets(mentions, article.text, language)
    mentions = names_of_heads(mentions, article.text, language)
    mentions += names_with_heads(mentions, doc, language)
    mentions = units_named_by_ordinals(mentions, article.text, language)
    mentions = roads_with_their_numbers(mentions, article.text, language)
    mentions = persons_of_lands(mentions, article.text, language)
    mentions = persons_with_peerages(mentions, article.text, language)
    mentions += towns_after_organisations(mentions, article.text, language)
    taken = covered(mentions)
    mentions += _extra_mentions(doc, language, taken)
    mentions += _places_before_regions(article.text, doc, mentions)
    mentions = recover_toponyms(mentions, article.text, doc, language)
    # after the toponyms' rules, which read a list of places into « Lila, 3 ans, et Adélaïde, 26 mois »
    persons_by_ages(mentions, article.text, language)
    mentions += names_repeated_in_lower_case(article.text, mentions, language)
    mentions += lowercase_countries(doc, language, covered(mentions))
    teams_shown_playing(mentions, article.text, language)
    mentions = with_titles(mentions, article.text, doc, language)
    return _without_weekdays(mentions, language)


def _without_weekdays(mentions: list[Mention], language: str) -> list[Mention]:
    """A weekday alone names nothing ("in Saturday's shooting", « Vendredi, la police … »), though
    GeoNames lists "Saturday" among the other names of a Zambian province and a model tags one
    opening a sentence."""
    days = weekday_names(language)
    return [mention for mention in mentions if mention.text not in days]


def entity_at(article: Article, start: int, end: int) -> Entity | None:
    """The entity mention covering ``text[start:end]`` (or the first one inside it, the whole
    rather than a mention nested at its start: "Ukrainian President", not its "Ukrainian"), if any.

    For speakers, actors and locations: ``entity_at(article, span.start, span.end)``.
    """
    inside = None
    for item in article.entities:
        if item.start <= start and end <= item.end:
            return item
        if start <= item.start and item.end <= end and (
                inside is None or item.start == inside.start and item.end > inside.end):
            inside = item
    return inside


# -- mentions from the model ------------------------------------------------------------------


def _model_mentions(text: str, doc: Doc, language: str) -> list[Mention]:
    if ner_backend(language) == "natasha":
        spans = _natasha_spans(text)
    else:
        spans = [(_without_leading_stop_words(ent), _without_trailing_common_words(ent), ent.label_)
                 for ent in doc.ents if ent.label_ in LABELS]
    mentions = []
    for start, end, model_label in _cut_at_spaced_dashes(text, _cut_at_line_breaks(text, spans)):
        label = LABELS.get(model_label)
        if label is None:
            continue
        start, end = _trim(text, start, end, language)
        if end <= start:
            continue
        words = text[start:end]
        if LONE_LETTER.fullmatch(words):
            continue  # "groupe C", "Louis" + "XIV" cut apart, OCR debris: a letter alone names nothing
        if words in weekday_names(language):
            continue  # a weekday alone names nothing (see _without_weekdays); no evidence for the rules after
        kind = "demonym" if _is_demonym(words, label) or _demonym_before_noun(words, doc, end) else "name"
        mentions.append(Mention(start, end, words, "MISC" if kind == "demonym" else label, kind,
                                lemma=name_lemma(words, language)))
    return mentions


def _cut_at_line_breaks(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans as they are, except one over a line break, which is cut into lines. Its first line
    that holds a capital letter is kept: the name is where the model's span began. A later line
    is the next block glued on and is kept only as a dateline's place (followed by a comma or a
    dash, "ДАНМОР, 8 ноября"): as a span of its own, a heading or a page's "Аккаунт" link under
    a byline became a false name (22 times on one Russian page). A line without a capital is
    words the model glued on ("réseau")."""
    cut: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if not LINE_BREAK.search(text, start, end):
            cut.append((start, end, label))
            continue
        first = True
        for line in LINE.finditer(text, start, end):
            words = line.group()
            piece_start = line.start() + len(words) - len(words.lstrip())
            piece_end = line.start() + len(words.rstrip())
            if not any(char.isupper() for char in text[piece_start:piece_end]):
                continue
            if first or DATELINE_END.match(text, piece_end):
                cut.append((piece_start, piece_end, label))
            first = False
    return cut


def _cut_at_spaced_dashes(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans cut at a dash with a space on each side: lists of names ("cast: Ann Vey - Tom Ruel"),
    captions and scores ("Ann Vey - 209") put one there, and a name never holds one (a
    hyphenated name has no spaces around its hyphen). Pieces without a capital letter go."""
    cut: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        position = start
        for dash in SPACED_DASH.finditer(text, start, end):
            cut.append((position, dash.start(), label))
            position = dash.end()
        cut.append((position, end, label))
    return [(a, b, label) for a, b, label in cut if any(char.isupper() for char in text[a:b])]


def _without_leading_stop_words(ent) -> int:
    """Start of a demonym span without its leading function words ("Several Albanian" → "Albanian").

    In names, a capitalised leading function word is part of the name ("La Rochelle", "Ai
    Kago"), and so is a name particle ("de Villepin"); a lower-case article or other function
    word is not ("an HP Pavilion", "the Orvane Trust").
    """
    if len(ent) < 2 or not ent[0].is_stop:
        return ent.start_char
    if not demonym_country(ent[-1].text):
        index = 0
        while (index < len(ent) - 1 and ent[index].is_stop and ent[index].is_alpha and ent[index].text.islower()
               and ent[index].text not in name_particles()):
            index += 1
        return ent[index].idx
    for token in ent[:-1]:
        if not (token.is_stop and token.is_alpha):
            return token.idx
    return ent[-1].idx


def _is_demonym(words: str, label: str) -> bool:
    """"Ukrainian" (NORP) is a demonym; "Suisse" tagged as a place is Switzerland itself."""
    if label in ("PER", "ORG") or not (demonym_country(words) or region_demonym(words)):
        return False
    return label != "LOC" or not candidates(words)


def _demonym_before_noun(words: str, doc: Doc, end: int) -> bool:
    """A demonym the model called a person or an organisation, right before a lower-case noun
    ("the Slovak architect", "Slovak news"), is used as an adjective: a demonym. A surname that
    spells one ("English said") is followed by a verb, and stays. A demonym of several words
    ("Sri Lankan", "South African") is the name of no person or body, wherever it stands, unless
    it also names a place ("Christmas Island")."""
    if not (demonym_country(words) or region_demonym(words)):
        return False
    if " " in words.strip():
        return not candidates(words)
    following = next((token for token in doc if token.idx >= end), None)
    return following is not None and following.idx <= end + 1 and following.is_lower and following.pos_ == "NOUN"


def _without_trailing_common_words(ent) -> int:
    """End of a span without lower-case words that follow a known name ("OTAN lundi" → "OTAN")."""
    for size in range(len(ent) - 1, 0, -1):
        rest = ent[size:]
        # Lower-case adjectives belong to names ("Union européenne", "Banque mondiale").
        if not all(token.is_lower and token.pos_ not in ("ADJ", "PROPN") for token in rest):
            break
        head = ent[:size].text
        if alias_of(head) or any(entry.place.population >= SETTINGS.entity_fallback_min_population for entry in candidates(head)):
            return ent[:size].end_char
    return ent.end_char


def _trim(text: str, start: int, end: int, language: str) -> tuple[int, int]:
    """Drop a possessive ending, marks before the name and a leading article ("the Kremlin's" →
    "Kremlin", "`` Army of Me" → "Army of Me")."""
    marks = LEADING_MARKS.match(text, start, end)
    if marks:
        start = marks.end()
    possessive = POSSESSIVE.search(text, start, end)
    if possessive and possessive.start() > start:
        end = possessive.start()
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ").":
        end -= 1
    # Only a lower-case article is dropped ("the Kremlin"); a capitalised one may be part of
    # the name ("La Rochelle", "The Hague", "Le Monde").
    words = text[start:end]
    for article in lang.articles(language):
        if words.startswith(article) and len(words) > len(article):
            start += len(article)
            break
    return start, end


@cache
def _natasha():
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def _natasha_spans(text: str) -> list[tuple[int, int, str]]:
    from natasha import Doc as NatashaDoc

    segmenter, tagger = _natasha()
    parsed = NatashaDoc(text)
    parsed.segment(segmenter)
    parsed.tag_ner(tagger)
    return [(span.start, span.stop, span.type) for span in parsed.spans]


# -- repairs of the model's mentions ---------------------------------------------------------


def _without_heading_words(mentions: list[Mention], text: str, language: str) -> list[Mention]:
    """Drop a lone capitalised common word the model took for a person in a heading ("Also at
    Walmart\n\nNew Price Drop: …" gave "Drop" PER; "Range and Charging" gave "Range").

    Since no mention crosses a line break, the model sometimes tags one word of the next block's
    heading alone. Such a word is dropped when its line is a heading (every word capitalised
    but function words) naming nothing else of that kind, the language's lemmatizer knows the
    word in lower case, and the article names it nowhere outside a heading: "Trump" in the
    headline "Trump Visits Berlin" stays when the text under it names Donald Trump, "Drake" in
    "Bob Marley, Bruno Mars, Drake" stays beside the other persons. Organisations are left
    alone: brands are common words ("Get it at Target for $49", "Get it on Amazon").
    """
    common = lowercase_words(language)
    if not common:
        return mentions
    names = [m for m in mentions if m.kind == "name"]
    starts = _line_starts(text)
    lines = {id(m): _line_of(starts, m.start) for m in names}
    headings = {start: _is_heading(text, start, language) for start in set(lines.values())}
    in_prose = {fold(word) for m in names if not headings[lines[id(m)]] for word in m.text.split()}
    kinds_by_line: dict[int, list[str]] = {}
    for mention in names:
        kinds_by_line.setdefault(lines[id(mention)], []).append(mention.label)

    def heading_word(mention: Mention) -> bool:
        words = mention.text
        line = lines.get(id(mention))
        return (line is not None and headings[line] and mention.label == "PER"
                and kinds_by_line[line].count(mention.label) == 1 and " " not in words
                and words[:1].isupper() and not words.isupper() and words.lower() in common
                and fold(words) not in in_prose)

    kept = [m for m in mentions if not heading_word(m)]
    for mention in kept:
        line = lines.get(id(mention))
        if line is not None and headings[line] and mention.label == "PER":
            _trim_heading_words(mention, common, in_prose)
    return kept


def _trim_heading_words(mention: Mention, common: frozenset[str], in_prose: set[str]) -> None:
    """A heading's person glued to the verb after it ("Baker Visits Dunmore" gave "Baker
    Visits"): trailing words the lemmatizer knows in lower case, and that no name of the prose
    holds, are cut off, when what is left is a name the prose gives."""
    words = mention.text.split(" ")
    cut = len(words)
    while cut > 1 and _is_common_word(words[cut - 1], common) and fold(words[cut - 1]) not in in_prose:
        cut -= 1
    if cut < len(words) and all(fold(word) in in_prose for word in words[:cut]):
        mention.text = " ".join(words[:cut])
        mention.end = mention.start + len(mention.text)


def _is_common_word(word: str, common: frozenset[str]) -> bool:
    """Whether the lemmatizer's index knows the word, or its stem before a plural or third-person
    "-s"/"-es" ("Visits", "Wins"): the index holds dictionary forms only."""
    lower = word.lower()
    return lower in common or (lower.endswith("s") and (lower[:-1] in common or (lower.endswith("es") and lower[:-2] in common)))


def _line_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in LINE_BREAK.finditer(text))]


def _line_of(starts: list[int], position: int) -> int:
    return starts[bisect_right(starts, position) - 1]


def _is_heading(text: str, start: int, language: str) -> bool:
    """Whether the line at ``start`` is a heading: every word capitalised except function words
    ("Get it on Amazon for $139" is one, "Drake said on Monday" is not)."""
    line = LINE.match(text, start)
    if line is None:
        return False
    stop_words = pipeline(language).Defaults.stop_words
    return all(word[0].isupper() or word.lower() in stop_words for word in LINE_WORD.findall(line.group()))


def _labels_from_heads(mentions: list[Mention], language: str) -> None:
    """A name of several words whose head says what it is ("Dorvan District", "Kessel University",
    "Lac Mérou", "Parti Veltan") takes that kind, from ``[heads]`` of ``lang/<iso>/entities.toml``:
    no person's name ends in "District" or starts with "University". A person becomes a place
    or an organisation, an organisation a place and a place an organisation; a head word
    shared by both kinds is listed in neither."""
    heads = _heads(language)
    if not heads:
        return
    for mention in mentions:
        words = mention.text.split()
        if mention.kind != "name" or len(words) < 2 or (words[0] not in heads["any"] and words[-1] not in heads["any"]):
            continue
        for label, key in (("LOC", "place"), ("ORG", "organisation")):
            if mention.label != label and (words[-1] in heads[f"{key}_last"] or words[0] in heads[f"{key}_first"]):
                if alias_of(mention.text) is None:
                    mention.label = label
                break


@cache
def _heads(language: str) -> dict[str, frozenset[str]]:
    """The ``[heads]`` lists of the entities file as sets, with "any" holding every head."""
    table = lang.load(language, "entities").get("heads", {})
    if not table:
        return {}
    heads = {f"{kind}_{end}": frozenset(table.get(f"{kind}_{end}", ())) for kind in ("place", "organisation") for end in ("first", "last")}
    return heads | {"any": frozenset().union(*heads.values())}


def _places_named_as_people(mentions: list[Mention], text: str, doc: Doc, language: str) -> None:
    """Relabel as places the lone-word "persons" that the article shows to be places.

    The French model tags towns as persons ("Val-Sorel", many communes). A one-word PER mention
    that no full name of the article contains (no given name, so no evidence of a person) is a
    place when that name follows a place preposition somewhere in the article ("à Val-Sorel",
    from ``place_prepositions`` in ``lang/<iso>/entities.toml``) or, in capitals, opens a dateline ("VAL-SOREL, 3
    mars"). Every lone mention of that name then becomes the place: the headline "Val-Sorel : la
    grève" as well as "à Val-Sorel". The model's own LOC elsewhere is no evidence: it errs both
    ways (on old French newspapers it tags a surname LOC once among several PERs). After a
    preposition, a name that is somewhere the subject of a verb stays a person: "à" also
    introduces whom one visits or speaks to ("visite à Castaing", then "Castaing a déclaré").
    """
    people = [m for m in mentions if m.kind == "name" and m.label == "PER"]
    in_full_names = {fold(word) for m in people if " " in m.text.strip() for word in m.text.split()}
    lone = [m for m in people if " " not in m.text.strip() and fold(m.text) not in in_full_names]
    if not lone:
        return
    places = {fold(m.text) for m in lone if _in_dateline(text, m.text)}
    after_preposition = place_preposition(language)
    if after_preposition is not None:
        # The preposition may stand before a mention the model already called a place ("à
        # Val-Sorel" LOC, the headline's "Val-Sorel" PER).
        named = [m for m in mentions if m.kind == "name" and m.label in ("PER", "LOC")]
        after = {fold(m.text) for m in named
                 if after_preposition.search(text, max(0, m.start - SETTINGS.entity_preposition_window), m.start)}
        places |= after - {fold(m.text) for m in lone if is_subject(doc, m)}
    for mention in lone:
        if fold(mention.text) in places:
            mention.label = "LOC"


def _places_with_shared_heads(mentions: list[Mention], text: str, doc: Doc, language: str) -> None:
    """A name whose head is a place noun that surnames share ("Kestrel Bay", as in "Michael Bay";
    ``shared_place_heads_last|first`` of the entities file) is left alone by the head rule, and
    the model tags it a person in one sentence and a place in the next. It is a place in every
    mention when the article shows it as one — in a dateline, after a preposition of places
    (``shared_place_head_prepositions``: "above Kestrel Bay"), or labelled a place somewhere — and shows no trace of a person: no given name opens it (big
    places included: "Victoria Park" stays), no honorific stands before it, and it is nowhere
    the subject of a verb of saying or thinking (the language's quote cues: "Hill said"; a
    town may be the subject of other verbs, "Pointe Marvelle reste coupée")."""
    data = lang.load(language, "entities")
    last, first = frozenset(data.get("shared_place_heads_last", ())), frozenset(data.get("shared_place_heads_first", ()))
    if not (last or first):
        return
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.kind == "name" and mention.label in ("PER", "ORG", "LOC"):
            groups.setdefault(fold(mention.text), []).append(mention)
    given = all_given_names()
    after_preposition = _shared_head_preposition(language)
    for group in groups.values():
        words = group[0].text.split()
        if len(words) < 2 or all(m.label == "LOC" for m in group) or not (words[-1] in last or words[0] in first):
            continue
        rest = words[:-1] if words[-1] in last else words[1:]
        if not all(word[:1].isupper() for word in rest) or rest[0] in given or alias_of(group[0].text) is not None:
            continue
        if any(_speaks(doc, m, language) or after_honorific(text, m, language) for m in group):
            continue
        shown = (_in_dateline(text, group[0].text) or any(m.label == "LOC" for m in group)
                 or (after_preposition is not None and any(
                     after_preposition.search(text, max(0, m.start - SETTINGS.entity_preposition_window), m.start) for m in group)))
        if shown:
            for mention in group:
                mention.label = "LOC"


def _speaks(doc: Doc, mention: Mention, language: str) -> bool:
    """Whether a word of the mention is the subject of a verb of the language's quote cues,
    read as the quote annotator reads them (quote_rules.is_speech_verb)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and any(
        token.dep_.startswith("nsubj")
        and is_speech_verb(language, doc.text, token.head.idx, token.head.idx + len(token.head.text))
        for token in span)


@cache
def _shared_head_preposition(language: str) -> re.Pattern[str] | None:
    words = lang.load(language, "entities").get("shared_place_head_prepositions", [])
    if not words:
        return None
    return re.compile(rf"(?<!\w)(?:{lang.alternation(words, flexible_spaces=True)})[ \t\xa0]+$", re.IGNORECASE)


def _known_places_after_prepositions(mentions: list[Mention], text: str, doc: Doc, language: str) -> None:
    """A name of several words taken for a person ("Castelo Branco"), or any name taken for an
    organisation, is a place when the gazetteer knows it and the article puts it after a place
    preposition ("in Castelo Branco", "à Vila Real"). A full name is evidence of a person,
    so here the gazetteer must agree; a name that is somewhere the subject of a verb, an
    alias of the entity files, a common word ("Echoes in Time") or a name with a lower-case
    word ("dédiée à saint Pierre") stays as the model gave it."""
    after_preposition = place_preposition(language)
    if after_preposition is None:
        return
    common = lowercase_words(language)
    suspects = [m for m in mentions if m.kind == "name" and alias_of(m.text) is None
                and (m.label == "ORG" or (m.label == "PER" and " " in m.text.strip()))
                and all(word[:1].isupper() for word in m.text.split()) and m.text.lower() not in common
                and candidates(m.text)]
    if not suspects:
        return
    after = {fold(m.text) for m in suspects
             if after_preposition.search(text, max(0, m.start - SETTINGS.entity_preposition_window), m.start)}
    after -= {fold(m.text) for m in suspects if is_subject(doc, m)}
    for mention in suspects:
        if fold(mention.text) in after:
            mention.label = "LOC"


def _in_dateline(text: str, name: str) -> bool:
    """Whether the name, in capitals, opens a line as a dateline's place (followed by a comma or
    a dash: "VAL-SOREL, 3 mars 2025 – Les trains …"), tagged by the model or not."""
    dateline = re.compile(f"(?:^|[{LINE_BREAK_CHARS}]){re.escape(name.upper())}{DATELINE_END.pattern}")
    return dateline.search(text) is not None


# -- mentions the model misses --------------------------------------------------------------


def _extra_mentions(doc: Doc, language: str, taken: set[int]) -> list[Mention]:
    found: list[Mention] = []
    has_model = bool(doc.ents) or "ner" in pipeline(language).pipe_names or ner_backend(language) == "natasha"
    if not has_model:
        # Known names and the language file's patterns (annotate/names.py); a language with
        # case but no [names] table gets capitalised known names only.
        if has_name_patterns(language) or not is_cased(doc.text):
            found += pattern_mentions(doc, language, taken)
        else:
            found += _gazetteer_mentions(doc, taken)
        taken = taken | covered(found)
    not_places = {fold(word) for word in lang.load(language, "entities").get("lowercase_not_places", [])}
    for token in doc:
        if token.idx in taken or not token.is_alpha:
            continue
        if (demonym_country_in(token.text, language) or region_demonym(token.text)) and (token.pos_ in ("ADJ", "PROPN", "NOUN") or (not token.pos_ and token.is_title)):
            found.append(Mention(token.idx, token.idx + len(token), token.text, "MISC", "demonym"))
        elif token.is_lower and len(token) >= 4 and fold(token.text) not in not_places and _is_big_place(token):
            found.append(Mention(token.idx, token.idx + len(token), token.text, "LOC"))
    return found


def _is_big_place(token) -> bool:
    if token.pos_ not in ("PROPN", "NOUN", "X", "") or token.is_stop:
        return False
    # Under the place's own name only: GeoNames' other names of cities are words too ("Soul" of
    # Seoul, "Logos" of Lagos), and a lower-case word is the word.
    return any(
        entry.main_name and spelt_as_written(token.text, entry.place.name)
        and entry.place.kind == "city" and entry.place.population >= SETTINGS.entity_lowercase_min_population
        for entry in candidates(token.text)
    )


def _gazetteer_mentions(doc: Doc, taken: set[int]) -> list[Mention]:
    """Known places and aliases among capitalised words, for languages without a NER model."""
    found: list[Mention] = []
    index = 0
    while index < len(doc):
        match = None
        if doc[index].is_title or doc[index].is_upper:
            for size in range(min(SETTINGS.entity_fallback_max_words, len(doc) - index), 0, -1):
                span = doc[index : index + size]
                if any(i in taken for i in range(span.start_char, span.end_char)) or LINE_BREAK.search(span.text):
                    continue
                words = span.text.rstrip(".,;:!?")
                label = _gazetteer_label(words)
                if label:
                    match = Mention(span.start_char, span.start_char + len(words), words, label)
                    break
        if match:
            found.append(match)
            index += len(match.text.split()) or 1
        else:
            index += 1
    return found


def _gazetteer_label(text: str) -> str | None:
    alias = alias_of(text)
    if alias:
        return alias[1]
    for entry in candidates(text):
        if entry.place.kind != "city" or entry.place.population >= SETTINGS.entity_fallback_min_population:
            return "LOC"
    return None


def _places_before_regions(text: str, doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"Paris, Texas", "Springfield, Illinois": a capitalised word the model missed, followed by a
    comma and a region or country it found, is a place when the gazetteer has a town of that
    name there."""
    found: list[Mention] = []
    taken = covered(mentions)
    by_start = {m.start: m for m in mentions if m.label == "LOC" and m.kind == "name"}
    for token in doc:
        if not token.is_title or token.idx in taken or token.i + 2 >= len(doc) or doc[token.i + 1].text != ",":
            continue
        region = by_start.get(doc[token.i + 2].idx)
        if region is None:
            continue
        regions = {(e.place.country, e.place.admin1 if e.place.kind == "admin1" else None) for e in candidates(region.text)
                   if e.place.kind in ("admin1", "country")}
        towns = [e.place for e in candidates(token.text) if e.place.kind == "city"]
        if any((town.country, None) in regions or (town.country, town.admin1) in regions for town in towns):
            found.append(Mention(token.idx, token.idx + len(token), token.text, "LOC"))
    return found
