"""``wirecheck compare STORY SOURCE``."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class Format(StrEnum):
    text = "text"
    json = "json"
    html = "html"


def emit(output: str, out: Path | None, fmt: Format) -> None:
    """Write to ``out`` atomically, or to standard output."""
    if out is None:
        sys.stdout.write(output if output.endswith("\n") else output + "\n")
        return
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(output, encoding="utf-8")
    tmp.replace(out)
    print(f"wrote {fmt.value} report to {out}", file=sys.stderr)


def register(app: typer.Typer) -> None:
    @app.command()
    def compare(
        story: Annotated[str, typer.Argument(help="The story: a text or HTML file, or - for stdin.")],
        source: Annotated[str, typer.Argument(help="The source report it was written from.")],
        format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
        output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
        story_lang: Annotated[str | None, typer.Option(help="Story language (default: detect).")] = None,
        source_lang: Annotated[str | None, typer.Option(help="Source language (default: detect).")] = None,
    ) -> None:
        """Audit STORY against SOURCE, claim by claim."""
        from wirecheck.errors import InputError
        from wirecheck.inputs import read_article
        from wirecheck.pipeline import compare_articles
        from wirecheck.report import render

        if story == "-" and source == "-":
            raise InputError("only one of STORY and SOURCE can be standard input")
        comp = compare_articles(read_article(story), read_article(source), story_lang=story_lang,
                                source_lang=source_lang)
        color = output is None and format is Format.text and sys.stdout.isatty()
        emit(render(comp, format.value, color=color), output, format)
