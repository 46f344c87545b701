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


def test_named_systems_and_missile_types_in_three_languages() -> None:
    doc = analyse("Росіяни вдарили балістичною ракетою «Іскандер-М» о 03:40 і запустили 20 шахедів.",
                  role="source", lang="uk")
    got = [(f.text, f.key, f.attrs.get("model"), f.attrs.get("kind")) for f in doc.facts_of(FactType.WEAPON)]
    assert got == [("ракетою «Іскандер-М»", "missile", "Iskander", "ballistic"),
                   ("шахедів", "drone", "Shahed", None)]
    # 03:40 is a time of day, not the number 40
    assert "40" not in {f.key for f in doc.facts_of(FactType.NUMBER)}
    en = analyse("An Iskander struck Sumy; a Kalibr cruise missile hit Odesa.", role="story", lang="en")
    assert sorted((f.start, f.text, f.attrs.get("model"), f.attrs.get("kind")) for f in en.facts_of(FactType.WEAPON)) == [
        (3, "Iskander", "Iskander", "ballistic"), (27, "Kalibr cruise missile", "Kalibr", "cruise")]


@pytest.mark.parametrize(("story", "before"), [
    ("Russian forces hit Kharkiv with a Kalibr missile overnight.", "Iskander"),
    ("Russian forces hit Kharkiv with a cruise missile overnight.", "ballistic"),
])
def test_another_system_or_type_of_the_same_class_is_a_change(story: str, before: str) -> None:
    comp = compare(story, "Российские войска ударили по Харькову баллистической ракетой «Искандер» ночью.",
                   story_lang="en", source_lang="ru")
    found = [f for f in comp.findings if f.kind.value == "weapon_changed"]
    assert len(found) == 1 and before in found[0].message and "«Искандер»" in (found[0].before or "")


def test_a_ukrainian_quote_the_encoder_cannot_read_is_left_to_the_reader_beside_the_speakers_words() -> None:
    # The multilingual encoder has no Ukrainian: this faithful translation scores below invented quotes,
    # so the finding says so at low confidence and shows the speaker's own quote as the evidence.
    source = ("Про це повідомив голова адміністрації Олег Синєгубов. «Енергетики вже працюють на місці, "
              "відновлення триватиме кілька днів», — зазначив Синєгубов.")
    story = ("Governor Oleh Synehubov reported the strike. \"Power engineers are already on site, and "
             "restoration will take several days,\" Synehubov said.")
    comp = compare(story, source, story_lang="en", source_lang="uk")
    (f,) = [f for f in comp.findings if "quote" in f.kind.value]
    assert f.confidence < 0.5 and f.source is not None and "Енергетики" in f.source.text
    assert "does not read 'uk'" in f.message
    # A speaker the source never quotes gets no such benefit of the doubt.
    other = story.replace("Synehubov said", "Mayor Ihor Terekhov said")
    comp = compare(other, source, story_lang="en", source_lang="uk")
    assert [(f.kind.value, f.confidence) for f in comp.findings if "quote" in f.kind.value] == [
        ("fabricated_quote", 0.75)]
