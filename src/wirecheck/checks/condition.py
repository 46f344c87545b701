"""description_changed for how badly people were hurt: «средней тяжести» told as "critical condition",
"lightly wounded" as "seriously wounded".

Casualty reports grade injuries on one scale in every language: light, moderate, serious, critical.  The
check reads the grade words of each aligned sentence pair (English, Russian, Ukrainian) and reports a
story grade the source sentences do not give when they give another one.  "Stable" is no grade.
"""

from __future__ import annotations

from wirecheck.checks._common import aligned_items
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Finding
from wirecheck.nlp.injury_grades import GRADES, grades
from wirecheck.registry import check

CONFIDENCE = 0.65


@check("condition", kinds=[FindingKind.DESCRIPTION_CHANGED], requires=["alignments"], order=86)
def injury_grade_changed(comp: Comparison) -> None:
    """A story injury grade the aligned source sentences do not give, where they give another."""
    assert comp.source is not None
    if comp.story.lang != "en" or comp.source.lang not in ("en", "ru", "uk"):
        return
    for ours, theirs in aligned_items(comp, grades):
        given = {g for g, _ in theirs}
        for grade, span in ours:
            if grade in given:
                continue
            peer, peer_span = min(theirs, key=lambda t: abs(t[0] - grade))
            worse = "worse" if grade > peer else "milder"
            comp.add(Finding(
                FindingKind.DESCRIPTION_CHANGED,
                f"The source grades the injuries as {GRADES[peer - 1]}; the story makes them {GRADES[grade - 1]} "
                f"({worse}).", story=span, source=peer_span, before=peer_span.text, after=span.text,
                rule="description.injury-grade", confidence=CONFIDENCE))
