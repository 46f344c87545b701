"""The JSON output matches docs/schema.md, and every finding's evidence can be checked: its spans are
the words at those offsets of the texts it points into."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, run_cli
from wirecheck.kinds import KINDS

SCHEMA_DOC = (ROOT / "docs" / "schema.md").read_text()


def test_every_kind_is_documented_with_its_severity() -> None:
    for kind, info in KINDS.items():
        rows = [line for line in SCHEMA_DOC.splitlines() if line.startswith("| `") and f"`{kind.value}`" in line]
        assert rows, f"{kind.value} missing from docs/schema.md"
        assert info.severity.label in rows[-1], f"{kind.value}: documented severity differs"


@pytest.fixture(scope="module")
def report() -> dict:
    pair = EXAMPLES / "en-kupiansk-drones"
    proc = run_cli("compare", str(pair / "story.txt"), str(pair / "source.txt"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_top_level_fields(report: dict) -> None:
    assert report["schema"] == "wirecheck.comparison/1.0"
    documented = set(re.findall(r'^  "(\w+)":', SCHEMA_DOC, re.M))
    assert documented == set(report), set(report) ^ documented
    assert 0 <= report["fidelity"] <= 100
    assert len(report["alignments"]) == len(report["story"]["sentences"])


def test_evidence_spans_are_the_words_at_their_offsets(report: dict) -> None:
    texts = {"story": report["story"]["text"], "source": report["source"]["text"]}
    assert report["findings"], "the example pair has known damage"
    for f in report["findings"]:
        assert f["kind"] in {k.value for k in KINDS}
        assert 0.0 < f["confidence"] <= 1.0 and f["rule"]
        for side in ("story", "source"):
            span = f[side]
            if span:
                assert texts[side][span["start"]:span["end"]] == span["text"], (f["kind"], side)
        assert f["story"] or f["source"], "a finding must point somewhere"


def test_fact_verdicts_cover_every_compared_fact(report: dict) -> None:
    ids = {v["fact"] for v in report["fact_verdicts"]}
    verdicts = {v["verdict"] for v in report["fact_verdicts"]}
    assert verdicts <= {"supported", "changed", "added", "kept", "dropped"}
    for side in ("story", "source"):
        for fact in report[side]["facts"]:
            if fact["type"] in ("person", "place", "organization", "unit", "number"):
                assert fact["id"] in ids, fact


def test_findings_sorted_by_severity(report: dict) -> None:
    order = ["critical", "high", "medium", "low", "info"]
    ranks = [order.index(f["severity"]) for f in report["findings"]]
    assert ranks == sorted(ranks)


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    pair = EXAMPLES / "en-kupiansk-drones"
    out = tmp_path / "r.json"
    proc = run_cli("compare", str(pair / "story.txt"), str(pair / "source.txt"), "-f", "json", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(out.read_text())["schema"].startswith("wirecheck.comparison/")
    assert not (tmp_path / "r.json.tmp").exists()
