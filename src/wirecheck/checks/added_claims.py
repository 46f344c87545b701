"""Claims the story makes that the source does not: whole sentences with no source counterpart, and
checkable details (a place, number, person, duration ...) added inside otherwise faithful sentences."""

from __future__ import annotations

from wirecheck.checks._common import claim_span, matches, sentence_span
from wirecheck.extractors.en_people import is_headline
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, FactType, Finding, Verdict
from wirecheck.registry import check

CHECKABLE = (FactType.PERSON, FactType.PLACE, FactType.ORGANIZATION, FactType.UNIT, FactType.NUMBER,
             FactType.QUOTE, FactType.DATE)
PHRASE_TYPES = (FactType.PLACE, FactType.NUMBER, FactType.PERSON, FactType.UNIT, FactType.ORGANIZATION,
                FactType.DATE)


@check("added-claims", kinds=[FindingKind.ADDED_CLAIM], requires=["matches"], order=85)
def added_claims(comp: Comparison) -> None:
    """Unaligned story sentences and added facts inside aligned ones."""
    story = comp.story
    unaligned = {a.story for a in comp.alignments if not a.source}
    quotes = [(f.start, f.end) for f in story.facts if f.type is FactType.QUOTE]
    headlines: set[int] = set()
    for i in sorted(unaligned):
        sent = story.sentences[i]
        facts = [f for f in story.facts_in(i) if f.type in CHECKABLE]
        if is_headline(sent.text):
            headlines.add(i)  # a headline summarises: only its added details are reported, below
            continue
        if len(sent.text.split()) < 4:
            continue
        quoted = sum(min(b, sent.end) - max(a, sent.start) for a, b in quotes if a < sent.end and sent.start < b)
        if quoted > 0.5 * len(sent.text):
            continue  # a sentence that is mostly a quote: the quote checks report it
        named = sorted({f.text for f in facts if f.type is not FactType.DATE})
        if named:
            msg = ("Nothing in the source supports this sentence; it adds checkable details: "
                   + ", ".join(named[:6]) + ".")
            conf = 0.9
        else:
            msg = "Nothing in the source supports this sentence (added context or commentary)."
            conf = 0.6
        comp.add(Finding(FindingKind.ADDED_CLAIM, msg, story=sentence_span(story, i), rule="sentence.unaligned",
                         confidence=conf))
    for m in matches(comp):
        f = m.story
        if f is None or m.status is not Verdict.ADDED or f.type not in PHRASE_TYPES:
            continue
        if f.sentence in unaligned and f.sentence not in headlines:
            continue
        if any(a <= f.start < b for a, b in quotes):
            continue  # inside a quote: the quote checks judge it
        if f.type is FactType.DATE and f.attrs.get("kind") not in ("duration", "absolute"):
            continue  # "on Thursday", "overnight": usually derivable from the dateline; not a claim
        if f.type is FactType.PLACE and f.attrs.get("level") == "country":
            continue
        span = claim_span(story, f)
        comp.add(Finding(FindingKind.ADDED_CLAIM,
                         f"The source has no {f.type.value} '{f.text}' here or anywhere else; "
                         "the story adds it.",
                         story=span, rule=f"fact.added:{f.type.value}", confidence=0.75 * f.confidence,
                         story_fact=f.id))
