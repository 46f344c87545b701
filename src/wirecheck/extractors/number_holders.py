"""Whose a figure is: "Marin won 41.2%, ahead of Dobre on 36.8%" gives 41.2 the holder Marin and 36.8
Dobre.

Like a count's fate (count_fates), a figure's holder is what its value alone cannot show: a rewrite that
gives the winner's share to the runner-up keeps every value of the source.  The holder is the nearest
named person or organisation before the figure in its sentence, preferring one in the figure's own
clause, with no other figure between them ("Dobre won 41.2% and 36.8% went to Marin" gives 36.8 none).
The parse is not used: spaCy's small model hangs a dateline or a trailing phrase on the wrong verb too
often for a subject to be trusted.  The holder's fact key is stored on the number as ``holder``.
"""

from __future__ import annotations

import re

from wirecheck.model import Document, Fact, FactType
from wirecheck.registry import stage

_HOLDERS = (FactType.PERSON, FactType.ORGANIZATION)
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s|\b(?:and|but|while|whereas|и|і|й|а|та|но|але)\b", re.I)


def _holder(doc: Document, f: Fact, named: list[Fact], numbers: list[Fact]) -> Fact | None:
    if f.sentence >= len(doc.sentences):
        return None
    s = doc.sentences[f.sentence]
    before = [h for h in named if s.start <= h.start and h.end <= f.start]
    if not before:
        return None
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(doc.text, s.start, f.start)), default=s.start)
    own = [h for h in before if h.start >= clause_start]
    h = max(own or before, key=lambda x: x.start)
    if any(h.end <= n.start and n.end <= f.start for n in numbers):
        return None
    return h


@stage("numbers.holder", requires=["sentences", "facts.number", "facts.person", "facts.organization"],
       provides=["facts.number.holder"], order=57)
def number_holders(doc: Document) -> Document:
    """The named person or organisation each figure belongs to, where its sentence says."""
    named = [f for f in doc.facts if f.type in _HOLDERS]
    if not named:
        return doc
    numbers = doc.facts_of(FactType.NUMBER)
    for f in numbers:
        h = _holder(doc, f, named, numbers)
        if h is not None:
            f.attrs["holder"] = h.key
            f.attrs["holder_text"] = h.text
    return doc
