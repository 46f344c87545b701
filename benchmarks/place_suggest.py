"""How well the place_not_in_region check guesses what a misplaced name was meant to be.

Cases are made from the gazetteer, not written by hand: towns (3,000 people or more) are sampled
from a fixed list of regions in several countries and their names garbled the ways rewrites garble them.  Each case is
"G in Y" where G is the garbled name, Y the town's real region and the right answer the town itself:

  swap      the name of a similarly spelled, better-known town in another region within 1,000 km (Sevsk
            or Severodonetsk written for a town called Siversk); found with a plain edit-ratio search
            (not the suggester's scoring)
  syllable  one syllable dropped or added in the middle of the name
  translit  the name respelt the other way between Ukrainian and Russian romanisation (Kharkiv / Kharkov,
            -ivka / -ovka, h / g, -ske / -skoye), where that spelling is no name of the town already
  alias     one of the town's other names (an old, Russian or foreign name: Artemovsk for Bakhmut),
            one vowel changed so that it is no exact name
  small     a village or hamlet (under 1,000 people, or a register village with no figure) garbled by
            a syllable or a respelling: the price of preferring known towns

Cases whose garbled name already names a place inside Y, or whose town shares its name with another
town of Y, are left out (there is nothing to suggest, or no single right answer).  "fires" counts the
cases where the check itself would report (the garbled name is a real place elsewhere); the accuracy
is measured on all cases, since the suggester is the same function either way.

Also measured: unrelated pairs (a real town from another country "in" Y), where the best answer is no
suggestion at all, so a lower suggestion rate is better.

    .venv/bin/python benchmarks/place_suggest.py            # before / after table
    .venv/bin/python benchmarks/place_suggest.py --show 20  # and 20 cases per kind with both answers
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from rapidfuzz import fuzz  # noqa: E402

from wirecheck.gazetteer import Gazetteer, Place, distance_km, get, name_key  # noqa: E402
from wirecheck.gazetteer.suggest import suggest_for_claim  # noqa: E402
from wirecheck.textnorm import sound_key  # noqa: E402

# Regions to sample towns from (GeoNames admin1 codes): eastern Ukraine and western Russia, where the
# project's stories are, and a few elsewhere so the scoring is not tuned to Slavic names only.
REGIONS = ["UA.05", "UA.14", "UA.07", "UA.26", "UA.04", "UA.09", "RU.10", "RU.41", "RU.61", "RU.09",
           "PL.78", "DE.02", "FR.28", "US.TX", "US.OH", "ES.56"]
PER_REGION = 5
PER_REGION_SMALL = 3
MIN_POP = 3000
VOWELS = "aeiouy"
SWAP_KM = 1000.0


@dataclass
class Case:
    kind: str
    garbled: str
    region: Place
    target: Place
    fires: bool


def region_names(gz: Gazetteer, region: Place) -> set[str]:
    rows = gz._con().execute("SELECT n.key FROM place p JOIN name n ON n.id = p.id WHERE p.cc = ? AND p.adm1 = ?",
                             (region.country_code, region.admin1))
    return {r[0] for r in rows}


def drop_syllable(name: str, rng: random.Random) -> str | None:
    spots = [m.start() for m in re.finditer(r"[aeiouy][^aeiouy\W]", name) if 2 <= m.start() < len(name) - 3]
    if not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + name[i + 2:]


def add_syllable(name: str, rng: random.Random) -> str | None:
    spots = [m.end() for m in re.finditer(r"[^aeiouy\W][aeiouy]", name) if 2 <= m.end() < len(name) - 2]
    if not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + rng.choice(["ro", "lo", "no", "vo", "ri", "ne", "te"]) + name[i:]


_UK_TO_RU = [(r"ivka$", "ovka"), (r"ivske$", "ovskoye"), (r"ivsk$", "ovsk"), (r"iv$", "ov"), (r"ske$", "skoye"),
             (r"ne$", "noye"), (r"(?<![kszc])h", "g"), (r"yi", "iy"), (r"^Ho", "Go"), (r"i(?=[^aeiouy]+[aeiouy]?$)", "e")]
_RU_TO_UK = [(r"ovka$", "ivka"), (r"ovskoye$", "ivske"), (r"ovsk$", "ivsk"), (r"ov$", "iv"), (r"skoye$", "ske"),
             (r"noye$", "ne"), (r"(?<![kszcn])g", "h"), (r"^G", "H"), (r"e(?=[^aeiouy]+$)", "i"), (r"o(?=[^aeiouy]+$)", "i")]


def respell(name: str, cc: str) -> str | None:
    rules = _UK_TO_RU if cc == "UA" else _RU_TO_UK if cc == "RU" else []
    out = name
    for pat, rep in rules:
        out = re.sub(pat, rep, out)
    return out if out != name else None


def change_vowel(name: str, rng: random.Random) -> str | None:
    spots = [i for i, ch in enumerate(name) if ch in VOWELS and 1 <= i < len(name) - 1]
    if not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + rng.choice([v for v in "aeio" if v != name[i]]) + name[i + 1:]


def swap_town(gz: Gazetteer, town: Place, region: Place, inside: set[str]) -> Place | None:
    """The best-known town outside the region spelled like the town (plain edit ratio on sound keys)."""
    key = sound_key(name_key(town.name))
    best = None
    rows = gz._con().execute("SELECT DISTINCT s.id FROM sname s JOIN place p ON p.id = s.id WHERE s.skey >= ? "
                             "AND s.skey < ? AND p.level = 'settlement' AND p.pop >= 2000 AND s.kind = 0",
                             (key[:3], key[:3] + "~"))
    for (pid,) in rows:
        z = gz.by_id(pid)
        if z is None or z.region_code == region.region_code or name_key(z.name) in inside or not z.name.isascii():
            continue
        if distance_km(z, town) > SWAP_KM:  # a rewrite confuses towns of the same news, not across the world
            continue
        r = fuzz.ratio(key, sound_key(name_key(z.name)))
        if r >= 70 and r < 100 and (best is None or z.population > best.population):
            best = z
    return best


def make_cases(gz: Gazetteer, seed: int) -> tuple[list[Case], list[Case]]:
    rng = random.Random(seed)
    cases: list[Case] = []
    negatives: list[Case] = []
    big_towns = [gz._place(r) for r in gz._con().execute(
        "SELECT p.id, p.name, p.level, p.cc, p.adm1, p.lat, p.lon, p.pop, p.parent FROM place p "
        "WHERE p.level = 'settlement' AND p.pop >= 50000 ORDER BY p.id")]
    for code in REGIONS:
        region = gz.region(code)
        if region is None:
            continue
        inside = region_names(gz, region)
        towns = [t for t in gz.in_region(region.country_code, region.admin1, min_population=MIN_POP)
                 if t.name.isascii() and len(name_key(t.name)) >= 5]
        towns.sort(key=lambda t: t.id)
        main_count: dict[str, int] = defaultdict(int)
        for t in gz.in_region(region.country_code, region.admin1):
            main_count[name_key(t.name)] += 1
        towns = [t for t in towns if main_count[name_key(t.name)] == 1]
        for town in rng.sample(towns, min(PER_REGION, len(towns))):
            variants: list[tuple[str, str | None]] = []
            z = swap_town(gz, town, region, inside)
            variants.append(("swap", z.name if z else None))
            variants.append(("syllable", (drop_syllable if rng.random() < 0.5 else add_syllable)(town.name, rng)))
            variants.append(("translit", respell(town.name, town.country_code)))
            others = [k for k, kind in gz.names_of(town.id) if kind in (1, 2) and len(k) >= 5 and " " not in k
                      and fuzz.ratio(sound_key(k), sound_key(name_key(town.name))) < 60]
            alias = rng.choice(others) if others else None
            variants.append(("alias", change_vowel(alias.capitalize(), rng) if alias else None))
            own = {k for k, _ in gz.names_of(town.id)}
            for kind, g in variants:
                if not g or name_key(g) in inside or name_key(g) in own:
                    continue
                found = [p for p in gz.lookup(g) if p.level == "settlement"]
                cases.append(Case(kind, g, region, town, bool(found)))
        # Small places too (register villages have no population): the size prior must not bury them.
        small = [t for t in gz.in_region(region.country_code, region.admin1) if t.population < 1000
                 and t.name.isascii() and len(name_key(t.name)) >= 6 and main_count[name_key(t.name)] == 1]
        small.sort(key=lambda t: t.id)
        for village in rng.sample(small, min(PER_REGION_SMALL, len(small))):
            g = (drop_syllable if rng.random() < 0.5 else add_syllable)(village.name, rng)
            if rng.random() < 0.5:
                g = respell(village.name, village.country_code) or g
            own = {k for k, _ in gz.names_of(village.id)}
            if g and name_key(g) not in inside and name_key(g) not in own:
                found = [p for p in gz.lookup(g) if p.level == "settlement"]
                cases.append(Case("small", g, region, village, bool(found)))
        far = [t for t in big_towns if t.country_code != region.country_code and t.name.isascii()
               and name_key(t.name) not in inside]
        for t in rng.sample(far, 3):
            negatives.append(Case("unrelated", t.name, region, t, True))
    return cases, negatives


def before(gz: Gazetteer, name: str, region: Place) -> list[Place]:
    """The check as it was: similar_names inside the region, edit score >= 75, three at most."""
    really = [p for p in gz.lookup(name) if p.level == "settlement"]
    rid = really[0].id if really else None
    return [p for p, _ in gz.similar_names(name, within=region, limit=3, min_score=75.0) if p.id != rid]


CONFIDENCE: dict[tuple[str, str], float] = {}  # (name, region) -> confidence of the first suggestion


def after(gz: Gazetteer, name: str, region: Place) -> list[Place]:
    really = [p for p in gz.lookup(name) if p.level == "settlement" and not gz.contains(region, p)]
    found = suggest_for_claim(gz, name, region, really)
    if found:
        CONFIDENCE[(name, region.key)] = found[0].confidence
    return [s.place for s in found]


def score(cases: list[Case], answers: list[list[Place]]) -> tuple[int, int, int]:
    top1 = sum(1 for c, a in zip(cases, answers, strict=True) if a and a[0].id == c.target.id)
    top3 = sum(1 for c, a in zip(cases, answers, strict=True) if any(p.id == c.target.id for p in a[:3]))
    none = sum(1 for a in answers if not a)
    return top1, top3, none


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", type=int, default=0, help="print this many cases per kind")
    args = ap.parse_args(argv)
    gz = get()
    cases, negatives = make_cases(gz, args.seed)
    results: dict[str, dict[str, Any]] = {}
    for label, fn in (("before", before), ("after", after)):
        t0 = time.perf_counter()
        answers = [fn(gz, c.garbled, c.region) for c in cases]
        neg = [fn(gz, c.garbled, c.region) for c in negatives]
        results[label] = {"answers": answers, "neg": neg, "ms": 1000 * (time.perf_counter() - t0) /
                          max(1, len(cases) + len(negatives))}
    kinds = sorted({c.kind for c in cases}, key=["swap", "syllable", "translit", "alias", "small"].index)
    print(f"{len(cases)} garbled names from {len(REGIONS)} regions (seed {args.seed}); "
          f"{sum(c.fires for c in cases)} would fire the check; {len(negatives)} unrelated pairs\n")
    print(f"{'kind':10} {'n':>4} {'fires':>5} | {'before top1':>11} {'top3':>5} {'none':>5} | "
          f"{'after top1':>10} {'top3':>5} {'none':>5}")
    for kind in [*kinds, "all"]:
        sel = [i for i, c in enumerate(cases) if kind in ("all", c.kind)]
        sub = [cases[i] for i in sel]
        row = f"{kind:10} {len(sub):>4} {sum(c.fires for c in sub):>5} |"
        for label in ("before", "after"):
            t1, t3, none = score(sub, [results[label]["answers"][i] for i in sel])
            n = max(1, len(sub))
            row += f" {t1 / n:>11.3f} {t3 / n:>5.3f} {none / n:>5.3f} |" if label == "before" else \
                f" {t1 / n:>10.3f} {t3 / n:>5.3f} {none / n:>5.3f}"
        print(row)
    fired = [i for i, c in enumerate(cases) if c.fires]
    for label in ("before", "after"):
        t1, t3, _ = score([cases[i] for i in fired], [results[label]["answers"][i] for i in fired])
        wrong = sum(1 for i, c in enumerate(cases) if results[label]["answers"][i]
                    and results[label]["answers"][i][0].id != c.target.id)
        neg = sum(1 for a in results[label]["neg"] if a)
        print(f"{label}: where the check fires top-1 {t1}/{len(fired)}, top-3 {t3}/{len(fired)}; "
              f"wrong first suggestion {wrong}/{len(cases)}; suggestion for an unrelated town "
              f"{neg}/{len(negatives)}; {results[label]['ms']:.0f} ms per name")
    # Is the confidence worth reading?  Precision of the first suggestion above a few cuts.
    firsts = [(CONFIDENCE[(c.garbled, c.region.key)], a[0].id == c.target.id)
              for c, a in zip(cases, results["after"]["answers"], strict=True) if a]
    firsts += [(CONFIDENCE[(c.garbled, c.region.key)], False)
               for c, a in zip(negatives, results["after"]["neg"], strict=True) if a]
    cuts = []
    for cut in (0.0, 0.5, 0.6, 0.7, 0.8):
        kept = [ok for conf, ok in firsts if conf >= cut]
        cuts.append(f">={cut:.1f}: {sum(kept)}/{len(kept)} right")
    print("after, first suggestions (garbled and unrelated) by confidence: " + "; ".join(cuts))
    if args.show:
        shown: dict[str, int] = defaultdict(int)
        for i, c in enumerate([*cases, *negatives]):
            if shown[c.kind] >= args.show:
                continue
            shown[c.kind] += 1
            b = (results["before"]["answers"] + results["before"]["neg"])[i]
            a = (results["after"]["answers"] + results["after"]["neg"])[i]
            print(f"{c.kind:9} {c.garbled!r} in {c.region.name} (meant {c.target.name}):"
                  f" before {[p.name for p in b]} after {[p.name for p in a]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
