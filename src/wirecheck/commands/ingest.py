"""``wirecheck ingest PATH...``: store text, HTML and JSON Lines articles (or folders of them)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DbOption = Annotated[Path | None, typer.Option(
    "--db", envvar="WIRECHECK_DB", help="Store file (default: $WIRECHECK_DB or ./wirecheck.db).")]


def count_inputs(paths: list[str]) -> int:
    """How many articles the paths hold (files, plus lines of JSON Lines files), for the progress bar."""
    from wirecheck.store.ingest import JSONL_EXT

    n = 0
    for raw in paths:
        p = Path(raw)
        files = [f for f in p.rglob("*") if f.is_file()] if p.is_dir() else [p]
        for f in files:
            if f.suffix.lower() in JSONL_EXT:
                try:
                    with f.open("rb") as fh:
                        n += sum(1 for line in fh if line.strip())
                except OSError:
                    n += 1
            else:
                n += 1
    return n


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(
        paths: Annotated[list[str], typer.Argument(help="Text, HTML or .jsonl files, or folders of them.")],
        db: DbOption = None,
        role: Annotated[str, typer.Option(
            help="source (wire report) or story; a JSON Lines 'role' field overrides it.")] = "story",
        outlet: Annotated[str, typer.Option(help="Outlet of these files (default: page metadata or URL).")] = "",
        published: Annotated[str | None, typer.Option(help="Publication time (ISO) of these files.")] = None,
        analysis: Annotated[str, typer.Option(
            help="full: run the NLP pipeline and index its facts; keys: index surface keys only (fast).")
        ] = "full",
        workers: Annotated[int | None, typer.Option(help="Analysis processes (default: one per core).")] = None,
        batch: Annotated[int, typer.Option(help="Documents per committed transaction.")] = 8,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    ) -> None:
        """Store articles once each (reruns skip what is stored), with their facts and trace index."""
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        from wirecheck.store.db import open_store
        from wirecheck.store.ingest import IngestStats
        from wirecheck.store.ingest import ingest as run_ingest

        console = Console(stderr=True)
        total = count_inputs(paths)
        with open_store(db) as store, Progress(
                TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                TextColumn("stored {task.fields[stored]} skipped {task.fields[skipped]} "
                           "rejected {task.fields[rejected]}"),
                TimeElapsedColumn(), console=console, disable=quiet, transient=False) as progress:
            task = progress.add_task("ingest", total=total, stored=0, skipped=0, rejected=0)

            def tick(stats: IngestStats, _seen: int) -> None:
                done = stats.stored + stats.skipped + len(stats.rejected)
                progress.update(task, completed=done, stored=stats.stored, skipped=stats.skipped,
                                rejected=len(stats.rejected))

            stats = run_ingest(store, paths, role=role, outlet=outlet, published=published, analysis=analysis,
                               workers=workers, batch=batch, on_progress=tick)
            tick(stats, 0)
        for r in stats.rejected:
            console.print(f"rejected {r.name}: {r.reason}", markup=False, highlight=False, soft_wrap=True)
        print(f"stored {stats.stored}, skipped {stats.skipped} (already stored), "
              f"rejected {len(stats.rejected)} -> {store.path}")
        if stats.rejected and not stats.stored and not stats.skipped:
            raise typer.Exit(1)
