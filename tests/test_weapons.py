"""Weapons and means of attack (extractors/en_weapons.py, ru_weapons.py, checks/weapons.py)."""

from __future__ import annotations

import pytest

from wirecheck.model import FactType
from wirecheck.pipeline import analyse, compare


def classes(text: str, lang: str = "en") -> list[tuple[str, str]]:
    doc = analyse(text, role="story", lang=lang)
    return [(f.text, f.key) for f in doc.facts_of(FactType.WEAPON)]


def test_english_classes_and_what_is_not_a_weapon() -> None:
    text = ("Russia launched 40 Shahed drones, two cruise missiles and glide bombs; Grad rockets and "
            "artillery shells hit the town. Air and missile defence worked; anti-drone guns were used.")
    assert classes(text) == [("Grad rockets", "rocket artillery"), ("glide bombs", "glide bomb"),
                             ("Shahed drones", "drone"), ("cruise missiles", "missile"),
                             ("artillery", "artillery"), ("shells", "artillery")]


@pytest.mark.parametrize(("text", "lang", "cls"), [
    ("Противник атаковал город ударными беспилотниками.", "ru", "drone"),
    ("По Харькову ударили управляемыми авиабомбами.", "ru", "glide bomb"),
    ("Росіяни обстріляли громаду з мінометів.", "uk", "mortar"),
    ("Ворог запустив по Одесі три ракети.", "uk", "missile"),
])
def test_russian_and_ukrainian_lemmas(text: str, lang: str, cls: str) -> None:
    assert [k for _, k in classes(text, lang)] == [cls]


def test_drones_turned_into_missiles_is_reported_with_both_sides() -> None:
    comp = compare("Russian forces attacked Kharkiv with missiles overnight, damaging a school.",
                   "Russian forces attacked Kharkiv with drones overnight, damaging a school.")
    found = [(f.before, f.after) for f in comp.findings if f.kind.value == "weapon_changed"]
    assert found == [("drones", "missiles")]


@pytest.mark.parametrize("story", [
    "Russian forces attacked Kharkiv with Shahed drones overnight, damaging a school.",  # same class
    "Russian forces attacked Kharkiv overnight, damaging a school.",  # no weapon named
    "Russian forces attacked Kharkiv with drones and missiles overnight, damaging a school.",  # adds one
])
def test_same_or_unnamed_means_is_not_a_change(story: str) -> None:
    comp = compare(story, "Russian forces attacked Kharkiv with drones overnight, damaging a school.")
    assert not [f for f in comp.findings if f.kind.value == "weapon_changed"]
