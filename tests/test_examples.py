"""The project's own example pairs (examples/pairs/<lang>-<slug>/): each rewrite must yield the findings a
fact-checker listed in its expected.json, must not flag what is the same, and must pass faithful sentences.

Every folder with an expected.json takes part, whatever its language; the pipeline runs once per pair.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, load_json
from tests.expect import (
    describe,
    locate,
    missing_dropped,
    missing_findings,
    missing_reference,
    unsupported,
    wrongly_changed,
)
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison

# Kinds the English examples must each show at least twice (issue 2), so the set cannot silently shrink.
REQUIRED_KINDS = (
    "place_changed", "person_changed", "unit_changed", "organization_changed", "number_changed",
    "date_changed", "predicate_changed", "added_claim", "fabricated_quote", "misattributed_quote",
    "vague_attribution", "certainty_changed", "dropped_fact",
)
MIN_OWN_PAIRS = 8

PAIRS: list[Path] = sorted(p for p in EXAMPLES.iterdir() if (p / "expected.json").is_file()) \
    if EXAMPLES.is_dir() else []


def _expected(pair: Path) -> dict[str, Any]:
    return load_json(pair / "expected.json")


def _read(pair: Path, name: str) -> str:
    return (pair / name).read_text(encoding="utf-8")


def _is_dropped(item: dict[str, Any]) -> bool:
    return "source_text" in item


def _params(section: str, predicate: Any = None) -> list[Any]:
    """One test case per pair that has something in ``section`` (filtered by ``predicate``)."""
    out = []
    for pair in PAIRS:
        items = [i for i in _expected(pair).get(section, []) if predicate is None or predicate(i)]
        if items:
            out.append(pytest.param(pair, id=pair.name))
    return out


@cache
def _compare(pair: Path) -> Comparison:
    from wirecheck.pipeline import compare

    return compare(_read(pair, "story.txt"), _read(pair, "source.txt"))


@cache
def _check_alone(pair: Path) -> Comparison:
    from wirecheck.pipeline import check_story

    return check_story(_read(pair, "story.txt"))


def _report(comp: Comparison) -> str:
    return "findings:\n" + (describe(comp) or "  (none)")


# --- the examples themselves -------------------------------------------------------------------------


@pytest.mark.parametrize("pair", [pytest.param(p, id=p.name) for p in PAIRS])
def test_expectations_quote_the_texts(pair: Path) -> None:
    """Every expected item names real words of the story or source, and a known kind."""
    story, source = _read(pair, "story.txt"), _read(pair, "source.txt")
    exp = _expected(pair)
    assert exp.get("must_find"), "a pair without expected findings tests nothing"
    kinds = {k.value for k in FindingKind}
    for item in exp["must_find"]:
        assert item["kind"] in kinds, item
        if _is_dropped(item):
            assert item["kind"] == "dropped_fact", item
            assert locate(source, item["source_text"]), f"not in source.txt: {item}"
            continue
        assert locate(story, item["derivative"]), f"not in story.txt: {item}"
        if "source" in item:
            assert locate(source, item["source"]), f"not in source.txt: {item}"
        if "speaker" in item:
            assert locate(story, item["speaker"]), f"speaker not in story.txt: {item}"
    for item in exp.get("must_not_flag_as_changed", []):
        assert locate(story, item["derivative"]) and locate(source, item["source"]), item
    for item in exp.get("must_find_supported", []):
        assert locate(story, item["derivative"]), item
    for item in exp.get("reference_checks", []):
        assert item["kind"] in kinds and locate(story, item["place"]), item


def test_english_pairs_cover_every_kind_twice() -> None:
    own = [p for p in PAIRS if p.name.startswith("en-")]
    assert len(own) >= MIN_OWN_PAIRS, f"only {len(own)} English example pairs"
    seen: Counter[str] = Counter()
    for pair in own:
        seen.update(item["kind"] for item in _expected(pair)["must_find"])
    short = {k: seen[k] for k in REQUIRED_KINDS if seen[k] < 2}
    assert not short, f"kinds shown fewer than twice across the English examples: {short}"
    refs = sum(len(_expected(p).get("reference_checks", [])) for p in own)
    assert refs >= 2, "the English examples need place_not_in_region reference checks"


# --- the engine against them ---------------------------------------------------------------------------


@pytest.mark.parametrize("pair", _params("must_find", lambda i: not _is_dropped(i)))
def test_finds_what_the_fact_checker_found(pair: Path) -> None:
    comp = _compare(pair)
    items = [i for i in _expected(pair)["must_find"] if not _is_dropped(i)]
    missing = missing_findings(comp, items)
    assert missing == [], f"{pair.name}: not found {missing}\n{_report(comp)}"


@pytest.mark.parametrize("pair", _params("must_find", _is_dropped))
def test_reports_dropped_facts(pair: Path) -> None:
    comp = _compare(pair)
    items = [i for i in _expected(pair)["must_find"] if _is_dropped(i)]
    missing = missing_dropped(comp, items)
    assert missing == [], f"{pair.name}: dropped facts not reported {missing}\n{_report(comp)}"


@pytest.mark.parametrize("pair", _params("must_not_flag_as_changed"))
def test_does_not_flag_the_same_thing_as_changed(pair: Path) -> None:
    comp = _compare(pair)
    bad = wrongly_changed(comp, _expected(pair)["must_not_flag_as_changed"])
    assert bad == [], (f"{pair.name}: flagged as changed: "
                       f"{[(i['derivative'], f.kind.value, f.message) for i, f in bad]}\n{_report(comp)}")


@pytest.mark.parametrize("pair", _params("must_find_supported"))
def test_faithful_sentences_are_supported(pair: Path) -> None:
    comp = _compare(pair)
    bad = unsupported(comp, _expected(pair)["must_find_supported"])
    assert bad == [], f"{pair.name}: not supported {bad}\n{_report(comp)}"


@pytest.mark.parametrize("pair", _params("reference_checks"))
def test_reference_checks_on_the_story_alone(pair: Path) -> None:
    comp = _check_alone(pair)
    missing = missing_reference(comp, _expected(pair)["reference_checks"])
    assert missing == [], f"{pair.name}: reference checks not found {missing}\n{_report(comp)}"
