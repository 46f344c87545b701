"""Reported speech given to the wrong person: "Zelensky said Berlin would continue to support Ukraine"
where the source has the German minister say it («Вадефуль заявив, що Берлін продовжить підтримку»).

The quote check covers words in quotation marks; this one covers what a story says somebody said.  A
story report is misattributed when its content matches a statement the source gives to another named
speaker, and none that the source gives to the story's speaker.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from wirecheck.checks.quotes import (
    CROSS_SAME_QUOTE,
    _comparable,
    _content,
    _named_as,
    _said_text,
    _same_speaker,
    _speaker,
)
from wirecheck.extractors.en_attribution import is_report
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Fact, FactType, Finding
from wirecheck.registry import check

SAME_REPORT = 75.0  # token-set ratio of two English contents: the same statement
MIN_WORDS = 4
# A speaker found by resolving 'she' or 'the Argentine' to a name is a guess about who spoke: another
# name on the other side is worth showing, not enough to call the statement misattributed.
RESOLVED_CONFIDENCE = 0.4


def _statements(doc_facts: list[Fact]) -> list[Fact]:
    return [f for f in doc_facts if f.type is FactType.QUOTE
            or (f.type is FactType.ATTRIBUTION and is_report(f.attrs) and f.attrs.get("content"))]


def named_at_statement(f: Fact) -> bool:
    """The speaker's name is written with the statement ('Mr Brown urged'), not a pronoun or a
    description ('she said', 'the Argentine told') that resolution turned into a name."""
    written = str(f.attrs.get("source_text") or f.attrs.get("speaker_mention") or "")
    if not written:
        return True  # nothing says how the speaker was found: as before, trusted
    name = _speaker(f)
    words = written.split()
    return _comparable(written) and words[0].lower() not in ("the", "a", "an") and any(
        w[:1].isupper() for w in words) and (
        not name or _same_speaker(written, name) or written.lower() == name.lower())


def _similarities(comp: Comparison, f: Fact, said: list[Fact]) -> list[float] | None:
    """0..1 similarity of the story report's content with each source statement."""
    assert comp.source is not None
    if comp.story.lang == comp.source.lang:
        return [fuzz.token_set_ratio(_content(f), _content(g)) / 100 for g in said]
    from wirecheck.align import embeddings

    sims = embeddings.sentence_similarity([str(f.attrs.get("content"))],
                                          [_said_text(comp.source.text, g) for g in said])
    return sims[0] if sims is not None else None


@check("reported-speech", kinds=[FindingKind.MISATTRIBUTED_QUOTE], requires=["alignments"], order=82,
       after=["quotes", "changed-facts"])
def reported_speech(comp: Comparison) -> None:
    """Story reports whose content is another named speaker's statement in the source."""
    assert comp.source is not None
    # People only: "the Kremlin press service said Putin thanked them" reports an act, not Putin's words.
    said = [g for g in _statements(comp.source.facts) if _comparable(_speaker(g))
            and (g.type is FactType.QUOTE or g.attrs.get("source_type") == "person")]
    if not said:
        return
    threshold = SAME_REPORT / 100 if comp.story.lang == comp.source.lang else CROSS_SAME_QUOTE
    quotes = [q for q in comp.story.facts if q.type is FactType.QUOTE]
    people = [p for p in comp.story.facts if p.type is FactType.PERSON]
    # A speaker already reported as another person ("the source names X; the story names Y"): said once.
    swapped = [x.story for x in comp.findings if x.kind is FindingKind.PERSON_CHANGED and x.story is not None]
    for f in comp.story.facts:
        if f.type is not FactType.ATTRIBUTION or not is_report(f.attrs) or f.attrs.get("source_type") != "person":
            continue
        content = str(f.attrs.get("content") or "")
        speaker = _speaker(f)
        if len(re.findall(r"\w+", content)) < MIN_WORDS or not _comparable(speaker):
            continue
        if not any(_same_speaker(speaker, str(p.attrs.get("name") or p.text)) for p in people):
            continue  # a speaker the story does not name as a person ("he" resolved to a town)
        if any(sp.start < f.end and f.start < sp.end for sp in swapped):
            continue
        spans = [(int(a), int(b)) for a, b in f.attrs.get("content_spans") or []]
        inside = [q for q in quotes if any(a <= q.start < b for a, b in spans)]
        quoted = sum(min(q.end, b) - q.start for q in inside for a, b in spans if a <= q.start < b)
        if quoted > 0.6 * sum(b - a for a, b in spans):
            continue  # words in quotation marks: the quote check's
        sims = _similarities(comp, f, said)
        if sims is None:
            continue
        own = [s for s, g in zip(sims, said, strict=True)
               if _same_speaker(speaker, _speaker(g)) or _named_as(f, g) or _named_as(g, f)]
        if own and max(own) >= threshold:
            continue  # the speaker said so (too) in the source
        best, g = max(zip(sims, said, strict=True), key=lambda sg: sg[0])
        if best < threshold or _same_speaker(speaker, _speaker(g)) or _named_as(f, g) or _named_as(g, f):
            continue
        # A quoted fragment of this report ("for as long as it takes") is part of the other speaker's
        # statement, not an invention: this finding replaces the quote check's.
        ids = {q.id for q in inside}
        comp.findings = [x for x in comp.findings if not (x.kind is FindingKind.FABRICATED_QUOTE
                                                          and x.story_fact in ids)]
        conf = min(0.8, 0.4 + best / 2)
        if not (named_at_statement(f) and named_at_statement(g)):
            conf = min(conf, RESOLVED_CONFIDENCE)
        comp.add(Finding(FindingKind.MISATTRIBUTED_QUOTE,
                         f"The story has {speaker} say this; in the source it is {_speaker(g)}'s statement.",
                         story=f.span, source=g.span, before=_said_text(comp.source.text, g), after=content,
                         rule="reported.speaker-differs", confidence=round(conf, 3),
                         story_fact=f.id, source_fact=g.id))
