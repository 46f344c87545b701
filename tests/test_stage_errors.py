"""A non-essential stage that fails on some text costs its own findings, not the whole audit, and every
report says so (pipeline._guarded)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from wirecheck.pipeline import compare
from wirecheck.registry import DOC_STAGES, PAIR_STAGES, load_plugins
from wirecheck.report import render

STORY = "Russian forces attacked Kharkiv with missiles overnight, wounding 12 people, Governor Oleh Syniehubov said."
SOURCE = "Russian forces attacked Kharkiv with drones overnight, wounding 12 people, Governor Oleh Syniehubov said."


def _boom(_: object) -> None:
    raise ValueError("broken on purpose")


def test_a_failing_extractor_and_check_are_reported_and_the_rest_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WIRECHECK_STRICT", raising=False)  # as users run it
    load_plugins()
    monkeypatch.setitem(DOC_STAGES, "weapons.en", dataclasses.replace(DOC_STAGES["weapons.en"], func=_boom))
    monkeypatch.setitem(PAIR_STAGES, "vague-attribution",
                        dataclasses.replace(PAIR_STAGES["vague-attribution"], func=_boom))
    comp = compare(STORY, SOURCE)
    assert any(e.startswith("story: doc.weapons.en: ValueError") for e in comp.stage_errors)
    assert any("pair.vague-attribution" in e for e in comp.stage_errors)
    assert comp.alignments and comp.verdicts  # the audit itself went on
    assert "a stage failed" in render(comp, "text")
    assert "a stage failed" in render(comp, "html")
    assert json.loads(render(comp, "json"))["story"]["meta"]["stage_errors"]


def test_an_essential_stage_still_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    load_plugins()
    name = next(n for n, s in DOC_STAGES.items() if "sentences" in s.provides and s.handles("en"))
    monkeypatch.setitem(DOC_STAGES, name, dataclasses.replace(DOC_STAGES[name], func=_boom))
    with pytest.raises(ValueError):
        compare(STORY, SOURCE)


def test_the_test_suite_runs_strict(monkeypatch: pytest.MonkeyPatch) -> None:
    load_plugins()
    monkeypatch.setitem(DOC_STAGES, "weapons.en", dataclasses.replace(DOC_STAGES["weapons.en"], func=_boom))
    with pytest.raises(ValueError):
        compare(STORY, SOURCE)
