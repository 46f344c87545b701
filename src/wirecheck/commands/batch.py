"""``wirecheck batch``: trace and compare every unchecked story, in parallel processes or on Dask."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wirecheck.commands.ingest import DbOption


def register(app: typer.Typer) -> None:
    @app.command()
    def batch(
        db: DbOption = None,
        workers: Annotated[int | None, typer.Option(
            help="Processes (default: one per core); Dask: workers of a local cluster.")] = None,
        dask: Annotated[str | None, typer.Option(
            help="Run on Dask distributed: a scheduler address, or 'local' for a LocalCluster.")] = None,
        parquet: Annotated[Path | None, typer.Option(help="Also write the results to this Parquet file.")] = None,
        recheck: Annotated[bool, typer.Option(help="Check every story again, not just unchecked ones.")] = False,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    ) -> None:
        """Trace each unchecked story to its most likely source, compare, and store the findings."""
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        from wirecheck.store.db import open_store
        from wirecheck.store.ingest import default_workers
        from wirecheck.trace.batch import BatchStats, run_batch

        console = Console(stderr=True)
        n_workers = workers or default_workers()
        with open_store(db) as store:
            ids = [d.id for d in store.docs("story")] if recheck else store.unchecked_stories()
            with Progress(TextColumn("batch"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                          console=console, disable=quiet) as progress:
                task = progress.add_task("batch", total=len(ids))

                def tick(stats: BatchStats, _total: int) -> None:
                    progress.update(task, completed=stats.checked + len(stats.errors))

                stats = run_batch(store, workers=n_workers, dask=dask, story_ids=ids, parquet=parquet,
                                  on_result=tick)
        for sid, err in stats.errors:
            console.print(f"story #{sid}: {err}", markup=False, highlight=False, soft_wrap=True)
        where = "Dask " + dask if dask else f"{n_workers} process{'es' if n_workers > 1 else ''}"
        print(f"checked {stats.checked} stories ({stats.no_source} without a traceable source), "
              f"{stats.findings} findings, {len(stats.errors)} errors, {stats.seconds:.1f}s "
              f"({stats.per_second:.2f} stories/s on {where})")
        if parquet:
            print(f"wrote results to {parquet}")
