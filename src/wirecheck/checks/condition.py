"""description_changed for how badly people were hurt: «средней тяжести» told as "critical condition",
"lightly wounded" as "seriously wounded".

Casualty reports grade injuries on one scale in every language: light, moderate, serious, critical.  The
check reads the grade words of each aligned sentence pair (English, Russian, Ukrainian) and reports a
story grade the source sentences do not give when they give another one.  "Stable" is no grade.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Document, Finding, Span
from wirecheck.registry import check

GRADES = ("light", "moderate", "serious", "critical")
_INJURY = r"(?:condition|condition\b|injur\w*|wound\w*|hurt|burns?)"
_EN = [
    (4, rf"\b(?:critical(?:ly)?|life[- ]threatening)\s+(?:{_INJURY})|\bin\s+(?:a\s+)?critical\s+condition"),
    (3, rf"\b(?:serious(?:ly)?|severe(?:ly)?|grave(?:ly)?|bad(?:ly)?)\s+(?:{_INJURY})"),
    (2, rf"\bmoderate(?:ly)?\s+(?:{_INJURY})|\bmoderate\s+severity"),
    (1, rf"\b(?:light(?:ly)?|minor|slight(?:ly)?|superficial)\s+(?:{_INJURY})"),
]
_SLAVIC = [
    (4, r"\b(?:критическ\w+|критичн\w+|крайне\s+тяж[её]л\w+|вкрай\s+важк\w+)"),
    (2, r"\bсредней\s+тяжести|\bсередньої\s+(?:тяжкості|важкості)"),
    (3, r"\b(?:тяж[её]л\w+|тяжело|важк\w+|важко)\s+(?:ранен\w*|поранен\w*|состояни\w+|стан\w*|травм\w+|"
        r"увечь\w+|ожог\w*|опік\w*)|\bв\s+тяж[её]лом\s+состоянии|\bу\s+важкому\s+стані"),
    (1, r"\b(?:л[её]гк\w+|легко|легк\w+)\s+(?:ранен\w*|поранен\w*|травм\w+|ожог\w*|опік\w*)"),
]
_COMPILED = {"en": [(g, re.compile(p, re.I)) for g, p in _EN],
             "slavic": [(g, re.compile(p, re.I)) for g, p in _SLAVIC]}
CONFIDENCE = 0.65


def grades(doc: Document, sentences: list[int]) -> Iterator[tuple[int, Span]]:
    """(grade 1-4, span) of every injury grade in the given sentences; a longer match hides a shorter one."""
    table = _COMPILED["en" if doc.lang == "en" else "slavic"]
    for i in sentences:
        s = doc.sentences[i]
        taken: list[tuple[int, int]] = []
        for grade, pattern in table:
            for m in pattern.finditer(doc.text, s.start, s.end):
                a, b = m.start(), m.end()
                if any(x < b and a < y for x, y in taken):
                    continue
                taken.append((a, b))
                yield grade, doc.span(a, b)


@check("condition", kinds=[FindingKind.DESCRIPTION_CHANGED], requires=["alignments"], order=86)
def injury_grade_changed(comp: Comparison) -> None:
    """A story injury grade the aligned source sentences do not give, where they give another."""
    assert comp.source is not None
    if comp.story.lang != "en" or comp.source.lang not in ("en", "ru", "uk"):
        return
    for a in comp.alignments:
        if not a.source:
            continue
        theirs = list(grades(comp.source, list(a.source)))
        if not theirs:
            continue
        given = {g for g, _ in theirs}
        for grade, span in grades(comp.story, [a.story]):
            if grade in given:
                continue
            peer, peer_span = min(theirs, key=lambda t: abs(t[0] - grade))
            worse = "worse" if grade > peer else "milder"
            comp.add(Finding(
                FindingKind.DESCRIPTION_CHANGED,
                f"The source grades the injuries as {GRADES[peer - 1]}; the story makes them {GRADES[grade - 1]} "
                f"({worse}).", story=span, source=peer_span, before=peer_span.text, after=span.text,
                rule="description.injury-grade", confidence=CONFIDENCE))
