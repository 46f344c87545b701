"""``wirecheck check STORY``: the reference checks (gazetteer, vague sources) on a story alone."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from wirecheck.commands.compare import Format, emit


def register(app: typer.Typer) -> None:
    @app.command()
    def check(
        story: Annotated[str, typer.Argument(help="The story: a text or HTML file, or - for stdin.")],
        format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
        output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
        lang: Annotated[str | None, typer.Option(help="Story language (default: detect).")] = None,
    ) -> None:
        """Check STORY on its own against reference data: places in the wrong region, vague sources."""
        from wirecheck.inputs import read_article
        from wirecheck.pipeline import analyse, check_story
        from wirecheck.report import render

        art = read_article(story)
        timings: dict[str, float] = {}
        doc = analyse(art.text, role="story", lang=lang, name=art.name, meta=art.meta, timings=timings)
        comp = check_story(doc)
        comp.timings.update(timings)
        color = output is None and format is Format.text and sys.stdout.isatty()
        emit(render(comp, format.value, color=color), output, format)
