"""One helper turns a language's word list into a regex alternative for the quote rules and the
sources they test (``lang.rule_alternation``): longest entry first, each once, and an empty list
a pattern that never matches, so a rule whose list a language leaves empty is off."""

from __future__ import annotations

import re

from newsweave import lang
from newsweave.annotate import quote_rules, quote_sources


def test_longest_first_so_a_phrase_wins_over_its_first_word() -> None:
    pattern = re.compile(rf"(?:{lang.rule_alternation(['a', 'a déclaré', 'a dit'])})")
    assert pattern.match("a déclaré hier").group() == "a déclaré"


def test_an_empty_list_never_matches_not_even_the_empty_string() -> None:
    for words in ([], [""]):
        pattern = re.compile(rf"^(?:{lang.rule_alternation(words)})")
        assert pattern.match("") is None and pattern.match("said") is None
    # the helper lang.alternation keeps its own contract: an empty result for callers that test it
    assert lang.alternation([]) == ""


def test_repeated_entries_give_one_alternative() -> None:
    assert lang.rule_alternation(["said", "said", "told"]) == "said|told"


def test_the_quote_modules_share_it() -> None:
    assert quote_rules.alternation is lang.rule_alternation
    assert quote_sources.rule_alternation is lang.rule_alternation


def test_one_reading_of_a_languages_articles_longest_first() -> None:
    from newsweave import lang

    italian = lang.articles("it")
    assert italian.index("gli ") < italian.index("i ")
    assert "the " in lang.articles("en") and "the " in lang.articles_of_every_language()
    assert lang.articles("xx") == ()


def test_the_lexicon_reads_declined_nouns_only_where_the_language_lists_its_endings() -> None:
    from newsweave.annotate.word_sets import is_lexicon_noun

    assert is_lexicon_noun("Mann", "de") and is_lexicon_noun("Länder", "de")
    assert not is_lexicon_noun("Berlin", "de") and not is_lexicon_noun("Europa", "de")
    assert not is_lexicon_noun("Maison", "fr")
