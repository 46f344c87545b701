"""Resolve every place fact (any language) to one gazetteer record.

Candidates come from the gazetteer by name (script-blind, then sound-alike).  Each is scored by how
well its name matched, its size, its level, and the document's context: regions or countries stated
right beside the mention ("Seversk in the DPR" is Siversk, Donetsk Oblast, not Seversk, Tomsk), the
countries and regions of the document's other places, and distance to them.  The fact gets ``key``
``gn:<id>`` (``adm1:<CC.code>`` for a region) and the record's coordinates, region, country, the top
candidates with scores, and a 0..1 ``resolution`` confidence.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from wirecheck.model import Document, Fact, FactType
from wirecheck.registry import stage

SOUND_MATCH = 9  # wirecheck.gazetteer.SOUND, without importing the gazetteer at load time

# A stated container right after a place: "X in (the) Y", "X, a town in the Y region", "X (Y)", "X, Y".
# Russian and Ukrainian: "Северск в ДНР", "Сіверськ у Донецькій області", "Северск, город в ДНР".
_IN = re.compile(r"^\s+(?:in|inside|within|в|во|у|на)\s+(?:the\s+)?$", re.I)
_APPOS = re.compile(r"^\s*(?:,|—|–|--|\s-)\s*(?:(?:a|an|the)\s+)?(?:[a-zа-яёіїєґ][\w-]*\s+){0,4}?"
                    r"(?:in|of|в|во|у|на)\s+(?:the\s+)?$")
_OF = re.compile(r"^\s+of\s+(?:the\s+)?$")
_PAREN = re.compile(r"^\s*\(\s*(?:in\s+)?(?:the\s+)?$")
_COMMA = re.compile(r"^\s*,\s*$")
_POSS = re.compile(r"^['’]s\s+$")
_LIST = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)$")
_TYPE_WORDS = re.compile(r"\s+(region|regions|oblast|oblasts|province|krai|governorate|raion|rayon|district|"
                         r"county|parish|область|области|край|район|округ|республика|республіка)$", re.I)
_DISTRICT_TYPES = {"raion", "rayon", "district", "county", "parish", "район", "округ"}
# One kind of unit under three spellings ("Nikopol district" is GeoNames' "Nikopol Raion"); not "county":
# a US county is no raion.
_DISTRICT_SYNONYMS = ("raion", "rayon", "district")
# Words around a bare name that say it is a region, not a town: "Washington state", "in eastern Washington".
_STATE_AFTER = re.compile(r"^\s+state\b")  # lower case: "Ohio State" (a university) is not a hint
# "Bryansk Governor Alexander Bogomaz", "the Kursk governor": a governor heads the region, not its capital.
_GOVERNOR_AFTER = re.compile(r"^\s+(?:regional\s+)?(?:governor|gov\.)(?!\w)", re.I)
_AREAL_BEFORE = re.compile(r"\b(?:(?:north|south)[ -]?(?:east|west)ern|eastern|western|northern|southern|central|"
                           r"upstate|downstate|rural)\s+$", re.I)

# Words around a bare name that say it is a town, not the region or country of that name: "the port city of
# Valparaíso", "the streets of X", "X's mayor", "on Condell Street in X".  Lower case ("Port of Spain",
# "Kansas City", "Mexico City" are names of their own).
_TOWN_BEFORE = re.compile(r"(?:\b(?:city|town|port|village|municipality|resort|streets|outskirts|suburbs|"
                          r"downtown|mayor|centre|center)(?:\s+of)?|\b(?:Street|Avenue|Road|Boulevard|Square|"
                          r"Plaza|Avenida|Calle)\s*,?(?:\s+in)?)\s+(?:the\s+)?$")
_TOWN_AFTER = re.compile(r"^(?:['’]s\s+(?:mayor|city\s+hall|streets|downtown|waterfront|old\s+town|city\s+cent(?:re|er)|"
                         r"suburbs|outskirts|port|harbou?r)|\s+(?:city|town|mayor))\b"
                         r"(?!\s+of\b)")  # not "the Hunan city of Yueyang" (a city in Hunan), "White streets"

CONTAINER_LEVELS = ("region", "area", "country", "district")
STRONG_HINTS = ("region", "district", "country")


@dataclass
class Claim:
    """The story says place fact ``place`` lies in place fact ``container``."""

    place: Fact
    container: Fact
    pattern: str
    text: str  # the words that make the claim, for the finding's evidence
    start: int
    end: int


@dataclass
class _Cand:
    place: Any
    score: float = 0.0
    parts: dict[str, float] = field(default_factory=dict)


def _gz() -> Any:
    from wirecheck.gazetteer import get

    return get()


def fact_name(f: Fact) -> str:
    return str(f.attrs.get("name") or f.text)


_WATER_WORDS = re.compile(r"(?i)\b(?:sea|ocean|gulf|bay|strait|straits|channel|canal|lake|reservoir|river|"
                          r"мор[еяюі]\w*|океан\w*|залив\w*|заток\w*|пролив\w*|проток\w*|канал\w*|озер\w*|"
                          r"водохранилищ\w*|водосховищ\w*|рек[аиеу]|річк\w*)\b")


_CYRILLIC = re.compile("[а-яёіїєґ]", re.I)


def _region_term(name: str) -> str | None:
    """The official name of a region the Russian/Ukrainian term table knows under ``name``."""
    from wirecheck.nlp.russian import term_lookup

    return term_lookup("uk", "region", name) or term_lookup("ru", "region", name)


def candidates_for(f: Fact, gz: Any | None = None, hint: str | None = None) -> list[Any]:
    """Gazetteer candidates for a place fact, honouring a stated level ("Kharkiv region", "Nikopol district").

    ``hint``: a level read from the words around the mention ("Washington state"), if the caller has one.
    A district mention never falls back to the town it is named after: "the Dnipro district" of a city
    is not the city of Dnipro.  With no district or district-named record it has no candidates.
    """
    gz = gz or _gz()
    name = fact_name(f)
    hint = hint or str(f.attrs.get("level_hint") or f.attrs.get("level") or "")
    cands = gz.lookup(name, demonyms=bool(f.attrs.get("demonym")))
    if _CYRILLIC.search(name) and (not cands or hint not in ("settlement", "district")):
        # «Сумщина», «Подмосковье»: a region's everyday name the term table knows its official name for;
        # the gazetteer lacks it or gives it to a namesake elsewhere (Вінниччина is no town in Argentina).
        official = _region_term(name)
        if official:
            cands = gz.lookup(official) or cands
    if _WATER_WORDS.search(name):
        # "the Red Sea", «Керченский пролив»: the water body, not Sudan's Red Sea State or the town of Kerch.
        waters = [c for c in cands if c.level == "water"]
        if waters:
            return waters
    m = _TYPE_WORDS.search(name)
    bare = name[:m.start()].strip() if m else name
    word = m.group(1).lower() if m else ""
    stated = hint  # the resolver weighs levels against this one only (see _prior)
    if word and hint not in ("region", "district"):
        # The name's own type word says the level even when no extractor did ("Hamilton County").
        hint = "district" if word in _DISTRICT_TYPES else "region"
    if hint not in ("region", "district"):
        return cands
    wanted = ("region", "area") if hint == "region" else ("district",)
    exact = [c for c in cands if c.match_kind != SOUND_MATCH]  # records that bear the name as written
    # A sound-alike of the whole typed name counts if it is of the stated level ("Pokrovsky raion").
    typed = [c for c in cands if c.level in wanted]
    if not typed and word in _DISTRICT_SYNONYMS and bare:
        for w in _DISTRICT_SYNONYMS:
            typed += [c for c in gz.lookup(f"{bare} {w}", sound=False)
                      if c.level == "district" and c.id not in {t.id for t in typed}]
    if not typed and bare and bare != name:
        typed = [c for c in gz.lookup(bare) if c.level in wanted]
        if hint == "region" and len(typed) > 1:
            # "Kyiv region": Kyiv Oblast, not the city-region of Kyiv, whose names carry no type word.
            with_type = [c for c in typed if _has_typed_name(gz, c, bare)]
            typed = with_type or typed
    if typed and stated == "district" and bare and bare != name:
        # "the Karak district of Jordan": what a story calls a district may be a first-level region in
        # another country's records; offered as a weak reading that only a stated country can lift.
        held = {t.country_code for t in typed}
        typed += [c for c in gz.lookup(bare, sound=False) if c.level == "region" and c.country_code not in held]
    if typed:
        # Keep a city that is the whole region (Moscow, Kyiv): _fill prefers it to the region.
        return typed + [c for c in cands if c.level == "settlement" and any(
            c.region_code == t.region_code and c.population >= 0.3 * t.population for t in typed)]
    if hint == "district":
        # A record named with the type word is right (a city district, "Dniprovskyi district"); the town
        # the district is named after is a different place.
        return exact if bare != name else cands
    if bare and bare != name:
        cands = cands or gz.lookup(bare)
    # "the Gibraltar region": a territory or area of that name is the region meant, not the state or
    # province that holds some namesake town.
    areas = [c for c in cands if c.level in ("country", "area") and c.match_kind != SOUND_MATCH]
    if areas:
        return areas
    # "the Zaporozhye region", "Lugansk oblast": the region named after its main town.
    towns = sorted((c for c in cands if c.level == "settlement"), key=lambda c: -c.population)
    regions: list[Any] = []
    for t in towns[:3]:
        r = gz.region(t.region_code) if t.region_code else None
        if r is not None and r.id not in {x.id for x in regions}:
            regions.append(r)
    return regions or cands


def _region_named_like(name: str, gz: Any) -> bool:
    """Whether a first-level region bears ``name``: as a name or alternate, or as the start of its own
    name when it holds the largest town so called ("Belgorod" -> Belgorod Oblast)."""
    from wirecheck.gazetteer import name_key

    cands = gz.lookup(name)
    if any(c.level == "region" and c.match_kind <= 2 for c in cands):
        return True
    towns = sorted((c for c in cands if c.level == "settlement" and c.match_kind in (0, 1)),
                   key=lambda c: -c.population)
    region = gz.region(towns[0].region_code) if towns and towns[0].region_code else None
    return region is not None and name_key(region.name).startswith(name_key(name) + " ")


def names_district(f: Fact) -> bool:
    """Whether the mention itself names a district ("Nikopol district", "Pokrovsk raion", "Henry County")."""
    m = _TYPE_WORDS.search(fact_name(f))
    return m is not None and m.group(1).lower() in _DISTRICT_TYPES


def _has_typed_name(gz: Any, place: Any, bare: str) -> bool:
    """Whether one of the place's names is ``bare`` followed by a type word ("kyiv oblast")."""
    from wirecheck.gazetteer import name_key

    head = name_key(bare) + " "
    return any(k.startswith(head) and _TYPE_WORDS.search(" " + k[len(head) - 1:]) for k, _ in gz.names_of(place.id))


# A Russian/Ukrainian region or district in the genitive, which names where the place before it lies.
_GENITIVE_AREA = re.compile(r"\s(?:области|області|края|краю|района|району|округа)$", re.I)


def stated_claims(doc: Document) -> list[Claim]:
    """Every "X in Y" style statement between two place facts of one sentence (lists included)."""
    places = sorted(doc.facts_of(FactType.PLACE), key=lambda f: f.start)
    claims: list[Claim] = []
    text = doc.text
    for i, x in enumerate(places):
        for y in places[i + 1:i + 2]:
            if y.sentence != x.sentence:
                continue
            between = text[x.end:y.start]
            pattern = None
            if _IN.match(between) or (_OF.match(between) and _TYPE_WORDS.search(fact_name(x))):
                pattern = "in"  # "the Karak district of Jordan" says where the district is, as "in" does
            elif not between.strip() and _GENITIVE_AREA.search(y.text):
                pattern = "genitive"  # «Песчаное Харьковской области»: the village of the Kharkiv region
            elif _APPOS.match(between):
                pattern = "appositive"
            elif _PAREN.match(between) and text[y.end:y.end + 2].lstrip().startswith(")"):
                pattern = "parenthesis"
            elif _COMMA.match(between) and not _continues_list(doc, places, i + 1) and \
                    not re.match(r"[’']s\b", text[y.end:y.end + 3]):
                # ("near Kupiansk, Russia's Defence Ministry said": the possessive opens a new phrase)
                pattern = "comma"
            if pattern and pattern != "possessive" and _country_in_smaller(x, y):
                pattern = None  # "the Prime Minister of Canada in Ottawa": where he was, not where Canada is
            if pattern:
                for member in _list_before(doc, places, i):
                    claims.append(Claim(member, y, pattern, text[member.start:y.end], member.start, y.end))
        # "Ukraine's Kharkiv region", "Russia's Sevsk": the possessor contains the possessed.
        if i + 1 < len(places):
            nxt = places[i + 1]
            if nxt.sentence == x.sentence and _POSS.match(text[x.end:nxt.start]):
                claims.append(Claim(nxt, x, "possessive", text[x.start:nxt.end], x.start, nxt.end))
    return claims


def _country_in_smaller(x: Fact, y: Fact) -> bool:
    """Is ``x`` a country's name and ``y`` no name of a country or larger area?  A country lies in nothing
    smaller, so "X in Y" then says where something happened, not where X is."""
    try:
        gz = _gz()
    except Exception:  # noqa: BLE001 - without the gazetteer, claims are read as written
        return False
    xs = gz.lookup(fact_name(x), sound=False)
    if not any(p.level == "country" and p.match_kind <= 2 for p in xs[:3]):
        return False
    return not any(p.level in ("country", "area", "continent") for p in gz.lookup(fact_name(y), sound=False)[:5])


def _list_before(doc: Document, places: list[Fact], i: int) -> list[Fact]:
    """``places[i]`` and the places listed right before it ("Sloviansk and Kramatorsk")."""
    out = [places[i]]
    j = i
    while j > 0 and places[j - 1].sentence == places[j].sentence and \
            _LIST.match(doc.text[places[j - 1].end:places[j].start]):
        out.insert(0, places[j - 1])
        j -= 1
    return out


def _continues_list(doc: Document, places: list[Fact], k: int) -> bool:
    """Whether places[k] is followed by more list items ("Kharkiv, Donetsk and Luhansk")."""
    if k + 1 >= len(places):
        return False
    return places[k + 1].sentence == places[k].sentence and \
        bool(_LIST.match(doc.text[places[k].end:places[k + 1].start]))


_KIND_BONUS = {0: 1.5, 1: 1.5, 2: 0.3, 3: 1.0, 4: 1.0, 9: -1.0}
# A water body has no population to weigh: its bonus lets "the Pacific" be the ocean, not Pacific, Missouri.
_LEVEL_BONUS = {"country": 3.0, "continent": 2.5, "region": 1.2, "area": 1.5, "settlement": 0.0,
                "district": -1.5, "water": 3.0}


CAPITAL_BONUS = 2.0  # a national capital is what a bare name means in the news ("Washington said")
CAPITAL_MIN_POPULATION = 100_000  # ... if it is a city anyone knows (not Hamilton, Bermuda)
AREAL = 0.8  # "in eastern Washington": a region more likely, a town less
# A place written in Ukrainian or Russian is most likely where the language is spoken: «у Сарнах» is
# Sarny (Rivne Oblast), not Sārni in India, «у Тернах» Terny, not Terni.  Bonus by country.
LANGUAGE_AREA = {
    "uk": {"UA": 1.5, "RU": 0.5, "BY": 0.5, "MD": 0.5},
    "ru": {"RU": 1.0, "UA": 1.0, "BY": 1.0, "KZ": 0.8, "MD": 0.5, "GE": 0.3, "AM": 0.3, "AZ": 0.3, "UZ": 0.5,
           "KG": 0.5, "TJ": 0.3, "LV": 0.3, "EE": 0.3, "LT": 0.3},
}


def _prior(c: Any, hint: str, capital: bool = False, areal: bool = False, lang: str = "") -> dict[str, float]:
    parts = {"population": 0.5 * math.log10(c.population + 10), "name": _KIND_BONUS.get(c.match_kind, 0.0)}
    area = LANGUAGE_AREA.get(lang, {}).get(c.country_code or "")
    if area:
        parts["language"] = area
    if capital:
        parts["capital"] = CAPITAL_BONUS
    if areal:
        parts["areal"] = AREAL if c.level in ("region", "area", "country") else -AREAL if \
            c.level == "settlement" else 0.0
    if c.match_kind == 2 and c.level == "settlement" and not _respells_main_name(c):
        # An alternate that is no spelling of the main name is another name altogether: a former or
        # foreign one (Twickenham for Huntsville, Philadelphia for Amman), rarely what a story means.
        parts["name"] = OTHER_NAME
    elif c.match_kind == 2 and c.level == "settlement" and c.population >= 100_000:
        # A city's English exonym is often only a GeoNames alternate (Zaporizhzhia for Zaporizhzhya),
        # while a register hamlet carries it as its main name: for a city, the alternate is no weaker.
        parts["name"] = _KIND_BONUS[0]
    level = _LEVEL_BONUS.get(c.level, 0.0)
    if c.level == "region" and c.match_kind == 2:
        level -= 2.0  # a region reached by a GeoNames alternate ("Kharkiv") is usually its capital city
    parts["level"] = level
    if hint == "settlement" and c.level in ("region", "area", "country", "district"):
        parts["stated_level"] = -4.0  # "the port city of Valparaíso": the city, not its region
    if hint in STRONG_HINTS:
        parts["stated_level"] = 4.0 if c.level == hint or (hint == "region" and c.level == "area") else -4.0
        if hint == "district" and c.level == "region":
            parts["stated_level"] = -2.0  # a province some countries' stories call a district (see candidates_for)
    return parts


def _capitals_against_regions(cs: list[_Cand], gz: Any) -> set[int]:
    """Ids of national capitals that share the name with a first-level region elsewhere.

    A region's population is the sum of its towns', so on size alone it always outweighs a capital of
    the same name (Washington State over Washington, D.C.), though the capital is what a bare name means
    in the news.  Only that contest is evened: against other towns (Paris, Texas) the capital has no
    extra weight, and a region that holds its namesake capital is settled by ``_fill``."""
    regions = [c.place for c in cs if c.place.level == "region" and c.place.match_kind in (0, 1)]
    if not regions:
        return set()
    return {c.place.id for c in cs if c.place.level == "settlement" and c.place.match_kind in (0, 1, 2)
            and c.place.population >= CAPITAL_MIN_POPULATION and gz.is_capital(c.place)
            and all(r.region_code != c.place.region_code for r in regions)}


OTHER_NAME = -1.0  # name bonus for an alternate that does not sound like the place's main name
RESPELLING = 0.5  # name_similarity of sound keys from which an alternate counts as a spelling


def _respells_main_name(c: Any) -> bool:
    """Whether the alternate that matched is a spelling of the place's main name (Zaporizhzhia,
    Lugansk, Cologne/Koln), not another name for it."""
    from wirecheck.gazetteer import name_key
    from wirecheck.gazetteer.suggest import name_similarity
    from wirecheck.textnorm import sound_key

    return name_similarity(sound_key(c.matched), sound_key(name_key(c.name)))[0] >= RESPELLING


def _softmax(scores: list[float]) -> list[float]:
    if not scores:
        return []
    m = max(scores)
    ex = [math.exp(s - m) for s in scores]
    tot = sum(ex)
    return [e / tot for e in ex]


def resolve_document(doc: Document, gz: Any | None = None) -> None:
    """Fill key and gazetteer attrs on every place fact of ``doc``."""
    gz = gz or _gz()
    # A building or landmark ("the White House", "the Old Bailey") is no settlement: left unresolved
    # rather than sent to a same-named hamlet.
    facts = [f for f in doc.facts_of(FactType.PLACE) if f.attrs.get("level") != "facility"]
    if not facts:
        return
    from wirecheck.gazetteer import distance_km, name_key

    cands: dict[str, list[_Cand]] = {}
    hints: dict[str, str] = {}
    areal: set[str] = set()
    governed: set[str] = set()  # "Bryansk Governor": the region, even where its capital is most of it
    for f in facts:
        hint = str(f.attrs.get("level_hint") or f.attrs.get("level") or "")
        if not hint and _STATE_AFTER.match(doc.text[f.end:f.end + 12]) and any(
                c.level == "region" and c.match_kind in (0, 1) for c in gz.lookup(fact_name(f))):
            # "Washington state"; not "Jordan state television", where no region bears the name.
            hint = "region"
        if hint in ("", "settlement") and _GOVERNOR_AFTER.match(doc.text[f.end:f.end + 20]) and \
                _region_named_like(fact_name(f), gz):
            # Over the extractor's guess of a town too; the region may bear its capital's name only as an
            # alternate (Bryansk Oblast), or only inside its own name (Belgorod Oblast).
            hint = "region"
            governed.add(f.id)
        if not hint and (_TOWN_BEFORE.search(doc.text[max(0, f.start - 30):f.start])
                         or _TOWN_AFTER.match(doc.text[f.end:f.end + 20])):
            hint = "settlement"
        hints[f.id] = hint
        if _AREAL_BEFORE.search(doc.text[max(0, f.start - 24):f.start]):
            areal.add(f.id)
        cands[f.id] = [_Cand(c) for c in candidates_for(f, gz, hint)[:40]]
    # Pass 1: priors only.
    for f in facts:
        capitals = _capitals_against_regions(cands[f.id], gz)
        # A region's level weight presumes it outweighs the towns of its name; one smaller than a
        # same-named town elsewhere (Gaza Province, Mozambique, beside Gaza) is the lesser-known sense.
        towns = [c.place for c in cands[f.id] if c.place.level == "settlement" and c.place.match_kind in (0, 1)]
        for c in cands[f.id]:
            c.parts = _prior(c.place, hints[f.id], c.place.id in capitals, f.id in areal, doc.lang)
            if c.place.level == "region" and any(t.population > c.place.population and
                                                 t.region_code != c.place.region_code for t in towns):
                c.parts["level"] = min(c.parts["level"], 0.0)
            c.score = sum(c.parts.values())
    containers: dict[str, list[Fact]] = {}
    contents: dict[str, list[Fact]] = {}
    for cl in stated_claims(doc):
        containers.setdefault(cl.place.id, []).append(cl.container)
        contents.setdefault(cl.container.id, []).append(cl.place)
    for f in facts:
        if f.id in containers:
            _respelled_inside(f, containers[f.id], cands, hints[f.id], gz, doc.lang)

    def best(fid: str) -> tuple[Any, float] | None:
        cs = cands[fid]
        if not cs:
            return None
        probs = _softmax([c.score for c in cs])
        k = max(range(len(cs)), key=lambda n: cs[n].score)
        return cs[k].place, probs[k]

    # Passes 2 and 3: the document's other places (countries, regions, coordinates), each weighted by
    # how sure its own resolution is, never counting mentions of the same name (that would only echo
    # the size prior).
    keys = {f.id: name_key(fact_name(f)) for f in facts}
    for _ in range(2):
        picks = {f.id: best(f.id) for f in facts}
        for f in facts:
            _rescore(f, facts, cands, picks, keys, containers.get(f.id, []), gz, distance_km,
                     contents.get(f.id, []))
    for f in facts:
        _fill(f, cands[f.id], _district_cap(f, cands, containers.get(f.id, []), gz), f.id in governed)


RESPELLED_MAX_POPULATION = 10_000


def _respelled_inside(f: Fact, stated: list[Fact], cands: dict[str, list[_Cand]], hint: str, gz: Any,
                      lang: str) -> None:
    """«Песчаное в Харьковской области»: the Russian spelling of a village that the region the text puts
    it in holds under its Ukrainian name (Pishchane, from the register), while the name as written
    belongs only to villages elsewhere.  That village becomes a candidate, which the stated region then
    favours; a town of any size elsewhere (Pokrovsk) stays the only reading."""
    from wirecheck.gazetteer.suggest import claim_suggestions, is_respelling

    xs = [c.place for c in cands[f.id] if c.place.level == "settlement"]
    holders = [max(cands[y.id], key=lambda c: c.score).place for y in stated if cands.get(y.id)]
    holders = [h for h in holders if h.level in ("region", "district")]
    if not xs or not holders or any(x.population >= RESPELLED_MAX_POPULATION for x in xs) \
            or any(gz.contains(h, x) for h in holders for x in xs):
        return
    alike, _ = claim_suggestions(gz, fact_name(f), holders[0], xs)
    if alike and is_respelling(alike[0], fact_name(f)):
        c = _Cand(alike[0].place)
        c.parts = _prior(c.place, hint, lang=lang)
        c.score = sum(c.parts.values())
        cands[f.id].append(c)


def _rescore(f: Fact, facts: list[Fact], cands: dict[str, list[_Cand]],
             picks: dict[str, tuple[Any, float] | None], keys: dict[str, str], stated: list[Fact], gz: Any,
             distance_km: Any, inside: list[Fact] | None = None) -> None:
    countries: dict[str, float] = defaultdict(float)
    regions: dict[str, float] = defaultdict(float)
    anchors: list[tuple[Any, float]] = []
    for g in facts:
        pk = picks[g.id]
        if g.id == f.id or keys[g.id] == keys[f.id] or pk is None:
            continue
        p, w = pk
        if p.country_code:
            countries[p.country_code] += w
        if p.level == "area":
            for code in gz.area_members(p):
                regions[code] += w
        elif p.region_code:
            regions[p.region_code] += w
        if p.level in ("settlement", "district"):
            anchors.append((p, w))
    for c in cands[f.id]:
        p = c.place
        for k in ("doc_country", "doc_region", "nearby", "stated_container", "stated_contents"):
            c.parts.pop(k, None)
        if p.country_code and countries.get(p.country_code):
            c.parts["doc_country"] = 2.5 * (1.0 - math.exp(-1.5 * countries[p.country_code]))
        if p.region_code and p.level != "region" and regions.get(p.region_code):
            c.parts["doc_region"] = 1.5 * (1.0 - math.exp(-1.5 * regions[p.region_code]))
        if anchors and p.level in ("settlement", "district"):
            c.parts["nearby"] = max(1.5 * w * math.exp(-distance_km(p, a) / 400.0) for a, w in anchors)
        for y in stated:
            if any(gz.contains(yc.place, p) for yc in cands.get(y.id, [])
                   if yc.place.level in CONTAINER_LEVELS):
                c.parts["stated_container"] = 6.0
        # "Spokane, Washington": the container is whichever namesake holds the place named with it
        # (the state, not the capital), judged on the place's likelier readings.
        if p.level in CONTAINER_LEVELS and any(
                gz.contains(p, xc.place) for x in inside or []
                for xc in sorted(cands.get(x.id, []), key=lambda k: -k.score)[:5]):
            c.parts["stated_contents"] = 3.0
        c.score = sum(c.parts.values())


LOOSE_DISTRICT_CONFIDENCE = 0.4


def _district_cap(f: Fact, cands: dict[str, list[_Cand]], stated: list[Fact], gz: Any) -> Any:
    """For a district mention ("Nikopol district"): a function capping the confidence of a pick that was
    found by its bare name only (perhaps a namesake abroad) or that lies outside the place the text puts
    it in ("Kherson's Dnipro district" is not Dnipro Raion, Dnipropetrovsk Oblast); None otherwise."""
    from wirecheck.gazetteer import name_key

    name = fact_name(f)
    m = _TYPE_WORDS.search(name)
    if not m or m.group(1).lower() not in _DISTRICT_TYPES:
        return None
    bare = name[:m.start()].strip()
    as_written = {name_key(name)} | {name_key(f"{bare} {w}") for w in _DISTRICT_SYNONYMS}
    holders = [yc.place for y in stated for yc in cands.get(y.id, []) if yc.place.level in CONTAINER_LEVELS]

    def cap(top: Any, p: float) -> float:
        if top.matched not in as_written or (holders and not any(gz.contains(h, top) for h in holders)):
            return min(p, LOOSE_DISTRICT_CONFIDENCE)
        return p

    return cap


def _fill(f: Fact, cs: list[_Cand], cap: Any = None, region_said: bool = False) -> None:
    if not cs:
        f.attrs.update(resolution=0.0, candidates=[])
        return
    order = sorted(range(len(cs)), key=lambda n: -cs[n].score)
    probs = _softmax([c.score for c in cs])
    top = cs[order[0]].place
    if top.level == "region" and not _TYPE_WORDS.search(fact_name(f)) and not region_said:
        # A city that is its own region (Moscow, Kyiv, Sevastopol): the city, so that every language's
        # mention of it gets the same key.  Not when the words say region («Воронежская область»,
        # "Bryansk Governor").
        for n in order[1:]:
            p = cs[n].place
            if p.level == "settlement" and p.region_code == top.region_code and p.population >= 0.3 * \
                    top.population and p.match_kind in (0, 1, 2):
                order.remove(n)
                order.insert(0, n)
                probs[n] = max(probs[n], probs[order[1]])
                top = p
                break
    f.key = top.key
    f.attrs.update(
        geonameid=top.id if top.id > 0 else None,
        resolved_name=top.name,
        lat=round(top.lat, 5),
        lon=round(top.lon, 5),
        country_code=top.country_code,
        country=top.country_name,
        admin1_code=top.region_code,
        region=top.region_name,
        level=top.level,
        population=top.population,
        resolution=round(cap(top, probs[order[0]]) if cap else probs[order[0]], 3),
        # Villages from the Ukrainian register have no coordinates of their own (their hromada's centre);
        # regions, districts and countries are the mean of the towns inside them.
        coordinates=("approximate" if top.id < 0 and top.level == "settlement" else
                     "point" if top.level == "settlement" else "centroid"),
        candidates=[{"geonameid": cs[n].place.id if cs[n].place.id > 0 else None, "key": cs[n].place.key,
                     "name": cs[n].place.name, "where": cs[n].place.where(), "level": cs[n].place.level,
                     "score": round(cs[n].score, 2), "p": round(probs[n], 3)} for n in order[:5]],
    )


@stage("places.resolve", requires=["facts.place"], provides=["places.resolved"], order=60)
def resolve_places(doc: Document) -> Document:
    """Resolve place facts to GeoNames ids using the gazetteer and the document's context."""
    resolve_document(doc)
    return doc
