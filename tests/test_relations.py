"""Recombined relations (checks/relations.py) and spliced sentences (align/support.py).

A story that keeps the source's words but joins them differently ("the governor opened the bridge" when
the mayor did) gets a pointer to the two source sentences the words came from; a story that joins them as
the source does, or through a pronoun or a shortened name the source uses, gets none.
"""

from __future__ import annotations

import pytest

from wirecheck.kinds import FACTUAL_KINDS, FindingKind, Severity
from wirecheck.pipeline import compare
from wirecheck.risk import features

SOURCE = ("Rosberg won the race in Malaysia, where Vettel finished second.\n"
          "Lewis Hamilton started from pole but dropped to third after a slow pit stop.\n"
          "He was four seconds behind Rosberg at the finish.\n"
          "The mayor opened the new bridge on Monday.\n"
          "The governor criticised the cost of the project.")


def pointers(story: str) -> list[tuple[str | None, str]]:
    return [(f.after, f.source.text if f.source else "") for f in compare(story, SOURCE).findings
            if f.rule == "relations.recombined"]


def test_another_doer_for_the_source_s_action() -> None:
    comp = compare("The governor opened the new bridge on Monday.", SOURCE)
    found = [f for f in comp.findings if f.rule == "relations.recombined"]
    assert [f.after for f in found] == ["governor opened"]
    f = found[0]
    assert f.story is not None and f.story.text == "governor opened"
    # The evidence: the source sentence with the action, and where the other word was found.
    assert f.source is not None and f.source.text == "The mayor opened the new bridge on Monday."
    assert "The governor criticised the cost of the project." in f.message


def test_the_runner_up_made_the_winner() -> None:
    assert pointers("Vettel won the race in Malaysia.") == [
        ("Vettel won", "Rosberg won the race in Malaysia, where Vettel finished second.")]


def test_a_pointer_is_not_a_verdict() -> None:
    comp = compare("The governor opened the new bridge on Monday.", SOURCE)
    f = next(f for f in comp.findings if f.rule == "relations.recombined")
    # Not a factual kind: the findings rule and the risk's count of findings leave it out, and the
    # sentence keeps its "supported" verdict; the novelty summary counts the unjoined arc.
    assert f.kind is FindingKind.NEW_RELATION and f.kind not in FACTUAL_KINDS
    assert f.severity is Severity.LOW
    assert comp.sentence_verdicts[0].value == "supported"
    values = features(comp)
    assert values is not None and values["findings"] == 0
    assert comp.novelty is not None and comp.novelty.unjoined_arcs == 1
    assert comp.to_dict()["novelty"]["unjoined_arcs"] == 1


def test_another_word_in_the_same_slot_is_a_paraphrase() -> None:
    source = ("Kast told a crowd in the capital that Chile had chosen order.\n"
              "Jara conceded defeat in a speech to supporters in Santiago.")
    comp = compare("Kast told supporters in the capital that Chile had chosen order.", source)
    assert [f for f in comp.findings if f.rule == "relations.recombined"] == []


@pytest.mark.parametrize("story", [
    "Rosberg won the race in Malaysia.",  # as the source says it
    "The mayor opened the new bridge on Monday.",
    "Vettel finished second in Malaysia.",  # joined in the source, through a relative clause
    "Hamilton was four seconds behind Rosberg at the finish.",  # "He" in the source is Hamilton
    "Hamilton started from pole but dropped to third after a slow pit stop.",  # "Lewis Hamilton"
    "Critics said the bridge was far too expensive.",  # new wording: the support measures' business
])
def test_relations_the_source_makes_are_not_reported(story: str) -> None:
    assert pointers(story) == []


def test_a_sentence_spliced_from_two_source_sentences_is_listed() -> None:
    comp = compare("The governor opened the new bridge on Monday.", SOURCE)
    assert comp.novelty is not None
    assert comp.novelty.spliced == {0: [3, 4]}
    assert comp.to_dict()["novelty"]["spliced"] == [{"story": 0, "source": [3, 4]}]
    copied = compare("The mayor opened the new bridge on Monday.", SOURCE)
    assert copied.novelty is not None and copied.novelty.spliced == {}
    assert copied.novelty.sentence_novel_share == 0.0


def test_the_most_novel_sentence_sets_the_sentence_share() -> None:
    comp = compare("The mayor opened the new bridge on Monday. Critics called it a vanity project.", SOURCE)
    assert comp.novelty is not None
    assert comp.novelty.sentence_novel_share > 0.5 > comp.novelty.pair_share
