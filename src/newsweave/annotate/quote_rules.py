"""The attribution patterns of one language, built from ``lang/<iso>/quotes.toml`` for
:mod:`newsweave.annotate.quotes`: cue verbs, pronouns, titles and name shapes become regular
expressions for attribution after a quote, before it, in the sentence before or after it, inside
it (French incises), around it (Japanese: speaker before, verb after), for indirect speech and
for quoted fragments inside a speaking subject's sentence. A language file may add raw patterns
(``before_patterns``, ``after_patterns``, ``around_patterns``) where its script has no spaces or
capitals to build them from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from newsweave import lang
from newsweave.lang import NEVER, rule_alternation as alternation
from newsweave.annotate.quote_marks import OPENERS
from newsweave.annotate.quote_sources import PersonSources, person_sources
from newsweave.annotate.geo import fold
from newsweave.annotate.given_names import surnames
from newsweave.annotate.word_sets import calendar_words, capitalises_nouns, lower_case_only, stop_words, weekday_names

UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ"
# the longest name word that a speaker's end looks back over
NAME_WORD_LENGTH = 20
# up to four capitalised words and the comma after them: a name closing a clause ("Ada Quill,");
# one definition for the quotes' inverted cues and the speakers' relative antecedents
NAME_THEN_COMMA = rf"(?:[{UPPER}][\w'’.-]*\s+){{0,3}}[{UPPER}][\w'’-]*,"


@dataclass(frozen=True)
class Rules:
    after: tuple[re.Pattern[str], ...]
    after_open: tuple[re.Pattern[str], ...]
    before: tuple[re.Pattern[str], ...]
    indirect: tuple[re.Pattern[str], ...]
    pronouns: frozenset[str]
    titles: re.Pattern[str]
    inner_incises: tuple[re.Pattern[str], ...] = ()
    previous: tuple[re.Pattern[str], ...] = ()
    neuter: frozenset[str] = frozenset()
    openers: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(OPENERS))
    # (before, after) pairs that hold the speaker before the quote and the cue after it ("X氏は「…」と述べた")
    around: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = ()
    cue_gender: dict[str, str] = field(default_factory=dict)  # "сказала" → "f"
    partial: tuple[re.Pattern[str], ...] = ()
    cue_at_mark: re.Pattern[str] | None = None  # a cue right before a quote's opening mark
    following: tuple[re.Pattern[str], ...] = ()  # the sentence after a quote that names its speaker
    trailing: tuple[re.Pattern[str], ...] = ()  # ", according to X." / ", analysts say." closing a sentence
    # between two quotes, a second speech act of the same speaker ("…,” she said, adding, “…”):
    # the next quote is another utterance, said by the same speaker
    second_act: re.Pattern[str] | None = None
    # "Pour la maire, …" / "For Ada Quill, …": a source whose preposition opens one only for a person
    # or a body (``person_source_prepositions``), which quotes.py tests (not « Pour l'heure, … »)
    person: PersonSources | None = None
    # the pronouns that can be a verb's subject ("he", not "him"): one right before a cue is its subject
    subject_pronouns: frozenset[str] = frozenset()
    # after a name: lower-case title or role words, then the name that is the speaker ("Republican
    # presidential nominee Donald Trump", "Band member Flea"); quotes.py moves the speaker there
    retitle: re.Pattern[str] | None = None
    # a noun and the word that names it, right before a quote ("a campaign called “…”",
    # "a letter titled “…”"): the quote is a name, no speech (``naming_words``)
    naming: re.Pattern[str] | None = None
    # where every noun is capitalised (German): a noun of a person or a body, which a capitalised
    # word after a determiner must be to speak without a cue ("Die Stimmung …: „…“" is no speaker)
    speaking_noun: re.Pattern[str] | None = None
    determiner_words: frozenset[str] = frozenset()
    # a phrase of manner, medium, time or place right after a cue ("in a statement", "by email on
    # Friday", « dans un communiqué ») and what may follow it before the reported clause (a comma,
    # "that", group ``clause``): no reported content of its own (``adjunct_prepositions``)
    adjunct: re.Pattern[str] | None = None
    # between two quotes, the attribution clause goes on with another clause of the writer's up to
    # its sentence end ('…,” Ebeling said, and her husband cut in. “…”'): the next quote is another
    # utterance (a conjunction or ``clause_openers`` word after a comma)
    another_clause: re.Pattern[str] | None = None
    # a whole quoted sentence after the comma of a clause whose verb has the language's shape
    # (``sentence_quote_verb``: "Dean mocked the debate, tweeting, “…”", "Jo Ash proclaimed at a
    # press conference, “…”"): the clause's subject speaks; tried only where no cue gave a speaker
    sentence_verb: tuple[re.Pattern[str], ...] = ()
    # the source that relays reported words, closing their content (", according to the Courier"):
    # no part of what was said
    nested_source: re.Pattern[str] | None = None
    # a relaying source between a quote and its attribution ('“…,” according to CNN, Sanders told
    # delegates.'): no speaker; the attribution after its comma names who spoke
    source_aside: re.Pattern[str] | None = None
    # a surname the language's ``not_names`` holds ("Read"), alone before a cue right after a quote
    # ('…,” Read said.'): quotes.py takes it where the article named it after a given name before
    surname_cue: re.Pattern[str] | None = None
    # relative pronouns that may be a cue's subject ("Mike Lee, who declared, “…”"): such a speaker
    # refers to the name before its comma (speakers.resolve), kind "relative"
    relatives: frozenset[str] = frozenset()
    # the subject that opens the sentence before a quote no rule attributed ("Holmgren, now 37, carried
    # it for years. “…”"): a subject pronoun or a name (not "The mayor visited the streets.", whose quote
    # may be anyone's there), then a verb of the language's shape (``previous_subject``, with
    # ``open_quote_cue`` and ``between_speaker_and_cue``)
    previous_subject: re.Pattern[str] | None = None
    # where the verb comes second: the language whose lexicon is asked whether a word that opens the
    # sentence before an inverted cue (the ``fronted`` group of a ``before`` pattern) is a fronted word
    # („Inzwischen sagte der Minister:“), see :func:`is_fronted_word`
    fronted_language: str | None = None
    # adverbs and auxiliaries that a subject-before-cue pattern may take into the speaker's edge ("She
    # also said", "US analysts have said", « a répondu brusquement Ana Roe »): no part of the mention
    edge_words: frozenset[str] = frozenset()
    # auxiliaries of the passive before a cue ("a court was told", "It was said"): the subject did not speak
    passive_auxiliaries: frozenset[str] = frozenset()
    # after a cue that takes whom it was said to (``addressee_cues``: "told"), that person or body and
    # the word or subject that opens the reported clause ("told the Ledger that …", "told reporters she
    # …"; group ``order``: "told her to leave", an order, no speech)
    addressee: re.Pattern[str] | None = None
    addressee_cues: frozenset[str] = frozenset()
    # the language whose lexicon tells a one-word speaker before a comma from an interjection ("Wait, it
    # gets better:"); None where the language's file does not ask for it (``interjection_lexicon``)
    lexicon_language: str | None = None
    # the verb and whom the words were said to, opening a speaker mention (« según confirmó a Efe Ana
    # Roca »: ``addressee_prepositions``, then a medium): quotes.py starts the speaker after them (``addressee``
    # above is whom a cue's reported clause was said to)
    mention_addressee: re.Pattern[str] | None = None
    # the quoted words are a name in title case ("Million Dollar Mermaid", "All the President's Men,",
    # "Deep Throat"): a work, a nickname or a place, no speech (``title_function_words``, the short
    # words such a name keeps in lower case)
    title_case_name: re.Pattern[str] | None = None
    # the language drops its subjects (« “…”, dijo. »): a capitalised speech verb opening the sentence
    # names no speaker (``pro_drop``)
    pro_drop: bool = False
    # where the verb comes second and the subject of the sentence before a quote may stand behind a
    # fronted phrase („Zur Rentenreform will Brenner nichts sagen.“): the endings that make a word's
    # infinitive (``infinitive_endings``, only with ``previous_subject_fronted``); empty elsewhere
    fronted_subject_endings: tuple[str, ...] = ()
    # the words between a person and the body a cue's subject pattern took ("Lt. Jo Pell of Operation
    # Safe Streets said": ``person_body_links``), from the person's end to the body's start
    person_body_link: re.Pattern[str] | None = None
    # a described person right before a speaker mention whose complement that mention is ("A spokeswoman
    # for Ada Quill said", « Le fromager de Montbrisac a dit que », ``mention_complements``): the phrase up to
    # the mention, searched in the text before it; quotes.py starts the speaker at group ``owner``
    complement_owner: re.Pattern[str] | None = None
    # the complement words alone, as a name's own particle may open the mention (« de Montbrisac »)
    complement_opening: re.Pattern[str] | None = None
    # a capitalised run right before a speaker mention whose complement that mention is ("the US
    # Ambassador to Tarn said", "The League of Coastal Towns wrote", « le Premier ministre de Tarn a dit »):
    # group ``owner`` is where the speaker starts, group ``run`` the capitalised words
    capitalised_owner: re.Pattern[str] | None = None
    # the complement word (and a determiner) that must end the text before the mention for that search
    # to run at all (most mentions follow none: the search is skipped)
    owner_link: re.Pattern[str] | None = None
    # a title of the list inside such a run: the owner is a title, resolved by its role; else it is a
    # body's or a person's own name, kept whole
    owner_title: re.Pattern[str] | None = None
    # prepositions that make the capitalised word after them their object, a place, a time or an occasion
    # („Im Ort kursiert ein Satz: „…““, „Auf der Demo fielen Sätze wie diese: „…““): a cue-less colon
    # introduction's speaker right after one names no speaker (``object_prepositions``)
    object_prepositions: frozenset[str] = frozenset()
    # a printed interview's answer line: the label that opens it after a question line ("A: ",
    # ``answer_labels``), and whether the interviewee's own name may be that label (``name_answer_labels``)
    answer_labels: re.Pattern[str] | None = None
    name_answer_labels: bool = False


def first_letter_alternation(words: list[str]) -> str:
    """As :func:`alternation`, for a pattern compiled case-insensitively, grouped by first letter
    ("(?:s(?:aid|ays)|t(?:old))"): a test run at every word then fails on the first letter for
    most words, where the flat alternation tries every entry."""
    groups: dict[str, set[str]] = {}
    for word in words:
        if word:
            groups.setdefault(word[0].lower(), set()).add(word[1:].lower())
    parts = [re.escape(letter) + "(?:" + "|".join(re.escape(tail) for tail in sorted(tails, key=len, reverse=True)) + ")"
             for letter, tails in sorted(groups.items())]
    return "(?:" + "|".join(parts) + ")" if parts else NEVER


def cue_alternation(words: list[str], completions: dict[str, list[str]]) -> str:
    """The cues as a regex alternative; a cue of ``cue_completions`` counts only when one of its
    words follows in the same clause: German "ließ" is a speech act with "mitteilen" or "wissen"
    ("„…“, ließ sie auf X wissen"), not in "Die Stimmung ließ sich so zusammenfassen: „…“"."""
    conditional = [rf"{re.escape(cue)}{_completion_ahead(tails)}"
                   for cue, tails in sorted(completions.items(), key=lambda item: len(item[0]), reverse=True)]
    return "(?:" + "|".join(conditional + [alternation([word for word in words if word not in completions])]) + ")"


def _completion_ahead(tails: list[str]) -> str:
    """A lookahead for one of a conditional cue's words later in the same clause."""
    return rf"(?=[^.!?;:\n„“”\"»«]{{0,80}}?\b(?:{alternation(tails)})\b)"


def is_speech_verb(language: str, text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` is the verb of one of the language's quote cues,
    read as the quote patterns read them: a one-word cue or any gendered form of ``cue_gender``
    ("powiedziała"); the verb of a cue of several words only with that cue's other words around
    it ("freut" of "freut sich", "déclaré" of "a déclaré"; never "sich", "es" of "hieß es" or
    "statement" of "said in a statement"), the verb being the cue's first word that is no
    auxiliary (``cue_auxiliaries``); a cue of ``cue_completions`` only with one of its words later
    in the clause ("ließ … mitteilen", not "Die Stimmung ließ sich zusammenfassen"). For other
    stages that ask whether a word speaks."""
    word = text[start:end].lower()
    if word in _plain_cue_verbs(language):
        return True
    completion = _completion_checks(language).get(word)
    if completion is not None:
        return completion.match(text, end) is not None
    return any((before is None or before.search(text, max(0, start - 80), start) is not None)
               and (after is None or after.match(text, end) is not None)
               for before, after in _phrase_cue_checks(language).get(word, ()))


@cache
def _plain_cue_verbs(language: str) -> frozenset[str]:
    """The one-word cues and every gendered cue form, lower case, less the conditional ones."""
    data = lang.load(language, "quotes")
    completions = {cue.lower() for cue in data.get("cue_completions", {})}
    gendered = [cue for forms in data.get("cue_gender", {}).values() for cue in forms]
    words = (cue.lower() for cue in data.get("cues", []) + gendered if len(cue.split()) == 1)
    return frozenset(word for word in words if word not in completions)


# the words of a cue before its verb must end right before it, those after it follow it
PhraseCheck = tuple[re.Pattern[str] | None, re.Pattern[str] | None]


@cache
def _phrase_cue_checks(language: str) -> dict[str, tuple[PhraseCheck, ...]]:
    """For the verb of each cue of several words, the words before it and after it in that cue."""
    data = lang.load(language, "quotes")
    auxiliaries = {word.lower() for word in data.get("cue_auxiliaries", [])}
    gendered = [cue for forms in data.get("cue_gender", {}).values() for cue in forms]
    checks: dict[str, list[PhraseCheck]] = {}
    for cue in data.get("cues", []) + gendered:
        words = cue.lower().split()
        at = next((index for index, word in enumerate(words) if word not in auxiliaries), None)
        if len(words) < 2 or at is None:
            continue
        before = re.compile(rf"(?<![\w'’-]){_spaced(words[:at])}\s+$", re.I) if at else None
        after = re.compile(rf"\s+{_spaced(words[at + 1:])}(?![\w'’-])", re.I) if at + 1 < len(words) else None
        checks.setdefault(words[at], []).append((before, after))
    return {word: tuple(found) for word, found in checks.items()}


def _spaced(words: list[str]) -> str:
    """Words as a pattern where any run of spaces parts them."""
    return r"\s+".join(re.escape(word) for word in words)


@cache
def _completion_checks(language: str) -> dict[str, re.Pattern[str]]:
    completions = lang.load(language, "quotes").get("cue_completions", {})
    return {cue.lower(): re.compile(_completion_ahead(tails), re.I) for cue, tails in completions.items()}


# the full stop of a spaced initialism's letter, another letter and its stop after it ("the U. S.
# Geological Survey", as tokenised copy writes "U.S."): it ends no speaker
SPACED_INITIAL = (rf"(?<=\b(?-i:[{UPPER}]))\.\s(?-i:[{UPPER}])\."
                  rf"|(?<=\b(?-i:[{UPPER}])\.\s(?-i:[{UPPER}]))\.\s(?-i:[{UPPER}])")


@cache
def rules(language: str) -> Rules | None:
    data = lang.load(language, "quotes")
    if not data:
        return None
    gendered = {cue.lower(): gender for gender, forms in data.get("cue_gender", {}).items() for cue in forms}
    completions = data.get("cue_completions", {})
    cue_words = data.get("cues", []) + sorted(gendered) + sorted(completions)
    cues = cue_alternation(cue_words, completions)
    # cues that follow a quote only ("„…“, so die Ministerin"): as a verb before a quote they mislead
    after_cues = cue_alternation(cue_words + data.get("after_cues", []), completions)
    particles = alternation(data.get("name_particles", []))
    # a capitalised word, or an abbreviation with its full stop ("Mr.", "M.", "J.-P.")
    # ("Sen.", "Mrs."; not "Vogt." at a sentence's end, before "Er sagte")
    # initials run together ("G.K. Butterfield", "J.-P. Roux")
    word = rf"(?:[{UPPER}][a-z]{{0,2}}\.(?:-?[{UPPER}]\.)*(?=\s+[{UPPER}])|[{UPPER}][\w'’-]*)"
    # capitalised words that start sentences or name days, never a speaker ("But", "Friday")
    # (where the verb comes second, a capitalised stop word opens the sentence as often as a name does:
    # „Zu mir sagte er:“, „Durch das Gewicht …: “, „Wohl eher nicht:“; see _fronted_stop_words)
    not_names = alternation(data.get('not_names', [])) + _fronted_stop_words(data, language)
    # a ``not_names`` word that is no month, weekday or stop word of the language may be a surname: after a
    # name's first word and right before a cue it goes on with the name ("Ian Read said"; not "the
    # Bulgarian Thursday said", nor German "Erdöl-Importe Dies sagte")
    calendar, stops = calendar_words(language), stop_words(language)
    surnames = [w for w in data.get("not_names", []) if fold(w) not in calendar and w.lower() not in stops]
    surnamable = alternation(surnames)
    cue_words_plain = first_letter_alternation(data.get("cues", []) + sorted(
        cue.lower() for forms in data.get("cue_gender", {}).values() for cue in forms))
    # (one look-ahead, as for a first word: the surname test runs only where such a word stands)
    never_names = alternation([w for w in data.get("not_names", []) if w not in surnames])
    later_word = rf"(?!(?:{never_names})\b|(?:{surnamable})\b(?!\s+{cue_words_plain}\b)){word}"
    word = rf"(?!(?:{not_names})\b){word}"
    name = rf"(?-i:(?:(?:{particles})\s+)?{word}(?:\s+(?:(?:{particles})\s+)*{later_word})*)"
    # a party and state or an age in brackets goes with the name ("Gwen Moore (D-Wis.)")
    name = rf"{name}(?:\s+\((?-i:[{UPPER}0-9])[^()\n]{{0,20}}\))?"
    determiners = alternation(data.get("determiners", []))
    titles = alternation(data.get("titles", []))
    # a determiner ends at a space or its apostrophe ("l'avocat"): never inside a word ("a"+"rmy"),
    # which also spares the engine trying every word that starts with "a" or "the"
    det = rf"(?:{determiners})(?:(?<=['’])|\s+)"
    # adjectives a language puts after the title, before the name (« le dirigeant russe Ana Roe »); no stop
    # word, which would open a complement (« le porte-parole du ministère fédéral des Affaires étrangères »)
    no_stop = rf"(?!(?:{alternation(sorted(stop_words(language)))})\b)"
    # (and a capital after them: the name's own particle is no adjective, « … fédéral des Affaires étrangères »)
    after_title = (rf"(?:\s+{no_stop}(?-i:[a-zà-ÿ])[\w-]*){{1,{int(data.get('title_words_after', 0))}}}(?=\s+(?-i:[{UPPER}]))"
                   if data.get("title_words_after") else NEVER)
    title = (rf"{det}(?:[\w-]+\s+){{0,3}}?(?:{titles})\b(?:\s+(?:of|de|du|des)\s+(?:the\s+|la\s+|l['’])?[\w-]+)?"
             rf"(?:(?:{after_title})?,?\s+{name})?")
    # "Son éditeur, Antoine Grasset," / "the mayor, Vitali Klitschko,": the name is the speaker
    # (or a name's possessive: "Ryan’s spokeswoman, Ada Strong,")
    possessive = rf"(?-i:[{UPPER}])[\w-]*['’]s?\s+"
    # (a body's initials in brackets may close the description: "the secretary of the league (PLO), Jo Ash,")
    appositive = rf"(?:{det}|{possessive})(?:[\w'’-]+\s+){{0,4}}?[\w'’-]+(?:\s+\([\w'’-]+\))?,\s+{name}(?=\s*(?:[,.;!?]|$))"
    pronoun = _pronoun_speaker(data)
    roles = data.get("titles", []) + data.get("description_roles", [])
    # starts on a word: "a"+"king" inside "speaking" is no title
    speaker_body = rf"{appositive}|{title}|{name}|\b(?:{pronoun})\b"
    speaker = rf"\b(?P<speaker>{speaker_body})"
    # a short noun phrase, accepted where the position alone says it is the speaker
    # ("the gambling tycoon", "Clinton spokesman Josh Schwerin", "election law expert Rick Hasen")
    # "Paganini and his team", "Marie Dupont et son équipe": a name with a partner; the words
    # before the name cross no sentence end ("añadió. El ministro …": a word of three letters
    # or more and a full stop; "Sen." and "U.S." stay)
    partner = rf"(?:\s+(?:{alternation(data.get('conjunctions', []))})\s+(?:(?:{determiners})\s+[\w’'-]+|{name}))?"
    # "Obama's former campaign strategist": a name's possessive opens a phrase as a determiner does
    # the attribution clause ends there, or goes on with a place or time, not with "that"; not after
    # a full stop ("…», so Rey. Das Amt …": the sentence ended, "Das" opens the next one)
    # (the full stop of an abbreviation before a capital ends nothing: "said the Rev. Jo Ash" is not "the Rev")
    no_abbrev = "".join(rf"(?<!\b{re.escape(word)}\.)" for word in data.get("description_abbreviations", []))
    ends = (rf"(?=\s*(?:(?!{SPACED_INITIAL})\.(?:{no_abbrev}|(?!\s+(?-i:[{UPPER}])))|[,;:!?—–)]|$)|(?<!\.)\s+(?:" + alternation(data.get("clause_continuations", [])) + r")\b"
            + _name_complement_end(data) + object_pronoun_ends(data) + ")")
    # a pronoun that ends the clause comes first: "sagte er im Interview" is "er", not a phrase
    # up to the capitalised noun "Interview"
    # the words of a phrase are no cue ("…,” she said, referring to Trump's comments" is "she",
    # not "she said, referring to Trump's" before the verb-shaped "comments")
    no_cue = rf"(?!{first_letter_alternation(cue_words)}\b)"
    # words that go on the writer's sentence past a quote, never a speaker's first word ('…” for the
    # victory, Sanders said', '…” that Sanders can win, said X', « … » pour la ville, a dit X)
    not_openers = rf"(?!(?:{alternation(data.get('not_speaker_openers', []))})\s)"
    demonstrative = _demonstrative_subject(data, language)
    # (a bracket inside the phrase goes with it: "the Vox Clamantis (Voice of the Town) column")
    bracket = r"\([^()\n]{1,40}\)"
    phrase = (rf"{not_openers}(?P<speaker>\b(?:{pronoun})\b{ends}|{appositive}|(?:(?:{determiners})(?:(?<=['’])|\s+){demonstrative}|{name}['’]s\s+)(?:{no_cue}(?:[\w’'-]+|{bracket})\s+){{0,6}}?(?:[\w’'-]+|{bracket})|"
              rf"(?:(?![^\W\d_]{{3,}}\.\s){no_cue}[\w’'.()-]+,?\s+){{0,6}}?{name}{partner}|\b(?:{pronoun})\b)")
    lead = r"^[\s,.;:!?—–-]*"
    # a full stop that ends no sentence: inside "D.C.," after an initial ("U.S. attorney"), before a lower-case word
    # or a title's abbreviation before a name ("was joined by Sen. Al Franken and joked,": no sentence
    # ends at "Sen.", so the sentence's subject is still the one before it)
    # (one look-behind per word length: Python's look-behinds are of fixed width)
    lengths = sorted({len(word) for word in data.get("title_abbreviations", [])})
    titled = "|".join(rf"(?<=\b(?:{'|'.join(re.escape(w) for w in data['title_abbreviations'] if len(w) == n)}))"
                      for n in lengths)
    titled_stop = rf"|(?:{titled})\.(?=\s+[{UPPER}])" if titled else ""
    abbrev = rf"(?-i:\.(?=\S|\s+[a-z])|(?<=\b[A-Z])\.{titled_stop})"
    # the rest of a sentence, up to its attribution
    rest = rf"(?:[^.!?…“”«»\"\n]|{abbrev}){{0,100}}?"
    # '…” Sarandon, 69, told MSNBC': the speaker, an aside between commas, the cue; the aside
    # may hold commas of its own and lose its closing one ("…, a research analyst at the
    # Council on Energy, Environment and Water think tank told CBS News")
    # (an aside is followed by its cue, not by a determiner that opens a new subject: in "At the
    # meeting in Hudson, New Hampshire Monday, the party's treasurer retorted:" the treasurer speaks)
    aside = rf"(?:,[^,;\n“”«»\"]{{1,100}},(?!\s+(?:{determiners})\s))?"
    long_aside = rf"(?:,(?:[^;\n“”«»\".!?]|{abbrev}){{1,140}}?,?)?"
    preps = alternation(data.get("source_prepositions", []))
    # "Sam Lau, the communications director for the Iowa Democratic Party said", "Jo Dunn, Chair of
    # the Harbour Board said:": an appositive whose closing comma the writer left out, known by a
    # role and its complement (``role_complements``); only for a speaker opening the sentence ("In
    # Iowa, the director of the campaign said" is no speech of Iowa's)
    complements = data.get("role_complements", [])
    role_aside = (rf",\s+(?:{det})?(?:[\w'’.-]+\s+){{0,3}}?(?:{alternation(roles)})"
                  rf"\s+(?:{alternation(complements)})\s+(?:[^,;\n“”«»\".!?]|{abbrev}){{1,100}}?") if complements else ""
    opening = r"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"’»]\s)|(?<=\n))"
    # prepositions that open a source only for a person or a body ("pour", "for"), and only at a
    # sentence's start: "a voté pour Marie Dupont, qui …" names no source
    person_preps = alternation(data["person_source_prepositions"]) if data.get("person_source_prepositions") else ""
    participles = alternation(data.get("participle_cues", []))
    # after "according to" / "selon": the source is the rest of the clause ("le rapport annuel de la ligue …")
    source = rf"(?P<speaker>(?:[^.,;:!?\n“”«»\"]|{abbrev}){{2,100}}?)(?=\s*(?:(?!{SPACED_INITIAL})[.,;:!?)]|$))"
    incises = data.get("incise", [])
    # the word that may sit between speaker and cue: the language's adverbs and auxiliaries where
    # it lists them (a lower-case noun there ends a described speaker: "the Florida senator said"
    # is not "the Florida", then "senator"), else any lower-case word
    between = data.get("between_speaker_and_cue", r"[a-z]\w*")
    # a day between a speaker and its cue ("…,” Tom Jones Monday said", "Ada Quill on Tuesday said that …");
    # before a cue in the writer's sentence only after a speaker that opens its clause: in "The People's Bank
    # of China on Wednesday said" the subject is not "China"
    time = _time_between(data, language)
    maybe_time = rf"(?:{time}\s+)?" if time else ""
    clause_start = r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=,\s))"
    # '…,” Jo Lee of the Martin Center for Arms Studies wrote': the institution a speaker is "of"
    # (capitalised words and the language's ``institution_connectors``) sits between speaker and
    # cue; the speaker is the name, the description (speaker_extent) takes the rest
    link = data.get("institution_link")
    institution = rf"(?-i:[{UPPER}])[\w'’.&-]*"
    of_piece = (rf"(?:\s+(?:{link}){institution}(?:\s+(?:(?:{alternation(data.get('institution_connectors', []))})\s+)*"
                rf"{institution}){{0,8}})?") if link else ""
    # '…,” police said.', '…,” said federal prosecutors.': a plural noun with no determiner, where
    # the language puts one before any other subject (``bare_plural``, a regular expression)
    plural = data.get("bare_plural")
    plural_phrase = rf"(?P<speaker>(?-i:(?:[a-z][\w-]*\s+){{0,2}}?{plural}))"
    bare = [rf"{lead}{plural_phrase}\s+(?P<cue>{cues})\b",
            rf"{lead}(?P<cue>{cues})\s+{plural_phrase}\s*[.,;!?]"] if plural else []
    # whom the words were said to, between an inverted cue and its subject (« a déclaré à la chaîne le
    # chef des secours », « a déclaré aux journalistes Ana Roux »): ``addressee_after_cue``
    addressee = rf"(?:(?:{data['addressee_after_cue']})\s+)?" if data.get("addressee_after_cue") else ""
    # an object pronoun before the verb is whom it was said to (« », lui a dit le maire », « Le maire lui a dit que »)
    to_whom = rf"(?:(?:{alternation(data['object_pronouns'])})\s+)?" if data.get("object_pronouns") else ""
    # and before an incise, inside the marks or after them (« m'a-t-il répondu », « nous a-t-elle dit »:
    # ``incise_objects``, elided ones joined to the verb)
    incise_objects = data.get("incise_objects", [])
    to_whom_incise = rf"(?:(?:{alternation(incise_objects)})(?:(?<=['’])|\s+))?" if incise_objects else to_whom
    after = [rf"{lead}{to_whom}(?P<cue>{after_cues}),?\s+{addressee}{phrase}{ends}",
             # one lower-case word may sit between speaker and cue ("Smith later said"), never a name's end
             rf"{lead}{phrase}{of_piece}{long_aside},?\s+{maybe_time}(?:(?-i:{between})\s+)?(?P<cue>{cues})\b",
             # '…”, according to CNN.' / '… », selon le ministère.'
             rf"^\s*[,—–]\s*(?P<cue>{preps})\s+{source}",
             # the quote opens a sentence that ends with its attribution ('"…" working in
             # prisons, she said.' / '« … » dans la région, a-t-il ajouté.')
             rf"^{rest},\s*{speaker}{long_aside}\s+(?P<cue>{cues})\s*[.!?]",
             rf"^{rest},\s*(?P<cue>{cues})\s+{phrase}\s*[.!?]"]
    after.extend(bare)
    # « “…”, dice a Efe Ana Roca »: whom it was said to between the cue and its subject
    addressed = _addressed_medium(data)
    if addressed:
        after.append(rf"{lead}(?P<cue>{after_cues})\s+{addressed}\s+(?!que\b){phrase}{ends}")
    if data.get("cue_before_subject"):
        # „…“, fasst Ada Quill die Lage zusammen: after the inverted cue, the subject, then an object
        # (a determiner's phrase) up to the clause's end, its particle or "und"; not "Ada Quill die Lage"
        # (not before a comma: "sagte der Sprecher der Stadt, Jonas Berger" names him in apposition)
        goes_on = alternation(data.get("clause_continuations", []))
        # (a speaker ending on a full stop ended the sentence: "», so Rey. Das Amt und …")
        after.insert(0, rf"{lead}(?P<cue>{after_cues}),?\s+{speaker}(?<!\.)(?=\s+(?:{determiners})\s+(?:[\w'’-]+\s+){{0,3}}?"
                        rf"[\w'’-]+(?:\s+(?:{goes_on}))?(?:\s*[.;!?]|\s+(?:{alternation(data.get('conjunctions', []))})\b))")
    after[:0] = [lead + rf"{to_whom_incise}(?P<cue>{pattern})" for pattern in incises]
    if data.get("pro_drop"):
        # "«…», dijo." / "«…», — сказала.": the verb alone, its subject left out
        # "«…», señaló en conferencia de prensa." / "«…», dijo, y añadió …": the verb alone, then a
        # comma or a clause that goes on with a place or time (not a determiner: "dijo el ministro"
        # names the subject, which the patterns above read)
        goes_on = alternation([w for w in data.get("clause_continuations", [])
                               if w.lower() not in {d.lower() for d in data.get("determiners", [])}])
        after.append(rf"{lead}(?P<cue>{after_cues})(?P<zero>)(?=\s*(?:[.;!?,]|$)|\s+(?:{goes_on})\b)")
    after.extend(data.get("after_patterns", []))
    # words between speaker and cue ("Smith later told reporters"), but none after a comma: in
    # "On the subject of Israel, Trump added," the speaker is Trump, not Israel
    # "De Blasio said the move was made by Bill Bratton and said, “…”": a cue after "and" is the
    # sentence subject's, not the nearest name's
    conjunctions = alternation(data.get("conjunctions", []))
    # where the verb comes second (``cue_before_subject``: German "Am Montag sagte der Minister den
    # Anwohnern: „…“"), a fronted adverbial (a sentence opener that is no determiner: "Am", "Dann")
    # puts the cue before its subject; tried first, so the adverbial's noun ("Im Rathaus") is no speaker
    fronted = _fronted_words(data, language) if data.get("cue_before_subject") else NEVER
    # (the words after the subject end no sentence: in "Es gab Kritik am Plan. Später sagte der Minister:" the
    # minister speaks, not "Kritik" after the cue-shaped "gab"; an abbreviation's full stop stays: "Dr.")
    # (the subject may be a body named by a determiner and its noun: „Dazu erläuterte das Ministerium:“)
    speaking_nouns, speaking_determiners = _speaking_nouns(data, language)
    inverted_speaker = rf"\b(?P<speaker>{speaker_body}|{_noun_subject(speaking_nouns, det)})"
    # (then any capitalised word in its place, kept where the lexicon knows it lower-case only: „Inzwischen“)
    # (the fronted part is one phrase of any length, commas and all: „Auf die Frage, wie er das sehe, antwortete
    # er:“; its sentence may open after a quote's closing mark: „…“ Nach Details gefragt meint Dury trocken:)
    inverted = ([rf"(?:^|(?<=[.!?]\s)|(?<=[.!?][“”\"»«]\s)|(?<=\n)){opener}\b(?:,?\s+[\w'’-]+){{0,10}}?,?\s+(?P<cue>{cues})\s+{inverted_speaker}"
                 rf"(?:\s+(?:[\w'’-]|{abbrev})+){{0,6}}?\s*[,:]\s*$"
                 for opener in (rf"(?-i:{fronted})", rf"(?P<fronted>(?-i:[{UPPER}])[\w'’-]*)")]
                if data.get("cue_before_subject") else [])
    # "Wie Ada Quill letzte Woche in Bremen sagte, „…“": a clause that puts its verb last
    # (``verb_final_openers``): its subject opens it and ends on a capitalised word (a German noun
    # or name), the cue closes it; not "Woche", the last capitalised word before the cue
    final_speaker = (rf"(?P<speaker>\b(?:{pronoun})\b|(?:(?:{determiners})\s+)?(?:[\w'’.-]+\s+){{0,3}}?"
                     rf"(?-i:[{UPPER}])[\w'’.-]*(?:\s+(?-i:[{UPPER}])[\w'’.-]*)*)")
    verb_final = (rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?-i:{alternation(data['verb_final_openers'])})\s+{final_speaker}"
                  rf"(?:\s+[\w'’.-]+){{0,6}}?\s+(?P<cue>{cues})\s*,\s*") if data.get("verb_final_openers") else ""
    inverted += [verb_final + "$"] if verb_final else []
    # "Wie Ada Quill im Fischer-Interview bestätigte, möchte der Verein ihn halten: „…“": the clause's
    # speaker also speaks the quote that the main clause's colon introduces, where that clause has no cue
    # of its own (not "Fischer-Interview", the last capitalised word before the cue)
    inverted += ([verb_final + rf"(?:(?!\b(?:{cues})\b)[^.!?:;“”«»\"\n]){{1,200}}:\s*$"] if verb_final else [])
    # a fronted subordinate clause, its comma, then the main clause's cue and subject: „Wie die Polizei
    # mitteilte, sagte der Fahrer: …“, „Bevor er ging, schrieb Aviv seinen Kindern: …“ (the main clause's
    # subject speaks, not a name inside the fronted clause); one comma only: in „Der Gouverneur, Jim Ash,
    # kritisierte das Verhalten:“ the part before the cue is the subject and its appositive
    inverted += ([rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?-i:[{UPPER}])[^.!?:;,“”«»\"\n]{{2,200}}?,\s*(?P<cue>{cues})\s+{inverted_speaker}"
                  rf"(?:\s+(?:[\w'’-]|{abbrev})+){{0,6}}?\s*:\s*$"] if data.get("cue_before_subject") else [])
    # a comma, then a determiner's phrase and its verb: a new subject, nearer the colon than the one
    # before it ("…, the Post's Jo Lee reported, his wife whispered to him:" is the wife's)
    generic = data.get("open_quote_cue")
    verbs = rf"{cues}|(?-i:{generic})" if generic else cues
    # (tested at commas only, which keeps the character loops below cheap)
    new_subject = rf",(?!\s+(?:{determiners})\s+(?:[\w'’-]+\s+){{0,3}}?(?:{verbs})\b)"
    # "Mike Lee, who declared in the spin room, “…”": a relative pronoun after a comma, its cue and up
    # to six words, then the mark: the relative speaks (speakers.resolve takes the name before its comma)
    relatives = data.get("subject_relatives", [])
    relative = ([rf"(?<=,\s)(?P<speaker>(?-i:{alternation(relatives)}))\s+(?:(?-i:{between})\s+)?(?P<cue>{cues}|{participles})\b"
                 rf"(?:\s+(?:\d{{1,3}}(?:,\d{{3}})+|[\w'’.-]+)){{0,6}}?\s*[,:]\s*$"] if relatives else [])
    # a quoted fragment inside the clause of a subject whose participle introduces the next quote
    # ("Ash described the move as a “breach of trust,” adding: “…”"): words, not a speaker's quote
    fragment = r"[“\"«][^“”«»\"\n.!?]{1,80}[”\"»]"
    # "Article 12:3 reads: “…”", « L'article 12 dit : « … » »: a text cited by its name and number, its cue
    # and the colon, opening its sentence (tried first: the subject patterns take the name without its number)
    cited = (rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<speaker>(?:{det}(?-i:[a-z])|(?-i:[{UPPER}]))[\w'’-]*\s+\d+(?:[:.]\d+)*)"
             rf"\s+(?P<cue>{cues})\s*:\s*$")
    before = [cited] + _document_author(data) + inverted + relative + ([rf"{opening}{speaker}{role_aside}\s+(?P<cue>{cues})\b[^.!?:;“”«»\"\n]{{0,100}}[:,]\s*$"]
                         if role_aside else []) + [rf"{clause_start}{speaker}\b(?:[^.!?:;«“”»\"\n]|{abbrev}){{0,200}}?\s(?:{conjunctions})\s+"
              rf"(?:[\w'’-]+\s+)?(?P<cue>{cues})\s*[,:]\s*$",
              rf"{speaker}{of_piece}{aside}(?:,\s*|\s+(?:[\w'’-]+\s+){{0,3}}?)(?P<cue>{cues})(?:\s+[\w'’-]+){{0,2}}?\s*(?:[:,]|\bthat\b|\bque\b|\bqu['’])?\s*$",
              rf"(?P<cue>{preps})\s+{phrase}\s*[,:]?\s*$",
              # "Pour la maire, « … »": only opening a sentence, and only for a person or a body
              *([rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<cue>{person_preps})\s+{phrase}\s*[,:]?\s*$"] if person_preps else []),
              # "Trump told a cheering crowd in Ohio on Monday:" — any words between cue and colon
              rf"{speaker}{of_piece}{aside}(?:,\s*|\s+(?:[\w'’-]+\s+){{0,3}}?)(?P<cue>{cues})\b"
              rf"(?:[^,.!?:;“”«»\"\n]|{new_subject}){{0,100}}:\s*$",
              # a headline's topic, a dash, then the speaker and what the words are about before the colon
              # („FC Musterstadt - Jonas Brenner über den Abstieg: „…““): the speaker follows the dash
              *([rf"(?:^|(?<=\n))[^\n:“”«»\"„]{{1,80}}?\s[-–]\s+{speaker}(?:\s+(?-i:{alternation(data['dash_speaker_topics'])})"
                 rf"\s+[^\n:“”«»\"„]{{1,60}}?)?\s*:\s*$"] if data.get("dash_speaker_topics") else []),
              # "Stone: “…”", "Continued Stone: “…”": a name alone before the colon, opening its sentence
              rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?:(?=(?-i:[{UPPER}]))(?:{cues})\s+)?{speaker}\s*:\s*$",
              # the subject of the sentence that a colon closes ("The spokesman refused …, adding:")
              # (or after a fronted clause's comma: "In response, Donald Trump issued the following statement:")
              rf"(?:(?:^|[.!?][”\"’»]?\s+)(?:[\w'’]+\s+){{0,2}}?|,\s+){speaker}\b(?:[^,.!?:«“\"\n]|{new_subject}|{abbrev}){{0,200}}:\s*$",
              # "the announcer said, “…”": a described speaker right before its cue and the mark
              # ("the email went on to say, “…”")
              rf"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"’»]\s)|(?<=,\s))(?P<speaker>(?:{determiners})\s+(?:{no_cue}[\w’'-]+\s+){{0,4}}?[\w’'-]+)"
              rf"\s+(?P<cue>{cues})(?:\s+(?:to|on)\s+[\w'’-]+)?\s*[,:]\s*$",
              # "…, his wife whispered to him: “…”": a described speaker and a verb of the language's
              # regular shape right before the colon (after the new-subject test above turned the earlier one down)
              *([rf"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"’»]\s)|(?<=,\s))(?P<speaker>(?:{determiners})\s+(?:{no_cue}[\w’'-]+\s+){{0,4}}?[\w’'-]+)"
                 rf"\s+(?P<cue>(?-i:{generic}))(?:\s+(?:to|on)\s+[\w'’-]+)?\s*:\s*$"] if generic else []),
              # "Trump attacked Clinton's record, saying, “…”": the subject of the sentence a participle closes
              rf"(?:^|(?<=[.!?]\s)|(?<=,\s)){speaker}\b(?:[^.!?:;«“”»\"\n]|{abbrev}){{0,200}}?,?\s+"
              rf"(?P<cue>{participles})\b(?:\s+[\w'’-]+){{0,3}}?\s*[,:]\s*$",
              # (the clause of the nearest subject, no comma before the fragment: in "To wit, Trump told X that
              # Y “…,” adding, “…”" Trump speaks)
              rf"(?:^|(?<=[.!?]\s)|(?<=,\s)){speaker}\b(?:[^,.!?:;«“”»\"\n]|{abbrev}){{0,200}}?{fragment}"
              rf"[^,.!?:;«“”»\"\n]{{0,60}}?,?\s+(?P<cue>{participles})\b(?:\s+[\w'’-]+){{0,3}}?\s*[,:]\s*$"]
    # "Trump returned a few minutes later and declared, “…”" / "…the news, writing, “…”":
    # a cue right before the mark, the sentence's subject its speaker
    # (or the subject after a fronted clause's comma: "In selling the courses, Trump released a video that said, “…”")
    for clause in (rf"(?<=,\s){speaker}\b(?:[^.!?:;,«“”»\"\n]|{abbrev}){{0,200}}?\s+",
                   rf"(?:^|(?<=[.!?]\s)|(?<=\n)){speaker}\b(?:[^.!?:;«“”»\"\n]|{abbrev}){{0,200}}?,?\s+"):
        before.append(rf"{clause}(?P<cue>{cues}|{participles})\s*,?\s*$")
    # "Carson … told his supporters, “…”", "Dell said last week in Tel Aviv, “…”": words after the
    # cue (its object, a time or place) up to the comma before the mark, the sentence's subject its speaker
    # (the subject after the last comma first: "Although …, Lopez-Cantera said about the movement,")
    for clause in (rf"{clause_start}{speaker}\b(?:[^.!?:;,«“”»\"\n]|{abbrev}){{0,200}}?",
                   rf"(?:^|(?<=[.!?]\s)|(?<=\n)){speaker}\b(?:[^.!?:;«“”»\"\n]|{abbrev}){{0,200}}?"):
        # (a number keeps its thousands separator: "told his 20,000 followers, “…”")
        before.append(rf"{clause}\s(?P<cue>{cues}|{participles})\b(?:\s+(?:\d{{1,3}}(?:,\d{{3}})+|[\w'’.-]+)){{1,6}}?\s*,\s*$")
    # "footage of Hillary Clinton asking, “…”", "Trump saying during the debate last week, “…”":
    # a participle right after a name, whatever the sentence's subject
    before.append(rf"{speaker}\s+(?P<cue>{participles})\b(?:\s+[\w'’.-]+){{0,6}}?\s*,\s*$")
    before.extend(data.get("before_patterns", []))
    # after a quote left open by its comma ('…,” beamed Donald Hartley') any verb form of the
    # language's regular shape is a cue (a verb there is lower-case: in "Jeffrey Lewis of the …
    # Center wrote", "Lewis" is the name going on, not a verb in -s)
    after_open = [rf"{lead}{phrase}{aside}\s+(?P<cue>(?-i:{generic}))\b",
                  rf"{lead}(?P<cue>(?-i:{generic}))\s+{phrase}{ends}"] if generic else []
    after_open.append(rf"{lead}(?P<cue>{preps})\s+{source}")  # '…,” according to CNN.'
    # the sentence before a quote that names who speaks ("Erekat said it was the latest move.
    # “They wanted us on our knees.”"): subject and cue, an inverted cue, "according to X", an incise
    previous = ([rf"^{speaker}{role_aside}\s+(?P<cue>{cues})\b"] if role_aside else []) + [
                *([rf"{clause_start}{speaker}{aside},?\s+{time}\s+(?P<cue>{cues})\b"] if time else []),
                # (the one word between is no capitalised one: "Additionally, Quill said …" is Quill's)
                rf"{speaker}{aside},?\s+(?:(?-i:(?![{UPPER}]))[\w'’-]+\s+)?(?P<cue>{cues})\b",
                rf"(?:^|[,”\"»]\s*)(?P<cue>{cues}),?\s+{speaker}",
                rf"(?:^|[\s,])(?P<cue>{preps})\s+{speaker}\s*,",
                *([rf"^(?P<cue>{person_preps})\s+{speaker}\s*,"] if person_preps else [])] + [rf",\s*{to_whom_incise}(?P<cue>{pattern})" for pattern in incises]
    if data.get("cue_before_subject"):
        # where the verb comes second, the cue after a comma comes before its subject: in „Es gebe keinen
        # Zweifel am Wert des Versammlungsrechts, sagte Brenner.“ Brenner speaks, not the noun before the comma
        inverted_after_comma = rf"(?:^|[,”\"»]\s*)(?P<cue>{cues}),?\s+{speaker}"
        previous = [inverted_after_comma] + [pattern for pattern in previous if pattern != inverted_after_comma]
    adjunct = _adjunct(data)
    that_cues = "|".join(_that_cue(cue, adjunct) for cue in sorted(set(data.get("that_cues", [])), key=len, reverse=True)) or NEVER
    # a full stop inside the reported clause: "Mr. Trump", "U.S." (as SENTENCE_END in quotes.py)
    inner_stop = rf"(?:{abbrev}|(?<=\b[{UPPER}][a-z])\.|(?<=\b[{UPPER}][a-z]{{2}})\.)"
    content = rf"(?P<content>(?:[^.!?\n]|{inner_stop}){{12,}}[.!?]?)"
    sentence_start = r"(?:^|(?<=[.!?]\s)|(?<=\n))"
    clause_cues = alternation([cue for cue in data.get("that_cues", []) if len(cue.split()) == 1])
    # a source's genitive goes with it („Laut Angaben des Ministeriums wurden …“ is the ministry's)
    genitive = (rf"(?:\s+(?-i:{alternation(data['source_genitives'])})\s+(?-i:[{UPPER}])[\w’'-]*)?"
                if data.get("source_genitives") else "")
    # (nor does the source stop before its genitive: „Laut Information des Ministeriums, Stand 18 Uhr, …“
    # is no „Information“ whose verb is „des“)
    no_genitive = rf"(?!(?-i:{alternation(data['source_genitives'])})\s)" if data.get("source_genitives") else ""
    source_det = _source_determiner(data, det)
    # the source's verb: a lower-case word, but no preposition or article, which goes on with the source („Laut
    # dem Artikel von der Zeitung „Standard“ bleiben …“ has no source „dem Artikel“ whose words are „Standard“)
    source_verb = rf"(?=(?-i:{data.get('previous_subject_verb') or '[a-zäöüß]'}))"
    trailing_preps = alternation(data.get("trailing_source_prepositions", data.get("source_prepositions", [])))
    indirect = ([verb_final + content] if verb_final else []) + [
                *([rf"{clause_start}{speaker}{aside},?\s+{time}\s+(?P<cue>{that_cues})\s*{content}"] if time else []),
                rf"{speaker}{aside},?\s+{to_whom}(?P<cue>{that_cues})\s*{content}",
                rf"{sentence_start}{phrase},?\s+{maybe_time}{to_whom}(?P<cue>{that_cues})\s*{content}",
                # "Laut Polizei wurden drei Menschen verletzt": where the language puts the verb right after
                # the source (``source_before_verb``), capitalised words up to the first lower-case word; tried
                # before the source up to a comma (a phrase or a clause), which would take „Polizei handelte es
                # sich um keinen Schnitt“ from „Laut Polizei handelte es sich um keinen Schnitt, sondern …“
                rf"{sentence_start}(?P<cue>{preps})\s+(?P<speaker>{source_det}(?:(?-i:[{UPPER}])[\w’'-]*\s+){{0,3}}?"
                rf"(?-i:[{UPPER}])[\w’'-]*{genitive})\s+{source_verb}{no_genitive}{content}" if data.get("source_before_verb") else NEVER,
                rf"{sentence_start}(?P<cue>{preps})\s+{phrase}\s*,\s*{content}",
                # "According to law enforcement officials, …": the source is the clause up to its comma
                rf"{sentence_start}(?P<cue>{preps})\s+(?P<speaker>(?:[^.,;:!?\n“”«»\"]|{abbrev}){{2,120}}?)\s*,\s*{content}",
                *([rf"{sentence_start}(?P<cue>{person_preps})\s+(?P<speaker>(?:[^.,;:!?\n“”«»\"]|{abbrev}){{2,120}}?)\s*,\s*{content}"]
                  if person_preps else []),
                # "Many Democratic officials say they expect …": a sentence's plain subject
                rf"{sentence_start}(?P<speaker>(?:[\w’'-]+\s+){{0,6}}?[\w’'-]+)\s+{maybe_time}(?P<cue>{clause_cues})\s+{content}"]
    # an attribution that closes a sentence: the sentence before its comma is the content
    # (found from the comma, the cheap anchor; quotes.py takes the sentence back to its start):
    # "…, according to a congressional report." / "…, selon le ministère." / "…, analysts say."
    closing_cues = alternation([cue for cue in data.get("that_cues", []) if len(cue.split()) == 1] + data.get("closing_cues", []))
    # (a source that names someone, with a capitalised word: "…, according to the company's
    # accounts." lends no speaker to the quote that may follow, as the sentence-before rule holds)
    # a phrase of manner, medium, time or place that may close an attribution ("…, Jo Ash said in a statement.")
    medium = rf"(?:\s+{adjunct})?" if adjunct else ""
    # the source that passed the words on, after the speaker's own attribution ("…, he said, according
    # to the Courier."): the speaker is the one who said them, the source only relays them
    nested_source = rf",?\s+(?:{trailing_preps})\s+(?=[^.,;:!?\n]*?(?-i:\b[{UPPER}]))(?:[^.,;:!?\n“”«»\"]|{abbrev}){{2,100}}?"
    # (the attributions with a speaker and a relaying source come first: "…, he said, according to the
    # Courier." is his, not the Courier's)
    closed = [# (two apostrophes typed as a closing mark are none of the speaker: ",'' Mr. Ash said.")
              rf",\s*(?:''\s*)?{phrase}\s+(?P<cue>{closing_cues}){medium}",
              # "Die Lage sei ernst, sagte Vogt." / "…, so ein Sprecher." / "…, said the report."
              # (a speaker, not any phrase: "X, a annoncé la suppression de postes." is no attribution)
              # (or a phrase of manner or medium: "…, a déclaré X lors d'un point presse.")
              rf",\s*(?P<cue>{after_cues})\s+{speaker}(?:\s+[\w'’-]+){{0,3}}?{medium}"]
    end_ = r"\s*[.!?](?=\s|$)"
    # ("Le projet est mort, a-t-il dit, selon Le Monde.": an incise, then the relaying source; the
    # incise alone stays out, since "semble-t-il" and "paraît-il" take its shape and speak for nobody)
    closed_incises = [rf",\s*(?P<cue>{pattern})" for pattern in incises]
    trailing = ([rf"{pattern}{nested_source}{end_}" for pattern in closed + closed_incises]
                + [rf",\s*(?P<cue>{trailing_preps})\s+(?=[^.,;:!?\n]*?(?-i:\b[{UPPER}])){source}{end_}"]
                + [rf"{pattern}{end_}" for pattern in closed])
    # a quoted fragment inside a sentence whose subject speaks ('The ministry, for its part, judged
    # that it was "…"', 'X announced …, assuring that his country "…"'): subject, aside, then a cue
    that_words = alternation([cue.split()[-1] for cue in data.get("that_cues", []) if len(cue.split()) > 1])
    clause_words = "|".join(sorted({_that_cue(cue.split()[-1]) for cue in data.get("that_cues", []) if len(cue.split()) > 1})) or NEVER
    # a verb that takes a clause ("said", "told") needs nothing more; any verb of the language's
    # regular shape followed by "that" is one too ("judged that", "a estimé que")
    that_verb = rf"(?:{generic})\s+(?:{that_words})\b" if generic else NEVER
    subject = rf"^(?:[\w'’]+\s+){{0,2}}?{speaker}{long_aside}(?:,\s*|\s+(?:[\w'’-]+\s+){{0,3}}?)"
    clause = rf"(?:[^.!?;:\n“”«»\"]|{abbrev})"
    # "As one employee told the Ledger, “…”", « Comme un employé l'a confié à Libération, « … » »: a clause
    # opened by the language's ``attribution_openers`` whose subject (a name or a described person) speaks;
    # the quote after its comma is a fragment or, when a whole sentence, a quote (quotes._sentence_after_comma)
    as_openers = alternation(data.get("attribution_openers", []))
    as_clause = ([rf"^(?-i:{as_openers})\s+(?P<speaker>{speaker_body}|(?:{determiners})(?:(?<=['’])|\s+)"
                  rf"(?:{no_cue}[\w’'-]+\s+){{0,4}}?[\w’'-]+)\s+(?:[\w'’-]+?(?:\s+|(?<=['’]))){{0,3}}?(?P<cue>{cues})\b"
                  rf"{clause}{{0,120}}?,\s*$"] if as_openers != NEVER else [])
    partial = as_clause + [rf"{subject}(?P<cue>{cues}|{participles})\b{clause}{{0,120}}?(?:\b(?:{that_words})\b|[,:]){clause}{{0,80}}$",
               rf"{subject}(?P<cue>{clause_cues}|{that_verb})\s{clause}{{0,120}}$",
               # 'According to the ministry, the plan is "dead"' / 'Selon la mairie, le projet est « mort »'
               rf"^(?P<cue>{preps})\s+{phrase}\s*,{clause}{{0,160}}$",
               *([rf"^(?P<cue>{person_preps})\s+{phrase}\s*,{clause}{{0,160}}$"] if person_preps else [])]
    # „Laut Anklageschrift handelte er „…““: where the verb follows the source with no comma (``source_before_verb``),
    # the source's capitalised words up to the first lower-case word, as for an indirect quote
    if data.get("source_before_verb"):
        partial.append(rf"^(?P<cue>{preps})\s+(?P<speaker>{source_det}(?:(?-i:[{UPPER}])[\w’'-]*\s+){{0,3}}?"
                       rf"(?-i:[{UPPER}])[\w’'-]*{genitive})\s+{source_verb}{no_genitive}{clause}{{0,160}}$")
    # 'Ada Quill described the walkout as “…”', „Vogt sprach von einem „…““: a cue whose object or complement
    # the fragment is (``complement_cues``: the cue, then the word that opens its complement, "" for none),
    # with at most two words between that word and the mark
    # (the subject opens the sentence, with no word before it: in „Vor jubelnden Anhängern sprach der Premier von …“
    # the noun before the cue is no subject; or it follows a fronted phrase and its comma, "Elsewhere in his
    # remarks, Geng described …", tried second: an appositive would pass for a fronted phrase)
    own_subject = rf"{speaker}{long_aside}(?:,\s*|\s+)"
    opening_subject, fronted_subject = rf"^{own_subject}", rf"^{clause}{{1,80}}?,\s+{own_subject}"
    # (not after an auxiliary of the passive: in "X has been called the “…”" someone else spoke)
    not_passive = "".join(rf"(?<!\b{re.escape(word)}\s)" for word in data.get("passive_auxiliaries", []))
    # (nor after the writer's ``complement_frames``: "… denounced what he called a “…”" quotes the label, and the
    # subject before it may be a place in a fronted phrase, "Speaking in the capital, Juba, Mr. K. …")
    frames = [" ".join(map(re.escape, phrase.split())) for phrase in data.get("complement_frames", [])]
    not_passive += "".join(rf"(?<!\b{frame}\s)" for frame in frames)
    # (a cue with no complement word needs its object before the mark: "The campaign, called “…”" names a thing)
    complements = [(rf"{not_passive}(?P<cue>{verb})\b" + (rf"{clause}{{0,80}}?\b(?:{opener})" if opener else "")
                    + (r"(?:\s+[\w'’-]+){0,2}?\s*$" if opener else r"(?:\s+[\w'’-]+){1,2}?\s*$"))
                   for verb, opener in data.get("complement_cues", {}).items()]
    partial += [rf"{opening}{complement}" for complement in complements for opening in (opening_subject, fronted_subject)]
    # 'A nurse on the ward, who has worked there for years, said the ward had been "…"': a described
    # subject opening the sentence, a relative clause of ``described_partial_subjects`` between commas, a
    # clause cue, then no comma before the fragment (after one, another subject may speak: "…, a man
    # yelled “…”", "…, including Mitt Romney -- “…”")
    if data.get("described_partial_subjects"):
        described = rf"(?P<speaker>(?:{determiners})\s+(?:{no_cue}[\w’'-]+\s+){{0,6}}?[\w’'-]+)"
        relative_aside = rf"(?:,\s+(?:{alternation(data['described_partial_subjects'])})\b(?:[^;\n“”«»\".!?]|{abbrev}){{1,140}}?,)?"
        partial.append(rf"^{described}{relative_aside}\s+(?P<cue>{clause_cues})\s(?:(?!,){clause}){{0,120}}$")
        # "A spokeswoman for the service called the seizure “…”": the same subject before a complement cue,
        # with no subject pronoun inside it ("The president denounced what he called the ''…''" is a clause)
        # nor a group of unnamed people ("Some residents called it a “…”": the writer's scare quote)
        no_pronoun = rf"(?!(?:{alternation(data.get('subject_pronouns', []))})\b)"
        no_group = rf"(?!(?:{alternation(data.get('group_determiners', []))})\b)"
        noun_phrase = rf"(?P<speaker>{no_group}(?:{determiners})\s+(?:{no_cue}{no_pronoun}[\w’'-]+\s+){{0,6}}?{no_pronoun}[\w’'-]+)"
        # (a word between the subject and its cue stays out of the mention: "The alliance previously described")
        partial += [rf"^{noun_phrase}{relative_aside}(?:\s+(?-i:{between}))?\s+{complement}" for complement in complements]
    # the sentence after a quote that opens its paragraph: its subject speaks ("Union leader Jane
    # Roe spoke to reporters"), or it names the words' owner ("Those were the words of Jane Roe");
    # only these cues, not the quote cues, which hold verbs of thought ("Repairs are expected …")
    next_cues = alternation(data.get("next_sentence_cues", []))
    following = [rf"^(?:[\w'’]+,?\s+){{0,3}}?{speaker}{long_aside},?\s+(?:[\w'’-]+\s+){{0,2}}?(?P<cue>{next_cues})\b",
                 rf"\b(?P<cue>{alternation(data.get('words_of', []))})\s+{speaker}",
                 # « “…”. Así ha resumido la consejera, Ana Roca, … »: an opener that points back at the
                 # quote, a quote cue, then its subject (``next_sentence_openers``)
                 rf"^(?P<opener>{alternation(data.get('next_sentence_openers', []))}),?\s+"
                 rf"(?:(?:{alternation(data.get('object_clitics', []))})\s+)?(?P<cue>{cues})\s+{speaker}"]
    compile_ = lambda parts: tuple(re.compile(p, re.I) for p in parts)  # noqa: E731
    # a compound whose last part is a person's title or role („der CDU-Politiker“, „der 51-Jährige“), also
    # without its determiner, which a sentence's capital cut off („Der Vorstandschef räumte ein:“)
    heads = rf"[\w-]*(?:{alternation(data['title_heads'])})" if data.get("title_heads") else ""
    title_heads = f"|{heads}" if heads else ""
    pronouns = data.get("pronouns", []) + data.get("first_person", []) + data.get("neuter_pronouns", [])
    openers = {opener: tuple(closers) for opener, closers in data["marks"].items()} if "marks" in data else dict(OPENERS)
    around = tuple((re.compile(item["before"], re.I), re.compile(item["after"], re.I))
                   for item in data.get("around_patterns", []))
    return Rules(compile_(after), compile_(after_open), compile_(before), compile_(indirect),
                 frozenset(p.lower() for p in pronouns),
                 re.compile(rf"^(?:(?:{determiners})\s*(?:[\w-]+\s+){{0,2}}?(?:{titles}{title_heads}){title_heads})\b", re.I),
                 tuple(re.compile(rf",\s*{to_whom_incise}(?P<cue>{pattern})\s*[,.]", re.I) for pattern in incises) + (
                     # « Nous sommes prêts, a indiqué le maire Ana Roux. Nous … »: a cue and its named
                     # subject between commas or before a full stop inside the marks (``named_incise``)
                     (re.compile(rf",\s*(?P<cue>{after_cues})\s+{speaker}\s*[,.]", re.I),) if data.get("named_incise") else ()),
                 compile_(previous), frozenset(p.lower() for p in data.get("neuter_pronouns", [])),
                 openers, around, gendered, compile_(partial),
                 # "…and declared, “…”", "told his supporters, “…”", "writing “…”" (no comma: see quotes._standalone)
                 re.compile(rf"(?<![\w'’-])(?:{cues}|{participles})(?:(?:\s+[\w'’-]+){{0,3}}\s*,|\s*,?)$", re.I),
                 compile_(following),
                 compile_(trailing),
                 # (not "adding that …": reported speech, whose quoted words are a fragment)
                 re.compile(rf"(?:^|,)\s*(?:(?:{conjunctions})\s+)?(?:{participles})\b(?![^“”«»\"\n]*\b(?:{that_words})\b)"
                            rf"[^“”«»\"\n]{{0,100}}?[,:]?\s*$"
                            if participles != NEVER else NEVER, re.I),
                 person_sources(data, language, UPPER),
                 frozenset(p.lower() for p in data.get("subject_pronouns", [])),
                 # (the title in lower case: "Harbour Minister Tove Lindqvist" stays one capitalised name)
                 # (the words between are no cue, determiner or conjunction: "Smith told reporter Jo Lee")
                 re.compile(rf"\s+(?:(?!(?:{first_letter_alternation(cue_words)}|{determiners}|{conjunctions})\b)[\w'’-]+\s+){{0,2}}?"
                            rf"(?-i:(?={first_letter_alternation(roles)}\s)[a-z][\w-]*)\s+(?P<name>{name})", re.I)
                 if roles else None,
                 _naming(data), speaking_nouns, speaking_determiners,
                 re.compile(rf"{adjunct}\s*,?\s*(?:(?P<clause>{clause_words})\s*)?", re.I) if adjunct else None,
                 # (not inside a relative clause of the speaker's: "said X, who led the party, and has backed her.")
                 re.compile(rf"^(?:(?!\b(?:{alternation(data.get('description_relatives', []))})\b)[^\n])*?"
                            rf",\s+(?:{alternation(data.get('conjunctions', []) + data.get('clause_openers', []))})\s+"
                            rf"[^“”«»\"\n]*[.!?]\s*$", re.I),
                 # (the subject after the clause's last comma first: "Shortly after the vote, Jo Ash proclaimed, “…”")
                 # the verb right after its subject, or a participle after the clause's comma
                 compile_([rf"{start}{speaker}\b(?:\s+(?-i:{between}))?\s+(?P<cue>(?-i:{data['sentence_quote_verb']}))\b"
                           rf"(?:\s+[\w'’.-]+){{0,6}}?\s*,\s*$" for start in (r"(?<=,\s)", r"(?:^|(?<=[.!?]\s)|(?<=\n))")]
                          + [rf"(?:^|(?<=[.!?]\s)|(?<=\n)){speaker}\b(?:[^.!?:;«“”»\"\n]|{abbrev}){{0,200}}?,\s+"
                             rf"(?P<cue>(?-i:{data['sentence_quote_participle']}))\b(?:\s+[\w'’.-]+){{0,3}}?\s*,\s*$"]
                          if data.get("sentence_quote_verb") and data.get("sentence_quote_participle") else []),
                 re.compile(rf"{nested_source}\s*$", re.I) if trailing_preps != NEVER else None,
                 # (not before a relative or a phrase that ends an attribution: '…,” according to the
                 # report, which …')
                 re.compile(rf"^\s*[,—–]?\s*(?:{preps})\s+(?:[^.,;:!?\n“”«»\"]|{abbrev}){{2,100}}?,\s*"
                            rf"(?!(?:{alternation(data.get('description_relatives', []) + data.get('description_ends', []))})\b)(?=\S)",
                            re.I) if preps != NEVER else None,
                 re.compile(rf"^[\s,]*(?P<speaker>(?-i:{surnamable}))\s+(?P<cue>(?-i:{cue_words_plain}))\b")
                 if surnamable != NEVER else None,
                 frozenset(word.lower() for word in relatives),
                 _previous_subject(data, name, abbrev, between),
                 language if data.get("cue_before_subject") else None,
                 frozenset(word.lower() for word in data.get("speaker_edge_words", [])),
                 frozenset(word.lower() for word in data.get("passive_auxiliaries", [])),
                 _addressee(data), frozenset(word.lower() for word in data.get("addressee_cues", [])),
                 language if data.get("interjection_lexicon") else None,
                 _mention_after_verb(data, addressed, determiners) if addressed else None,
                 _title_case_name(data),
                 pro_drop=bool(data.get("pro_drop")),
                 fronted_subject_endings=tuple(data.get("infinitive_endings", ())) if data.get("previous_subject_fronted") else (),
                 person_body_link=_person_body_link(data),
                 complement_owner=_complement_owner(data),
                 complement_opening=_complement_opening(data),
                 capitalised_owner=_capitalised_owner(data),
                 owner_link=_owner_link(data),
                 owner_title=_owner_title(data),
                 object_prepositions=frozenset(word.lower() for word in data.get("object_prepositions", [])),
                 answer_labels=_answer_labels(data),
                 name_answer_labels=bool(data.get("name_answer_labels")))


def _source_determiner(data: dict, det: str) -> str:
    """The optional determiner before a source whose verb follows it („Laut einem Sprecher sind …“).

    Besides the language's determiners, the cases its source prepositions govern (``source_determiners``:
    „laut einem“, „laut eines“), each with at most one adjective, which after them ends in ``-en`` („Laut einer
    entsprechenden Warnmeldung besteht …“); a lower-case word of another ending is the source's verb."""
    governed = data.get("source_determiners")
    if not governed:
        return rf"(?:{det})?"
    return rf"(?:{det}|(?-i:{alternation(governed)})\s+(?:(?-i:[a-zäöüß])[\w-]*en\s+)?)?"


def _answer_labels(data: dict) -> re.Pattern[str] | None:
    """The labels that open an interview's answer line, each followed by a space."""
    labels = data.get("answer_labels")
    return re.compile(rf"(?:{'|'.join(re.escape(label) for label in labels)})[^\S\n]+(?=\S)") if labels else None


# where a clause opens: its text's or line's start, after a sentence's end or a comma
CLAUSE_START = r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=,\s))"
# between two words of one line: spaces, or nothing after an elided word's apostrophe (« d'Orsay »)
WORD_GAP = r"(?:(?<=['’])|[^\S\n]+)"


def _complement_owner(data: dict) -> re.Pattern[str] | None:
    """The described person whose complement a speaker mention is: a determiner opening a clause
    (its sentence, or after a comma or a capitalised opener: "But the lawyer acting for"), one or two
    lower-case words (not "The ad uses footage of", a clause), then a complement word or none where the
    mention opens with it (« de Montbrisac »), ending where the mention starts. Lower-case words only: "The
    League of" is a body's own name."""
    complements, determiners = data.get("mention_complements"), data.get("determiners")
    if not complements or not determiners:
        return None
    lower = r"(?-i:[a-zß-ÿ])[\w'’-]*"
    # (the noun before the link is no link itself: in "the baker of " the link is "of")
    noun = rf"(?!(?:{alternation(complements)})\s){lower}"
    # (a clause also opens after a closing quote mark: "“…,” the lawyer for …")
    return re.compile(rf"(?:{CLAUSE_START}|(?<=[”\"»]\s))(?:(?-i:[{UPPER}])\w*\s+)?"
                      rf"(?P<owner>(?:{alternation(determiners)})(?:(?<=['’])|\s+)(?:{lower}\s+)?{noun}\s+)"
                      rf"(?P<link>(?:{alternation(complements)})(?:(?<=['’])|\s+))?\Z", re.I)


def _capitalised_owner(data: dict) -> re.Pattern[str] | None:
    """A capitalised run before a complement word that ends where a speaker mention starts: "the US
    Ambassador to" (Tarn), "The League of" (Coastal Towns), "Gov. Jo Pell of" (Tarn), « le Premier ministre
    de » (Tarn), with a determiner before the run and one after the link. No run that opens with a
    ``not_names`` word ("As for", « Selon ») or a source preposition ("According to")."""
    complements, determiners = data.get("mention_complements"), data.get("determiners")
    if not complements or not determiners:
        return None
    stops = alternation([word for word in data.get("not_names", []) if word.lower() not in determiners] or ["(?!)"])
    sources = alternation(data.get("source_prepositions", []) or ["(?!)"])
    # (a full stop inside the run only after an abbreviation or an initial: "Rep.", "U.S.", not "Island.")
    abbreviations = alternation([re.escape(w) for w in data.get("description_abbreviations", [])] or ["(?!)"])
    word = (rf"(?=(?-i:[{UPPER}]))(?!(?:{stops}|{sources})(?![\w'’]))"
            rf"(?-i:(?:{abbreviations})\.|(?:[{UPPER}]\.)+|[{UPPER}][\w'’-]*(?![\w'’-]*\.))")
    # a title may hold lower-case words after its capital (« Premier ministre »)
    title = rf"(?-i:(?=[{UPPER}]))(?:{alternation(data.get('titles', []) or ['(?!)'])})(?![\w'’-])"
    run = rf"(?:{word}[^\S\n]+)*?(?:{title}|{word})"
    det = alternation(determiners)
    gap = WORD_GAP
    # a clause-only link ("Officials at", "Jo Pell from") where the run opens its sentence or follows a
    # comma: group ``opening`` is set there only ("visiting Tarn from Leeds" is no owner)
    opening = rf"(?P<opening>{CLAUSE_START})?"
    clause_links = alternation(data.get("clause_owner_complements", []) or ["(?!)"])
    link = rf"(?:{alternation(complements)}|(?(opening)(?:{clause_links})|(?!)))"
    return re.compile(rf"{opening}(?<![\w'’.-])(?P<owner>(?:(?:{det}){gap})?(?P<run>{run}))[^\S\n]+"
                      rf"{link}{gap}(?:(?:{det}){gap})?\Z", re.I)


def _owner_link(data: dict) -> re.Pattern[str] | None:
    """A complement word and an optional determiner ending the text before a mention (" of the ", « de »)."""
    complements, determiners = data.get("mention_complements"), data.get("determiners")
    if not complements or not determiners:
        return None
    det, gap = alternation(determiners), WORD_GAP
    complements = complements + data.get("clause_owner_complements", [])
    return re.compile(rf"[^\S\n](?:{alternation(complements)}){gap}(?:(?:{det}){gap})?\Z", re.I)


def _owner_title(data: dict) -> re.Pattern[str] | None:
    titles = data.get("titles")
    return re.compile(rf"(?<![\w'’-])(?:{alternation(titles)})(?![\w'’-])", re.I) if titles else None


def _complement_opening(data: dict) -> re.Pattern[str] | None:
    complements = data.get("mention_complements")
    return re.compile(rf"(?:{alternation(complements)})(?:(?<=['’])|\s+)", re.I) if complements else None


def _person_body_link(data: dict) -> re.Pattern[str] | None:
    links = data.get("person_body_links")
    return re.compile(rf"\s+(?:{alternation(links)})\s+", re.I) if links else None


def _mention_after_verb(data: dict, addressed: str, determiners: str) -> re.Pattern[str]:
    """The verb a source mention opens on, up to its subject (one or two lower-case words, no determiner:
    « según reseñó NBC6 », « según explicó la Provincia »), with whom it was said to where the copy names
    it (« según confirmó a EFE Ana Roca »). Not "fuentes del Ministerio": a particle joins a noun to its body."""
    # (the stop words of the language hold the speech verbs themselves: the phrase words are left out instead)
    joins = data.get("determiners", []) + data.get("name_particles", []) + data.get("clause_continuations", [])
    verb = rf"(?!(?:{alternation(joins)})\b)[a-zà-ÿ][\w'’-]*\s+"
    return re.compile(rf"(?-i:[a-zà-ÿ][\w'’-]*\s+){{1,2}}?{addressed}\s+(?=\S)"
                      rf"|(?-i:{verb}){{1,2}}?(?=(?:(?:{determiners})\s+)?(?-i:[{UPPER}]))", re.I)


def _demonstrative_subject(data: dict, language: str) -> str:
    """An alternative for a demonstrative that opens the subject after a cue (``demonstrative_subjects``:
    « “…”, informó este ministerio »), unless a month, a weekday or a word of ``demonstrative_time_nouns``
    follows: « “…”, dijo este martes » keeps its day as the clause's time, no speaker. Empty elsewhere."""
    demonstratives = data.get("demonstrative_subjects", [])
    if not demonstratives:
        return ""
    times = sorted(calendar_words(language) | set(weekday_names(language)) | set(data.get("demonstrative_time_nouns", [])))
    return rf"|(?:{alternation(demonstratives)})\s+(?!(?:{alternation(times)})\b)"


def _title_case_name(data: dict) -> re.Pattern[str] | None:
    """Two to six words, each capitalised (or a number) but the short words of
    ``title_function_words``, the last capitalised, no sentence mark: a name in title case; None
    where the language lists no such words (its titles are not written so)."""
    if not data.get("title_function_words"):
        return None
    word = rf"[{UPPER}0-9][\w'’&-]*(?:\.[\w'’&-]+)*"
    return re.compile(rf"\s*{word}(?:\s+(?:(?-i:{alternation(data['title_function_words'])})\s+){{0,2}}{word}){{1,5}}\s*,?\s*")


def _addressee(data: dict) -> re.Pattern[str] | None:
    """Whom a cue's words were said to, up to the reported clause: at most five words, then the clause
    word ("that") or a subject that opens the clause (``addressed_clause_openers``), or a comma and a
    participle of speech that opens it ("told the Ledger, adding that …", "told the paper, adding
    nothing …": ``participle_cues``); or an object pronoun and "to" (``addressee_orders``: an order)."""
    if not data.get("addressee_cues"):
        return None
    clause = alternation(data.get("that_words", ["that"]))
    subjects = alternation(data.get("addressed_clause_openers", []))
    orders = alternation(data.get("addressee_orders", []))
    participles = alternation(data.get("participle_cues", []))
    # the participle's own "that" goes with it; the addressee's last word carries the comma
    participle = rf"|(?:[\w'’.&-]+\s+){{0,4}}[\w'’.&-]+,\s+(?:{participles})\s+(?:(?:{clause})\s+)?" if participles else ""
    return re.compile(rf"\s*(?:(?P<order>(?:{orders})\s+to\s)|(?:[\w'’.&-]+\s+){{1,5}}?"
                      rf"(?:(?:{clause})\s+|(?=(?:{subjects})\s)){participle})", re.I)


def _addressed_medium(data: dict) -> str:
    """Whom the words were said to, right after a cue (``addressee_prepositions``): a medium the
    language's copy names (``addressee_media``) or an initialism ("a EFE", "a BBC"); "" where the
    language lists no such preposition. Not a person, whose name would run on into the subject."""
    prepositions = data.get("addressee_prepositions", [])
    if not prepositions:
        return ""
    media = alternation(data.get("addressee_media", []))
    return rf"(?:{alternation(prepositions)})\s+(?:(?-i:[A-Z][A-Z0-9]{{1,5}})|(?-i:{media}))(?![\w'’-])"


def _fronted_stop_words(data: dict, language: str) -> str:
    """Where the verb comes second (``cue_before_subject``), an alternative for the stop words of the
    language, capitalised, that are no determiner and no surname anywhere: a sentence opens on them
    before its verb („Danach sagte der Minister:“, „Trotzdem erklärte sie:“), and they name no one (not
    „Kurz“, „Lang“, which Faker lists as surnames). Empty elsewhere. Grouped by first letter, as the
    name pattern tests it at every capitalised word."""
    if not data.get("cue_before_subject"):
        return ""
    determiners = {word.lower() for word in data.get("determiners", [])}
    known_surnames = {name.lower() for name in surnames()}
    words = [word for word in stop_words(language) if word not in determiners and word not in known_surnames]
    return rf"|(?-i:(?=[{UPPER}]))(?i:{first_letter_alternation(words)})" if words else ""


def _document_author(data: dict) -> list[str]:
    """A document named with its author, then a relative clause that cites it, before the colon:
    „ein Schreiben der Bildungsdirektion, in dem es hieß:“, "a letter from Mayor Jo Ash, which read:",
    « une lettre du maire Paul Roux, dans laquelle on pouvait lire : »: the author speaks (not the
    sentence's subject, who received it). ``[document_author]`` in the language's file: ``nouns``,
    ``links`` (the words between the noun and its author) and ``relatives`` (the citing clause)."""
    spec = data.get("document_author")
    if not spec:
        return []
    author = rf"(?:[\w'’-]+\s+){{0,2}}?(?-i:[{UPPER}])[\w'’.-]*(?:\s+(?-i:[{UPPER}])[\w'’.-]*){{0,3}}"
    return [rf"\b(?:{alternation(spec['nouns'])})\s+(?:{alternation(spec['links'])})\s+(?P<speaker>{author}),\s*"
            rf"(?P<cue>{alternation(spec['relatives'])})\s*:\s*$"]


def is_fronted_word(match: re.Match[str], rule: Rules) -> bool:
    """Whether the word a ``before`` pattern read as fronted (its ``fronted`` group) opens a verb-second
    sentence before its cue and names no one: the language's lexicon knows it lower-case only and no
    locale lists it as a surname („Inzwischen“, „Anschließend“, „Ebenfalls“; not „Merkel“, „Kellner“,
    „Kurz“). A general test in place of a list. True for a match without that group, false for a
    determiner (it opens the subject, not a fronted phrase)."""
    word = match.groupdict().get("fronted")
    if word is None:
        return True
    # (a determiner opens the subject itself: in „Der Gouverneur, Jim Ash, kritisierte das Verhalten:“ no
    # phrase is fronted and „das Verhalten“ is the object)
    if word.lower() in rule.determiner_words:
        return False
    return reads_lower_case(word, rule)


def reads_lower_case(word: str, rule: Rules) -> bool:
    """Whether a capitalised word is capitalised only because a verb-second sentence opens on it: the
    language's lexicon knows it lower-case only and no locale lists it as a surname."""
    return rule.fronted_language is not None and word not in surnames() and lower_case_only(word, rule.fronted_language)


def is_fronted_speaker(match: re.Match[str], rule: Rules) -> bool:
    """Whether the one-word speaker a ``before`` pattern found is a sentence's fronted adverb, adjective or
    preposition („Gleichzeitig zeige der Film:“, „Trotz der Entwicklungen versucht X …:“, „Soziale und
    wirtschaftliche Folgen …:“), which names no one; a pronoun („Er sagte:“) speaks."""
    if not match.groupdict().get("speaker"):
        return False
    words = match.group("speaker").split()
    return len(words) == 1 and words[0].lower() not in rule.pronouns and reads_lower_case(words[0], rule)


def _fronted_words(data: dict, language: str) -> str:
    """The words that may open a verb-second sentence before its cue and are no speaker: the listed
    ``not_names`` and the stop words of :func:`_fronted_stop_words`."""
    determiners = {word.lower() for word in data.get("determiners", [])}
    listed = alternation([word for word in data.get("not_names", []) if word.lower() not in determiners])
    return listed + _fronted_stop_words(data, language)


def _name_complement_end(data: dict) -> str:
    """Where a speaker's name ends before the body it works for, as a complement of lower-case words
    (``name_complements``: « a déclaré l'analyste Paul Vernet de la maison de commerce Cortaix »): after
    a capitalised word only, so « le ministre des Finances Olaf Brenner » and « le maire de Villeneuve »
    stay whole; an alternative of the speaker's end, or nothing where the language lists none."""
    words = data.get("name_complements", [])
    if not words:
        return ""
    # (one look-behind per word length: Python's look-behinds are of fixed width)
    capitalised = "|".join(rf"(?<=\b(?-i:[{UPPER}])[\w'’-]{{{length}}}){_not_after_determiner(data, length)}"
                           for length in range(1, NAME_WORD_LENGTH))
    return rf"|(?:{capitalised})\s+(?:{alternation(words)})\s*(?-i:[a-zà-ÿ])"


def _not_after_determiner(data: dict, length: int) -> str:
    """Look-behinds refusing a capitalised word of ``length`` + 1 letters that a determiner opens: such a
    word heads a body's own name (« l'Association de la défense des locataires », « la Fédération de
    la pêche »), whose complement is part of the name, not the body a named person works for."""
    by_width: dict[int, list[str]] = {}
    for word in data.get("determiners", []):
        # an elided determiner ends at its apostrophe, the others at a space
        opener = word if word[-1] in "'’" else word + " "
        by_width.setdefault(len(opener), []).append(re.escape(opener))
    capital = rf"(?-i:[{UPPER}])[\w'’-]{{{length}}}"
    return "".join(rf"(?<!\b(?:{'|'.join(words)}){capital})" for words in by_width.values())


def _object_pronouns(objects: dict[str, str], pronouns: list[str]) -> list[str]:
    """Each speaker pronoun that is also an object, as a pattern that refuses it before the verb it is
    the object of (``object_pronouns``: the pronoun and the shape of that verb's first word)."""
    return [rf"{re.escape(word)}(?!\s+(?:{objects[word]}))" for word in pronouns if word in objects]


def object_pronoun_ends(data: dict) -> str:
    """A speaker phrase ends before an object pronoun and its verb (« Le maire | lui a dit que »)."""
    objects = data.get("object_pronouns", {})
    return "".join(rf"|\s+{re.escape(word)}\s+(?:{verb})" for word, verb in objects.items())


def _pronoun_speaker(data: dict) -> str:
    """The language's pronouns as a speaker mention. A pronoun that is also a determiner ("her",
    "ihr") followed by a lower-case word determines that word: in "Her husband was blunt:" or
    "Her message was simple:" the speaker is no "Her". A pronoun that is also an object
    (``object_pronouns``: French « lui », « nous ») right before the verb it is the object of is
    whom the words were said to: « Le maire lui a dit », « nous assurent les délégués »."""
    pronouns = data.get("pronouns", []) + data.get("first_person", []) + data.get("neuter_pronouns", [])
    determiners = {word.lower() for word in data.get("determiners", [])}
    objects = data.get("object_pronouns", {})
    possessive = [word for word in pronouns if word.lower() in determiners]
    plain = alternation([word for word in pronouns if word.lower() not in determiners and word not in objects])
    plain = "|".join(filter(None, [plain, *_object_pronouns(objects, pronouns)]))
    if not possessive:
        return plain
    return rf"{plain}|(?:{alternation(possessive)})(?!\s+(?-i:[a-zà-ÿ]))"


def _previous_subject(data: dict, name: str, abbrev: str, between: str) -> re.Pattern[str] | None:
    """The subject of the sentence before an unattributed quote (``previous_subject``): a subject pronoun
    whose gender or number the language marks (``pronoun_gender``: French « il », « elles », not « on »,
    whom no antecedent agrees with), or a name; then a verb, of the shape ``previous_subject_verb`` where
    the language gives one (French: no impersonal « Il faut », « Il y a »), else a word between speaker and
    cue or a verb of the ``open_quote_cue`` shape."""
    verb = data.get("previous_subject_verb")
    generic = data.get("open_quote_cue")
    if not data.get("previous_subject") or not (verb or generic):
        return None
    verbs = verb or rf"(?:{between})\b|(?:{generic})\b"
    marked = {word.lower() for word in data.get("pronoun_gender", {})}
    pronouns = [word for word in data.get("subject_pronouns", []) if not marked or word.lower() in marked]
    return re.compile(rf"^(?P<speaker>(?:{alternation(pronouns)})\b|{name})"
                      rf"(?:,(?:[^,;:\n“”«»\"]|{abbrev}){{1,80}},)?\s+(?-i:{verbs})", re.I)


def _noun_subject(nouns: re.Pattern[str] | None, det: str) -> str:
    """For a language that capitalises every noun: a determiner, up to two words and a speaking noun
    (``_speaking_nouns``: "das Ministerium", "die Landespolizei"), else a pattern that never matches."""
    if nouns is None:
        return NEVER
    return rf"{det}(?:[\w'’-]+\s+){{0,2}}?(?-i:(?=[{UPPER}]))(?:{nouns.pattern})\b"


def _speaking_nouns(data: dict, language: str) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """For a language that capitalises every noun (``capitalised_nouns`` in its entities file):
    the nouns of a person or a body, the end of a compound ("Polizeisprecherin", "Landesregierung"):
    the speaker titles and roles of ``quotes.toml`` and the person titles, organisation words and
    suffixes of ``entities.toml``; with the language's determiners."""
    if not capitalises_nouns(language):
        return None, frozenset()
    names = lang.load(language, "entities").get("names", {})
    nouns = (data.get("titles", []) + data.get("description_roles", []) + data.get("source_nouns", [])
             + names.get("person_titles", []) + names.get("org_words", []) + names.get("org_suffixes", []))
    pattern = re.compile(rf"[\w-]*(?:{alternation([n.lower() for n in nouns])})(?:n|en|s|es)?", re.I)
    return pattern, frozenset(d.lower() for d in data.get("determiners", []))


def _time_between(data: dict, language: str) -> str:
    """A day between a speaker and its cue: a weekday name of the language
    (CLDR), after one of its ``time_prepositions`` ("on Monday") and before one of its ``day_parts``
    ("Monday night"); empty where the language has no weekday names."""
    days = weekday_names(language)
    if not days:
        return ""
    prepositions = data.get("time_prepositions", [])
    parts = data.get("day_parts", [])
    opened = rf"(?:(?:{alternation(prepositions)})\s+)?" if prepositions else ""
    closed = rf"(?:\s+(?:{alternation(parts)}))?" if parts else ""
    return rf"{opened}(?-i:{alternation(list(days))}){closed}"


def _naming(data: dict) -> re.Pattern[str] | None:
    """A lower-case noun and a naming word right before a quote's mark ("a campaign called").
    A pronoun or an adverb there is a speaker's own act ("who he dubbed “…”", "Smith also called
    “…”"); a capitalised word before it a speaker ("Judge Mosman called “…”")."""
    words = data.get("naming_words", [])
    if not words:
        return None
    pronouns = data.get("pronouns", []) + data.get("first_person", []) + data.get("neuter_pronouns", [])
    between = data.get("between_speaker_and_cue") or NEVER
    return re.compile(rf"(?<![\w'’-])(?!(?:{alternation(pronouns)}|{between})\b)[a-z][\w'’-]*\s+"
                      rf"(?:{alternation(words)})\s*$")


def _that_cue(cue: str, adjunct: str = "") -> str:
    """A cue ending in "que" also matches its elided form ("a indiqué qu'elle"); a cue ending in its
    clause word ("said that", "a déclaré que") lets a phrase of manner or medium stand before that
    word ("said in a statement that", « a déclaré dans un communiqué que »)."""
    words = cue.split()
    head = re.escape(" ".join(words[:-1])) + rf"(?:\s*,?\s+{adjunct})?\s*,?\s+" if adjunct and len(words) > 1 else ""
    last = " ".join(words[-1:]) if head else cue
    if words[-1:] == ["que"]:
        return head + re.escape(last[:-1]) + r"(?:e\b|['’])"
    return head + re.escape(last) + r"\b"


def _adjunct(data: dict) -> str:
    """One to four phrases of manner, medium, time or place in a row ("in a statement released by his
    office on Monday", « à l'AFP », « lors d'un point presse »): a preposition of
    ``adjunct_prepositions``, a determiner, and up to three words that are no determiner, pronoun,
    preposition or clause word; empty when the language lists no such prepositions."""
    prepositions = data.get("adjunct_prepositions", [])
    if not prepositions:
        return ""
    determiners = data.get("determiners", [])
    that_words = [cue.split()[-1] for cue in data.get("that_cues", []) if len(cue.split()) > 1]
    stops = (determiners + prepositions + that_words + data.get("pronouns", []) + data.get("subject_pronouns", [])
             + data.get("first_person", []) + data.get("neuter_pronouns", []) + data.get("conjunctions", []))
    word = rf"(?!(?:{alternation(stops)})\b)[\w'’-]+"
    # (a preposition or determiner ends at a space or at its apostrophe: "lors d'un", "l'AFP")
    piece = (rf"(?:{alternation(prepositions)})(?:\s+|(?<=['’]))(?:(?:{alternation(determiners)})(?:\s+|(?<=['’])))?"
             rf"{word}(?:\s+{word}){{0,2}}")
    return rf"(?:{piece}(?:,?\s+{piece}){{0,3}})"
