"""What ``wirecheck setup`` does; each task is cheap to rerun (cached by content version)."""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.console import Console

Task = Callable[[Console, bool], str]
TASKS: list[tuple[str, Task]] = []


def task(name: str) -> Callable[[Task], Task]:
    def deco(func: Task) -> Task:
        TASKS.append((name, func))
        return func

    return deco


@task("spaCy English model")
def _spacy(con: Console, force: bool) -> str:
    from wirecheck.nlp.english import MODEL, nlp

    pipe = nlp()
    return f"{MODEL} {pipe.meta.get('version', '?')} loaded"


def run_setup(con: Console, force: bool = False) -> None:
    for name, func in TASKS:
        t0 = time.perf_counter()
        msg = func(con, force)
        con.print(f"[green]ok[/green] {name}: {msg} ({time.perf_counter() - t0:.1f} s)")


import wirecheck.gazetteer.setup_task  # noqa: E402,F401  (registers the gazetteer task)
