"""Direct quotes: a story quote must exist in the source (as a quote or as reported speech) and be
given to the same speaker.  Otherwise it is fabricated, or misattributed."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Fact, FactType, Finding
from wirecheck.registry import check
from wirecheck.textnorm import same_name

SAME_QUOTE = 72.0


def _content(f: Fact) -> str:
    text = str(f.attrs.get("content") or f.text)
    return re.sub(r"[^\w\s]", "", text.lower()).strip()


def _speaker(f: Fact) -> str:
    return str(f.attrs.get("speaker") or f.attrs.get("source") or "")


def _same_speaker(a: str, b: str) -> bool:
    if not a or not b:
        return False
    return same_name(a.split()[-1], b.split()[-1]) or a.lower() == b.lower()


@check("quotes", kinds=[FindingKind.FABRICATED_QUOTE, FindingKind.MISATTRIBUTED_QUOTE], order=82)
def quotes(comp: Comparison) -> None:
    """Fabricated and misattributed direct quotes."""
    assert comp.source is not None
    source = comp.source
    same_lang = comp.story.lang == source.lang
    aligned_of = {a.story: set(a.source) for a in comp.alignments}
    said = [f for f in source.facts if f.type in (FactType.QUOTE, FactType.ATTRIBUTION)]
    for q in comp.story.facts_of(FactType.QUOTE):
        speaker = _speaker(q)
        best: tuple[float, Fact | None] = (0.0, None)
        if same_lang:
            for g in said:
                score = fuzz.token_set_ratio(_content(q), _content(g))
                if g.type is FactType.ATTRIBUTION:
                    score -= 5  # reported speech turned into a quote is weaker evidence
                if score > best[0]:
                    best = (score, g)
        else:
            # Across languages the words can't be compared: the quote (else reported speech) in the
            # aligned source sentence most similar to this one is its counterpart.  The speaker is
            # what is being checked, so it must not decide which counterpart is chosen.
            sim = comp.extras.get("similarity") or []
            for g in said:
                if g.sentence in aligned_of.get(q.sentence, set()):
                    s = sim[q.sentence][g.sentence] if q.sentence < len(sim) else 0.0
                    score = 75.0 + 20.0 * s + (5.0 if g.type is FactType.QUOTE else 0.0)
                    if score > best[0]:
                        best = (score, g)
        score, g = best
        if g is None or score < SAME_QUOTE:
            who = f" attributed to {speaker}" if speaker else ""
            comp.add(Finding(FindingKind.FABRICATED_QUOTE,
                             f"The quote{who} appears nowhere in the source, neither as a quote nor as "
                             "reported speech.", story=q.span, rule="quote.no-source-match",
                             confidence=0.9 if same_lang else 0.75, story_fact=q.id))
            continue
        src_speaker = _speaker(g)
        if speaker and src_speaker and not _same_speaker(speaker, src_speaker):
            comp.add(Finding(FindingKind.MISATTRIBUTED_QUOTE,
                             f"The story gives these words to {speaker}; in the source they are "
                             f"{src_speaker}'s.", story=q.span, source=g.span, before=src_speaker,
                             after=speaker, rule="quote.speaker-differs",
                             confidence=round(min(1.0, score / 100), 3), story_fact=q.id, source_fact=g.id))
