"""The shared fixtures (../shared/fixtures/*/expected.json): a real report and its LLM rewrites.

Each rewrite is compared with the English source report (source-en.txt) and must yield what a careful
fact-checker found; the seed story checked alone, with no source, must show its places put in the wrong
region.  Skipped when ../shared is not beside the project.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, load_json
from tests.expect import (
    describe,
    missing_dropped,
    missing_findings,
    missing_reference,
    unsupported,
    wrongly_changed,
)
from wirecheck.model import Comparison

SOURCE = "source-en.txt"


def _cases(section: str) -> list[Any]:
    """One case per (fixture folder, derivative file) whose expectations have something in ``section``."""
    if not FIXTURES.is_dir():
        return [pytest.param(None, None, marks=pytest.mark.skip(reason="../shared/fixtures is missing"))]
    out = []
    for exp_path in sorted(FIXTURES.glob("*/expected.json")):
        for name, spec in sorted(load_json(exp_path).get("pairs", {}).items()):
            if spec.get(section):
                out.append(pytest.param(exp_path.parent, name, id=f"{exp_path.parent.name}/{name}"))
    return out


def _spec(folder: Path, name: str) -> dict[str, Any]:
    spec: dict[str, Any] = load_json(folder / "expected.json")["pairs"][name]
    return spec


@cache
def _compare(folder: Path, name: str) -> Comparison:
    from wirecheck.pipeline import compare

    story = (folder / name).read_text(encoding="utf-8")
    source = (folder / SOURCE).read_text(encoding="utf-8")
    return compare(story, source)


def _report(comp: Comparison) -> str:
    return "findings:\n" + (describe(comp) or "  (none)")


@pytest.mark.parametrize(("folder", "name"), _cases("must_find"))
def test_finds_what_the_fact_checker_found(folder: Path, name: str) -> None:
    comp = _compare(folder, name)
    items = _spec(folder, name).get("must_find", [])
    missing = missing_findings(comp, [i for i in items if "source_text" not in i])
    missing += missing_dropped(comp, [i for i in items if "source_text" in i])
    assert missing == [], f"{name}: not found {missing}\n{_report(comp)}"


@pytest.mark.parametrize(("folder", "name"), _cases("must_not_flag_as_changed"))
def test_does_not_flag_the_same_thing_as_changed(folder: Path, name: str) -> None:
    comp = _compare(folder, name)
    bad = wrongly_changed(comp, _spec(folder, name).get("must_not_flag_as_changed", []))
    assert bad == [], (f"{name}: flagged as changed: "
                       f"{[(i['derivative'], f.kind.value, f.message) for i, f in bad]}\n{_report(comp)}")


@pytest.mark.parametrize(("folder", "name"), _cases("must_find_supported"))
def test_faithful_sentences_are_supported(folder: Path, name: str) -> None:
    comp = _compare(folder, name)
    bad = unsupported(comp, _spec(folder, name).get("must_find_supported", []))
    assert bad == [], f"{name}: not supported {bad}\n{_report(comp)}"


@pytest.mark.parametrize(("folder", "name"), _cases("reference_checks"))
def test_story_alone_shows_places_outside_their_region(folder: Path, name: str) -> None:
    """With no source at all, the gazetteer still catches a town put in the wrong region."""
    from wirecheck.pipeline import check_story

    comp = check_story((folder / name).read_text(encoding="utf-8"))
    missing = missing_reference(comp, _spec(folder, name)["reference_checks"])
    assert missing == [], f"{name}: reference checks not found {missing}\n{_report(comp)}"
