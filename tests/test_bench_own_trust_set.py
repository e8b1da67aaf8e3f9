"""bench/own_trust_set.py: how a labelled problem counts as found (flag overlap, furniture cut whole)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench_modules import bench_module

own = bench_module("own_trust_set")

TEXT = ("The council of Quarnby met on Monday. Ad label here. "
        "\"We will build it,\" said Mayor Ilse Varrow. Time alone will tell.")


def got(text: str = TEXT, flags: tuple = (), removed: tuple = ()) -> object:
    return own.Got(text=text, flags=flags, removed=removed)


def test_a_flag_counts_where_its_evidence_overlaps_the_gold_text():
    start = TEXT.index("Time alone")
    hit = got(flags=(("generic_filler", start, start + 10, "Time alone"),))
    assert own.located(hit, "generic_filler", "Time alone will tell.")
    # the same span under another kind, or a span elsewhere, does not locate it
    assert not own.located(hit, "unsourced_quote", "Time alone will tell.")
    assert not own.located(got(flags=(("generic_filler", 0, 10, "The counci"),)), "generic_filler", "Time alone will tell.")


def test_furniture_counts_when_cut_whole_and_not_when_cut_in_part():
    body = TEXT.replace("Ad label here. ", "")
    whole = got(text=body, removed=("Ad label here.",))
    problems = [{"kind": "boilerplate_leak", "evidence": "Ad label here."}]
    assert own.found_kinds(whole, problems) == {"boilerplate_leak"}
    part = got(text=TEXT.replace("Ad label here.", "Ad label"), removed=("here.",))
    assert own.found_kinds(part, problems) == set()
    # a cut quote is no furniture: it does not count as its kind
    assert not own.problem_located(got(text=body, removed=("Ad label here.",)), {"kind": "generic_filler", "evidence": "Ad label here."})


def test_white_space_changed_by_cleaning_still_locates_the_gold_text():
    assert own.locate("one  two\nthree", "one two three") == (0, 14)
    assert own.locate("one two", "two one") is None


def test_outcomes_and_halves():
    assert [own.outcome({"a"}, {"a"}, "a"), own.outcome({"a"}, set(), "a"), own.outcome(set(), {"a"}, "a"),
            own.outcome(set(), set(), "a")] == ["tp", "fn", "fp", "tn"]
    assert {own.half_of(f"x-{n}") for n in range(20)} == {"tune", "check"}
    assert own.half_of("x-1") == own.half_of("x-1")


def test_a_missing_set_is_skipped_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert own.main(["--set", str(tmp_path / "absent"), "--half", "tune"]) == 0
    assert "skipped" in capsys.readouterr().out


def test_half_all_takes_every_article_and_still_filters_the_language():
    items = [{"id": f"x-{n}", "lang": "en" if n % 2 else "fr"} for n in range(20)]
    assert own.select(items, "all", own.DEFAULT_SALT, None) == items
    assert [item["id"] for item in own.select(items, "all", own.DEFAULT_SALT, "fr")] == [f"x-{n}" for n in range(0, 20, 2)]
    # look-alike: the hashed halves still split, and together make the whole
    tune = own.select(items, "tune", own.DEFAULT_SALT, None)
    check = own.select(items, "check", own.DEFAULT_SALT, None)
    assert tune and check and len(tune) + len(check) == len(items)


def test_half_all_is_accepted_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert own.main(["--set", str(tmp_path / "absent"), "--half", "all"]) == 0
    assert "skipped" in capsys.readouterr().out
