"""checks/modifiers.py: nationality, scale and direction words changed on a noun the story keeps.
Every sentence here was written for these tests."""

from __future__ import annotations

from wirecheck.model import Comparison
from wirecheck.pipeline import compare


def modifier_findings(comp: Comparison) -> list[tuple[str, str | None, str | None]]:
    return [(f.rule, f.before, f.after) for f in comp.findings if f.rule.startswith("modifier.")]


SOURCE = ("Fighters attacked a Liberian-flagged bulk carrier in the Red Sea on Tuesday, the agency said. "
          "The master reported a small fire in the engine room. Crews cleared debris in the northern "
          "districts of the port.")


def test_a_ship_under_another_flag_and_a_fire_of_another_size_are_reported() -> None:
    story = ("Fighters attacked a Panamanian-flagged oil tanker in the Red Sea on Tuesday, the agency said. "
             "The master reported a large fire in the engine room. Crews cleared debris in the southern "
             "districts of the port.")
    got = modifier_findings(compare(story, SOURCE))
    assert ("modifier.nationality", "Liberian-flagged", "Panamanian-flagged") in got
    assert ("modifier.scale", "small", "large") in got
    assert ("modifier.direction", "northern", "southern") in got


def test_the_same_details_in_other_words_are_not_reported() -> None:
    story = ("A Liberian-flagged cargo ship was attacked in the Red Sea on Tuesday, the agency said. "
             "The master reported a minor fire in the engine room. Crews cleared debris in the northern "
             "districts of the port.")
    assert modifier_findings(compare(story, SOURCE)) == []


def test_a_direction_that_moves_with_a_changed_place_is_one_finding() -> None:
    comp = compare("Floods swept through the southern Spanish region of Andalusia on Tuesday.",
                   "Floods swept through the eastern Spanish region of Valencia on Tuesday.")
    assert [f.kind.value for f in comp.findings if f.kind.value == "place_changed"] == ["place_changed"]
    assert modifier_findings(comp) == []
