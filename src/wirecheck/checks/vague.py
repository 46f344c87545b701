"""Vague attributions ("analysts warn", "sources familiar with the matter", "according to reports"):
claims resting on nobody in particular.  Runs with or without a source; with one, a vague phrase the
source itself used is not held against the story."""

from __future__ import annotations

from typing import Any

from wirecheck.extractors.en_attribution import is_report
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Document, Fact, FactType, Finding
from wirecheck.registry import check


def _bare_plural_group(doc: Document, f: Fact) -> bool:
    """'Seismologists warn': a source that is a plural common noun with no name, article or owner."""
    sp = doc.extras.get("spacy")
    src = str(f.attrs.get("source") or "")
    # The source-type guess is not trusted here: spaCy calls "Seismologists" a NORP, hence an organisation.
    if sp is None or not src or f.attrs.get("source_type") == "person":
        return False
    a = doc.text.find(src, f.start, f.end + 1)
    span = sp.char_span(a, a + len(src), alignment_mode="expand") if a >= 0 else None
    if span is None:
        return False
    toks: list[Any] = [t for t in span if not t.is_punct]
    return bool(toks) and toks[-1].tag_ == "NNS" and all(
        t.pos_ in ("NOUN", "ADJ") and t.ent_type_ in ("", "NORP") for t in toks)


# Bodies that answer for what they say where the story happens: "police said", "prosecutors said" is how
# wire copy names them, not a rumour's cover like "experts say".
_ACCOUNTABLE = frozenset("""police policeman policemen prosecutor prosecutors prosecution investigators detectives
firefighters rescuers paramedics coastguard""".split())


def _accountable(f: Fact) -> bool:
    words = str(f.attrs.get("source") or f.attrs.get("phrase") or f.text).lower().split()
    return bool(words) and words[-1].strip(".,") in _ACCOUNTABLE


def _interpreting_participle(doc: Document, f: Fact) -> bool:
    """'Russian forces struck the depot, underscoring Moscow's reach': the writer's reading of the clause,
    on a subject it borrowed, not a report resting on that subject."""
    words = str(f.attrs.get("cue") or "").split()
    start, src_end = f.attrs.get("cue_start"), f.attrs.get("source_end")
    if not words or not words[0].lower().endswith("ing") or not isinstance(start, int) \
            or not isinstance(src_end, int):
        return False
    return "," in doc.text[src_end:start]  # set off from the subject it borrowed


def _vague_facts(doc: Document) -> list[Fact]:
    out = []
    for f in doc.facts:
        if _accountable(f):
            continue
        if f.type is FactType.HEDGE and f.attrs.get("kind") == "vague_source":
            out.append(f)
        elif f.type is FactType.ATTRIBUTION and is_report(f.attrs) and not _interpreting_participle(doc, f) and (
                f.attrs.get("vague") or _bare_plural_group(doc, f)):
            # ('Analysts embraced the idea' takes a position; it rests no claim on the analysts.)
            out.append(f)
    # Overlapping mentions of one vague source ("According to reports" and "reports"): keep the longest.
    out.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Fact] = []
    for f in out:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return kept


@check("vague-attribution", kinds=[FindingKind.VAGUE_ATTRIBUTION], needs_source=False, order=83,
       after=["alignments"])
def vague_attribution(comp: Comparison) -> None:
    """One finding per vague source in the story that the source did not use."""
    src_phrases = {f.text.lower() for f in _vague_facts(comp.source)} if comp.source is not None else set()
    for h in _vague_facts(comp.story):
        if h.text.lower() in src_phrases:
            continue
        if h.text.split()[0].lower() in ("who", "which", "that"):
            continue  # "observers, who argue": the antecedent was reported already
        if _source_said_so_too(comp, h):
            continue
        comp.add(Finding(FindingKind.VAGUE_ATTRIBUTION,
                         f"'{h.text}' names no one who can be checked"
                         + ("; the source has no such source." if comp.source is not None else "."),
                         story=h.span, rule=f"{h.type.value}.vague", confidence=round(0.85 * h.confidence, 3),
                         story_fact=h.id))


def _source_said_so_too(comp: Comparison, h: Fact) -> bool:
    """'authorities said' where the aligned source sentence has 'regional authorities said': the story
    kept the source's own unnamed source, only shorter."""
    if comp.source is None or comp.source.lang != comp.story.lang:
        return False
    head = str(h.attrs.get("source") or "").lower().split()[-1:]
    if not head:
        return False
    aligned = {j for a in comp.alignments if a.story == h.sentence for j in a.source}
    return any(f.type is FactType.ATTRIBUTION and f.sentence in aligned
               and str(f.attrs.get("source") or "").lower().split()[-1:] == head for f in comp.source.facts)
