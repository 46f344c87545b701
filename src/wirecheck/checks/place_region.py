"""place_not_in_region: the story puts a place in a region or country the gazetteer does not.

Needs no source: "Sevsk, a key settlement in the Kharkiv region" is wrong on its own (Sevsk is in
Bryansk Oblast, Russia).  The claim patterns are those of :func:`wirecheck.resolvers.places.stated_claims`
("X in Y", "X, a town in the Y region", "X (Y)", "X, Y", "Y's X", lists "X and Z, ... in Y").  A claim
holds if any place called X lies in Y; otherwise the finding says where X is and suggests what was
probably meant: the settlement inside Y whose names (main, alternate, Russian or Ukrainian) X most
plausibly garbles (:mod:`wirecheck.gazetteer.suggest`), with its GeoNames id, the name that matched,
the similarity and a confidence; no suggestion when no name in Y is alike enough.
"""

from __future__ import annotations

from typing import Any

from wirecheck.gazetteer.suggest import Suggestion, claim_suggestions, is_respelling
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Finding
from wirecheck.registry import check
from wirecheck.resolvers.places import (
    CONTAINER_LEVELS,
    candidates_for,
    fact_name,
    names_district,
    stated_claims,
)


def _gz() -> Any:
    from wirecheck.gazetteer import get

    return get()


def _nearest_namesake(doc: Any, x: Any, namesakes: list[Any]) -> Any | None:
    """Of the places called X, the one closest to the story's other resolved places."""
    from wirecheck.gazetteer import distance_km
    from wirecheck.model import FactType

    others = [(f.attrs["lat"], f.attrs["lon"]) for f in doc.facts_of(FactType.PLACE)
              if f.key != x.key and f.attrs.get("lat") is not None and f.attrs.get("level") == "settlement"
              and (f.attrs.get("resolution") or 0) >= 0.5]
    if not others:
        return None
    return min(namesakes, key=lambda p: min(distance_km(p, o) for o in others))


def _offer(s: Suggestion) -> str:
    """``Siversk (alt. name Seversk), Donetsk Oblast, Ukraine (GeoNames 694403; name similarity 0.80 ...)``."""
    p = s.place
    ref = f"GeoNames {p.id}" if p.id > 0 else "Ukrainian register"
    return (f"{s.label()} ({ref}; name similarity {s.similarity:.2f} to {s.compared_with}, {s.evidence}; "
            f"confidence {s.confidence:.2f})")


SMALL_PLACE = 10_000


@check("place-region", kinds=[FindingKind.PLACE_NOT_IN_REGION], needs_source=False, order=82)
def place_not_in_region(comp: Comparison) -> None:
    """One finding per place the story locates in a region or country it is not in."""
    doc = comp.story
    claims = stated_claims(doc)
    if not claims:
        return
    from wirecheck.gazetteer import distance_km

    gz = _gz()
    seen: set[tuple[str, str]] = set()
    for cl in claims:
        x, y = cl.place, cl.container
        if (x.id, y.id) in seen:
            continue
        seen.add((x.id, y.id))
        if names_district(x) and y.attrs.get("level") == "settlement":
            continue  # "Kherson's Dnipro district": a city's district, which the gazetteer does not list
        xs = candidates_for(x, gz)
        ys = [c for c in candidates_for(y, gz) if c.level in CONTAINER_LEVELS]
        if not xs or not ys:
            continue
        # What can sit inside what: towns in regions and countries, regions in countries.
        if any(c.level == "country" for c in ys):
            xs_ok = [c for c in xs if c.level in ("settlement", "district", "region")]
        else:
            xs_ok = [c for c in xs if c.level in ("settlement", "district")]
        if not xs_ok or any(gz.contains(yc, xc) for yc in ys for xc in xs_ok):
            continue
        # The resolver's pick for X if it is a checkable level, else the largest checkable candidate.
        really = next((c for c in xs_ok if c.key == x.key), xs_ok[0])
        claimed = ys[0]
        namesakes = [really, *[c for c in xs_ok if c.id != really.id]]
        # One scan of the region's names: the written name alone (is this a respelling?) and with the
        # other names of the place it denotes (what was meant).
        alike, suggestions = claim_suggestions(gz, fact_name(x), claimed, namesakes)
        if really.population < SMALL_PLACE and alike and is_respelling(alike[0], fact_name(x)):
            continue  # the claimed region has this village under another transliteration
        name = x.text
        msg = (f"{name} is in {really.where()}, not in {fact_name(y) if y.text else claimed.name}"
               f" ({claimed.describe()}).")
        if suggestions:
            # A runner-up is offered in words only when it is nearly as likely; all are in the reference.
            best = suggestions[0]
            offered = [best, *[s for s in suggestions[1:2] if s.confidence >= 0.5 * best.confidence]]
            suggestion = "Did you mean " + " or ".join(_offer(s) for s in offered) + "?"
        else:
            suggestion = f"No place spelled like {name} lies in {claimed.name}"
            nearest = _nearest_namesake(doc, x, xs_ok)
            if nearest is not None and len(xs_ok) > 1:
                suggestion += f"; the {name} nearest the story's other places is {nearest.describe()}"
            suggestion += f" ({distance_km(really, claimed):,.0f} km from {claimed.name}); check the place."
        others = [c for c in xs_ok if c.id != really.id][:3]
        sound_only = all(c.match_kind == 9 for c in xs_ok)
        confidence = 0.9 * (0.8 if sound_only else 1.0) * (0.85 if len(xs_ok) > 1 else 1.0)
        comp.add(Finding(
            FindingKind.PLACE_NOT_IN_REGION, msg,
            story=doc.span(cl.start, cl.end),
            after=cl.text,
            rule=f"place_region.{cl.pattern}",
            confidence=confidence,
            story_fact=x.id,
            reference={"geonameid": really.id, "name": really.name, "region": really.region_name,
                       "admin1_code": really.region_code, "country": really.country_name,
                       "country_code": really.country_code, "lat": really.lat, "lon": really.lon,
                       "claimed_region": fact_name(y), "claimed_key": claimed.key,
                       "claimed_region_name": claimed.name,
                       "other_places_named": [c.describe() for c in others],
                       "suggestions": [s.to_dict() for s in suggestions]},
            suggestion=suggestion,
        ))
