"""``wirecheck outlets``: outlets ranked by how much their stories change, add and invent."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from wirecheck.commands.ingest import DbOption


def register(app: typer.Typer) -> None:
    @app.command()
    def outlets(
        db: DbOption = None,
        by: Annotated[str, typer.Option(
            help="Rank by problems (changed+added+fabricated per story), changed, added, fabricated, "
                 "fidelity or risk (mean error risk).")] = "problems",
        min_stories: Annotated[int, typer.Option(help="Only outlets with at least this many stories.")] = 1,
        json_out: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    ) -> None:
        """Rank outlets by changed facts, added claims and fabricated quotes over their checked stories."""
        from rich.console import Console
        from rich.table import Table

        from wirecheck.errors import InputError
        from wirecheck.store.db import open_store
        from wirecheck.trace.families import RANK_BY
        from wirecheck.trace.families import outlets as rank_outlets

        if by not in RANK_BY:
            raise InputError(f"--by must be one of {', '.join(RANK_BY)}, not {by!r}")
        with open_store(db, readonly=True) as store:
            ranked = rank_outlets(store, by=by, min_stories=min_stories)
        if json_out:
            sys.stdout.write(json.dumps([s.to_dict() for s in ranked], indent=1) + "\n")
            return
        console = Console()
        if not ranked:
            console.print("No story has been checked against a source yet: run `wirecheck batch` first.")
            return
        table = Table(title=f"Outlets, worst first (by {by})")
        for col in ("outlet", "stories", "changed/fact", "added/story", "fabricated quotes/story",
                    "mean fidelity", "mean risk"):
            table.add_column(col)
        for s in ranked:
            table.add_row(s.outlet, str(s.stories), f"{s.changed_rate:.2f} ({s.changed}/{s.facts})",
                          f"{s.added_per_story:.2f}", f"{s.fabricated_per_story:.2f}",
                          "" if s.mean_fidelity is None else f"{s.mean_fidelity:.1f}",
                          "" if s.mean_risk is None else f"{s.mean_risk:.2f}")
        console.print(table)
