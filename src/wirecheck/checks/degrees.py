"""How much of it happened: «частично разрушены» / "partly destroyed" told as "destroyed" (or as
"completely destroyed").  The event class matches, so the fact matcher calls it supported; the claim
is stronger than the source's."""

from __future__ import annotations

from wirecheck.checks._common import matches
from wirecheck.extractors.en_events import DEGREES
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, FactType, Finding, Verdict
from wirecheck.registry import check


@check("degrees", kinds=[FindingKind.CERTAINTY_CHANGED], requires=["matches"], order=84)
def degrees(comp: Comparison) -> None:
    """A matched event the source gives in part (partly, частично) that the story gives whole, or the
    other way round (completely -> partly)."""
    assert comp.source is not None
    for m in matches(comp):
        if m.status is not Verdict.SUPPORTED or m.story is None or m.source is None:
            continue
        if m.story.type is not FactType.EVENT:
            continue
        said, told = m.source.attrs.get("degree"), m.story.attrs.get("degree")
        if said is None or said == told:
            continue  # the source gives no degree: a story that adds one says more, which is not this check's
        before = comp.source.text[_degree_start(comp.source.text, m.source.start):m.source.end]
        comp.add(Finding(FindingKind.CERTAINTY_CHANGED,
                         f"The source says '{before}' ({said}); the story says '{m.story.text}'"
                         + (f" ({told})." if told else ", dropping the degree."),
                         story=m.story.span, source=comp.source.span(_degree_start(comp.source.text, m.source.start),
                                                                     m.source.end),
                         before=before, after=m.story.text, rule="degree.dropped" if told is None else "degree.changed",
                         confidence=0.6, story_fact=m.story.id, source_fact=m.source.id))


def _degree_start(text: str, start: int) -> int:
    """Where the degree word before an event starts ("partly destroyed"), else the event's own start."""
    head = text[max(0, start - 15):start]
    words = head.rstrip().split()
    if words and words[-1].lower() in DEGREES:
        return start - len(head) + head.rstrip().rfind(words[-1])
    return start
