"""Small villages in news: named as such, spelled the Russian way, fused with their region by the NER."""

from __future__ import annotations

from wirecheck.model import FactType
from wirecheck.pipeline import analyse, compare


def places(text: str, lang: str = "en") -> list[tuple[str, str]]:
    doc = analyse(text, role="story", lang=lang)
    return [(f.text, str(f.attrs.get("level"))) for f in doc.facts_of(FactType.PLACE)]


def test_a_village_named_as_one_is_a_place_even_when_tiny() -> None:
    found = places("Russian troops captured the village of Peschanoye, the ministry said.")
    assert ("Peschanoye", "settlement") in found


def test_a_russian_place_fused_with_its_region_is_split() -> None:
    found = places("Освобожден населенный пункт Песчаное Харьковской области.", "ru")
    assert ("Песчаное", "settlement") in found
    assert ("Харьковской области", "region") in found


def test_a_title_case_headline_is_not_an_organisation() -> None:
    doc = analyse("Russian Forces Capture Peschanoye in Kharkiv Region\n\nThe ministry said so on Monday.",
                  role="story", lang="en")
    assert not [f.text for f in doc.facts_of(FactType.ORGANIZATION) if "Capture" in f.text]


def test_servicemen_and_soldiers_are_one_count() -> None:
    comp = compare("Ukraine lost up to 740 servicemen and five artillery pieces.",
                   "Ukraine lost up to 470 soldiers and five guns.")
    assert [(f.before, f.kind.value) for f in comp.findings if f.kind.value == "number_changed"] == [
        ("up to 470 soldiers", "number_changed")]


def test_one_village_in_two_spellings_is_not_a_changed_place() -> None:
    comp = compare("Troops captured the village of Peschanoye in the Kharkiv region.",
                   "Подразделения освободили населенный пункт Песчаное в Харьковской области.")
    assert not [f for f in comp.findings if f.kind.value in ("place_changed", "place_not_in_region")]


def test_ukrainian_ages_and_a_city_that_also_names_its_region() -> None:
    doc = analyse("Російські війська атакували Запоріжжя. Поранено 12-річну дитину. На Запоріжжі тривога.",
                  role="source", lang="uk")
    places_ = {(f.text, f.attrs.get("level")) for f in doc.facts_of(FactType.PLACE)}
    assert ("Запоріжжя", "settlement") in places_
    assert ("Запоріжжі", "region") in places_
    ages = [(f.text, f.attrs.get("noun"), f.attrs.get("value")) for f in doc.facts_of(FactType.NUMBER)]
    assert ("12-річну", "year-old", 12.0) in ages


def test_a_city_s_english_exonym_beats_a_hamlet_of_that_exact_name() -> None:
    doc = analyse("Russian drones attacked Zaporizhzhia overnight.", role="story", lang="en")
    (city,) = [f for f in doc.facts_of(FactType.PLACE)]
    assert (city.attrs.get("population") or 0) > 500_000


def test_an_affixed_name_is_an_era_or_a_side_not_a_place() -> None:
    found = [t for t, _ in places("He described Kyiv's post-Maidan policies as aggressive, pro-Kyiv media said in Kharkiv.")]
    assert "Maidan" not in found and "Kharkiv" in found
