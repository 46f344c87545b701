"""Injury grades in English, Russian and Ukrainian: light, moderate, serious, critical («средней тяжести»
= moderate, "in critical condition" = critical).  Read by the condition check and, as an anchor, by
cross-lingual sentence alignment.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from wirecheck.model import Document, Span

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
