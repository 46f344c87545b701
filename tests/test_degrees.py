"""How much of it happened: "partly destroyed" told as "destroyed", in English, Russian and Ukrainian
sources.  Sentences are the project's own."""

from __future__ import annotations

import pytest

from wirecheck.pipeline import compare


def _degrees(story: str, source: str, lang: str) -> list[tuple[str | None, str | None, str]]:
    comp = compare(story, source, story_lang="en", source_lang=lang)
    return [(f.before, f.after, f.rule) for f in comp.findings if f.rule.startswith("degree.")]


@pytest.mark.parametrize(("lang", "source", "before"), [
    ("en", "KYIV, March 3 (Reuters) - Two houses were partly destroyed in the attack.", "partly destroyed"),
    ("ru", "МОСКВА, 14 ноября. В результате атаки частично разрушены два дома.", "частично разрушены"),
    ("uk", "КИЇВ, 3 березня. Внаслідок атаки частково зруйновано два будинки.", "частково зруйновано"),
])
def test_a_part_told_as_the_whole_is_a_certainty_change(lang: str, source: str, before: str) -> None:
    assert _degrees("Two houses were destroyed in the attack.", source, lang) == [
        (before, "destroyed", "degree.dropped")]
    assert _degrees("Two houses were partly destroyed in the attack.", source, lang) == []


def test_a_degree_the_source_does_not_give_is_not_reported_here() -> None:
    source = "KYIV, March 3 (Reuters) - Two houses were destroyed in the attack."
    assert _degrees("Two houses were partly destroyed in the attack.", source, "en") == []
    assert _degrees("Two houses were completely destroyed in the attack.",
                    "KYIV, March 3 (Reuters) - Two houses were partially destroyed in the attack.", "en") == [
        ("partially destroyed", "destroyed", "degree.changed")]
