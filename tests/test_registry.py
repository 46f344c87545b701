"""Stages register themselves and run in dependency order; a new check is one function."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import EXAMPLES
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Finding
from wirecheck.pipeline import compare
from wirecheck.registry import PAIR_STAGES, Stage, check, load_plugins, order_stages


def _stage(name: str, requires: tuple[str, ...] = (), provides: tuple[str, ...] = (), order: int = 50,
           after: tuple[str, ...] = ()) -> Stage:
    return Stage(name, lambda d: d, requires, provides, None, order, "doc", after=after)


def test_order_follows_requirements_not_declaration() -> None:
    stages = [_stage("c", requires=("b",), order=1), _stage("a", provides=("a",), order=9),
              _stage("b", requires=("a",), provides=("b",), order=5)]
    assert [s.name for s in order_stages(stages)] == ["a", "b", "c"]


def test_soft_after_waits_for_a_provider_and_cycles_do_not_deadlock() -> None:
    stages = [_stage("people", provides=("person",), after=("place",), order=40),
              _stage("places", provides=("place",), after=("person",), order=35)]
    assert [s.name for s in order_stages(stages)] == ["places", "people"]
    lone = [_stage("x", after=("nobody-provides-this",))]
    assert [s.name for s in order_stages(lone)] == ["x"]


def test_missing_requirement_is_an_error() -> None:
    with pytest.raises(RuntimeError, match="need"):
        order_stages([_stage("x", requires=("nothing",))])


def test_every_check_declares_kinds_it_can_emit() -> None:
    load_plugins()
    checks = [s for s in PAIR_STAGES.values() if s.kinds]
    emitted = {k for s in checks for k in s.kinds}
    assert FindingKind.PLACE_CHANGED in emitted and FindingKind.VAGUE_ATTRIBUTION in emitted
    assert all(s.doc for s in PAIR_STAGES.values()), "every stage has a one-line docstring"


@pytest.fixture
def shouting_check() -> Iterator[str]:
    name = "test-exclamations"

    @check(name, kinds=[FindingKind.ADDED_CLAIM], requires=["alignments"])
    def exclamations(comp: Comparison) -> None:
        """Sentences ending in '!' (a test check)."""
        for s in comp.story.sentences:
            if s.text.endswith("!"):
                comp.add(Finding(FindingKind.ADDED_CLAIM, "exclamation", story=comp.story.span(s.start, s.end),
                                 rule="test.exclamation", confidence=0.5))

    yield name
    del PAIR_STAGES[name]


def test_a_new_check_is_one_function(shouting_check: str) -> None:
    pair = EXAMPLES / "en-kupiansk-drones"
    story = (pair / "story.txt").read_text() + "\nThis changes everything!"
    comp = compare(story, (pair / "source.txt").read_text())
    assert any(f.rule == "test.exclamation" and f.story and f.story.text == "This changes everything!"
               for f in comp.findings)
    assert f"pair.{shouting_check}" in comp.timings
