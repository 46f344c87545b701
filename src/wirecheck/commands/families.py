"""``wirecheck families [SOURCE]``: stories grouped by shared source, and one family's mutation matrix."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from wirecheck.commands.ingest import DbOption


def _short(s: str, n: int = 28) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def register(app: typer.Typer) -> None:
    @app.command()
    def families(
        source: Annotated[str | None, typer.Argument(
            help="Show the mutation matrix of this source's family (id, name or hash prefix).")] = None,
        db: DbOption = None,
        min_size: Annotated[int, typer.Option(help="List families with at least this many stories.")] = 1,
        json_out: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    ) -> None:
        """Group checked stories by the source they came from; with SOURCE, print its mutation matrix."""
        from rich.console import Console
        from rich.table import Table

        from wirecheck.errors import InputError
        from wirecheck.store.db import open_store
        from wirecheck.trace.families import families as list_families
        from wirecheck.trace.families import mutation_matrix

        console = Console()
        with open_store(db, readonly=True) as store:
            if source is None:
                fams = list_families(store, min_size=min_size)
                if json_out:
                    sys.stdout.write(json.dumps([{"source_id": f.source_id, "source": f.source_name,
                                                  "outlet": f.source_outlet,
                                                  "stories": [m.__dict__ for m in f.members]} for f in fams],
                                                ensure_ascii=False, indent=1) + "\n")
                    return
                if not fams:
                    console.print("No checked stories yet: run `wirecheck batch` first.")
                    return
                table = Table(title="Story families (stories traced to the same source)")
                for col in ("source", "stories", "outlets", "mean fidelity"):
                    table.add_column(col)
                for f in fams:
                    fids = [m.fidelity for m in f.members if m.fidelity is not None]
                    table.add_row(f"#{f.source_id} {_short(f.source_name, 50)}", str(len(f.members)),
                                  ", ".join(sorted({m.outlet or "?" for m in f.members})),
                                  f"{sum(fids) / len(fids):.1f}" if fids else "")
                console.print(table)
                return
            doc = store.find(source)
            if doc is None:
                raise InputError(f"{source}: no such document in {store.path}")
            if doc.role != "source":
                raise InputError(f"{source}: #{doc.id} is a story, not a source")
            m = mutation_matrix(store, doc.id)
        if json_out:
            sys.stdout.write(json.dumps(m.to_dict(), ensure_ascii=False, indent=1) + "\n")
            return
        if not m.rows:
            console.print(f"No checked story was traced to #{doc.id} {doc.label}.")
            return
        style = {"kept": "green", "dropped": "dim"}

        def cell(v: str) -> str:
            return f"[{style.get(v, 'bold red')}]{_short(v, 24)}[/]" if v != "?" else "?"

        # One row per outlet as asked, unless the fact columns would not fit the terminal.
        if (len(m.columns) + 1) * 14 <= console.width:
            table = Table(title=f"Mutation matrix of #{doc.id} {doc.label}", show_lines=True)
            table.add_column("outlet / story")
            for column in m.columns:
                table.add_column(f"{column.type}\n{_short(column.text, 24)}")
            for r in m.rows:
                table.add_row(f"{r.outlet or '?'}\n#{r.story_id} {_short(r.name, 24)}",
                              *(cell(r.cells.get(column.fact_id, "?")) for column in m.columns))
        else:
            table = Table(title=f"Mutation matrix of #{doc.id} {doc.label} (one column per outlet to fit "
                                "the terminal; --json gives one row per outlet)", show_lines=False)
            table.add_column("source fact")
            for r in m.rows:
                table.add_column(f"{r.outlet or '?'} #{r.story_id}")
            for column in m.columns:
                table.add_row(f"{column.type}: {_short(column.text, 30)}",
                              *(cell(r.cells.get(column.fact_id, "?")) for r in m.rows))
        console.print(table)
        for r in m.rows:
            if r.added or r.fabricated_quotes:
                console.print(f"[bold]{r.outlet or '?'} (#{r.story_id})[/]")
                for a in r.added:
                    console.print(f"  added claim: {_short(a, 100)}", markup=False)
                for q in r.fabricated_quotes:
                    console.print(f"  fabricated quote: {_short(q, 100)}", markup=False)
