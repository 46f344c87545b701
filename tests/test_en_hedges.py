"""Vague sources, hedges and boosters in English text."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecheck.extractors.en_hedges import hedges_en
from wirecheck.model import Document, Fact, FactType
from wirecheck.segment.sentences import sentences_en

FIX = Path("fixtures") / "seversk-2025-12-11"


def hedges(text: str) -> list[Fact]:
    doc = Document(text=text, lang="en")
    sentences_en(doc)
    hedges_en(doc)
    return doc.facts_of(FactType.HEDGE)


def of_kind(facts: list[Fact], kind: str) -> list[str]:
    return [f.text for f in facts if f.attrs["kind"] == kind]


@pytest.mark.parametrize(("text", "phrase"), [
    ("Analysts warn that the ceasefire will not hold.", "Analysts warn"),
    ("Western diplomats believe the talks will fail.", "Western diplomats believe"),
    ("The dam was mined, sources familiar with the matter said.", "sources familiar with the matter"),
    ("Reports indicate that the road to the airport is closed.", "Reports indicate"),
    ("It is believed that the dam was mined before the retreat.", "It is believed"),
    ("Some say the governor knew about the order.", "Some say"),
    ("The order was questioned by critics, who argue that it breaks the law.", "critics"),
])
def test_vague_source_phrase(text: str, phrase: str) -> None:
    assert phrase in of_kind(hedges(text), "vague_source")


@pytest.mark.parametrize("text", [
    "Defence ministry spokesman Igor Konashenkov said that two drones were shot down.",
    "The Kremlin press service said that the talks would continue.",
    "The bridge was destroyed overnight, according to TASS.",
    "Local officials have been urged to bolster defenses.",
    # Pointing back at a report named before is not vague sourcing.
    "The Amnesty International report was published on Monday. The report says that 40 people died.",
    # Words inside a quote are the speaker's, not the story's sourcing.
    '"Experts say the bridge is safe, and I believe them," Mayor Anna Kowalska said.',
    "The museum allows people to see the original letters.",
])
def test_named_or_no_source_is_not_vague(text: str) -> None:
    assert of_kind(hedges(text), "vague_source") == []


@pytest.mark.parametrize(("text", "kind", "phrase"), [
    ("The commander reportedly fled the town.", "hedge", "reportedly"),
    ("The strike may have killed ten people.", "hedge", "may have"),
    ("The town appears to have fallen.", "hedge", "appears to"),
    ("The general is believed to have left the country.", "hedge", "is believed to"),
    ("The figures are unconfirmed.", "hedge", "unconfirmed"),
    ("The army confirmed that the town was taken.", "booster", "confirmed"),
    ("The town was clearly under Russian control.", "booster", "clearly"),
    ("Officials said the strike was undoubtedly deliberate.", "booster", "undoubtedly"),
])
def test_hedges_and_boosters(text: str, kind: str, phrase: str) -> None:
    assert phrase in of_kind(hedges(text), kind)


def test_plain_statement_has_no_hedge() -> None:
    assert hedges("The convoy reached the city at dawn and unloaded forty tonnes of flour.") == []


def _fixture(shared: Path, name: str) -> str:
    return (shared / FIX / name).read_text(encoding="utf-8")


def test_fixture_vague_phrases_are_found(shared: Path) -> None:
    seed = of_kind(hedges(_fixture(shared, "derivative-seed.txt")), "vague_source")
    assert "international observers" in seed
    assert "analysts warn" in seed
    quotes = of_kind(hedges(_fixture(shared, "derivative-quotes.txt")), "vague_source")
    assert "sources familiar with the matter" in quotes
    assert "Experts say" in quotes
    for phrase in seed + quotes:
        assert len(phrase) < 60, phrase  # the phrase, not its sentence


def test_fixture_named_sources_are_not_vague(shared: Path) -> None:
    source = _fixture(shared, "source-en.txt")
    assert of_kind(hedges(source), "vague_source") == []
    seed = _fixture(shared, "derivative-seed.txt")
    for f in hedges(seed):
        if f.attrs["kind"] == "vague_source":
            assert "Kremlin" not in f.text and "TASS" not in f.text, f.text


def test_story_turned_said_into_confirmed(shared: Path) -> None:
    # The source's "press service said" became "press service confirmed": a booster the lead can compare.
    seed = hedges(_fixture(shared, "derivative-seed.txt"))
    assert "confirmed" in of_kind(seed, "booster")
    assert of_kind(hedges(_fixture(shared, "source-en.txt")), "booster") == []


def test_an_expectation_told_as_a_certainty_is_a_certainty_change() -> None:
    from wirecheck.pipeline import compare

    source = "Dobre told supporters in Cluj that he expected to win the second round."
    for story in ("Dobre told supporters in Cluj that he was certain to win the second round.",
                  "Dobre told supporters in Cluj that he would win the second round."):
        assert [f.rule for f in compare(story, source, story_lang="en", source_lang="en").findings
                if f.kind.value == "certainty_changed"] == ["hedge.dropped"]
    assert not compare(source, source, story_lang="en", source_lang="en").findings
    hoped = "The company said it hoped to finish the deal this year."
    assert [f.rule for f in compare("The company said it would finish the deal this year.", hoped,
                                    story_lang="en", source_lang="en").findings] == ["hedge.dropped"]


def test_a_deed_only_planned_or_attempted_told_as_done_is_a_certainty_change() -> None:
    from wirecheck.pipeline import compare

    for source, story in (
            ("The court jailed a man for plotting an arson attack on a warehouse.",
             "The court jailed a man for carrying out an arson attack on a warehouse."),
            ("He tried to kill his neighbour.", "He killed his neighbour."),
            ("They were convicted of attempted murder.", "They were convicted of murder.")):
        assert [f.rule for f in compare(story, source, story_lang="en", source_lang="en").findings
                if f.kind.value == "certainty_changed"] == ["hedge.dropped"], story
    # Trying and seeking are one hedge; a trial is no attempt.
    assert not compare("The authority is trying to recover 25 million rand.",
                       "The authority said it was seeking to recover 25 million rand.",
                       story_lang="en", source_lang="en").findings
    assert not [f for f in compare("He was tried for murder.", "He was tried for murder.", story_lang="en",
                                   source_lang="en").findings]
