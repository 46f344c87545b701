"""Counts swapped between fates: "two killed, five wounded" told as "five killed, two wounded".  Each value
stands in the source, so only what each count is a count of shows the change.  Sentences are the
project's own."""

from __future__ import annotations

import pytest

from wirecheck.model import FactType
from wirecheck.pipeline import analyse, compare

SOURCES = {
    "en": "KYIV, March 3 (Reuters) - Two civilians were killed and five were wounded in the shelling, "
          "the governor said.",
    "ru": "МОСКВА, 14 ноября. /ТАСС/. В результате обстрела погибли двое мирных жителей, еще пятеро ранены.",
    "uk": "КИЇВ, 3 березня. Внаслідок обстрілу загинули двоє людей, ще п'ятеро отримали поранення.",
}


def _changed_numbers(story: str, lang: str) -> list[tuple[str, str, str]]:
    comp = compare(story, SOURCES[lang], story_lang="en", source_lang=lang)
    out = []
    for f in comp.findings:
        if f.kind.value == "number_changed":
            assert f.story is not None and f.source is not None  # both spans are the evidence
            out.append((f.source.text, f.story.text, f.message))
    return out


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_killed_and_wounded_counts_swapped_are_changed_numbers(lang: str) -> None:
    found = _changed_numbers("Five civilians were killed and two were wounded in the shelling.", lang)
    assert len(found) == 2, found
    by_story = {story.lower(): (source, msg) for source, story, msg in found}
    killed = by_story["five civilians"]
    assert killed[0].lower() in ("two civilians", "двое", "двоє") and "killed" in killed[1]
    wounded = by_story["two"]
    assert wounded[0].lower() in ("five", "пятеро", "п'ятеро") and "wounded" in wounded[1]


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_the_counts_kept_with_their_fates_are_no_change(lang: str) -> None:
    assert _changed_numbers("Two civilians were killed and five were wounded in the shelling.", lang) == []


def test_detained_and_released_counts_swapped_from_a_russian_source() -> None:
    comp = compare("Two suspects were detained and three were released.",
                   "МОСКВА, 14 ноября. Задержаны трое подозреваемых, еще двое отпущены.",
                   story_lang="en", source_lang="ru")
    assert sorted(f.after or "" for f in comp.findings if f.kind.value == "number_changed") == ["Two suspects", "three"]


def test_a_count_and_its_fate_are_read_from_the_clause_it_stands_in() -> None:
    doc = analyse("The strike killed two soldiers and wounded five others, while 40 drones were shot down "
                  "in 12 districts.", lang="en")
    fates = {f.text: f.attrs.get("fate") for f in doc.facts if f.type is FactType.NUMBER}
    assert fates == {"two soldiers": "kill", "five others": "wound", "40 drones": "shoot_down",
                     "12 districts": None}
    ru = analyse("В 5 районах погибли двое, еще трое ранены.", lang="ru")
    fates = {f.text: f.attrs.get("fate") for f in ru.facts if f.type is FactType.NUMBER}
    assert fates.get("5") is None and fates.get("двое") == "kill" and fates.get("трое") == "wound"
