"""A number the story keeps but whose bound it drops or turns round: "at least 68 dead" told as "68 dead"
(a floor stated as the count), "up to 300" as "more than 300".  The value alone matches, so the fact
matcher calls it supported; the claim is not the same."""

from __future__ import annotations

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
