"""Batch checking: each story is traced, analysed and compared inside a worker (the main process hands
out ids and writes results); a pool of 2 workers, a Dask cluster and this process store the same results,
and a killed batch keeps what it stored and, rerun, stores every story exactly once."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import cli_args, kill_mid_run
from tests.test_store_corpus import checked, corpus
from wirecheck.store.db import Store
from wirecheck.store.ingest import Item, ingest
from wirecheck.trace.batch import run_batch


def _assignments(path: Path) -> dict[int, int | None]:
    with Store(path) as store:
        return {c["story_id"]: c["source_id"] for c in store.comparisons()}


def _results(path: Path) -> dict[int, dict[str, Any]]:
    """What a user reads back for each checked story (without row ids and timestamps)."""
    with Store(path) as store:
        out = {c["story_id"]: {"source_id": c["source_id"], "trace_score": round(c["trace_score"], 9),
                               "fidelity": c["fidelity"], "verdicts": c["verdicts"],
                               "story_facts": c["story_facts"], "findings": []}
               for c in store.comparisons()}
        for f in store.findings():
            out[f["story_id"]]["findings"].append(f)
    return out


def _subset(tmp_path: Path, n: int) -> tuple[Path, list[int]]:
    db = tmp_path / "s.db"
    shutil.copy(corpus("full"), db)
    with Store(db) as store:
        ids = store.unchecked_stories()[:n]
    return db, ids


def test_process_pool_stores_the_same_results_as_one_process(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    serial = _results(checked())
    db, ids = _subset(tmp_path, 100)
    with Store(db) as store:
        stats = run_batch(store, workers=2, story_ids=ids, parquet=tmp_path / "out.parquet")
        assert (stats.checked, stats.errors) == (len(ids), [])
        assert store.unchecked_stories() == []
    assert _results(db) == serial
    table = pq.read_table(tmp_path / "out.parquet")
    assert set(table.column("story_id").to_pylist()) == set(ids)


def test_missing_story_is_an_error_not_a_crash(tmp_path: Path) -> None:
    db, ids = _subset(tmp_path, 1)
    with Store(db) as store:
        stats = run_batch(store, workers=1, story_ids=[ids[0], 999_999])
    assert stats.checked == 1
    assert [sid for sid, _ in stats.errors] == [999_999]


@pytest.mark.slow
def test_dask_local_cluster_same_code_path(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    serial = _results(checked())
    db, ids = _subset(tmp_path, 2)
    with Store(db) as store:
        stats = run_batch(store, workers=1, dask="local", story_ids=ids)
        assert (stats.checked, stats.errors) == (2, [])
    assert _results(db) == {i: serial[i] for i in ids}


def test_batch_cli_checks_only_unchecked_stories(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    db = tmp_path / "s.db"
    shutil.copy(checked(), db)
    proc = run_cli("batch", "--db", str(db), "--workers", "1", "-q")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("checked 0 stories")


# -- a killed batch ----------------------------------------------------------------------------------------

SYL = ["ko", "va", "len", "dro", "mi", "ra", "tu", "bor", "ne", "sa", "lo", "vin"]


def _archive(n: int) -> list[Item]:
    """``n`` wire reports and a rewrite of each (every other one with a changed number)."""
    items = []
    for i in range(n):
        town = (SYL[i % 12] + SYL[(i // 12) % 12] + "ivka").capitalize()
        person = "Ivan " + (SYL[(i * 5) % 12] + SYL[(i * 7 + 3) % 12] + "enko").capitalize()
        day = 1 + i % 27
        src = (f"{town.upper()}, March {day} (Wire). {i + 3} people were killed in a drone attack on {town}, "
               f"governor {person} said. He said {2 * i + 10} houses were damaged.")
        story = (f"A drone attack on {town} killed {i + 3 + i % 2} people, according to governor {person}. "
                 f"Some {2 * i + 10} homes were damaged. Analysts say the attack signals a new offensive.")
        items.append(Item(text=src, name=f"src-{i}", role="source", published=f"2026-03-{day:02d}T08:00:00Z",
                          lang="en", outlet="Wire"))
        items.append(Item(text=story, name=f"story-{i}", role="story", published=f"2026-03-{day:02d}T12:00:00Z",
                          lang="en", outlet=f"outlet{i % 3}.example"))
    return items


def _stored(db: Path) -> int:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return int(conn.execute("SELECT count(*) FROM comparisons").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.slow
def test_killed_batch_reruns_to_each_story_stored_once(tmp_path: Path) -> None:
    n = 40
    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest(store, [], items=_archive(n), analysis="keys", workers=1)
    reference = tmp_path / "reference.db"
    shutil.copy(db, reference)

    args = cli_args("batch", "--db", str(db), "--workers", "2", "-q")
    partial = kill_mid_run(args, lambda: _stored(db), 3, 120)
    assert 0 < partial < n, f"the batch was not interrupted mid-run ({partial} of {n} stored)"

    done = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"checked {n - partial} stories"), done.stdout

    with Store(reference) as store:  # the same archive checked in one process, never interrupted
        stats = run_batch(store, workers=1)
        assert (stats.checked, stats.errors) == (n, [])
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), count(DISTINCT story_id) FROM comparisons").fetchone() == (n, n)
    orphans = conn.execute("SELECT count(*) FROM findings f LEFT JOIN comparisons c ON c.id = f.comparison_id "
                           "WHERE c.id IS NULL").fetchone()[0]
    conn.close()
    assert orphans == 0
    assert _results(db) == _results(reference)
