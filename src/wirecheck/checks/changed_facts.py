"""Findings for story facts that replaced a source fact: a place, person, unit, organisation, number,
date or event that the source states differently at the same point; and changed titles of people
who are otherwise the same."""

from __future__ import annotations

from wirecheck.checks._common import matches, place_record, where
from wirecheck.extractors.count_fates import FATE_WORDS
from wirecheck.extractors.en_events import EVENT_LEMMAS
from wirecheck.geo import distance_km
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Fact, FactType, Finding, Verdict
from wirecheck.nlp.en_terms import titles_compatible
from wirecheck.person_nouns import different_people, english, people_of
from wirecheck.registry import check
from wirecheck.textnorm import to_latin

KIND_OF = {
    FactType.PLACE: FindingKind.PLACE_CHANGED,
    FactType.PERSON: FindingKind.PERSON_CHANGED,
    FactType.UNIT: FindingKind.UNIT_CHANGED,
    FactType.ORGANIZATION: FindingKind.ORGANIZATION_CHANGED,
    FactType.NUMBER: FindingKind.NUMBER_CHANGED,
    FactType.DATE: FindingKind.DATE_CHANGED,
    FactType.EVENT: FindingKind.PREDICATE_CHANGED,
}


def _message(kind: FindingKind, story: Fact, source: Fact) -> str:
    if kind is FindingKind.PLACE_CHANGED:
        msg = f"The source has {where(source)}; the story has {where(story)}, a different place."
        d = _distance(story, source)
        if d is not None:
            msg += f" They are {d:,.0f} km apart."
        return msg
    if kind is FindingKind.UNIT_CHANGED:
        diffs = []
        if story.attrs.get("unit_type") != source.attrs.get("unit_type"):
            diffs.append(f"a {story.attrs.get('unit_type')} instead of a {source.attrs.get('unit_type')}")
        sd, td = story.attrs.get("descriptors") or [], source.attrs.get("descriptors") or []
        added = [d for d in sd if d not in td]
        lost = [d for d in td if d not in sd]
        if added or lost:
            diffs.append("descriptors " + ", ".join([f"+{d}" for d in added] + [f"-{d}" for d in lost]))
        if story.attrs.get("ordinal") != source.attrs.get("ordinal"):
            diffs.append(f"number {story.attrs.get('ordinal')} instead of {source.attrs.get('ordinal')}")
        return f"The source names the {source.text}; the story makes it {story.text} ({'; '.join(diffs)})."
    if kind is FindingKind.NUMBER_CHANGED:
        sv, tv = float(source.attrs.get("value") or 0), float(story.attrs.get("value") or 0)
        if source.attrs.get("ordinal") and story.attrs.get("ordinal"):
            if source.attrs.get("noun") == "place":
                return f"The source has it {_nth(sv)}; the story {_nth(tv)}."
            return (f"The source speaks of the {_nth(sv)} {source.attrs.get('noun')}; "
                    f"the story of the {_nth(tv)}.")
        sp, tp = source.attrs.get("person"), story.attrs.get("person")
        if sv == tv and sp and tp and different_people(str(sp), str(tp)):
            return (f"The source's {_amount(sv)}-year-old is a {english(str(sp))}; the story's is a "
                    f"{english(str(tp))}.")
        if sv == tv and different_people(str(source.attrs.get("noun") or ""), str(story.attrs.get("noun") or "")):
            return (f"The source counts {_amount(sv)} {people_of(english(str(source.attrs['noun'])))}; the story "
                    f"{_amount(tv)} {people_of(english(str(story.attrs['noun'])))}.")
        if sv == tv and source.attrs.get("noun") != story.attrs.get("noun"):
            theirs = (f"{_amount(sv)} {source.attrs['noun_text']}" if source.attrs.get("noun_text")
                      else f"'{source.text}' ({_amount(sv)} {_plural(str(source.attrs.get('noun')), sv)})")
            return (f"The source counts {theirs}; the story {_amount(tv)} "
                    f"{story.attrs.get('noun_text') or story.attrs.get('noun')}.")
        if source.attrs.get("approx") or story.attrs.get("approx"):
            # "dozens", «сотни»: the words, not their nominal values, are what each text claims
            return (f"The source says '{source.text}' (about {_amount(sv)}); the story says '{story.text}' "
                    f"(about {_amount(tv)}).")
        noun = source.attrs.get("noun_text") or _plural(str(source.attrs.get("noun") or ""), sv)
        fate = FATE_WORDS.get(str(source.attrs.get("fate")))
        if fate and fate == FATE_WORDS.get(str(story.attrs.get("fate"))):
            # "two were wounded" where the source's wounded are five: say whose count it is
            if not noun.isascii() or noun.rstrip("s") in EVENT_LEMMAS:
                noun = ""  # «пятеро пострадавших»: the noun is the fate itself, or has no English form
            return f"The source gives {' '.join(filter(None, [_amount(sv), noun, fate]))}; the story {_amount(tv)} {fate}."
        if noun == "%":
            return f"The source gives {_amount(sv)}%; the story {_amount(tv)}%."
        if noun == "year-old":
            return f"The source gives the age as {_amount(sv)}; the story {_amount(tv)}."
        if noun == "no.":
            return f"The source numbers it {_amount(sv)}; the story {_amount(tv)}."
        return f"The source gives {_amount(sv)} {noun}; the story {_amount(tv)}."
    if kind is FindingKind.DATE_CHANGED and source.attrs.get("also") and source.attrs.get("kind") == "relative":
        # "yesterday" in a report datelined November 14: the day it means.
        return (f"The source says '{source.text}' ({date_words(str(source.attrs['also']))} by its dateline); the "
                f"story says '{story.text}'.")
    if kind is FindingKind.DATE_CHANGED and (not source.text.isascii() or source.text.strip().isdigit()):
        return f"The source says '{source.text}' ({date_words(source.key)}); the story says '{story.text}'."
    if kind is FindingKind.PREDICATE_CHANGED:
        if story.key == source.key:
            def said(f: Fact) -> str:
                return f"'{f.text}' ({'not ' if f.attrs.get('negated') else ''}{f.key})"
            return f"The source says {said(source)}; the story says {said(story)}: one denies what the other states."
        return (f"The source says '{source.text}' ({source.key}); the story says '{story.text}' "
                f"({story.key}): a different event.")
    if kind is FindingKind.PERSON_CHANGED:
        return f"The source names {source.attrs.get('name') or source.text}; the story names " \
               f"{story.attrs.get('name') or story.text} in that place."
    return f"The source says '{source.text}'; the story says '{story.text}'."


_MONTH_NAMES = ("January February March April May June July August September October November "
                "December").split()


def date_words(key: str) -> str:
    """'month:03-01' -> '1 March', 'duration:13 year' -> '13 years', 'weekday:tuesday' -> 'Tuesday'."""
    kind, _, val = key.partition(":")
    if kind in ("month", "date"):
        parts = [int(x) for x in val.split("-")]
        if kind == "date":
            y, m, d = parts
            return f"{d} {_MONTH_NAMES[m - 1]} {y}"
        return f"{parts[1]} {_MONTH_NAMES[parts[0] - 1]}" if len(parts) == 2 else _MONTH_NAMES[parts[0] - 1]
    if kind == "duration":
        n, _, unit = val.partition(" ")
        return f"{n} {unit}s" if unit and n != "1" else val
    if kind == "weekday":
        return val.capitalize()
    return val.replace("_", " ")


def _amount(v: float) -> str:
    """15000000000 -> '15 billion', 12000 -> '12,000', 8.5 -> '8.5': as a reader writes it."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale:
            return f"{v / scale:g} {word}"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:g}"


def _nth(v: float) -> str:
    n = int(v)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _plural(noun: str, value: float) -> str:
    """English lemma of a counted noun (a cross-language key) in the form its count needs: '4 systems'."""
    if not noun or value == 1 or noun in ("people", "%", "year-old") or noun.endswith("s"):
        return noun
    if noun.endswith(("ch", "sh", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    if noun == "child":
        return "children"
    return noun + "s"


def gloss(f: Fact) -> str:
    """An English rendering of a source fact from another language, for the reader and the report."""
    if f.type in (FactType.UNIT, FactType.ORGANIZATION, FactType.EVENT, FactType.DATE, FactType.WEAPON):
        return f.key
    if f.type is FactType.NUMBER:
        return _amount(float(f.attrs["value"])) if f.attrs.get("value") is not None else f.key
    name = str(f.attrs.get("name") or f.text)
    latin = to_latin(name)
    resolved = f.attrs.get("resolved_name")
    if not resolved or resolved == latin:
        return latin
    # Only records with a GeoNames id are GeoNames'; seas, areas and register villages are the project's.
    return f"{latin}; {'GeoNames' if f.attrs.get('geonameid') else 'gazetteer'}: {resolved}"


def _distance(a: Fact, b: Fact) -> float | None:
    try:
        return distance_km(float(a.attrs["lat"]), float(a.attrs["lon"]), float(b.attrs["lat"]),
                           float(b.attrs["lon"]))
    except (KeyError, TypeError, ValueError):
        return None


@check("changed-facts", kinds=list(KIND_OF.values()) + [FindingKind.TITLE_CHANGED], requires=["matches"])
def changed_facts(comp: Comparison) -> None:
    """One finding per story fact matched to a different source fact in the same slot."""
    assert comp.source is not None
    for m in matches(comp):
        story, source = m.story, m.source
        if story is None or source is None:
            continue
        if m.status is Verdict.SUPPORTED and story.type is FactType.PERSON:
            st, tt = story.attrs.get("title"), source.attrs.get("title")
            if st and tt and not titles_compatible(str(st), str(tt)):
                comp.add(Finding(FindingKind.TITLE_CHANGED,
                                 f"{source.attrs.get('name')} is '{tt}' in the source, '{st}' in the story.",
                                 story=story.span, source=source.span, before=tt, after=st,
                                 rule="person.title-differs", confidence=0.8, story_fact=story.id,
                                 source_fact=source.id))
            continue
        if m.status is not Verdict.CHANGED:
            continue
        kind = KIND_OF[story.type]
        reference = None
        if story.type is FactType.PLACE:
            rs, rt = place_record(story), place_record(source)
            if rs or rt:
                reference = {"story_place": rs, "source_place": rt}
        conf = m.score * min(story.confidence, source.confidence)
        if story.type is FactType.PLACE:
            conf *= float(story.attrs.get("resolution") or 0.8)
        before = source.text
        if comp.source.lang != comp.story.lang:
            before = f"{source.text} ({gloss(source)})"
        msg = _message(kind, story, source)
        if m.rule == "holder:number":
            # "Dobre won 41.2%" where the source gives Dobre 36.8% (and its 41.2% to somebody else)
            msg = (f"The source gives {source.attrs.get('holder_text')} {source.text}; the story gives "
                   f"{story.attrs.get('holder_text')} {story.text}, which the source gives to someone else.")
        comp.add(Finding(kind, msg, story=story.span, source=source.span,
                         before=before, after=story.text, rule=m.rule, confidence=round(conf, 3),
                         story_fact=story.id, source_fact=source.id, reference=reference))
