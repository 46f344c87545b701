"""Source facts the story left out: a whole source sentence nobody used, or a named person, place,
unit, organisation or number that no story fact kept."""

from __future__ import annotations

import re

from wirecheck.align.facts import merged_source_sentences, same_fact
from wirecheck.checks._common import matches, sentence_span
from wirecheck.extractors.en_orgs import initials_of
from wirecheck.gazetteer.seats import seat_country
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Fact, FactType, Finding, Verdict
from wirecheck.registry import check
from wirecheck.segment.sentences import dateline_length
from wirecheck.textnorm import us_spelling

REPORTED = (FactType.PERSON, FactType.PLACE, FactType.ORGANIZATION, FactType.UNIT, FactType.NUMBER,
            FactType.QUOTE)

# Administrations a story names by their head's title.
_OFFICE_OF = {"regional military administration": r"\bgovernor\b", "regional state administration": r"\bgovernor\b",
              "city military administration": r"\bmayor\b"}
_FORCES = re.compile(r"\b([A-Z][a-z]+)(['’]s)?\s+(?:armed forces|forces|troops|military|army|soldiers|servicemen)\b")


def _key_in_words(g: Fact, story_text: str) -> bool:
    """A foreign-language body whose English name the story writes as plain words: «ПВО» (air defense) as
    "air defences"."""
    if g.text.isascii() or not 0 < len(g.key.split()) <= 3:
        return False
    pattern = r"\b" + r"\s+".join(re.escape(w) for w in g.key.split()) + r"s?\b"
    return re.search(pattern, us_spelling(story_text.lower())) is not None


def _armed_forces_named(key: str, story_text: str) -> bool:
    """«ВСУ» (the armed forces of Ukraine) told as "Ukrainian forces" or "Ukrainian troops"."""
    m = re.fullmatch(r"armed forces of (\w+)|(\w+) armed forces", key)
    if not m:
        return False
    from wirecheck.gazetteer import get

    gz = get()
    country = (m.group(1) or m.group(2)).lower()
    for w in _FORCES.finditer(story_text):
        if w.group(2) and w.group(1).lower().startswith(country[:5]):
            return True  # "Ukraine's military"
        cid = gz.demonym_country(w.group(1))
        place = gz.by_id(cid) if cid is not None else None
        if place is not None and place.name.lower().startswith(country[:5]):
            return True
    return False


def _seat_in_story(g: Fact, comp: Comparison) -> bool:
    """The source's country told by its seat of government («президента РФ» as "the Kremlin") or by its
    adjective («министр финансов России» as "Russian Finance Minister")."""
    cc = g.attrs.get("country_code")
    if g.type is not FactType.PLACE or g.attrs.get("level") != "country" or cc is None:
        return False
    if any(f.type is FactType.ORGANIZATION and seat_country(f.key) == cc for f in comp.story.facts):
        return True
    from wirecheck.gazetteer import get

    return get().names_country(set(re.findall(r"\b[A-Z][a-z]+\b", comp.story.text)), str(cc))


def _named_in_story(g: Fact, story_text: str) -> bool:
    """A source name the story writes out too ('European Central Bank' as 'ECB', a name its tagger missed)."""
    if g.type is FactType.ORGANIZATION and (_armed_forces_named(g.key, story_text) or _key_in_words(g, story_text)):
        return True
    if g.type is FactType.ORGANIZATION and g.key in _OFFICE_OF and re.search(_OFFICE_OF[g.key], story_text, re.I):
        return True  # «начальник обласної військової адміністрації» told as "regional governor"
    if g.type is FactType.PLACE and g.attrs.get("office") in _OFFICE_OF and \
            re.search(_OFFICE_OF[str(g.attrs["office"])], story_text, re.I):
        return True  # and the region of «Харківської ОВА» with it
    if g.type not in (FactType.PERSON, FactType.PLACE, FactType.ORGANIZATION) or len(g.text) < 3:
        return False
    forms = {g.text}
    if g.type is FactType.ORGANIZATION:
        forms |= {a for a in initials_of(g.text) if len(a) >= 2}
    words = g.text.split()
    if len(words) > 1 and g.type in (FactType.PLACE, FactType.ORGANIZATION) and len(words[0]) >= 4 \
            and words[0][:1].isupper() and words[0].isalpha():
        from wirecheck.extractors.en_places import common_words

        if words[0].lower() not in common_words():
            forms.add(words[0])  # "the Etihad" for "the Etihad Stadium": the name's own word, shortened
    return any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", story_text) for f in forms)


@check("dropped-facts", kinds=[FindingKind.DROPPED_FACT], requires=["matches"], order=86)
def dropped_facts(comp: Comparison) -> None:
    """One finding per unused source sentence, else per dropped named fact."""
    assert comp.source is not None
    source = comp.source
    used = {j for a in comp.alignments for j in a.source} | merged_source_sentences(comp)
    dateline_end = dateline_length(source.text)
    reported_sentences: set[int] = set()
    for j, sent in enumerate(source.sentences):
        if j in used:
            continue
        facts = [f for f in source.facts_in(j) if f.type in REPORTED and f.start >= dateline_end]
        if (not facts and len(sent.text.split()) < 6) or sent.start + len(sent.text.rstrip()) <= dateline_end:
            continue
        if j < 3 and len(sent.text.split()) < 5 and all(len(s.text.split()) < 5 for s in source.sentences[:j]):
            continue  # a dateline split into pieces ("МОСКВА, 11 декабря." "/ТАСС/.")
        reported_sentences.add(j)
        names = ", ".join(sorted({f.text for f in facts})[:6])
        comp.add(Finding(FindingKind.DROPPED_FACT,
                         "The story leaves out this source sentence" + (f" ({names})." if names else "."),
                         source=sentence_span(source, j), rule="sentence.unused", confidence=0.7))
    for mt in matches(comp):
        g = mt.source
        if (mt.status is not Verdict.DROPPED or g is None or g.type not in REPORTED
                or g.sentence in reported_sentences or g.start < dateline_end):
            continue
        if any(x.source is not None and x.source.id != g.id and x.status is not Verdict.DROPPED
               and same_fact(x.source, g) for x in matches(comp)):
            continue  # another mention of the same thing was kept
        if _named_in_story(g, comp.story.text) or _seat_in_story(g, comp):
            continue  # the story has the very name (or its acronym) where its tagger saw none
        if g.attrs.get("implied"):
            continue  # «серед них дитина» counted as one to compare a story's count, not a number said
        comp.add(Finding(FindingKind.DROPPED_FACT,
                         f"The source's {g.type.value} '{g.text}' does not appear in the story.",
                         source=g.span, before=g.text, rule=f"fact.dropped:{g.type.value}",
                         confidence=0.6 * g.confidence, source_fact=g.id))
