"""Last pair stages: merge repeated findings and give each story sentence its verdict."""

from __future__ import annotations

from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Finding, Verdict
from wirecheck.registry import pair_stage

_CHANGES = {FindingKind.PLACE_CHANGED, FindingKind.PERSON_CHANGED, FindingKind.TITLE_CHANGED,
            FindingKind.UNIT_CHANGED, FindingKind.ORGANIZATION_CHANGED, FindingKind.NUMBER_CHANGED,
            FindingKind.DATE_CHANGED, FindingKind.PREDICATE_CHANGED, FindingKind.ADDED_CLAIM,
            FindingKind.FABRICATED_QUOTE, FindingKind.MISATTRIBUTED_QUOTE, FindingKind.CERTAINTY_CHANGED,
            FindingKind.VAGUE_ATTRIBUTION, FindingKind.ATTRIBUTION_ADDED}


def _family(rule: str) -> str:
    """'fact.added:place' and 'fact.added:organization' are one family; a clause and the description
    inside it are two findings a reader wants to see."""
    return rule.split(":")[0].split(".")[0]


@pair_stage("findings.merge", order=98, needs_source=False, after=["check.changed-facts"])
def merge_findings(comp: Comparison) -> None:
    """The same change repeated (each mention of a swapped town) becomes one finding with a count."""
    seen: dict[tuple[str, str | None, str | None, int | None], Finding] = {}
    out: list[Finding] = []
    for f in sorted(comp.findings, key=lambda f: (f.story.start if f.story else 10**9)):
        key = (f.kind.value, f.before, f.after, None if f.before or f.after else (f.story.start if f.story else
                                                                                   f.source.start if f.source else 0))
        if f.kind in (FindingKind.PLACE_CHANGED, FindingKind.UNIT_CHANGED, FindingKind.ORGANIZATION_CHANGED,
                      FindingKind.PERSON_CHANGED, FindingKind.TITLE_CHANGED) and key in seen:
            first = seen[key]
            first.message = first.message.rstrip(".") + f". Repeated later: '{f.story.text if f.story else ''}'."
            continue
        seen[key] = f
        out.append(f)
    # Overlapping added-claim findings on the same words: keep the longer one.
    final: list[Finding] = []
    for f in out:
        if f.kind is FindingKind.ADDED_CLAIM and f.story and any(
                g is not f and g.kind is FindingKind.ADDED_CLAIM and g.story and g.story.start <= f.story.start
                and f.story.end <= g.story.end and (g.story.end - g.story.start) > (f.story.end - f.story.start)
                and _family(g.rule) == _family(f.rule) for g in out):
            continue
        final.append(f)
    comp.findings = final


@pair_stage("sentences.verdicts", order=99, after=["check.changed-facts"])
def sentence_verdicts(comp: Comparison) -> None:
    """added: nothing in the source; changed: a finding inside; supported: aligned and clean."""
    aligned = {a.story for a in comp.alignments if a.source}
    for s in comp.story.sentences:
        if s.index not in aligned:
            comp.sentence_verdicts[s.index] = Verdict.ADDED
            continue
        hit = any(f.kind in _CHANGES and f.story and s.start <= f.story.start < s.end for f in comp.findings)
        comp.sentence_verdicts[s.index] = Verdict.CHANGED if hit else Verdict.SUPPORTED
