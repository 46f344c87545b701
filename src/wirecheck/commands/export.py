"""``wirecheck export OUT``: every stored finding as JSON Lines, CSV or Parquet."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wirecheck.commands.ingest import DbOption


def register(app: typer.Typer) -> None:
    @app.command()
    def export(
        output: Annotated[Path, typer.Argument(help="File to write (.jsonl, .csv or .parquet).")],
        db: DbOption = None,
        format: Annotated[str | None, typer.Option(
            "--format", "-f", help="jsonl, csv or parquet (default: from the file extension).")] = None,
    ) -> None:
        """Export the findings of every checked story, one row per finding."""
        from wirecheck.errors import InputError
        from wirecheck.store.db import open_store
        from wirecheck.store.export import EXPORT_FORMATS, export_findings

        fmt = format or output.suffix.lower().lstrip(".")
        if fmt == "ndjson":
            fmt = "jsonl"
        if fmt not in EXPORT_FORMATS:
            raise InputError(f"{output}: cannot tell the format; use --format {'/'.join(EXPORT_FORMATS)}")
        with open_store(db, readonly=True) as store:
            n = export_findings(store, output, fmt)
        print(f"wrote {n} findings to {output} ({fmt})")
