"""Where within a place: the city centre told as the outskirts, one side of a town as the other, a place
nearby as its centre, in English, Russian and Ukrainian sources.  Sentences are the project's own."""

from __future__ import annotations

import pytest

from wirecheck.pipeline import compare

EN = "KYIV, March 3 (Reuters) - "


def _parts(story: str, source: str, lang: str = "en") -> list[tuple[str | None, str | None]]:
    comp = compare(story, source, story_lang="en", source_lang=lang)
    out = []
    for f in comp.findings:
        if f.kind.value == "place_changed" and f.rule == "place.part-changed":
            assert f.story is not None and f.source is not None and f.confidence > 0
            out.append((f.source.text, f.story.text))
    return out


@pytest.mark.parametrize(("lang", "source"), [
    ("en", EN + "The missile hit a residential building in the city centre."),
    ("ru", "МОСКВА, 14 ноября. /ТАСС/. Ракета попала в жилой дом в центре города."),
    ("uk", "КИЇВ, 3 березня. Ракета влучила в житловий будинок у центрі міста."),
])
def test_the_centre_told_as_the_outskirts(lang: str, source: str) -> None:
    [(said, told)] = _parts("The missile hit a residential building on the outskirts of the city.", source, lang)
    assert "центр" in said or "centre" in said
    assert told == "outskirts of the city"
    assert _parts("The missile hit a residential building in the centre of the city.", source, lang) == []


def test_a_side_of_a_town_turned_round_and_a_place_nearby_told_as_its_centre() -> None:
    assert _parts("Fighting continued in the south of the city, the governor said.",
                  EN + "Fighting continued in the north of the city, the governor said.") == [
        ("in the north of the city", "in the south of the city")]
    assert _parts("Fighting is under way in the centre of Kupiansk.",
                  "МОСКВА, 14 ноября. Бои идут под Купянском.", "ru") == [("под Купянском", "centre of Kupiansk")]
    assert _parts("Shelling hit the southern part of Kherson.",
                  "КИЇВ, 3 березня. Обстріл північної частини Херсона.", "uk") == [
        ("північної частини", "southern part")]


def test_parts_that_can_hold_together_are_no_change() -> None:
    source = EN + "The missile hit a residential building in the city centre."
    # a landmark is no place outside the town; the outskirts of the north are the north
    assert _parts("The missile hit a residential building near the railway station.", source) == []
    assert _parts("Drones struck the northern outskirts of Kharkiv.",
                  EN + "Drones struck the outskirts of Kharkiv in the north of the city.") == []
    # "Central Bank" is no part of a place, and «в центре внимания» (at the centre of attention) neither
    assert _parts("The Central Bank said the outskirts of the city were hit.",
                  EN + "The central bank said the outskirts of the city were hit.") == []
    assert _parts("The talks on the outskirts of the city were in the spotlight.",
                  "МОСКВА, 14 ноября. Переговоры оказались в центре внимания.", "ru") == []
