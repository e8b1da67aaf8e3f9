"""Stop 41, second round (issue 17 item 2): an English form in -s after "of" or "among" and a
name's capitalised words is a plural noun, not a present verb that makes a plan of the weekday
after it. Invented sentences; Wednesday 2024-02-28 is the article's day."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate.timex import tag

WEDNESDAY = date(2024, 2, 28)


def _found(text: str) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, "en", WEDNESDAY)}


@pytest.mark.parametrize("text", [
    'The mayor of Dunmore was not present at the "Harbour Days" summit of North Coast leaders Monday. '
    "His deputy spoke instead.",
])
def test_a_plural_after_of_and_a_name_is_no_present_verb(text: str) -> None:
    assert _found(text).get("Monday") == "2024-02-26"


@pytest.mark.parametrize("text", [
    "The head of the Dunmore council votes Monday.",  # a determiner before the name: a subject's verb
    "The Dunmore council votes on Monday.",
])
def test_a_present_verb_after_a_subject_still_plans(text: str) -> None:
    assert _found(text).get("Monday") == "2024-03-04"
