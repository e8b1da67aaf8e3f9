"""Canonical entities: one id per thing across spellings, languages and articles."""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_readings

from newsweave.annotate.canonical import Mention, legacy_person_id, name_words, person_id, resolve_mentions, same_person
from newsweave.annotate.geo import Place, _Entry
from newsweave.link.entities import EntityRecord, entity_records, link_entities, resolve_entity_id
from newsweave.model import Entity


def _ids(*mentions: Mention) -> list[str | None]:
    return [resolved.entity_id if resolved else None for resolved in resolve_mentions(list(mentions))]


def _name(text: str, label: str) -> Mention:
    return Mention(0, len(text), text, label)


def test_kyiv_spellings_share_one_geonames_id() -> None:
    ids = {_ids(_name(spelling, "LOC"))[0] for spelling in ("Kyiv", "Kiev", "kyiv", "Kyïv", "Київ")}
    assert ids == {"geo:703448"}


def test_zelensky_spellings_share_one_person_id() -> None:
    family = ["Volodymyr Zelensky", "Zelenskyy", "Zelenski", "Zelensky", "Volodymyr Zelenskyy"]
    ids = _ids(*(_name(name, "PER") for name in family))
    assert set(ids) == {"per:volodymyr-zelensky"}


def test_a_surname_joins_only_the_person_it_ends() -> None:
    ids = _ids(_name("Joe Biden", "PER"), _name("Jill Biden", "PER"), _name("Macron", "PER"))
    assert ids[0] != ids[1] and ids[2] == "per:macron"


def test_first_names_must_agree() -> None:
    assert same_person(name_words("Volodymyr Zelensky"), name_words("Владимир Зеленский"))
    assert not same_person(name_words("John Smith"), name_words("Jane Smith"))
    assert same_person(name_words("V. Zelensky"), name_words("Volodymyr Zelenskyy"))


def test_organisation_aliases_across_languages() -> None:
    assert set(_ids(_name("NATO", "ORG"), _name("OTAN", "ORG"), _name("l'OTAN", "ORG"), _name("НАТО", "ORG"))) == {"org:nato"}
    eu = ["EU", "UE", "l'Union européenne", "European Union", "the European Union", "Евросоюз"]
    assert set(_ids(*(_name(name, "ORG") for name in eu))) == {"org:eu"}


def test_an_alias_wins_over_the_model_label() -> None:
    resolved = resolve_mentions([_name("EU", "LOC")])[0]
    assert resolved.entity_id == "org:eu" and resolved.label == "ORG"


def test_titles_take_the_person_they_stand_next_to() -> None:
    mentions = [
        Mention(0, 19, "Ukrainian President", "PER", "title", role="president:UA", bound_to=1),
        Mention(20, 38, "Volodymyr Zelensky", "PER"),
        Mention(60, 83, "the Ukrainian president", "PER", "title", role="president:UA"),
        Mention(90, 111, "the French president", "PER", "title", role="president:FR"),
    ]
    ids = _ids(*mentions)
    assert ids[:3] == ["per:volodymyr-zelensky"] * 3
    assert ids[3] is None  # nobody bound to that role in this article


def test_demonyms_link_to_their_country_with_its_point() -> None:
    resolved = resolve_mentions([Mention(0, 8, "Albanian", "MISC", "demonym")])[0]
    assert resolved.entity_id == "geo:783754" and resolved.country == "AL"
    assert resolved.place is not None and resolved.place.kind == "country" and resolved.label == "MISC"
    assert 39 < resolved.place.lat < 43 and 19 < resolved.place.lon < 21


def test_ids_are_deterministic_readable_and_bounded() -> None:
    assert person_id("Ilka Varessi") == "per:ilka-varessi"
    assert person_id("Émilie Duchâtel-Roux") == "per:emilie-duchatel-roux"
    assert person_id("Зоран Петрушко") == "per:zoran-petrushko"
    long_name = "Maria " + "Anna " * 30 + "Gonzalez"
    assert person_id(long_name) == person_id(long_name) and len(person_id(long_name)) <= 64


def test_transliterated_surnames_share_a_skeleton() -> None:
    # Invented family name in four spellings (en, fr, de, ru transliterations of one sound).
    spellings = ["Andrei Gorbashkov", "Andreï Gorbachkov", "Andrej Gorbaschkow", "Андрей Горбашков"]
    first = name_words(spellings[0])
    assert all(same_person(first, name_words(other)) for other in spellings[1:])
    assert not same_person(name_words("Andrei Gorbashkov"), name_words("Andrei Gorbunov"))
    assert not same_person(name_words("Piet Marlenko"), name_words("Paula Marlenko"))


class _Memory:
    """A real (dict-backed) EntityMemory: what the store keeps, without a database."""

    def __init__(self) -> None:
        self.records: dict[str, EntityRecord] = {}

    def entities_with_keys(self, keys: list[str]) -> list[tuple[str, str, str]]:
        return [(key, r.entity_id, r.canonical) for r in self.records.values() for key in r.keys if key in keys]

    def remember_entities(self, records: list[EntityRecord]) -> None:
        for record in records:
            self.records.setdefault(record.entity_id, record)


def _article_entities(*names: str) -> list[Entity]:
    mentions = [_name(name, "PER") for name in names]
    return [
        Entity(0, len(m.text), 0, len(m.text), m.text, label=r.label, entity_id=r.entity_id, canonical=r.canonical,
               mention="name")
        for m, r in zip(mentions, resolve_mentions(mentions), strict=True)
    ]


def test_a_russian_spelling_joins_the_stored_person() -> None:
    memory = _Memory()
    memory.remember_entities(entity_records(_article_entities("Volodymyr Zelensky"), "en"))
    russian = _article_entities("Владимир Зеленский", "Зеленский")
    linked = link_entities(russian, memory)
    assert linked.remap == {"per:vladimir-zelenskii": "per:volodymyr-zelensky"}
    assert {item.entity_id for item in linked.entities} == {"per:volodymyr-zelensky"}
    assert {item.canonical for item in linked.entities} == {"Volodymyr Zelensky"}


def test_a_spelling_whose_key_differs_joins_through_its_skeleton() -> None:
    memory = _Memory()
    memory.remember_entities(entity_records(_article_entities("Andrei Gorbashkov"), "en"))
    german = _article_entities("Andrej Gorbaschkow")
    assert link_entities(german, memory).remap == {"per:andrej-gorbaschkow": "per:andrei-gorbashkov"}


def test_an_id_given_before_ids_were_readable_still_resolves() -> None:
    memory = _Memory()
    memory.remember_entities(entity_records(_article_entities("Ilka Varessi"), "en"))
    old = legacy_person_id("Ilka Varessi")
    assert old != "per:ilka-varessi"
    assert resolve_entity_id(old, memory) == "per:ilka-varessi"
    assert resolve_entity_id("per:nobody-known", memory) == "per:nobody-known"


def test_a_different_first_name_stays_apart_across_articles() -> None:
    memory = _Memory()
    memory.remember_entities(entity_records(_article_entities("Joe Biden"), "en"))
    other = _article_entities("Hunter Biden")
    assert link_entities(other, memory).remap == {}


# -- with the real pipeline and store (SQLite, and PostgreSQL where installed) ------------------

ARTICLES = {
    "en": "Ukrainian President Volodymyr Zelensky met NATO envoys in Kyiv on Monday. "
          "Zelensky said the talks with the EU would continue next week in Brussels.",
    "fr": "Le président ukrainien Volodymyr Zelenskyy a reçu à Kiev des émissaires de l'OTAN lundi. "
          "Zelenskyy a dit que les discussions avec l'Union européenne se poursuivraient à Bruxelles.",
    "ru": "Президент Украины Владимир Зеленский встретился с представителями НАТО. "
          "Зеленский заявил, что переговоры с Евросоюзом продолжатся в Брюсселе.",
}


def test_articles_in_three_languages_share_entities_in_the_store(store) -> None:
    import hashlib

    from newsweave.model import RawDocument
    from newsweave.pipeline import ingest_batch

    documents = [
        RawDocument(source=f"{language}.txt", raw=text, kind="text", raw_sha256=hashlib.sha256(text.encode()).hexdigest(),
                    language=language)
        for language, text in ARTICLES.items()
    ]
    assert ingest_batch(documents, store) == ["new", "new", "new"]
    rows = {row["entity_id"]: row for row in store.entity_rows()}
    zelensky = rows["per:volodymyr-zelensky"]
    assert zelensky["label"] == "PER" and set(zelensky["languages"]) == {"en", "fr", "ru"}
    assert zelensky["mentions"] >= 5 and {"Volodymyr Zelenskyy", "Владимир Зеленский"} <= set(zelensky["aliases"])
    assert not any(entity_id.startswith("per:vladimir") for entity_id in rows)
    assert set(rows["org:nato"]["languages"]) == {"en", "fr", "ru"}
    assert rows["geo:703448"]["canonical"] == "Kyiv" and rows["geo:703448"]["country"] == "UA"
    assert abs(rows["geo:703448"]["lat"] - 50.45) < 0.1
    # Mentions in the store point at the merged id too.
    mention_ids = {row["entity_id"] for row in store.table_rows("mentions")}
    assert not any(entity_id.startswith("per:vladimir") for entity_id in mention_ids)
    # The export rows keep the contract's shape.
    from newsweave.report.export import export_rows

    exported = next(row for row in export_rows(store, "entities") if row["entity_id"] == "geo:703448")
    assert set(exported) == {"entity_id", "canonical", "label", "aliases", "languages", "mentions", "lat", "lon", "country"}


def test_an_article_is_stripped_only_as_a_whole_word() -> None:
    assert _ids(_name("Amberlane Bank", "ORG"), _name("Demvarian League", "MISC"), _name("the Valmont Group", "ORG"),
                _name("Lastrevo", "LOC"), _name("l'Union des Brasseurs", "ORG")) == [
        "org:amberlane-bank", "misc:demvarian-league", "org:valmont-group", "loc:lastrevo", "org:union-des-brasseurs"]


def test_an_id_given_while_leading_letters_were_stripped_still_resolves() -> None:
    memory = _Memory()
    mention = _name("Amberlane Bank", "ORG")
    resolved = resolve_mentions([mention])[0]
    assert resolved is not None
    entity = Entity(0, len(mention.text), 0, len(mention.text), mention.text, label="ORG", entity_id=resolved.entity_id,
                    canonical=resolved.canonical, mention="name")
    memory.remember_entities(entity_records([entity], "en"))
    assert resolve_entity_id("org:mberlane-bank", memory) == "org:amberlane-bank"
    assert resolve_entity_id("org:amberlane-bank", memory) == "org:amberlane-bank"


def test_region_demonyms_take_their_region_and_its_point() -> None:
    # "European ministers", « les ministres européens »: the region, placed, still a demonym.
    for word in ("European", "européens"):
        resolved = resolve_mentions([Mention(0, len(word), word, "MISC", "demonym")])[0]
        assert resolved is not None and resolved.label == "MISC"
        assert resolved.place is not None and resolved.canonical == "Europe"


def test_an_organisation_that_stands_for_an_area_keeps_its_id_and_carries_its_point() -> None:
    # lang/_base/places.toml [organisation_places]: "EU" / « Union européenne » at Europe's point.
    for name in ("EU", "Union européenne"):
        resolved = resolve_mentions([Mention(0, len(name), name, "ORG")])[0]
        assert resolved is not None and resolved.entity_id == "org:eu" and resolved.label == "ORG"
        assert resolved.place is not None and resolved.place.name == "Europe"
    other = resolve_mentions([Mention(0, 14, "Varessi Holdings", "ORG")])[0]
    assert other is not None and other.place is None


def _mentions(text: str, *spans: tuple[str, str, int]) -> list[Mention]:
    """Mentions of ``text``: (word, label, which occurrence of the word)."""
    found = []
    for word, label, nth in spans:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        found.append(Mention(start, start + len(word), word, label))
    return found


def test_a_town_located_once_is_that_town_where_the_model_called_it_a_person() -> None:
    text = "Dara Velk opened a bakery in Bergamo last spring. Bergamo welcomed the new shop."
    mentions = _mentions(text, ("Dara Velk", "PER", 0), ("Bergamo", "LOC", 0), ("Bergamo", "PER", 1))
    resolved = resolve_mentions(mentions, text)
    assert mentions[2].label == "LOC"
    assert resolved[2] is not None and resolved[2].place is not None
    assert resolved[2].entity_id == resolved[1].entity_id


def test_un_pays_situe_une_fois_est_ce_pays_la_ou_le_modele_voit_une_organisation() -> None:
    text = "Les pourparlers en Jordanie ont repris. Jordanie a annoncé lundi la réouverture de Quimper Télécom."
    mentions = _mentions(text, ("Jordanie", "LOC", 0), ("Jordanie", "ORG", 1), ("Quimper Télécom", "ORG", 0))
    resolved = resolve_mentions(mentions, text)
    assert [m.label for m in mentions] == ["LOC", "LOC", "ORG"]
    assert resolved[1] is not None and resolved[1].entity_id == resolved[0].entity_id


@pytest.mark.parametrize(("text", "language"), [
    ("Swans were found dead in Brzelin on Monday. A resident of Brzelin saw the vets arrive.", "en"),
    ("Des cygnes ont été trouvés morts à Brzelin lundi. Un habitant de Brzelin a vu arriver les vétérinaires.",
     "fr"),
])
def test_a_town_located_once_is_that_town_where_the_model_called_it_a_thing(
        monkeypatch: pytest.MonkeyPatch, text: str, language: str) -> None:
    # An invented town; the model called its second mention a thing (MISC).
    town = Place(31, "Brzelin", 52.9, 18.6, "PL", 180_000, "city", region="kujawy")
    use_invented_readings(monkeypatch, {"brzelin": (_Entry(town, True),)})
    mentions = _mentions(text, ("Brzelin", "LOC", 0), ("Brzelin", "MISC", 1))
    resolved = resolve_mentions(mentions, text, language=language)
    assert mentions[1].label == "LOC"
    assert resolved[1] is not None and resolved[1].place is not None and resolved[1].place.geonameid == 31
    assert resolved[1].entity_id == resolved[0].entity_id
    alone = "A resident of Brzelin saw the vets arrive."
    thing = _mentions(alone, ("Brzelin", "MISC", 0))
    resolve_mentions(thing, alone, language=language)
    assert thing[0].label == "MISC"


def test_a_person_named_with_an_honorific_stays_a_person_beside_the_place() -> None:
    text = "Mr Jordan met the press in Jordan. M. Jordanie a démenti en Jordanie."
    mentions = _mentions(text, ("Jordan", "PER", 0), ("Jordan", "LOC", 1), ("Jordanie", "PER", 0), ("Jordanie", "LOC", 1))
    resolved = resolve_mentions(mentions, text)
    assert [m.label for m in mentions] == ["PER", "LOC", "PER", "LOC"]
    assert resolved[0] is not None and resolved[0].place is None


def test_a_surname_of_a_full_name_stays_a_person_beside_the_town() -> None:
    text = "Ann Bergamo spoke in Bergamo. Bergamo said the vote was close."
    mentions = _mentions(text, ("Ann Bergamo", "PER", 0), ("Bergamo", "LOC", 1), ("Bergamo", "PER", 2))
    resolve_mentions(mentions, text)
    assert mentions[2].label == "PER"


@pytest.mark.parametrize(("text", "guess"), [
    ("Rethinking Bergamo\nThe talks in Bergamo went on. Bergamo said no.", "Rethinking Bergamo"),
    ("Repenser Bergamo\nLes pourparlers à Bergamo ont repris. Bergamo a refusé.", "Repenser Bergamo"),
])
def test_a_full_name_that_opens_with_no_given_name_vouches_for_no_person(text: str, guess: str) -> None:
    # A headline the model took for a person's full name does not keep the town a person.
    mentions = _mentions(text, (guess, "PER", 0), ("Bergamo", "LOC", 1), ("Bergamo", "PER", 2))
    resolve_mentions(mentions, text)
    assert mentions[2].label == "LOC"


def test_a_title_right_before_keeps_the_person_but_a_title_after_does_not() -> None:
    text = "President Bergamo spoke in Bergamo. Bergamo's former mayor, Ivo Tessel, disagreed."
    mentions = _mentions(text, ("Bergamo", "PER", 0), ("Bergamo", "LOC", 1), ("Bergamo", "PER", 2), ("Ivo Tessel", "PER", 0))
    mentions.append(Mention(0, 9, "President", "PER", "title", "president:", 0))
    mentions.append(Mention(text.index("former mayor"), text.index("former mayor") + 12, "former mayor", "PER", "title", "mayor:", 2))
    resolve_mentions(mentions, text)
    assert [m.label for m in mentions[:3]] == ["PER", "LOC", "LOC"]
