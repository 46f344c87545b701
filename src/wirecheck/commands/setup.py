"""``wirecheck setup``: build the offline data files from installed packages and check the models."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def setup(force: bool = typer.Option(False, help="Rebuild even if the cached files are current.")) -> None:
        """Build the gazetteer and check that every model loads (no downloads)."""
        from rich.console import Console

        from wirecheck.setup_tasks import run_setup

        run_setup(Console(stderr=True), force=force)
