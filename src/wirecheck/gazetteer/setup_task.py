"""``wirecheck setup`` task: build the gazetteer file (cached; rebuilt when its inputs change)."""

from __future__ import annotations

from rich.console import Console

from wirecheck.setup_tasks import task


@task("gazetteer")
def build_gazetteer(con: Console, force: bool) -> str:
    from wirecheck.gazetteer.build import ensure

    path, rebuilt = ensure(force=force, quiet=False)
    size = path.stat().st_size / 1e6
    return f"{'built' if rebuilt else 'up to date'}: {path} ({size:.0f} MB)"
