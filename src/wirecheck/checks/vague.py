"""Vague attributions ("analysts warn", "sources familiar with the matter"): claims resting on nobody
in particular.  Runs with or without a source; with one, a vague phrase the source itself used is not
held against the story."""

from __future__ import annotations

from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, FactType, Finding
from wirecheck.registry import check


@check("vague-attribution", kinds=[FindingKind.VAGUE_ATTRIBUTION], needs_source=False, order=83,
       after=["alignments"])
def vague_attribution(comp: Comparison) -> None:
    """One finding per vague source in the story that the source did not use."""
    src_phrases: set[str] = set()
    if comp.source is not None:
        src_phrases = {f.text.lower() for f in comp.source.facts if f.type is FactType.HEDGE
                       and f.attrs.get("kind") == "vague_source"}
    for h in comp.story.facts:
        vague_attr = h.type is FactType.ATTRIBUTION and h.attrs.get("vague")
        vague_hedge = h.type is FactType.HEDGE and h.attrs.get("kind") == "vague_source"
        if not (vague_attr or vague_hedge):
            continue
        if h.text.lower() in src_phrases:
            continue
        if h.text.split()[0].lower() in ("who", "which", "that"):
            continue  # "observers, who argue": the antecedent was reported already
        if vague_attr and any(g.type is FactType.HEDGE and g.start < h.end and h.start < g.end
                              for g in comp.story.facts):
            continue  # the hedge fact on the same words already reports it
        comp.add(Finding(FindingKind.VAGUE_ATTRIBUTION,
                         f"'{h.text}' names no one who can be checked"
                         + ("; the source has no such source." if comp.source is not None else "."),
                         story=h.span, rule=f"{h.type.value}.vague", confidence=0.85 * h.confidence,
                         story_fact=h.id))
