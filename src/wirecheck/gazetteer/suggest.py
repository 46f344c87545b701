"""What was probably meant: the place inside a claimed region that a misplaced name most likely garbles.

A story that says "Severodonnetsk in the Donetsk People's Republic" names a real town that lies
elsewhere; the town the writer garbled is usually one inside the claimed region whose name (main,
alternate, Russian, Ukrainian or old) shares a stem, a start or its consonants with what was written.
:func:`suggest` compares the written name, and the other names of the place it really denotes,
against every name of every settlement inside the claimed container, scores each pair of names, adds a
little for a town's size (a known town beats a hamlet of the same spelling) and returns the best
candidates with their evidence and a confidence; nothing when no candidate is convincing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from wirecheck.gazetteer.build import ABBREV, ALIAS, ALT, DEMONYM, MAIN, name_key
from wirecheck.textnorm import sound_key

__all__ = ["Suggestion", "name_similarity", "skeleton", "suggest", "suggest_for_claim", "claim_suggestions",
           "MIN_SIMILARITY", "MIN_CONFIDENCE"]

MIN_SIMILARITY = 0.72  # below this a candidate is no suggestion at all
MIN_SCORE_GAIN = 0.06  # ... and similarity plus size must reach MIN_SIMILARITY + this: a hamlet needs 0.78
_KIND_LABEL = {MAIN: "name", ALIAS: "alias", ALT: "alt. name", ABBREV: "abbreviation"}
_VOWELS = re.compile(r"[aeiouy]")
# Endings that inflect or derive Slavic and other place names; a stem is what is left (at least 4 letters).
_ENDINGS = sorted({"ovskoe", "evskoe", "ovske", "ivske", "evske", "skoe", "ske", "ski", "sk", "ovka", "evka",
                   "ivka", "ka", "ovo", "evo", "ino", "ne", "e", "a", "o", "i", "ov", "ev", "iv", "in"},
                  key=len, reverse=True)
MIN_CONFIDENCE = 0.5  # the check offers nothing below this
ALSO_WEIGHT = 0.88  # a match through another name of the misplaced place, not the written one
_MAX_FULL_SCAN = 6000  # more names than this (a whole country) are prefiltered in C first


@lru_cache(maxsize=200_000)
def _sound(key: str) -> str:
    """Sound key of a stored name key; a region's names recur in every claim about it, so keep them."""
    return sound_key(key)


@lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """A sound key with its vowels dropped after the first letter: Siversk, Seversk -> ``svrsk``.

    Russian and Ukrainian spellings of one town differ mostly in vowels (Artemovsk / Artemivsk,
    Kharkov / Kharkiv); the consonants carry the name.
    """
    return key[:1] + _VOWELS.sub("", key[1:]) if key else ""


@lru_cache(maxsize=200_000)
def _stem(key: str) -> str:
    for e in _ENDINGS:
        if key.endswith(e) and len(key) - len(e) >= 4:
            return key[: -len(e)]
    return key


def _prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


@lru_cache(maxsize=1)
def _indel() -> Any:
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity


def _ratio(a: str, b: str) -> float:
    return float(_indel()(a, b))


def _first_letter_misses(queries: list[tuple[str, float]], keys: list[str], floor: float) -> tuple[Any, list[bool]]:
    """``_ratio(q, k)`` for every query and key (rows: queries), in one call, and per key whether no
    query can reach ``floor`` (weight included): every query starts with another letter, so that
    :func:`name_similarity` is that ratio alone, and the ratio times the weight is below the floor."""
    import numpy as np
    from rapidfuzz.process import cdist

    ratios = cdist([q for q, _ in queries], keys, scorer=_indel(), dtype=np.float64)
    firsts = np.array([k[:1] for k in keys])
    hopeless = np.ones(len(keys), dtype=bool)
    for j, (q, weight) in enumerate(queries):
        hopeless &= (firsts != q[0]) & (firsts != "") & (ratios[j] * weight < floor)
    return ratios.tolist(), hopeless.tolist()


def name_similarity(a: str, b: str) -> tuple[float, str]:
    """0..1 similarity of two sound keys and which evidence gave it.

    The best of: edit similarity; similarity of the consonant skeletons (vowels are where
    transliterations differ); and one name's stem starting the other (Seversk -> Severodonetsk, a
    syllable added: the written name keeps the stem and changes or extends the ending).
    """
    if not a or not b:
        return 0.0, ""
    if a == b:
        return 1.0, "same sound key"
    best, why = _ratio(a, b), "spelling"
    if a[0] != b[0]:
        return best, why  # both other measures need a shared first letter: most candidates stop here
    sa, sb = skeleton(a), skeleton(b)
    if min(len(sa), len(sb)) >= 3:
        full = best
        # Three consonants or fewer say little (Vince / Vinnytsia): the skeleton then counts less.
        w = 0.55 if min(len(sa), len(sb)) >= 4 else 0.3
        s = w * _ratio(sa, sb) + (1 - w) * full
        if sa == sb and full >= 0.7 and len(sa) >= 4:
            s = max(s, 0.9)
        if s > best:
            best, why = s, "same consonants" if sa == sb else "similar consonants"
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    stem = _stem(short)
    n = _prefix(a, b)
    if len(stem) >= 5 and n >= len(stem):
        # The shorter name's whole stem starts the longer one; the more of the longer it covers, the better.
        s = 0.72 + 0.18 * len(stem) / len(_stem(long_))
        if s > best:
            best, why = s, f"shared stem '{stem}'"
    return min(best, 1.0), why


def _importance(pop: int) -> float:
    """0..0.08: a known town outranks a hamlet spelled as closely (register villages have no figure)."""
    return 0.08 * min(1.0, math.log10(1 + max(pop, 0)) / 5.0)


def _size_factor(pop: int) -> float:
    return 0.85 + 0.15 * min(1.0, math.log10(1 + max(pop, 0)) / 4.0)


@dataclass
class Suggestion:
    place: Any  # wirecheck.gazetteer.Place
    matched: str  # the candidate's name that matched ("Seversk")
    matched_kind: str  # "name", "alt. name", "alias"
    compared_with: str  # the spelling it was compared with (the story's, or another name of its place)
    similarity: float  # 0..1 name similarity
    score: float  # similarity plus a little for size: what ranks candidates
    evidence: str  # "shared stem 'sever'", "same consonants" ...
    confidence: float = 0.0
    others: list[str] = field(default_factory=list)

    def label(self) -> str:
        """``Siversk (alt. name Seversk), Donetsk Oblast, Ukraine``."""
        p = self.place
        alt = "" if self.matched_kind == "name" or name_key(self.matched) == name_key(p.name) else \
            f" ({self.matched_kind} {self.matched})"
        return p.name + alt + (", " + p.where() if p.where() else "")

    def explain(self) -> str:
        """The label with its evidence: GeoNames id (or register), similarity and why."""
        p = self.place
        ref = f"GeoNames {p.id}" if p.id > 0 else "Ukrainian register (KATOTTG)"
        pop = f", population {p.population:,}" if p.population else ""
        return (f"{self.label()}, {ref}{pop}; name similarity {self.similarity:.2f} to "
                f"{self.compared_with} ({self.evidence})")

    def to_dict(self) -> dict[str, Any]:
        return self.place.to_dict() | {
            "matched_name": self.matched, "matched_kind": self.matched_kind,
            "compared_with": self.compared_with, "similarity": round(self.similarity, 3),
            "score": round(self.score, 3), "evidence": self.evidence, "confidence": round(self.confidence, 3),
            "explanation": self.explain()}


def _display(key: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in key.split())


def _container_where(gz: Any, within: Any) -> tuple[str, list[Any]] | None:
    """SQL condition on ``place p`` for the settlements inside ``within``; None if it holds none."""
    if within.level == "country":
        where, args = "p.cc = ?", [within.country_code]
    elif within.level == "region" and within.region_code:
        where, args = "p.cc = ? AND p.adm1 = ?", [within.country_code, within.admin1]
    elif within.level == "area":
        pairs = [c.split(".", 1) for c in sorted(gz.area_members(within))]
        if not pairs:
            return None
        where = " OR ".join("(p.cc = ? AND p.adm1 = ?)" for _ in pairs)
        args = [x for pair in pairs for x in pair]
    elif within.level == "district":
        where, args = "p.parent = ?", [within.id]
    else:
        return None
    return where, args


# A region's names are read again for every claim about it (a story says "in the Donetsk region" many
# times, a batch thousands): keep the last few regions' rows per gazetteer file.
_ROWS: dict[tuple[str, str, tuple[Any, ...]], list[tuple[Any, ...]]] = {}
_ROWS_MAX = 16


def _container_rows(gz: Any, within: Any, plain: list[str]) -> list[tuple[Any, ...]]:
    """(name key, kind, place columns...) of the settlement names inside ``within`` worth scoring.

    All of them in a region; in a bigger container (a country) those the cheap prefilter keeps.
    """
    return _container_rows_for(gz, within, plain)[0]


def _container_rows_for(gz: Any, within: Any, plain: list[str]) -> tuple[list[tuple[Any, ...]], set[int] | None]:
    """:func:`_container_rows`, and the place ids the prefilter keeps for ``plain[0]`` alone (None when
    every row was kept), so that one scan can also answer for the written name alone."""
    from wirecheck.gazetteer import _COLS

    found = _container_where(gz, within)
    if found is None:
        return [], None
    where, args = found
    cache_key = (str(gz.path), where, tuple(args))
    if cache_key in _ROWS:
        return _ROWS[cache_key], None
    con = gz._con()
    sql = (f"SELECT n.key, n.kind, {{cols}} FROM place p JOIN name n ON n.id = p.id "
           f"WHERE ({where}) AND p.level = 'settlement' AND n.kind != {DEMONYM}")
    keys = con.execute(sql.format(cols="n.id"), args).fetchall()
    if len(keys) <= _MAX_FULL_SCAN:
        whole = list(con.execute(sql.format(cols=_COLS), args))
        if len(_ROWS) >= _ROWS_MAX:
            _ROWS.pop(next(iter(_ROWS)))
        _ROWS[cache_key] = whole
        return whole, None
    names = [k[0] for k in keys]
    wanted = sorted({keys[i][2] for i in _prefilter(plain, names)})
    own = {keys[i][2] for i in _prefilter(plain[:1], names)} if len(plain) > 1 else None
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        rows += con.execute(f"SELECT n.key, n.kind, {_COLS} FROM place p JOIN name n ON n.id = p.id "
                            f"WHERE p.id IN ({','.join('?' * len(chunk))}) AND n.kind != {DEMONYM}", chunk)
    return rows, own


_NO_VOWELS = str.maketrans("", "", "aeiouy -")


def _prefilter(queries: list[str], keys: list[str]) -> set[int]:
    """Indices of names worth scoring, when there are too many (a whole country) to score them all.

    Works on the plain name keys in C (edit similarity of the names and of their consonants, and a
    shared start), so sound keys are computed for a few hundred names rather than a hundred thousand.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    keep: set[int] = set()
    skels = [k[:1] + k[1:].translate(_NO_VOWELS) for k in keys]
    for q in queries:
        for choices, target in ((keys, q), (skels, q[:1] + q[1:].translate(_NO_VOWELS))):
            for _, _, i in process.extract(target, choices, scorer=Indel.normalized_similarity, limit=300):
                keep.add(i)
        head = q[:3]
        keep.update(i for i, k in enumerate(keys) if k.startswith(head))
    return keep


def suggest(gz: Any, name: str, within: Any, *, also: list[str] | None = None, exclude: set[int] | None = None,
            limit: int = 3, min_similarity: float = MIN_SIMILARITY) -> list[Suggestion]:
    """Settlements inside ``within`` whose names ``name`` most plausibly garbles, best first.

    ``also``: other names of the place ``name`` really denotes (compared too, slightly discounted).
    Every candidate keeps the name that matched and why; the best one carries a confidence that falls
    when a runner-up is nearly as good.  Returns [] when no name is at least ``min_similarity`` alike.
    """
    scanned = _scan(gz, name, within, also, exclude, min_similarity)
    return _rank(scanned[1], limit, min_similarity) if scanned else []


def _scan(gz: Any, name: str, within: Any, also: list[str] | None, exclude: set[int] | None,
          min_similarity: float) -> tuple[dict[int, Suggestion], dict[int, Suggestion]] | None:
    """Each candidate's best match: (against the written name alone, against it and ``also``).

    One pass over the container's names serves both (place_region needs the first to spot a
    respelling and the second for its suggestions)."""
    q0 = sound_key(name_key(name))
    if len(q0) < 3:
        return None
    queries: dict[str, tuple[str, float]] = {q0: (name, 1.0)}
    plain = [name_key(name)]
    for other in also or []:
        k = sound_key(name_key(other))
        if len(k) >= 4 and k not in queries:
            queries[k] = (_display(other), ALSO_WEIGHT)
            plain.append(name_key(other))
    rows, own = _container_rows_for(gz, within, plain)
    written: dict[int, Suggestion] = {}
    best: dict[int, Suggestion] = {}
    keys = [_sound(row[0]) for row in rows]
    qs = list(queries.items())
    floor = min_similarity - 0.1
    # name_similarity stops at the edit similarity when the first letters differ (most candidates):
    # those are computed for all pairs at once, and names no query can come close to are skipped.
    ratios, hopeless = _first_letter_misses([(q, w) for q, (_, w) in qs], keys, floor) if rows else ([], [])
    for i, row in enumerate(rows):
        if hopeless[i]:
            continue
        k = keys[i]
        pid = row[2]
        if exclude and pid in exclude:
            continue
        # A GeoNames alternate in several words for a one-word town is mostly a romanisation from
        # Chinese ("Jia Si Ni" for Gasny): it counts, a little less.
        alt_weight = 0.93 if row[1] == ALT and " " in row[0] and " " not in name_key(row[3]) else 1.0
        for j, (q, (spelling, weight)) in enumerate(qs):
            if k and q[0] != k[0]:
                sim, why = ratios[j][i], "spelling"
            else:
                sim, why = name_similarity(q, k)
            sim *= weight * alt_weight
            if sim < floor:
                continue
            score = sim + _importance(row[9] or 0)
            targets = [best]
            if q == q0 and (own is None or pid in own):
                targets.append(written)
            for table in targets:
                cur = table.get(pid)
                if cur is None or score > cur.score or (score == cur.score and row[1] < _kind_rank(cur)):
                    table[pid] = Suggestion(gz._place(row[2:]), _display(row[0]),
                                            _KIND_LABEL.get(row[1], "name"), spelling, sim, score, why)
    return written, best


def _rank(best: dict[int, Suggestion], limit: int, min_similarity: float) -> list[Suggestion]:
    """The convincing candidates, best first, with their confidences."""
    ranked = sorted(best.values(), key=lambda s: (-s.score, -s.place.population, s.place.id))
    ranked = [s for s in ranked if s.similarity >= min_similarity and s.score >= min_similarity + MIN_SCORE_GAIN]
    if not ranked:
        return []
    top = ranked[0]
    runner = ranked[1].score if len(ranked) > 1 else min_similarity - 0.1
    margin = max(0.0, top.score - runner)
    # Similarity sets the ceiling; an unknown hamlet lowers it a little, a close runner-up more.
    top.confidence = round(min(0.95, top.similarity) * _size_factor(top.place.population)
                           * (0.6 + 0.4 * min(1.0, margin / 0.08)), 3)
    for s in ranked[1:limit]:
        s.confidence = round(min(0.95, s.similarity) * _size_factor(s.place.population) * 0.6
                             * max(0.0, 1 - (top.score - s.score) / 0.15), 3)
    out = [top] + [s for s in ranked[1:limit] if top.score - s.score <= 0.12]
    return out


_RESPELLING = ("same sound key", "same consonants")
RESPELLING_SIMILARITY = 0.83  # Peschanoye ~ Pishchane scores 0.838 (three shared consonants)


def is_respelling(best: Suggestion, written: str) -> bool:
    """Whether the claimed region's best match for ``written`` is that very name spelled another way: a
    settlement whose name has the written name's sounds or consonants (Peschanoye, Russian spelling;
    Pishchane, Ukrainian register).  A known town elsewhere (Pokrovsk) is the caller's to rule out."""
    return best.evidence in _RESPELLING and best.similarity >= RESPELLING_SIMILARITY and best.compared_with == written


def _kind_rank(s: Suggestion) -> int:
    return {"name": MAIN, "alias": ALIAS, "alt. name": ALT}.get(s.matched_kind, ABBREV)


def suggest_for_claim(gz: Any, name: str, claimed: Any, really: list[Any], *, limit: int = 3,
                      min_similarity: float = MIN_SIMILARITY) -> list[Suggestion]:
    """Suggestions for "``name`` in ``claimed``" when the places called ``name`` (``really``) lie elsewhere.

    The other names of the place the story's name denotes are compared too: a writer who confused two
    towns often confused their names in any of their spellings.
    """
    return claim_suggestions(gz, name, claimed, really, limit=limit, min_similarity=min_similarity)[1]


def claim_suggestions(gz: Any, name: str, claimed: Any, really: list[Any], *, limit: int = 3,
                      min_similarity: float = MIN_SIMILARITY) -> tuple[list[Suggestion], list[Suggestion]]:
    """(``suggest(gz, name, claimed, exclude=really)``, :func:`suggest_for_claim`) from one scan."""
    also: list[str] = []
    written = name_key(name)
    for p in really[:1]:
        # Its main name and aliases, and those alternates that are respellings of what was written
        # (not the dozens of foreign names GeoNames lists for a city).
        also += [k for k, kind in gz.names_of(p.id) if kind in (MAIN, ALIAS) and k != written]
    scanned = _scan(gz, name, claimed, also, {p.id for p in really}, min_similarity)
    if not scanned:
        return [], []
    alone = _rank(scanned[0], limit, min_similarity)
    found = _rank(scanned[1], limit, min_similarity)
    # A first suggestion this unsure is more often wrong than right: better none.
    return alone, found if found and found[0].confidence >= MIN_CONFIDENCE else []
