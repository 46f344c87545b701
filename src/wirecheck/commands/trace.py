"""``wirecheck trace STORY``: which stored source was this story written from?"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from wirecheck.commands.ingest import DbOption


def register(app: typer.Typer) -> None:
    @app.command()
    def trace(
        story: Annotated[str, typer.Argument(
            help="A stored story (id, name or hash prefix) or a text/HTML file (- for stdin).")],
        db: DbOption = None,
        top: Annotated[int, typer.Option(help="How many candidates to list.")] = 5,
        published: Annotated[str | None, typer.Option(
            help="Publication time of a story file (ISO); sources published later are ruled out.")] = None,
        compare: Annotated[bool, typer.Option(help="Compare the story with the best candidate.")] = True,
        save: Annotated[bool, typer.Option(help="Store the comparison when the story is in the store.")] = True,
        json_out: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    ) -> None:
        """Rank the stored sources STORY most likely came from, then compare it with the best one."""
        from rich.console import Console
        from rich.table import Table

        from wirecheck.errors import InputError
        from wirecheck.store.db import open_store, parse_time
        from wirecheck.trace.check import DocPayload, payload, result_of
        from wirecheck.trace.keys import doc_keys
        from wirecheck.trace.search import trace_doc, trace_keys

        with open_store(db, readonly=True) as store:
            stored = None if (story == "-" or Path(story).is_file()) else store.find(story)
            s_doc = None
            if stored is not None:
                cands = trace_doc(store, stored.id, top=top)
                story_payload = payload(stored)
            else:
                if story != "-" and not Path(story).exists():
                    raise InputError(f"{story}: neither a file nor a document in {store.path}")
                from wirecheck.inputs import read_article
                from wirecheck.pipeline import analyse

                art = read_article(story)
                s_doc = analyse(art.text, role="story", name=art.name, meta=art.meta)
                try:
                    _, ts = parse_time(published or art.meta.get("date"))
                except ValueError as e:
                    raise InputError(str(e)) from None
                keys = doc_keys(art.text, [f.to_dict() for f in s_doc.facts])
                cands = trace_keys(store, keys, text=art.text, published_ts=ts, top=top)
                story_payload = DocPayload(-1, art.text, s_doc.lang, art.name, art.meta)

            out: dict[str, Any] = {"story": story_payload.name, "candidates": [c.to_dict() for c in cands]}
            comp = None
            best = store.get(cands[0].doc_id) if cands else None
            if compare and best is not None:
                from wirecheck.pipeline import analyse
                from wirecheck.pipeline import compare as run_compare

                if s_doc is None:  # a stored story: analyse its text now
                    s_doc = analyse(story_payload.text, role="story", lang=story_payload.lang or None,
                                    name=story_payload.name, meta=story_payload.meta)
                src = payload(best)
                src_doc = analyse(src.text, role="source", lang=src.lang or None, name=src.name, meta=src.meta)
                comp = run_compare(s_doc, src_doc)
                if stored is not None and save:
                    with open_store(store.path) as rw:
                        rw.save_result(result_of(comp, stored.id, best.id, cands[0].score))
                out["comparison"] = comp.to_dict()

        if json_out:
            sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
            return
        console = Console()
        if not cands:
            console.print(f"No stored source shares anything with {story_payload.name}.")
            raise typer.Exit(1)
        table = Table(title=f"Likely sources of {Path(story_payload.name).name or story_payload.name}")
        for col in ("#", "score", "source", "outlet", "lang", "published", "shared evidence"):
            table.add_column(col)
        for i, c in enumerate(cands, 1):
            ev = "; ".join(f"{kind}: {', '.join(vals)}" for kind, vals in c.evidence().items())
            table.add_row(str(i), f"{c.score:.3f}", f"#{c.doc_id} {Path(c.name).name or c.name}", c.outlet, c.lang,
                          c.published or "", ev)
        console.print(table)
        if comp is not None:
            from wirecheck.report import render

            sys.stdout.write("\n" + render(comp, "text", color=sys.stdout.isatty()) + "\n")
