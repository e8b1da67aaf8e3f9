"""Stop 44, second round (issue 18): a German report names the town by its adjective ("Varnholter
Feuerwehr"): across languages that name is the town's key when the town is a place among the names
compared. A surname or an occupation in -er, or the adjective of another town, is not. Invented towns,
people and signals: English and German reports."""

from __future__ import annotations

from story_reports import at_cosine, report, score

from newsweave.link import story_score
from newsweave.link.story_signals import ArticleSignals
from newsweave.link.story_spelling import adjective_towns, spelt_alike_keys

TOWN = {"loc:varnholt": "Varnholt"}
LABELS = {"loc:varnholt": "LOC"}


def english_leak_story() -> ArticleSignals:
    return report([1.0, 0.0, 0.0], {**TOWN, "per:maren-olthoff": "Maren Olthoff", "org:nordgas-leitung": "Nordgas Leitung"}, "en")


def test_a_german_town_adjective_is_the_town():
    assert adjective_towns("Varnholter Feuerwehr", ("de",)) == frozenset({"varnholt", "varnholten"})
    assert spelt_alike_keys({**TOWN, "org:varnholter-feuerwehr": "Varnholter Feuerwehr"},
                            {**LABELS, "org:varnholter-feuerwehr": "ORG"}, ["de", "en"]) == {
        "org:varnholter-feuerwehr": "loc:varnholt"}
    # "-er" for a town in "-en" ("Grebener Polizei": Greben; "Bremer": Bremen).
    assert spelt_alike_keys({"loc:kessen": "Kessen", "org:kesser-polizei": "Kesser Polizei"},
                            {"loc:kessen": "LOC", "org:kesser-polizei": "ORG"}, ["de", "en"]) == {
        "org:kesser-polizei": "loc:kessen"}


def test_a_surname_an_occupation_or_another_town_adjective_is_not_the_town():
    # look-alikes: a surname in -er tagged a person, an occupation noun, another town's adjective,
    # a language with no adjective endings, a stem that is not tagged a place.
    assert spelt_alike_keys({"loc:pelz": "Pelz", "per:pelzer": "Pelzer"}, {"loc:pelz": "LOC", "per:pelzer": "PER"}, ["de", "en"]) == {}
    assert spelt_alike_keys({**TOWN, "org:lehrer": "Lehrer"}, {**LABELS, "org:lehrer": "ORG"}, ["de", "en"]) == {}
    assert spelt_alike_keys({**TOWN, "org:dornauer-feuerwehr": "Dornauer Feuerwehr"},
                            {**LABELS, "org:dornauer-feuerwehr": "ORG"}, ["de", "en"]) == {}
    assert spelt_alike_keys({**TOWN, "org:varnholter-feuerwehr": "Varnholter Feuerwehr"},
                            {**LABELS, "org:varnholter-feuerwehr": "ORG"}, ["en", "fr"]) == {}
    assert spelt_alike_keys({"org:varnholt": "Varnholt", "org:varnholter-feuerwehr": "Varnholter Feuerwehr"},
                            {"org:varnholt": "ORG", "org:varnholter-feuerwehr": "ORG"}, ["de", "en"]) == {}


def test_a_german_report_naming_the_town_by_its_adjective_joins_the_english_story():
    german = report(at_cosine(COSINE), {"org:varnholter-feuerwehr": "Varnholter Feuerwehr",
                                        "per:jannik-roolfs": "Jannik Roolfs"}, "de")
    assert score(german, english_leak_story()) >= story_score.SETTINGS.story_join_threshold


def test_another_town_adjective_at_the_same_cosine_stays_apart():
    # look-alike: the same kind of report from another town's fire brigade.
    german = report(at_cosine(COSINE), {"org:dornauer-feuerwehr": "Dornauer Feuerwehr",
                                        "per:jannik-roolfs": "Jannik Roolfs"}, "de")
    assert score(german, english_leak_story()) < story_score.SETTINGS.story_join_threshold


def test_a_surname_in_er_at_the_same_cosine_stays_apart():
    # look-alike: a person whose surname is the town's name + "er".
    german = report(at_cosine(COSINE), {"per:varnholter": "Varnholter", "per:jannik-roolfs": "Jannik Roolfs"}, "de")
    assert score(german, english_leak_story()) < story_score.SETTINGS.story_join_threshold


COSINE = 0.40
