"""``wirecheck batch``: trace and compare every unchecked story, in parallel.

One unit of work, three executors: this process (``workers=1``), a ``ProcessPoolExecutor`` (default,
one process per core), or a Dask distributed cluster (``dask="local"`` starts a LocalCluster of
processes; any other value is a scheduler address).  The main process only hands out story ids: each
worker traces its story through its own read-only connection to the store, analyses and compares it
(:func:`wirecheck.trace.check.check_in_worker`; models load once per worker process) and sends back a
plain result.  Results are written by the main process, the store's only writer, one transaction per
story as they arrive, so a killed batch keeps every story it finished, and a rerun checks only the
stories that have no stored result (one row per story: a rerun never stores a story twice).

A remote Dask cluster may not see the store file, so there the main process traces and ships the
story and source texts (:func:`wirecheck.trace.check.make_tasks`) instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirecheck.store.db import Store
from wirecheck.store.ingest import pool_context, worker_init
from wirecheck.trace.check import check_in_worker, check_stored, make_tasks, run_task, worker_store


@dataclass
class BatchStats:
    checked: int = 0
    traced: int = 0
    no_source: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    findings: int = 0
    seconds: float = 0.0

    @property
    def per_second(self) -> float:
        return self.checked / self.seconds if self.seconds else 0.0


def _serial(store: Store, ids: Iterable[int], min_score: float) -> Iterator[dict[str, Any]]:
    for sid in ids:
        yield check_stored(store, sid, min_score=min_score)


def _pool_init(db: str) -> None:
    worker_init()
    worker_store(db)  # open the read connection now: a store the workers cannot read fails at once


def _processes(db: str, ids: Iterable[int], min_score: float, workers: int) -> Iterator[dict[str, Any]]:
    with ProcessPoolExecutor(max_workers=workers, mp_context=pool_context(),
                             initializer=_pool_init, initargs=(db,)) as pool:
        inflight: set[Future[dict[str, Any]]] = set()
        for sid in ids:
            inflight.add(pool.submit(check_in_worker, sid, db, min_score))
            # Bounded queue: a killed batch has at most this many stories started and not stored.
            while len(inflight) >= 2 * workers:
                done, rest = wait(inflight, return_when=FIRST_COMPLETED)
                inflight = set(rest)
                yield from (f.result() for f in done)
        while inflight:
            done, rest = wait(inflight, return_when=FIRST_COMPLETED)
            inflight = set(rest)
            yield from (f.result() for f in done)


def _dask(store: Store, ids: list[int], min_score: float, address: str, workers: int) -> Iterator[dict[str, Any]]:
    from dask.distributed import Client, LocalCluster, as_completed

    with ExitStack() as stack:
        if address == "local":
            cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1,
                                                       processes=True, dashboard_address=None))
            client = stack.enter_context(Client(cluster))
            # Same machine: workers read the store themselves and get only ids.
            # pure=False: every story is a task of its own, never a cached result.
            futures = client.map(check_in_worker, ids, db=str(store.path.resolve()), min_score=min_score,
                                 pure=False)
        else:
            client = stack.enter_context(Client(address))
            tasks = list(make_tasks(store, ids, min_score=min_score))
            futures = client.map(run_task, tasks, pure=False)
        for fut in as_completed(futures):
            yield fut.result()


def run_batch(store: Store, *, workers: int = 1, dask: str | None = None, story_ids: list[int] | None = None,
              parquet: Path | None = None, write_store: bool = True, min_score: float = 0.05,
              pool: bool = False, on_result: Callable[[BatchStats, int], None] | None = None) -> BatchStats:
    """Check the given (default: every unchecked) story; returns counts and wall time.

    ``workers=1`` runs in this process unless ``pool`` asks for a worker process (as benchmarks do, to
    compare 1 and N workers under the same conditions).
    """
    ids = store.unchecked_stories() if story_ids is None else story_ids
    stats = BatchStats()
    t0 = time.perf_counter()
    results: Iterator[dict[str, Any]]
    if dask:
        results = _dask(store, ids, min_score, dask, max(1, workers))
    elif workers <= 1 and not pool:
        results = _serial(store, ids, min_score)
    else:
        results = _processes(str(store.path.resolve()), ids, min_score, max(1, workers))
    collected: list[dict[str, Any]] = []
    for res in results:
        if "error" in res:
            stats.errors.append((res["story_id"], res["error"]))
            if not res["error"].startswith(("trace failed", "no story")):
                stats.traced += 1
        else:
            stats.traced += 1
            stats.checked += 1
            stats.findings += len(res["findings"])
            if res["source_id"] is None:
                stats.no_source += 1
            if write_store:
                store.save_result(res)
            if parquet is not None:
                collected.append(res)
        if on_result:
            on_result(stats, len(ids))
    stats.seconds = time.perf_counter() - t0
    if parquet is not None:
        write_results_parquet(collected, parquet)
    return stats


def write_results_parquet(results: list[dict[str, Any]], path: Path) -> None:
    """One row per finding (a story with none still gets a row with empty kind), for cluster runs."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows: list[dict[str, Any]] = []
    for r in results:
        base = {"story_id": r["story_id"], "source_id": r["source_id"], "trace_score": r["trace_score"],
                "fidelity": r["fidelity"], "risk": r.get("risk")}
        if not r["findings"]:
            rows.append({**base, "kind": None, "severity": None, "message": None, "story_text": None,
                         "source_text": None, "before": None, "after": None})
        for f in r["findings"]:
            rows.append({**base, "kind": f["kind"], "severity": f["severity"], "message": f["message"],
                         "story_text": (f.get("story") or {}).get("text"),
                         "source_text": (f.get("source") or {}).get("text"),
                         "before": f.get("before"), "after": f.get("after")})
    schema = pa.schema([("story_id", pa.int64()), ("source_id", pa.int64()), ("trace_score", pa.float64()),
                        ("fidelity", pa.float64()), ("risk", pa.float64()), ("kind", pa.string()), ("severity", pa.string()),
                        ("message", pa.string()), ("story_text", pa.string()), ("source_text", pa.string()),
                        ("before", pa.string()), ("after", pa.string())])
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp)
    tmp.replace(path)
