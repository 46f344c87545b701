"""Batch checking runs the same tasks in this process, in worker processes and on a Dask cluster, and
each executor writes the same story -> source assignments back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.test_store_corpus import checked, corpus
from wirecheck.store.db import Store
from wirecheck.trace.batch import run_batch


def _assignments(path: Path) -> dict[int, int | None]:
    with Store(path) as store:
        return {c["story_id"]: c["source_id"] for c in store.comparisons()}


def _subset(tmp_path: Path, n: int) -> tuple[Path, list[int]]:
    db = tmp_path / "s.db"
    shutil.copy(corpus("full"), db)
    with Store(db) as store:
        ids = store.unchecked_stories()[:n]
    return db, ids


def test_process_pool_matches_serial_and_writes_parquet(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    serial = _assignments(checked())
    db, ids = _subset(tmp_path, 3)
    with Store(db) as store:
        stats = run_batch(store, workers=2, story_ids=ids, parquet=tmp_path / "out.parquet")
        assert (stats.checked, stats.errors) == (3, [])
        assert store.unchecked_stories() == sorted(set(store.unchecked_stories()) - set(ids))
    got = _assignments(db)
    assert got == {i: serial[i] for i in ids}
    table = pq.read_table(tmp_path / "out.parquet")
    assert set(table.column("story_id").to_pylist()) == set(ids)


@pytest.mark.slow
def test_dask_local_cluster_same_code_path(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    serial = _assignments(checked())
    db, ids = _subset(tmp_path, 2)
    with Store(db) as store:
        stats = run_batch(store, workers=1, dask="local", story_ids=ids)
        assert (stats.checked, stats.errors) == (2, [])
    assert _assignments(db) == {i: serial[i] for i in ids}


def test_batch_cli_checks_only_unchecked_stories(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    db = tmp_path / "s.db"
    shutil.copy(checked(), db)
    proc = run_cli("batch", "--db", str(db), "--workers", "1", "-q")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("checked 0 stories")
