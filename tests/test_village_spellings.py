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
