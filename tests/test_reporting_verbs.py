"""checks/reporting_verbs.py: the same speaker's statement told with a verb that lends it more or less
belief.  Every sentence here was written for these tests."""

from __future__ import annotations

from wirecheck.model import Comparison
from wirecheck.pipeline import compare


def verb_findings(comp: Comparison) -> list[tuple[str | None, str | None]]:
    return [(f.before, f.after) for f in comp.findings if f.rule == "certainty.reporting-verb"]


SOURCE = "Spokesman Yahya Saree said the group had fired two missiles at the ship on Tuesday."


def test_said_told_as_claimed_or_confirmed_is_reported_and_the_reverse_too() -> None:
    claimed = "Spokesman Yahya Saree claimed the group had fired two missiles at the ship on Tuesday."
    assert verb_findings(compare(claimed, SOURCE)) == [("said", "claimed")]
    confirmed = "Spokesman Yahya Saree confirmed the group had fired two missiles at the ship on Tuesday."
    assert verb_findings(compare(confirmed, SOURCE)) == [("said", "confirmed")]
    doubted = "Spokesman Yahya Saree claimed the group had fired two missiles at the ship on Tuesday."
    assert verb_findings(compare(SOURCE, doubted)) == [("claimed", "said")]


def test_another_neutral_verb_or_another_speaker_is_not_a_change() -> None:
    assert verb_findings(compare("Spokesman Yahya Saree stated that the group had fired two missiles at "
                                 "the ship on Tuesday.", SOURCE)) == []
    # Another speaker's verb says nothing about this speaker's statement.
    assert verb_findings(compare("The navy claimed the group had fired two missiles at the ship on Tuesday.",
                                 SOURCE)) == []


def test_a_russian_neutral_verb_told_as_claimed_is_reported() -> None:
    source = "Официальный представитель Минобороны Игорь Конашенков заявил, что ПВО сбили 40 беспилотников."
    story = "Defence ministry spokesman Igor Konashenkov claimed that air defences shot down 40 drones."
    comp = compare(story, source, story_lang="en", source_lang="ru")
    assert verb_findings(comp) == [("заявил", "claimed")]
