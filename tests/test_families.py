"""Story families, the mutation matrix, outlet rankings and exports over the checked test corpus."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.conftest import run_cli
from tests.test_store_corpus import FIXTURE, FIXTURE_STORIES, checked, expected_sources
from wirecheck.store.db import Store
from wirecheck.store.export import export_findings
from wirecheck.trace.families import families, mutation_matrix, outlets

CELL_PREFIXES = ("kept", "dropped", "changed: ")


def test_fixture_rewrites_form_one_family() -> None:
    with Store(checked()) as store:
        fams = families(store)
        fixture_ids = {store.find(str(FIXTURE / n)).id for n in FIXTURE_STORIES}  # type: ignore[union-attr]
        holding = [f for f in fams if fixture_ids & {m.story_id for m in f.members}]
        assert len(holding) == 1, [(f.source_name, [m.name for m in f.members]) for f in holding]
        assert fixture_ids <= {m.story_id for m in holding[0].members}
        assert Path(holding[0].source_name).name in ("source-en.txt", "source-ru.txt")


def test_every_family_is_its_true_source() -> None:
    expected = expected_sources()
    with Store(checked()) as store:
        for fam in families(store):
            for m in fam.members:
                if m.name in expected:
                    assert fam.source_name in expected[m.name], (m.name, fam.source_name)
        # Decoys and the later follow-up head no family.
        heads = {f.source_name for f in families(store)}
        assert not any("followup" in h or "airdefence" in h or "counterattacks" in h for h in heads)


def test_mutation_matrix_has_a_row_per_outlet_and_a_cell_per_source_fact() -> None:
    with Store(checked()) as store:
        fam = next(f for f in families(store) if f.source_name == "wire-ru-shebekino-drone")
        m = mutation_matrix(store, fam.source_id)
        assert {r.outlet for r in m.rows} == {"dailyworld.example", "frontline-digest.example"}
        assert m.columns, "the Russian source has checkable facts"
        for r in m.rows:
            assert set(r.cells) == {c.fact_id for c in m.columns}
            assert all(v.startswith(CELL_PREFIXES) for v in r.cells.values()), r.cells
        # The matrix agrees with the stored findings: added claims listed per outlet are findings.
        for r in m.rows:
            kinds = [f["kind"] for f in store.findings(story_id=r.story_id)]
            assert len(r.added) == kinds.count("added_claim")
            assert len(r.fabricated_quotes) == kinds.count("fabricated_quote")


def test_outlets_count_every_checked_story() -> None:
    with Store(checked()) as store:
        ranked = outlets(store)
        by_outlet = {s.outlet: s for s in ranked}
        assert by_outlet["dailyworld.example"].stories == 2
        assert by_outlet["newsnow.example"].stories == 2
        total_added = sum(s.added for s in ranked)
        n_added = store.conn.execute("SELECT count(*) FROM findings WHERE kind='added_claim'").fetchone()[0]
        assert total_added == n_added
        scores = [s.problems_per_story for s in ranked]
        assert scores == sorted(scores, reverse=True)


def test_exports_hold_every_finding(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    with Store(checked()) as store:
        n = len(store.findings())
        assert n > 0
        for fmt in ("jsonl", "csv", "parquet"):
            assert export_findings(store, tmp_path / f"f.{fmt}", fmt) == n
    lines = (tmp_path / "f.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == n and {"kind", "outlet", "story_text"} <= set(json.loads(lines[0]))
    with (tmp_path / "f.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == n
    assert pq.read_table(tmp_path / "f.parquet").num_rows == n


def test_families_cli_prints_the_matrix() -> None:
    db = str(checked())
    with Store(checked()) as store:
        fam = next(f for f in families(store) if f.source_name == "wire-en-izmail-drones")
    proc = run_cli("families", str(fam.source_id), "--db", db, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {r["outlet"] for r in data["rows"]} == {"dailyworld.example", "newsnow.example"}
    listing = run_cli("families", "--db", db)
    assert listing.returncode == 0 and "wire-en-izmail-drones" in listing.stdout


def test_outlets_and_export_cli(tmp_path: Path) -> None:
    db = str(checked())
    proc = run_cli("outlets", "--db", db, "--json")
    assert proc.returncode == 0, proc.stderr
    ranked = json.loads(proc.stdout)
    assert {r["outlet"] for r in ranked} >= {"dailyworld.example", "newsnow.example", "frontline-digest.example"}
    bad = run_cli("outlets", "--db", db, "--by", "colour")
    assert bad.returncode != 0 and "--by must be one of" in bad.stderr
    out = tmp_path / "findings.csv"
    exp = run_cli("export", str(out), "--db", db)
    assert exp.returncode == 0, exp.stderr
    with out.open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == int(exp.stdout.split()[1])
    unknown = run_cli("export", str(tmp_path / "findings.xlsx"), "--db", db)
    assert unknown.returncode != 0 and "cannot tell the format" in unknown.stderr


def test_stored_checks_keep_the_error_risk_and_outlets_rank_by_it() -> None:
    with Store(checked()) as store:
        comps = [c for c in store.comparisons() if c["source_id"] is not None]
        risks = [c["risk"] for c in comps]
        # English story against an English source: a risk; a Russian source: none (words cannot match).
        assert any(r is not None and 0.0 <= r <= 1.0 for r in risks)
        ranked = outlets(store, by="risk")
        known = [s.mean_risk for s in ranked if s.mean_risk is not None]
        assert known == sorted(known, reverse=True)
        assert "mean_risk" in ranked[0].to_dict()
