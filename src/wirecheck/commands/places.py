"""``wirecheck places STORY``: the places a story names, resolved against the gazetteer."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer


class PlacesFormat(StrEnum):
    table = "table"
    json = "json"
    geojson = "geojson"


_FIELDS = ("geonameid", "resolved_name", "level", "region", "admin1_code", "country", "country_code", "lat",
           "lon", "population", "resolution", "candidates")


def place_rows(doc: Any) -> list[dict[str, Any]]:
    from wirecheck.model import FactType

    rows = []
    for f in doc.facts_of(FactType.PLACE):
        row: dict[str, Any] = {"mention": f.text, "start": f.start, "end": f.end, "sentence": f.sentence,
                               "name": f.attrs.get("name") or f.text, "key": f.key}
        row.update({k: f.attrs.get(k) for k in _FIELDS})
        rows.append(row)
    return rows


def to_geojson(rows: list[dict[str, Any]]) -> dict[str, Any]:
    feats = []
    for r in rows:
        if r.get("lat") is None:
            continue
        props = {k: v for k, v in r.items() if k not in ("lat", "lon", "candidates")}
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                      "properties": props})
    return {"type": "FeatureCollection", "features": feats}


def register(app: typer.Typer) -> None:
    @app.command()
    def places(
        story: Annotated[str, typer.Argument(help="A text or HTML file, or - for stdin.")],
        format: Annotated[PlacesFormat, typer.Option("--format", "-f", help="Output format.")] =
        PlacesFormat.table,
        output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
        lang: Annotated[str | None, typer.Option(help="Language (default: detect).")] = None,
    ) -> None:
        """List the places STORY names, each resolved to a GeoNames id with its region and confidence."""
        from wirecheck.inputs import read_article
        from wirecheck.pipeline import analyse

        art = read_article(story)
        doc = analyse(art.text, role="story", lang=lang, name=art.name, meta=art.meta)
        rows = place_rows(doc)
        if format is PlacesFormat.table:
            text = _table(rows, color=output is None and sys.stdout.isatty())
        elif format is PlacesFormat.json:
            text = json.dumps({"name": art.name, "lang": doc.lang, "places": rows}, ensure_ascii=False, indent=2)
        else:
            text = json.dumps(to_geojson(rows), ensure_ascii=False, indent=2)
        if output is None:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        else:
            tmp = output.with_name(output.name + ".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(output)
            print(f"wrote {format.value} to {output}", file=sys.stderr)


def _table(rows: list[dict[str, Any]], *, color: bool) -> str:
    import io

    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"{len(rows)} place mentions")
    # The record: a GeoNames id, or the project's own key for seas, areas and register villages.
    for col in ("mention", "resolved to", "level", "region", "country", "GeoNames id / key", "lat, lon", "conf.",
                "other candidates"):
        t.add_column(col, overflow="fold")
    for r in rows:
        others = ", ".join(f"{c['name']} ({c['where']})" for c in (r.get("candidates") or [])[1:3])
        t.add_row(r["mention"], r.get("resolved_name") or "?", r.get("level") or "", r.get("region") or "",
                  r.get("country") or "", str(r.get("geonameid") or r.get("key") or ""),
                  f"{r['lat']:.3f}, {r['lon']:.3f}" if r.get("lat") is not None else "",
                  f"{r.get('resolution') or 0:.2f}", others)
    buf = io.StringIO()
    Console(file=buf, width=160, force_terminal=color, color_system="standard" if color else None).print(t)
    return buf.getvalue()
