"""roles.sides-reversed: who did it, across languages (Russian or Ukrainian source, English story)."""

from __future__ import annotations

import pytest

from wirecheck.pipeline import compare

CASES = [
    ("Российские войска отразили атаку ВСУ у Купянска, сообщили в Минобороны России.", "ru",
     "Ukrainian forces repelled a Russian attack near Kupiansk, Russia's Defence Ministry said.",
     "Russian forces repelled a Ukrainian attack near Kupiansk, Russia's Defence Ministry said."),
    ("ВСУ нанесли удар по Белгороду, ранены три человека, сообщил губернатор Гладков.", "ru",
     "Belgorod was struck by Russian forces, wounding three people, Governor Gladkov said.",
     "Ukrainian forces struck Belgorod, wounding three people, Governor Gladkov said."),
    ("Російські війська обстріляли Херсон, поранено двох людей, повідомив Прокудін.", "uk",
     "Ukrainian forces shelled Kherson, wounding two people, Prokudin said.",
     "Russian forces shelled Kherson, wounding two people, Prokudin said."),
    ("Ворог атакував Херсон дронами, поранено двох людей, повідомив Прокудін.", "uk",
     "Ukrainian forces attacked Kherson with drones, wounding two people, Prokudin said.",
     "Russian forces attacked Kherson with drones, wounding two people, Prokudin said."),
]


def reversed_(story: str, source: str, lang: str) -> list[tuple[str | None, str | None]]:
    comp = compare(story, source, story_lang="en", source_lang=lang)
    return [(f.before, f.after) for f in comp.findings if f.rule == "roles.sides-reversed"]


@pytest.mark.parametrize(("source", "lang", "swapped", "faithful"), CASES)
def test_the_action_handed_to_the_other_side_is_reported(source: str, lang: str, swapped: str,
                                                          faithful: str) -> None:
    found = reversed_(swapped, source, lang)
    assert len(found) == 1 and found[0][0] is not None and found[0][0] in source
    assert reversed_(faithful, source, lang) == []


def test_the_armed_forces_abbreviation_is_kept_by_their_adjective() -> None:
    source = "ВСУ нанесли удар по Белгороду, ранены три человека, сообщил губернатор Гладков."
    for story in ("Ukrainian forces struck Belgorod, wounding three people, Governor Gladkov said.",
                  "Ukraine's military struck Belgorod, wounding three people, Governor Gladkov said."):
        comp = compare(story, source, story_lang="en", source_lang="ru")
        assert not [f for f in comp.findings if f.kind.value == "dropped_fact"], story
    comp = compare("Russian forces struck Belgorod, wounding three people, Governor Gladkov said.", source,
                   story_lang="en", source_lang="ru")
    assert [f.before for f in comp.findings if f.kind.value == "dropped_fact"] == ["ВСУ"]
