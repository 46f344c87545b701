"""A statement handed to the other side of the war: "Russia said its forces had captured Pishchane" told as
"Ukraine said Russian forces had captured Pishchane", «Минобороны России заявило» as "Kyiv said".

The reported-speech check compares named people; a government, a ministry or a country speaking is an
organisation, whose words another body of the same side may well repeat ("the Defence Ministry" and "the
General Staff"), so only a change of side is reported: the story's speaker belongs to Russia or Ukraine,
the source gives the same statement to a speaker of the other side, and to none of the story's side.
"""

from __future__ import annotations

import re

from wirecheck.checks.quotes import CROSS_SAME_QUOTE, _speaker
from wirecheck.checks.reported_speech import MIN_WORDS, SAME_REPORT, _similarities, _statements
from wirecheck.checks.sides import _side
from wirecheck.extractors.en_attribution import is_report
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Fact, FactType, Finding
from wirecheck.registry import check

# A capital speaking is its government ("Moscow said", «Киев заявил»); sides.py leaves bare capitals out
# because there they are places struck, not actors.
_CAPITALS = {"moscow": "ru", "kremlin": "ru", "москва": "ru", "кремль": "ru", "kyiv": "ua", "kiev": "ua",
             "киев": "ua", "київ": "ua"}
CONFIDENCE = 0.6


def speaker_side(f: Fact) -> str | None:
    """'ru', 'ua' or None for the speaker of a report or quote."""
    words = re.findall(r"[\w']+", _speaker(f).lower())
    side = _side(words)
    if side is None:
        found = {_CAPITALS[w] for w in words if w in _CAPITALS}
        side = found.pop() if len(found) == 1 else None
    return side


@check("speaker-sides", kinds=[FindingKind.MISATTRIBUTED_QUOTE], requires=["alignments"], order=83,
       after=["reported-speech"])
def speaker_sides(comp: Comparison) -> None:
    """Statements the story gives to one side of the war that the source gives to the other."""
    assert comp.source is not None
    said = [(g, speaker_side(g)) for g in _statements(comp.source.facts)]
    said = [(g, s) for g, s in said if s is not None]
    if not said:
        return
    # The same statement: the reported-speech check's thresholds.
    threshold = SAME_REPORT / 100 if comp.story.lang == comp.source.lang else CROSS_SAME_QUOTE
    taken = {x.story_fact for x in comp.findings if x.kind is FindingKind.MISATTRIBUTED_QUOTE}
    for f in comp.story.facts:
        if f.type is not FactType.ATTRIBUTION or not is_report(f.attrs) or f.id in taken:
            continue
        side = speaker_side(f)
        if side is None or len(re.findall(r"\w+", str(f.attrs.get("content") or ""))) < MIN_WORDS:
            continue
        sims = _similarities(comp, f, [g for g, _ in said])
        if sims is None:
            continue
        same = [(sim, g, s) for sim, (g, s) in zip(sims, said, strict=True) if sim >= threshold]
        if not same or any(s == side for _, _, s in same):
            continue  # no such statement in the source, or the story's side makes it there too
        sim, g, _ = max(same, key=lambda x: x[0])
        comp.add(Finding(FindingKind.MISATTRIBUTED_QUOTE,
                         f"The story has {_speaker(f)} say this; in the source it is {_speaker(g)}'s statement, "
                         "from the other side.",
                         story=f.span, source=g.span, before=_speaker(g), after=_speaker(f),
                         rule="reported.side-differs", confidence=CONFIDENCE, story_fact=f.id, source_fact=g.id))
