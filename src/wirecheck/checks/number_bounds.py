"""A number the story keeps but whose bound it drops or turns round: "at least 68 dead" told as "68 dead"
(a floor stated as the count), "up to 300" as "more than 300".  The value alone matches, so the fact
matcher calls it supported; the claim is not the same."""

from __future__ import annotations

import re

from wirecheck.checks._common import matches
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, FactType, Finding, Verdict
from wirecheck.registry import check

# The qualifiers of en_numbers that bound a count from below or from above.  "about", "some" and the like
# only round it: a story that drops them loses little, and is not reported.
FLOOR = frozenset({"more than", "at least", "over"})
CEILING = frozenset({"less than", "fewer than", "up to", "as many as", "nearly", "almost", "under", "at most"})


def _bound(q: object, text: str, start: int) -> str | None:
    """Which way the qualifier bounds the count; "no fewer than" / "not more than" turn it round."""
    b = "floor" if q in FLOOR else "ceiling" if q in CEILING else None
    if b is not None and text[max(0, start - 4):start].lower().rstrip().endswith(("no", "not")):
        return "ceiling" if b == "floor" else "floor"
    return b


@check("number-bounds", kinds=[FindingKind.NUMBER_CHANGED], requires=["matches"], order=81)
def number_bounds(comp: Comparison) -> None:
    """Supported numbers whose source bound ('at least', 'up to') the story drops or reverses."""
    assert comp.source is not None
    reported: set[str] = set()
    for m in matches(comp):
        if m.status is not Verdict.SUPPORTED or m.story is None or m.source is None:
            continue
        if m.story.type is not FactType.NUMBER or m.story.id in reported:
            continue
        sq, tq = m.source.attrs.get("qualifier"), m.story.attrs.get("qualifier")
        if comp.source.lang != "en" and sq == "up to":
            continue  # «до» is "up to" and "to": «повысил до 21%» (raised to 21%) bounds nothing
        sb, tb = _bound(sq, comp.source.text, m.source.start), _bound(tq, comp.story.text, m.story.start)
        if sb is None or sb == tb or (tq is not None and tb is None):
            continue  # no bound in the source, the same bound, or a rounding word the story chose instead
        what = f"'{tq} {m.story.key}'" if tq else f"'{m.story.key}' as the count"
        comp.add(Finding(FindingKind.NUMBER_CHANGED,
                         f"The source says '{sq}' {m.source.key}; the story says {what}.",
                         story=m.story.span, source=m.source.span, before=m.source.text, after=m.story.text,
                         rule="number.bound-dropped" if tb is None else "number.bound-reversed",
                         confidence=0.6, story_fact=m.story.id, source_fact=m.source.id))
        reported.add(m.story.id)


# "30 of 40 drones", «30 из 40», «30 з 40»: a part of a whole; "all 40" makes the part the whole.
_PART_OF = re.compile(r"(?<![\d,.])(?P<part>\d{1,3}(?:[ ,\u00a0]\d{3})*)\s+(?:of|out\s+of|из|з|із)\s+"
                      r"(?P<whole>\d{1,3}(?:[ ,\u00a0]\d{3})*)(?![\d,.]\d)", re.I)
_ALL_BEFORE = re.compile(r"\ball(?:\s+the)?\s+$", re.I)


def _value(digits: str) -> int:
    return int(re.sub(r"\D", "", digits))


@check("part-as-whole", kinds=[FindingKind.NUMBER_CHANGED], requires=["alignments"], order=81)
def part_as_whole(comp: Comparison) -> None:
    """'shot down 30 of 40 drones' told as 'shot down all 40 drones'."""
    assert comp.source is not None
    aligned = {a.story: a.source for a in comp.alignments if a.source}
    for f in comp.story.facts_of(FactType.NUMBER):
        if not _ALL_BEFORE.search(comp.story.text[max(0, f.start - 10):f.start]) or f.sentence not in aligned:
            continue
        value = f.attrs.get("value")
        for i in aligned[f.sentence]:
            sent = comp.source.sentences[i]
            m = next((m for m in _PART_OF.finditer(sent.text) if value is not None
                      and _value(m.group("whole")) == value and _value(m.group("part")) < value), None)
            if m is None:
                continue
            at = sent.start + m.start()
            comp.add(Finding(FindingKind.NUMBER_CHANGED,
                             f"The source says {m.group('part')} of {m.group('whole')}; the story says all "
                             f"{m.group('whole')}.", story=f.span, source=comp.source.span(at, sent.start + m.end()),
                             before=m.group(0), after=comp.story.text[f.start:f.end],
                             rule="number.part-as-whole", confidence=0.7, story_fact=f.id))
            break
