"""Stop 32 (issue 17 item 3): a phrase of manner or medium after a cue is no reported content
("said in a statement"), and a quote after the writer's opener, attributed after it, is reported
speech that runs from the opener ("Based on her record, “…,” Jo Ash said.").

All texts here were written for these tests.
"""

from __future__ import annotations

from quote_inputs import quotes_of


def _reported(text: str, language: str) -> dict[str, str | None]:
    return {words: quote.speaker.text if quote.speaker else None
            for words, quote in quotes_of(text, language).items() if not quote.direct}


def test_a_phrase_of_manner_or_medium_alone_is_no_reported_content() -> None:
    assert _reported("Mayor Jo Ash said in a statement. The bridge stays shut until May.", "en") == {}
    assert _reported("The harbour board said by email on Friday.", "en") == {}
    assert _reported("Jo Ash said in an interview with the Millbrook Courier.", "en") == {}
    assert _reported("Marie Lenoir a déclaré lors d'un point presse à Brest.", "fr") == {}


def test_the_content_starts_after_the_phrase_and_its_clause_word() -> None:
    text = "Jo Ash said in a statement released by her office on Monday that the bridge would stay shut."
    assert _reported(text, "en") == {"the bridge would stay shut": "Jo Ash"}
    text = "Marie Lenoir a affirmé devant les élus du port que le pont resterait fermé."
    assert _reported(text, "fr") == {"le pont resterait fermé": "Marie Lenoir"}
    text = "Marie Lenoir a affirmé au Courrier de Brest qu'elle ne partirait pas."
    assert _reported(text, "fr") == {"elle ne partirait pas": "Marie Lenoir"}


def test_a_sentence_closed_by_its_attribution_and_a_phrase_keeps_the_sentence() -> None:
    assert _reported("The bridge will stay shut, Jo Ash said in a statement.", "en") == {"The bridge will stay shut": "Jo Ash"}
    text = "Le pont restera fermé, a déclaré Marie Lenoir lors d'un point presse."
    assert _reported(text, "fr") == {"Le pont restera fermé": "Marie Lenoir"}


def test_a_clause_after_the_phrase_without_a_clause_word_is_left_whole() -> None:
    # where the phrase ends is not known for sure without "that": the content stays as it was
    assert _reported("Jo Ash said on Monday the bridge would stay shut.", "en") == {
        "on Monday the bridge would stay shut": "Jo Ash"}


def test_a_quote_after_the_writers_opener_is_reported_speech_from_the_opener() -> None:
    text = "Based on her record at the port, “I cannot see how anyone would trust her,” Jo Ash said. The vote went ahead."
    quote = quotes_of(text, "en")["Based on her record at the port, “I cannot see how anyone would trust her,"]
    assert not quote.direct and quote.partial and quote.speaker is not None and quote.speaker.text == "Jo Ash"
    text = "Comme beaucoup d'élus, « nous manquons de temps et d'argent », Marie Lenoir a déclaré."
    quote = quotes_of(text, "fr")["Comme beaucoup d'élus, « nous manquons de temps et d'argent"]
    assert not quote.direct and quote.speaker is not None and quote.speaker.text == "Marie Lenoir"


def test_the_inverted_attribution_and_a_quote_alone_stay_direct() -> None:
    quote = quotes_of("On Monday, “we will close the bridge for two weeks,” said Jo Ash.", "en")[
        "we will close the bridge for two weeks,"]
    assert quote.direct and quote.speaker is not None and quote.speaker.text == "Jo Ash"
    text = "Pour l'heure, « nous attendons la décision du tribunal », a déclaré Marie Lenoir."
    assert quotes_of(text, "fr")["nous attendons la décision du tribunal"].direct
    assert quotes_of("“We will close the bridge,” Jo Ash said.", "en")["We will close the bridge,"].direct


def _speaker(text: str, words: str, language: str) -> str | None:
    quote = quotes_of(text, language)[words]
    return quote.speaker.text if quote.speaker else None


def test_words_that_go_on_the_writers_sentence_open_no_speaker() -> None:
    text = "“We want a new bridge in the harbour” for the town, Jo Ash said."
    assert _speaker(text, "We want a new bridge in the harbour", "en") == "Jo Ash"
    text = "“The evidence is strong that the crew was right” than that of the harbour chief, Ada Quill said."
    assert _speaker(text, "The evidence is strong that the crew was right", "en") == "Ada Quill"
    # no speaker rather than the rest of the writer's clause
    text = "“It will be hard to win the seat” that Jo Ash can catch Ada Quill, said Tom Reed, a strategist."
    assert _speaker(text, "It will be hard to win the seat", "en") != "that Jo Ash can catch Ada Quill"


def test_a_speaker_phrase_after_a_quote_still_opens_with_a_determiner_or_a_name() -> None:
    assert _speaker("“The bridge is too narrow,” the harbour master said.", "The bridge is too narrow,", "en") == "the harbour master"
    assert _speaker("“The bridge is too narrow,” Jo Ash said.", "The bridge is too narrow,", "en") == "Jo Ash"
    text = "« Nous voulons un pont neuf » pour la ville, a affirmé Marie Lenoir."
    assert _speaker(text, "Nous voulons un pont neuf", "fr") == "Marie Lenoir"
    assert _speaker("« Le pont est trop étroit », a dit la maire.", "Le pont est trop étroit", "fr") == "la maire"


def _described(text: str, words: str, language: str) -> str | None:
    quote = quotes_of(text, language)[words]
    return quote.speaker_description.text if quote.speaker_description else None


def test_a_title_in_quote_marks_goes_with_the_speakers_description() -> None:
    text = "“The port is dying,” said Ada Quill, author of the book “Tides of Millbrook: A Harbour Story.”\n\nThe vote is Monday."
    assert _described(text, "The port is dying,", "en") == "Ada Quill, author of the book “Tides of Millbrook: A Harbour Story.”"
    text = "“We have to listen,” wrote the authors of the “Harbour Renewal Plan,” citing the closed shipyard."
    assert _described(text, "We have to listen,", "en") == "the authors of the “Harbour Renewal Plan,”"
    text = "« Il faut les écouter », a dit Marie Lenoir, autrice du livre « Le Pont perdu ». Elle vit à Brest."
    assert _described(text, "Il faut les écouter", "fr") == "Marie Lenoir, autrice du livre « Le Pont perdu »"


def test_a_quote_after_the_description_is_no_title_of_it() -> None:
    # lower case after the mark, or after the description's comma: the writer's words, not a title
    text = "“The port is dying,” said Ada Quill, a harbour pilot, “and nobody listens.”"
    assert _described(text, "The port is dying,", "en") == "Ada Quill, a harbour pilot"
    text = "« Le port meurt », a dit Marie Lenoir, pilote du port, « et personne n'écoute »."
    assert _described(text, "Le port meurt", "fr") == "Marie Lenoir, pilote du port"


def _same_utterance(text: str, first: str, second: str, language: str) -> bool:
    quotes = quotes_of(text, language)
    return quotes[first].quote_id == quotes[second].quote_id


def test_an_attribution_that_goes_on_with_another_clause_ends_the_utterance() -> None:
    text = "“Tell her I kept the photo,” Ada Quill said, and her husband cut in. “We were all in the same class.”"
    assert not _same_utterance(text, "Tell her I kept the photo,", "We were all in the same class.", "en")
    text = "“We have work to do,” Jo Ash told the crowd, then turned to the harbour plan. “The port must reopen.”"
    assert not _same_utterance(text, "We have work to do,", "The port must reopen.", "en")
    text = "« Dites-lui que j'ai gardé la photo », a dit Marie Lenoir, et son mari a ajouté un mot. « Nous étions dans la même classe. »"
    assert not _same_utterance(text, "Dites-lui que j'ai gardé la photo", "Nous étions dans la même classe.", "fr")


def test_the_attribution_alone_or_a_relative_clause_keeps_the_utterance() -> None:
    text = "“We have work to do,” Jo Ash said. “The port must reopen.”"
    assert _same_utterance(text, "We have work to do,", "The port must reopen.", "en")
    text = "“We have work to do,” said Jo Ash, who led the party for years, and has backed the plan. “The port must reopen.”"
    assert _same_utterance(text, "We have work to do,", "The port must reopen.", "en")
    text = "« Nous avons du travail », a dit Marie Lenoir. « Le port doit rouvrir. »"
    assert _same_utterance(text, "Nous avons du travail", "Le port doit rouvrir.", "fr")


def test_a_comma_inside_single_marks_is_no_closing_attribution() -> None:
    # the writer's quoted words are no speaker ("repairs and bridges for all’, Jo Ash")
    text = "The council will focus on ‘safety, repairs and bridges for all’, Jo Ash said in a statement."
    assert not any(quote.speaker is not None and "’" in quote.speaker.text for quote in quotes_of(text, "en").values())
    text = "Le conseil visera ‘la sécurité, les travaux et un pont’, a déclaré Marie Lenoir lors d'un point presse."
    assert not any(quote.speaker is not None and "’" in quote.speaker.text for quote in quotes_of(text, "fr").values())


def test_a_name_after_a_cue_after_the_writers_comma_is_its_subject_not_reported_speech() -> None:
    text = "The port may close before the vote reaches Millbrook, said Ada Quill, a harbour pilot for twenty years."
    assert not any(words.startswith("Ada Quill") for words in _reported(text, "en"))
    text = "The plan, said Jo Ash, was ready."
    assert "Jo Ash, was ready" not in _reported(text, "en")
    # a name in apposition, closed by its comma, still says what follows
    text = "The harbour board chair, Tom Reed, said the port would reopen in May."
    assert _reported(text, "en") == {"the port would reopen in May": "The harbour board chair, Tom Reed"}
    text = "Le port fermera avant le vote de Brest, a déclaré Marie Lenoir, pilote du port."
    assert not any(words.startswith("Marie Lenoir") for words in _reported(text, "fr"))
    text = "Le port fermera avant le vote de Brest, a déclaré Marie Lenoir."
    assert _reported(text, "fr") == {"Le port fermera avant le vote de Brest": "Marie Lenoir"}
