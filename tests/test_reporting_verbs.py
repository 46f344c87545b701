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


def test_the_finding_names_the_verb_not_the_words_around_it() -> None:
    # The cue of "said in an interview on Monday" takes in the words after the verb; the finding is about
    # the verb, and its evidence spans are the verb's.
    source = "Mayor Ana Ruiz said in an interview on Monday that the bridge would reopen in May."
    story = "Mayor Ana Ruiz claimed in an interview on Monday that the bridge would reopen in May."
    comp = compare(story, source)
    [f] = [f for f in comp.findings if f.rule == "certainty.reporting-verb"]
    assert (f.before, f.after) == ("said", "claimed")
    assert "'said'" in f.message and "'claimed'" in f.message and "interview" not in f.message
    assert f.story is not None and f.source is not None
    assert story[f.story.start:f.story.end] == f.story.text == "claimed"
    assert source[f.source.start:f.source.end] == f.source.text == "said"
    # Auxiliaries and a negation stay with the verb.
    comp = compare("Mayor Ana Ruiz has also claimed in an interview on Monday that the bridge would reopen "
                   "in May.", source)
    assert verb_findings(comp) == [("said", "has also claimed")]


def test_according_to_in_russian_or_ukrainian_told_as_confirmed_is_reported_but_said_is_not() -> None:
    ru = "По словам мэра Андрея Белова, в поселке без света остались 300 домов."
    confirmed = "Mayor Andrei Belov confirmed that 300 homes in the village were left without power."
    assert verb_findings(compare(confirmed, ru, story_lang="en", source_lang="ru")) == [("По словам", "confirmed")]
    said = confirmed.replace("confirmed", "said")
    assert verb_findings(compare(said, ru, story_lang="en", source_lang="ru")) == []
    # The person the phrase names, not the office written before the name, is the speaker.
    uk = "За словами голови ОВА Івана Федорова, у селищі без світла залишилися 300 будинків."
    story = "Regional governor Ivan Fedorov confirmed that 300 homes in the village were left without power."
    assert verb_findings(compare(story, uk, story_lang="en", source_lang="uk")) == [("За словами", "confirmed")]
