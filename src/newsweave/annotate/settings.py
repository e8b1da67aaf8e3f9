"""The annotate stage's settings: one frozen object, printed by ``newsweave stats --json``.

Each value says why it is what it is; the measurements behind the tuned ones are in
docs/quality.md.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AnnotateSettings:
    # Below this confidence the answer is reported but no later stage should trust it.
    language_min_confidence: float = 0.5
    # Characters of the article given to a detector: the opening paragraphs decide, and a cap
    # keeps the cost of one call bounded whatever the article's length.
    language_sample_chars: int = 2000
    # Texts shorter than this go to lingua in the hybrid detector: from this length on fastText is
    # as accurate and much faster, below it lingua is far better (docs/quality.md, language
    # identification by sentence length, bench/langid.py).
    language_hybrid_short_chars: int = 40
    # How far past a closing mark and before an opening mark attribution is looked for:
    # "…," said the former secretary of state in a statement (about 12 words); '…” study lead
    # author Lucas Paganini, a planetary scientist at …, said' needs room for a long aside.
    quote_after_window: int = 220
    quote_before_window: int = 250
    # How many words after a source's comma may open its appositive before the title or role that
    # shows it is one ("Según Ana Roca, directora del hospital, …", "According to Jo Ash, a senior
    # spokeswoman for …"): the reported words start after the appositive's comma.
    quote_role_words: int = 4
    # A quote without cue or speaker nearby is kept (and flagged unsourced) only when it is long
    # enough to be speech rather than a scare-quoted term ("so-called “reform”").
    quote_min_unattributed_words: int = 6
    # Split quotes: the gap between two halves that share a speaker ("…," he said, "…").
    quote_split_gap: int = 90
    # A sentence opener before a quote attributed after it ("Pour l'heure, « … », a déclaré X."):
    # at most this many words, longer ones are a clause of the writer's
    quote_opener_words: int = 3
    # The writer's opener before a quote whose speaker and cue close the sentence ("Based on her
    # record, “…,” Jo Ash said."), read as one reported sentence: at most this many words
    quote_reported_opener_words: int = 12
    # How far back the sentence before a quote is read.
    quote_previous_window: int = 300
    # How far before a name its honorific or title is read ("la ministre de la Santé, Anne X").
    speaker_marker_before: int = 45
    speaker_marker_after: int = 70
    # How far back a person marked with a pronoun's gender is preferred to a nearer unmarked one (two
    # or three sentences).
    speaker_agreement_reach: int = 400
    # How far back a speaker the text leaves out (« “…”, añadió. ») may be a person the text shows to be
    # one (a gender it marks, or a quote it gives them): in real Spanish copy the last speaker often
    # stands a few paragraphs up.
    speaker_dropped_subject_reach: int = 1200
    # The words of a verb that a source pattern takes along before an organisation (« según ha
    # informado Diario Sur »: two)
    speaker_source_verb_words: int = 2
    # How far after a person's name another name may stand in that person's description ("Jo Ash, who
    # runs a shelter near the Ben Adair bridge,"): such a name is no antecedent of a later pronoun.
    speaker_description_reach: int = 150
    # How many sentences back a pronoun speaker follows a chain of subject pronouns ("He thanked Jo Ash.
    # He left. “…,” he said.") to the sentence whose subject names the person.
    speaker_subject_sentences: int = 3
    # The longest word read as a title's abbreviation, not a given name, where a full name's first word
    # is unknown to the lexicon ("Adv", "Sgt" before a surname; "Irshad" is a given name).
    speaker_title_abbreviation_letters: int = 3
    # How far back a quarter mention sets the granularity of "a year earlier" (about two
    # paragraphs of a business story; set on the TE3 dev set's earnings reports).
    timex_quarter_context: int = 1200
    # How far around a match we look for tense cues ("will", "sera") when a weekday or month
    # has no year: about one clause.
    timex_cue_window: int = 60
    # Days of penalty for a month or day on the wrong side of the anchor: after it in a clause
    # not in the future (news mostly reports), before it in a clause in the future ("will
    # reopen in January", written in February: next January). Set on the TE3 tune half.
    timex_wrong_side_past: int = 120
    timex_wrong_side_future: int = 365
    # ... and before it in a clause whose only cue is a verb in the present: a plan ("Im Oktober
    # wechselt die Chefin"), unless the month or day is one just past (headlines and figures
    # report in the present: "El paro baja en enero", written in February). Set by reading
    # German and Spanish news of the tune half.
    timex_wrong_side_plan: int = 200
    # Title + opening characters embedded for story similarity: the shortest lead that keeps
    # the same-story correlation near its best, at a fraction of the engine's cost per article
    # (docs/quality.md, "Story similarity", the lead-length table and the note on 150).
    embedding_lead_chars: int = 150
    # Score of a candidate: log10(population) plus these bonuses. A named country is worth
    # about three orders of magnitude of population (Paris, Texas, pop. 25k, next to "Texas"
    # beats Paris, France, pop. 2.1M); set by hand on the Paris/Moscow/Georgia test cases.
    # With cities500 in the gazetteer, 3.0 let villages of a named country beat world cities
    # (Toronto, New South Wales over Toronto, Ontario); tuned on the tune halves of the geo sets.
    geo_same_country_bonus: float = 2.0
    # A town within ``geo_near_km`` of a city the article surely names is likelier than a namesake afar.
    geo_near_km: float = 150.0
    geo_near_bonus: float = 2.0
    # The home country: where at least ``geo_home_min_places`` sure places and ``geo_home_min_share`` of them lie.
    geo_home_min_places: int = 2
    geo_home_min_share: float = 0.6
    geo_home_bonus: float = 1.5
    # Readings within this distance are one place for the confidence (a city and its division).
    geo_same_place_km: float = 100.0
    # A reading this sure (0-1) joins the article's context; below ``geo_min_confidence`` a name stays
    # unresolved rather than be put in the wrong country.
    geo_context_min_confidence: float = 0.6
    geo_min_confidence: float = 0.2
    # A division below this population, in a country the article does not point at, has its
    # confidence multiplied by this factor.
    geo_unsupported_division_max_population: int = 1_000_000
    geo_unsupported_division_factor: float = 0.2
    # A town smaller than this, named by one common word of the article's language ("Valley",
    # "Congress"), is read only where the article's other places vouch for it (0: off). A word
    # is one both the lemmatizer's index and simplemma know: WordNet alone also lists real towns
    # ("Laconia"), and names of several words are places' names ("Falls Village"; stops 33-34).
    geo_word_town_max_population: int = 20_000
    # A name the gazetteer lacks, read at the place it is named after ("Manila Cathedral" at
    # Manila) or that a compass word takes a part of ("South Philadelphia"), has the confidence of
    # that reading times this: the thing named lies in or near the place, not at its point, and
    # the reading is no sure context for the others.
    geo_inner_place_factor: float = 0.8
    # A division gives way to a city of its name at its heart if the city is this big.
    geo_city_over_division_min_population: int = 100_000
    # A demonym is a town's name only if the town is this big ("Canadian", Texas, is not).
    geo_demonym_town_min_population: int = 100_000
    # The confidence a demonym's point carries ("French" names France whatever the context).
    geo_demonym_confidence: float = 1.0
    # The place's own main name beats a match on one of its alternate names.
    geo_main_name_bonus: float = 1.0
    # A national capital is what its name means unless the article points at a namesake's state:
    # "Paris", "Berlin" and "London" in a story that also names the United States stay in Europe,
    # "Paris" next to "Texas" does not (country + state bonus beat the capital's).
    geo_capital_bonus: float = 1.5
    # "Town, Region": a reading of the town inside the region written right after it.
    geo_pair_bonus: float = 5.0
    # The home division (local news: the state most of the article's sure places lie in, or one it
    # names): at least ``geo_home_min_places`` sure places and ``geo_home_region_min_share`` of those in the home
    # country.
    geo_home_region_min_share: float = 0.5
    geo_home_region_bonus: float = 1.5
    # A town and a county (second-level division) that contains it, both named in the article
    # ("Paris" and "Henry County"): each of the two readings gets this bonus.
    geo_nested_bonus: float = 4.0
    # Two ambiguous names of an article whose readings meet in one spot only ("Maple Ford" and
    # "Ouest-Brook", each a town name of several states, with just one pair of namesakes within
    # ``geo_neighbours_km`` of each other): each of the two readings gets this bonus.
    geo_neighbours_km: float = 40.0
    geo_neighbours_bonus: float = 2.0
    # ... and a county's reading and a town's within this many km: a county's point is its middle.
    geo_neighbours_county_km: float = 60.0
    # The country of publication (from the site's address) counts as this many sure places of the
    # home-country vote, and as a country the article points at.
    geo_publication_weight: int = 1
    # A reading in a country the article does not otherwise point at loses this much when another
    # reading of the name has local support (near a sure place, inside a division the article
    # names or in its home state, or a state holding a sure town): "Lebanon" next to Myerstown is
    # the Pennsylvania town, "Georgia" next to Atlanta the US state.
    geo_foreign_penalty: float = 4.0
    # A city of at least ``geo_metropolis_min_population`` is what its name means over a namesake town
    # ``geo_metropolis_ratio`` times smaller whose state the article merely names elsewhere.
    geo_metropolis_min_population: int = 500_000
    geo_metropolis_ratio: float = 20.0
    # A site's home division: the one where the sure places of at least ``geo_site_home_min_articles``
    # of its articles lie, and of at least ``geo_site_home_min_share`` of those that have any.
    geo_site_home_min_articles: int = 2
    geo_site_home_min_share: float = 0.5
    # Two surname keys this similar (rapidfuzz ratio, 0-100) are one surname: "putin" and
    # "putine" (Poutine) score 91; distinct surnames sharing a stem ("petrov"/"petrova")
    # score 92, which is why the first names must agree as well.
    name_surname_similarity: int = 90
    # First names agree when their keys are this similar and start with the same letter, or
    # when one is an initial: "volodymyr"/"vladimir" (Ukrainian/Russian forms) score 59,
    # "mihail"/"michael" 77, "john"/"jane" 50 (kept apart).
    name_first_name_similarity: int = 55
    # A one-word "person" naming a city this big is taken as the city (the small English model
    # tags "Kyiv" as a person now and then); smaller towns are too often also surnames.
    name_person_place_min_population: int = 1_000_000
    # A lower-case word is taken as a place only when it names a city this big (kyiv, kharkiv);
    # smaller towns and even countries share their names with common words too often
    # ("réunion" is a meeting, "turkey" a bird).
    entity_lowercase_min_population: int = 1_000_000
    # Without a NER model, capitalised words are taken as places only for cities this big.
    entity_fallback_min_population: int = 100_000
    entity_fallback_max_words: int = 3
    # How far back from a name its preposition is looked for ("près de " is 8 characters).
    entity_preposition_window: int = 24
    # Given names (annotate/given_names.py): shorter ones ("Al", "Bo") are too often other words;
    # a person's name taken on a given name's evidence has at most this many words.
    given_name_min_length: int = 3
    given_name_max_words: int = 3
    # Capitalised words that may stand between a given name and last name and the head that shows
    # them as an organisation's or a place's name ("Aston Villa Football Club").
    given_name_head_gap_words: int = 2
    given_name_max_extended_words: int = 4
    # A given name that the lemmatizer lists only as a noun still counts when this many of
    # Faker's locales list it: WordNet holds famous bearers as nouns ("paul", "arthur").
    given_name_noun_min_locales: int = 4
    # A name the model missed and a head word names ("Aomori Prefecture") has at most this many words.
    name_head_max_words: int = 4
    toponym_max_words: int = 4
    # A town split by the model into two names ("Mission" + "Viejo") is joined again only when it has this many people.
    toponym_split_town_min_population: int = 20_000
    # A country named in capitals outside a dateline is its initials ("US", "DRC"); longer is heading type.
    toponym_max_initials: int = 3
    # Characters before a name searched for the preposition (and its article).
    toponym_preposition_window: int = 24
    # A town is taken on a preposition's word alone if it is this big; a name that is also a common
    # word of the language, or written in lower case, needs ``toponym_big_place_population`` (or to be a country,
    # a division or a sea).
    toponym_min_town_population: int = 1_000
    # A lower-case name shorter than this is a word ("la", "en"), never taken as a place.
    toponym_min_lowercase_length: int = 4
    toponym_big_place_population: int = 100_000
    # A town named inside an organisation's or a building's name ("Paris Police Department",
    # "Lutheran School in Lombard") is taken as a place of its own from this size on.
    toponym_embedded_town_min_population: int = 1_000
    # An "organisation" whose whole name is a town this big is the town (its council, its team:
    # news names them by the town, and the gazetteer's main names are not company names).
    toponym_organisation_town_min_population: int = 20_000
    # A lone capitalised word is taken as a place only for cities this big: smaller towns share
    # their names with common words ("Essen", "Hof" in German).
    name_lone_place_min_population: int = 100_000
    # A lone noun of the lexicon stays a capital's name when spelt this much like the capital's
    # main name (rapidfuzz ratio of the folded names): an exonym, not another word GeoNames lists.
    name_capital_exonym_similarity: int = 80
    # ... and a lone word that the lexicon reads as a common noun needs, unless a big town bears
    # it as its own name, this many declined forms of it that the lexicon leads back to it
    # ("Mannes", "Manne" → "Mann"): one alone may be a lemmatizer's slip.
    name_noun_inflected_forms_min: int = 2
    # ... and a noun's stem before one of the language's endings ("Berg" of "Bergen") is read only
    # from this length: shorter stems are syllables of names as often as nouns.
    name_noun_stem_min_chars: int = 3
    # ... and for smaller towns right after a preposition of places ("in Tutzing"), from this size:
    # villages bear the names of nouns that follow "in" ("in Brand", "in Panik", "in Gang").
    name_town_after_preposition_min_population: int = 5_000
    # A division's other name that is a noun too ("Auto" of Araba) stays a place only for a
    # division this big: news writes big regions under their exonyms ("Bayern", "Elsass").
    name_division_exonym_min_population: int = 1_000_000
    name_max_words: int = 6
    # In a script without case, known names are looked for up to this many characters long.
    name_max_caseless_chars: int = 24
    name_min_caseless_chars: int = 2
    # A place or organisation the article writes capitalised is looked for again in lower case
    # (machine translation: "rotterdam") when its name has at least this many letters.
    name_lowercase_repeat_min_length: int = 4
    # Lower-case country names ("united states", "pays-bas") are read up to this many words long.
    name_country_max_words: int = 3
    # How far before a name its kind's plural noun and example cue are read ("banks such as X").
    name_example_window: int = 60
    # Years searched around the anchor year for a weekday that fits a day and month: the weekday
    # of a date repeats every 5, 6 or 11 years, so ±12 always finds the nearest fits.
    published_year_search: int = 12
    # A year counted from ("two years after the 2022 invasion") must sit this close to the count.
    published_count_window: int = 80
    # A year named in the past sets a lower bound; a weekday fit further than this beyond it is
    # too loose to trust (a day and month fall on the same weekday every 5, 6 or 11 years).
    published_lower_bound_reach: int = 4
    # With no year in the text, a weekday and date are read as the latest fit before the fetch
    # day only within this many days of it (a page fetched live reports recent days; the same
    # weekday and date recur years apart).
    published_recent_days: int = 60
    # The lead, where the day the article reports is given: two sentences, at most this long.
    published_lead_reach: int = 400
    # A date this close to the start is a dateline ("GENEVA, 3 May —"): the publication day itself.
    published_dateline_reach: int = 60
    # A weekday named without "today"/"yesterday" is at most this many days before publication.
    published_week_after: int = 6
    # How far before a holder's name its role is looked for ("the Ukrainian President Volodymyr …").
    published_role_window: int = 50
    # Days before its fetch day a page fetched live is taken to be published (news crawls fetch
    # within a day or two of publication). The interval the fetch day alone allows.
    published_fetch_reach: int = 2
    # When the text's clues leave no day in that window, the window tried next (a page fetched
    # some days late); an answer there only where the text's clues leave a single day.
    published_late_fetch_reach: int = 6
    # A weekday named in a clause that is not in the future is at most this many days before the
    # day of writing ("Tuesday" in a story of Thursday); "today"/"yesterday" with it fix the gap.
    published_weekday_reach: int = 6
    # A relative phrase and a date this close in one clause are read together ("yesterday, March 5").
    published_pair_reach: int = 30
    # Share of live-fetched pages fetched 0, 1, 2 days after they appeared (Fundus tune half:
    # 43, 6, 4 of 63 pages; the rest are archived), and of the gap 0..6 days between the first
    # weekday a page names in the past and its day (Fundus tune half, 22 pages, smoothed by 0.5).
    published_lag_prior: tuple[float, ...] = (0.68, 0.10, 0.06)
    published_gap_prior: tuple[float, ...] = (0.44, 0.21, 0.06, 0.02, 0.10, 0.06, 0.10)
    # Weight of a day d days from the middle of the publication days of its story's other
    # articles is this to the power d (``link.story_dates``; chosen on the TE3 tune half).
    published_story_prior: float = 0.5
    # How far back from a name its place noun is looked for ("neighbouring villages, " fits).
    place_noun_window: int = 40
    # Share of a list's names that must be places before its persons and organisations that
    # the gazetteer knows become places too (annotate/place_words.py).
    list_place_share: float = 0.6
    # How far around a name its noun of organisations is looked for (", a Dutch online bank" fits),
    # and how many words may stand between the apposition's article and that noun.
    organisation_noun_window: int = 48
    organisation_apposition_words: int = 3
    # How far back from a name a noun phrase of organisations with its complements is looked for
    # (« le plus grand groupe de voyages au monde, » fits).
    organisation_description_window: int = 80


SETTINGS = AnnotateSettings()
